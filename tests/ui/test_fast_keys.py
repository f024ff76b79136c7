"""Keys faster than the dialogs: each key sequence here comes in one burst (support.keys), as
from someone typing fast, so a dialog or the command palette meets a key before it has
handled the one before. Every dialog closes exactly once, the palette pages before its list
is laid out, and the app never stops on an internal error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from support.keys import burst
from support.pilot import dashboard, tick_of, ui_test
from textual.command import CommandList, CommandPalette
from textual.screen import Screen

from mission_control.app import MissionControlApp
from mission_control.campaign import Campaign
from mission_control.screens.event_detail import EventDetailScreen
from mission_control.screens.goto import GotoScreen
from mission_control.screens.help import HelpScreen
from mission_control.screens.search import SearchScreen

# ---------------------------------------------------------------------- our dialogs


@ui_test
async def test_slash_enter_enter_closes_the_search_once(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await burst(pilot, "slash", "enter", "enter")
        assert len(app.screen_stack) == 1
        await burst(pilot, "slash")
        await burst(pilot, *"lander", "enter", "enter")
        assert len(app.screen_stack) == 1
        assert app.log_search == "lander"


@ui_test
async def test_a_time_entered_twice_closes_go_to_once(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await burst(pilot, "g")
        await burst(pilot, *"mars6", "colon", *"launch", "enter", "enter")
        assert len(app.screen_stack) == 1
        assert app.clock.now() == tick_of(campaign, "mars6:launch")


DIALOGS: dict[str, Callable[[MissionControlApp], Screen[Any]]] = {
    "help": lambda app: HelpScreen([]),
    "search": lambda app: SearchScreen(),
    "goto": lambda app: GotoScreen(app.campaign),
    "event detail": lambda app: EventDetailScreen(
        app.campaign.all_events()[0][1], app.campaign.tracks[0]
    ),
}


@pytest.mark.parametrize("dialog", DIALOGS)
@ui_test
async def test_a_dialog_dismissed_twice_closes_once(campaign: Campaign, dialog: str) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        results: list[object] = []
        screen = DIALOGS[dialog](app)
        await app.push_screen(screen, results.append)
        await pilot.pause()
        screen.dismiss(None)
        screen.dismiss(None)
        await pilot.pause()
        assert results == [None]
        assert len(app.screen_stack) == 1


@ui_test
async def test_a_dialog_under_another_is_not_closed_by_a_late_dismiss(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await burst(pilot, "slash")
        search = app.screen
        await burst(pilot, "question_mark")
        assert isinstance(app.screen, SearchScreen)  # typed into the search, not help
        await app.push_screen(HelpScreen([]))
        search.dismiss("late")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.log_search == ""
        await burst(pilot, "escape")
        assert app.screen is search
        await burst(pilot, "enter")
        assert len(app.screen_stack) == 1
        assert app.log_search == "?"


# ---------------------------------------------------------------------- the command palette


@pytest.mark.parametrize("key", ["pagedown", "pageup"])
@ui_test
async def test_the_palette_pages_before_its_list_is_laid_out(campaign: Campaign, key: str) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await burst(pilot, "ctrl+p", key)
        assert isinstance(app.screen, CommandPalette)
        commands = app.screen.query_one(CommandList)
        assert commands.highlighted == 0  # a list with no height yet: a page is no lines
        await burst(pilot, "pagedown")  # laid out now: a page down, and back up
        assert commands.highlighted is not None and commands.highlighted > 0
        await burst(pilot, "pageup")
        assert commands.highlighted == 0
        await burst(pilot, "escape")
        assert len(app.screen_stack) == 1


@ui_test
async def test_ctrl_p_enter_enter_closes_the_palette_once(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await burst(pilot, "ctrl+p", "enter", "enter")
        assert len(app.screen_stack) == 1
        assert app.return_code is None


@ui_test
async def test_a_command_chosen_twice_runs_once(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await burst(pilot, "ctrl+p")
        await burst(pilot, *"imperial")
        await burst(pilot, "enter", "enter")
        assert len(app.screen_stack) == 1
        assert app.unit_system == "imperial"  # toggled once, not twice


@ui_test
async def test_the_palette_does_not_open_once_the_app_is_ending(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await burst(pilot, "ctrl+c", "ctrl+p")
        await app.workers.wait_for_complete()
    assert app.return_code == 0


@ui_test
async def test_the_theme_search_closes_once(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await burst(pilot, "ctrl+p")
        await burst(pilot, *"theme")
        await burst(pilot, "enter")
        themes = app.screen
        assert isinstance(themes, CommandPalette)
        await burst(pilot, "enter", "enter")
        assert len(app.screen_stack) == 1
        assert app.return_code is None
