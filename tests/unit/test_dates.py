"""Tests for mission_control.extract.dates: dates and clock times at their stated precision."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control.extract.dates import combine, find_dates, find_times, read_dates, window_end
from mission_control.model import Precision

DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR


def dates(text: str) -> list[tuple[str, Precision, int | None, int | None, int | None]]:
    found, _ = find_dates(text)
    return [(m.text, m.precision, m.year, m.month, m.day) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 5 August 1973", [("5 August 1973", DAY, 1973, 8, 5)]),
        ("on 5 Aug 1973", [("5 Aug 1973", DAY, 1973, 8, 5)]),
        ("on 3rd August 1973", [("3rd August 1973", DAY, 1973, 8, 3)]),
        ("on Aug. 3, 1973,", [("Aug. 3, 1973", DAY, 1973, 8, 3)]),
        ("on Sept. 9, 1975", [("Sept. 9, 1975", DAY, 1975, 9, 9)]),
        ("on August 3 1973", [("August 3 1973", DAY, 1973, 8, 3)]),
        ("on 1988-07-12 at", [("1988-07-12", DAY, 1988, 7, 12)]),
        ("1988-07-12T17:01:43Z", [("1988-07-12", DAY, 1988, 7, 12)]),
        ("on the 12th of March 1974", [("the 12th of March 1974", DAY, 1974, 3, 12)]),
        ("In February 1977 the", [("February 1977", MONTH, 1977, 2, None)]),
        ("until Aug. 1972.", [("Aug. 1972", MONTH, 1972, 8, None)]),
        ("launched in 1973 to", [("1973", YEAR, 1973, None, None)]),
        ("during 1974", [("1974", YEAR, 1974, None, None)]),
        ("on 12 March", [("12 March", DAY, None, 3, 12)]),
        ("on March 12, it", [("March 12", DAY, None, 3, 12)]),
        ("on 29 February", [("29 February", DAY, None, 2, 29)]),
        ("followed in October, and", [("October", MONTH, None, 10, None)]),
        ("In May the orbiter", [("May", MONTH, None, 5, None)]),
        ("flew by Mars in Mare Crisium", []),
        # A span of days is one mention, from its first day (to its last: ``last_day``).
        ("on August 5\u20137, 1973", [("August 5\u20137, 1973", DAY, 1973, 8, 5)]),
        ("from 5 to 7 August 1973", [("from 5 to 7 August 1973", DAY, 1973, 8, 5)]),
        ("between 5 and 7 August 1973", [("between 5 and 7 August 1973", DAY, 1973, 8, 5)]),
        ("between 2 and 5 December, the", [("between 2 and 5 December", DAY, None, 12, 2)]),
        ("on December 2-5 the", [("December 2-5", DAY, None, 12, 2)]),
        (
            "between 2 October and 5 November 1970",
            [("between 2 October and 5 November 1970", DAY, 1970, 10, 2)],
        ),
        # Two dates that "and" joins without "between" are two dates.
        (
            "on 2 October and 5 November 1970",
            [
                ("2 October", DAY, 1970, 10, 2),
                ("5 November 1970", DAY, 1970, 11, 5),
            ],
        ),
        # Days that run backwards or do not exist state the month only.
        ("from 7 to 5 August 1973", [("from 7 to 5 August 1973", MONTH, 1973, 8, None)]),
        ("from 5 to 31 April 1973", [("from 5 to 31 April 1973", MONTH, 1973, 4, None)]),
    ],
)
def test_dates(text: str, expected: list[tuple[str, Precision, int, int, int]]) -> None:
    assert dates(text) == expected


def test_offsets_are_the_mention() -> None:
    text = "The launch occurred at 17:45:48 UTC on 5 August 1973, launched in 1973 (2002)"
    found, warnings = find_dates(text)
    assert warnings == []
    assert [text[m.start : m.end] for m in found] == ["5 August 1973", "1973"]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_a_list_takes_the_year_of_its_last_date() -> None:
    assert dates("on 23 February, 28 February and 25 March 1989, bringing") == [
        ("23 February", DAY, 1989, 2, 23),
        ("28 February", DAY, 1989, 2, 28),
        ("25 March 1989", DAY, 1989, 3, 25),
    ]
    assert dates("on 2 October and 17 November 1970") == [
        ("2 October", DAY, 1970, 10, 2),
        ("17 November 1970", DAY, 1970, 11, 17),
    ]
    assert dates("on June 17, 1971 and Nov. 20, 1971") == [
        ("June 17, 1971", DAY, 1971, 6, 17),
        ("Nov. 20, 1971", DAY, 1971, 11, 20),
    ]


def test_bare_days_sharing_a_month() -> None:
    assert dates("corrections on 2 and 17 November 1970") == [
        ("2", DAY, 1970, 11, 2),
        ("17 November 1970", DAY, 1970, 11, 17),
    ]
    assert dates("on 3, 7 and 9 May 1971") == [
        ("3", DAY, 1971, 5, 3),
        ("7", DAY, 1971, 5, 7),
        ("9 May 1971", DAY, 1971, 5, 9),
    ]
    # Not after a spacecraft's number.
    assert dates("Mars 4 and 5 November 1973") == [("5 November 1973", DAY, 1973, 11, 5)]


@pytest.mark.parametrize(
    "text",
    [
        "Siddiqi, Asif A. (2002).",
        "Probes 1958-2000 (PDF).",
        "pp. 101\u2013106.",
        "the 1973 Mars launch window",
        "3MP No.50P and Site 81/23",
        "a closest approach of 1,600 kilometres (990 mi)",
        "slowing from 5,600 to 600 metres per second",
        "Mars 6 and Mars 7",
        "The Decree 5 of the Marshal",
        "in 1958\u20132000",
        "at 17:45:48 UTC",
    ],
)
def test_not_dates(text: str) -> None:
    assert dates(text) == []


def test_impossible_dates_warn() -> None:
    found, warnings = find_dates("on 31 February 1974 and 30 February")
    assert found == []
    assert warnings == [
        "not a real date: '31 February 1974'",
        "not a real date: '30 February'",
    ]


# --- clock times ------------------------------------------------------------------------------


def times(text: str) -> list[tuple[str, int, int, int | None, bool]]:
    return [(t.text, t.hour, t.minute, t.second, t.circa) for t in find_times(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at 17:45:48 UTC on", [("17:45:48 UTC", 17, 45, 48, False)]),
        ("at 09:05:53 UTC,", [("09:05:53 UTC", 9, 5, 53, False)]),
        ("at 05:38 UTC", [("05:38 UTC", 5, 38, None, False)]),
        ("at 16:22:44, May 19, 1971", [("16:22:44", 16, 22, 44, False)]),
        ("at ~00:45 UTC", [("~00:45 UTC", 0, 45, None, True)]),
        ("at about 05:34 UT", [("about 05:34 UT", 5, 34, None, True)]),
        ("at 9:05", [("9:05", 9, 5, None, False)]),
        ("at 4:53 p.m. EDT", [("4:53 p.m. EDT", 16, 53, None, False)]),
        ("at 12:10 a.m.", [("12:10 a.m.", 0, 10, None, False)]),
        ("at 17:01:43.5 UTC", [("17:01:43.5 UTC", 17, 1, 43, False)]),
        ("Site 81/23 in 1958-2000", []),
        ("ratio 3:2000", []),
        ("at 24:10", []),
        ("at 12:61", []),
    ],
)
def test_times(text: str, expected: list[tuple[str, int, int, int | None, bool]]) -> None:
    assert times(text) == expected


def test_zones() -> None:
    day = datetime(1971, 5, 28, tzinfo=UTC)
    (moscow,) = find_times("at 18:26:30 Moscow time")
    assert combine(day, moscow) == (datetime(1971, 5, 28, 15, 26, 30, tzinfo=UTC), Precision.SECOND)
    (msk,) = find_times("at 18:26 MSK")
    assert combine(day, msk) == (datetime(1971, 5, 28, 15, 26, tzinfo=UTC), Precision.MINUTE)
    (edt,) = find_times("at 4:53 p.m. EDT")
    assert combine(day, edt)[0] == datetime(1971, 5, 28, 20, 53, tzinfo=UTC)
    (plus,) = find_times("at 09:05 UTC+3")
    assert combine(day, plus)[0] == datetime(1971, 5, 28, 6, 5, tzinfo=UTC)
    (minus,) = find_times("at 09:05 UTC\u221203:30")
    assert combine(day, minus)[0] == datetime(1971, 5, 28, 12, 35, tzinfo=UTC)
    (bare,) = find_times("at 09:05")
    assert bare.zone is None
    assert combine(day, bare)[0] == datetime(1971, 5, 28, 9, 5, tzinfo=UTC)


def test_between_is_one_window() -> None:
    (window,) = find_times("contact was lost between 17:51 and 18:03 UT, while")
    assert (window.hour, window.minute, window.until) == (17, 51, (18, 3, None))
    day = datetime(1989, 3, 27, tzinfo=UTC)
    assert combine(day, window)[0] == datetime(1989, 3, 27, 17, 51, tzinfo=UTC)
    assert window_end(day, window) == datetime(1989, 3, 27, 18, 3, tzinfo=UTC)
    (midnight,) = find_times("between 23:50 and 00:10 UTC")
    assert window_end(day, midnight) == datetime(1989, 3, 28, 0, 10, tzinfo=UTC)
    (plain,) = find_times("at 17:51 UTC")
    assert window_end(day, plain) is None


# --- fuzzing ----------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "on",
        "at",
        "in",
        "and",
        ",",
        ".",
        "(",
        ")",
        "-",
        "\u2013",
        "between",
        "the",
        "of",
        "~",
        "UTC",
        "UT",
        "Moscow time",
        "p.m.",
        "EDT",
        "UTC+3",
        "Aug.",
        "August",
        "May",
        "February",
        "Feb",
        "12th",
        "29",
        "31",
        "5",
        "00",
        "1973",
        "1988-07-12",
        "2000-02-30",
        "17:45:48",
        "9:05",
        "23:59",
        "12:00",
        "T",
        "Z",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14), st.sampled_from([" ", "", ", "]))
def test_date_finder_never_raises_on_date_like_text(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces)
    found, warnings = find_dates(text)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.month is None or 1 <= m.month <= 12
        assert m.day is None or 1 <= m.day <= 31
    assert all(isinstance(w, str) for w in warnings)
    for t in find_times(text):
        assert 0 <= t.hour < 24
        assert 0 <= t.minute < 60
        moment, _ = combine(datetime(2000, 1, 1, tzinfo=UTC), t)
        assert abs(moment - datetime(2000, 1, 1, tzinfo=UTC)) < timedelta(days=2)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_date_finder_never_raises(text: str) -> None:
    find_dates(text)
    find_times(text)


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=datetime(1900, 1, 1).date(), max_value=datetime(2099, 12, 31).date()),
    st.sampled_from(["{d} {B} {Y}", "{b}. {d}, {Y}", "{B} {d}, {Y}", "{Y}-{m}-{dd}"]),
)
def test_any_real_date_is_read_back(day: object, style: str) -> None:
    from datetime import date

    assert isinstance(day, date)
    text = "It happened on " + style.format(
        d=day.day,
        dd=f"{day.day:02d}",
        m=f"{day.month:02d}",
        B=day.strftime("%B"),
        b=day.strftime("%b"),
        Y=day.year,
    )
    found, warnings = find_dates(text)
    assert warnings == []
    assert [(m.year, m.month, m.day) for m in found] == [(day.year, day.month, day.day)]


def test_impossible_days_of_a_list_warn_and_are_kept_apart() -> None:
    found, warnings, unreal = read_dates("on 30 and 31 February 1974, then on 2 and 3 March")
    assert [(m.text, m.month, m.day) for m in found] == [("2", 3, 2), ("3 March", 3, 3)]
    assert warnings == [
        "not a real date: '30 February'",
        "not a real date: '31 February 1974'",
    ]
    assert [(u.start, u.end, u.real) for u in unreal] == [(3, 5, False), (10, 26, False)]
