"""Styles written with the theme's variables, for text a widget draws itself."""

from __future__ import annotations

import re
from collections.abc import Mapping

_VARIABLE = re.compile(r"\$([\w-]+)")


def resolve(spec: str, variables: Mapping[str, str]) -> str:
    """``spec`` with each ``$variable`` replaced by the theme's value (``bold $text-muted``
    becomes ``bold auto 60%``).

    Textual's style parser reads a variable that holds an automatic colour (``$text``,
    ``$text-muted``) without its opacity, so such text would be drawn at full contrast
    rather than the theme's muted grey; written out, the value parses whole.
    """
    return _VARIABLE.sub(lambda m: variables.get(m[1], m[0]), spec)
