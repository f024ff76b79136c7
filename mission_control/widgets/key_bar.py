"""The keys on one line at the bottom; each key can be clicked.

Textual's Footer builds a widget for every key and rebuilds them all whenever the focus
moves; with this app's sixteen keys that was about 0.4 s of CPU after every start (and
half the time of every pilot test). The keys here change only with the bar's width, so
one Static will do: the hints that fit whole, and where some do not, a ``? more`` hint
in place of help's (the help screen lists every key).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import msgspec
from rich.cells import cell_len
from textual import events
from textual.content import Content, Span
from textual.widgets import Static

KEY_STYLE = "b $footer-key-foreground"
DESCRIPTION_STYLE = "$footer-description-foreground"
HELP_ACTION = "help"
SEPARATOR = "  "


class KeyHint(msgspec.Struct, frozen=True):
    keys: tuple[str, ...]
    """The key(s) as shown (``+``, ``-``); several keys share one description."""
    description: str
    actions: tuple[str, ...]
    """The app action each key runs when clicked."""

    @property
    def width(self) -> int:
        """Cells the hint takes: ``+ - speed`` is 9."""
        return sum(cell_len(key) + 1 for key in self.keys) + cell_len(self.description)


def fit_hints(hints: Sequence[KeyHint], width: int) -> list[KeyHint]:
    """The hints that fit ``width`` cells whole, in order. When some do not, help's hint
    becomes ``? more`` and goes last, after as many of the others as fit beside it."""

    widths = [hint.width + len(SEPARATOR) for hint in hints]  # each with a separator
    if sum(widths) - len(SEPARATOR) <= width:
        return list(hints)
    help_hint = next((hint for hint in hints if HELP_ACTION in hint.actions), None)
    if help_hint is None:
        more: list[KeyHint] = []
    else:
        more = [KeyHint(help_hint.keys, "more", help_hint.actions)]
    used = sum(hint.width + len(SEPARATOR) for hint in more) - len(SEPARATOR)
    shown: list[KeyHint] = []
    for hint, cells in zip(hints, widths, strict=True):
        if hint is help_hint:
            continue
        if used + cells > width:
            break
        shown.append(hint)
        used += cells
    return [*shown, *more]


def hints_content(hints: Iterable[KeyHint]) -> Content:
    """``space Play/pause  + - speed``: the keys bold and clickable, in the footer's colours."""
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
            add(SEPARATOR)
        for index, (key, action) in enumerate(zip(hint.keys, hint.actions, strict=True)):
            if index:
                add(" ")
            add(key, f"@click=app.{action}", KEY_STYLE)
        add(" ")
        add(hint.description, DESCRIPTION_STYLE)
    return Content("".join(text), spans)


class KeyBar(Static):
    """``space Play/pause  + - speed  n p event … ? more``, clickable."""

    def __init__(
        self, hints: Iterable[KeyHint], *, width: int | None = None, id: str | None = None
    ) -> None:
        """``width``: the cells the bar is expected to have, so that the first frame draws
        the hints that fit at once rather than all of them and then those again."""
        self.hints = tuple(hints)
        self._shown = self.hints if width is None else tuple(fit_hints(self.hints, width))
        super().__init__(hints_content(self._shown), id=id)

    def on_resize(self, event: events.Resize) -> None:
        """Another width: the hints that fit it (the text is made again only if they differ).
        The bar is one row at the bottom whatever it says, so nothing is laid out again: a
        layout of the whole screen here was the first frame's costliest step of the bar."""
        shown = tuple(fit_hints(self.hints, self.content_size.width))
        if shown != self._shown:
            self._shown = shown
            self.update(hints_content(shown), layout=False)
