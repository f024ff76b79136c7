"""The auto speed law: how fast the replay may run at any moment, from the stated times.

Every time the sources state is an *anchor*: an interval of mission time as long as its
precision (a second, a day, a month). Near an anchor the replay slows down (to 1x at a time
stated to the second, to 8 h/s at a date); between close anchors of a unit finer than a day
(a descent) it keeps slow enough to read each; far from every anchor it runs at
:data:`AUTO_MAX_SPEED`. So wall time goes where events are dense, and a lone event costs a
few seconds. The law is precomputed so that evaluating it for a hundred thousand anchors
stays cheap.
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
    "CLUSTER_UNITS",
    "CLUSTER_WALL_S",
    "COARSE_UNIT",
    "UNIT_SECONDS",
    "AutoSpeed",
    "gap_speed",
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

AUTO_MAX_SPEED = 345_600.0
"""Auto never runs faster than four days per wall second: the seven months between the
launches and Mars are then a minute of wall time, long enough to watch the orrery."""
AUTO_K_FINE = 2.0
"""Slow zone half-width, in units, of an anchor finer than a day (and the wall seconds of
the ramp down to it): a time stated to the second is passed at 1x for five seconds."""
AUTO_K_COARSE = 1.0
"""Slow zone half-width, in units, of an anchor of a day or coarser."""
AUTO_DWELL_COARSE = 3.0
"""Wall seconds per unit in the slow zone of an anchor of a day or coarser: a date is passed
at 8 h/s, so the day of a course correction or an arrival can be read (a time stated to
the second is passed at one unit per wall second, 1x)."""
COARSE_UNIT = 86_400.0
"""Units at least this long use :data:`AUTO_K_COARSE`."""
CLUSTER_WALL_S = 15.0
"""Wall seconds at least between neighbouring anchors of a unit finer than a day that are
at most :data:`CLUSTER_UNITS` apart (a descent): each event there can be read."""
CLUSTER_UNITS = 3600.0
"""Up to this gap, in units, neighbouring fine anchors get :data:`CLUSTER_WALL_S`; a wider
gap gets that many wall seconds times this over the gap (so no step in the law)."""


def _reach(unit: float) -> float:
    return AUTO_K_FINE if unit < COARSE_UNIT else AUTO_K_COARSE


def slow_speed(unit: float) -> float:
    """The speed in an anchor's slow zone: one unit per wall second, but a day or coarser
    takes :data:`AUTO_DWELL_COARSE` wall seconds."""
    return unit if unit < COARSE_UNIT else unit / AUTO_DWELL_COARSE


def gap_speed(gap: float, unit: float) -> float:
    """The speed at most between two neighbouring anchors of ``unit`` ``gap`` ticks apart
    (infinite for units of a day or more): ``gap / W * max(1, gap / (C * unit))`` with
    ``W`` = :data:`CLUSTER_WALL_S` and ``C`` = :data:`CLUSTER_UNITS`, never below the unit."""
    if unit >= COARSE_UNIT:
        return math.inf
    span = CLUSTER_UNITS * unit
    return max(unit, gap / CLUSTER_WALL_S * max(1.0, gap / span))


class _Group:
    """All anchors that share one unit, sorted for nearest-interval look-ups."""

    __slots__ = ("cap_reach", "curve", "ends", "gaps", "raw_ends", "slow", "starts", "zone")

    def __init__(self, unit: float, intervals: list[tuple[float, float]], max_speed: float) -> None:
        intervals.sort()
        self.slow = slow_speed(unit)
        self.zone = _reach(unit) * unit  # distance where the quadratic part starts
        self.curve = self.zone**2 / self.slow  # speed = d**2 / curve outside the zone
        self.cap_reach = math.sqrt(max_speed * self.curve)  # distance where it meets the cap
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
        # The speed allowed between anchor i's furthest end and anchor i + 1's start.
        self.gaps = [
            gap_speed(start - end, unit) if start > end else math.inf
            for end, start in zip(ends, self.starts[1:], strict=False)
        ]

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
        return max(self.slow, d * d / self.curve)

    def at(self, tick: float) -> float:
        """The speed this unit's anchors allow at ``tick``."""
        i, d = self.near(tick)
        speed = self.speed(d)
        if 0 <= i < len(self.gaps) and d > 0:
            speed = min(speed, self.gaps[i])
        return speed

    def gap_reach(self, i: int) -> float:
        """How far from either side of gap ``i`` the curve meets that gap's speed."""
        return math.sqrt(self.gaps[i] * self.curve)


class AutoSpeed:
    """The auto speed law, precomputed for fast evaluation.

    For an anchor with unit ``u`` at distance ``d`` from its interval (0 inside it) the
    allowed speed is ``f(d) = v * max(1, d / z) ** 2``: in the slow zone, ``z = k * u``
    either side, it is the slow speed ``v`` (:func:`slow_speed`), and beyond it grows with
    the square of the distance. For units finer than a day ``k`` = :data:`AUTO_K_FINE` (2)
    and ``v = u`` (1x for a second); for a day or coarser ``k`` = :data:`AUTO_K_COARSE` (1)
    and ``v = u /`` :data:`AUTO_DWELL_COARSE` (8 h/s for a day). Between two neighbouring
    anchors of a fine unit a gap ``G`` apart the speed is also at most :func:`gap_speed`
    (``G / 15 s`` up to an hour's gap for seconds). The speed at a tick is the least of
    :data:`AUTO_MAX_SPEED` and every unit's nearest anchor.

    Approaching an anchor from a distance ``D`` on the quadratic part costs ``z / v *
    (1 - z / D)`` wall seconds, about ``k`` times the dwell whatever ``D``: 2 s either side
    of a timed event, 3 s either side of a date. A lone time stated to the second costs
    about 9 s (2 s ramp, 5 s at 1x, 2 s ramp); a lone date about 15 s (3 s ramp, 9 s for the
    day and the day either side, 3 s ramp); a date never slows to 1x, as its instant is
    unknown; anything coarser than the cap (a month, a year) never slows the replay.

    For the Mars 6/7 campaign (``tests/unit/test_pacing.py`` checks these figures within a
    second or two):

    ===========================================  ============  ======
    stretch                                      mission time  wall s
    ===========================================  ============  ======
    start (10 min before) to Mars 6 launch       10 min        4
    Mars 6 launch to Mars 7 launch               4 days        10
    Mars 7 launch to its course correction       6.3 days      19
    Mars 7 course correction to its arrival      205 days      62
    Mars 7 arrival to Mars 6 arrival             3 days        9
    Mars 6 arrival day to atmospheric entry      9 h           5
    entry to loss of contact (the descent)       312 s         22
    loss of contact to Mars 7 last contact       13 days       18
    the whole replay                             7.6 months    153
    ===========================================  ============  ======

    Evaluation is exact in O(G log n) for n anchors in G distinct units: for anchors of one
    unit ``f`` grows with ``d``, so only the nearest interval of each unit matters (found by
    bisection on sorted starts plus a running maximum of ends). Units cannot be compared by
    distance alone—a date a day away allows less speed than a second-stated event three
    hours away—so each unit is searched on its own. Units whose slow speed is at or above
    the cap never bind and are dropped.
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
            if slow_speed(unit) < self.max_speed
        )

    def __call__(self, tick: float) -> float:
        speed = self.max_speed
        for g in self._groups:
            speed = min(speed, g.at(tick))
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
                    if math.isfinite(g.gaps[i]):
                        reach = g.gap_reach(i)
                        points += [left_end + reach, s - reach]
            for p in points:
                ahead = tick + eps < p < best if direction > 0 else best < p < tick - eps
                if ahead:
                    best = p
        return best
