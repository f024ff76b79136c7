"""A replay clock's course as plain values, so that another clock can run the same course:
the viewers of a shared replay run their presenter's."""

from __future__ import annotations

from typing import NamedTuple


class ClockSetting(NamedTuple):
    """All that decides a replay clock's course from one moment on (see
    :meth:`~mission_control.clock.ReplayClock.adopt`)."""

    tick: float
    wall: float
    """The wall time, on the clock's source, the tick was read at."""
    speed: float
    """The fixed speed's magnitude (kept while auto is on, for when it goes off)."""
    auto: bool
    direction: int
    playing: bool
    held: float | None
    """Wall seconds the replay has stood ended at its bound; None unless it has ended."""
    loop: bool
