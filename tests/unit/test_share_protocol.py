"""A shared replay's messages: what is sent reads back the same, anything else is one
MessageError naming what is wrong; and the names a shared replay may have."""

from __future__ import annotations

import contextlib
import math
import pkgutil
import subprocess
import sys

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control import share
from mission_control.clock_setting import ClockSetting
from mission_control.share.protocol import (
    MAX_LINE,
    MAX_SPEED,
    MIN_SPEED,
    BadName,
    MessageError,
    State,
    check_name,
    decode,
    encode,
    state_of,
)

SMALL = settings(max_examples=400, deadline=None, derandomize=True, database=None)

SETTING = ClockSetting(
    tick=1_000.5, wall=12.0, speed=3600.0, auto=True, direction=-1, playing=True, held=None,
    loop=False,
)  # fmt: skip
STATE = state_of(SETTING, seq=7, wall=1.7e9, focus="mars6", presenter="p1", by="ann@kiosk")
VALID = encode(STATE)


def test_a_message_is_one_compact_json_line_that_reads_back() -> None:
    assert VALID.endswith(b"\n") and VALID.count(b"\n") == 1
    assert b" " not in VALID
    assert decode(VALID) == STATE
    assert decode(VALID.rstrip(b"\n")) == STATE
    assert STATE.setting(5.0) == SETTING._replace(wall=5.0)


def _with(**fields: object) -> bytes:
    data = msgspec.json.decode(VALID)
    data.update(fields)
    return msgspec.json.encode(data)


@pytest.mark.parametrize(
    ("line", "named"),
    [
        (b"", "truncated"),
        (b"not json", "malformed"),
        (b"[1, 2]", "array"),
        (_with(v=2), "protocol 2"),
        (_with(seq=-1), "seq"),
        (_with(speed=0.0), "speed"),
        (_with(speed=-5.0), "speed"),
        (_with(speed=1e308), "speed 1e\\+308 is not from"),
        (_with(speed=1e-9), "speed 1e-09 is not from"),
        (_with(direction=0), "direction"),
        (_with(direction=2), "direction"),
        (_with(tick="soon"), "tick"),
        (_with(held=-1.0), "held"),
        (_with(focus="x" * 257), "focus"),
        (_with(by="evil\x1b[2J"), "by"),
        (_with(presenter="line\u2028break"), "presenter has a character"),
        (_with(extra=1), "extra"),
        (b'{"v": 1}', "seq"),
        (VALID.replace(b"1000.5", b"1e999"), "range"),
        (b"{" + b" " * MAX_LINE + b"}", str(MAX_LINE)),
    ],
)
def test_a_malformed_message_is_refused_naming_what_is_wrong(line: bytes, named: str) -> None:
    with pytest.raises(MessageError, match=named):
        decode(line)


@given(st.binary(max_size=600))
@SMALL
def test_any_bytes_decode_or_raise_message_error_only(data: bytes) -> None:
    try:
        state = decode(data)
    except MessageError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(state, State)


@given(st.data())
@SMALL
def test_a_mutated_message_decodes_or_raises_message_error_only(data: st.DataObject) -> None:
    line = bytearray(VALID)
    for _ in range(data.draw(st.integers(1, 6))):
        kind = data.draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = data.draw(st.integers(0, max(0, len(line) - 1)))
        if kind == "flip" and line:
            line[at] = data.draw(st.integers(0, 255))
        elif kind == "cut":
            del line[at:]
        elif kind == "insert":
            line[at:at] = data.draw(
                st.sampled_from([b"0", b"-", b'"', b"{", b"]", b"null", b"1e9999", b"\x00"])
            )
        elif line:
            del line[at]
    with contextlib.suppress(MessageError):
        decode(bytes(line))


@given(
    st.fixed_dictionaries(
        {
            "seq": st.integers(-5, 2**70),
            "tick": st.floats(allow_nan=True, allow_infinity=True),
            "speed": st.floats(allow_nan=True, allow_infinity=True),
            "direction": st.integers(-3, 3),
            "held": st.none() | st.floats(allow_nan=True, allow_infinity=True),
            "focus": st.none() | st.text(max_size=80),
        }
    )
)
@SMALL
def test_out_of_range_fields_are_message_errors(fields: dict[str, object]) -> None:
    try:
        line = _with(**fields)
    except (msgspec.EncodeError, OverflowError):
        return
    try:
        state = decode(line)
    except MessageError:
        return
    assert MIN_SPEED <= state.speed <= MAX_SPEED
    assert state.direction in (1, -1) and state.seq >= 0
    assert math.isfinite(state.tick)
    assert state.held is None or math.isfinite(state.held)


@pytest.mark.parametrize("field", ["tick", "wall", "speed", "held"])
def test_a_number_too_large_for_a_float_is_a_message_error(field: str) -> None:
    # JSON has no infinity, but 1e999 reads as one: no clock may be sent there.
    line = _with(**{field: 12345.5}).replace(b"12345.5", b"1e999")
    with pytest.raises(MessageError, match=field):
        decode(line)


@pytest.mark.parametrize("speed", [0.5, 1.0, 604_800.0, 2 * 604_800.0])
def test_every_speed_a_presenter_may_run_at_decodes(speed: float) -> None:
    assert decode(_with(speed=speed)).speed == speed


@pytest.mark.parametrize("name", ["default", "class-3B", "kiosk_1.lobby", "a", "x" * 64])
def test_safe_names_are_accepted(name: str) -> None:
    assert check_name(name) == name


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("a/b", "'/'"),
        ("..", "starts with a dot"),
        (".hidden", "starts with a dot"),
        ("nul\x00", "'\\x00'"),
        ("tab\there", "'\\t'"),
        ("café", "'é'"),
        ("sp ace", "' '"),
        ("", "empty"),
        ("x" * 65, "65 characters"),
    ],
)
def test_an_unsafe_name_is_one_line_naming_it_and_why(name: str, why: str) -> None:
    with pytest.raises(BadName) as caught:
        check_name(name)
    message = str(caught.value)
    assert "\n" not in message and repr(name) in message and why in message


@given(st.text(max_size=80))
@SMALL
def test_a_name_is_accepted_only_if_it_is_a_plain_file_name(name: str) -> None:
    try:
        check_name(name)
    except BadName:
        return
    assert "/" not in name and not name.startswith(".") and name.isprintable()
    assert 1 <= len(name) <= 64 and name.isascii()


@pytest.mark.parametrize(
    "module",
    [
        *(f"mission_control.share.{m.name}" for m in pkgutil.iter_modules(share.__path__)),
        "mission_control.clock_setting",
        "mission_control.time_sources",
    ],
)
def test_nothing_of_the_shared_replay_imports_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False", f"{module} pulls in textual"


@given(by=st.text(max_size=100), focus=st.none() | st.text(max_size=300))
@SMALL
def test_whatever_a_presenter_is_called_its_messages_decode(by: str, focus: str | None) -> None:
    state = state_of(SETTING, seq=1, wall=0.0, focus=focus, presenter=by, by=by)
    assert decode(encode(state)) == state
    assert state.by.isprintable() and len(state.by) <= 64
