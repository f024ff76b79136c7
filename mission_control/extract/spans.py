"""The character spans a stage has already claimed in a sentence.

A stage tries its patterns in order, and a match of a later pattern that overlaps a span an
earlier one claimed is dropped. The claimed spans never overlap each other, so they are kept
sorted and an overlap is found by a binary search: a sentence with many matches costs
n log n, not a scan of every claimed span for every match.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence


class Claimed:
    """Spans that do not overlap each other, sorted by start (so by end too)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a claimed span."""
        i = bisect.bisect_right(self._ends, start)  # the first span ending after ``start``
        return i < len(self._starts) and self._starts[i] < end

    def covers(self, points: Sequence[int]) -> bool:
        """Whether every one of ``points`` (in ascending order) lies within a claimed span."""
        if not points:
            return True
        starts, ends = self._starts, self._ends
        n = len(ends)
        if n == 1:  # within one span: so are the first point and the last
            return starts[0] <= points[0] and points[-1] < ends[0]
        for at in points:
            i = bisect.bisect_right(ends, at)  # the first span ending after ``at``
            if i == n or starts[i] > at:
                return False
        return True

    def add(self, spans: Iterable[tuple[int, int]]) -> None:
        """Claim spans that overlap no claimed span nor each other."""
        new = sorted(spans)
        if not new:
            return
        starts, ends = self._starts, self._ends
        if starts and new[0][0] < ends[-1]:
            new = sorted([*zip(starts, ends, strict=True), *new])
            starts.clear()
            ends.clear()
        for start, end in new:
            starts.append(start)
            ends.append(end)
