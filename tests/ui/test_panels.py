"""The status panels on screen: each names its part's phase, lists what it carried instead
of a row each, shows a window an event is known only to lie in, and follows the clock."""

from __future__ import annotations

from support.pilot import dashboard, screen_text, tick_of, ui_test

from mission_control.campaign import Campaign
from mission_control.screens.help import HelpScreen
from mission_control.widgets.subsystem_panel import SubsystemPanel


def panel_text(panel: SubsystemPanel) -> list[str]:
    return [
        "".join(segment.text for segment in panel.render_line(y)).rstrip()
        for y in range(panel.virtual_size.height)
    ]


@ui_test
async def test_each_panel_names_its_parts_phase_at_80_columns(campaign: Campaign) -> None:
    at = "1974-03-12T09:07:00Z"
    async with dashboard(campaign, at, size=(80, 24)) as (app, _pilot, _source):
        panels = {p.id: p for p in app.query(SubsystemPanel)}
        lander = panels["panel-mars6-lander"]
        assert lander.border_title == "Mars 6 lander"  # no room for the phase there
        lines = panel_text(lander)
        assert lines[0] == "entry and descent"
        assert lines[1].startswith("● separated")
        assert " 09:05:53–09:11:05" in lines, "the parachute's window, under its row"
        assert panel_text(panels["panel-mars6-bus"])[0] == "flyby"
        assert panel_text(panels["panel-mars7-bus"])[0] == "heliocentric orbit"
        assert "magnetometer" in screen_text(app)
        assert "unknown  magnetom" not in screen_text(app)


@ui_test
async def test_a_wide_panel_names_the_phase_in_its_header(campaign: Campaign) -> None:
    async with dashboard(campaign, "1974-03-12T09:07:00Z", size=(240, 40)) as (app, _p, _s):
        lander = app.query_one("#panel-mars6-lander", SubsystemPanel)
        assert lander.border_title == "Mars 6 lander · entry and descent"
        assert panel_text(lander)[0].startswith("● separated")


@ui_test
async def test_a_phase_that_time_alone_changes_reaches_the_panel(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:launch", size=(80, 24)) as (app, pilot, _source):
        bus = app.query_one("#panel-mars6-bus", SubsystemPanel)
        assert panel_text(bus)[0] == "launch"
        app.seek(tick_of(campaign, "mars6:launch") + 2 * 86400)
        await pilot.pause()
        assert panel_text(bus)[0] == "cruise"


@ui_test
async def test_the_help_shows_every_phase(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:launch", size=(100, 60)) as (app, pilot, _source):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        for phase in ("heliocentric orbit", "entry and descent", "contact lost", "approach"):
            assert f"━━ {phase}" in shown
        assert "colour: launch, cruise" not in shown


@ui_test
async def test_no_panel_scrolls_its_list_out_of_sight_at_80x24(campaign: Campaign) -> None:
    async with dashboard(campaign, "1974-03-12T09:07:00Z", size=(80, 24)) as (app, _p, _s):
        for panel in app.query(SubsystemPanel):
            assert panel.max_scroll_y == 0, panel.id
            assert panel_text(panel)[-1].strip().endswith("more"), panel.id
