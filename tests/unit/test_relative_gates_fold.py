"""The relative-time gates are asked of the clause's fold, in ASCII or not: each must pass
wherever its pattern matches the clause however it is spelt, and find_relative must find what
trying every pattern finds."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st
from support.fuzzing import FUZZ
from support.spellings import ODD_SPACED, oddly_written

from mission_control.extract import relative
from mission_control.extract.keyword_scan import fold
from mission_control.model import Precision
from tests.unit.test_relative_gates import PIECES


def spelt(text: str) -> st.SearchStrategy[str]:
    """The text oddly written, spaces too."""
    return oddly_written(text, ODD_SPACED, 5)


clauses = (
    st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join)
    | st.lists(st.sampled_from(PIECES), max_size=10).map("".join)
).flatmap(spelt)


def _every_pattern(text: str) -> relative.Relative | None:
    """find_relative as it reads a clause when every pattern is tried."""
    found = []
    if anchored := relative._ANCHORED_RE.search(text):
        anchor = relative._ANCHORS[" ".join(anchored.group("anchor").lower().split())]
        found.append(replace(relative._counted(anchored), anchor=anchor))
    if later := relative._LATER_RE.search(text):
        found.append(relative._counted(later))
    if following := relative._NEXT_DAY_RE.search(text):
        found.append(relative.Relative(following.span(), timedelta(days=1), Precision.DAY))
    if same := relative._SAME_DAY_RE.search(text):
        found.append(relative.Relative(same.span(), timedelta(0), Precision.DAY))
    if then := relative._THEN_RE.search(text):
        found.append(relative.Relative(then.span(), timedelta(0), Precision.SECOND))
    return min(found, key=lambda r: r.span[0], default=None)


def _missed(
    text: str, gates: tuple[tuple[re.Pattern[str], Callable[[str], bool]], ...]
) -> list[str]:
    """The patterns that match the text although their gates fail its fold."""
    low = fold(text)
    return [pattern.pattern[:40] for pattern, may in gates if pattern.search(text) and not may(low)]


@FUZZ
@given(clauses)
def test_a_pattern_matches_only_where_its_gate_passes_the_fold(text: str) -> None:
    assert not _missed(text, relative.GATES), text


@FUZZ
@given(clauses)
def test_find_relative_finds_what_every_pattern_finds(text: str) -> None:
    assert relative.find_relative(text) == _every_pattern(text), text


def test_each_gate_passes_its_own_phrases_spelt_oddly() -> None:
    said = [
        "two hours after touchdown",
        "TWO HOURS AFTER LIFT-OFF",
        "three days after atmospheric\tentry",
        "two hour\u017f later",
        "the next day",
        "the day after",
        "later that day",
        "later in the evening",
        "\u0130mmediately afterwards",
        "shortly thereafter",
        "a few minutes later",
        "after that",
        "\u017fince then",
    ]
    for text in said:
        low = fold(text)
        matched = [may(low) for pattern, may in relative.GATES if pattern.search(text)]
        assert matched and all(matched), text


def test_a_gate_too_narrow_is_caught() -> None:
    """The property above can fail: a gate that asked for "later" alone of the same-day
    pattern would miss "shortly afterwards"."""
    text = "shortly afterwards it landed"
    assert not _missed(text, relative.GATES)
    narrow = tuple(
        (pattern, (lambda low: "later" in low) if pattern is relative._SAME_DAY_RE else may)
        for pattern, may in relative.GATES
    )
    assert _missed(text, narrow)
