"""A date phrase of a plain shape is read as dateutil reads it, a day its month does not
have refused as dateutil refuses it."""

from __future__ import annotations

import itertools
from datetime import datetime

from dateutil import parser as dateparser

from mission_control.extract import date_phrases

_MONTHS = ["May", "may", "MAY", "Sept", "Sep", "September", "Feb", "February", "Jun", "Ju", "Mai"]
_DAYS = ["0", "00", "1", "01", "9", "09", "10", "28", "29", "30", "31", "32", "100"]
_YEARS = ["", "2000", "1975", "1900", "2099", "975", "20000"]
_FORMS = ["{d} {m}{y}", "{m} {d}{y}", "{m}{y}", "{d}  {m}{y}", "{d} {m} {d}{y}", "{m}, {d}{y}"]


def _dateutil(text: str) -> datetime | None:
    try:
        return dateparser.parse(text, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None


def _read(text: str) -> datetime | None:
    date_phrases.parse_phrase.cache_clear()
    try:
        return date_phrases.parse_phrase(text)
    except (ValueError, OverflowError):
        return None


def test_a_plain_phrase_is_read_as_dateutil_reads_it() -> None:
    for form, month, day, year in itertools.product(_FORMS, _MONTHS, _DAYS, _YEARS):
        for gap in (" ", ", "):
            text = form.format(d=day, m=month, y=f"{gap}{year}" if year else "")
            assert _read(text) == _dateutil(text), text
