"""The dashboard's terminal taken away in the ways the other exit tests do not cover.

A terminal gone with no SIGHUP: the dashboard runs under a session leader that ignores
hang-ups (``bash -c 'trap "" HUP; ...'``) in a pseudo-terminal of its own, whose master is then
closed. The kernel sends SIGHUP only to that leader, so the dashboard learns of it from its
input alone; it must end, with 129 as after SIGHUP, rather than read end-of-file for ever.

Signals whose default action would end the program where it stands (SIGQUIT, SIGUSR1,
SIGALRM), sent to a dashboard started from a shell in a tmux pane: the terminal is restored
(main screen, cursor shown, mouse reporting off, canonical mode and echo back on) and the
program ends by the signal, so the shell reports 128 plus its number. The dashboard runs under
``sh -c``, which unlike an interactive bash does not restore the terminal's modes after a job a
signal killed, and ``stty -a`` is read before bash is back.

SIGTERM, SIGHUP, q, Ctrl-C and a crash are in e2e/test_exits_terminal.py.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import shlex
import signal
import struct
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
from support.panes import (
    MISSION_CONTROL,
    START_TIMEOUT_S,
    Pane,
    Tmux,
    alive,
    at_prompt,
    dashboard_command,
    needs_tmux,
    open_shell,
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
    inner = (
        f'echo $$ > {shlex.quote(str(pidfile))} && exec {shlex.quote(str(MISSION_CONTROL))} "$@"'
    )
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    env.update(
        TERM="xterm-256color",
        LANG="C.UTF-8",
        MISSION_CONTROL_LOG_DIR=str(tmp_path / "log"),
    )
    env.pop("LC_ALL", None)
    leader = ["bash", "-c", 'trap "" HUP; "$@"; exit $?', "bash", "sh", "-c", inner, "sh"]
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


# --------------------------------------------------------------------------- fatal signals

FATAL = ("SIGQUIT", "SIGUSR1", "SIGALRM")
_STATUS = re.compile(r"^mc-status=(\d+)")


@dataclass
class Ending:
    """What the terminal was left as after one dashboard was ended by a signal."""

    status: int | None
    flags: str
    stty: str
    screen: list[str]
    pane: Pane


def _start(tmux: Tmux, folder: Path) -> Pane:
    pane = open_shell(tmux, folder)
    stty = shlex.quote(str(folder / "stty.txt"))
    script = (
        f"ulimit -c 0; {dashboard_command(pane, ['--speed', '1'])}; s=$?; "
        f"stty -a > {stty}; echo mc-status=$s"
    )
    pane.type_line(f"sh -c {shlex.quote(script)}")
    return pane


def _end(pane: Pane, signum: int) -> Ending:
    pane.wait_screen(
        "the dashboard plays",
        lambda s: any("Play/pause" in x for x in s) and any("playing" in x for x in s),
        timeout=30,
    )
    pid = pane.pid()
    os.kill(pid, signum)
    wait_until(lambda: not alive(pid), EXIT_LIMIT_S)
    # The status line, and the prompt after it, on whatever screen the dashboard left.
    screen = pane.wait_screen(
        "the status echoed", lambda s: any(_STATUS.match(x) for x in s), timeout=EXIT_LIMIT_S
    )
    statuses = [int(m.group(1)) for x in screen if (m := _STATUS.match(x))]
    flags = pane.flags("alternate_on", "cursor_flag", "mouse_any_flag")
    stty = (pane.folder / "stty.txt").read_text()
    return Ending(statuses[0] if statuses else None, flags, stty, screen, pane)


@pytest.fixture(scope="module")
def endings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Ending]]:
    """A dashboard for each signal, started at once, then ended one after another."""
    server = Tmux("mc-signals")
    base = tmp_path_factory.mktemp("signals")
    try:
        panes = {name: _start(server, base / name) for name in FATAL}
        yield {name: _end(panes[name], getattr(signal, name)) for name in FATAL}
    finally:
        server.kill_server()


def _modes(stty: str) -> set[str]:
    return set(re.split(r"[\s;]+", stty))


@needs_tmux
@pytest.mark.parametrize("name", FATAL)
def test_a_fatal_signal_restores_the_terminal_then_ends_by_it(
    endings: dict[str, Ending], name: str
) -> None:
    ending = endings[name]
    shown = ending.pane.diagnostics(ending.screen)
    assert ending.flags == "0 1 0", f"{name}: alternate screen, cursor, mouse: {ending.flags}"
    modes = _modes(ending.stty)
    assert {"icanon", "echo", "isig", "icrnl"} <= modes, f"{name}: {ending.stty}"
    assert ending.status == 128 + getattr(signal, name), shown
    assert ending.pane.crash_reports() == [], shown
    ending.pane.wait_screen("back at the prompt", at_prompt)
    ending.pane.type_line("echo typed-$((6*7))")
    ending.pane.wait_screen("the shell answers", lambda s: "typed-42" in s)
