from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone
from functools import cache

import pytest

from mission_control.ephemeris import (
    AU_KM,
    C_KM_S,
    GM_SUN_KM3_S2,
    PLANETS,
    Body,
    earth_mars_distance_km,
    earth_receive_time,
    heliocentric_position_au,
    light_time_to_earth_s,
    one_way_light_time_s,
    orbit_au,
    position_km,
    state_km,
)
from mission_control.kepler import cross, dot, norm
from mission_control.timescale import to_tick

de421 = pytest.importorskip("de421")
jplephem_ephem = pytest.importorskip("jplephem.ephem")

Vector = tuple[float, float, float]

J2000 = datetime(2000, 1, 1, 12, tzinfo=UTC)
OBLIQUITY_J2000 = math.radians(84381.448 / 3600)

SEED_MOMENTS = [
    datetime(1974, 3, 9, 0, 0, tzinfo=UTC),
    datetime(1974, 3, 9, 12, 0, tzinfo=UTC),
    datetime(1974, 3, 9, 23, 59, tzinfo=UTC),
    datetime(1974, 3, 12, 0, 0, tzinfo=UTC),
    datetime(1974, 3, 12, 9, 5, 53, tzinfo=UTC),
    datetime(1974, 3, 12, 9, 11, 5, tzinfo=UTC),
    datetime(1974, 3, 25, 0, 0, tzinfo=UTC),
]

SWEEP_MOMENTS = [
    datetime(1973, 8, 1, tzinfo=UTC) + timedelta(days=n)
    for n in range((datetime(1974, 4, 30, tzinfo=UTC) - datetime(1973, 8, 1, tzinfo=UTC)).days + 1)
]

ENTRY = datetime(1974, 3, 12, 9, 5, 53, tzinfo=UTC)


@cache
def _kernel() -> object:
    return jplephem_ephem.Ephemeris(de421)


def _tdb_jd(moment: datetime) -> float:
    tai_minus_utc = 13 if moment >= datetime(1974, 1, 1, tzinfo=UTC) else 12
    seconds = (moment - J2000).total_seconds() + tai_minus_utc + 32.184
    return 2451545.0 + seconds / 86400


def _vector(raw: object) -> Vector:
    x, y, z = (float(v) for v in raw.ravel())  # type: ignore[attr-defined]
    return (x, y, z)


def _de421_barycentric_km(body: str, jd: float) -> Vector:
    kernel = _kernel()
    if body != "earth":
        return _vector(kernel.position(body, jd))  # type: ignore[attr-defined]
    emb = _vector(kernel.position("earthmoon", jd))  # type: ignore[attr-defined]
    moon = _vector(kernel.position("moon", jd))  # type: ignore[attr-defined]
    share = kernel.earth_share  # type: ignore[attr-defined]
    return (emb[0] - moon[0] * share, emb[1] - moon[1] * share, emb[2] - moon[2] * share)


def _de421_light_time_s(moment: datetime) -> float:
    jd = _tdb_jd(moment)
    mars = _de421_barycentric_km("mars", jd)
    light_time = 0.0
    for _ in range(4):
        earth = _de421_barycentric_km("earth", jd + light_time / 86400)
        light_time = math.dist(earth, mars) / C_KM_S
    return light_time


def _de421_heliocentric_ecliptic_au(body: str, moment: datetime) -> Vector:
    jd = _tdb_jd(moment)
    sun = _vector(_kernel().position("sun", jd))  # type: ignore[attr-defined]
    body_km = _de421_barycentric_km(body, jd)
    x, y, z = (b - s for b, s in zip(body_km, sun, strict=True))
    ce, se = math.cos(OBLIQUITY_J2000), math.sin(OBLIQUITY_J2000)
    return (x / AU_KM, (ce * y + se * z) / AU_KM, (-se * y + ce * z) / AU_KM)


def _worst_error(moments: list[datetime]) -> tuple[float, datetime]:
    errors = [(abs(one_way_light_time_s(m) - _de421_light_time_s(m)), m) for m in moments]
    return max(errors)


def test_light_time_matches_de421_on_seed_events() -> None:
    worst, when = _worst_error(SEED_MOMENTS)
    assert worst < 2.0, f"worst seed light-time error {worst:.3f} s at {when:%Y-%m-%dT%H:%M:%SZ}"


def test_light_time_matches_de421_over_cruise() -> None:
    worst, when = _worst_error(SWEEP_MOMENTS)
    assert worst < 2.0, f"worst sweep light-time error {worst:.3f} s at {when:%Y-%m-%dT%H:%M:%SZ}"


@pytest.mark.parametrize("body", ["earth", "mars"])
@pytest.mark.parametrize("moment", [SWEEP_MOMENTS[0], ENTRY, SWEEP_MOMENTS[-1]])
def test_heliocentric_position_matches_de421(body: str, moment: datetime) -> None:
    ours = heliocentric_position_au(body, moment)  # type: ignore[arg-type]
    reference = _de421_heliocentric_ecliptic_au(body, moment)
    assert math.dist(ours, reference) < 5e-4


def test_light_time_at_mars_6_entry() -> None:
    light_time = one_way_light_time_s(ENTRY)
    print(f"one-way light time at {ENTRY:%Y-%m-%dT%H:%M:%SZ}: {light_time:.3f} s")
    assert light_time == pytest.approx(761.0, abs=1.0)


def test_distance_is_plausible_and_consistent_with_light_time() -> None:
    distance = earth_mars_distance_km(ENTRY)
    assert 2.2e8 < distance < 2.35e8
    assert distance / C_KM_S == pytest.approx(one_way_light_time_s(ENTRY), abs=0.5)


def test_receive_time_is_later_by_the_light_time() -> None:
    received = earth_receive_time(ENTRY)
    assert received.tzinfo is not None
    assert received.utcoffset() == timedelta(0)
    assert (received - ENTRY).total_seconds() == pytest.approx(
        one_way_light_time_s(ENTRY), abs=1e-6
    )


def test_other_timezones_are_accepted_and_receive_time_is_utc() -> None:
    moscow = ENTRY.astimezone(timezone(timedelta(hours=3)))
    assert one_way_light_time_s(moscow) == one_way_light_time_s(ENTRY)
    assert earth_receive_time(moscow) == earth_receive_time(ENTRY)
    assert earth_receive_time(moscow).utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "function",
    [
        earth_mars_distance_km,
        one_way_light_time_s,
        earth_receive_time,
        lambda moment: heliocentric_position_au("mars", moment),
    ],
)
def test_naive_datetime_is_rejected(function: object) -> None:
    with pytest.raises(ValueError, match="naive"):
        function(ENTRY.replace(tzinfo=None))  # type: ignore[operator]


# --- tick-based positions, velocities and light time ---------------------------------------

SEVENTIES = [
    datetime(1971, 2, 1, tzinfo=UTC),
    datetime(1973, 8, 5, 17, 45, 48, tzinfo=UTC),
    datetime(1974, 3, 12, tzinfo=UTC),
    datetime(1977, 9, 5, tzinfo=UTC),
    datetime(1979, 12, 31, tzinfo=UTC),
]


@pytest.mark.parametrize(
    "body, tolerance_au",
    # Worst errors measured over 1970-79, sampled quarterly: Venus 8.0e-5 AU, Earth 1.3e-4 AU.
    [("venus", 1.2e-4), ("earth", 2e-4)],
)
@pytest.mark.parametrize("moment", SEVENTIES)
def test_position_km_matches_de421(body: Body, tolerance_au: float, moment: datetime) -> None:
    ours = position_km(body, to_tick(moment))
    reference = _de421_heliocentric_ecliptic_au(body, moment)
    assert math.dist(ours, [c * AU_KM for c in reference]) < tolerance_au * AU_KM


def test_position_km_is_the_datetime_position_in_km() -> None:
    for name, body in PLANETS.items():
        au = heliocentric_position_au(body, ENTRY)
        km = position_km(body, to_tick(ENTRY))
        assert math.dist(km, [c * AU_KM for c in au]) < 1e-3, name


def test_planets_are_named_as_articles_write_them() -> None:
    assert list(PLANETS) == [
        "Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune"
    ]  # fmt: skip
    # Each at its own distance from the Sun, in order outward.
    distances = [norm(position_km(body, to_tick(ENTRY))) / AU_KM for body in PLANETS.values()]
    assert distances == sorted(distances)
    assert 0.3 < distances[0] < 0.47
    assert 29 < distances[-1] < 31


@pytest.mark.parametrize("body", list(PLANETS.values()))
def test_velocity_matches_a_central_difference(body: Body) -> None:
    tick = to_tick(ENTRY)
    step = 60.0
    ahead, behind = position_km(body, tick + step), position_km(body, tick - step)
    difference = [(a - b) / (2 * step) for a, b in zip(ahead, behind, strict=True)]
    position, velocity = state_km(body, tick)
    assert math.dist(position, position_km(body, tick)) < 1e-6
    assert math.dist(velocity, difference) < 1e-7 * norm(velocity)


def test_velocity_fits_the_sun_s_gravity() -> None:
    # Vis-viva: Earth's speed and distance give a semi-major axis near 1 AU.
    r, v = state_km("earth", to_tick(ENTRY))
    a = 1 / (2 / norm(r) - dot(v, v) / GM_SUN_KM3_S2)
    assert a / AU_KM == pytest.approx(1.0, abs=2e-3)
    assert cross(r, v)[2] > 0


def test_light_time_from_mars_position_matches_one_way_light_time() -> None:
    for moment in SEED_MOMENTS:
        tick = to_tick(moment)
        from_point = light_time_to_earth_s(position_km("mars", tick), tick)
        assert from_point == pytest.approx(one_way_light_time_s(moment), abs=1e-3)


def test_light_time_from_the_sun_is_about_eight_minutes() -> None:
    assert light_time_to_earth_s((0.0, 0.0, 0.0), to_tick(ENTRY)) == pytest.approx(
        AU_KM / C_KM_S, rel=0.02
    )


def test_orbit_outline_is_the_ellipse_through_the_planet() -> None:
    tick = to_tick(ENTRY)
    points = orbit_au("mars", tick, 360)
    assert len(points) == 360
    radii = [math.hypot(x, y) for x, y in points]
    assert min(radii) == pytest.approx(1.381, abs=2e-3)
    assert max(radii) == pytest.approx(1.666, abs=2e-3)
    assert radii[0] == min(radii)
    x, y, _ = (c / AU_KM for c in position_km("mars", tick))
    assert min(math.dist((x, y), p) for p in points) < 0.02
