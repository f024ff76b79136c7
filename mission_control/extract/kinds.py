"""Which kinds of event a clause names, and which of its stated moments each kind belongs to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mission_control.extract import vocabulary


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
    for rank, (kind, pattern) in enumerate(vocabulary.KIND_PATTERNS):
        for match in pattern.finditer(blanked):
            if match.end() == match.start():
                continue
            if any(match.start() < k.end and k.start < match.end() for k in kept):
                continue
            kept.append(Keyword(match.start(), match.end(), rank, kind))
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
    claimed: set[int] = set()
    kinds: list[str | None] = []
    for i, (start, end) in enumerate(spans):
        lo = spans[i - 1][1] if i else 0
        hi = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        free = [j for j in range(len(keywords)) if j not in claimed]
        inside = [j for j in free if start <= keywords[j].start and keywords[j].end <= end]
        before = [j for j in free if lo <= keywords[j].start and keywords[j].end <= start]
        after = [j for j in free if end <= keywords[j].start and keywords[j].end <= hi]
        pick = (inside or before)[-1] if inside or before else (after[0] if after else None)
        if pick is not None:
            claimed.add(pick)
            kinds.append(keywords[pick].kind)
        elif i and kinds[-1] is not None and _LIST_GAP.fullmatch(text[lo:start]):
            kinds.append(kinds[-1])
        else:
            kinds.append(None)
    return kinds
