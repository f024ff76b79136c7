"""Each part's phase (the bus, a lander...) at any moment, derived from the events and the
rules table (``data/status_rules.toml``, ``[phases]`` and ``[part_phases]``).

A part follows the events that concern it: its own, and the whole spacecraft's for the
main part (the bus, else the orbiter). A part the main part carries (a lander) follows the
main part's events too until an event releases it (a separation that did not fail), so it
shares the bus's phase until then. Time alone turns launch into cruise, cruise into
approach, and a flyby into the derived "heliocentric orbit" when nothing says the part
landed or entered orbit; after the mission's last event a phase still under way has ended.

The phases are worked out once per part when a replay is prepared (``campaign``); this
module reads plain columns, so it needs nothing of the campaign.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import Protocol

from mission_control.event_table import EventTable
from mission_control.status_rules import Rules

PART_PHASES: tuple[str, ...] = (
    "pre-launch",
    "launch",
    "cruise",
    "approach",
    "separation",
    "entry and descent",
    "flyby",
    "landed",
    "orbit",
    "heliocentric orbit",
    "contact lost",
    "ended",
)
"""Every phase a part can be in, in the order a mission usually meets them."""

DERIVED_PHASES = frozenset({"heliocentric orbit"})
"""Phases no sentence states: they follow from what the events leave unsaid."""

_UNDER_WAY = frozenset({"launch", "cruise", "approach", "separation", "entry and descent"})
"""Phases that end with the mission's last event unless that event began them."""

MAIN_PARTS: tuple[str, ...] = ("bus", "orbiter")
"""The part an event of the whole spacecraft concerns: the first of these a mission has."""

CARRIED_BY_LANDER = frozenset({"rover", "capsule"})
"""Parts a lander carries down when the mission has one (else the main part carries them):
a rover, and a sample-return capsule that leaves the surface with the lander's ascent
stage."""

Span = tuple[float, float, str]
"""A phase and the ticks it begins and ends at (the last one ends at infinity)."""


class PhaseTrack(Protocol):
    """What the phases are read from: a prepared mission (``campaign.MissionTrack``)."""

    @property
    def events(self) -> EventTable: ...
    @property
    def ticks(self) -> tuple[float, ...]: ...
    @property
    def launch_tick(self) -> float | None: ...
    @property
    def approach_tick(self) -> float | None: ...
    @property
    def parts(self) -> dict[str, tuple[str, ...]]: ...


def main_part(parts: Sequence[str]) -> str:
    """The part an event of the whole spacecraft concerns: the bus or orbiter the mission
    has (an orbiter-and-lander craft has no bus), else the spacecraft itself: no bus is
    made up for a craft whose article names none."""
    return next((p for p in MAIN_PARTS if p in parts), "spacecraft")


def carrier_of(part: str, parts: Sequence[str]) -> str | None:
    """The part that carries ``part`` until an event releases it: a rover's or a capsule's
    lander if the mission has one, else the main part; None for the main part itself."""
    main = main_part(parts)
    if part == main:
        return None
    if part in CARRIED_BY_LANDER and "lander" in parts:
        return "lander"
    return main


def phase_spans(track: PhaseTrack, part: str, rules: Rules) -> list[Span]:
    """Every phase ``part`` is in, in order, from before its launch on (see the module)."""
    table = track.events
    parts = list(track.parts)
    carriers: list[str] = []
    carrier = carrier_of(part, parts)
    while carrier is not None and carrier not in carriers and len(carriers) < len(parts) + 1:
        carriers.append(carrier)
        carrier = carrier_of(carrier, parts)
    return spans_of(
        table.column("kind"),
        table.column("part"),
        table.column("outcome"),
        track.ticks,
        part,
        main=main_part(parts),
        carriers=tuple(carriers),
        launch_tick=track.launch_tick,
        approach_tick=track.approach_tick,
        rules=rules,
    )


def part_phase(track: PhaseTrack, part: str, tick: float, rules: Rules) -> str:
    """The phase ``part`` is in at ``tick``."""
    return phase_in(phase_spans(track, part, rules), tick)


def phase_in(spans: Sequence[Span], tick: float) -> str:
    """The phase of ``spans`` (from :func:`phase_spans`) that ``tick`` falls in."""
    return spans[max(0, bisect.bisect_right(spans, tick, key=lambda s: s[0]) - 1)][2]


def event_phase(kind: str, outcome: str | None, rules: Rules, part: str = "") -> str | None:
    """The phase an event begins for the part it concerns: its first outcome tag the rules
    list, else its kind's for that part (the parts' table's ``"<part> <kind>"``, a rover's
    deployment), else its kind's (the parts' table first, then the mission's); None when it
    leaves the phase as it was."""
    table = rules.part_phases
    for tag in (outcome or "").split("; "):
        if tag in table.outcomes:
            return table.outcomes[tag] or None
    own = f"{part} {kind}"
    if own in table.kinds:
        return table.kinds[own] or None
    if kind in table.kinds:
        return table.kinds[kind] or None
    return rules.phases.get(kind)


def released(kind: str, outcome: str | None, rules: Rules) -> bool:
    """Whether an event of ``kind`` with ``outcome`` frees the part it concerns from the
    part carrying it (a separation that did not fail)."""
    return kind in rules.part_phases.release_kinds and event_phase(kind, outcome, rules) is not None


def spans_of(
    kinds: Sequence[str],
    parts: Sequence[str],
    outcomes: Sequence[str | None],
    ticks: Sequence[float],
    part: str,
    *,
    main: str,
    carriers: Sequence[str] | None = None,
    launch_tick: float | None,
    approach_tick: float | None,
    rules: Rules,
) -> list[Span]:
    """:func:`phase_spans` from the events' columns. ``carriers`` are the parts that carry
    ``part``, nearest first (a rover's lander, then the bus); by default the main part, if
    ``part`` is not it. A part follows a carrier's events while it and every carrier
    between are still attached."""
    turns: list[tuple[float, str]] = [(-math.inf, "pre-launch")]
    chain = [part, *(carriers if carriers is not None else ([main] if part != main else []))]
    # attached[k]: chain[k] is still carried by chain[k + 1].
    attached = [True] * (len(chain) - 1)
    last_tick = ticks[-1] if ticks else None
    for kind, event_part, outcome, tick in zip(kinds, parts, outcomes, ticks, strict=True):
        concerns = main if event_part == "spacecraft" else event_part
        if concerns not in chain:
            continue
        level = chain.index(concerns)
        if not all(attached[:level]):
            continue
        if level < len(attached) and released(kind, outcome, rules):
            attached[level] = False
        phase = event_phase(kind, outcome, rules, concerns)
        if phase is None:
            continue
        _run_clock(turns, tick, launch_tick, approach_tick, last_tick, rules)
        if phase != turns[-1][1]:
            turns.append((tick, phase))
    _run_clock(turns, math.inf, launch_tick, approach_tick, last_tick, rules)
    # Events stated only to the day share a tick: the last phase of that tick is the one
    # shown, and a phase that lasts no time is left out.
    kept: list[tuple[float, str]] = []
    for start, phase in turns:
        if kept and kept[-1][0] == start:
            kept.pop()
        if not kept or kept[-1][1] != phase:
            kept.append((start, phase))
    ends = [start for start, _ in kept[1:]] + [math.inf]
    return [(start, end, phase) for (start, phase), end in zip(kept, ends, strict=True)]


def _run_clock(
    turns: list[tuple[float, str]],
    until: float,
    launch_tick: float | None,
    approach_tick: float | None,
    last_tick: float | None,
    rules: Rules,
) -> None:
    """Add the turns time alone makes after the last one and before ``until``."""
    while True:
        since, phase = turns[-1]
        turn: tuple[float, str] | None = None
        if phase == "launch" and launch_tick is not None:
            turn = (max(since, launch_tick + rules.launch_phase_s), "cruise")
        elif phase == "cruise" and approach_tick is not None:
            turn = (max(since, approach_tick), "approach")
        elif phase == "flyby":
            turn = (since + rules.part_phases.flyby_s, rules.part_phases.after_flyby)
        ending = phase in _UNDER_WAY and last_tick is not None and since < last_tick
        if ending and last_tick is not None and (turn is None or turn[0] >= last_tick):
            turn = (last_tick, "ended")
        if turn is None or turn[0] >= until:
            return
        turns.append(turn)
