"""How the event log draws one line: each column's style in the theme's colours, the line's
indent, and a line drawn to the pane's width (an event's, or the one that says why an empty
log is empty). What a line says is :mod:`~mission_control.presentation.event_lines`'s."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.geometry import Spacing
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, Visual
from textual.widget import Widget

from mission_control.presentation.event_lines import Column

LINE_PADDING = Spacing(0, 0, 0, 1)
"""Every line's indent."""

STYLES = {
    "time": "$text-muted",
    "craft": "$text-accent",
    "part": "$text-secondary",
    "summary": "$foreground",
    "failed": "bold $text-error",
    "planned": "italic $text-muted",
    "quantities": "$text-primary",
    "line": "",
    "cursor": "$foreground on $block-cursor-blurred-background $block-cursor-blurred-text-style",
    "hover": "on $block-hover-background",
}
"""Each column's style (by its part, see :class:`EventLines`), and each line's: any line,
the cursor's and the mouse's, in the theme's colours (see :mod:`~mission_control.theme_styles`)."""
FOCUSED_STYLES = {
    "cursor": "$block-cursor-foreground on $block-cursor-background $block-cursor-text-style",
}
"""The cursor's line while the log has focus."""


def assemble(columns: list[Column], styles: Mapping[str, Style]) -> Content:
    """A line's columns, each in its element's style, one space apart."""
    drawn = [(text, styles[element]) for text, element in columns]
    return Content.assemble(*[piece for column in drawn for piece in (column, " ")][:-1])


def drawn(widget: Widget, content: Content, width: int, style: Style) -> Strip:
    """``content`` indented, as one strip filling ``width`` cells in ``style``."""
    strips = Visual.to_strips(widget, Padding(content, LINE_PADDING), width, None, style)
    strip = strips[0] if strips else Strip.blank(0)
    return strip.extend_cell_length(width, style.rich_style)
