"""The dashboard in-process, driven by Textual's pilot (``App.run_test()``).

Every dashboard here runs on a ManualTimeSource: time moves only when a test advances it,
and the test then asks the app to read its clock (``app.poll()``, what the display timer
calls), so no test waits on the wall clock.
"""

from __future__ import annotations

import asyncio
import functools
import io
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any, ParamSpec

from rich.console import Console
from textual.message import Message
from textual.pilot import Pilot

from mission_control.app import MissionControlApp, make_app
from mission_control.campaign import Campaign
from mission_control.clock import ManualTimeSource
from mission_control.textual_private import screen_update
from mission_control.timeparse import parse_time
from mission_control.widgets.event_log import EventLog
from mission_control.widgets.mission_clock import MissionClock

P = ParamSpec("P")


def ui_test(test: Callable[P, Coroutine[Any, Any, None]]) -> Callable[P, None]:
    """Run an async pilot test on its own event loop (no pytest async plugin needed)."""

    @functools.wraps(test)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def tick_of(campaign: Campaign, text: str) -> float:
    return parse_time(text, campaign)


@asynccontextmanager
async def dashboard(
    campaign: Campaign,
    at: str | None = None,
    *,
    paused: bool = True,
    speed: float | None = None,
    size: tuple[int, int] = (100, 30),
    message_hook: Callable[[Message], None] | None = None,
    **options: Any,
) -> AsyncIterator[tuple[MissionControlApp, Pilot[None], ManualTimeSource]]:
    """The dashboard on a manual clock, its first frame drawn and its quantities listed;
    ``at`` is a moment as ``--at`` takes it, ``options`` the rest of ``make_app``'s."""
    source = ManualTimeSource()
    if at:
        options["start"] = tick_of(campaign, at)
    app = make_app(campaign, time_source=source, speed=speed, paused=paused, **options)
    async with app.run_test(size=size, message_hook=message_hook) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        yield app, pilot, source


async def advance(pilot: Pilot[None], source: ManualTimeSource, seconds: float) -> None:
    """Let wall time pass, then let the app read its clock (as its timer would)."""
    source.advance(seconds)
    app = pilot.app
    assert isinstance(app, MissionControlApp)
    app.poll()
    await pilot.pause()


async def play_to_the_end(pilot: Pilot[Any], source: ManualTimeSource, step: float = 0.1) -> None:
    """Let the replay run (a reading every ``step`` seconds of wall time) until it stops."""
    app = pilot.app
    assert isinstance(app, MissionControlApp)
    for _ in range(10_000):
        if not app.clock.playing:
            return
        source.advance(step)
        app.poll()
        await pilot.pause()
    raise AssertionError("the replay never ended")


def clock(app: MissionControlApp, field: str) -> str:
    """The text of one field of the mission clock: system, digits, text, date, next, replay."""
    return app.query_one(MissionClock).shown[field]


def log_lines(app: MissionControlApp) -> list[str]:
    log = app.query_one(EventLog)
    return [log.line_text(line) for line in range(log.line_count)]


def screen_text(app: MissionControlApp) -> str:
    """What the terminal shows, as plain text (the SVG screenshot's own renderer, as text;
    filters applied, as on a real terminal)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(screen_update(app.screen) or "")
    return console.export_text()


def screen_lines(app: MissionControlApp) -> list[str]:
    """``screen_text``, one string per row."""
    return screen_text(app).splitlines()
