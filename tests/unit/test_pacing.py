"""Where the auto speed spends wall time: the figures of :class:`AutoSpeed`'s table, played on
a manual clock (no sleeping), and the pieces of the law that make them."""

from __future__ import annotations

import itertools
import math
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control.autospeed import (
    AUTO_DWELL_COARSE,
    AUTO_MAX_SPEED,
    CLUSTER_UNITS,
    CLUSTER_WALL_S,
    AutoSpeed,
    gap_speed,
    slow_speed,
)
from mission_control.campaign import Campaign, replay_clock
from mission_control.clock import ManualTimeSource, ReplayClock
from mission_control.timescale import to_tick

STEP = 0.05
"""Wall seconds between readings of the played replay."""


def tick(text: str) -> float:
    return to_tick(datetime.fromisoformat(text).replace(tzinfo=UTC))


DAY = 86400.0
MARS6_LAUNCH = tick("1973-08-05T17:45:48")
MARS7_LAUNCH = tick("1973-08-09T17:00:17")
MARS6_COURSE = tick("1973-08-13")
MARS7_COURSE = tick("1973-08-16")
MARS7_ARRIVAL = tick("1974-03-09")
MARS6_ARRIVAL = tick("1974-03-12")
ENTRY = tick("1974-03-12T09:05:53")
LOSS = tick("1974-03-12T09:11:05")
LAST_CONTACT = tick("1974-03-25")


class Played:
    """A whole auto replay of the campaign, read every :data:`STEP` wall seconds."""

    def __init__(self, clock: ReplayClock, source: ManualTimeSource) -> None:
        self.walls = [source()]
        self.ticks = [clock.now()]
        self.speeds = [clock.speed]
        while clock.playing:
            source.advance(STEP)
            self.walls.append(source())
            self.ticks.append(clock.now())
            self.speeds.append(clock.speed)
            assert len(self.walls) < 20_000, "the replay never ended"

    def wall_at(self, at: float) -> float:
        """Wall seconds from the start until the replay first reaches ``at``."""
        return next(w for w, t in zip(self.walls, self.ticks, strict=True) if t >= at)

    def between(self, a: float, b: float) -> float:
        return self.wall_at(b) - self.wall_at(a)

    @property
    def total(self) -> float:
        return self.walls[-1]


@pytest.fixture(scope="module")
def played(campaign: Campaign) -> Played:
    source = ManualTimeSource()
    return Played(replay_clock(campaign, source), source)


# (from, to, wall seconds in the law's docstring table)
TABLE = [
    ("start", MARS6_LAUNCH, 4),
    (MARS6_LAUNCH, MARS7_LAUNCH, 10),
    (MARS7_LAUNCH, MARS7_COURSE, 19),
    (MARS7_COURSE, MARS7_ARRIVAL, 62),
    (MARS7_ARRIVAL, MARS6_ARRIVAL, 9),
    (MARS6_ARRIVAL, ENTRY, 5),
    (ENTRY, LOSS, 22),
    (LOSS, LAST_CONTACT, 18),
]


def test_the_documented_wall_seconds_of_each_stretch(played: Played, campaign: Campaign) -> None:
    measured = [
        played.between(campaign.start if a == "start" else float(a), b) for a, b, _ in TABLE
    ]
    report = [(round(m, 1), want) for m, (_, _, want) in zip(measured, TABLE, strict=True)]
    for m, (_, _, want) in zip(measured, TABLE, strict=True):
        assert m == pytest.approx(want, abs=1.5), report
    assert played.total == pytest.approx(153, abs=3), played.total


def test_the_whole_replay_takes_two_and_a_half_to_four_minutes(played: Played) -> None:
    assert 150 <= played.total <= 240


def test_the_seven_month_cruise_can_be_watched(played: Played) -> None:
    """From the last course correction to the first arrival: 40 to 60-odd wall seconds."""
    assert 40 <= played.between(MARS7_COURSE + DAY, MARS7_ARRIVAL) <= 65


def test_a_launch_is_not_a_minute_near_1x(played: Played) -> None:
    """Around each launch (the day it happens on) the replay runs slower than 10x for a few
    seconds only, and from the start the first launch comes within five."""
    for launch in (MARS6_LAUNCH, MARS7_LAUNCH):
        slow = sum(
            STEP
            for t, speed in zip(played.ticks, played.speeds, strict=True)
            if abs(t - launch) < DAY / 2 and speed < 10
        )
        assert 3 <= slow <= 8, (launch, slow)
    assert played.wall_at(MARS6_LAUNCH) <= 5


def test_each_descent_event_has_several_seconds(played: Played) -> None:
    """Entry and loss of contact, 312 s apart, are each passed at 1x and are well apart."""
    assert played.between(ENTRY, LOSS) >= 2 * 6
    for at in (ENTRY, LOSS):
        near = [s for t, s in zip(played.ticks, played.speeds, strict=True) if abs(t - at) <= 1]
        assert near and max(near) == 1.0


def test_no_dead_stretch_is_longer_than_a_few_seconds_but_the_descent(played: Played) -> None:
    """With nothing passed and the date unchanged the screen shows only new digits: such a
    stretch lasts at most seven seconds (the rest of the day of the loss of contact, at the
    date's 8 h/s), except the descent, where the countdown to the loss of contact is what is
    watched."""
    events = sorted(
        {MARS6_LAUNCH, MARS7_LAUNCH, ENTRY, LOSS}
        | {MARS6_COURSE, MARS7_COURSE, MARS7_ARRIVAL, MARS6_ARRIVAL, LAST_CONTACT}
    )

    def shown(t: float) -> tuple[int, int]:
        return math.floor(t / DAY), sum(e <= t for e in events)

    longest = run = 0.0
    for t0, t1 in itertools.pairwise(played.ticks):
        run = run + STEP if shown(t0) == shown(t1) else 0.0
        if not ENTRY <= t1 <= LOSS:
            longest = max(longest, run)
        else:
            run = 0.0
    assert longest <= 7, longest


def test_a_date_is_never_slowed_to_1x(played: Played) -> None:
    """A course correction known only to the day has no instant to slow down at: the whole
    day passes at 8 h/s, and no moment in it at 1x."""
    law = AutoSpeed([(MARS6_COURSE, MARS6_COURSE + DAY, DAY)])
    probes = [MARS6_COURSE + DAY * i / 100 for i in range(101)]
    assert {law(t) for t in probes} == {DAY / AUTO_DWELL_COARSE}
    assert slow_speed(DAY) == 8 * 3600
    day = [
        s
        for t, s in zip(played.ticks, played.speeds, strict=True)
        if MARS6_COURSE <= t < MARS6_COURSE + DAY
    ]
    assert day and min(day) == DAY / AUTO_DWELL_COARSE


def test_gap_speed_between_close_anchors() -> None:
    # The descent: 311 s between the end of entry's second and loss of contact.
    assert gap_speed(311.0, 1.0) == pytest.approx(311.0 / CLUSTER_WALL_S)
    # Up to an hour apart a gap is CLUSTER_WALL_S long; wider, shorter (no step at the hour).
    hour = CLUSTER_UNITS
    assert gap_speed(hour, 1.0) * CLUSTER_WALL_S == pytest.approx(hour)
    assert 2 * hour / gap_speed(2 * hour, 1.0) == pytest.approx(CLUSTER_WALL_S / 2)
    assert gap_speed(3.0, 1.0) == 1.0  # never below the unit
    assert gap_speed(10 * DAY, DAY) == math.inf  # dates are not clustered
    # Two launches four days apart: the cluster rule allows more than the cap.
    assert gap_speed(4 * DAY, 1.0) > AUTO_MAX_SPEED


def test_the_descent_gap_runs_at_the_cluster_speed() -> None:
    law = AutoSpeed([(ENTRY, ENTRY + 1, 1.0), (LOSS, LOSS + 1, 1.0)])
    middle = (ENTRY + 1 + LOSS) / 2
    assert law(middle) == pytest.approx((LOSS - ENTRY - 1) / CLUSTER_WALL_S)
    # Without its neighbour the same moment would run far faster.
    alone = AutoSpeed([(ENTRY, ENTRY + 1, 1.0)])
    assert alone(middle) > 50 * law(middle)
    # In the slow zones: 1x.
    assert law(ENTRY - 2) == law(LOSS + 3) == 1.0


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.lists(st.floats(0, 20_000, allow_nan=False), min_size=1, max_size=8),
    st.floats(-1000, 25_000, allow_nan=False),
)
def test_the_law_is_continuous_in_time(offsets: list[float], at: float) -> None:
    """No jump in speed anywhere, the gaps' edges included: a tiny step in time changes the
    speed by a tiny amount."""
    law = AutoSpeed([(o, o + 1.0, 1.0) for o in offsets])
    eps = 1e-6
    a, b = law(at), law(at + eps)
    assert abs(a - b) <= 1e-3 * max(a, b) + 1e-6, (a, b)


def test_a_unit_longer_than_the_cap_binds_if_its_slow_speed_is_below_it() -> None:
    """A unit of about six days dwells at two days per wall second, under the cap; a month
    (ten days per wall second) never slows the replay."""
    six_days = 6 * DAY
    law = AutoSpeed([(0.0, six_days, six_days)])
    assert law(1.0) == six_days / AUTO_DWELL_COARSE < AUTO_MAX_SPEED
    month = 2_629_800.0
    assert AutoSpeed([(0.0, month, month)])(1.0) == AUTO_MAX_SPEED
