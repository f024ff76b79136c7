"""The replay clock that turns wall seconds into mission ticks (its time sources are in
:mod:`~mission_control.time_sources`).

The clock reads a monotonic :class:`TimeSource` whenever it is asked for the time; there is
no background thread. Mission time is counted in *ticks* (see :mod:`mission_control.timescale`).

At a fixed speed the tick is computed exactly from the last anchor point,
``tick0 + speed * (wall - wall0)``, and the anchor is moved only when something changes, so
no rounding drift accumulates. In *auto* mode the speed depends on where the replay is (see
:class:`~mission_control.autospeed.AutoSpeed`) and the clock integrates it in adaptive
sub-steps.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from mission_control.autospeed import AutoSpeed
from mission_control.speed import auto_label, ladder_down, ladder_up, speed_label
from mission_control.time_sources import ManualTimeSource, SystemTimeSource, TimeSource

if TYPE_CHECKING:  # made only when a replay is shared (see ``setting``)
    from mission_control.clock_setting import ClockSetting

__all__ = [
    "AUTO_STEP_FRACTION",
    "LOOP_HOLD_S",
    "MAX_SUBSTEPS",
    "ManualTimeSource",
    "ReplayClock",
    "SystemTimeSource",
    "TimeSource",
]


# --------------------------------------------------------------------------- the clock

AUTO_STEP_FRACTION = 0.1
"""An auto sub-step moves mission time by at most this fraction of the law's length scale."""
MAX_SUBSTEPS = 20_000
"""Sub-steps per reading at most; wall time left over is carried to the next reading."""
LOOP_HOLD_S = 8.0
"""Wall seconds a looping replay holds its end before it starts again."""


def _check_factor(factor: float) -> float:
    factor = float(factor)
    if factor == 0 or not math.isfinite(factor):
        raise ValueError(f"a replay speed must be a non-zero finite factor, not {factor!r}")
    return factor


class ReplayClock:
    """Mission time that advances with a time source at a chosen (or automatic) speed.

    ``speed`` is any non-zero factor (negative runs backwards). The replay stays within
    ``bounds``: reaching the end going forward, or the start going backward, clamps there
    and pauses: the replay has *ended* (:attr:`ended`) until it moves again, and
    :meth:`restart` plays it again from where its direction starts. With :attr:`loop` on,
    an ended replay holds :data:`LOOP_HOLD_S` wall seconds, then restarts by itself. In auto
    mode the magnitude of the speed comes from the :class:`AutoSpeed` ``law`` given and the
    sign from :attr:`direction`.
    """

    def __init__(
        self,
        source: TimeSource,
        *,
        start: float,
        bounds: tuple[float, float],
        law: AutoSpeed,
        speed: float = 1.0,
        auto: bool = False,
        playing: bool = True,
    ) -> None:
        lo, hi = float(bounds[0]), float(bounds[1])
        if not (math.isfinite(lo) and math.isfinite(hi)) or hi < lo:
            raise ValueError(f"bad replay bounds {bounds!r}")
        if not math.isfinite(start):
            raise ValueError(f"bad start tick {start!r}")
        factor = _check_factor(speed)
        self._source = source
        self._lo, self._hi = lo, hi
        self._law = law
        self._magnitude = abs(factor)
        self._direction = 1 if factor > 0 else -1
        self._auto = bool(auto)
        self._playing = bool(playing)
        self._tick0 = self._clamp(start)
        self._wall0 = source()
        self._loop = False
        self._ended_at: float | None = None
        """The wall time the replay ran into its bound and ended, None unless it has."""
        self._settle_bound()

    # ---------------------------------------------------------------- reading

    def now(self) -> float:
        """The mission tick at the source's current wall time."""
        return self._read()[0]

    def _read(self) -> tuple[float, float]:
        """The mission tick and the wall time it was read at."""
        wall = self._source()
        if self._loop and self._ended_at is not None and wall >= self._ended_at + LOOP_HOLD_S:
            self._play_again(self._ended_at + LOOP_HOLD_S)  # on from the hold's end
        return self._tick_at(wall), wall

    def _tick_at(self, wall: float) -> float:
        if not self._playing:
            return self._tick0
        elapsed = wall - self._wall0
        if elapsed < 0:  # a source that stepped back: restart counting from here
            self._wall0 = wall
            elapsed = 0.0
        if not self._auto:
            tick = self._tick0 + self._direction * self._magnitude * elapsed
            if (self._direction > 0 and tick >= self._hi) or (
                self._direction < 0 and tick <= self._lo
            ):
                self._stop_at_bound(wall)
                return self._tick0
            return tick
        if elapsed > 0:
            tick, used, hit = self._integrate(self._tick0, elapsed)
            self._tick0 = tick
            if hit:
                self._stop_at_bound(wall)
            else:
                self._wall0 = wall if used >= elapsed else self._wall0 + used
        self._settle_bound()
        return self._tick0

    # ---------------------------------------------------------------- controls

    def play(self) -> None:
        self._sync()
        self._playing = True
        self._ended_at = None
        self._settle_bound()

    def pause(self) -> None:
        self._sync()
        self._playing = False
        self._ended_at = None

    def restart(self) -> None:
        """Play again from the campaign's start (going forward) or its end (going backward)."""
        self._sync()
        self._play_again(self._wall0)
        self._settle_bound()  # bounds of no length: ended again at once

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def set_speed(self, factor: float) -> None:
        """A fixed speed (negative runs backwards); leaves auto mode. Zero is refused."""
        factor = _check_factor(factor)
        self._sync()
        self._auto = False
        self._magnitude = abs(factor)
        direction = 1 if factor > 0 else -1
        if direction != self._direction:
            self._direction, self._ended_at = direction, None
        self._settle_bound()

    def faster(self) -> None:
        """The next ladder speed up, same direction (from auto: above the current speed)."""
        self._ladder_step(ladder_up(self._current_magnitude()))

    def slower(self) -> None:
        """The next ladder speed down, same direction (from auto: below the current speed)."""
        self._ladder_step(ladder_down(self._current_magnitude()))

    def _ladder_step(self, step: float | None) -> None:
        """A fixed speed of ``step`` (None: at the ladder's end, fixed at the speed now)."""
        if step is not None:
            self.set_speed(self._direction * step)
        elif self._auto:
            self.set_speed(self._direction * self._current_magnitude())

    def reverse(self) -> None:
        """Flip the direction (fixed or auto)."""
        self._sync()
        self._direction = -self._direction
        self._ended_at = None
        self._settle_bound()

    def set_auto(self, on: bool = True) -> None:
        """Auto speed on (keeps the direction) or back to the last fixed speed."""
        self._sync()
        self._auto = bool(on)
        self._settle_bound()

    def seek(self, tick: float) -> None:
        """Jump to ``tick`` (clamped into the bounds), playing or paused as before."""
        if not math.isfinite(tick):
            raise ValueError(f"cannot seek to {tick!r}")
        self._sync()
        self._tick0 = self._clamp(tick)
        self._ended_at = None
        self._settle_bound()

    # ---------------------------------------------------------------- sharing

    def setting(self) -> ClockSetting:
        """The clock's course from now (see :meth:`adopt`)."""
        from mission_control.clock_setting import ClockSetting  # a shared replay's only

        tick, wall = self._read()
        held = None if self._ended_at is None else wall - self._ended_at
        course = (self._magnitude, self._auto, self._direction, self._playing, held, self._loop)
        return ClockSetting(tick, wall, *course)

    def adopt(self, setting: ClockSetting) -> None:
        """Run another clock's course: from ``setting.wall`` on (a wall time on this clock's
        source) this clock reads what that one does, ticks clamped into its own bounds. The
        auto law is a function of the tick alone, so an auto speed extrapolates alike."""
        if not (math.isfinite(setting.tick) and math.isfinite(setting.wall)):
            raise ValueError(f"cannot adopt {setting!r}")
        self._magnitude = abs(_check_factor(setting.speed))
        self._direction = 1 if setting.direction > 0 else -1
        self._auto, self._playing, self._loop = setting.auto, setting.playing, setting.loop
        self._tick0, self._wall0 = self._clamp(setting.tick), setting.wall
        self._ended_at = None if setting.held is None else setting.wall - setting.held
        self._settle_bound()

    # ---------------------------------------------------------------- state

    @property
    def playing(self) -> bool:
        self.now()
        return self._playing

    @property
    def ended(self) -> bool:
        """Whether the replay ran into its bound (the end going forward, the start going
        backward) and stands there, paused, until it is restarted or moved."""
        self.now()
        return self._ended_at is not None

    @property
    def loop(self) -> bool:
        """Whether an ended replay starts again by itself after :data:`LOOP_HOLD_S`."""
        return self._loop

    @loop.setter
    def loop(self, on: bool) -> None:
        self._sync()
        self._loop = bool(on)
        if self._ended_at is not None:  # the hold counts from now
            self._ended_at = self._wall0

    @property
    def auto(self) -> bool:
        return self._auto

    @property
    def direction(self) -> int:
        return self._direction

    @property
    def bounds(self) -> tuple[float, float]:
        return (self._lo, self._hi)

    @property
    def law(self) -> AutoSpeed:
        return self._law

    @property
    def speed(self) -> float:
        """The signed speed now (in auto: the instantaneous auto speed)."""
        return self._direction * self._current_magnitude()

    @property
    def label(self) -> str:
        """The speed in the ladder's words: ``1 d/s``, ``−1 h/s``, ``auto 4 d/s``,
        ``auto −1×`` (see :func:`~mission_control.speed.speed_label`)."""
        if self._auto:
            return auto_label(self._current_magnitude(), self._direction)
        return speed_label(self._direction * self._magnitude)

    @property
    def state_label(self) -> str:
        """``playing``, ``reverse``, ``paused``, or ``ended`` (``looping`` when it will start
        again by itself)."""
        if not self.playing:
            if self._ended_at is not None:
                return "looping" if self._loop else "ended"
            return "paused"
        return "reverse" if self._direction < 0 else "playing"

    @property
    def at_end(self) -> bool:
        return self.now() >= self._hi

    @property
    def at_start(self) -> bool:
        return self.now() <= self._lo

    # ---------------------------------------------------------------- internals

    def _clamp(self, tick: float) -> float:
        return min(self._hi, max(self._lo, float(tick)))

    def _current_magnitude(self) -> float:
        if self._auto:
            return self._law(self.now())
        return self._magnitude

    def _sync(self) -> None:
        """Re-anchor at the current wall time before a change."""
        self._tick0, self._wall0 = self._read()

    def _stop_at_bound(self, wall: float) -> None:
        self._tick0, self._wall0 = (self._hi if self._direction > 0 else self._lo), wall
        self._playing, self._ended_at = False, wall

    def _play_again(self, wall0: float) -> None:
        """Play from where the direction starts, as from wall time ``wall0``: a restart."""
        self._tick0, self._wall0 = (self._lo if self._direction > 0 else self._hi), wall0
        self._playing, self._ended_at = True, None

    def _settle_bound(self) -> None:
        """Pause, ended, if playing into the bound the clock already stands on."""
        if self._playing and (
            (self._direction > 0 and self._tick0 >= self._hi)
            or (self._direction < 0 and self._tick0 <= self._lo)
        ):
            self._playing = False
            self._ended_at = self._wall0

    def _integrate(self, tick: float, budget: float) -> tuple[float, float, bool]:
        """Advance ``tick`` by ``budget`` wall seconds at the auto speed.

        Sub-steps are taken in mission time: each moves at most
        :data:`AUTO_STEP_FRACTION` of :meth:`AutoSpeed.length_scale` (so no step jumps over
        an anchor: approaching one, a step covers at most a tenth of the distance left, and
        inside a slow zone a tenth of its half width) and stops at the next breakpoint of
        the law and at the bound. The result does not depend on how often the clock is
        read beyond the integration error (well under a millisecond of wall time). The wall
        cost of a step is the Simpson integral of ``1 / speed``; the last, partial step is
        solved for the wall time left. Returns the new tick, the wall seconds used, and
        whether the bound was reached.
        """
        law, direction = self._law, self._direction
        bound = self._hi if direction > 0 else self._lo
        remaining = budget
        for _ in range(MAX_SUBSTEPS):
            if (direction > 0 and tick >= bound) or (direction < 0 and tick <= bound):
                return bound, budget - remaining, True
            # (never below a few float ulps of the tick, so a step always moves)
            step = max(AUTO_STEP_FRACTION * law.length_scale(tick), 4 * math.ulp(tick))
            target = tick + direction * step
            bp = law.next_breakpoint(tick, direction)
            target = min(target, bp, bound) if direction > 0 else max(target, bp, bound)
            h = abs(target - tick)
            f0 = law(tick)
            cost = h / 6 * (1 / f0 + 4 / law(tick + direction * h / 2) + 1 / law(target))
            if cost <= remaining:
                tick = target
                remaining -= cost
                if remaining <= 0:
                    return tick, budget, tick == bound
                continue
            x = _solve_partial(law, tick, direction, h=h, wall=remaining, f0=f0)
            return tick + direction * x, budget, False
        return tick, budget - remaining, False


def _solve_partial(
    law: AutoSpeed, tick: float, direction: int, *, h: float, wall: float, f0: float
) -> float:
    """The distance ``x`` in ``(0, h)`` whose Simpson wall cost from ``tick`` is ``wall``."""

    def cost(x: float) -> float:
        return x / 6 * (1 / f0 + 4 / law(tick + direction * x / 2) + 1 / law(tick + direction * x))

    lo, hi = 0.0, h
    x = min(h, wall * f0)
    for _ in range(60):
        err = cost(x) - wall
        if abs(err) <= 1e-13 + 1e-12 * wall:
            break
        if err > 0:
            hi = x
        else:
            lo = x
        guess = x - err * law(tick + direction * x)
        x = guess if lo < guess < hi else 0.5 * (lo + hi)
    return x
