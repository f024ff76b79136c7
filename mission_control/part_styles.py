"""Styles in the theme's colours for what a widget draws itself.

A widget that draws several parts in different colours could declare each part a Textual
component class, styled in ``app.tcss``. Textual styles every component class of every
widget afresh at each restyle (mounting, focus, theme), by building a node for it and
matching it against the whole stylesheet: for the timeline's twelve parts and the four
status panels' eight, more than a hundred matches before the first frame. The parts' styles
are written here instead, with the theme's variables (``bold $text-error``), and made into
Rich styles over the widget's own once per theme.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rich.style import Style as RichStyle
from textual.style import Style
from textual.widget import Widget

_VARIABLE = re.compile(r"\$([\w-]+)")


def resolve(spec: str, variables: Mapping[str, str]) -> str:
    """``spec`` with each ``$variable`` replaced by the theme's value (``bold $text-muted``
    becomes ``bold auto 60%``).

    Textual's style parser reads a variable that holds an automatic colour (``$text``,
    ``$text-muted``) without its opacity, so such text would be drawn at full contrast
    rather than the theme's muted grey; written out, the value parses whole.
    """
    return _VARIABLE.sub(lambda m: variables.get(m[1], m[0]), spec)


class PartStyles:
    """The Rich style of each part a widget draws, as a component class would give it: the
    part's style over the widget's own (a translucent background blends with the widget's,
    an automatic colour contrasts with the result). Made again when the theme, NO_COLOR or
    the widget's own style (focus, say) changes."""

    def __init__(
        self, specs: Mapping[str, str], *, no_color: Mapping[str, str] | None = None
    ) -> None:
        self.specs = dict(specs)
        """Each part's style in Textual's style syntax, with theme variables."""
        self.no_color = dict(no_color or {})
        """Parts styled otherwise when NO_COLOR is set (a cursor drawn as a background
        would vanish: reverse it instead)."""
        self._key: tuple[object, ...] | None = None
        self._styles: dict[str, RichStyle] = {}

    def of(self, widget: Widget) -> Mapping[str, RichStyle]:
        """The parts' styles for ``widget`` as it is now."""
        app = widget.app
        base = widget.visual_style
        key = (app.theme, app.no_color, base)
        if key != self._key:
            variables = app.theme_variables
            specs = {**self.specs, **self.no_color} if app.no_color else self.specs
            self._styles = {
                part: (base + Style.parse(resolve(spec, variables))).rich_style
                for part, spec in specs.items()
            }
            self._key = key
        return self._styles
