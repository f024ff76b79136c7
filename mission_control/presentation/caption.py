"""The caption: what just happened in the text's own words, and what comes next.

For a teacher or a kiosk: the latest passed event's source sentence in full, the next event
with a countdown, and before anything has happened the facts of the mission about to launch.
The countdown is written in one whole unit, rounded down (``in 3 weeks``, ``in 12 min``), so
the caption changes a few times a second at most whatever the replay's speed; the clock
above it keeps the exact countdown.
"""

from __future__ import annotations

import msgspec

from mission_control.event_time import event_when
from mission_control.mission import Mission
from mission_control.model import Event
from mission_control.state import CampaignState, MissionState

__all__ = ["FACT_FIELDS", "Caption", "caption_at", "facts_line", "in_words", "mission_facts"]

FACT_FIELDS = (
    ("designation", "designation"),
    ("launch_vehicle", "rocket"),
    ("launch_site", "launch site"),
    ("manufacturer", "built by"),
)
"""The mission facts the reader keeps in ``Mission.metadata``, and their labels."""

UNITS = (
    (60 * 86400, 30.4375 * 86400, "months"),
    (14 * 86400, 7 * 86400, "weeks"),
    (2 * 86400, 86400, "days"),
    (2 * 3600, 3600, "h"),
    (2 * 60, 60, "min"),
)
"""From how far ahead each unit is used, its length in seconds, and its name."""


class Caption(msgspec.Struct, frozen=True):
    """The caption's three parts, compared whole so the widget redraws only on a change."""

    heading: str
    """``Mars 6 · Atmospheric entry (lander) · 1974-03-12T09:05:53Z``, or before any event
    the missions about to launch."""
    text: str
    """The event's source sentence(s) as written, or the mission's facts before launch."""
    next: str
    """``next: Mars 6 Contact lost (lander) in 5 min``, or that no event follows."""


def in_words(seconds: float) -> str:
    """``in 3 weeks``: a countdown in one whole unit, rounded down (never sooner than true)."""
    seconds = max(0.0, seconds)
    for start, length, name in UNITS:
        if seconds >= start:
            return f"in {int(seconds // length)} {name}"
    return f"in {int(seconds)} s"


def mission_facts(mission: Mission) -> list[tuple[str, str]]:
    """The facts the reader found (designation, rocket, launch site, maker), labelled;
    those the article does not state are left out."""
    return [(label, value) for key, label in FACT_FIELDS if (value := mission.metadata.get(key))]


def facts_line(mission: Mission) -> str:
    """``Mars 6: 3MP No.50P · rocket Proton-K · launch site Baikonur · built by Lavochkin``."""
    facts = mission_facts(mission)
    if not facts:
        return f"{mission.name}: the article states no designation, rocket, site or maker"
    shown = [value if label == "designation" else f"{label} {value}" for label, value in facts]
    return f"{mission.name}: " + " · ".join(shown)


def caption_at(state: CampaignState, focus: str | None = None) -> Caption:
    """The caption at ``state``'s moment, of the mission ``focus`` names or else of the
    whole campaign: the most recent event any of its missions has passed."""
    missions = [m for m in state.missions if focus in (None, m.mission.id)] or list(state.missions)
    latest = _latest(missions)
    if latest is None:
        waiting = [m.mission for m in missions]
        heading = " and ".join(m.name for m in waiting) + " · before launch"
        text = "\n".join(facts_line(m) for m in waiting)
    else:
        ms, event = latest
        heading = f"{ms.mission.name} · {event.summary} · {event_when(event, style='short')}"
        text = f"“{event.sentence}”"
    return Caption(heading, text, _next(missions))


def _latest(missions: list[MissionState]) -> tuple[MissionState, Event] | None:
    """The mission whose last passed event is the latest, and that event (ties: the first
    mission, as the campaign orders them)."""
    best: tuple[float, MissionState] | None = None
    for ms in missions:
        if ms.passed and (best is None or ms.track.ticks[ms.passed - 1] > best[0]):
            best = (ms.track.ticks[ms.passed - 1], ms)
    if best is None:
        return None
    ms = best[1]
    i = ms.passed - 1
    while i > 0 and ms.track.events[i].planned:  # a plan passed is not what happened last
        i -= 1
    return ms, ms.track.events[i]


def _next(missions: list[MissionState]) -> str:
    upcoming = [m for m in missions if m.next_event is not None and m.countdown_s is not None]
    if not upcoming:
        return "next: no further event is stated"
    soonest = min(upcoming, key=lambda m: m.countdown_s or 0.0)
    event, seconds = soonest.next_event, soonest.countdown_s
    assert event is not None and seconds is not None
    when = in_words(seconds) if event.timed else f"on {event.time.iso()}"
    return f"next: {soonest.mission.name} {event.summary} {when}"
