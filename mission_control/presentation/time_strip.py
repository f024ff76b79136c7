"""What the time strip draws on each mission's row, as plain data: the spans of its phases,
where they fall in a window's columns, and where each phase's name fits on its stretch.
No Textual."""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence
from typing import NamedTuple

from mission_control.campaign import Campaign, MissionTrack
from mission_control.event_time import event_when
from mission_control.presentation.time_window import Window, fit
from mission_control.state import phase_at, phase_turns
from mission_control.status_rules import Rules

PhaseSpan = tuple[float, float, str]
"""A phase from one tick to another: ``(start_tick, end_tick, phase)``."""

UNLABELLED = frozenset({"pre-launch"})
"""Phases whose stretch is left without its name (before launch the band is blank)."""


class StripRow(NamedTuple):
    """What a mission's row shows across the window's columns."""

    phases: list[str]
    """The phase in each column."""
    marks: dict[int, str]
    """The event markers, by column."""
    labels: list[tuple[int, str]]
    """Where a phase's name is written: its first column, and the name padded with spaces."""


def strip_row(
    spans: Sequence[PhaseSpan], track: MissionTrack, window: Window, width: int
) -> StripRow:
    """A mission's row in the window: its phases from ``spans`` (the domain's, or any other
    list of spans), its events' markers, and its phases' names where they fit."""
    table = track.mission.table
    marks = marker_columns(
        track.ticks, table.column("outcome"), table.column("approximate"), window, width
    )
    runs = [run for run in phase_runs(spans, window, width) if run[2] not in UNLABELLED]
    labels = label_places(runs, set(marks), width)
    return StripRow(phase_columns(spans, window, width), marks, labels)


def phase_spans(track: MissionTrack, rules: Rules, start: float, end: float) -> list[PhaseSpan]:
    """The mission's phases from ``start`` to ``end``, each as the span it lasts.

    The domain gives the phase at a moment. It changes as events pass and, between two
    events, with time alone (launch becomes cruise a day on, cruise becomes approach near
    Mars), never back: so it is read at the moments the domain says it may turn, and checked
    just before the next of these; a change found there all the same is bisected to the
    millisecond. A few dozen readings a mission, however many events it has.
    """

    def phase(tick: float) -> str:
        return phase_at(track, tick, rules)

    edges = sorted({start, end, *(t for t in phase_turns(track, rules) if start < t < end)})
    starts, phases = [edges[0]], [phase(edges[0])]
    for here, there in itertools.pairwise(edges):
        if phase(here) != phases[-1]:  # the event at ``here`` changed it
            starts.append(here)
            phases.append(phase(here))
        just_before = math.nextafter(there, here)
        while phase(just_before) != phases[-1]:  # time changed it before ``there``
            lo, hi = max(starts[-1], here), just_before
            while hi - lo > 1e-3:
                middle = (lo + hi) / 2
                lo, hi = (middle, hi) if phase(middle) == phases[-1] else (lo, middle)
            starts.append(hi)
            phases.append(phase(hi))
    if phase(edges[-1]) != phases[-1]:
        starts.append(edges[-1])
        phases.append(phase(edges[-1]))
    ends = [*starts[1:], end]
    return [(s, e, p) for s, e, p in zip(starts, ends, phases, strict=True) if e > s]


SHORT_NAMES = {
    "entry and descent": "descent",
    "heliocentric orbit": "orbit",
}
"""A shorter name for a phase whose own does not fit its stretch."""


def label_places(
    runs: Sequence[tuple[int, int, str]], taken: set[int], width: int
) -> list[tuple[int, str]]:
    """Where to write each phase's name on its stretch of the strip: ``runs`` are each
    phase's columns ``[first, last)`` and name; ``taken`` the columns a marker holds. A name
    goes, padded by a space each side, in the middle of the widest stretch of the run that
    holds no marker, and only where it fits with a column of band to spare on each side
    (else its :data:`SHORT_NAMES` name, where that fits)."""
    places: list[tuple[int, str]] = []
    for first, last, name in runs:
        best: tuple[int, int] = (0, 0)
        free_start = None
        for col in range(max(0, first), min(width, last) + 1):
            free = col < min(width, last) and col not in taken
            if free and free_start is None:
                free_start = col
            elif not free and free_start is not None:
                if col - free_start > best[1] - best[0]:
                    best = (free_start, col)
                free_start = None
        room = best[1] - best[0]
        for text in (f" {name} ", f" {SHORT_NAMES.get(name, name)} "):
            if room >= len(text) + 2:
                places.append((best[0] + (room - len(text)) // 2, text))
                break
    return places


def phase_runs(
    spans: Sequence[tuple[float, float, str]], window: Window, width: int
) -> list[tuple[int, int, str]]:
    """Each phase span ``(start_tick, end_tick, phase)`` that shows in the window, as its
    columns ``[first, last)`` and name; a span narrower than a column is left out."""
    runs: list[tuple[int, int, str]] = []
    for start, end, phase in spans:
        if end <= window.start or start >= window.end:
            continue
        first = 0 if start <= window.start else window.column(start, width)
        last = width if end >= window.end else window.column(end, width)
        if last > first:
            runs.append((first, last, phase))
    return runs


def phase_columns(spans: Sequence[PhaseSpan], window: Window, width: int) -> list[str]:
    """The phase at the middle of each column (the first span's before it begins)."""
    starts = [start for start, _, _ in spans]
    return [
        spans[max(0, bisect.bisect_right(starts, window.tick_at(col, width)) - 1)][2]
        for col in range(width)
    ]


def marker_columns(
    ticks: Sequence[float],
    outcomes: Sequence[object],
    approximate: Sequence[bool],
    window: Window,
    width: int,
) -> dict[int, str]:
    """A mission's markers in the window by column: ``✖`` where an event failed (it has an
    outcome), else ``●``, or ``◇`` where the only events are ordered, not timed. Only the
    events inside the window are looked at (``ticks`` are sorted)."""
    first = bisect.bisect_left(ticks, window.start)
    last = bisect.bisect_right(ticks, window.end)
    marks: dict[int, str] = {}
    for i in range(first, last):
        col = window.column(ticks[i], width)
        if outcomes[i] is not None:
            marks[col] = "✖"
        elif marks.get(col) != "✖":
            marks[col] = "◇" if approximate[i] else "●"
    return marks


def marker_caption(campaign: Campaign, chosen: int) -> str:
    """The line under the strip while the arrows choose a marker: which of all it is, and
    its mission, summary and time."""
    events = campaign.all_events()
    event = events[chosen][1]
    name = campaign.track(event.mission_id).mission.name
    when = event_when(event, style="short")
    return f" ←/→ {chosen + 1}/{len(events)} {name} {event.summary} {when} · enter: seek"


def planet_window(tracks: Sequence[MissionTrack], bounds: tuple[float, float]) -> Window | None:
    """The window from the first event at its target planet of any of ``tracks`` (an
    arrival kind of event, as the campaign found it) to the last event of those missions;
    None when none has an event at its planet."""
    there = [t for t in tracks if t.arrival_tick is not None and t.ticks]
    if not there:
        return None
    first = min(t.arrival_tick for t in there if t.arrival_tick is not None)
    return fit(first, max(t.ticks[-1] for t in there), bounds)
