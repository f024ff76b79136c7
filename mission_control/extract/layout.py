"""How a line of an article stands apart from the prose around it, and the time zone an
article states once for all its times.

Articles give dates in lines as well as in sentences: a timeline's day standing alone on its
line, then an entry per line opening with its clock time ("~00:45 UTC \u2013 orbit insertion"), or
a list of dated items under "Key dates". Each such line is a statement of its own, whatever
punctuation it lacks; a list item that states no date is navigation (a list of links or
titles) and is never read.
"""

from __future__ import annotations

import enum
import re

from mission_control.extract import prefilter
from mission_control.extract.dates import read_dates
from mission_control.extract.times import LINE_TIME_RE, ZONE_WORDS

# A list item: "- ", "* ", "\u2022 ", "# ".
_BULLET_RE = re.compile(r"\s*(?:[-*\u2022#]|\*\*+|##+)\s+")
# Marks around a line that stands for a heading: bold quotes, a closing colon or dash.
_HEADING_MARKS = " \t'*:\u2013\u2014-"
# What may follow a date opening a line for the line to be an entry: "5 March 2001: Launch".
_ENTRY_SEPARATOR_RE = re.compile(r"\s*(?:[:\u2013\u2014]|-\s|,\s+\d)")
# A line opening with a day of the month or a month's name may open with a date.
_DATE_OPENING_RE = re.compile(
    r"\s*(?:[-*\u2022#]+\s+)?(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s)"
)
# "All times are UTC", "All dates and times in this article are Moscow time", "Times UTC".
_STATED_ZONE_RE = re.compile(
    rf"(?:^\W{{0,3}}(?:note:\s*)?|\ball\s+)(?:(?:dates|events)\s+and\s+)?times\b[^.;]{{0,60}}?"
    rf"\b(?P<zone>{ZONE_WORDS})(?![\w+\u2212-])",
    re.IGNORECASE,
)
# A line that names a fact before a colon: "Orbit insertion: 12 October 2001".
_FIELD_LINE_RE = re.compile(r"\s*[A-Z][A-Za-z ()/-]{0,40}:\s")
# A list item that is a title with a date aside: "Corvid 2 (launched Nov. 5, 1966)".
_TITLE_ITEM_RE = re.compile(r"(?:[A-Z][\w'\u2019-]*\s+){1,5}[A-Z0-9][\w-]*\s*\([^()]{1,60}\)\.?")
# Lines longer than this are prose, never a heading or an entry's date alone.
_SHORT = 48


class Stance(enum.Enum):
    """How a line stands: in the prose, alone as a statement, as a day heading, or skipped."""

    PROSE = "prose"
    ENTRY = "entry"
    DAY = "day"
    SKIPPED = "skipped"


def bullet(line: str) -> bool:
    """Whether a line is an item of a list."""
    return _BULLET_RE.match(line) is not None


def stance(line: str, after_stop: bool) -> Stance:
    """How a line outside the infobox stands. ``after_stop`` says that the prose before it
    ended a sentence (or there is none), so a line opening with a time or a date starts a
    statement rather than going on with one ("... landed on\\n5 May 1975.")."""
    if bullet(line):
        text = _BULLET_RE.sub("", line, count=1)
        if LINE_TIME_RE.match(text):
            return Stance.ENTRY
        if _date_alone(text):
            return Stance.DAY
        if _TITLE_ITEM_RE.fullmatch(text.strip()):
            return Stance.SKIPPED  # "Mars 3 (launched 28 May 1971)": a title, dated aside
        return Stance.ENTRY if _states_date(text) else Stance.SKIPPED
    field = _FIELD_LINE_RE.match(line)
    if field and _states_date(line[field.end() :]):
        return Stance.ENTRY  # "Launch: 5 March 2001", a list of facts without its marks
    if not after_stop:
        return Stance.PROSE
    if LINE_TIME_RE.match(line):
        return Stance.ENTRY
    if _date_alone(line):
        return Stance.DAY
    if _DATE_OPENING_RE.match(line):
        found, _, unreal = read_dates(line[:_SHORT])
        first = min([*found, *unreal], key=lambda m: m.start, default=None)
        opens = first is not None and not line[: first.start].strip(" \t-*\u2022#")
        if opens and first is not None and _ENTRY_SEPARATOR_RE.match(line, first.end):
            return Stance.ENTRY
    return Stance.PROSE


def _states_date(text: str) -> bool:
    found, _, unreal = read_dates(text)
    return bool(found or unreal)


def _date_alone(line: str) -> bool:
    """A day standing alone on its line ("22 October 1975", "'''Mar. 5, 2001:'''")."""
    text = line.strip(_HEADING_MARKS)
    if not text or len(text) > _SHORT or not _DATE_OPENING_RE.match(text):
        return False
    found, _, _ = read_dates(text)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(text)


def stated_zone(text: str) -> str | None:
    """The zone a sentence or heading says every time of the article is given in."""
    if not prefilter.has_any(prefilter.folded(text), ("times",)):
        return None  # every match names "times"
    match = _STATED_ZONE_RE.search(text)
    return match.group("zone") if match else None
