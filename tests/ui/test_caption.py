"""The caption panel as a user sees it: where it sits, the key that toggles it, and that it
redraws only when its text changes; the mission facts in an event's detail."""

from __future__ import annotations

import pytest
from support.pilot import advance, dashboard, screen_lines, screen_text, ui_test
from textual.widgets import Static

from mission_control.app import MissionControlApp
from mission_control.campaign import Campaign
from mission_control.caption_host import CaptionHost
from mission_control.screens.event_detail import EventDetailScreen
from mission_control.widgets.caption import CaptionPanel
from mission_control.widgets.event_log import EventLog

ENTRY = "mars6:atmospheric-entry"


@ui_test
async def test_the_caption_is_shown_from_the_second_frame_not_the_first(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first frame is drawn without the caption (neither its widget nor its text is
    made before); once that frame is up, the caption is placed as the layout allows."""
    original = CaptionHost._caption_after_first_frame
    seen: list[tuple[bool, bool]] = []

    def recording(self: MissionControlApp) -> None:
        seen.append((bool(self.query(CaptionPanel)), "“The lander" in screen_text(self)))
        original(self)

    monkeypatch.setattr(CaptionHost, "_caption_after_first_frame", recording)
    async with dashboard(campaign, ENTRY, size=(120, 40)) as (app, _pilot, _source):
        assert seen == [(False, False)]
        assert app.query_one(CaptionPanel).display


@ui_test
async def test_at_80x24_the_caption_is_two_lines_above_the_log(campaign: Campaign) -> None:
    async with dashboard(campaign, ENTRY, size=(80, 24)) as (app, _pilot, _source):
        lines = screen_lines(app)
        top = next(i for i, line in enumerate(lines) if "Atmospheric entry (lander) · 1974" in line)
        assert "“The lander" in lines[top]
        assert lines[top + 1].strip().startswith("encountered the atmosphere of Mars")
        assert "Event log" in lines[top + 2]
        assert not any(line.strip().startswith("next:") for line in lines)  # the clock's


@ui_test
async def test_from_34_rows_the_caption_is_a_titled_panel_with_the_sentence_whole(
    campaign: Campaign,
) -> None:
    async with dashboard(campaign, ENTRY, size=(120, 40)) as (app, _pilot, _source):
        shown = screen_text(app)
        assert "─Caption─" in shown
        sentence = " ".join(shown.split())
        assert "as it passed through the upper atmosphere.”" in sentence
        assert "next: Mars 6 Contact lost (lander)" in sentence


@ui_test
async def test_t_hides_and_shows_the_caption(campaign: Campaign) -> None:
    async with dashboard(campaign, ENTRY, size=(80, 24)) as (app, pilot, _source):
        panel = app.query_one(CaptionPanel)
        assert panel.display
        await pilot.press("t")
        assert not panel.display
        assert "“The lander" not in screen_text(app)
        await pilot.press("t")
        assert panel.display
        assert "“The lander" in screen_text(app)


@ui_test
async def test_a_compact_layout_shows_the_caption_only_when_asked(campaign: Campaign) -> None:
    async with dashboard(campaign, ENTRY, size=(50, 16)) as (app, pilot, _source):
        panel = app.query_one(CaptionPanel)
        assert not panel.display
        await pilot.press("t")
        assert panel.display
        assert panel.caption is not None and panel.caption.heading.startswith("Mars 6 · Atmos")


@ui_test
async def test_the_caption_is_redrawn_only_when_its_text_changes(campaign: Campaign) -> None:
    at, size = ENTRY, (120, 40)
    async with dashboard(campaign, at, paused=False, speed=1, size=size) as (app, pilot, source):
        panel = app.query_one(CaptionPanel)
        drawn = panel.content
        await advance(pilot, source, 1)
        await advance(pilot, source, 1)
        assert panel.content is drawn
        await advance(pilot, source, 60)  # the countdown's minutes change; the sentence not
        assert panel.content is not drawn
        assert "in 4 min" in panel.content.plain
        assert panel.content.plain.startswith(drawn.plain.split("next:")[0])


@ui_test
async def test_the_caption_follows_the_mission_in_focus(campaign: Campaign) -> None:
    async with dashboard(campaign, "mars7:launch") as (app, pilot, _source):
        panel = app.query_one(CaptionPanel)
        assert panel.caption is not None and panel.caption.heading.startswith("Mars 7")
        await pilot.press("m")  # Mars 6 alone
        assert panel.caption.heading.startswith("Mars 6 · Launch")


@ui_test
async def test_an_events_detail_gives_its_missions_facts(campaign: Campaign) -> None:
    async with dashboard(campaign, ENTRY) as (app, pilot, _source):
        log = app.query_one(EventLog)
        log.focus()
        log.highlighted = log.line_count - 1
        await pilot.press("enter")
        assert isinstance(app.screen, EventDetailScreen)
        facts = str(app.screen.query_one("#detail-mission", Static).content)
        assert "designation  3MP No.50P" in facts
        assert "rocket       Proton-K with Blok D upper stage" in facts
        assert "launch site  Baikonur Cosmodrome Site 81/23" in facts
        assert "built by     Lavochkin" in facts
        assert "from seeds/mars6.txt" in facts


@ui_test
async def test_below_24_rows_the_caption_waits_for_t_so_the_log_keeps_its_lines(
    campaign: Campaign,
) -> None:
    async with dashboard(campaign, ENTRY, size=(60, 20)) as (app, pilot, _source):
        panel = app.query_one(CaptionPanel)
        assert not panel.display
        assert app.query_one(EventLog).region.height >= 2
        await pilot.press("t")
        assert panel.display
