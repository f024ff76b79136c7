"""Two-body motion: small vector helpers and Kepler propagation by universal variables.

The propagation follows Curtis, *Orbital Mechanics for Engineering Students*, ch. 3
(algorithms 3.3 and 3.4) and Vallado's algorithm 8: one universal anomaly covers ellipses,
parabolas and hyperbolas alike, with the Stumpff functions C(z) and S(z).
"""

from __future__ import annotations

import math

Vec = tuple[float, float, float]

_TOLERANCE = 1e-13
# On a fast hyperbola the equation's terms dwarf their sum; once F is within rounding of
# zero (relative to its largest term) the last step is the answer.
_NOISE_FLOOR = 1e-15
_MAX_ITERATIONS = 200
_LAGUERRE_N = 5.0
# How much larger |f| r0 + |g| v0 may be than the new radius before the span is halved.
_CANCELLATION = 30.0
_MAX_SPLITS = 12
# Coefficients 1/(2k+2)! and 1/(2k+3)! of the Stumpff series, highest k first for Horner.
_SERIES = tuple(
    (1.0 / math.factorial(2 * k + 2), 1.0 / math.factorial(2 * k + 3)) for k in range(10, -1, -1)
)


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(k: float, a: Vec) -> Vec:
    return (k * a[0], k * a[1], k * a[2])


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return (
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    )


def norm(a: Vec) -> float:
    return math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2])


def stumpff(z: float) -> tuple[float, float]:
    """C(z) and S(z); a series near zero, where the closed forms lose their digits."""
    if abs(z) < 1.0:
        # C = sum (-z)^k / (2k+2)!, S = sum (-z)^k / (2k+3)!; eleven terms reach 1e-20.
        c = s = 0.0
        for c_term, s_term in _SERIES:
            c = c_term - z * c
            s = s_term - z * s
        return c, s
    if z > 0.0:
        root = math.sqrt(z)
        half = math.sin(root / 2.0)
        return 2.0 * half * half / z, (root - math.sin(root)) / (root * z)
    root = math.sqrt(-z)
    return (math.cosh(root) - 1.0) / -z, (math.sinh(root) - root) / (root * -z)


def _check_finite(mu: float, r: Vec, v: Vec, dt: float) -> None:
    values = (mu, *r, *v, dt)
    if not all(math.isfinite(x) for x in values):
        raise ValueError(f"propagation needs finite numbers, got mu={mu}, r={r}, v={v}, dt={dt}")
    if mu <= 0.0:
        raise ValueError(f"the gravitational parameter must be positive, got {mu}")
    if norm(r) == 0.0:
        raise ValueError("the starting position is at the attracting centre")


def _initial_anomaly(mu: float, r0: float, rv: float, alpha: float, dt: float) -> float:
    sqrt_mu = math.sqrt(mu)
    if alpha > 1e-12 / r0:
        return sqrt_mu * alpha * dt
    if alpha < -1e-12 / r0:
        a = 1.0 / alpha
        sign = 1.0 if dt > 0 else -1.0
        denominator = rv + sign * math.sqrt(-mu * a) * (1.0 - r0 * alpha)
        ratio = -2.0 * mu * alpha * dt / denominator if denominator != 0.0 else -1.0
        if ratio > 1.0:
            return sign * math.sqrt(-a) * math.log(ratio)
    return sqrt_mu * dt / r0


def _kepler(
    chi: float, alpha: float, sigma0: float, beta: float, r0: float, target: float
) -> tuple[float, float, float, float]:
    """The universal Kepler equation F(chi), its first two derivatives, and the size of its
    largest term (which sets how closely rounding lets F approach zero)."""
    chi2 = chi * chi
    z = alpha * chi2
    c, s = stumpff(z)
    terms = (sigma0 * chi2 * c, beta * chi2 * chi * s, r0 * chi)
    f = terms[0] + terms[1] + terms[2] - target
    df = chi2 * c + sigma0 * chi * (1.0 - z * s) + r0 * (1.0 - z * c)
    ddf = sigma0 * (1.0 - z * c) + beta * chi * (1.0 - z * s)
    return f, df, ddf, max(abs(terms[0]), abs(terms[1]), abs(terms[2]), abs(target))


def _solve_anomaly(mu: float, r0: float, rv: float, alpha: float, dt: float) -> float:
    """The universal anomaly chi after dt, by Laguerre's method (Conway 1986) in a bracket.

    F(chi) rises monotonically (dF/dchi is the radius) and is zero at chi = 0 when dt is, so
    each evaluation narrows a bracket around the root; a step that leaves the bracket is
    replaced by bisection, or by doubling while the bracket is still open on one side.
    """
    sqrt_mu = math.sqrt(mu)
    sigma0 = rv / sqrt_mu
    beta = 1.0 - alpha * r0
    target = sqrt_mu * dt
    n = _LAGUERRE_N
    lo, hi = (0.0, math.inf) if dt > 0 else (-math.inf, 0.0)
    guesses = {_initial_anomaly(mu, r0, rv, alpha, dt), target / r0}
    chi = min(
        (g for g in guesses if lo < g < hi),
        key=lambda g: _residual(g, alpha, sigma0, beta, r0, target),
        default=target / r0,
    )
    previous = math.inf
    for _ in range(_MAX_ITERATIONS):
        try:
            f, df, ddf, largest = _kepler(chi, alpha, sigma0, beta, r0, target)
        except OverflowError:
            f, df, ddf, largest = math.copysign(math.inf, chi), math.nan, math.nan, math.inf
        if f > 0.0:
            hi = min(hi, chi)
        else:
            lo = max(lo, chi)
        if f == 0.0:
            return chi
        root = math.sqrt(abs((n - 1.0) ** 2 * df * df - n * (n - 1.0) * f * ddf))
        new = chi - n * f / (df + root)
        step = abs(new - chi)
        size = max(1.0, abs(new))
        if step <= _TOLERANCE * size or abs(f) <= _NOISE_FLOOR * largest:
            return new
        closed = math.isfinite(lo) and math.isfinite(hi)
        # Far up the exponential side of a hyperbola Laguerre's steps crawl; bisect instead
        # whenever a step has not at least halved |F|.
        if not lo < new < hi or (closed and abs(f) > 0.5 * previous):
            if closed:
                new = (lo + hi) / 2.0
            else:
                bound = hi if math.isfinite(hi) else lo
                new = math.copysign(max(2.0 * abs(bound), abs(target) / r0), bound or dt)
        if hi - lo <= _TOLERANCE * size:
            return new
        chi = new
        previous = abs(f)
    raise ValueError(
        f"Kepler propagation did not converge (dt={dt} s, 1/a={alpha}); "
        "the orbit may be too hyperbolic for this span"
    )


def _residual(
    chi: float, alpha: float, sigma0: float, beta: float, r0: float, target: float
) -> float:
    try:
        return abs(_kepler(chi, alpha, sigma0, beta, r0, target)[0])
    except OverflowError:
        return math.inf


def propagate(mu: float, r: Vec, v: Vec, dt: float) -> tuple[Vec, Vec]:
    """Position and velocity `dt` seconds after the state (r, v) under gravity `mu` alone.

    Units are the caller's (km, km/s and km^3/s^2 together, say); dt may be negative.
    Raises ValueError for non-finite input or if the iteration does not converge.
    """
    _check_finite(mu, r, v, dt)
    if dt == 0.0:
        return r, v
    r_new, v_new = _propagate(mu, r, v, dt, _MAX_SPLITS)
    if not all(math.isfinite(x) for x in (*r_new, *v_new)):
        raise ValueError(
            f"Kepler propagation did not converge (dt={dt} s): the orbit passes too close "
            "to the attracting centre"
        )
    return r_new, v_new


def _propagate(mu: float, r: Vec, v: Vec, dt: float, splits: int) -> tuple[Vec, Vec]:
    r0 = norm(r)
    rv = dot(r, v)
    alpha = 2.0 / r0 - dot(v, v) / mu
    if alpha > 0.0:
        # Whole periods change nothing; removing them keeps chi small and the iteration tame.
        period = 2.0 * math.pi / math.sqrt(mu * alpha * alpha * alpha)
        dt -= period * round(dt / period)
    try:
        chi = _solve_anomaly(mu, r0, rv, alpha, dt)
        chi2 = chi * chi
        c, s = stumpff(alpha * chi2)
    except OverflowError as exc:
        raise ValueError(f"Kepler propagation overflowed (dt={dt} s, 1/a={alpha})") from exc
    sqrt_mu = math.sqrt(mu)
    f = 1.0 - chi2 / r0 * c
    # g = dt - chi^3 S / sqrt(mu), rewritten with Kepler's equation so that far out on a
    # hyperbola it is not the difference of two large numbers.
    g = (rv / sqrt_mu * chi2 * c + r0 * chi * (1.0 - alpha * chi2 * s)) / sqrt_mu
    r_new = (f * r[0] + g * v[0], f * r[1] + g * v[1], f * r[2] + g * v[2])
    r1 = norm(r_new)
    if splits and abs(f) * r0 + abs(g) * math.sqrt(dot(v, v)) > _CANCELLATION * r1:
        # A fast hyperbola swinging past the centre: f r and g v nearly cancel, and Kepler's
        # equation itself is the difference of huge terms. Two half spans are each milder.
        middle = _propagate(mu, r, v, dt / 2.0, splits - 1)
        return _propagate(mu, middle[0], middle[1], dt / 2.0, splits - 1)
    f_dot = sqrt_mu / (r1 * r0) * (alpha * chi2 * chi * s - chi)
    g_dot = 1.0 - chi2 / r1 * c
    v_new = (
        f_dot * r[0] + g_dot * v[0],
        f_dot * r[1] + g_dot * v[1],
        f_dot * r[2] + g_dot * v[2],
    )
    return r_new, v_new
