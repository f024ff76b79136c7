"""``mission-control serve`` as a real process, and a tab's terminal without a browser: a
websocket speaking textual-serve's protocol, its output fed to a ``pyte`` screen.

Every process a test starts here is ended by the fixture that started it, the server and
whatever it left behind alike, also when the test fails.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pyte
import pytest

from support.panes import wait_until

pytest.importorskip("textual_serve", reason="the web extra (textual-serve) is not installed")
websockets_sync = pytest.importorskip("websockets.sync.client")

START_TIMEOUT_S = 30.0
"""Generous: the server reads the articles (cached) and binds."""
SCREEN_TIMEOUT_S = 30.0
"""Generous: a session's first frame takes a second or two on a busy machine."""


_URL = re.compile(r"serving (http://(\S+):(\d+)/)")


@dataclass
class Served:
    """A running server: its process, address and what it has printed."""

    process: subprocess.Popen[str]
    url: str
    port: int
    output: list[str] = field(default_factory=list)
    seen: list[psutil.Process] = field(default_factory=list)
    """Every session ``sessions`` has found, killed when the fixture ends: a server that
    died leaves its sessions with no parent to find them by."""

    def sessions(self) -> list[psutil.Process]:
        """The session processes the server runs now (its children)."""
        with contextlib.suppress(psutil.NoSuchProcess):
            found = psutil.Process(self.process.pid).children()
            self.seen.extend(found)
            return found
        return []


@contextlib.contextmanager
def serving(
    *arguments: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Iterator[Served]:
    """``mission-control serve --port 0 ARGUMENTS``, once it says where it serves; killed on
    exit with every process it started."""
    process = subprocess.Popen(
        [sys.executable, "-m", "mission_control", "serve", "--port", "0", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=cwd,
        env=env,
    )
    output: list[str] = []
    reader = threading.Thread(target=_collect, args=(process, output), daemon=True)
    reader.start()
    started: list[psutil.Process] = []
    served: Served | None = None
    try:
        found = wait_until(
            lambda: next(filter(None, map(_URL.search, output)), None), START_TIMEOUT_S
        )
        assert found, f"the server did not say where it serves: {output}"
        served = Served(process, found.group(1), int(found.group(3)), output)
        yield served
    finally:
        with contextlib.suppress(psutil.NoSuchProcess):
            started = psutil.Process(process.pid).children(recursive=True)
        process.kill()
        process.wait(10)
        for child in [*started, *(served.seen if served is not None else [])]:
            with contextlib.suppress(psutil.NoSuchProcess, ProcessLookupError):
                child.kill()  # psutil refuses a pid reused since by another process


def _collect(process: subprocess.Popen[str], output: list[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        output.append(line)


class WebTerminal:
    """A tab's terminal: the session's output on an 80×24 ``pyte`` screen, keys sent as a
    browser's page sends them."""

    def __init__(self, served: Served, width: int = 80, height: int = 24) -> None:
        self.screen = pyte.Screen(width, height)
        self._stream = pyte.ByteStream(self.screen)
        self._lock = threading.Lock()
        self.closed = threading.Event()
        url = f"ws://127.0.0.1:{served.port}/ws?width={width}&height={height}"
        self._opened = contextlib.ExitStack()
        self.socket = self._opened.enter_context(
            websockets_sync.connect(url, proxy=None, open_timeout=START_TIMEOUT_S)
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        with contextlib.suppress(Exception):
            for message in self.socket:
                if isinstance(message, bytes):
                    with self._lock:
                        self._stream.feed(message)
        self.closed.set()

    def text(self) -> str:
        """The screen as it is now, one line per row."""
        with self._lock:
            return "\n".join(self.screen.display)

    def wait_for(self, pattern: str, timeout: float = SCREEN_TIMEOUT_S) -> str:
        """The screen once ``pattern`` (a regular expression) shows on it; a failed test if
        it has not within ``timeout``."""
        found = wait_until(lambda: re.search(pattern, self.text()), timeout)
        assert found, f"{pattern!r} never showed; the screen:\n{self.text()}"
        return self.text()

    def press(self, keys: str) -> None:
        """Type ``keys`` as the page does: a JSON ``stdin`` message."""
        self.socket.send(json.dumps(["stdin", keys]))

    def drop(self) -> None:
        """End the connection the way a crashed browser does: the TCP socket shut, no
        websocket close frame sent."""
        with contextlib.suppress(OSError):
            self.socket.socket.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            self.socket.socket.close()

    def close(self) -> None:
        """Close as a tab does: a websocket close frame."""
        with contextlib.suppress(Exception):
            self._opened.close()


def silent_client(port: int) -> socket.socket:
    """A websocket opened by hand that then says nothing, not even to the server's pings: a
    tab whose machine slept or lost its network."""
    sock, answer = open_by_hand(port)
    assert answer.startswith("HTTP/1.1 101"), answer
    return sock


def open_by_hand(
    port: int, *, host: str | None = None, origin: str | None = None
) -> tuple[socket.socket, str]:
    """A websocket asked for by hand on 127.0.0.1:``port`` with the ``Host`` (by default
    ``127.0.0.1:PORT``) and ``Origin`` (by default none) given, as any program may send them;
    the connection and the head of the server's answer. The caller closes the connection."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=START_TIMEOUT_S)
    head = (
        f"GET /ws?width=80&height=24 HTTP/1.1\r\nHost: {host or f'127.0.0.1:{port}'}\r\n"
        + (f"Origin: {origin}\r\n" if origin is not None else "")
        + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    sock.sendall(head.encode())
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = sock.recv(4096)
        assert chunk, "the server closed the connection before it answered"
        answer += chunk
    return sock, answer.decode("latin-1")


def listening_addresses(pid: int) -> list[str]:
    """The addresses process ``pid`` listens on for TCP."""
    found = []
    for connection in psutil.Process(pid).net_connections(kind="tcp"):
        if connection.status == psutil.CONN_LISTEN:
            found.append(connection.laddr.ip)
    return found
