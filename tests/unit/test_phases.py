"""Each part's phase, derived from the events: the two seed missions and hand-made ones."""

from __future__ import annotations

import itertools
import math
from datetime import UTC, datetime, timedelta

import pytest

from mission_control.campaign import Campaign, MissionTrack, build_campaign
from mission_control.glyphs import PHASE_STYLES
from mission_control.mission import Mission
from mission_control.model import Event, Precision, Provenance, StatedTime
from mission_control.phases import (
    DERIVED_PHASES,
    PART_PHASES,
    part_phase,
    phase_in,
    phase_spans,
)
from mission_control.state import PHASES, phase_at, state_at
from mission_control.status_rules import default_rules
from mission_control.timescale import to_tick

LAUNCH = datetime(1973, 8, 5, 17, 45, 48, tzinfo=UTC)


def tick(when: str) -> float:
    return to_tick(datetime.fromisoformat(when))


def phases_of(track: MissionTrack, part: str) -> list[str]:
    return [phase for _, _, phase in phase_spans(track, part, default_rules())]


def event(
    index: int,
    kind: str,
    part: str,
    at: datetime,
    outcome: str | None = None,
    precision: Precision = Precision.DAY,
) -> Event:
    return Event(
        mission_id="m",
        index=index,
        kind=kind,
        part=part,
        time=StatedTime(at, precision),
        at=at,
        summary=kind,
        provenance=(Provenance("m.txt", f"Sentence {index}.", (index, index + 1), 1),),
        outcome=outcome,
    )


def track_of(*events: Event) -> MissionTrack:
    """A mission of the given events (after a launch), with a bus and a lander."""
    launch = event(0, "launch", "spacecraft", LAUNCH, precision=Precision.SECOND)
    numbered = [
        Event(**{**{f: getattr(e, f) for f in e.__struct_fields__}, "index": i + 1})
        for i, e in enumerate(events)
    ]
    instruments = {"bus": ("magnetometer",), "lander": ("barometer",)}
    mission = Mission("m", "M", "m.txt", {}, instruments, (launch, *numbered))
    return build_campaign([mission]).tracks[0]


ARRIVAL = datetime(1974, 3, 9, tzinfo=UTC)


def test_the_part_phases_include_the_missions_and_each_has_one_colour() -> None:
    assert set(PHASES) <= set(PART_PHASES)
    assert set(PHASE_STYLES) == set(PART_PHASES)
    assert len(set(PHASE_STYLES.values())) == len(PHASE_STYLES)
    assert set(PART_PHASES) >= DERIVED_PHASES


def test_mars6_lander_separates_enters_and_loses_contact(campaign: Campaign) -> None:
    track = campaign.track("mars6")
    assert phases_of(track, "lander") == [
        "pre-launch",
        "launch",
        "cruise",
        "approach",
        "separation",
        "entry and descent",
        "contact lost",
    ]
    rules = campaign.rules
    assert part_phase(track, "lander", tick("1974-03-12T09:06:00+00:00"), rules) == (
        "entry and descent"
    )
    assert part_phase(track, "lander", tick("1974-03-12T09:12:00+00:00"), rules) == ("contact lost")


def test_mars6_bus_flies_past_into_a_derived_heliocentric_orbit(campaign: Campaign) -> None:
    track = campaign.track("mars6")
    assert phases_of(track, "bus")[-2:] == ["flyby", "heliocentric orbit"]
    rules = campaign.rules
    assert part_phase(track, "bus", tick("1974-03-12T09:06:00+00:00"), rules) == "flyby"
    assert part_phase(track, "bus", tick("1974-03-14T00:00:00+00:00"), rules) == (
        "heliocentric orbit"
    )


def test_mars7_both_parts_fly_past_and_the_bus_loses_contact(campaign: Campaign) -> None:
    track = campaign.track("mars7")
    assert phases_of(track, "lander")[-3:] == ["approach", "flyby", "heliocentric orbit"]
    assert phases_of(track, "bus")[-4:] == [
        "approach",
        "flyby",
        "heliocentric orbit",
        "contact lost",
    ]


def test_a_lander_shares_its_bus_phase_until_it_separates(campaign: Campaign) -> None:
    track = campaign.track("mars6")
    rules = campaign.rules
    for when in (
        "1973-08-05T18:00:00+00:00",
        "1973-10-01T00:00:00+00:00",
        "1974-03-01T00:00:00+00:00",
    ):
        moment = tick(when)
        assert part_phase(track, "lander", moment, rules) == part_phase(track, "bus", moment, rules)


def test_the_spans_cover_all_time_in_order(campaign: Campaign) -> None:
    for track in campaign.tracks:
        for part in track.parts:
            spans = phase_spans(track, part, campaign.rules)
            assert spans[0][0] == -math.inf and spans[-1][1] == math.inf
            assert all(a[1] == b[0] and a[0] < a[1] for a, b in itertools.pairwise(spans))
            assert all(phase in PART_PHASES for _, _, phase in spans)
            assert tuple(spans) == track.part_spans[part]


def test_a_failed_separation_leaves_the_lander_with_its_bus() -> None:
    track = track_of(
        event(0, "separation", "lander", ARRIVAL, "failed to separate"),
        event(0, "separation", "lander", ARRIVAL + timedelta(hours=2)),
        event(0, "flyby", "lander", ARRIVAL + timedelta(hours=4), "retrorocket failure"),
    )
    rules = default_rules()
    at = to_tick(ARRIVAL + timedelta(hours=1))
    assert part_phase(track, "lander", at, rules) == part_phase(track, "bus", at, rules)
    assert part_phase(track, "lander", at, rules) == "approach"
    assert part_phase(track, "lander", to_tick(ARRIVAL + timedelta(hours=3)), rules) == (
        "separation"
    )
    assert part_phase(track, "lander", to_tick(ARRIVAL + timedelta(hours=5)), rules) == "flyby"
    assert part_phase(track, "lander", to_tick(ARRIVAL + timedelta(days=3)), rules) == (
        "heliocentric orbit"
    )
    assert part_phase(track, "bus", to_tick(ARRIVAL + timedelta(days=3)), rules) == "ended"


def test_an_outcome_decides_the_phase_before_the_kind() -> None:
    track = track_of(
        event(0, "separation", "lander", ARRIVAL),
        event(0, "atmospheric-entry", "lander", ARRIVAL + timedelta(hours=1)),
        event(0, "other", "lander", ARRIVAL + timedelta(hours=2), "contact lost"),
        event(0, "last-contact", "spacecraft", ARRIVAL + timedelta(days=9)),
    )
    assert phases_of(track, "lander")[-3:] == ["separation", "entry and descent", "contact lost"]
    assert phases_of(track, "bus")[-2:] == ["approach", "contact lost"]


def test_a_landing_and_an_orbit_are_not_overruled_by_time() -> None:
    track = track_of(
        event(0, "separation", "lander", ARRIVAL),
        event(0, "landing", "lander", ARRIVAL + timedelta(hours=1)),
        event(0, "orbit-insertion", "bus", ARRIVAL + timedelta(hours=2)),
    )
    rules = default_rules()
    later = to_tick(ARRIVAL + timedelta(days=30))
    assert part_phase(track, "lander", later, rules) == "landed"
    assert part_phase(track, "bus", later, rules) == "orbit"


def test_phase_in_picks_the_span_of_a_moment() -> None:
    spans = [(-math.inf, 10.0, "pre-launch"), (10.0, 20.0, "launch"), (20.0, math.inf, "cruise")]
    assert [phase_in(spans, t) for t in (0.0, 10.0, 19.9, 20.0, 1e12)] == [
        "pre-launch",
        "launch",
        "launch",
        "cruise",
        "cruise",
    ]


@pytest.mark.parametrize("mission", ["mars6", "mars7"])
def test_the_state_gives_each_parts_phase(campaign: Campaign, mission: str) -> None:
    track = campaign.track(mission)
    for start, _, phase in track.part_spans["bus"][1:]:
        (ms,) = [m for m in state_at(campaign, start).missions if m.mission.id == mission]
        assert ms.part_phases["bus"] == phase
    assert phase_at(track, track.ticks[0] - 1, campaign.rules) == "pre-launch"


def test_a_course_correction_in_orbit_leaves_the_craft_in_orbit() -> None:
    track = track_of(
        event(0, "orbit-insertion", "spacecraft", ARRIVAL),
        event(0, "course-correction", "spacecraft", ARRIVAL + timedelta(days=20)),
        event(0, "last-contact", "spacecraft", ARRIVAL + timedelta(days=40)),
    )
    assert phases_of(track, "bus")[-2:] == ["orbit", "contact lost"]


def test_a_rover_rides_its_lander_down_and_stays_on_the_surface_once_deployed() -> None:
    """A rover follows its lander (which follows the bus until it separates); set down,
    it is on the surface as its lander is, and the bus's later events are not its own."""
    track = track_of(
        event(1, "separation", "lander", ARRIVAL),
        event(2, "landing", "lander", ARRIVAL + timedelta(hours=3), precision=Precision.MINUTE),
        event(3, "separation", "rover", ARRIVAL + timedelta(days=1)),
        event(4, "flyby", "bus", ARRIVAL + timedelta(days=2)),
        event(5, "loss-of-contact", "lander", ARRIVAL + timedelta(days=40)),
    )
    assert phases_of(track, "rover") == [
        "pre-launch",
        "launch",
        "cruise",
        "approach",
        "separation",
        "landed",
    ]
    # The lander lost contact after the rover left it: the rover's phase is its own.
    assert phases_of(track, "lander")[-2:] == ["landed", "contact lost"]
    assert phases_of(track, "bus")[-2:] == ["flyby", "heliocentric orbit"]


def test_a_rover_not_yet_deployed_shares_its_landers_fate() -> None:
    track = track_of(
        event(1, "separation", "lander", ARRIVAL),
        event(2, "loss-of-contact", "lander", ARRIVAL + timedelta(hours=3)),
        event(3, "flyby", "bus", ARRIVAL + timedelta(days=2)),
        event(4, "separation", "rover", ARRIVAL + timedelta(days=3), "failed to separate"),
    )
    assert phases_of(track, "rover")[-2:] == ["separation", "contact lost"]


def test_a_sample_return_capsule_lands_with_its_lander_and_comes_back_on_its_own() -> None:
    track = track_of(
        event(1, "orbit-insertion", "spacecraft", ARRIVAL),
        event(2, "landing", "lander", ARRIVAL + timedelta(days=4)),
        event(3, "separation", "capsule", ARRIVAL + timedelta(days=5)),
        event(4, "atmospheric-entry", "capsule", ARRIVAL + timedelta(days=8)),
        event(5, "landing", "capsule", ARRIVAL + timedelta(days=8, hours=1)),
    )
    assert phases_of(track, "capsule")[-5:] == [
        "orbit",
        "landed",
        "separation",
        "entry and descent",
        "landed",
    ]


def test_a_rover_waits_attached_to_its_lander_not_to_the_bus() -> None:
    track = track_of(
        event(1, "separation", "lander", ARRIVAL),
        event(2, "landing", "lander", ARRIVAL + timedelta(hours=3)),
        event(3, "separation", "rover", ARRIVAL + timedelta(days=1)),
    )
    parts = state_at(build_campaign([track.mission]), to_tick(ARRIVAL), positions=False)
    rover = parts.missions[0].parts["rover"]
    assert rover["rover"].reason == "attached to the lander until its separation"
    assert parts.missions[0].parts["lander"]["lander"].reason == "separated from the bus"
