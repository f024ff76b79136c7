from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone
from functools import cache

import pytest

from mission_control.ephemeris import (
    AU_KM,
    C_KM_S,
    earth_mars_distance_km,
    earth_receive_time,
    heliocentric_position_au,
    one_way_light_time_s,
)

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
    if body == "mars":
        return _vector(kernel.position("mars", jd))  # type: ignore[attr-defined]
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
