"""The reader's second stage: an article's sentences cut into clauses, each with the moments
it states resolved to UTC (a bare time takes the day stated before it, a yearless date that
day's year) and the day an undated clause falls on.

An undated clause falls on the day the text last stated only when it says so ("later that
day", "the next day", "two hours later": see :mod:`.relative`) or when it goes straight on
from a clause of its paragraph that stated or took that day ("The lander separated on 12
March 1974. The bus flew past..."): a sentence further on takes no date it does not state."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from operator import attrgetter

import msgspec
from msgspec import structs

from mission_control.extract.dates import (
    DateMention,
    TimeMention,
    combine,
    day_of,
    find_times,
    last_day_of,
    read_dates,
    window_end,
)
from mission_control.extract.document import Document, Sentence
from mission_control.extract.keyword_scan import fold
from mission_control.extract.kinds import Keyword, find_keywords
from mission_control.extract.relative import (
    counted_stamps,
    find_relative,
    relative_stamp,
    stated_events,
    without_anchors,
)
from mission_control.extract.report import Report
from mission_control.extract.sentences import split_clauses
from mission_control.extract.stamps import Stamp
from mission_control.extract.subjects import own_sentences
from mission_control.extract.times import zone_named
from mission_control.model import Precision, StatedTime


class DatedClause(msgspec.Struct, frozen=True):
    """A clause of a sentence about the article's own craft, with what it states of time.

    ``dated`` says it mentions a date or time at all (``stamps`` holds those that could be
    resolved, ``unreal`` where it states dates that are not real); ``day`` is the day the
    text last stated in the clause's section, which an undated clause falls on (None when no
    day is known there)."""

    sentence: Sentence
    text: str
    order: int
    dated: bool
    stamps: tuple[Stamp, ...]
    keywords: tuple[Keyword, ...]
    day: datetime | None
    unreal: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class _Context:
    """The last date the text stated, which a later bare time or undated sentence takes;
    ``last`` the last moment stated (which "two hours later" counts from), ``chain`` the
    paragraph and sentence of the last clause that stated or took a day."""

    moment: datetime | None = None
    precision: Precision | None = None
    section: str | None = None
    last: StatedTime | None = None
    chain: tuple[int, int] | None = None
    events: dict[str, StatedTime] = field(default_factory=dict)  # the last moment of each kind

    def day(self) -> datetime | None:
        """The day the text last stated, when it stated one."""
        known = self.precision is not None and self.precision >= Precision.DAY
        return self.moment if known else None

    def goes_on(self, sentence: Sentence, order: int) -> bool:
        """Whether a sentence goes straight on from the last clause that stated a day."""
        return (
            self.chain is not None
            and self.section == sentence.section
            and self.chain[0] == sentence.paragraph
            and order - self.chain[1] <= 1
        )


def dated_clauses(doc: Document, name: str, report: Report) -> Iterator[DatedClause]:
    """Each clause of each sentence about the mission ``name`` (others are skipped), in order,
    with its moments resolved; what cannot be resolved is warned of in ``report``. A time
    that names no zone is in the zone the article states for all its times, else UTC.

    Each clause's warnings are placed in ``report`` as the first stage of that clause (the
    next stage's come after them), so that the warnings of the stages come in the order of
    the text however far this stage reads ahead of the next."""
    context = _Context()
    made = 0  # the clauses made so far
    zone = zone_named(doc.zone)
    own = {id(sentence) for sentence in own_sentences(doc, name)}  # read once per document
    for order, sentence in enumerate(doc.sentences):
        if sentence.day_heading:
            context = _heading_context(context, sentence, order)
            continue
        if id(sentence) not in own:
            continue  # about another craft
        for text in split_clauses(sentence.text):
            report.at((made, 0))
            made += 1
            dates, problems, unreal = read_dates(text)
            for problem in problems:
                report.warn(sentence.line, problem)
            times = find_times(text)
            if zone is not None:
                times = [t if t.zone else structs.replace(t, zone=zone) for t in times]
            keywords = without_anchors(text, find_keywords(text))
            # A date that is not real is still a date stated: the clause takes no other day.
            dated = bool(dates or times or unreal)
            stamps = (
                _stamps(
                    _later(context, text, dates, unreal),
                    sentence,
                    text,
                    dates,
                    unreal,
                    times,
                    keywords,
                    report,
                )
                if dated
                else []
            )
            day = None
            if not dated:
                relative = find_relative(text)
                # A relative time dates an event; a clause naming none takes no moment.
                stamp = (
                    relative_stamp(relative, context.day(), context.last, context.events)
                    if relative and keywords
                    else None
                )
                if stamp is not None:
                    stamps, dated = [stamp], True
                elif relative is not None or context.goes_on(sentence, order):
                    day = context.day()
            yield DatedClause(
                sentence,
                text,
                order,
                dated,
                tuple(stamps),
                tuple(keywords),
                day,
                tuple((u.start, u.end) for u in unreal) if unreal else (),
            )
            context = _next_context(context, sentence, order, text, stamps, unreal, day, keywords)


def _later(
    context: _Context, text: str, dates: Sequence[DateMention], unreal: Sequence[DateMention]
) -> _Context:
    """The context a clause's bare times take their day from: a clause that states no date
    but says "the next day" or "two days later" moves it on by as many days."""
    if dates or unreal or context.moment is None:
        return context
    relative = find_relative(text)
    if relative is None or relative.precision is not Precision.DAY or not relative.offset:
        return context
    return replace(context, moment=context.moment + timedelta(days=relative.offset.days))


def _heading_context(context: _Context, sentence: Sentence, order: int) -> _Context:
    """The context after a day standing alone on its line (the entries under it take it), or
    a year heading a section (its yearless dates take it)."""
    if sentence.text.isdigit():
        year = datetime(int(sentence.text), 1, 1, tzinfo=UTC)
        return _Context(year, Precision.YEAR, sentence.section, events=context.events)
    dates, _, _ = read_dates(sentence.text)
    day = day_of(dates[0], context.moment) if dates else None
    if day is None:
        return context
    chain = (sentence.paragraph, order)
    last = StatedTime(day, Precision.DAY)
    return _Context(day, Precision.DAY, sentence.section, last, chain, context.events)


# A clause stating when something was planned: "was scheduled for 18 December 1975".
_PLANNED_WORDS = ("scheduled", "planned", "due", "expected", "intended", "meant", "set")
_PLANNED_RE = re.compile(rf"\b(?:{'|'.join(_PLANNED_WORDS)})\s+(?:for|to|on)\b", re.IGNORECASE)


def _states_a_plan(text: str) -> bool:
    """Whether a sentence says when something was planned (tried only where its fold holds a
    word of a plan, each tested in turn)."""
    low = fold(text)
    return (
        "scheduled" in low
        or "planned" in low
        or "due" in low
        or "expected" in low
        or "intended" in low
        or "meant" in low
        or "set" in low
    ) and _PLANNED_RE.search(text) is not None


def _next_context(
    context: _Context,
    sentence: Sentence,
    order: int,
    text: str,
    stamps: Sequence[Stamp],
    unreal: Sequence[DateMention],
    day: datetime | None,
    keywords: Sequence[Keyword],
) -> _Context:
    """What the clauses after a clause take from it."""
    if stamps and context.moment is not None and _states_a_plan(sentence.text):
        return context  # the day of a plan is not where the narrative has got to
    day_level = [s for s in stamps if s.time.precision <= Precision.DAY] or list(stamps)
    last = max(day_level, key=lambda s: s.span[0]) if day_level else None
    here = (sentence.paragraph, order)
    if unreal and (last is None or unreal[-1].start > last.span[0]):
        # The text goes on from a day it did not state: what follows has no day
        # (a yearless date still takes its year from the last day known).
        precision = None if context.precision is None else Precision.YEAR
        return _Context(context.moment, precision, sentence.section, events=context.events)
    if last is not None:
        latest = max(stamps, key=lambda s: s.span[0]).time
        context.events.update(stated_events(text, stamps, keywords))
        return _Context(
            last.time.start,
            min(last.time.precision, Precision.DAY),
            sentence.section,
            latest,
            here,
            context.events,
        )
    if day is not None and keywords:
        return replace(context, chain=here)
    return context


# What may stand between a date and the clock time of that date: "at 17:45:48 UTC on 5 August
# 1973", "16:22:44, May 19, 1971", "July 20, 1976, at 08:51 UTC".
_JOIN_GAP = re.compile(
    r"T?[\s,;:()\u2013\u2014-]*(?:(?:at|on|of|the|around|about|approximately|roughly|circa)\b"
    r"[\s,()]*)*",
    re.I,
)


class _Positions(msgspec.Struct, frozen=True):
    """A clause's day-precision dates and its keywords, with their starts and ends: neither
    kind overlaps its own kind, so sorted by start each is sorted by end too, and the one
    nearest a time is found by binary search."""

    days: list[DateMention]
    day_ends: list[int]
    keywords: Sequence[Keyword]
    keyword_starts: list[int]

    @classmethod
    def of(cls, days: list[DateMention], keywords: Sequence[Keyword]) -> _Positions:
        return cls(days, [d.end for d in days], keywords, [k.start for k in keywords])


def _day_for(text: str, time: TimeMention, at: _Positions) -> tuple[DateMention | None, bool]:
    """The date of a clause that a clock time belongs to, and whether the two state one
    moment (joined) or the time only takes its day from the date.

    The date is the nearest one, the one before the time when two are as near. A date and a
    time state one moment unless an event is named between them and another on the date's
    far side ("separated on 15 December 1970 and entered the atmosphere at 04:58:44 UTC":
    two events, the second taking the day of the first)."""
    days = at.days
    if not days:
        return None, False
    i = bisect.bisect_right(at.day_ends, time.start)  # days[:i] end before the time
    before_gap = time.start - days[i - 1].end if i else None
    after_gap = days[i].start - time.end if i < len(days) else None
    if after_gap is None or (before_gap is not None and before_gap <= after_gap):
        nearest, lo, hi = days[i - 1], days[i - 1].end, time.start
    else:
        nearest, lo, hi = days[i], time.end, days[i].start
    if _JOIN_GAP.fullmatch(text[lo:hi]):
        return nearest, True
    before = nearest.end <= time.start
    keywords = at.keywords
    k = bisect.bisect_left(at.keyword_starts, lo)  # the first keyword starting after ``lo``
    between = k < len(keywords) and keywords[k].end <= hi
    if before:
        far = bool(keywords) and keywords[0].end <= nearest.start
    else:
        far = bool(keywords) and keywords[-1].start >= nearest.end
    if not (between and far):
        return nearest, True
    return (nearest, False) if before else (None, False)


_START = attrgetter("start")


def _stamps(
    context: _Context,
    sentence: Sentence,
    text: str,
    dates: list[DateMention],
    unreal: list[DateMention],
    times: list[TimeMention],
    keywords: Sequence[Keyword],
    report: Report,
) -> list[Stamp]:
    """Each stated moment of a clause: a time with its date, or a date alone. A time whose
    date is not real (``unreal``), or that has none in a clause stating such a date, is
    left out."""
    stamps: list[Stamp] = []
    used: set[int] = set()
    # A yearless date takes its year from the date before it, in the clause or before it.
    resolved: dict[int, datetime | None] = {}
    previous = context.moment
    for stated in sorted(dates, key=_START) if len(dates) > 1 else dates:
        resolved[id(stated)] = found = day_of(stated, previous)
        previous = found or previous
    if times:
        days = sorted(
            (d for d in (*dates, *unreal) if d.precision is Precision.DAY or not d.real),
            key=_START,
        )
        positions = _Positions.of(days, keywords)
    for time in times:
        mention, joined = _day_for(text, time, positions)
        day: datetime | None = None
        span = (time.start, time.end)
        if mention is not None and not mention.real:
            report.warn(
                sentence.line, f"time {time.text.strip()!r} is on a date that is not real: left out"
            )
            continue
        if mention is not None:
            day = resolved.get(id(mention))
            if joined and id(mention) not in used:
                # The first time a date is joined to states one moment with it; a later time
                # only takes its day, and keeps its own span.
                used.add(id(mention))
                span = (min(mention.start, time.start), max(mention.end, time.end))
        elif context.precision is not None and context.precision >= Precision.DAY:
            day = context.moment
        if day is None:
            report.warn(
                sentence.line,
                f"time {time.text.strip()!r} has no date stated before it: left out",
            )
            continue
        if time.zone is None:
            report.warn(
                sentence.line, f"time {time.text.strip()!r} names no time zone: read as UTC"
            )
        moment, precision = combine(day, time)
        if time.until is not None:
            end = window_end(day, time)
            window = (moment, end) if end else None
            # A stated range: its start at the precision stated, and the window it gives.
            stamps.append(Stamp(StatedTime(moment, precision), span, True, time.circa, window))
        else:
            stamps.append(Stamp(StatedTime(moment, precision), span, True, time.circa))
    for mention in dates:
        if id(mention) in used:
            continue
        day = resolved[id(mention)]
        if day is None:
            report.warn(sentence.line, f"date {mention.text!r} has no year: left out")
            continue
        span = (mention.start, mention.end)
        last = last_day_of(mention, day)
        window = (day, last) if last else None
        stamps.append(Stamp(StatedTime(day, mention.precision), span, window=window))
    if len(stamps) > 1:
        stamps.sort(key=lambda s: s.span[0])
    if stamps:
        stamps = counted_stamps(text, stamps, context.last, keywords, bool(dates))
    if len(stamps) < 2:
        return stamps
    # "at 13:50:35 UTC (16:50:35 Moscow time)": one moment stated twice is one stamp.
    unique: list[Stamp] = []
    timed: set[StatedTime] = set()
    for stamp in stamps:
        if stamp.time not in timed:
            unique.append(stamp)
            if stamp.timed:
                timed.add(stamp.time)
    return unique
