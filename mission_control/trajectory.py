"""Each craft's modelled path: a transfer conic from Earth at launch to the target planet at
the first event there, and the derived numbers for any moment.

What the articles state is two instants: the launch, and the first event at the target
planet (a separation, a flyby, an orbit insertion...). The model joins Earth's position at
the one to the planet's at the other by the single-revolution prograde solution of Lambert's
problem (`lambert.solve`), and puts the craft on that conic between them (`kepler.propagate`).
After the arrival the craft is placed at the planet: the flyby's bend is not stated, so it is
not modelled. Every number made from the transfer is marked approximate; at the planet, the
numbers are the planet's.

Nothing here runs before the dashboard's first frame (see ``Campaign.transfers``).
"""

from __future__ import annotations

import math
from typing import Literal

import msgspec

from mission_control import ephemeris
from mission_control.ephemeris import AU_KM, GM_SUN_KM3_S2, Body
from mission_control.kepler import Vec, norm, propagate, sub
from mission_control.lambert import solve

MAX_C3_KM2_S2 = 400.0
"""A departure needing more than this is refused as no transfer a rocket could fly: the
fastest departures flown (New Horizons, Parker Solar Probe) needed about 155 km²/s²."""

ARRIVAL_TOLERANCE_KM = 1.0
"""How near the planet the propagated transfer must end for it to be shown."""

Model = Literal["transfer", "target"]


class Transfer(msgspec.Struct, frozen=True):
    """One craft's modelled transfer, and the craft's state just after departure."""

    mission_id: str
    target: Body
    target_name: str
    departure_tick: float
    arrival_tick: float
    r1_km: Vec
    v1_km_s: Vec
    c3_km2_s2: float
    """The square of the departure's speed relative to Earth (km²/s²)."""
    arrival_speed_km_s: float
    """The craft's speed relative to the target planet on arrival (km/s)."""

    def craft_state(self, tick: float) -> tuple[Model, Vec, Vec] | None:
        """The craft's heliocentric position (km) and velocity (km/s) at ``tick``, and which
        model gives them; None before the launch."""
        if tick < self.departure_tick:
            return None
        if tick >= self.arrival_tick:
            r, v = ephemeris.state_km(self.target, tick)
            return "target", r, v
        r, v = propagate(GM_SUN_KM3_S2, self.r1_km, self.v1_km_s, tick - self.departure_tick)
        return "transfer", r, v

    def track_au(self, n: int) -> list[tuple[float, float]]:
        """``n`` points (at least two) of the transfer from departure to arrival, evenly in
        time: ecliptic x and y in AU, for drawing."""
        n = max(n, 2)
        span = self.arrival_tick - self.departure_tick
        points = []
        for k in range(n):
            r, _ = propagate(GM_SUN_KM3_S2, self.r1_km, self.v1_km_s, span * k / (n - 1))
            points.append((r[0] / AU_KM, r[1] / AU_KM))
        return points


class Position(msgspec.Struct, frozen=True):
    """Where a craft is at one moment, and the numbers derived from it."""

    model: Model
    approximate: bool
    heliocentric_km: Vec
    earth_distance_km: float
    sun_distance_km: float
    target_distance_km: float
    heliocentric_speed_km_s: float
    owlt_s: float
    """Seconds for a signal leaving the craft at this moment to reach Earth."""


def position_at(transfer: Transfer, tick: float) -> Position | None:
    """The craft's modelled position at ``tick``; None before its launch."""
    found = transfer.craft_state(tick)
    if found is None:
        return None
    model, r, v = found
    return Position(
        model=model,
        approximate=model == "transfer",
        heliocentric_km=r,
        earth_distance_km=norm(sub(r, ephemeris.position_km("earth", tick))),
        sun_distance_km=norm(r),
        target_distance_km=0.0
        if model == "target"
        else norm(sub(r, ephemeris.position_km(transfer.target, tick))),
        heliocentric_speed_km_s=norm(v),
        owlt_s=ephemeris.light_time_to_earth_s(r, tick),
    )


def plan(
    mission_id: str,
    name: str,
    target: tuple[str, Body] | None,
    launch_tick: float | None,
    arrival_tick: float | None,
    passed: str | None = None,
) -> Transfer | str:
    """The transfer from Earth at ``launch_tick`` to the target at ``arrival_tick``, or the
    sentence saying why there is none (naming the mission). ``passed`` names a body an event
    on the way was at: one conic cannot pass it, so there is no transfer either. A craft
    that never left Earth, or went to the Moon, has none either: its path is about Earth."""
    cannot = f"{name}: no trajectory modelled"
    if launch_tick is None:
        return f"{cannot}: the article states no launch"
    if target is None:
        return f"{cannot}: the article states no target planet the model knows"
    target_name, body = target
    if body == "earth":
        return f"{cannot}: it never left Earth orbit"
    if ephemeris.planet_of(body) == "earth":
        place = "the Moon" if body == "moon" else target_name
        return (
            f"{cannot}: its path to {place} circles Earth, and the model draws paths "
            "about the Sun only"
        )
    if arrival_tick is None:
        return f"{cannot}: the article states no event at {target_name}"
    if arrival_tick <= launch_tick:
        return f"{cannot}: its first event at {target_name} is not after its launch"
    if passed is not None:
        return (
            f"{cannot}: it passed {passed} on the way to {target_name}, and a path by "
            "another body (a gravity assist) is not modelled"
        )
    r1, v_earth = ephemeris.state_km("earth", launch_tick)
    r2, v_planet = ephemeris.state_km(body, arrival_tick)
    flight_s = arrival_tick - launch_tick
    try:
        v1, v2 = solve(GM_SUN_KM3_S2, r1, r2, flight_s)
        # The conic must end where it was asked to: a solution that misses is not shown.
        end, _ = propagate(GM_SUN_KM3_S2, r1, v1, flight_s)
    except ValueError as exc:  # LambertError is one; propagate raises the others
        return f"{cannot}: no transfer from Earth to {target_name} fits its dates ({exc})"
    if not norm(sub(end, r2)) <= ARRIVAL_TOLERANCE_KM:
        return (
            f"{cannot}: the transfer computed from Earth to {target_name} misses it by "
            f"{norm(sub(end, r2)):,.0f} km"
        )
    c3 = norm(sub(v1, v_earth)) ** 2
    if not math.isfinite(c3) or c3 > MAX_C3_KM2_S2:
        return (
            f"{cannot}: a transfer from Earth to {target_name} in "
            f"{(arrival_tick - launch_tick) / 86400:.1f} days would need a departure C3 of "
            f"{c3:,.0f} km²/s², beyond any launch (at most {MAX_C3_KM2_S2:,.0f})"
        )
    return Transfer(
        mission_id=mission_id,
        target=body,
        target_name=target_name,
        departure_tick=launch_tick,
        arrival_tick=arrival_tick,
        r1_km=r1,
        v1_km_s=v1,
        c3_km2_s2=c3,
        arrival_speed_km_s=norm(sub(v2, v_planet)),
    )
