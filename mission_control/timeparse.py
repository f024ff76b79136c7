"""Reading the times people type: UTC, day-of-year, mission elapsed time, or an event."""

from __future__ import annotations

import re
from datetime import UTC

from dateutil.parser import isoparse

from mission_control.campaign import Campaign, find_event
from mission_control.model import EVENT_KINDS
from mission_control.seedfile import slug
from mission_control.timescale import from_tick, parse_met, to_tick

ACCEPTED_FORMS = (
    "accepted forms:\n"
    "  UTC          1974-03-12T09:06:00Z, 1974-03-12T09:06Z, 1974-03-12\n"
    "  day of year  1974-071T09:06:00Z\n"
    "  MET          mars6:T+218d15h20m6s, mars6:T+218d 15:20:06\n"
    "  event        mars6:atmospheric-entry, mars7:launch, mars7:separation#2"
)


class TimeError(ValueError):
    """A time that cannot be used; the message says why and what would be accepted."""


_LEAP_RE = re.compile(r"(T\d{2}:\d{2}):60(\.\d+)?")
_LONG_ZEROS = re.compile(r"(?<![\d.])0{20,}(?=\d)")
_LONG_NUMBER = re.compile(r"(?<![\d.])[1-9]\d{19,}")


def _bounded_numbers(met: str) -> str:
    """``met`` with every whole number made one ``int()`` and a float can hold: long
    leading zeros dropped, and 20 digits or more read as 20 nines, which is already over
    10^12 years, so a number too long is simply far outside the campaign."""
    return _LONG_NUMBER.sub("9" * 20, _LONG_ZEROS.sub("", met))


def parse_utc(text: str) -> float:
    """Ticks of a UTC (or day-of-year) ISO 8601 time; ``23:59:60`` is the leap second."""
    cleaned = (
        text.strip().replace(" ", "T", 1)
        if re.match(r"^\d{4}-\d{2}-\d{2} \d", text.strip())
        else text.strip()
    )
    leap = _LEAP_RE.search(cleaned)
    if leap:
        cleaned = _LEAP_RE.sub(lambda m: f"{m.group(1)}:59{m.group(2) or ''}", cleaned)
    try:
        moment = isoparse(cleaned)
    except (ValueError, OverflowError):
        raise TimeError(f"cannot read {text!r} as a time\n{ACCEPTED_FORMS}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    tick = to_tick(moment)
    if leap:
        try:
            inserted = from_tick(tick + 1).leap
        except OverflowError:  # a second past the last or before the first year
            inserted = False
        if not inserted:
            raise TimeError(f"{text!r}: no leap second was inserted at that time")
        tick += 1
    return tick


def parse_time(text: str, campaign: Campaign) -> float:
    """Ticks of any accepted form; TimeError says what was wrong and what is accepted."""
    raw = text.strip()
    if not raw:
        raise TimeError(f"empty time\n{ACCEPTED_FORMS}")
    if re.match(r"^[+-]?\d{4}-", raw):
        return parse_utc(raw)
    if ":" not in raw:
        raise TimeError(f"cannot read {text!r} as a time\n{ACCEPTED_FORMS}")
    mission_word, _, rest = raw.partition(":")
    known = [t.mission.id for t in campaign.tracks]

    mission_id = slug(mission_word)
    if mission_id not in known:
        raise TimeError(
            f"unknown mission {mission_word!r} in {text!r}; known missions: {', '.join(known)}"
        )
    track = campaign.track(mission_id)
    rest = rest.strip()
    if rest[:1].upper() == "T" or rest[:1] in "+-\u2212":
        if track.launch_tick is None:
            raise TimeError(f"{mission_id} has no dated launch, so no mission elapsed time")
        try:
            return track.launch_tick + parse_met(_bounded_numbers(rest))
        except ValueError:
            raise TimeError(
                f"cannot read {rest!r} as a mission elapsed time\n{ACCEPTED_FORMS}"
            ) from None
    kind_text, hash_sign, nth_text = rest.partition("#")
    kind = kind_text.strip().lower().replace(" ", "-").replace("_", "-")
    column = track.mission.table.column("kind")
    if kind not in column:
        kinds = sorted(set(column), key=EVENT_KINDS.index)
        raise TimeError(
            f"unknown event {kind_text.strip()!r} for {mission_id}; "
            f"known events: {', '.join(kinds)}"
        )
    count = column.count(kind)
    nth = _occurrence(nth_text, count) if hash_sign else 1
    if nth is None:
        span = "#1" if count == 1 else f"#1 to #{count}"
        plural = "" if count == 1 else "s"
        raise TimeError(f"{text!r}: {mission_id} has {count} {kind} event{plural} ({span})")
    return find_event(campaign, mission_id, kind, nth)[0]


def _occurrence(text: str, count: int) -> int | None:
    """Which of ``count`` events of a kind ``#text`` names, counting from 1; None for a
    number outside 1..count or anything but ASCII digits (a sign, ``0``, ``x``, ``１``)."""
    digits = text.strip()
    if not re.fullmatch(r"[0-9]+", digits):
        return None
    digits = digits.lstrip("0") or "0"
    if len(digits) > len(str(count)):  # never int() of a number too long to be an index
        return None
    nth = int(digits)
    return nth if 1 <= nth <= count else None


def check_in_campaign(tick: float, campaign: Campaign, text: str) -> None:
    """TimeError naming the campaign's bounds when ``tick`` falls outside them, or saying
    that there is no time to go to in a campaign of articles that state no dated event."""
    if not campaign.all_ticks():
        raise TimeError("no article states a dated event, so there is no time to go to")
    if not campaign.start <= tick <= campaign.end:
        first = from_tick(campaign.start).iso()
        last = from_tick(campaign.end).iso()
        raise TimeError(f"{text!r} is outside the campaign, which runs from {first} to {last}")


def time_in_campaign(text: str, campaign: Campaign) -> float:
    """The tick ``text`` names, if it falls within the campaign; TimeError otherwise."""
    tick = parse_time(text, campaign)
    check_in_campaign(tick, campaign, text)
    return tick
