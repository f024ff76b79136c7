"""The caption panel: the latest event in the text's own words, and the next one.

The App hands down a :class:`~mission_control.presentation.caption.Caption`; the panel
redraws only when it differs from the one shown (at an event, or when the countdown's whole
unit changes), never on every tick of the clock.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from mission_control.presentation.caption import Caption

HEADING_STYLE = "b $text-accent"


class CaptionPanel(Vertical):
    """``Mars 6 · Atmospheric entry (lander) · 1974-03-12T09:05:53Z “The lander…”`` over
    ``next: … in 5 min``."""

    caption: var[Caption | None] = var(None, init=False)

    def compose(self) -> ComposeResult:
        self._text = Static(id="caption-text", markup=False)
        self._next = Static(id="caption-next", markup=False)
        yield self._text
        yield self._next

    def watch_caption(self, old: Caption | None, caption: Caption | None) -> None:
        """A new event passed, or the countdown's unit changed: show what differs (the
        sentence's lines are not drawn again for a new countdown)."""
        if caption is None:
            return
        if old is None or (old.heading, old.text) != (caption.heading, caption.text):
            heading = (caption.heading, HEADING_STYLE)
            self._text.update(Content.assemble(heading, "  ", caption.text))
        if old is None or old.next != caption.next:
            # One line, cut to the width (styles/app.tcss): its size never changes, so the
            # countdown's change lays nothing out again.
            self._next.update(caption.next, layout=False)
