"""One part of one spacecraft (a bus, a lander): every subsystem on a row with its status.

The panel draws its rows itself (Textual's line API) rather than holding a widget per row:
four panels of up to ten rows would otherwise be well over a hundred widgets to style and
lay out, which made the first frame about twice as slow.
"""

from __future__ import annotations

from collections.abc import Mapping
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

from mission_control.glyphs import glyph
from mission_control.model import Status, SubsystemState
from mission_control.theme_styles import ThemeStyles

NARROW_WIDTH = 22
"""Below this many cells the status word is not padded to a column, so names keep some room;
the word itself always stays, so a status reads without colour at any width."""
WORD_WIDTH = max(len(s.value) for s in Status) + 1


STYLES = {
    Status.NORMAL.value: "$text-success",
    Status.CAUTION.value: "$text-warning",
    Status.SERIOUS.value: "$text-error",
    Status.CRITICAL.value: "bold $text-error",
    Status.STANDBY.value: "$text-primary",
    Status.OFF.value: "$text-muted",
    Status.UNKNOWN.value: "$text-muted",
    "name": "$text",
    "cursor": "on $block-cursor-background",
}
"""Each status's colour, the subsystem's name, and the highlighted row, in the theme's
colours (see :mod:`~mission_control.theme_styles`)."""
NO_COLOR_STYLES = {"cursor": "reverse bold"}
"""With NO_COLOR nothing is coloured, so a cursor drawn as a background would vanish."""


class SubsystemPanel(ScrollView, can_focus=True):
    """The rows of one part. Focus it (tab or click) and move with up/down to see, in the
    reason line, the event that set the highlighted row's status."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
    ]

    states: var[Mapping[str, SubsystemState]] = var(dict, init=False)
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
        states: Mapping[str, SubsystemState],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.mission_id = mission_id
        self.mission_name = mission_name
        self.part = part
        self.border_title = f"{mission_name} {part}"
        self.set_reactive(SubsystemPanel.states, dict(states))
        self.virtual_size = Size(0, len(states))
        self._base_style: Style | None = None
        self._styles = ThemeStyles(STYLES, no_color=NO_COLOR_STYLES)

    @property
    def rows(self) -> list[SubsystemState]:
        return list(self.states.values())

    @property
    def highlighted_state(self) -> SubsystemState | None:
        rows = self.rows
        return rows[self.cursor] if 0 <= self.cursor < len(rows) else None

    def watch_states(
        self, old: Mapping[str, SubsystemState], new: Mapping[str, SubsystemState]
    ) -> None:
        """Redraw only the rows whose status changed; report the highlighted row if it did."""
        changed = [y for y, name in enumerate(new) if old.get(name) != new[name]]
        if len(new) != len(old):
            self.virtual_size = Size(0, len(new))
            self.refresh(layout=True)
        scroll_y = round(self.scroll_offset.y)
        for y in changed:
            self.refresh_line(y - scroll_y)
        if self.has_focus and self.cursor in changed:
            self.post_message(self.Highlighted(self, self.highlighted_state))

    def validate_cursor(self, cursor: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(cursor, len(self.states) - 1))

    def watch_cursor(self) -> None:
        """Move the highlight into view and report the row now under it."""
        self.scroll_to(y=self._cursor_scroll_y(), animate=False)
        self.refresh()
        if self.has_focus:
            self.post_message(self.Highlighted(self, self.highlighted_state))

    def _cursor_scroll_y(self) -> float:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if self.cursor < top:
            return self.cursor
        if height and self.cursor >= top + height:
            return self.cursor - height + 1
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
        if offset is not None:
            self.cursor = offset.y + round(self.scroll_offset.y)

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
        """One row: glyph, status word and name, in its status's style."""
        base = self.rich_style if self._base_style is None else self._base_style
        width = self.scrollable_content_region.width
        index = y + round(self.scroll_offset.y)
        rows = self.rows
        if not 0 <= index < len(rows) or width <= 0:
            return Strip.blank(width, base)
        state = rows[index]
        styles = self._styles.of(self)
        status_style = styles[state.status.value]
        name_style = styles["name"]
        if state.status is Status.CRITICAL:
            name_style += status_style
        if self.has_focus and index == self.cursor:
            cursor = styles["cursor"]
            status_style, name_style = status_style + cursor, name_style + cursor
        word = (
            state.status.value + " "
            if width < NARROW_WIDTH
            else state.status.value.ljust(WORD_WIDTH)
        )
        head = f"{glyph(state.status)} {word}"
        room = max(0, width - len(head))
        name = state.name if len(state.name) <= room else state.name[: max(0, room - 1)] + "…"
        segments = [
            Segment(head, status_style),
            Segment(name.ljust(room), name_style),
        ]
        return Strip(segments).crop(0, width)
