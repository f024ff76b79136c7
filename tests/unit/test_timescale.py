"""The program's one continuous time: leap seconds, MET, Moscow time, day of year."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mission_control.timescale import (
    format_duration,
    format_met,
    from_tick,
    parse_met,
    to_tick,
)

MARS6_LAUNCH = datetime(1973, 8, 5, 17, 45, 48, tzinfo=UTC)
MARS6_ENTRY = datetime(1974, 3, 12, 9, 5, 53, tzinfo=UTC)


def test_met_counts_the_leap_second_at_the_end_of_1973() -> None:
    met = to_tick(MARS6_ENTRY) - to_tick(MARS6_LAUNCH)
    assert format_met(met) == "T+218d 15:20:06"
    naive_difference = (MARS6_ENTRY - MARS6_LAUNCH).total_seconds()
    assert met - naive_difference == 1


def test_the_leap_second_reads_as_second_60() -> None:
    new_year = to_tick(datetime(1974, 1, 1, tzinfo=UTC))
    assert from_tick(new_year - 1.5).iso() == "1973-12-31T23:59:59Z"
    assert from_tick(new_year - 1).iso() == "1973-12-31T23:59:60Z"
    assert from_tick(new_year - 0.5).iso(fraction=True) == "1973-12-31T23:59:60.500Z"
    assert from_tick(new_year - 1).doy() == "1973-365T23:59:60Z"
    assert from_tick(new_year).iso() == "1974-01-01T00:00:00Z"


def test_day_of_year_form() -> None:
    assert from_tick(to_tick(MARS6_ENTRY)).doy() == "1974-071T09:05:53Z"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (MARS6_ENTRY, "1974-03-12T12:05:53+03:00"),
        (datetime(1973, 8, 5, 17, 45, 48, tzinfo=UTC), "1973-08-05T20:45:48+03:00"),
        (datetime(1974, 7, 1, tzinfo=UTC), "1974-07-01T03:00:00+03:00"),
    ],
)
def test_moscow_time_was_utc_plus_three_all_year_in_1973_74(
    moment: datetime, expected: str
) -> None:
    assert from_tick(to_tick(moment)).moscow() == expected


def test_moscow_offset_comes_from_the_time_zone_database() -> None:
    # Moscow kept summer time from 1981, so July 1981 reads UTC+4: the offset is historical.
    july_1981 = from_tick(to_tick(datetime(1981, 7, 1, tzinfo=UTC))).moscow()
    assert july_1981.endswith("+04:00")


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        to_tick(datetime(1974, 1, 1))


@given(st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2030, 1, 1)))
def test_ticks_round_trip(moment: datetime) -> None:
    aware = moment.replace(tzinfo=UTC)
    reading = from_tick(to_tick(aware))
    assert not reading.leap
    assert abs((reading.moment - aware).total_seconds()) < 1e-5


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("T+218d15h20m6s", 18890406),
        ("T+218d 15:20:06", 18890406),
        ("+15:20", 55200),
        ("T-10m", -600),
        ("T+1d", 86400),
    ],
)
def test_parse_met(text: str, seconds: float) -> None:
    assert parse_met(text) == seconds


@pytest.mark.parametrize("text", ["", "T+", "218d", "T+abc", "T+1x"])
def test_parse_met_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a mission elapsed time"):
        parse_met(text)


@given(st.integers(min_value=-(10**8), max_value=10**8))
def test_met_text_round_trips(seconds: int) -> None:
    assert parse_met(format_met(seconds)) == seconds


def test_countdown_form() -> None:
    assert format_duration(-305) == "T-00:05:05"
