"""How the dashboard ends, in-process: Ctrl-C quits even from a dialog's input, and a
crash writes its report and prints one line instead of a traceback.

Every way the dashboard ends in a real terminal (q, Ctrl-C, SIGTERM, SIGHUP and a crash)
is in e2e/test_exits_terminal.py.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from mission_control import paths
from mission_control.app import MissionControlApp, make_app
from mission_control.campaign import Campaign
from mission_control.clock import ManualTimeSource
from mission_control.screens.goto import GotoScreen


def test_ctrl_c_quits_even_from_a_dialog_s_input(campaign: Campaign) -> None:
    async def run() -> MissionControlApp:
        app = make_app(campaign, time_source=ManualTimeSource(), paused=True)
        async with app.run_test() as pilot:
            await pilot.press("g")
            assert isinstance(app.screen, GotoScreen)
            await pilot.press("ctrl+c")
            await pilot.pause()
        return app

    app = asyncio.run(run())
    assert not app.is_running
    assert app.return_code == 0


def _crashing_app(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch, broken: Callable[..., None]
) -> tuple[MissionControlApp, io.StringIO]:
    monkeypatch.setattr(MissionControlApp, "action_toggle_units", broken)
    app = make_app(campaign, time_source=ManualTimeSource(), paused=True)
    printed = io.StringIO()
    app.error_console = Console(file=printed, width=200, color_system=None)
    return app, printed


def test_a_crash_writes_its_report_and_one_line_instead_of_a_traceback(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(paths.LOG_DIR_ENV, str(tmp_path))

    def broken(self: MissionControlApp) -> None:
        raise KeyError("units")

    app, printed = _crashing_app(campaign, monkeypatch, broken)

    async def run() -> None:
        async with app.run_test(size=(90, 30)) as pilot:
            await pilot.press("u")
            await pilot.pause()

    with pytest.raises(KeyError):  # run_test hands the exception on, as for any test
        asyncio.run(run())
    assert app.return_code == 1
    reports = list(tmp_path.iterdir())
    assert reports == [app.crash_report]
    report = reports[0].read_text()
    assert "Traceback (most recent call last)" in report
    assert "in broken" in report and "KeyError: 'units'" in report
    assert "terminal size: 90x30" in report
    assert "replay tick:" in report
    note = printed.getvalue()
    assert note.strip() == (
        f"mission-control stopped on an internal error (KeyError: 'units'); "
        f"full report in {reports[0]}"
    )
