"""What a clause says went wrong: the tags of :data:`~.vocabulary.OUTCOME_PATTERNS` it matches.

Each pattern is tried only when the fold of the clause (:func:`.keyword_scan.fold`: the text
as a case-blind pattern reads it) holds the start its words share, as every match of it does
(it holds one of the words): most clauses hold none, and are not searched at all."""

from __future__ import annotations

from mission_control.extract import vocabulary
from mission_control.extract.keyword_scan import fold


# Each row of the table with the part its words share ("los" of "lost" and "loss"), which a
# match of the row's pattern holds as it holds one of them.
def _shared_start(words: tuple[str, ...]) -> str:
    """The longest start every one of ``words`` has."""
    first = words[0]
    size = len(first)
    for word in words[1:]:
        while not word.startswith(first[:size]):
            size -= 1
    return first[:size]


_ROWS = tuple(
    (tag, pattern, _shared_start(words)) for tag, pattern, words in vocabulary.OUTCOME_PATTERNS
)


def may_state_outcome(folded: str) -> bool:
    """Whether the fold of a clause holds the shared part of a row's words (:data:`_ROWS`),
    as one the row's pattern matches does. The tests are written out, each a search for a
    fixed string, as this is asked of every clause."""
    return (
        "data" in folded
        or "los" in folded
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
    return [tag for tag, pattern, shared in _ROWS if shared in folded and pattern.search(text)]
