"""Whom a sentence is about: the article's own spacecraft or another, and which part of it."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mission_control.extract import prefilter, vocabulary
from mission_control.extract.joins import companion_parts, first_part_word, space_before
from mission_control.extract.keyword_scan import fold
from mission_control.extract.names import craft_names, hinted_parts, part_words

if TYPE_CHECKING:
    from mission_control.extract.document import Document, Sentence

_PREPOSITIONS = frozenset(
    ["from", "with", "by", "of", "to", "into", "aboard", "on", "in", "onto", "along"]
)

# Words after which another spacecraft is named only for comparison ("Unlike Mars 4, ...").
_COMPARED = re.compile(r"\b(?:unlike|like|than|with|alongside|as|from|by|of|to)$", re.I)
_THE = re.compile(r"the$", re.I)
# "Its twin, Phobos 1, ...": a possessive that belongs to the other craft's name.
_ITS_OTHER = re.compile(r"\b(?:its|their)\s+(?:[\w-]+,?\s+){0,3}$", re.I)


def _words_before(text: str, end: int, n: int) -> list[str]:
    """The last ``n`` words of ``text[:end]``, as ``text[:end].split()[-n:]``, read back from
    ``end``: each place asked costs its own words only."""
    words: list[str] = []
    while len(words) < n:
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0:
            break
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        words.append(text[start:end])
        end = start
    words.reverse()
    return words


def may_name_part(text: str, folded: str | None = None) -> bool:
    """Whether ``text`` may hold a part word (one of :data:`~.vocabulary.PART_WORDS`): a
    text without one of the words each holds (the hints of :func:`.names.hinted_parts`,
    each a search for a fixed string, written out as this is asked of every clause) has no
    part to find. ``folded``: its fold, if already made."""
    low = fold(text) if folded is None else folded
    return (
        "land" in low
        or "orbiter" in low
        or "bus" in low
        or "descent" in low
        or "coast" in low
        or "flyby" in low
        or "carrier" in low
        or "capsule" in low
        or "rover" in low
        or "penetrator" in low
    )


# A link named with the craft at its far end ("contact with the lander", "signals from the
# orbiter"): with no part as its subject, the sentence is about that craft.
_LINK = (
    r"\b(?:contact|communications?|signals?|telemetry|transmissions?|radio\s+link|link|data"
    r"|word)"
)
_LINK_TO = re.compile(
    _LINK + r"\s+(?:(?:was|were)\s+(?:received|heard)\s+)?(?:with|from|of)\s+(?:the\s+|its\s+)?$",
    re.I,
)
# A link whose far end is "it" ("no signal was received from it", "contact with it was
# lost"): the craft the sentence before was about.
_LINK_TO_IT = re.compile(_LINK + r"\b(?:\s+\w+){0,3}?\s+(?:with|from)\s+it\b", re.I)
# Every match of _LINK_TO_IT holds one of these, and "with" or "from" (lowered).
_LINK_WORDS: tuple[str, ...] = ("contact", "communication", "signal", "telemetry", "link")
_LINK_WORDS += ("transmission", "data", "word")


def without_name(text: str, name: str) -> str:
    """The text with the mission's own name blanked ("Pioneer Venus Orbiter" names no part)."""
    if not name.strip():
        return text
    if not name.isascii():
        return re.sub(re.escape(name), lambda m: " " * len(m.group(0)), text, flags=re.I)
    # The name ignoring case is the lowered name in the fold of the text (which has each
    # letter a case-blind match reads as its lower-case ASCII letter, and no other).
    low = fold(text)
    key = name.lower()
    at = low.find(key)
    if at < 0:
        return text
    pieces: list[str] = []
    end = 0
    while at >= 0:
        pieces += [text[end:at], " " * len(key)]
        end = at + len(key)
        at = low.find(key, end)
    pieces.append(text[end:])
    return "".join(pieces)


# A clause whose subject is a pronoun, after an optional opening phrase ("Initially, it ...").
_PRONOUN_SUBJECT = re.compile(r"^(?:[A-Z][\w-]*(?:\s+[\w'-]+){0,3},\s+)?(?:it|its|it's)\b", re.I)


def opens_with_it(text: str) -> bool:
    """Whether a clause's subject is "it" or "its" (after an opening phrase, perhaps)."""
    # In ASCII, such a subject opens the clause or follows the comma after an opening phrase.
    if "," not in text and text[:2].lower() != "it" and text.isascii():
        return False
    return _PRONOUN_SUBJECT.match(text) is not None


@functools.lru_cache(maxsize=8)
def links_to_it(text: str) -> bool:
    """Whether a clause speaks of a link with "it": of contact, signals or word from it
    (kept for the last clauses read: every draft of a long clause may ask)."""
    low = prefilter.folded(text)
    if low is not None and not (
        ("with" in low or "from" in low) and prefilter.has_any(low, _LINK_WORDS)
    ):
        return False
    return _LINK_TO_IT.search(text) is not None


def part_of_subject(text: str) -> str | None:
    """The part a sentence is about: the first part noun not governed by a preposition; else
    the first at the far end of a link the sentence speaks of ("Contact with the lander was
    lost")."""
    best: tuple[int, str] | None = None
    linked: tuple[int, str] | None = None
    for part, matches in part_words(text):
        for match in matches:
            start = match.start()
            if best is not None and start > best[0]:
                break  # once a subject is found, a part word after it changes nothing
            before = [w.lower() for w in _words_before(text, start, 2)]
            if not _PREPOSITIONS.isdisjoint(before) and not before[-1].endswith("'s"):
                if (linked is None or start < linked[0]) and _LINK_TO.search(
                    text, max(0, start - 40), start
                ):
                    linked = (start, part)
                continue
            if best is None or start < best[0]:
                best = (start, part)
            break
    found = best or linked
    return found[1] if found else None


# Where a sentence goes on to a clause with a subject of its own ("..., while the lander
# landed at 05:13"): a part named after one of these is the subject of what follows it.
# After ", which" the subject is the noun before the comma ("released the lander, which
# landed at 13:50").
# "and the orbiter ..." without a comma starts a clause only right after a date or a time
# ("on 20 October 1975 and the orbiter entered orbit"): "the lander and the bus separated"
# is one subject.
_CLAUSE_BREAK = re.compile(
    r";\s*|,\s+(?:(?:while|whereas|but|and|as|when|after\s+which)\s+(?=(?:the|its)\s)"
    r"|(?P<which>which)\s+)|(?:(?<=\d)|(?<=UTC)|(?<=UT)|(?<=GMT)|(?<=time))\s+and\s+"
    r"(?=(?:the|its)\s)",
    re.I,
)
# Where a match of _CLAUSE_BREAK can begin, in the fold of the text: at a ";" or "," (where
# _PUNCTUATION_STARTS looks, fast, as it opens with one of two characters), or at the spaces
# before an "and the" or "and its" (which _AND_THE finds, fast, as it opens with a word).
_PUNCTUATION_STARTS = r";|,\s+(?:while|whereas|but|and|as|when|after|which)\s"
_CLAUSE_BREAK_STARTS = re.compile(_PUNCTUATION_STARTS + r"|\s+and\s+(?:the|its)\s")
_BREAK_AT_PUNCTUATION = re.compile(_PUNCTUATION_STARTS)
_AND_THE = re.compile(r"and\s+(?:the|its)\s")
# A part word that ends where a ", which" begins.
_PART_BEFORE = 40
# "it" as a clause's subject after an opening phrase ("On 12 February it was ..."); an "it"
# or "its" that opens the clause means the craft of the sentence before.
_IT_LATER = re.compile(r"^\s*\S.*?\bit\b", re.I)


# The subject of a ", which" clause that follows another craft's name ("observed Vega 1
# and Vega 2, which flew past Venus on 11 and 15 June"): what it states is not the article's.
OTHER_CRAFT = "another craft"


def subjects_at(
    text: str, offsets: Sequence[int], subject_of: Callable[[str], str | None], craft: str = ""
) -> list[str | None]:
    """For each offset of ``text`` (a stated time), the subject ``subject_of`` finds in the
    clause around it, between the clause breaks ("the lander landed at 05:13 UTC" in "The
    orbiter entered orbit on 22 October, while the lander landed at 05:13 UTC"); in a
    ", which" clause, the part named just before it; in a clause that names none, the
    subject of the clauses before it, not of one after it ("Orbit insertion was planned
    for 1 August, and the lander ..." names no part for the orbit insertion) unless its
    "it" is that one; after another craft's name than ``craft``, :data:`OTHER_CRAFT`. Each
    clause is read once, however many times it states."""
    breaks, starts, ends = _clauses(text)
    if not breaks:  # one clause: its own subject, or none
        return [subject_of(text)] * len(offsets) if offsets else []
    # carried[k]: the subject clause k is about, from it or the clauses before it.
    carried: list[str | None] = []
    whole: list[str | None] = []
    out: list[str | None] = []
    for at in offsets:
        k = max(0, bisect.bisect_right(starts, at) - 1)
        while len(carried) <= k:
            j = len(carried)
            clause = text[starts[j] : ends[j]]
            own = None
            if j and breaks[j - 1].group("which"):
                # "which" is the clause's subject: the part before it, whatever it names.
                end = breaks[j - 1].start()
                own = _part_ending_at(text, end) or _other_craft_ending_at(text, end, craft)
            own = own or subject_of(clause)
            if own is None and j:
                own = carried[j - 1]
            if own is None and _IT_LATER.match(clause):
                # "On 12 February it was intended to land, but the lander was never
                # released": an "it" the sentence goes on to name.
                whole = whole or [subject_of(text)]
                own = whole[0]
            carried.append(own)
        out.append(carried[k])
    return out


@functools.lru_cache(maxsize=8)
def _clauses(text: str) -> tuple[list[re.Match[str]], list[int], list[int]]:
    """The breaks between the clauses of ``text`` (:data:`_CLAUSE_BREAK`), and where each
    clause starts and ends (kept for the last texts read: a clause's times and the clause
    after it ask)."""
    # The fold has each letter the case-blind pattern reads as its lower-case ASCII letter,
    # and a space or digit where the text has one: in ASCII or not, a break begins where
    # the starts find one in it.
    low = fold(text)
    starts = _CLAUSE_BREAK_STARTS
    if _AND_THE.search(low) is None:
        if ";" not in text and "," not in text:
            return [], [0], [len(text)]
        starts = _BREAK_AT_PUNCTUATION
    breaks = prefilter.finditer(_CLAUSE_BREAK, starts, text, low)
    if not breaks:
        return breaks, [0], [len(text)]
    return breaks, [0, *(m.end() for m in breaks)], [*(m.start() for m in breaks), len(text)]


def last_subject(text: str, subject_of: Callable[[str], str | None]) -> str | None:
    """The subject of the last clause of ``text`` that names one: the craft an "it" in the
    sentence after most likely means ("the orbiter entered orbit, and the lander entered the
    atmosphere. Its parachute ..." is the lander's)."""
    breaks, starts, ends = _clauses(text)
    if not breaks:
        return subject_of(text)
    for start, end in zip(reversed(starts), reversed(ends), strict=True):
        found = subject_of(text[start:end])
        if found:
            return found
    return None


def _part_ending_at(text: str, end: int) -> str | None:
    """The part whose word ends at ``end`` ("the lander" before ", which")."""
    start = max(0, end - _PART_BEFORE)
    # A part's word holds one of its hints (.names.hinted_parts), in the fold of the stretch
    # it lies in too.
    hinted = hinted_parts(fold(text[start:end]))
    for part, pattern, _ in itertools.compress(vocabulary.PART_WORDS, hinted):
        for match in pattern.finditer(text, start, end):
            if match.end() == end:
                return part
    return None


def _other_craft_ending_at(text: str, end: int, own: str) -> str | None:
    """:data:`OTHER_CRAFT` when a craft name other than ``own`` ends at ``end``."""
    start = max(0, end - _PART_BEFORE)
    for match in craft_names(text[start:end]):
        if match.end() == end - start and match.group(0).lower() != own.lower():
            return OTHER_CRAFT
    return None


_CARRIERS = frozenset({"bus", "orbiter"})


_CONTACT_KINDS = frozenset({"loss-of-contact", "last-contact"})
# A part's own link after its word: "the lander's signals", "the probe's telemetry".
_LINK_OWNED = re.compile(
    r"['\u2019]s\s+(?:radio\s+)?(?:signals?|data|transmissions?|telemetry|link)\b", re.I
)


def freed_part(kind: str, subject: str, text: str) -> str:
    """The part an event told of ``subject`` concerns: a separation told of a carrier ("the
    bus separated from the descent module", "the orbiter released the lander") is the part
    it frees, the first other part the clause names; the contact a relay lost ("the bus
    relayed the lander's signals until 07:59") is with the part at the link's far end; any
    other event is its subject's."""
    if kind in _CONTACT_KINDS:
        return _linked_part(text, subject) or subject
    if kind != "separation" or subject not in _CARRIERS:
        return subject
    other = [(ms[0].start(), part) for part, ms in part_words(text) if part not in _CARRIERS and ms]
    return min(other)[1] if other else subject


@functools.lru_cache(maxsize=8)
def _linked_part(text: str, subject: str) -> str | None:
    """The first part other than ``subject`` that a clause names as the far end of a link:
    "the lander's signals", "signals from the lander". Kept for the last clauses read: every
    draft of a long clause asks."""
    found: list[tuple[int, str]] = []
    for part, matches in part_words(text):
        if part == subject:
            continue
        for match in matches:
            if _LINK_OWNED.match(text, match.end()) or _LINK_TO.search(
                text, max(0, match.start() - 40), match.start()
            ):
                found.append((match.start(), part))
                break
    return min(found)[1] if found else None


def joined_parts(text: str) -> list[str]:
    """The parts a clause names as going along with its subject, whichever part that is:
    after "along with" or "together with" any part ("the probe ... flew past along with
    the coast stage" joins the bus, though the coast stage is the first part word), after
    "and" one right after the first part word ("the lander and the bus" joins the bus)."""
    subject = first_part_word(text)[1]
    joined = companion_parts(text, "")
    return joined + [p for p in companion_parts(text, subject) if p not in joined]


def own_sentences(doc: Document, own: str) -> list[Sentence]:
    """The document's sentences that are not about another craft than ``own`` (read once for
    every stage that asks)."""
    found = doc.own.get(own)
    if found is None:
        found = doc.own[own] = [s for s in doc.sentences if not about_other_craft(s.text, own)]
    return found


def about_other_craft(text: str, own: str) -> bool:
    """True when the first spacecraft a sentence is about is not the article's own."""
    first_other = next(
        (
            m
            for m in craft_names(text)
            if m.group(0).lower() != own.lower() and not _compared_before(text, m.start())
        ),
        None,
    )
    if first_other is None:
        return False
    other_start = first_other.start()
    its = _ITS_OTHER.search(text[:other_start])
    if its:
        other_start = its.start()
    own_match = re.search(re.escape(own), text, re.I) if own else None
    selves = prefilter.finditer(
        vocabulary.GENERIC_SELF, vocabulary.GENERIC_SELF_STARTS, text, prefilter.folded(text)
    )
    self_match = next(
        (m for m in selves if not (its and its.start() <= m.start() < first_other.end())),
        None,
    )
    part_match = next((ms[0] for _, ms in part_words(text) if ms), None)
    first_own = min(
        (m.start() for m in (own_match, self_match, part_match) if m is not None), default=None
    )
    return first_own is None or other_start < first_own


def _compared_before(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends with a word of comparison and a space, perhaps then "the"
    and a space ("unlike the "): read back from ``end`` rather than searched for in all the
    text before it."""
    start = space_before(text, end)
    if start == end:
        return False
    if _COMPARED.search(text, max(0, start - 12), start):
        return True
    if not _THE.search(text, max(0, start - 3), start):
        return False
    word_end = space_before(text, start - 3)
    return (
        word_end < start - 3 and _COMPARED.search(text, max(0, word_end - 12), word_end) is not None
    )
