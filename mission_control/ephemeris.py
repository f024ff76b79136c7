"""Planet positions, Earth–Mars geometry and one-way light time; the Moon and Phobos too.

Positions use E. M. Standish, "Keplerian Elements for Approximate Positions of the Major
Planets" (JPL Solar System Dynamics), Table 1: elements and rates per Julian century for
1800 AD – 2050 AD, mean ecliptic and equinox of J2000. Table 1's Earth row is the Earth–Moon
barycentre, at most ~4,700 km from Earth itself, well inside the table's own error.

A moon a craft may be sent to is placed with its planet: Phobos at Mars (9,400 km from it,
0.03 light-seconds), the Moon at Earth plus its geocentric place from the Astronomical
Almanac's low-precision formulae (a few tenths of a degree, ample for a light time of ~1.3 s).

The tick functions (``position_km``, ``state_km``, ``light_time_to_earth_s``, ``orbit_au``)
take a tick (SI seconds, see ``mission_control.timescale``) and never build a datetime.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal, NamedTuple, cast

from mission_control.timescale import to_tick

if TYPE_CHECKING:
    from mission_control.kepler import Vec

Planet = Literal["mercury", "venus", "earth", "mars", "jupiter", "saturn", "uranus", "neptune"]
Body = Literal[
    "mercury", "venus", "earth", "mars", "jupiter", "saturn", "uranus", "neptune", "moon", "phobos"
]  # fmt: skip

AU_KM = 149_597_870.7
C_KM_S = 299_792.458
GM_SUN_KM3_S2 = 1.32712440018e11


class _Elements(NamedTuple):
    a: float
    e: float
    inclination: float
    mean_longitude: float
    long_perihelion: float
    long_node: float


_ELEMENTS: dict[Planet, tuple[_Elements, _Elements]] = {
    "earth": (
        _Elements(1.00000261, 0.01671123, -0.00001531, 100.46457166, 102.93768193, 0.0),
        _Elements(0.00000562, -0.00004392, -0.01294668, 35999.37244981, 0.32327364, 0.0),
    ),
    "mars": (
        _Elements(1.52371034, 0.09339410, 1.84969142, -4.55343205, -23.94362959, 49.55953891),
        _Elements(0.00001847, 0.00007882, -0.00813131, 19140.30268499, 0.44441088, -0.29257343),
    ),
    "mercury": (
        _Elements(0.38709927, 0.20563593, 7.00497902, 252.25032350, 77.45779628, 48.33076593),
        _Elements(0.00000037, 0.00001906, -0.00594749, 149472.67411175, 0.16047689, -0.12534081),
    ),
    "venus": (
        _Elements(0.72333566, 0.00677672, 3.39467605, 181.97909950, 131.60246718, 76.67984255),
        _Elements(0.00000390, -0.00004107, -0.00078890, 58517.81538729, 0.00268329, -0.27769418),
    ),
    "jupiter": (
        _Elements(5.20288700, 0.04838624, 1.30439695, 34.39644051, 14.72847983, 100.47390909),
        _Elements(-0.00011607, -0.00013253, -0.00183714, 3034.74612775, 0.21252668, 0.20469106),
    ),
    "saturn": (
        _Elements(9.53667594, 0.05386179, 2.48599187, 49.95424423, 92.59887831, 113.66242448),
        _Elements(-0.00125060, -0.00050991, 0.00193609, 1222.49362201, -0.41897216, -0.28867794),
    ),
    "uranus": (
        _Elements(19.18916464, 0.04725744, 0.77263783, 313.23810451, 170.95427630, 74.01692503),
        _Elements(-0.00196176, -0.00004397, -0.00242939, 428.48202785, 0.40805281, 0.04240589),
    ),
    "neptune": (
        _Elements(30.06992276, 0.00859048, 1.77004347, -55.12002969, 44.96476227, 131.78422574),
        _Elements(0.00026291, 0.00005105, 0.00035372, 218.45945325, -0.32241464, -0.00508664),
    ),
}

PLANETS: dict[str, Body] = {
    "Mercury": "mercury",
    "Venus": "venus",
    "Earth": "earth",
    "Mars": "mars",
    "Jupiter": "jupiter",
    "Saturn": "saturn",
    "Uranus": "uranus",
    "Neptune": "neptune",
}
"""Each planet by its name as articles write it."""

SATELLITES: dict[Body, Planet] = {"moon": "earth", "phobos": "mars"}
"""Each moon the model knows, with the planet it circles."""

BODIES: dict[str, Body] = {**PLANETS, "Moon": "moon", "the Moon": "moon", "Phobos": "phobos"}
"""Every body a craft may be sent to, by its names as articles write them (the planets
first): the Moon with its article too, as prose names it."""


def planet_of(body: Body) -> Planet:
    """The planet ``body`` is, or circles."""
    planet = SATELLITES.get(body)
    if planet is not None:
        return planet
    return cast("Planet", body)


_J2000 = datetime(2000, 1, 1, 12, tzinfo=UTC)
_SECONDS_PER_CENTURY = 36525 * 86400.0
_J2000_TICK = to_tick(_J2000)
_TT_MINUS_UTC_AT_J2000 = 32 + 32.184  # TAI-UTC was 32 s in 2000


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime not allowed: {moment!r}")
    return moment.astimezone(UTC)


def _centuries_tt(moment: datetime) -> float:
    """Julian centuries of TT since J2000; TDB differs from TT by under 2 ms."""
    return _tick_centuries(to_tick(_as_utc(moment)))


def _tick_centuries(tick: float) -> float:
    """Julian centuries of TT since J2000 at a tick."""
    # Ticks count every SI second, so their difference from J2000's ticks is elapsed TT.
    return (tick - _J2000_TICK + _TT_MINUS_UTC_AT_J2000) / _SECONDS_PER_CENTURY


def _eccentric_anomaly(mean_anomaly: float, e: float) -> float:
    anomaly = mean_anomaly + e * math.sin(mean_anomaly)
    for _ in range(20):
        step = (anomaly - e * math.sin(anomaly) - mean_anomaly) / (1 - e * math.cos(anomaly))
        anomaly -= step
        if abs(step) < 1e-12:
            break
    return anomaly


class _Orbit(NamedTuple):
    """A planet's osculating ellipse at one instant: size, shape, anomaly and orientation."""

    a: float
    e: float
    mean_anomaly: float
    # Rows of the rotation from the orbit's plane (x to perihelion) to the ecliptic.
    px: float
    py: float
    pz: float
    qx: float
    qy: float
    qz: float


def _orbit(body: Body, centuries: float) -> _Orbit:
    base, rate = _ELEMENTS[planet_of(body)]
    a = base.a + rate.a * centuries
    e = base.e + rate.e * centuries
    inc = math.radians(base.inclination + rate.inclination * centuries)
    mean_long = base.mean_longitude + rate.mean_longitude * centuries
    peri = base.long_perihelion + rate.long_perihelion * centuries
    node = base.long_node + rate.long_node * centuries
    mean_anomaly = math.radians((mean_long - peri + 180.0) % 360.0 - 180.0)
    arg_peri = math.radians(peri - node)
    cw, sw = math.cos(arg_peri), math.sin(arg_peri)
    node_rad = math.radians(node)
    cn, sn = math.cos(node_rad), math.sin(node_rad)
    ci, si = math.cos(inc), math.sin(inc)
    return _Orbit(
        a,
        e,
        mean_anomaly,
        cw * cn - sw * sn * ci,
        cw * sn + sw * cn * ci,
        sw * si,
        -sw * cn - cw * sn * ci,
        -sw * sn + cw * cn * ci,
        cw * si,
    )


def _position_au(body: Body, centuries: float) -> tuple[float, float, float]:
    o = _orbit(body, centuries)
    anomaly = _eccentric_anomaly(o.mean_anomaly, o.e)
    x_orb = o.a * (math.cos(anomaly) - o.e)
    y_orb = o.a * math.sqrt(1 - o.e * o.e) * math.sin(anomaly)
    x, y, z = (
        o.px * x_orb + o.qx * y_orb,
        o.py * x_orb + o.qy * y_orb,
        o.pz * x_orb + o.qz * y_orb,
    )
    if body == "moon":
        dx, dy, dz = _moon_geocentric_km(centuries)
        return (x + dx / AU_KM, y + dy / AU_KM, z + dz / AU_KM)
    return (x, y, z)


_EARTH_RADIUS_KM = 6378.14


def _moon_geocentric_km(centuries: float) -> tuple[float, float, float]:
    """The Moon's place from Earth (km, ecliptic): the Astronomical Almanac's low-precision
    longitude, latitude and horizontal parallax (its largest terms)."""

    def sin(degrees: float) -> float:
        return math.sin(math.radians(degrees % 360.0))

    def cos(degrees: float) -> float:
        return math.cos(math.radians(degrees % 360.0))

    t = centuries
    longitude = (
        218.32
        + 481267.881 * t
        + 6.29 * sin(135.0 + 477198.87 * t)
        - 1.27 * sin(259.3 - 413335.36 * t)
        + 0.66 * sin(235.7 + 890534.22 * t)
        + 0.21 * sin(269.9 + 954397.74 * t)
        - 0.19 * sin(357.5 + 35999.05 * t)
        - 0.11 * sin(186.5 + 966404.03 * t)
    )
    latitude = (
        5.13 * sin(93.3 + 483202.02 * t)
        + 0.28 * sin(228.2 + 960400.89 * t)
        - 0.28 * sin(318.3 + 6003.15 * t)
        - 0.17 * sin(217.6 - 407332.21 * t)
    )
    parallax = (
        0.9508
        + 0.0518 * cos(135.0 + 477198.87 * t)
        + 0.0095 * cos(259.3 - 413335.36 * t)
        + 0.0078 * cos(235.7 + 890534.22 * t)
        + 0.0028 * cos(269.9 + 954397.74 * t)
    )
    distance = _EARTH_RADIUS_KM / sin(parallax)
    return (
        distance * cos(latitude) * cos(longitude),
        distance * cos(latitude) * sin(longitude),
        distance * sin(latitude),
    )


def heliocentric_position_au(body: Body, moment: datetime) -> tuple[float, float, float]:
    """Heliocentric position of `body` in AU, ecliptic and equinox of J2000."""
    return _position_au(body, _centuries_tt(moment))


def earth_mars_distance_km(moment: datetime) -> float:
    """Instantaneous Earth–Mars distance in km."""
    centuries = _centuries_tt(moment)
    return math.dist(_position_au("earth", centuries), _position_au("mars", centuries)) * AU_KM


def one_way_light_time_s(moment: datetime) -> float:
    """Seconds for a signal leaving Mars at `moment` to reach Earth."""
    centuries = _centuries_tt(moment)
    return _light_time_au(_position_au("mars", centuries), centuries)


def earth_receive_time(moment: datetime) -> datetime:
    """UTC time at which a signal leaving Mars at `moment` reaches Earth."""
    return _as_utc(moment) + timedelta(seconds=one_way_light_time_s(moment))


def position_km(body: Body, tick: float) -> Vec:
    """Heliocentric position of `body` in km at a tick, ecliptic and equinox of J2000."""
    x, y, z = _position_au(body, _tick_centuries(tick))
    return (x * AU_KM, y * AU_KM, z * AU_KM)


def state_km(body: Body, tick: float) -> tuple[Vec, Vec]:
    """Heliocentric position (km) and velocity (km/s) of `body` at a tick.

    The velocity is the time derivative of the elements' ellipse: motion in mean anomaly,
    the drift of size and shape, and the slow turning of perihelion, node and inclination.
    """
    if body == "moon":
        # The planet's motion, and the Moon's about it by a central difference.
        r0, v0 = state_km("earth", tick)
        step = 60.0 / _SECONDS_PER_CENTURY
        centuries = _tick_centuries(tick)
        here = _moon_geocentric_km(centuries)
        ahead, behind = _moon_geocentric_km(centuries + step), _moon_geocentric_km(centuries - step)
        r = (r0[0] + here[0], r0[1] + here[1], r0[2] + here[2])
        v = tuple(v0[k] + (ahead[k] - behind[k]) / 120.0 for k in range(3))
        return r, (v[0], v[1], v[2])
    o = _orbit(body, _tick_centuries(tick))
    rate = _ELEMENTS[planet_of(body)][1]
    per_second = math.pi / 180.0 / _SECONDS_PER_CENTURY
    mean_motion = (rate.mean_longitude - rate.long_perihelion) * per_second
    apsis_rate = (rate.long_perihelion - rate.long_node) * per_second
    node_rate = rate.long_node * per_second
    tilt_rate = rate.inclination * per_second
    a_rate = rate.a * AU_KM / _SECONDS_PER_CENTURY
    e_rate = rate.e / _SECONDS_PER_CENTURY
    e = o.e
    anomaly = _eccentric_anomaly(o.mean_anomaly, e)
    cos_e, sin_e = math.cos(anomaly), math.sin(anomaly)
    root = math.sqrt(1 - e * e)
    a_km = o.a * AU_KM
    x_orb, y_orb = a_km * (cos_e - e), a_km * root * sin_e
    # Kepler's equation gives E's rate from M's and e's.
    anomaly_rate = (mean_motion + sin_e * e_rate) / (1 - e * cos_e)
    vx_orb = -a_km * sin_e * anomaly_rate - a_km * e_rate + x_orb / a_km * a_rate
    vy_orb = a_km * (root * cos_e * anomaly_rate - e / root * sin_e * e_rate)
    vy_orb += y_orb / a_km * a_rate
    r = (
        o.px * x_orb + o.qx * y_orb,
        o.py * x_orb + o.qy * y_orb,
        o.pz * x_orb + o.qz * y_orb,
    )
    # Turning rates: perihelion about the orbit's normal P x Q, node about z, inclination
    # about the line of nodes.
    nx = o.py * o.qz - o.pz * o.qy
    ny = o.pz * o.qx - o.px * o.qz
    nz = o.px * o.qy - o.py * o.qx
    node = math.atan2(nx, -ny)
    wx = apsis_rate * nx + tilt_rate * math.cos(node)
    wy = apsis_rate * ny + tilt_rate * math.sin(node)
    wz = apsis_rate * nz + node_rate
    v = (
        o.px * vx_orb + o.qx * vy_orb + wy * r[2] - wz * r[1],
        o.py * vx_orb + o.qy * vy_orb + wz * r[0] - wx * r[2],
        o.pz * vx_orb + o.qz * vy_orb + wx * r[1] - wy * r[0],
    )
    return r, v


def light_time_to_earth_s(r_km: Vec, tick: float) -> float:
    """Seconds for a signal leaving heliocentric point `r_km` at `tick` to reach Earth.

    Earth is taken where it is when the signal arrives (:func:`_light_time_au`).
    """
    point = (r_km[0] / AU_KM, r_km[1] / AU_KM, r_km[2] / AU_KM)
    return _light_time_au(point, _tick_centuries(tick))


def _light_time_au(point: tuple[float, float, float], centuries: float) -> float:
    """Seconds for a signal leaving ``point`` (AU) at ``centuries`` to reach Earth, with Earth
    where it is on arrival: four fixed-point steps settle it far below a millisecond."""
    light_time = 0.0
    for _ in range(4):
        earth = _position_au("earth", centuries + light_time / _SECONDS_PER_CENTURY)
        light_time = math.dist(earth, point) * AU_KM / C_KM_S
    return light_time


def orbit_au(body: Body, tick: float, n: int) -> list[tuple[float, float]]:
    """`n` points of the planet's ellipse at `tick` (a moon's planet's), ecliptic x, y in AU,
    for drawing.

    The points are evenly spaced in eccentric anomaly, starting at perihelion.
    """
    o = _orbit(body, _tick_centuries(tick))
    root = math.sqrt(1 - o.e * o.e)
    points = []
    for k in range(n):
        anomaly = 2.0 * math.pi * k / n
        x_orb = o.a * (math.cos(anomaly) - o.e)
        y_orb = o.a * root * math.sin(anomaly)
        points.append((o.px * x_orb + o.qx * y_orb, o.py * x_orb + o.qy * y_orb))
    return points
