"""The caption panel: the latest event in the text's own words, and the next one.

The App hands down a :class:`~mission_control.presentation.caption.Caption`; the panel
builds what it shows only when that differs from the one shown (at an event, or when the
countdown's whole unit changes), never on every tick of the clock. It is one widget that
draws its text itself, not a container of two: the caption is on the first frame, and each
widget there adds to the time it takes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.reactive import var
from textual.widget import Widget

if TYPE_CHECKING:
    from mission_control.presentation.caption import Caption

HEADING_STYLE = "b $text-accent"
NEXT_STYLE = "$text-warning"


class CaptionPanel(Widget):
    """``Mars 6 · Atmospheric entry (lander) · 1974-03-12T09:05:53Z “The lander…”``, and
    under it ``next: … in 5 min`` when the panel is tall (class ``-tall``: below that the
    clock's line has the next event, and the sentence has two lines)."""

    caption: var[Caption | None] = var(None, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._drawn: tuple[Caption, bool] | None = None
        self._content = Content("")

    @property
    def content(self) -> Content:
        """What the panel shows now."""
        self._build()
        return self._content

    def watch_caption(self, old: Caption | None, caption: Caption | None) -> None:
        """A new event passed, or the countdown's unit changed: laid out again only when
        the sentence or the length of the next line changed (a countdown's new digit is
        drawn in place)."""
        if caption is None:
            return
        same = (
            old is not None
            and (old.heading, old.text) == (caption.heading, caption.text)
            and len(old.next) == len(caption.next)
        )
        self.refresh(layout=not same)

    def _build(self) -> None:
        caption, tall = self.caption, self.has_class("-tall")
        if caption is None or self._drawn == (caption, tall):
            return
        text = Content.assemble((caption.heading, HEADING_STYLE), "  ", caption.text)
        if tall and caption.next:
            text = Content.assemble(text, "\n", (caption.next, NEXT_STYLE))
        self._content, self._drawn = text, (caption, tall)

    def render(self) -> Content:
        return self.content
