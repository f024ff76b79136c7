"""Find the dates a sentence states, at exactly the precision it states them, and resolve
them to UTC days (the clock times, in :mod:`.times`, are found here too).

Candidate phrases are found with patterns; each one is then read by dateutil (in
:mod:`.date_phrases`), which also rejects impossible dates (``31 February 1974``).
Citation years (``(2002)``), year ranges (``1958-2000``) and page ranges are never dates.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from datetime import datetime

import msgspec

from mission_control.extract import prefilter
from mission_control.extract.date_patterns import (
    DATE_PATTERNS,
    DAY,
    DAY_LIST_RE,
    HAS_MONTH,
    HAS_YEAR,
    HOLDS_ALL,
    ISO_RE,
    LATER,
    LEADING_WORD,
    MONTH_DAYS_RE,
    NEEDS,
    SPAN_RES,
    STARTS,
    date_words,
    first_holds,
    settle,
)
from mission_control.extract.date_phrases import date_fields
from mission_control.extract.days import day_of, last_day_of
from mission_control.extract.spans import Claimed
from mission_control.extract.times import TimeMention, combine, find_times, window_end
from mission_control.model import Precision

# The clock times are found in :mod:`.times`; the reader's stages ask here for both.
__all__ = [
    "DateMention",
    "TimeMention",
    "combine",
    "day_of",
    "find_dates",
    "find_times",
    "last_day_of",
    "read_dates",
    "window_end",
]


_DAY_LIST_STARTS = STARTS.get(DAY_LIST_RE)
# Each pattern with where it can begin (a pattern's hash is its text's), and for each mask of
# what a sentence holds (date_patterns.holds) the patterns that can match in such a sentence.
_ISO_NEEDS, _MONTH_DAYS_NEEDS = NEEDS[ISO_RE], NEEDS[MONTH_DAYS_RE]
_DAY_LIST_NEEDS = NEEDS[DAY_LIST_RE]
_SPAN_SCANS = tuple((pattern, STARTS.get(pattern), NEEDS[pattern]) for pattern in SPAN_RES)
_DATE_SCANS = tuple(
    (pattern, precision, STARTS.get(pattern), NEEDS[pattern])
    for pattern, precision in DATE_PATTERNS
)
_SPAN_SCANS_FOR = tuple(
    tuple(scan for scan in _SPAN_SCANS if NEEDS[scan[0]] & ~held == 0)
    for held in range(HOLDS_ALL + 1)
)
_DATE_SCANS_FOR = tuple(
    tuple(scan for scan in _DATE_SCANS if NEEDS[scan[0]] & ~held == 0)
    for held in range(HOLDS_ALL + 1)
)


def _unclaimed(held: int, taken: Claimed, months: list[int], years: list[int]) -> int:
    """``held`` without HAS_MONTH once every month of the sentence is inside a date found,
    and without HAS_YEAR once every year is: a match of a pattern that needs one would
    overlap that date, and be dropped."""
    if held & HAS_MONTH and taken.covers(months):
        held &= ~HAS_MONTH
    if held & HAS_YEAR and taken.covers(years):
        held &= ~HAS_YEAR
    return held


def _matches(
    pattern: re.Pattern[str], starts: re.Pattern[str] | None, sentence: str
) -> Iterable[re.Match[str]]:
    """``pattern.finditer(sentence)``, tried only where ``starts`` says a match can begin
    when the pattern has such a pattern (the sentence is lowered for it then only)."""
    if starts is None:
        return pattern.finditer(sentence)
    return prefilter.finditer(pattern, starts, sentence, prefilter.folded(sentence))


class DateMention(msgspec.Struct, frozen=True):
    """A calendar date (no time of day) stated in a sentence; ``year``/``month`` may be missing.
    One that is not ``real`` (``31 February 1974``) states no day at all; ``last`` is the
    year (if stated), month and day of the last day of a span of days ("between 2 and 5
    December": ``day`` 2, ``last`` ``(None, 12, 5)``). A Struct, not a dataclass: an article
    states thousands, and a Struct is made in a tenth of the time."""

    start: int
    end: int
    text: str
    precision: Precision
    year: int | None
    month: int | None
    day: int | None
    real: bool = True
    last: tuple[int | None, int, int] | None = None


_replace = msgspec.structs.replace
_START = operator.attrgetter("start")


def find_dates(sentence: str) -> tuple[list[DateMention], list[str]]:
    """Calendar dates in a sentence, in order, and warnings for impossible ones."""
    found, warnings, _ = read_dates(sentence)
    return found, warnings


def read_dates(sentence: str) -> tuple[list[DateMention], list[str], list[DateMention]]:
    """As :func:`find_dates`, and the dates stated that are not real: a moment stated with
    one has no day, rather than one stated elsewhere."""
    months, years = date_words(sentence)
    if not months and not years:
        return [], [], []  # every date states a month or a year: most sentences pass at once
    held = first_holds(sentence, bool(months), bool(years))
    unsettled = LATER  # the facts of ``held`` not yet looked for
    taken = Claimed()
    any_taken = False  # whether ``taken`` holds a span: most sentences state one date
    found: list[DateMention] = []
    unreal: list[DateMention] = []

    # A pattern's own matches never overlap, so only earlier patterns' spans are checked.
    # A pattern is tried only while the sentence holds all it needs (NEEDS): a fact of
    # LATER is looked for when a pattern first needs it, and a month or a year inside a
    # date found is no longer held (_unclaimed).
    if _ISO_NEEDS & ~held == 0:
        iso = list(ISO_RE.finditer(sentence))
        if iso:
            taken.add(m.span() for m in iso)
            any_taken = True
            held = _unclaimed(held, taken, months, years)
            for m in iso:
                _add(found, unreal, m.group(0), Precision.DAY, *m.span(), m.group(0))
    if _MONTH_DAYS_NEEDS & ~held == 0:
        held = settle(sentence, held, unsettled & _MONTH_DAYS_NEEDS)
        unsettled &= ~_MONTH_DAYS_NEEDS
    claimed: list[tuple[int, int]] = []
    for match in MONTH_DAYS_RE.finditer(sentence) if _MONTH_DAYS_NEEDS & ~held == 0 else ():
        if taken.overlaps(*match.span()):
            continue
        claimed.append(match.span())
        year = match.group("year") or ""
        for n, day in enumerate(re.finditer(DAY, match.group("days"))):
            start, end = match.start("days") + day.start(), match.start("days") + day.end()
            if n == 0:
                start = match.start()  # the first day's mention includes its month
            _add(
                found,
                unreal,
                f"{match.group('month')} {day.group(0)} {year}",
                Precision.DAY,
                start,
                end,
                sentence[start:end],
            )
    if claimed:
        taken.add(claimed)
        any_taken = True
        held = _unclaimed(held, taken, months, years)
    for pattern, starts, needs in _SPAN_SCANS_FOR[held]:
        if needs & unsettled:
            held = settle(sentence, held, needs & unsettled)
            unsettled &= ~needs
        if needs & ~held:
            continue
        claimed = []
        for match in _matches(pattern, starts, sentence):
            if taken.overlaps(*match.span()):
                continue
            claimed.append(match.span())
            found_span = _read_span(match.group(0), *match.span())
            if found_span is None:
                unreal.append(
                    DateMention(
                        *match.span(), match.group(0), Precision.MONTH, None, None, None, False
                    )
                )
            else:
                found.append(found_span)
        if claimed:
            taken.add(claimed)
            any_taken = True
            held = _unclaimed(held, taken, months, years)
    for pattern, precision, starts, needs in _DATE_SCANS_FOR[held]:
        if needs & ~held:
            continue  # it needs a month or a year left outside the dates found
        if needs & unsettled:
            held = settle(sentence, held, needs & unsettled)
            unsettled &= ~needs
            if needs & ~held:
                continue
        claimed = []
        for match in (
            pattern.finditer(sentence) if starts is None else _matches(pattern, starts, sentence)
        ):
            start, end = match.span()
            if any_taken and taken.overlaps(start, end):
                continue
            if precision is Precision.YEAR and (
                sentence[max(0, start - 2) : start].endswith("(")
                or sentence[end : end + 2].startswith(")")
            ):
                continue
            text = match.group(0)
            # Only the month and year forms begin with a word that is not the date.
            core = text if precision is Precision.DAY else LEADING_WORD.sub("", text)
            claimed.append((start, end))
            start += len(text) - len(core)  # the mention is the date itself, not "in"
            try:
                fields = date_fields(core, precision)
            except (ValueError, OverflowError):
                unreal.append(DateMention(start, end, core, precision, None, None, None, False))
            else:
                found.append(DateMention(start, end, core, precision, *fields))
        if claimed:
            taken.add(claimed)
            any_taken = True
            held = _unclaimed(held, taken, months, years)
            if not held & (HAS_MONTH | HAS_YEAR):
                break  # every date pattern needs a month or a year outside the dates found
    day_lists = (
        _matches(DAY_LIST_RE, _DAY_LIST_STARTS, sentence) if _DAY_LIST_NEEDS & ~held == 0 else ()
    )
    for match in day_lists:
        if taken.overlaps(match.start("days"), match.end("days")):
            continue
        for day in re.finditer(DAY, match.group("days")):
            start = match.start("days") + day.start()
            end = match.start("days") + day.end()
            stated = f"{day.group(0)} {match.group('month')}"
            try:
                _, month, day_of_month = date_fields(stated, Precision.DAY)
            except (ValueError, OverflowError):
                unreal.append(
                    DateMention(start, end, stated, Precision.DAY, None, None, None, False)
                )
                continue
            found.append(
                DateMention(start, end, day.group(0), Precision.DAY, None, month, day_of_month)
            )
    warnings: list[str] = []
    if unreal:
        unreal.sort(key=_START)
        warnings = [f"not a real date: {m.text!r}" for m in unreal]
    if len(found) < 2:
        return found, warnings, unreal  # a list or a span of dates needs two
    found.sort(key=_START)
    return _spans_across_months(_fill_years(found, sentence), sentence), warnings, unreal


def _add(
    found: list[DateMention],
    unreal: list[DateMention],
    stated: str,
    precision: Precision,
    start: int,
    end: int,
    text: str,
) -> None:
    """The date ``stated`` reads as, added to ``found``, or to ``unreal`` for a day that does
    not exist (read_dates's main loop does the same inline)."""
    try:
        fields = date_fields(stated, precision)
    except (ValueError, OverflowError):
        unreal.append(DateMention(start, end, text, precision, None, None, None, False))
        return
    found.append(DateMention(start, end, text, precision, *fields))


# "between 17 September and 6 November 1997", "from Sept. 17 to Nov. 6", "17 September -
# 6 November 1997": two days that are the ends of one span.
_SPAN_OPENING_RE = re.compile(r"\b(?P<word>between|from)\s+$", re.IGNORECASE)
_SPAN_GAP_RE = re.compile(r"\s*(?P<word>and|to|until|through|-|\u2013|\u2014)\s*")


def _spans_across_months(mentions: list[DateMention], sentence: str) -> list[DateMention]:
    """Dates that are the two ends of a span, made one mention of it."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None and _ends_of_span(a, b, sentence):
            opening = _SPAN_OPENING_RE.search(sentence, max(0, a.start - 10), a.start)
            start = opening.start() if opening else a.start
            end = (b.year, b.month or 1, b.day or 1)
            year = a.year
            if year is None and b.year is not None:  # "28 December - 3 January 1976"
                year = b.year - 1 if (a.month or 1, a.day or 1) > end[1:] else b.year
            text = sentence[start : b.end]
            out.append(_replace(a, start=start, end=b.end, text=text, year=year, last=end))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _ends_of_span(a: DateMention, b: DateMention, sentence: str) -> bool:
    if a.precision is not Precision.DAY or b.precision is not Precision.DAY:
        return False
    if a.last is not None or b.last is not None:
        return False
    gap = _SPAN_GAP_RE.fullmatch(sentence, a.end, b.start)
    if gap is None:
        return False
    opening = _SPAN_OPENING_RE.search(sentence, max(0, a.start - 10), a.start)
    word = gap.group("word").lower()
    said = opening.group("word").lower() if opening else None
    if word == "and":
        return said == "between"
    return said in (None, "from")


def _read_span(text: str, start: int, end: int) -> DateMention | None:
    """A span of days: its month and year, its first day and its last; a span whose days do
    not exist or run backwards states its month only. None for a month that does not exist."""
    try:
        year, month, _ = date_fields(text, Precision.MONTH)
    except (ValueError, OverflowError):
        return None
    first, last = (int(d) for d in re.findall(r"(?<!\d)\d{1,2}(?!\d)", text)[:2])
    try:
        datetime(year or 2000, month or 1, last)  # noqa: DTZ001
    except ValueError:
        first = last = 0
    if not 0 < first < last:
        return DateMention(start, end, text, Precision.MONTH, year, month, None)
    return DateMention(
        start, end, text, Precision.DAY, year, month, first, last=(year, month or 1, last)
    )


# What stands between the dates of one list: "23 February, 28 February and 25 March 1989".
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or))?\s*")


def _fill_years(mentions: list[DateMention], sentence: str) -> list[DateMention]:
    """``23 February, 28 February and 25 March 1989``: a yearless date in a list takes the
    year of the next date in the same list (the year before, for a day that falls after
    that date: "28 December and 3 January 1972"). Dates that other words part are no list."""
    out = list(mentions)
    for i in range(len(out) - 1, -1, -1):
        m = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        if m.year is not None or nxt is None or nxt.year is None:
            continue
        if not _LIST_GAP.fullmatch(sentence, m.end, nxt.start):
            continue
        later = (m.month or 0, m.day or 0) > (nxt.month or 0, nxt.day or 0)
        out[i] = _replace(m, year=nxt.year - 1 if later else nxt.year)
    return out
