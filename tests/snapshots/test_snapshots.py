"""Whole screens at fixed sizes, with the replay paused on a manual clock (nothing moves).

Update after an intended change with
``pytest tests/snapshots/test_snapshots.py --snapshot-update`` and look at the SVGs under
tests/snapshots/__snapshots__/ before committing them.
"""

from __future__ import annotations

from typing import Any

import pytest
from support.pilot import play_to_the_end
from textual.pilot import Pilot

from mission_control.app import MissionControlApp, make_app
from mission_control.campaign import Campaign
from mission_control.clock import ManualTimeSource
from mission_control.timeparse import parse_time
from mission_control.widgets.event_log import EventLog

SIZES = [(80, 24), (120, 40)]
SIZE_IDS = [f"{w}x{h}" for w, h in SIZES]

MOMENTS = {
    "start": None,
    "mid-cruise": "1973-11-15T12:00:00Z",
    "mars6-entry": "mars6:atmospheric-entry",
    "after-mars6-loss-of-contact": "1974-03-12T09:15:00Z",
}


def frozen_app(campaign: Campaign, at: str | None) -> MissionControlApp:
    start = parse_time(at, campaign) if at else None
    return make_app(campaign, time_source=ManualTimeSource(), start=start, paused=True)


async def settle(pilot: Pilot[Any]) -> None:
    """Let the quantities worker finish, so every line is complete."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("moment", MOMENTS)
def test_dashboard(
    snap_compare: Any, campaign: Campaign, moment: str, size: tuple[int, int]
) -> None:
    app = frozen_app(campaign, MOMENTS[moment])
    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_event_detail(snap_compare: Any, campaign: Campaign, size: tuple[int, int]) -> None:
    async def open_detail(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        log = pilot.app.query_one(EventLog)
        log.focus()
        log.highlighted = log.line_count - 1
        await pilot.press("enter")
        await pilot.pause()

    app = frozen_app(campaign, "mars6:atmospheric-entry")
    assert snap_compare(app, terminal_size=size, run_before=open_detail)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_help(snap_compare: Any, campaign: Campaign, size: tuple[int, int]) -> None:
    app = frozen_app(campaign, "mars6:atmospheric-entry")
    assert snap_compare(app, press=["question_mark"], terminal_size=size, run_before=settle)


ORRERY_SIZES = [(80, 24), (120, 40), (200, 50)]


@pytest.mark.parametrize("size", ORRERY_SIZES, ids=[f"{w}x{h}" for w, h in ORRERY_SIZES])
def test_orrery(snap_compare: Any, campaign: Campaign, size: tuple[int, int]) -> None:
    """Mid-cruise: beside the log from 120x40; at 80x24, in the status panels' place (o)."""
    app = frozen_app(campaign, "1973-11-01T00:00:00Z")
    press = ["o"] if size == (80, 24) else []
    assert snap_compare(app, press=press, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_zoomed_time_strip(snap_compare: Any, campaign: Campaign, size: tuple[int, int]) -> None:
    """The Mars 6 descent zoomed in to ten minutes: ``z`` (the events at the planet), then
    ``]`` down the zoom ladder."""
    app = frozen_app(campaign, "1974-03-12T09:07:00Z")
    press = ["z", *["right_square_bracket"] * 11]
    assert snap_compare(app, press=press, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_end_of_replay(snap_compare: Any, campaign: Campaign, size: tuple[int, int]) -> None:
    """Played into its end: the clock's line says so and what space does."""
    source = ManualTimeSource()
    start = parse_time("mars7:last-contact", campaign)
    app = make_app(campaign, time_source=source, start=start, paused=False)

    async def played_to_the_end(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await play_to_the_end(pilot, source, step=1.0)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=played_to_the_end)
