"""The state of every mission at any moment, as a pure function of mission time.

Seeking backwards and playing forwards give the same state because nothing here remembers:
``state_at(campaign, tick)`` looks at the events passed by ``tick`` and applies the status
rules (a data file, ``data/status_rules.toml``) to them in order.
"""

from __future__ import annotations

import bisect
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any

from mission_control import ephemeris
from mission_control.clock import Anchor, ReplayClock, TimeSource
from mission_control.model import Event, Mission, Precision, Status, SubsystemState, paused_gc
from mission_control.timescale import UtcReading, from_tick, to_tick

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
PART_ORDER: tuple[str, ...] = ("bus", "orbiter", "lander")


@dataclass(frozen=True)
class Rule:
    kind: str
    system: str
    status: Status
    reason: str
    part: str = "event"
    outcome: str | None = None

    def matches(self, event: Event) -> bool:
        if self.kind not in ("*", event.kind):
            return False
        if self.outcome is None:
            return True
        tags = (event.outcome or "").split("; ")
        return self.outcome in tags

    def target_part(self, event: Event) -> str:
        part = event.part if self.part == "event" else self.part
        return "bus" if part == "spacecraft" else part


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    phases: dict[str, str]
    launch_phase_s: float
    approach_s: float
    arrival_kinds: frozenset[str]
    lead_in_s: float
    lead_out_s: float
    # Rules that need no outcome, by the kind they match ("*" rules filed under every kind).
    plain_by_kind: dict[str, tuple[Rule, ...]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        plain = [r for r in self.rules if r.outcome is None]
        kinds = {r.kind for r in plain} | {"*"}
        index = {k: tuple(r for r in plain if r.kind in ("*", k)) for k in kinds}
        object.__setattr__(self, "plain_by_kind", index)

    def matching(self, event: Event) -> list[Rule]:
        """The rules an event triggers, in table order. An event with no outcome is checked
        only against the rules for its kind, which keeps preparing many events quick."""
        if event.outcome is not None:
            return [rule for rule in self.rules if rule.matches(event)]
        return list(self.plain_by_kind.get(event.kind, self.plain_by_kind["*"]))


def parse_rules(data: dict[str, Any]) -> Rules:
    """Rules from the parsed TOML table (ValueError naming a bad entry)."""
    rules = []
    for number, row in enumerate(data.get("rule", []), start=1):
        try:
            rules.append(
                Rule(
                    kind=str(row["kind"]),
                    system=str(row["system"]),
                    status=Status(row["status"]),
                    reason=str(row.get("reason", "")),
                    part=str(row.get("part", "event")),
                    outcome=row.get("outcome"),
                )
            )
        except (KeyError, ValueError) as exc:
            raise ValueError(f"status rule {number}: {exc}") from None
    timing = data.get("timing", {})
    return Rules(
        rules=tuple(rules),
        phases=dict(data.get("phases", {})),
        launch_phase_s=float(timing.get("launch_phase_s", 86400)),
        approach_s=float(timing.get("approach_days", 30)) * 86400,
        arrival_kinds=frozenset(timing.get("arrival_kinds", ())),
        lead_in_s=float(timing.get("lead_in_s", 600)),
        lead_out_s=float(timing.get("lead_out_s", 600)),
    )


@cache
def default_rules() -> Rules:
    text = resources.files("mission_control").joinpath("data/status_rules.toml").read_text("utf-8")
    return parse_rules(tomllib.loads(text))


@dataclass(frozen=True)
class MissionTrack:
    """One mission prepared for replay: its events' ticks, sorted, and its fixed moments."""

    mission: Mission
    ticks: tuple[float, ...]
    launch_tick: float | None
    approach_tick: float | None
    parts: dict[str, tuple[str, ...]]
    # For each row, the indices of the events that set it and the state each one set, so a
    # state at any time is a bisect per row rather than a replay of every passed event.
    setters: dict[tuple[str, str], tuple[tuple[int, ...], tuple[SubsystemState, ...]]]
    # The phase the rules table gives after the first k events have passed.
    phases: tuple[str, ...]

    @property
    def events(self) -> tuple[Event, ...]:
        return self.mission.events


@dataclass(frozen=True)
class Campaign:
    """The missions replayed together on one UTC clock, and the span the replay covers."""

    tracks: tuple[MissionTrack, ...]
    start: float
    end: float
    rules: Rules

    @property
    def missions(self) -> tuple[Mission, ...]:
        return tuple(t.mission for t in self.tracks)

    def track(self, mission_id: str) -> MissionTrack:
        for track in self.tracks:
            if track.mission.id == mission_id:
                return track
        raise KeyError(mission_id)

    def all_events(self) -> list[tuple[float, Event]]:
        """Every event of every mission with its tick, in replay order."""
        merged = [(tick, e) for t in self.tracks for tick, e in zip(t.ticks, t.events, strict=True)]
        merged.sort(key=lambda p: (p[0], p[1].mission_id, p[1].index))
        return merged

    def next_event_tick(self, tick: float) -> float | None:
        later = [
            t.ticks[i]
            for t in self.tracks
            if (i := bisect.bisect_right(t.ticks, tick)) < len(t.ticks)
        ]
        return min(later, default=None)

    def previous_event_tick(self, tick: float) -> float | None:
        earlier = [
            t.ticks[i - 1] for t in self.tracks if (i := bisect.bisect_left(t.ticks, tick)) > 0
        ]
        return max(earlier, default=None)


def _parts(mission: Mission, setters: dict[tuple[str, str], Any]) -> dict[str, tuple[str, ...]]:
    """Each part's rows: the systems the events speak of or the rules touch, then instruments."""
    rows: dict[str, list[str]] = {}
    for part, systems in mission.systems.items():
        rows.setdefault(part, []).extend(systems)
    for part, system in setters:
        names = rows.setdefault(part, [])
        if system not in names:
            names.append(system)
    for part, instruments in mission.instruments.items():
        names = rows.setdefault(part, [])
        names.extend(i for i in instruments if i not in names)
    ordered = sorted(rows, key=lambda p: PART_ORDER.index(p) if p in PART_ORDER else 99)
    return {p: tuple(rows[p]) for p in ordered}


def _setters(
    events: Sequence[Event], rules: Rules
) -> dict[tuple[str, str], tuple[tuple[int, ...], tuple[SubsystemState, ...]]]:
    found: dict[tuple[str, str], tuple[list[int], list[SubsystemState]]] = {}
    for index, event in enumerate(events):
        final: dict[tuple[str, str], SubsystemState] = {}
        for rule in rules.matching(event):
            row = SubsystemState(rule.system, rule.status, event, rule.reason)
            final[(rule.target_part(event), rule.system)] = row
        for key, row in final.items():
            indices, rows = found.setdefault(key, ([], []))
            indices.append(index)
            rows.append(row)
    return {key: (tuple(i), tuple(r)) for key, (i, r) in found.items()}


def _phases(events: Sequence[Event], rules: Rules) -> tuple[str, ...]:
    phases = ["pre-launch"]
    for event in events:
        phases.append(rules.phases.get(event.kind, phases[-1]))
    return tuple(phases)


def build_campaign(missions: Sequence[Mission], rules: Rules | None = None) -> Campaign:
    """Prepare missions for replay (see ``_build``); the collector is paused meanwhile."""
    with paused_gc():
        return _build(missions, rules)


def _build(missions: Sequence[Mission], rules: Rules | None = None) -> Campaign:
    """Prepare missions for replay; the span runs from just before the first launch (or first
    event) to just after the end of the last event's stated interval."""
    rules = rules or default_rules()
    tracks = []
    for mission in missions:
        ticks = tuple(to_tick(e.at) for e in mission.events)
        launch = mission.launch
        arrivals = [e for e in mission.events if e.kind in rules.arrival_kinds]
        setters = _setters(mission.events, rules)
        tracks.append(
            MissionTrack(
                mission=mission,
                ticks=ticks,
                launch_tick=to_tick(launch.time.start) if launch else None,
                approach_tick=to_tick(arrivals[0].at) - rules.approach_s if arrivals else None,
                parts=_parts(mission, setters),
                setters=setters,
                phases=_phases(mission.events, rules),
            )
        )
    firsts = [t.ticks[0] for t in tracks if t.ticks]
    lasts = [to_tick(e.time.end) for t in tracks for e in t.events[-1:]]
    lasts += [to_tick(e.window[1]) for t in tracks for e in t.events if e.window]
    if not firsts:
        raise ValueError("no dated events to replay")
    return Campaign(
        tracks=tuple(tracks),
        start=min(firsts) - rules.lead_in_s,
        end=max(lasts) + rules.lead_out_s,
        rules=rules,
    )


@dataclass(frozen=True)
class MissionState:
    track: MissionTrack
    tick: float
    passed: int
    phase: str
    met_s: float | None
    next_event: Event | None
    countdown_s: float | None
    owlt_s: float | None
    parts: dict[str, dict[str, SubsystemState]]

    @property
    def mission(self) -> Mission:
        return self.track.mission

    @property
    def passed_events(self) -> tuple[Event, ...]:
        return self.track.events[: self.passed]


@dataclass(frozen=True)
class CampaignState:
    tick: float
    utc: UtcReading
    missions: tuple[MissionState, ...]


def state_at(campaign: Campaign, tick: float) -> CampaignState:
    """Everything the dashboard shows at ``tick``, computed from the events alone."""
    return CampaignState(
        tick=tick,
        utc=from_tick(tick),
        missions=tuple(mission_state(t, tick, campaign.rules) for t in campaign.tracks),
    )


def mission_state(track: MissionTrack, tick: float, rules: Rules) -> MissionState:
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
    launch = track.mission.launch
    if track.launch_tick is not None and launch and launch.time.precision >= Precision.MINUTE:
        met = tick - track.launch_tick
    at_planet = track.approach_tick is not None and tick >= track.approach_tick
    return MissionState(
        track=track,
        tick=tick,
        passed=passed,
        phase=_phase(track, tick, passed, rules),
        met_s=met,
        next_event=upcoming[1] if upcoming else None,
        countdown_s=upcoming[0] - tick if upcoming else None,
        owlt_s=ephemeris.one_way_light_time_s(from_tick(tick).moment) if at_planet else None,
        parts=statuses_after(track, passed),
    )


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
    if phase == "cruise" and track.approach_tick is not None and tick >= track.approach_tick:
        phase = "approach"
    return phase


def statuses_after(track: MissionTrack, passed: int) -> dict[str, dict[str, SubsystemState]]:
    """Every row's status once the first ``passed`` events have passed (a bisect per row)."""
    states: dict[str, dict[str, SubsystemState]] = {}
    for part, names in track.parts.items():
        rows: dict[str, SubsystemState] = {}
        for name in names:
            setter = track.setters.get((part, name))
            last = bisect.bisect_left(setter[0], passed) - 1 if setter else -1
            rows[name] = (
                setter[1][last] if setter and last >= 0 else SubsystemState(name, Status.UNKNOWN)
            )
        states[part] = rows
    return states


def subsystem_states(
    track: MissionTrack, passed: Iterable[Event], rules: Rules
) -> dict[str, dict[str, SubsystemState]]:
    """The status of every row of every part after the given events, by the rules."""
    states = {
        part: {name: SubsystemState(name, Status.UNKNOWN) for name in names}
        for part, names in track.parts.items()
    }
    for event in passed:
        for rule in rules.matching(event):
            part = rule.target_part(event)
            if part in states:
                states[part][rule.system] = SubsystemState(
                    rule.system, rule.status, event, rule.reason
                )
    return states


def event_met_s(event: Event, mission: Mission) -> float | None:
    """Seconds from launch to an event, or None when either is stated coarser than a minute."""
    launch = mission.launch
    if launch is None or launch.time.precision < Precision.MINUTE:
        return None
    if event.time.precision < Precision.MINUTE:
        return None
    return to_tick(event.time.start) - to_tick(launch.time.start)


def earth_receive(event: Event, track: MissionTrack) -> datetime | None:
    """When Earth could first have known of an event at the planet (its time + light time)."""
    if track.approach_tick is None or to_tick(event.at) < track.approach_tick:
        return None
    return event.at + timedelta(seconds=ephemeris.one_way_light_time_s(event.at))


def find_event(campaign: Campaign, mission_id: str, kind: str, nth: int = 1) -> tuple[float, Event]:
    """The nth event of a kind in a mission (KeyError when there is none)."""
    track = campaign.track(mission_id)
    matches = [(t, e) for t, e in zip(track.ticks, track.events, strict=True) if e.kind == kind]
    if len(matches) < nth:
        raise KeyError(f"{mission_id}:{kind}")
    return matches[nth - 1]


def replay_clock(
    campaign: Campaign,
    source: TimeSource,
    *,
    start: float | None = None,
    speed: float | None = None,
    playing: bool = True,
    bounds: tuple[float, float] | None = None,
) -> ReplayClock:
    """A replay clock over the campaign; ``speed=None`` is auto, slowing near every event
    that is stated with a time (an event only ordered between two others is not a stop)."""
    anchors = [
        Anchor.of(to_tick(e.time.start), e.time.precision)
        for track in campaign.tracks
        for e in track.events
        if e.window is None
    ]
    return ReplayClock(
        source,
        start=campaign.start if start is None else start,
        bounds=bounds or (campaign.start, campaign.end),
        anchors=anchors,
        speed=1.0 if speed is None else speed,
        auto=speed is None,
        playing=playing,
    )
