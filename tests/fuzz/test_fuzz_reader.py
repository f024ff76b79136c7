"""Fuzzing the reader: any text, and text built from the pieces articles are made of.

The only outcome is a mission that keeps the reader's invariants; the reader never raises.
The bytes of a file are fuzzed too: they are read as text, or refused with a SeedError.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.fuzzing import FUZZ
from support.mission_checks import check_invariants

from mission_control.extract.reader import read_text
from mission_control.seedfile import SeedError, load_text

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Feb.", "Sept", "Aug.",
]  # fmt: skip
DAYS = st.integers(min_value=-1, max_value=40).map(str)
YEARS = st.sampled_from(["1973", "1974", "1975", "0", "9999", "10000", "1900", "73", "2024"])


def _date(day: str, month: str, year: str, style: int) -> str:
    return [
        f"{day} {month} {year}",
        f"{month} {day}, {year}",
        f"{month} {year}",
        f"{year}-{month[:3]}-{day}",
        f"{year}-{day.zfill(2)}-{day.zfill(2)}",
        f"{day} {month}",
        f"in {year}",
    ][style]


DATES = st.builds(_date, DAYS, st.sampled_from(MONTHS), YEARS, st.integers(0, 6))
TIMES = st.builds(
    "{}{:02d}:{:02d}{}{}".format,
    st.sampled_from(["at ", "at ~", "about ", "", "between "]),
    st.integers(0, 30),
    st.integers(0, 70),
    st.sampled_from(["", ":05", ":60", ":99", ".5"]),
    st.sampled_from([" UTC", " UT", " MSK", " Moscow time", "", " GMT"]),
)
NUMBERS = st.builds(
    "{}{} {}".format,
    st.sampled_from(["", "about ", "~", "-", "between 3 and ", "1,"]),
    st.one_of(
        st.integers(-(10**6), 10**30).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.sampled_from(["1.5e308", "1e-400", "0", "00.0", "1/2", "½", "Ⅻ", "١٢"]),
    ),
    st.sampled_from(
        ["km", "kilometres", "m/s", "km/s", "kg", "t", "K", "°C", "hPa", "mbar", "W",
         "AU", "miles", "days", "h", "min", "s", "km/h", "degrees", "%", "bits/s", "furlongs"]
    ),
)  # fmt: skip
WORDS = st.sampled_from(
    ["Mars 7", "The lander", "The bus", "the spacecraft", "was launched", "separated",
     "landed", "entered the atmosphere", "lost contact", "failed", "flew by", "reached",
     "fired its engine", "at a distance of", "on", "and", "then", ",", ";", "(", ")", "[1]",
     "perigee", "orbit", "Марс-7", "—", "…", "\u200b", "launched on", "returned data"]
)  # fmt: skip
HEADINGS = st.builds(
    "{0} {1} {0}".format, st.sampled_from(["=", "==", "===", "=== ", "=="]), st.text(max_size=20)
)
INFOBOX = st.builds(
    "- {}: {}".format,
    st.sampled_from(
        ["Launch Date", "Landing date", "Last Contact", "Mission Type", "Operator", "Mass",
         "Spacecraft", "Launch Site", "Orbital insertion", "Decay date", "", "Launch Date"]
    ),
    st.one_of(DATES, TIMES, NUMBERS, st.text(max_size=30)),
)  # fmt: skip
PIECE = st.one_of(DATES, TIMES, NUMBERS, WORDS, st.text(max_size=12))
SENTENCE = st.lists(PIECE, min_size=1, max_size=14).map(lambda ws: " ".join(ws) + ".")
PARAGRAPH = st.lists(SENTENCE, max_size=4).map(" ".join)
LINE = st.one_of(SENTENCE, HEADINGS, INFOBOX, st.just(""), PARAGRAPH)
ARTICLE = st.builds(
    lambda title, lines, newline: title + newline.join(lines),
    st.sampled_from(["", "= Mars 8 =\n\n", "Mars 9\n", "= =\n"]),
    st.lists(LINE, max_size=30),
    st.sampled_from(["\n", "\r\n", "\n\n", "\r"]),
)


@given(st.text(max_size=600))
@FUZZ
def test_any_text(text: str) -> None:
    check_invariants(read_text(text, "fuzz.txt"), text)


@given(ARTICLE)
@FUZZ
def test_articles_built_of_dates_times_numbers_infoboxes_and_headings(text: str) -> None:
    check_invariants(read_text(text, "fuzz.txt"), text)


@given(st.lists(st.one_of(DATES, TIMES, NUMBERS), min_size=1, max_size=60))
@FUZZ
def test_sentences_crowded_with_dates_times_and_numbers(pieces: list[str]) -> None:
    text = "Mars 8 was launched on 5 August 1973. The lander " + " ".join(pieces) + "."
    check_invariants(read_text(text, "fuzz.txt"), text)


@given(
    st.one_of(
        st.binary(max_size=300),
        ARTICLE.flatmap(
            lambda text: st.sampled_from(
                ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1251"]
            ).map(lambda codec: text.encode(codec, errors="replace"))
        ),
    )
)
@FUZZ
def test_any_file_bytes_are_read_or_refused_by_name(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path: Path = tmp_path_factory.mktemp("fuzz") / "article.txt"
    path.write_bytes(data)
    try:
        text = load_text(path)
    except SeedError as error:
        assert str(error).startswith(f"{path}: ")
        return
    check_invariants(read_text(text, str(path)), text)
