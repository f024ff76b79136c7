"""The scorer that measures the reader against hand-made timelines, and the corpus it reads.

The scorer is tested on events made by hand, so that a change to the reader can never make
these tests pass or fail; the corpus is checked for well-formed expected files only (how well
the reader does on it is measured by benchmarks/score_reader.py, not asserted here).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.paths import ARTICLES, REPO, SEEDS
from support.scoring import (
    KINDS,
    PARTS,
    ArticleScore,
    CorpusScore,
    EmittedEvent,
    ExpectedFileError,
    corpus_articles,
    cut,
    expected_path,
    load_expected,
    match,
    parse_expected,
    parse_when,
    score_events,
)

from mission_control.model import Event, Precision, Provenance, StatedTime


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def event(kind: str, part: str, start: str, precision: Precision) -> Event:
    moment = utc(start)
    sentence = f"The {part} did {kind}."
    return Event(
        mission_id="test",
        index=0,
        kind=kind,
        part=part,
        time=StatedTime(moment, precision),
        at=moment,
        summary=kind,
        provenance=(Provenance("test.txt", sentence, (0, len(sentence)), 1),),
    )


def emitted(
    kind: str, part: str, start: str, precision: Precision, *, planned: bool = False
) -> EmittedEvent:
    moment = utc(start)
    return EmittedEvent(kind, part, moment.isoformat(), moment, precision, planned, "x")


def timeline(*events: dict[str, Any], parts: tuple[str, ...] = ("lander",)) -> Any:
    return parse_expected(
        {"target": "Mars", "parts": list(parts), "event": list(events)}, "test.expected.toml"
    )


# --- stated times ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("1975", "1975-01-01T00:00", Precision.YEAR),
        ("1975-06", "1975-06-01T00:00", Precision.MONTH),
        ("1975-06-08", "1975-06-08T00:00", Precision.DAY),
        ("1975-06-08T02:38", "1975-06-08T02:38", Precision.MINUTE),
        ("1975-06-08T02:38:05", "1975-06-08T02:38:05", Precision.SECOND),
    ],
)
def test_a_stated_time_parses_at_its_precision(text: str, start: str, precision: Precision) -> None:
    assert parse_when(text) == (utc(start), precision)


@pytest.mark.parametrize(
    "text", ["", "75", "1975-6-8", "1975-06-31", "1975-06-08 02:38", "1975-06-08T2:38", "soon"]
)
def test_a_malformed_time_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a time"):
        parse_when(text)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(
    st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(list(Precision)),
)
def test_cutting_gives_the_start_of_the_interval_holding_the_moment(
    naive: datetime, precision: Precision
) -> None:
    moment = naive.replace(tzinfo=UTC)
    start = cut(moment, precision)
    assert start <= moment < precision.span(start)
    assert cut(start, precision) == start
    text = StatedTime(start, precision).iso().removesuffix("Z")
    assert parse_when(text) == (start, precision)


# --- matching -------------------------------------------------------------------------------


LAUNCH = {"kind": "launch", "part": "spacecraft", "when": "1975-06-08T02:38"}


def test_an_event_at_the_expected_precision_matches() -> None:
    score = score_events(
        "a",
        timeline(LAUNCH),
        [event("launch", "spacecraft", "1975-06-08T02:38:41", Precision.MINUTE)],
    )
    assert (score.expected, score.emitted, score.matched, score.matched_with_part) == (1, 1, 1, 1)
    assert score.recall == score.precision == 1.0
    assert score.misses == () and score.extras == ()


@pytest.mark.parametrize(
    ("start", "precision"),
    [
        ("1975-06-08", Precision.DAY),  # coarser than stated
        ("1975-06-08T02:38:05", Precision.SECOND),  # finer than stated
        ("1975-06-08T02:39", Precision.MINUTE),  # a minute off
        ("1975-06-09T02:38", Precision.MINUTE),  # a day off
    ],
)
def test_an_event_at_another_precision_or_time_does_not_match(
    start: str, precision: Precision
) -> None:
    score = score_events("a", timeline(LAUNCH), [event("launch", "spacecraft", start, precision)])
    assert score.matched == 0
    assert score.recall == score.precision == 0.0
    assert [m.when for m in score.misses] == ["1975-06-08T02:38"]
    assert [e.kind for e in score.extras] == ["launch"]


def test_another_kind_at_the_same_time_does_not_match() -> None:
    score = score_events(
        "a", timeline(LAUNCH), [event("other", "spacecraft", "1975-06-08T02:38", Precision.MINUTE)]
    )
    assert score.matched == 0


def test_planned_must_agree() -> None:
    planned = {"kind": "landing", "part": "lander", "when": "1981-08-05", "planned": True}
    happened = emitted("landing", "lander", "1981-08-05", Precision.DAY)
    foreseen = emitted("landing", "lander", "1981-08-05", Precision.DAY, planned=True)
    assert score_events("a", timeline(planned), [happened]).matched == 0
    assert score_events("a", timeline(planned), [foreseen]).matched == 1
    actual = {"kind": "landing", "part": "lander", "when": "1981-08-05"}
    assert score_events("a", timeline(actual), [foreseen]).matched == 0


def test_an_event_without_a_planned_field_counts_as_a_happening() -> None:
    assert (
        EmittedEvent.of(event("launch", "spacecraft", "1975-06-08", Precision.DAY)).planned is False
    )


def test_matching_is_one_to_one() -> None:
    day = {"kind": "course-correction", "part": "spacecraft", "when": "1970-10-02"}
    one = event("course-correction", "spacecraft", "1970-10-02", Precision.DAY)
    twice_expected = score_events("a", timeline(day, day), [one])
    assert (twice_expected.matched, len(twice_expected.misses)) == (1, 1)
    twice_emitted = score_events("a", timeline(day), [one, one])
    assert (twice_emitted.matched, len(twice_emitted.extras)) == (1, 1)
    assert twice_emitted.precision == 0.5


def test_matching_is_greedy_in_the_expected_order() -> None:
    first = {"kind": "landing", "part": "lander", "when": "1970-12-15"}
    second = {"kind": "landing", "part": "spacecraft", "when": "1970-12-15"}
    expected = timeline(first, second)
    events = [
        emitted("landing", "spacecraft", "1970-12-15", Precision.DAY),
        emitted("landing", "lander", "1970-12-15", Precision.DAY),
    ]
    assert match(expected.events, events) == [(0, 0), (1, 1)]
    assert match(expected.events, events, with_part=True) == [(0, 1), (1, 0)]


def test_a_wrong_part_counts_without_the_part_only() -> None:
    landing = {"kind": "landing", "part": "lander", "when": "1970-12-15T05:34:10"}
    score = score_events(
        "a",
        timeline(landing),
        [event("landing", "spacecraft", "1970-12-15T05:34:10", Precision.SECOND)],
    )
    assert (score.matched, score.matched_with_part) == (1, 0)
    assert (score.recall, score.recall_with_part) == (1.0, 0.0)
    assert (score.precision, score.precision_with_part) == (1.0, 0.0)


def test_an_article_with_nothing_expected_or_emitted_has_no_ratio() -> None:
    score = score_events("a", timeline(), [])
    assert score.recall is None and score.precision is None
    extra = score_events(
        "a", timeline(), [event("launch", "spacecraft", "1975-01-01", Precision.YEAR)]
    )
    assert extra.recall is None and extra.precision == 0.0


def test_pooled_figures_are_sums_not_a_mean_of_ratios() -> None:
    def article(expected: int, emitted: int, matched: int, with_part: int) -> ArticleScore:
        return ArticleScore("a", expected, emitted, matched, with_part, (), ())

    corpus = CorpusScore((article(1, 1, 1, 1), article(9, 3, 0, 0), article(0, 0, 0, 0)))
    assert (corpus.expected, corpus.emitted, corpus.matched) == (10, 4, 1)
    assert corpus.recall == pytest.approx(0.1)
    assert corpus.precision == pytest.approx(0.25)
    assert corpus.recall_with_part == pytest.approx(0.1)
    assert CorpusScore().recall is None


def test_the_target_read_is_compared() -> None:
    score = score_events("a", timeline(), [], target_read="Venus")
    assert (score.target_expected, score.target_read, score.target_agrees) == (
        "Mars",
        "Venus",
        False,
    )


# --- the expected file's format -------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"kind": "landed", "part": "lander", "when": "1975"}, "unknown kind"),
        ({"kind": "landing", "part": "orbiter", "when": "1975"}, "not among the article's parts"),
        ({"kind": "landing", "part": "lander", "when": "5 May 1975"}, "not a time"),
        ({"kind": "landing", "part": "lander"}, "'when' missing"),
        (
            {"kind": "landing", "part": "lander", "when": "1975-05-05", "until": "1975-05-04"},
            "follow",
        ),
        (
            {
                "kind": "landing",
                "part": "lander",
                "when": "1975-05-05",
                "until": "1975-05-06T01:00",
            },
            "follow",
        ),
        ({"kind": "landing", "part": "lander", "when": "1975", "planned": "yes"}, "planned"),
        ({"kind": "landing", "part": "lander", "when": "1975", "at": "1975"}, "unknown fields"),
    ],
)
def test_a_malformed_expected_event_is_refused_naming_it(
    table: dict[str, Any], message: str
) -> None:
    with pytest.raises(ExpectedFileError, match=f"test.expected.toml: event 1: .*{message}"):
        timeline(table)


def test_an_unknown_part_or_target_is_refused() -> None:
    with pytest.raises(ExpectedFileError, match="unknown part 'wheel'"):
        timeline(parts=("wheel",))
    with pytest.raises(ExpectedFileError, match="unknown target 'Vulcan'"):
        parse_expected({"target": "Vulcan"}, "x")


def test_a_range_keeps_its_end() -> None:
    (lost,) = timeline(
        {
            "kind": "loss-of-contact",
            "part": "spacecraft",
            "when": "1989-03-27T17:51",
            "until": "1989-03-27T18:03",
        }
    ).events
    assert lost.until is not None and lost.until - lost.start == timedelta(minutes=12)


# --- the corpus -----------------------------------------------------------------------------


CORPUS = corpus_articles(ARTICLES)


def test_the_corpus_is_large_enough_and_every_article_has_its_expected_file() -> None:
    assert len(CORPUS) >= 20
    for path in CORPUS:
        assert expected_path(path).is_file(), path.name
    for toml in ARTICLES.rglob("*.expected.toml"):
        assert toml.with_name(toml.name.removesuffix(".expected.toml") + ".txt").is_file(), (
            toml.name
        )


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_each_expected_file_is_well_formed(path: Path) -> None:
    expected = load_expected(expected_path(path))
    assert expected.target is not None
    assert set(expected.parts) <= PARTS
    for e in expected.events:
        assert e.kind in KINDS
        assert e.part == "spacecraft" or e.part in expected.parts
        assert e.until is None or e.until > e.start
        # Written at a precision the text can state, and in the years the article covers.
        assert 1957 <= e.start.year <= 2030


@pytest.mark.parametrize("name", ["mars6", "mars7"])
def test_the_seeds_expected_files_are_well_formed(name: str) -> None:
    assert (SEEDS / f"{name}.txt").is_file()
    expected = load_expected(REPO / "benchmarks" / "expected" / f"{name}.expected.toml")
    assert expected.target == "Mars"
    assert expected.events[0].kind == "launch"
