"""Where a mission's modelled cruise ends: its first event at the target, of a kind that
happens at a body, after the launch's first day, and stated in a sentence that names no
other body; and the first other body passed on the way (a gravity assist one conic cannot
model)."""

from __future__ import annotations

import functools
import re

from mission_control.ephemeris import BODIES, PLANETS, Body, planet_of
from mission_control.event_table import EventTable
from mission_control.status_rules import Rules

_OTHER_BODIES = ("the Moon", *sorted(name for name in PLANETS if name != "Earth"))
"""Bodies other than Earth a sentence may name as a place. Earth is left out: a sentence
about an event at the planet often says the data went to Earth."""


@functools.cache
def _elsewhere() -> re.Pattern[str]:
    """A body of :data:`_OTHER_BODIES` named as a place, not in a craft's name ("Mars 4",
    "Venus-8"); compiled on first need: most sentences name none of them at all."""
    names = "|".join(_OTHER_BODIES)
    return re.compile(rf"\b(?:{names})\b(?![-\u2010\u2011\s]*\d)")


def _bodies_named(sentence: str, here: set[str | None]) -> set[str]:
    """The bodies other than those ``here`` (the target's place) and Earth that ``sentence``
    names as places."""
    if not any(name in sentence for name in _OTHER_BODIES if name not in here):
        return set()
    return {m[0] for m in _elsewhere().finditer(sentence)} - here


def _same_place(target: str | None) -> set[str | None]:
    """The target and the bodies the model puts at its place (Phobos's Mars)."""
    body = BODIES.get(target) if target else None
    if body is None:
        return {target}
    return {target, *(n for n, b in BODIES.items() if planet_of(b) == planet_of(body))}


def first_arrival(
    table: EventTable,
    ticks: tuple[float, ...],
    rules: Rules,
    launch_tick: float | None,
    target: tuple[str, Body] | None,
) -> tuple[int | None, str | None]:
    """The index of the first event at the planet: of a kind that happens at one (a
    separation, a flyby...), after the launch phase (an upper stage separates on the launch's
    day), and not stated in a sentence that names another body; and the first such other
    body passed on the way (a flyby of Venus on the way to Mercury), if any."""
    kinds, sources = table.column("kind"), table.column("provenance")
    here = _same_place(target[0] if target is not None else None)
    passed: str | None = None
    for index, kind in enumerate(kinds):
        if kind not in rules.arrival_kinds:
            continue
        if launch_tick is not None and ticks[index] <= launch_tick + rules.launch_phase_s:
            continue
        named = {body for source in sources[index] for body in _bodies_named(source[1], here)}
        if not named:
            return index, passed
        passed = passed or " and ".join(sorted(named))
    return None, passed
