"""The parts an article names as its own, what each carries (the instruments the text lists
for it) and the systems its events speak of."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mission_control.extract import prefilter, vocabulary
from mission_control.extract.document import Document
from mission_control.extract.keyword_scan import fold
from mission_control.extract.names import part_words
from mission_control.extract.subjects import (
    joined_parts,
    own_sentences,
    part_of_subject,
)
from mission_control.model import Event

PART_ORDER: tuple[str, ...] = ("bus", "orbiter", "lander", "capsule", "penetrator", "rover")
"""The order parts are listed in: the craft that carries the others first."""

DESCENDING_PARTS: tuple[str, ...] = ("lander", "capsule", "penetrator", "rover")
"""The parts that go down through an atmosphere or to a surface, by preference."""


# What before a part word says the craft has no such part ("with no lander"), or that the
# word is what the craft is ("Zarya-V 1 was a Soviet lander", the mission's name blanked).
_NO_PART = re.compile(r"\b(?:no|without(?:\s+an?)?|nor|not\s+an?)\s+(?:[\w-]+\s+)?$", re.I)
_IS_A = re.compile(r"\s*(?:was|is)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}", re.I)


def named_parts(doc: Document, name: str = "") -> tuple[str, ...]:
    """The parts the article names as its own, in :data:`PART_ORDER`: a part word in its
    infobox or in a sentence about its own craft; not one in the mission's name ("Mars
    Polar Lander"), in a sentence about another craft ("Mars 2's lander"), said to be
    missing ("with no lander"), or naming what the whole craft is ("X was a Soviet lander",
    a mission type of one part word, "Venus lander")."""
    found: set[str] = set()
    blank = re.compile(re.escape(name), re.I) if name.strip() else None
    for item in doc.infobox:
        said = [part for part, pattern, _ in vocabulary.PART_WORDS if pattern.search(item.value)]
        if len(said) > 1 or "type" not in item.key.lower():
            found.update(said)
    key = name.lower() if name.isascii() else None
    for sentence in own_sentences(doc, name):
        if len(found) == len(PART_ORDER):
            break  # nothing left to find
        text = sentence.text
        if blank is not None:
            low = prefilter.folded(text)
            # In ASCII text the name, ignoring case, is the lowered name in the lowered text.
            if low is None or key is None or key in low:
                text = blank.sub(" ", text)
        for part, matches in part_words(text):
            if part in found:
                continue
            for match in matches:
                before = text[max(0, match.start() - 30) : match.start()]
                if _NO_PART.search(before) or _IS_A.fullmatch(text, 0, match.start()):
                    continue
                found.add(part)
                break
    return tuple(p for p in PART_ORDER if p in found)


def default_part(kind: str, named: Sequence[str]) -> str | None:
    """The part an event of ``kind`` concerns when its sentence names only the spacecraft:
    the part :data:`~.vocabulary.KIND_DEFAULT_PART` gives if the article names it, else the
    first part the article names that goes down to a surface; None (the whole spacecraft)
    when the kind implies no part or the article names none that fits."""
    usual = vocabulary.KIND_DEFAULT_PART.get(kind)
    if usual is None:
        return None
    if usual in named:
        return usual
    return next((p for p in DESCENDING_PARTS if p in named), None)


# Every match of vocabulary.CARRIED holds one of these words (it ignores case): a sentence
# without one is not searched.
CARRIED_WORDS = ("equipped", "fitted", "carri", "housed", "payload", "instruments")


def _may_carry(low: str) -> bool:
    """Whether a fold (:func:`~.keyword_scan.fold`) holds one of CARRIED_WORDS, each tested
    in turn (quicker than any pattern)."""
    return (
        "equipped" in low
        or "fitted" in low
        or "carri" in low
        or "housed" in low
        or "payload" in low
        or "instruments" in low
    )


def read_instruments(doc: Document) -> dict[str, tuple[str, ...]]:
    """Each part's instruments, from the sentences saying what the part carried."""
    out: dict[str, list[str]] = {}
    for sentence in doc.sentences:
        if not _may_carry(fold(sentence.text)):
            continue
        verb = vocabulary.CARRIED.search(sentence.text)
        if not verb:
            continue
        part = part_of_subject(sentence.text[: verb.start()])
        if part is None:
            continue
        items = _list_items(sentence.text[verb.end() :])
        for item in items:
            if item not in out.setdefault(part, []):
                out[part].append(item)
    return {part: tuple(items) for part, items in out.items() if items}


_LIST_END = re.compile(
    r"(?:,\s*|\s+)(?:(?:and|but)\s+)?(?:was|were|is|are|had|has|have)\b|"
    r",\s*(?:which|while|but|although|though|whereas)\b",
    re.I,
)
_PURPOSE_RE = re.compile(r"\s+(?:to|for|that|which|in\s+order\s+to)\s+.*$", re.I)


def _list_items(text: str) -> list[str]:
    """Instrument names from a list such as ``a thermometer and barometer to determine ..., and
    instruments ... including a mass spectrometer``."""
    text = re.split(r"[.;]", text, maxsplit=1)[0]
    # The list ends where the sentence goes on to say something else of its subject
    # ("..., and was cooled before launch", "..., which ...").
    text = _LIST_END.split(text, maxsplit=1)[0]
    text = re.sub(r"\bincluding\b", ",", text, flags=re.I)
    chunks = [c.strip() for c in re.split(r",", text) if c.strip()]
    items: list[str] = []
    for raw in chunks:
        chunk = re.sub(r"^(?:and|or)\s+", "", raw, flags=re.I)
        study = re.match(
            r"^(?:an?\s+|the\s+)?instruments?\s+to\s+(?:study|measure|detect|record)\s+(.+?)"
            r"(?:\s+(?:from|of|in|on|at)\s+.*)?$",
            chunk,
            re.I,
        )
        if study:
            subject = study.group(1)
            words = subject.split()
            words[-1] = _singular(words[-1])
            items.append(f"{' '.join(words)} instrument")
            continue
        chunk = re.sub(
            r"^(?:an?|the|two|three|several)\s+", "", _PURPOSE_RE.sub("", chunk), flags=re.I
        )
        if not chunk or (
            re.fullmatch(r"(?:array\s+of\s+)?instruments?|\w+", chunk, re.I)
            and (chunk.lower().startswith(("instrument", "array")))
        ):
            continue
        parts = [p.strip() for p in re.split(r"\s+and\s+", chunk) if p.strip()]
        parts = [re.sub(r"^(?:an?|the)\s+", "", p, flags=re.I) for p in parts]
        if len(parts) > 1:
            head = parts[-1].split()[-1]
            for i, piece in enumerate(parts[:-1]):
                if not vocabulary.INSTRUMENT_HEAD.search(piece.split()[-1]) and len(head) > 1:
                    parts[i] = f"{piece} {head}"
        items.extend(p for p in parts if not p.lower().startswith(("instrument", "array")))
    return [i for i in items if len(i) > 2]


def _singular(word: str) -> str:
    if word.endswith("xes"):
        return word[:-2]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def part_systems(
    events: tuple[Event, ...], instruments: dict[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """Each part's rows: the instruments the text lists, then the part's own systems that the
    events speak of (an event of the whole spacecraft speaks for the bus, or for the orbiter
    of a craft whose events name an orbiter and no bus). A sentence speaks
    only for its subject, not for a part it names as going along with it ("flew past along
    with the coast stage" after a retrorocket failure names no retro-rockets of the bus)."""
    systems: dict[str, list[str]] = {p: [] for p in instruments}
    order = [name for name, _, _ in vocabulary.SYSTEM_WORDS]
    # Whether each sentence speaks of each system, read once however many events it states
    # and only while a system is one its event's part has not yet got; and the parts it
    # names as going along, read only when a system would be added by it.
    spoken: dict[tuple[int, int], dict[str, bool]] = {}
    joined: dict[tuple[int, int], list[str]] = {}
    # The main part as the replay takes it (``phases.main_part``): an orbiter-and-lander
    # craft has no bus.
    parts = {event.part for event in events}
    main = next((p for p in ("bus", "orbiter") if p in parts), "bus")
    for event in events:
        part = main if event.part == "spacecraft" else event.part
        have = systems.get(part, ())
        if len(have) == len(order):
            continue  # the part has every system already
        for provenance in event.provenance:
            sentence, span = provenance.sentence, provenance.span
            said = spoken.setdefault(span, {})
            new = []
            for name, pattern, words in vocabulary.SYSTEM_WORDS:
                if name in have:
                    continue
                speaks = said.get(name)
                if speaks is None:
                    low = prefilter.folded(sentence)
                    speaks = said[name] = bool(
                        prefilter.has_any(low, words) and pattern.search(sentence)
                    )
                if speaks:
                    new.append(name)
            if not new:
                continue
            along = joined.get(span)
            if along is None:
                along = joined[span] = joined_parts(sentence)
            if part not in along:
                systems.setdefault(part, []).extend(new)
                have = systems[part]
    return {p: tuple(sorted(names, key=order.index)) for p, names in systems.items() if names}
