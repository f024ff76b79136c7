"""Earth–Mars geometry and one-way light time.

Positions use E. M. Standish, "Keplerian Elements for Approximate Positions of the Major
Planets" (JPL Solar System Dynamics), Table 1: elements and rates per Julian century for
1800 AD – 2050 AD, mean ecliptic and equinox of J2000.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Literal, NamedTuple

from mission_control.timescale import to_tick

Body = Literal["earth", "mars"]

AU_KM = 149_597_870.7
C_KM_S = 299_792.458


class _Elements(NamedTuple):
    a: float
    e: float
    inclination: float
    mean_longitude: float
    long_perihelion: float
    long_node: float


_ELEMENTS: dict[Body, tuple[_Elements, _Elements]] = {
    "earth": (
        _Elements(1.00000261, 0.01671123, -0.00001531, 100.46457166, 102.93768193, 0.0),
        _Elements(0.00000562, -0.00004392, -0.01294668, 35999.37244981, 0.32327364, 0.0),
    ),
    "mars": (
        _Elements(1.52371034, 0.09339410, 1.84969142, -4.55343205, -23.94362959, 49.55953891),
        _Elements(0.00001847, 0.00007882, -0.00813131, 19140.30268499, 0.44441088, -0.29257343),
    ),
}

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
    # Ticks count every SI second, so their difference from J2000's ticks is elapsed TT.
    tt_seconds = to_tick(_as_utc(moment)) - _J2000_TICK + _TT_MINUS_UTC_AT_J2000
    return tt_seconds / _SECONDS_PER_CENTURY


def _eccentric_anomaly(mean_anomaly: float, e: float) -> float:
    anomaly = mean_anomaly + e * math.sin(mean_anomaly)
    for _ in range(20):
        step = (anomaly - e * math.sin(anomaly) - mean_anomaly) / (1 - e * math.cos(anomaly))
        anomaly -= step
        if abs(step) < 1e-12:
            break
    return anomaly


def _position_au(body: Body, centuries: float) -> tuple[float, float, float]:
    base, rate = _ELEMENTS[body]
    a, e, inc, mean_long, peri, node = (b + r * centuries for b, r in zip(base, rate, strict=True))
    mean_anomaly = math.radians((mean_long - peri + 180.0) % 360.0 - 180.0)
    anomaly = _eccentric_anomaly(mean_anomaly, e)
    x_orb = a * (math.cos(anomaly) - e)
    y_orb = a * math.sqrt(1 - e * e) * math.sin(anomaly)

    arg_peri = math.radians(peri - node)
    cw, sw = math.cos(arg_peri), math.sin(arg_peri)
    cn, sn = math.cos(math.radians(node)), math.sin(math.radians(node))
    ci, si = math.cos(math.radians(inc)), math.sin(math.radians(inc))
    return (
        (cw * cn - sw * sn * ci) * x_orb + (-sw * cn - cw * sn * ci) * y_orb,
        (cw * sn + sw * cn * ci) * x_orb + (-sw * sn + cw * cn * ci) * y_orb,
        sw * si * x_orb + cw * si * y_orb,
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
    mars = _position_au("mars", centuries)
    light_time = 0.0
    for _ in range(4):
        earth = _position_au("earth", centuries + light_time / _SECONDS_PER_CENTURY)
        light_time = math.dist(earth, mars) * AU_KM / C_KM_S
    return light_time


def earth_receive_time(moment: datetime) -> datetime:
    """UTC time at which a signal leaving Mars at `moment` reaches Earth."""
    return _as_utc(moment) + timedelta(seconds=one_way_light_time_s(moment))
