"""A cue mask finds, at each place of a word, the longest cue there, with one choice per
letter: it holds what a search for every cue in the word holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control.extract.keyword_scan import CueMask

_LETTERS = "adeilnt'"


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(
    cues=st.lists(st.text(_LETTERS, min_size=1, max_size=5), min_size=1, max_size=12, unique=True),
    words=st.lists(st.text(_LETTERS, max_size=12), max_size=6),
)
def test_a_mask_holds_every_cue_within_a_word(cues: list[str], words: list[str]) -> None:
    mask = CueMask(tuple(cues))
    text = " ".join(words)
    assert mask.named(mask(text)) == tuple(c for c in mask.cues if c in text)


def test_a_cue_within_a_longer_one_is_held() -> None:
    mask = CueMask(("land", "landing", "and", "a", "din", "ing"))
    assert mask.named(mask("landings")) == mask.cues
    assert mask.named(mask("landi")) == ("land", "and", "a")
