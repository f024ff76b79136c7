"""The event log as a user sees it: lines come and go with the clock, the cursor keys move
a highlight, enter opens a line, the filter, search, units and width change what is listed,
and the newest line stays in view; also on a campaign of ten thousand events.
"""

from __future__ import annotations

import pytest
from support.campaigns import synthetic_campaign
from support.pilot import advance, dashboard, log_lines, screen_text, ui_test
from textual.color import Color

from mission_control.app import MissionControlApp
from mission_control.campaign import Campaign
from mission_control.screens.event_detail import EventDetailScreen
from mission_control.speed import SPEED_LADDER
from mission_control.widgets.event_log import EventLog

BIG = 10_000


@pytest.fixture(scope="module")
def big() -> Campaign:
    return synthetic_campaign(BIG)


def shown_rows(app: MissionControlApp) -> list[str]:
    """The log's rows as the terminal shows them."""
    region = app.query_one(EventLog).scrollable_content_region
    rows = screen_text(app).splitlines()[region.y : region.bottom]
    return [row[region.x : region.right] for row in rows]


def row_background(app: MissionControlApp, text: str) -> Color | None:
    """The background of the log row that shows ``text``."""
    log = app.query_one(EventLog)
    rows = shown_rows(app)
    region = log.scrollable_content_region
    y = next(i for i, row in enumerate(rows) if text in row) + region.y
    colour = app.screen.get_style_at(region.x + 1, y).bgcolor
    return None if colour is None else Color.from_rich_color(colour)


def on_screen(app: MissionControlApp, text: str) -> bool:
    return any(text in row for row in shown_rows(app))


# ---------------------------------------------------------------------- the clock


@ui_test
async def test_lines_come_as_the_clock_passes_events_and_go_when_it_goes_back(
    campaign: Campaign,
) -> None:
    async with dashboard(campaign, "mars7:launch") as (app, pilot, _source):
        assert [line.split()[-1] for line in log_lines(app)] == ["Launch", "Launch"]
        assert not on_screen(app, "Course correction")
        await pilot.press("n")
        assert on_screen(app, "Course correction")
        assert len(log_lines(app)) == 3
        await pilot.press("p")
        assert not on_screen(app, "Course correction")
        assert len(log_lines(app)) == 2
        await pilot.press("end")
        assert len(log_lines(app)) == 14
        assert on_screen(app, "Last contact")  # the newest line is in view
        await pilot.press("home")
        assert log_lines(app) == []
        assert "0 of 14 events passed" in str(app.query_one(EventLog).border_title)


@ui_test
async def test_playing_adds_lines_in_view(campaign: Campaign) -> None:
    fastest = SPEED_LADDER[-1][0]
    async with dashboard(campaign, "mars6:atmospheric-entry", speed=fastest) as (
        app,
        pilot,
        source,
    ):
        app.action_toggle_play()
        while app.clock.playing:
            await advance(pilot, source, 0.1)
        assert on_screen(app, "Last contact")


# ---------------------------------------------------------------------- keys and mouse


@ui_test
async def test_the_cursor_keys_move_the_highlight_and_enter_opens_its_line(
    campaign: Campaign,
) -> None:
    async with dashboard(campaign, "mars6:loss-of-contact", size=(80, 24)) as (app, pilot, _):
        log = app.query_one(EventLog)
        log.focus()
        await pilot.pause()
        assert log.highlighted is None
        plain = row_background(app, "Contact lost")
        await pilot.press("up")  # the first key: the newest line
        assert log.highlighted == 12
        cursor = row_background(app, "Contact lost")
        assert cursor != plain
        await pilot.press("up")
        assert row_background(app, "Parachute deployed") == cursor
        assert row_background(app, "Contact lost") == plain
        await pilot.press("pageup")
        page = log.scrollable_content_region.height
        assert log.highlighted == 11 - page > 0
        assert on_screen(app, log.line_text(11 - page)[:60])
        assert not on_screen(app, "Parachute deployed")
        await pilot.press("pageup", "pageup", "up")
        assert log.highlighted == 0  # the cursor stops at the oldest line
        await pilot.press("pagedown", "pagedown", "pagedown", "down", "down")
        assert log.highlighted == 12  # and at the newest
        await pilot.press("up", "enter")
        assert isinstance(app.screen, EventDetailScreen)
        assert app.screen.event.kind == "parachute"
        await pilot.press("escape")
        log.highlighted = None
        await pilot.press("pageup")  # from no cursor: a page above the newest line
        assert log.highlighted == max(0, 12 - page)


def near(a: Color | None, b: Color) -> bool:
    """Equal but for the rounding of compositing a translucent colour."""
    return a is not None and all(abs(x - y) <= 1 for x, y in zip(a.rgb, b.rgb, strict=True))


def over(background: Color, variable: str) -> Color:
    """A theme colour (translucent or not) laid over ``background``."""
    colour = Color.parse(variable)
    return background.blend(colour.with_alpha(1.0), colour.a)


@ui_test
async def test_the_cursor_and_the_mouse_line_take_the_themes_colours(campaign: Campaign) -> None:
    """As Textual's own lists draw them: the cursor in the block cursor colour while the log
    has focus and its blurred colour when it has not, the line under the mouse in the hover
    colour, each laid over the log's background."""
    async with dashboard(campaign, "mars6:loss-of-contact") as (app, pilot, _source):
        theme = app.theme_variables
        log = app.query_one(EventLog)
        log.focus()
        await pilot.pause()
        await pilot.press("up")  # the cursor on the newest line, "Contact lost"
        plain = row_background(app, "Parachute deployed")  # the log's own, while focused
        assert plain is not None
        focused = over(plain, theme["block-cursor-background"])
        assert near(row_background(app, "Contact lost"), focused)
        app.query_one("#timeline").focus()
        await pilot.pause()
        plain = row_background(app, "Parachute deployed")
        assert plain is not None
        blurred = over(plain, theme["block-cursor-blurred-background"])
        assert near(row_background(app, "Contact lost"), blurred)
        assert not near(blurred, focused)
        rows = shown_rows(app)
        y = next(i for i, row in enumerate(rows) if "Parachute deployed" in row)
        title = log.scrollable_content_region.y - log.region.y  # the title row above the lines
        await pilot.hover(EventLog, offset=(10, title + y))
        hover = over(plain, theme["block-hover-background"])
        assert near(row_background(app, "Parachute deployed"), hover)
        assert not near(hover, plain)


@ui_test
async def test_a_click_opens_the_line_clicked(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars7:course-correction", size=(100, 40)) as (
        app,
        pilot,
        _source,
    ):
        log = app.query_one(EventLog)
        title_row = screen_text(app).splitlines()[log.region.y]
        assert log.scrollable_content_region.y == log.region.y + 1  # a title row above the lines
        assert log.border_title and str(log.border_title) in title_row
        await pilot.click(EventLog, offset=(30, 1 + 2))
        assert isinstance(app.screen, EventDetailScreen)
        assert app.screen.event.kind == "course-correction"
        assert app.screen.event.mission_id == "mars6"


# ---------------------------------------------------------------------- what is listed


@ui_test
async def test_the_filter_and_the_search_list_the_log_again(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars7:last-contact") as (app, pilot, _source):
        await pilot.press("f")
        assert [e.kind for e in app.query_one(EventLog).shown_events] == [
            "separation",
            "flyby",
            "loss-of-contact",
        ]
        assert on_screen(app, "✖ Contact lost")
        await pilot.press("f")  # Mars 6 only
        assert all("Mars 6" in line for line in log_lines(app))
        await pilot.press("f", "f", "slash", *"parachute", "enter")
        assert len(log_lines(app)) == 1
        assert on_screen(app, "Parachute deployed")
        border = str(app.query_one(EventLog).border_title)
        assert "matching “parachute”" in border


@ui_test
async def test_a_search_finds_a_column_the_width_leaves_out(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars7:last-contact", size=(64, 24)) as (app, pilot, _):
        assert not app.query_one(EventLog).wide
        await pilot.press("slash", *"T+218d15:20", "enter")
        assert [e.kind for e in app.query_one(EventLog).shown_events] == ["atmospheric-entry"]


@ui_test
async def test_the_units_key_rewrites_the_lines(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry", size=(120, 30)) as (
        app,
        pilot,
        _source,
    ):
        assert on_screen(app, "Atmospheric entry (lander) · 5,600 to 600 m/s")
        await pilot.press("u")
        assert on_screen(app, "Atmospheric entry (lander) · 12,500 to 1,300 mph")
        assert not on_screen(app, "m/s")
        await pilot.press("u")
        assert on_screen(app, "5,600 to 600 m/s")


@ui_test
async def test_a_narrow_log_drops_the_met_and_part_columns(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry", size=(100, 30)) as (
        app,
        pilot,
        _source,
    ):
        assert on_screen(app, "T+218d15:20:06 Mars 6 lander Atmospheric entry")
        await pilot.resize_terminal(64, 24)
        await pilot.pause()
        assert not app.query_one(EventLog).wide
        assert on_screen(app, "1974-03-12 09:05:53 Mars 6 Atmospheric entry")
        assert not on_screen(app, "T+218d")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert on_screen(app, "T+218d15:20:06 Mars 6 lander Atmospheric entry")


# ---------------------------------------------------------------------- following the end


@ui_test
async def test_the_log_follows_new_lines_unless_the_cursor_is_elsewhere(big: Campaign) -> None:
    async with dashboard(big, "1973-08-06T00:00:00Z") as (app, pilot, _source):
        log = app.query_one(EventLog)
        for _ in range(3):  # nothing focused: the view follows
            await pilot.press("n")
            assert on_screen(app, log.shown_events[-1].summary)
        log.focus()
        await pilot.press("up")  # the cursor on the newest line follows it
        for _ in range(3):
            await pilot.press("n")
            assert log.highlighted == log.line_count - 1
            assert on_screen(app, log.shown_events[-1].summary)
        await pilot.press("up")  # a cursor on an older line stays there, in view
        reading = log.shown_events[log.highlighted or 0].summary
        rows = shown_rows(app)
        await pilot.press("n", "n")
        assert log.shown_events[log.highlighted or 0].summary == reading
        assert shown_rows(app) == rows
        assert not on_screen(app, log.shown_events[-1].summary)
        await pilot.press("p", "p")  # and when the clock goes back
        assert log.shown_events[log.highlighted or 0].summary == reading
        assert shown_rows(app) == rows


# ---------------------------------------------------------------------- a long campaign


@ui_test
async def test_ten_thousand_events_seek_scroll_and_filter(big: Campaign) -> None:
    async with dashboard(big) as (app, pilot, _source):
        log = app.query_one(EventLog)
        await pilot.press("end")
        assert log.line_count == BIG
        assert on_screen(app, f"Synthetic event #{BIG - 1:05d}")
        assert f"{BIG} of {BIG} events passed" in str(log.border_title)
        log.focus()
        await pilot.press("up", "up", "pageup", "pageup")
        page = log.scrollable_content_region.height
        assert log.highlighted == BIG - 2 - 2 * page
        assert on_screen(app, f"Synthetic event #{BIG - 2 - 2 * page:05d}")
        assert not on_screen(app, f"Synthetic event #{BIG - 1:05d}")
        await pilot.press("enter")
        assert isinstance(app.screen, EventDetailScreen)
        assert app.screen.event.index == BIG - 2 - 2 * page
        await pilot.press("escape", "f")  # failures only
        assert log.line_count == (BIG - 1) // 1000
        assert on_screen(app, "✖ Synthetic event #09000")
        await pilot.press("f", "home")
        assert log.line_count == 0
        await pilot.press("end")
        assert on_screen(app, f"Synthetic event #{BIG - 1:05d}")


@ui_test
async def test_a_search_of_a_long_log_reads_it_in_a_thread(big: Campaign) -> None:
    async with dashboard(big) as (app, pilot, _source):
        log = app.query_one(EventLog)
        await pilot.press("end", "slash", *"#0700", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        wanted = [f"Synthetic event #{i:05d}" for i in range(7000, 7010)]
        assert [e.summary for e in log.shown_events] == wanted
        assert on_screen(app, wanted[-1])
        assert "searching" not in str(log.border_title)
        await pilot.press("home")  # the clock moves with the search on: no thread now
        assert log.line_count == 0
        await pilot.press("end")
        assert [e.summary for e in log.shown_events] == wanted


@ui_test
async def test_an_empty_log_says_its_search_or_filter_is_why(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:course-correction") as (app, pilot, _source):
        await pilot.press("slash", *"parachute", "enter")
        assert not app.query_one(EventLog).shown_events  # it opens later, at Mars
        assert on_screen(app, "no event so far matches “parachute” (/ to search again)")
        app.log_search = ""
        await pilot.pause()
        assert not on_screen(app, "no event so far")
        await pilot.press("f")  # failures only: none yet
        assert on_screen(app, "no event so far: showing failures only (f for more)")
