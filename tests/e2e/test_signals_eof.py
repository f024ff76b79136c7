"""The dashboard's terminal taken away in the ways the other exit tests do not cover.

A terminal gone with no SIGHUP: the dashboard runs under a session leader that ignores
hang-ups (``bash -c 'trap "" HUP; ...'``) in a pseudo-terminal of its own, whose master is then
closed. The kernel sends SIGHUP only to that leader, so the dashboard learns of it from its
input alone; it must end, with 129 as after SIGHUP, rather than read end-of-file for ever.

SIGTERM, SIGHUP, q, Ctrl-C and a crash are in e2e/test_exits_terminal.py.
"""

from __future__ import annotations

import contextlib
import os
import select
import shlex
import signal
import struct
import sys
import time
from pathlib import Path

import psutil
import pytest
from support.panes import (
    MISSION_CONTROL,
    START_TIMEOUT_S,
    alive,
    wait_for_pid,
    wait_until,
)

EXIT_LIMIT_S = 15.0
"""Generous: the dashboard notices a hang-up within about a second."""

# --------------------------------------------------------------------------- no SIGHUP


def _draw_until(master: int, marker: bytes, timeout: float) -> bytes:
    """Read what the dashboard writes until ``marker`` shows (its first frame is drawn)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:  # EIO: the dashboard is gone
                break
    return seen


def _kill_tree(pid: int) -> None:
    with contextlib.suppress(psutil.Error):
        leader = psutil.Process(pid)
        for process in [*leader.children(recursive=True), leader]:
            with contextlib.suppress(psutil.Error):
                process.kill()


@pytest.mark.skipif(sys.platform != "linux", reason="Linux pseudo-terminals and /proc")
def test_a_terminal_gone_without_a_sighup_ends_the_dashboard(tmp_path: Path) -> None:
    import fcntl
    import pty
    import termios

    pidfile = tmp_path / "mission-control.pid"
    inner = f"echo $$ > {shlex.quote(str(pidfile))} && exec {shlex.quote(str(MISSION_CONTROL))}"
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    env.update(
        TERM="xterm-256color",
        LANG="C.UTF-8",
        MISSION_CONTROL_LOG_DIR=str(tmp_path / "log"),
    )
    env.pop("LC_ALL", None)
    leader = ["bash", "-c", 'trap "" HUP; "$@"; exit $?', "bash", "sh", "-c", inner]
    leader += ["--speed", "1"]
    child, master = pty.fork()
    if child == 0:  # the session leader, in the new terminal
        try:
            os.execvpe(leader[0], leader, env)
        finally:
            os._exit(127)
    try:
        fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        seen = _draw_until(master, b"Play", START_TIMEOUT_S)
        pid = wait_for_pid(pidfile, START_TIMEOUT_S)
        assert b"Play" in seen and pid is not None, seen[-2000:].decode(errors="replace")
        os.close(master)  # the terminal goes; only bash, which ignores it, gets SIGHUP
        master = -1
        ended = wait_until(lambda: not alive(pid), EXIT_LIMIT_S)
        if not ended:
            cpu = psutil.Process(pid).cpu_percent(interval=0.5)
            pytest.fail(f"still running {EXIT_LIMIT_S:.0f} s after its terminal went ({cpu}% CPU)")
        _, status = os.waitpid(child, 0)
        child = 0
        assert os.waitstatus_to_exitcode(status) == 128 + signal.SIGHUP
        assert not (tmp_path / "log").exists() or not any((tmp_path / "log").iterdir())
    finally:
        if master >= 0:
            os.close(master)
        if child:
            _kill_tree(child)
            os.waitpid(child, 0)
