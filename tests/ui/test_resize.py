"""Resizing the terminal while the replay runs: 100 random sizes from 20x6 to 250x70, with
no crash and no exception, and the last layout fitting the last size.

In-process here: Textual's pilot, a seeded random sequence, a manual clock moved between
resizes. The same for real, the installed dashboard in a tmux pane, is in
e2e/test_resize_terminal.py.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from support.layouts import RESIZES, fits, random_sizes, variant
from support.pilot import screen_lines

from mission_control import paths
from mission_control.app import make_app
from mission_control.campaign import Campaign
from mission_control.clock import ManualTimeSource
from mission_control.speed import SPEED_LADDER
from mission_control.widgets.key_bar import KeyBar

IN_PROCESS_WITHIN_S = 30.0
"""The pilot's budget, looser: each resize_terminal() waits until the app is idle, and
Textual lays the screen out two to four times a resize (the screen lays itself out again on
its own Resize; each widget whose virtual size changed asks for another pass). 100 sizes,
each fully drawn while the replay plays, take about 15 s on a 2-core machine; the budget
catches a resize that got much slower (new widths once cost 250 ms each in the timeline)."""
DIALOG_OPEN = {45: "question_mark", 50: "escape"}
"""Steps at which a dialog opens or closes: the layout must follow under a dialog too."""


# --------------------------------------------------------------------------- in-process


def test_a_hundred_random_resizes_while_playing(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(paths.LOG_DIR_ENV, str(tmp_path))
    sizes = random_sizes(seed=1973)
    source = ManualTimeSource()
    app = make_app(campaign, time_source=source, speed=SPEED_LADDER[-1][0])
    seen: list[str] = []

    async def run() -> float:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            started = time.monotonic()
            for step, (width, height) in enumerate(sizes):
                source.advance(0.1)  # the replay runs: a week a second, a tick at a time
                app.poll()
                if step in DIALOG_OPEN:
                    await pilot.press(DIALOG_OPEN[step])  # resized under a dialog too
                await pilot.resize_terminal(width, height)
            seconds = time.monotonic() - started
            seen.extend(screen_lines(app))
            assert app.size == sizes[-1]
            assert app.layout_variant == variant(sizes[-1])
            if app.layout_variant != "too-small":
                bar = app.query_one(KeyBar)
                assert bar.region.bottom == sizes[-1][1] and bar.region.width == sizes[-1][0]
            return seconds

    seconds = asyncio.run(run())  # an exception in the app would be raised here
    assert seconds <= IN_PROCESS_WITHIN_S, f"{RESIZES} resizes took {seconds:.1f} s"
    assert app.clock.now() > campaign.start  # it did play
    assert fits(seen, sizes[-1]) is None, fits(seen, sizes[-1]) + "\n" + "\n".join(seen)
    assert list(tmp_path.iterdir()) == []  # no crash report


@pytest.mark.parametrize(
    "size", [(20, 6), (29, 8), (30, 8), (59, 19), (60, 20), (80, 24), (250, 70)]
)
def test_the_layout_fits_at_the_edges_of_each_variant(
    campaign: Campaign, size: tuple[int, int]
) -> None:
    async def run() -> list[str]:
        app = make_app(campaign, time_source=ManualTimeSource(), paused=True)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            return screen_lines(app)

    lines = asyncio.run(run())
    assert fits(lines, size) is None, f"{fits(lines, size)}\n" + "\n".join(lines)
