"""Which kinds of event a clause names, and which of its stated moments each kind belongs to."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mission_control.extract import vocabulary
from mission_control.extract.spans import Claimed


@dataclass(frozen=True)
class Keyword:
    """Where a clause names an event of some kind; ``rank`` is its row in the table."""

    start: int
    end: int
    rank: int
    kind: str


def find_keywords(text: str) -> list[Keyword]:
    """Every event keyword of a clause, in order, with what did not happen blanked out; where
    two rows match the same words the row listed first keeps them."""
    blanked = vocabulary.HYPOTHETICAL.sub(lambda m: " " * len(m.group(0)), text)
    kept: list[Keyword] = []
    taken = Claimed()
    # Where the last word of KIND_LATER starts (-1: none), found once for the clause.
    later = max((m.start() for m in vocabulary.KIND_LATER.finditer(blanked)), default=-1)
    for rank, (kind, pattern) in enumerate(vocabulary.KIND_PATTERNS):
        # A row's own matches never overlap, so only earlier rows' keywords are checked.
        needs_later = "later" in pattern.groupindex
        found = [
            Keyword(m.start(), m.end(), rank, kind)
            for m in pattern.finditer(blanked)
            if m.end() > m.start()
            and not (needs_later and m.group("later") is not None and later < m.end())
            and not taken.overlaps(m.start(), m.end())
        ]
        kept.extend(found)
        taken.add((k.start, k.end) for k in found)
    return sorted(kept, key=lambda k: (k.start, k.rank))


def kind_of(keywords: Sequence[Keyword]) -> str | None:
    """The kind of a clause that states no time: the first row of the table its keywords
    match."""
    return min(keywords, key=lambda k: k.rank).kind if keywords else None


# What may stand between two dates of one list ("23 February, 28 February and 25 March").
_LIST_GAP = re.compile(r"[\s,;]*(?:(?:and|or|then|as\s+well\s+as)\s+)?(?:(?:on|in)\s+)?", re.I)


def assign_kinds(
    text: str, spans: Sequence[tuple[int, int]], keywords: Sequence[Keyword]
) -> list[str | None]:
    """The kind of each stated moment of a clause. Each keyword serves one moment: a moment
    takes the nearest keyword between it and the moment before it, else the nearest between it
    and the moment after it; a date in a list with no keyword of its own shares the kind of the
    date before it."""
    # Keywords never overlap, so sorted by start they are sorted by end too: the keywords
    # within a stretch of text are a run of indexes, found by binary search.
    starts = [k.start for k in keywords]
    ends = [k.end for k in keywords]
    free = _Unclaimed(len(keywords))
    kinds: list[str | None] = []

    def within(a: int, b: int) -> tuple[int, int]:
        return bisect.bisect_left(starts, a), bisect.bisect_right(ends, b)

    for i, (start, end) in enumerate(spans):
        lo = spans[i - 1][1] if i else 0
        hi = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        pick = free.last(*within(start, end))
        if pick is None:
            pick = free.last(*within(lo, start))
        if pick is None:
            pick = free.first(*within(end, hi))
        if pick is not None:
            free.claim(pick)
            kinds.append(keywords[pick].kind)
        elif i and kinds[-1] is not None and _LIST_GAP.fullmatch(text[lo:start]):
            kinds.append(kinds[-1])
        else:
            kinds.append(None)
    return kinds


class _Unclaimed:
    """Indexes ``0..n-1`` not yet claimed; the first or last one in a range is found in
    near-constant time (each claimed index points past itself, paths halved as they are
    walked)."""

    def __init__(self, n: int) -> None:
        self._next = list(range(n + 1))  # the first unclaimed index >= i (n: none)
        self._prev = list(range(n + 1))  # one more than the last unclaimed index < i+1 (0: none)

    @staticmethod
    def _find(links: list[int], i: int) -> int:
        while links[i] != i:
            links[i] = links[links[i]]
            i = links[i]
        return i

    def first(self, lo: int, hi: int) -> int | None:
        """The first unclaimed index in ``[lo, hi)``."""
        if lo >= hi:
            return None
        i = self._find(self._next, lo)
        return i if i < hi else None

    def last(self, lo: int, hi: int) -> int | None:
        """The last unclaimed index in ``[lo, hi)``."""
        if lo >= hi:
            return None
        i = self._find(self._prev, hi) - 1
        return i if i >= lo else None

    def claim(self, i: int) -> None:
        self._next[i] = i + 1
        self._prev[i + 1] = i
