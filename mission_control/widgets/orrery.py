"""The orrery pane: the Sun, Earth's and each target planet's orbits, each craft's modelled
track and place at the replay's moment, and a readout line for each craft.

A pure function of the moment, like the rest of the dashboard: seeking back draws what
playing forward drew. The drawing (``presentation.orrery``) is made again only when a
marker moves by a dot or the size, theme or settings change; the readouts, which change
every second of a running replay, are cheap text.

Textual sends a repainted line whole from its widget's left edge, so the pane is three
widgets: the drawing, the column beside it and the lines under both. A readout that changes
at every moment of a running replay then resends its own line, not the drawing beside it;
and each widget repaints only the lines that changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.geometry import Region
from textual.reactive import var
from textual.strip import Strip
from textual.widget import Widget

from mission_control.presentation.braille import Run
from mission_control.presentation.orrery import (
    Scene,
    dots_key,
    layout,
    pane_parts,
    render,
)
from mission_control.presentation.orrery_scene import scene_at
from mission_control.theme_styles import ThemeStyles

if TYPE_CHECKING:
    from mission_control.state import CampaignState
    from mission_control.trajectory import Transfer

STYLES = {
    "sun": "bold $text-warning",
    "earth": "bold $text-primary",
    "planet": "bold $text-error",
    "earth-orbit": "$primary-lighten-1",
    "planet-orbit": "$error-darken-1",
    "flown": "$text-accent",
    "planned": "$text-muted",
    "craft": "bold $text",
    "text": "$foreground",
    "muted": "$text-muted",
}
"""The style of each part of the drawing, in the theme's colours (see
:mod:`~mission_control.theme_styles`); the names are ``presentation.orrery.STYLE_NAMES``."""


UNDATED = "no date to place the planets at"
"""The pane's one line when no mission states a dated event."""


class Lines(Widget):
    """Lines of text runs, each named by style: only the lines that change are repainted."""

    def __init__(self, styles: ThemeStyles, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._styles = styles
        self.lines: list[list[Run]] = []

    def show(self, lines: list[list[Run]]) -> None:
        """Show ``lines``, repainting those that differ from the lines shown."""
        old, self.lines = self.lines, lines
        if len(old) != len(lines):
            self.refresh()
            return
        width = self.size.width
        pairs = enumerate(zip(old, lines, strict=True))
        changed = [Region(0, y, width, 1) for y, (a, b) in pairs if a != b]
        if changed:
            self.refresh(*changed)

    def render_line(self, y: int) -> Strip:
        """One line, in the theme's styles."""
        width = self.size.width
        base = self.rich_style
        if not 0 <= y < len(self.lines):
            return Strip.blank(width, base)
        styles = self._styles.of(self)
        segments = [
            Segment(text, styles[style] if style is not None else base)
            for text, style in self.lines[y]
        ]
        return Strip(segments).extend_cell_length(width, base).crop(0, width)


class Orrery(Widget):
    """The inner solar system from above, with each craft's modelled track and readout."""

    # The pane's own layout of its three parts, kept with it rather than in styles/app.tcss:
    # a widget's default CSS is parsed when it is first mounted, after the first frame, and
    # the app's stylesheet is parsed before it. The app sizes the drawing's width and the
    # lines under it to what they hold.
    DEFAULT_CSS = """
    Orrery { width: 1fr; height: 1fr; layout: vertical; }
    Orrery #orrery-top { height: 1fr; }
    Orrery #orrery-drawing { height: 100%; }
    Orrery #orrery-side { width: 1fr; height: 100%; }
    Orrery #orrery-under { width: 1fr; }
    """

    state: var[CampaignState | None] = var(None, init=False)
    """The moment shown (the app sets it each second shown)."""
    units: var[str] = var("si", init=False)
    transfers: var[Mapping[str, Transfer | None] | None] = var(None, init=False)
    """Each mission's modelled transfer; None until the app has planned them."""
    reasons: Mapping[str, str] = {}
    """Why a mission has no transfer, by mission id (set with :attr:`transfers`)."""

    def __init__(self, *, ascii_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ascii_only = ascii_only
        self._styles = ThemeStyles(STYLES)
        self._scene: Scene | None = None
        self._shown: tuple[object, ...] | None = None
        self._drawing: tuple[tuple[object, ...], list[list[Run]]] | None = None
        self.redraws = 0
        """How many times the drawing was made (not the readouts): for tests."""
        # Held, not queried: the app may be ending (a signal) while the pane is mounted.
        self._parts = (
            Lines(self._styles, id="orrery-drawing"),
            Lines(self._styles, id="orrery-side"),
            Lines(self._styles, id="orrery-under"),
        )

    def compose(self) -> ComposeResult:
        drawing, side, under = self._parts
        with Horizontal(id="orrery-top"):
            yield drawing
            yield side
        yield under

    def watch_state(self) -> None:
        """A new moment: repaint if a marker moved a dot or a readout changed."""
        self._update()

    def watch_transfers(self) -> None:
        """The transfers are planned: draw the tracks."""
        self._update()

    def watch_units(self) -> None:
        """Units changed: the readouts say so."""
        self._update()

    def on_resize(self) -> None:
        """A new size: a new scale."""
        self._shown = None
        self._update()

    def _update(self) -> None:
        if self.state is None or self.transfers is None or not self.is_mounted:
            return
        if not any(m.track.ticks for m in self.state.missions):
            self._show_undated()
            return
        self._scene = scene_at(self.state, self.transfers, units=self.units, reasons=self.reasons)
        shown = self._key(self._scene), tuple(c.readout for c in self._scene.craft)
        if shown != self._shown:
            self._shown = shown
            self._show_parts(self._scene)

    def _show_undated(self) -> None:
        """No mission states a dated event, so there is no moment to place the planets at:
        a line says so where the drawing would be, and nothing is drawn."""
        drawing, side, under = self._parts
        side.display = False
        drawing.styles.width = max(self.size.width, 1)
        under.styles.height = 0
        drawing.show([[(UNDATED, "muted")]])
        under.show([])

    def _key(self, scene: Scene) -> tuple[object, ...]:
        width, height = self.size
        shape = layout(width, height, len(scene.craft))
        return (
            shape,
            dots_key(scene, shape.draw_width, shape.draw_height),
            self.ascii_only,
            self.app.no_color,
        )

    @property
    def plain(self) -> str:
        """The pane as shown, as plain text (the drawing, the column beside it, the lines
        under both)."""
        if not self.is_mounted:
            return ""
        drawing, side, under = (part.lines for part in self._parts)
        lines = []
        for row, runs in enumerate(drawing):
            text = "".join(t for t, _ in runs)
            if row < len(side) and self._parts[1].display:
                text += " " + "".join(t for t, _ in side[row])
            lines.append(text)
        lines += ["".join(t for t, _ in runs) for runs in under]
        return "\n".join(lines)

    def _show_parts(self, scene: Scene) -> None:
        """Each part's lines, the drawing made again only when its key changed, and each
        part sized to its lines."""
        width, height = self.size
        if width <= 0 or height <= 0:
            return
        key = self._key(scene)
        if self._drawing is None or self._drawing[0] != key:
            shape = layout(width, height, len(scene.craft))
            rows = render(
                scene, shape.draw_width, shape.draw_height, self.ascii_only, self.app.no_color
            )
            self._drawing = (key, rows)
            self.redraws += 1
        parts = pane_parts(
            scene, width, height, self.ascii_only, self.app.no_color, self._drawing[1]
        )
        drawing, side, under = self._parts
        drawing.styles.width = parts.layout.draw_width + (1 if parts.layout.side else 0)
        side.display = parts.layout.side
        under.styles.height = len(parts.under)
        drawing.show(parts.drawing)
        side.show(parts.side)
        under.show(parts.under)
