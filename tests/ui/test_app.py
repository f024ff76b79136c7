"""The dashboard as a user drives it: keys, palette, dialogs, sizes, and the whole campaign.

Every test uses a ManualTimeSource (support.pilot's ``dashboard``): time moves only when a
test advances it, and the test then asks the app to read its clock (``app.poll()``, what the
display timer calls), so no test waits on the wall clock. The command line's refusals,
which never start the dashboard, are in unit/test_cli.py.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from support.pilot import advance, clock, dashboard, log_lines, screen_text, tick_of, ui_test
from textual.binding import Binding
from textual.command import CommandPalette
from textual.geometry import Region
from textual.message import Message
from textual.pilot import Pilot
from textual.theme import BUILTIN_THEMES
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static

from mission_control import keymap
from mission_control.app import make_app
from mission_control.campaign import Campaign
from mission_control.clock import ManualTimeSource
from mission_control.presentation.formatting import event_key
from mission_control.screens.event_detail import EventDetailScreen
from mission_control.screens.goto import GotoScreen
from mission_control.screens.help import HelpScreen
from mission_control.screens.search import SearchScreen
from mission_control.speed import SPEED_LADDER
from mission_control.widgets.event_log import EventLog
from mission_control.widgets.mission_clock import (
    ClockDigits,
    ClockLines,
    ClockSystem,
    MissionClock,
    digit_rows,
)
from mission_control.widgets.status_reason import StatusReason
from mission_control.widgets.subsystem_panel import SubsystemPanel
from mission_control.widgets.timeline import Timeline


def event_keys(campaign: Campaign) -> list[str]:
    return [event_key(e) for _, e in campaign.all_events()]


# ---------------------------------------------------------------------- start-up


@ui_test
async def test_opens_playing_in_auto_speed_just_before_the_first_launch(campaign: Campaign) -> None:
    async with dashboard(campaign, paused=False) as (app, pilot, source):
        assert clock(app, "system") == "UTC"
        assert clock(app, "digits") == "17:35:48"  # 10 minutes before Mars 6's launch
        assert clock(app, "date").startswith("1973-08-05 · day 217")
        assert clock(app, "next").startswith("T-00:10:00 Mars 6 Launch")
        assert clock(app, "replay").startswith("▶ playing · auto ")
        assert log_lines(app) == []
        await advance(pilot, source, 60)
        assert clock(app, "digits") != "17:35:48"


# ---------------------------------------------------------------------- replay keys


@ui_test
async def test_space_pauses_and_plays(campaign: Campaign) -> None:
    async with dashboard(campaign, paused=False) as (app, pilot, source):
        await pilot.press("space")
        assert clock(app, "replay").startswith("‖ paused")
        shown = clock(app, "digits")
        await advance(pilot, source, 30)
        assert clock(app, "digits") == shown
        await pilot.press("space")
        assert clock(app, "replay").startswith("▶ playing")
        await advance(pilot, source, 30)
        assert clock(app, "digits") != shown


@ui_test
async def test_the_keys_at_the_bottom_can_be_clicked(campaign: Campaign) -> None:
    async with dashboard(campaign, paused=False) as (app, pilot, _source):
        await pilot.click("#keys", offset=(2, 0))  # "space"
        assert clock(app, "replay").startswith("‖ paused")
        bar = str(app.query_one("#keys", Static).content)
        await pilot.click("#keys", offset=(1 + bar.index("? "), 0))
        assert isinstance(app.screen, HelpScreen)


@ui_test
async def test_a_new_second_repaints_the_digits_and_only_the_line_that_changed(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with dashboard(campaign, paused=False, speed=1.0) as (app, pilot, source):
        lines = app.query_one(ClockLines)
        repaints: list[tuple[Region, ...]] = []
        monkeypatch.setattr(lines, "refresh", lambda *regions, **_: repaints.append(regions))
        shown = clock(app, "digits")
        await advance(pilot, source, 1)
        assert clock(app, "digits") != shown
        # Only the countdown to the launch changed: its row alone is sent to the terminal.
        assert repaints == [(Region(0, 1, lines.size.width, 1),)]


@ui_test
async def test_paused_replay_pushes_nothing_down(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, source):
        clock = app.query_one("#clock")
        state = clock.state  # type: ignore[attr-defined]
        for _ in range(5):
            await advance(pilot, source, 1)
        assert clock.state is state  # type: ignore[attr-defined]


@ui_test
async def test_plus_and_minus_step_along_the_speed_ladder_and_a_returns_to_auto(
    campaign: Campaign,
) -> None:
    labels = [label for _, label in SPEED_LADDER]
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        assert "auto 1× · " in clock(app, "replay")  # auto is slow at an event

        def speed() -> str:
            return clock(app, "replay").split(" · ")[1]

        await pilot.press("plus")
        first = speed()
        assert first in labels
        await pilot.press("plus")
        assert labels.index(speed()) == labels.index(first) + 1
        await pilot.press("minus")
        assert speed() == first
        await pilot.press("minus")
        assert labels.index(speed()) == labels.index(first) - 1
        await pilot.press("a")
        assert speed().startswith("auto")


@ui_test
async def test_r_reverses_the_replay(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:loss-of-contact", paused=False, speed=1.0) as (
        app,
        pilot,
        source,
    ):
        assert len(log_lines(app)) == 13
        await pilot.press("r")
        assert clock(app, "replay").startswith("◀ reverse")
        await advance(pilot, source, 10)
        assert clock(app, "digits") == "09:10:55"
        assert len(log_lines(app)) == 12  # loss of contact is undone


@ui_test
async def test_n_and_p_seek_from_event_to_event(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await pilot.press("n")
        assert clock(app, "digits") == "17:45:48"
        assert len(log_lines(app)) == 1
        await pilot.press("n")
        assert clock(app, "digits") == "17:00:17"
        assert len(log_lines(app)) == 2
        await pilot.press("p")
        assert clock(app, "digits") == "17:45:48"
        assert len(log_lines(app)) == 1


@ui_test
async def test_home_and_end_seek_to_the_ends_of_the_campaign(campaign: Campaign) -> None:
    async with dashboard(campaign, "1973-12-01") as (app, pilot, _source):
        await pilot.press("end")
        assert len(log_lines(app)) == len(event_keys(campaign))
        assert clock(app, "next") == "no further events"
        await pilot.press("home")
        assert log_lines(app) == []
        assert clock(app, "digits") == "17:35:48"


# ---------------------------------------------------------------------- go to


@ui_test
async def test_g_goes_to_a_typed_event(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await pilot.press("g")
        assert isinstance(app.screen, GotoScreen)
        app.screen.query_one(Input).value = "mars6:T+218d15h20m6s"
        await pilot.press("enter")
        assert not isinstance(app.screen, GotoScreen)
        assert clock(app, "digits") == "09:05:53"
        assert clock(app, "date").startswith("1974-03-12")


@ui_test
async def test_g_completes_event_names(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await pilot.press("g", *"mars7:l")
        await pilot.press("right", "enter")  # accept the suggestion
        assert clock(app, "digits") == "17:00:17"


@ui_test
async def test_g_explains_a_bad_time_and_stays_open(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await pilot.press("g")
        for typed, says in [
            ("yesterday", "cannot read 'yesterday'"),
            ("mars6:landing", "unknown event"),
            ("1980-01-01", "outside the campaign"),
        ]:
            app.screen.query_one(Input).value = typed
            await pilot.press("enter")
            assert isinstance(app.screen, GotoScreen)
            error = app.screen.query_one("#goto-error", Label)
            assert error.display
            assert says in str(error.content)
        await pilot.press("escape")
        assert not isinstance(app.screen, GotoScreen)
        assert clock(app, "digits") == "17:35:48"


@ui_test
async def test_a_long_go_to_error_wraps_whole_at_80_columns(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:launch", size=(80, 24)) as (app, pilot, _source):
        await pilot.press("g", *"mars6:nonsense-event", "enter")
        inside = [line.split("│")[1] for line in screen_text(app).splitlines() if "│" in line]
        shown = " ".join(" ".join(inside).split())  # the dialog's lines, joined
        assert "known events: launch, course-correction, separation," in shown
        assert "parachute, loss-of-contact, flyby" in shown  # the message's end


# ---------------------------------------------------------------------- view keys


@ui_test
async def test_u_switches_the_log_between_si_and_imperial(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        assert any("48,000 km" in line for line in log_lines(app))
        assert "· si ·" in clock(app, "replay")
        await pilot.press("u")
        assert any("30,000 mi" in line for line in log_lines(app))
        assert not any("48,000 km" in line for line in log_lines(app))
        assert "imperial" in clock(app, "replay")
        await pilot.press("u")
        assert any("48,000 km" in line for line in log_lines(app))


@ui_test
async def test_c_cycles_utc_met_moscow_and_earth_receive(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        seen = []
        for _ in range(5):
            seen.append((clock(app, "system"), clock(app, "digits")))
            await pilot.press("c")
        assert seen == [
            ("UTC", "09:05:53"),
            ("MET\nT+218d", "15:20:06"),
            ("MSK", "12:05:53"),
            ("ERT", "09:18:34"),  # 12 min 41 s of light time later
            ("UTC", "09:05:53"),
        ]


@ui_test
async def test_earth_receive_time_is_modelled_in_cruise(campaign: Campaign) -> None:
    async with dashboard(campaign, "1973-10-01") as (app, pilot, _source):
        await pilot.press("c", "c", "c")
        assert clock(app, "system") == "ERT\n≈"
        # Mars 6 is about 20 million km out: a minute of light time, modelled.
        assert clock(app, "digits") == "00:01:07"
        assert clock(app, "date").startswith("≈1973-10-01 on Earth · 00:00:00 UTC + light ≈1m08s")


@ui_test
async def test_earth_receive_time_is_not_given_before_launch(campaign: Campaign) -> None:
    async with dashboard(campaign, "1973-08-05T17:40:00Z") as (app, pilot, _source):
        await pilot.press("c", "c", "c")
        assert clock(app, "system") == "ERT"
        assert clock(app, "digits") == "--:--:--"
        assert "n/a before launch" in clock(app, "date")


@ui_test
async def test_m_focuses_each_craft_in_turn(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        panels = list(app.query(SubsystemPanel))
        assert all(p.display for p in panels)
        await pilot.press("c")  # MET shows the focused craft's
        await pilot.press("m")
        assert [p.display for p in panels] == [p.mission_id == "mars6" for p in panels]
        assert clock(app, "date").startswith("Mars 6")
        await pilot.press("m")
        assert [p.display for p in panels] == [p.mission_id == "mars7" for p in panels]
        assert clock(app, "date").startswith("Mars 7")
        assert (clock(app, "system"), clock(app, "digits")) == (
            "MET\nT+214d",
            "16:05:37",
        )
        await pilot.press("m")
        assert all(p.display for p in panels)


@ui_test
async def test_focus_narrows_the_timeline_to_the_focused_craft(campaign: Campaign) -> None:
    """With a craft in focus, its name on the timeline stands out, and the arrow keys
    choose its markers only."""
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        timeline = app.query_one(Timeline)

        def label_styles() -> dict[str, str]:
            lines = timeline.render().split("\n")
            return {
                line.plain[:6]: str(line.get_style_at_offset(app.console, 0)) for line in lines[:2]
            }

        assert label_styles()["Mars 6"] == label_styles()["Mars 7"]
        await pilot.press("m", "m")  # Mars 7
        styles = label_styles()
        assert styles["Mars 7"] != styles["Mars 6"] and "bold" in styles["Mars 7"]
        timeline.focus()
        chosen = []
        for _ in range(8):
            await pilot.press("right")
            assert timeline.chosen is not None
            chosen.append(timeline.campaign.all_events()[timeline.chosen][1].mission_id)
        assert set(chosen) == {"mars7"}


@ui_test
async def test_f_filters_the_log(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await pilot.press("end")
        everything = log_lines(app)
        await pilot.press("f")
        failures = log_lines(app)
        assert len(failures) == 3
        # The mark is the most severe status the rules give: a first failed separation
        # is a caution, as in the status panels.
        assert all("✖" in line or "▲ Separation" in line for line in failures)
        assert "failures only" in clock(app, "replay")
        await pilot.press("f")
        assert log_lines(app) and all("Mars 6" in line for line in log_lines(app))
        await pilot.press("f")
        assert log_lines(app) and all("Mars 7" in line for line in log_lines(app))
        await pilot.press("f")
        assert log_lines(app) == everything


@ui_test
async def test_slash_searches_the_log(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await pilot.press("end", "slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"contact", "enter")  # typed, as a user would
        lines = log_lines(app)
        assert lines and all("contact" in line.lower() for line in lines)
        assert len(lines) < len(event_keys(campaign))
        await pilot.press("slash")
        assert app.screen.query_one(Input).value == "contact"
        await pilot.press("ctrl+u", "enter")
        assert len(log_lines(app)) == len(event_keys(campaign))


@ui_test
async def test_question_mark_shows_every_key(campaign: Campaign) -> None:
    """Every key on the help's first page, in a terminal of 36 rows (with the time strip's
    four zoom keys the list no longer fits in 30)."""
    async with dashboard(campaign, size=(100, 36)) as (app, pilot, _source):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        for _key, what in keymap.key_help(app.get_key_display):
            assert what in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@ui_test
async def test_q_quits(campaign: Campaign) -> None:
    async with dashboard(campaign) as (app, pilot, _source):
        await pilot.press("q")
        assert app.return_code == 0
        assert not app.is_running


# ---------------------------------------------------------------------- log, panels, timeline


@ui_test
async def test_the_log_follows_the_clock_back_and_forth(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        assert len(log_lines(app)) == 11
        last = log_lines(app)[-1]
        assert "1974-03-12 09:05:53" in last
        assert "T+218d15:20:06" in last
        assert "Mars 6" in last
        assert "lander" in last
        assert "Atmospheric entry" in last
        assert "5,600 to 600 m/s" in last
        app.seek(tick_of(campaign, "mars7:launch"))
        await pilot.pause()
        assert len(log_lines(app)) == 2
        app.seek(tick_of(campaign, "mars6:loss-of-contact"))
        await pilot.pause()
        assert "✖ Contact lost" in log_lines(app)[-1]


@ui_test
async def test_choosing_a_log_line_opens_its_detail(campaign: Campaign) -> None:
    chosen: list[EventLog.Chosen] = []

    def hook(message: Message) -> None:
        # The hook sees a message at every node it bubbles through: count each once.
        if isinstance(message, EventLog.Chosen) and message not in chosen:
            chosen.append(message)

    async with dashboard(campaign, "mars6:atmospheric-entry", message_hook=hook) as (
        app,
        pilot,
        _source,
    ):
        log = app.query_one(EventLog)
        log.focus()
        log.highlighted = log.line_count - 1
        await pilot.press("enter")
        assert [m.event.kind for m in chosen] == ["atmospheric-entry"]
        assert isinstance(app.screen, EventDetailScreen)
        shown = screen_text(app)
        assert "The lander encountered the atmosphere of Mars at 09:05:53 UTC" in shown
        assert "seeds/mars6.txt, line 1" in shown
        assert "stated to the second" in shown
        assert "5,600 to 600 m/s" in shown  # SI
        assert "imperial  12,500 to 1,300 mph" in shown  # the text's own figure, not pint's
        assert "13,000" not in shown
        assert "the text's own conversion  12,500 to 1,300 mph" in shown
        assert "12,526.8 to 1,342.2 mph" in shown  # pint's
        assert "T+218d 15:20:06" in shown
        assert "12 m 41.1 s" in shown
        assert "1974-03-12T09:18:34Z" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, EventDetailScreen)


@ui_test
async def test_the_launchs_detail_gives_the_modelled_c3_and_light_time(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:course-correction") as (app, pilot, _source):
        log = app.query_one(EventLog)
        log.focus()
        log.highlighted = 0  # Mars 6's launch
        await pilot.press("enter")
        assert isinstance(app.screen, EventDetailScreen)
        shown = screen_text(app)
        assert "C3             ≈ 16.03 km²/s² (modelled transfer)" in shown
        assert "light time     ≈ 0.0 s" in shown
        await pilot.press("escape")
        log.highlighted = 2  # Mars 6's course correction, eight days out
        await pilot.press("enter")
        shown = screen_text(app)
        assert "light time     ≈ 8.4 s" in shown


@ui_test
async def test_clicking_a_log_line_opens_its_detail(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars7:launch") as (app, pilot, _source):
        await pilot.click(EventLog, offset=(5, 1))  # the first line, under the log's title
        assert isinstance(app.screen, EventDetailScreen)
        assert app.screen.event.kind == "launch"


@ui_test
async def test_a_status_panel_explains_the_highlighted_row(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        reason = app.query_one(StatusReason)
        panel = app.query_one("#panel-mars7-lander", SubsystemPanel)
        panel.focus()
        await pilot.pause()
        assert "Mars 7 lander: separated from the bus (derived from Separation" in str(
            reason.content
        )
        await pilot.press("down")
        shown = str(reason.content)
        assert "retro-rockets: ✖ critical — retrorocket failure, 1974-03-09" in shown
        app.query_one(EventLog).focus()
        await pilot.pause()
        assert "tab to a status panel" in str(reason.content)


@pytest.mark.parametrize("no_color", [False, True])
@ui_test
async def test_the_highlighted_row_stands_out_with_and_without_colour(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        panel = app.query_one("#panel-mars7-lander", SubsystemPanel)
        panel.focus()
        await pilot.pause()
        # Line 0 names the phase: the header has no room for it at this width.
        cursor, other = (list(panel.render_line(y)) for y in (1, 2))
        if no_color:  # a background would vanish: the row is reversed
            assert all(s.style and s.style.reverse for s in cursor)
            assert not any(s.style and s.style.reverse for s in other)
        else:
            background = app.theme_variables["block-cursor-background"].lower()
            assert all(s.style and s.style.bgcolor for s in cursor)
            assert {s.style.bgcolor.triplet.hex for s in cursor if s.style and s.style.bgcolor} == {
                background
            }


def drawn_colours(widget: Widget, text: str) -> set[str]:
    """The colours of the segments ``widget`` draws that contain ``text``."""
    return {
        s.style.color.triplet.hex
        for line in widget.render_lines(widget.region.reset_offset)
        for s in line
        if text in s.text and s.style and s.style.color and s.style.color.triplet
    }


@ui_test
async def test_a_new_theme_recolours_what_the_widgets_draw(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        panel = app.query_one("#panel-mars7-lander", SubsystemPanel)  # row 0: separated
        timeline = app.query_one(Timeline)
        clock_widget = app.query_one(ClockSystem)

        def drawn() -> tuple[str, set[str], set[str]]:
            status = next(iter(panel.render_line(1)))  # line 0 names the phase
            assert status.style and status.style.color and status.style.color.triplet
            return (
                status.style.color.triplet.hex,
                drawn_colours(timeline, "━"),
                drawn_colours(clock_widget, "UTC"),
            )

        for theme in ("textual-dark", "nord", "textual-light"):
            app.theme = theme
            await pilot.pause()
            variables = app.theme_variables
            status, band, clock_colours = drawn()
            assert status == variables["text-success"].lower(), theme
            assert variables["primary"].lower() in band, theme  # cruise
            assert clock_colours == {variables["text-accent"].lower()}, theme


@ui_test
async def test_a_theme_that_changes_one_colour_recolours_the_log(campaign: Campaign) -> None:
    """The log keeps the lines it drew; a theme that differs from the last in its accent
    alone (the craft column's colour) still draws them anew."""
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        log = app.query_one(EventLog)
        before = drawn_colours(log, "Mars 6")
        red = replace(BUILTIN_THEMES["textual-dark"], name="textual-dark-red", accent="#ff0000")
        app.register_theme(red)
        app.theme = "textual-dark-red"
        await pilot.pause()
        after = drawn_colours(log, "Mars 6")
        assert after == {app.theme_variables["text-accent"].lower()}
        assert after != before


@ui_test
async def test_the_logs_time_columns_are_muted(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, _pilot, _source):
        log = app.query_one(EventLog)
        (utc,) = drawn_colours(log, "1974-03-12 09:05:53")
        (summary,) = drawn_colours(log, "Course correction")

        def brightness(hex_colour: str) -> int:
            return sum(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))

        assert brightness(utc) < brightness(summary), (utc, summary)


@ui_test
async def test_the_clock_dims_while_paused(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        digits, lines = app.query_one(ClockDigits), app.query_one(ClockLines)
        playing_icon, paused_icon = "▶", "‖"

        def shown() -> tuple[set[str], set[str]]:
            return drawn_colours(digits, "━"), drawn_colours(lines, paused_icon) | (
                drawn_colours(lines, playing_icon)
            )

        paused = shown()
        await pilot.press("space")
        await pilot.pause()
        playing = shown()
        await pilot.press("space")
        await pilot.pause()
        assert shown() == paused
        assert paused[0] != playing[0]  # the digits: muted while paused
        assert paused[1] != playing[1]  # the replay line too


@ui_test
async def test_status_words_follow_the_clock(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        panel = app.query_one("#panel-mars6-lander", SubsystemPanel)
        assert panel.states["radio link"].status.value == "normal"
        app.seek(tick_of(campaign, "mars6:loss-of-contact"))
        await pilot.pause()
        assert panel.states["radio link"].status.value == "critical"
        assert "✖ critical radio link" in screen_text(app)


@ui_test
async def test_timeline_markers_are_chosen_with_arrows_and_seek_with_enter(
    campaign: Campaign,
) -> None:
    seeks: list[Timeline.Seek] = []

    def hook(message: Message) -> None:
        if isinstance(message, Timeline.Seek) and message not in seeks:
            seeks.append(message)

    async with dashboard(campaign, message_hook=hook) as (app, pilot, _source):
        app.query_one(Timeline).focus()
        await pilot.press("right", "right", "enter")
        assert [m.event.kind for m in seeks if m.event] == ["course-correction"]
        assert clock(app, "date").startswith("1973-08-13")
        await pilot.press("left", "enter")
        assert clock(app, "digits") == "17:00:17"


@ui_test
async def test_clicking_the_timeline_seeks_there(campaign: Campaign) -> None:
    async with dashboard(campaign, size=(100, 30)) as (app, pilot, _source):
        timeline = app.query_one(Timeline)
        col = timeline.column(tick_of(campaign, "1973-12-01"))
        await pilot.click(Timeline, offset=(col + len("Mars 6 "), 0))
        assert timeline.column(app.clock.now()) == col  # the middle of the clicked column
        assert clock(app, "date").startswith(("1973-11-29", "1973-11-30"))


# ---------------------------------------------------------------------- command palette


async def run_from_palette(pilot: Pilot[None], title: str) -> None:
    await pilot.press("ctrl+p")
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    palette.query_one(Input).value = title
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


@ui_test
async def test_the_palette_offers_and_runs_every_action_and_jump(campaign: Campaign) -> None:
    labels = [label for _, label in SPEED_LADDER]

    def speed() -> str:
        return clock(app, "replay").split(" · ")[1]

    async with dashboard(campaign, "mars6:atmospheric-entry") as (app, pilot, _source):
        await pilot.press("ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.pause()
        offered = [str(option.prompt) for option in palette.query_one(OptionList).options]
        for binding in app.BINDINGS:
            assert isinstance(binding, Binding)
            assert any(binding.tooltip in line for line in offered), binding.action
        names = {t.mission.id: t.mission.name for t in campaign.tracks}
        for _, event in campaign.all_events():
            jump = f"Jump to {names[event.mission_id]}: {event.summary}"
            assert any(jump in line for line in offered), jump
        await pilot.press("escape")

        await run_from_palette(pilot, "Quantities in SI or imperial units")
        assert any("30,000 mi" in line for line in log_lines(app))
        await run_from_palette(pilot, "Focus Mars 6, Mars 7 or both")
        assert not app.query_one("#panel-mars7-bus").display
        await run_from_palette(pilot, "Clock shows UTC, MET, Moscow time or Earth-receive time")
        assert clock(app, "system").startswith("MET")
        await run_from_palette(pilot, "Seek to the previous event")
        assert len(log_lines(app)) == 4  # Mars 6 in focus: its launch, correction, separation
        await run_from_palette(pilot, "Seek to the next event")
        assert len(log_lines(app)) == 5
        await run_from_palette(pilot, "Next faster speed on the ladder")
        faster = speed()
        await run_from_palette(pilot, "Next slower speed on the ladder")
        assert labels.index(speed()) == labels.index(faster) - 1
        await run_from_palette(pilot, "Auto speed on or off")
        assert speed().startswith("auto")
        await run_from_palette(pilot, "Reverse the replay's direction")
        await run_from_palette(pilot, "Play or pause the replay")
        assert clock(app, "replay").startswith("◀ reverse")
        await pilot.press("space")
        await run_from_palette(pilot, "Log shows all events, failures only, or one craft")
        assert "failures only" in clock(app, "replay")
        for title, screen in [
            ("Search the event log…", SearchScreen),
            ("Go to a time, MET or event…", GotoScreen),
            ("Keys and legends", HelpScreen),
        ]:
            await run_from_palette(pilot, title)
            assert isinstance(app.screen, screen)
            await pilot.press("escape")
        await run_from_palette(pilot, "Go to the campaign's end")
        assert app.clock.at_end
        await run_from_palette(pilot, "Go to the campaign's start")
        assert app.clock.at_start
        await run_from_palette(pilot, "Jump to Mars 7: Launch")
        assert clock(app, "date").startswith("Mars 6 · 1973-08-09 17:00:17")
        await run_from_palette(pilot, "Quit")
        assert not app.is_running


# ---------------------------------------------------------------------- the whole campaign


@ui_test
async def test_the_whole_campaign_reaches_the_log_once_each_in_order(campaign: Campaign) -> None:
    fastest = SPEED_LADDER[-1][0]
    async with dashboard(campaign, paused=False, speed=fastest) as (app, pilot, source):
        log = app.query_one(EventLog)
        seen: list[str] = []
        while app.clock.playing:
            source.advance(0.1)  # what the display timer sees every tick
            app.poll()
            listed = [event_key(e) for e in log.shown_events]
            assert listed == event_keys(campaign)[: len(listed)]  # always a prefix, in order
            seen.extend(listed[len(seen) :])
        assert seen == event_keys(campaign)
        assert app.clock.at_end
        app.seek(tick_of(campaign, "mars6:atmospheric-entry"))
        await pilot.pause()
        assert [event_key(e) for e in log.shown_events] == event_keys(campaign)[:11]


# ---------------------------------------------------------------------- sizes


@pytest.mark.parametrize(
    ("size", "layout"),
    [((20, 6), "too-small"), ((40, 15), "compact"), ((80, 24), "full"), ((200, 50), "full")],
)
@ui_test
async def test_layout_fits_the_terminal(
    campaign: Campaign, size: tuple[int, int], layout: str
) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry", size=size) as (app, _pilot, _source):
        shown = screen_text(app)
        if layout == "too-small":
            assert "too small" in shown
            return
        assert "too small" not in shown
        assert app.layout_variant == layout
        assert "09:05:53" in shown
        if layout == "full":
            assert not app.query_one(MissionClock).compact
            assert digit_rows("09:05:53", ascii_only=False)[1] in shown  # the big digits
            for panel in app.query(SubsystemPanel):
                assert f"{panel.mission_name} {panel.part}" in shown
                assert panel.region.bottom <= app.size.height - 1  # above the footer
                # No row cut off (under the border, and the phase when the header has
                # no room for it).
                phase_line = panel.border_title == panel.view.title
                assert panel.region.height - 1 >= phase_line + len(panel.view.rows)
            log = app.query_one(EventLog)
            assert log.region.height >= 5
            assert log.region.bottom <= app.size.height - 1
            assert "Atmospheric entry" in shown


@ui_test
async def test_resizing_through_every_layout_does_not_crash(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars6:atmospheric-entry", size=(80, 24)) as (
        app,
        pilot,
        _source,
    ):
        for width, height in [(200, 50), (40, 15), (20, 6), (10, 3), (59, 19), (120, 40)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            too_small = width < 30 or height < 8
            compact = width < 60 or height < 20
            assert app.layout_variant == (
                "too-small" if too_small else "compact" if compact else "full"
            )
        assert "09:05:53" in screen_text(app)


# ---------------------------------------------------------------------- command line


@ui_test
async def test_options_reach_the_dashboard(campaign: Campaign) -> None:
    app = make_app(campaign, time_source=ManualTimeSource(), units="imperial", theme="nord")
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.theme == "nord"
        assert "imperial" in clock(app, "replay")
        await pilot.press("end")  # every event in the log, the flyby's distance among them
        assert any("990 mi" in line for line in log_lines(app)), log_lines(app)
