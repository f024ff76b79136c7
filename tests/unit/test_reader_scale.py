"""Reading grows with the article, not with the square of what one sentence states.

One sentence that states the same date, quantity or clock time 100,000 times is read whole:
every mention is found, and reading ends (with a linear reader, in a few seconds; with one
that rescans the sentence per mention, in hours). The limit is only there so that a
regression fails instead of hanging; ``benchmarks/bench_reading.py`` measures the growth.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.deadline import finish_within

from mission_control.extract.reader import read_text
from mission_control.mission import Mission

REPEATS = 100_000
LIMIT_S = 60.0
OPENING = "Testcraft 1 was a spacecraft launched on 5 August 1973."


def read_repeated(phrase: str, repeats: int = REPEATS) -> Mission:
    text = f"{OPENING} {phrase * repeats}\n"
    return finish_within(
        LIMIT_S,
        f"reading {repeats:,} times {phrase.strip()!r} in one sentence",
        lambda: read_text(text, "repeated.txt"),
    )


def test_a_date_stated_100000_times_in_one_sentence_is_one_event() -> None:
    mission = read_repeated("12 March 1974 ")
    assert [(e.kind, e.time.iso()) for e in mission.events] == [
        ("launch", "1973-08-05"),
        ("other", "1974-03-12"),
    ]
    assert mission.warnings == ()


def test_a_quantity_stated_100000_times_is_read_every_time() -> None:
    mission = read_repeated("12 km ")
    (launch,) = mission.events
    assert len(launch.quantities) == REPEATS
    assert {(q.text, q.value, q.unit) for q in launch.quantities} == {("12 km", 12.0, "kilometer")}


def test_a_clock_time_stated_100000_times_takes_the_day_before_it() -> None:
    mission = read_repeated("12:30 UTC ")
    assert [e.time.start for e in mission.events] == [
        datetime(1973, 8, 5, tzinfo=UTC),
        datetime(1973, 8, 5, 12, 30, tzinfo=UTC),
    ]


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
    # 20,000 is enough: a reader that rescans the sentence per match needs an hour for it.
    mission = read_repeated(phrase, REPEATS // 5)
    assert mission.events[0].kind == "launch"


def test_many_sentences_each_with_a_date_are_read_in_time() -> None:
    sentences = REPEATS // 5
    text = OPENING + " " + "The lander separated on 12 March 1974. " * sentences + "\n"
    mission = finish_within(
        LIMIT_S, f"reading {sentences:,} dated sentences", lambda: read_text(text, "many.txt")
    )
    separation = next(e for e in mission.events if e.kind == "separation")
    assert len(separation.provenance) == sentences
