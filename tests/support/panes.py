"""The installed dashboard in real terminals: panes of a private tmux server, read back with
``capture-pane``. Shared by every test that drives a real terminal (the SSH test uses the
tmux server and the waits).

Each dashboard runs as ``sh -c 'echo $$ > PIDFILE; exec mission-control ...'`` so its pid is
known, with MISSION_CONTROL_LOG_DIR pointing at a folder of its own: a crash report there is
how a traceback shows up (Textual draws on stderr, so stderr cannot be sent to a file).
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")

TMUX = shutil.which("tmux")
MISSION_CONTROL = Path(sys.executable).parent / "mission-control"
"""The installed console script, run by absolute path (in a pane, or on an SSH server)."""

needs_tmux = pytest.mark.skipif(
    TMUX is None or sys.platform != "linux",
    reason="needs tmux (apt-get install tmux) and Linux's /proc",
)

START_TIMEOUT_S = 30.0
"""How long a dashboard may take to draw its first screen (several start at once)."""
POLL_S = 0.05

UTF8_LOCALE = {"LANG": "C.UTF-8", "LC_ALL": None, "LC_CTYPE": None}
"""Locale variables for a UTF-8 terminal (None: unset, whatever the test runner has)."""

_SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def wait_until(predicate: Callable[[], T | None], timeout: float) -> T | None:
    """Poll ``predicate`` until it returns something truthy or ``timeout`` s have passed."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(POLL_S)


def wait_for_pid(pidfile: Path, timeout: float) -> int | None:
    """The pid a wrapper wrote to ``pidfile`` before it exec'd, once it is there."""

    def read() -> int | None:
        try:
            text = pidfile.read_text().strip()
        except FileNotFoundError:
            return None
        return int(text) if text.isdigit() else None

    return wait_until(read, timeout)


def wait_screen(
    screen: Callable[[], list[str]],
    diagnostics: Callable[[list[str]], str],
    what: str,
    check: Callable[[list[str]], bool],
    timeout: float,
    who: str = "",
) -> list[str]:
    """Poll a terminal's screen until ``check`` holds; fail with what ``diagnostics`` says."""
    last: list[str] = []

    def poll() -> list[str] | None:
        nonlocal last
        last = screen()
        return last if check(last) else None

    found = wait_until(poll, timeout)
    if found is None:
        prefix = f"{who}, after" if who else "after"
        pytest.fail(f"{prefix} {timeout:.0f} s: {what}\n{diagnostics(last)}")
    return found


def alive(pid: int) -> bool:
    """The process exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


class Tmux:
    """A tmux server of our own (``tmux -L NAME``), so no other session is touched."""

    def __init__(self, name: str = "mc-terminals") -> None:
        self.socket = f"{name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        # Kept running when its last pane closes (a dashboard that quits, or never starts).
        self("start-server", ";", "set-option", "-g", "exit-empty", "off")

    def __call__(self, *args: str) -> str:
        assert TMUX is not None
        result = subprocess.run(
            [TMUX, "-L", self.socket, "-f", "/dev/null", *args],
            # Python's view of the environment: a library in the test process (readline) may
            # have set COLUMNS=80 and LINES=24 behind it, and the panes would believe them.
            env=dict(os.environ),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=15,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def kill_server(self) -> None:
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            self("kill-server")


@dataclass
class Pane:
    """One tmux session (one window, one pane) and the folder of its dashboard."""

    tmux: Tmux
    name: str
    folder: Path

    @property
    def pidfile(self) -> Path:
        return self.folder / "mission-control.pid"

    @property
    def log_dir(self) -> Path:
        return self.folder / "log"

    def screen(self) -> list[str]:
        """The pane's text, one string per row."""
        return self.tmux("capture-pane", "-p", "-t", self.name).splitlines()

    def screen_with_escapes(self) -> list[str]:
        """The pane's text with its colours and attributes as SGR escapes (``-e``)."""
        return self.tmux("capture-pane", "-p", "-e", "-t", self.name).splitlines()

    def flags(self, *names: str) -> str:
        return self.tmux(
            "display-message", "-p", "-t", self.name, " ".join(f"#{{{n}}}" for n in names)
        ).strip()

    def press(self, key: str) -> None:
        """A key by tmux's name (``Space``, ``C-c``) or a literal character."""
        if len(key) == 1:
            self.tmux("send-keys", "-t", self.name, "-l", key)
        else:
            self.tmux("send-keys", "-t", self.name, key)

    def type_line(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.name, "-l", text)
        self.tmux("send-keys", "-t", self.name, "Enter")

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def pid(self, timeout: float = START_TIMEOUT_S) -> int:
        """The dashboard's pid (its wrapper wrote it, then exec'd into it)."""

        pid = wait_for_pid(self.pidfile, timeout)
        assert pid is not None, f"no pid file from {self.name}\n{self.diagnostics()}"
        return pid

    def crash_reports(self) -> list[Path]:
        return sorted(self.log_dir.glob("*")) if self.log_dir.is_dir() else []

    def wait_screen(
        self, what: str, check: Callable[[list[str]], bool], timeout: float = 5.0
    ) -> list[str]:
        """Poll the screen until ``check`` holds; fail with the screen and any crash report."""
        return wait_screen(self.screen, self.diagnostics, what, check, timeout, self.name)

    def diagnostics(self, lines: list[str] | None = None) -> str:
        screen = "\n".join(lines if lines is not None else self.screen())
        reports = "\n".join(p.read_text(errors="replace") for p in self.crash_reports())
        return f"--- screen ---\n{screen}\n--- crash reports ---\n{reports or '(none)'}"


def dashboard_command(
    pane: Pane, args: list[str], env: Mapping[str, str | None] = UTF8_LOCALE
) -> str:
    """A shell command that runs the dashboard with ``env`` (None unsets a variable)."""
    q = shlex.quote
    settings = ["env", "-uCOLUMNS", "-uLINES"]  # the pane's own size, never a stale one
    settings += [f"-u{name}" for name, value in env.items() if value is None]
    settings += [f"{name}={value}" for name, value in env.items() if value is not None]
    settings.append(f"MISSION_CONTROL_LOG_DIR={pane.log_dir}")
    inner = (
        f"echo $$ > {q(str(pane.pidfile))} && "
        f"exec {' '.join(q(s) for s in settings)} {q(str(MISSION_CONTROL))} "
        + " ".join(q(a) for a in args)
    )
    return f"sh -c {q(inner)}"


def open_dashboard(
    tmux: Tmux,
    folder: Path,
    args: list[str],
    *,
    env: Mapping[str, str | None] = UTF8_LOCALE,
    size: tuple[int, int] = (100, 30),
) -> Pane:
    """The dashboard as the pane's only program (the pane closes when it ends)."""
    pane = Pane(tmux, f"mc-{uuid.uuid4().hex[:8]}", folder)
    folder.mkdir(parents=True, exist_ok=True)
    width, height = size
    tmux(
        "new-session", "-d", "-s", pane.name, "-x", str(width), "-y", str(height),
        dashboard_command(pane, args, env),
    )  # fmt: skip
    return pane


PROMPT = "MC$ "


def open_shell(tmux: Tmux, folder: Path, size: tuple[int, int] = (100, 30)) -> Pane:
    """A pane running a plain bash at a known prompt, to start the dashboard from."""
    pane = Pane(tmux, f"mc-{uuid.uuid4().hex[:8]}", folder)
    folder.mkdir(parents=True, exist_ok=True)
    width, height = size
    shell = ["env", "HISTFILE=", f"PS1={PROMPT}", "bash", "--norc", "--noprofile"]
    tmux("new-session", "-d", "-s", pane.name, "-x", str(width), "-y", str(height), *shell)
    pane.wait_screen("the shell's prompt", at_prompt)
    return pane


def at_prompt(lines: list[str]) -> bool:
    shown = [line for line in lines if line.strip()]
    return bool(shown) and shown[-1].rstrip() == PROMPT.rstrip()


# --------------------------------------------------------------------------- colours


def sgr_params(lines: list[str]) -> set[int]:
    """Every SGR parameter in the escapes (``38;5;12`` gives 38, 5 and 12)."""
    found: set[int] = set()
    for line in lines:
        for match in _SGR.finditer(line):
            found.update(int(p) for p in re.split("[;:]", match.group(1)) if p)
    return found


Colour = tuple[str, int | tuple[int, ...]]


def cells(line: str) -> Iterator[tuple[str, Colour | None, Colour | None, bool]]:
    """Each character of a ``capture-pane -e`` row with its foreground, background and
    whether it is reversed (None: the terminal's default colour)."""
    fg: Colour | None = None
    bg: Colour | None = None
    reverse = False
    pos = 0
    for match in _SGR.finditer(line):
        for char in line[pos : match.start()]:
            yield char, fg, bg, reverse
        pos = match.end()
        params = [int(p) if p else 0 for p in re.split("[;:]", match.group(1))] or [0]
        i = 0
        while i < len(params):
            p = params[i]
            if p == 0:
                fg = bg = None
                reverse = False
            elif p in (38, 48):
                if params[i + 1] == 5:
                    colour: Colour = ("256", params[i + 2])
                    i += 2
                else:
                    colour = ("rgb", tuple(params[i + 2 : i + 5]))
                    i += 4
                if p == 38:
                    fg = colour
                else:
                    bg = colour
            elif 30 <= p <= 37 or 90 <= p <= 97:
                fg = ("16", p - 30 if p < 90 else p - 90 + 8)
            elif 40 <= p <= 47 or 100 <= p <= 107:
                bg = ("16", p - 40 if p < 100 else p - 100 + 8)
            elif p == 39:
                fg = None
            elif p == 49:
                bg = None
            elif p == 7:
                reverse = True
            elif p == 27:
                reverse = False
            i += 1
    for char in line[pos:]:
        yield char, fg, bg, reverse


def invisible_text(lines: list[str]) -> list[str]:
    """Characters drawn in their own background's colour: there, but not to be read."""
    found = []
    for y, line in enumerate(lines):
        for x, (char, fg, bg, _reverse) in enumerate(cells(line)):
            if char.strip() and fg is not None and fg == bg:
                found.append(f"{char!r} at row {y}, column {x} in {fg}")
    return found
