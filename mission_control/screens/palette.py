"""The dashboard's command palette: Textual's, made safe for keys that come faster than it
handles them.

- It closes once (``ClosesOnce``), and once it has closed it ignores the selections still
  queued: two enters typed quickly each select the highlighted command, and the second would
  close the palette again and run the command twice.
- Page up and page down wait for the list to have a height: the list is filled and shown
  before the next layout gives it one, and Textual's ``OptionList`` pages by looking up
  lines it has not yet measured (a ``KeyError``). A page of a list with no height moves the
  highlight nowhere, so until then the key does nothing.
- A new palette gives way to an old one still among the app's screens
  (``DashboardPalette.in_the_way``): a command chosen in the palette closes it in the
  palette's own handler, and Textual takes it off the screen stack at once but removes it
  from the app only after the app has handled the message it is on. Until then the old
  palette keeps its id, so a palette key already queued at the app would push a second one
  with the same id (``DuplicateIds``). Textual's own ``CommandPalette.is_open`` looks only at
  the screen on top.
"""

from __future__ import annotations

from typing import Any, ClassVar
from weakref import WeakSet

from textual import on
from textual.app import App
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

    _made: ClassVar[WeakSet[DashboardPalette]] = WeakSet()
    """Every dashboard palette not yet collected: where ``in_the_way`` looks."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        DashboardPalette._made.add(self)

    @staticmethod
    def in_the_way(app: App[Any]) -> bool:
        """Is a palette of ``app``'s on its screen stack, or off it but not yet removed (still
        one of the app's screens, holding its id)? A removed screen has no parent."""
        made = list(DashboardPalette._made)
        return CommandPalette.is_open(app) or any(palette.parent is app for palette in made)

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
