"""The written-out gates of the drafting stage are the tables they stand for: a clause
holding a word an outcome pattern needs, or a word a part's words hold, passes its gate."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from support.fuzzing import FUZZ
from support.spellings import every_way, oddly_written

from mission_control.extract import names, outcomes, quantities, subjects, vocabulary
from mission_control.extract.keyword_scan import fold
from tests.unit.test_kinds_speed import SMALL
from tests.unit.test_reader_speed import TEXTS


def test_each_outcome_word_passes_the_outcome_gate() -> None:
    """Each test of the gate is a search for a fixed string, so a word that passes alone
    passes in any text holding it."""
    rows = zip(outcomes._ROWS, vocabulary.OUTCOME_PATTERNS, strict=True)
    for (_, _, shared, _), (_, _, words) in rows:
        assert shared and all(word.startswith(shared) for word in words), words
        assert outcomes.may_state_outcome(shared), shared
    assert not outcomes.may_state_outcome("the orbiter entered orbit on 22 october")


def test_each_part_hint_passes_the_part_gate() -> None:
    """As for the outcome gate: a hint that passes alone passes in any text holding it."""
    for hints in names._HINTS.values():
        for hint in hints:
            assert subjects.may_name_part(hint), hint
    assert not subjects.may_name_part("it entered orbit on 3 may")


def test_the_part_hints_are_the_parts_of_the_table_in_order() -> None:
    assert list(names._HINTS) == [part for part, _, _ in vocabulary.PART_WORDS]
    assert [row[0] for row in names._ROWS] == list(names._HINTS)


HINT_PIECES = [w for hints in names._HINTS.values() for w in hints] + ["x", " ", "lan", "bu"]


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(st.lists(st.sampled_from(HINT_PIECES), max_size=8).map("".join))
def test_the_written_out_part_hints_are_the_table_of_hints(low: str) -> None:
    expected = tuple(any(h in low for h in hints) for hints in names._HINTS.values())
    assert names.hinted_parts(low) == expected


@pytest.mark.parametrize(("place", "row"), enumerate(vocabulary.PART_WORDS))
def test_every_way_a_part_word_is_written_holds_a_hint_of_its_part(
    place: int, row: tuple[str, re.Pattern[str], tuple[str, ...]]
) -> None:
    part, pattern, _ = row
    texts = [f"then {odd}." for odd in every_way(pattern)]
    matched = [t for t in texts if pattern.search(t)]
    assert matched
    for text in matched:
        assert names.hinted_parts(fold(text))[place], (part, text)


NUMBER_PIECES = [*"0123456789", "-", "−", "–", ",", ".", ":", "/", " ", "a", "é", "٣", "\u00a0"]
NUMBER_PIECES += ["1,300", "12:05", "81/23", "1958-2000", "x-5", "No.50P", "3.5"]


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(st.lists(st.sampled_from(NUMBER_PIECES), max_size=12).map("".join), st.integers(0, 12))
def test_the_first_number_is_the_one_the_number_pattern_finds(sentence: str, pos: int) -> None:
    expected = quantities._NUMBER_RE.search(sentence, pos)
    found = quantities._first_number(sentence, pos)
    assert (found and found.span()) == (expected and expected.span())


@FUZZ
@given(TEXTS.flatmap(oddly_written), st.sampled_from(["", "é ", "\u0130 ", "ſ"]))
@example("On 5 May 1975 AND THE orbiter flew on", "")
@example("On 5 May 1975 ANd tHE orbiter flew on; it, WHICH", "\u0130 ")
def test_clause_breaks_of_a_text_in_any_letters_are_found_as_the_pattern_finds_them(
    text: str, head: str
) -> None:
    """The breaks are looked for in the fold of a text, ASCII or not."""
    text = head + text
    expected = [m.span() for m in subjects._CLAUSE_BREAK.finditer(text)]
    assert [m.span() for m in subjects._clauses.__wrapped__(text)[0]] == expected


@FUZZ
@given(TEXTS.flatmap(oddly_written), st.sampled_from(["Big 1", "Mars 6", "Kosmos 419"]))
@example("The \u0130big 1 and BIG 1 and bİg 1", "Big 1")
@example("the \u212aosmos 419 and \u017fign", "Kosmos 419")
def test_the_name_is_blanked_as_the_case_blind_pattern_finds_it(text: str, name: str) -> None:
    for whole in (text, f"{text} {name.upper()} {text}", _swapped(name) + text):
        expected = re.sub(re.escape(name), lambda m: " " * len(m.group(0)), whole, flags=re.I)
        assert subjects.without_name(whole, name) == expected


def _swapped(name: str) -> str:
    return name.swapcase().replace("k", "\u212a").replace("s", "\u017f")


UNIT_PIECES = [" ", "5", "12", "1,300", "-", "(", ")", " to ", "°", "℃", "é", "\u212a", "\u0130"]
UNIT_PIECES += ["km", "KM", "kilometres", "Miles", "mph", "m/s", "kPa", "K", "s", "seconds"]


@FUZZ
@given(st.lists(st.sampled_from(UNIT_PIECES), max_size=12).map("".join).flatmap(oddly_written))
@example("5 \u212ailometres and 3 miles (about 5 ſeconds)")
def test_a_sentence_in_any_letters_is_passed_by_the_gate_when_it_states_a_quantity(
    sentence: str,
) -> None:
    """The digit-and-unit gate reads a sentence not in ASCII in its fold."""
    expected = _outcome(quantities._quantities, sentence, None)
    assert _outcome(quantities.find_quantities, sentence) == expected
    assert _outcome(quantities.find_quantities, sentence, fold(sentence)) == expected


def _outcome(read: Callable[..., object], *args: object) -> object:
    """What ``read(*args)`` gives, or the kind of error it raises (a word unit with a
    dotted capital I is not in the table of units, gated or not)."""
    try:
        return read(*args)
    except KeyError:
        return KeyError


def _starts_of_matches(text: str, pattern: re.Pattern[str], starts: tuple[str, ...]) -> list[str]:
    """Each match of the pattern, at any place in the text, whose fold does not begin with
    one of the starts."""
    folded = fold(text)
    found = (pattern.match(text, at) for at in range(len(text) + 1))
    return [m.group(0) for m in found if m is not None and not folded.startswith(starts, m.start())]


@pytest.mark.parametrize(("tag", "pattern", "words"), vocabulary.OUTCOME_PATTERNS)
def test_every_way_an_outcome_pattern_matches_begins_with_a_start(
    tag: str, pattern: re.Pattern[str], words: tuple[str, ...]
) -> None:
    texts = [f"then {odd}; and {odd}." for odd in every_way(pattern)]
    starts = outcomes._STARTS[tag]
    assert not [u for text in texts for u in _starts_of_matches(text, pattern, starts)]


@pytest.mark.parametrize(("tag", "pattern", "words"), vocabulary.OUTCOME_PATTERNS)
@SMALL
@given(data=st.data())
def test_made_up_outcomes_begin_with_a_start(
    tag: str, pattern: re.Pattern[str], words: tuple[str, ...], data: st.DataObject
) -> None:
    match = data.draw(st.from_regex(pattern, fullmatch=True).flatmap(oddly_written))
    text = f"It {match}; then {match}."
    assert not _starts_of_matches(text, pattern, outcomes._STARTS[tag])


def test_a_match_not_beginning_with_a_start_is_caught() -> None:
    _, pattern, _ = vocabulary.OUTCOME_PATTERNS[
        [t for t, _, _ in vocabulary.OUTCOME_PATTERNS].index("contact lost")
    ]
    assert _starts_of_matches("the signal was lost", pattern, ("contact", "lost")) == [
        "signal was lost"
    ]


def _every_part_ending_at(text: str, end: int) -> str | None:
    start = max(0, end - subjects._PART_BEFORE)
    for part, pattern, _ in vocabulary.PART_WORDS:
        if any(m.end() == end for m in pattern.finditer(text, start, end)):
            return part
    return None


@FUZZ
@given(TEXTS.flatmap(oddly_written))
@example("the de\u017fcent craft, which the LANDING MODULE, which")
def test_the_part_ending_before_which_is_the_one_every_pattern_finds(text: str) -> None:
    for end in range(len(text) + 1):
        assert subjects._part_ending_at(text, end) == _every_part_ending_at(text, end), end
