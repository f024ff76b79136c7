"""What every dialog shares: it closes once, and only while it is the screen on top.

Keys can come faster than a dialog handles them: two enters typed quickly are both read by
its input before the first ``Input.Submitted`` is handled, so the dialog is asked to close
twice. Textual 8 pops whatever screen is on top for each call (or, with only the dashboard
left, raises ``ScreenStackError``); here a dialog that is no longer the active screen ignores
the request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen

from mission_control.screens import DIALOG_CSS

ResultType = TypeVar("ResultType")

# Not a DOM node at run time: Textual takes a screen's CSS and component classes from its
# first DOM node base only, which must stay the screen it extends.
if TYPE_CHECKING:
    _Screen = Screen[Any]
else:
    _Screen = object


class ClosesOnce(_Screen):
    """Mixed in before a screen class: ``dismiss`` acts only while the screen is the active
    one, so once, and never on a screen above it."""

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Close with ``result`` if this is the screen on top; otherwise do nothing."""
        if self.is_active:
            return super().dismiss(result)
        done: AwaitComplete = AwaitComplete.nothing()  # type: ignore[no-untyped-call]
        return done


class Dialog(ClosesOnce, ModalScreen[ResultType]):
    """A modal dialog, styled by ``styles/screens.tcss``."""

    CSS_PATH = DIALOG_CSS
