"""Cheap tests that tell the reader a clause cannot match a keyword pattern, so the pattern
is not run over it.

A vocabulary pattern starts with ``\\b`` and ignores case, so Python's ``re`` tries it at every
character of a clause. Each such pattern has beside it its cues: words of which every match
holds at least one (tests/unit/test_kinds_speed.py checks this on the corpus and on made-up
text). A plain substring test for the cues in the clause's :func:`fold` is a necessary
condition for a match, and it costs a small part of a search.
"""

from __future__ import annotations

import re
import string

# What a case-insensitive pattern reads as each ASCII letter: the letter in either case, and
# four letters outside ASCII (dotted and dotless I, the long S, the Kelvin sign).
_FOLD = str.maketrans(
    {
        **{upper: upper.lower() for upper in string.ascii_uppercase},
        "\u0130": "i",
        "\u0131": "i",
        "\u017f": "s",
        "\u212a": "k",
    }
)


def fold(text: str) -> str:
    """The text as a case-insensitive pattern reads it, one character for each of the text's:
    every character a pattern's lower-case ASCII letter matches made that letter, the others
    kept. A lower-case cue a match holds is then found in the fold at the same place."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


def holding(folded: str, cues: tuple[str, ...]) -> frozenset[str]:
    """Which of the cues the fold of a clause holds: a pattern none of whose cues it holds
    cannot match the clause."""
    return frozenset(filter(folded.__contains__, cues))


def scan(
    pattern: re.Pattern[str], text: str, folded: str, starts: tuple[str, ...]
) -> list[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, found by trying the pattern only where
    one of its ``starts`` begins in ``folded`` (every match begins with one, and none is
    empty). ``text`` may be the folded text's own with stretches blanked out: a blank is no
    letter of a start."""
    at: set[int] = set()
    find = folded.find
    for start in starts:
        i = find(start)
        while i >= 0:
            at.add(i)
            i = find(start, i + 1)
    found: list[re.Match[str]] = []
    end = 0
    for i in sorted(at):
        if i >= end and (match := pattern.match(text, i)) is not None:
            found.append(match)
            end = match.end()
    return found
