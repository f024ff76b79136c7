"""One part of one spacecraft (a bus, a lander): its phase in the header, its own state and
every system some event concerns on a row each, then the instruments it carried on one
wrapping line (what each row says is :mod:`~mission_control.presentation.panel_rows`).

The panel draws its rows itself (Textual's line API) rather than holding a widget per row:
four panels of up to ten rows would otherwise be well over a hundred widgets to style and
lay out, which made the first frame about twice as slow.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive, var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from mission_control.glyphs import PHASE_STYLES
from mission_control.model import PartState, Status, SubsystemState
from mission_control.phases import PART_PHASES
from mission_control.presentation.panel_rows import (
    DURING,
    PanelRow,
    PanelView,
    listed_lines,
    panel_view,
)
from mission_control.theme_styles import ThemeStyles

NARROW_WIDTH = 22
"""Below this many cells the status word is not padded to a column, so names keep some room;
the word itself always stays, so a status reads without colour at any width."""
WORD_WIDTH = max(len(s.value) for s in Status) + 1
TITLE_MARGIN = 4
"""Cells of the top border the title cannot use (its corners and the spaces around it)."""
LONGEST_PHASE = len(" · ") + max(len(f"{p} (derived)") for p in PART_PHASES)
"""Cells the phase takes in a header at most."""


STYLES = {
    Status.NORMAL.value: "$text-success",
    Status.CAUTION.value: "$text-warning",
    Status.SERIOUS.value: "$text-error",
    Status.CRITICAL.value: "bold $text-error",
    Status.STANDBY.value: "$text-primary",
    Status.OFF.value: "$text-muted",
    Status.UNKNOWN.value: "$text-muted",
    "awaits": "$text-muted",
    "note": "$text-muted",
    "carried": "$text-muted",
    "name": "$text",
    "cursor": "on $block-cursor-background",
    **{f"phase-{phase}": spec for phase, spec in PHASE_STYLES.items()},
}
"""Each status's colour, a row waiting for its event, the notes and the carried line, the
subsystem's name, the highlighted row, and each phase, in the theme's colours (see
:mod:`~mission_control.theme_styles`)."""
NO_COLOR_STYLES = {"cursor": "reverse bold"}
"""With NO_COLOR nothing is coloured, so a cursor drawn as a background would vanish."""


class SubsystemPanel(ScrollView, can_focus=True):
    """The rows of one part. Focus it (tab or click) and move with up/down to see, in the
    reason line, the event that set the highlighted row's status (or that will)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
    ]

    states: var[PartState] = var(lambda: PartState("", "", {}), init=False)
    _styles = ThemeStyles(STYLES, no_color=NO_COLOR_STYLES)
    """One set of styles for every panel: they look alike, so each need not make its own."""
    cursor: reactive[int] = reactive(0, init=False)

    class Highlighted(Message):
        """The row under the cursor (None when the panel loses focus)."""

        def __init__(self, panel: SubsystemPanel, state: SubsystemState | None) -> None:
            super().__init__()
            self.panel = panel
            self.state = state

    def __init__(
        self,
        mission_id: str,
        mission_name: str,
        part: str,
        states: PartState,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.mission_id = mission_id
        self.mission_name = mission_name
        self.part = part
        self.view = panel_view(mission_name, states)
        self.set_reactive(SubsystemPanel.states, states)
        self._listed: list[tuple[str, str]] = []
        self._lines: list[tuple[str, int]] = []
        """What each line shows: ``phase``, a ``row`` or its window (``note``), or a line
        of the ``listed`` names, with the index of the row or listed line."""
        self._row_line: dict[int, int] = {}
        self._base_style: Style | None = None
        self._lay_out()

    @property
    def rows(self) -> list[SubsystemState]:
        """The states of the rows shown, in order (the carried instruments are not rows)."""
        return [row.state for row in self.view.rows]

    @property
    def highlighted_state(self) -> SubsystemState | None:
        rows = self.rows
        return rows[self.cursor] if 0 <= self.cursor < len(rows) else None

    def watch_states(self, old: PartState, new: PartState) -> None:
        """Redraw the panel if what it shows changed; report the highlighted row if it did."""
        before, self.view = self.view, panel_view(self.mission_name, new)
        if self.view == before:
            return
        self._lay_out()
        self.refresh()
        highlighted = self.highlighted_state
        was = before.rows[self.cursor].state if self.cursor < len(before.rows) else None
        if self.has_focus and highlighted != was:
            self.post_message(self.Highlighted(self, highlighted))

    def on_resize(self) -> None:
        """The header and the wrapped lines depend on the width."""
        self._lay_out()

    def _lay_out(self) -> None:
        """The header for the width there is, and the panel's lines: the phase, when the
        header has no room for it (decided by the width alone, for the longest phase, so
        the rows do not move as the phase changes); each row, and under a row known to
        happen within a window that the row has no room for, that window; then the
        listed names, wrapped."""
        view = self.view
        width = self.size.width
        content = self.scrollable_content_region.width or max(0, width - 1)
        full = f"{view.title} · {view.phase_label}"
        in_title = not width or len(view.title) + LONGEST_PHASE + TITLE_MARGIN <= width
        self.border_title = full if in_title else view.title
        lines: list[tuple[str, int]] = [] if in_title else [("phase", 0)]
        for index, row in enumerate(view.rows):
            lines.append(("row", index))
            if row.word == DURING and _row_text_width(row) > content:
                lines.append(("note", index))
        self._listed = listed_lines(view, content, self._room(len(lines)))
        lines += [("listed", at) for at in range(len(self._listed))]
        self._lines = lines
        self._row_line = {index: y for y, (kind, index) in enumerate(lines) if kind == "row"}
        if self.virtual_size.height != len(lines):
            self.virtual_size = Size(0, len(lines))
            self.refresh(layout=True)

    def _room(self, used: int) -> int | None:
        """Lines left under ``used`` ones before the panel would scroll: its row of panels
        may take a share of the screen at most (``max-height`` in the stylesheet); None
        where it has no such limit (the compact layout scrolls as a whole)."""
        row = self.parent
        body = row.parent if isinstance(row, Widget) else None
        if not isinstance(row, Widget) or not isinstance(body, Widget):
            return None
        limit = row.styles.max_height
        if limit is None or not body.size.height or limit.resolve(body.size, self.app.size) > 500:
            return None
        height = int(limit.resolve(body.size, self.app.size)) - 1  # less the top border
        return max(1, height - used)

    def validate_cursor(self, cursor: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(cursor, len(self.view.rows) - 1))

    def watch_cursor(self) -> None:
        """Move the highlight into view and report the row now under it."""
        self.scroll_to(y=self._cursor_scroll_y(), animate=False)
        self.refresh()
        if self.has_focus:
            self.post_message(self.Highlighted(self, self.highlighted_state))

    def _cursor_scroll_y(self) -> float:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        line = self._row_line.get(self.cursor, 0)
        if line < top:
            return line
        if height and line >= top + height:
            return line - height + 1
        return top

    def on_focus(self) -> None:
        """Show the cursor and report the highlighted row so its reason is shown."""
        self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted_state))

    def on_blur(self) -> None:
        """Hide the cursor; no row is highlighted any more."""
        self.refresh()
        self.post_message(self.Highlighted(self, None))

    def on_click(self, event: events.Click) -> None:
        """Put the cursor on the clicked row."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        y = offset.y + round(self.scroll_offset.y)
        if 0 <= y < len(self._lines) and self._lines[y][0] in ("row", "note"):
            self.cursor = self._lines[y][1]

    def action_cursor(self, step: int) -> None:
        """Highlight the row above (-1) or below (1)."""
        self.cursor += step

    def render_lines(self, crop: Region) -> list[Strip]:
        """The rows in view. The panel's own style, which every row starts from, is looked
        up once here rather than for each row: it walks every ancestor's styles."""
        self._base_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._base_style = None

    def render_line(self, y: int) -> Strip:
        """One line: the phase (when the header has no room for it), a row or its window,
        or a line of the listed names."""
        base = self.rich_style if self._base_style is None else self._base_style
        width = self.scrollable_content_region.width
        index = y + round(self.scroll_offset.y)
        if width <= 0 or not 0 <= index < len(self._lines):
            return Strip.blank(width, base)
        styles = self._styles.of(self)
        view = self.view
        kind, at = self._lines[index]
        if kind == "row":
            return self._row_strip(view, at, width)
        if kind == "phase":
            label = view.phase_label if len(view.phase_label) <= width else view.phase
            style = styles.get(f"phase-{view.phase}", styles["name"])
            text, text_style = label, style
        elif kind == "note":
            text, text_style = f" {view.rows[at].note}", styles["note"]
            if self.has_focus and at == self.cursor:
                text_style += styles["cursor"]
        else:
            text, element = self._listed[at]
            text_style = styles[element]
        return Strip([Segment(text.ljust(width), text_style)]).crop(0, width)

    def _row_strip(self, view: PanelView, index: int, width: int) -> Strip:
        """Glyph, word and name in the row's style, and its note at the right where it fits."""
        row = view.rows[index]
        styles = self._styles.of(self)
        status_style = styles[row.element]
        name_style = styles["name"]
        note_style = styles["note"]
        if row.state.status is Status.CRITICAL:
            name_style += status_style
        if self.has_focus and index == self.cursor:
            cursor = styles["cursor"]
            status_style, name_style = status_style + cursor, name_style + cursor
            note_style += cursor
        word = row.word + " " if width < NARROW_WIDTH else row.word.ljust(WORD_WIDTH)
        head = f"{row.mark} {word}"
        room = max(0, width - len(head))
        name = row.name if len(row.name) <= room else row.name[: max(0, room - 1)] + "…"
        below = ("note", index) in self._lines[
            self._row_line[index] + 1 : self._row_line[index] + 2
        ]
        fits = row.note and not below and len(name) + len(row.note) + 1 <= room
        note = f" {row.note}" if fits else ""
        if not name and row.note and len(row.note) <= room:
            note = row.note
        segments = [
            Segment(head, status_style),
            Segment(name.ljust(room - len(note)), name_style),
            Segment(note, note_style),
        ]
        return Strip(segments).crop(0, width)


def _row_text_width(row: PanelRow) -> int:
    """Cells a row needs for its glyph, word, name and note on one line."""
    return (
        len(row.mark) + 1 + max(len(row.word) + 1, WORD_WIDTH) + len(row.name) + 1 + len(row.note)
    )
