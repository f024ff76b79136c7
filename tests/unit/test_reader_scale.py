"""Reading grows with the article, not with the square of what one sentence states.

One sentence that states the same date, quantity or clock time 100,000 times is read whole:
every mention is found, and reading ends (with a linear reader, in a few seconds; with one
that rescans the sentence per mention, in hours). Each reading runs in a child process that
is ended after a generous limit, so that a regression fails instead of hanging;
``benchmarks/bench_reading.py`` measures the growth.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.deadline import python_within

REPEATS = 100_000
LIMIT_S = 60.0
OPENING = "Testcraft 1 was a spacecraft launched on 5 August 1973. "

# Reads its standard input as an article and prints what a test looks at, as JSON.
READ = """
import json, sys
from mission_control.extract.reader import read_text
mission = read_text(sys.stdin.read(), "repeated.txt")
print(json.dumps({
    "events": [
        {
            "kind": e.kind,
            "time": e.time.iso(),
            "quantities": len(e.quantities),
            "quantity_kinds": sorted({(q.text, q.value, q.unit) for q in e.quantities}),
            "sentences": len(e.provenance),
        }
        for e in mission.events
    ],
    "warnings": list(mission.warnings),
}))
"""


def read(text: str, what: str) -> dict[str, Any]:
    reading: dict[str, Any] = json.loads(python_within(LIMIT_S, f"reading {what}", READ, text))
    return reading


def read_repeated(phrase: str, repeats: int = REPEATS, lead: str = "") -> dict[str, Any]:
    """An article whose second sentence is ``lead`` then ``phrase`` repeated (a lead that
    states a failure keeps a moment that names no kind of event an event)."""
    text = OPENING + lead + phrase * repeats + "\n"
    return read(text, f"{repeats:,} times {phrase.strip()!r}")


def test_a_date_stated_100000_times_in_one_sentence_is_one_event() -> None:
    reading = read_repeated("12 March 1974 ", lead="A malfunction was found on ")
    assert [(e["kind"], e["time"]) for e in reading["events"]] == [
        ("launch", "1973-08-05"),
        ("other", "1974-03-12"),
    ]
    assert reading["warnings"] == []


def test_a_quantity_stated_100000_times_is_read_every_time() -> None:
    (launch,) = read_repeated("12 km ")["events"]
    assert launch["quantities"] == REPEATS
    assert launch["quantity_kinds"] == [["12 km", 12.0, "kilometer"]]


def test_a_clock_time_stated_100000_times_takes_the_day_before_it() -> None:
    reading = read_repeated("12:30 UTC ", lead="A malfunction was found at ")
    assert [e["time"] for e in reading["events"]] == ["1973-08-05", "1973-08-05T12:30Z"]


@pytest.mark.parametrize(
    "phrase",
    [
        "between 5 and 9 March 1974 ",
        "12 March 1974 12:30 UTC ",
        "separated on 12 March 1974, ",
        "unlike Mars 4 ",
        "data from the lander ",
        "parachute ",
        "No. 5 ",
    ],
)
def test_other_phrases_repeated_in_one_sentence_are_read_in_time(phrase: str) -> None:
    # 20,000 is enough: a reader that rescans the sentence per match needs many minutes.
    reading = read_repeated(phrase, REPEATS // 5)
    assert reading["events"][0]["kind"] == "launch"


@pytest.mark.parametrize(
    "phrase",
    [
        # Many keywords after one moment stated again and again (one stamp, as one moment).
        "12 March 1974 at 10:00 it landed, ",
        # Many offsets, each counted from the moment before it.
        "two hours later it landed ",
        "12 March 1974 two hours later it landed ",
        "at 10:00 UTC it landed and two minutes later ",
        # Many offsets counted from an event, each naming it.
        "two hours after touchdown the bus flew past ",
        # Many part words, each with the words before it.
        "data from the lander ",
        # Many numbers, each perhaps the second of a range.
        "between 2 and 5 km ",
    ],
)
def test_offsets_keywords_and_part_words_repeated_100000_times_are_read_in_time(
    phrase: str,
) -> None:
    reading = read_repeated(phrase)
    assert reading["events"][0]["kind"] == "launch"


def test_many_sentences_each_with_a_date_are_read_in_time() -> None:
    sentences = REPEATS // 5
    text = OPENING + "The lander separated on 12 March 1974. " * sentences + "\n"
    reading = read(text, f"{sentences:,} dated sentences")
    separation = next(e for e in reading["events"] if e["kind"] == "separation")
    assert separation["sentences"] == sentences


@pytest.mark.parametrize(
    "phrase",
    [
        "on 4, 9, 12 and 15 January 1980 ",
        "Jan. 4, 9, 12 and 15, 1980 ",
        "On 3 and 4 May ",
        "~00:45 \u2013 01:30 UTC ",
        "from 01:00 to 01:30 ",
        "between 2 and 5 December ",
        "4, 9, 12, ",
        "two hours later ",
        "All times are UTC ",
    ],
)
def test_dates_lists_ranges_and_relative_times_repeated_are_read_in_time(phrase: str) -> None:
    reading = read_repeated(phrase, REPEATS // 5)
    assert reading["events"][0]["kind"] == "launch"


def test_a_list_of_days_stated_20000_times_is_read_whole() -> None:
    reading = read_repeated("course corrections on 4 and 9 January 1980, ", REPEATS // 5)
    assert [e["time"] for e in reading["events"]] == ["1973-08-05", "1980-01-04", "1980-01-09"]


def test_a_timeline_of_many_lines_is_read_line_by_line_in_time() -> None:
    lines = REPEATS // 5
    text = (
        "= Testcraft 1 =\n\nAll times are UTC.\n\n== Timeline ==\n5 August 1973\n"
        + "17:45 The spacecraft was launched\n" * lines
        + "12 March 1974\n"
        + "- 09:05 The lander separated\n" * lines
    )
    reading = read(text, f"a timeline of {2 * lines:,} lines")
    assert [(e["kind"], e["time"], e["sentences"]) for e in reading["events"]] == [
        ("launch", "1973-08-05T17:45Z", lines),
        ("separation", "1974-03-12T09:05Z", lines),
    ]
    assert reading["warnings"] == []


# Pieces of the phrases the reader's patterns look for, which a property repeats.
FRAGMENTS = [
    "4",
    "15",
    "1980",
    ", ",
    " and ",
    "Jan. ",
    "May ",
    "between ",
    "from ",
    " to ",
    "~",
    "00:45",
    " \u2013 ",
    "-",
    "UTC ",
    "two ",
    "hours later ",
    "\n",
    "- ",
    "12 km ",
    ": ",
    ".",
]
# Reads every stage's patterns over its standard input, an article of one repeated piece.
READ_ALL = """
import sys
from mission_control.extract.reader import read_text
from mission_control.extract.dates import read_dates, find_times
from mission_control.extract.relative import find_relative
text = sys.stdin.read()
read_dates(text); find_times(text); find_relative(text)
read_text(text, "repeated.txt")
print("{}")
"""


@settings(max_examples=6, derandomize=True, deadline=None, database=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=6))
def test_any_repeated_piece_of_a_date_or_time_is_read_in_linear_time(parts: list[str]) -> None:
    piece = "".join(parts)
    text = OPENING + piece * (REPEATS * 2 // len(piece)) + "\n"
    python_within(LIMIT_S, f"reading {piece!r} repeated", READ_ALL, text)
