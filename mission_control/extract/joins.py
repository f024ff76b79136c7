"""The other parts a clause joins to its subject's: "along with the coast stage", "the lander
and the bus"."""

from __future__ import annotations

from mission_control.extract import prefilter, vocabulary
from mission_control.extract.names import part_words


def companion_parts(text: str, part: str) -> list[str]:
    """Other parts a clause joins to its subject's: "along with the coast stage", "together
    with the bus", "the lander and the bus" (a part word right after the joining words; for
    "and", only when the clause's first part word, its subject's, is right before it: "the
    lander separated from the bus and the bus flew past" names no companion)."""
    found: list[str] = []
    # A part word after a join is one of the text's part words: with none but the subject's,
    # there is nothing to look for.
    others = [(p, _PATTERN_OF[p]) for p, ms in part_words(text) if ms and p != part]
    if not others:
        return found
    first: tuple[int, str] | None = None
    joins = prefilter.finditer(
        vocabulary.COMPANION, vocabulary.COMPANION_STARTS, text, prefilter.folded(text)
    )
    for join in joins:
        if join.group(0)[:3].lower() == "and":
            first = first or first_part_word(text)
            if first != (space_before(text, join.start()), part):
                continue
        for other, pattern in others:
            if other not in found and pattern.match(text, join.end()):
                found.append(other)
    return found


_PATTERN_OF = {part: pattern for part, pattern, _ in vocabulary.PART_WORDS}


def first_part_word(text: str) -> tuple[int, str]:
    """Where the first part word of ``text`` ends, and its part (``(-1, "")`` if none)."""
    first: tuple[int, int, str] | None = None  # its start, end and part
    for name, ms in part_words(text):
        if ms and (first is None or (ms[0].start(), ms[0].end(), name) < first):
            first = (ms[0].start(), ms[0].end(), name)
    return (-1, "") if first is None else first[1:]


def space_before(text: str, end: int) -> int:
    """Where the run of spaces that ends at ``end`` starts (``end`` when there is none)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
