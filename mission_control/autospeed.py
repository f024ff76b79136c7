"""The auto speed law: how fast the replay may run at any moment, from the stated times.

Every time the sources state is an *anchor*: an interval of mission time as long as its
precision (a second, a day, a month). Near an anchor the replay slows to about one of its
units per wall second; far from every anchor it runs at :data:`AUTO_MAX_SPEED`. The law is
precomputed so that evaluating it for a hundred thousand anchors stays cheap.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from datetime import UTC, datetime

from mission_control.model import PRECISIONS, Precision
from mission_control.timescale import posix_tick, to_tick

__all__ = [
    "AUTO_K_COARSE",
    "AUTO_K_FINE",
    "AUTO_MAX_SPEED",
    "COARSE_UNIT",
    "UNIT_SECONDS",
    "AutoSpeed",
]

# The precision of each stated-time kind in seconds. A month or a year is only a nominal unit
# (the interval an anchor covers is the real calendar month or year).
UNIT_SECONDS: dict[Precision, float] = {
    Precision.SECOND: 1.0,
    Precision.MINUTE: 60.0,
    Precision.DAY: 86400.0,
    Precision.MONTH: 2_629_800.0,
    Precision.YEAR: 31_557_600.0,
}

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

    def __init__(
        self,
        anchors: Iterable[tuple[float, float, float]],
        max_speed: float = AUTO_MAX_SPEED,
    ) -> None:
        """The law for anchors given as ``(start, end, unit)``: the interval in ticks and
        the precision in seconds (1 for a time stated to the second, 86400 for a date).
        ValueError for an interval that is not finite or ends before it starts, or a unit
        that is not a positive number of seconds. (:meth:`of_stated` makes its anchors from
        stated times, valid by construction, and skips these checks.)"""
        by_unit: dict[float, list[tuple[float, float]]] = {}
        for start, end, unit in anchors:
            if not (math.isfinite(start) and math.isfinite(end)) or end < start:
                raise ValueError(f"bad anchor interval: {start} to {end}")
            if not (unit > 0 and math.isfinite(unit)):
                raise ValueError(f"an anchor unit must be a positive number of seconds: {unit}")
            by_unit.setdefault(unit, []).append((start, end))
        self._setup(by_unit, max_speed)

    @classmethod
    def of_stated(
        cls,
        times: Iterable[tuple[float, float, int]],
        max_speed: float = AUTO_MAX_SPEED,
    ) -> AutoSpeed:
        """The law for the anchors of stated times, each given as its start tick, the same
        moment in POSIX seconds, and its precision's value. Each anchor's interval is the
        real one (a day that ends with a leap second lasts 86401 s), and no datetime is made
        for a fixed-length precision, as there may be a hundred thousand times."""
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
