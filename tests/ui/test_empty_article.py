"""The dashboard over an article that names its mission but states no dated event: it opens
with what the article states, the strip, the clock and the log say in one line that there is
nothing to replay, and no key moves or breaks it; beside a dated article, that one replays."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.pilot import advance, clock, dashboard, log_lines, screen_text, ui_test

from mission_control.campaign import Campaign
from mission_control.loading import load_campaign
from mission_control.widgets.mission_clock import NO_TIME
from mission_control.widgets.orrery import Orrery
from mission_control.widgets.timeline import Timeline

ARTICLE = """= Osprey =

Osprey was a proposed American orbiter to study the clouds of Venus. It was studied in the
late 1970s but never built.

== Design ==
The orbiter would have carried a radar altimeter and a cloud camera.
"""

MARS6 = str(Path(__file__).parents[2] / "seeds" / "mars6.txt")

KEYS = [
    "space", "plus", "minus", "n", "p", "g", "escape", "r", "a", "c", "u", "m", "f",
    "slash", "escape", "right_square_bracket", "left_square_bracket", "z", "Z", "o", "t",
    "question_mark", "escape", "ctrl+p", "escape", "home", "end", "left", "right",
]  # fmt: skip
"""Every key of the key bar and the help (a dialog closed again after it opens)."""


@pytest.fixture
def undated(tmp_path: Path) -> str:
    path = tmp_path / "osprey.txt"
    path.write_text(ARTICLE, "utf-8")
    return str(path)


def campaign_of(*words: str) -> Campaign:
    campaign, _ = load_campaign(words, None, lambda *line: None)
    return campaign


def line_of(path: str) -> str:
    return f"{path}: states no dated event; nothing to replay"


def strip_row_of(path: str) -> str:
    """The strip's row: the file's name alone, where room is short."""
    return f"Osprey {line_of(Path(path).name)}"


@ui_test
async def test_it_opens_with_its_name_rows_and_one_line(undated: str) -> None:
    campaign = campaign_of(undated)
    async with dashboard(campaign, size=(120, 30)) as (app, _pilot, _source):
        screen = screen_text(app)
        assert "Osprey orbiter" in screen and "radar altimeter" in screen
        assert strip_row_of(undated) in screen
        assert log_lines(app) == [] and line_of(undated) in screen.split("Event log")[1]
        assert clock(app, "digits") == NO_TIME
        assert clock(app, "replay").startswith("‖ nothing to replay")
        assert "1970" not in screen


@ui_test
async def test_the_orrery_places_no_planet_at_a_date_it_does_not_have(undated: str) -> None:
    campaign = campaign_of(undated)
    async with dashboard(campaign, size=(130, 40)) as (app, pilot, _source):
        await pilot.pause()
        orrery = app.query_one(Orrery)
        assert orrery.plain.strip() == "no date to place the planets at"
        assert "⊕" not in screen_text(app)


@ui_test
async def test_no_key_moves_or_breaks_it(undated: str) -> None:
    campaign = campaign_of(undated)
    async with dashboard(campaign, paused=False, size=(80, 24)) as (app, pilot, source):
        for key in KEYS:
            await pilot.press(key)
            await advance(pilot, source, 1)
            assert app.clock.now() == campaign.start, key
            assert clock(app, "digits") == NO_TIME, key
        while len(app.screen_stack) > 1:
            await pilot.press("escape")
        assert strip_row_of(undated) in screen_text(app)
        assert app.return_code is None


@ui_test
async def test_beside_a_dated_article_that_one_replays(undated: str) -> None:
    campaign = campaign_of(MARS6, undated)
    async with dashboard(campaign, paused=False, size=(120, 30)) as (app, pilot, source):
        await pilot.press("n", "n")
        await advance(pilot, source, 1)
        assert app.clock.now() > campaign.start
        assert clock(app, "digits") != NO_TIME
        assert any("Mars 6" in line for line in log_lines(app))
        strip = str(app.query_one(Timeline).render())
        assert strip_row_of(undated) in strip
        assert "Mars 6 ●" in strip
        # With the undated mission in focus, its empty log says why.
        await pilot.press("m", "m")
        assert app.focus_id == "osprey"
        assert clock(app, "next") == "Osprey states no dated event"
        assert line_of(undated) in screen_text(app).split("Event log")[1]
