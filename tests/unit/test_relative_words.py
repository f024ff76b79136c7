"""Whether a word of relative time stands between two places of a clause, looked up among the
clause's own words for a long stretch, is what a search of the stretch finds."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mission_control.extract import vocabulary
from mission_control.extract.relative_words import RelativeWords

PIECES = st.sampled_from(
    [
        "later",
        "Later",
        "laterally",
        "earlier",
        "afterwards",
        "afterward",
        "after",
        "before",
        "then",
        "thence",
        " ",
        ", ",
        "it landed",
        "x" * 150,
        "lat",
        "er",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def test_no_word_of_relative_time_is_longer_than_the_tail_searched() -> None:
    words = re.findall(r"[a-z]+\??", vocabulary.RELATIVE_TIME.pattern.replace("?:", ""))
    longest = max(len(w.rstrip("?")) for w in words)
    assert longest <= RelativeWords._LONGEST


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(TEXTS, st.data())
@example("it landed " + "x" * 300 + " laterally", None)
@example("x" * 300 + " later", None)
def test_a_stretch_holds_a_word_exactly_when_a_search_of_it_finds_one(
    text: str, data: st.DataObject | None
) -> None:
    words = RelativeWords(text)
    places = (
        [(0, len(text)), (10, len(text) - 4), (0, len(text) - 2)]
        if data is None
        else [
            tuple(sorted(data.draw(st.tuples(*[st.integers(0, len(text))] * 2)))) for _ in range(5)
        ]
    )
    for start, stop in places:
        expected = vocabulary.RELATIVE_TIME.search(text, start, stop) is not None
        assert words.between(start, stop) == expected, (text, start, stop)


CLAUSE_PIECES = st.sampled_from(
    [
        "two hours after touchdown ",
        "10 minutes after the landing ",
        "a day after launch ",
        "the bus flew past ",
        "it landed ",
        "touchdown ",
        "separation ",
        "at 10:00 UTC ",
        "and ",
    ]
)


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(st.lists(CLAUSE_PIECES, max_size=30).map("".join))
def test_the_keywords_left_without_anchors_are_those_in_no_anchor(text: str) -> None:
    """An event an offset counts from is left out, found by binary search among the
    anchors, as when each keyword is tried against every anchor."""
    from mission_control.extract.kinds import find_keywords
    from mission_control.extract.relative import _ANCHORED_RE, without_anchors

    keywords = find_keywords(text)
    spans = [m.span("anchor") for m in _ANCHORED_RE.finditer(text)]
    expected = [k for k in keywords if not any(a <= k.start < b for a, b in spans)]
    assert without_anchors(text, keywords) == expected
