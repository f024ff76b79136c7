"""Text the widgets and screens show for domain values; no textual import, so it is unit-testable.

Quantity text comes with a mission the reader prepared (and the cache kept); only a quantity
made some other way needs pint (about a second to load) to be described, so
:func:`quantity_table` is meant to run in a worker thread; everything else here is cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from mission_control.campaign import CampaignEvents, MissionTrack
from mission_control.event_time import event_met_s
from mission_control.mission import Mission
from mission_control.model import Event, Quantity, QuantityText
from mission_control.timescale import format_duration, format_met

__all__ = [
    "PART_LABELS",
    "QuantityTable",
    "QuantityText",
    "countdown",
    "describe_quantities",
    "earth_receive_text",
    "event_key",
    "event_met",
    "jump_targets",
    "light_time",
    "part_label",
    "quantity_table",
    "short_light_time",
]

PART_LABELS = {"spacecraft": "s/c"}
"""Short part names for narrow columns (``s/c`` is the usual abbreviation)."""


def event_key(event: Event) -> str:
    """A stable id for one event across the program: ``mars6#4``."""
    return f"{event.mission_id}#{event.index}"


def part_label(part: str) -> str:
    return PART_LABELS.get(part, part)


def event_met(event: Event, track: MissionTrack) -> str:
    met = event_met_s(event, track.mission)
    return format_met(met) if met is not None else "—"


def light_time(seconds: float) -> str:
    """``12 m 41.1 s``: one-way light time as a reader would say it."""
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)} m {rest:04.1f} s" if minutes else f"{rest:.1f} s"


def short_light_time(seconds: float) -> str:
    """``12m41s``, for the clock's crowded lines."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}m{rest:02d}s" if minutes else f"{rest}s"


def countdown(seconds: float) -> str:
    """``T-00:05:12`` to an event that is ``seconds`` ahead."""
    return format_duration(-seconds, "T")


def earth_receive_text(event: Event, track: MissionTrack) -> tuple[str, str]:
    """Light time and Earth-receive time of an event, or why they are not given."""
    received = track.earth_receive(event)
    if received is None:
        return "n/a before approach", "n/a before approach"
    if not event.timed:
        return (
            light_time((received - event.at).total_seconds()),
            "n/a: the event's time of day is not stated",
        )
    return light_time((received - event.at).total_seconds()), _utc(received)


def _utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def describe_quantities(event: Event) -> tuple[QuantityText, ...]:
    """Every quantity of ``event`` in both unit systems, with both conversions."""
    return tuple(q.shown if q.shown is not None else _describe(q) for q in event.quantities)


def _describe(q: Quantity) -> QuantityText:
    from mission_control import units

    return units.describe(q)


QuantityTable = dict[str, tuple[QuantityText, ...]]
"""Quantities of every event that has any, by :func:`event_key`."""


def quantity_table(missions: Iterable[Mission]) -> QuantityTable:
    """The quantities of every event that has any; only those events are made."""
    table: QuantityTable = {}
    for mission in missions:
        for index, quantities in enumerate(mission.table.column("quantities")):
            if quantities:
                event = mission.events[index]
                table[event_key(event)] = describe_quantities(event)
    return table


JUMP_TARGETS_ALL = 2_000
"""Up to this many events, the command palette offers to jump to every one of them."""


def jump_targets(events: CampaignEvents) -> list[int]:
    """Positions in replay order of the events the command palette offers to jump to: all of
    them, or past :data:`JUMP_TARGETS_ALL` the first of each kind in each mission."""
    if len(events) <= JUMP_TARGETS_ALL:
        return list(range(len(events)))
    seen: set[tuple[str, str]] = set()
    out = []
    kinds = events.column("kind")
    for position, key in enumerate(zip(events.column("mission_id"), kinds, strict=True)):
        if key not in seen:
            seen.add(key)
            out.append(position)
    return out
