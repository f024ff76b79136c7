"""The drafting stage's shortcuts are necessary conditions: an outcome pattern is tried only
when the fold of a clause holds one of its words, a clause's breaks are looked for only where
they can begin, a clause is asked for its part words only when its fold holds a word each
holds, and for an "it" as its subject only when it opens with "it" or holds a comma; each
finds what trying everything everywhere finds, in the corpus and in made-up text written as
a case-blind pattern reads it alike."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.fuzzing import FUZZ
from support.spellings import every_way, oddly_written

from mission_control.extract import subjects, vocabulary
from mission_control.extract.keyword_scan import fold
from mission_control.extract.outcomes import stated_outcomes
from mission_control.extract.sentences import split_clauses
from tests.unit.test_kinds_speed import SMALL
from tests.unit.test_reader_speed import TEXTS, corpus_sentences

OUTCOMES = vocabulary.OUTCOME_PATTERNS
IDS = [tag for tag, _, _ in OUTCOMES]


def _every_outcome(text: str) -> list[str]:
    """The outcome tags of ``text``, every pattern searched for."""
    return [tag for tag, pattern, _ in OUTCOMES if pattern.search(text)]


def _unheld(text: str, pattern: re.Pattern[str], words: tuple[str, ...]) -> list[str]:
    """Each match of the pattern, at any place in the text, whose fold holds none of the
    words."""
    folded = fold(text)
    found = (pattern.match(text, at) for at in range(len(text) + 1))
    return [
        m.group(0)
        for m in found
        if m is not None and not any(w in folded[m.start() : m.end()] for w in words)
    ]


@pytest.mark.parametrize(("tag", "pattern", "words"), OUTCOMES, ids=IDS)
def test_every_way_an_outcome_pattern_matches_holds_its_words(
    tag: str, pattern: re.Pattern[str], words: tuple[str, ...]
) -> None:
    texts = every_way(pattern)
    assert not [u for text in texts for u in _unheld(text, pattern, words)]
    for text in texts:
        assert stated_outcomes(text) == _every_outcome(text), text


@pytest.mark.parametrize(("tag", "pattern", "words"), OUTCOMES, ids=IDS)
@SMALL
@given(data=st.data())
def test_made_up_outcomes_are_found_as_every_pattern_finds_them(
    tag: str, pattern: re.Pattern[str], words: tuple[str, ...], data: st.DataObject
) -> None:
    match = data.draw(st.from_regex(pattern, fullmatch=True).flatmap(oddly_written))
    text = f"It {match}; then {match}."
    assert not _unheld(text, pattern, words)
    assert stated_outcomes(text) == _every_outcome(text)


def test_the_corpus_outcomes_are_found_as_every_pattern_finds_them() -> None:
    found = 0
    for text in corpus_sentences():
        expected = _every_outcome(text)
        found += bool(expected)
        assert stated_outcomes(text) == expected, text
    assert found > 20


def test_a_missing_word_is_caught() -> None:
    """The check can fail: "crashed" is a match of the crash pattern that holds no "lost"."""
    _, pattern, _ = OUTCOMES[IDS.index("crashed")]
    assert _unheld("it crashed", pattern, ("lost",)) == ["crashed"]


def _breaks(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in subjects._clauses.__wrapped__(text)[0]]


def _every_break(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in subjects._CLAUSE_BREAK.finditer(text)]


def test_the_corpus_clause_breaks_are_found_as_the_pattern_finds_them() -> None:
    found = 0
    for text in corpus_sentences():
        expected = _every_break(text)
        found += bool(expected)
        assert _breaks(text) == expected, text
    assert found > 30


@FUZZ
@given(TEXTS)
def test_made_up_clause_breaks_are_found_as_the_pattern_finds_them(text: str) -> None:
    assert _breaks(text) == _every_break(text)


@pytest.mark.parametrize(
    "text",
    [
        "It landed on 3 May 1975 and the orbiter flew on",
        "It landed at 05:13 UTC  and\tits bus flew on, while the lander sent data; and so on",
        "Launched in 1975 AND THE orbiter, which failed",
        "no break here and there",
        "the lander, and the bus",
    ],
)
def test_clause_breaks_of_each_form_are_found(text: str) -> None:
    assert _breaks(text) == _every_break(text)
    assert _every_break(text) or text == "no break here and there"


def _names_a_part(text: str) -> bool:
    return any(pattern.search(text) for _, pattern, _ in vocabulary.PART_WORDS)


def test_a_corpus_sentence_naming_a_part_may_name_one() -> None:
    named = 0
    for text in corpus_sentences():
        if _names_a_part(text):
            named += 1
            assert subjects.may_name_part(text), text
    assert named > 50


@FUZZ
@given(TEXTS.flatmap(oddly_written))
def test_a_made_up_text_naming_a_part_may_name_one(text: str) -> None:
    assert subjects.may_name_part(text) or not _names_a_part(text)


@pytest.mark.parametrize(("part", "pattern", "starts"), vocabulary.PART_WORDS)
def test_every_way_a_part_word_is_written_may_name_a_part(
    part: str, pattern: re.Pattern[str], starts: tuple[str, ...]
) -> None:
    texts = [f"then {odd}." for odd in every_way(pattern)]
    assert any(_names_a_part(text) for text in texts)
    for text in texts:
        assert subjects.may_name_part(text) or not _names_a_part(text), text


def _opens_with_it(text: str) -> bool:
    return subjects._PRONOUN_SUBJECT.match(text) is not None


@FUZZ
@given(st.sampled_from(["", "It", "it", "ITS", "It's", "\u0130t", "\u0131t", "Initially"]), TEXTS)
def test_a_clause_opening_with_it_is_found_as_the_pattern_finds_it(head: str, text: str) -> None:
    for clause in (head + text, head + " " + text, text):
        assert subjects.opens_with_it(clause) == _opens_with_it(clause), clause


def test_the_corpus_clauses_opening_with_it_are_found_as_the_pattern_finds_them() -> None:
    found = 0
    for sentence in corpus_sentences():
        for clause in split_clauses(sentence):
            found += _opens_with_it(clause)
            assert subjects.opens_with_it(clause) == _opens_with_it(clause), clause
    assert found > 20


def _every_part_of_subject(text: str) -> str | None:
    """:func:`.subjects.part_of_subject` as it reads every part word of the text."""
    best: tuple[int, str] | None = None
    linked: tuple[int, str] | None = None
    for part, pattern, _ in vocabulary.PART_WORDS:
        for match in pattern.finditer(text):
            before = text[: match.start()].split()[-2:]
            if any(w.lower() in {"from", "with", "by", "of", "to", "into", "aboard", "on", "in",
                                 "onto", "along"} for w in before) and not (
                before and before[-1].lower().endswith("'s")
            ):  # fmt: skip
                start = match.start()
                if (linked is None or start < linked[0]) and subjects._LINK_TO.search(
                    text, max(0, start - 40), start
                ):
                    linked = (start, part)
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), part)
            break
    found = best or linked
    return found[1] if found else None


def test_the_corpus_subjects_are_those_every_part_word_gives() -> None:
    found = 0
    for sentence in corpus_sentences():
        for clause in split_clauses(sentence):
            expected = _every_part_of_subject(clause)
            found += expected is not None
            assert subjects.part_of_subject(clause) == expected, clause
    assert found > 50


@FUZZ
@given(TEXTS)
def test_made_up_subjects_are_those_every_part_word_gives(text: str) -> None:
    assert subjects.part_of_subject(text) == _every_part_of_subject(text)


def _links_to_it(text: str) -> bool:
    return subjects._LINK_TO_IT.search(text) is not None


@FUZZ
@given(TEXTS, st.sampled_from([" from it", " with it", " With It", " FROM IT", " from it's", ""]))
def test_a_made_up_link_to_it_is_found_as_the_pattern_finds_it(text: str, tail: str) -> None:
    subjects.links_to_it.cache_clear()
    assert subjects.links_to_it(text + tail) == _links_to_it(text + tail)


def test_the_corpus_links_to_it_are_found_as_the_pattern_finds_them() -> None:
    said = [
        "no signal was received from it",
        "Contact with it was lost",
        "radio link with it failed",
        "its data from it",
        "TELEMETRY FROM IT",
        "No word was heard from it",
        "transmissions with it ended",
    ]
    found = 0
    for clause in [*said, *(c for s in corpus_sentences() for c in split_clauses(s))]:
        subjects.links_to_it.cache_clear()
        found += _links_to_it(clause)
        assert subjects.links_to_it(clause) == _links_to_it(clause), clause
    assert found >= len(said)


@FUZZ
@given(TEXTS.flatmap(oddly_written), st.sampled_from(["", ", which", ", WHICH", "; "]))
def test_a_clause_naming_no_part_nor_which_has_no_subject_anywhere(text: str, which: str) -> None:
    clause = text + which + text
    if subjects.may_name_part(clause) or "which" in fold(clause):
        return
    offsets = list(range(0, len(clause), 7))
    assert subjects.subjects_at(clause, offsets, subjects.part_of_subject, "Big 1") == [None] * len(
        offsets
    )
