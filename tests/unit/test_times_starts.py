"""find_times tries its patterns only where a time or a window can begin (a clock's first
digit, or a word such as "about", "between" or "from" before one), found in the lowered
sentence: it finds just what the patterns find tried everywhere."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st
from support.fuzzing import FUZZ

from mission_control.extract import prefilter, times

PIECES = [
    " ", "  ", "\t", ":", "0", "1", "2", "3", "5", "9", "12", "23", "05", "45", "59", "60",
    ".5", ".", "/", "-", "\u2013", "to", "and", "until", "till", "between", "Between", "from",
    "FROM", "about", "About", "approximately", "around", "roughly", "Roughly", "~", "c.",
    "ca.", "circa", "Circa", "UTC", "UT", "GMT+3", "Z", "MSK", "Moscow time", "EST", "p.m.",
    "am", "x", "\u0661", "\u212a",
]  # fmt: skip
sentences = st.lists(st.sampled_from(PIECES), max_size=16).map("".join) | st.lists(
    st.sampled_from(PIECES), max_size=12
).map(" ".join)


def spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@FUZZ
@given(sentences)
@example("between 17:51 and 18:03 UT, from ~01:00 to 01:30, about 12:30 p.m., Circa 9:05")
@example("ca.  07:45 MSK and c.23:59:59.5 Z, roughly\t4:05")
def test_a_time_pattern_tried_where_it_can_begin_finds_what_it_finds_anywhere(
    text: str,
) -> None:
    low = prefilter.folded(text)
    for pattern, starts in (
        (times._TIME_RE, times._TIME_STARTS),
        (times._BETWEEN_RE, times._BETWEEN_STARTS),
    ):
        found = prefilter.finditer(pattern, starts, text, low)
        assert spans(found) == spans(list(pattern.finditer(text))), (pattern.pattern[:30], text)
        assert [m.groupdict() for m in found] == [m.groupdict() for m in pattern.finditer(text)]
