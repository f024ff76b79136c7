"""The ``/`` dialog: text to search the event log for (empty shows every line again).

The search matches the lines as the log shows them, quantities in the current unit system,
so the placeholder's example unit is that system's."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input

from mission_control.screens.dialog import Dialog

PLACEHOLDERS = {"si": "contact, lander, km…", "imperial": "contact, lander, mi…"}
"""What the empty field suggests, by unit system: words and a unit the log's lines show."""


class SearchScreen(Dialog[str | None]):
    """Returns the text to search for, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str = "", units: str = "si") -> None:
        super().__init__()
        self.current = current
        self.units = units
        """The log's unit system, whose unit the placeholder suggests."""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog", classes="dialog") as dialog:
            dialog.border_title = "Search the event log"
            dialog.border_subtitle = "enter: search · empty: show all · escape: cancel"
            placeholder = PLACEHOLDERS.get(self.units, PLACEHOLDERS["si"])
            yield Input(self.current, placeholder=placeholder, id="search-input")

    @on(Input.Submitted)
    def _search(self, message: Input.Submitted) -> None:
        """Close with the text typed."""
        self.dismiss(message.value.strip())

    def action_cancel(self) -> None:
        """Close and keep the current search."""
        self.dismiss(None)
