"""One moment a clause states, as the reader's second stage resolves it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mission_control.model import StatedTime


@dataclass(frozen=True)
class Stamp:
    """One moment a clause states: a time with its date, or a date alone.

    ``span`` is where the clause states it; ``timed`` that it has a time of day, so a date
    alone or the same moment in another zone (``09:05:53 UTC (12:05:53 Moscow time)``) adds
    nothing; ``window`` is the range a ``between A and B`` time gives (its ``time`` is then
    the day) or a span of days (its ``time`` its first day); ``circa`` an "about" before the
    time."""

    time: StatedTime
    span: tuple[int, int]
    timed: bool = False
    circa: bool = False
    window: tuple[datetime, datetime] | None = None
