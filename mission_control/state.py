"""The state of every mission at any moment, as a pure function of mission time.

Seeking backwards and playing forwards give the same state because nothing here remembers:
``state_at(campaign, tick)`` counts the events passed by ``tick`` and, for each subsystem,
looks up the last event that set it by then and the next one to come (the campaign indexes
the status rules' effects, ``data/status_rules.toml``, per row when it is built). Each
part's phase is looked up in the spans the campaign worked out (:mod:`.phases`).
"""

from __future__ import annotations

import bisect
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import msgspec

from mission_control import ephemeris, phases
from mission_control.campaign import Campaign, MissionTrack
from mission_control.mission import Mission
from mission_control.model import Event, PartState, Precision, Status, SubsystemState
from mission_control.status_rules import Rules
from mission_control.timescale import UtcReading, from_tick, to_tick

if TYPE_CHECKING:
    from mission_control.trajectory import Position, Transfer

PHASES: tuple[str, ...] = (
    "pre-launch",
    "launch",
    "cruise",
    "approach",
    "orbit",
    "separation",
    "entry and descent",
    "landed",
    "flyby",
    "ended",
)


class MissionState(msgspec.Struct, frozen=True):
    """One mission at one tick: its phase, clocks, next event, and each part's phase and
    every row's status."""

    track: MissionTrack
    tick: float
    passed: int
    phase: str
    met_s: float | None
    next_event: Event | None
    countdown_s: float | None
    owlt_s: float | None
    """One-way light time from the craft to Earth: from launch on when the transfer is
    modelled (approximate until the arrival), else only at the planet."""
    parts: dict[str, PartState]
    position: Position | None = None
    """The craft's modelled position (None before launch, without a transfer, or when the
    state was asked for without positions)."""
    transfer: Transfer | None = None

    @property
    def light_approximate(self) -> bool:
        """Whether :attr:`owlt_s` comes from the modelled transfer rather than the planet."""
        return self.position is not None and self.position.approximate

    @property
    def mission(self) -> Mission:
        return self.track.mission

    @property
    def part_phases(self) -> dict[str, str]:
        """Each part's phase (see :mod:`.phases`)."""
        return {part: state.phase for part, state in self.parts.items()}

    @property
    def passed_events(self) -> tuple[Event, ...]:
        return self.track.events[: self.passed]


class CampaignState(msgspec.Struct, frozen=True):
    """Every mission at one tick, and the UTC reading of that tick."""

    tick: float
    utc: UtcReading
    missions: tuple[MissionState, ...]
    positions: bool = True
    """Whether positions were asked for: without, a light time during cruise is not known."""


def state_at(campaign: Campaign, tick: float, *, positions: bool = True) -> CampaignState:
    """Everything the dashboard shows at ``tick``, computed from the events alone, and with
    ``positions`` each craft's place on its modelled transfer (planned on first use)."""
    transfers = campaign.transfers() if positions else {}
    return CampaignState(
        tick=tick,
        utc=from_tick(tick),
        missions=tuple(
            mission_state(t, tick, campaign.rules, transfers.get(t.mission.id))
            for t in campaign.tracks
        ),
        positions=positions,
    )


def light_time_at(track: MissionTrack, transfer: Transfer | None, tick: float) -> float | None:
    """Seconds for a signal from the craft at ``tick`` to reach Earth: the modelled craft's
    from launch on, else the target body's once the mission is at it, else None (a craft
    that never left Earth has no light time worth the name)."""
    light = _light(track, transfer, tick)
    return light[0] if light is not None else None


def _light(
    track: MissionTrack, transfer: Transfer | None, tick: float
) -> tuple[float, bool] | None:
    """:func:`light_time_at`, and whether the modelled transfer (not the planet) gives it."""
    if transfer is not None and tick >= transfer.departure_tick:
        position = _position(transfer, tick)
        return (position.owlt_s, position.approximate) if position is not None else None
    if track.target is not None and track.target[1] != "earth" and track.at_planet(tick):
        body = track.target[1]
        return ephemeris.light_time_to_earth_s(ephemeris.position_km(body, tick), tick), False
    return None


def earth_receive(
    track: MissionTrack, transfer: Transfer | None, event: Event
) -> tuple[datetime, bool] | None:
    """When Earth could first have known of ``event`` (its time plus the light time), and
    whether that comes from the modelled transfer; None where no light time is known."""
    light = _light(track, transfer, to_tick(event.at))
    if light is None:
        return None
    return event.at + timedelta(seconds=light[0]), light[1]


def _position(transfer: Transfer, tick: float) -> Position | None:
    # Imported on first use: a transfer exists only once the campaign planned it, which the
    # dashboard does after its first frame.
    from mission_control.trajectory import position_at

    return position_at(transfer, tick)


def mission_state(
    track: MissionTrack, tick: float, rules: Rules, transfer: Transfer | None = None
) -> MissionState:
    passed = bisect.bisect_right(track.ticks, tick)
    events = track.events
    upcoming = next(
        (
            (track.ticks[i], events[i])
            for i in range(passed, len(events))
            if not events[i].approximate
        ),
        None,
    )
    met = None
    launch = track.launch
    if track.launch_tick is not None and launch and launch.time.precision >= Precision.MINUTE:
        met = tick - track.launch_tick
    position = _position(transfer, tick) if transfer is not None else None
    return MissionState(
        track=track,
        tick=tick,
        passed=passed,
        phase=_phase(track, tick, passed, rules),
        met_s=met,
        next_event=upcoming[1] if upcoming else None,
        countdown_s=upcoming[0] - tick if upcoming else None,
        owlt_s=position.owlt_s if position is not None else light_time_at(track, None, tick),
        parts=statuses_at(track, tick, rules),
        position=position,
        transfer=transfer,
    )


def phase_at(track: MissionTrack, tick: float, rules: Rules) -> str:
    """The mission's phase at ``tick``: :func:`mission_state`'s ``phase`` without the rest."""
    return _phase(track, tick, bisect.bisect_right(track.ticks, tick), rules)


def phase_turns(track: MissionTrack, rules: Rules) -> list[float]:
    """Every moment at which the mission's phase may change: its first and last events, each
    event after which the rules' phase differs, and the moments time alone turns launch into
    cruise and cruise into approach. Between two of these the phase is constant."""
    ticks, phases = track.ticks, track.phases
    turns = [ticks[j] for j in range(len(ticks)) if phases[j + 1] != phases[j]]
    turns += [*ticks[:1], *ticks[-1:]]
    if track.approach_tick is not None:
        turns.append(track.approach_tick)
    if track.launch_tick is not None:
        turns += [track.launch_tick, track.launch_tick + rules.launch_phase_s]
    return sorted(set(turns))


def _phase(track: MissionTrack, tick: float, passed: int, rules: Rules) -> str:
    events = track.events
    if passed == 0 and (track.launch_tick is None or tick < track.launch_tick):
        return "pre-launch"
    if passed == len(events):
        return "ended"
    phase = track.phases[passed]
    launched_s = tick - track.launch_tick if track.launch_tick is not None else 0.0
    if phase == "launch" and launched_s >= rules.launch_phase_s:
        phase = "cruise"
    if phase == "cruise" and track.at_planet(tick):
        phase = "approach"
    return phase


def statuses_at(track: MissionTrack, tick: float, rules: Rules) -> dict[str, PartState]:
    """Each part's phase and rows at ``tick``: its own state first where an event releases
    it, then every system and instrument (a bisect per row)."""
    states: dict[str, PartState] = {}
    events = track.events
    for part, names in track.parts.items():
        rows: dict[str, SubsystemState] = {}
        own = _own_state(track, part, tick, rules)
        if own is not None:
            rows[own.name] = own
        instruments = track.mission.instruments.get(part, ())
        shared = track.shared.get(part, ())
        for name in names:
            role = "instrument" if name in instruments else "shared" if name in shared else "system"
            setter = track.setters.get((part, name))
            if setter is None:
                rows[name] = SubsystemState(name, Status.UNKNOWN, role=role)
                continue
            done = bisect.bisect_right(setter.effects, tick)
            coming = events[setter.indices[done]] if done < len(setter.indices) else None
            during = _within(coming, tick)
            if done:
                rule, event = setter.rules[done - 1], events[setter.indices[done - 1]]
                rows[name] = SubsystemState(
                    name, rule.status, event, rule.reason, role, coming, during
                )
            else:
                rows[name] = SubsystemState(
                    name, Status.UNKNOWN, role=role, coming=coming, during=during
                )
        phase = phases.phase_in(track.part_spans[part], tick)
        states[part] = PartState(part, phase, rows, phase in phases.DERIVED_PHASES)
    return states


def _within(event: Event | None, tick: float) -> bool:
    """Whether ``tick`` lies in the window ``event`` is known only to lie in."""
    return event is not None and event.window is not None and to_tick(event.window[0]) <= tick


def _own_state(track: MissionTrack, part: str, tick: float, rules: Rules) -> SubsystemState | None:
    """A part some event releases (a lander): attached to the part that carries it until
    an event releases it, then separated. Derived: no rule states it, the events imply it."""
    indices = track.releases.get(part)
    if not indices:
        return None
    carrier = phases.carrier_of(part, list(track.parts)) or phases.main_part(list(track.parts))
    events = track.events
    done = [i for i in indices if _effect(track, i) <= tick]
    coming = next((events[i] for i in indices if _effect(track, i) > tick), None)
    during = _within(coming, tick)
    if not done:
        reason = f"attached to the {carrier} until its separation"
        return SubsystemState(
            part, Status.STANDBY, None, reason, "part", coming, during, derived=True
        )
    event = events[done[-1]]
    if phases.released(event.kind, event.outcome, rules):
        reason = f"separated from the {carrier}"
        return SubsystemState(part, Status.NORMAL, event, reason, "part", coming, derived=True)
    reason = f"still attached to the {carrier}"
    return SubsystemState(part, Status.CAUTION, event, reason, "part", coming, during, derived=True)


def _effect(track: MissionTrack, index: int) -> float:
    """The tick event ``index`` takes effect at: the end of the window it is known only to
    lie in, else its own."""
    window = track.events[index].window
    return track.ticks[index] if window is None else max(track.ticks[index], to_tick(window[1]))
