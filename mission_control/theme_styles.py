"""Styles in the theme's colours for the elements a widget draws itself: the one way the
dashboard's widgets colour what they draw.

A widget that draws several elements in different colours could declare each element a Textual
component class, styled in ``app.tcss``. Textual styles every component class of every
widget afresh at each restyle (mounting, focus, theme), by building a node for it and
matching it against the whole stylesheet: for the timeline's twelve elements and the four
status panels' eight, more than a hundred matches before the first frame. The elements' styles
are written here instead, with the theme's variables (``bold $text-error``), and made into
styles once per theme (and focus, where an element looks otherwise in a focused widget).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rich.style import Style as RichStyle
from textual.style import Style
from textual.widget import Widget

_VARIABLE = re.compile(r"\$([\w-]+)")
CACHED = 16
"""Styles kept for this many themes, focus states and widget styles at once: one set of
styles may serve several widgets of a kind (the status panels), focused or not."""


def resolve(spec: str, variables: Mapping[str, str]) -> str:
    """``spec`` with each ``$variable`` replaced by the theme's value (``bold $text-muted``
    becomes ``bold auto 60%``).

    Textual's style parser reads a variable that holds an automatic colour (``$text``,
    ``$text-muted``) without its opacity, so such text would be drawn at full contrast
    rather than the theme's muted grey; written out, the value parses whole. A text style
    of ``none`` (``$block-cursor-blurred-text-style``) is no style: the parser has no word
    for it.
    """

    def value(match: re.Match[str]) -> str:
        text = variables.get(match[1], match[0])
        return "" if text == "none" else text

    return _VARIABLE.sub(value, spec)


class ThemeStyles:
    """The style of each element a widget draws, in three forms: :meth:`parsed` (the element's
    own, for a span of text drawn over another style), :meth:`visual` (the element's style over
    the widget's own, as a component class would give it: a translucent background blends
    with the widget's, an automatic colour contrasts with the result) and :meth:`of` (that,
    as a Rich style). Made again when the theme, NO_COLOR, the widget's focus (if an element
    depends on it) or the widget's own style changes; those made are kept, so one set may
    serve several widgets of a kind."""

    def __init__(
        self,
        specs: Mapping[str, str],
        *,
        no_color: Mapping[str, str] | None = None,
        focused: Mapping[str, str] | None = None,
    ) -> None:
        self.specs = dict(specs)
        """Each element's style in Textual's style syntax, with theme variables."""
        self.no_color = dict(no_color or {})
        """Elements styled otherwise when NO_COLOR is set (a cursor drawn as a background
        would vanish: reverse it instead)."""
        self.focused = dict(focused or {})
        """Elements styled otherwise while the widget has focus (a cursor line)."""
        self._parsed_key: tuple[object, ...] | None = None
        self._parsed: dict[str, Style] = {}
        self._parsed_for: dict[tuple[object, ...], dict[str, Style]] = {}
        self._visual_for: dict[tuple[object, ...], tuple[dict[str, Style], dict[str, RichStyle]]]
        self._visual_for = {}
        self._visual: dict[str, Style] = {}
        self._rich: dict[str, RichStyle] = {}

    def parsed(self, widget: Widget) -> Mapping[str, Style]:
        """The elements' own styles for ``widget``'s theme, NO_COLOR and focus."""
        app = widget.app
        focused = bool(self.focused) and widget.has_focus
        key = (app.theme, app.no_color, focused)
        if key != self._parsed_key:
            parsed = self._parsed_for.get(key)
            if parsed is None:
                variables = app.theme_variables
                specs = {**self.specs, **self.focused} if focused else self.specs
                if app.no_color:
                    specs = {**specs, **self.no_color}
                parsed = {
                    element: Style.parse(resolve(spec, variables))
                    for element, spec in specs.items()
                }
                if len(self._parsed_for) >= CACHED:
                    self._parsed_for.clear()
                self._parsed_for[key] = parsed
            self._parsed, self._parsed_key = parsed, key
        return self._parsed

    @property
    def made_for(self) -> tuple[object, ...] | None:
        """The theme, NO_COLOR and focus the styles were last made for: part of the key of
        anything drawn with them and kept (a theme may change one colour and no other)."""
        return self._parsed_key

    def visual(self, widget: Widget) -> Mapping[str, Style]:
        """The elements' styles over ``widget``'s own, as it is now."""
        parsed = self.parsed(widget)
        base = widget.visual_style
        key = (self._parsed_key, base)
        made = self._visual_for.get(key)
        if made is None:
            made = {element: base + style for element, style in parsed.items()}, {}
            if len(self._visual_for) >= CACHED:
                self._visual_for.clear()
            self._visual_for[key] = made
        self._visual, self._rich = made
        return self._visual

    def of(self, widget: Widget) -> Mapping[str, RichStyle]:
        """The elements' styles over ``widget``'s own, as Rich styles."""
        visual = self.visual(widget)
        if not self._rich:
            self._rich.update({element: style.rich_style for element, style in visual.items()})
        return self._rich
