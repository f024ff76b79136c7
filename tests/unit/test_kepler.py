from __future__ import annotations

import math
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.fuzzing import EXAMPLES_ENV, FUZZ

from mission_control.kepler import Vec, cross, dot, norm, propagate, stumpff, sub

MU_EARTH = 398_600.4418
MU_SUN = 1.32712440018e11
AU_KM = 149_597_870.7
DAY = 86_400.0

SETTINGS = FUZZ if EXAMPLES_ENV in os.environ else settings(FUZZ, max_examples=200)


def _energy(mu: float, r: Vec, v: Vec) -> float:
    return dot(v, v) / 2 - mu / norm(r)


def test_vector_helpers() -> None:
    assert cross((1.0, 0.0, 0.0), (0.0, 1.0, 0.0)) == (0.0, 0.0, 1.0)
    assert sub((3.0, 2.0, 1.0), (1.0, 1.0, 1.0)) == (2.0, 1.0, 0.0)
    assert norm((3.0, 4.0, 12.0)) == 13.0


@pytest.mark.parametrize("z", [-50.0, -1.0001, -0.9999, 0.9999, 1.0001, 30.0])
def test_stumpff_matches_closed_form_on_both_sides_of_the_series(z: float) -> None:
    c, s = stumpff(z)
    q = math.sqrt(abs(z))
    if z > 0:
        expected = ((1 - math.cos(q)) / z, (q - math.sin(q)) / q**3)
    else:
        expected = ((math.cosh(q) - 1) / -z, (math.sinh(q) - q) / q**3)
    assert c == pytest.approx(expected[0], rel=1e-13)
    assert s == pytest.approx(expected[1], rel=1e-13)


@pytest.mark.parametrize("z", [-1e-9, 0.0, 1e-9])
def test_stumpff_near_zero_keeps_its_digits(z: float) -> None:
    # The closed forms lose half their digits here; the series' first terms do not.
    c, s = stumpff(z)
    assert c == pytest.approx(1 / 2 - z / 24, rel=1e-15)
    assert s == pytest.approx(1 / 6 - z / 120, rel=1e-15)


def test_circular_orbit_moves_at_constant_rate() -> None:
    radius = 7000.0
    speed = math.sqrt(MU_EARTH / radius)
    period = 2 * math.pi * radius / speed
    for fraction in (0.1, 0.25, 0.5, 0.9, 10.3):
        r, v = propagate(MU_EARTH, (radius, 0.0, 0.0), (0.0, speed, 0.0), fraction * period)
        angle = 2 * math.pi * fraction
        assert math.dist(r, (radius * math.cos(angle), radius * math.sin(angle), 0.0)) < 1e-6
        assert math.dist(v, (-speed * math.sin(angle), speed * math.cos(angle), 0.0)) < 1e-9


def test_curtis_example_3_7() -> None:
    r, v = propagate(MU_EARTH, (7000.0, -12124.0, 0.0), (2.6679, 4.6210, 0.0), 3600.0)
    assert math.dist(r, (-3297.8, 7413.4, 0.0)) < 0.5
    assert math.dist(v, (-8.2977, -0.96309, 0.0)) < 1e-3


def test_zero_time_returns_the_start() -> None:
    assert propagate(MU_SUN, (AU_KM, 0.0, 0.0), (0.0, 30.0, 0.0), 0.0) == (
        (AU_KM, 0.0, 0.0),
        (0.0, 30.0, 0.0),
    )


def test_hyperbolic_escape_keeps_energy_and_comes_back() -> None:
    r0, v0 = (7000.0, 0.0, 0.0), (0.0, 12.0, 0.5)
    assert _energy(MU_EARTH, r0, v0) > 0
    r1, v1 = propagate(MU_EARTH, r0, v0, 3 * DAY)
    assert norm(r1) > 1e6
    assert _energy(MU_EARTH, r1, v1) == pytest.approx(_energy(MU_EARTH, r0, v0), rel=1e-10)
    r2, v2 = propagate(MU_EARTH, r1, v1, -3 * DAY)
    assert math.dist(r2, r0) < 1e-5
    assert math.dist(v2, v0) < 1e-9


@pytest.mark.parametrize("dt", [-40 * DAY, 5 * DAY, 400 * DAY])
def test_hyperbola_matches_keplers_hyperbolic_equation(dt: float) -> None:
    periapsis, speed = 0.9 * AU_KM, 55.0
    a = 1 / (2 / periapsis - speed**2 / MU_SUN)
    assert a < 0
    e = 1 - periapsis / a
    mean = math.sqrt(MU_SUN / -(a**3)) * dt
    anomaly = math.asinh(mean / e)
    for _ in range(50):
        anomaly -= (e * math.sinh(anomaly) - anomaly - mean) / (e * math.cosh(anomaly) - 1)
    r, _ = propagate(MU_SUN, (periapsis, 0.0, 0.0), (0.0, speed, 0.0), dt)
    assert norm(r) == pytest.approx(a * (1 - e * math.cosh(anomaly)), rel=1e-11)
    assert math.copysign(1.0, r[1]) == math.copysign(1.0, dt)


@pytest.mark.parametrize(
    "r, v, dt",
    [
        ((math.nan, 0.0, 0.0), (0.0, 30.0, 0.0), DAY),
        ((AU_KM, 0.0, 0.0), (0.0, math.inf, 0.0), DAY),
        ((AU_KM, 0.0, 0.0), (0.0, 30.0, 0.0), math.nan),
        ((0.0, 0.0, 0.0), (0.0, 30.0, 0.0), DAY),
    ],
)
def test_bad_input_is_refused_with_a_message(r: Vec, v: Vec, dt: float) -> None:
    with pytest.raises(ValueError, match=r"finite|centre"):
        propagate(MU_SUN, r, v, dt)


def test_non_positive_gravity_is_refused() -> None:
    with pytest.raises(ValueError, match="gravitational parameter"):
        propagate(0.0, (AU_KM, 0.0, 0.0), (0.0, 30.0, 0.0), DAY)


radii = st.floats(0.3 * AU_KM, 6 * AU_KM)
angles = st.floats(0.0, 2 * math.pi)
# Speeds as a fraction of escape speed: deep ellipses through mild hyperbolas.
speed_ratios = st.floats(0.2, 1.6)
spans = st.floats(-900 * DAY, 900 * DAY)


@given(radii, angles, angles, speed_ratios, spans)
@SETTINGS
def test_conserves_energy_and_momentum_and_retraces(
    radius: float, where: float, heading: float, ratio: float, dt: float
) -> None:
    r0 = (radius * math.cos(where), radius * math.sin(where), 0.01 * radius)
    speed = ratio * math.sqrt(2 * MU_SUN / radius)
    v0 = (speed * math.cos(heading), speed * math.sin(heading), 0.05 * speed)
    r1, v1 = propagate(MU_SUN, r0, v0, dt)
    scale_e = MU_SUN / radius
    assert abs(_energy(MU_SUN, r1, v1) - _energy(MU_SUN, r0, v0)) < 1e-9 * scale_e
    h0, h1 = cross(r0, v0), cross(r1, v1)
    assert math.dist(h0, h1) < 1e-9 * radius * speed
    r2, v2 = propagate(MU_SUN, r1, v1, -dt)
    assert math.dist(r2, r0) < 1e-8 * max(radius, norm(r1))
    assert math.dist(v2, v0) < 1e-8 * speed


def test_non_convergence_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from mission_control import kepler

    monkeypatch.setattr(kepler, "_MAX_ITERATIONS", 0)
    with pytest.raises(ValueError, match="did not converge"):
        propagate(MU_SUN, (AU_KM, 0.0, 0.0), (0.0, 30.0, 0.0), 100 * DAY)
