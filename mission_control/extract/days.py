"""A date mention as a UTC day: a yearless date takes its year from the day stated before
it, and a span of days has a last day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class DateMention(Protocol):
    """What a date mention (dates.DateMention) states of its day and of a span's last."""

    @property
    def year(self) -> int | None: ...
    @property
    def month(self) -> int | None: ...
    @property
    def day(self) -> int | None: ...
    @property
    def last(self) -> tuple[int | None, int, int] | None: ...


# How far back a yearless date may lie from the day stated before it and keep its year.
STEP_BACK = timedelta(days=62)


def day_of(mention: DateMention, previous: datetime | None) -> datetime | None:
    """The day a date mention names, ``previous`` being the day the text stated before it. A
    yearless one takes the year of that day, or the year after when it would otherwise fall
    more than :data:`STEP_BACK` before it (a narrative runs forward: "launched on 5 August
    1973 ... on 12 March the lander separated" is March 1974, but a look back of a few weeks,
    "on 20 December ... it had separated on 2 December", stays in its year). None when no
    year is known or the day does not exist in that
    year (29 February)."""
    year = mention.year
    rolled = False
    if year is None and previous is not None:
        year = previous.year
        rolled = True
    if year is None:
        return None
    try:
        day = datetime(year, mention.month or 1, mention.day or 1, tzinfo=UTC)
        if rolled and previous is not None and previous - day > STEP_BACK:
            day = day.replace(year=year + 1)
    except ValueError:
        return None
    return day


def last_day_of(mention: DateMention, first: datetime) -> datetime | None:
    """The last day of a span of days whose first day is ``first`` (None for one day, or a
    last day that does not exist); a yearless one is the first on or after ``first``."""
    if mention.last is None:
        return None
    year, month, day = mention.last
    try:
        last = first.replace(year=year or first.year, month=month, day=day)
        if year is None and last < first:
            last = last.replace(year=last.year + 1)
    except ValueError:
        return None
    return last if last > first else None
