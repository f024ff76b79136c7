"""What the time strip draws on each mission's row, as plain data: the phases the row shows,
where they fall in a window's columns, where each phase's name fits on its stretch, and each
event's marker. No Textual."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from typing import NamedTuple

from mission_control import phases
from mission_control.campaign import Campaign, MissionTrack
from mission_control.event_time import event_when
from mission_control.glyphs import GLYPHS
from mission_control.model import Status
from mission_control.presentation.event_lines import failure_mark, marked_summary
from mission_control.presentation.time_window import Window, fit
from mission_control.status_rules import Rules

PhaseSpan = tuple[float, float, str]
"""A phase from one tick to another: ``(start_tick, end_tick, phase)``."""

UNLABELLED = frozenset({"pre-launch"})
"""Phases whose stretch is left without its name (before launch the band is blank)."""

OWN_DESCENT = frozenset({"entry and descent", "landed"})
"""A released part's phases that a mission's row shows instead of its main part's."""

MARK_ORDER = ("◇", "●", GLYPHS[Status.CAUTION], GLYPHS[Status.SERIOUS], GLYPHS[Status.CRITICAL])
"""The markers from least to most telling: where events share a column, the last wins."""
_MARK_RANK = {mark: rank for rank, mark in enumerate(MARK_ORDER)}


class StripRow(NamedTuple):
    """What a mission's row shows across the window's columns."""

    phases: list[str]
    """The phase in each column."""
    marks: dict[int, str]
    """The event markers, by column."""
    labels: list[tuple[int, str]]
    """Where a phase's name is written: its first column, and the name padded with spaces."""


def strip_row(
    spans: Sequence[PhaseSpan],
    marks: Sequence[str],
    ticks: Sequence[float],
    window: Window,
    width: int,
) -> StripRow:
    """A mission's row in the window: its phases from ``spans`` (:func:`row_spans`, or any
    other list of spans), its events' markers (``marks``, one per event, from
    :func:`event_marks`; ``ticks`` sorted), and its phases' names where they fit."""
    columns = marker_columns(ticks, marks, window, width)
    runs = [run for run in phase_runs(spans, window, width) if run[2] not in UNLABELLED]
    labels = label_places(runs, set(columns), width)
    return StripRow(phase_columns(spans, window, width), columns, labels)


def row_spans(track: MissionTrack, rules: Rules, start: float, end: float) -> list[PhaseSpan]:
    """The phases a mission's row shows from ``start`` to ``end``.

    A row follows the mission's main part (the bus: :func:`phases.main_part`), so its
    bands and names are the words the bus's panel header shows at the same moment ("flyby",
    then the derived "heliocentric orbit"), in the same colours. One exception: while a
    part the bus has released is in a phase of its own descent (:data:`OWN_DESCENT`, entry
    and descent or landed) and the bus is not, the row shows that phase, the lander's
    panel's word: the descent is what a user zooms in to watch, and it is the only part of
    the mission happening then. Once the descent is over the row is the bus's again; the
    marker where it ended (``✖`` contact lost) says how. So Mars 6 reads approach, flyby,
    entry and descent (09:05:53 to 09:11:05), flyby, heliocentric orbit; Mars 7, whose
    lander missed the planet, follows its bus throughout.

    The spans come from each part's phases worked out when the replay was prepared
    (``track.part_spans``): made once per mission, not per frame.
    """
    parts = list(track.parts) or [phases.main_part([])]
    main = phases.main_part(parts)

    def spans_of(part: str) -> Sequence[PhaseSpan]:
        return track.part_spans.get(part) or phases.phase_spans(track, part, rules)

    base = spans_of(main)
    own = [
        span
        for part in parts
        if part != main
        for span in spans_of(part)
        if span[2] in OWN_DESCENT and span[1] > start and span[0] < end
    ]
    bounds = {t for s, e, _ in (*base, *own) for t in (s, e) if start < t < end}
    edges = sorted({start, end, *bounds})
    shown: list[tuple[float, str]] = []
    for here, _ in itertools.pairwise(edges):
        phase = next((p for s, e, p in own if s <= here < e), phases.phase_in(base, here))
        if not shown or shown[-1][1] != phase:
            shown.append((here, phase))
    ends = [s for s, _ in shown[1:]] + [end]
    return [(s, e, p) for (s, p), e in zip(shown, ends, strict=True)]


def event_mark(kind: str, outcome: str | None, approximate: bool, rules: Rules) -> str:
    """An event's marker: ``●``, or ``◇`` where it is only ordered between two others; for
    a failure, the glyph of the most severe status its rules set (``▲`` where they say
    caution, as the event log and the status panels show it), ``✖`` for one no rule
    grades."""
    if outcome is None:
        return "◇" if approximate else "●"
    return failure_mark(rules, kind, outcome)


def event_marks(
    kinds: Sequence[str],
    outcomes: Sequence[str | None],
    approximate: Sequence[bool],
    rules: Rules,
) -> tuple[str, ...]:
    """:func:`event_mark` of each event, from the events' columns."""
    return tuple(
        event_mark(kind, outcome, approx, rules)
        for kind, outcome, approx in zip(kinds, outcomes, approximate, strict=True)
    )


def track_marks(track: MissionTrack, rules: Rules) -> tuple[str, ...]:
    """:func:`event_mark` of each of a mission's events."""
    table = track.events
    columns = (table.column("kind"), table.column("outcome"), table.column("approximate"))
    return event_marks(*columns, rules)


SHORT_NAMES = {
    "entry and descent": "descent",
    "heliocentric orbit": "heliocentric",
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
        low, high = max(0, first), min(width, last)
        best: tuple[int, int] = (0, 0)
        free_start = low
        for col in [*sorted(c for c in taken if low <= c < high), high]:
            if col - free_start > best[1] - best[0]:
                best = (free_start, col)
            free_start = col + 1
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
    start, span, cells = window.start, window.span, max(1, width)
    # Each column's middle as Window.tick_at gives it, worked out here for every column.
    return [
        spans[max(0, bisect.bisect_right(starts, start + (col + 0.5) * span / cells) - 1)][2]
        for col in range(width)
    ]


def marker_columns(
    ticks: Sequence[float], marks: Sequence[str], window: Window, width: int
) -> dict[int, str]:
    """A mission's markers in the window by column (``marks``: each event's, from
    :func:`event_marks`); where several share a column, the most telling of
    :data:`MARK_ORDER` (a failure over an event, a timed event over an ordered one). Only
    the events inside the window are looked at (``ticks`` are sorted)."""
    first = bisect.bisect_left(ticks, window.start)
    last = bisect.bisect_right(ticks, window.end)
    columns: dict[int, str] = {}
    for i in range(first, last):
        col = window.column(ticks[i], width)
        held = columns.get(col)
        if held is None or _MARK_RANK[marks[i]] > _MARK_RANK[held]:
            columns[col] = marks[i]
    return columns


def marker_caption(campaign: Campaign, chosen: int) -> str:
    """The line under the strip while the arrows choose a marker: which of all it is, and
    its mission, summary (a failure's after its marker, as the log writes it) and time."""
    events = campaign.all_events()
    event = events[chosen][1]
    name = campaign.track(event.mission_id).mission.name
    when = event_when(event, style="short")
    mark = "" if event.outcome is None else failure_mark(campaign.rules, event.kind, event.outcome)
    summary = marked_summary(mark, event.summary)
    return f" ←/→ {chosen + 1}/{len(events)} {name} {summary} {when} · enter: seek"


def planet_window(tracks: Sequence[MissionTrack], bounds: tuple[float, float]) -> Window | None:
    """The window from the first event at its target planet of any of ``tracks`` (an
    arrival kind of event, as the campaign found it) to the last event of those missions;
    None when none has an event at its planet."""
    there = [t for t in tracks if t.arrival_tick is not None and t.ticks]
    if not there:
        return None
    first = min(t.arrival_tick for t in there if t.arrival_tick is not None)
    return fit(first, max(t.ticks[-1] for t in there), bounds)
