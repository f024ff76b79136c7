"""The palette's key while the palette closes.

A command chosen in the palette closes it in the palette's own handler: Textual takes the
palette off the screen stack at once, but removes it from the app only once the app has
handled the message it is on. A ``ctrl+p`` already queued at the app (typed fast, or a key
held down) finds the dashboard on top while the old palette, and its id, is still one of
the app's screens. Pushing a second palette then stopped the app on ``DuplicateIds``; now
the new one waits until the old one is gone.
"""

from __future__ import annotations

from support.keys import burst, key_event
from support.pilot import dashboard, ui_test
from textual.app import App
from textual.message import Message
from textual.widgets import OptionList

from mission_control.campaign import Campaign
from mission_control.screens.palette import DashboardPalette


@ui_test
async def test_the_palette_key_as_a_command_closes_the_palette_opens_one(
    campaign: Campaign,
) -> None:
    apps: list[App[None]] = []

    def palette_key_at_each_step(message: Message) -> None:
        """``ctrl+p`` again at each step of the chosen command's way up to the palette, so
        one is queued at the app when the palette closes."""
        if apps and isinstance(message, OptionList.OptionSelected):
            apps[0].post_message(key_event("ctrl+p"))

    async with dashboard(campaign, message_hook=palette_key_at_each_step) as (app, pilot, _):
        speed = app.clock.speed
        await burst(pilot, "ctrl+p")
        await burst(pilot, *"faster")
        palette = app.screen
        assert palette.query_one(OptionList).option_count == 1
        apps.append(app)
        await burst(pilot, "enter")
        assert app.return_code is None
        assert app.clock.speed > speed  # the command ran
        assert [type(screen) for screen in app.screen_stack][1:] == [DashboardPalette]
        assert app.screen is not palette
        assert palette.parent is None  # the old palette is gone


@ui_test
async def test_the_palette_key_while_the_palette_is_open_opens_no_other(
    campaign: Campaign,
) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await burst(pilot, "ctrl+p", "ctrl+p")
        palette = app.screen
        await burst(pilot, "ctrl+p")
        assert app.screen is palette
        assert len(app.screen_stack) == 2
