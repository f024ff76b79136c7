"""The embedded transport, on one host: the presenter's Unix socket and its followers, as
asyncio tasks in the dashboard's own event loop.

The presenter only writes: each follower gets the state when it connects, then every line
broadcast. A write never waits: a follower whose unsent lines pile up past
:data:`SEND_BUFFER_LIMIT` (the kernel's buffer is full: it is not reading) is dropped, so it
cannot slow the presenter; it reconnects and gets the state afresh. A follower reads lines,
and when the connection ends or cannot be made tries again every :data:`RECONNECT_S`.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable

from mission_control.share.places import Claim, Place, PlaceError, check_socket
from mission_control.share.protocol import MAX_LINE

__all__ = ["RECONNECT_S", "SEND_BUFFER_LIMIT", "UnixFollower", "UnixPresenter"]

SEND_BUFFER_LIMIT = 16 * 1024
"""Bytes waiting to be sent to one follower, past which it is dropped."""
RECONNECT_S = 0.5
"""How often a follower tries to (re)connect."""


class UnixPresenter:
    """Broadcasts lines to every follower connected to the claimed socket."""

    def __init__(self, claim: Claim, hello: Callable[[], bytes]) -> None:
        self.claim = claim
        self._hello = hello
        self._writers: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None
        self.dropped = 0
        """Followers dropped for not reading."""

    @property
    def viewers(self) -> int:
        return len(self._writers)

    async def run(self) -> None:
        """Accept followers until cancelled; then close every connection and the socket."""
        try:
            self._server = await asyncio.start_unix_server(self._follower, sock=self.claim.listener)
            await self._server.serve_forever()
        finally:
            self.close()

    async def _follower(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(self._hello())
        self._writers.add(writer)
        try:
            while await reader.read(1024):  # a follower says nothing: this waits for its end
                pass
        except OSError:
            pass
        finally:
            self._writers.discard(writer)
            writer.transport.abort()

    def send(self, line: bytes) -> None:
        """``line`` to every follower now, never waiting; slow ones are dropped."""
        for writer in list(self._writers):
            transport = writer.transport
            if transport.is_closing():
                self._writers.discard(writer)
            elif transport.get_write_buffer_size() > SEND_BUFFER_LIMIT:
                self._writers.discard(writer)
                self.dropped += 1
                transport.abort()
            else:
                writer.write(line)

    def close(self) -> None:
        """End every connection, stop listening and remove the socket's file."""
        if self._server is not None:
            self._server.close()
        for writer in self._writers:
            writer.transport.abort()
        self._writers.clear()
        self.claim.release()


class UnixFollower:
    """Reads the presenter's lines from its socket, connecting again whenever it can."""

    def __init__(
        self,
        place: Place,
        *,
        on_line: Callable[[bytes], None],
        on_lost: Callable[[], None],
        on_problem: Callable[[str], None],
    ) -> None:
        self.place = place
        self._on_line, self._on_lost, self._on_problem = on_line, on_lost, on_problem

    async def run(self) -> None:
        """Follow until cancelled."""
        while True:
            try:
                if check_socket(self.place):
                    await self._follow()
            except PlaceError as exc:
                self._on_problem(str(exc))
            await asyncio.sleep(RECONNECT_S)

    async def _follow(self) -> None:
        try:
            reader, writer = await asyncio.open_unix_connection(
                os.fspath(self.place.path), limit=MAX_LINE + 1
            )
        except OSError:
            return  # a stale socket, or its presenter just ending: try again soon
        try:
            while True:
                try:
                    line = await reader.readline()
                except ValueError:  # a line past the limit: dropped by the reader
                    self._on_problem(f"a message longer than {MAX_LINE} bytes, ignored")
                    continue
                if not line:
                    break
                self._on_line(line)
        except OSError:
            pass
        finally:
            writer.transport.abort()
            self._on_lost()
