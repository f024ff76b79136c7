"""The transport for viewers on other hosts: the same messages over a NATS broker the site
already runs (``--share nats://HOST:4222``), on the subject ``mission-control.replay.NAME``.

The ``nats-py`` client is an optional extra (``pip install 'mission-control[share]'``). A
broker that cannot be reached, or that goes away mid-replay, is one line to the viewer; the
dashboard runs on its own clock meanwhile and the client connects again by itself. The
presenter publishes only its latest state, never a backlog: while the broker is away
nothing piles up.
"""

from __future__ import annotations

import asyncio
import importlib.util
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

__all__ = ["NatsFollower", "NatsPresenter", "check_name", "check_url", "shown_url", "subject_of"]

SUBJECT_PREFIX = "mission-control.replay."
RETRY_S = 1.0
"""Seconds between attempts to reach the broker."""
CONNECT_TIMEOUT_S = 2


def shown_url(url: str) -> str:
    """``url`` as it may be shown: without a user or password (``nats://user:pass@host``)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc="…@" + parts.netloc.rpartition("@")[2]))


def check_url(url: str) -> str:
    """``url`` if it names a NATS broker (``nats://HOST:PORT``, a user and password
    allowed) and the client is installed; ValueError in one line otherwise, which never shows
    the password."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    if (
        parts.scheme != "nats"
        or not parts.hostname
        or port is None
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        raise ValueError(f"--share {shown_url(url)!r}: expected a broker as nats://HOST:PORT")
    if importlib.util.find_spec("nats") is None:
        raise ValueError(
            "--share needs the NATS client: pip install 'mission-control[share]' (nats-py)"
        )
    return url


def check_name(name: str) -> str:
    """``name`` if it can be a subject's last token (a shared replay's name, checked
    already, with no ``.``: NATS splits a subject at its dots, and a name with one would be
    delivered to no follower); ValueError in one line otherwise."""
    if "." in name:
        raise ValueError(
            f"{name!r} has '.', which NATS reads as a subject's separator: "
            "with --share use a name of letters, digits, '_' or '-'"
        )
    return name


def subject_of(name: str) -> str:
    """The subject a shared replay's messages go on."""
    return SUBJECT_PREFIX + name


async def _connect(
    url: str, on_problem: Callable[[str], None], on_back: Callable[[], None] | None = None
) -> Any:
    """A client connected to the broker, trying every :data:`RETRY_S` until it is reached;
    once connected, it reconnects by itself for as long as the dashboard runs. Its lines name
    the broker without its password."""
    import nats
    import nats.errors

    broker = shown_url(url)

    reached = False

    async def error(exc: Exception) -> None:
        if isinstance(exc, OSError) and not reached:  # the client tries again, every RETRY_S
            on_problem(f"NATS broker {broker} cannot be reached ({exc.strerror or exc}); retrying")
        elif not isinstance(exc, OSError | nats.errors.UnexpectedEOF):
            on_problem(f"NATS broker {broker}: {exc or type(exc).__name__}")
        # (a connection lost is said once, by ``disconnected``)

    async def disconnected() -> None:
        on_problem(f"NATS broker {broker} lost; reconnecting, on the dashboard's own clock")

    async def reconnected() -> None:
        on_problem(f"NATS broker {broker} back")
        if on_back is not None:
            on_back()

    while True:
        try:
            client = await nats.connect(
                url,
                connect_timeout=CONNECT_TIMEOUT_S,
                reconnect_time_wait=RETRY_S,
                max_reconnect_attempts=-1,
                allow_reconnect=True,
                error_cb=error,
                disconnected_cb=disconnected,
                reconnected_cb=reconnected,
            )
            reached = True
            return client
        except Exception as exc:  # nats-py raises its own errors and OSError's alike
            on_problem(f"NATS broker {broker} cannot be reached ({type(exc).__name__}); retrying")
            await asyncio.sleep(RETRY_S)


class NatsPresenter:
    """Publishes the latest state; says so if another presenter uses the same name."""

    def __init__(self, url: str, name: str, *, on_problem: Callable[[str], None]) -> None:
        self.url, self.subject = url, subject_of(name)
        self._on_problem = on_problem
        self._latest: bytes | None = None
        self._wake = asyncio.Event()
        self.presenter: str | None = None
        """This presenter's id, to tell its own messages from another's."""

    def send(self, line: bytes) -> None:
        """Publish ``line`` as soon as the broker is there (a later line replaces it)."""
        self._latest = line
        self._wake.set()

    async def run(self) -> None:
        client = await _connect(self.url, self._on_problem, self._wake.set)
        self._on_problem(f"presenting on NATS broker {shown_url(self.url)}")
        await client.subscribe(self.subject, cb=self._heard)
        try:
            while True:
                await self._wake.wait()
                self._wake.clear()
                line = self._latest
                if line is not None and client.is_connected:
                    try:
                        await client.publish(self.subject, line)
                    except Exception as exc:  # the broker went away meanwhile
                        self._on_problem(f"NATS broker {shown_url(self.url)}: {type(exc).__name__}")
        finally:
            if not client.is_closed:
                await client.close()  # flushed and closed before the loop ends

    async def _heard(self, msg: Any) -> None:
        """A message on the subject: another presenter's, if not this one's."""
        from mission_control.share.protocol import MessageError, decode

        try:
            state = decode(msg.data)
        except MessageError:
            return
        if self.presenter is None and self._latest is not None:
            self.presenter = decode(self._latest).presenter  # read once: it never changes
        mine = self.presenter == state.presenter
        if not mine:
            self._on_problem(f"another presenter ({state.by}) is on {self.subject}")


class NatsFollower:
    """Hands every message on the subject to ``on_line``."""

    def __init__(
        self,
        url: str,
        name: str,
        *,
        on_line: Callable[[bytes], None],
        on_problem: Callable[[str], None],
    ) -> None:
        self.url, self.subject = url, subject_of(name)
        self._on_line, self._on_problem = on_line, on_problem

    async def run(self) -> None:
        client = await _connect(self.url, self._on_problem)
        self._on_problem(f"following on NATS broker {shown_url(self.url)}")

        async def heard(msg: Any) -> None:
            self._on_line(msg.data)

        await client.subscribe(self.subject, cb=heard)
        try:
            await asyncio.Event().wait()
        finally:
            if not client.is_closed:
                await client.close()
