"""The keys on one line at the bottom; each key can be clicked.

Textual's Footer builds a widget for every key and rebuilds them all whenever the focus
moves; with this app's sixteen keys that was about 0.4 s of CPU after every start (and
half the time of every pilot test). The keys here never change, so one Static will do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.content import Content
from textual.markup import escape
from textual.widgets import Static


@dataclass(frozen=True)
class KeyHint:
    keys: tuple[str, ...]
    """The key(s) as shown (``+``, ``-``); several keys share one description."""
    description: str
    actions: tuple[str, ...]
    """The app action each key runs when clicked."""


class KeyBar(Static):
    """``space Play/pause  + - speed  n p event …``, clickable."""

    def __init__(self, hints: Iterable[KeyHint], *, id: str | None = None) -> None:
        parts = []
        for hint in hints:
            keys = " ".join(
                f"[@click=app.{action}][b $footer-key-foreground]{escape(key)}[/][/]"
                for key, action in zip(hint.keys, hint.actions, strict=True)
            )
            parts.append(f"{keys} [$footer-description-foreground]{escape(hint.description)}[/]")
        super().__init__(Content.from_markup("  ".join(parts)), id=id)
