from __future__ import annotations

import itertools
import math
import random
from datetime import UTC, datetime
from typing import NamedTuple

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mission_control.clock as clock_module
from mission_control.autospeed import (
    AUTO_K_COARSE,
    AUTO_K_FINE,
    AUTO_MAX_SPEED,
    COARSE_UNIT,
    UNIT_SECONDS,
    AutoSpeed,
    gap_speed,
    slow_speed,
)
from mission_control.clock import LOOP_HOLD_S, ManualTimeSource, ReplayClock, SystemTimeSource
from mission_control.model import Precision, StatedTime
from mission_control.speed import SPEED_LADDER, auto_label, parse_speed, speed_label
from mission_control.timescale import from_tick, to_tick


class Anchor(NamedTuple):
    """An interval of mission time ``[start, end]`` (ticks) the sources state, and its unit
    in seconds: the ``(start, end, unit)`` that :class:`AutoSpeed` takes."""

    start: float
    end: float
    unit: float

    @classmethod
    def of(cls, start_tick: float, precision: Precision) -> Anchor:
        """The anchor for a time stated at ``precision`` whose interval starts at the tick
        (the real interval: a day that ends with a leap second lasts 86401 s)."""
        begin = from_tick(start_tick).moment
        length = to_tick(precision.span(begin)) - to_tick(begin)
        return cls(start_tick, start_tick + length, UNIT_SECONDS[precision])

    @classmethod
    def stated(cls, stated: StatedTime) -> Anchor:
        return cls.of(to_tick(stated.start), stated.precision)

    def distance(self, tick: float) -> float:
        """Ticks from ``tick`` to this interval (0 inside it)."""
        if tick < self.start:
            return self.start - tick
        if tick > self.end:
            return tick - self.end
        return 0.0


def anchor_speed(anchor: Anchor, tick: float) -> float:
    """The speed one anchor allows at ``tick``: ``v * max(1, d / (k * u)) ** 2``."""
    u = anchor.unit
    reach = AUTO_K_FINE if u < COARSE_UNIT else AUTO_K_COARSE
    return slow_speed(u) * max(1.0, anchor.distance(tick) / (reach * u)) ** 2


MINUS = "\u2212"


def tick(text: str) -> float:
    return to_tick(datetime.fromisoformat(text).replace(tzinfo=UTC))


SECOND, DAY = Precision.SECOND, Precision.DAY
CAMPAIGN: dict[str, Anchor] = {
    "Mars 6 launch": Anchor.of(tick("1973-08-05T17:45:48"), SECOND),
    "Mars 7 launch": Anchor.of(tick("1973-08-09T17:00:17"), SECOND),
    "Mars 6 course correction": Anchor.of(tick("1973-08-13"), DAY),
    "Mars 7 course correction": Anchor.of(tick("1973-08-16"), DAY),
    "Mars 7 separation and flyby": Anchor.of(tick("1974-03-09"), DAY),
    "Mars 6 separation and flyby": Anchor.of(tick("1974-03-12"), DAY),
    "Mars 6 atmospheric entry": Anchor.of(tick("1974-03-12T09:05:53"), SECOND),
    "Mars 6 loss of contact": Anchor.of(tick("1974-03-12T09:11:05"), SECOND),
    "Mars 7 last contact": Anchor.of(tick("1974-03-25"), DAY),
}
ANCHORS = tuple(CAMPAIGN.values())
FIRST_LAUNCH = CAMPAIGN["Mars 6 launch"]
ENTRY = CAMPAIGN["Mars 6 atmospheric entry"]
LOS = CAMPAIGN["Mars 6 loss of contact"]
LAST = CAMPAIGN["Mars 7 last contact"]
LO = FIRST_LAUNCH.start - 600
HI = LAST.end + 3600
BOUNDS = (LO, HI)
T0 = tick("1973-10-01T00:00:00")


def make(
    speed: float = 1.0, *, start: float = T0, **kwargs: object
) -> tuple[ReplayClock, ManualTimeSource]:
    source = ManualTimeSource(1000.0)
    clock = ReplayClock(
        source,
        start=start,
        bounds=BOUNDS,
        law=AutoSpeed(ANCHORS),
        speed=speed,
        **kwargs,  # type: ignore[arg-type]
    )
    return clock, source


# ------------------------------------------------------------------ time sources


def test_time_sources() -> None:
    system = SystemTimeSource()
    a = system()
    assert system() >= a
    manual = ManualTimeSource()
    assert manual() == 0.0
    manual.advance(2.5)
    manual.set(10.0)
    manual.advance(0.5)
    assert manual() == 10.5
    with pytest.raises(ValueError):
        manual.advance(-1)


# ------------------------------------------------------------------ anchors


def test_anchor_intervals() -> None:
    assert (FIRST_LAUNCH.end - FIRST_LAUNCH.start, FIRST_LAUNCH.unit) == (1.0, 1.0)
    day = CAMPAIGN["Mars 7 last contact"]
    assert (day.end - day.start, day.unit) == (86400.0, 86400.0)
    assert day.end == tick("1974-03-26T00:00:00")
    # The last day of 1973 ended with a leap second.
    leap_day = Anchor.of(tick("1973-12-31"), DAY)
    assert leap_day.end - leap_day.start == 86401
    minute = Anchor.stated(StatedTime(datetime(1974, 3, 12, 9, 5, tzinfo=UTC), Precision.MINUTE))
    assert (minute.end - minute.start, minute.unit) == (60.0, 60.0)
    with pytest.raises(ValueError):
        AutoSpeed([Anchor(10.0, 5.0, 1.0)])
    with pytest.raises(ValueError):
        AutoSpeed([Anchor(0.0, 1.0, 0.0)])


def test_auto_law_values() -> None:
    law = AutoSpeed(ANCHORS)
    # Inside or within 2 s of a time stated to the second: 1x.
    assert law(ENTRY.start) == 1.0
    assert law(ENTRY.start - 2) == 1.0
    assert law(ENTRY.end + 2) == 1.0
    assert law(ENTRY.start - 100) == pytest.approx(2500.0)  # 100**2 / (2**2 * 1)
    # Within a day of a date: 8 h per wall second (the timed events are far away).
    assert law(tick("1973-08-12T06:00:00")) == 28800.0
    # Mid-cruise: the cap.
    assert law(tick("1973-11-15")) == AUTO_MAX_SPEED
    # Coarser than the cap: never binds.
    month = Anchor.of(tick("1973-11-01"), Precision.MONTH)
    assert AutoSpeed([month])(month.start) == AUTO_MAX_SPEED
    assert anchor_speed(month, month.start) == slow_speed(month.unit) == month.unit / 3
    # A date a day away allows less than a second-stated event three hours away.
    day, sec = (
        Anchor(0.0, 86400.0, 86400.0),
        Anchor(2 * 86400 + 3 * 3600, 2 * 86400 + 3 * 3600 + 1, 1.0),
    )
    t = 2 * 86400.0
    assert anchor_speed(day, t) < anchor_speed(sec, t)
    assert AutoSpeed([day, sec])(t) == anchor_speed(day, t)
    assert AutoSpeed([])(t) == AUTO_MAX_SPEED


def brute_force_speed(starts: np.ndarray, ends: np.ndarray, units: np.ndarray, t: float) -> float:
    d = np.maximum(0.0, np.maximum(starts - t, t - ends))
    k = np.where(units < 86400, AUTO_K_FINE, AUTO_K_COARSE)
    slow = np.where(units < 86400, units, units / 3.0)
    f = slow * np.maximum(1.0, d / (k * units)) ** 2
    speed = min(AUTO_MAX_SPEED, f.min())
    # Between two neighbouring anchors of one unit, outside every interval: the gap's speed.
    for unit in np.unique(units):
        same = units == unit
        before, after = same & (starts <= t), same & (starts > t)
        if before.any() and after.any():
            last_end, next_start = ends[before].max(), starts[after].min()
            if last_end < t:
                speed = min(speed, gap_speed(next_start - last_end, unit))
    return float(speed)


def test_auto_speed_matches_brute_force_over_100000_anchors() -> None:
    rng = random.Random(1973)
    units = (1.0, 60.0, 86400.0, 2_629_800.0, 3600.0)
    anchors = []
    for _ in range(100_000):
        unit = rng.choice(units)
        start = rng.uniform(0, 3e9)
        # Interval lengths vary and overlap: a day with a leap second, odd stated spans.
        length = unit * rng.choice((1.0, 1.0, 1.0, 0.5, 3.0, 40.0)) + rng.choice((0.0, 1.0))
        anchors.append(Anchor(start, start + length, unit))
    law = AutoSpeed(anchors)
    arrays = [np.array([getattr(a, n) for a in anchors]) for n in ("start", "end", "unit")]
    probes = [rng.uniform(-1e8, 3.1e9) for _ in range(300)]
    picks = rng.sample(anchors, 200)
    probes += [a.start + rng.uniform(-5 * a.unit, 5 * a.unit) for a in picks]
    probes += [a.start for a in picks[:50]] + [a.end for a in picks[50:100]]
    for t in probes:
        assert law(t) == pytest.approx(brute_force_speed(*arrays, t), rel=1e-12), t


# ------------------------------------------------------------------ fixed speeds


def test_play_pause_toggle() -> None:
    clock, source = make(playing=False)
    assert not clock.playing and clock.state_label == "paused"
    source.advance(5)
    assert clock.now() == T0
    clock.play()
    source.advance(5)
    assert clock.now() == T0 + 5
    clock.pause()
    source.advance(100)
    assert clock.now() == T0 + 5
    clock.toggle()
    assert clock.playing and clock.state_label == "playing"
    source.advance(1)
    assert clock.now() == T0 + 6
    clock.toggle()
    assert not clock.playing
    source.advance(1)
    assert clock.now() == T0 + 6


def test_fixed_speeds_are_exact() -> None:
    for factor in (1.0, 10.0, 3600.0, 86400.0, 604800.0, 250.0):
        clock, source = make(factor, start=LO)
        origin = source()
        for _ in range(1000):
            source.advance(0.01)
            assert clock.now() == LO + factor * (source() - origin)
    clock, source = make(3600.0)
    source.advance(10)
    assert clock.now() == T0 + 36000


def test_negative_speed_runs_backwards() -> None:
    clock, source = make(-3600.0)
    assert clock.direction == -1 and clock.speed == -3600.0
    assert clock.state_label == "reverse" and clock.label == f"{MINUS}1 h/s"
    source.advance(2)
    assert clock.now() == T0 - 7200
    clock.reverse()
    assert clock.speed == 3600.0 and clock.label == "1 h/s"
    source.advance(2)
    assert clock.now() == T0


def test_zero_or_nonfinite_speed_rejected() -> None:
    clock, _ = make()
    for bad in (0.0, -0.0, math.nan, math.inf):
        with pytest.raises(ValueError):
            clock.set_speed(bad)
    with pytest.raises(ValueError):
        make(0.0)
    with pytest.raises(ValueError):
        clock.seek(math.nan)


def test_speed_change_mid_play_has_no_jump() -> None:
    clock, source = make(600.0)
    source.advance(3.3)
    before = clock.now()
    assert before == T0 + 600 * 3.3
    clock.set_speed(86400.0)
    assert clock.now() == before
    source.advance(0.5)
    assert clock.now() == pytest.approx(before + 43200, abs=1e-6)
    middle = clock.now()
    clock.set_speed(-10.0)
    assert clock.now() == middle
    source.advance(1)
    assert clock.now() == pytest.approx(middle - 10, abs=1e-6)
    clock.set_auto()
    assert clock.now() == pytest.approx(middle - 10, abs=1e-6)
    at = clock.now()
    clock.faster()
    assert clock.now() == at


# ------------------------------------------------------------------ ladder and labels


def test_ladder_steps_both_ways_and_clamps() -> None:
    factors = [f for f, _ in SPEED_LADDER]
    clock, _ = make(1.0)
    seen = [clock.speed]
    for _ in range(len(factors) + 1):
        clock.faster()
        seen.append(clock.speed)
    assert seen == [*factors, factors[-1], factors[-1]]
    seen = [clock.speed]
    for _ in range(len(factors) + 1):
        clock.slower()
        seen.append(clock.speed)
    assert seen == [*reversed(factors), 1.0, 1.0]
    # Direction is kept.
    clock.set_speed(-60.0)
    clock.faster()
    assert clock.speed == -600.0
    clock.slower()
    clock.slower()
    assert clock.speed == -10.0
    # From a factor that is not on the ladder: the next step up or down.
    clock.set_speed(250.0)
    clock.faster()
    assert clock.speed == 600.0
    clock.set_speed(-250.0)
    clock.slower()
    assert clock.speed == -60.0
    # Beyond the ends nothing changes.
    clock.set_speed(0.5)
    clock.slower()
    assert clock.speed == 0.5
    clock.faster()
    assert clock.speed == 1.0
    clock.set_speed(2e6)
    clock.faster()
    assert clock.speed == 2e6
    clock.slower()
    assert clock.speed == 604800.0


def test_ladder_from_auto_leaves_auto() -> None:
    clock, _ = make(auto=True, start=tick("1973-11-15"))
    assert clock.speed == AUTO_MAX_SPEED
    clock.faster()
    assert not clock.auto and clock.speed == 604800.0
    clock.set_auto()
    clock.faster()
    clock.faster()  # already at the top of the ladder: fixed at that speed
    assert not clock.auto and clock.speed == 604800.0
    clock.seek(ENTRY.start - 100)
    clock.set_auto()
    assert clock.speed == pytest.approx(2500.0)
    clock.faster()
    assert not clock.auto and clock.speed == 3600.0
    clock.set_auto()
    clock.slower()
    assert clock.speed == 600.0


def test_labels() -> None:
    expected = ["1×", "10×", "1 min/s", "10 min/s", "1 h/s", "6 h/s", "1 d/s", "1 week/s"]
    assert [speed_label(f) for f, _ in SPEED_LADDER] == expected
    assert [label for _, label in SPEED_LADDER] == expected
    assert speed_label(-3600) == f"{MINUS}1 h/s"
    # Any other speed in the same words: a number of the largest unit it reaches.
    assert speed_label(250) == "4.2 min/s"
    assert speed_label(-250) == f"{MINUS}4.2 min/s"
    assert speed_label(2.5) == "2.5×"
    assert speed_label(123456) == "1.4 d/s"
    assert speed_label(345600) == "4 d/s"
    assert speed_label(3599) == "1 h/s"  # rounded up into the next unit
    clock, _ = make(86400.0)
    assert clock.label == "1 d/s"
    clock.seek(ENTRY.start - 120)  # 120**2 / 4 = 3600
    clock.set_auto()
    assert clock.auto and clock.label == "auto 1 h/s"
    clock.reverse()
    assert clock.label == f"auto {MINUS}1 h/s" and clock.state_label == "reverse"
    clock.seek(ENTRY.start - 1)
    assert clock.label == f"auto {MINUS}1×"
    clock.seek(ENTRY.start - 60)  # 60**2 / 4 = 900
    assert clock.label == f"auto {MINUS}15 min/s"
    clock.set_auto(False)
    assert not clock.auto and clock.label == f"{MINUS}1 d/s"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.floats(0.01, 1e8), st.sampled_from([1, -1]), st.booleans())
def test_every_speed_shown_is_read_back_by_speed_option(
    magnitude: float, direction: int, auto: bool
) -> None:
    """One vocabulary: what the clock line and the notifications show (``4.2 min/s``,
    ``auto −1×``) is what ``--speed`` reads, to the two figures shown."""
    label = auto_label(magnitude, direction) if auto else speed_label(direction * magnitude)
    assert "×" not in label or label.endswith("×"), label  # never ``×250`` beside ``1×``
    shown = label.removeprefix("auto ") if auto else label
    read = parse_speed(shown)
    assert read is not None and (read > 0) == (direction > 0)
    assert abs(read) == pytest.approx(magnitude, rel=0.06), (magnitude, label)
    assert parse_speed("auto") is None


# ------------------------------------------------------------------ seeking and bounds


def test_seek_clamps_and_keeps_play_state() -> None:
    clock, source = make(10.0)
    clock.seek(LO - 1e6)
    assert clock.now() == LO and clock.at_start and clock.playing
    source.advance(1)
    assert clock.now() == LO + 10
    clock.seek(T0)
    assert clock.now() == T0 and clock.playing
    clock.pause()
    clock.seek(HI + 1e9)
    assert clock.now() == HI and clock.at_end and not clock.playing
    clock.seek(T0)
    source.advance(1)
    assert clock.now() == T0 and not clock.playing


def test_pauses_at_the_end_going_forward() -> None:
    clock, source = make(86400.0, start=HI - 86400 * 2)
    source.advance(1.5)
    assert clock.now() == HI - 86400 * 0.5
    source.advance(1.0)
    assert clock.now() == HI
    assert clock.at_end and not clock.playing and clock.state_label == "ended" and clock.ended
    source.advance(10)
    assert clock.now() == HI
    clock.play()  # still facing the end: stays ended
    assert not clock.playing and clock.ended
    clock.reverse()
    assert not clock.ended and clock.state_label == "paused"
    clock.play()
    source.advance(1)
    assert clock.playing and clock.now() == HI - 86400


def test_an_ended_replay_restarts_from_where_its_direction_starts() -> None:
    clock, source = make(86400.0, auto=True, start=HI - 60)
    source.advance(100)
    assert clock.ended and clock.now() == HI
    clock.restart()
    assert clock.now() == LO and clock.playing and not clock.ended and clock.auto
    source.advance(1)
    assert LO < clock.now() < HI
    # Going backward the replay ends at the start and restarts from the end.
    clock, source = make(-3600.0, start=LO + 60)
    source.advance(1)
    assert clock.ended and clock.now() == LO and clock.state_label == "ended"
    clock.restart()
    assert clock.now() == HI and clock.playing and clock.state_label == "reverse"
    # A replay paused at its end by a seek has not ended: it only stands there.
    clock, _ = make(playing=False)
    clock.seek(HI)
    assert not clock.ended and clock.state_label == "paused"


def test_a_looping_replay_holds_its_end_then_plays_again() -> None:
    clock, source = make(86400.0, auto=True, start=HI - 3 * 3600)
    clock.loop = True
    while clock.playing:
        source.advance(0.1)
    assert clock.ended and clock.state_label == "looping" and clock.now() == HI
    source.advance(LOOP_HOLD_S - 0.2)
    assert clock.state_label == "looping" and clock.now() == HI
    source.advance(0.2)
    assert clock.playing and clock.state_label == "playing" and clock.now() == LO
    assert clock.auto
    source.advance(1)
    assert clock.now() > LO
    # Loop turned on after the end: the hold counts from then; off: the replay stays ended.
    clock, source = make(86400.0, start=HI - 86400)
    source.advance(5)
    assert clock.ended and clock.state_label == "ended"
    clock.loop = True
    source.advance(LOOP_HOLD_S - 0.5)
    assert clock.ended
    source.advance(0.5)
    assert clock.playing and clock.now() == LO
    clock.loop = False
    clock.seek(HI - 86400)
    source.advance(10 + LOOP_HOLD_S)
    assert clock.ended and clock.now() == HI


def test_pauses_at_the_start_going_backward() -> None:
    clock, source = make(-60.0, start=LO + 90)
    source.advance(1)
    assert clock.now() == LO + 30
    source.advance(1)
    assert clock.now() == LO and clock.at_start and not clock.playing
    clock.play()
    assert not clock.playing
    clock.set_speed(60.0)
    clock.play()
    source.advance(1)
    assert clock.now() == LO + 60


def test_start_outside_bounds_is_clamped() -> None:
    clock, _ = make(start=HI + 5)
    assert clock.now() == HI and not clock.playing
    clock, _ = make(-1.0, start=LO - 5)
    assert clock.now() == LO and not clock.playing
    with pytest.raises(ValueError):
        ReplayClock(ManualTimeSource(), start=0.0, bounds=(1.0, 0.0), law=AutoSpeed(()))


# ------------------------------------------------------------------ auto figures


def run_auto(step: float) -> tuple[list[float], list[float], ReplayClock]:
    """Play the campaign in auto from the lower bound, one reading per ``step`` wall s."""
    source = ManualTimeSource()
    clock = ReplayClock(source, start=LO, bounds=BOUNDS, law=AutoSpeed(ANCHORS), auto=True)
    walls, ticks = [0.0], [clock.now()]
    n = 0
    while not clock.at_end:
        n += 1
        assert n * step < 1000, "the campaign never ended"
        source.set(n * step)
        walls.append(n * step)
        ticks.append(clock.now())
    return walls, ticks, clock


def first_wall(walls: list[float], ticks: list[float], at: float) -> float:
    return next(w for w, t in zip(walls, ticks, strict=True) if t >= at)


@pytest.fixture(scope="module")
def campaign_runs() -> dict[float, tuple[list[float], list[float], ReplayClock]]:
    return {step: run_auto(step) for step in (0.1, 1.0)}


def test_auto_campaign_duration(
    campaign_runs: dict[float, tuple[list[float], list[float], ReplayClock]],
) -> None:
    figures = {}
    for step, (walls, ticks, clock) in campaign_runs.items():
        assert clock.now() == HI and not clock.playing
        assert all(b >= a for a, b in itertools.pairwise(ticks))
        campaign = first_wall(walls, ticks, LAST.end) - first_wall(walls, ticks, FIRST_LAUNCH.start)
        figures[step] = (campaign, walls[-1])
    (fine, total_fine), (coarse, total_coarse) = figures[0.1], figures[1.0]
    message = (
        f"first launch -> last anchor: {fine:.1f} s wall at 0.1 s steps, {coarse:.1f} s at 1 s;"
        f" whole replay to at_end: {total_fine:.1f} s / {total_coarse:.1f} s"
    )
    assert 60 <= fine <= 240, message
    assert abs(fine - coarse) <= 1.0 + 1e-9, message
    assert abs(total_fine - total_coarse) <= 1.0 + 1e-9, message


def test_auto_entry_to_loss_of_contact_is_slow(
    campaign_runs: dict[float, tuple[list[float], list[float], ReplayClock]],
) -> None:
    walls, ticks, _ = campaign_runs[0.1]
    span = first_wall(walls, ticks, LOS.end) - first_wall(walls, ticks, ENTRY.start)
    assert LOS.start - ENTRY.start == 312
    assert span >= 20, f"entry -> loss of contact took {span:.1f} s of wall time"


def test_auto_passes_every_anchor_slowly(
    campaign_runs: dict[float, tuple[list[float], list[float], ReplayClock]],
) -> None:
    _, ticks, _ = campaign_runs[0.1]
    step = 0.1
    report = {}
    for name, a in CAMPAIGN.items():
        lo, hi = a.start - a.unit, a.end + a.unit
        inside = [lo <= t <= hi for t in ticks]
        longest = run = 0
        for flag in inside:
            run = run + 1 if flag else 0
            longest = max(longest, run)
        report[name] = longest
        # While in the window mission time moves at most one unit per wall second.
        for t0, t1 in itertools.pairwise(ticks):
            if lo <= t0 <= hi and lo <= t1 <= hi:
                assert t1 - t0 <= a.unit * step * (1 + 1e-6), (name, t0, t1)
    assert min(report.values()) >= 3, f"consecutive 0.1 s readings within one unit: {report}"


def test_auto_cadence_independent() -> None:
    """Reading at 10 Hz, once a second, or once a minute lands on the same mission time."""
    law = AutoSpeed(ANCHORS)
    results = {}
    for step in (0.1, 1.0, 20.0, 60.0):
        source = ManualTimeSource()
        clock = ReplayClock(source, start=LO, bounds=BOUNDS, law=AutoSpeed(ANCHORS), auto=True)
        marks = {}
        n = 0
        while n * step < 180:
            n += 1
            source.set(n * step)
            now = clock.now()
            if abs(n * step / 60 - round(n * step / 60)) < 1e-9:
                marks[round(n * step)] = now
        results[step] = marks
    for wall, reference in results[0.1].items():
        for step in (1.0, 20.0, 60.0):
            other = results[step][wall]
            # Compare in wall-second equivalents: the speed there may be a week per second.
            assert abs(other - reference) / law(reference) < 2e-3, (step, wall)


def test_auto_single_long_reading_and_substep_carry(monkeypatch: pytest.MonkeyPatch) -> None:
    source = ManualTimeSource()
    clock = ReplayClock(source, start=LO, bounds=BOUNDS, law=AutoSpeed(ANCHORS), auto=True)
    source.set(100.0)
    once = clock.now()
    _, ticks, _ = run_auto(1.0)
    assert abs(once - ticks[100]) / AutoSpeed(ANCHORS)(once) < 2e-3
    # With a tiny sub-step budget the clock lags but catches up on later readings.
    monkeypatch.setattr(clock_module, "MAX_SUBSTEPS", 3)
    source = ManualTimeSource()
    clock = ReplayClock(source, start=LO, bounds=BOUNDS, law=AutoSpeed(ANCHORS), auto=True)
    source.set(100.0)
    readings = [clock.now() for _ in range(2000)]
    assert readings[0] < readings[-1]
    assert abs(readings[-1] - once) / AutoSpeed(ANCHORS)(once) < 2e-3


def test_auto_reverse_runs_back_to_the_start() -> None:
    source = ManualTimeSource()
    clock = ReplayClock(
        source, start=HI, bounds=BOUNDS, law=AutoSpeed(ANCHORS), auto=True, playing=False
    )
    clock.reverse()
    clock.play()
    assert clock.playing and clock.state_label == "reverse" and clock.speed < 0
    ticks = [clock.now()]
    n = 0
    while not clock.at_start:
        n += 1
        assert n < 10_000
        source.advance(0.1)
        ticks.append(clock.now())
    assert clock.now() == LO and not clock.playing
    assert all(b <= a for a, b in itertools.pairwise(ticks))
    # Backward the campaign takes as long as forward.
    forward = run_auto(0.1)[0][-1]
    assert abs(n * 0.1 - forward) <= 1.0, (n * 0.1, forward)
    for a in ANCHORS:
        assert sum(a.start - a.unit <= t <= a.end + a.unit for t in ticks) >= 3
    # Reversing again mid-way in auto goes forward without a jump.
    clock.seek(ENTRY.start)
    clock.play()
    source.advance(1)
    back = clock.now()
    assert back == pytest.approx(ENTRY.start - 1, abs=1e-6)
    clock.reverse()
    assert clock.now() == back and clock.speed == 1.0
    source.advance(2)
    assert clock.now() == pytest.approx(ENTRY.start + 1, abs=1e-6)


# ------------------------------------------------------------------ property test

operations = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.floats(0, 30)),
        st.tuples(st.just("seek"), st.floats(LO - 1e7, HI + 1e7)),
        st.tuples(
            st.just("speed"), st.sampled_from([-604800.0, -86400.0, -1.0, 0.5, 60.0, 3600.0, 1e7])
        ),
        st.tuples(
            st.sampled_from(
                ["play", "pause", "toggle", "reverse", "auto", "fixed", "faster", "slower"]
            )
        ),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(operations)
def test_any_sequence_stays_in_bounds_and_continuous(ops: list[tuple[object, ...]]) -> None:
    source = ManualTimeSource()
    clock = ReplayClock(
        source, start=ENTRY.start, bounds=BOUNDS, law=AutoSpeed(ANCHORS), speed=10.0
    )
    last = clock.now()
    for op in ops:
        name = op[0]
        if name == "advance":
            dt = float(op[1])  # type: ignore[arg-type]
            top = max(abs(clock.speed), AUTO_MAX_SPEED)
            playing, direction = clock.playing, clock.direction
            source.advance(dt)
            now = clock.now()
            assert abs(now - last) <= top * dt * (1 + 1e-9) + 1e-6
            if not playing:
                assert now == last
            elif direction > 0:
                assert now >= last
            else:
                assert now <= last
        else:
            if name == "seek":
                clock.seek(float(op[1]))  # type: ignore[arg-type]
            elif name == "speed":
                clock.set_speed(float(op[1]))  # type: ignore[arg-type]
            elif name == "auto":
                clock.set_auto()
            elif name == "fixed":
                clock.set_auto(False)
            else:
                getattr(clock, str(name))()
            now = clock.now()
            if name == "seek":
                assert now == min(HI, max(LO, float(op[1])))  # type: ignore[arg-type]
            else:
                assert now == last
        assert LO <= now <= HI
        if clock.playing:
            assert not (clock.direction > 0 and now >= HI)
            assert not (clock.direction < 0 and now <= LO)
        last = now


def test_the_law_of_stated_times_is_the_law_of_their_anchors() -> None:
    rng = random.Random(11)
    base = datetime(1973, 12, 30, tzinfo=UTC)
    stated = []
    for _ in range(300):
        precision = rng.choice(list(Precision))
        start = datetime.fromtimestamp(base.timestamp() + rng.randrange(0, 3 * 86400), UTC)
        stated.append((to_tick(start), start.timestamp(), int(precision)))
    leap_day = datetime(1973, 12, 31, tzinfo=UTC)
    stated.append((tick("1973-12-31"), leap_day.timestamp(), int(DAY)))
    stated.append((tick("1973-12-31T23:59:59"), leap_day.timestamp() + 86399, int(SECOND)))
    by_anchor = AutoSpeed([Anchor.of(t, Precision(p)) for t, _, p in stated])
    by_time = AutoSpeed.of_stated(stated)
    probes = [rng.uniform(stated[0][0] - 86400, stated[0][0] + 4 * 86400) for _ in range(500)]
    assert [by_time(t) for t in probes] == [by_anchor(t) for t in probes]
    assert [by_time.length_scale(t) for t in probes] == [by_anchor.length_scale(t) for t in probes]
