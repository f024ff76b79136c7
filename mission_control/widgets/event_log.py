"""The event log: a line for every event the clock has passed, newest last.

Moving the clock forward appends lines and moving it back removes them; only a change of
filter or search lists the log again. Enter (or a click) on a line asks for its detail.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from mission_control.model import Event
from mission_control.replay import Campaign, MissionTrack
from mission_control.widgets.formatting import (
    QuantityText,
    event_key,
    event_met,
    event_when,
    part_label,
)

WIDE_WIDTH = 70
"""From this width the log shows every column; below it, UTC, craft and summary only."""

FILTER_ALL = "all"
FILTER_FAILURES = "failures"


def filter_label(log_filter: str, names: Mapping[str, str]) -> str:
    """How a filter is named on screen: ``all``, ``failures only``, ``Mars 6 only``."""
    if log_filter == FILTER_ALL:
        return "all events"
    if log_filter == FILTER_FAILURES:
        return "failures only"
    return f"{names.get(log_filter, log_filter)} only"


def utc_column(event: Event) -> str:
    """The stated UTC in a fixed 19-cell column: ``1974-03-12 09:05:53``, ``≈1974-03-12``."""
    return event_when(event).replace("T", " ").removesuffix("Z").ljust(19)


class EventLog(OptionList, inherit_bindings=False):
    """Events passed so far (``passed`` counts them in replay order), filtered and searched."""

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
    quantities: var[Mapping[str, tuple[QuantityText, ...]] | None] = var(None, init=False)
    """Formatted quantities by event key; None until pint has loaded (then lines fill in)."""
    log_filter: var[str] = var(FILTER_ALL, init=False)
    search: var[str] = var("", init=False)
    wide: var[bool] = var(True, init=False)

    class Chosen(Message):
        """The user asked for an event's detail."""

        def __init__(self, event: Event, tick: float) -> None:
            super().__init__()
            self.event = event
            self.tick = tick

    def __init__(self, campaign: Campaign, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._events = campaign.all_events()
        self._tracks: dict[str, MissionTrack] = {t.mission.id: t for t in campaign.tracks}
        self._shown: list[int] = []
        """Indices into the campaign's events of the lines listed, in order."""

    # ------------------------------------------------------------------ what is listed

    @property
    def shown_events(self) -> list[Event]:
        return [self._events[i][1] for i in self._shown]

    def _matches(self, index: int) -> bool:
        event = self._events[index][1]
        if self.log_filter == FILTER_FAILURES and not event.failed:
            return False
        if self.log_filter not in (FILTER_ALL, FILTER_FAILURES, event.mission_id):
            return False
        if self.search:
            return self.search.casefold() in self._plain(index).casefold()
        return True

    def watch_passed(self, old: int, new: int) -> None:
        """Append the events just passed, or remove those the clock went back before."""
        if new > old:
            self._append([i for i in range(old, new) if self._matches(i)])
        else:
            while self._shown and self._shown[-1] >= new:
                self._shown.pop()
                self.remove_option_at_index(len(self._shown))
        self._retitle()

    def on_mount(self) -> None:
        """Title the log before the first event arrives."""
        self._retitle()

    def _retitle(self) -> None:
        """The title (shown when there is room for it) says what the log holds."""
        names = {k: t.mission.name for k, t in self._tracks.items()}
        title = f"Event log · {self.passed} of {len(self._events)} events passed"
        title += f" · showing {filter_label(self.log_filter, names)}"
        if self.search:
            title += f" matching “{self.search}”"
        self.border_title = title

    def _append(self, indices: list[int]) -> None:
        if not indices:
            return
        at_end = self.highlighted is None or self.highlighted == len(self._shown) - 1
        self._shown.extend(indices)
        self.add_options(Option(self._prompt(i), id=self._option_id(i)) for i in indices)
        if self.has_focus and at_end and self.highlighted is not None:
            self.highlighted = len(self._shown) - 1
        else:
            self.call_after_refresh(self.scroll_end, animate=False, immediate=True)

    def _relist(self) -> None:
        self._shown = []
        self.clear_options()
        self._append([i for i in range(self.passed) if self._matches(i)])
        self._retitle()

    def watch_log_filter(self) -> None:
        """Another filter: list the log again."""
        self._relist()

    def watch_search(self) -> None:
        """Another search: list the log again."""
        self._relist()

    def _redraw(self) -> None:
        for position, index in enumerate(self._shown):
            self.replace_option_prompt_at_index(position, self._prompt(index))

    def watch_units(self) -> None:
        """Quantities in the other unit system: rewrite the lines in place."""
        self._redraw()

    def watch_quantities(self) -> None:
        """pint is ready: fill in the quantities."""
        self._redraw()

    def watch_wide(self) -> None:
        """More or fewer columns."""
        self._redraw()

    def on_resize(self, event: events.Resize) -> None:
        """Choose the columns for the new width."""
        self.wide = event.size.width >= WIDE_WIDTH

    # ------------------------------------------------------------------ lines

    @staticmethod
    def _option_id(index: int) -> str:
        return f"event-{index}"

    def _quantity_text(self, event: Event) -> str:
        if not event.quantities or self.quantities is None:
            return ""
        described = self.quantities.get(event_key(event), ())
        return "; ".join(q.in_system(self.units) for q in described)

    def _columns(self, index: int) -> list[tuple[str, str]]:
        """The line's fields and the style of each."""
        event = self._events[index][1]
        track = self._tracks[event.mission_id]
        summary = f"✖ {event.summary}" if event.failed else event.summary
        summary_style = "bold $text-error" if event.failed else "$foreground"
        fields = [(utc_column(event), "$text-muted")]
        if self.wide:
            fields.append((event_met(event, track).replace(" ", "").ljust(14), "$text-muted"))
        fields.append((track.mission.name.ljust(6), "$text-accent"))
        if self.wide:
            fields.append((part_label(event.part).ljust(6), "$text-secondary"))
        fields.append((summary, summary_style))
        quantities = self._quantity_text(event)
        if quantities:
            fields.append((f"· {quantities}", "$text-primary"))
        return fields

    def _plain(self, index: int) -> str:
        event = self._events[index][1]
        words = [field for field, _ in self._columns(index)]
        words += [event.kind, event.part, event.outcome or ""]
        return " ".join(words)

    def _prompt(self, index: int) -> Content:
        return Content.assemble(
            *[part for field, style in self._columns(index) for part in ((field, style), " ")][:-1]
        )

    @on(OptionList.OptionSelected)
    def _chosen(self, message: OptionList.OptionSelected) -> None:
        """Enter or a click on a line: ask for that event's detail."""
        message.stop()
        index = self._shown[message.option_index]
        tick, event = self._events[index]
        self.post_message(self.Chosen(event, tick))
