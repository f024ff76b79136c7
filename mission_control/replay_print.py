"""The ``replay`` command's loop: each event printed as the replay clock passes it."""

from __future__ import annotations

import time
from collections.abc import Callable

from mission_control.campaign import Campaign, replay_clock
from mission_control.event_time import event_when
from mission_control.mission import Mission
from mission_control.model import Event
from mission_control.reports import met_s, quantities_text
from mission_control.timescale import format_met


def replay_line(event: Event, mission: Mission, system: str) -> str:
    """One event as one line: when, mission, MET, part, kind, summary, quantities."""
    met = met_s(event, mission)
    fields = [
        event_when(event, style="command"),
        mission.id,
        format_met(met) if met is not None else "-",
        event.part,
        event.kind,
        event.summary,
    ]
    quantities = quantities_text(event, system)
    if quantities:
        fields.append(quantities)
    return "  ".join(fields)


def run_replay(
    campaign: Campaign,
    *,
    start: float,
    until: float,
    speed: float | None,
    system: str,
    write: Callable[[str], None],
    source: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Print each event as the replay clock passes it, in scaled time, until ``until``."""
    lo, hi = sorted((start, until))
    clock = replay_clock(campaign, source, start=start, speed=speed, bounds=(lo, hi))
    forward = until >= start
    events = campaign.all_events()
    if forward:
        pending = [(t, e) for t, e in events if start <= t <= until]
    else:
        pending = [(t, e) for t, e in reversed(events) if until <= t <= start]
    missions = {m.id: m for m in campaign.missions}
    index = 0
    while index < len(pending):
        # Read whether it plays before the time: reaching a bound pauses the clock.
        playing = clock.playing
        now = clock.now()
        while index < len(pending) and (
            pending[index][0] <= now if forward else pending[index][0] >= now
        ):
            write(replay_line(pending[index][1], missions[pending[index][1].mission_id], system))
            index += 1
        if index >= len(pending) or not playing:
            break
        gap = abs(pending[index][0] - now) / max(abs(clock.speed), 1e-9)
        sleep(min(max(gap, 0.001), 0.25))
