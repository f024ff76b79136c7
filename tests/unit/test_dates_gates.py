"""read_dates tries a date pattern only in a sentence that holds all the pattern needs (a
month, a year, a digit, "of", "and"), and reads a phrase of one year as of a leap year, once
for all its years: each is proved to change nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from support.fuzzing import FUZZ

from mission_control.extract import date_patterns, date_phrases, dates
from mission_control.model import Precision

PIECES = [
    "the", "of", "Of", "and", "to", "-", ",", ".", ":", " ", "  ", "\t", "x", "é", "0", "1",
    "2", "3", "9", "12", "29", "31", "07", "1974", "2000", "2001", "1899", "١٩٧٤", "Jan",
    "January", "Feb", "May", "June", "Sept", "Sep", "March", "Oct", "Dec.", "st", "th", "nd",
    "rd", "Ma", "between", "from", "in", "In", "IN", "during", "early", "mid", "by", "By",
    "since", "late", "throughout", "on", "On", "until", "through", "\u2013", "\u2014", "(",
    ")", "/", "un", "an",
]  # fmt: skip
sentences = st.lists(st.sampled_from(PIECES), max_size=14).map("".join) | st.lists(
    st.sampled_from(PIECES), max_size=10
).map(" ".join)


@FUZZ
@given(sentences)
@example("the 5th of May 1974, on 2 and 7 June, 1974-05-02, Jan. 4, 9 and 12, 1980")
@example("between 3 and 5 May 2001, in March, during 1974, March 1974, May 5")
def test_a_pattern_matches_only_in_a_sentence_that_holds_all_it_needs(text: str) -> None:
    months, years = date_patterns.date_words(text)
    held = date_patterns.holds(text, bool(months), bool(years))
    for pattern, needs in date_patterns.NEEDS.items():
        if pattern.search(text):
            assert needs & ~held == 0, (pattern.pattern[:40], text)


def test_every_pattern_has_its_needs() -> None:
    patterns = {p for p, _ in date_patterns.DATE_PATTERNS}
    patterns |= {*date_patterns.SPAN_RES, date_patterns.ISO_RE}
    patterns |= {date_patterns.MONTH_DAYS_RE, date_patterns.DAY_LIST_RE}
    assert set(date_patterns.NEEDS) == patterns


def _plain_fields(text: str, precision: Precision) -> tuple[int | None, int | None, int | None]:
    """A date phrase read whole, each time (a phrase of one year read as of a leap year and
    put in its year): what the reading of its shape must give."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text).replace(".", " ")
    cleaned = re.sub(r"^(?:the\s+)?(\d+)\s+of\b", r"\1", cleaned)
    if precision is Precision.MONTH:
        cleaned = " ".join(re.findall(rf"{date_patterns.MONTHS}|{date_patterns.YEAR}", cleaned))
    has_year = re.search(date_patterns.YEAR, text) is not None
    if precision is Precision.YEAR:
        return int(text[-4:]), None, None
    years = re.findall(date_patterns.YEAR, cleaned)
    if len(years) == 1:
        leap = re.sub(date_patterns.YEAR, "2000", cleaned)
        d1 = date_phrases.parse_phrase(leap).replace(year=int(years[0]))
    else:
        d1 = date_phrases.parse_phrase(cleaned)
    year = d1.year if has_year else None
    if precision is Precision.MONTH:
        return year, d1.month, None
    if not re.search(rf"(?<!\d)0?{d1.day}(?!\d)", cleaned):
        raise ValueError(text)
    if year is None:
        datetime(2000, d1.month, d1.day)
    return year, d1.month, d1.day


PHRASE_PIECES = [
    "the ", "of ", " ", ", ", ".", "1", "5", "05", "12", "28", "29", "30", "31", "st", "nd",
    "th", "1974", "1976", "1900", "2000", "2001", "1899", "2099", "١٩٧٤", "Feb", "February",
    "Feb.", "May", "Sept.", "December", "Jan", "-", "to", "and",
]  # fmt: skip
phrases = st.lists(st.sampled_from(PHRASE_PIECES), min_size=1, max_size=8).map("".join)


def _outcome(read: Callable[[str, Precision], object], text: str, precision: Precision) -> object:
    try:
        return read(text, precision)
    except (ValueError, OverflowError):
        return "no date"


@FUZZ
@given(phrases, st.sampled_from([Precision.DAY, Precision.MONTH]))
@example("29 February 1976", Precision.DAY)
@example("29 February 1974", Precision.DAY)
@example("February 29th, 1900", Precision.DAY)
@example("the 31st of May 1974", Precision.DAY)
@example("5-7 Feb 1974", Precision.MONTH)
def test_a_phrase_reads_as_its_shape_in_its_own_year(text: str, precision: Precision) -> None:
    date_phrases.date_fields.cache_clear()
    date_phrases.shape_fields.cache_clear()
    expected = _outcome(_plain_fields, text, precision)
    assert _outcome(date_phrases.date_fields, text, precision) == expected, text
    assert _outcome(date_phrases.date_fields, text, precision) == expected, text  # from the cache


@pytest.mark.parametrize("year", [1974, 1975, 1976, 2000, 1900])
def test_29_february_is_a_day_only_of_a_leap_year(year: int) -> None:
    found, warnings = dates.find_dates(f"It landed on 29 February {year}.")
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    assert bool(found) == leap and bool(warnings) != leap


@FUZZ
@given(sentences)
@example("the 5th of May 1974, in June 1975 and 7 June; during 1976 (1977), May 5")
@example("on 2 and 7 June")
def test_a_match_of_a_pattern_that_needs_a_month_or_a_year_holds_one_of_them(text: str) -> None:
    months, years = date_patterns.date_words(text)
    for pattern, needs in date_patterns.NEEDS.items():
        for match in pattern.finditer(text):
            start, end = match.span()
            if needs & date_patterns.HAS_MONTH:
                assert any(start <= at < end for at in months), (pattern.pattern[:40], text)
            if needs & date_patterns.HAS_YEAR:
                assert any(start <= at < end for at in years), (pattern.pattern[:40], text)


DATE_PIECES = [
    " ", ", ", " and ", " to ", "-", " of ", "the ", "on ", "in ", "during ", "between ", "(",
    ")", "5", "7", "12", "29", "31", "5th", "1974", "1975", "2001", "May", "June", "Feb.",
    "March", "Sept.", "1974-05-02", "x",
]  # fmt: skip
date_sentences = st.lists(st.sampled_from(DATE_PIECES), max_size=16).map("".join)


@FUZZ
@given(date_sentences)
@example("on 5 May 1974 and in June, between 5 and 7 March, 1975-05-02 (1976), May 5")
@example("on 5 and 7 May 1974")
def test_the_gates_change_no_reading(text: str) -> None:
    gated = dates.read_dates(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dates, "first_holds", lambda *_: date_patterns.HOLDS_ALL)
        patch.setattr(dates, "settle", lambda _, held, __: held)
        patch.setattr(dates, "_unclaimed", lambda held, *_: held)
        assert dates.read_dates(text) == gated, text
