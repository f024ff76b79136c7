"""Missions prepared for replay together: each one's event ticks, fixed moments and the rows
its events set, on one UTC clock with the span the replay covers, and the clock over it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, overload

import msgspec
from msgspec.structs import replace

from mission_control import collector, phases, status_rows
from mission_control.arrival import first_arrival
from mission_control.autospeed import AutoSpeed
from mission_control.clock import ReplayClock, TimeSource
from mission_control.ephemeris import BODIES, Body
from mission_control.event_table import EventTable
from mission_control.happenings import Happenings
from mission_control.mission import Mission
from mission_control.model import Event
from mission_control.phases import Span
from mission_control.status_rows import Setters
from mission_control.status_rules import Rules, default_rules
from mission_control.timescale import posix_tick, to_tick

if TYPE_CHECKING:
    from mission_control.trajectory import Transfer


class MissionTrack(msgspec.Struct, frozen=True):
    """One mission prepared for replay: its events' ticks, sorted, and its fixed moments."""

    mission: Mission
    ticks: tuple[float, ...]
    launch: Event | None
    launch_tick: float | None
    arrival_tick: float | None
    """The first event at the planet (None when there is none); its index is ``arrival``."""
    approach_tick: float | None
    parts: dict[str, tuple[str, ...]]
    # For each row, the events that set it, the rule each one applied and the tick it takes
    # effect at, in that order, so a state at any time is a bisect per row rather than a
    # replay of every passed event. An event known only within a window takes effect at the
    # window's end: before that the text does not say it has happened.
    setters: dict[tuple[str, str], Setters]
    # The phase the rules table gives after the first k events have passed.
    phases: tuple[str, ...]
    arrival: int | None = None
    target: tuple[str, Body] | None = None
    passed: str | None = None
    """A body other than the target that an event on the way is stated at, if any."""
    """The planet the article states as the target, as written and as the ephemeris knows
    it; None when it states none, or one the ephemeris does not know."""
    part_spans: dict[str, tuple[Span, ...]] = msgspec.field(default_factory=dict)
    """Each part's phases (:func:`phases.phase_spans`)."""
    shared: dict[str, tuple[str, ...]] = msgspec.field(default_factory=dict)
    """For each part, the systems among its rows that only another mission's text speaks
    of, for a part of the same name (twin craft show the same rows)."""
    releases: dict[str, tuple[int, ...]] = msgspec.field(default_factory=dict)
    """For each part some event releases (a lander's separation), the indices of those
    events, failed ones too."""
    happened: int | None = None
    """How many events, from the first, hold every one that happened (the rest were only
    planned): once they have passed, the mission has ended. None: all of them."""

    @property
    def events(self) -> EventTable:
        return self.mission.table

    def at_planet(self, tick: float) -> bool:
        """Whether the mission is on its approach to the planet (or past it) at ``tick``:
        from then on its events happen a light time away from Earth. Never before its
        launch, however short its flight (the Moon's approach would begin before it)."""
        if self.launch_tick is not None and tick < self.launch_tick:
            return False
        return self.approach_tick is not None and tick >= self.approach_tick


class Campaign(msgspec.Struct, frozen=True, dict=True):
    """The missions replayed together on one UTC clock, and the span the replay covers."""

    tracks: tuple[MissionTrack, ...]
    start: float
    end: float
    rules: Rules

    @property
    def missions(self) -> tuple[Mission, ...]:
        return tuple(t.mission for t in self.tracks)

    def transfers(self) -> dict[str, Transfer | None]:
        """Each mission's modelled transfer, or None (made once, on the first call: the
        dashboard calls it after its first frame, so the model costs the start nothing)."""
        return {m: t if not isinstance(t, str) else None for m, t in self._plans.items()}

    def transfer_warnings(self) -> dict[str, str]:
        """Why a mission has no modelled transfer, by mission id (missions with one left out)."""
        return {m: t for m, t in self._plans.items() if isinstance(t, str)}

    @cached_property
    def _plans(self) -> dict[str, Transfer | str]:
        # The model's modules are imported here, not at the top: the dashboard does not
        # load them before its first frame.
        from mission_control.trajectory import plan

        return {
            t.mission.id: plan(
                t.mission.id, t.mission.name, t.target, t.launch_tick, t.arrival_tick, t.passed
            )
            for t in self.tracks
        }

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


def _target(mission: Mission) -> tuple[str, Body] | None:
    name = mission.metadata.get("target")
    body = BODIES.get(name) if name else None
    return (name, body) if name and body else None


def _phases(table: EventTable, rules: Rules) -> tuple[str, ...]:
    """The mission's phase after the first k events (a planned event changes nothing)."""
    phases = ["pre-launch"]
    for kind, planned in zip(table.column("kind"), table.column("planned"), strict=True):
        phases.append(phases[-1] if planned else rules.phases.get(kind, phases[-1]))
    return tuple(phases)


def build_campaign(missions: Sequence[Mission], rules: Rules | None = None) -> Campaign:
    """Prepare missions for replay (see ``_build``); the collector is paused meanwhile."""
    with collector.paused():
        return _build(missions, rules)


def undated_line(mission: Mission, file: str | None = None) -> str:
    """The one line every view gives for a mission whose article states no dated event,
    naming its file as ``file`` where given (a view short of room gives its name alone)."""
    return f"{file or mission.source}: states no dated event; nothing to replay"


def undated_campaign(missions: Sequence[Mission], rules: Rules | None = None) -> Campaign:
    """Missions none of which states a dated event (which :func:`build_campaign` refuses):
    each keeps its name, metadata and rows to show, and the replay spans no time at all, so
    its clock has nothing to play."""
    rules = rules or default_rules()
    tracks = []
    for mission in missions:
        rows = status_rows.part_rows(mission, {})
        track = MissionTrack(
            mission=mission,
            ticks=(),
            launch=None,
            launch_tick=None,
            arrival_tick=None,
            approach_tick=None,
            parts=rows,
            setters={},
            phases=("pre-launch",),
            target=_target(mission),
        )
        spans = {p: tuple(phases.phase_spans(track, p, rules)) for p in rows}
        tracks.append(replace(track, part_spans=spans))
    return Campaign(tracks=tuple(tracks), start=0.0, end=0.0, rules=rules)


def _build(missions: Sequence[Mission], rules: Rules | None = None) -> Campaign:
    """Prepare missions for replay; the span runs from just before the first launch (or first
    event) to just after the end of the last event's stated interval."""
    rules = rules or default_rules()
    tracks = []
    happenings: list[Happenings] = []
    for mission in missions:
        table = mission.table
        ticks = tuple(map(posix_tick, table.column("at")))
        launch = mission.launch
        launch_tick = to_tick(launch.time.start) if launch else None
        target = _target(mission)
        actual = Happenings.of(table, ticks)
        found, passed = first_arrival(actual.events, actual.ticks, rules, launch_tick, target)
        arrival = actual.index[found] if found is not None else None
        setters = actual.setters(rules)
        tracks.append(
            MissionTrack(
                mission=mission,
                ticks=ticks,
                launch=launch,
                launch_tick=launch_tick,
                arrival_tick=ticks[arrival] if arrival is not None else None,
                approach_tick=ticks[arrival] - rules.approach_s if arrival is not None else None,
                parts=status_rows.part_rows(mission, setters),
                setters=setters,
                phases=_phases(table, rules),
                arrival=arrival,
                target=target,
                passed=passed,
                releases=actual.releases(rules),
                happened=actual.index[-1] + 1 if actual.index else 0,
            )
        )
        happenings.append(actual)
    shared = status_rows.shared_rows([(t.parts, t.mission.instruments) for t in tracks])
    # The spans read only the names of a track's parts, which the shared rows keep, and
    # only the events that happened.
    tracks = [
        replace(
            t,
            parts=rows,
            shared=only,
            part_spans={p: tuple(phases.phase_spans(view, p, rules)) for p in rows},
        )
        for t, (rows, only), h in zip(tracks, shared, happenings, strict=True)
        for view in [
            replace(h, launch_tick=t.launch_tick, approach_tick=t.approach_tick, parts=rows)
        ]
    ]
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
