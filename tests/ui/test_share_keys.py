"""A shared replay in the dashboard, in-process: a follower shows the presenter's state, its
replay keys detach it, d and j detach and rejoin, and only a follower lists those keys; a
presenter sends every change to a follower connected to its socket."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from support.pilot import clock, dashboard, screen_text, tick_of, ui_test
from textual.pilot import Pilot

from mission_control import keymap
from mission_control.app import MissionControlApp, make_app
from mission_control.campaign import Campaign
from mission_control.clock import ManualTimeSource
from mission_control.clock_setting import ClockSetting
from mission_control.share.link import FollowLink, Setup
from mission_control.share.places import claim, place_of
from mission_control.share.protocol import decode, encode, state_of
from mission_control.widgets.key_bar import KeyBar


@asynccontextmanager
async def shared(
    campaign: Campaign, setup: Setup, size: tuple[int, int] = (110, 30)
) -> AsyncIterator[tuple[MissionControlApp, Pilot[None], ManualTimeSource]]:
    source = ManualTimeSource()
    app = make_app(campaign, time_source=source, paused=True, share=setup)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot, source


_seq = itertools.count(1)


def presenter_says(
    app: MissionControlApp, tick: float, *, playing: bool, focus: str | None = None
) -> None:
    """A message from the presenter reaches the follower (its seq counting up)."""
    link = app.share
    assert isinstance(link, FollowLink)
    setting = ClockSetting(tick, 0.0, 3600.0, False, 1, playing, None, False)
    wall = time.time()
    link.received(
        encode(state_of(setting, seq=next(_seq), wall=wall, focus=focus, presenter="p", by="ann"))
    )
    app.poll()


def keys_shown(app: MissionControlApp) -> str:
    return " ".join(str(key) for hint in app.query_one(KeyBar).hints for key in hint.keys)


@ui_test
async def test_a_follower_shows_the_presenters_state_and_its_keys_detach_it(
    campaign: Campaign, runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup = Setup("follow", "room", place_of("room"))
    entry = tick_of(campaign, "mars6:atmospheric-entry")
    async with shared(campaign, setup) as (app, pilot, _source):
        said: list[str] = []
        monkeypatch.setattr(app, "notify", lambda message, **_: said.append(message))
        assert "waiting for room" in clock(app, "replay")
        assert keys_shown(app).startswith("d j space")
        presenter_says(app, entry, playing=False, focus="mars7")
        await pilot.pause()
        assert app.clock.now() == pytest.approx(entry)
        assert clock(app, "digits") == "09:05:53"
        assert "following room" in clock(app, "replay") and "paused" in clock(app, "replay")
        assert app.focus_id == "mars7"

        await pilot.press("space")  # its own key: detached, then played
        assert "detached (own clock)" in clock(app, "replay")
        assert app.clock.playing
        assert said[-1] == "Detached: your own clock · j rejoins room"
        presenter_says(app, entry + 3600, playing=False, focus=None)
        await pilot.pause()
        assert app.clock.now() == pytest.approx(entry) and app.focus_id == "mars7"

        await pilot.press("j")
        await pilot.pause()
        assert "following room" in clock(app, "replay")
        assert app.clock.now() == pytest.approx(entry + 3600) and not app.clock.playing
        assert app.focus_id is None

        await pilot.press("d")
        assert "detached (own clock)" in clock(app, "replay")
        await pilot.press("j")
        for key in ("plus", "r", "n", "p", "m", "home"):
            await pilot.press(key)
            assert "detached (own clock)" in clock(app, "replay"), key
            await pilot.press("j")
            assert "following room" in clock(app, "replay"), key


@ui_test
async def test_only_a_follower_lists_detach_and_rejoin(campaign: Campaign, runtime: Path) -> None:
    async with dashboard(campaign, size=(110, 30)) as (app, pilot, _source):
        assert "Detach" not in screen_text(app) and not app.share_keys()
        before = app.clock.setting()
        await pilot.press("d")  # bound to nothing here
        assert app.share is None and app.clock.setting() == before
    setup = Setup("follow", "room", place_of("room"))
    async with shared(campaign, setup) as (app, pilot, _source):
        helped = dict(keymap.key_help(app.get_key_display, app.share_keys()))
        assert helped["d"].startswith("Leave the shared replay")
        assert helped["j"] == "Back to the presenter's replay"
        offered = [c.title for c in app.palette_commands()]
        assert "Back to the presenter's replay" in offered


@ui_test
async def test_a_presenter_sends_each_change_to_a_connected_follower(
    campaign: Campaign, runtime: Path
) -> None:
    place = place_of("room")
    setup = Setup("present", "room", place, claim(place, "room"))
    try:
        async with shared(campaign, setup) as (app, pilot, _source):
            assert "presenting room · 0 following" in clock(app, "replay")
            reader, writer = await asyncio.open_unix_connection(str(place.path))
            hello = decode(await asyncio.wait_for(reader.readline(), 5))
            assert not hello.playing and hello.focus is None
            app.poll()
            await pilot.pause()
            assert "1 following" in clock(app, "replay")

            async def after(key: str) -> None:
                await pilot.press(key)
                return decode(await asyncio.wait_for(reader.readline(), 5))

            assert (await after("space")).playing
            assert (await after("plus")).speed > hello.speed
            state = await after("r")
            assert state.direction == -1
            state = await after("m")
            assert state.focus == "mars6"
            state = await after("end")
            assert state.tick == pytest.approx(campaign.end)
            writer.close()
    finally:
        setup.release()
    assert not place.path.exists()
