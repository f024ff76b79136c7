"""How a status is written on screen: a glyph and a word, and an ASCII fallback for each.

No textual import: the glyph tables are plain data that the command line could share.
Every status has a glyph of its own shape, so the panels read the same without colour.
Where the terminal cannot show them (see :func:`terminal_shows_unicode`), :func:`to_ascii`
gives every character an ASCII stand-in of the same width.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Mapping

from rich.cells import cell_len

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

PHASE_STYLES: dict[str, str] = {
    "pre-launch": "$text-disabled",
    "launch": "$secondary",
    "cruise": "$primary",
    "approach": "$accent",
    "separation": "$warning-lighten-2",
    "entry and descent": "$warning",
    "flyby": "$success-lighten-1",
    "landed": "$success",
    "orbit": "$primary-lighten-2",
    "heliocentric orbit": "$secondary-lighten-2",
    "contact lost": "$error",
    "ended": "$text-muted",
}
"""The one colour of each phase (a part's, see ``phases.PART_PHASES``, which include the
mission's), in the theme's variables: the panels' headers, the help's legend and the
timeline's bands draw a phase in it (through ``theme_styles.ThemeStyles``)."""

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


# --------------------------------------------------------------------------- plain terminals

TIMELINE_ASCII = {"◇": "o", "━": "=", "╵": "'"}
"""Timeline marks whose generic stand-in would read worse (``◇`` is not ``+``)."""

ASCII_CELLS: dict[str, str] = {
    **{GLYPHS[s]: ASCII_GLYPHS[s] for s in Status},
    **TIMELINE_ASCII,
    "▶": ">",
    "◀": "<",
    "‖": "|",
    "·": "|",
    "•": "*",
    "…": "~",
    "≈": "~",
    "×": "x",
    "−": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "‘": "'",
    "’": "'",
    "‚": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "‹": "<",
    "›": ">",
    "←": "<",
    "→": ">",
    "↑": "^",
    "↓": "v",
    "⚠": "!",
    "°": "o",
    "µ": "u",
    "±": "+",
    "🔎": "> ",
}
"""One ASCII stand-in per character, as wide as the character, so no layout moves."""


def _box_stand_in(name: str) -> str | None:
    """``-``, ``|`` or ``+`` for a box-drawing or block character, by its Unicode name."""
    if name.startswith("BOX DRAWINGS"):
        if "DIAGONAL CROSS" in name:
            return "X"
        if "DIAGONAL" in name:
            return "/" if "UPPER RIGHT TO LOWER LEFT" in name else "\\"
        words = set(name.split())
        if "HORIZONTAL" in words and "VERTICAL" not in words:
            return "=" if "DOUBLE" in words else "-"
        if "VERTICAL" in words and "HORIZONTAL" not in words:
            return "|"
        if not words & {"DOWN", "UP", "ARC", "CROSS"} and words & {"LEFT", "RIGHT"}:
            return "-"  # half lines: ╴ ╶ ╸ ╺
        if not words & {"LEFT", "RIGHT", "ARC"} and words & {"UP", "DOWN"}:
            return "|"  # half lines: ╵ ╷ ╹ ╻
        return "+"
    if "SHADE" in name or "QUADRANT" in name or name == "FULL BLOCK":
        return "#"
    if name.endswith(" BLOCK"):
        # Eighths, quarters and halves: Textual's "tall", "wide" and "outer" borders.
        return "|" if "LEFT" in name or "RIGHT" in name else "-"
    return None


class _AsciiTable(dict[int, str]):
    """A ``str.translate`` table that works out each character's stand-in once."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        found = ASCII_CELLS.get(char) or _stand_in(char)
        self[code] = found
        return found


def _stand_in(char: str) -> str:
    if char.isascii():
        return char
    width = cell_len(char)
    if width == 0:
        return ""
    box = _box_stand_in(unicodedata.name(char, ""))
    if box is not None and width == 1:
        return box
    plain = unicodedata.normalize("NFKD", char)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    if plain.isascii() and cell_len(plain) == width:
        return plain  # é -> e, non-breaking space -> space, ² -> 2
    return "?" * width


_ASCII_TABLE = _AsciiTable()


def to_ascii(text: str) -> str:
    """``text`` with every other character replaced by an ASCII one of the same width."""
    return text if text.isascii() else text.translate(_ASCII_TABLE)


ASCII_TERMS = ("linux", "vt100", "vt102", "vt220", "dumb")
"""Terminals whose fonts hold ASCII and little else (the Linux console has 512 glyphs at most,
without most of the status glyphs); ``linux-16color`` and the like count too."""

COERCED_LOCALES = ("C.UTF-8", "C.utf8", "UTF-8")
"""What Python puts in LC_CTYPE when it coerces the C locale at start-up (PEP 538)."""


def locale_shows_unicode(environ: Mapping[str, str], *, started_in_c_locale: bool) -> bool:
    """Whether the user's locale says the terminal shows UTF-8.

    The locale variables are read as the C library reads them (LC_ALL, then LC_CTYPE, then
    LANG). ``C``, ``POSIX`` or another character set (``en_US.ISO-8859-1``) mean ASCII; a
    name in UTF-8 means UTF-8, even one the system has not installed. With no variable set at
    all, nothing says the terminal cannot show UTF-8: like Python itself, assume it can.

    ``started_in_c_locale``: Python found the C locale at start-up (``sys.flags.utf8_mode``
    switched on by itself); an LC_CTYPE of ``C.UTF-8`` is then Python's coercion, not the
    user's, and is skipped.
    """
    names = ["LC_ALL", "LC_CTYPE", "LANG"]
    if (
        started_in_c_locale
        and not environ.get("LC_ALL")
        and environ.get("LC_CTYPE") in COERCED_LOCALES
    ):
        names.remove("LC_CTYPE")
    value = next((environ[name] for name in names if environ.get(name)), None)
    if value is None:
        return True
    codeset = value.partition(".")[2].partition("@")[0]
    return codeset.replace("-", "").replace("_", "").lower() == "utf8"


def terminal_shows_unicode(environ: Mapping[str, str], *, started_in_c_locale: bool) -> bool:
    """Whether to draw with Unicode glyphs and box drawing: a UTF-8 locale, and a terminal
    other than a console (``TERM=linux``) whose font lacks them."""
    term = environ.get("TERM", "").partition("-")[0]
    if term in ASCII_TERMS:
        return False
    return locale_shows_unicode(environ, started_in_c_locale=started_in_c_locale)


def python_started_in_c_locale() -> bool:
    """Python switched UTF-8 mode on by itself: the locale at start-up was C or POSIX."""
    return bool(sys.flags.utf8_mode) and "PYTHONUTF8" not in os.environ
