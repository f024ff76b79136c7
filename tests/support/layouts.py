"""Terminal sizes and the dashboard's layouts: random sizes to resize through, the layout
each size calls for, and whether a screen (from the pilot or a real terminal) fits its size.
"""

from __future__ import annotations

import random

from mission_control.app import COMPACT_BELOW, MIN_SIZE

RESIZES = 100
SMALLEST, LARGEST = (20, 6), (250, 70)


def random_sizes(seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [
        (rng.randint(SMALLEST[0], LARGEST[0]), rng.randint(SMALLEST[1], LARGEST[1]))
        for _ in range(RESIZES)
    ]


def fits(lines: list[str], size: tuple[int, int]) -> str | None:
    """Why the screen does not fit ``size``, or None when it does: a too-small notice below
    the minimum; else the key bar on the last row and the timeline's bands exactly as wide
    as the terminal (a layout for another width would stop short or be cut off)."""
    width, height = size
    if len(lines) != height:
        return f"{len(lines)} rows on a terminal {height} high"
    if any(len(line.rstrip()) > width for line in lines):
        return "a row wider than the terminal"
    screen = "\n".join(lines)
    if width < MIN_SIZE.width or height < MIN_SIZE.height:
        return None if "too small" in screen else "no 'too small' notice"
    if "too small" in screen:
        return "a 'too small' notice at a size that fits"
    if not lines[-1].startswith(" space Play/pause"[: width - 1]):
        return f"the last row is not the key bar: {lines[-1]!r}"
    bands = [line for line in lines if line.startswith(("Mars 6 ", "Mars 7 "))]
    # In the compact layout the one column may scroll: its scrollbar takes the last cell.
    widths = {width, width - 1} if variant(size) == "compact" else {width}
    if len(bands) != 2 or any(len(line.rstrip()) not in widths for line in bands):
        return f"the timeline's bands are not {width} wide: {bands}"
    return None


def variant(size: tuple[int, int]) -> str:
    """The layout the dashboard should choose for ``size``."""
    width, height = size
    if width < MIN_SIZE.width or height < MIN_SIZE.height:
        return "too-small"
    if width < COMPACT_BELOW.width or height < COMPACT_BELOW.height:
        return "compact"
    return "full"
