"""A start of a keyword pattern that begins a match only with a cue of its own
(vocabulary.START_CUES) is tried only in a clause holding one: every match of the pattern, in
the corpus, in made-up text and in each way the pattern can match, begins with a start tried
whatever the clause holds, or with one whose own cue the match holds. The cue mask that
stands for the clause's cues finds exactly the cues a substring search finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.spellings import every_way, twice_among

from mission_control.extract import kinds, vocabulary
from mission_control.extract.keyword_scan import CueMask, fold
from tests.unit.test_kinds_speed import (
    _PIECES,
    GUARDED,
    IDS,
    SMALL,
    _articles,
)


def _begins_where_tried(name: str, folded: str, m: re.Match[str], starts: tuple[str, ...]) -> bool:
    """Whether a match begins with a start tried where the match alone is the clause."""
    needs = vocabulary.START_CUES.get(name, {})
    held = folded[m.start() : m.end()]
    return any(
        held.startswith(s) and (s not in needs or any(c in held for c in needs[s])) for s in starts
    )


def _untried(name: str, text: str, pattern: re.Pattern[str], starts: tuple[str, ...]) -> list[str]:
    """Each match of the pattern in the text, at any place, that begins with no start tried
    where the match alone is the clause."""
    folded = fold(text)
    found = (pattern.match(text, at) for at in range(len(text) + 1))
    return [
        m.group(0)
        for m in found
        if m is not None and not _begins_where_tried(name, folded, m, starts)
    ]


def test_every_start_cue_belongs_to_a_guarded_start() -> None:
    starts = {name: set(s) for name, _, _, s in GUARDED}
    for name, table in vocabulary.START_CUES.items():
        assert set(table) <= starts[name], name


@pytest.mark.parametrize(("name", "pattern", "cues", "starts"), GUARDED, ids=IDS)
def test_every_match_in_the_corpus_begins_where_it_is_tried(
    name: str, pattern: re.Pattern[str], cues: tuple[str, ...], starts: tuple[str, ...]
) -> None:
    for text in _articles():
        folded = fold(text)
        for m in pattern.finditer(text):
            assert _begins_where_tried(name, folded, m, starts), (name, m.group(0))


@pytest.mark.parametrize(("name", "pattern", "cues", "starts"), GUARDED, ids=IDS)
@SMALL
@given(data=st.data())
def test_every_match_of_made_up_text_begins_where_it_is_tried(
    name: str,
    pattern: re.Pattern[str],
    cues: tuple[str, ...],
    starts: tuple[str, ...],
    data: st.DataObject,
) -> None:
    text = twice_among(data, pattern)
    assert not _untried(name, text, pattern, starts)


@pytest.mark.parametrize(("name", "pattern", "cues", "starts"), GUARDED, ids=IDS)
def test_every_alternative_begins_where_it_is_tried(
    name: str, pattern: re.Pattern[str], cues: tuple[str, ...], starts: tuple[str, ...]
) -> None:
    texts = every_way(pattern)
    assert not [u for text in texts for u in _untried(name, text, pattern, starts)]


def test_a_start_cue_too_narrow_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks above can fail: "orbit" needing "insertion" alone leaves "orbital decay"
    of the decay row untried."""
    name, pattern, _, starts = next(g for g in GUARDED if g[0] == "decay")
    assert not _untried(name, "its orbital decay", pattern, starts)
    monkeypatch.setitem(vocabulary.START_CUES, "decay", {"orbit": ("insertion",)})
    assert _untried(name, "its orbital decay", pattern, starts)


class _HoldsAll:
    """A cue mask that finds every cue in every clause."""

    def __init__(self, real: CueMask) -> None:
        self._real = real

    def __call__(self, folded: str) -> int:
        return (1 << len(self._real.cues)) - 1

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=6), glue=st.sampled_from([" ", ", ", "; "]))
def test_start_cues_change_no_keyword(pieces: list[str], glue: str) -> None:
    """The keywords of a clause are those found when every pattern is run over it."""
    text = glue.join(pieces)
    cued = kinds.find_keywords(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kinds, "_held_mask", _HoldsAll(kinds._held_mask))
        patch.setattr(
            kinds, "scan", lambda pattern, text, folded, starts: [*pattern.finditer(text)]
        )
        assert kinds.find_keywords(text) == cued


def test_the_cue_mask_is_a_substring_search() -> None:
    lines = [line for article in _articles() for line in article.splitlines()]
    find = kinds._held_mask
    for text in [*lines, "it didn\u2019t land", "\u0130t wasn't  RE-ENTERED\ttoday", "To\tland"]:
        folded = fold(text)
        words = folded.split()
        held = tuple(
            c for c in find.cues if (c.strip() in words if c.startswith(" ") else c in folded)
        )
        assert find.named(find(folded)) == held, text


def test_a_cue_mask_names_its_bits() -> None:
    find = CueMask(("land", "n't", "to"), ("to",))
    assert find("it didn't land") == find.bits(["land", "n't"])
    assert find.named(find("the lander went to")) == ("land", "to", " to ")
    assert find.named(find("into the lander")) == ("land", "to")
    assert find("") == 0
    nested = CueMask(("land", "landing", "and", "din", "n't"))
    assert nested.named(nested("(landing)")) == ("land", "landing", "and", "din")
    assert nested.named(nested("didn't")) == ("n't",)


def test_fold_reads_every_letter_and_class_as_re_does() -> None:
    """Every ASCII letter is in the fold exactly where a case-blind pattern reads it, and a
    character of the fold is a word character, a space or a digit exactly when the text's
    is: the fold may stand for the text wherever a gate reads letters, \\b, \\s or \\d."""
    every = "".join(map(chr, range(0x110000)))
    folded = fold(every)
    assert len(folded) == len(every)
    for ch in "abcdefghijklmnopqrstuvwxyz":
        read_as = {m.start() for m in re.finditer(ch, every, re.IGNORECASE)}
        assert read_as == {m.start() for m in re.finditer(ch, folded)}, ch
    for cls in (r"\w", r"\s", r"\d"):
        assert [m.start() for m in re.finditer(cls, every)] == [
            m.start() for m in re.finditer(cls, folded)
        ], cls


def _cores_missed(text: str) -> list[str]:
    """Each match of PLANNED_TO in the text, at any place, whose fold the core misses, and
    whose whole word "to" the fold's blank-separated words miss."""
    folded = fold(text)
    found = (vocabulary.PLANNED_TO.match(text, at) for at in range(len(text) + 1))
    return [
        m.group(0)
        for m in found
        if m is not None
        and (
            vocabulary.PLANNED_TO_CORE.search(folded, m.start(), m.end()) is None
            or vocabulary.PLANNED_TO_WORD not in folded[m.start() : m.end()].split()
        )
    ]


def test_planned_to_holds_its_core_in_the_corpus() -> None:
    assert not [u for text in _articles() for u in _cores_missed(text)]


@SMALL
@given(data=st.data())
def test_planned_to_holds_its_core_in_made_up_text(data: st.DataObject) -> None:
    text = twice_among(data, vocabulary.PLANNED_TO)
    assert not _cores_missed(text)


def test_a_core_too_narrow_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks above can fail: a core without "is" misses "it is to land"."""
    assert not _cores_missed("it is to land")
    monkeypatch.setattr(vocabulary, "PLANNED_TO_CORE", re.compile(r"(?:was|were)\s+to\s"))
    assert _cores_missed("it is to land")


def test_planned_to_holds_its_core_in_every_alternative() -> None:
    texts = every_way(vocabulary.PLANNED_TO)
    assert sum(vocabulary.PLANNED_TO.search(text) is not None for text in texts) * 4 >= len(texts)
    assert not [u for text in texts for u in _cores_missed(text + " ")]
