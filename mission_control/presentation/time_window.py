"""The time strip's visible window, as plain numbers: the zoom ladder, zooming around the
now-cursor, following the cursor while the replay plays, ticks to columns and back, and the
labels of the window's ends and axis. No Textual: the timeline widget draws what this says.

A window is a span of ticks ``[start, end)`` spread over a number of columns; it always
lies within the campaign's bounds and holds the now-cursor.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

import msgspec

from mission_control.timescale import from_tick, to_tick

MINUTE = 60.0
HOUR = 3600.0
DAY = 86400.0

ZOOM_SPANS_S: tuple[float, ...] = (
    120 * DAY,
    60 * DAY,
    30 * DAY,
    14 * DAY,
    7 * DAY,
    3 * DAY,
    DAY,
    12 * HOUR,
    6 * HOUR,
    3 * HOUR,
    HOUR,
    30 * MINUTE,
    20 * MINUTE,
    10 * MINUTE,
)
"""The spans a window zooms through below the whole campaign, each about half the one
before: from months down to ten minutes across the width (at 80 columns, eight seconds a
column: the Mars 6 descent's five minutes take about forty)."""

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""Month names as the labels write them, whatever the locale."""

FOLLOW_LEAD = 0.1
"""When the cursor leaves the window, the window jumps so the cursor is this fraction of
its span in from the edge it came in at: a page at a time, not a scroll every frame."""

FIT_MARGIN = 0.04
"""The room left on each side of the events a window is fitted to, as a fraction of them."""


class Window(msgspec.Struct, frozen=True):
    """The ticks ``[start, end)`` shown across the strip's width."""

    start: float
    end: float

    @property
    def span(self) -> float:
        return self.end - self.start

    def holds(self, tick: float) -> bool:
        return self.start <= tick <= self.end

    def column(self, tick: float, width: int) -> int:
        """The column of ``width`` that holds ``tick`` (clamped to the strip)."""
        if width <= 0 or self.span <= 0:
            return 0
        col = int((tick - self.start) / self.span * width)
        return max(0, min(width - 1, col))

    def unclamped_column(self, tick: float, width: int) -> int | None:
        """The column that holds ``tick``, or None when the tick lies outside the window."""
        if width <= 0 or self.span <= 0 or not self.holds(tick):
            return None
        return min(width - 1, int((tick - self.start) / self.span * width))

    def tick_at(self, col: int, width: int) -> float:
        """The middle of column ``col``."""
        return self.start + (col + 0.5) * self.span / max(1, width)


def whole(bounds: tuple[float, float]) -> Window:
    """The window of the whole campaign."""
    return Window(*bounds)


def ladder(bounds: tuple[float, float]) -> tuple[float, ...]:
    """The spans a window may take: the whole campaign, then each rung shorter than it."""
    total = bounds[1] - bounds[0]
    return (total, *(s for s in ZOOM_SPANS_S if s < total * 0.9))


def _clamp(start: float, span: float, bounds: tuple[float, float], cursor: float) -> Window:
    """A window of ``span`` from ``start``, moved back inside the bounds (widened to hold
    the cursor, should it lie outside them)."""
    lo, hi = min(bounds[0], cursor), max(bounds[1], cursor)
    if span >= hi - lo:
        return Window(lo, hi)
    start = max(lo, min(hi - span, start))
    return Window(start, start + span)


def zoom_to(window: Window, span: float, cursor: float, bounds: tuple[float, float]) -> Window:
    """A window of ``span`` around the cursor: the cursor stays at the same place across the
    width, so zooming in and back out gives the window one started from."""
    if not window.holds(cursor):
        window = follow(window, cursor, bounds)
    fraction = (cursor - window.start) / window.span if window.span > 0 else 0.5
    return _clamp(cursor - fraction * span, span, bounds, cursor)


def zoom_in(window: Window, cursor: float, bounds: tuple[float, float]) -> Window:
    """The next shorter span of the ladder around the cursor (the same window at the last)."""
    shorter = [s for s in ladder(bounds) if s < window.span * 0.999]
    return zoom_to(window, shorter[0], cursor, bounds) if shorter else window


def zoom_out(window: Window, cursor: float, bounds: tuple[float, float]) -> Window:
    """The next longer span of the ladder around the cursor; the whole campaign at the top."""
    longer = [s for s in ladder(bounds) if s > window.span * 1.001]
    return zoom_to(window, longer[-1], cursor, bounds) if longer else whole(bounds)


def follow(window: Window, cursor: float, bounds: tuple[float, float]) -> Window:
    """The window itself while it holds the cursor; else the window of the same span that
    holds it :data:`FOLLOW_LEAD` in from the edge it left by, as a time conductor's "follow"
    mode pans (forward the cursor ends up near the left, backward near the right)."""
    if window.holds(cursor):
        return window
    span = window.span
    if cursor > window.end:
        start = cursor - FOLLOW_LEAD * span
    else:
        start = cursor - (1 - FOLLOW_LEAD) * span
    return _clamp(start, span, bounds, cursor)


def fit(first: float, last: float, bounds: tuple[float, float]) -> Window:
    """A window from ``first`` to ``last`` with a margin on each side (at least the ladder's
    shortest span), within the bounds."""
    span = max(last - first, ZOOM_SPANS_S[-1])
    margin = span * FIT_MARGIN
    start = max(bounds[0], first - margin)
    return Window(start, min(bounds[1], max(start + ZOOM_SPANS_S[-1], last + margin)))


def is_whole(window: Window, bounds: tuple[float, float]) -> bool:
    return window.start <= bounds[0] and window.end >= bounds[1]


# ---------------------------------------------------------------------- labels


def span_label(span: float) -> str:
    """A window's span in a word or two (``10 min``, ``3 h``, ``14 d``)."""
    if span < HOUR:
        return f"{round(span / MINUTE)} min"
    if span < DAY:
        return f"{round(span / HOUR)} h"
    return f"{round(span / DAY)} d"


def moment_label(tick: float, span: float) -> str:
    """A window end's moment at the precision its span needs: the date for a window of
    weeks, the minute for hours, the second below an hour (``12 Mar 09:05:53``)."""
    moment = from_tick(tick).moment
    day = f"{moment.day} {MONTHS[moment.month - 1]}"
    if span >= 3 * DAY:
        return f"{day} {moment.year}"
    if span >= HOUR:
        return f"{day} {moment:%H:%M}"
    return f"{day} {moment:%H:%M:%S}"


AXIS_STEPS_S: tuple[float, ...] = (
    MINUTE,
    2 * MINUTE,
    5 * MINUTE,
    10 * MINUTE,
    30 * MINUTE,
    HOUR,
    3 * HOUR,
    6 * HOUR,
    12 * HOUR,
    DAY,
    2 * DAY,
    7 * DAY,
)
"""Steps between the axis's marks below a month apart, each whole minutes, hours or days."""


def _month_marks(window: Window) -> Iterator[tuple[float, str]]:
    """The first of each month in the window, with the year at January."""
    moment = from_tick(window.start).moment
    year, month = moment.year, moment.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        tick = to_tick(dt.datetime(year, month, 1, tzinfo=dt.UTC))
        if tick > window.end:
            return
        name = MONTHS[month - 1]
        yield tick, f"{name} {year}" if month == 1 else name


def _step_marks(window: Window, step: float) -> Iterator[tuple[float, str]]:
    """Every whole multiple of ``step`` (in UTC) in the window: days by date, less by time."""
    start = from_tick(window.start).moment
    midnight = start.replace(hour=0, minute=0, second=0, microsecond=0)
    offset = (start - midnight).total_seconds()
    moment = midnight + dt.timedelta(seconds=(offset // step + 1) * step)
    while (tick := to_tick(moment)) <= window.end:
        if step >= DAY:
            yield tick, f"{moment.day} {MONTHS[moment.month - 1]}"
        else:
            yield tick, f"{moment:%H:%M}"
        moment += dt.timedelta(seconds=step)


def axis_marks(window: Window, width: int) -> list[tuple[int, str]]:
    """Where the axis marks its divisions and what it writes there (``(column, text)``, the
    text starting with ``╵``): months for a window of months, else the finest step of
    :data:`AXIS_STEPS_S` whose labels do not touch, leaving the ends' labels room."""
    if width <= 0 or window.span <= 0:
        return []
    if window.span > 60 * DAY:
        marks = list(_month_marks(window))
    else:
        per_column = window.span / width
        step = next((s for s in AXIS_STEPS_S if s / per_column >= 8), None)
        marks = list(_step_marks(window, step)) if step is not None else []
    placed: list[tuple[int, str]] = []
    last_end = -1
    for tick, name in marks:
        col = window.column(tick, width)
        text = f"╵{name}"
        if col > last_end and col + len(text) <= width:
            placed.append((col, text))
            last_end = col + len(text)
    return placed


def axis_line(window: Window, width: int, *, ends: bool) -> str:
    """The axis under the strip, ``width`` characters: its division marks, and with
    ``ends`` the window's start at the left and end at the right, over any mark they meet."""
    cells = [" "] * width
    left = right = ""
    if ends:
        left = moment_label(window.start, window.span)
        right = moment_label(window.end, window.span)
        if len(left) + len(right) + 1 > width:
            left, right = left[:width], ""
    free_from, free_to = len(left) + 1, width - len(right) - 1
    for col, text in axis_marks(window, width):
        if col >= free_from and col + len(text) <= free_to:
            cells[col : col + len(text)] = text
    cells[: len(left)] = left
    if right:
        cells[width - len(right) :] = right
    return "".join(cells)


@functools.lru_cache(maxsize=8)
def axis_texts(
    window: Window, bounds: tuple[float, float], width: int, head_width: int
) -> tuple[str, str]:
    """The axis row: under the names (``head_width``), the window's span when zoomed; then
    :func:`axis_line` with the ends. Kept for the last few windows: a row redrawn as the
    cursor moves leaves its axis as it was."""
    head = "" if is_whole(window, bounds) else span_label(window.span)
    return head[: head_width - 1].ljust(head_width), axis_line(window, width, ends=True)
