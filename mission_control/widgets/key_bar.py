"""The keys on one line at the bottom; each key can be clicked.

Textual's Footer builds a widget for every key and rebuilds them all whenever the focus
moves; with this app's sixteen keys that was about 0.4 s of CPU after every start (and
half the time of every pilot test). The keys here never change, so one Static will do.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec
from textual.content import Content, Span
from textual.widgets import Static

KEY_STYLE = "b $footer-key-foreground"
DESCRIPTION_STYLE = "$footer-description-foreground"


class KeyHint(msgspec.Struct, frozen=True):
    keys: tuple[str, ...]
    """The key(s) as shown (``+``, ``-``); several keys share one description."""
    description: str
    actions: tuple[str, ...]
    """The app action each key runs when clicked."""


class KeyBar(Static):
    """``space Play/pause  + - speed  n p event …``, clickable."""

    def __init__(self, hints: Iterable[KeyHint], *, id: str | None = None) -> None:
        # The spans markup would give (``[@click=app.x][b $footer-key-foreground]key[/][/]``),
        # made directly: parsing that markup for sixteen keys took a few milliseconds.
        text: list[str] = []
        spans: list[Span] = []
        end = 0

        def add(part: str, *styles: str) -> None:
            nonlocal end
            start, end = end, end + len(part)
            text.append(part)
            spans.extend(Span(start, end, style) for style in styles)

        for number, hint in enumerate(hints):
            if number:
                add("  ")
            for index, (key, action) in enumerate(zip(hint.keys, hint.actions, strict=True)):
                if index:
                    add(" ")
                add(key, f"@click=app.{action}", KEY_STYLE)
            add(" ")
            add(hint.description, DESCRIPTION_STYLE)
        super().__init__(Content("".join(text), spans), id=id)
