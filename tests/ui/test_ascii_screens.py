"""Every screen and dialog in ASCII mode, in-process: Textual's own chrome included.

The same dashboard in real terminals (the linux console, the C locale, --ascii) is in
e2e/test_terminals.py.
"""

from __future__ import annotations

import asyncio

from support.pilot import screen_text

from mission_control.app import make_app
from mission_control.campaign import Campaign
from mission_control.clock import ManualTimeSource
from mission_control.timeparse import parse_time
from mission_control.widgets.event_log import EventLog

AT = "mars6:atmospheric-entry"
CLOCK = "09:05:53"


def test_every_screen_and_dialog_is_ascii_in_ascii_mode(campaign: Campaign) -> None:
    """Help, dialogs, the palette, the event detail and the compact layout:
    Textual's own chrome (borders, inputs, scrollbars) included."""
    shown: dict[str, str] = {}

    async def run() -> None:
        app = make_app(
            campaign,
            time_source=ManualTimeSource(),
            start=parse_time(AT, campaign),
            paused=True,
            ascii_only=True,
        )
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown["dashboard"] = screen_text(app)
            for name, keys in [
                ("help", ["question_mark"]),
                ("go to", ["g", *"mars6:l"]),
                ("search", ["slash"]),
                ("palette", ["ctrl+p"]),
            ]:
                await pilot.press(*keys)
                await pilot.pause()
                shown[name] = screen_text(app)
                await pilot.press("escape")
                await pilot.pause()
            log = app.query_one(EventLog)
            log.focus()
            log.highlighted = log.line_count - 1
            await pilot.press("enter")
            await pilot.pause()
            shown["event detail"] = screen_text(app)
            await pilot.press("escape")
            await pilot.resize_terminal(40, 15)
            await pilot.pause()
            shown["compact"] = screen_text(app)

    asyncio.run(run())
    for name, text in shown.items():
        others = sorted({c for c in text if not c.isascii()})
        assert others == [], f"{name}: {others}\n{text}"
    assert "* normal" in shown["dashboard"]
    assert "Seek to the next event" in shown["help"]
    assert "mars6:launch" in shown["go to"]
    assert "The lander encountered the atmosphere" in shown["event detail"]
    assert CLOCK in shown["compact"]
