"""One continuous count of SI seconds for the whole program, and the clocks people read.

The replay runs on *ticks*: POSIX seconds plus the leap seconds inserted before that instant.
A tick advances by exactly one for every SI second, so mission elapsed time is a plain
difference of ticks and counts the leap second at the end of 1973. UTC readings are made
from ticks; during a leap second they read ``23:59:60``.
"""

from __future__ import annotations

import bisect
import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache

import msgspec

# Days that ended with an inserted leap second (23:59:60), from the IERS bulletins.
LEAP_SECOND_DAYS: tuple[date, ...] = tuple(
    date.fromisoformat(d)
    for d in [
        "1972-06-30",
        "1972-12-31",
        "1973-12-31",
        "1974-12-31",
        "1975-12-31",
        "1976-12-31",
        "1977-12-31",
        "1978-12-31",
        "1979-12-31",
        "1981-06-30",
        "1982-06-30",
        "1983-06-30",
        "1985-06-30",
        "1987-12-31",
        "1989-12-31",
        "1990-12-31",
        "1992-06-30",
        "1993-06-30",
        "1994-06-30",
        "1995-12-31",
        "1997-06-30",
        "1998-12-31",
        "2005-12-31",
        "2008-12-31",
        "2012-06-30",
        "2015-06-30",
        "2016-12-31",
    ]
)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# POSIX seconds of the midnight that follows each leap second.
_LEAP_ENDS: tuple[int, ...] = tuple(
    int(
        (datetime.combine(d, datetime.min.time(), UTC) + timedelta(days=1) - _EPOCH).total_seconds()
    )
    for d in LEAP_SECOND_DAYS
)
# Tick at which each leap second begins: that midnight's POSIX seconds plus the leaps before it.
_LEAP_TICK_STARTS: tuple[int, ...] = tuple(end + i for i, end in enumerate(_LEAP_ENDS))


def to_tick(moment: datetime) -> float:
    """Ticks of a timezone-aware datetime (which cannot itself be inside a leap second)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: give a timezone-aware UTC time")
    return posix_tick(moment.timestamp())


def posix_tick(posix: float) -> float:
    """Ticks of a moment given in POSIX seconds."""
    return posix + bisect.bisect_right(_LEAP_ENDS, posix)


class UtcReading(msgspec.Struct, frozen=True):
    """A UTC reading of a tick: a datetime, and whether it falls in an inserted leap second.

    In a leap second ``moment`` holds 23:59:59 of that day (Python has no second 60) and
    ``leap`` is true; the text forms then show ``:60``.
    """

    moment: datetime
    leap: bool = False

    def iso(self, fraction: bool = False) -> str:
        return _stamp(self.moment, self.leap, "%Y-%m-%dT%H:%M:", "Z", fraction)

    def doy(self, fraction: bool = False) -> str:
        return _stamp(self.moment, self.leap, "%Y-%jT%H:%M:", "Z", fraction)

    def moscow(self) -> str:
        local = self.moment.astimezone(moscow_zone())
        offset = local.strftime("%z")
        return _stamp(local, self.leap, "%Y-%m-%dT%H:%M:", f"{offset[:3]}:{offset[3:]}", False)


def _stamp(moment: datetime, leap: bool, head: str, tail: str, fraction: bool) -> str:
    second = 60 if leap else moment.second
    text = f"{moment.strftime(head)}{second:02d}"
    if fraction:
        text += f".{moment.microsecond // 1000:03d}"
    return text + tail


def from_tick(tick: float) -> UtcReading:
    """The UTC reading of a tick, with ``leap`` set during an inserted leap second."""
    i = bisect.bisect_right(_LEAP_TICK_STARTS, tick) - 1
    if i >= 0 and tick < _LEAP_TICK_STARTS[i] + 1:
        inside = tick - _LEAP_TICK_STARTS[i]
        moment = _EPOCH + timedelta(seconds=_LEAP_ENDS[i] - 1 + inside)
        return UtcReading(moment, leap=True)
    leaps = i + 1
    return UtcReading(_EPOCH + timedelta(seconds=tick - leaps))


@cache
def moscow_zone() -> tzinfo:
    """Moscow time from the time-zone database (UTC+3 throughout 1973-74)."""
    from dateutil import tz

    zone = tz.gettz("Europe/Moscow")
    if zone is None:  # pragma: no cover - dateutil ships its own copy of the database
        raise RuntimeError("the time-zone database has no Europe/Moscow")
    return zone


def format_duration(seconds: float, sign: str = "T") -> str:
    """``T+218d 15:20:06`` for a count of seconds (``T-`` before zero)."""
    whole = int(seconds // 1) if seconds >= 0 else -int((-seconds) // 1)
    mark = "+" if whole >= 0 else "-"
    days, rest = divmod(abs(whole), 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    body = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    if days:
        body = f"{days}d {body}"
    return f"{sign}{mark}{body}"


def format_met(seconds: float) -> str:
    return format_duration(seconds, "T")


# Patterns as text: ``re`` compiles each when first used (and keeps it), so the dashboard,
# which never reads an MET, does not compile them as it starts.
_MET_PATTERNS = (
    r"""(?xi)^\s*T?\s*(?P<sign>[+\-\u2212])\s*
        (?:(?P<d>\d+)\s*d\s*)?
        (?:(?P<h>\d+)\s*h\s*)?
        (?:(?P<m>\d+)\s*m(?:in)?\s*)?
        (?:(?P<s>\d+(?:\.\d+)?)\s*s\s*)?$""",
    r"(?i)^\s*T?\s*(?P<sign>[+\-\u2212])\s*(?:(?P<d>\d+)\s*d\s*)?"
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}(?:\.\d+)?))?\s*$",
)


def parse_met(text: str) -> float:
    """Seconds from ``T+218d15h20m6s`` or ``T+218d 15:20:06``; ValueError if it is neither."""
    for pattern in _MET_PATTERNS:
        match = re.match(pattern, text)
        if match and any(match.group(k) for k in ("d", "h", "m", "s")):
            total = (
                int(match.group("d") or 0) * 86400
                + int(match.group("h") or 0) * 3600
                + int(match.group("m") or 0) * 60
                + float(match.group("s") or 0)
            )
            return -total if match.group("sign") in "-\u2212" else total
    raise ValueError(f"not a mission elapsed time: {text!r}")
