"""Reading a replay speed the user typed: a factor, a rate or auto."""

from __future__ import annotations

import re

_SPEED_PATTERN = (
    r"(?i)^\s*(?P<n>\d+(?:\.\d+)?)?\s*(?P<unit>x|×|s/s|sec/s|min/s|h/s|hour/s|d/s|day/s|"
    r"w/s|week/s)?\s*$"
)
"""Compiled by ``re`` when first used: the dashboard's default speed, auto, needs none."""
_UNIT_S = {
    "x": 1,
    "×": 1,
    "s/s": 1,
    "sec/s": 1,
    "min/s": 60,
    "h/s": 3600,
    "hour/s": 3600,
    "d/s": 86400,
    "day/s": 86400,
    "w/s": 604800,
    "week/s": 604800,
}


class SpeedError(ValueError):
    """A speed that cannot be read or would never move."""


def parse_speed(text: str) -> float | None:
    """A speed factor from ``3600``, ``60x``, ``1 h/s``, ``-1 d/s``; None for ``auto``."""
    raw = text.strip().lower()
    if raw == "auto":
        return None
    sign = -1.0 if raw.startswith(("-", "\u2212")) else 1.0
    match = re.match(_SPEED_PATTERN, raw.lstrip("+-\u2212"))
    if not match or not (match.group("n") or match.group("unit")):
        raise SpeedError(
            f"cannot read speed {text!r}: give a factor (3600), a rate "
            "(10 min/s, 1 h/s, 1 d/s, 1 week/s) or auto"
        )
    factor = float(match.group("n") or 1) * _UNIT_S[(match.group("unit") or "x").lower()]
    if factor == 0:
        raise SpeedError("speed 0 would never move; use --paused in the dashboard instead")
    return sign * factor
