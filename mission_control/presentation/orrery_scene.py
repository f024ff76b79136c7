"""The orrery's scene at the replay's moment: Earth and each craft's target planet where
the ephemeris puts them, each craft's modelled track and place, and its readout.

Everything a craft shows is modelled, not stated by the articles, so its readout is marked
``≈`` (:func:`~mission_control.presentation.formatting.position_readout`); a craft the
articles do not allow to model shows why instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from mission_control import ephemeris
from mission_control.presentation.formatting import position_readout
from mission_control.presentation.orrery import Craft, Planet, Point, Scene, craft_label

if TYPE_CHECKING:
    from mission_control.state import CampaignState
    from mission_control.trajectory import Transfer


_ORBITS: dict[tuple[str, int, int], tuple[Point, ...]] = {}
_TRACKS: dict[tuple[str, str, float, float, int], tuple[Point, ...]] = {}


def scene_at(
    state: CampaignState,
    transfers: Mapping[str, Transfer | None],
    *,
    units: str = "si",
    samples: int = 120,
    reasons: Mapping[str, str] | None = None,
) -> Scene:
    """The scene at ``state``'s moment: Earth, each craft's target planet, and each craft
    with its modelled transfer (one without is listed, with no track, and ``reasons`` says
    why: the campaign's warning for it, without the craft's name).

    An orbit barely changes in a century, so each is computed once a year of replay; a
    transfer's track, once.
    """

    names = {body: name for name, body in ephemeris.PLANETS.items()}
    # A moon is drawn as its planet: at the orrery's scale the two are one dot.
    targets = [
        ephemeris.planet_of(t.target)
        for ms in state.missions
        if (t := transfers.get(ms.mission.id))
    ]
    year_s = 365.25 * 86400
    year = int(state.tick // year_s)
    planets = []
    for body in dict.fromkeys(["earth", *targets]):
        orbit_key = (body, year, samples)
        if orbit_key not in _ORBITS:
            # The orbit as it is at the year's start, whatever moment was shown first: seeking
            # back then draws what playing forward drew.
            _ORBITS[orbit_key] = tuple(ephemeris.orbit_au(body, year * year_s, samples))
        x, y, _ = ephemeris.position_km(body, state.tick)
        place = (x / ephemeris.AU_KM, y / ephemeris.AU_KM)
        planets.append(Planet(names.get(body, body.title()), place, _ORBITS[orbit_key]))
    craft = []
    for ms in state.missions:
        name, label = ms.mission.name, craft_label(ms.mission.name)
        transfer = transfers.get(ms.mission.id)
        if transfer is None:
            why = (reasons or {}).get(ms.mission.id, "no trajectory modelled")
            craft.append(Craft(name, label, None, (), 0.0, why.removeprefix(f"{name}: ")))
            continue
        key = (
            ms.mission.id,
            transfer.target,
            transfer.departure_tick,
            transfer.arrival_tick,
            samples,
        )
        if key not in _TRACKS:
            _TRACKS[key] = tuple(transfer.track_au(samples))
        span = transfer.arrival_tick - transfer.departure_tick
        flown = (state.tick - transfer.departure_tick) / span if span > 0 else 1.0
        position = ms.position
        if position is None:
            craft.append(Craft(name, label, None, _TRACKS[key], 0.0, "before launch"))
            continue
        x, y, _ = position.heliocentric_km
        text = position_readout(position, transfer.target_name, units)
        place = (x / ephemeris.AU_KM, y / ephemeris.AU_KM)
        craft.append(Craft(name, label, place, _TRACKS[key], max(0.0, min(1.0, flown)), text))
    return Scene(tuple(planets), tuple(craft))
