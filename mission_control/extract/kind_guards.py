"""Which of the keyword patterns :func:`.kinds.find_keywords` runs a clause may match, and
where: each pattern's cues and starts (see :mod:`.keyword_scan`) as masks of one
:class:`~.keyword_scan.CueMask` that reads a clause once for all of them."""

from __future__ import annotations

import functools
import operator
import re

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

# What find_keywords reads of each pattern's cues and starts: the mask of its cues, of its
# starts tried in any clause, and each other start's with the mask of the cues it needs;
# a pattern is named by its place here, with the mask of all it asks of a clause.
_GUARDS: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []


def _guard(name: str, cues: tuple[str, ...], starts: tuple[str, ...]) -> tuple[int, int]:
    """The mask of what a pattern's guard asks of a clause, and the guard's place."""
    needs = vocabulary.START_CUES.get(name, {})
    assert set(needs) <= set(starts), name
    bits = held_mask.bits
    always = bits(s for s in starts if s not in needs)
    sometimes = tuple((bits(cs), bits([s])) for s, cs in needs.items())
    _GUARDS.append((bits(cues), always, sometimes))
    asked = functools.reduce(operator.or_, (n | s for n, s in sometimes), bits(cues) | always)
    return asked, len(_GUARDS) - 1


@functools.lru_cache(maxsize=4096)
def tried(guard: int, held: int) -> tuple[str, ...]:
    """The starts at which a guarded pattern is tried in a clause that holds ``held`` of
    what its guard asks: none without a cue, else those a cue held does not rule out."""
    cues, always, sometimes = _GUARDS[guard]
    if not held & cues:
        return ()
    starts = held & always
    for needs, start in sometimes:
        if held & needs:
            starts |= held & start
    return held_mask.named(starts)


HYPOTHETICAL = _guard("HYPOTHETICAL", vocabulary.HYPOTHETICAL_CUES, vocabulary.HYPOTHETICAL_STARTS)
# Its cue "to" is held as a whole word.
TO = _guard("PLANNED_TO", (f" {vocabulary.PLANNED_TO_WORD} ",), vocabulary.PLANNED_TO_STARTS)
FOR = _guard("PLANNED_FOR", vocabulary.PLANNED_FOR_CUES, vocabulary.PLANNED_FOR_STARTS)
ADJECTIVE = _guard(
    "PLANNED_ADJECTIVE", vocabulary.PLANNED_ADJECTIVE_CUES, vocabulary.PLANNED_ADJECTIVE_STARTS
)
LATER = _guard("KIND_LATER", vocabulary.KIND_LATER_CUES, vocabulary.KIND_LATER_CUES)
PARACHUTE_BIT = held_mask.bits(PARACHUTE_CUES)
PLANNED_PHRASE_CUES = _GUARDS[FOR[1]][0] | _GUARDS[ADJECTIVE[1]][0]
# The kind table's rows as find_keywords reads them: rank, kind, pattern, its guard (the
# mask of what it asks, and its place), whether a match in group "later" needs a word of
# KIND_LATER after it, and whether a match may name the word that states the event within it
# (group "word"); each with the mask of its cues.
ROWS = tuple(
    (
        held_mask.bits(cues),
        (
            rank,
            kind,
            pattern,
            *_guard(kind, cues, starts),
            "later" in pattern.groupindex,
            "word" in pattern.groupindex,
        ),
    )
    for rank, (kind, pattern, cues, starts) in enumerate(vocabulary.KIND_PATTERNS)
)
ROW_CUES = functools.reduce(operator.or_, (cues for cues, _ in ROWS))


@functools.lru_cache(maxsize=1024)
def rows_held(
    cues: int,
) -> tuple[tuple[int, str, re.Pattern[str], int, int, bool, bool], ...]:
    """The rows of the kind table one of whose cues a clause holds (``cues``: their mask)."""
    return tuple(row for row_cues, row in ROWS if cues & row_cues)
