"""Lambert's problem: the prograde single-revolution orbit joining two positions in a given time.

The method is D. Izzo, "Revisiting Lambert's problem", Celestial Mechanics and Dynamical
Astronomy 121 (2015): the non-dimensional time of flight T(x) is solved for x by Householder
iterations, with the Battin/Lancaster hypergeometric series for T near the parabola x = 1,
where the closed form divides zero by zero.
"""

from __future__ import annotations

import math

from mission_control.kepler import Vec, cross, norm

# sin of the transfer angle below which the two positions count as in line with the centre.
_COLLINEAR_SIN = 1e-6
_TOLERANCE = 1e-13
_MAX_ITERATIONS = 35
_SERIES_LOW, _SERIES_HIGH = math.sqrt(0.6), math.sqrt(1.4)


class LambertError(ValueError):
    """A Lambert problem with no answer, or none this solver can find."""


def _check(mu: float, r1: Vec, r2: Vec, tof: float) -> None:
    if not all(math.isfinite(x) for x in (mu, tof, *r1, *r2)):
        raise LambertError("positions, time of flight and gravity must all be finite numbers")
    if mu <= 0.0:
        raise LambertError(f"the gravitational parameter must be positive, got {mu}")
    if tof <= 0.0:
        raise LambertError(f"time of flight must be positive, got {tof} s")
    if norm(r1) == 0.0 or norm(r2) == 0.0:
        raise LambertError("a position is at the Sun itself (a zero vector)")


def _hypergeometric(x: float) -> float:
    """2F1(3, 1; 5/2; x), Battin's series, for |x| < 1."""
    total = term = 1.0
    k = 0
    while True:
        term *= (3.0 + k) * (1.0 + k) / (2.5 + k) * x / (k + 1.0)
        previous = total
        total += term
        if total == previous or k > 500:
            return total
        k += 1


def _y(x: float, ll: float) -> float:
    return math.sqrt(1.0 - ll * ll * (1.0 - x * x))


def _time(x: float, y: float, ll: float) -> float:
    """Non-dimensional time of flight T(x) for a single revolution."""
    if _SERIES_LOW < x < _SERIES_HIGH:
        eta = y - ll * x
        s1 = (1.0 - ll - x * eta) * 0.5
        q = 4.0 / 3.0 * _hypergeometric(s1)
        return (eta * eta * eta * q + 4.0 * ll * eta) * 0.5
    one_minus_x2 = 1.0 - x * x
    if x < 1.0:
        psi = math.acos(max(-1.0, min(1.0, x * y + ll * one_minus_x2)))
    else:
        psi = math.asinh((y - x * ll) * math.sqrt(-one_minus_x2))
    return (psi / math.sqrt(abs(one_minus_x2)) - x + ll * y) / one_minus_x2


def _initial_x(t: float, ll: float) -> float:
    t0 = math.acos(ll) + ll * math.sqrt(1.0 - ll * ll)
    t1 = 2.0 * (1.0 - ll * ll * ll) / 3.0
    if t >= t0:
        return math.pow(t0 / t, 2.0 / 3.0) - 1.0
    if t < t1:
        return 2.5 * t1 / t * (t1 - t) / (1.0 - ll * ll * ll * ll * ll) + 1.0
    return math.exp(math.log(2.0) * math.log(t / t0) / math.log(t1 / t0)) - 1.0


def _householder(t_target: float, ll: float) -> float:
    """x with T(x) = t_target, by third-order Householder steps (Izzo's eq. 22 derivatives)."""
    x = _initial_x(t_target, ll)
    ll2 = ll * ll
    ll3 = ll2 * ll
    ll5 = ll3 * ll2
    for _ in range(_MAX_ITERATIONS):
        if x == 1.0:
            x = math.nextafter(1.0, 2.0)
        y = _y(x, ll)
        t = _time(x, y, ll)
        f = t - t_target
        if f == 0.0:
            return x
        one_minus_x2 = 1.0 - x * x
        d1 = (3.0 * t * x - 2.0 + 2.0 * ll3 * x / y) / one_minus_x2
        d2 = (3.0 * t + 5.0 * x * d1 + 2.0 * (1.0 - ll2) * ll3 / y**3) / one_minus_x2
        d3 = (7.0 * x * d2 + 8.0 * d1 - 6.0 * (1.0 - ll2) * ll5 * x / y**5) / one_minus_x2
        step = f * (d1 * d1 - f * d2 / 2.0) / (d1 * (d1 * d1 - f * d2) + d3 * f * f / 6.0)
        x_new = x - step
        if not math.isfinite(x_new):
            break
        # x lives on (-1, inf); a step past -1 is halved back toward it.
        if x_new <= -1.0:
            x_new = (x - 1.0) / 2.0
        if abs(x_new - x) <= _TOLERANCE * max(1.0, abs(x_new)):
            return x_new
        x = x_new
    raise LambertError("the Lambert solver did not converge for this geometry and flight time")


def solve(mu: float, r1: Vec, r2: Vec, tof: float) -> tuple[Vec, Vec]:
    """Velocities at r1 and at r2 on the prograde single-revolution transfer taking `tof`.

    Prograde means the orbit's angular momentum points to +z (counter-clockwise seen from the
    north of the x-y plane), so the transfer angle exceeds 180 degrees when r1 x r2 points
    south. Units are the caller's (km, s, km^3/s^2 together). Raises LambertError with the
    reason for a non-positive time, zero or non-finite vectors, positions in line with the
    centre (transfer angle near 0 or 180 degrees), or non-convergence.
    """
    _check(mu, r1, r2, tof)
    r1n, r2n = norm(r1), norm(r2)
    h = cross(r1, r2)
    hn = norm(h)
    if hn < _COLLINEAR_SIN * r1n * r2n:
        raise LambertError(
            "the two positions are in line with the Sun, so the transfer's plane is undefined"
        )
    chord = math.dist(r1, r2)
    s = (r1n + r2n + chord) / 2.0
    # Izzo's lambda: the geometry in one number, negative for transfers beyond 180 degrees.
    ll = math.sqrt(max(0.0, 1.0 - min(1.0, chord / s)))
    u1 = (r1[0] / r1n, r1[1] / r1n, r1[2] / r1n)
    u2 = (r2[0] / r2n, r2[1] / r2n, r2[2] / r2n)
    uh = (h[0] / hn, h[1] / hn, h[2] / hn)
    if uh[2] < 0.0:
        # The prograde way round is the long way: the plane's normal flips.
        ll = -ll
        t1, t2 = cross(u1, uh), cross(u2, uh)
    else:
        t1, t2 = cross(uh, u1), cross(uh, u2)
    t = math.sqrt(2.0 * mu / s**3) * tof
    x = _householder(t, ll)
    y = _y(x, ll)
    gamma = math.sqrt(mu * s / 2.0)
    rho = (r1n - r2n) / chord
    sigma = math.sqrt(max(0.0, 1.0 - rho * rho))
    radial1 = gamma * ((ll * y - x) - rho * (ll * y + x)) / r1n
    radial2 = -gamma * ((ll * y - x) + rho * (ll * y + x)) / r2n
    tangential1 = gamma * sigma * (y + ll * x) / r1n
    tangential2 = gamma * sigma * (y + ll * x) / r2n
    v1 = tuple(radial1 * a + tangential1 * b for a, b in zip(u1, t1, strict=True))
    v2 = tuple(radial2 * a + tangential2 * b for a, b in zip(u2, t2, strict=True))
    return (v1[0], v1[1], v1[2]), (v2[0], v2[1], v2[2])
