"""Replay speeds as people give and read them: the ladder of fixed speeds, their labels, and
parsing a speed typed on the command line (``3600``, ``1 h/s``, ``-1 d/s``, ``auto``)."""

from __future__ import annotations

import math
import re

__all__ = [
    "MINUS",
    "SPEED_LADDER",
    "SpeedError",
    "format_factor",
    "ladder_down",
    "ladder_up",
    "parse_speed",
    "speed_label",
]

MINUS = "\u2212"

SPEED_LADDER: tuple[tuple[float, str], ...] = (
    (1.0, "1×"),
    (10.0, "10×"),
    (60.0, "1 min/s"),
    (600.0, "10 min/s"),
    (3600.0, "1 h/s"),
    (21600.0, "6 h/s"),
    (86400.0, "1 d/s"),
    (604800.0, "1 week/s"),
)


def _is_ladder(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9)


def format_factor(magnitude: float) -> str:
    """A speed magnitude rounded for display: ``3600``, ``243``, ``86400``, ``2.5``."""
    m = abs(magnitude)
    if not math.isfinite(m):
        return "∞"
    if m >= 1000:
        digits = math.floor(math.log10(m)) - 2  # three significant figures
        return f"{round(m, -digits):.0f}"
    if m >= 10:
        return f"{m:.0f}"
    text = f"{m:.2g}"
    return text


def speed_label(factor: float) -> str:
    """``1 d/s``, ``−1 h/s`` for the ladder speeds, ``×250`` / ``−×250`` for any other."""
    sign = MINUS if factor < 0 else ""
    m = abs(factor)
    for step, label in SPEED_LADDER:
        if _is_ladder(m, step):
            return sign + label
    return f"{sign}×{format_factor(m)}"


def ladder_up(magnitude: float) -> float | None:
    """The first ladder speed above ``magnitude``, or None at the top."""
    for step, _ in SPEED_LADDER:
        if step > magnitude and not _is_ladder(step, magnitude):
            return step
    return None


def ladder_down(magnitude: float) -> float | None:
    """The first ladder speed below ``magnitude``, or None at the bottom."""
    for step, _ in reversed(SPEED_LADDER):
        if step < magnitude and not _is_ladder(step, magnitude):
            return step
    return None


# --------------------------------------------------------------------------- parsing


class SpeedError(ValueError):
    """A speed that cannot be read; the message says what would be accepted."""


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
        raise SpeedError(f"speed {text!r} would never move; use --paused in the dashboard instead")
    if not math.isfinite(factor):
        raise SpeedError(f"speed {text!r} is too large to keep time by")
    return sign * factor
