"""The bodies a craft may go to beyond the planets (the Moon, Phobos) and Earth for a craft
that never left it: where the ephemeris puts them, their light time, and why no transfer is
modelled to the Moon or for a craft stranded at Earth."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest
from msgspec.structs import replace
from support.paths import ARTICLES

from mission_control import ephemeris
from mission_control.campaign import build_campaign
from mission_control.ephemeris import BODIES, C_KM_S, planet_of, position_km, state_km
from mission_control.extract.reader import read_text
from mission_control.kepler import norm, sub
from mission_control.seedfile import load_text
from mission_control.state import light_time_at, state_at
from mission_control.timescale import to_tick
from mission_control.trajectory import plan

MOMENTS = [
    datetime(year, month, 1, tzinfo=UTC)
    for year in (1959, 1966, 1975, 1989)
    for month in (1, 4, 7, 10)
]


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: m.strftime("%Y-%m"))
def test_the_moon_is_a_lunar_distance_from_earth(moment: datetime) -> None:
    tick = to_tick(moment)
    apart = norm(sub(position_km("moon", tick), position_km("earth", tick)))
    # Perigee and apogee, with room for the barycentre and the formulae's error.
    assert 352_000 < apart < 410_000
    light = ephemeris.light_time_to_earth_s(position_km("moon", tick), tick)
    assert 1.17 < light < 1.37
    assert light == pytest.approx(apart / C_KM_S, abs=0.02)


def test_the_moon_goes_round_earth_in_a_sidereal_month() -> None:
    start = to_tick(datetime(1970, 1, 1, tzinfo=UTC))

    def longitude(tick: float) -> float:
        x, y, _ = sub(position_km("moon", tick), position_km("earth", tick))
        return math.atan2(y, x)

    # 27.32 days later it is back within a few degrees of where it was; half that, opposite.
    assert abs(math.remainder(longitude(start + 27.32 * 86400) - longitude(start), math.tau)) < 0.1
    half = abs(math.remainder(longitude(start + 13.66 * 86400) - longitude(start), math.tau))
    assert half > 2.8


def test_the_moon_s_velocity_matches_a_central_difference() -> None:
    tick = to_tick(datetime(1970, 11, 17, tzinfo=UTC))
    ahead, behind = position_km("moon", tick + 60), position_km("moon", tick - 60)
    difference = [(a - b) / 120 for a, b in zip(ahead, behind, strict=True)]
    position, velocity = state_km("moon", tick)
    assert math.dist(position, position_km("moon", tick)) < 1e-6
    assert math.dist(velocity, difference) < 1e-6 * norm(velocity)


def test_phobos_is_placed_at_mars() -> None:
    tick = to_tick(datetime(1989, 3, 27, tzinfo=UTC))
    assert position_km("phobos", tick) == position_km("mars", tick)
    assert planet_of("phobos") == "mars" and planet_of("moon") == "earth"
    assert planet_of("venus") == "venus"
    assert ephemeris.orbit_au("phobos", tick, 8) == ephemeris.orbit_au("mars", tick, 8)


def test_every_body_has_a_name_as_articles_write_it() -> None:
    assert list(BODIES)[:8] == list(ephemeris.PLANETS)
    assert BODIES["Moon"] == BODIES["the Moon"] == "moon" and BODIES["Phobos"] == "phobos"


def test_no_transfer_for_a_craft_that_never_left_earth_or_went_to_the_moon() -> None:
    launch = to_tick(datetime(1971, 5, 10, 16, 58, tzinfo=UTC))
    stranded = plan("k", "Kosmos 419", ("Earth", "earth"), launch, launch + 2 * 86400)
    assert stranded == "Kosmos 419: no trajectory modelled: it never left Earth orbit"
    lunar = plan("l", "Luna 9", ("Moon", "moon"), launch, launch + 3.5 * 86400)
    assert isinstance(lunar, str)
    assert lunar.startswith("Luna 9: no trajectory modelled: its path to the Moon circles Earth")


def test_a_transfer_to_phobos_is_a_transfer_to_mars() -> None:
    launch = to_tick(datetime(1988, 7, 12, 17, 1, 43, tzinfo=UTC))
    arrival = to_tick(datetime(1989, 1, 29, tzinfo=UTC))
    to_phobos = plan("p", "Phobos 2", ("Phobos", "phobos"), launch, arrival)
    to_mars = plan("p", "Phobos 2", ("Mars", "mars"), launch, arrival)
    assert not isinstance(to_phobos, str) and not isinstance(to_mars, str)
    assert to_phobos.v1_km_s == to_mars.v1_km_s
    assert to_phobos.target_name == "Phobos"


def test_a_venus_lander_shows_venus_s_light_time_at_arrival() -> None:
    mission = read_text(load_text(ARTICLES / "venera9.txt"), "venera9.txt")
    campaign = build_campaign([mission])
    track = campaign.tracks[0]
    assert track.target == ("Venus", "venus")
    tick = to_tick(datetime(1975, 10, 22, 5, 13, tzinfo=UTC))
    light = light_time_at(track, None, tick)
    assert light is not None and 4 * 60 + 40 < light < 4 * 60 + 48  # about 4 min 44 s
    # Mars was then some 6 light-minutes away: not the light time shown.
    mars = ephemeris.light_time_to_earth_s(position_km("mars", tick), tick)
    assert abs(mars - light) > 60


def test_a_craft_at_earth_has_no_light_time() -> None:
    text = (
        "= Probe 1 =\n\nProbe 1 was launched towards Mars on 10 May 1971 at 16:58 UTC. "
        "The upper stage did not fire, and the spacecraft remained in a low Earth orbit. "
        "The spacecraft re-entered the atmosphere on 12 May 1971.\n"
    )
    mission = read_text(text, "p.txt")
    assert mission.metadata["target"] == "Earth"
    campaign = build_campaign([mission])
    # However the campaign names the body, Earth gives no light time and no transfer.
    for track in (campaign.tracks[0], replace(campaign.tracks[0], target=("Earth", "earth"))):
        late = campaign.end - 60
        assert light_time_at(track, None, late) is None
    state = state_at(campaign, campaign.end - 60)
    assert state.missions[0].owlt_s is None
    assert state.missions[0].position is None
    assert len(campaign.transfer_warnings()) == 1


def test_a_campaign_to_the_moon_shows_the_moon_s_light_time_there() -> None:
    mission = read_text(load_text(ARTICLES / "kite3.txt"), "kite3.txt")
    campaign = build_campaign([mission])
    track = campaign.tracks[0]
    assert track.target == ("Moon", "moon")
    light = light_time_at(track, None, campaign.end)
    assert light is not None and 1.17 < light < 1.37


def test_a_campaign_that_never_left_earth_says_so_once() -> None:
    mission = read_text(load_text(ARTICLES / "marten1.txt"), "marten1.txt")
    campaign = build_campaign([mission])
    assert campaign.tracks[0].target == ("Earth", "earth")
    assert campaign.transfers() == {mission.id: None}
    (warning,) = campaign.transfer_warnings().values()
    assert warning.endswith("no trajectory modelled: it never left Earth orbit")


def test_a_short_flight_has_no_light_time_before_its_launch() -> None:
    mission = read_text(load_text(ARTICLES / "selena5.txt"), "selena5.txt")
    campaign = build_campaign([mission])
    track = campaign.tracks[0]
    assert track.launch_tick is not None
    assert light_time_at(track, None, track.launch_tick - 60) is None
    after = light_time_at(track, None, track.ticks[-1])
    assert after is not None and 1.17 < after < 1.37
