"""Craft names and part words are found as their patterns find them when tried everywhere:
a month is no place a craft name begins, and a part word is read from the fold of a text in
ASCII or not."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mission_control.extract import names, vocabulary
from tests.unit.test_reader_speed import check_names, spans

PIECES = [
    *("May", "Mayday", "MAY", "July", "Julyan", "August", "Augusta", "March", "Marches"),
    *("December", "Tern", "Big", "Mars", "Vega", "Zarya-V", "July-Ab", "Smay", "xMay"),
    *(" ", "  ", "\t", "-", ",", "1", "3", "12", "1975", "4A", " km", "/24"),
    *("lander", "landing module", "orb\u0131ter", "ORBITER", "capsule", "re-entry"),
    *("rover", "penetrator", "coast stage", "flyby bus", "de\u017fcent stage", "carrier", "bus"),
    *("omnibus", "drover", "pre-entry", "more-entry", "reentry", "sample-return", "Xlander"),
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(TEXTS)
@example("On 3 May 1975 Mars 6 and Tern 3 flew; in July 4 and Mayday 2, Augusta 5")
def test_craft_names_are_found_as_both_patterns_find_them(text: str) -> None:
    check_names(text)


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(TEXTS)
@example("the orb\u0131ter, the LANDER and the de\u017fcent stage")
def test_part_words_are_found_as_each_pattern_finds_them(text: str) -> None:
    found = dict(names.part_words(text))
    for part, pattern, _ in vocabulary.PART_WORDS:
        assert spans(found[part]) == spans(pattern.finditer(text)), (part, text)


def test_a_month_begins_no_name_but_a_longer_word_may() -> None:
    assert [m.group() for m in names.craft_names("Augusta 5 and May 4")] == ["Augusta 5"]
    assert not names._ANY_NAME.search("In July 1975")
    assert names._ANY_NAME.search("In Julyan 1975")


def test_a_part_start_found_inside_a_word_hides_none_and_matches_nothing() -> None:
    """What part_words relies on to look for starts without a word boundary: every part's
    pattern opens with one, and no start holds the start of a word but at its end."""
    assert all(p.pattern.startswith(r"\b") for _, p, _ in vocabulary.PART_WORDS)
    for start in vocabulary.PART_OF_START:
        inner = [
            i for i in range(1, len(start)) if not start[i - 1].isalnum() and start[i].isalnum()
        ]
        assert not inner, start
