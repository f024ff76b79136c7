"""A date phrase of one year is read as of a leap year and then put in its own year: what it
reads as must be what reading it with its year gives, a day that does not exist in its year
refused."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control.extract import date_phrases
from mission_control.model import Precision

_MONTHS = ["January", "February", "Feb.", "April", "June", "Sept.", "December"]


def _read_with_its_year(text: str, precision: Precision) -> tuple[int | None, ...] | None:
    years = re.findall(date_phrases.YEAR, text)
    try:
        if len(years) != 1:
            return date_phrases.shape_fields(text, precision)[:3]
        _, month, day, parsed = date_phrases.shape_fields(
            re.sub(date_phrases.YEAR, "2000", text), precision
        )
        datetime(int(years[0]), month, parsed)
        return int(years[0]), month, day
    except (ValueError, OverflowError):
        return None


def _read(text: str, precision: Precision) -> tuple[int | None, ...] | None:
    date_phrases.date_fields.cache_clear()
    try:
        return date_phrases.date_fields(text, precision)
    except (ValueError, OverflowError):
        return None


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    day=st.integers(1, 31),
    month=st.sampled_from(_MONTHS),
    year=st.integers(1890, 2099),
    form=st.sampled_from(["{d} {m} {y}", "{m} {d}, {y}", "the {d}th of {m} {y}", "{m} {y}"]),
)
def test_a_phrase_of_one_year_reads_as_with_its_year(
    day: int, month: str, year: int, form: str
) -> None:
    text = form.format(d=day, m=month, y=year)
    precision = Precision.MONTH if "{d}" not in form else Precision.DAY
    assert _read(text, precision) == _read_with_its_year(text, precision)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("29 February 1976", (1976, 2, 29)),
        ("29 February 1975", None),
        ("28 February 1975", (1975, 2, 28)),
        ("31 April 1975", None),
        ("1975-02-29", None),
        ("1976-02-29", (1976, 2, 29)),
    ],
)
def test_a_day_is_refused_only_where_it_does_not_exist(
    text: str, read: tuple[int, int, int] | None
) -> None:
    assert _read(text, Precision.DAY) == read
