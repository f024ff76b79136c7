"""The event log: a line for every event the clock has passed, newest last.

The log keeps only the positions of its lines in the campaign's events and draws them when
shown (Textual's line API), so its cost follows the pane's height, not the campaign's length.
The clock moving forward adds the events just passed, back drops those after it; only a
change of filter, search or mission in focus lists the log again (and of units or
quantities, while a search is on: it matches what the lines say). Enter (or a click) on a
line asks for its detail. What is listed and said is
:mod:`~mission_control.presentation.event_lines` (and, with a mission in focus,
:mod:`~mission_control.presentation.log_focus`); how a line is drawn, :mod:`.event_log_lines`.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import ClassVar

from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size, clamp
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from mission_control.campaign import Campaign
from mission_control.model import Event
from mission_control.presentation.event_lines import FILTER_ALL, WIDE_WIDTH, EventLines, Quantities
from mission_control.presentation.log_focus import LogFocus
from mission_control.textual_private import update_scrollbars
from mission_control.theme_styles import ThemeStyles
from mission_control.widgets import undated
from mission_control.widgets.event_log_lines import FOCUSED_STYLES, STYLES, assemble, drawn


class EventLog(ScrollView, can_focus=True, inherit_bindings=False):
    """Events passed so far (``passed`` counts them in replay order), filtered and searched."""

    ALLOW_SELECT = False

    # home/end are left to the app (seek to the campaign's start and end).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("enter", "select", "Details", show=False),
    ]

    passed: var[int] = var(0, init=False)
    units: var[str] = var("si", init=False)
    quantities: var[Quantities | None] = var(None, init=False)
    """Formatted quantities by event key; None until the app has listed them."""
    log_filter: var[str] = var(FILTER_ALL, init=False)
    search: var[str] = var("", init=False)
    focus_id: var[str | None] = var(None, init=False)
    """The mission in focus, whose events alone are listed; None lists every mission's."""
    wide: var[bool] = var(True, init=False)
    highlighted: var[int | None] = var(None, init=False)
    """The line under the cursor (0 is the oldest line shown), or None before the first key."""

    class Chosen(Message):
        """The user asked for an event's detail."""

        def __init__(self, event: Event, tick: float) -> None:
            super().__init__()
            self.event = event
            self.tick = tick

    def __init__(self, campaign: Campaign, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._campaign = campaign
        self._lines = EventLines(campaign)
        self._events = self._lines.events
        self._focus = LogFocus(self._events, self._lines.names)
        self._shown: list[int] = []
        """Indices into the campaign's events of the lines listed, in order."""
        self._hover: int | None = None
        """The line under the mouse."""
        self._strips: LRUCache[tuple[object, ...], Strip]
        self._strips = LRUCache(maxsize=512)
        """Lines drawn lately, by event, width, style, theme, columns: scrolling draws few."""
        self._styles = ThemeStyles(STYLES, focused=FOCUSED_STYLES)
        self._searching = False
        """A search waits for a thread to read the events' text; the log is empty meanwhile."""

    # ------------------------------------------------------------------ what is listed

    @property
    def shown_events(self) -> list[Event]:
        return [self._events[i][1] for i in self._shown]

    @property
    def line_count(self) -> int:
        """How many lines the log lists (with the filter and search applied)."""
        return len(self._shown)

    def line_text(self, line: int) -> str:
        """The text of listed line ``line`` (0 is the oldest), with the width's columns."""
        return self._prompt(self._shown[line]).plain

    def _matching(self, start: int, stop: int) -> list[int]:
        """The events in ``range(start, stop)`` that the filter, search and focus let through."""
        log_filter = self._focus.log_filter(self.log_filter, self.focus_id)
        found = self._lines.matching(
            start, stop, log_filter, self.search, self.quantities, self.units
        )
        return found if log_filter == self.focus_id else self._focus.keep(found, self.focus_id)

    def _search_waits(self, start: int, stop: int) -> bool:
        """Whether listing ``range(start, stop)`` needs a search to read many events first:
        if so, a thread reads them all and the log is listed again when it is done."""
        if not self._lines.search_waits(self.search, start, stop):
            return False
        self._searching = True
        self._read_haystacks()
        return True

    @work(thread=True, exclusive=True, group="event-log-search")
    def _read_haystacks(self) -> None:
        """Read the searchable text of every event (a thread: seconds for 100,000)."""
        worker = get_current_worker()
        for index in range(len(self._events)):
            if worker.is_cancelled:
                return
            self._lines.haystack(index)
        self.app.call_from_thread(self._haystacks_read)

    def _haystacks_read(self) -> None:
        """Every event's text is read: list the search's lines."""
        if self._searching:
            self._searching = False
            self._relist()

    def watch_passed(self, old: int, new: int) -> None:
        """Add the events just passed, or drop those the clock went back before."""
        if self._searching:
            pass  # the search lists the log when its text is read
        elif new > old:
            if not self._search_waits(old, new):
                self._append(self._matching(old, new))
        else:
            self._truncate(bisect_left(self._shown, new))
        self._retitle()

    def on_mount(self) -> None:
        """Title the log before the first event arrives."""
        self._resize_virtual()
        self._retitle()

    def _retitle(self) -> None:
        """The title (shown when there is room for it) says what the log holds."""
        log_filter = self._focus.log_filter(self.log_filter, self.focus_id)
        title = self._lines.title(self.passed, log_filter, self.search, searching=self._searching)
        self.border_title = title + self._focus.title(self.log_filter, self.focus_id)

    def _following(self) -> bool:
        """Whether new lines should bring the view with them: the cursor is on the last
        line (or there is none), or the log is not being read with the keys."""
        last = len(self._shown) - 1
        return self.highlighted is None or self.highlighted == last or not self.has_focus

    def _append(self, indices: list[int]) -> None:
        if not indices:
            return
        follow = self._following()
        cursor_at_end = self.highlighted == len(self._shown) - 1
        self._shown.extend(indices)
        self._resize_virtual()
        if cursor_at_end:
            self.highlighted = len(self._shown) - 1
        if follow:
            self._scroll_to_end()

    def _truncate(self, keep: int) -> None:
        if keep >= len(self._shown):
            return
        follow = self._following()
        del self._shown[keep:]
        if self._hover is not None and self._hover >= keep:
            self._hover = None
        self._resize_virtual()
        if self.highlighted is not None and self.highlighted >= keep:
            self.highlighted = keep - 1 if keep else None
        self.refresh()
        if follow:
            self._scroll_to_end()
        else:
            self.scroll_to(y=self.scroll_y, animate=False)  # within the shorter log

    def _relist(self) -> None:
        self._shown = []
        self._hover = None
        self._searching = False
        self.highlighted = None
        self.scroll_to(y=0, animate=False)
        self._resize_virtual()
        self.refresh()
        if not self._search_waits(0, self.passed):
            self._append(self._matching(0, self.passed))
        self._retitle()

    # The app binds the next four to its settings: data_bind sets a bound value again,
    # unchanged, when it binds, so only a change counts.

    def watch_log_filter(self, old: str, new: str) -> None:
        """Another filter: list the log again."""
        if new != old:
            self._relist()

    def watch_search(self, old: str, new: str) -> None:
        """Another search: list the log again."""
        if new != old:
            self._relist()

    def watch_focus_id(self, old: str | None, new: str | None) -> None:
        """Another mission in focus, or none: list the log again."""
        if new != old:
            self._relist()

    def watch_units(self, old: str, new: str) -> None:
        """Quantities in the other unit system: the lines are drawn again, and a search
        lists them again, since it matches the quantities as the lines show them."""
        if new != old and self.search:
            self._relist()
        elif new != old:
            self.refresh()

    def watch_quantities(self) -> None:
        """The quantities are listed: fill them in (and search them, if a search is on)."""
        self._strips.clear()
        if self.search:
            self._relist()
        else:
            self.refresh()

    def watch_wide(self) -> None:
        """More or fewer columns."""
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Choose the columns for the new width, and keep the newest line (or the cursor's)
        in view at the new height."""
        self.wide = event.size.width >= WIDE_WIDTH
        self._resize_virtual()
        if self._following():
            self._scroll_to_end()
        else:
            self.call_after_refresh(self.scroll_to_highlight)

    def _scroll_to_end(self) -> None:
        """Show the newest line: now, so the frame is drawn once, at the end; and again
        after the layout, which may change the pane's height (the compact layout)."""
        self.scroll_end(animate=False, immediate=True)
        self.scroll_end(animate=False)

    def _resize_virtual(self) -> None:
        """One line per event listed, as wide as the pane: no sideways scrolling."""
        size = Size(self.scrollable_content_region.width, len(self._shown))
        if size != self.virtual_size:
            self.virtual_size = size
            update_scrollbars(self, size)

    # ------------------------------------------------------------------ the cursor

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        """The cursor stays on a line, or is None when there is none."""
        if highlighted is None or not self._shown:
            return None
        return clamp(highlighted, 0, len(self._shown) - 1)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        """Draw the cursor's old and new lines, and keep the new one in view."""
        for line in (old, new):
            if line is not None:
                self.refresh_line(line)
        self.scroll_to_highlight()

    def scroll_to_highlight(self) -> None:
        """Scroll the least distance that shows the cursor's line."""
        if self.highlighted is None or not self.is_mounted:
            return
        self.scroll_to_region(
            Region(0, self.highlighted, self.scrollable_content_region.width, 1),
            force=True,
            animate=False,
            immediate=True,
        )

    def on_show(self) -> None:
        """Shown again (a layout change): the cursor's line in view."""
        self.scroll_to_highlight()

    def notify_style_update(self) -> None:
        """Focus or a theme changed the lines' styles: draw them again."""
        self.refresh()
        super().notify_style_update()

    def action_cursor_up(self) -> None:
        """The line above (from no cursor: the newest line)."""
        if self.highlighted is None:
            self.highlighted = len(self._shown) - 1
        else:
            self.highlighted = max(0, self.highlighted - 1)

    def action_cursor_down(self) -> None:
        """The line below (from no cursor: the oldest line)."""
        self.highlighted = 0 if self.highlighted is None else self.highlighted + 1

    def action_page_up(self) -> None:
        """A page up (from no cursor: a page above the newest line, where the log is)."""
        start = len(self._shown) - 1 if self.highlighted is None else self.highlighted
        self.highlighted = max(0, start - self.scrollable_content_region.height)

    def action_page_down(self) -> None:
        """A page down (from no cursor: the newest line)."""
        if self.highlighted is None:
            self.highlighted = len(self._shown) - 1
        else:
            self.highlighted += self.scrollable_content_region.height

    def action_select(self) -> None:
        """Ask for the detail of the event under the cursor."""
        if self.highlighted is not None:
            tick, event = self._events[self._shown[self.highlighted]]
            self.post_message(self.Chosen(event, tick))

    # ------------------------------------------------------------------ the mouse

    def _line_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        line = self.scroll_offset.y + offset.y
        return line if 0 <= line < len(self._shown) else None

    def on_click(self, event: events.Click) -> None:
        """A click on a line: ask for its event's detail."""
        line = self._line_at(event)
        if line is not None:
            self.highlighted = line
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Mark the line under the mouse."""
        self._set_hover(self._line_at(event))

    def on_leave(self, event: events.Leave) -> None:
        """The mouse left the log."""
        self._set_hover(None)

    def _set_hover(self, line: int | None) -> None:
        if line != self._hover:
            for old_or_new in (self._hover, line):
                if old_or_new is not None:
                    self.refresh_line(old_or_new)
            self._hover = line

    # ------------------------------------------------------------------ lines

    def _prompt(self, index: int) -> Content:
        columns = self._lines.line(
            index, wide=self.wide, quantities=self.quantities, units=self.units
        )
        return assemble(columns, self._styles.parsed(self))

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the pane: drawn from its event, or taken from the recent lines."""
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        styles = self._styles.visual(self)
        if not 0 <= line < len(self._shown):  # past the lines; an empty log says why, if it can
            base = styles["line"]
            why = undated.empty_log_line(self._campaign, self.focus_id, line) or (
                line == 0
                and self._focus.nothing_listed(self.log_filter, self.search, self.focus_id)
            )
            if not why or self._searching:
                return Strip.blank(width, base.rich_style)
            return drawn(self, Content.styled(why, self._styles.parsed(self)["time"]), width, base)
        if line == self.highlighted:
            style = styles["cursor"]
        elif line == self._hover:
            style = styles["hover"]
        else:
            style = styles["line"]
        index = self._shown[line]
        key = (index, width, style, self._styles.made_for, self.units, self.wide)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = drawn(self, self._prompt(index), width, style)
        return strip
