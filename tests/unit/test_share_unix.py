"""The Unix socket transport in one event loop: every follower gets each line, a follower
that does not read is dropped without slowing the presenter, and a follower connects again
by itself when a presenter returns; what is not a message is one line, and reading goes on."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import deadline

from mission_control.share.places import Place, claim, place_of
from mission_control.share.protocol import MAX_LINE
from mission_control.share.unix import RECONNECT_S, UnixFollower, UnixPresenter

DEADLINE_S = 5.0
"""Far more than any wait here needs: only there so that a failing test ends."""


@pytest.fixture
def place(monkeypatch: pytest.MonkeyPatch) -> Iterator[Place]:
    folder = Path(tempfile.mkdtemp(prefix="mc-rt", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    try:
        yield place_of("room")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def until(check: Callable[[], bool], what: str, timeout: float = DEADLINE_S) -> float:
    return await deadline.until(check, what, timeout)


class Heard:
    """What one follower was told."""

    def __init__(self, place: Place) -> None:
        self.lines: list[bytes] = []
        self.lost = 0
        self.problems: list[str] = []
        self.follower = UnixFollower(
            place, on_line=self.lines.append, on_lost=self.count_lost,
            on_problem=self.problems.append,
        )  # fmt: skip

    def count_lost(self) -> None:
        self.lost += 1


def presenter(place: Place, hello: bytes = b"hello\n") -> UnixPresenter:
    return UnixPresenter(claim(place, "room"), lambda: hello)


def test_every_follower_gets_the_state_on_connecting_and_every_line(place: Place) -> None:
    async def main() -> None:
        server = presenter(place)
        serving = asyncio.create_task(server.run())
        heard = [Heard(place) for _ in range(3)]
        tasks = [asyncio.create_task(h.follower.run()) for h in heard]
        await until(lambda: server.viewers == 3, "three followers connected")
        await until(lambda: all(h.lines == [b"hello\n"] for h in heard), "the hello")
        server.send(b"one\n")
        server.send(b"two\n")
        await until(lambda: all(len(h.lines) == 3 for h in heard), "two lines each")
        assert all(h.lines == [b"hello\n", b"one\n", b"two\n"] for h in heard)
        for task in [serving, *tasks]:
            task.cancel()
        await asyncio.gather(serving, *tasks, return_exceptions=True)
        assert not place.path.exists(), "the socket's file is removed at the end"

    asyncio.run(main())


def test_a_follower_that_does_not_read_is_dropped_and_never_slows_the_presenter(
    place: Place,
) -> None:
    async def main() -> None:
        server = presenter(place)
        serving = asyncio.create_task(server.run())
        reader = Heard(place)
        reading = asyncio.create_task(reader.follower.run())
        stuck = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        stuck.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stuck.connect(os.fspath(place.path))  # connects, and never reads
        await until(lambda: server.viewers == 2, "both connected")
        line = b"x" * 1000 + b"\n"
        slowest = 0.0
        for _ in range(2000):
            start = time.perf_counter()
            server.send(line)
            slowest = max(slowest, time.perf_counter() - start)
            await asyncio.sleep(0)
        assert server.dropped == 1 and server.viewers == 1
        # A send that waited for the stuck follower would wait for ever: any bound tells.
        assert slowest < 0.5, f"a send took {slowest:.3f} s"
        await until(lambda: len(reader.lines) == 2001, "every line to the follower that reads")
        stuck.close()
        serving.cancel()
        reading.cancel()
        await asyncio.gather(serving, reading, return_exceptions=True)

    asyncio.run(main())


def test_a_follower_notices_the_end_and_reconnects_to_a_new_presenter(place: Place) -> None:
    async def main() -> None:
        heard = Heard(place)
        following = asyncio.create_task(heard.follower.run())
        await asyncio.sleep(RECONNECT_S / 5)  # no presenter yet: it keeps trying
        first = presenter(place, b"first\n")
        serving = asyncio.create_task(first.run())
        await until(lambda: heard.lines == [b"first\n"], "the first presenter", 2 * RECONNECT_S + 1)
        serving.cancel()
        await asyncio.gather(serving, return_exceptions=True)
        await until(lambda: heard.lost == 1, "the connection's end", 0.5)
        second = presenter(place, b"second\n")
        serving = asyncio.create_task(second.run())
        took = await until(lambda: heard.lines[-1:] == [b"second\n"], "the second presenter")
        assert took <= RECONNECT_S + 1.0  # the next attempt, with room for a loaded machine
        serving.cancel()
        following.cancel()
        await asyncio.gather(serving, following, return_exceptions=True)

    asyncio.run(main())


def test_an_over_long_line_is_one_problem_and_reading_goes_on(place: Place) -> None:
    async def main() -> None:
        async def talk(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.write(b"y" * (MAX_LINE * 3) + b"\n" + b"after\n")
            await writer.drain()
            await reader.read()

        server = await asyncio.start_unix_server(talk, path=os.fspath(place.path))
        place.path.chmod(0o600)
        heard = Heard(place)
        following = asyncio.create_task(heard.follower.run())
        await until(lambda: heard.lines == [b"after\n"], "the line after the long one")
        assert len(heard.problems) == 1 and str(MAX_LINE) in heard.problems[0]
        following.cancel()
        server.close()
        await asyncio.gather(following, return_exceptions=True)

    asyncio.run(main())
