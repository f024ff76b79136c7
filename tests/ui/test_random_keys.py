"""Five hundred random keys, for each of twenty seeds: the dashboard never stops on an
internal error, and answers a key at the end.

The keys are every key bound by the app, its widgets, its dialogs, Textual's screen and
input and the command palette (read from their ``BINDINGS``, so the draw follows the app),
the palette's own key, and letters, digits and signs typed into the dialogs' inputs. They
come in bursts of one to six (support.keys): a burst is queued before the app handles its
first key, as from someone typing fast, and the test waits only for the current screen to
handle what it was sent, so a burst may also meet work the last one started. Now and then
the replay's manual clock moves on. The seed fixes the keys, the bursts and the clock's
steps; how they interleave with the app's own timers may vary from run to run, so a
failure names the seed and the last keys sent.

The quit keys (``q``, ``ctrl+c``, ``ctrl+q``) are left out of the draw: each would end the
run, and starting the app again after each made a run three times as long. Each run ends
with ``ctrl+c`` instead, which must end the app cleanly from where the keys left it (after
escape has closed every dialog and ``u`` has been answered). The palette's "Quit" can still
be chosen by whatever letters were typed into it: that clean end is fine too, and the keys
left go to a new dashboard.
"""

from __future__ import annotations

import random
import string

import pytest
from support.keys import burst
from support.pilot import clock, dashboard, ui_test
from textual.app import App
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from mission_control.app import MissionControlApp
from mission_control.campaign import Campaign
from mission_control.screens.event_detail import EventDetailScreen
from mission_control.screens.goto import GotoScreen
from mission_control.screens.help import HelpScreen
from mission_control.screens.palette import DashboardPalette
from mission_control.screens.search import SearchScreen
from mission_control.widgets.event_log import EventLog
from mission_control.widgets.subsystem_panel import SubsystemPanel
from mission_control.widgets.timeline import Timeline

SEEDS = range(20)
KEYS_PER_RUN = 500
LONGEST_BURST = 6
CLOCK_STEPS = (0.1, 1.0, 60.0, 3600.0, 86400.0)
"""Seconds of wall time the manual clock may move between bursts."""

BOUND = (
    App,
    MissionControlApp,
    Screen,
    Timeline,
    SubsystemPanel,
    EventLog,
    HelpScreen,
    GotoScreen,
    SearchScreen,
    EventDetailScreen,
    Input,
    DashboardPalette,
)
"""Everything on screen that binds keys (the palette's bindings include Textual's own)."""


def bindings(cls: type) -> list[Binding]:
    """The bindings ``cls`` declares and inherits."""
    declared = [vars(base).get("BINDINGS", []) for base in cls.__mro__]
    return [binding for own in declared for binding in Binding.make_bindings(own)]


QUIT_KEYS = frozenset(b.key for cls in BOUND for b in bindings(cls) if b.action == "quit")
TYPED = [*string.ascii_lowercase, *string.digits, "colon", "full_stop", "number_sign"]
KEYS = sorted(
    ({b.key for cls in BOUND for b in bindings(cls)} | {App.COMMAND_PALETTE_BINDING, *TYPED})
    - QUIT_KEYS
)


def test_the_draw_has_every_kind_of_key() -> None:
    assert {"q", "ctrl+c", "ctrl+q"} == QUIT_KEYS
    assert {"slash", "question_mark", "g", "space", "n", "ctrl+p"} <= set(KEYS)  # the app's
    assert {"enter", "escape", "tab", "up", "down", "left", "right"} <= set(KEYS)  # dialogs'
    assert {"pageup", "pagedown", "home", "end", "ctrl+home", "backspace"} <= set(KEYS)
    assert {"a", "z", "0", "9", "colon"} <= set(KEYS)  # typed into inputs


async def close_dialogs(pilot: Pilot[None]) -> None:
    """Escape until only the dashboard is left (every dialog and the palette close on it)."""
    stack = pilot.app.screen_stack
    for _ in range(10):
        if len(stack) == 1:
            return
        await pilot.press("escape")
        stack = pilot.app.screen_stack
    raise AssertionError(f"escape did not close {stack}")


async def answers_a_key(pilot: Pilot[None]) -> None:
    """Close every dialog, then ``u`` switches the units and the clock says so."""
    app = pilot.app
    assert isinstance(app, MissionControlApp)
    await pilot.pause()
    await close_dialogs(pilot)
    units = app.unit_system
    await pilot.press("u")
    assert app.unit_system != units
    assert f" · {app.unit_system} · " in clock(app, "replay")


@pytest.mark.parametrize("seed", SEEDS)
@ui_test
async def test_random_keys_never_stop_the_dashboard(campaign: Campaign, seed: int) -> None:
    draw = random.Random(seed)
    keys = [draw.choice(KEYS) for _ in range(KEYS_PER_RUN)]
    sent = 0
    while sent < len(keys):
        try:
            async with dashboard(campaign) as (app, pilot, source):
                while sent < len(keys) and app.return_code is None:
                    size = draw.randint(1, LONGEST_BURST)
                    await burst(pilot, *keys[sent : sent + size], settle=False)
                    sent += size
                    if draw.random() < 0.2:
                        source.advance(draw.choice(CLOCK_STEPS))
                        app.poll()
                if app.return_code is None:
                    await answers_a_key(pilot)
                    await pilot.press("ctrl+c")
        except Exception as error:
            error.add_note(f"seed {seed}: after {sent} keys, the last {keys[:sent][-12:]}")
            raise
        assert app.return_code == 0  # ctrl+c at the end, or the palette's "Quit"
