"""One line under the status panels: why the highlighted subsystem has its status, or which
coming event will set it, each with the sentence that states it."""

from __future__ import annotations

import msgspec
from textual.reactive import var
from textual.widgets import Static

from mission_control.event_time import event_when
from mission_control.glyphs import label
from mission_control.model import Event, Status, SubsystemState
from mission_control.presentation.panel_rows import window_text

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
        self.update(HINT if subject is None else reason_text(subject))


def reason_text(subject: Subject) -> str:
    """What set the row's status and from which sentence, or what will: ``Mars 6 lander ›
    parachute: ◌ awaits — Parachute deployed (lander), between 09:05:53 and 09:11:05: “A
    parachute was then deployed…”``. A row nothing sets says no source states it."""
    state = subject.state
    where = f"{subject.craft} {subject.part}"
    if state.role == "part":
        source = f" from {_event(state.since)}" if state.since is not None else ""
        text = f"{where}: {state.reason} (derived{source})"
    elif state.since is None and state.coming is not None:
        text = f"{where} › {state.name}: {_waiting(state)} — {_event(state.coming)}"
        return text
    else:
        text = f"{where} › {state.name}: {label(state.status)}"
        if state.since is not None:
            when = event_when(state.since, style="short")
            text += f" — {state.reason or state.since.summary}, {when}"
            text += f" ({state.since.summary}: “{state.since.sentence}”)"
        else:
            text += " — no source states it"
    if state.coming is not None:
        text += f" · {_waiting(state)}: {_event(state.coming)}"
    return text


def _waiting(state: SubsystemState) -> str:
    """``during 09:05:53–09:11:05`` within the window the coming event is known only to lie
    in; else ``awaits`` (``next`` once the row has a status)."""
    if state.during and state.coming is not None:
        return f"during {window_text(state.coming)}"
    return "awaits" if state.since is None and state.role != "part" else "next"


def _event(event: Event) -> str:
    """An event, when it was, and the sentence that states it."""
    when = event_when(event, style="short")
    return f"{event.summary}, {when}: “{event.sentence}”"
