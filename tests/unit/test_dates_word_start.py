"""The date patterns spelt for speed find exactly what their plain spelling finds.

A pattern that begins with ``\\b`` makes the regex engine try every position of a sentence;
date_patterns.py spells "a word beginning here" as the word's first character followed by
``(?<!\\w.)``. These properties hold each such pattern to the plain spelling it replaces, on
sentences made of the pieces dates are made of.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st
from support.fuzzing import FUZZ

from mission_control.extract import date_patterns, prefilter

M, D, Y = date_patterns.MONTHS, date_patterns.DAY, date_patterns.YEAR
PLAIN = {
    date_patterns.ISO_RE: rf"\b{Y}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])",
    date_patterns.SPAN_RES[1]: rf"\b{M}\s+{D}{date_patterns.DASH}{D}(?:,?\s+{Y}\b|(?![\w.:]))",
    date_patterns.DATE_WORD_RE: rf"{Y}|\b{M}(?!\w)",
    date_patterns.DATE_PATTERNS[0][0]: rf"\b(?:the\s+)?{D}\s+of\s+{M},?\s+{Y}\b",
    date_patterns.DATE_PATTERNS[1][0]: rf"\b{D}\s+{M},?\s+{Y}\b",
    date_patterns.DATE_PATTERNS[2][0]: rf"\b{M}\s+{D},?\s+{Y}\b",
    date_patterns.DATE_PATTERNS[3][0]: rf"\b(?:the\s+)?{D}\s+of\s+{M}(?![\w.])(?!,?\s+{Y})",
    date_patterns.DATE_PATTERNS[4][0]: rf"\b{D}\s+{M}(?![\w.])(?!,?\s+{Y})",
    date_patterns.DATE_PATTERNS[5][0]: rf"\b{M}\s+{D}\b(?!,?\s+{Y})(?!:)",
    date_patterns.DATE_PATTERNS[6][0]: rf"\b{M},?\s+{Y}\b",
    date_patterns.MONTH_DAYS_RE: (
        rf"\b(?P<month>{M})\s+(?P<days>{D}(?:\s*,\s*{D})*\s*,?\s+and\s+{D})"
        rf"(?:,?\s+(?P<year>{Y})\b)?(?![\d:])"
    ),
}
PIECES = [
    "the", "of", "and", "to", "-", ",", ".", ":", " ", "  ", "x", "_", "é", "0", "1", "2", "3",
    "9", "12", "31", "07", "1974", "2001", "1899", "Jan", "January", "May", "June", "Sept",
    "Sep", "March", "Dec.", "st", "th", "nd", "Ma", "Ju", "J", "y", "between", "from", "in",
    "In", "IN", "during", "early", "mid", "on", "On", "until", "through", "\u2013",
]  # fmt: skip
sentences = st.lists(st.sampled_from(PIECES), max_size=14).map("".join) | st.lists(
    st.sampled_from(PIECES), max_size=10
).map(" ".join)


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
    assert spans(date_patterns.DATE_PATTERNS[2][0], "Prima 5, 1974") == []
    assert spans(date_patterns.DATE_PATTERNS[4][0], "x12 May then") == []
    assert spans(date_patterns.DATE_PATTERNS[4][0], "12 May then") == [(0, 6)]


@FUZZ
@given(sentences)
@example("during 1974 and early - 2001, from 3 to 5 May, on 2 and 7 June, In March")
def test_a_pattern_tried_only_where_it_can_begin_finds_all_it_finds_anywhere(text: str) -> None:
    low = prefilter.folded(text)
    for pattern, starts in date_patterns.STARTS.items():
        found = [m.span() for m in prefilter.finditer(pattern, starts, text, low)]
        assert found == spans(pattern, text), (pattern.pattern[:40], text)
