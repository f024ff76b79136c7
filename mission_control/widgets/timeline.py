"""The time strip: each mission's phases as a band in each phase's colour (its bus's, and a
lander's own descent: ``time_strip.row_spans``), named where there is room, a marker for
every event (a failure as its rules grade it, ▲ or ✖, as in the log), and the "now" cursor,
over a window of the campaign that zooms around the cursor and follows it as the replay
plays. Choosing a marker or a moment seeks there. The window's arithmetic is
:mod:`~mission_control.presentation.time_window`."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import groupby
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive, var
from textual.widget import Widget

from mission_control.campaign import Campaign
from mission_control.glyphs import GLYPHS, PHASE_STYLES
from mission_control.model import Event, Status
from mission_control.presentation import time_window as tw
from mission_control.presentation.time_strip import (
    PhaseSpan,
    StripRow,
    marker_caption,
    planet_window,
    row_spans,
    strip_row,
    track_marks,
)
from mission_control.theme_styles import ThemeStyles
from mission_control.widgets import undated

PHASE_COLOURS = {phase: f"phase-{phase}" for phase in PHASE_STYLES}
"""The style each phase's band is drawn in: the phase's one colour, as the status panels'
headers and the help's legend draw it (``glyphs.PHASE_STYLES``)."""

STYLES = {
    **{style: PHASE_STYLES[phase] for phase, style in PHASE_COLOURS.items()},
    "label": "$text-muted",
    "focus-label": "bold $text-accent",
    "other": "$text-disabled",
    "marker": "bold $text",
    GLYPHS[Status.CRITICAL]: "bold $text-error",
    GLYPHS[Status.SERIOUS]: "bold $text-error",
    GLYPHS[Status.CAUTION]: "bold $text-warning",
    "selected": "reverse bold",
    "cursor": "bold $text on $accent 40%",
    "axis": "$text-muted",
    "caption": "$text-accent",
}
"""The style of each part, in the theme's colours (see :mod:`~mission_control.theme_styles`);
``other`` is the whole row of a mission out of focus; a failure's marker by its glyph, any
other as ``marker``."""

BAND = {"pre-launch": " ", "ended": "─", "contact lost": "─"}
"""Band characters: none before launch, a thin line once nothing more is heard, else ``━``."""


class Timeline(Widget, can_focus=True):
    """A horizontal, linear-time view of the campaign, or of a window of it. Left/right
    choose a marker (in time order, across missions, or the focused mission's alone), enter
    seeks to it; a click seeks to a marker or a moment; the wheel zooms."""

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
        self._bounds = (campaign.start, campaign.end)
        self.window = tw.whole(self._bounds)
        """The ticks shown across the strip: the whole campaign until zoomed."""
        self._focused: tuple[str | None, list[int]] = (None, [])
        self._seeking: float | None = None
        """A moment this widget asked the replay to seek to and it has not reached yet: the
        window waits for it rather than following the cursor back to where it was."""
        self._label_width = max((len(t.mission.name) for t in campaign.tracks), default=0) + 1
        self._spans: list[list[PhaseSpan]] | None = None
        self._marks: list[tuple[str, ...]] | None = None
        self._columns: dict[tuple[int, tw.Window], list[StripRow]] = {}
        self._rendered: tuple[tuple[object, ...], Text] | None = None
        self._drawn: tuple[object, ...] | None = None
        # Without colour, a mission out of focus is still told apart: its row is faint.
        self._styles = ThemeStyles(STYLES, no_color={"other": "dim"})

    # ------------------------------------------------------------------ geometry

    @property
    def band_width(self) -> int:
        return max(0, self.size.width - self._label_width)

    def column(self, tick: float) -> int:
        """The band column that holds ``tick`` (the edge column for a tick outside)."""
        return self.window.column(tick, self.band_width)

    def tick_at(self, col: int) -> float:
        """The middle of band column ``col``."""
        return self.window.tick_at(col, self.band_width)

    def phase_spans(self) -> list[list[PhaseSpan]]:
        """Each mission's row's phases, as ``(start_tick, end_tick, phase)``: made once."""
        if self._spans is None:
            rules, (start, end) = self.campaign.rules, self._bounds
            self._spans = [row_spans(t, rules, start, end) for t in self.campaign.tracks]
        return self._spans

    def marks(self) -> list[tuple[str, ...]]:
        """Each mission's events' markers, in the order of its events: worked out once."""
        if self._marks is None:
            self._marks = [track_marks(t, self.campaign.rules) for t in self.campaign.tracks]
        return self._marks

    def _columns_for(self, width: int) -> list[StripRow]:
        """What each column of each row shows in the current window, kept for the last few
        windows and widths (a window pans a page at a time, so this is made seldom)."""
        key = (width, window := self.window)
        if key not in self._columns:
            if len(self._columns) > 8:
                self._columns.clear()
            rows = zip(self.phase_spans(), self.marks(), self.campaign.tracks, strict=True)
            self._columns[key] = [strip_row(s, m, t.ticks, window, width) for s, m, t in rows]
        return self._columns[key]

    # ------------------------------------------------------------------ the window

    def _set_window(self, window: tw.Window, *, repaint: bool = True) -> None:
        if window != self.window:
            self.window = window
            self.set_class(not tw.is_whole(window, self._bounds), "-zoomed")
            if repaint:
                self.refresh()

    def zoom(self, step: int) -> None:
        """The next shorter span of the ladder around the cursor (step 1), or longer (-1)."""
        change = tw.zoom_in if step > 0 else tw.zoom_out
        self._set_window(change(self._follow(), self.now, self._bounds))

    def zoom_all(self) -> None:
        """The whole campaign."""
        self._seeking = None
        self._set_window(tw.whole(self._bounds))

    def zoom_to_planet(self) -> bool:
        """The window from the first event at the target planet to the last event, of the
        focused mission or all; seeks to its start if the replay is elsewhere. False when no
        mission has an event at its planet."""
        tracks = [t for t in self.campaign.tracks if self.focus_id in (None, t.mission.id)]
        window = planet_window(tracks, self._bounds)
        if window is None:
            return False
        self._set_window(window)
        if not window.holds(self.now):
            self._seeking = window.start
            self.post_message(self.Seek(window.start, None))
        return True

    def _follow(self) -> tw.Window:
        """The window that holds the cursor (the current one, unless it has left it)."""
        if self._seeking is not None:
            if not self.window.holds(self.now):
                return self.window
            self._seeking = None
        return tw.follow(self.window, self.now, self._bounds)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel zooms in, as on a map."""
        event.stop()
        self.zoom(1)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel zooms out."""
        event.stop()
        self.zoom(-1)

    # ------------------------------------------------------------------ state

    def watch_now(self, now: float) -> None:
        """Pan when the cursor leaves the window; repaint only when the cursor moves a
        column or a marker is passed."""
        self._set_window(self._follow(), repaint=False)
        drawn = (self.window, self.column(now), bisect.bisect_right(self._ticks, now))
        if drawn != self._drawn:
            self._drawn = drawn
            self._repaint_changed_rows()

    def _repaint_changed_rows(self) -> None:
        """Draw now and send the terminal only the rows that changed: the cursor moving a
        column leaves the axis and caption as they were, and a window that pans across an
        unbroken band (a fast replay, zoomed in) changes the axis alone. Never drawn: the
        first paint draws it."""
        before = self._rendered
        old = before[1].split("\n") if before and before[0][0] == self.size else None
        if old is None or len(old) != len(new := self.render().split("\n")):  # a new size
            self.refresh()
            return
        width = self.size.width
        changed = [
            Region(0, y, width, 1) for y, (a, b) in enumerate(zip(old, new, strict=True)) if a != b
        ]
        if changed:
            self.refresh(*changed)

    def watch_focus_id(self, old: str | None, new: str | None) -> None:
        """Dim the other missions' rows (the app binds this to its setting: data_bind sets
        it again, unchanged, when it binds)."""
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
        """The marker shown as chosen: the user's choice, else the last one passed (of the
        mission in focus, if one is)."""
        candidates = self._candidates()
        if self.selected is not None or not candidates:
            return self.selected
        passed = bisect.bisect_right(self._ticks, self.now)
        return candidates[max(0, bisect.bisect_left(candidates, passed) - 1)]

    def on_focus(self) -> None:
        """Show the chosen marker."""
        self.refresh()

    def on_blur(self) -> None:
        """Hide the choice; next time, start again from now."""
        self.selected = None
        self.refresh()

    def _candidates(self) -> Sequence[int]:
        """The markers the arrows go through: every one, or the focused mission's."""
        if self.focus_id is None:
            return range(len(self._events))
        if self._focused[0] != self.focus_id:  # each event's mission, read only then
            ids = self._events.column("mission_id")
            chosen = [i for i, mission_id in enumerate(ids) if mission_id == self.focus_id]
            self._focused = (self.focus_id, chosen)
        return self._focused[1]

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
        if col < 0 or col >= self.band_width:
            return
        tracks = self.campaign.tracks
        if offset.y < len(tracks):
            mission_id = tracks[offset.y].mission.id
            ids = self._events.column("mission_id")  # per click: a small part of the scan
            width = self.band_width
            near = [
                (abs(c - col), i)
                for i, (t, m) in enumerate(zip(self._ticks, ids, strict=True))
                if m == mission_id
                and (c := self.window.unclamped_column(t, width)) is not None
                and abs(c - col) <= 1
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
            self.window,
            self.column(self.now),
            bisect.bisect_right(self._ticks, self.now),
            self.chosen,
            self.selected is not None,
            self.has_focus,
            self.focus_id,
            self.app.theme,
        )
        if self._rendered is None or key != self._rendered[0]:
            self._rendered = (key, self._draw())
        return self._rendered[1]

    def _draw(self) -> Text:
        """Bands, phase names, markers and cursor; then the axis and a caption if there is
        room."""
        width = self.band_width
        tracks = self.campaign.tracks
        if width <= 0 or not tracks:
            return Text()
        style, fit = self._styles.of(self), (self._label_width, self.size.width)
        if not self._ticks:  # no mission states a dated event: a line each says so
            return Text("\n").join(undated.row(t, *fit, style) for t in tracks)
        strip = self._columns_for(width)
        cursor = self.window.unclamped_column(self.now, width)
        chosen = self.chosen if self.has_focus else None
        at = None if chosen is None else self.window.unclamped_column(self._ticks[chosen], width)
        event = None if chosen is None or at is None else self._events[chosen][1]
        lines: list[Text] = []
        for row, track in enumerate(tracks):
            cells: list[tuple[str, Style]] = [
                (BAND.get(phase, "━"), style[PHASE_COLOURS.get(phase, "label")])
                for phase in strip[row].phases
            ]
            for col, text in strip[row].labels:
                for i, char in enumerate(text):
                    cells[col + i] = (char, cells[col + i][1])
            for col, mark in strip[row].marks.items():
                cells[col] = (mark, style.get(mark, style["marker"]))
            if self.focus_id not in (None, track.mission.id):
                cells = [(char, style["other"]) for char, _ in cells]
            if event is not None and event.mission_id == track.mission.id and at is not None:
                # While the arrows choose, the chosen event's own marker, though a more
                # telling one may share its column: Mars 7's "failed to separate" reads ▲.
                mark = cells[at][0]
                if self.selected is not None:
                    mark = self.marks()[row][event.index]
                cells[at] = (mark, style.get(mark, style["marker"]) + style["selected"])
            if cursor is not None:
                char, cell_style = cells[cursor]
                cells[cursor] = ("┃" if char in " ━─" else char, cell_style + style["cursor"])
            label_style = style["focus-label" if track.mission.id == self.focus_id else "label"]
            line = Text(track.mission.name.ljust(self._label_width), style=label_style)
            # One span per run of equal style, not per cell: a fifth of the bytes per frame.
            for cell_style, run in groupby(cells, key=lambda cell: cell[1]):
                line.append("".join(char for char, _ in run), cell_style)
            lines.append(line if track.ticks else undated.row(track, *fit, style, label_style))
        spare = self.size.height - len(tracks)
        caption = self._caption()
        # One spare row: the axis, unless the user is choosing a marker with the arrows.
        choosing = bool(caption) and self.selected is not None
        if spare >= 2 or (spare == 1 and not choosing):
            lines.append(self._axis(width))
        if spare >= 2 or (spare == 1 and choosing):
            lines.append(Text(caption, style=style["caption"], no_wrap=True))
        return Text("\n").join(lines)

    def _caption(self) -> str:
        chosen = self.chosen
        return "" if chosen is None or not self.has_focus else marker_caption(self.campaign, chosen)

    def _axis(self, width: int) -> Text:
        """The window's span under the names, then its start and end and the divisions
        (months, days, hours or minutes) between them."""
        head, line = tw.axis_texts(self.window, self._bounds, width, self._label_width)
        return Text.assemble(head, (line, self._styles.of(self)["axis"]))
