"""How a date phrase is read: the year, month and day it states, by dateutil, which also
refuses a day that does not exist (``31 February 1974``)."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from dateutil import parser as dateparser

from mission_control.extract.date_patterns import MONTHS, YEAR
from mission_control.model import Precision

_YEAR_RE = re.compile(YEAR)
_ORDINAL_RE = re.compile(r"(\d)(st|nd|rd|th)\b")
_DAY_OF_RE = re.compile(r"^(?:the\s+)?(\d+)\s+of\b")
_MONTH_OR_YEAR_RE = re.compile(rf"{MONTHS}|{YEAR}")


@lru_cache(maxsize=2048)
def parse_phrase(cleaned: str) -> datetime:
    """dateutil's reading of a date phrase, its day or month defaulting to the first."""
    return dateparser.parse(cleaned, default=datetime(2000, 1, 1))  # noqa: DTZ001


@lru_cache(maxsize=4096)
def date_fields(text: str, precision: Precision) -> tuple[int | None, int | None, int | None]:
    """The year, month and day a date phrase states (an article states the same day many
    times); ValueError or OverflowError for a day that does not exist. A phrase's year
    changes nothing else of what it is read as (the cleaning and the parser's reading keep
    every run of digits as long as it was), so a phrase of one year is read as of a leap
    year, once for all the years it is stated in, and then put in its own year (ValueError
    for 29 February of any other)."""
    if precision is Precision.YEAR:
        return int(text[-4:]), None, None
    stated = _YEAR_RE.search(text)
    if stated is None or _YEAR_RE.search(text, stated.end()) is not None:
        return shape_fields(text, precision)[:3]  # no year, or more than one
    start, end = stated.span()
    _, month, day, parsed_day = shape_fields(f"{text[:start]}2000{text[end:]}", precision)
    year = int(stated.group())
    if parsed_day > 28:  # every month of every year has 28 days
        datetime(year, month, parsed_day)  # noqa: DTZ001
    return year, month, day


@lru_cache(maxsize=4096)
def shape_fields(text: str, precision: Precision) -> tuple[int | None, int, int | None, int]:
    """The year, month and day a date phrase states, and the day the parser read (the first
    of the month for a phrase that states none)."""
    cleaned = _ORDINAL_RE.sub(r"\1", text).replace(".", " ")
    cleaned = _DAY_OF_RE.sub(r"\1", cleaned)
    if precision is Precision.MONTH:
        # A span of days: only its month and year are read.
        cleaned = " ".join(_MONTH_OR_YEAR_RE.findall(cleaned))
    years = _YEAR_RE.findall(cleaned)
    # The default is a leap year, so that a yearless 29 February is read, not refused.
    if len(years) == 1:
        d1 = parse_phrase(_YEAR_RE.sub("2000", cleaned)).replace(year=int(years[0]))
    else:
        d1 = parse_phrase(cleaned)
    year = d1.year if years else None
    if precision is Precision.MONTH:
        return year, d1.month, None, d1.day
    # The day must be one the text wrote, not the parser's default.
    if not re.search(rf"(?<!\d)0?{d1.day}(?!\d)", cleaned):
        raise ValueError(text)
    if year is None:
        # Check the day exists in some year (29 February) without choosing one.
        datetime(2000, d1.month, d1.day)  # noqa: DTZ001
    return year, d1.month, d1.day, d1.day
