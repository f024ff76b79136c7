"""A planned event on the dashboard: listed in the event log, and its detail says it was
only due."""

from __future__ import annotations

from support.pilot import dashboard, log_lines, screen_text, ui_test

from mission_control.campaign import build_campaign
from mission_control.extract.reader import read_text
from mission_control.screens.event_detail import EventDetailScreen
from mission_control.widgets.event_log import EventLog

ARTICLE = (
    "Zond 9 was a Soviet probe. Zond 9 was launched on 3 June 1975 at 12:00 UTC. The lander "
    "was due to land on 5 May 1976, but it crash-landed on 6 May 1976."
)


@ui_test
async def test_a_planned_event_is_listed_and_its_detail_says_planned() -> None:
    campaign = build_campaign([read_text(ARTICLE, "zond9.txt")])
    async with dashboard(campaign, "1976-05-05T12:00:00Z") as (app, pilot, _source):
        lines = log_lines(app)
        assert any("Landing (lander), planned" in line for line in lines)
        log = app.query_one(EventLog)
        log.focus()
        log.highlighted = log.line_count - 1
        await pilot.press("enter")
        assert isinstance(app.screen, EventDetailScreen)
        shown = screen_text(app)
        assert "the text says it was due then, not that it happened" in shown
