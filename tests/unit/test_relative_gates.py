"""A relative-time pattern is tried only after a test of the words it needs: the test must
pass wherever the pattern matches, or a relative time would go unread."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from support.fuzzing import FUZZ

from mission_control.extract import prefilter, relative

PIECES = [
    " ", "  ", ",", ".", "-", "two", "2", "14.5", "about", "hours", "hour", "minutes", "day",
    "days", "later", "Later", "LATER", "after", "After", "that", "this", "then", "the", "same",
    "next", "following", "morning", "afternoon", "night", "shortly", "soon", "immediately",
    "moments", "a few", "from", "since", "touchdown", "landing", "launch", "lift-off",
    "liftoff", "separation", "atmospheric", "entry", "orbit", "insertion", "its", "thereafter",
    "wards", "x",
]  # fmt: skip
clauses = st.lists(st.sampled_from(PIECES), max_size=12).map("".join) | st.lists(
    st.sampled_from(PIECES), max_size=10
).map(" ".join)


@FUZZ
@given(clauses)
def test_a_pattern_matches_only_where_its_words_are(text: str) -> None:
    low = prefilter.folded(text)
    if low is None:
        return  # a text not in ASCII is not gated
    for pattern, may in relative.GATES:
        if pattern.search(text):
            assert may(low), (pattern.pattern[:40], text)


def test_the_gates_let_through_what_each_pattern_reads() -> None:
    said = {
        "two hours after touchdown": 0,
        "two hours later": 1,
        "the next day": 2,
        "the day after": 2,
        "later that day": 3,
        "shortly thereafter": 3,
        "a few minutes later": 3,
        "after that": 4,
    }
    for text, row in said.items():
        pattern, may = relative.GATES[row]
        assert pattern.search(text) and may(text.lower()), text


def test_a_clause_not_in_ascii_is_tried_with_every_pattern() -> None:
    # Case-blind matching takes "İ" for "i", which lowering does not.
    assert relative.find_relative("İmmediately afterwards it landed") is not None
    assert relative.find_relative("Immediately afterwards it landed") is not None
