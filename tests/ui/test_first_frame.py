"""The dashboard's first frame, in-process: what the start leaves behind for later.

Garbage collection, off while the dashboard starts, is back on after the first frame; the
dialogs' rules are read with the first dialog, not before. (What the start imports is
checked in unit/test_startup.py.)
"""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

from mission_control.app import make_app
from mission_control.campaign import Campaign
from mission_control.clock import ManualTimeSource
from mission_control.screens import DIALOG_CSS
from mission_control.screens.goto import GotoScreen


def test_the_dashboard_turns_collection_back_on_after_its_first_frame(
    campaign: Campaign,
) -> None:
    async def run() -> None:
        app = make_app(campaign, time_source=ManualTimeSource(), paused=True)
        gc.disable()  # as the command line does before it starts the dashboard
        gc.unfreeze()
        try:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                assert gc.isenabled()
                # What the start made is kept out of later collections' way.
                assert gc.get_freeze_count() > 10_000
        finally:
            gc.enable()

    asyncio.run(run())


def test_the_dialogs_rules_are_read_with_the_first_dialog(campaign: Campaign) -> None:
    async def run() -> None:
        app = make_app(campaign, time_source=ManualTimeSource(), paused=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            sources = {Path(path) for path, _ in app.stylesheet.source}
            assert DIALOG_CSS not in sources
            await pilot.press("g")
            await pilot.pause()
            assert isinstance(app.screen, GotoScreen)
            assert DIALOG_CSS in {Path(path) for path, _ in app.stylesheet.source}
            dialog = app.screen.query_one("#goto-dialog")
            assert dialog.styles.border_top[0] == "round"  # .dialog, from screens.tcss
            assert not app.screen.query_one("#goto-error").display  # until a bad time

    asyncio.run(run())
