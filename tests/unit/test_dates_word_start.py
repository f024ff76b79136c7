"""The date patterns spelt for speed find exactly what their plain spelling finds.

A pattern that begins with ``\\b`` makes the regex engine try every position of a sentence;
dates.py spells "a word beginning here" as the word's first character followed by
``(?<!\\w.)``. These properties hold each such pattern to the plain spelling it replaces, on
sentences made of the pieces dates are made of.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from mission_control.extract import dates
from tests.support.fuzzing import FUZZ

M, D, Y = dates._MONTHS, dates._DAY, dates._YEAR
PLAIN = {
    dates._ISO_RE: rf"\b{Y}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])",
    dates._SPAN_RES[1]: rf"\b{M}\s+{D}{dates._DASH}{D}(?:,?\s+{Y}\b|(?![\w.:]))",
    dates._DATE_WORD_RE: rf"{Y}|\b{M}(?!\w)",
    dates._DATE_PATTERNS[0][0]: rf"\b(?:the\s+)?{D}\s+of\s+{M},?\s+{Y}\b",
    dates._DATE_PATTERNS[1][0]: rf"\b{D}\s+{M},?\s+{Y}\b",
    dates._DATE_PATTERNS[2][0]: rf"\b{M}\s+{D},?\s+{Y}\b",
    dates._DATE_PATTERNS[3][0]: rf"\b(?:the\s+)?{D}\s+of\s+{M}(?![\w.])(?!,?\s+{Y})",
    dates._DATE_PATTERNS[4][0]: rf"\b{D}\s+{M}(?![\w.])(?!,?\s+{Y})",
    dates._DATE_PATTERNS[5][0]: rf"\b{M}\s+{D}\b(?!,?\s+{Y})(?!:)",
    dates._DATE_PATTERNS[6][0]: rf"\b{M},?\s+{Y}\b",
    dates._MONTH_DAYS_RE: (
        rf"\b(?P<month>{M})\s+(?P<days>{D}(?:\s*,\s*{D})*\s*,?\s+and\s+{D})"
        rf"(?:,?\s+(?P<year>{Y})\b)?(?![\d:])"
    ),
}
PIECES = [
    "the", "of", "and", "to", "-", ",", ".", ":", " ", "  ", "x", "_", "é", "0", "1", "2", "3",
    "9", "12", "31", "07", "1974", "2001", "1899", "Jan", "January", "May", "June", "Sept",
    "Sep", "March", "Dec.", "st", "th", "nd", "Ma", "Ju", "J", "y",
]  # fmt: skip
sentences = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_each_fast_pattern_is_the_plain_one_respelt() -> None:
    for fast, plain in PLAIN.items():
        assert fast.pattern != plain
        assert r"\b" not in fast.pattern[:3]


@FUZZ
@given(sentences)
def test_the_fast_patterns_find_what_the_plain_ones_find(text: str) -> None:
    for fast, plain in PLAIN.items():
        assert spans(fast, text) == spans(re.compile(plain), text), (fast.pattern, text)


def test_a_word_that_only_ends_in_a_month_or_a_day_is_no_date() -> None:
    # "Prima 5" and "x12 May" are no dates: the letter before keeps them inside a word.
    assert spans(dates._DATE_PATTERNS[2][0], "Prima 5, 1974") == []
    assert spans(dates._DATE_PATTERNS[4][0], "x12 May then") == []
    assert spans(dates._DATE_PATTERNS[4][0], "12 May then") == [(0, 6)]
