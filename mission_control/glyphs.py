"""How a status is written on screen: a glyph and a word, and an ASCII fallback for each.

No textual import: the glyph tables are plain data that the command line could share.
Every status has a glyph of its own shape, so the panels read the same without colour.
"""

from __future__ import annotations

from mission_control.model import Status

GLYPHS: dict[Status, str] = {
    Status.NORMAL: "●",
    Status.CAUTION: "▲",
    Status.SERIOUS: "◆",
    Status.CRITICAL: "✖",
    Status.STANDBY: "◌",
    Status.OFF: "○",
    Status.UNKNOWN: "?",
}

ASCII_GLYPHS: dict[Status, str] = {
    Status.NORMAL: "*",
    Status.CAUTION: "!",
    Status.SERIOUS: "#",
    Status.CRITICAL: "X",
    Status.STANDBY: "~",
    Status.OFF: "o",
    Status.UNKNOWN: "?",
}

# Most severe first, as the help screen's legend lists them.
LEGEND_ORDER: tuple[Status, ...] = tuple(
    sorted(Status, key=lambda s: (s is Status.UNKNOWN, -s.severity))
)


def glyph(status: Status, *, ascii_only: bool = False) -> str:
    """The status's glyph (``●``), or its ASCII stand-in (``*``) for plain terminals."""
    return (ASCII_GLYPHS if ascii_only else GLYPHS)[status]


def label(status: Status, *, ascii_only: bool = False) -> str:
    """Glyph and word: ``✖ critical``."""
    return f"{glyph(status, ascii_only=ascii_only)} {status.value}"
