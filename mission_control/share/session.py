"""Both ends of a shared replay, without any transport: when the presenter sends its state,
and how a follower's clock takes it, leaves it and comes back to it.

Times are read from two clocks: the replay clock's monotonic source, which the viewer's
clock runs on, and POSIX time (``epoch``), which the message's anchor is stamped with, as the
presenter may be on another host. On one host (the Unix socket) a message's age is taken
from that stamp when it is plausible (0 to :data:`MAX_AGE_S`); beyond, the message is taken
as sent now. Across hosts (NATS) the two clocks may disagree by seconds, which at an hour a
second would put a follower hours off: the offset between them is estimated as the least
difference (arrival minus stamp) over the last :data:`OFFSET_WINDOW` messages, as NTP does,
and a message's age is its difference beyond that (the transit's variation, milliseconds on a
LAN).
"""

from __future__ import annotations

import hashlib
import math
import struct
import time
from collections import deque
from collections.abc import Callable
from enum import Enum

from mission_control.clock import ReplayClock, TimeSource
from mission_control.clock_setting import ClockSetting
from mission_control.share.protocol import State, state_of

__all__ = [
    "GONE_AFTER_S",
    "HEARTBEAT_S",
    "MAX_AGE_S",
    "Following",
    "Mode",
    "Presenting",
    "missions_of",
]

HEARTBEAT_S = 1.0
"""The presenter sends its state at least this often, changed or not."""
GONE_AFTER_S = 2.5
"""A follower that heard nothing for this long says the presenter is gone (two and a half
heartbeats: one late message is not a departure, and it is said within 3 s)."""
MAX_AGE_S = 2.0
"""A message stamped older than this (or in the future) is taken as sent now."""
OFFSET_WINDOW = 16
"""Messages (seconds of heartbeats) over which the offset between two hosts' clocks is
estimated: enough that one quick message among them is likely, few enough that a clock
set right is followed within seconds."""
SEEK_WALL_S = 0.01
"""A presenter's tick further than this many wall seconds of replay from where its last
message says it should be has been moved (a seek): the state is sent at once."""


FINGERPRINT_SAMPLES = 64
"""Ticks across the replay at which :func:`missions_of` reads the auto speed law."""


def missions_of(clock: ReplayClock) -> str:
    """A short fingerprint of the missions a clock replays, as far as following depends on
    them: the replay's bounds and its auto speed law (read at ticks spread across them).
    Two dashboards of the same missions give the same; other missions, another."""
    lo, hi = clock.bounds
    ticks = [lo + (hi - lo) * i / (FINGERPRINT_SAMPLES - 1) for i in range(FINGERPRINT_SAMPLES)]
    values = [lo, hi, *(clock.law(t) for t in ticks)]
    return hashlib.blake2b(struct.pack(f"<{len(values)}d", *values), digest_size=8).hexdigest()


class Presenting:
    """Decides when the presenter sends: on every change of its course or focus (a seek
    included, found by comparing the clock with its last message's extrapolation), and at
    least every :data:`HEARTBEAT_S`."""

    def __init__(
        self, clock: ReplayClock, *, presenter: str, by: str, epoch: Callable[[], float] = time.time
    ) -> None:
        self.clock = clock
        self.presenter, self.by = presenter, by
        self.missions = missions_of(clock)
        self._epoch = epoch
        self._seq = 0
        self._sent: tuple[ClockSetting, str | None] | None = None
        self._wall = 0.0
        # What a follower makes of the last message, read at the presenter's wall times.
        self._shadow = ReplayClock(
            lambda: self._wall, start=clock.bounds[0], bounds=clock.bounds, law=clock.law
        )

    def due(self, focus: str | None) -> State | None:
        """The state to send now, or None when the followers' extrapolation still holds."""
        setting = self.clock.setting()
        if self._sent is not None and not self._changed(setting, focus):
            return None
        self._sent = (setting, focus)
        self._shadow.adopt(setting)
        return self.state(setting, focus)

    def state(self, setting: ClockSetting, focus: str | None) -> State:
        """The next message for ``setting`` and ``focus``."""
        self._seq += 1
        return state_of(
            setting,
            seq=self._seq,
            wall=self._epoch(),
            focus=focus,
            presenter=self.presenter,
            by=self.by,
            missions=self.missions,
        )

    def _changed(self, setting: ClockSetting, focus: str | None) -> bool:
        assert self._sent is not None
        sent, sent_focus = self._sent
        if focus != sent_focus or setting.wall - sent.wall >= HEARTBEAT_S:
            return True
        if _course(setting) != _course(sent):
            return True
        self._wall = setting.wall
        expected = self._shadow.now()
        return abs(setting.tick - expected) > SEEK_WALL_S * abs(self._shadow.speed) + 1e-6


def _course(setting: ClockSetting) -> tuple[object, ...]:
    """What of a setting changes only by a control (not the tick, nor how long it has ended)."""
    return (
        setting.speed,
        setting.auto,
        setting.direction,
        setting.playing,
        setting.held is None,
        setting.loop,
    )


class Mode(Enum):
    """Where a follower's clock takes its course from."""

    WAITING = "waiting"
    """No presenter heard yet: the viewer's own clock runs."""
    FOLLOWING = "following"
    DETACHED = "detached"
    """The viewer left the shared replay: its own clock runs on from where it was."""
    GONE = "gone"
    """The presenter went away: its last state runs on, on the viewer's clock."""


class Following:
    """A follower's side: its clock takes each state the presenter sends, extrapolating in
    between, unless the viewer detached; the presenter is gone when nothing came for
    :data:`GONE_AFTER_S` or the connection was lost. While the presenter followed is heard,
    another presenter of the same name (possible over NATS) is ignored: see :attr:`ignored`.

    ``across_hosts``: the presenter may be on another host, whose clock may disagree with
    this one's (the offset is estimated rather than the stamp trusted)."""

    def __init__(
        self,
        clock: ReplayClock,
        source: TimeSource,
        *,
        epoch: Callable[[], float] = time.time,
        across_hosts: bool = False,
    ) -> None:
        self.clock = clock
        self._source = source
        self._epoch = epoch
        self._offsets: deque[float] | None = deque(maxlen=OFFSET_WINDOW) if across_hosts else None
        self.missions = missions_of(clock)
        """This dashboard's missions, as :func:`missions_of` sees them."""
        self.ignored: State | None = None
        """The last message of another presenter, ignored as the one followed is heard."""
        self.mode = Mode.WAITING
        self.last: State | None = None
        """The last state taken from the presenter."""
        self._anchor = 0.0
        """The wall time, on ``source``, of the last state's tick."""
        self._heard = -math.inf

    def receive(self, state: State) -> bool:
        """Take a message; True when the clock now runs its course (show it at once). An
        older message of the same presenter, or a repeated one, is ignored."""
        last = self.last
        now = self._source()
        if last is not None and last.presenter != state.presenter:
            if now - self._heard <= GONE_AFTER_S:
                self.ignored = state
                return False
            if self._offsets is not None:
                self._offsets.clear()  # another host, perhaps
        elif last is not None and state.seq <= last.seq:
            return False
        age = self._epoch() - state.wall
        if self._offsets is not None:
            self._offsets.append(age)
            age -= min(self._offsets)
        self.last, self._heard = state, now
        self._anchor = now - (age if 0 <= age <= MAX_AGE_S else 0.0)
        if self.mode is Mode.DETACHED:
            return False
        self.mode = Mode.FOLLOWING
        self.clock.adopt(state.setting(self._anchor))
        return True

    def other_missions(self) -> bool:
        """Whether the presenter followed replays other missions than this dashboard: its
        bounds or auto speed differ, so the clocks drift apart (a presenter too old to say
        is taken as showing the same)."""
        last = self.last
        return last is not None and last.missions not in (None, self.missions)

    def check(self) -> Mode:
        """The mode now: FOLLOWING becomes GONE when the heartbeats stopped."""
        if self.mode is Mode.FOLLOWING and self._source() - self._heard > GONE_AFTER_S:
            self.mode = Mode.GONE
        return self.mode

    def lost(self) -> None:
        """The connection to the presenter ended (the next presenter heard is followed)."""
        self._heard = -math.inf
        if self.mode is Mode.FOLLOWING:
            self.mode = Mode.GONE

    def detach(self) -> bool:
        """Leave the shared replay: the clock runs on from where it is. False if already."""
        if self.mode is Mode.DETACHED:
            return False
        self.mode = Mode.DETACHED
        return True

    def rejoin(self) -> bool:
        """Back to the presenter's course (its last state, extrapolated to now; the
        presenter's next message corrects it). False if not detached."""
        if self.mode is not Mode.DETACHED:
            return False
        if self.last is None:
            self.mode = Mode.WAITING
            return True
        fresh = self._source() - self._heard <= GONE_AFTER_S
        self.mode = Mode.FOLLOWING if fresh else Mode.GONE
        self.clock.adopt(self.last.setting(self._anchor))
        return True

    def status(self, name: str) -> str:
        """The mode in words, for the clock's settings line."""
        mode = self.check()
        if mode is Mode.FOLLOWING:
            return f"following {name}"
        if mode is Mode.DETACHED:
            return "detached (own clock)"
        if mode is Mode.GONE:
            return "presenter gone"
        return f"waiting for {name}"
