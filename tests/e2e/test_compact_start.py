"""A dashboard started in a small terminal shows its clock at the top.

Only a real terminal shows this: Textual's first focus centred the focused timeline once the
compact layout had its height, scrolling the clock above it out of sight; under the pilot the
first focus comes before the layout and scrolls nothing (ui/test_layout.py checks the rest).
"""

from __future__ import annotations

import time
from pathlib import Path

from support.panes import UTF8_LOCALE, Tmux, needs_tmux, open_dashboard

SETTLE_S = 1.5
"""How long after the first frame the screen is read again (the scroll took under 0.5 s)."""


@needs_tmux
def test_a_dashboard_started_at_50x16_shows_its_clock(tmp_path: Path) -> None:
    server = Tmux()
    try:
        pane = open_dashboard(
            server,
            tmp_path / "compact",
            ["--paused", "--at", "mars6:atmospheric-entry"],
            env=UTF8_LOCALE,
            size=(50, 16),
        )
        lines = pane.wait_screen(
            "the dashboard drawn", lambda s: any("space Play/pause" in x for x in s), timeout=30
        )
        # The bug's scroll came after the first frame, animated: give it time to show.
        time.sleep(SETTLE_S)
        lines = pane.screen()
        assert lines[0].startswith("UTC 09:05:53"), pane.diagnostics(lines)
        assert "paused" in lines[3], pane.diagnostics(lines)
    finally:
        server.kill_server()
