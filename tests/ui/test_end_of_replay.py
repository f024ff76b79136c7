"""The end of the replay: a clear state that says what space does, space playing it again,
and the kiosk's loop (``--loop`` or the palette's "Loop the replay"), on a manual clock."""

from __future__ import annotations

import argparse
import io

import pytest
from support.pilot import (
    advance,
    clock,
    dashboard,
    log_lines,
    play_to_the_end,
    screen_text,
    ui_test,
)
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from mission_control import cli
from mission_control import dashboard as dashboard_command
from mission_control.app import MissionControlApp
from mission_control.campaign import Campaign
from mission_control.clock import LOOP_HOLD_S

END = "■ end of replay · space: play again"


async def loop_from_palette(pilot: Pilot[None]) -> None:
    """Run "Loop the replay" from the command palette, as typed."""
    await pilot.press("ctrl+p")
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    palette.query_one(Input).value = "Loop the replay"
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


@ui_test
async def test_the_end_says_so_and_space_plays_again(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars7:last-contact", paused=False) as (app, pilot, source):
        await play_to_the_end(pilot, source)
        assert clock(app, "replay") == f"{END} · si · all events"
        assert END in screen_text(app)
        assert app.clock.now() == campaign.end
        await pilot.press("space")
        assert app.clock.playing and clock(app, "replay").startswith("▶ playing · auto ")
        assert app.clock.now() == campaign.start
        await advance(pilot, source, 1)
        assert campaign.start < app.clock.now() < campaign.end
        # Space is play/pause again until the next end.
        await pilot.press("space")
        assert clock(app, "replay").startswith("‖ paused")


@ui_test
async def test_the_end_in_ascii(campaign: Campaign) -> None:
    start = campaign.end - 60
    at_the_end = dashboard(
        campaign, paused=False, speed=60.0, size=(80, 24), start=start, ascii_only=True
    )
    async with at_the_end as (app, pilot, source):
        await advance(pilot, source, 2)
        assert clock(app, "replay").startswith("[] end of replay · space: play again · ")
        assert "[] end of replay | space: play again" in screen_text(app)


@ui_test
async def test_seeking_to_the_end_while_paused_is_not_the_end(campaign: Campaign) -> None:
    """Paused by the user at the end, the replay only stands there: space plays (and ends at
    once, which then says so)."""
    async with dashboard(campaign) as (app, pilot, _source):
        await pilot.press("end")
        assert clock(app, "replay").startswith("‖ paused")
        await pilot.press("space")
        assert clock(app, "replay").startswith(END)


@ui_test
async def test_the_palette_loops_the_replay_after_a_hold_at_its_end(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars7:last-contact", paused=False) as (app, pilot, source):
        await loop_from_palette(pilot)
        assert app.clock.loop
        await play_to_the_end(pilot, source)
        assert clock(app, "replay").startswith("■ end of replay · looping · space: play now")
        await advance(pilot, source, LOOP_HOLD_S - 1)
        assert app.clock.now() == campaign.end and not app.clock.playing
        await advance(pilot, source, 1)
        assert app.clock.playing and clock(app, "replay").startswith("▶ playing · auto ")
        assert app.clock.now() == campaign.start
        assert log_lines(app) == []  # the whole dashboard starts over
        await advance(pilot, source, 1)
        assert app.clock.now() > campaign.start
        # The same command turns it off.
        await loop_from_palette(pilot)
        assert not app.clock.loop


def test_the_loop_option_makes_a_looping_dashboard(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    looping: list[bool] = []
    monkeypatch.setattr(MissionControlApp, "run", lambda self: looping.append(self.clock.loop))
    for argv, expected in ((["--loop"], True), ([], False)):
        args: argparse.Namespace = cli.build_dashboard_parser().parse_args(argv)
        assert dashboard_command.run_dashboard(args, campaign) == 0
        assert looping.pop() is expected
    # The same through the command line, with and without the command's name.
    for argv, expected in (
        (["--loop"], True),
        (["run", "--loop"], True),
        (["run"], False),
    ):
        assert cli.main(argv, out=io.StringIO(), err=io.StringIO()) == 0, argv
        assert looping == [expected], argv
        looping.clear()


@ui_test
async def test_plus_and_minus_say_the_new_speed_in_the_clock_lines_words(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        said: list[str] = []
        monkeypatch.setattr(app, "notify", lambda message, **_: said.append(message))
        assert clock(app, "replay").startswith("‖ paused · auto 1× · ")
        await pilot.press("plus")
        assert said == ["Speed 10×"]
        assert clock(app, "replay").startswith("‖ paused · 10× · ")
        await pilot.press("r", "minus")
        assert said[-1] == "Speed −1×"
        assert clock(app, "replay").startswith("‖ paused · −1× · ")
