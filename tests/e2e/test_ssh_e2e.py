"""End to end over SSH: the installed dashboard in a real terminal, driven by keys, then hung up on.

The module starts a private ``sshd`` on 127.0.0.1 (its own config, host key, authorized key,
pid file and log in a temporary folder; nothing under /etc/ssh is read or written) and a
private tmux server on its own socket. In a 100×30 pane running ``bash --norc`` it types
``ssh -tt ... 127.0.0.1 <venv>/bin/mission-control --speed 1`` and reads the screen with
``capture-pane``.

The server side is wrapped in ``sh -c 'echo $$ > PIDFILE; ...; exec mission-control'`` so the
dashboard's pid is known. Its stderr cannot be redirected to a file: Textual draws the whole
screen on stderr (``sys.__stderr__``), so ``2> LOG`` would leave the terminal blank. Instead a
``sitecustomize`` put on the remote ``PYTHONPATH`` copies everything written to ``sys.stderr``
(tracebacks, thread exceptions, "Exception ignored" lines, Textual's error console) into a log
file while it still reaches the terminal, and points ``faulthandler`` at the same file.

Skipped only when sshd, ssh, ssh-keygen or tmux is missing; CI installs Debian's
``openssh-server`` (which brings ``openssh-client``) and ``tmux``.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support.panes import MISSION_CONTROL, TMUX, Tmux, wait_for_pid, wait_screen, wait_until

from mission_control.campaign import Campaign
from mission_control.speed import SPEED_LADDER, speed_label


def _find_sshd() -> str | None:
    """sshd is usually in /usr/sbin, which a non-root PATH often leaves out."""
    found = shutil.which("sshd")
    if found:
        return found
    for folder in ("/usr/sbin", "/usr/local/sbin", "/sbin"):
        candidate = Path(folder) / "sshd"
        if os.access(candidate, os.X_OK):
            return str(candidate)
    return None


SSHD = _find_sshd()
SSH = shutil.which("ssh")
SSH_KEYGEN = shutil.which("ssh-keygen")
_MISSING = [
    name
    for name, path in (("sshd", SSHD), ("ssh", SSH), ("ssh-keygen", SSH_KEYGEN), ("tmux", TMUX))
    if path is None
]

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="reads processes from /proc"),
    pytest.mark.skipif(
        bool(_MISSING),
        reason=f"needs {', '.join(_MISSING)}: apt-get install openssh-server tmux",
    ),
]

WIDTH, HEIGHT = 100, 30
PROMPT = "E2E$ "
START_TIMEOUT_S = 20.0
"""How long the dashboard may take to draw its first screen over SSH."""
KEY_TIMEOUT_S = 5.0
"""How long one key may take to show on screen."""
EXIT_TIMEOUT_S = 5.0
"""How long the server-side process may take to end after ``q`` or a hang-up."""

SSH_OPTIONS = (
    "IdentitiesOnly=yes",
    "BatchMode=yes",
    "StrictHostKeyChecking=no",
    "UserKnownHostsFile=/dev/null",
    "LogLevel=ERROR",
)
"""The client trusts the throwaway host key and leaves no known_hosts entry behind."""

PRIVSEP_DIR = Path("/run/sshd")
"""sshd running as root refuses to start without its privilege separation folder."""

SITECUSTOMIZE = '''\
"""Test hook (tests/test_ssh_e2e.py): copy sys.stderr into $MC_E2E_STDERR_LOG."""
import faulthandler
import os
import sys

_path = os.environ.get("MC_E2E_STDERR_LOG")
if _path:
    _log = open(_path, "a", buffering=1, encoding="utf-8", errors="backslashreplace")
    _log.write(f"e2e-hook: stderr copied here, pid {os.getpid()}\\n")
    faulthandler.enable(file=_log)

    class _Tee:
        """Writes go to the log first, then to the real stream (which may fail)."""

        def __init__(self, stream, log):
            self._stream = stream
            self._log = log

        def write(self, text):
            try:
                self._log.write(text)
                self._log.flush()
            except Exception:
                pass
            try:
                return self._stream.write(text)
            except OSError as exc:  # the terminal is gone: say so, and fail as before
                self._log.write(f"[e2e-hook: write to the terminal failed: {exc!r}]\\n")
                raise

        def flush(self):
            try:
                self._log.flush()
            except Exception:
                pass
            self._stream.flush()

        def __getattr__(self, name):
            return getattr(self._stream, name)

    sys.stderr = _Tee(sys.stderr, _log)
'''

TRACEBACK_MARKERS = ("Traceback (most recent call last)", "Exception ignored", "Fatal Python")


# --------------------------------------------------------------------------- small helpers


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def tail(path: Path, lines: int = 25) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return f"({path.name}: not written)"
    return "\n".join(text.splitlines()[-lines:])


# --------------------------------------------------------------------------- /proc


@dataclass(frozen=True)
class Proc:
    pid: int
    comm: str
    state: str
    ppid: int
    session: int
    starttime: int


def proc(pid: int) -> Proc | None:
    """The process's /proc/PID/stat, or None when there is no such process."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    head, _, rest = raw.rpartition(")")  # the command name may itself hold ")"
    fields = rest.split()
    # After the name: state ppid pgrp session tty_nr tpgid flags ... starttime (22nd field).
    return Proc(
        pid=pid,
        comm=head.partition("(")[2],
        state=fields[0],
        ppid=int(fields[1]),
        session=int(fields[3]),
        starttime=int(fields[19]),
    )


def all_procs() -> list[Proc]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            info = proc(int(entry.name))
            if info is not None:
                found.append(info)
    return found


def running(p: Proc) -> bool:
    """Still the same process (pid not reused) and not a zombie waiting to be reaped."""
    now = proc(p.pid)
    return now is not None and now.starttime == p.starttime and now.state not in ("Z", "X")


def ended(p: Proc, timeout: float = EXIT_TIMEOUT_S) -> bool:
    """Wait up to ``timeout`` for ``p`` to end."""
    return bool(wait_until(lambda: not running(p), timeout))


def descendants(pid: int) -> list[Proc]:
    procs = all_procs()
    children: dict[int, list[Proc]] = {}
    for p in procs:
        children.setdefault(p.ppid, []).append(p)
    found: list[Proc] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child.pid)
    return found


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


# --------------------------------------------------------------------------- sshd


@dataclass
class Sshd:
    port: int
    user: str
    client_key: Path
    log: Path
    process: subprocess.Popen[bytes]


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _keygen(path: Path) -> None:
    assert SSH_KEYGEN is not None
    subprocess.run(
        [SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", "mission-control-e2e", "-f", str(path)],
        check=True,
        stdin=subprocess.DEVNULL,
        timeout=30,
    )


def _sshd_config(base: Path, port: int, user: str) -> str:
    return "\n".join(
        [
            f"Port {port}",
            "ListenAddress 127.0.0.1",
            f"HostKey {base / 'host_ed25519'}",
            f"PidFile {base / 'sshd.pid'}",
            f"AuthorizedKeysFile {base / 'authorized_keys'}",
            f"AllowUsers {user}",
            "StrictModes no",
            "UsePAM no",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password",
            "AllowTcpForwarding no",
            "AllowAgentForwarding no",
            "X11Forwarding no",
            "PrintMotd no",
            "PrintLastLog no",
            "UseDNS no",
            "LogLevel VERBOSE",
            "",
        ]
    )


@pytest.fixture(scope="module")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sshd]:
    """A throwaway sshd on 127.0.0.1 that lets the current user in with a key made here."""
    assert SSHD is not None
    base = tmp_path_factory.mktemp("sshd")
    _keygen(base / "host_ed25519")
    _keygen(base / "client_ed25519")
    authorized = base / "authorized_keys"
    authorized.write_text((base / "client_ed25519.pub").read_text())
    authorized.chmod(0o600)
    user = pwd.getpwuid(os.getuid()).pw_name

    made_privsep = False
    if os.geteuid() == 0 and not PRIVSEP_DIR.is_dir():
        PRIVSEP_DIR.mkdir(mode=0o755, parents=True)  # the one change outside the tmp folder
        made_privsep = True

    process: subprocess.Popen[bytes] | None = None
    try:
        for attempt in range(3):
            port = free_port()
            log = base / f"sshd-{attempt}.log"
            process = _start_sshd(base, port, user, log)
            if process.poll() is None:
                break
            text = log.read_text(errors="replace")
            if "Address already in use" not in text and "Bind to port" not in text:
                pytest.fail(f"sshd did not start (exit {process.returncode}):\n{text}")
            # Lost the race for the free port: try another.
        else:
            pytest.fail("sshd found no free port in 3 tries")
        yield Sshd(port, user, base / "client_ed25519", log, process)
    finally:
        if process is not None:
            _stop(process)
        if made_privsep:
            with contextlib.suppress(OSError):
                PRIVSEP_DIR.rmdir()
        shutil.rmtree(base, ignore_errors=True)  # keys, config, pid file and log


def _start_sshd(base: Path, port: int, user: str, log: Path) -> subprocess.Popen[bytes]:
    """sshd in the foreground (-D), logging to ``log`` (-e); stopped again if it never listens."""
    assert SSHD is not None
    config = base / "sshd_config"
    config.write_text(_sshd_config(base, port, user))
    with log.open("wb") as log_file:
        # By absolute path: sshd re-executes itself.
        process = subprocess.Popen(
            [SSHD, "-D", "-e", "-f", str(config)],
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    listening = f"Server listening on 127.0.0.1 port {port}"
    wait_until(
        lambda: listening in log.read_text(errors="replace") or process.poll() is not None, 10.0
    )
    if listening not in log.read_text(errors="replace"):
        _stop(process)
    return process


# --------------------------------------------------------------------------- tmux


@pytest.fixture(scope="module")
def tmux() -> Iterator[Tmux]:
    server = Tmux("mc-e2e")
    try:
        yield server
    finally:
        server.kill_server()


# --------------------------------------------------------------------------- a dashboard over ssh


@dataclass
class Remote:
    """One ``ssh -tt ... mission-control`` in its own tmux session."""

    tmux: Tmux
    sshd: Sshd
    name: str
    folder: Path
    pidfile: Path = field(init=False)
    errlog: Path = field(init=False)
    _server: Proc | None = None

    def __post_init__(self) -> None:
        self.pidfile = self.folder / "mission-control.pid"
        self.errlog = self.folder / "mission-control.stderr.log"

    # ---------------------------------------------------------------- the terminal

    def screen(self) -> list[str]:
        return self.tmux("capture-pane", "-p", "-t", self.name).splitlines()

    def flag(self, name: str) -> str:
        return self.tmux("display-message", "-p", "-t", self.name, f"#{{{name}}}").strip()

    def press(self, key: str) -> None:
        """A key by tmux's name (``Space``, ``Enter``) or a literal character."""
        if len(key) == 1:
            self.tmux("send-keys", "-t", self.name, "-l", key)
        else:
            self.tmux("send-keys", "-t", self.name, key)

    def press_and_wait(self, key: str) -> bool:
        """Press ``key`` and wait (at most KEY_TIMEOUT_S) for the screen to change."""
        shown = self.screen()
        self.press(key)
        return bool(wait_until(lambda: self.screen() != shown, KEY_TIMEOUT_S))

    def type_line(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.name, "-l", text)
        self.tmux("send-keys", "-t", self.name, "Enter")

    def at_prompt(self) -> bool:
        lines = [line for line in self.screen() if line.strip()]
        return bool(lines) and lines[-1].rstrip() == PROMPT.rstrip()

    def wait_screen(
        self, what: str, check: Callable[[list[str]], bool], timeout: float = KEY_TIMEOUT_S
    ) -> list[str]:
        """Poll the screen until ``check`` holds; fail with the screen and the logs if not."""
        return wait_screen(self.screen, self.diagnostics, what, check, timeout)

    def diagnostics(self, lines: list[str] | None = None) -> str:
        screen = "\n".join(lines if lines is not None else self.screen())
        return (
            f"--- screen ---\n{screen}\n"
            f"--- sshd log ---\n{tail(self.sshd.log)}\n"
            f"--- mission-control stderr ---\n{tail(self.errlog)}"
        )

    # ---------------------------------------------------------------- the processes

    def server(self) -> Proc:
        """The server-side mission-control (the pid its wrapper wrote, then exec'd into)."""
        if self._server is None:
            pid = wait_for_pid(self.pidfile, START_TIMEOUT_S)
            assert pid is not None, f"no pid file from the remote wrapper\n{self.diagnostics()}"
            info = proc(pid)
            assert info is not None, f"server-side pid {pid} is not running"
            assert "mission-control" in cmdline(pid), f"pid {pid} runs {cmdline(pid)!r}"
            self._server = info
        return self._server

    def client(self) -> Proc:
        """The ssh client in the pane (a child of the pane's bash)."""
        pane = int(self.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())
        clients = [p for p in descendants(pane) if p.comm == "ssh"]
        assert len(clients) == 1, f"expected one ssh client under pane pid {pane}: {clients}"
        return clients[0]

    def stderr_problems(self) -> list[str]:
        """Traceback lines the dashboard wrote to stderr (after checking the hook was there)."""
        text = self.errlog.read_text(encoding="utf-8", errors="replace")
        hooked = f"e2e-hook: stderr copied here, pid {self.server().pid}"
        assert hooked in text, f"the stderr hook did not load in the dashboard: {text[:200]!r}"
        return [line for line in text.splitlines() if any(m in line for m in TRACEBACK_MARKERS)]


def _start(tmux: Tmux, sshd: Sshd, folder: Path) -> Remote:
    assert SSH is not None
    name = f"e2e-{uuid.uuid4().hex[:8]}"
    remote = Remote(tmux, sshd, name, folder)
    hooks = folder / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE)

    q = shlex.quote
    inner = (
        f"echo $$ > {q(str(remote.pidfile))} && "
        f"export PYTHONPATH={q(str(hooks))} MC_E2E_STDERR_LOG={q(str(remote.errlog))} && "
        f"exec {q(str(MISSION_CONTROL))} --speed 1"
    )
    ssh = [SSH, "-tt", "-F", "/dev/null", "-p", str(sshd.port), "-l", sshd.user]
    ssh += ["-i", str(sshd.client_key)]
    for option in SSH_OPTIONS:
        ssh += ["-o", option]
    ssh += ["127.0.0.1", f"sh -c {q(inner)}"]
    script = folder / "client.sh"
    script.write_text("exec " + " ".join(q(arg) for arg in ssh) + "\n")

    size = ["-x", str(WIDTH), "-y", str(HEIGHT)]
    shell = ["env", "HISTFILE=", f"PS1={PROMPT}", "bash", "--norc", "--noprofile"]
    tmux("new-session", "-d", "-s", name, *size, *shell)
    remote.wait_screen("the pane's shell shows its prompt", lambda _: remote.at_prompt())
    remote.type_line(f"sh {q(str(script))}")
    remote.wait_screen(
        "the dashboard draws its footer (Play/pause … Quit) and a playing replay",
        lambda lines: (
            any("Play/pause" in line and "Quit" in line for line in lines)
            and replay_state(lines) == "playing"
        ),
        timeout=START_TIMEOUT_S,
    )
    return remote


@pytest.fixture
def start_remote(tmux: Tmux, sshd: Sshd, tmp_path: Path) -> Iterator[Callable[[], Remote]]:
    """Starts the dashboard over ssh; afterwards ends whatever is left of it."""
    started: list[Remote] = []

    def start() -> Remote:
        folder = tmp_path / f"remote-{len(started)}"
        folder.mkdir()
        remote = _start(tmux, sshd, folder)
        started.append(remote)
        return remote

    yield start
    for remote in started:
        with contextlib.suppress(RuntimeError):
            remote.tmux("kill-session", "-t", remote.name)
        server = remote._server
        if server is not None and not ended(server):
            with contextlib.suppress(ProcessLookupError):
                os.kill(server.pid, signal.SIGKILL)  # left behind by a failed check
        shutil.rmtree(remote.folder, ignore_errors=True)


# --------------------------------------------------------------------------- reading the screen

_STATE = re.compile(r"\b(playing|paused|reverse)\b")
_KM = re.compile(r"\d[\d,.]*\s?km\b")
_MI = re.compile(r"\d[\d,.]*\s?mi\b")
_STATUS = re.compile(r"^e2e-status=\d+\s*$")


def replay_line(lines: list[str]) -> str | None:
    """The clock's replay line (``▶ playing · 1× · si · all events``); the footer is not it."""
    for line in lines:
        if "Play/pause" not in line and _STATE.search(line):
            return line
    return None


def replay_state(lines: list[str]) -> str | None:
    line = replay_line(lines)
    match = _STATE.search(line) if line else None
    return match.group(1) if match else None


def has_word(line: str | None, word: str) -> bool:
    """``word`` in ``line`` standing alone (``1×`` is not found inside ``10×``)."""
    if line is None:
        return False
    return re.search(rf"(?<![\w.]){re.escape(word)}(?![\w/])", line) is not None


# --------------------------------------------------------------------------- the tests


def test_keys_over_ssh(start_remote: Callable[[], Remote], campaign: Campaign) -> None:
    """space pauses, n seeks to the next event, u switches units, + speeds up, q quits."""
    remote = start_remote()
    server = remote.server()

    # space: the replay line says paused.
    remote.press("Space")
    remote.wait_screen("space: the replay shows paused", lambda s: replay_state(s) == "paused")

    # n: the clock jumps to the first event and its line appears in the log.
    _, first = campaign.all_events()[0]
    name = campaign.track(first.mission_id).mission.name
    date = first.time.iso()[:10]
    before = set(remote.screen())

    def first_event_logged(lines: list[str]) -> bool:
        return any(
            line not in before and date in line and name in line and first.summary in line
            for line in lines
        )

    remote.press("n")
    remote.wait_screen(f"n: a log line for {name} {first.summary} on {date}", first_event_logged)
    assert replay_state(remote.screen()) == "paused", "seeking must not start the replay"

    # More n until a quantity in km is in the log (quantities fill in once pint has loaded).
    for _ in range(12):
        if any(_KM.search(line) for line in remote.screen()):
            break
        remote.press_and_wait("n")
    remote.wait_screen(
        "n …: a quantity in km in the event log", lambda s: any(_KM.search(x) for x in s)
    )
    assert has_word(replay_line(remote.screen()), "si")

    # u: imperial units, in the replay line and in the log's quantities.
    remote.press("u")
    remote.wait_screen(
        "u: the replay line says imperial and km quantities became mi",
        lambda s: (
            has_word(replay_line(s), "imperial")
            and any(_MI.search(x) for x in s)
            and not any(_KM.search(x) for x in s)
        ),
    )

    # +: the next speed up the ladder.
    slow = speed_label(1.0)
    fast = next(label for factor, label in SPEED_LADDER if factor > 1.0)
    assert has_word(replay_line(remote.screen()), slow), f"started with --speed 1 ({slow})"
    remote.press("+")
    remote.wait_screen(
        f"+: the speed label goes from {slow} to {fast}",
        lambda s: has_word(replay_line(s), fast) and not has_word(replay_line(s), slow),
    )

    # q: the program ends, ssh returns and the pane is back at its prompt, terminal restored.
    remote.press("q")
    remote.wait_screen("q: back at the shell prompt", lambda _: remote.at_prompt())
    assert ended(server), f"server-side mission-control {server.pid} still runs after q"
    assert remote.flag("alternate_on") == "0", "q left the terminal on the alternate screen"
    assert remote.flag("cursor_flag") == "1", "q left the cursor hidden"
    assert remote.flag("mouse_any_flag") == "0", "q left mouse reporting on"
    assert remote.flag("wrap_flag") == "1", "q left line wrapping off"
    # ssh hands back the remote command's exit status; the shell still reads and echoes.
    remote.type_line("echo e2e-status=$?")
    screen = remote.wait_screen(
        "the shell answers after the dashboard", lambda s: any(_STATUS.match(x) for x in s)
    )
    statuses = [x.strip() for x in screen if _STATUS.match(x)]
    assert statuses == ["e2e-status=0"], f"mission-control's exit status after q: {statuses}"
    assert remote.stderr_problems() == [], remote.diagnostics()


def test_hangup_ends_the_dashboard(start_remote: Callable[[], Remote]) -> None:
    """SIGKILL the ssh client: the server-side dashboard ends within 5 s, cleanly, alone."""
    remote = start_remote()
    server = remote.server()
    assert remote.stderr_problems() == [], remote.diagnostics()
    # Everything that could outlive it: its descendants and the rest of its login session.
    left = {p.pid: p for p in descendants(server.pid)}
    left.update({p.pid: p for p in all_procs() if p.session == server.session})
    left.pop(server.pid, None)

    os.kill(remote.client().pid, signal.SIGKILL)

    assert ended(server), (
        f"on hang-up the server-side mission-control (pid {server.pid}) was still running "
        f"after {EXIT_TIMEOUT_S:.0f} s\n{remote.diagnostics()}"
    )
    survivors = [p for p in left.values() if running(p)]
    survivors += [
        p
        for p in all_procs()
        if (p.ppid == server.pid or p.session == server.session) and p.state not in ("Z", "X")
    ]
    assert survivors == [], f"left behind after the hang-up: {survivors}"
    assert remote.stderr_problems() == [], (
        f"traceback on stderr after the hang-up\n{remote.diagnostics()}"
    )
