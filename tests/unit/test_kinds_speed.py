"""The cues and starts that let the reader skip a keyword pattern, or try it at few places, are
necessary conditions: every match of a guarded pattern, in the corpus and in made-up text,
holds one of its cues and begins with one of its starts in the fold of the text, and the
keywords found are the same as when every pattern is searched for over every clause."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.spellings import every_way, oddly_written, twice_among

from mission_control.extract import keyword_scan, kinds, vocabulary
from mission_control.extract.keyword_scan import CueFinder, fold, scan

ROOT = Path(__file__).resolve().parents[2]
SMALL = settings(max_examples=60, deadline=None, derandomize=True, database=None)

v = vocabulary
GUARDED: list[tuple[str, re.Pattern[str], tuple[str, ...], tuple[str, ...]]] = [
    *vocabulary.KIND_PATTERNS,
    ("HYPOTHETICAL", v.HYPOTHETICAL, v.HYPOTHETICAL_CUES, v.HYPOTHETICAL_STARTS),
    ("PLANNED_TO", v.PLANNED_TO, v.PLANNED_TO_CUES, v.PLANNED_TO_STARTS),
    ("PLANNED_FOR", v.PLANNED_FOR, v.PLANNED_FOR_CUES, v.PLANNED_FOR_STARTS),
    (
        "PLANNED_ADJECTIVE",
        v.PLANNED_ADJECTIVE,
        v.PLANNED_ADJECTIVE_CUES,
        v.PLANNED_ADJECTIVE_STARTS,
    ),
    ("KIND_LATER", v.KIND_LATER, v.KIND_LATER_CUES, v.KIND_LATER_CUES),
    ("parachute word", kinds._PARACHUTE, kinds._PARACHUTE_CUES, kinds._PARACHUTE_CUES),
]
IDS = [name for name, *_ in GUARDED]


def _unguarded(
    text: str, pattern: re.Pattern[str], cues: tuple[str, ...], starts: tuple[str, ...]
) -> list[str]:
    """Each match of the pattern, at any place in the text, that is empty, holds none of the
    cues or begins with none of the starts; and the text, if searching for the pattern only
    where a start begins finds other matches than a search of the whole text."""
    folded = fold(text)
    found = (pattern.match(text, at) for at in range(len(text) + 1))
    bad = [
        m.group(0)
        for m in found
        if m is not None
        and (
            m.end() == m.start()
            or not any(c in folded[m.start() : m.end()] for c in cues)
            or not folded.startswith(starts, m.start())
        )
    ]
    spans = [m.span() for m in pattern.finditer(text)]
    return bad if spans == [m.span() for m in scan(pattern, text, folded, starts)] else [text]


def _articles() -> list[str]:
    paths = [
        *sorted((ROOT / "tests" / "articles").rglob("*.txt")),
        *sorted((ROOT / "seeds").glob("*.txt")),
    ]
    return [p.read_text("utf-8") for p in paths]


@pytest.mark.parametrize(("name", "pattern", "cues", "starts"), GUARDED, ids=IDS)
def test_every_match_in_the_corpus_holds_a_cue_and_begins_with_a_start(
    name: str, pattern: re.Pattern[str], cues: tuple[str, ...], starts: tuple[str, ...]
) -> None:
    texts = _articles()
    assert texts
    matched = 0
    for text in texts:
        folded = fold(text)
        for m in pattern.finditer(text):
            matched += 1
            assert any(c in folded[m.start() : m.end()] for c in cues), (name, m.group(0))
            assert folded.startswith(starts, m.start()), (name, m.group(0))
        spans = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in scan(pattern, text, folded, starts)] == spans
    assert matched, f"{name} never matches the corpus"


@pytest.mark.parametrize(("name", "pattern", "cues", "starts"), GUARDED, ids=IDS)
@SMALL
@given(data=st.data())
def test_every_match_of_made_up_text_is_guarded(
    name: str,
    pattern: re.Pattern[str],
    cues: tuple[str, ...],
    starts: tuple[str, ...],
    data: st.DataObject,
) -> None:
    assert not _unguarded(twice_among(data, pattern), pattern, cues, starts)


@pytest.mark.parametrize(("name", "pattern", "cues", "starts"), GUARDED, ids=IDS)
def test_every_alternative_is_guarded(
    name: str, pattern: re.Pattern[str], cues: tuple[str, ...], starts: tuple[str, ...]
) -> None:
    """Each way a pattern can match, spelt as re reads it alike, holds a cue and begins
    with a start."""
    texts = every_way(pattern)
    assert sum(pattern.search(text) is not None for text in texts) * 4 >= len(texts)
    assert not [u for text in texts for u in _unguarded(text, pattern, cues, starts)]


def test_a_missing_cue_or_start_is_caught() -> None:
    """The checks above can fail: a launch cue or start left out leaves "blasted off"
    unguarded."""
    kind, pattern, cues, starts = vocabulary.KIND_PATTERNS[0]
    assert kind == "launch"
    text = "It blasted off at dawn."
    assert _unguarded(text, pattern, ("launch", "lift"), starts)
    assert _unguarded(text, pattern, cues, ("launch", "lift"))
    assert not _unguarded(text, pattern, cues, starts)


def test_fold_reads_each_cue_character_as_re_does() -> None:
    """A character folds to a cue's character exactly when a case-insensitive pattern reads
    it as that character, and the fold keeps every character's place."""
    every = "".join(map(chr, range(0x110000)))
    folded = fold(every)
    assert len(folded) == len(every)
    assert fold("LAUNCH") == "launch"
    used = set("".join(c for _, _, cues, starts in GUARDED for c in (*cues, *starts)))
    assert used <= set(string.ascii_lowercase) | {"'", "\u2019", "-"}
    for ch in sorted(used):
        read_as = {m.start() for m in re.finditer(re.escape(ch), every, re.IGNORECASE)}
        assert read_as == {m.start() for m in re.finditer(re.escape(ch), folded)}, ch


def test_cue_finder_finds_the_cues_a_clause_holds() -> None:
    find = CueFinder(("touch", "crash", "down", "n't", "n\u2019t"))
    assert find("the lander touched down") == {"touch", "down"}
    assert find("it didn't touch") == {"touch", "n't"}
    assert find("it didn\u2019t crash, \u0130t touchdown") == {"crash", "n\u2019t", "touch", "down"}
    assert not find("the lander rested")


def test_cue_finder_keeps_a_bounded_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyword_scan, "_LEXICON_SIZE", 3)
    find = CueFinder(("land", "crash"))
    for _ in range(2):
        assert find("landed then crashed here and there again") == {"land", "crash"}
        assert find("lander") == {"land"}


def test_cue_finder_is_a_substring_search() -> None:
    lines = [line for article in _articles() for line in article.splitlines()]
    assert lines
    for text in lines:
        folded = fold(text)
        literals = (*kinds._CUES, *kinds._STARTS)
        assert kinds._held_in(folded) == {c for c in literals if c in folded}, text


def test_find_keywords_reads_every_cue_and_start() -> None:
    """Every cue and start of every pattern find_keywords runs is among those it looks for."""
    assert {c for _, _, cues, _ in GUARDED for c in cues} <= set(kinds._CUES)
    assert {s for _, _, _, starts in GUARDED for s in starts} <= {*kinds._CUES, *kinds._STARTS}


_PIECES = st.one_of(
    *(st.from_regex(p, fullmatch=True) for _, p, *_ in GUARDED),
    st.sampled_from(
        [
            "the",
            "its",
            "parachute",
            "was",
            "to",
            "lander",
            "deployed",
            "opened",
            "5 May",
            "12:30",
            "and",
            "then",
            "before",
            "as planned",
            "did not",
        ]
    ),
).flatmap(oddly_written)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=6), glue=st.sampled_from([" ", ", ", "; "]))
def test_cues_change_no_plan(pieces: list[str], glue: str) -> None:
    """Whether a stretch of text says what follows was only due is what running every
    pattern over it says (find_keywords reads a cue mask instead, checked the same way by
    test_kinds_start_cues.test_start_cues_change_no_keyword)."""
    text = glue.join(pieces)
    cued = kinds.plans(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kinds, "_held_in", lambda folded: {*kinds._CUES, *kinds._STARTS})
        assert kinds.plans(text) == cued
