"""The dashboard's command palette: Textual's, made safe for keys that come faster than it
handles them.

- It closes once (``ClosesOnce``), and once it has closed it ignores the selections still
  queued: two enters typed quickly each select the highlighted command, and the second would
  close the palette again and run the command twice.
- Page up and page down wait for the list to have a height: the list is filled and shown
  before the next layout gives it one, and Textual's ``OptionList`` pages by looking up
  lines it has not yet measured (a ``KeyError``). A page of a list with no height moves the
  highlight nowhere, so until then the key does nothing.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.message import Message
from textual.widgets import Input, OptionList

from mission_control.screens.dialog import ClosesOnce


class DashboardPalette(ClosesOnce, CommandPalette):
    """Textual's command palette, closed once, paging only a list laid out."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _ignore_once_closed(self, message: Message) -> None:
        """A command chosen after the palette has closed: not run, not closed again (its
        own handlers, which run after this one, are skipped)."""
        if not self.is_active:
            message.prevent_default()
            message.stop()

    def action_page(self, direction: int) -> None:
        """Move the highlight a page down (1) or up (-1), once the list has a height."""
        commands = self.query_one(CommandList)
        if not commands.scrollable_content_region:
            return
        if direction > 0:
            commands.action_page_down()  # type: ignore[no-untyped-call]
        else:
            commands.action_page_up()  # type: ignore[no-untyped-call]
