"""The state of every mission at any moment, as a pure function of mission time.

Seeking backwards and playing forwards give the same state because nothing here remembers:
``state_at(campaign, tick)`` looks at the events passed by ``tick`` and applies the status
rules (a data file, ``data/status_rules.toml``) to them in order.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from functools import cache, cached_property
from typing import Any, overload

import msgspec

from mission_control import ephemeris
from mission_control.autospeed import AutoSpeed
from mission_control.clock import ReplayClock, TimeSource
from mission_control.model import (
    Event,
    EventTable,
    Mission,
    Precision,
    Status,
    SubsystemState,
    paused_gc,
)
from mission_control.paths import package_data
from mission_control.timescale import UtcReading, from_tick, posix_tick, to_tick

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


class Rule(msgspec.Struct, frozen=True):
    kind: str
    system: str
    status: Status
    reason: str
    part: str = "event"
    outcome: str | None = None

    def matches(self, event: Event) -> bool:
        return self.applies(event.kind, event.outcome)

    def applies(self, kind: str, outcome: str | None) -> bool:
        """Whether an event of ``kind`` with ``outcome`` (tags joined by ``"; "``) triggers it."""
        if self.kind not in ("*", kind):
            return False
        if self.outcome is None:
            return True
        return self.outcome in (outcome or "").split("; ")

    def target_part(self, event: Event) -> str:
        return self.part_for(event.part)

    def part_for(self, event_part: str) -> str:
        """The part whose row the rule sets, for an event about ``event_part``."""
        part = event_part if self.part == "event" else self.part
        return "bus" if part == "spacecraft" else part


class Rules(msgspec.Struct, frozen=True, dict=True):
    rules: tuple[Rule, ...]
    phases: dict[str, str]
    launch_phase_s: float
    approach_s: float
    arrival_kinds: frozenset[str]
    lead_in_s: float
    lead_out_s: float

    @cached_property
    def plain_by_kind(self) -> dict[str, tuple[Rule, ...]]:
        """Rules that need no outcome, by the kind they match ("*" rules filed under every
        kind)."""
        plain = [r for r in self.rules if r.outcome is None]
        kinds = {r.kind for r in plain} | {"*"}
        return {k: tuple(r for r in plain if r.kind in ("*", k)) for k in kinds}

    def matching(self, event: Event) -> list[Rule]:
        """The rules an event triggers, in table order."""
        return list(self.matching_for(event.kind, event.outcome))

    def matching_for(self, kind: str, outcome: str | None) -> tuple[Rule, ...]:
        """The rules an event of ``kind`` with ``outcome`` triggers, in table order. An event
        with no outcome is checked only against the rules for its kind."""
        if outcome is not None:
            return tuple(rule for rule in self.rules if rule.applies(kind, outcome))
        return self.plain_by_kind.get(kind, self.plain_by_kind["*"])


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


RULES_FILE = package_data("status_rules.toml")


def parse_rules_text(text: str) -> Rules:
    """Rules from the text of a TOML rules file (ValueError naming a bad entry)."""
    import tomllib

    return parse_rules(tomllib.loads(text))


@cache
def default_rules() -> Rules:
    return parse_rules_text(RULES_FILE.read_text("utf-8"))


class MissionTrack(msgspec.Struct, frozen=True):
    """One mission prepared for replay: its events' ticks, sorted, and its fixed moments."""

    mission: Mission
    ticks: tuple[float, ...]
    launch: Event | None
    launch_tick: float | None
    approach_tick: float | None
    parts: dict[str, tuple[str, ...]]
    # For each row, the indices of the events that set it and the rule each one applied, so
    # a state at any time is a bisect per row rather than a replay of every passed event.
    setters: dict[tuple[str, str], tuple[tuple[int, ...], tuple[Rule, ...]]]
    # The phase the rules table gives after the first k events have passed.
    phases: tuple[str, ...]

    @property
    def events(self) -> EventTable:
        return self.mission.table


class Campaign(msgspec.Struct, frozen=True, dict=True):
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

    def all_events(self) -> CampaignEvents:
        """Every event of every mission with its tick, in replay order (made once, then kept;
        each event is made when first looked at)."""
        return self._all_events

    @cached_property
    def _all_events(self) -> CampaignEvents:
        return CampaignEvents(self.tracks)

    def all_ticks(self) -> list[float]:
        """The tick of every event, in replay order (no event is made)."""
        return self._all_events.ticks

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


class CampaignEvents(Sequence[tuple[float, Event]]):
    """``(tick, event)`` for every event of every mission, ordered by tick, then mission id,
    then the event's index; an event is made only when its item is looked at."""

    def __init__(self, tracks: Sequence[MissionTrack]) -> None:
        self._tracks = tuple(tracks)
        if len(self._tracks) == 1:
            self._order = [(0, i) for i in range(len(self._tracks[0].ticks))]
        else:
            keyed = sorted(
                (tick, track.mission.id, i, n)
                for n, track in enumerate(self._tracks)
                for i, tick in enumerate(track.ticks)
            )
            self._order = [(n, i) for _, _, i, n in keyed]
        self.ticks: list[float] = [self._tracks[n].ticks[i] for n, i in self._order]

    def __len__(self) -> int:
        return len(self._order)

    def column(self, name: str) -> list[Any]:
        """One value of every event in replay order, without making the events: any column
        of :meth:`EventTable.column`, or ``mission_id`` and ``index``."""
        if name == "mission_id":
            ids = [track.mission.id for track in self._tracks]
            return [ids[n] for n, _ in self._order]
        if name == "index":
            return [i for _, i in self._order]
        columns = [track.mission.table.column(name) for track in self._tracks]
        return [columns[n][i] for n, i in self._order]

    @overload
    def __getitem__(self, k: int) -> tuple[float, Event]: ...
    @overload
    def __getitem__(self, k: slice) -> list[tuple[float, Event]]: ...
    def __getitem__(self, k: int | slice) -> tuple[float, Event] | list[tuple[float, Event]]:
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self._order)))]
        n, i = self._order[k]
        track = self._tracks[n]
        return track.ticks[i], track.events[i]


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
    table: EventTable, rules: Rules
) -> dict[tuple[str, str], tuple[tuple[int, ...], tuple[Rule, ...]]]:
    """For each row, the events that set it and the rule that did (the last rule in table
    order, when several rules of one event set the same row). Events of one kind, part and
    outcome set the same rows, so the rules are matched once per such combination."""
    found: dict[tuple[str, str], tuple[list[int], list[Rule]]] = {}
    effects: dict[tuple[str, str, str | None], list[tuple[list[int], list[Rule], Rule]]] = {}
    columns = zip(table.column("kind"), table.column("part"), table.column("outcome"), strict=True)
    for index, combination in enumerate(columns):
        effect = effects.get(combination)
        if effect is None:
            kind, part, outcome = combination
            final = {(r.part_for(part), r.system): r for r in rules.matching_for(kind, outcome)}
            effect = effects[combination] = [
                (*found.setdefault(key, ([], [])), rule) for key, rule in final.items()
            ]
        for indices, setters, rule in effect:
            indices.append(index)
            setters.append(rule)
    return {key: (tuple(i), tuple(r)) for key, (i, r) in found.items() if i}


def _phases(table: EventTable, rules: Rules) -> tuple[str, ...]:
    phases = ["pre-launch"]
    for kind in table.column("kind"):
        phases.append(rules.phases.get(kind, phases[-1]))
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
        table = mission.table
        ticks = tuple(map(posix_tick, table.column("at")))
        launch = mission.launch
        arrival = table.first("kind", rules.arrival_kinds)
        setters = _setters(table, rules)
        tracks.append(
            MissionTrack(
                mission=mission,
                ticks=ticks,
                launch=launch,
                launch_tick=to_tick(launch.time.start) if launch else None,
                approach_tick=ticks[arrival] - rules.approach_s if arrival is not None else None,
                parts=_parts(mission, setters),
                setters=setters,
                phases=_phases(table, rules),
            )
        )
    firsts = [t.ticks[0] for t in tracks if t.ticks]
    lasts = [to_tick(e.time.end) for t in tracks for e in t.events[-1:]]
    lasts += [posix_tick(w[1]) for t in tracks for w in t.mission.table.column("window") if w]
    if not firsts:
        raise ValueError("no dated events to replay")
    return Campaign(
        tracks=tuple(tracks),
        start=min(firsts) - rules.lead_in_s,
        end=max(lasts) + rules.lead_out_s,
        rules=rules,
    )


class MissionState(msgspec.Struct, frozen=True):
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


class CampaignState(msgspec.Struct, frozen=True):
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
    launch = track.launch
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


def phase_at(track: MissionTrack, tick: float, rules: Rules) -> str:
    """The mission's phase at ``tick``: :func:`mission_state`'s ``phase`` without the rest."""
    return _phase(track, tick, bisect.bisect_right(track.ticks, tick), rules)


def phase_turns(track: MissionTrack, rules: Rules) -> list[float]:
    """Every moment at which the mission's phase may change: its first and last events, each
    event after which the rules' phase differs, and the moments time alone turns launch into
    cruise and cruise into approach. Between two of these the phase is constant."""
    ticks, phases = track.ticks, track.phases
    turns = [ticks[j] for j in range(len(ticks)) if phases[j + 1] != phases[j]]
    turns += [*ticks[:1], *ticks[-1:], *([track.approach_tick] if track.approach_tick else [])]
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
            if setter and last >= 0:
                rule = setter[1][last]
                event = track.events[setter[0][last]]
                rows[name] = SubsystemState(name, rule.status, event, rule.reason)
            else:
                rows[name] = SubsystemState(name, Status.UNKNOWN)
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
    matches = [i for i, k in enumerate(track.mission.table.column("kind")) if k == kind]
    if len(matches) < nth:
        raise KeyError(f"{mission_id}:{kind}")
    index = matches[nth - 1]
    return track.ticks[index], track.events[index]


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
    # An event without a window is placed at the start of its stated interval, so its tick
    # is that start's.
    stated = (
        (tick, start, precision)
        for track in campaign.tracks
        for tick, start, precision, window in zip(
            track.ticks,
            track.mission.table.column("start"),
            track.mission.table.column("precision"),
            track.mission.table.column("window"),
            strict=True,
        )
        if window is None
    )
    return ReplayClock(
        source,
        start=campaign.start if start is None else start,
        bounds=bounds or (campaign.start, campaign.end),
        law=AutoSpeed.of_stated(stated),
        speed=1.0 if speed is None else speed,
        auto=speed is None,
        playing=playing,
    )
