"""``mission-control serve`` as a browser sees it, without a browser: the server a real
process on a free loopback port, each tab a websocket speaking textual-serve's protocol.

A session shows the dashboard and takes keys; it ends when its tab closes, when its
connection is cut with no close, or when a tab falls silent; the server refuses a tab past
``--max-sessions``, listens on loopback alone, and leaves no session behind when it stops.
"""

from __future__ import annotations

import http.client
import os
import signal
import urllib.request
from pathlib import Path

import psutil
import pytest
from support.paths import ARTICLES
from support.serving import (
    Served,
    WebTerminal,
    listening_addresses,
    open_by_hand,
    serving,
    silent_client,
    wait_until,
)

AT = ("--paused", "--at", "mars6:atmospheric-entry")
"""The README's frozen moment: the clock reads 09:05:53 on 1974-03-12."""

CLOCK_DATE = "1974-03-12 · day 071"
CLOCK_DIGITS = "┏━┓┏━┓   ┏━┓┏━╸   ┏━╸╺━┓"
PANELS = r"Mars 6 bus.*Mars 6 lander.*Mars 7 bus"
ENDED_WITHIN_S = 5.0
"""The issue's bound for a session's process to end once its tab's connection is gone."""


def _get(url: str) -> tuple[int, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _get_as(served: Served, host: str) -> tuple[int, str]:
    """The page asked for on the server's address by the name ``host`` (its ``Host``)."""
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    try:
        connection.request("GET", "/", headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def _one_session(served: Served) -> psutil.Process:
    found = wait_until(served.sessions, 30.0)
    assert found and len(found) == 1, found
    return found[0]


def _ended(process: psutil.Process, within: float) -> bool:
    return bool(wait_until(lambda: not process.is_running() or _zombie(process), within))


def _zombie(process: psutil.Process) -> bool:
    try:
        return process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_a_tab_shows_the_clock_and_the_panels_and_space_plays() -> None:
    with serving(*AT) as served:
        terminal = WebTerminal(served)
        try:
            screen = terminal.wait_for(PANELS)
            assert CLOCK_DIGITS in screen  # 09:05:53 in the big clock's top row
            assert CLOCK_DATE in screen
            assert "‖ paused" in screen
            terminal.press(" ")
            screen = terminal.wait_for(r"▶ ")
            assert "‖ paused" not in screen
        finally:
            terminal.close()


def test_the_session_runs_the_dashboard_with_the_options_given() -> None:
    with serving(*AT, "--units", "imperial", "mars6") as served:
        terminal = WebTerminal(served)
        try:
            screen = terminal.wait_for(r"Mars 6 bus")
            assert "Mars 7" not in screen
            assert "imperial" in screen
            (session,) = served.sessions()
            command = session.cmdline()
            assert command[1:4] == ["-m", "mission_control", "run"]
            assert "--port" not in command
            assert command[4:] == [*AT, "--units", "imperial", "mars6"]
        finally:
            terminal.close()


@pytest.mark.parametrize("how", ["closed", "dropped"])
def test_a_tab_that_goes_ends_its_session_within_5_s(how: str) -> None:
    with serving(*AT) as served:
        terminal = WebTerminal(served)
        terminal.wait_for(PANELS)
        session = _one_session(served)
        if how == "closed":
            terminal.close()
        else:
            terminal.drop()
        assert _ended(session, ENDED_WITHIN_S), f"the session outlived its {how} tab"
        assert served.process.poll() is None  # the server serves on
        assert wait_until(lambda: not served.sessions(), ENDED_WITHIN_S)


STUCK_SESSION = """
import os, signal, sys
if os.environ.get("TEXTUAL_DRIVER"):  # a session, not the server
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sys.stdout.write("__GANGLION__\\n")
    sys.stdout.flush()
    while True:
        pass
"""
"""What the issue saw: a session that ignores SIGTERM, busy, and never quits when asked."""


def test_a_stuck_session_whose_tab_drops_is_killed_within_5_s(tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(STUCK_SESSION)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    with serving(*AT, env=env) as served:
        terminal = WebTerminal(served)
        session = _one_session(served)
        assert wait_until(lambda: session.cpu_percent(0.2) > 50, 30.0), "it is not busy"
        terminal.drop()
        assert _ended(session, ENDED_WITHIN_S), "the stuck session outlived its tab"


def test_a_session_that_cannot_start_closes_its_tab(tmp_path: Path) -> None:
    """Its article gone since the server started: the page says the session ended, rather
    than waiting for a dashboard that will never come."""
    article = tmp_path / "kite3.txt"
    article.write_text((ARTICLES / "kite3.txt").read_text("utf-8"))
    with serving(str(article)) as served:
        article.unlink()
        terminal = WebTerminal(served)
        assert terminal.closed.wait(30.0), "the tab was left open"
        assert wait_until(lambda: not served.sessions(), ENDED_WITHIN_S)


def test_a_tab_that_falls_silent_ends_its_session() -> None:
    """No close and no end of the connection: only the unanswered pings tell."""
    with serving(*AT) as served:
        sock = silent_client(served.port)
        try:
            session = _one_session(served)
            # Pinged every 2.5 s, gone 1.25 s after an unanswered one, then up to 3 s to end.
            assert _ended(session, 10.0), "the session outlived its silent tab"
        finally:
            sock.close()


def test_a_tab_past_max_sessions_is_told_so() -> None:
    with serving(*AT, "--max-sessions", "1") as served:
        first = WebTerminal(served)
        try:
            first.wait_for(PANELS)
            status, page = _get(served.url)
            assert status == 503
            assert "All sessions are in use" in page
            assert "at most 1 dashboards" in page
            second = WebTerminal(served)  # a page loaded just before the first took the session
            assert second.closed.wait(30.0), "the second tab's websocket was left open"
            assert "All 1 sessions are in use" in second.text()
            assert second.socket.close_code == 1013  # try again later
            assert second.socket.close_reason == (
                "All 1 sessions are in use: close another tab, then Restart."
            )
            assert len(served.sessions()) == 1
        finally:
            first.close()
        assert wait_until(lambda: _get(served.url)[0] == 200, ENDED_WITHIN_S)


def test_the_server_listens_on_loopback_alone_and_its_sessions_on_nothing() -> None:
    with serving(*AT) as served:
        terminal = WebTerminal(served)
        try:
            terminal.wait_for(PANELS)
            assert listening_addresses(served.process.pid) == ["127.0.0.1"]
            (session,) = served.sessions()
            assert listening_addresses(session.pid) == []
        finally:
            terminal.close()


@pytest.mark.parametrize(
    ("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 0), (signal.SIGHUP, 129)]
)
def test_stopping_the_server_ends_every_session(signum: int, status: int) -> None:
    """SIGHUP too: its terminal closed. Each session leads a process group of its own, so
    the hang-up reaches no session; the server must end them."""
    with serving(*AT) as served:
        terminals = [WebTerminal(served), WebTerminal(served)]
        for terminal in terminals:
            terminal.wait_for(PANELS)
        sessions = served.sessions()
        assert len(sessions) == 2
        served.process.send_signal(signum)
        assert served.process.wait(15) == status
        for session in sessions:
            assert _ended(session, 1.0), f"session {session.pid} outlived the server"


def test_a_websocket_from_another_site_starts_no_session() -> None:
    """Any site's page may open a websocket to 127.0.0.1 and would drive a dashboard; the
    browser names that page's site in ``Origin``, and only the server's own is let in."""
    with serving(*AT) as served:
        port = served.port
        for origin in ("http://evil.example", "null", f"http://localhost:{port}"):
            sock, answer = open_by_hand(port, origin=origin)
            sock.close()
            assert answer.startswith("HTTP/1.1 403"), (origin, answer)
        assert served.sessions() == []
        assert "refused a websocket from another site (Origin 'http://evil.example')\n" in (
            served.output
        )
        sock, answer = open_by_hand(port, origin=f"http://127.0.0.1:{port}")
        try:
            assert answer.startswith("HTTP/1.1 101"), answer
            _one_session(served)
        finally:
            sock.close()


def test_a_server_on_loopback_answers_to_loopback_names_alone() -> None:
    """DNS rebinding: a name an attacker's DNS points at 127.0.0.1 makes the attacker's page
    the server's own site; that name is in ``Host``, and is refused."""
    with serving(*AT) as served:
        port = served.port
        rebound = f"rebound.attacker.example:{port}"
        status, page = _get_as(served, rebound)
        assert status == 403
        assert "rebound" not in page.replace(repr(rebound), "")  # nothing of the page's
        sock, answer = open_by_hand(port, host=rebound, origin=f"http://{rebound}")
        sock.close()
        assert answer.startswith("HTTP/1.1 403"), answer
        assert served.sessions() == []
        for name in ("localhost", "127.0.0.1", "[::1]"):
            status, page = _get_as(served, f"{name}:{port}")
            assert status == 200
            assert f'data-session-websocket-url="ws://{name}:{port}/ws"' in page
        assert _get_as(served, "localhost:1")[0] == 403  # another port: another site
