"""What a clause says went wrong: the tags of :data:`~.vocabulary.OUTCOME_PATTERNS` it matches.

Each pattern is tried only when the fold of the clause (:func:`.keyword_scan.fold`: the text
as a case-blind pattern reads it) holds one of its words, as every match of it does: most
clauses hold none, and are not searched at all."""

from __future__ import annotations

from mission_control.extract import prefilter, vocabulary
from mission_control.extract.keyword_scan import fold

# Every word an outcome pattern's match holds, and a pattern finding any of them.
_WORDS = tuple(dict.fromkeys(w for _, _, words in vocabulary.OUTCOME_PATTERNS for w in words))
_ANY_WORD = prefilter.any_word(_WORDS)


def stated_outcomes(text: str, folded: str | None = None) -> list[str]:
    """The outcome tags a clause states, in the table's order. ``folded``: its fold, if
    already made."""
    folded = fold(text) if folded is None else folded
    if _ANY_WORD.search(folded) is None:
        return []
    held = {w for w in _WORDS if w in folded}
    return [
        tag
        for tag, pattern, words in vocabulary.OUTCOME_PATTERNS
        if not held.isdisjoint(words) and pattern.search(text)
    ]
