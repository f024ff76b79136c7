"""Claimed spans tell whether points lie within them as a look at every span would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control.extract.spans import Claimed


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    cuts=st.lists(st.integers(0, 40), max_size=8, unique=True),
    points=st.lists(st.integers(-2, 42), max_size=4),
    parts=st.integers(1, 3),
)
def test_covers_is_a_look_at_every_span(cuts: list[int], points: list[int], parts: int) -> None:
    cuts.sort()
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    claimed = Claimed()
    for i in range(parts):  # claimed in a few goes, out of order
        claimed.add(spans[i::parts][::-1])
    points.sort()
    every = all(any(a <= p < b for a, b in spans) for p in points)
    assert claimed.covers(points) == every
    assert [claimed.overlaps(p, p + 1) for p in points] == [
        any(a <= p < b for a, b in spans) for p in points
    ]
