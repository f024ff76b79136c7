"""Every way the dashboard ends leaves the terminal as it found it.

In real terminals (tmux panes running bash, the dashboard started from the prompt as a
person would): q, Ctrl-C, SIGTERM, SIGHUP and a crash. Each ends the program within 2 s
with the alternate screen left, the cursor shown and mouse reporting off, back at the
prompt, with its documented exit status: 0 for q and Ctrl-C, 143 for SIGTERM, 129 for
SIGHUP, 1 for a crash, which also prints one line naming its report and no traceback.

The crash is a bug planted from outside: a ``sitecustomize`` on PYTHONPATH makes the
``u`` key's handler raise, so the program itself has no hidden crash switch.

The same in-process is in ui/test_exits.py; the crash report and note themselves in
unit/test_crash.py.
"""

from __future__ import annotations

import os
import re
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.panes import (
    UTF8_LOCALE,
    Pane,
    Tmux,
    alive,
    at_prompt,
    dashboard_command,
    needs_tmux,
    open_shell,
    wait_until,
)

EXIT_WITHIN_S = 2.0
CRASH_MESSAGE = "crash test: the u key's handler failed"

CRASH_HOOK = f'''\
"""Test hook (tests/e2e/test_exits_terminal.py): the u key's handler raises, as a bug would."""
from mission_control.app import MissionControlApp


def _broken(self):
    raise RuntimeError({CRASH_MESSAGE!r})


MissionControlApp.action_toggle_units = _broken
'''

_STATUS = re.compile(r"^mc-status=(\d+)\s*$")


@dataclass
class Ending:
    """How one dashboard was ended, and what the terminal showed afterwards."""

    seconds: float
    status: int | None
    flags: str
    screen: list[str]
    pane: Pane


def _start(tmux: Tmux, folder: Path, env: dict[str, str | None]) -> Pane:
    pane = open_shell(tmux, folder)
    pane.type_line(
        dashboard_command(pane, ["--speed", "1"], env) + "; echo mc-status=$?",
    )
    return pane


def _end(pane: Pane, how: str) -> Ending:
    pane.wait_screen(
        "the dashboard plays",
        lambda s: any("Play/pause" in x for x in s) and any("playing" in x for x in s),
        timeout=30,
    )
    pid = pane.pid()
    started = time.monotonic()
    if how == "SIGTERM":
        os.kill(pid, signal.SIGTERM)
    elif how == "SIGHUP":
        os.kill(pid, signal.SIGHUP)
    else:
        pane.press(how)
    wait_until(lambda: not alive(pid), 10.0)
    seconds = time.monotonic() - started
    screen = pane.wait_screen(
        "back at the prompt, the status echoed",
        lambda s: at_prompt(s) and any(_STATUS.match(x) for x in s),
    )
    statuses = [int(m.group(1)) for x in screen if (m := _STATUS.match(x))]
    flags = pane.flags("alternate_on", "cursor_flag", "mouse_any_flag")
    return Ending(seconds, statuses[0] if statuses else None, flags, screen, pane)


@pytest.fixture(scope="module")
def endings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Ending]]:
    """Five dashboards started at once, then ended one after another."""
    server = Tmux()
    base = tmp_path_factory.mktemp("exits")
    hooks = base / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(CRASH_HOOK)
    crash_env = {**UTF8_LOCALE, "PYTHONPATH": str(hooks)}
    ways = {"q": "q", "ctrl+c": "C-c", "SIGTERM": "SIGTERM", "SIGHUP": "SIGHUP", "crash": "u"}
    try:
        panes = {
            name: _start(server, base / name, crash_env if name == "crash" else UTF8_LOCALE)
            for name in ways
        }
        yield {name: _end(panes[name], how) for name, how in ways.items()}
    finally:
        server.kill_server()


EXPECTED_STATUS = {"q": 0, "ctrl+c": 0, "SIGTERM": 143, "SIGHUP": 129, "crash": 1}


@needs_tmux
@pytest.mark.parametrize("way", EXPECTED_STATUS)
def test_every_ending_restores_the_terminal(endings: dict[str, Ending], way: str) -> None:
    ending = endings[way]
    shown = ending.pane.diagnostics(ending.screen)
    assert ending.seconds <= EXIT_WITHIN_S, f"{way}: ended after {ending.seconds:.2f} s\n{shown}"
    assert ending.flags == "0 1 0", f"{way}: alternate screen, cursor, mouse: {ending.flags}"
    assert ending.status == EXPECTED_STATUS[way], shown
    assert not any("Traceback" in line for line in ending.screen), shown


@needs_tmux
@pytest.mark.parametrize("way", [w for w in EXPECTED_STATUS if w != "crash"])
def test_a_clean_ending_writes_no_crash_report(endings: dict[str, Ending], way: str) -> None:
    assert endings[way].pane.crash_reports() == []


@needs_tmux
def test_a_crash_prints_one_line_naming_its_report(endings: dict[str, Ending]) -> None:
    ending = endings["crash"]
    reports = ending.pane.crash_reports()
    assert len(reports) == 1, ending.pane.diagnostics(ending.screen)
    screen = " ".join(line.strip() for line in ending.screen)  # the note may wrap
    assert f"internal error (RuntimeError: {CRASH_MESSAGE})" in screen, screen
    assert str(reports[0]) in screen.replace(" ", "") or str(reports[0]) in screen
    report = reports[0].read_text()
    assert "Traceback (most recent call last)" in report
    assert f"RuntimeError: {CRASH_MESSAGE}" in report
    assert "action_toggle_units" not in screen
