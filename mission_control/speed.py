"""Replay speeds as people give and read them: the ladder of fixed speeds, the one way every
speed is written (``1×``, ``4.2 min/s``, ``1 week/s``, ``auto 4 d/s``), and parsing a speed
typed on the command line (``3600``, ``1 h/s``, ``-1 d/s``, ``auto``, or any label shown)."""

from __future__ import annotations

import math
import re

__all__ = [
    "MINUS",
    "RATE_UNITS",
    "SPEED_LADDER",
    "SpeedError",
    "auto_label",
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


RATE_UNITS: tuple[tuple[float, str], ...] = (
    (604800.0, " week/s"),
    (86400.0, " d/s"),
    (3600.0, " h/s"),
    (60.0, " min/s"),
    (1.0, "×"),
)
"""The words a speed is given in, largest first: every speed shown, fixed or auto, on the
ladder or not, is a number of one of these (``1×``, ``4.2 min/s``, ``4 d/s``)."""


def _is_ladder(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9)


def format_factor(magnitude: float) -> str:
    """A speed's number in its unit: two figures below ten (``2.5``, ``1``), else whole
    (``42``, ``86400``)."""
    m = abs(magnitude)
    if not math.isfinite(m):
        return "∞"
    if m >= 9.95:
        return f"{m:.0f}"
    return f"{m:.2g}"


def speed_label(factor: float) -> str:
    """A speed in the ladder's words: ``1×``, ``10×``, ``−1 h/s``, ``4.2 min/s``, ``4 d/s``,
    ``1 week/s``: a number of the largest unit the speed reaches, so every speed reads alike
    and each ladder speed reads as its step."""
    sign = MINUS if factor < 0 else ""
    m = abs(factor)
    for seconds, unit in RATE_UNITS:
        number = format_factor(m / seconds)
        # 59.97 min/s reads "1 h/s": the unit is chosen by the rounded number.
        if seconds == 1.0 or float(number) >= 1:
            return f"{sign}{number}{unit}"
    raise AssertionError("RATE_UNITS ends with 1 s")


def auto_label(magnitude: float, direction: int) -> str:
    """Auto speed and where it runs now, in the same words: ``auto 4 d/s``, ``auto −1×``."""
    return f"auto {speed_label(direction * magnitude)}"


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
    r"(?i)^\s*(?P<n>\d+(?:\.\d+)?)?\s*(?P<unit>x|×|s/s|sec/s|min/s|mins/s|h/s|hour/s|hours/s|"
    r"d/s|day/s|days/s|w/s|week/s|weeks/s)?\s*$"
)
"""Compiled by ``re`` when first used: the dashboard's default speed, auto, needs none."""
_UNIT_S = {
    "x": 1,
    "×": 1,
    "s/s": 1,
    "sec/s": 1,
    "min/s": 60,
    "mins/s": 60,
    "h/s": 3600,
    "hour/s": 3600,
    "hours/s": 3600,
    "d/s": 86400,
    "day/s": 86400,
    "days/s": 86400,
    "w/s": 604800,
    "week/s": 604800,
    "weeks/s": 604800,
}


def parse_speed(text: str) -> float | None:
    """A speed factor from ``3600``, ``60x``, ``1 h/s``, ``-1 d/s``, or any speed as the
    dashboard shows it (``−1×``, ``4.2 min/s``, ``4 d/s``); None for ``auto``."""
    raw = text.strip().lower()
    if raw == "auto":
        return None
    sign = -1.0 if raw.startswith(("-", "\u2212")) else 1.0
    match = re.match(_SPEED_PATTERN, raw.lstrip("+-\u2212"))
    if not match or not (match.group("n") or match.group("unit")):
        raise SpeedError(
            f"cannot read speed {text!r}: give a factor (3600 or 10x), a rate "
            "(10 min/s, 1 h/s, 1 d/s, 1 week/s) or auto"
        )
    factor = float(match.group("n") or 1) * _UNIT_S[(match.group("unit") or "x").lower()]
    if factor == 0:
        raise SpeedError(f"speed {text!r} would never move; use --paused in the dashboard instead")
    if not math.isfinite(factor):
        raise SpeedError(f"speed {text!r} is too large to keep time by")
    return sign * factor
