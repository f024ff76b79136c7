"""Which kinds of event a clause names, and which of its stated moments each kind belongs to."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence

import msgspec

from mission_control.extract import kind_guards as guards
from mission_control.extract import vocabulary
from mission_control.extract.keyword_scan import fold, scan
from mission_control.extract.relative_words import RelativeWords
from mission_control.extract.spans import Claimed


class Keyword(msgspec.Struct, frozen=True):
    """Where a clause names an event of some kind; ``rank`` is its row in the table;
    ``planned`` when the clause says the event was due, not that it happened. A Struct, not
    a dataclass: an article names thousands, and a Struct is made in a tenth of the time."""

    start: int
    end: int
    rank: int
    kind: str
    planned: bool = False


# Keywords in order of the text, and of the table where two start together.
_IN_ORDER = operator.attrgetter("start", "rank")


def _rank(kind: str) -> int:
    return next(
        (i for i, (k, *_) in enumerate(vocabulary.KIND_PATTERNS) if k == kind),
        len(vocabulary.KIND_PATTERNS),
    )


# After "to make a" or "to have", a verb of PLANNED_VERBS or a keyword of any kind.
_PLANNED_OR_KIND = (*vocabulary.PLANNED_VERBS, *((k, p) for k, p, *_ in vocabulary.KIND_PATTERNS))


def _planned_verbs(
    text: str, folded: str, starts: tuple[str, ...]
) -> tuple[list[Keyword], list[tuple[int, int]]]:
    """The events a clause says were due ("was due to land"), each keyword at its verb, and
    the stretches of text (the phrase and its verb) that no other row may read; ``starts``:
    those of PLANNED_TO the clause holds."""
    found: list[Keyword] = []
    spans: list[tuple[int, int]] = []
    if vocabulary.PLANNED_TO_CORE.search(folded) is None:
        return found, spans
    for marker in scan(vocabulary.PLANNED_TO, text, folded, starts):
        at = marker.end()
        if spans and at <= spans[-1][1]:
            continue
        # A noun ("a landing") only after a verb that takes it: "due to a failure" is a cause.
        table = _PLANNED_OR_KIND if marker.group("verb") else vocabulary.PLANNED_VERBS
        for kind, pattern in table:
            verb = pattern.match(text, at)
            if verb is not None and verb.end() > at:
                found.append(Keyword(verb.start(), verb.end(), _rank(kind), kind, True))
                spans.append((marker.start(), verb.end()))
                break
    return found, spans


# How far before "scheduled for" the keyword it speaks of may end (PLANNED_BEFORE_GAP's
# length): a nearer bound than the clause keeps each look constant.
_BEFORE_REACH = 40


def _mark_planned(
    text: str,
    folded: str,
    for_starts: tuple[str, ...],
    adjective_starts: tuple[str, ...],
    keywords: list[Keyword],
) -> list[Keyword]:
    """The keywords with those that "scheduled for" or "the planned" speaks of marked
    planned: the keyword right after such a phrase, else the one just before it (each
    phrase's pattern tried at the starts given)."""
    for_ = scan(vocabulary.PLANNED_FOR, text, folded, for_starts)
    adjective = scan(vocabulary.PLANNED_ADJECTIVE, text, folded, adjective_starts)
    if not (for_ or adjective):
        return keywords
    starts = [k.start for k in keywords]
    marked: set[int] = set()
    for phrase in for_:
        gap = vocabulary.PLANNED_AFTER_GAP.match(text, phrase.end())
        after = bisect.bisect_left(starts, phrase.end())
        if gap is not None and after < len(keywords) and keywords[after].start == gap.end():
            marked.add(after)
            continue
        before = bisect.bisect_right(starts, phrase.start()) - 1
        near = phrase.start() - _BEFORE_REACH
        if before >= 0 and near <= keywords[before].end <= phrase.start():
            between = text[keywords[before].end : phrase.start()]
            if vocabulary.PLANNED_BEFORE_GAP.fullmatch(between):
                marked.add(before)
    for phrase in adjective:
        after = bisect.bisect_left(starts, phrase.end())
        if after < len(keywords) and keywords[after].start == phrase.end():
            marked.add(after)
    return [
        Keyword(k.start, k.end, k.rank, k.kind, True) if i in marked else k
        for i, k in enumerate(keywords)
    ]


def find_keywords(text: str) -> list[Keyword]:
    """Every event keyword of a clause, in order, with what did not happen blanked out and
    what was only due marked planned; where two rows match the same words the row listed
    first keeps them."""
    folded = fold(text)
    (due, hypothetical_starts, later_starts, parachute, rows, for_starts, adjective_starts) = _plan(
        _held_mask(folded)
    )
    if not rows and not due:
        return []  # no row may match, and nothing was due
    planned: list[Keyword] = []
    blanked = text
    if due:
        planned, spans = _planned_verbs(text, folded, due)
        blanked = _blanked(text, spans)
    if not rows:
        return planned  # in order of the text, as PLANNED_TO's matches are
    # The folded text's cues and starts still stand for the blanked text: a blank is no
    # letter of either.
    if hypothetical_starts:
        hypothetical = scan(vocabulary.HYPOTHETICAL, blanked, folded, hypothetical_starts)
        if hypothetical:
            blanked = _blanked(blanked, [m.span() for m in hypothetical])
    # Where the last word of KIND_LATER starts (-1: none), found once for the clause.
    later = -1
    if later_starts:
        later_words = scan(vocabulary.KIND_LATER, blanked, folded, later_starts)
        if later_words:
            later = later_words[-1].start()
            if parachute:
                blanked = _parachute_words(blanked, folded, later_words)
    kept: list[Keyword] = []
    taken: Claimed | None = None
    for rank, kind, pattern, starts, needs_later, at_word in rows:
        matches = scan(pattern, blanked, folded, starts)
        if not matches:
            continue
        if not kept and not needs_later and not at_word:
            kept = [Keyword(m.start(), m.end(), rank, kind) for m in matches if m.end() > m.start()]
            continue
        if kept and taken is None:
            taken = Claimed()
            taken.add((k.start, k.end) for k in kept)
        # A row's own matches never overlap, so only earlier rows' keywords are checked.
        found = [
            Keyword(*(m.span("word") if at_word and m.group("word") else m.span()), rank, kind)
            for m in matches
            if m.end() > m.start()
            and not (needs_later and m.group("later") is not None and later < m.end())
            and not (taken is not None and taken.overlaps(m.start(), m.end()))
        ]
        kept.extend(found)
        if taken is not None:
            taken.add((k.start, k.end) for k in found)
    if not kept:
        return planned
    if len(kept) > 1:
        kept.sort(key=_IN_ORDER)
    if for_starts or adjective_starts:
        kept = _mark_planned(text, folded, for_starts, adjective_starts, kept)
    return sorted([*kept, *planned], key=_IN_ORDER) if planned else kept


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span made spaces."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _parachute_words(text: str, folded: str, later_words: list[re.Match[str]]) -> str:
    """The text with the first word of KIND_LATER (``later_words``, found in it) after each
    parachute blanked: "its parachute was jettisoned" names a parachute, not a separation."""
    chars: list[str] | None = None
    starts = [m.start() for m in later_words]
    for parachute in scan(_PARACHUTE, text, folded, _PARACHUTE_CUES):
        k = bisect.bisect_left(starts, parachute.end())
        if k < len(later_words):
            chars = chars if chars is not None else list(text)
            word = later_words[k]
            chars[word.start() : word.end()] = " " * (word.end() - word.start())
    return "".join(chars) if chars is not None else text


_plan = guards.plan
# The names of kind_guards that the tests of the cues and starts read here.
_PARACHUTE, _PARACHUTE_CUES = guards.PARACHUTE, guards.PARACHUTE_CUES
_CUES, _STARTS = guards.CUES, guards.STARTS
_held_in, _held_mask = guards.held_in, guards.held_mask


def kind_of(keywords: Sequence[Keyword]) -> str | None:
    """The kind of a clause that states no time: the first row of the table its keywords
    match (a planned event is not dated by the day stated before)."""
    actual = [k for k in keywords if not k.planned]
    return min(actual, key=lambda k: k.rank).kind if actual else None


# What may stand between a keyword and the moment it states ("landed on", "launched at").
def plans(text: str) -> bool:
    """Whether a stretch of text says what follows was only due ("was scheduled for")."""
    held = _held_in(fold(text))
    return bool(
        (not held.isdisjoint(vocabulary.PLANNED_FOR_CUES) and vocabulary.PLANNED_FOR.search(text))
        or (not held.isdisjoint(vocabulary.PLANNED_TO_CUES) and vocabulary.PLANNED_TO.search(text))
    )


def unplaced_keywords(
    text: str, keywords: Sequence[Keyword], moments: Sequence[tuple[int, bool]], used: set[int]
) -> list[tuple[Keyword, int]]:
    """Each keyword of a dated clause that no moment took (``used``: their ids) and that
    names an event on the day of the moment before it, with that moment's index among
    ``moments`` (each a start and whether it is timed): "it entered the atmosphere at 07:02,
    and its parachute was jettisoned" states the day, not the time. Left out: a keyword
    only planned; one before every moment; one after a day alone ("launched on 5 May 1975
    and later landed": only a timed moment keeps the clause to the hours of one day); one
    that failed ("its retrorockets failed to fire"); one timed from another moment ("a
    minute later")."""
    starts = [start for start, _ in moments]
    found = []
    relative = RelativeWords(text)
    for keyword in keywords:
        if id(keyword) in used or keyword.planned:
            continue
        after = bisect.bisect_right(starts, keyword.start)
        if not after or not moments[after - 1][1]:
            continue
        stop = starts[after] if after < len(starts) else len(text)
        if relative.between(keyword.end, stop) or vocabulary.FAILED_AFTER.match(text, keyword.end):
            continue
        found.append((keyword, after - 1))
    return found


# "inserted into orbit around Mars on": a few words, then the preposition.
_LEADS_IN = re.compile(
    r"[\s,]*(?:(?:[\w'\u2019-]+\s+){0,4}?(?:on|at|in|by|until|of)\s+(?:the\s+)?)?", re.I
)

# What may stand between two dates of one list ("23 February, 28 February and 25 March").
_LIST_GAP = re.compile(r"[\s,;]*(?:(?:and|or|then|as\s+well\s+as)\s+)?(?:(?:on|in)\s+)?", re.I)


def assign_kinds(
    text: str, spans: Sequence[tuple[int, int]], keywords: Sequence[Keyword]
) -> list[str | None]:
    """The kind of each stated moment of a clause (see :func:`assign_keywords`)."""
    return [k.kind if k is not None else None for k in assign_keywords(text, spans, keywords)]


def assign_keywords(
    text: str, spans: Sequence[tuple[int, int]], keywords: Sequence[Keyword]
) -> list[Keyword | None]:
    """The keyword of each stated moment of a clause. Each keyword serves one moment: a moment
    takes the nearest keyword between it and the moment before it, else the nearest between it
    and the moment after it that does not lead straight into that moment; a date in a list
    with no keyword of its own shares the kind of the date before it."""
    if not keywords:
        return [None] * len(spans)
    if len(spans) == 1:
        return [_only_moment(spans[0], keywords)]
    # Keywords never overlap, so sorted by start they are sorted by end too: the keywords
    # within a stretch of text are a run of indexes, found by binary search.
    starts = [k.start for k in keywords]
    ends = [k.end for k in keywords]
    return _each_moment(text, spans, keywords, starts, ends)


def _each_moment(
    text: str,
    spans: Sequence[tuple[int, int]],
    keywords: Sequence[Keyword],
    starts: list[int],
    ends: list[int],
) -> list[Keyword | None]:
    """:func:`assign_keywords` for any number of moments, the keywords' starts and ends
    given."""
    free = _Unclaimed(len(keywords))
    kinds: list[Keyword | None] = []

    def within(a: int, b: int) -> tuple[int, int]:
        return bisect.bisect_left(starts, a), bisect.bisect_right(ends, b)

    for i, (start, end) in enumerate(spans):
        lo = spans[i - 1][1] if i else 0
        hi = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        pick = free.last(*within(start, end))
        if pick is None:
            pick = free.last(*within(lo, start))
        # Only a moment that has no keyword yet may share the one of the date before it.
        listed = (
            pick is None
            and i
            and kinds[-1] is not None
            and _LIST_GAP.fullmatch(text, lo, start) is not None
        )
        if pick is None and not listed:
            pick = free.first(*within(end, hi))
            # "... and it was to have landed on D2": a keyword right before the next moment
            # is that moment's, not this one's.
            if (
                pick is not None
                and i + 1 < len(spans)
                and _LEADS_IN.fullmatch(text, keywords[pick].end, spans[i + 1][0])
            ):
                pick = None
        if pick is not None:
            free.claim(pick)
            kinds.append(keywords[pick])
        elif listed:
            kinds.append(kinds[-1])
        else:
            kinds.append(None)
    return kinds


def _only_moment(span: tuple[int, int], keywords: Sequence[Keyword]) -> Keyword | None:
    """:func:`assign_keywords` for a clause of one moment, which claims nothing from another:
    the last keyword within it, else the last before it, else the first after it (a clause
    names few keywords, in order and apart: one walk finds all three)."""
    start, end = span
    within = before = after = None
    for keyword in keywords:
        if keyword.end <= start:
            before = keyword
        elif keyword.start >= end:
            after = keyword
            break
        elif keyword.start >= start and keyword.end <= end:
            within = keyword
    return within or before or after


class _Unclaimed:
    """Indexes ``0..n-1`` not yet claimed; the first or last one in a range is found in
    near-constant time (each claimed index points past itself, paths halved as they are
    walked)."""

    def __init__(self, n: int) -> None:
        self._next = list(range(n + 1))  # the first unclaimed index >= i (n: none)
        self._prev = list(range(n + 1))  # one more than the last unclaimed index < i+1 (0: none)

    @staticmethod
    def _find(links: list[int], i: int) -> int:
        while links[i] != i:
            links[i] = links[links[i]]
            i = links[i]
        return i

    def first(self, lo: int, hi: int) -> int | None:
        """The first unclaimed index in ``[lo, hi)``."""
        if lo >= hi:
            return None
        i = self._find(self._next, lo)
        return i if i < hi else None

    def last(self, lo: int, hi: int) -> int | None:
        """The last unclaimed index in ``[lo, hi)``."""
        if lo >= hi:
            return None
        i = self._find(self._prev, hi) - 1
        return i if i >= lo else None

    def claim(self, i: int) -> None:
        self._next[i] = i + 1
        self._prev[i + 1] = i
