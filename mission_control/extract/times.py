"""Find the clock times a sentence states, with the zone each names, and resolve them to
UTC moments on a given day. A window (``between A and B``, ``from A to B``, ``A \u2013 B``)
is one mention."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache

import msgspec
from dateutil import tz

from mission_control.extract import prefilter
from mission_control.extract.spans import Claimed
from mission_control.model import Precision

# Fixed-offset zone names an article may give a time in, as hours from UTC.
_ZONE_OFFSETS: dict[str, float] = {
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "CET": 1,
    "CEST": 2,
    "BST": 1,
    "IST": 5.5,
    "JST": 9,
}
_ZONE = (
    r"(?:(?:UTC|GMT)\s?[+\-\u2212]\s?\d{1,2}(?::?[0-5]\d)?|UTC|UT|GMT|Z|MSK|"
    r"Moscow\s+(?:summer\s+|decree\s+)?time|" + "|".join(_ZONE_OFFSETS) + ")"
)
_CLOCK = r"(?<![\d:/.])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?![\d:/])"
# What every clock time has: a digit, its colon and the tens of its minutes.
_CLOCK_DIGITS = re.compile(r"\d:[0-5]\d")
# The opening of a line that is a timeline's entry: "~00:45 UTC \u2013 orbit insertion".
LINE_TIME_RE = re.compile(rf"\s*(?:[-*\u2022#]+\s+)?(?:~\s*|c\.\s*|ca\.\s*)?{_CLOCK}")
# Words that say the zone of every time an article gives: "All times are UTC".
ZONE_WORDS = _ZONE
_CIRCA = r"(?:~\s*|about\s+|approximately\s+|around\s+|roughly\s+|c\.\s*|ca\.\s*|circa\s+)"
# A window of clock times: "between 17:51 and 18:03 UT", "from 01:00 to 01:30",
# "~00:45 \u2013 01:30 UTC".
_BETWEEN_RE = re.compile(
    rf"(?:\bbetween\s+(?P<a>{_CLOCK})\s*(?:{_ZONE}\s*)?(?:and|to|-|\u2013|\u2014)|"
    rf"(?:\bfrom\s+)?(?P<circa>{_CIRCA})?(?P<a2>{_CLOCK})\s*(?:{_ZONE}\s*)?"
    rf"(?:to|until|till|-|\u2013|\u2014))\s*(?P<b>{_CLOCK})\s*(?P<zone>{_ZONE})?(?![\w+])",
    re.IGNORECASE,
)
_AMPM = r"(?P<ampm>[ap]\.?\s?m\b\.?)"
_TIME_RE = re.compile(
    rf"(?P<circa>{_CIRCA})?(?P<clock>{_CLOCK})(?:\s*{_AMPM})?(?:\s*(?P<zone>{_ZONE})(?![\w+]))?",
    re.IGNORECASE,
)
# Where a match of a time or of a window can begin, found in the lowered sentence and the
# pattern tried there only (prefilter.finditer): a word of "about" before a digit, a clock's
# first digit, and "between" or "from" before a window. Each choice opens with its own
# character, so the scan leaps to those characters instead of trying every position (a
# pattern that opens with an optional word is tried at each one).
_ABOUT_DIGIT = [
    rf"{re.escape(word)}\s*\d"
    for word in ("~", "about", "approximately", "around", "roughly", "c.", "ca.", "circa")
]
_CLOCK_START = [rf"{digit}\d?:[0-5]" for digit in "0123456789"]
_TIME_STARTS = re.compile("|".join([*_ABOUT_DIGIT, *_CLOCK_START]))
_BETWEEN_STARTS = re.compile("|".join([r"between\s", r"from\s", *_ABOUT_DIGIT, *_CLOCK_START]))


class TimeMention(msgspec.Struct, frozen=True):
    """A clock time stated in a sentence (a window for ``between A and B``)."""

    start: int
    end: int
    text: str
    hour: int
    minute: int
    second: int | None
    zone: tzinfo | None
    circa: bool = False
    until: tuple[int, int, int | None] | None = None


@lru_cache(maxsize=256)
def zone_named(name: str | None) -> tzinfo | None:
    """The zone a name gives ("UTC", "Moscow time", "UTC+3", "EST"), or None for no name (an
    article names the same few zones many times)."""
    if not name:
        return None
    upper = name.upper()
    if upper.startswith(("MSK", "MOSCOW")):
        return tz.gettz("Europe/Moscow")
    if upper in _ZONE_OFFSETS:
        return timezone(timedelta(hours=_ZONE_OFFSETS[upper]), upper)
    offset = re.search(r"([+\-\u2212])\s?(\d{1,2})(?::?([0-5]\d))?$", name)
    if offset:
        sign = -1 if offset.group(1) in "-\u2212" else 1
        hours, minutes = int(offset.group(2)), int(offset.group(3) or 0)
        if hours <= 14:
            return timezone(sign * timedelta(hours=hours, minutes=minutes))
    return UTC


@lru_cache(maxsize=2048)
def _clock_parts(text: str) -> tuple[int, int, int | None]:
    parts = text.split(":")
    second = int(float(parts[2])) if len(parts) > 2 else None
    return int(parts[0]), int(parts[1]), second


def find_times(sentence: str) -> list[TimeMention]:
    """Clock times in a sentence, in order; ``between A and B`` gives one windowed mention."""
    clocks = len(_CLOCK_DIGITS.findall(sentence)) if ":" in sentence else 0
    if not clocks:
        return []
    low = prefilter.folded(sentence)
    found: list[TimeMention] = []
    windows: list[tuple[int, int]] = []
    # A window has two clock times: most sentences have at most one.
    for match in (
        prefilter.finditer(_BETWEEN_RE, _BETWEEN_STARTS, sentence, low) if clocks >= 2 else ()
    ):
        a = _clock_parts(match.group("a") or match.group("a2"))
        b = _clock_parts(match.group("b"))
        if a[:2] >= b[:2] and not (a[0] >= 18 and b[0] < 6):
            continue  # "12:30 - 10:00" is no window (one past midnight starts in the evening)
        found.append(
            TimeMention(
                match.start(),
                match.end(),
                match.group(0),
                a[0],
                a[1],
                a[2],
                zone_named(match.group("zone")),
                circa=bool(match.group("circa")),
                until=b,
            )
        )
        windows.append(match.span())
    taken = None  # the windows' spans, when there are any
    if windows:
        taken = Claimed()
        taken.add(windows)
    for match in prefilter.finditer(_TIME_RE, _TIME_STARTS, sentence, low):
        if taken is not None and taken.overlaps(match.start(), match.end()):
            continue
        hour, minute, second = _clock_parts(match.group("clock"))
        ampm = match.group("ampm")
        if ampm:
            if hour > 12 or hour == 0:
                continue  # "14:30 p.m." is no time
            hour = hour % 12 + (12 if ampm[0].lower() == "p" else 0)
        found.append(
            TimeMention(
                match.start(),
                match.end(),
                match.group(0),
                hour,
                minute,
                second,
                zone_named(match.group("zone")),
                circa=bool(match.group("circa")),
            )
        )
    if len(found) > 1:
        found.sort(key=lambda m: m.start)
    return found


def combine(day: datetime, time: TimeMention) -> tuple[datetime, Precision]:
    """The UTC moment of a clock time on a given calendar day (read in the time's own zone)."""
    zone = time.zone or UTC
    local = datetime(
        day.year, day.month, day.day, time.hour, time.minute, time.second or 0, tzinfo=zone
    )
    precision = Precision.SECOND if time.second is not None else Precision.MINUTE
    return local.astimezone(UTC), precision


def window_end(day: datetime, time: TimeMention) -> datetime | None:
    if time.until is None:
        return None
    hour, minute, second = time.until
    zone = time.zone or UTC
    end = datetime(day.year, day.month, day.day, hour, minute, second or 0, tzinfo=zone)
    start, _ = combine(day, time)
    end_utc = end.astimezone(UTC)
    return end_utc if end_utc > start else end_utc + timedelta(days=1)
