"""A drawing canvas of terminal cells, each holding 2×4 dots drawn as a braille character
(U+2800 to U+28FF), or, for terminals that cannot show braille, one ASCII character that
says where in the cell its dots are.

Each cell also holds one style name and a text glyph, each set by the highest priority
that drew there (the later of two equal ones), so a marker drawn over an orbit keeps its
own style. Rows come out as runs of (text, style name): the caller maps names to colours.
No Textual: this is plain data.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

BRAILLE_BASE = 0x2800
DOT_BITS: tuple[tuple[int, int, int, int], tuple[int, int, int, int]] = (
    (0x01, 0x02, 0x04, 0x40),
    (0x08, 0x10, 0x20, 0x80),
)
"""The bit of each dot: ``DOT_BITS[column][row]``, columns left to right, rows top to
bottom (the braille standard's dots 1-2-3-7 and 4-5-6-8)."""

_UPPER = 0x01 | 0x02 | 0x08 | 0x10
_LOWER = 0x04 | 0x40 | 0x20 | 0x80

Run = tuple[str, str | None]
"""A stretch of text and the style name it is drawn in (None: the widget's own)."""


def ascii_cell(bits: int) -> str:
    """One ASCII character for a cell's dots: ``'`` dots in its upper half only, ``.`` in
    its lower half only, ``:`` in both, a space for none. A line keeps its shape, at a
    quarter of braille's resolution."""
    upper, lower = bool(bits & _UPPER), bool(bits & _LOWER)
    if upper and lower:
        return ":"
    if upper:
        return "'"
    if lower:
        return "."
    return " "


class Canvas:
    """``width`` × ``height`` cells of ``2 * width`` × ``4 * height`` dots; dot (0, 0) is
    the top left. Drawing outside the canvas is ignored, so a caller clips nothing."""

    def __init__(self, width: int, height: int, *, ascii_only: bool = False) -> None:
        self.width = max(0, width)
        self.height = max(0, height)
        self.ascii_only = ascii_only
        cells = self.width * self.height
        self._bits = [0] * cells
        self._style: list[str | None] = [None] * cells
        self._style_priority = [-1] * cells
        self._glyph: list[str | None] = [None] * cells
        self._glyph_priority = [-1] * cells

    @property
    def dot_width(self) -> int:
        return 2 * self.width

    @property
    def dot_height(self) -> int:
        return 4 * self.height

    def _restyle(self, index: int, style: str | None, priority: int) -> None:
        if style is not None and priority >= self._style_priority[index]:
            self._style[index] = style
            self._style_priority[index] = priority

    def set(self, x: int, y: int, style: str | None = None, priority: int = 0) -> None:
        """Set dot (x, y), and the cell's style if ``priority`` is at least its own."""
        if not (0 <= x < 2 * self.width and 0 <= y < 4 * self.height):
            return
        index = (y >> 2) * self.width + (x >> 1)
        self._bits[index] |= DOT_BITS[x & 1][y & 3]
        self._restyle(index, style, priority)

    def is_set(self, x: int, y: int) -> bool:
        """Whether dot (x, y) is set (False outside the canvas)."""
        if not (0 <= x < 2 * self.width and 0 <= y < 4 * self.height):
            return False
        return bool(self._bits[(y >> 2) * self.width + (x >> 1)] & DOT_BITS[x & 1][y & 3])

    def line(
        self,
        x0: int,
        y0: int,
        x1: int,
        y1: int,
        style: str | None = None,
        priority: int = 0,
        *,
        every: int = 1,
        phase: int = 0,
    ) -> int:
        """Bresenham's line from (x0, y0) to (x1, y1), both ends included; with ``every``
        k > 1 only every k-th dot (a dotted line), counting from ``phase``. Returns the
        phase for a next segment that carries the dotting on evenly."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx = 1 if x0 < x1 else -1
        sy = 1 if y0 < y1 else -1
        error = dx + dy
        x, y = x0, y0
        while True:
            if phase % every == 0:
                self.set(x, y, style, priority)
            phase += 1
            if x == x1 and y == y1:
                return phase
            double = 2 * error
            if double >= dy:
                error += dy
                x += sx
            if double <= dx:
                error += dx
                y += sy

    def polyline(
        self,
        points: Sequence[tuple[int, int]],
        style: str | None = None,
        priority: int = 0,
        *,
        every: int = 1,
    ) -> None:
        """Lines through ``points`` in turn; a dotted one keeps its spacing across corners
        (each shared point is drawn once)."""
        phase = 0
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            phase = self.line(x0, y0, x1, y1, style, priority, every=every, phase=phase) - 1
        if len(points) == 1:
            self.set(*points[0], style, priority)

    def text(
        self, column: int, row: int, text: str, style: str | None = None, priority: int = 0
    ) -> None:
        """Put ``text`` over the cells from (column, row) rightwards, one character a cell,
        each where ``priority`` is at least the glyph already there."""
        if not 0 <= row < self.height:
            return
        for offset, char in enumerate(text):
            col = column + offset
            if not 0 <= col < self.width:
                continue
            index = row * self.width + col
            if priority >= self._glyph_priority[index]:
                self._glyph[index] = char
                self._glyph_priority[index] = priority
                self._restyle(index, style, priority)

    def free(self, column: int, row: int, length: int, priority: int) -> bool:
        """Whether ``length`` cells from (column, row) are inside the canvas and hold no
        glyph of ``priority`` or more (a place for a label that hides none)."""
        if not (0 <= row < self.height and column >= 0 and column + length <= self.width):
            return False
        start = row * self.width + column
        return all(p < priority for p in self._glyph_priority[start : start + length])

    def cell(self, column: int, row: int) -> str:
        """The character cell (column, row) shows."""
        index = row * self.width + column
        glyph = self._glyph[index]
        if glyph is not None:
            return glyph
        bits = self._bits[index]
        if self.ascii_only:
            return ascii_cell(bits)
        return chr(BRAILLE_BASE + bits) if bits else " "

    def rows(self) -> list[list[Run]]:
        """Each row as runs of equal style (a cell with nothing drawn has none)."""
        out: list[list[Run]] = []
        for row in range(self.height):
            runs: list[Run] = []
            chars: list[str] = []
            current: str | None = None
            for col in range(self.width):
                index = row * self.width + col
                has_ink = self._bits[index] or self._glyph[index] is not None
                style = self._style[index] if has_ink else None
                if style != current and chars:
                    runs.append(("".join(chars), current))
                    chars = []
                current = style
                chars.append(self.cell(col, row))
            if chars:
                runs.append(("".join(chars), current))
            out.append(runs)
        return out

    def lines(self) -> list[str]:
        """Each row's text alone."""
        return ["".join(text for text, _ in runs) for runs in self.rows()]


def join_runs(runs: Iterable[Run]) -> str:
    """The text of a row of runs."""
    return "".join(text for text, _ in runs)
