"""Whom a sentence is about: the article's own spacecraft or another, and which part of it."""

from __future__ import annotations

import re

from mission_control.extract import vocabulary

_PREPOSITIONS = frozenset(
    ["from", "with", "by", "of", "to", "into", "aboard", "on", "in", "onto", "along"]
)

# Words after which another spacecraft is named only for comparison ("Unlike Mars 4, ...").
_COMPARED = re.compile(
    r"\b(?:unlike|like|than|with|alongside|as|from|by|of|to)\s+(?:the\s+)?$", re.I
)
# "Its twin, Phobos 1, ...": a possessive that belongs to the other craft's name.
_ITS_OTHER = re.compile(r"\b(?:its|their)\s+(?:[\w-]+,?\s+){0,3}$", re.I)


def part_of_subject(text: str) -> str | None:
    """The part a sentence is about: the first part noun not governed by a preposition."""
    best: tuple[int, str] | None = None
    for part, pattern in vocabulary.PART_WORDS:
        for match in pattern.finditer(text):
            before = text[: match.start()].split()[-2:]
            if any(w.lower() in _PREPOSITIONS for w in before[-2:-1] + before[-1:]) and not (
                before and before[-1].lower().endswith("'s")
            ):
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), part)
            break
    return best[1] if best else None


def about_other_craft(text: str, own: str) -> bool:
    """True when the first spacecraft a sentence is about is not the article's own."""
    own_re = re.compile(re.escape(own), re.I) if own else None
    first_other = next(
        (
            m
            for m in vocabulary.CRAFT_NAME.finditer(text)
            if m.group(0).lower() != own.lower() and not _COMPARED.search(text[: m.start()])
        ),
        None,
    )
    if first_other is None:
        return False
    other_start = first_other.start()
    its = _ITS_OTHER.search(text[:other_start])
    if its:
        other_start = its.start()
    own_match = own_re.search(text) if own_re else None
    self_match = next(
        (
            m
            for m in vocabulary.GENERIC_SELF.finditer(text)
            if not (its and its.start() <= m.start() < first_other.end())
        ),
        None,
    )
    part_match = next((m for _, p in vocabulary.PART_WORDS if (m := p.search(text))), None)
    first_own = min(
        (m.start() for m in (own_match, self_match, part_match) if m is not None), default=None
    )
    return first_own is None or other_start < first_own
