"""Where the dashboard shows the orrery, and the work it starts once the first frame is
shown: the widget mounted, then the transfers planned in a thread."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual import work
from textual.containers import Container
from textual.reactive import var
from textual.widget import Widget

from mission_control.campaign import Campaign
from mission_control.controls import DashboardControls
from mission_control.state import CampaignState
from mission_control.terminal import in_daemon_thread
from mission_control.widgets.status_reason import StatusReason

if TYPE_CHECKING:
    from mission_control.trajectory import Transfer
    from mission_control.widgets.orrery import Orrery


class OrreryHost(DashboardControls):
    """The orrery's place (a pane of its own, or the status panels' place) and its start."""

    show_orrery: var[bool | None] = var(None, init=False)
    """Whether the orrery is shown; None until ``o`` is pressed: shown where it has a pane
    of its own, not where it would hide the status panels."""

    orrery_has_pane = False
    """Whether the terminal has room for the orrery beside the event log (the App's layout
    sets it for each size)."""
    _orrery: Orrery | None = None
    _state: CampaignState | None = None
    _positions = False
    """Whether states carry the crafts' modelled positions: only once the transfers are
    planned, after the first frame."""
    _shown_second: int | None
    _lower: Widget
    _orrery_slot: Container
    _panel_row: Widget
    _reason: StatusReason

    @property
    def orrery_shown(self) -> bool:
        """Whether the orrery is shown, by the user's choice or else by the room for it."""
        return self.orrery_has_pane if self.show_orrery is None else self.show_orrery

    def _place_orrery(self) -> None:
        """The orrery in a pane right of the log where there is room; elsewhere in place of
        the status panels (and their reason line, which speaks of them)."""
        shown, pane = self.orrery_shown, self.orrery_has_pane
        self._lower.set_class(shown and pane, "-pane")
        self._lower.set_class(shown and not pane, "-swap")
        panels = not (shown and not pane)
        if self._panel_row.display != panels:  # any setting is an inline style: a relayout
            self._panel_row.display = self._reason.display = panels
        if shown and self._orrery is not None and self._state is not None:
            self._orrery.state = self._state  # a hidden orrery is not kept up to date

    def watch_show_orrery(self) -> None:
        """Shown or hidden with ``o``."""
        if self._state is not None:
            self._place_orrery()

    def action_toggle_orrery(self) -> None:
        """Show or hide the orrery."""
        self.show_orrery = not self.orrery_shown

    def _start_orrery(self) -> None:
        """Mount the orrery once the first frame is shown, then plan the transfers: its
        module and the model it draws are imported here, as the first frame needs neither."""
        if not self._lower.is_attached:
            return  # the app is ending (a signal came as the first frame was shown)
        from mission_control.widgets.orrery import Orrery

        self._orrery = Orrery(ascii_only=self.ascii_only, id="orrery").data_bind(
            units=OrreryHost.unit_system
        )
        # Its pane too: an empty pane would cost the first frame its styling and layout.
        self._orrery_slot = Container(self._orrery, id="orrery-slot")
        self._orrery_slot.border_title = "Orrery"
        self._lower.mount(self._orrery_slot, before=0)
        self._plan_transfers()

    @work(exclusive=True, group="transfers")
    async def _plan_transfers(self) -> None:
        """Each mission's transfer, solved once in a daemon thread (as the quantities are),
        then every state from now on carries the crafts' modelled positions."""
        self._transfers_ready(await in_daemon_thread(Campaign.transfers, self.campaign))

    def _transfers_ready(self, transfers: Mapping[str, Transfer | None]) -> None:
        """Draw from now on with the crafts' positions: the state is made again at once."""
        self._positions = True
        if self._orrery is not None:
            self._orrery.reasons = self.campaign.transfer_warnings()
            self._orrery.transfers = transfers
        self._shown_second = None
        self.poll()
