"""Where the replay clock reads wall time: the system's monotonic clock, or a manual one
that only moves when a test tells it to."""

from __future__ import annotations

import time
from typing import Protocol

__all__ = ["ManualTimeSource", "SystemTimeSource", "TimeSource"]


class TimeSource(Protocol):
    """Monotonic wall seconds (only differences matter)."""

    def __call__(self) -> float: ...


class SystemTimeSource:
    """The system's monotonic clock."""

    def __call__(self) -> float:
        return time.monotonic()


class ManualTimeSource:
    """A wall clock that only moves when told to, for tests."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)

    def __call__(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if not seconds >= 0:
            raise ValueError(f"a monotonic source cannot go back ({seconds!r} s)")
        self._now += seconds

    def set(self, seconds: float) -> None:
        self._now = float(seconds)
