"""The modelled transfer: from Earth at launch to the target planet at the first event there,
the numbers derived at every moment, and a clear refusal where the articles do not allow it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from msgspec.structs import replace
from support.fuzzing import FUZZ

from mission_control import ephemeris, lambert
from mission_control.campaign import Campaign, build_campaign, find_event
from mission_control.ephemeris import AU_KM, C_KM_S
from mission_control.extract.reader import read_text
from mission_control.kepler import Vec, norm, scale, sub
from mission_control.mission import Mission
from mission_control.state import earth_receive, state_at
from mission_control.timescale import to_tick
from mission_control.trajectory import MAX_C3_KM2_S2, Transfer, plan, position_at

DAY = 86400.0


def _tick(text: str) -> float:
    return to_tick(datetime.fromisoformat(text).replace(tzinfo=UTC))


def _transfer(campaign: Campaign, mission_id: str) -> Transfer:
    transfer = campaign.transfers()[mission_id]
    assert transfer is not None, campaign.transfer_warnings()
    return transfer


@pytest.mark.parametrize("mission_id", ["mars6", "mars7"])
def test_each_craft_flies_from_earth_at_launch_to_mars_at_its_first_event_there(
    campaign: Campaign, mission_id: str
) -> None:
    transfer = _transfer(campaign, mission_id)
    track = campaign.track(mission_id)
    assert transfer.target == "mars" and transfer.target_name == "Mars"
    assert transfer.departure_tick == track.launch_tick
    assert transfer.arrival_tick == track.arrival_tick
    start = position_at(transfer, transfer.departure_tick)
    assert start is not None and start.model == "transfer" and start.approximate
    assert start.earth_distance_km < 1.0
    # The conic ends on the planet: the last transfer moment is within a kilometre of it.
    end = transfer.craft_state(transfer.arrival_tick - 1e-3)
    assert end is not None and end[0] == "transfer"
    mars = ephemeris.position_km("mars", transfer.arrival_tick)
    assert norm(sub(end[1], mars)) < 1.0 + 25.0 * 1e-3  # a millisecond of flight is ~25 m
    after = position_at(transfer, transfer.arrival_tick)
    assert after is not None and after.model == "target" and not after.approximate
    assert after.target_distance_km == 0.0


def test_the_departure_and_arrival_speeds_are_those_of_a_1973_mars_transfer(
    campaign: Campaign,
) -> None:
    # Soviet 1973 Mars launches needed a C3 of roughly 10-20 km²/s², and arrived a few
    # km/s faster than Mars.
    for mission_id in ("mars6", "mars7"):
        transfer = _transfer(campaign, mission_id)
        assert 8.0 < transfer.c3_km2_s2 < 25.0, transfer.c3_km2_s2
        assert 2.0 < transfer.arrival_speed_km_s < 8.0, transfer.arrival_speed_km_s


def test_before_launch_there_is_no_position(campaign: Campaign) -> None:
    transfer = _transfer(campaign, "mars6")
    assert position_at(transfer, transfer.departure_tick - 1.0) is None
    state = state_at(campaign, transfer.departure_tick - 1.0)
    assert state.missions[0].position is None and state.missions[0].owlt_s is None


def test_mid_cruise_the_numbers_agree_with_the_position(campaign: Campaign) -> None:
    tick = _tick("1973-11-01T00:00:00")
    state = state_at(campaign, tick)
    for ms in state.missions:
        position = ms.position
        assert position is not None and position.approximate and position.model == "transfer"
        r = position.heliocentric_km
        earth = ephemeris.position_km("earth", tick)
        assert position.sun_distance_km == pytest.approx(norm(r))
        assert position.earth_distance_km == pytest.approx(norm(sub(r, earth)))
        # Between Earth's orbit and Mars's, and a light time of the distance from Earth.
        assert 1.0 < position.sun_distance_km / AU_KM < 1.67
        assert position.owlt_s == pytest.approx(position.earth_distance_km / C_KM_S, rel=1e-3)
        assert ms.owlt_s == position.owlt_s and ms.light_approximate
        assert 20.0 < position.heliocentric_speed_km_s < 35.0


def test_from_the_arrival_on_the_light_time_is_the_planets(campaign: Campaign) -> None:
    tick, entry = find_event(campaign, "mars6", "atmospheric-entry")
    mars6 = state_at(campaign, tick).missions[0]
    assert mars6.position is not None and mars6.position.model == "target"
    assert not mars6.light_approximate
    assert mars6.owlt_s == pytest.approx(ephemeris.one_way_light_time_s(entry.at), abs=0.05)


def test_the_modelled_light_time_gives_an_earth_receive_time_during_cruise(
    campaign: Campaign,
) -> None:
    track = campaign.track("mars6")
    transfer = _transfer(campaign, "mars6")
    _, correction = find_event(campaign, "mars6", "course-correction")
    found = earth_receive(track, transfer, correction)
    assert found is not None
    received, approximate = found
    assert approximate
    light = (received - correction.at).total_seconds()
    assert 1.0 < light < 20.0  # eight days out, a few million km
    _, entry = find_event(campaign, "mars6", "atmospheric-entry")
    assert earth_receive(track, transfer, entry) == (
        earth_receive(track, None, entry)[0],  # type: ignore[index]
        False,
    )


def test_the_replay_shows_the_same_position_forwards_and_backwards(campaign: Campaign) -> None:
    ticks = [_tick(f"1973-{m:02d}-15T06:00:00") for m in (9, 10, 11, 12)]
    forwards = [state_at(campaign, t).missions[1].position for t in ticks]
    backwards = [state_at(campaign, t).missions[1].position for t in reversed(ticks)]
    assert forwards == list(reversed(backwards))


# --------------------------------------------------------------------- what cannot be modelled


def _without(mission: Mission, **changes: object) -> Mission:
    return replace(mission, **changes)  # type: ignore[arg-type]


def test_a_craft_with_no_launch_has_no_position_and_one_warning(
    missions: dict[str, Mission],
) -> None:
    mars6 = missions["mars6"]
    events = [e for e in mars6.events if e.kind != "launch"]
    campaign = build_campaign([_without(mars6, events=events), missions["mars7"]])
    assert campaign.transfers()["mars6"] is None
    assert campaign.transfer_warnings() == {
        "mars6": "Mars 6: no trajectory modelled: the article states no launch"
    }
    state = state_at(campaign, _tick("1973-11-01T00:00:00"))
    assert state.missions[0].position is None and state.missions[0].owlt_s is None
    assert state.missions[1].position is not None  # the other craft is still modelled


def test_a_craft_with_no_target_planet_has_no_position(missions: dict[str, Mission]) -> None:
    mars6 = missions["mars6"]
    campaign = build_campaign([_without(mars6, metadata={**mars6.metadata, "target": None})])
    assert campaign.transfers() == {"mars6": None}
    assert "states no target planet" in campaign.transfer_warnings()["mars6"]
    # At the planet the light time is not known either: the planet is not known.
    assert state_at(campaign, _tick("1974-03-12T09:06:00")).missions[0].owlt_s is None


def test_a_target_the_model_does_not_know_is_refused(missions: dict[str, Mission]) -> None:
    mars6 = missions["mars6"]
    for target in ("Earth", "Pluto"):
        campaign = build_campaign([_without(mars6, metadata={**mars6.metadata, "target": target})])
        assert campaign.transfers() == {"mars6": None}, target


def test_no_event_at_the_planet_or_an_arrival_before_launch_is_refused() -> None:
    assert plan("x", "X 1", ("Mars", "mars"), 0.0, None) == (
        "X 1: no trajectory modelled: the article states no event at Mars"
    )
    launch = _tick("1973-08-05T17:45:48")
    assert plan("x", "X 1", ("Mars", "mars"), launch, launch) == (
        "X 1: no trajectory modelled: its first event at Mars is not after its launch"
    )


def test_a_transfer_no_rocket_could_fly_is_refused() -> None:
    launch = _tick("1973-08-05T17:45:48")
    reason = plan("x", "X 1", ("Mars", "mars"), launch, launch + 3 * DAY)
    assert isinstance(reason, str)
    assert reason.startswith("X 1: no trajectory modelled: a transfer from Earth to Mars in 3.0")
    assert f"at most {MAX_C3_KM2_S2:,.0f}" in reason


def test_a_geometry_the_solver_cannot_meet_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def cannot(*_: object) -> object:
        raise lambert.LambertError("the two positions are in line with the Sun")

    monkeypatch.setattr("mission_control.trajectory.solve", cannot)
    launch = _tick("1973-08-05T17:45:48")
    assert plan("x", "X 1", ("Mars", "mars"), launch, launch + 200 * DAY) == (
        "X 1: no trajectory modelled: no transfer from Earth to Mars fits its dates "
        "(the two positions are in line with the Sun)"
    )


@FUZZ
@given(
    launch_day=st.floats(0.0, 3650.0),
    flight_days=st.floats(60.0, 500.0),
    target=st.sampled_from(["mars", "venus"]),
)
def test_any_planned_transfer_starts_at_earth_and_ends_at_the_planet(
    launch_day: float, flight_days: float, target: ephemeris.Body
) -> None:
    launch = _tick("1970-01-01T00:00:00") + launch_day * DAY
    arrival = launch + flight_days * DAY
    found = plan("x", "X 1", (target.title(), target), launch, arrival)
    if isinstance(found, str):
        assert found.startswith("X 1: no trajectory modelled: ")
        return
    assert found.c3_km2_s2 <= MAX_C3_KM2_S2
    start = position_at(found, launch)
    assert start is not None and start.earth_distance_km < 1e-3
    end = found.craft_state(arrival - 1e-3)
    assert end is not None
    planet = ephemeris.position_km(target, arrival)
    assert norm(sub(end[1], planet)) < 1.0 + norm(end[2]) * 1e-3


# --------------------------------------------------------------------- which event is the arrival

PROBE = """Probe 9 was a robotic space probe launched to study Mercury.
Probe 9 was launched on 3 November 1973 at 05:45 UTC.
The spacecraft separated from its upper stage on 3 November 1973.
{on_the_way}It made its first flyby of Mercury on 29 March 1974, at a distance of 703 km.
"""


def _probe(on_the_way: str = "") -> Campaign:
    return build_campaign([read_text(PROBE.format(on_the_way=on_the_way), "probe9.txt")])


def test_an_upper_stage_separating_on_the_launch_day_is_not_the_arrival() -> None:
    campaign = _probe()
    track = campaign.track("probe9")
    assert track.target == ("Mercury", "mercury")
    assert track.arrival is not None and track.events[track.arrival].kind == "flyby"
    transfer = _transfer(campaign, "probe9")
    assert transfer.arrival_tick == _tick("1974-03-29T00:00:00")


def test_a_flyby_of_another_planet_on_the_way_is_not_modelled_as_one_conic() -> None:
    campaign = _probe("It flew past Venus on 5 February 1974, using the planet's gravity.\n")
    track = campaign.track("probe9")
    assert track.events[track.arrival].time.iso() == "1974-03-29"  # type: ignore[index]
    assert campaign.transfers() == {"probe9": None}
    assert campaign.transfer_warnings() == {
        "probe9": "Probe 9: no trajectory modelled: it passed Venus on the way to Mercury, "
        "and a path by another body (a gravity assist) is not modelled"
    }


def test_a_craft_named_after_a_planet_is_not_another_planet() -> None:
    campaign = _probe("It flew in formation with Mercury 7 on 5 February 1974.\n")
    assert campaign.transfers()["probe9"] is not None


def test_a_transfer_that_does_not_end_at_the_planet_is_not_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def off_by_one_percent(mu: float, r1: Vec, r2: Vec, tof: float) -> tuple[Vec, Vec]:
        v1, v2 = lambert.solve(mu, r1, r2, tof)
        return scale(1.01, v1), v2

    monkeypatch.setattr("mission_control.trajectory.solve", off_by_one_percent)
    launch = _tick("1973-08-05T17:45:48")
    reason = plan("x", "X 1", ("Mars", "mars"), launch, launch + 200 * DAY)
    assert isinstance(reason, str)
    assert reason.startswith("X 1: no trajectory modelled: the transfer computed from Earth to ")
    assert reason.endswith(" km") and "misses it by" in reason
