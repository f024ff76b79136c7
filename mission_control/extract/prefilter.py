"""Cheap necessary conditions tried before a costly pattern.

Python's ``re`` finds candidates fast only for a pattern that opens with a literal: one that
opens with ``\\b``, a lookbehind or a case-insensitive letter is tried at every position of a
text. The reader's tables pair such a pattern with the lowercase words every match must
contain (a literal test on the lowered text) or begin with (a pattern over the lowered text
that finds where to try it), and a test proves each pairing a necessary condition.
"""

from __future__ import annotations

import re


def folded(text: str) -> str | None:
    """``text`` lowered, when case-insensitive matching can find nothing in it that the lowered
    text hides (an ASCII text: each letter matches only itself in either case); else None,
    and no prefilter applies."""
    return text.lower() if text.isascii() else None


def has_any(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether the lowered text holds one of ``words`` (always, for a text not folded)."""
    if low is None:
        return True
    return any(map(low.__contains__, words))


def any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of ``words`` (literal, lowercase): one scan of a lowered text
    in place of a test for each word."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def finditer(
    pattern: re.Pattern[str], starts: re.Pattern[str], text: str, view: str | None
) -> list[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, trying ``pattern`` only where ``starts``
    matches ``view`` (where every match of ``pattern`` begins): the lowered text for a
    case-insensitive pattern, the text itself for one that heeds case."""
    if view is None:
        return list(pattern.finditer(text))
    found: list[re.Match[str]] = []
    pos = 0
    while (hit := starts.search(view, pos)) is not None:
        match = pattern.match(text, hit.start())
        if match is None:
            pos = hit.start() + 1
        else:
            found.append(match)
            pos = max(match.end(), hit.start() + 1)
    return found
