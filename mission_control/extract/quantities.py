"""Finding the quantities a sentence states: numbers and ranges with their units, and the
conversion a text gives in brackets. Plain regular expressions over the unit table of
:mod:`.notation`, so finding never loads pint.

Decisions worth knowing:

* ``Quantity.text`` is the sentence text of the whole span, parenthesised conversion included
  (``"48,000 kilometres (30,000 mi)"``); ``stated.text`` is the inner part (``"30,000 mi"``),
  after a word such as ``about`` that may open the brackets. A ``between X and Y`` range
  includes the word ``between`` in its span and text; its conversion may read ``(X and Y)``.
* ``Quantity.unit`` is pint's canonical unit string; ``mph`` and ``miles per hour`` are both
  ``"mile_per_hour"``, ``km/h`` and ``kilometres per hour`` both ``"kilometer / hour"``.
* Significant figures follow :func:`~mission_control.notation.sig_figs`; a range gets
  the smaller count of its two ends (``5,600 to 600`` has 1).
* One-letter symbols (``m s h t K``) need whitespace between number and symbol (so
  ``1970s`` is a decade, not 1970 seconds); longer symbols may be attached (``1300km``);
  word units may also be hyphenated (``1,600-kilometre``). Every unit must be followed by a
  non-letter, non-digit.
* European decimal commas and plain ASCII spaces as thousands separators are not read.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from mission_control.extract.keyword_scan import fold
from mission_control.model import Quantity
from mission_control.notation import (
    GROUP_SEP,
    NUMBER_CORE,
    SYMBOLS,
    SYMBOLS1,
    WORDS,
    sig_figs,
    to_float,
)

__all__ = ["find_quantities"]

# A first number: not glued to a word, a decimal point, a clock time, a slash designation, a
# digit group or a hyphenated number before it (``No.50P``, ``09:05:53``, ``81/23``, ``1958-2000``).
_NUMBER_RE = re.compile(rf"(?<![\w.,:/])(?<![0-9][-–—−])(?<![0-9]{GROUP_SEP}){NUMBER_CORE}")
# Where a first number may begin: a sign or digit not glued to a word, a decimal point, a
# clock time or a slash designation (_NUMBER_RE's first lookbehind, tested after the
# character so that ``re`` skips quickly to the characters it may begin with).
_NUMBER_AT = re.compile(r"[-−0-9](?<![\w.,:/][-−0-9])")
# The second number of a range, right after its connector.
_NEXT_NUMBER_RE = re.compile(NUMBER_CORE)


def _alternation(spellings: dict[str, str], space: str) -> str:
    ordered = sorted(spellings, key=len, reverse=True)
    return "|".join(space.join(re.escape(part) for part in s.split(" ")) for s in ordered)


_WORD_UNITS = _alternation(WORDS, r"\s+")
_SYMBOL_UNITS = _alternation(SYMBOLS, "") + r"|°\s?[CF]"
_SYMBOL1_UNITS = _alternation(SYMBOLS1, "")
_UNIT_END = r"(?![^\W_]|[/^·])"  # a unit is never followed by a letter, digit, / ^ or ·
_UNIT_RE = re.compile(
    rf"(?:(?:\s|-)?(?P<word>(?i:{_WORD_UNITS}))"
    rf"|\s?(?P<symbol>{_SYMBOL_UNITS})"
    rf"|\s(?P<symbol1>{_SYMBOL1_UNITS})){_UNIT_END}"
)


_Tree = dict[str, "_Tree"]


def _trie(spellings: list[str], space: str) -> str:
    """One alternation of ``spellings`` (lowercase) as a tree of their letters, each place
    a choice of letters that ``re`` tells apart by the next character alone; longer ones
    tried first, so it matches what :func:`_alternation`'s does (the spellings that match at
    one place are each the start of the next, and both try the longest first)."""
    tree: _Tree = {}
    for spelling in spellings:
        node = tree
        for char in spelling:
            node = node.setdefault(char, {})
        node[""] = {}

    def alternation(node: _Tree) -> str:
        branches = [
            (space if char == " " else re.escape(char)) + alternation(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return group
        return ("(?:" + group + ")" if len(branches) == 1 else group) + "?"

    return alternation(tree)


# ``re`` tries each alternative of a case-insensitive alternation in full at every place it
# is asked. So in an ASCII sentence (where ignoring case is comparing lowered letters) word
# units are matched in the lowered sentence, as a tree of letters (:func:`_trie`), and
# symbols, which heed case, in the sentence: in the order _UNIT_RE tries them.
_WORD_TREE = _trie(list(WORDS), r"\s+")
_WORD_UNIT_RE = re.compile(rf"(?:\s|-)?(?P<word>{_WORD_TREE}){_UNIT_END}")
_SYMBOL_UNIT_RE = re.compile(
    rf"(?:\s?(?P<symbol>{_SYMBOL_UNITS})|\s(?P<symbol1>{_SYMBOL1_UNITS})){_UNIT_END}"
)
# Every quantity has a number whose last digit a unit follows (its own, or a range's second
# number's): in a lowered ASCII sentence, a digit then a unit of any case. A sentence
# without one states no quantity, and is not read further. (No unit begins with a digit:
# only a number's last digit is tried.)
_DIGIT_UNIT_RE = re.compile(
    rf"[0-9](?![0-9])(?:(?:\s|-)?(?:{_WORD_TREE})"
    rf"|\s?(?:{_trie([s.lower() for s in SYMBOLS], '')}|°\s?[cf])"
    rf"|\s(?:{_trie([s.lower() for s in SYMBOLS1], '')})){_UNIT_END}"
)
_CONNECTOR_RE = re.compile(r"\s*[-–—]\s*|\s+to\s+")
_BETWEEN_CONNECTOR_RE = re.compile(r"\s*[-–—]\s*|\s+to\s+|\s+and\s+")
_BETWEEN_BEFORE_RE = re.compile(r"(?i)(?<![^\W_])between\s+$")
_PAREN_OPEN_RE = re.compile(r"\s*\(\s*(?:(?:about|approximately|approx\.|c\.|ca\.|~|≈)\s*)?")
_PAREN_CLOSE_RE = re.compile(r"\s*\)")


class _Read(NamedTuple):
    """One quantity read from a sentence, before it becomes a :class:`Quantity`."""

    start: int
    end: int
    literals: tuple[str, ...]
    unit: str
    between: bool = False
    """Whether the quantity is a range written "between x and y" (its span starts there)."""
    values: tuple[float, ...] = ()
    """The values of ``literals``."""


def _unit_at(sentence: str, pos: int, low: str | None) -> tuple[str, int] | None:
    """The unit (pint's string) written at ``pos`` and where it ends, or None; ``low`` is the
    sentence lowered if it is ASCII (see :data:`_WORD_UNIT_RE`), else None."""
    if low is None:
        m = _UNIT_RE.match(sentence, pos)
        word = m["word"] if m is not None else None
    else:
        m = _WORD_UNIT_RE.match(low, pos)
        word = m["word"] if m is not None else None
        if m is None:
            m = _SYMBOL_UNIT_RE.match(sentence, pos)
    if m is None:
        return None
    if word is not None:
        return WORDS[" ".join(fold(word).split())], m.end()
    if m["symbol"] is not None:
        sym = "".join(m["symbol"].split())
        return SYMBOLS[sym], m.end()
    return SYMBOLS1[m["symbol1"]], m.end()


def _read_at(
    sentence: str, low: str | None, number: re.Match[str], *, between: bool = False
) -> _Read | None:
    """Read a quantity or range whose first number is ``number``, or None. ``low`` is the
    sentence lowered if it is ASCII, else None. ``between``: the range may be ``X and Y``
    without its word ``between`` (the brackets after a ``between`` range)."""
    read = _read_parts(sentence, low, number, between)
    if read is None or not all(map(math.isfinite, read.values)):
        return None
    return read


def _read_parts(
    sentence: str, low: str | None, number: re.Match[str], between: bool
) -> _Read | None:
    start = number.start()
    first_unit = _unit_at(sentence, number.end(), low)
    pos = first_unit[1] if first_unit else number.end()
    if first_unit is None and _BETWEEN_CONNECTOR_RE.match(sentence, pos) is None:
        return None  # no unit, and no second number after it: most numbers (dates, years)
    # The word "between" is in the lowered sentence wherever the pattern finds it: within the
    # stretch the pattern is asked about (looked for there alone, or a sentence of many
    # numbers would be read once for each of them).
    reach = max(0, start - 40)
    before = (
        _BETWEEN_BEFORE_RE.search(sentence, reach, start)
        if low is None or low.find("between", reach, start) >= 0
        else None
    )
    connectors = _BETWEEN_CONNECTOR_RE if before or between else _CONNECTOR_RE
    connector = connectors.match(sentence, pos)
    if connector is not None:
        second = _NEXT_NUMBER_RE.match(sentence, connector.end())
        if second is not None:
            second_unit = _unit_at(sentence, second.end(), low)
            if second_unit and (first_unit is None or first_unit[0] == second_unit[0]):
                literals = (number.group(), second.group())
                return _Read(
                    before.start() if before else start,
                    second_unit[1],
                    literals,
                    second_unit[0],
                    before is not None,
                    (to_float(literals[0]), to_float(literals[1])),
                )
    if first_unit is None:
        return None
    literal = number.group()
    return _Read(start, first_unit[1], (literal,), first_unit[0], False, (to_float(literal),))


def _quantity(sentence: str, read: _Read, stated: Quantity | None) -> Quantity:
    values = read.values
    return Quantity(
        text=sentence[read.start : read.end],
        value=values[0] if len(values) == 1 else (values[0], values[1]),
        unit=read.unit,
        stated=stated,
        sig_figs=min(sig_figs(x) for x in read.literals),
    )


def find_quantities(
    sentence: str, folded: str | None = None
) -> list[tuple[Quantity, tuple[int, int]]]:
    """Every quantity written in ``sentence`` with its ``(start, end)`` character span.

    The span (and ``Quantity.text``) covers the number or range, the unit and a parenthesised
    conversion if one follows (that conversion becomes ``Quantity.stated``). Years, dates,
    clock times, page ranges, designations and numbers without a unit are not quantities.
    ``folded``: the sentence's fold (:func:`.keyword_scan.fold`), if already made: for an
    ASCII sentence, the sentence lowered.
    """
    if sentence.isascii():
        view = sentence.lower() if folded is None else folded
        low: str | None = view
    else:
        # The fold has each letter a case-blind unit reads as its lower-case ASCII letter, and
        # keeps every other character of a unit, lowered, and whether each is a word character,
        # a space or a digit: a unit written in any letters is a lowered unit in it.
        low, view = None, fold(sentence) if folded is None else folded
    if _DIGIT_UNIT_RE.search(view) is None:
        return []
    return _quantities(sentence, low)


def _first_number(sentence: str, pos: int) -> re.Match[str] | None:
    """The first number of ``sentence`` from ``pos`` on, as ``_NUMBER_RE.search`` finds it:
    tried only where :data:`_NUMBER_AT` finds one may begin."""
    while (at := _NUMBER_AT.search(sentence, pos)) is not None:
        number = _NUMBER_RE.match(sentence, at.start())
        if number is not None:
            return number
        pos = at.start() + 1
    return None


def _quantities(sentence: str, low: str | None) -> list[tuple[Quantity, tuple[int, int]]]:
    """:func:`find_quantities` of ``sentence``, lowered as ``low`` if it is ASCII (else None)."""
    found: list[tuple[Quantity, tuple[int, int]]] = []
    pos = 0
    while (number := _first_number(sentence, pos)) is not None:
        read = _read_at(sentence, low, number)
        if read is None:
            pos = number.end()
            continue
        end, stated = read.end, None
        opening = _PAREN_OPEN_RE.match(sentence, end)
        inner_number = _NUMBER_RE.match(sentence, opening.end()) if opening else None
        if inner_number is not None:
            inner = _read_at(sentence, low, inner_number, between=read.between)
            closing = _PAREN_CLOSE_RE.match(sentence, inner.end) if inner else None
            if inner is not None and closing is not None:
                stated = _quantity(sentence, inner, None)
                end = closing.end()
        whole = _Read(read.start, end, read.literals, read.unit, False, read.values)
        found.append((_quantity(sentence, whole, stated), (read.start, end)))
        pos = end
    return found
