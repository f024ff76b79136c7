"""Find the dates and clock times a sentence states, at exactly the precision it states
them, and resolve them to UTC days and moments.

Candidate phrases are found with patterns; each one is then read by dateutil, which also
rejects impossible dates (``31 February 1974``). Citation years (``(2002)``), year ranges
(``1958-2000``) and page ranges are never dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache

from dateutil import parser as dateparser
from dateutil import tz

from mission_control.extract.spans import Claimed
from mission_control.model import Precision

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_DASH = r"\s*(?:-|\u2013|\u2014|to|until|through)\s*"

# Order matters: the longest forms are tried first and claim their text.
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    # "1988-07-12", also as the date of "1988-07-12T17:01:43Z".
    (re.compile(rf"\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])"), Precision.DAY),
    # A span of days ("5-7 August 1973", "August 5-7, 1973", "between 5 and 7 August 1973")
    # states the month, never one day.
    (
        re.compile(
            rf"\b(?:between\s+{_DAY}\s+and|(?:from\s+)?{_DAY}{_DASH})\s*{_DAY}\s+{_MONTHS},?"
            rf"\s+{_YEAR}\b"
        ),
        Precision.MONTH,
    ),
    (re.compile(rf"\b{_MONTHS}\s+{_DAY}{_DASH}{_DAY},?\s+{_YEAR}\b"), Precision.MONTH),
    (re.compile(rf"\b(?:the\s+)?{_DAY}\s+of\s+{_MONTHS},?\s+{_YEAR}\b"), Precision.DAY),
    (re.compile(rf"\b{_DAY}\s+{_MONTHS},?\s+{_YEAR}\b"), Precision.DAY),
    (re.compile(rf"\b{_MONTHS}\s+{_DAY},?\s+{_YEAR}\b"), Precision.DAY),
    (re.compile(rf"\b(?:the\s+)?{_DAY}\s+of\s+{_MONTHS}(?![\w.])(?!,?\s+{_YEAR})"), Precision.DAY),
    (re.compile(rf"\b{_DAY}\s+{_MONTHS}(?![\w.])(?!,?\s+{_YEAR})"), Precision.DAY),
    (re.compile(rf"\b{_MONTHS}\s+{_DAY}\b(?!,?\s+{_YEAR})(?!:)"), Precision.DAY),
    (re.compile(rf"\b{_MONTHS},?\s+{_YEAR}\b"), Precision.MONTH),
    (
        re.compile(
            rf"(?:\b(?:in|during|by|since|early|late|mid|throughout)\s+(?:-\s*)?){_YEAR}\b"
            rf"(?![-\u2013/]\d)",
            re.IGNORECASE,
        ),
        Precision.YEAR,
    ),
)
# Fixed-offset zone names an article may give a time in, as hours from UTC.
# "on 2 and 17 November 1970", "on 3, 7 and 9 May": days that share the month after them.
_DAY_LIST_RE = re.compile(
    rf"\bon\s+(?P<days>{_DAY}(?:\s*,\s*{_DAY})*)\s*,?\s+and\s+(?={_DAY}\s+(?P<month>{_MONTHS}))"
)
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
_CIRCA = r"(?:~\s*|about\s+|approximately\s+|around\s+|roughly\s+|c\.\s*|ca\.\s*|circa\s+)"
_BETWEEN_RE = re.compile(
    rf"\bbetween\s+(?P<a>{_CLOCK})\s*(?:{_ZONE}\s*)?(?:and|to|-|\u2013)\s*(?P<b>{_CLOCK})"
    rf"\s*(?P<zone>{_ZONE})?",
    re.IGNORECASE,
)
_AMPM = r"(?P<ampm>[ap]\.?\s?m\b\.?)"
_TIME_RE = re.compile(
    rf"(?P<circa>{_CIRCA})?(?P<clock>{_CLOCK})(?:\s*{_AMPM})?(?:\s*(?P<zone>{_ZONE})(?![\w+]))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A calendar date (no time of day) stated in a sentence; ``year``/``month`` may be missing.
    One that is not ``real`` (``31 February 1974``) states no day at all."""

    start: int
    end: int
    text: str
    precision: Precision
    year: int | None
    month: int | None
    day: int | None
    real: bool = True


@dataclass(frozen=True)
class TimeMention:
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


def _zone(name: str | None) -> tzinfo | None:
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


def _clock_parts(text: str) -> tuple[int, int, int | None]:
    parts = text.split(":")
    second = int(float(parts[2])) if len(parts) > 2 else None
    return int(parts[0]), int(parts[1]), second


def find_dates(sentence: str) -> tuple[list[DateMention], list[str]]:
    """Calendar dates in a sentence, in order, and warnings for impossible ones."""
    found, warnings, _ = read_dates(sentence)
    return found, warnings


def read_dates(sentence: str) -> tuple[list[DateMention], list[str], list[DateMention]]:
    """As :func:`find_dates`, and the dates stated that are not real: a moment stated with
    one has no day, rather than one stated elsewhere."""
    taken = Claimed()
    found: list[DateMention] = []
    unreal: list[DateMention] = []
    for pattern, precision in _DATE_PATTERNS:
        # A pattern's own matches never overlap, so only earlier patterns' spans are checked.
        claimed: list[tuple[int, int]] = []
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            before = sentence[max(0, start - 2) : start]
            after = sentence[end : end + 2]
            if precision is Precision.YEAR and (before.endswith("(") or after.startswith(")")):
                continue
            text = match.group(0)
            core = re.sub(
                r"^(?:in|during|by|since|early|late|mid|throughout)\s+-?\s*",
                "",
                text,
                flags=re.IGNORECASE,
            )
            claimed.append((start, end))
            start += len(text) - len(core)  # the mention is the date itself, not "in"
            try:
                mention = _read_date(core, precision, start, end)
            except (ValueError, OverflowError):
                unreal.append(DateMention(start, end, core, precision, None, None, None, False))
                continue
            found.append(mention)
        taken.add(claimed)
    for match in _DAY_LIST_RE.finditer(sentence):
        if taken.overlaps(match.start("days"), match.end("days")):
            continue
        for day in re.finditer(_DAY, match.group("days")):
            start = match.start("days") + day.start()
            end = match.start("days") + day.end()
            stated = f"{day.group(0)} {match.group('month')}"
            try:
                read = _read_date(stated, Precision.DAY, 0, 0)
            except (ValueError, OverflowError):
                unreal.append(
                    DateMention(start, end, stated, Precision.DAY, None, None, None, False)
                )
                continue
            found.append(
                DateMention(start, end, day.group(0), Precision.DAY, None, read.month, read.day)
            )
    found.sort(key=lambda m: m.start)
    unreal.sort(key=lambda m: m.start)
    return _fill_years(found), [f"not a real date: {m.text!r}" for m in unreal], unreal


def _parse(cleaned: str) -> datetime:
    """dateutil's reading of a date phrase (cached with the phrase, by ``_date_fields``)."""
    return dateparser.parse(cleaned, default=datetime(2000, 1, 1))  # noqa: DTZ001


def _read_date(text: str, precision: Precision, start: int, end: int) -> DateMention:
    return DateMention(start, end, text, precision, *_date_fields(text, precision))


@lru_cache(maxsize=4096)
def _date_fields(text: str, precision: Precision) -> tuple[int | None, int | None, int | None]:
    """The year, month and day a date phrase states (an article states the same day many
    times); ValueError or OverflowError for a day that does not exist."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text).replace(".", " ")
    cleaned = re.sub(r"^(?:the\s+)?(\d+)\s+of\b", r"\1", cleaned)
    if precision is Precision.MONTH:
        # A span of days: only its month and year are read.
        cleaned = " ".join(re.findall(rf"{_MONTHS}|{_YEAR}", cleaned))
    has_year = re.search(_YEAR, text) is not None
    if precision is Precision.YEAR:
        return int(text[-4:]), None, None
    # The default is a leap year, so that a yearless 29 February is read, not refused.
    d1 = _parse(cleaned)
    year = d1.year if has_year else None
    if precision is Precision.MONTH:
        return year, d1.month, None
    # The day must be one the text wrote, not the parser's default.
    if not re.search(rf"(?<!\d)0?{d1.day}(?!\d)", cleaned):
        raise ValueError(text)
    if year is None:
        # Check the day exists in some year (29 February) without choosing one.
        datetime(2000, d1.month, d1.day)  # noqa: DTZ001
    return year, d1.month, d1.day


def _fill_years(mentions: list[DateMention]) -> list[DateMention]:
    """``23 February, 28 February and 25 March 1989``: a yearless date in a list takes the
    year of the next date in the same list."""
    out = list(mentions)
    for i in range(len(out) - 1, -1, -1):
        m = out[i]
        if m.year is None and i + 1 < len(out) and out[i + 1].year is not None:
            out[i] = DateMention(
                m.start, m.end, m.text, m.precision, out[i + 1].year, m.month, m.day
            )
    return out


def find_times(sentence: str) -> list[TimeMention]:
    """Clock times in a sentence, in order; ``between A and B`` gives one windowed mention."""
    found: list[TimeMention] = []
    windows: list[tuple[int, int]] = []
    for match in _BETWEEN_RE.finditer(sentence):
        a = _clock_parts(match.group("a"))
        b = _clock_parts(match.group("b"))
        found.append(
            TimeMention(
                match.start(),
                match.end(),
                match.group(0),
                a[0],
                a[1],
                a[2],
                _zone(match.group("zone")),
                circa=False,
                until=b,
            )
        )
        windows.append(match.span())
    taken = Claimed()
    taken.add(windows)
    for match in _TIME_RE.finditer(sentence):
        if taken.overlaps(match.start(), match.end()):
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
                _zone(match.group("zone")),
                circa=bool(match.group("circa")),
            )
        )
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


def day_of(mention: DateMention, previous: datetime | None) -> datetime | None:
    """The day a date mention names, ``previous`` being the day the text stated before it. A
    yearless one takes the year of that day, or the year after when it would otherwise fall
    before it (a narrative runs forward: "launched on 5 August 1973 ... on 12 March the lander
    separated" is March 1974). None when no year is known or the day does not exist in that
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
        if rolled and previous is not None and day.date() < previous.date():
            day = day.replace(year=year + 1)
    except ValueError:
        return None
    return day
