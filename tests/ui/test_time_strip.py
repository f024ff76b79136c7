"""The time strip as a user drives it: zooming with the keys and the wheel, the window's
labelled ends, following the cursor, seeking in a zoomed window, phases named on their
bands, and a mission in focus. Time is a ManualTimeSource's, as in test_app.py."""

from __future__ import annotations

import pytest
from rich.text import Text
from support.pilot import advance, dashboard, screen_lines, screen_text, tick_of, ui_test
from textual import events
from textual.geometry import Region

from mission_control import keymap
from mission_control.campaign import Campaign
from mission_control.presentation import time_window as tw
from mission_control.screens.help import TIMELINE_MARKS, HelpScreen
from mission_control.widgets.timeline import Timeline


def rows(timeline: Timeline) -> list[str]:
    return timeline.render().plain.split("\n")


def strip_row(timeline: Timeline, mission: str) -> str:
    """A mission's row without its name."""
    return next(row for row in rows(timeline) if row.startswith(mission))[len("Mars 6 ") :]


@ui_test
async def test_at_80_columns_the_mars_6_descent_is_many_columns_once_zoomed(
    campaign: Campaign,
) -> None:
    entry = tick_of(campaign, "mars6:atmospheric-entry")
    lost = tick_of(campaign, "mars6:loss-of-contact")
    async with dashboard(campaign, "1974-03-12T09:04:00Z", size=(80, 24)) as (app, pilot, _):
        timeline = app.query_one(Timeline)
        assert timeline.column(entry) == timeline.column(lost)  # the whole campaign: one column
        await pilot.press("z", *["right_square_bracket"] * 20)
        await pilot.pause()
        assert timeline.window.span == 10 * 60
        assert timeline.size.height == 3  # a row for the window's ends
        first, last = timeline.column(entry), timeline.column(lost)
        assert last - first > 30
        mars6 = strip_row(timeline, "Mars 6")
        assert mars6[first] == "●" and mars6[last] == "✖"
        assert " descent " in mars6[first:last] or " entry and descent " in mars6[first:last]
        axis = rows(timeline)[2]
        assert axis.startswith("10 min 12 Mar 09:0")
        assert axis.rstrip().endswith("12 Mar " + tw.moment_label(timeline.window.end, 600)[7:])


@ui_test
async def test_the_brackets_zoom_around_now_and_shift_z_shows_the_whole_campaign(
    campaign: Campaign,
) -> None:
    async with dashboard(campaign, "1973-12-01", size=(100, 30)) as (app, pilot, _):
        timeline = app.query_one(Timeline)
        now = app.clock.now()
        whole = timeline.window
        assert tw.is_whole(whole, (campaign.start, campaign.end))
        await pilot.press("left_square_bracket")  # already the whole campaign
        assert timeline.window == whole
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert timeline.window.span == 60 * 86400 and timeline.window.holds(now)
        assert timeline.has_class("-zoomed")
        await pilot.press("left_square_bracket")
        assert timeline.window.span == 120 * 86400
        await pilot.press("right_square_bracket", "right_square_bracket", "Z")
        assert timeline.window == whole and not timeline.has_class("-zoomed")


@ui_test
async def test_the_wheel_over_the_strip_zooms(campaign: Campaign) -> None:
    async with dashboard(campaign, "1973-12-01", size=(100, 30)) as (app, pilot, _):
        timeline = app.query_one(Timeline)

        def wheel(kind: type[events.MouseEvent]) -> events.MouseEvent:
            return kind(timeline, 20, 0, 0, 0, 0, False, False, False)

        timeline.post_message(wheel(events.MouseScrollUp))
        await pilot.pause()
        assert timeline.window.span == 120 * 86400
        timeline.post_message(wheel(events.MouseScrollDown))
        await pilot.pause()
        assert tw.is_whole(timeline.window, (campaign.start, campaign.end))


@ui_test
async def test_z_goes_to_the_events_at_the_planet(campaign: Campaign) -> None:
    async with dashboard(campaign, size=(100, 30)) as (app, pilot, _):
        timeline = app.query_one(Timeline)
        await pilot.press("z")
        await pilot.pause()
        window = timeline.window
        first_there = min(t.arrival_tick for t in campaign.tracks if t.arrival_tick)
        assert window.start < first_there < window.end
        assert window.holds(max(t.ticks[-1] for t in campaign.tracks))
        assert window.span < 20 * 86400
        assert window.holds(app.clock.now())  # the replay went there
        assert app.clock.now() < first_there


@ui_test
async def test_the_zoomed_window_follows_the_cursor_a_page_at_a_time(campaign: Campaign) -> None:
    async with dashboard(campaign, "1973-12-01", paused=False, speed=600.0) as (app, pilot, src):
        timeline = app.query_one(Timeline)
        for _ in range(11):  # down to an hour: six of these seconds across
            await pilot.press("right_square_bracket")
        assert timeline.window.span == 3600
        windows = [timeline.window]
        for _ in range(20):
            await advance(pilot, src, 1)
            now = app.clock.now()
            window = timeline.window
            assert window.holds(now)
            if window != windows[-1]:  # only once the cursor left it, then a page on
                assert not windows[-1].holds(now)
                assert (now - window.start) / window.span == pytest.approx(tw.FOLLOW_LEAD)
                windows.append(window)
        assert 3 <= len(windows) <= 5  # 20 × 10 min = 3⅓ h: a jump an hour or so, not a second


@ui_test
async def test_a_click_in_a_zoomed_window_seeks_to_that_column(campaign: Campaign) -> None:
    async with dashboard(campaign, "1974-03-12T09:04:00Z", size=(80, 24)) as (app, pilot, _):
        timeline = app.query_one(Timeline)
        await pilot.press("z", *["right_square_bracket"] * 20)
        window = timeline.window
        await pilot.click(Timeline, offset=(len("Mars 6 ") + 5, 2))  # the axis row: no marker
        assert app.clock.now() == window.tick_at(5, timeline.band_width)
        assert timeline.window == window


@ui_test
async def test_phases_are_named_on_their_bands(campaign: Campaign) -> None:
    async with dashboard(campaign, "1974-01-01", size=(80, 24)) as (app, _pilot, _):
        timeline = app.query_one(Timeline)
        for mission in ("Mars 6", "Mars 7"):
            assert " cruise " in strip_row(timeline, mission)


def band_colour(timeline: Timeline, row: int, col: int) -> str:
    line: Text = timeline.render().split("\n")[row]
    return str(line.get_style_at_offset(timeline.app.console, len("Mars 6 ") + col).color)


def phase_colour(timeline: Timeline, phase: str) -> str:
    return str(timeline._styles.of(timeline)[f"phase-{phase}"].color)


@ui_test
async def test_mars_6s_row_names_and_colours_its_bus_and_its_landers_descent(
    campaign: Campaign,
) -> None:
    """The words the panels' headers show: the lander's descent while it lasts, then the
    bus's flyby and the derived heliocentric orbit, not the mission's "ended"."""
    entry = tick_of(campaign, "mars6:atmospheric-entry")
    lost = tick_of(campaign, "mars6:loss-of-contact")
    async with dashboard(campaign, "1974-03-12T09:07:00Z", size=(80, 24)) as (app, pilot, _):
        timeline = app.query_one(Timeline)
        app.set_focus(None)
        await pilot.press("z")
        planet = strip_row(timeline, "Mars 6")
        assert " heliocentric orbit " in planet and "ended" not in planet
        assert band_colour(timeline, 0, len(planet) - 1) == phase_colour(
            timeline, "heliocentric orbit"
        )
        await pilot.press(*["right_square_bracket"] * 20)
        first, last = timeline.column(entry), timeline.column(lost)
        mars6 = strip_row(timeline, "Mars 6")
        assert " descent " in mars6[first:last] or " entry and descent " in mars6[first:last]
        assert " flyby " in mars6[last:] and "ended" not in mars6
        assert band_colour(timeline, 0, first + 1) == phase_colour(timeline, "entry and descent")
        assert band_colour(timeline, 0, len(mars6) - 1) == phase_colour(timeline, "flyby")
        assert phase_colour(timeline, "flyby") != phase_colour(timeline, "entry and descent")


@ui_test
async def test_mars_7s_failed_separation_is_a_caution_on_the_strip_as_in_the_log(
    campaign: Campaign,
) -> None:
    async with dashboard(campaign, "1974-03-10", size=(120, 40)) as (app, pilot, _):
        timeline = app.query_one(Timeline)
        await pilot.press("m", "m")  # Mars 7 in focus: the arrows go through its markers
        timeline.focus()
        await pilot.pause()
        col = timeline.column(tick_of(campaign, "mars7:separation"))
        assert strip_row(timeline, "Mars 7")[col] == "✖"  # not choosing: the column's own
        await pilot.press("left", "left", "left")
        caption = rows(timeline)[-1]
        assert "Mars 7 ▲ Separation (lander): failed to separate" in caption
        assert strip_row(timeline, "Mars 7")[col] == "▲"
        await pilot.press("right")  # the successful separation, at the same moment
        assert strip_row(timeline, "Mars 7")[col] == "●"
        app.set_focus(None)
        await pilot.pause()
        assert strip_row(timeline, "Mars 7")[col] == "✖"  # the missed flyby, the most telling


@ui_test
async def test_in_ascii_the_caution_marker_is_its_stand_in(campaign: Campaign) -> None:
    async with dashboard(campaign, "1974-03-10", size=(120, 40), ascii_only=True) as (
        app,
        pilot,
        _source,
    ):
        timeline = app.query_one(Timeline)
        await pilot.press("m", "m")
        timeline.focus()
        await pilot.press("left", "left", "left")
        lines = screen_lines(app)
        mars7 = next(line for line in lines if line.startswith("Mars 7 "))
        col = len("Mars 6 ") + timeline.column(tick_of(campaign, "mars7:separation"))
        assert mars7[col] == "!"  # ASCII_GLYPHS[Status.CAUTION]
        assert any("Mars 7 ! Separation (lander): failed to separate" in line for line in lines)


@ui_test
async def test_focus_dims_the_other_missions_row(campaign: Campaign) -> None:
    async with dashboard(campaign, "1974-01-01", size=(80, 24)) as (app, pilot, _):
        timeline = app.query_one(Timeline)

        def band_colours(row: int) -> set[str]:
            line: Text = timeline.render().split("\n")[row]
            cursor = len("Mars 6 ") + timeline.column(app.clock.now())
            return {
                str(line.get_style_at_offset(app.console, i).color)
                for i in range(len("Mars 6 "), len(line))
                if i != cursor
            }

        app.set_focus(None)  # no chosen marker highlighted: the colours are the rows' own
        await pilot.pause()
        mars6, mars7 = band_colours(0), band_colours(1)
        assert len(mars6) > 2 and len(mars7) > 2  # phases and markers in their colours
        await pilot.press("m")  # Mars 6
        dimmed = band_colours(1)
        assert len(dimmed) == 1 and band_colours(0) == mars6
        timeline.focus()
        await pilot.press("left", "right", "right")  # Mars 6's markers alone
        assert timeline.campaign.all_events()[timeline.chosen or 0][1].mission_id == "mars6"
        app.set_focus(None)
        await pilot.press("m")  # Mars 7
        assert band_colours(0) == dimmed and band_colours(1) == mars7
        await pilot.press("m")  # both
        assert band_colours(0) == mars6 and band_colours(1) == mars7


@ui_test
async def test_the_help_lists_the_zoom_keys(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _):
        help_lines = dict(keymap.key_help(app.get_key_display))
        assert help_lines["]"].startswith("Timeline: zoom in")
        assert help_lines["["].startswith("Timeline: zoom out")
        assert help_lines["z"].startswith("Timeline: zoom to the events at the planet")
        assert help_lines["Z"].startswith("Timeline: zoom out to the whole campaign")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "Timeline: zoom to the events at the planet" in screen_text(app)


@ui_test
async def test_the_helps_timeline_legend_says_what_the_strip_shows_at_80_columns(
    campaign: Campaign,
) -> None:
    async with dashboard(campaign, size=(80, 24)) as (app, pilot, _):
        await pilot.press("question_mark")
        app.screen.query_one("#help-body").scroll_end(animate=False)
        await pilot.pause()
        shown = screen_text(app)
        for _mark, what in TIMELINE_MARKS:
            assert what in shown  # each on one line
        for words in ("named where they fit", "▲", "[ ]", "zoom", "dim", "focus"):
            assert words in shown


@ui_test
async def test_without_colour_the_row_out_of_focus_is_faint(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with dashboard(campaign, "1974-01-01", size=(80, 24)) as (app, pilot, _):
        timeline = app.query_one(Timeline)
        await pilot.press("m")  # Mars 6
        mars6, mars7 = timeline.render().split("\n")[:2]
        start, cursor = len("Mars 6 "), len("Mars 6 ") + timeline.column(app.clock.now())
        faint = [
            bool(line.get_style_at_offset(app.console, i).dim)
            for line in (mars6, mars7)
            for i in range(start, len(line))
            if i != cursor
        ]
        assert faint == [False] * (len(mars6) - start - 1) + [True] * (len(mars7) - start - 1)


@ui_test
async def test_a_cursor_moving_a_column_repaints_the_rows_not_the_axis(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with dashboard(campaign, "1973-12-01", paused=False, speed=86400.0, size=(100, 40)) as (
        app,
        pilot,
        src,
    ):
        timeline = app.query_one(Timeline)
        assert timeline.size.height == 4  # rows, axis, caption
        await advance(pilot, src, 3)  # the first move after the layout settled repaints all
        repaints: list[tuple[Region, ...]] = []
        monkeypatch.setattr(timeline, "refresh", lambda *regions, **_: repaints.append(regions))
        for _ in range(6):  # a day a second: the cursor moves a column every two or three
            await advance(pilot, src, 1)
        rows = (Region(0, 0, timeline.size.width, 1), Region(0, 1, timeline.size.width, 1))
        assert repaints and set(repaints) == {rows}


@ui_test
async def test_a_window_panning_over_an_unbroken_band_repaints_its_axis_alone(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fast replay zoomed in: the window pans every frame, but the bands, the phase
    names and the cursor's place in the window are as they were; only the dates change."""
    async with dashboard(campaign, "1973-11-01", paused=False, speed=86400.0, size=(80, 24)) as (
        app,
        pilot,
        src,
    ):
        timeline = app.query_one(Timeline)
        for _ in range(12):
            await pilot.press("right_square_bracket")  # down to an hour
        await advance(pilot, src, 1)
        repaints: list[tuple[Region, ...]] = []
        monkeypatch.setattr(timeline, "refresh", lambda *regions, **_: repaints.append(regions))
        windows = []
        for _ in range(5):
            await advance(pilot, src, 1)
            windows.append(timeline.window)
        assert len(set(windows)) == 5  # a new window every second
        assert repaints == [(Region(0, 2, timeline.size.width, 1),)] * 5
