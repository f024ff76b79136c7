"""An event's time as the views write it: its stated UTC in each view's style, and its
elapsed time from launch.

A time is never written finer than the text states it; an event the text only orders
between two timed ones is marked as such (``≈``, ``~`` or the two times it lies between).
"""

from __future__ import annotations

from typing import Literal

from mission_control.mission import Mission
from mission_control.model import Event, Precision
from mission_control.timescale import to_tick

__all__ = ["STYLES", "When", "event_met_s", "event_when"]

When = Literal["short", "column", "command", "cell", "detail"]
"""How :func:`event_when` writes a time:

``short``
    within a line of the dashboard: ``1974-03-12T09:05:53Z``, ``≈1974-03-12``.
``column``
    the event log's fixed 19-cell column: ``1974-03-12 09:05:53``, ``≈1974-03-12``.
``command``
    a line the command line prints: ``~1974-03-12``, or for an event with a window
    ``1974-03-12 (between 09:05:53 and 09:11:05)``.
``cell``
    the timeline table's cell: ``≈ 1974-03-12``, or the window on a second line,
    ``1974-03-12\\n≈ 09:05:53–09:11:05``.
``detail``
    the event's detail screen, in words: ``1974-03-12T09:05:53Z UTC, stated to the second``.
"""

STYLES: tuple[When, ...] = ("short", "column", "command", "cell", "detail")

COLUMN_WIDTH = 19
"""Cells of the ``column`` style: a time stated to the second without its ``T`` and ``Z``."""


def event_when(event: Event, *, style: When) -> str:
    """The event's UTC as the text states it, written in ``style`` (see :data:`When`)."""
    text = event.time.iso()
    if style == "short":
        return f"≈{text}" if event.approximate else text
    if style == "column":
        short = f"≈{text}" if event.approximate else text
        return short.replace("T", " ").removesuffix("Z").ljust(COLUMN_WIDTH)
    between = window_ends(event)
    if style == "command":
        if between is not None:
            return f"{text} (between {between[0]} and {between[1]})"
        return f"~{text}" if event.approximate else text
    if style == "cell":
        if between is not None:
            joined = " to " if window_of_days(event) else "–"
            return f"{text}\n≈ {between[0]}{joined}{between[1]}"
        return f"≈ {text}" if event.approximate else text
    if style == "detail":
        if between is not None and window_of_days(event):
            return f"{text}, known only to lie between {between[0]} and {between[1]}"
        if between is not None and _stated_range(event):
            return f"{text} UTC, a range the text states: {between[0]} to {between[1]} UTC"
        if between is not None:
            return (
                f"{text}, time of day not stated: the text orders it between "
                f"{between[0]} and {between[1]} UTC"
            )
        approximate = " (approximate)" if event.approximate else ""
        return f"{text} UTC, stated to the {event.time.precision.label}{approximate}"
    raise ValueError(f"no such style of event time: {style!r}")


def window_ends(event: Event) -> tuple[str, str] | None:
    """The two ends of the window an event is known only to lie in, as finely as they are
    known: times of day on one day (``09:05:53``, ``17:51``), else days (``1977-05-03``)."""
    if event.window is None:
        return None
    start, end = event.window
    if window_of_days(event):
        return f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}"
    fmt = "%H:%M" if start.second == end.second == 0 else "%H:%M:%S"
    return start.strftime(fmt), end.strftime(fmt)


def window_of_days(event: Event) -> bool:
    """Whether the event's window spans days (``between 3 and 5 May``), not times of one day."""
    return event.window is not None and event.window[0].date() != event.window[1].date()


def _stated_range(event: Event) -> bool:
    """Whether the text states the window as a range ("from 17:51 to 18:03"), rather than
    ordering the event between two others."""
    return event.window is not None and event.time.start == event.window[0]


def event_met_s(event: Event, mission: Mission) -> float | None:
    """Seconds from launch to an event, or None when either is stated coarser than a minute."""
    launch = mission.launch
    if launch is None or launch.time.precision < Precision.MINUTE:
        return None
    if event.time.precision < Precision.MINUTE:
        return None
    return to_tick(event.time.start) - to_tick(launch.time.start)
