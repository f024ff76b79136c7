"""Each part's rows and the events that set them: the systems a mission's events speak of
or its status rules set, then its instruments; for each row, the events that set it in the
order they take effect; twin craft's rows made alike; the events that release a part.

Worked out once when a replay is prepared (``campaign``), so a state at any moment is a
bisect per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

from mission_control import phases
from mission_control.event_table import EventTable
from mission_control.mission import Mission
from mission_control.status_rules import Rule, Rules
from mission_control.timescale import posix_tick

PART_ORDER: tuple[str, ...] = (
    "spacecraft",
    "bus",
    "orbiter",
    "lander",
    "capsule",
    "penetrator",
    "rover",
)
"""The order of a mission's panels: the craft that carries the others first."""


class Setters(msgspec.Struct, frozen=True):
    """The events that set one row, ordered by the tick each takes effect at."""

    indices: tuple[int, ...]
    rules: tuple[Rule, ...]
    effects: tuple[float, ...]


def part_rows(mission: Mission, setters: dict[tuple[str, str], Any]) -> dict[str, tuple[str, ...]]:
    """Each part's rows: the systems the events speak of or the rules touch, then instruments.
    Every part some event concerns has a panel, rows or none (a lander whose landing sets
    no system still shows its phase); the whole spacecraft only where it has rows."""
    rows: dict[str, list[str]] = {}
    for event in mission.events:
        if event.part != "spacecraft":
            rows.setdefault(event.part, [])
    for part, systems in mission.systems.items():
        rows.setdefault(part, []).extend(systems)
    for part, system in setters:
        names = rows.setdefault(part, [])
        if system not in names:
            names.append(system)
    for part, instruments in mission.instruments.items():
        names = rows.setdefault(part, [])
        names.extend(i for i in instruments if i not in names)
    ordered = sorted(rows, key=lambda p: PART_ORDER.index(p) if p in PART_ORDER else 99)
    return {p: tuple(rows[p]) for p in ordered}


def setters_of(
    table: EventTable, ticks: tuple[float, ...], rules: Rules
) -> dict[tuple[str, str], Setters]:
    """For each row, the events that set it and the rule that did (the last rule in table
    order, when several rules of one event set the same row), by the tick each takes effect
    at. Events of one kind, part and outcome set the same rows, so the rules are matched
    once per such combination."""
    found: dict[tuple[str, str], tuple[list[int], list[Rule]]] = {}
    effects: dict[tuple[str, str, str | None], list[tuple[list[int], list[Rule], Rule]]] = {}
    part_column = table.column("part")
    # The whole craft's rows are its main part's: the bus, or the orbiter of a craft with none.
    main = phases.main_part(list(dict.fromkeys(part_column)))
    columns = zip(table.column("kind"), part_column, table.column("outcome"), strict=True)
    for index, combination in enumerate(columns):
        effect = effects.get(combination)
        if effect is None:
            kind, part, outcome = combination
            concerns = main if part == "spacecraft" else part
            final = {(r.part_for(concerns), r.system): r for r in rules.matching_for(kind, outcome)}
            effect = effects[combination] = [
                (*found.setdefault(key, ([], [])), rule) for key, rule in final.items()
            ]
        for indices, setters, rule in effect:
            indices.append(index)
            setters.append(rule)
    windows = table.column("window")
    at = [ticks[i] if w is None else max(ticks[i], posix_tick(w[1])) for i, w in enumerate(windows)]
    indexed: dict[tuple[str, str], Setters] = {}
    for key, (indices, applied) in found.items():
        order = sorted(range(len(indices)), key=lambda k: (at[indices[k]], indices[k]))
        indexed[key] = Setters(
            indices=tuple(indices[k] for k in order),
            rules=tuple(applied[k] for k in order),
            effects=tuple(at[indices[k]] for k in order),
        )
    return indexed


def shared_rows(
    missions: Sequence[tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]],
) -> list[tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]]:
    """Each mission's rows (given with its instruments) with the same systems for a part of
    the same name in every mission: the union of theirs in the order first met, then the
    mission's own instruments; and for each part, the systems only another mission's text
    speaks of (nothing of this mission sets them: they read unknown). Twin craft so show
    the same rows."""
    systems: dict[str, list[str]] = {}
    for parts, instruments in missions:
        for part, names in parts.items():
            listed = set(instruments.get(part, ()))
            union = systems.setdefault(part, [])
            union.extend(n for n in names if n not in listed and n not in union)
    result = []
    for parts, instruments in missions:
        rows, shared = {}, {}
        for part, names in parts.items():
            carried = [n for n in names if n in instruments.get(part, ())]
            own = [n for n in systems[part] if n not in carried]
            rows[part] = (*own, *carried)
            shared[part] = tuple(n for n in own if n not in names)
        result.append((rows, shared))
    return result


def releases_of(table: EventTable, rules: Rules) -> dict[str, tuple[int, ...]]:
    """For each part, the events of a kind that releases it (failed ones too)."""
    found: dict[str, list[int]] = {}
    release = rules.part_phases.release_kinds
    for index, (kind, part) in enumerate(
        zip(table.column("kind"), table.column("part"), strict=True)
    ):
        if kind in release and part != "spacecraft":
            found.setdefault(part, []).append(index)
    return {part: tuple(indices) for part, indices in found.items()}
