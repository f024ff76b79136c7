"""The ``g`` dialog: type a UTC time, a day of year, a MET or an event; returns its tick."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from mission_control.campaign import Campaign
from mission_control.screens.dialog import Dialog
from mission_control.timeparse import ACCEPTED_FORMS, TimeError, time_in_campaign

SHOWN_REFERENCES = 60
"""How many event references the dialog lists (completion knows them all)."""


def event_references(campaign: Campaign) -> list[str]:
    """``mars6:launch``, ``mars7:separation#2``…: every event as parse_time reads it."""
    out = []
    for track in campaign.tracks:
        seen: dict[str, int] = {}
        for kind in track.mission.table.column("kind"):
            seen[kind] = seen.get(kind, 0) + 1
            nth = seen[kind]
            out.append(f"{track.mission.id}:{kind}" + (f"#{nth}" if nth > 1 else ""))
    return out


def listed(references: list[str]) -> str:
    """The references the dialog shows: all of a few, or the first few and how many more."""
    if len(references) <= SHOWN_REFERENCES:
        return ", ".join(references)
    more = len(references) - SHOWN_REFERENCES
    return ", ".join(references[:SHOWN_REFERENCES]) + f" … and {more:,} more (→ completes)"


class GotoScreen(Dialog[float | None]):
    """Asks for a time; a bad one is explained under the input and the dialog stays open."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, campaign: Campaign) -> None:
        super().__init__()
        self.campaign = campaign

    def compose(self) -> ComposeResult:
        references = event_references(self.campaign)
        with Vertical(id="goto-dialog", classes="dialog") as dialog:
            dialog.border_title = "Go to a time, MET or event"
            dialog.border_subtitle = "enter: go · →: complete · escape: cancel"
            yield Input(
                placeholder="1974-03-12T09:05:53Z · mars6:T+218d15h20m6s · mars6:launch",
                suggester=SuggestFromList(references, case_sensitive=False),
                id="goto-input",
            )
            yield Label("", id="goto-error", markup=False)
            yield Static(
                ACCEPTED_FORMS.replace("accepted forms:", "Accepted forms:")
                + "\n  events here  "
                + listed(references),
                id="goto-forms",
                markup=False,
            )

    @on(Input.Submitted)
    def _go(self, message: Input.Submitted) -> None:
        """Read the time; close with its tick, or say what is wrong and stay open."""
        text = message.value
        try:
            tick = time_in_campaign(text, self.campaign)
        except TimeError as exc:
            error = self.query_one("#goto-error", Label)
            error.update(str(exc).split("\n", 1)[0])
            error.add_class("-shown")
            return
        self.dismiss(tick)

    @on(Input.Changed)
    def _clear_error(self) -> None:
        """A new attempt: hide the old error."""
        self.query_one("#goto-error", Label).remove_class("-shown")

    def action_cancel(self) -> None:
        """Close without moving the clock."""
        self.dismiss(None)
