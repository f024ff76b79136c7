"""What a shared replay sends: the presenter's clock state, never its key presses.

A message is one line of compact JSON. JSON rather than msgpack (which the cache uses): a
line frames itself on a stream socket with no length prefix, a NATS subject carries the same
bytes, and a person can read the traffic with ``nats sub`` or ``socat``. Both are msgspec's,
already a dependency: decoding is typed and strict, so anything malformed is a
:class:`MessageError` naming what was wrong, never another exception.
"""

from __future__ import annotations

import math
import re
from typing import Annotated

import msgspec

from mission_control.clock_setting import ClockSetting
from mission_control.speed import SPEED_LADDER

__all__ = [
    "DEFAULT_NAME",
    "MAX_LINE",
    "MAX_SPEED",
    "MIN_SPEED",
    "PROTOCOL",
    "BadName",
    "MessageError",
    "State",
    "check_name",
    "decode",
    "encode",
    "state_of",
]

PROTOCOL = 1
"""The messages' version; a message of another is refused."""
MAX_LINE = 4096
"""Bytes a message may have, its newline included: a longer line is refused unread."""
MIN_SPEED = SPEED_LADDER[0][0] / 1000
MAX_SPEED = SPEED_LADDER[-1][0] * 1000
"""The speeds a message may carry: the ladder's range with a margin of a thousand either
way, as ``--speed`` may set a speed off the ladder (``0.5``, ``2 weeks/s``); beyond, a speed
is no replay anyone presents (``1e308``), and a follower's clock would run to its bounds."""
DEFAULT_NAME = "default"
"""The shared replay's name when ``--present`` or ``--follow`` is given none."""

_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}")
_PRINTABLE = "^[^\x00-\x1f\x7f-\x9f]*$"
_TEXT = Annotated[str, msgspec.Meta(max_length=64, pattern=_PRINTABLE)]
"""Text a follower may show: short, and no control characters."""
_ID = Annotated[str, msgspec.Meta(max_length=256, pattern=_PRINTABLE)]
"""A mission's id (an article's file name may make a long one)."""
_FINGERPRINT = Annotated[str, msgspec.Meta(pattern="^[0-9a-f]{1,32}$")]


class MessageError(ValueError):
    """A message that is not a shared replay's state; the text says what was wrong."""


class BadName(ValueError):
    """A shared replay's name that is unsafe in a path; the text is one line naming it."""


class State(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The presenter's replay at one moment: its clock's course and the mission in focus."""

    v: int
    """The protocol's version, :data:`PROTOCOL`."""
    seq: Annotated[int, msgspec.Meta(ge=0)]
    """Counts the presenter's messages; a follower ignores one older than the last."""
    tick: float
    """The replay's tick at ``wall``."""
    wall: float
    """The presenter's wall clock (POSIX seconds) when the tick was read."""
    speed: float
    """The fixed speed's magnitude, ticks per wall second (kept while auto is on)."""
    auto: bool
    direction: Annotated[int, msgspec.Meta(ge=-1, le=1)]
    playing: bool
    held: float | None
    """Wall seconds the replay has stood ended at its bound; None unless it has ended."""
    loop: bool
    focus: _ID | None
    """The mission in focus (its id), None for all."""
    presenter: _TEXT
    """The presenting dashboard's id, new at each start."""
    by: _TEXT
    """Who presents, in words (``user@host``)."""
    missions: _FINGERPRINT | None = None
    """A fingerprint of the presenter's missions as its clock sees them (the replay's span
    and auto speed law, :func:`~mission_control.share.session.missions_of`): a follower
    that loaded other missions drifts, and says so."""

    def setting(self, wall: float) -> ClockSetting:
        """The clock's course, its tick read at ``wall`` on the follower's time source."""
        return ClockSetting(
            self.tick, wall, self.speed, self.auto, self.direction, self.playing, self.held,
            self.loop,
        )  # fmt: skip


def state_of(
    setting: ClockSetting,
    *,
    seq: int,
    wall: float,
    focus: str | None,
    presenter: str,
    by: str,
    missions: str | None = None,
) -> State:
    """The message for a clock's course read at POSIX time ``wall``."""
    return State(
        v=PROTOCOL, seq=seq, tick=setting.tick, wall=wall, speed=setting.speed,
        auto=setting.auto, direction=setting.direction, playing=setting.playing,
        held=setting.held, loop=setting.loop, focus=_shown(focus, 256) if focus else None,
        presenter=_shown(presenter, 64), by=_shown(by, 64), missions=missions,
    )  # fmt: skip


def _shown(text: str, limit: int) -> str:
    """``text`` as a follower may show it: printable, and at most ``limit`` characters."""
    return "".join(c for c in text if c.isprintable())[:limit]


_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(State)


def encode(state: State) -> bytes:
    """One line of compact JSON, newline included."""
    return _encoder.encode(state) + b"\n"


def decode(line: bytes) -> State:
    """The state a line holds (its newline optional); MessageError naming what is wrong."""
    if len(line) > MAX_LINE:
        raise MessageError(f"a message of {len(line)} bytes, more than {MAX_LINE}")
    try:
        state = _decoder.decode(line)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise MessageError(f"malformed message: {exc}") from None
    if state.v != PROTOCOL:
        raise MessageError(f"a message of protocol {state.v}, not {PROTOCOL}")
    for field in ("tick", "wall", "speed"):
        if not math.isfinite(getattr(state, field)):
            raise MessageError(f"malformed message: {field} is not a finite number")
    if not state.speed > 0:
        raise MessageError(f"malformed message: speed {state.speed!r} is not positive")
    if not MIN_SPEED <= state.speed <= MAX_SPEED:
        raise MessageError(
            f"malformed message: speed {state.speed!r} is not from {MIN_SPEED!r} to {MAX_SPEED!r}"
        )
    if state.direction == 0:
        raise MessageError("malformed message: direction is 0, not 1 or -1")
    if state.held is not None and not (math.isfinite(state.held) and state.held >= 0):
        raise MessageError(f"malformed message: held {state.held!r} is not a duration")
    for field in ("focus", "presenter", "by"):
        if not (getattr(state, field) or "").isprintable():
            raise MessageError(f"malformed message: {field} has a character not to be shown")
    return state


def check_name(name: str) -> str:
    """``name`` if it is safe as a file name and a NATS subject's last token: 1 to 64
    letters, digits, ``.``, ``_`` or ``-``, not starting with a dot; else BadName saying
    why in one line."""
    if _NAME.fullmatch(name):
        return name
    bad = next(
        (c for c in name if not (c.isascii() and (c.isalnum() or c in "._-"))),
        None,
    )
    if not name:
        why = "it is empty"
    elif bad is not None:
        why = f"it has {bad!r}"
    elif name.startswith("."):
        why = "it starts with a dot"
    else:
        why = f"it has {len(name)} characters"
    raise BadName(
        f"{name!r} is not a shared replay's name ({why}): use 1 to 64 letters, digits, "
        "'.', '_' or '-', not starting with '.'"
    )
