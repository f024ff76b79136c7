"""textual-serve's server and its session for one browser tab, changed where the dashboard
needs it; every use of textual-serve's internals is here, each name listed in ``PRIVATE``
and checked by a test.

What is changed, and why:

- a session's process is started without a shell, in a process group of its own, so that
  ending it ends all it started, and Ctrl-C at the server reaches the server alone;
- a session is ended when its tab closes, when its connection drops without a close (the
  websocket is pinged every ``HEARTBEAT_S`` seconds and dropped when no answer comes), and
  when the server stops; a process that does not quit when asked is ended (``ending.py``);
- at most ``max_sessions`` tabs are served at once, a tab past them gets a page saying so;
- a tab's terminal is at most ``MAX_COLUMNS`` by ``MAX_ROWS``, whatever size it asks for at
  its start or later, so that no tab makes its dashboard draw a screen of millions of cells;
- the page is the package's own (``templates/``): it fetches nothing from outside the server
  (textual-serve's links a web font) and its links are relative to the address it was
  reached by, whatever ``--host`` was;
- another site's page cannot start a session (``refuse_foreign``): a websocket whose ``Origin`` is
  not the address it was opened on is refused, and a server on loopback answers only to the
  names of loopback, so a name an attacker points at 127.0.0.1 (DNS rebinding) gets nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import shlex
import signal
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from mission_control.serve import ending

log = logging.getLogger("mission-control serve")

TEMPLATES = Path(__file__).resolve().parent / "templates"
HEARTBEAT_S = 2.5
"""How often a session's websocket is pinged; one that gives no answer within half of it is
taken as gone (a tab whose machine slept or lost its network sends no close)."""

MAX_COLUMNS = 500
MAX_ROWS = 200
"""The largest terminal a tab is given (a 4K screen at a small font is some 480 × 135)."""

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
"""The names a server bound to loopback answers to (each with its port)."""

QUIT_WRITE_S = 0.2
"""How long asking a session to quit may wait for its input pipe to take the message."""

PRIVATE: dict[str, tuple[str, ...]] = {
    "textual_serve.app_service.AppService": (
        "_open_app_process",
        "_build_environment",
        "_process",
        "_stdin",
        "_task",
        "_download_manager",
    ),
    "textual_serve.server.Server": ("_make_app", "_process_messages"),
}
"""textual-serve's private names this module uses, by the class that has them."""


class DashboardSession(AppService):
    """One tab's dashboard process, started in a process group of its own and ended surely."""

    _stopping: asyncio.Task[None] | None = None

    @property
    def pid(self) -> int | None:
        """The session's process id (also its process group's), once started."""
        return None if self._process is None else self._process.pid

    async def _open_app_process(
        self, width: int = 80, height: int = 24
    ) -> asyncio.subprocess.Process:
        """The session's process, from its command line split as the shell would, without a
        shell, leading a new session and process group, its terminal's size bounded."""
        width, height = _cells(width, 80, MAX_COLUMNS), _cells(height, 24, MAX_ROWS)
        self._process = process = await asyncio.create_subprocess_exec(
            *shlex.split(self.command),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
        )
        self._stdin = process.stdin
        return process

    async def set_terminal_size(self, width: int, height: int) -> None:
        """Tell the session its tab's new size, bounded as at its start."""
        await super().set_terminal_size(
            _cells(width, 80, MAX_COLUMNS), _cells(height, 24, MAX_ROWS)
        )

    async def ended(self) -> None:
        """Return once the session's process has ended (at once if it never started)."""
        if self._process is not None:
            await self._process.wait()

    async def stop(self) -> None:
        """Ask the session to quit, then end its process group if it has not (``ending``).

        Called from the tab's handler and from the server's shutdown alike: both wait for one
        and the same ending, which a cancelled caller does not interrupt."""
        if self._process is None:
            return
        if self._stopping is None:
            self._stopping = asyncio.create_task(self._stop())
        await asyncio.shield(self._stopping)

    async def _stop(self) -> None:
        process = self._process
        assert process is not None
        reading = self._task
        with contextlib.suppress(Exception):
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            # Written at once; waiting long for a stuck app to read it would only delay the
            # signals, so its quitting is timed by end_process alone.
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.send_meta({"type": "quit"}), QUIT_WRITE_S)
        await ending.end_process(process, drain=reading is None or reading.done())
        if reading is not None:
            # The process and its group are gone, so its output ends and so does the reading.
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(reading, ending.TERM_GRACE_S)
            self._task = None


class DashboardServer(Server):
    """textual-serve's server with the dashboard's sessions, limit and page."""

    def __init__(self, command: str, *, max_sessions: int, say: Callable[[str], None]) -> None:
        super().__init__(command, title="mission-control", templates_path=TEMPLATES)
        self.max_sessions = max_sessions
        self.sessions: dict[DashboardSession, web.WebSocketResponse] = {}
        self.stopped_by: int | None = None
        """The signal that stopped the server, once one has."""
        self.loopback_port: int | None = None
        """The port served on when bound to loopback (only loopback names are answered)."""
        self._say = say

    @property
    def full(self) -> bool:
        """Whether every session is taken (those still ending count)."""
        return len(self.sessions) >= self.max_sessions

    def process_groups(self) -> list[int]:
        """The process group of every session started and not yet ended."""
        return [pid for session in self.sessions if (pid := session.pid) is not None]

    def serve_on(self, sock: socket.socket) -> None:
        """Serve on the bound socket ``sock`` until SIGINT, SIGTERM or SIGHUP (its terminal
        closed); every session has ended when this returns. A session leads a process group
        of its own, so a hang-up reaches it only through the server."""
        host, port = sock.getsockname()[:2]
        if is_loopback(host):
            self.loopback_port = port
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(signum, self._stop_on, signum)
        try:
            web.run_app(
                self._make_app(),
                sock=sock,
                handle_signals=False,
                loop=loop,
                print=None,
                access_log=None,
                shutdown_timeout=ending.QUIT_GRACE_S + ending.TERM_GRACE_S + 1,
            )
        finally:
            with contextlib.suppress(Exception):
                loop.close()

    def _stop_on(self, signum: int) -> None:
        self.stopped_by = signum
        self.request_exit()

    async def on_startup(self, app: web.Application) -> None:
        """Nothing to print: the command has said where it serves."""

    async def on_shutdown(self, app: web.Application) -> None:
        """The server is stopping: end every session, all at once, and close its tab."""
        sessions = list(self.sessions.items())
        await asyncio.gather(*(session.stop() for session, _ in sessions), return_exceptions=True)
        for _, websocket in sessions:
            with contextlib.suppress(Exception):
                await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")

    def refuse_foreign(self, request: web.Request, *, websocket: bool) -> None:
        """Raise a 403 for a request another site may have made: on
        loopback, a ``Host`` that is not a loopback name with the port served on; for a
        websocket, an ``Origin`` given whose host and port are not the ``Host``'s. Browsers
        send ``Origin`` with every websocket and let no page set either header."""
        host = request.host.lower()
        why = None
        if self.loopback_port is not None and host not in _loopback_hosts(self.loopback_port):
            why = f"Host {request.host!r} is not a name of this machine"
        elif websocket and "Origin" in request.headers:
            origin = request.headers["Origin"]
            if urlsplit(origin).netloc.lower() != host:
                why = f"a websocket from another site (Origin {origin!r})"
        if why is not None:
            self._say(f"refused {why}")
            raise web.HTTPForbidden(text=f"mission-control: refused {why}\n")

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page of one tab's dashboard, or the page saying every session is taken."""
        self.refuse_foreign(request, websocket=False)
        if self.full:
            response = aiohttp_jinja2.render_template(
                "busy.html", request, {"max_sessions": self.max_sessions}, status=503
            )
            response.headers["Retry-After"] = "30"
            return response
        font_size = _int(request.query.get("fontsize", ""), 16)
        scheme = "wss" if request.secure else "ws"
        context = {
            "font_size": font_size,
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "static_url": "/static/",
            "title": self.title,
        }
        return aiohttp_jinja2.render_template("index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab's session, from its websocket's opening to its end, however it ends."""
        self.refuse_foreign(request, websocket=True)
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT_S)
        await websocket.prepare(request)
        if self.full:  # a second tab that loaded its page while the last session was free
            busy = _busy_line(self.max_sessions)
            await websocket.send_bytes(f"\r\nmission-control: {busy}\r\n".encode())
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=busy.encode())
            return websocket
        session = DashboardSession(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=_closer(websocket),
            download_manager=self.download_manager,
        )
        self.sessions[session] = websocket  # taken before anything awaits: no two take it
        watching: asyncio.Task[None] | None = None
        try:
            await session.start(
                _int(request.query.get("width", ""), 80), _int(request.query.get("height", ""), 24)
            )
            self._say(
                f"session {session.pid}: started ({len(self.sessions)} of {self.max_sessions})"
            )
            # A dashboard that ends without a word (it could not start) closes its tab too.
            watching = asyncio.create_task(_close_after(session, websocket))
            await self._process_messages(websocket, session)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # a malformed message from the tab: its session ends
            log.warning("session %s: %s", session.pid, error)
        finally:
            if watching is not None:
                watching.cancel()
            try:
                await session.stop()
            finally:
                del self.sessions[session]
                if session.pid is not None:
                    self._say(f"session {session.pid}: ended")
        with contextlib.suppress(Exception):
            await websocket.close()
        return websocket


async def _close_after(session: DashboardSession, websocket: web.WebSocketResponse) -> None:
    await session.ended()
    await websocket.close()


def _closer(websocket: web.WebSocketResponse) -> Callable[[], Awaitable[None]]:
    """What a session calls when its app has exited: the tab's websocket closed."""

    async def close() -> None:
        await websocket.close()

    return close


def is_loopback(address: str) -> bool:
    """Whether ``address`` (an IP address, an IPv6 one maybe with its zone) is loopback."""
    try:
        return ipaddress.ip_address(address.partition("%")[0]).is_loopback
    except ValueError:
        return False


def _loopback_hosts(port: int) -> set[str]:
    """The ``Host`` values a page on loopback port ``port`` is asked for by."""
    names = {f"{name}:{port}" for name in LOOPBACK_NAMES}
    return names | set(LOOPBACK_NAMES) if port == 80 else names


def _busy_line(max_sessions: int) -> str:
    """What a tab refused at its websocket is told, in its terminal and its page's dialog
    (a websocket's close reason: at most 123 bytes)."""
    return f"All {max_sessions} sessions are in use: close another tab, then Restart."


def _cells(value: object, default: int, most: int) -> int:
    """``value`` as a count of cells from 1 to ``most``; ``default`` if it is no whole number
    (a resize message is any JSON the tab sends)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return min(max(value, 1), most)


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default
