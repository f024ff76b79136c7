"""The craft names and part words a text holds, each pattern tried only where a match of it
can begin (see :mod:`.prefilter`): every stage that asks whom a sentence is about asks these
of many clauses."""

from __future__ import annotations

import functools
import itertools
import re

from mission_control.extract import vocabulary
from mission_control.extract.keyword_scan import fold

# Words that, capitalised before a small number, name no craft: months, words that open a
# sentence ("On 3 and 4 July", "Some 40 km"), places and things numbered ("Site 81",
# "Stage 2") and rockets ("Ariane 4", "Delta 2").
_NOT_CRAFT = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"On|In|At|By|To|From|Until|Till|Since|Before|After|About|Around|Some|Only|Of|For|And|"
    r"With|Over|Under|Within|During|Between|Through|Than|Nearly|Almost|Roughly|Just|All|"
    r"Approximately|Each|Every|Both|The|This|That|These|Those|Its|Their|His|Her|Our|Another|"
    r"Day|Days|Sol|Sols|Orbit|Orbits|Revolution|Stage|Block|Complex|Pad|Site|Area|Launch|"
    r"Table|Figure|Fig|Chapter|Volume|Vol|Page|Pages|Part|Phase|Step|Type|Model|Number|"
    r"Channel|Camera|Unit|Level|Station|Platform|Building|Room|Section|Article|Note|Gate|"
    r"Ariane|Atlas|Delta|Titan|Proton|Soyuz|Molniya|Vostok|Zenit|Falcon|Thor|Scout|Agena|"
    r"Centaur|Dnepr|Rokot|Angara|Energia|Tsyklon|Juno|Antares|Minotaur|Pegasus|Taurus|"
    r"Electron|Saturn|Long|Vega|Universal|Coordinated"
)
# Any other craft named as programmes name theirs, a word and a number ("Tern 3",
# "Zarya-V 3"): not a measurement ("Surgut 200 km") nor a numbered place ("Baikonur 81/24").
_ANY_CRAFT = re.compile(
    rf"\b(?!(?:{_NOT_CRAFT})\b)[A-Z][a-z]{{2,}}(?:-[A-Z][A-Za-z]?)?\s\d{{1,3}}[A-Z]?\b"
    r"(?![/.:,]\d|\s*(?:km|mi|m|kg|g|s|h|min|ft|lb|°|%)(?!\w))"
)
# Where every craft name begins, of the known programmes' (all words of four letters or more)
# or any other: a capitalised word, space and a digit. Not a month ("July 1975"): a month
# names no known craft, and _NOT_CRAFT keeps it from being any other (asked only of a word
# a digit follows, the few of a text).
_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
_ANY_NAME = re.compile(
    r"[A-Z][a-z]{2,}+(?=(?:-[A-Z][A-Za-z]?)?\s+\d)"
    + "".join(f"(?<!{m})" for m in _MONTHS)
    + r"(?:-[A-Z][A-Za-z]?)?\s+\d"
)


def craft_names(text: str) -> list[re.Match[str]]:
    """The craft names of ``text`` in order: those of the known programmes, and any other
    word-and-number name (:data:`_ANY_CRAFT`), each a match of its own pattern as its
    ``finditer`` gives them (where a known name is also another, the known one)."""
    hit = _ANY_NAME.search(text)
    if hit is None:
        return []  # as for most texts
    found: list[re.Match[str]] = []
    known_end = other_end = 0
    # Both patterns' matches begin where _ANY_NAME matches, and none begins inside one of its
    # matches (there, no capital stands after a word boundary with two letters after it).
    # Its matches are found as its ``finditer`` finds them, each search from the last end.
    while hit is not None:
        at = hit.start()
        known = vocabulary.CRAFT_NAME.match(text, at) if at >= known_end else None
        if known is not None:
            known_end = known.end()
        other = _ANY_CRAFT.match(text, at) if at >= other_end else None
        if other is not None:
            other_end = other.end()
        match = known or other
        if match is not None:
            found.append(match)
        hit = _ANY_NAME.search(text, hit.end())
    return found


@functools.lru_cache(maxsize=16)
def part_words(text: str) -> tuple[tuple[str, tuple[re.Match[str], ...]], ...]:
    """Each part of :data:`~.vocabulary.PART_WORDS` with its words' matches in ``text``, in
    the table's order (kept for the last texts read: a clause's subject, companions and
    links are each asked of it)."""
    # The fold of the text (keyword_scan.fold) has a part word's lower-case letters where
    # its case-blind pattern reads them, in ASCII or not.
    low = fold(text)
    parts: list[tuple[str, tuple[re.Match[str], ...]]] | None = None
    for part, pattern, i, starts in itertools.compress(_ROWS, hinted_parts(low)):
        matches: list[re.Match[str]] = []
        for hit in starts.finditer(low):
            # The part's matches do not overlap, as its pattern's ``finditer`` gives them.
            if matches and hit.start() < matches[-1].end():
                continue
            match = pattern.match(text, hit.start())
            if match is not None:
                matches.append(match)
        if matches:
            parts = parts or list(_NO_PART_WORDS)
            parts[i] = (part, tuple(matches))
    return _NO_PART_WORDS if parts is None else tuple(parts)


def hinted_parts(low: str) -> tuple[bool, ...]:
    """For each part of :data:`_HINTS`, in its order, whether the fold ``low`` holds one of
    its hints (the tests written out: this is asked of every clause)."""
    return (
        "land" in low or "descent" in low,
        "bus" in low or "coast" in low or "flyby" in low or "carrier" in low,
        "orbiter" in low,
        "capsule" in low,
        "rover" in low,
        "penetrator" in low,
    )


def _by_first_letter(words: list[str]) -> re.Pattern[str]:
    """A pattern finding any of ``words``: of those that match at one place, the first
    listed."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile("|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in groups.items()))


# Words one of which the fold of every word of a part holds, in the order of PART_WORDS: a
# text without one of a part's has none of its words, and is not searched for them.
_HINTS = {
    "lander": ("land", "descent"),
    "bus": ("bus", "coast", "flyby", "carrier"),
    "orbiter": ("orbiter",),
    "capsule": ("capsule",),
    "rover": ("rover",),
    "penetrator": ("penetrator",),
}
# Each part with its pattern, its place, and a pattern finding where a word of it may begin:
# its starts (vocabulary.PART_WORDS) but for their opening \b, which keeps re from skipping
# quickly to a letter a start begins with. A start found inside a word fails the part's
# pattern (which opens with \b) and hides no start of a word: none of its words holds a
# word's start but at its end ("re-"). The starts are grouped by their first letter (in each
# group, longest first), so that a place is tried once for each letter rather than once for
# each word.
_ROWS = tuple(
    (part, pattern, i, _by_first_letter(sorted(starts, key=len, reverse=True)))
    for i, (part, pattern, starts) in enumerate(vocabulary.PART_WORDS)
)
_NO_PART_WORDS: tuple[tuple[str, tuple[re.Match[str], ...]], ...] = tuple(
    (part, ()) for part, _, _, _ in _ROWS
)
