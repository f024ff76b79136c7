"""One line under the status panels: why the highlighted subsystem has its status."""

from __future__ import annotations

import msgspec
from textual.reactive import var
from textual.widgets import Static

from mission_control.glyphs import label
from mission_control.model import Status, SubsystemState
from mission_control.presentation.formatting import event_when

HINT = "tab to a status panel and use ↑ ↓ to see why a subsystem has its status"

CLASSES = ("-hint", *(f"-{status.value}" for status in Status))
"""The line's classes: the hint, or the highlighted row's status."""


class Subject(msgspec.Struct, frozen=True):
    """The highlighted row and where it is."""

    craft: str
    part: str
    state: SubsystemState


class StatusReason(Static):
    """Shows the reason for :attr:`subject`, or a hint when no row is highlighted."""

    subject: var[Subject | None] = var(None)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(HINT, id=id, markup=False, classes="-hint")

    def watch_subject(self, subject: Subject | None) -> None:
        """Another row, or the same row with a new status."""
        # Only the classes that change are touched: each change restyles the line.
        shown = "-hint" if subject is None else f"-{subject.state.status.value}"
        self.remove_class(*(name for name in CLASSES if name != shown))
        self.add_class(shown)
        if subject is None:
            self.update(HINT)
            return
        state = subject.state
        text = f"{subject.craft} {subject.part} › {state.name}: {label(state.status)}"
        if state.since is not None:
            text += f" — {state.reason or state.since.summary}, {event_when(state.since)}"
            text += f" ({state.since.summary})" if state.reason else ""
        else:
            text += " — no source states it"
        self.update(text)
