"""The counted offsets of a clause and the keywords an offset counts from are found past
gates asked of the clause's fold: each must find what running its patterns over the clause
finds, however the clause is spelt."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control.extract import relative
from mission_control.extract.kinds import Keyword
from tests.unit.test_relative_gates_fold import clauses, spelt

_AROUND = st.sampled_from(["", " ", "it landed ", "x", "5 ", ", and ", "2 hours "])
_COUNTED = st.one_of(
    *(
        st.from_regex(pattern, fullmatch=True).flatmap(spelt)
        for pattern in (relative._AFTER_RE, relative._LATER_RE, relative._ANCHORED_RE)
    )
)
texts = clauses | st.tuples(_AROUND, _COUNTED, _AROUND, _COUNTED).map("".join)


def _every_offset(text: str) -> list[relative.Relative]:
    found = [*relative._LATER_RE.finditer(text), *relative._AFTER_RE.finditer(text)]
    return [relative._counted(m) for m in sorted(found, key=lambda m: m.start())]


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(texts)
def test_the_gated_offsets_are_every_offset(text: str) -> None:
    assert relative.counted_offsets(text) == _every_offset(text)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(texts)
def test_the_gated_anchors_are_every_anchor(text: str) -> None:
    keywords = [Keyword(i, i + 1, 0, "landing") for i in range(0, len(text), 3)]
    spans = [m.span("anchor") for m in relative._ANCHORED_RE.finditer(text)]
    every = [k for k in keywords if not any(a <= k.start < b for a, b in spans)]
    assert relative.without_anchors(text, keywords) == every


def test_a_gate_that_misses_an_offset_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The property above can fail: "after ..." tried at no start misses its offset."""
    text = "the engine stopped after 14.5 seconds"
    assert relative.counted_offsets(text) == _every_offset(text) != []
    monkeypatch.setattr(relative, "_AFTER_STARTS", ("afterwards",))
    assert relative.counted_offsets(text) != _every_offset(text)
