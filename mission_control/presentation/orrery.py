"""The orrery: the inner solar system seen from the ecliptic's north, as plain data (a
:class:`Scene`, in AU) and as rows of styled text (:func:`render`, :func:`pane`). The
scene at the replay's moment is made in :mod:`~mission_control.presentation.orrery_scene`.

Everything a craft shows here is modelled, not stated by the articles: a transfer arc from
launch to arrival (the flown part solid, the rest dotted), then the target planet's own
place. So every readout starts with ``≈`` and the legend says so.

Cells of a usual terminal font are twice as tall as wide and a braille cell holds 2×4 dots,
so its dots are square: x and y are scaled alike, in dots. No Textual here; the widget maps
the style names to theme colours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from mission_control.presentation.braille import Canvas, Run

Point = tuple[float, float]
"""Ecliptic x, y in AU, the Sun at the origin."""


@dataclass(frozen=True)
class Planet:
    """A planet at the moment shown, and its orbit as a closed polyline."""

    name: str
    position: Point
    orbit: tuple[Point, ...]


@dataclass(frozen=True)
class Craft:
    """A craft's modelled track (launch to arrival, evenly in time), the share of it flown
    (0 to 1), where it is (None before launch or with no model) and its readout line."""

    name: str
    label: str
    position: Point | None
    track: tuple[Point, ...]
    flown: float
    readout: str


@dataclass(frozen=True)
class Scene:
    """What the orrery shows at one moment: Earth first, then each craft's target."""

    planets: tuple[Planet, ...]
    craft: tuple[Craft, ...]


# --------------------------------------------------------------------------- glyphs and styles

SUN = ("☉", "*")
PLANET_GLYPHS = {
    "Mercury": ("☿", "H"),
    "Venus": ("♀", "V"),
    "Earth": ("⊕", "E"),
    "Mars": ("♂", "M"),
}
"""Each planet's symbol and its ASCII letter: shapes that tell them apart without colour."""
CRAFT_GLYPHS = (("◆", "#"), ("▲", "^"), ("■", "%"), ("▼", "v"))
"""The first craft's marker, the second's...: a shape each, followed by its label."""

STYLE_NAMES: tuple[str, ...] = ("sun", "earth", "planet", "earth-orbit", "planet-orbit")
STYLE_NAMES += ("flown", "planned", "craft", "text", "muted")
"""Every style name the rows use (the widget gives each a theme colour)."""

_ORBIT, _PLANNED, _FLOWN, _SUN, _PLANET, _CRAFT = 1, 2, 3, 5, 6, 7
"""Priorities: what is drawn over what where two share a cell."""

MARGIN_DOTS = 3
"""Dots kept free around the largest orbit, so its markers and labels stay inside."""
SIDE_WIDTH = 22
"""The narrowest column of readouts beside the drawing; narrower, they go under it."""


def planet_glyph(name: str, ascii_only: bool) -> str:
    return PLANET_GLYPHS.get(name, ("●", name[:1].upper() or "?"))[ascii_only]


def craft_marker(scene: Scene, index: int, ascii_only: bool) -> str:
    """The craft's marker as drawn: its glyph and its label (``◆6``)."""
    return CRAFT_GLYPHS[index % len(CRAFT_GLYPHS)][ascii_only] + scene.craft[index].label


def craft_label(name: str) -> str:
    """A craft's short label: its name's last word when that is short (``Mars 6`` → ``6``),
    else its initial."""
    words = name.split()
    if words and len(words[-1]) <= 2:
        return words[-1]
    return name[:1].upper() or "?"


# --------------------------------------------------------------------------- geometry


@dataclass(frozen=True)
class Projection:
    """AU to dots: the Sun at the centre, x and y to one scale, y up."""

    centre_x: float
    centre_y: float
    dots_per_au: float

    def dot(self, point: Point) -> tuple[int, int]:
        scale = self.dots_per_au
        x, y = self.centre_x + point[0] * scale, self.centre_y - point[1] * scale
        return math.floor(x + 0.5), math.floor(y + 0.5)


def extent_au(scene: Scene) -> float:
    """How far from the Sun the drawing reaches: the largest orbit or track. Not the craft's
    positions, which lie on these: so the scale holds still as they move."""
    far = 0.0
    for planet in scene.planets:
        for x, y in (*planet.orbit, planet.position):
            far = max(far, math.hypot(x, y))
    for craft in scene.craft:
        for x, y in craft.track:
            far = max(far, math.hypot(x, y))
    return far or 1.0


def projection(scene: Scene, width: int, height: int) -> Projection:
    """The scale that fits :func:`extent_au` into ``width`` × ``height`` cells with a margin."""
    dot_w, dot_h = 2 * width, 4 * height
    half = max(1.0, min(dot_w, dot_h) / 2 - MARGIN_DOTS)
    return Projection((dot_w - 1) / 2, (dot_h - 1) / 2, half / extent_au(scene))


def _split(craft: Craft) -> tuple[list[Point], list[Point]]:
    """The track flown and the track to come, meeting at the craft's position."""
    track = list(craft.track)
    if craft.flown <= 0 or craft.flown >= 1 or len(track) < 2:
        return (track, []) if craft.flown >= 1 else ([], track)
    cut = craft.flown * (len(track) - 1)
    whole, share = math.floor(cut), cut % 1
    (x0, y0), (x1, y1) = track[whole], track[whole + 1]
    here = craft.position or (x0 + (x1 - x0) * share, y0 + (y1 - y0) * share)
    return [*track[: whole + 1], here], [here, *track[whole + 1 :]]


def _flown_index(craft: Craft) -> int:
    return math.floor(max(0.0, min(1.0, craft.flown)) * max(0, len(craft.track) - 1))


def dots_key(scene: Scene, width: int, height: int) -> tuple[object, ...]:
    """Everything the drawing depends on, in whole dots: equal keys, equal drawings. A
    replay moving a craft less than a dot needs no new drawing."""
    view = projection(scene, width, height)
    planets = tuple((p.name, view.dot(p.position), len(p.orbit)) for p in scene.planets)
    craft = tuple(
        (c.label, c.position and view.dot(c.position), len(c.track), _flown_index(c))
        for c in scene.craft
    )
    return width, height, view.dots_per_au, planets, craft


# --------------------------------------------------------------------------- drawing


def render(
    scene: Scene, width: int, height: int, ascii_only: bool, no_color: bool
) -> list[list[Run]]:
    """The drawing in ``width`` × ``height`` cells, as rows of (text, style name) runs.

    Orbits are solid thin lines in colour and dotted without it, so that a craft's solid
    flown track stands apart from them by shape alone; a track still to fly is dotted
    more widely.
    """
    canvas = Canvas(width, height, ascii_only=ascii_only)
    if width <= 0 or height <= 0:
        return canvas.rows()
    view = projection(scene, width, height)
    orbit_every = 2 if no_color else 1
    for index, planet in enumerate(scene.planets):
        orbit = [view.dot(p) for p in planet.orbit]
        if orbit:
            orbit.append(orbit[0])
        style = "earth-orbit" if index == 0 else "planet-orbit"
        canvas.polyline(orbit, style, _ORBIT, every=orbit_every)
    for craft in scene.craft:
        flown, planned = _split(craft)
        canvas.polyline([view.dot(p) for p in planned], "planned", _PLANNED, every=3)
        canvas.polyline([view.dot(p) for p in flown], "flown", _FLOWN)

    def cell(point: Point) -> tuple[int, int]:
        x, y = view.dot(point)
        return x // 2, y // 4

    sun_col, sun_row = cell((0.0, 0.0))
    canvas.text(sun_col, sun_row, SUN[ascii_only], "sun", _SUN)
    for index, planet in enumerate(scene.planets):
        col, row = cell(planet.position)
        style = "earth" if index == 0 else "planet"
        canvas.text(col, row, planet_glyph(planet.name, ascii_only), style, _PLANET)
    for index, craft in enumerate(scene.craft):
        if craft.position is None:
            continue
        marker = craft_marker(scene, index, ascii_only)
        col, row = _place(canvas, *cell(craft.position), len(marker))
        canvas.text(col, row, marker, "craft", _CRAFT)
    return canvas.rows()


def _place(canvas: Canvas, col: int, row: int, length: int) -> tuple[int, int]:
    """Where a marker of ``length`` cells goes: at its cell, else the nearest place beside
    it that hides no other glyph (two craft a day apart share a cell), else at its cell."""
    for d_row in (0, 1, -1, 2, -2):
        for d_col in (0, -length + 1, 1, -length):
            if canvas.free(col + d_col, row + d_row, length, 0):
                return col + d_col, row + d_row
    return col, row


# --------------------------------------------------------------------------- the pane


@dataclass(frozen=True)
class Layout:
    """Where the pane's parts go: the drawing's size, and whether the readouts stand
    beside it (``side``) or under it."""

    draw_width: int
    draw_height: int
    side: bool


LEGENDS = (
    "≈ modelled transfer: solid flown, dotted to come; after arrival the craft follows the planet",
    "≈ modelled: solid flown, dotted to come; after arrival, with the planet",
    "≈ modelled: solid flown, dotted to come",
    "≈ modelled",
)
"""The legend line, longest first: the longest that fits is shown."""


def layout(width: int, height: int, craft: int) -> Layout:
    """A drawing as tall as the pane less its legend line and square in dots, narrowed
    (down to half that) to leave a column of :data:`SIDE_WIDTH` for the readouts beside
    it; where even that does not fit, the drawing takes the pane's width and the readouts
    a line each under it."""
    rows = height - 1 if height >= 4 else height
    draw_width = min(2 * rows, width - SIDE_WIDTH - 1)
    if rows > 0 and draw_width >= max(8, rows):
        return Layout(draw_width, rows, True)
    under = min(craft, max(0, rows - 3))
    return Layout(width, rows - under, False)


def _fit(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)] + "…" if width > 0 else ""


def _pack(parts: Sequence[str], width: int, indent: str) -> list[str]:
    """``parts`` joined by `` · `` into lines of ``width`` at most, later lines indented."""
    lines: list[str] = []
    line = ""
    for part in parts:
        if not line:
            line = part
        elif len(line) + 3 + len(part) <= width:
            line += " · " + part
        else:
            lines.append(line)
            line = indent + part
    if line:
        lines.append(line)
    return [_fit(line, width) for line in lines]


def side_lines(scene: Scene, width: int, ascii_only: bool) -> list[list[Run]]:
    """The column beside the drawing: a key to the planets' symbols, then each craft's
    marker, name and readout, its parts packed into the column's width."""
    key = [f"{SUN[ascii_only]} Sun"]
    key += [f"{planet_glyph(p.name, ascii_only)} {p.name}" for p in scene.planets]
    lines: list[list[Run]] = [[(line, "muted")] for line in _pack(key, width, "")]
    for index, craft in enumerate(scene.craft):
        marker = craft_marker(scene, index, ascii_only)
        lines.append([(marker, "craft"), (_fit(f" {craft.name}", width - len(marker)), "text")])
        parts = craft.readout.split(" · ") if craft.readout else []
        lines += [[(line, "text")] for line in _pack(parts, width, "")]
    return lines


class PaneParts(NamedTuple):
    """The pane cut where its parts change at different rates: the drawing (when a marker
    moves a dot), the column beside it (each moment: the readouts), and the lines under
    both (readouts under a narrow drawing, then the legend)."""

    layout: Layout
    drawing: list[list[Run]]
    side: list[list[Run]]
    under: list[list[Run]]


def pane_parts(
    scene: Scene,
    width: int,
    height: int,
    ascii_only: bool,
    no_color: bool,
    drawing: list[list[Run]] | None = None,
) -> PaneParts:
    """The pane's parts (``drawing``, if already made for this layout, is used as it is)."""
    shape = layout(max(width, 0), max(height, 0), len(scene.craft))
    if width <= 0 or height <= 0:
        return PaneParts(shape, [], [], [])
    if drawing is None:
        drawing = render(scene, shape.draw_width, shape.draw_height, ascii_only, no_color)
    drawing = drawing[: shape.draw_height]
    side: list[list[Run]] = []
    under: list[list[Run]] = []
    if shape.side:
        side = side_lines(scene, width - shape.draw_width - 1, ascii_only)[: shape.draw_height]
    else:
        # A line under the drawing for each craft: marker, then readout.
        for index, craft in enumerate(scene.craft[: max(0, height - 1 - len(drawing))]):
            marker = craft_marker(scene, index, ascii_only)
            under.append(
                [(marker, "craft"), (_fit(" " + craft.readout, width - len(marker)), "text")]
            )
    if len(drawing) + len(under) < height:
        text = next((text for text in LEGENDS if len(text) <= width), LEGENDS[-1][:width])
        under.append([(text, "muted")])
    return PaneParts(shape, drawing, side, under)


def pane(
    scene: Scene,
    width: int,
    height: int,
    ascii_only: bool,
    no_color: bool,
    drawing: list[list[Run]] | None = None,
) -> list[list[Run]]:
    """The whole pane as one list of lines: the drawing, the readouts beside or under it,
    and the legend on the last line."""
    parts = pane_parts(scene, width, height, ascii_only, no_color, drawing)
    rows: list[list[Run]] = []
    for row in range(len(parts.drawing)):
        line = list(parts.drawing[row])
        if row < len(parts.side):
            line += [(" ", None), *parts.side[row]]
        rows.append(line)
    return (rows + parts.under)[:height]
