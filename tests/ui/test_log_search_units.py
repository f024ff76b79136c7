"""The log's search in either unit system: it matches the quantities as the lines show them,
in the units chosen, and the search dialog's example unit is one those lines show."""

from __future__ import annotations

from support.pilot import dashboard, log_lines, screen_text, ui_test
from textual.app import App, ComposeResult
from textual.widgets import Input

from mission_control.campaign import Campaign
from mission_control.presentation.formatting import quantity_table
from mission_control.screens.search import SearchScreen
from mission_control.widgets.event_log import EventLog


@ui_test
async def test_the_dialogs_example_unit_is_one_the_log_shows(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars7:last-contact") as (app, pilot, _source):
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        assert "km" in app.screen.query_one(Input).placeholder
        await pilot.press("escape", "u", "slash")
        placeholder = app.screen.query_one(Input).placeholder
        assert "mi" in placeholder and "km" not in placeholder
        await pilot.press(*"mi", "enter")
        assert any("990 mi" in line for line in log_lines(app))


@ui_test
async def test_a_search_follows_the_units_the_lines_are_shown_in(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars7:last-contact", size=(120, 30)) as (app, pilot, _):
        await pilot.press("slash", *"1,600 km", "enter")
        assert [line.split(" · ")[-1] for line in log_lines(app)] == ["1,600 km"]
        await pilot.press("u")  # the line now says 990 mi: the search no longer matches it
        assert log_lines(app) == []
        assert "no event so far matches “1,600 km”" in screen_text(app)
        await pilot.press("slash", *"990 mi", "enter")
        assert [line.split(" · ")[-1] for line in log_lines(app)] == ["990 mi"]
        await pilot.press("u")
        assert log_lines(app) == []
        await pilot.press("u")
        assert [line.split(" · ")[-1] for line in log_lines(app)] == ["990 mi"]


class LogApp(App[None]):
    """The event log alone, its settings set by the test."""

    def __init__(self, campaign: Campaign) -> None:
        super().__init__()
        self.campaign = campaign

    def compose(self) -> ComposeResult:
        yield EventLog(self.campaign)


@ui_test
async def test_a_search_made_before_the_quantities_are_listed_finds_them(
    campaign: Campaign,
) -> None:
    app = LogApp(campaign)
    async with app.run_test(size=(120, 20)) as pilot:
        log = app.query_one(EventLog)
        log.passed = len(campaign.all_events())
        log.search = "990 mi"
        log.units = "imperial"
        await pilot.pause()
        assert log.line_count == 0  # the quantities are not listed yet
        log.quantities = quantity_table(track.mission for track in campaign.tracks)
        await pilot.pause()
        assert [e.kind for e in log.shown_events] == ["flyby"]
