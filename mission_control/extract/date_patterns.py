"""How the dates an article states are spelt: month names, days and years, the forms of a
date, a span of days and a list of days, as patterns for :mod:`.dates` to read them with."""

from __future__ import annotations

import re

from mission_control.model import Precision

MONTH_NAMES = (
    "Jan(?:uary)?",
    "Feb(?:ruary)?",
    "Mar(?:ch)?",
    "Apr(?:il)?",
    "May",
    "June?",
    "July?",
    "Aug(?:ust)?",
    "Sep(?:t(?:ember)?)?",
    "Oct(?:ober)?",
    "Nov(?:ember)?",
    "Dec(?:ember)?",
)
MONTHS = "(?:" + "|".join(MONTH_NAMES) + r")\.?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
# The same three at the start of a word, each alternative beginning with its own first
# character: "X(?<!\w.)" is "\bX" for a word character X, and a pattern that begins with a
# character, not with "\b", lets the regex engine leap to where that character is instead of
# trying every position of a sentence (a date pattern scans in half the time).
AT_WORD = r"(?<!\w.)"
WORD_MONTHS = "(?:" + "|".join(n[0] + AT_WORD + n[1:] for n in MONTH_NAMES) + r")\.?"
WORD_YEAR = rf"(?:1{AT_WORD}[89]\d\d|2{AT_WORD}0\d\d)"
DAY_END = r"(?:st|nd|rd|th)?(?!\d)"
WORD_DAY_BRANCHES = (
    rf"1{AT_WORD}\d{DAY_END}|2{AT_WORD}\d{DAY_END}|3{AT_WORD}[01]{DAY_END}|"
    rf"0{AT_WORD}[1-9]{DAY_END}|" + "|".join(f"{d}{AT_WORD}{DAY_END}" for d in "123456789")
)
WORD_DAY = f"(?:{WORD_DAY_BRANCHES})"
# "\b(?:the\s+)?" and a day, spelt as the day is.
WORD_THE_DAY = rf"(?:t{AT_WORD}he\s+{DAY}|{WORD_DAY_BRANCHES})"
DASH = r"\s*(?:-|\u2013|\u2014|to|until|through)\s*"

ISO_RE = re.compile(rf"{WORD_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])")
# A span of days ("5-7 August 1973", "August 5-7, 1973", "between 5 and 7 December"): one
# mention, its first day with its last (a window), never two dates.
SPAN_RES = (
    re.compile(
        rf"\b(?:between\s+{DAY}\s+and|(?:from\s+)?{DAY}{DASH})\s*{DAY}\s+{MONTHS}"
        rf"(?:,?\s+{YEAR}\b|(?![\w.]))"
    ),
    re.compile(rf"{WORD_MONTHS}\s+{DAY}{DASH}{DAY}(?:,?\s+{YEAR}\b|(?![\w.:]))"),
)
# "Jan. 4, 9, 12 and 15, 1980": days after one month, sharing it and the year after them.
MONTH_DAYS_RE = re.compile(
    rf"(?P<month>{WORD_MONTHS})\s+(?P<days>{DAY}(?:\s*,\s*{DAY})*\s*,?\s+and\s+{DAY})"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?(?![\d:])"
)
# A year or a month: one choice of forms, each beginning with its own first character (a
# choice that opens with a choice is tried at every position of a sentence).
DATE_WORD_RE = re.compile(
    "|".join(
        ["1[89]\\d\\d", "20\\d\\d"] + [n[0] + AT_WORD + n[1:] + r"\.?(?!\w)" for n in MONTH_NAMES]
    )
)
# Order matters: the longest forms are tried first and claim their text.
DATE_PATTERNS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    (re.compile(rf"{WORD_THE_DAY}\s+of\s+{MONTHS},?\s+{YEAR}\b"), Precision.DAY),
    (re.compile(rf"{WORD_DAY}\s+{MONTHS},?\s+{YEAR}\b"), Precision.DAY),
    (re.compile(rf"{WORD_MONTHS}\s+{DAY},?\s+{YEAR}\b"), Precision.DAY),
    (
        re.compile(rf"{WORD_THE_DAY}\s+of\s+{MONTHS}(?![\w.])(?!,?\s+{YEAR})"),
        Precision.DAY,
    ),
    (re.compile(rf"{WORD_DAY}\s+{MONTHS}(?![\w.])(?!,?\s+{YEAR})"), Precision.DAY),
    (re.compile(rf"{WORD_MONTHS}\s+{DAY}\b(?!,?\s+{YEAR})(?!:)"), Precision.DAY),
    (re.compile(rf"{WORD_MONTHS},?\s+{YEAR}\b"), Precision.MONTH),
    # "a larger one followed in October": a month of the year the text has reached.
    (
        re.compile(
            rf"\b(?i:in|during|by|until|since|early|late|mid|throughout)\s+(?:-\s*)?{MONTHS}"
            rf"(?![\w.])(?!,?\s+{YEAR})(?!\s+{DAY})"
        ),
        Precision.MONTH,
    ),
    (
        re.compile(
            rf"(?:\b(?:in|during|by|since|early|late|mid|throughout)\s+(?:-\s*)?){YEAR}\b"
            rf"(?![-\u2013/]\d)",
            re.IGNORECASE,
        ),
        Precision.YEAR,
    ),
)
# The word before a month or a year that is not part of the date: "in", "early"...
LEADING_WORD = re.compile(
    r"^(?:in|during|by|since|early|late|mid|throughout)\s+-?\s*", re.IGNORECASE
)
# "on 2 and 17 November 1970", "on 3, 7 and 9 May": days that share the month after them.
DAY_LIST_RE = re.compile(
    rf"\b(?i:on)\s+(?P<days>{DAY}(?:\s*,\s*{DAY})*)\s*,?\s+and\s+(?={DAY}\s+(?P<month>{MONTHS}))"
)
# Where a match of each pattern that opens with a case-blind word or with "\b" and a choice
# of words can begin, found in the lowered sentence: the pattern is tried there only
# (prefilter.finditer), not at every position.
LOW_MONTHS = "(?:" + "|".join(n[:3].lower() for n in MONTH_NAMES) + ")"
STARTS: dict[re.Pattern[str], re.Pattern[str]] = {
    SPAN_RES[0]: re.compile(
        r"(?:between|from)\s+\d|\d\d?(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to|until|through)"
    ),
    DATE_PATTERNS[7][0]: re.compile(
        rf"(?:in|during|by|until|since|early|late|mid|throughout)\s+(?:-\s*)?{LOW_MONTHS}"
    ),
    DATE_PATTERNS[8][0]: re.compile(
        r"(?:in|during|by|since|early|late|mid|throughout)\s+(?:-\s*)?(?:1[89]|20)\d\d"
    ),
    DAY_LIST_RE: re.compile(r"on\s+\d"),
}

# What a sentence holds that a pattern needs, each a bit of a mask (see ``holds``): a month
# name beginning a word, a year, a day before a month ("5 May", "5th of May"), a month
# before a day ("May 5"), a day then a dash or a word of a span and a digit ("5-7", "5 to
# 7", "1974-05"), a day then "and" and a digit ("2 and 7", "4, 9 and 12"), and a month or
# a year after a word such as "in" (as "in May" and "in 1974" need). A pattern is tried
# only in a sentence that holds all it needs, and a test proves each need a necessary
# condition of a match.
HAS_MONTH, HAS_YEAR, DAY_MONTH, DAY_OF_MONTH, MONTH_DAY = 1, 2, 4, 8, 16
DAY_TO_DAY, LEAD_MONTH, LEAD_YEAR, DAY_AND_DAY = 32, 64, 128, 256
HOLDS_ALL = DAY_AND_DAY * 2 - 1  # every fact held
# A pattern whose every match holds a month name at one of ``date_words``'s months needs
# HAS_MONTH, and one whose every match holds a year needs HAS_YEAR: once each month (or
# year) is inside a date found, such a pattern can find none that is not (see dates).
NEEDS: dict[re.Pattern[str], int] = {
    ISO_RE: HAS_YEAR | DAY_TO_DAY,
    MONTH_DAYS_RE: HAS_MONTH | MONTH_DAY | DAY_AND_DAY,
    SPAN_RES[0]: HAS_MONTH | DAY_MONTH | DAY_TO_DAY,
    SPAN_RES[1]: HAS_MONTH | MONTH_DAY | DAY_TO_DAY,
    DATE_PATTERNS[0][0]: HAS_MONTH | HAS_YEAR | DAY_OF_MONTH,
    DATE_PATTERNS[1][0]: HAS_MONTH | HAS_YEAR | DAY_MONTH,
    DATE_PATTERNS[2][0]: HAS_MONTH | HAS_YEAR | MONTH_DAY,
    DATE_PATTERNS[3][0]: HAS_MONTH | DAY_OF_MONTH,
    DATE_PATTERNS[4][0]: HAS_MONTH | DAY_MONTH,
    DATE_PATTERNS[5][0]: HAS_MONTH | MONTH_DAY,
    DATE_PATTERNS[6][0]: HAS_MONTH | HAS_YEAR,
    DATE_PATTERNS[7][0]: HAS_MONTH | LEAD_MONTH,
    DATE_PATTERNS[8][0]: HAS_YEAR | LEAD_YEAR,
    DAY_LIST_RE: DAY_MONTH | DAY_AND_DAY,
}
# What follows each ASCII digit that can end a day: a month's capital (after "of", for
# "the 5th of May"), "and" and a digit (maybe after a comma; also a span's "and"), or a dash
# or a word of a span and a digit. Each digit is looked at on its own (the rest is a
# lookahead), so one day's facts never hide the next one's.
_DAY_FACTS = re.compile(
    r"[0-9](?=(?:st|nd|rd|th)?(?:\s+(of\s+)?[JFMASOND]|\s*,?\s+(and)\s+[0-9]|"
    r"\s*(-|\u2013|\u2014|to|until|through|and)\s*[0-9]))"
)
_MONTH_DAY = re.compile(rf"{WORD_MONTHS}\s+[0-9]")
# A month or a year right after "in", "during"... and the space between (or "-"): its
# first character is seen behind it to end one of those words, in either case, or to be a
# space or "-". Each alternative begins with its own first character, for a fast scan.
_LEAD_END = r"(?:(?<=-.)|(?<=[-\sngyledtNGYLEDT]\s.))"
_LEAD_MONTH = re.compile(
    "(?:"
    + "|".join(n[0] + _LEAD_END + n[1:] for n in MONTH_NAMES)
    + rf")\.?(?![\w.])(?!,?\s+{YEAR})(?!\s+{DAY})"
)
_LEAD_YEAR = re.compile(rf"(?:1{_LEAD_END}[89]\d\d|2{_LEAD_END}0\d\d)\b(?![-\u2013/]\d)")


def date_words(sentence: str) -> tuple[list[int], list[int]]:
    """Where the month names and the years ``DATE_WORD_RE`` finds in a sentence begin (a
    year opens with 1 or 2, a month with a letter). Each month and year a date pattern
    matches begins at one of them (but the month after a list of days, "on 2 and 7 May"):
    each begins a word, and a month ends one."""
    months: list[int] = []
    years: list[int] = []
    for match in DATE_WORD_RE.finditer(sentence):
        start = match.start()
        (years if sentence[start] in "12" else months).append(start)
    return months, years


# The facts looked for only when a pattern that needs one is about to be tried (most
# sentences have every month and year inside a date found before): until then each is
# counted as held.
LATER = MONTH_DAY | LEAD_MONTH | LEAD_YEAR


def holds(sentence: str, months: bool, years: bool) -> int:
    """The mask of what ``sentence`` holds, told whether it holds a month name and a year
    (``date_words``)."""
    return settle(sentence, first_holds(sentence, months, years), LATER)


def first_holds(sentence: str, months: bool, years: bool) -> int:
    """As :func:`holds`, each fact of LATER counted as held."""
    mask = (HAS_MONTH if months else 0) | (HAS_YEAR if years else 0) | LATER
    for of, and_, to in _DAY_FACTS.findall(sentence):
        if and_:
            mask |= DAY_AND_DAY | DAY_TO_DAY
        else:
            mask |= DAY_TO_DAY if to else DAY_OF_MONTH if of else DAY_MONTH
    return mask


def settle(sentence: str, mask: int, facts: int) -> int:
    """``mask`` with each of ``facts`` (of LATER) held only if ``sentence`` holds it."""
    if facts & MONTH_DAY and not (mask & HAS_MONTH and _MONTH_DAY.search(sentence)):
        mask &= ~MONTH_DAY
    if facts & LEAD_MONTH and not (mask & HAS_MONTH and _LEAD_MONTH.search(sentence)):
        mask &= ~LEAD_MONTH
    if facts & LEAD_YEAR and not (mask & HAS_YEAR and _LEAD_YEAR.search(sentence)):
        mask &= ~LEAD_YEAR
    return mask
