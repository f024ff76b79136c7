"""The moments a clause states, as the reader's second stage resolves them, and the kinds
the days of one list share."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from mission_control.model import StatedTime


@dataclass(frozen=True)
class Stamp:
    """One moment a clause states: a time with its date, or a date alone.

    ``span`` is where the clause states it; ``timed`` that it has a time of day, so a date
    alone or the same moment in another zone (``09:05:53 UTC (12:05:53 Moscow time)``) adds
    nothing; ``window`` is the range a ``between A and B`` time gives (its ``time`` is then
    its start, at the precision stated) or a span of days (its ``time`` its first day);
    ``circa`` an "about" before the time."""

    time: StatedTime
    span: tuple[int, int]
    timed: bool = False
    circa: bool = False
    window: tuple[datetime, datetime] | None = None


T = TypeVar("T")

# What parts the days of one list: "On 3 and 4 July", "on 12, 15 and 20 July".
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or))?\s*(?:on\s+)?")


def shared_back(text: str, stamps: Sequence[Stamp], kinds: Sequence[T | None]) -> list[T | None]:
    """The kinds (or keywords) of a clause's stamps, a day of a list that names its event
    only after its last day ("On 3 and 4 July the spacecraft made course corrections")
    taking the kind of the day after it."""
    out = list(kinds)
    for i in range(len(out) - 2, -1, -1):
        gap = (stamps[i].span[1], stamps[i + 1].span[0])
        if out[i] is None and out[i + 1] is not None and _LIST_GAP.fullmatch(text, *gap):
            out[i] = out[i + 1]
    return out
