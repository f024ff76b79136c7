"""What a clause says went wrong: the tags of :data:`~.vocabulary.OUTCOME_PATTERNS` it matches.

Each pattern is tried only when the fold of the clause (:func:`.keyword_scan.fold`: the text
as a case-blind pattern reads it) holds the start its words share, as every match of it does
(it holds one of the words): most clauses hold none, and are not searched at all."""

from __future__ import annotations

import re

from mission_control.extract import prefilter, vocabulary
from mission_control.extract.keyword_scan import fold


def _shared_start(words: tuple[str, ...]) -> str:
    """The longest start every one of ``words`` has: the part of a row's words ("los" of
    "lost" and "loss") that a match of the row's pattern holds, as it holds one of them."""
    first = words[0]
    size = len(first)
    for word in words[1:]:
        while not word.startswith(first[:size]):
            size -= 1
    return first[:size]


# The words every match of a row's pattern begins with, in its fold: the pattern is tried
# only where one of them begins.
_STARTS = {
    "failed to separate": ("fail",),
    "retrorocket failure": ("retro", "failure"),
    "parachute failed": ("parachute",),
    "missed the planet": ("miss",),
    "failed to enter orbit": ("fail",),
    "contact lost": ("contact", "lost", "loss", "communication", "telemetry", "radio", "signal"),
    "chip degraded": ("chip", "component", "transistor", "circuit"),
    "data unusable": ("data",),
    "crashed": ("crash",),
    "malfunction": ("malfunction",),
}
_ROWS = tuple(
    (tag, pattern, _shared_start(words), prefilter.any_word(_STARTS[tag]))
    for tag, pattern, words in vocabulary.OUTCOME_PATTERNS
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
    return [
        tag
        for tag, pattern, shared, starts in _ROWS
        if shared in folded and _matches(pattern, starts, text, folded)
    ]


def _matches(pattern: re.Pattern[str], starts: re.Pattern[str], text: str, folded: str) -> bool:
    """Whether ``pattern`` matches ``text`` anywhere, tried where ``starts`` finds one of its
    matches may begin in the fold ``folded``: a pattern that opens with a word boundary
    would be tried at every character."""
    pos = 0
    while (hit := starts.search(folded, pos)) is not None:
        if pattern.match(text, hit.start()) is not None:
            return True
        pos = hit.start() + 1
    return False
