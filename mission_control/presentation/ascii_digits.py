"""Big clock digits in ASCII, for terminals that cannot show Textual's Digits (drawn with
box-drawing characters): the seven-segment font of pocket calculators, three rows high.

    _   _     _   _     _   _
   | | |_|  : | | |_  :  |_   _|
   |_|  _|    |_|  _|     _|  _|
"""

from __future__ import annotations

FONT: dict[str, tuple[str, str, str]] = {
    "0": (" _ ", "| |", "|_|"),
    "1": ("   ", "  |", "  |"),
    "2": (" _ ", " _|", "|_ "),
    "3": (" _ ", " _|", " _|"),
    "4": ("   ", "|_|", "  |"),
    "5": (" _ ", "|_ ", " _|"),
    "6": (" _ ", "|_ ", "|_|"),
    "7": (" _ ", "  |", "  |"),
    "8": (" _ ", "|_|", "|_|"),
    "9": (" _ ", "|_|", " _|"),
    ":": ("   ", " : ", "   "),
    "-": ("   ", " _ ", "   "),
    " ": ("   ", "   ", "   "),
}


def render_digits(value: str) -> str:
    """Three lines of ASCII for ``value``; characters without a glyph are left blank."""
    glyphs = [FONT.get(char, FONT[" "]) for char in value]
    return "\n".join("".join(glyph[row] for glyph in glyphs) for row in range(3))
