"""The parts of ``serve`` that can be checked alone: ending a stuck session's process group,
the page fetching nothing from outside the server, and textual-serve's private names still
being there."""

from __future__ import annotations

import asyncio
import importlib
import os
import re
import sys
import time
import urllib.request
from typing import TypeVar

import psutil
import pytest
from support.serving import serving, wait_until

pytest.importorskip("textual_serve", reason="the web extra (textual-serve) is not installed")

from textual_serve.download_manager import DownloadManager

from mission_control.serve import ending, web

STUCK = """
import os, signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
print(child.pid, flush=True)
while True:
    pass
"""
"""A session that ignores SIGTERM and the quit message, busy, with a child of its own."""


def test_a_session_that_ignores_quit_and_sigterm_is_killed_with_all_it_started() -> None:
    async def run() -> tuple[float, int, int]:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            STUCK,
            stdout=asyncio.subprocess.PIPE,
            start_new_session=True,
        )
        assert process.stdout is not None
        child = int(await asyncio.wait_for(process.stdout.readline(), 30))
        started = time.monotonic()
        await ending.end_process(process, drain=True)
        return time.monotonic() - started, process.returncode or 0, child

    took, status, child = asyncio.run(run())
    assert status == -9  # SIGTERM was ignored; SIGKILL ended it
    assert (
        ending.QUIT_GRACE_S + ending.TERM_GRACE_S
        <= took
        < ending.QUIT_GRACE_S + ending.TERM_GRACE_S + 2
    )
    assert wait_until(lambda: not psutil.pid_exists(child) or _zombie(child), 5.0)


def test_a_session_that_quits_when_asked_is_not_signalled() -> None:
    async def run() -> int:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            "import time; time.sleep(0.3)",  # still running when it is asked to quit
            stdout=asyncio.subprocess.PIPE,
            start_new_session=True,
        )
        await ending.end_process(process, drain=True)
        assert process.returncode is not None, "end_process returned before the process ended"
        return process.returncode

    assert asyncio.run(run()) == 0


def _zombie(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_the_page_names_nothing_outside_the_server() -> None:
    """No web font, script or stylesheet from elsewhere: the page works offline."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with serving("mars6") as served:
        page = opener.open(served.url, timeout=30).read().decode()
        assert not re.search(r"https?:|//[a-z]", page, re.IGNORECASE), page
        linked = re.findall(r'(?:href|src)="([^"]+)"', page)
        assert sorted(linked) == ["/static/css/xterm.css", "/static/js/textual.js"]
        for path in linked:
            with opener.open(served.url.rstrip("/") + path, timeout=30) as response:
                assert response.status == 200
                body = response.read().decode()
            # Comments aside (xterm.css credits its sources), nothing is loaded from a URL.
            code = re.sub(r"/\*.*?\*/", "", body, flags=re.DOTALL)
            assert not re.search(r"(url\(|@import)\s*['\"]?https?:", code)
            assert not re.search(r"['\"]https?://", code)


def test_every_private_name_of_textual_serve_used_is_still_there() -> None:
    service = web.DashboardSession(
        "true",
        write_bytes=_nothing,
        write_str=_nothing,
        close=_nothing,
        download_manager=DownloadManager(),
    )
    for dotted, names in web.PRIVATE.items():
        module, _, name = dotted.rpartition(".")
        cls = getattr(importlib.import_module(module), name)
        for private in names:
            assert hasattr(cls, private) or (cls is web.AppService and hasattr(service, private)), (
                f"{dotted}.{private} is gone"
            )


async def _nothing(*args: object) -> None:
    return None


S = TypeVar("S", bound=web.DashboardSession)


def _session(kind: type[S], command: str) -> S:
    """A session of ``kind`` running ``command``, its tab's end a sink that takes anything."""
    return kind(
        command,
        write_bytes=_nothing,
        write_str=_nothing,
        close=_nothing,
        download_manager=DownloadManager(),
    )


def test_a_session_runs_without_a_shell_in_a_process_group_of_its_own() -> None:
    async def run() -> tuple[int, int, list[str]]:
        session = _session(
            web.DashboardSession, f"{sys.executable} -c 'import time; time.sleep(30)'"
        )
        process = await session._open_app_process()
        try:
            return process.pid, os.getpgid(process.pid), psutil.Process(process.pid).cmdline()
        finally:
            process.kill()
            await process.wait()

    pid, group, command = asyncio.run(run())
    assert group == pid != os.getpgid(0)
    assert command == [sys.executable, "-c", "import time; time.sleep(30)"]


PRINT_SIZE = "import os; print(os.environ['COLUMNS'], os.environ['ROWS'], flush=True)"


@pytest.mark.parametrize(
    ("asked", "given"),
    [
        ((10**9, 10**9), (web.MAX_COLUMNS, web.MAX_ROWS)),
        ((0, -5), (1, 1)),
        ((132, 43), (132, 43)),
    ],
)
def test_a_tab_gets_a_terminal_of_bounded_size_at_its_start(
    asked: tuple[int, int], given: tuple[int, int]
) -> None:
    """``?width=`` and ``?height=`` are whatever the tab's address says: unbounded, one tab
    could have its dashboard draw a screen of a billion cells."""

    async def run() -> bytes:
        session = _session(web.DashboardSession, f'{sys.executable} -c "{PRINT_SIZE}"')
        process = await session._open_app_process(*asked)
        assert process.stdout is not None
        try:
            return await asyncio.wait_for(process.stdout.readline(), 30)
        finally:
            await process.wait()

    assert asyncio.run(run()).split() == [str(n).encode() for n in given]


@pytest.mark.parametrize(
    ("asked", "given"),
    [
        ((10**9, 10**9), (web.MAX_COLUMNS, web.MAX_ROWS)),
        ((-1, 0), (1, 1)),
        (("wide", None), (80, 24)),
        ((132, 43), (132, 43)),
    ],
)
def test_a_tab_resized_gets_a_terminal_of_bounded_size(
    asked: tuple[object, object], given: tuple[int, int]
) -> None:
    """A resize message is any JSON the tab sends; its session is told a size it can draw."""
    told: list[dict[str, object]] = []

    class Session(web.DashboardSession):
        async def send_meta(self, data: dict[str, object]) -> bool:  # type: ignore[override]
            told.append(data)
            return True

    session = _session(Session, "true")
    asyncio.run(session.set_terminal_size(*asked))  # type: ignore[arg-type]
    assert told == [{"type": "resize", "width": given[0], "height": given[1]}]
