"""The warnings one reading of an article gives, each naming the file and line it is about.

A warning said again word for word on other lines (a time with no zone, stated a thousand
times) is given once, where it is first said, with how many more there are and on which
lines: ``t.txt:3: time '10:00' names no time zone: read as UTC (and 99,999 more like it,
on lines 4–100002)``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from operator import itemgetter


@dataclass
class _Said:
    """Where one warning was said: first, and how often and where again."""

    line: int
    more: int = 0
    low: int = sys.maxsize
    high: int = 0

    def again(self, line: int) -> None:
        self.more += 1
        self.low = min(self.low, line)
        self.high = max(self.high, line)


# Where in the reading a warning is said: the clause it is about, then the stage.
Place = tuple[int, int]


@dataclass
class Report:
    """Every stage of the reader warns here instead of raising. Warnings come in the order
    of the text: a stage that reads ahead of the next (all clauses before their drafts)
    says where each warning belongs (:meth:`at`), and they are put in that order."""

    source: str
    _said: dict[str, _Said] = field(default_factory=dict)
    _place: Place = (-1, 0)
    _pending: list[tuple[Place, int, int, str]] = field(default_factory=list)

    def at(self, place: Place) -> None:
        """Warnings from now on are about ``place``: (clause, stage)."""
        self._place = place

    def warn(self, line: int, message: str) -> None:
        self._pending.append((self._place, len(self._pending), line, message))

    @property
    def warnings(self) -> list[str]:
        """Each warning once, in the order first said, with its repeats counted."""
        self._pending.sort(key=_ORDER)
        for _, _, line, message in self._pending:
            said = self._said.get(message)
            if said is None:
                self._said[message] = _Said(line)
            else:
                said.again(line)
        self._pending.clear()
        return [self._line(message, said) for message, said in self._said.items()]

    def _line(self, message: str, said: _Said) -> str:
        text = f"{self.source}:{said.line}: {message}"
        if not said.more:
            return text
        where = f"line {said.low}" if said.low == said.high else f"lines {said.low}–{said.high}"
        return f"{text} (and {said.more:,} more like it, on {where})"


_ORDER = itemgetter(0, 1)  # place, then the order said
