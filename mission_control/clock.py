"""Time sources and the replay clock that turns wall seconds into mission ticks.

The clock reads a monotonic :class:`TimeSource` whenever it is asked for the time; there is
no background thread. Mission time is counted in *ticks* (see :mod:`mission_control.timescale`).

At a fixed speed the tick is computed exactly from the last anchor point,
``tick0 + speed * (wall - wall0)``, and the anchor is moved only when something changes, so
no rounding drift accumulates. In *auto* mode the speed depends on where the replay is (see
:class:`AutoSpeed`) and the clock integrates it in adaptive sub-steps.
"""

from __future__ import annotations

import bisect
import math
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Protocol

import msgspec

from mission_control.model import PRECISIONS, Precision, StatedTime
from mission_control.timescale import from_tick, posix_tick, to_tick

__all__ = [
    "AUTO_K_COARSE",
    "AUTO_K_FINE",
    "AUTO_MAX_SPEED",
    "AUTO_STEP_FRACTION",
    "COARSE_UNIT",
    "MAX_SUBSTEPS",
    "SPEED_LADDER",
    "UNIT_SECONDS",
    "Anchor",
    "AutoSpeed",
    "ManualTimeSource",
    "ReplayClock",
    "SystemTimeSource",
    "TimeSource",
    "anchor_speed",
    "format_factor",
    "speed_label",
]

MINUS = "\u2212"

# --------------------------------------------------------------------------- time sources


class TimeSource(Protocol):
    """Monotonic wall seconds (only differences matter)."""

    def __call__(self) -> float: ...


class SystemTimeSource:
    """The system's monotonic clock."""

    def __call__(self) -> float:
        return time.monotonic()


class ManualTimeSource:
    """A wall clock that only moves when told to, for tests."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)

    def __call__(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if not seconds >= 0:
            raise ValueError(f"a monotonic source cannot go back ({seconds!r} s)")
        self._now += seconds

    def set(self, seconds: float) -> None:
        self._now = float(seconds)


# --------------------------------------------------------------------------- speed ladder

SPEED_LADDER: tuple[tuple[float, str], ...] = (
    (1.0, "1×"),
    (10.0, "10×"),
    (60.0, "1 min/s"),
    (600.0, "10 min/s"),
    (3600.0, "1 h/s"),
    (21600.0, "6 h/s"),
    (86400.0, "1 d/s"),
    (604800.0, "1 week/s"),
)


def _is_ladder(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9)


def format_factor(magnitude: float) -> str:
    """A speed magnitude rounded for display: ``3600``, ``243``, ``86400``, ``2.5``."""
    m = abs(magnitude)
    if not math.isfinite(m):
        return "∞"
    if m >= 1000:
        digits = math.floor(math.log10(m)) - 2  # three significant figures
        return f"{round(m, -digits):.0f}"
    if m >= 10:
        return f"{m:.0f}"
    text = f"{m:.2g}"
    return text


def speed_label(factor: float) -> str:
    """``1 d/s``, ``−1 h/s`` for the ladder speeds, ``×250`` / ``−×250`` for any other."""
    sign = MINUS if factor < 0 else ""
    m = abs(factor)
    for step, label in SPEED_LADDER:
        if _is_ladder(m, step):
            return sign + label
    return f"{sign}×{format_factor(m)}"


def _ladder_up(magnitude: float) -> float | None:
    for step, _ in SPEED_LADDER:
        if step > magnitude and not _is_ladder(step, magnitude):
            return step
    return None


def _ladder_down(magnitude: float) -> float | None:
    for step, _ in reversed(SPEED_LADDER):
        if step < magnitude and not _is_ladder(step, magnitude):
            return step
    return None


# --------------------------------------------------------------------------- anchors

# The precision of each stated-time kind in seconds. A month or a year is only a nominal unit
# (the interval an anchor covers is the real calendar month or year).
UNIT_SECONDS: dict[Precision, float] = {
    Precision.SECOND: 1.0,
    Precision.MINUTE: 60.0,
    Precision.DAY: 86400.0,
    Precision.MONTH: 2_629_800.0,
    Precision.YEAR: 31_557_600.0,
}


class Anchor(msgspec.Struct, frozen=True):
    """An interval of mission time ``[start, end]`` (ticks) the sources state, and its unit.

    ``unit`` is the precision in seconds (1 for a time stated to the second, 86400 for a
    date). The auto speed slows down to about one unit per wall second near an anchor.
    """

    start: float
    end: float
    unit: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.start) and math.isfinite(self.end)):
            raise ValueError("an anchor needs finite ticks")
        if self.end < self.start:
            raise ValueError(f"anchor ends before it starts: {self.start} > {self.end}")
        if not (self.unit > 0 and math.isfinite(self.unit)):
            raise ValueError(f"an anchor unit must be a positive number of seconds: {self.unit}")

    @classmethod
    def of(cls, start_tick: float, precision: Precision) -> Anchor:
        """The anchor for a time stated at ``precision`` whose interval starts at the tick.

        The interval is the real one (a day that ends with a leap second lasts 86401 s).
        """
        begin = from_tick(start_tick).moment
        length = to_tick(precision.span(begin)) - to_tick(begin)
        return cls(start_tick, start_tick + length, UNIT_SECONDS[precision])

    @classmethod
    def stated(cls, stated: StatedTime) -> Anchor:
        """The anchor for a :class:`~mission_control.model.StatedTime`."""
        return cls.of(to_tick(stated.start), stated.precision)

    def distance(self, tick: float) -> float:
        """Ticks from ``tick`` to this interval (0 inside it)."""
        if tick < self.start:
            return self.start - tick
        if tick > self.end:
            return tick - self.end
        return 0.0


# --------------------------------------------------------------------------- the auto law

AUTO_MAX_SPEED = 604_800.0
"""Auto never runs faster than one week per wall second."""
AUTO_K_FINE = 10.0
"""Slow zone half-width, in units, of an anchor finer than a day."""
AUTO_K_COARSE = 1.0
"""Slow zone half-width, in units, of an anchor of a day or coarser."""
COARSE_UNIT = 86_400.0
"""Units at least this long use :data:`AUTO_K_COARSE`."""


def _reach(unit: float) -> float:
    return AUTO_K_FINE if unit < COARSE_UNIT else AUTO_K_COARSE


def anchor_speed(anchor: Anchor, tick: float) -> float:
    """The speed one anchor allows at ``tick``: ``u * max(1, d / (k * u)) ** 2``."""
    u = anchor.unit
    return u * max(1.0, anchor.distance(tick) / (_reach(u) * u)) ** 2


class _Group:
    """All anchors that share one unit, sorted for nearest-interval look-ups."""

    __slots__ = ("cap_reach", "curve", "ends", "raw_ends", "starts", "unit", "zone")

    def __init__(self, unit: float, intervals: list[tuple[float, float]], max_speed: float) -> None:
        intervals.sort()
        k = _reach(unit)
        self.unit = unit
        self.zone = k * unit  # distance where the quadratic part starts
        self.curve = k * k * unit  # speed = d**2 / curve outside the zone
        self.cap_reach = k * math.sqrt(unit * max_speed)  # distance where it meets the cap
        self.starts = [start for start, _ in intervals]
        self.raw_ends = [end for _, end in intervals]
        # Running maximum of the ends in start order: the anchor starting at or before a tick
        # that reaches furthest decides the distance on that side, even when intervals of
        # different lengths overlap.
        running = -math.inf
        ends: list[float] = []
        for end in self.raw_ends:
            running = max(running, end)
            ends.append(running)
        self.ends = ends

    def near(self, tick: float) -> tuple[int, float]:
        """Index of the last anchor starting at or before ``tick``, and the distance."""
        i = bisect.bisect_right(self.starts, tick) - 1
        d = math.inf
        if i >= 0:
            d = max(0.0, tick - self.ends[i])
        if i + 1 < len(self.starts):
            d = min(d, self.starts[i + 1] - tick)
        return i, d

    def speed(self, d: float) -> float:
        return max(self.unit, d * d / self.curve)


class AutoSpeed:
    """The auto speed law, precomputed for fast evaluation.

    For an anchor with unit ``u`` at distance ``d`` from its interval (0 inside it) the
    allowed speed is ``f(d) = u * max(1, d / (k * u)) ** 2`` with ``k`` =
    :data:`AUTO_K_FINE` (10) for units finer than a day and :data:`AUTO_K_COARSE` (1) for a
    day or coarser. The speed at a tick is ``min(AUTO_MAX_SPEED, min over anchors f)``.

    So a time stated to the second is passed at 1x within 10 s of it, a date-only event at
    1 day per wall second within a day of it, and anything coarser than the cap (a month, a
    year) never slows the replay. Approaching an anchor from far away on the quadratic part
    costs ``k * (1 - k * u / D)`` wall seconds, i.e. about ``k`` wall seconds whatever the
    distance ``D``: about 10 s either side of a timed event, 1 s either side of a date.

    For the Mars 6/7 campaign (two launches and entry/loss of contact to the second, five
    dates) this plays first launch to last contact in about 190 s of wall time, and the
    312 s from Mars 6 entry to loss of contact in about 41 s.

    Evaluation is exact in O(G log n) for n anchors in G distinct units: for anchors of one
    unit ``f`` grows with ``d``, so only the nearest interval of each unit matters (found by
    bisection on sorted starts plus a running maximum of ends). Units cannot be compared by
    distance alone—a date a day away allows less speed than a second-stated event three
    hours away—so each unit is searched on its own. Units at or above the cap never bind
    and are dropped.
    """

    def __init__(self, anchors: Sequence[Anchor], max_speed: float = AUTO_MAX_SPEED) -> None:
        by_unit: dict[float, list[tuple[float, float]]] = {}
        for a in anchors:
            by_unit.setdefault(a.unit, []).append((a.start, a.end))
        self._setup(by_unit, max_speed)

    @classmethod
    def of_stated(
        cls,
        times: Iterable[tuple[float, float, int]],
        max_speed: float = AUTO_MAX_SPEED,
    ) -> AutoSpeed:
        """The law for the anchors of stated times, each given as its start tick, the same
        moment in POSIX seconds, and its precision's value: the same law as for
        ``[Anchor.of(tick, precision), ...]``, without making an Anchor (or a datetime) for
        each of what may be a hundred thousand times."""
        fixed = [p.posix_seconds for p in Precision]
        units = [UNIT_SECONDS[p] for p in Precision]
        by_unit: dict[float, list[tuple[float, float]]] = {}
        for tick, start, value in times:
            step = fixed[value]
            if step is None:
                precision = PRECISIONS[value]
                begin = datetime.fromtimestamp(start, UTC)
                end = to_tick(precision.span(begin))
            else:
                end = posix_tick(start + step)
            by_unit.setdefault(units[value], []).append((tick, end))
        law = cls.__new__(cls)
        law._setup(by_unit, max_speed)
        return law

    def _setup(self, by_unit: dict[float, list[tuple[float, float]]], max_speed: float) -> None:
        if not max_speed > 0:
            raise ValueError("the auto speed cap must be positive")
        self.max_speed = float(max_speed)
        self._groups = tuple(
            _Group(unit, group, self.max_speed)
            for unit, group in sorted(by_unit.items())
            if unit < self.max_speed
        )

    def __call__(self, tick: float) -> float:
        speed = self.max_speed
        for g in self._groups:
            speed = min(speed, g.speed(g.near(tick)[1]))
        return speed

    def length_scale(self, tick: float) -> float:
        """How far mission time may move before the law can change much.

        Per unit: the distance to its nearest anchor, but at least the slow zone's half
        width; the smallest over all units (infinite with no anchors).
        """
        scale = math.inf
        for g in self._groups:
            scale = min(scale, max(g.near(tick)[1], g.zone))
        return scale

    def next_breakpoint(self, tick: float, direction: int) -> float:
        """The nearest point ahead where some nearest anchor's piece of the law changes.

        Interval edges, slow-zone edges, where the curve meets the cap, and the point
        midway between neighbouring anchors. Stepping to these keeps the sub-steps on
        smooth pieces; it is not needed for correctness (:meth:`length_scale` is).
        """
        best = math.inf if direction > 0 else -math.inf
        eps = 1e-6
        for g in self._groups:
            i, _ = g.near(tick)
            points: list[float] = []
            left_end = -math.inf
            if i >= 0:
                s, left_end = g.starts[i], g.ends[i]
                points += [s - g.cap_reach, s - g.zone, s, left_end]
                points += [left_end + g.zone, left_end + g.cap_reach]
            if i + 1 < len(g.starts):
                s, e = g.starts[i + 1], g.raw_ends[i + 1]
                points += [s - g.cap_reach, s - g.zone, s, e, e + g.zone, e + g.cap_reach]
                if i >= 0 and left_end < s:
                    points.append(0.5 * (left_end + s))
            for p in points:
                ahead = tick + eps < p < best if direction > 0 else best < p < tick - eps
                if ahead:
                    best = p
        return best


# --------------------------------------------------------------------------- the clock

AUTO_STEP_FRACTION = 0.1
"""An auto sub-step moves mission time by at most this fraction of the law's length scale."""
MAX_SUBSTEPS = 20_000
"""Sub-steps per reading at most; wall time left over is carried to the next reading."""


def _check_factor(factor: float) -> float:
    factor = float(factor)
    if factor == 0 or not math.isfinite(factor):
        raise ValueError(f"a replay speed must be a non-zero finite factor, not {factor!r}")
    return factor


class ReplayClock:
    """Mission time that advances with a time source at a chosen (or automatic) speed.

    ``speed`` is any non-zero factor (negative runs backwards). The replay stays within
    ``bounds``: reaching the end going forward, or the start going backward, clamps there
    and pauses. In auto mode the magnitude of the speed comes from :class:`AutoSpeed` (the
    ``law`` given, else one made from ``anchors``) and the sign from :attr:`direction`.
    """

    def __init__(
        self,
        source: TimeSource,
        *,
        start: float,
        bounds: tuple[float, float],
        anchors: Sequence[Anchor] = (),
        law: AutoSpeed | None = None,
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
        self._law = law if law is not None else AutoSpeed(anchors)
        self._magnitude = abs(factor)
        self._direction = 1 if factor > 0 else -1
        self._auto = bool(auto)
        self._playing = bool(playing)
        self._tick0 = self._clamp(start)
        self._wall0 = source()
        self._settle_bound()

    # ---------------------------------------------------------------- reading

    def now(self) -> float:
        """The mission tick at the source's current wall time."""
        return self._read()[0]

    def _read(self) -> tuple[float, float]:
        """The mission tick and the wall time it was read at."""
        wall = self._source()
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
        self._settle_bound()

    def pause(self) -> None:
        self._sync()
        self._playing = False

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def set_speed(self, factor: float) -> None:
        """A fixed speed (negative runs backwards); leaves auto mode. Zero is refused."""
        factor = _check_factor(factor)
        self._sync()
        self._auto = False
        self._magnitude = abs(factor)
        self._direction = 1 if factor > 0 else -1
        self._settle_bound()

    def faster(self) -> None:
        """The next ladder speed up, same direction (from auto: above the current speed)."""
        step = _ladder_up(self._current_magnitude())
        if step is not None:
            self.set_speed(self._direction * step)
        elif self._auto:
            self.set_speed(self._direction * self._current_magnitude())

    def slower(self) -> None:
        """The next ladder speed down, same direction (from auto: below the current speed)."""
        step = _ladder_down(self._current_magnitude())
        if step is not None:
            self.set_speed(self._direction * step)
        elif self._auto:
            self.set_speed(self._direction * self._current_magnitude())

    def reverse(self) -> None:
        """Flip the direction (fixed or auto)."""
        self._sync()
        self._direction = -self._direction
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
        self._settle_bound()

    # ---------------------------------------------------------------- state

    @property
    def playing(self) -> bool:
        self.now()
        return self._playing

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
        """``1 d/s``, ``−1 h/s``, ``auto ×3600``, ``auto −×3600``."""
        if self._auto:
            sign = MINUS if self._direction < 0 else ""
            return f"auto {sign}×{format_factor(self._current_magnitude())}"
        return speed_label(self._direction * self._magnitude)

    @property
    def state_label(self) -> str:
        if not self.playing:
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
        self._tick0 = self._hi if self._direction > 0 else self._lo
        self._wall0 = wall
        self._playing = False

    def _settle_bound(self) -> None:
        """Pause if playing into the bound the clock already stands on."""
        if self._playing and (
            (self._direction > 0 and self._tick0 >= self._hi)
            or (self._direction < 0 and self._tick0 <= self._lo)
        ):
            self._playing = False

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
