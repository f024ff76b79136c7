"""The orrery on the dashboard: mounted after the first frame, placed by the terminal's
size, toggled with ``o``, a pure function of the replay's moment, and drawn again only
when a marker moves a dot or the size changes."""

from __future__ import annotations

from support.pilot import advance, dashboard, screen_text, tick_of, ui_test
from textual.containers import Container

from mission_control.app import MissionControlApp
from mission_control.campaign import Campaign
from mission_control.widgets.orrery import Orrery
from mission_control.widgets.subsystem_panel import SubsystemPanel

MID_CRUISE = "1973-11-01T00:00:00Z"


def drawn(app: MissionControlApp) -> str:
    return app.query_one(Orrery).plain


def shown(app: MissionControlApp) -> bool:
    orrery = app.query_one(Orrery)
    return orrery.display and orrery.parent is not None and orrery.parent.display


@ui_test
async def test_a_large_terminal_shows_the_orrery_beside_the_log(campaign: Campaign) -> None:
    async with dashboard(campaign, MID_CRUISE, size=(120, 40)) as (app, pilot, _):
        assert app.query_one("#lower").has_class("-pane")
        orrery = app.query_one(Orrery)
        assert orrery.region.width >= 48 and orrery.region.x > 60
        text = drawn(app)
        assert "☉" in text and "⊕" in text and "♂" in text
        assert "◆6 Mars 6" in text and "▲7 Mars 7" in text
        assert "≈ modelled" in text
        assert all(panel.display for panel in app.query(SubsystemPanel))
        assert "M km from Earth" in text
        await pilot.press("u")
        assert "M mi from Earth" in drawn(app) and "mph" in drawn(app)
        await pilot.press("o")
        assert not shown(app)
        await pilot.press("o")
        assert shown(app)


@ui_test
async def test_o_swaps_the_status_panels_for_the_orrery_in_a_small_terminal(
    campaign: Campaign,
) -> None:
    async with dashboard(campaign, MID_CRUISE, size=(80, 24)) as (app, pilot, _):
        panels = app.query_one("#panels")
        assert not shown(app) and panels.display
        await pilot.press("o")
        assert shown(app) and not panels.display
        assert "◆6" in screen_text(app)
        await pilot.press("o")
        assert not shown(app) and panels.display
        assert "◆6" not in screen_text(app)


@ui_test
async def test_seeking_forward_then_back_draws_the_same(campaign: Campaign) -> None:
    async with dashboard(campaign, MID_CRUISE, size=(120, 40)) as (app, pilot, _):
        before = drawn(app)
        app.seek(tick_of(campaign, "1974-02-01T00:00:00Z"))
        await pilot.pause()
        later = drawn(app)
        assert later != before
        app.seek(tick_of(campaign, MID_CRUISE))
        await pilot.pause()
        assert drawn(app) == before


@ui_test
async def test_a_second_of_replay_redraws_no_dots(campaign: Campaign) -> None:
    async with dashboard(campaign, MID_CRUISE, size=(120, 40), paused=False, speed=1.0) as (
        app,
        pilot,
        source,
    ):
        orrery = app.query_one(Orrery)
        drawing = drawn(app)
        redraws = orrery.redraws
        await advance(pilot, source, 1.0)
        assert app.clock.now() == tick_of(campaign, MID_CRUISE) + 1.0
        drawn(app)
        assert orrery.redraws == redraws
        assert drawn(app).splitlines()[5] == drawing.splitlines()[5]


@ui_test
async def test_a_resize_draws_again_at_the_new_size(campaign: Campaign) -> None:
    async with dashboard(campaign, MID_CRUISE, size=(120, 40)) as (app, pilot, _):
        orrery = app.query_one(Orrery)
        small = drawn(app)
        redraws = orrery.redraws
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        large = drawn(app)
        assert orrery.redraws > redraws
        assert len(large.splitlines()) > len(small.splitlines())
        assert "☉" in large


@ui_test
async def test_the_first_state_has_no_positions_and_later_ones_do(campaign: Campaign) -> None:
    async with dashboard(campaign, MID_CRUISE, size=(120, 40)) as (app, _pilot, _):
        state = app.query_one(Orrery).state
        assert state is not None
        assert all(ms.position is not None for ms in state.missions)


@ui_test
async def test_an_app_ending_before_the_orrery_mounts_does_not_crash(campaign: Campaign) -> None:
    # A signal that ends the app as its first frame is shown: by the orrery's turn the pane
    # it goes in is no longer in the app (as a pane never mounted is not).
    async with dashboard(campaign, MID_CRUISE, size=(120, 40)) as (app, pilot, _):
        app._lower = Container()
        app._start_orrery()
        await pilot.pause()
        assert len(app.query(Orrery)) == 1  # the one mounted at the start, no other
