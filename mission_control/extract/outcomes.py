"""What a clause says went wrong: the tags of :data:`~.vocabulary.OUTCOME_PATTERNS` it matches.

Each pattern is tried only when the fold of the clause (:func:`.keyword_scan.fold`: the text
as a case-blind pattern reads it) holds one of its words, as every match of it does: most
clauses hold none, and are not searched at all."""

from __future__ import annotations

from mission_control.extract import vocabulary
from mission_control.extract.keyword_scan import fold

# Every word an outcome pattern's match holds.
_WORDS = tuple(dict.fromkeys(w for _, _, words in vocabulary.OUTCOME_PATTERNS for w in words))


def may_state_outcome(folded: str) -> bool:
    """Whether the fold of a clause may hold one of :data:`_WORDS`: it holds a piece of one
    ("miss" of "missed" and "missing"). The tests are written out, each a search for a
    fixed string, as this is asked of every clause."""
    return (
        "data" in folded
        or "lost" in folded
        or "loss" in folded
        or "fail" in folded
        or "separate" in folded
        or "parachute" in folded
        or "retro" in folded
        or "miss" in folded
        or "crash" in folded
        or "degraded" in folded
        or "malfunction" in folded
    )


def stated_outcomes(text: str, folded: str | None = None) -> list[str]:
    """The outcome tags a clause states, in the table's order. ``folded``: its fold, if
    already made."""
    folded = fold(text) if folded is None else folded
    if not may_state_outcome(folded):
        return []
    held = {w for w in _WORDS if w in folded}
    return [
        tag
        for tag, pattern, words in vocabulary.OUTCOME_PATTERNS
        if not held.isdisjoint(words) and pattern.search(text)
    ]
