"""The orrery pane: the Sun, Earth's and each target planet's orbits, each craft's modelled
track and place at the replay's moment, and a readout line for each craft.

A pure function of the moment, like the rest of the dashboard: seeking back draws what
playing forward drew. The drawing (``presentation.orrery``) is made again only when a
marker moves by a dot or the size, theme or settings change; the readouts, which change
every second of a running replay, are cheap text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import var
from textual.widget import Widget

from mission_control.presentation.braille import Run
from mission_control.presentation.orrery import Scene, dots_key, layout, pane, render, scene_at
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


class Orrery(Widget):
    """The inner solar system from above, with each craft's modelled track and readout."""

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
        """A new size: a new scale (Textual repaints anyway)."""
        self._update()

    def _update(self) -> None:
        if self.state is None or self.transfers is None:
            return
        self._scene = scene_at(self.state, self.transfers, units=self.units, reasons=self.reasons)
        shown = self._key(self._scene), tuple(c.readout for c in self._scene.craft)
        if shown != self._shown:
            self._shown = shown
            self.refresh()

    def _key(self, scene: Scene) -> tuple[object, ...]:
        width, height = self.size
        shape = layout(width, height, len(scene.craft))
        return (
            shape,
            dots_key(scene, shape.draw_width, shape.draw_height),
            self.ascii_only,
            self.app.no_color,
        )

    def render(self) -> Text:
        """The pane's lines, the drawing made again only when its key changed."""
        scene = self._scene
        width, height = self.size
        if scene is None or width <= 0 or height <= 0:
            return Text()
        key = self._key(scene)
        if self._drawing is None or self._drawing[0] != key:
            shape = layout(width, height, len(scene.craft))
            rows = render(
                scene, shape.draw_width, shape.draw_height, self.ascii_only, self.app.no_color
            )
            self._drawing = (key, rows)
            self.redraws += 1
        styles = self._styles.of(self)
        lines = []
        for runs in pane(
            scene, width, height, self.ascii_only, self.app.no_color, self._drawing[1]
        ):
            line = Text(no_wrap=True, end="")
            for text, style in runs:
                line.append(text, styles[style] if style is not None else None)
            lines.append(line)
        return Text("\n", no_wrap=True).join(lines)
