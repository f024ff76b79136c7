"""Which of the keyword patterns :func:`.kinds.find_keywords` runs a clause may match, and
where: each pattern's cues and starts (see :mod:`.keyword_scan`) as masks of one
:class:`~.keyword_scan.CueMask` that reads a clause once for all of them."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from mission_control.extract import vocabulary
from mission_control.extract.keyword_scan import CueFinder, CueMask

PARACHUTE = re.compile(r"\bparachutes?\b", re.I)
PARACHUTE_CUES = ("parachute",)
"""What every match of PARACHUTE holds, and begins with (as KIND_LATER's cues do)."""

PLANNED_PHRASES = (
    (vocabulary.PLANNED_FOR, vocabulary.PLANNED_FOR_CUES, vocabulary.PLANNED_FOR_STARTS),
    (
        vocabulary.PLANNED_ADJECTIVE,
        vocabulary.PLANNED_ADJECTIVE_CUES,
        vocabulary.PLANNED_ADJECTIVE_STARTS,
    ),
)
# Every pattern find_keywords runs, with its cues and starts.
_GUARDED: tuple[tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]], ...] = (
    *((pattern, cues, starts) for _, pattern, cues, starts in vocabulary.KIND_PATTERNS),
    (vocabulary.HYPOTHETICAL, vocabulary.HYPOTHETICAL_CUES, vocabulary.HYPOTHETICAL_STARTS),
    (vocabulary.PLANNED_TO, vocabulary.PLANNED_TO_CUES, vocabulary.PLANNED_TO_STARTS),
    *PLANNED_PHRASES,
    (vocabulary.KIND_LATER, vocabulary.KIND_LATER_CUES, vocabulary.KIND_LATER_CUES),
    (PARACHUTE, PARACHUTE_CUES, PARACHUTE_CUES),
)
# Their cues, and their starts: which of them a clause holds is found once for all.
CUES = tuple(sorted({cue for _, cues, _ in _GUARDED for cue in cues}))
STARTS = tuple(sorted({start for _, _, starts in _GUARDED for start in starts}))
held_in = CueFinder((*CUES, *STARTS))
# The same as a mask, with the cues some starts need (vocabulary.START_CUES).
_NEEDED = sorted(
    {c for table in vocabulary.START_CUES.values() for cs in table.values() for c in cs}
)
_LOOKED_FOR = (*CUES, *sorted(set(STARTS) - set(CUES)))
held_mask = CueMask(
    (*_LOOKED_FOR, *(c for c in _NEEDED if c not in _LOOKED_FOR)), (vocabulary.PLANNED_TO_WORD,)
)

# A pattern's guard as find_keywords reads it: the mask of its cues, of its starts tried in
# any clause that holds a cue, and each other start's with the mask of the cues it needs.
Guard = tuple[int, int, tuple[tuple[int, int], ...]]


def _guard(name: str, cues: tuple[str, ...], starts: tuple[str, ...]) -> Guard:
    needs = vocabulary.START_CUES.get(name, {})
    assert set(needs) <= set(starts), name
    bits = held_mask.bits
    always = bits(s for s in starts if s not in needs)
    return bits(cues), always, tuple((bits(cs), bits([s])) for s, cs in needs.items())


def _tried(guard: Guard, held: int) -> tuple[str, ...]:
    """The starts at which a guarded pattern is tried in a clause that holds ``held``: none
    without a cue, else those a cue held does not rule out."""
    cues, always, sometimes = guard
    if not held & cues:
        return ()
    starts = held & always
    for needs, start in sometimes:
        if held & needs:
            starts |= held & start
    return held_mask.named(starts)


HYPOTHETICAL = _guard("HYPOTHETICAL", vocabulary.HYPOTHETICAL_CUES, vocabulary.HYPOTHETICAL_STARTS)
# Its cue "to" is held as a whole word (vocabulary.PLANNED_TO_WORD).
TO = _guard("PLANNED_TO", (f" {vocabulary.PLANNED_TO_WORD} ",), vocabulary.PLANNED_TO_STARTS)
FOR = _guard("PLANNED_FOR", vocabulary.PLANNED_FOR_CUES, vocabulary.PLANNED_FOR_STARTS)
ADJECTIVE = _guard(
    "PLANNED_ADJECTIVE", vocabulary.PLANNED_ADJECTIVE_CUES, vocabulary.PLANNED_ADJECTIVE_STARTS
)
LATER = _guard("KIND_LATER", vocabulary.KIND_LATER_CUES, vocabulary.KIND_LATER_CUES)
PARACHUTE_BIT = held_mask.bits(PARACHUTE_CUES)
# The kind table's rows as find_keywords reads them: rank, kind, pattern, guard, whether a
# match in group "later" needs a word of KIND_LATER after it, and whether a match may name the
# word that states the event within it (group "word").
_ROWS = tuple(
    (
        rank,
        kind,
        pattern,
        _guard(kind, cues, starts),
        "later" in pattern.groupindex,
        "word" in pattern.groupindex,
    )
    for rank, (kind, pattern, cues, starts) in enumerate(vocabulary.KIND_PATTERNS)
)

Row = tuple[int, str, re.Pattern[str], tuple[str, ...], bool, bool]


class Plan(NamedTuple):
    """What find_keywords tries in a clause, by the cues it holds: the starts of PLANNED_TO,
    HYPOTHETICAL and KIND_LATER, whether it may name a parachute, the rows of the kind table
    with their starts (rank, kind, pattern, starts, and the two flags of a row), and the
    starts of PLANNED_FOR and PLANNED_ADJECTIVE."""

    due: tuple[str, ...]
    hypothetical: tuple[str, ...]
    later: tuple[str, ...]
    parachute: bool
    rows: tuple[Row, ...]
    planned_for: tuple[str, ...]
    planned_adjective: tuple[str, ...]


@functools.lru_cache(maxsize=4096)
def plan(held: int) -> Plan:
    """The plan for a clause that holds the cues of ``held``: made once for the many clauses
    of an article that hold the same few cues of the vocabulary."""
    rows = []
    for rank, kind, pattern, guard, needs_later, at_word in _ROWS:
        starts = _tried(guard, held)
        if starts:
            rows.append((rank, kind, pattern, starts, needs_later, at_word))
    return Plan(
        _tried(TO, held),
        _tried(HYPOTHETICAL, held),
        _tried(LATER, held),
        bool(held & PARACHUTE_BIT),
        tuple(rows),
        _tried(FOR, held),
        _tried(ADJECTIVE, held),
    )
