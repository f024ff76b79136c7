"""Big clock digits in ASCII, for terminals that cannot show Textual's Digits (drawn with
box-drawing characters): the seven-segment font of pocket calculators, three rows high.

    _   _     _   _     _   _
   | | |_|  : | | |_  :  |_   _|
   |_|  _|    |_|  _|     _|  _|
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

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


class AsciiDigits(Widget):
    """Textual's Digits' interface (``value``, ``update()``) in the ASCII font."""

    DEFAULT_CSS = """
    AsciiDigits {
        width: auto;
        height: 3;
    }
    """

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._value = value

    @property
    def value(self) -> str:
        return self._value

    def update(self, value: str) -> None:
        """Show ``value`` in the big font."""
        if value != self._value:
            self._value = value
            self.refresh(layout=True)

    def render(self) -> Content:
        """The three rows."""
        return Content(render_digits(self._value))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """Three cells a character."""
        return 3 * len(self._value)
