"""The time an undated clause gives relative to what the text stated before it: "later that
day", "the next day", "two hours later".

A clause that states no date takes none from the sentence before unless it says so; these are
the ways it says so, each read at the precision it supports: "later that day" is that day, "the
next day" or "three days later" a day, "two hours later" a moment as fine as the one before
(to the minute at most: an offset in hours is not counted in seconds).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from itertools import accumulate

from mission_control.extract.keyword_scan import fold, scan
from mission_control.extract.kinds import Keyword, assign_kinds
from mission_control.extract.stamps import Stamp
from mission_control.model import Precision, StatedTime

_NUMBERS: dict[str, float] = {
    "half an": 0.5,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
}
_NUMBER = (
    r"(?:\d{1,3}|"
    + "|".join(n.replace(" ", r"\s+") for n in sorted(_NUMBERS, key=len, reverse=True))
    + ")"
)
_PARTS_OF_DAY = ("day", "morning", "afternoon", "evening", "night")
_PART_OF_DAY = "(?:" + "|".join(_PARTS_OF_DAY) + ")"
_SAME_DAY_RE = re.compile(
    rf"\b(?:later\s+(?:that|the\s+same|in\s+the)|(?:on\s+)?the\s+same|that)\s+{_PART_OF_DAY}\b|"
    r"\b(?:shortly|soon|immediately)\s+(?:after(?:wards?)?\b(?!\s+\w+ing\b)|thereafter\b)|"
    r"\b(?:moments|(?:a\s+few|several|some)\s+(?:hours|minutes|seconds)|hours|minutes|seconds)"
    r"\s+later\b",
    re.IGNORECASE,
)
_NEXT_DAY_RE = re.compile(
    rf"\b(?:the\s+)?(?:next|following)\s+{_PART_OF_DAY}\b|\bthe\s+day\s+after\b(?!\s+\w)",
    re.IGNORECASE,
)
_CIRCA = r"(?P<circa>(?:about|around|roughly|approximately|some|nearly|almost)\s+)?"
_LATER_RE = re.compile(
    rf"\b{_CIRCA}(?P<n>{_NUMBER})\s+(?P<unit>second|minute|hour|day|week)s?\s+later\b",
    re.IGNORECASE,
)
# "stopped after 14.5 seconds": an offset from the moment stated before it in the clause.
_AFTER_RE = re.compile(
    rf"\bafter\s+{_CIRCA}(?P<n>\d{{1,3}}\.\d+|{_NUMBER})\s+(?P<unit>second|minute|hour|day)s?"
    r"\b(?!\s+(?:of|in|on|from)\b)",
    re.IGNORECASE,
)
# What every match of _AFTER_RE begins with, in the fold of the clause.
_AFTER_STARTS = ("after",)
# "two hours after touchdown": an offset from the moment of an event stated before.
_ANCHORS = {
    "touchdown": "landing",
    "landing": "landing",
    "launch": "launch",
    "liftoff": "launch",
    "lift-off": "launch",
    "separation": "separation",
    "entry": "atmospheric-entry",
    "atmospheric entry": "atmospheric-entry",
    "orbit insertion": "orbit-insertion",
}
_ANCHOR_KINDS = frozenset(_ANCHORS.values())
# "no word was received after that": the very moment stated before.
_THEN_RE = re.compile(
    r"\b(?:after|from|since)\s+(?:that|this|then)\b(?!\s+(?:day|morning|afternoon|evening|"
    r"night|week|month|year|date|point|time)\b)",
    re.IGNORECASE,
)
_ANCHORED_RE = re.compile(
    rf"\b{_CIRCA}(?P<n>{_NUMBER})\s+(?P<unit>second|minute|hour|day|week)s?\s+after\s+"
    r"(?:the\s+|its\s+)?(?P<anchor>touchdown|landing|launch|lift-?off|separation|"
    r"(?:atmospheric\s+)?entry|orbit\s+insertion)\b",
    re.IGNORECASE,
)
_UNITS = {
    "second": (timedelta(seconds=1), Precision.SECOND),
    "minute": (timedelta(minutes=1), Precision.MINUTE),
    "hour": (timedelta(hours=1), Precision.MINUTE),
    "day": (timedelta(days=1), Precision.DAY),
    "week": (timedelta(weeks=1), Precision.DAY),
}


@dataclass(frozen=True)
class Relative:
    """A time stated relative to the one before: ``offset`` after it, at no finer than
    ``precision`` (DAY for an offset of whole days, or for the same day when ``offset`` is
    zero); ``circa`` for "about two hours later"; ``anchor`` the kind of event it counts
    from ("two hours after touchdown"), when not the moment stated last."""

    span: tuple[int, int]
    offset: timedelta
    precision: Precision
    circa: bool = False
    anchor: str | None = None  # the kind of the event it counts from, if not the last moment


def counted_offsets(text: str) -> list[Relative]:
    """Every counted offset a clause states ("two minutes later", "three days later"), in
    order: within a clause that states a time, each counts from the time before it."""
    low = fold(text)
    # Each pattern tried only past its gate, and "after ..." only where "after" begins.
    found = [
        *(_LATER_RE.finditer(text) if _may_say_later(low) else ()),
        *(scan(_AFTER_RE, text, low, _AFTER_STARTS) if "after" in low else ()),
    ]
    if not found:
        return []
    return [_counted(match) for match in sorted(found, key=lambda m: m.start())]


def _counted(later: re.Match[str]) -> Relative:
    # Folded, not lowered: a pattern that ignores case reads "fİve" as "five", and lowering
    # makes the dotted I two characters (and leaves the long S and the dotless I as they are).
    word = fold(later.group("n"))
    count = float(word) if word[0].isdigit() else _NUMBERS[" ".join(word.split())]
    step, precision = _UNITS[fold(later.group("unit"))]
    return Relative(later.span(), step * count, precision, bool(later.group("circa")))


def find_relative(text: str) -> Relative | None:
    """The first relative time a clause states, if any."""
    # Each pattern is tried only where its gate finds the words it cannot match without:
    # most clauses say none of the words a relative time needs, and every gate needs one of
    # these.
    low = fold(text)
    if not (
        "after" in low
        or "later" in low
        or "from" in low
        or "that" in low
        or "same" in low
        or "next" in low
        or "following" in low
        or "since" in low
    ):
        return None
    found: list[Relative] = []
    if _may_count_from_event(low) and (anchored := _ANCHORED_RE.search(text)):
        anchor = _ANCHORS[re.sub(r"\s+", " ", fold(anchored.group("anchor")))]
        found.append(replace(_counted(anchored), anchor=anchor))
    if _may_say_later(low) and (later := _LATER_RE.search(text)):
        found.append(_counted(later))
    if _may_say_next_day(low) and (following := _NEXT_DAY_RE.search(text)):
        found.append(Relative(following.span(), timedelta(days=1), Precision.DAY))
    if _may_say_same_day(low) and (same := _SAME_DAY_RE.search(text)):
        found.append(Relative(same.span(), timedelta(0), Precision.DAY))
    if _may_say_then(low) and (then := _THEN_RE.search(text)):
        found.append(Relative(then.span(), timedelta(0), Precision.SECOND))
    if not found:
        return None
    return min(found, key=lambda r: r.span[0])


# Each pattern's gate, asked of the clause's fold (keyword_scan.fold: where a pattern reads a
# lower-case ASCII letter, the fold has that letter): a quick test of a word the pattern needs,
# then a search for the words in the order the pattern needs them, which begins with a
# literal and so is quick (a property in tests/unit/test_relative_gates*.py holds each
# pattern to its gate).
_UNIT = r"(?:second|minute|hour|day|week)s?\s+"
_ANCHORED_CORE = re.compile(
    _UNIT + r"after\s+(?:the\s+|its\s+)?(?:touchdown|landing|launch|lift-?off|separation|"
    r"(?:atmospheric\s+)?entry|orbit\s+insertion)\b"
)
_LATER_CORE = re.compile(_UNIT + r"later\b")
_DAY_PART = rf"\s+{_PART_OF_DAY}\b"
_NEXT_DAY_CORE = re.compile(rf"next{_DAY_PART}|following{_DAY_PART}|the\s+day\s+after\b")
_SAME_DAY_CORE = re.compile(
    rf"that{_DAY_PART}|same{_DAY_PART}|in\s+the{_DAY_PART}|"
    r"shortly\s+(?:after|thereafter)|soon\s+(?:after|thereafter)|"
    r"immediately\s+(?:after|thereafter)|"
    r"moments\s+later\b|hours\s+later\b|minutes\s+later\b|seconds\s+later\b"
)
_THEN_CORE = re.compile(
    r"after\s+(?:that|this|then)\b|from\s+(?:that|this|then)\b|since\s+(?:that|this|then)\b"
)


def _may_count_from_event(low: str) -> bool:
    return "after" in low and _ANCHORED_CORE.search(low) is not None


def _may_say_later(low: str) -> bool:
    return "later" in low and _LATER_CORE.search(low) is not None


def _may_say_next_day(low: str) -> bool:
    return ("next" in low or "following" in low or "after" in low) and (
        _NEXT_DAY_CORE.search(low) is not None
    )


def _may_say_same_day(low: str) -> bool:
    # "later in the morning": "in the" only after "later".
    return (
        (("that" in low or "same" in low or "later" in low) and _says(low, _PARTS_OF_DAY))
        or ("after" in low and _says(low, ("shortly", "soon", "immediately")))
        or ("later" in low and _says(low, ("moments", "hours", "minutes", "seconds")))
    ) and _SAME_DAY_CORE.search(low) is not None


def _may_say_then(low: str) -> bool:
    return (
        ("after" in low or "from" in low or "since" in low)
        and ("that" in low or "this" in low or "then" in low)
        and _THEN_CORE.search(low) is not None
    )


def _says(low: str, words: tuple[str, ...]) -> bool:
    """Whether the folded clause has any of the words."""
    return any(map(low.__contains__, words))


GATES: tuple[tuple[re.Pattern[str], Callable[[str], bool]], ...] = (
    (_ANCHORED_RE, _may_count_from_event),
    (_LATER_RE, _may_say_later),
    (_NEXT_DAY_RE, _may_say_next_day),
    (_SAME_DAY_RE, _may_say_same_day),
    (_THEN_RE, _may_say_then),
)
"""Each pattern of :func:`find_relative` with the test it is tried after."""


def relative_stamp(
    relative: Relative,
    day: datetime | None,
    last: StatedTime | None,
    events: dict[str, StatedTime],
) -> Stamp | None:
    """The moment a relative time gives after the last one stated (``last``, on the last
    ``day`` stated; "after that" is that moment itself), or after the last event of its
    anchor's kind (``events``); None for the same day, which an undated clause takes as it
    is (or when nothing was stated before)."""
    if relative.anchor is not None:
        last = events.get(relative.anchor)
        day = None if last is None else last.start.replace(hour=0, minute=0, second=0)
    if day is None or (not relative.offset and relative.precision is Precision.DAY):
        return None
    if relative.precision >= Precision.MINUTE:
        if last is None or not last.has_time_of_day:
            return None  # "two hours later" than a day is that day, or the next
        precision = min(relative.precision, last.precision)
        return Stamp(
            _cut(last.start + relative.offset, precision), relative.span, True, relative.circa
        )
    start = day + timedelta(days=relative.offset.days)
    return Stamp(StatedTime(start, Precision.DAY), relative.span, circa=relative.circa)


def _cut(moment: datetime, precision: Precision) -> StatedTime:
    """A moment as the start of the interval of ``precision`` it falls in ("14.5 seconds
    after 13:52:05" is the second 13:52:19)."""
    moment = moment.replace(microsecond=0)
    if precision <= Precision.MINUTE:
        moment = moment.replace(second=0)
    return StatedTime(moment, precision)


def counted_stamps(
    text: str,
    stamps: list[Stamp],
    last: StatedTime | None,
    keywords: Sequence[Keyword],
    dated: bool,
) -> list[Stamp]:
    """The stamps of a clause, and one for each counted offset in it that dates an event
    ("entered the atmosphere at 10:31 UTC, deployed its parachute two minutes later"),
    counted from the moment stated before it in the clause, else before the clause
    (``last``). Days counted in a clause that states no date are the day its times take
    (see ``clauses._later``), not a moment of their own."""
    if "later" not in text and "after" not in text:
        return stamps
    out = list(stamps)
    starts = [k.start for k in keywords]  # in order: the keywords are
    # The stamps by where they end, each with the last (in the clause's order) of those
    # ending there or before: the moment an offset counts from, found by binary search.
    ends = sorted((s.span[1], i) for i, s in enumerate(stamps))
    ending = [e for e, _ in ends]
    latest = list(accumulate((i for _, i in ends), max))
    for relative in counted_offsets(text):
        n = bisect.bisect_right(ending, relative.span[0])
        before = stamps[latest[n - 1]] if n else None
        ref = before.time if before else last
        if ref is None:
            continue
        # The offset states the event named between it and the moment it counts from:
        # "began at 13:52:05 but stopped after 14.5 seconds" is a stop.
        after = before.span[1] if before else 0
        first = bisect.bisect_left(starts, after)  # the first keyword after that moment
        named = first < len(starts) and starts[first] < relative.span[0]
        span = (starts[first] if named else relative.span[0], relative.span[1])
        if relative.precision >= Precision.MINUTE:
            if not ref.has_time_of_day:
                continue
            time = _cut(ref.start + relative.offset, min(relative.precision, ref.precision))
            out.append(Stamp(time, span, True, relative.circa))
        elif ref.precision >= Precision.DAY and dated:
            day = ref.start.replace(hour=0, minute=0, second=0, microsecond=0)
            time = StatedTime(day + relative.offset, Precision.DAY)
            out.append(Stamp(time, span, circa=relative.circa))
    if len(out) == len(stamps):
        return stamps
    out.sort(key=lambda s: s.span[0])
    kinds = assign_kinds(text, [s.span for s in out], keywords)
    # An offset at which the clause names no event adds nothing.
    stated = set(stamps)
    return [s for s, k in zip(out, kinds, strict=True) if k is not None or s in stated]


def without_anchors(text: str, keywords: Sequence[Keyword]) -> list[Keyword]:
    """A clause's keywords but those naming the event an offset counts from: in "two hours
    after touchdown the bus flew past", the touchdown is a point of time, not an event."""
    if not keywords or not _may_count_from_event(fold(text)):
        return list(keywords)  # the gate holds for every match of _ANCHORED_RE
    spans = [m.span("anchor") for m in _ANCHORED_RE.finditer(text)]
    if not spans:
        return list(keywords)
    # The anchors do not overlap and come in order: the one a keyword may start in is the
    # last that starts at or before it.
    opens = [a for a, _ in spans]
    kept = []
    for k in keywords:
        i = bisect.bisect_right(opens, k.start) - 1
        if i < 0 or k.start >= spans[i][1]:
            kept.append(k)
    return kept


def stated_events(
    text: str, stamps: Sequence[Stamp], keywords: Sequence[Keyword]
) -> dict[str, StatedTime]:
    """The moment a clause states for each kind of event an offset may count from."""
    if _ANCHOR_KINDS.isdisjoint([k.kind for k in keywords]):
        return {}
    kinds = assign_kinds(text, [s.span for s in stamps], keywords)
    return {kind: s.time for s, kind in zip(stamps, kinds, strict=True) if kind is not None}
