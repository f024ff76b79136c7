"""Text the widgets and screens show for domain values; no textual import, so it is unit-testable.

Quantity text comes with a mission the reader prepared (and the cache kept); only a quantity
made some other way needs pint (about a second to load) to be described, so
:func:`quantity_table` is meant to run in a worker thread; everything else here is cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from mission_control.campaign import CampaignEvents, MissionTrack
from mission_control.ephemeris import AU_KM
from mission_control.event_time import event_met_s
from mission_control.mission import Mission
from mission_control.model import Event, Quantity, QuantityText
from mission_control.state import earth_receive
from mission_control.timescale import format_duration, format_met, to_tick

if TYPE_CHECKING:
    from mission_control.trajectory import Position, Transfer

__all__ = [
    "PART_LABELS",
    "QuantityTable",
    "QuantityText",
    "countdown",
    "describe_quantities",
    "distance",
    "earth_receive_text",
    "event_key",
    "event_met",
    "jump_targets",
    "light_time",
    "part_label",
    "position_readout",
    "quantity_table",
    "short_light_time",
    "speed",
    "transfer_facts",
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


def earth_receive_text(
    event: Event, track: MissionTrack, transfer: Transfer | None
) -> tuple[str, str]:
    """Light time and Earth-receive time of an event (``≈`` when the modelled transfer
    gives them), or why they are not given."""
    found = earth_receive(track, transfer, event)
    if found is None:
        why = "n/a: no modelled position" if event.at >= _launch(track) else "n/a before launch"
        return why, why
    received, approximate = found
    mark = "≈ " if approximate else ""
    light = mark + light_time((received - event.at).total_seconds())
    if not event.timed:
        return light, "n/a: the event's time of day is not stated"
    return light, mark + _utc(received)


def _launch(track: MissionTrack) -> datetime:
    return track.launch.at if track.launch is not None else datetime.max.replace(tzinfo=UTC)


def distance(km: float, system: str) -> str:
    """A distance as a reader would say it: ``48,000 km``, ``41.2 M km``, ``1.52 AU``
    beyond 1 AU; ``25.6 M mi`` in imperial. Conversions by pint."""
    from mission_control import units

    if system == "imperial":
        miles = km * units.factor("km", "mi")
        return f"{miles / 1e6:,.1f} M mi" if miles >= 1e6 else f"{miles:,.0f} mi"
    if km >= AU_KM:
        return f"{km * units.factor('km', 'au'):.2f} AU"
    return f"{km / 1e6:,.1f} M km" if km >= 1e6 else f"{km:,.0f} km"


def speed(km_s: float, system: str) -> str:
    """A speed: ``27.4 km/s``, or ``61,300 mph`` in imperial (pint converts)."""
    from mission_control import units

    if system == "imperial":
        return f"{km_s * units.factor('km/s', 'mph'):,.0f} mph"
    return f"{km_s:,.1f} km/s"


def position_readout(position: Position, target_name: str, system: str) -> str:
    """One craft's modelled numbers on one line, ``≈`` marking the modelled ones."""
    mark = "≈" if position.approximate else ""
    parts = [
        f"{mark}{distance(position.earth_distance_km, system)} from Earth",
        f"{mark}{distance(position.target_distance_km, system)} to {target_name}"
        if position.model == "transfer"
        else f"at {target_name}",
        f"{mark}{speed(position.heliocentric_speed_km_s, system)}",
        f"light {mark}{short_light_time(position.owlt_s)}",
    ]
    return " · ".join(parts)


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


def transfer_facts(event: Event, transfer: Transfer | None) -> list[tuple[str, str]]:
    """What the modelled transfer adds to an event's detail: the departure's C3 for the
    launch, the speed relative to the planet for the events at the arrival."""
    if transfer is None:
        return []
    tick = to_tick(event.at)
    if event.kind == "launch" and tick == transfer.departure_tick:
        return [("C3", f"≈ {transfer.c3_km2_s2:.2f} km²/s² (modelled transfer)")]
    if tick == transfer.arrival_tick:
        relative = transfer.arrival_speed_km_s
        both = f"{speed(relative, 'si')} ({speed(relative, 'imperial')})"
        return [("arrival speed", f"≈ {both} relative to {transfer.target_name} (modelled)")]
    return []
