"""The warnings one reading of an article gives, each naming the file and line it is about.

A warning said again word for word on other lines (a time with no zone, stated a thousand
times) is given once, where it is first said, with how many more there are and on which
lines: ``t.txt:3: time '10:00' names no time zone: read as UTC (and 99,999 more like it,
on lines 4–100002)``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field


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


@dataclass
class Report:
    """Every stage of the reader warns here instead of raising, in the order it reads."""

    source: str
    _said: dict[str, _Said] = field(default_factory=dict)

    def warn(self, line: int, message: str) -> None:
        said = self._said.get(message)
        if said is None:
            self._said[message] = _Said(line)
        else:
            said.again(line)

    @property
    def warnings(self) -> list[str]:
        """Each warning once, in the order first said, with its repeats counted."""
        return [self._line(message, said) for message, said in self._said.items()]

    def _line(self, message: str, said: _Said) -> str:
        text = f"{self.source}:{said.line}: {message}"
        if not said.more:
            return text
        where = f"line {said.low}" if said.low == said.high else f"lines {said.low}–{said.high}"
        return f"{text} (and {said.more:,} more like it, on {where})"
