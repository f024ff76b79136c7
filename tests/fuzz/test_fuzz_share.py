"""Fuzzing the shared replay's decoder with what a broken or hostile peer could send: JSON
objects with the message's fields holding any JSON value, and any bytes. The only outcomes
are a state whose fields are in range, or MessageError in one line."""

from __future__ import annotations

import math

import msgspec
from hypothesis import given
from hypothesis import strategies as st
from support.fuzzing import FUZZ

from mission_control.share.protocol import MessageError, decode

FIELDS = (
    "v", "seq", "tick", "wall", "speed", "auto", "direction", "playing", "held", "loop",
    "focus", "presenter", "by",
)  # fmt: skip
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=80),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
VALID = {
    "v": st.just(1), "seq": st.integers(0, 2**63), "tick": st.floats(), "wall": st.floats(),
    "speed": st.floats(), "auto": st.booleans(), "direction": st.sampled_from([-1, 1]),
    "playing": st.booleans(), "held": st.none() | st.floats(), "loop": st.booleans(),
    "focus": st.none() | st.text(max_size=300), "presenter": st.text(max_size=70),
    "by": st.text(max_size=70),
}  # fmt: skip


def check(line: bytes) -> None:
    try:
        state = decode(line)
    except MessageError as exc:
        assert "\n" not in str(exc)
        return
    assert state.v == 1 and state.seq >= 0 and state.direction in (1, -1)
    assert math.isfinite(state.tick) and math.isfinite(state.wall) and state.speed > 0
    assert state.held is None or (math.isfinite(state.held) and state.held >= 0)
    assert all(s.isprintable() for s in (state.presenter, state.by, state.focus or ""))


@given(st.fixed_dictionaries({}, optional={k: st.one_of(VALID[k], JSON) for k in FIELDS}))
@FUZZ
def test_any_object_of_the_messages_fields(fields: dict[str, object]) -> None:
    try:
        line = msgspec.json.encode(fields)
    except (msgspec.EncodeError, OverflowError):
        return
    check(line)


@given(st.binary(max_size=5000))
@FUZZ
def test_any_bytes(data: bytes) -> None:
    check(data)
