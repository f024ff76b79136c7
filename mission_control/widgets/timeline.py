"""The campaign from first launch to the end: each mission's phases as a band, a marker for
every event (failures as ✖), and the "now" cursor. Choosing a marker seeks there."""

from __future__ import annotations

import bisect
import itertools
import math
from itertools import groupby
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive, var
from textual.widget import Widget

from mission_control.campaign import Campaign, MissionTrack
from mission_control.event_time import event_when
from mission_control.model import Event
from mission_control.state import phase_at, phase_turns
from mission_control.theme_styles import ThemeStyles
from mission_control.timescale import from_tick, to_tick

PHASE_COLOURS = {
    "pre-launch": "idle",
    "launch": "cruise",
    "cruise": "cruise",
    "approach": "approach",
    "orbit": "approach",
    "separation": "at-mars",
    "entry and descent": "at-mars",
    "landed": "at-mars",
    "flyby": "at-mars",
    "ended": "idle",
}
"""The colour each phase's band is drawn in: before launch and after the end; launch and
cruise; approach and orbit; at Mars (separation, entry and descent, landed, flyby)."""

STYLES = {
    "idle": "$text-disabled",
    "cruise": "$primary",
    "approach": "$accent",
    "at-mars": "$warning",
    "label": "$text-muted",
    "focus-label": "bold $text-accent",
    "marker": "bold $text",
    "failed": "bold $text-error",
    "selected": "reverse bold",
    "cursor": "bold $text on $accent 40%",
    "axis": "$text-muted",
    "caption": "$text-accent",
}
"""The style of each part, in the theme's colours (see :mod:`~mission_control.theme_styles`)."""


BAND = {"pre-launch": " ", "ended": "─"}
"""Band characters by phase; every other phase is drawn with ``━``."""


class Timeline(Widget, can_focus=True):
    """A horizontal, linear-time view of the campaign. Left/right choose a marker (in time
    order, across missions), enter seeks to it; a click seeks to a marker or a moment."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "select(-1)", "Earlier marker", show=False),
        Binding("right", "select(1)", "Later marker", show=False),
        Binding("enter", "seek_selected", "Seek to marker", show=False),
    ]

    now: var[float] = var(0.0, init=False)
    focus_id: var[str | None] = var(None, init=False)
    selected: reactive[int | None] = reactive(None, init=False)
    """Index into the campaign's events (in replay order) of the chosen marker; None until
    the user chooses, meaning the last event passed (or the first, before any)."""

    class Seek(Message):
        """The user chose a moment on the timeline (a marker's ``event``, or None)."""

        def __init__(self, tick: float, event: Event | None) -> None:
            super().__init__()
            self.tick = tick
            self.event = event

    def __init__(self, campaign: Campaign, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.campaign = campaign
        self._events = campaign.all_events()
        self._ticks = campaign.all_ticks()
        self._marks: dict[int, list[dict[int, str]]] = {}
        self._label_width = max((len(t.mission.name) for t in campaign.tracks), default=0) + 1
        self._phases: dict[int, list[list[str]]] = {}
        self._runs: list[tuple[list[float], list[str]]] | None = None
        self._rendered: tuple[tuple[object, ...], Text] | None = None
        self._drawn: tuple[int, int] | None = None
        self._styles = ThemeStyles(STYLES)

    # ------------------------------------------------------------------ geometry

    @property
    def band_width(self) -> int:
        return max(0, self.size.width - self._label_width)

    def column(self, tick: float) -> int:
        """The band column that holds ``tick``."""
        width = self.band_width
        span = self.campaign.end - self.campaign.start
        if width <= 0 or span <= 0:
            return 0
        col = int((tick - self.campaign.start) / span * width)
        return max(0, min(width - 1, col))

    def tick_at(self, col: int) -> float:
        """The middle of band column ``col``."""
        span = self.campaign.end - self.campaign.start
        return self.campaign.start + (col + 0.5) * span / max(1, self.band_width)

    def _phase_columns(self, width: int) -> list[list[str]]:
        """Each mission's phase in each column (cached per width)."""
        if width not in self._phases:
            ticks = [self.tick_at(c) for c in range(width)]
            self._phases[width] = []
            for starts, phases in self._phase_runs():
                self._phases[width].append(
                    [phases[bisect.bisect_right(starts, tick) - 1] for tick in ticks]
                )
        return self._phases[width]

    def _mark_columns(self, width: int) -> list[dict[int, str]]:
        """Each mission's event markers by column (cached per width): ``✖`` where an event
        failed, else ``●``, or ``◇`` where the only events are ordered, not timed. Read from
        the events' columns, so a mission of many events makes none of them."""
        if width not in self._marks:
            self._marks[width] = []
            for track in self.campaign.tracks:
                table = track.mission.table
                marks: dict[int, str] = {}
                for tick, outcome, approximate in zip(
                    track.ticks, table.column("outcome"), table.column("approximate"), strict=True
                ):
                    col = self.column(tick)
                    if outcome is not None:
                        marks[col] = "✖"
                    elif marks.get(col) != "✖":
                        marks[col] = "◇" if approximate else "●"
                self._marks[width].append(marks)
        return self._marks[width]

    def _phase_runs(self) -> list[tuple[list[float], list[str]]]:
        """For each mission, where each of its phases begins: (ticks, phases)."""
        if self._runs is None:
            self._runs = [self._runs_of(track) for track in self.campaign.tracks]
        return self._runs

    def _runs_of(self, track: MissionTrack) -> tuple[list[float], list[str]]:
        """The domain gives the phase at a moment. It changes as events pass and, between
        two events, with time alone (launch becomes cruise a day on, cruise becomes approach
        near Mars), never back: so it is read at the moments the domain says it may turn,
        and checked just before the next of these; a change found there all the same is
        bisected to the millisecond. A few dozen readings a mission, however many events it
        has, once, instead of one a column at every new width."""
        rules = self.campaign.rules

        def phase(tick: float) -> str:
            return phase_at(track, tick, rules)

        start, end = self.campaign.start, self.campaign.end
        edges = sorted({start, end, *(t for t in phase_turns(track, rules) if start < t < end)})
        starts, phases = [edges[0]], [phase(edges[0])]
        for start, end in itertools.pairwise(edges):
            if phase(start) != phases[-1]:  # the event at ``start`` changed it
                starts.append(start)
                phases.append(phase(start))
            just_before = math.nextafter(end, start)
            while phase(just_before) != phases[-1]:  # time changed it before ``end``
                lo, hi = starts[-1] if starts[-1] > start else start, just_before
                while hi - lo > 1e-3:
                    middle = (lo + hi) / 2
                    lo, hi = (middle, hi) if phase(middle) == phases[-1] else (lo, middle)
                starts.append(hi)
                phases.append(phase(hi))
        if phase(edges[-1]) != phases[-1]:
            starts.append(edges[-1])
            phases.append(phase(edges[-1]))
        return starts, phases

    # ------------------------------------------------------------------ state

    def watch_now(self, now: float) -> None:
        """Repaint only when the cursor moves a column or a marker is passed."""
        drawn = (self.column(now), bisect.bisect_right(self._ticks, now))
        if drawn != self._drawn:
            self._drawn = drawn
            self.refresh()

    def watch_focus_id(self, old: str | None, new: str | None) -> None:
        """Highlight the focused mission's label (the app binds this to its setting:
        data_bind sets it again, unchanged, when it binds)."""
        if new != old:
            self.refresh()

    def watch_selected(self) -> None:
        """Show the newly chosen marker."""
        self.refresh()

    def on_resize(self) -> None:
        """Columns moved: the next repaint check starts afresh (Textual repaints anyway)."""
        self._drawn = None

    @property
    def chosen(self) -> int | None:
        """The marker shown as chosen: the user's choice, else the last one passed."""
        if self.selected is not None or not self._events:
            return self.selected
        return max(0, bisect.bisect_right(self._ticks, self.now) - 1)

    def on_focus(self) -> None:
        """Show the chosen marker."""
        self.refresh()

    def on_blur(self) -> None:
        """Hide the choice; next time, start again from now."""
        self.selected = None
        self.refresh()

    def _candidates(self) -> list[int]:
        if self.focus_id is None:
            return list(range(len(self._events)))
        ids = self._events.column("mission_id")
        return [i for i, mission_id in enumerate(ids) if mission_id == self.focus_id]

    def action_select(self, step: int) -> None:
        """Choose the next marker (step 1) or the previous one (-1)."""
        candidates = self._candidates()
        chosen = self.chosen
        if not candidates or chosen is None:
            return
        if chosen in candidates:
            index = candidates.index(chosen) + step
        else:
            here = bisect.bisect_left(candidates, chosen)
            index = here if step > 0 else here - 1
        self.selected = candidates[max(0, min(len(candidates) - 1, index))]

    def action_seek_selected(self) -> None:
        """Seek the replay to the chosen marker."""
        chosen = self.chosen
        if chosen is not None:
            tick, event = self._events[chosen]
            self.post_message(self.Seek(tick, event))

    def on_click(self, event: events.Click) -> None:
        """A click near a marker chooses it and seeks there; elsewhere, seeks to that moment."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        col = offset.x - self._label_width
        if col < 0:
            return
        tracks = self.campaign.tracks
        if offset.y < len(tracks):
            mission_id = tracks[offset.y].mission.id
            ids = self._events.column("mission_id")
            near = [
                (abs(self.column(t) - col), i)
                for i, (t, m) in enumerate(zip(self._ticks, ids, strict=True))
                if m == mission_id and abs(self.column(t) - col) <= 1
            ]
            if near:
                self.selected = min(near)[1]
                self.action_seek_selected()
                return
        self.post_message(self.Seek(self.tick_at(col), None))

    # ------------------------------------------------------------------ drawing

    def render(self) -> Text:
        """The drawing for the current size and state, drawn again only when one changes
        (a resize repaints every widget three or four times)."""
        key = (
            self.size,
            self.column(self.now),
            bisect.bisect_right(self._ticks, self.now),
            self.chosen,
            self.has_focus,
            self.focus_id,
            self.app.theme,
        )
        if self._rendered is None or key != self._rendered[0]:
            self._rendered = (key, self._draw())
        return self._rendered[1]

    def _draw(self) -> Text:
        """Bands, markers and cursor; then a month axis and a caption if there is room."""
        width = self.band_width
        tracks = self.campaign.tracks
        if width <= 0 or not tracks:
            return Text()
        style = self._styles.of(self)
        cursor = self.column(self.now)
        cursor_style = style["cursor"]
        phases = self._phase_columns(width)
        lines: list[Text] = []
        for row, track in enumerate(tracks):
            cells: list[tuple[str, Style]] = [
                (BAND.get(phase, "━"), style[PHASE_COLOURS[phase]]) for phase in phases[row]
            ]
            for col, mark in self._mark_columns(width)[row].items():
                cells[col] = (mark, style["failed" if mark == "✖" else "marker"])
            chosen = self.chosen
            if self.has_focus and chosen is not None:
                tick, event = self._events[chosen]
                if event.mission_id == track.mission.id:
                    col = self.column(tick)
                    cells[col] = (cells[col][0], cells[col][1] + style["selected"])
            char, cell_style = cells[cursor]
            cells[cursor] = ("┃" if char in " ━─" else char, cell_style + cursor_style)
            label_style = style["focus-label" if track.mission.id == self.focus_id else "label"]
            line = Text(track.mission.name.ljust(self._label_width), style=label_style)
            # One span per run of equal style, not per cell: a fifth of the bytes per frame.
            for cell_style, run in groupby(cells, key=lambda cell: cell[1]):
                line.append("".join(char for char, _ in run), cell_style)
            lines.append(line)
        spare = self.size.height - len(tracks)
        caption = self._caption()
        if spare >= 2 or (spare == 1 and not (self.has_focus and caption)):
            lines.append(self._axis(width))
        if spare >= 2 or (spare == 1 and self.has_focus and caption):
            lines.append(Text(caption, style=style["caption"], no_wrap=True))
        return Text("\n").join(lines)

    def _caption(self) -> str:
        chosen = self.chosen
        if not self.has_focus or chosen is None:
            return ""
        event = self._events[chosen][1]
        name = self.campaign.track(event.mission_id).mission.name
        number = f"{chosen + 1}/{len(self._events)}"
        when = event_when(event, style="short")
        return f" ←/→ {number} {name} {event.summary} {when} · enter: seek"

    def _axis(self, width: int) -> Text:
        """Month names under the bands, with the year at the first and at each January
        (drawn only in a tall terminal, so ``calendar`` is imported here)."""
        import calendar

        cells = [" "] * width
        first = from_tick(self.campaign.start).moment
        year, month = first.year, first.month
        last_end = -1
        shown_year = False
        while True:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            start = first.replace(year=year, month=month, day=1, hour=0, minute=0, second=0)
            tick = to_tick(start)
            if tick > self.campaign.end:
                break
            col = self.column(tick)
            name = calendar.month_abbr[month]
            if not shown_year or month == 1:
                name += f" {year}"
            text = f"╵{name}"
            if col > last_end and col + len(text) <= width:
                cells[col : col + len(text)] = list(text)
                last_end = col + len(text)
                shown_year = shown_year or " " in name
        axis = Text(" " * self._label_width)
        axis.append("".join(cells), style=self._styles.of(self)["axis"])
        return axis
