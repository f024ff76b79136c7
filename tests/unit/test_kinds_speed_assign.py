"""The short ways assign_keywords takes for a clause of no keyword or of one moment give what
its walk over every moment gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control.extract import kinds
from mission_control.extract.kinds import Keyword

SMALL = settings(max_examples=300, deadline=None, derandomize=True, database=None)


@st.composite
def _clause(draw: st.DrawFn) -> tuple[str, tuple[int, int], list[Keyword]]:
    """A clause's length, one moment's span and keywords that do not overlap each other (some
    may overlap the moment), in order."""
    length = draw(st.integers(1, 60))
    cuts = sorted(draw(st.lists(st.integers(0, length), max_size=8, unique=True)))
    keywords = [
        Keyword(a, b, 0, "landing") for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b
    ]
    start = draw(st.integers(0, length))
    end = draw(st.integers(start, length))
    return "x" * length, (start, end), keywords


@SMALL
@given(clause=_clause())
def test_one_moment_takes_what_the_walk_gives(
    clause: tuple[str, tuple[int, int], list[Keyword]],
) -> None:
    text, span, keywords = clause
    starts = [k.start for k in keywords]
    ends = [k.end for k in keywords]
    walked = kinds._each_moment(text, [span], keywords, starts, ends)
    assert kinds.assign_keywords(text, [span], keywords) == walked
    assert [kinds._only_moment(span, keywords)] == walked


@SMALL
@given(clause=_clause(), more=st.integers(0, 3))
def test_no_keyword_leaves_every_moment_without_one(
    clause: tuple[str, tuple[int, int], list[Keyword]], more: int
) -> None:
    text, span, _ = clause
    spans = [span] * (more + 1)
    assert kinds.assign_keywords(text, spans, []) == [None] * len(spans)
    assert kinds._each_moment(text, spans, [], [], []) == [None] * len(spans)


def test_one_moment_prefers_a_keyword_within_it_then_before_then_after() -> None:
    before, within, after = (
        Keyword(0, 3, 0, "launch"),
        Keyword(5, 8, 0, "landing"),
        Keyword(12, 15, 0, "flyby"),
    )
    text = "x" * 20
    assert kinds.assign_keywords(text, [(4, 9)], [before, within, after]) == [within]
    assert kinds.assign_keywords(text, [(9, 11)], [before, within, after]) == [within]
    assert kinds.assign_keywords(text, [(9, 11)], [after]) == [after]
    assert kinds.assign_keywords(text, [(4, 13)], [after]) == [None]
