"""Resizing a real terminal while the replay runs: 100 random sizes from 20x6 to 250x70,
with no crash and no exception, and the last layout fitting the last size.

The installed dashboard in a tmux pane, resized with ``tmux resize-window`` while it plays,
read back with ``capture-pane``. The same in-process, under Textual's pilot, is in
ui/test_resize.py.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.layouts import RESIZES, fits, random_sizes
from support.panes import UTF8_LOCALE, Pane, Tmux, alive, needs_tmux, open_dashboard

WITHIN_S = 10.0
"""The real terminal's budget for 100 resizes."""


@pytest.fixture
def playing(tmp_path: Path) -> Iterator[Pane]:
    server = Tmux()
    try:
        pane = open_dashboard(server, tmp_path / "resize", ["--speed", "1 d/s"], env=UTF8_LOCALE)
        pane.wait_screen(
            "the dashboard plays", lambda s: any("playing" in x for x in s), timeout=30
        )
        yield pane
    finally:
        server.kill_server()


@needs_tmux
def test_a_hundred_random_resizes_of_a_real_terminal(playing: Pane) -> None:
    pane = playing
    pid = pane.pid()
    sizes = random_sizes(seed=1974)
    started = time.monotonic()
    for width, height in sizes:
        pane.resize(width, height)
        time.sleep(0.02)  # about 40 a second: the dashboard draws some sizes, skips others
    seconds = time.monotonic() - started
    assert seconds <= WITHIN_S, f"{RESIZES} resizes took {seconds:.1f} s"
    assert alive(pid), f"the dashboard died while being resized\n{pane.diagnostics()}"

    last = sizes[-1]
    assert pane.flags("window_width", "window_height") == f"{last[0]} {last[1]}"
    pane.wait_screen(
        f"a screen that fits {last[0]}x{last[1]}", lambda s: fits(s, last) is None, timeout=5
    )
    assert alive(pid)
    assert pane.crash_reports() == [], pane.diagnostics()
    # Still playing and still answering keys: space pauses.
    pane.press("Space")
    pane.wait_screen("space pauses", lambda s: any("paused" in x for x in s) or last[1] < 8)
