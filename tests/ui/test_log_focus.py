"""The mission in focus (``m``) applies to the event log as to the status panels: the log
lists only that mission's events, its title says which mission is in focus, and an empty
log says the focus is why. The log's own filter and search apply within the focus."""

from __future__ import annotations

from support.pilot import dashboard, log_lines, screen_text, ui_test

from mission_control.app import MissionControlApp
from mission_control.campaign import Campaign
from mission_control.widgets.event_log import EventLog
from mission_control.widgets.mission_clock import MissionClock


def crafts(app: MissionControlApp) -> set[str]:
    return {event.mission_id for event in app.query_one(EventLog).shown_events}


def title(app: MissionControlApp) -> str:
    return str(app.query_one(EventLog).border_title)


@ui_test
async def test_m_lists_only_the_focused_missions_events(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars7:last-contact") as (app, pilot, _source):
        everything = len(log_lines(app))
        assert crafts(app) == {"mars6", "mars7"}
        await pilot.press("m")
        assert app.focus_id == "mars6"
        assert crafts(app) == {"mars6"}
        assert 0 < len(log_lines(app)) < everything
        assert title(app).endswith("showing Mars 6 only, in focus (m for all)")
        assert app.query_one(MissionClock).settings.endswith("all events · Mars 6 in focus")
        await pilot.press("m")
        assert crafts(app) == {"mars7"}
        assert "showing Mars 7 only, in focus" in title(app)
        await pilot.press("f")
        assert title(app).endswith("showing failures only · Mars 7 in focus (m for all)")
        await pilot.press(*"fff")  # all events again
        await pilot.press("m")
        assert app.focus_id is None
        assert len(log_lines(app)) == everything
        assert "in focus" not in title(app)


@ui_test
async def test_the_filter_and_the_search_apply_within_the_focus(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars7:last-contact", size=(120, 30)) as (app, pilot, _):
        await pilot.press("m", "f")  # Mars 6 in focus, failures only
        failures = app.query_one(EventLog).shown_events
        assert failures and all(e.failed and e.mission_id == "mars6" for e in failures)
        await pilot.press("f", "f")  # the filter on Mars 7, the focus on Mars 6: nothing
        assert log_lines(app) == []
        assert "nothing: showing Mars 7 only, Mars 6 in focus (f, m for more)" in screen_text(app)
        await pilot.press("f", "slash", *"flyby", "enter")  # all events, searched
        assert [(e.mission_id, e.kind) for e in app.query_one(EventLog).shown_events] == [
            ("mars6", "flyby")
        ]


@ui_test
async def test_the_clock_adds_only_the_focused_missions_events(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars7:launch") as (app, pilot, _source):
        await pilot.press("m", "m")  # Mars 7 in focus
        assert [e.mission_id for e in app.query_one(EventLog).shown_events] == ["mars7"]
        await pilot.press("end")
        assert crafts(app) == {"mars7"}
        await pilot.press("home")
        assert log_lines(app) == []
        assert "no Mars 7 event so far (m for all missions)" in screen_text(app)
