"""An ASCII sentence's quantities are read in its lowered text, with its word units as a tree
of letters; a sentence in which no digit is followed by a unit is not read at all, and one
without "between" is not searched for it: each must find what reading the sentence with the
case-blind table of units finds."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from support.fuzzing import FUZZ

from mission_control.extract import quantities
from mission_control.extract.quantities import find_quantities
from mission_control.notation import SYMBOLS, SYMBOLS1, WORDS

ROOT = Path(__file__).resolve().parents[2]


def _spellings(word: str) -> list[str]:
    return [word, word.upper(), word.title(), word.replace(" ", "  "), word.replace(" ", "-")]


PIECES = sorted(
    {s for w in WORDS for s in _spellings(w)}
    | {s for w in WORDS for s in _spellings(w[:-1])}
    | set(SYMBOLS)
    | set(SYMBOLS1)
    | {s.lower() for s in SYMBOLS}
    | {s.upper() for s in SYMBOLS1}
    | {"", " ", "  ", "-", "–", ",", ".", "(", ")", "/", "^", "·", "°", "about ", "between "}
    | {"Between ", "BETWEEN ", "between\t"}
    | {"to", "and", "per", "x", "1", "2", "10", "1,300", "0.5", "-3", "1958", "12:05", "81/23"}
)
# A sentence that is the sentence-wide reading's own: lowered, and with the gate passed by.
sentences = st.lists(st.sampled_from(PIECES), max_size=14).map("".join) | st.lists(
    st.sampled_from(PIECES), max_size=10
).map(" ".join)


def _unlowered(sentence: str) -> list[tuple[object, tuple[int, int]]]:
    """The quantities of ``sentence`` read with the case-blind pattern at every number."""
    return list(quantities._quantities(sentence, None))


@FUZZ
@given(sentences)
def test_the_lowered_reading_finds_what_the_case_blind_one_does(sentence: str) -> None:
    assert find_quantities(sentence) == _unlowered(sentence)


@FUZZ
@given(st.sampled_from(PIECES), st.sampled_from(PIECES))
def test_a_unit_the_table_reads_is_read_in_the_lowered_text(before: str, after: str) -> None:
    for number in ("3", "1,300"):
        sentence = f"{before} {number}{after}"
        assert find_quantities(sentence) == _unlowered(sentence)


def test_the_corpus_reads_the_same_either_way() -> None:
    paths = [*(ROOT / "tests" / "articles").rglob("*.txt"), *(ROOT / "seeds").glob("*.txt")]
    lines = [line for p in sorted(paths) for line in p.read_text("utf-8").splitlines()]
    read = [line for line in lines if re.search(r"[0-9]", line)]
    assert sum(bool(find_quantities(line)) for line in read) > 20
    for line in read:
        assert find_quantities(line) == _unlowered(line), line


def test_the_gate_passes_a_digit_then_a_unit_of_any_case() -> None:
    # Symbols heed case ("KM" is no unit), words do not; the gate passes both.
    for sentence, read in [
        ("a 3 KM drop", False),
        ("48,000 Kilometres (30,000 mi)", True),
        ("a 5-Metre mast", True),
        ("2 T of", False),
    ]:
        assert quantities._DIGIT_UNIT_RE.search(sentence.lower()), sentence
        assert find_quantities(sentence) == _unlowered(sentence)
        assert bool(find_quantities(sentence)) == read, sentence
    assert quantities._DIGIT_UNIT_RE.search("on 12 march 1974, and 3 more") is None


def test_a_range_between_two_numbers_is_read_in_any_case() -> None:
    for word in ("between", "Between", "BETWEEN"):
        sentence = f"at {word} 5 and 7 km (3 and 4 mi)"
        (found,) = find_quantities(sentence)
        assert found == _unlowered(sentence)[0]
        assert found[1][0] == 3, sentence


def test_the_word_tree_matches_the_longest_spelling_first() -> None:
    pattern = re.compile(quantities._WORD_TREE)
    for text, spelling in [
        ("kilometres per hour", "kilometres per hour"),
        ("kilometres per  day", "kilometres"),
        ("pounds per square inch", "pounds per square inch"),
        ("degrees celsius", "degrees celsius"),
    ]:
        match = pattern.match(text)
        assert match is not None and match.group() == spelling, text
