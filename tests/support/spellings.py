"""Made-up text for the reader's property tests of its gates: every way a pattern can match,
and text written as a case-blind pattern reads it alike (the other case, a dotted or dotless
I, a long s, the Kelvin sign), so that a gate asked of a clause's fold is tried on both."""

from __future__ import annotations

import re
import re._parser as sre_parse
from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

# Letters that a case-insensitive pattern reads as ASCII letters, and other characters a cue
# may hold, to put into made-up text in place of their ASCII look-alikes.
ODD = {"i": "\u0130\u0131I", "s": "\u017fS", "k": "\u212aK", "'": "\u2019"}
# The same letters, and spaces other than the space.
ODD_SPACED = {"i": "\u0130\u0131I", "s": "\u017fS", "k": "\u212aK", " ": "\t\n\u00a0"}
# A few characters to put around a match, some of them odd.
AROUND = st.text(alphabet=" ,.;-'\u2019tsaeiTSA\u0131\u017f", max_size=6)

_CATEGORY_CHAR = {"CATEGORY_SPACE": " ", "CATEGORY_WORD": "a", "CATEGORY_DIGIT": "1"}


def _cover(items: Any) -> list[str]:
    """Strings that between them take every alternative of every branch, every character of
    every set and every optional part of a parsed pattern once, the rest at its first choice
    (assertions left out: a string need not match, and those that do are checked)."""
    parts: list[list[str]] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            parts.append([chr(av)])
        elif name == "NOT_LITERAL":
            parts.append(["a" if av != ord("a") else "b"])
        elif name == "IN":
            if str(av[0][0]) == "NEGATE":
                assert ("LITERAL", ord("a")) not in [(str(o), a) for o, a in av]
                parts.append(["a"])
            else:
                parts.append(
                    [
                        chr(a)
                        if str(o) == "LITERAL"
                        else chr(a[0])
                        if str(o) == "RANGE"
                        else _CATEGORY_CHAR[str(a)]
                        for o, a in av
                    ]
                )
        elif name == "BRANCH":
            parts.append([s for branch in av[1] for s in _cover(branch)])
        elif name == "SUBPATTERN":
            parts.append(_cover(av[3]))
        elif name in {"MAX_REPEAT", "MIN_REPEAT"}:
            low, _, inner = av
            once = _cover(inner)
            parts.append(
                ([""] if low == 0 else []) + [v + once[0] * (max(low, 1) - 1) for v in once]
            )
        else:
            assert name in {"AT", "ASSERT", "ASSERT_NOT"}, name
    firsts = [p[0] for p in parts]
    return [
        "".join([*firsts[:i], v, *firsts[i + 1 :]]) for i, part in enumerate(parts) for v in part
    ] or [""]


def odd_spellings(text: str) -> list[str]:
    """The text, and it written three other ways a case-blind pattern reads alike."""
    return [
        text,
        text.upper(),
        text.replace("i", "\u0131").replace("s", "\u017f").replace("k", "\u212a"),
        text.replace("i", "\u0130").replace("'", "\u2019"),
    ]


def every_way(pattern: re.Pattern[str]) -> list[str]:
    """Every way the pattern can match (see :func:`_cover`), each in every odd spelling."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    return [odd for text in _cover(parsed.data) for odd in odd_spellings(text)]


@st.composite
def oddly_written(draw: st.DrawFn, text: str, odd: Mapping[str, str] = ODD, rarity: int = 7) -> str:
    """The text with some letters in the other case or as an ``odd`` look-alike, each letter
    changed one time in ``rarity + 1``."""
    out = []
    for ch in text:
        choice = draw(st.integers(0, rarity))
        if choice == 0:
            out.append(ch.swapcase())
        elif choice == 1 and ch.lower() in odd:
            out.append(draw(st.sampled_from(odd[ch.lower()])))
        else:
            out.append(ch)
    return "".join(out)


def twice_among(data: st.DataObject, pattern: re.Pattern[str]) -> str:
    """A match of the pattern, oddly written, twice, with a few characters around each."""
    match = data.draw(st.from_regex(pattern, fullmatch=True).flatmap(oddly_written))
    return data.draw(AROUND) + match + data.draw(AROUND) + match
