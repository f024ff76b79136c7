"""What the dashboard fits into a terminal's size: the key bar's hints, the clock of a compact
start, a reason that wraps, the event log's title."""

from __future__ import annotations

from typing import Any

import pytest
from support.pilot import dashboard, screen_lines, ui_test

from mission_control import keymap
from mission_control.campaign import Campaign
from mission_control.widgets.key_bar import KeyBar, KeyHint, fit_hints
from mission_control.widgets.mission_clock import MissionClock
from mission_control.widgets.status_reason import StatusReason
from mission_control.widgets.subsystem_panel import SubsystemPanel

ENTRY = "mars6:atmospheric-entry"
EVERY_HINT = [
    "space Play/pause",
    "+ - speed",
    "n p event",
    "g Go to",
    "? Help",
    "^p Palette",
    "q Quit",
    "a Auto",
    "r Reverse",
    "c Clock",
    "u Units",
    "m Mission",
    "f Filter",
    "/ Search",
    "o Orrery",
    "t Caption",
    "[ ] zoom",
]


def hint(keys: str, description: str) -> KeyHint:
    shown = tuple(keys.split())
    return KeyHint(shown, description, tuple(f"do_{key}" for key in shown))


def test_hints_that_fit_are_kept_whole_and_in_order() -> None:
    hints = [hint("a", "Alpha"), hint("?", "Help"), hint("b c", "Beta"), hint("d", "Delta")]
    hints[1] = KeyHint(("?",), "Help", ("help",))
    everything = sum(h.width for h in hints) + 2 * 3
    assert fit_hints(hints, everything) == hints
    fitted = fit_hints(hints, everything - 1)
    assert [h.description for h in fitted] == ["Alpha", "Beta", "more"]
    assert fitted[-1].actions == ("help",)
    assert [h.description for h in fit_hints(hints, 7)] == ["more"]


@pytest.mark.parametrize("width", [40, 80, 81, 120, 163, 200])
def test_the_fitted_hints_never_exceed_the_width(width: int) -> None:
    hints = keymap.key_hints(lambda binding: binding.key_display or binding.key)
    fitted = fit_hints(hints, width)
    assert sum(h.width for h in fitted) + 2 * (len(fitted) - 1) <= width


def test_the_fitted_hints_are_as_many_as_fit_in_order() -> None:
    """At every width, the hints kept are the first ones, and one more would not fit."""
    hints = keymap.key_hints(lambda binding: binding.key_display or binding.key)
    others = [h for h in hints if "help" not in h.actions]

    def cells(shown: list[KeyHint]) -> int:
        return sum(h.width for h in shown) + 2 * (len(shown) - 1)

    for width in range(0, cells(hints) + 2):
        fitted = fit_hints(hints, width)
        if fitted == hints:
            assert cells(hints) <= width
            continue
        kept = fitted[:-1]
        assert kept == others[: len(kept)]
        assert cells(fitted) <= width or kept == []
        if len(kept) < len(others):
            assert cells([*kept, others[len(kept)], fitted[-1]]) > width


def test_a_key_bar_made_for_a_width_holds_the_hints_that_fit_it() -> None:
    hints = keymap.key_hints(lambda binding: binding.key_display or binding.key)
    assert KeyBar(hints, width=78).content.plain.endswith("? more")
    assert "? Help" in KeyBar(hints).content.plain


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
@ui_test
async def test_the_key_bar_is_fitted_when_made_and_not_updated_on_start(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """Made for the terminal's width, the bar's first frame is its last: no second text."""
    updates: list[object] = []
    original = KeyBar.update

    def recording(self: KeyBar, *args: Any, **kwargs: Any) -> None:
        updates.append(args)
        original(self, *args, **kwargs)

    monkeypatch.setattr(KeyBar, "update", recording)
    async with dashboard(campaign, size=size):
        assert updates == []


@ui_test
async def test_at_80_columns_the_key_bar_shows_whole_hints_then_more(campaign: Campaign) -> None:
    async with dashboard(campaign, size=(80, 24)) as (app, _pilot, _source):
        bar = screen_lines(app)[-1].strip()
        assert "…" not in bar
        assert bar.endswith("q Quit  ? more")
        assert bar.startswith("space Play/pause  + - speed  n p event  g Go to  ^p Palette")
        assert "? Help" not in bar


@ui_test
async def test_at_200_columns_the_key_bar_shows_every_key(campaign: Campaign) -> None:
    async with dashboard(campaign, size=(200, 50)) as (app, pilot, _source):
        bar = screen_lines(app)[-1].strip()
        assert bar == "  ".join(EVERY_HINT)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.query_one(KeyBar).content.plain.endswith("? more")


@ui_test
async def test_a_compact_start_shows_the_clock_at_the_top(campaign: Campaign) -> None:
    async with dashboard(campaign, ENTRY, size=(50, 16)) as (app, _pilot, _source):
        assert app.layout_variant == "compact"
        clock = app.query_one(MissionClock).region
        assert clock.y == 0 and clock.bottom <= 16
        assert screen_lines(app)[0].startswith("UTC 09:05:53")
        assert app.focused is not None and app.focused.id == "timeline"


@ui_test
async def test_a_long_reason_wraps_at_80_columns(campaign: Campaign) -> None:
    async with dashboard(campaign, ENTRY, size=(80, 24)) as (app, pilot, _source):
        app.query_one("#panel-mars7-lander", SubsystemPanel).focus()
        await pilot.press("down")
        reason = str(app.query_one(StatusReason).content)
        assert len(reason) > 80
        shown = " ".join(" ".join(screen_lines(app)).split())
        assert reason in shown


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (60, 20), (50, 16)])
@ui_test
async def test_the_event_log_has_its_title_at_every_size(
    campaign: Campaign, size: tuple[int, int]
) -> None:
    async with dashboard(campaign, ENTRY, size=size) as (app, _pilot, _source):
        lines = screen_lines(app)
        title = "Event log · 11 of 14 events passed"
        if size[1] < 20:  # the compact layout scrolls: the title is further down
            from mission_control.widgets.event_log import EventLog

            log = app.query_one(EventLog)
            assert log.styles.border_top[0] == "solid"
            assert log.border_title is not None and title in log.border_title
        else:
            assert any(title in line for line in lines)
