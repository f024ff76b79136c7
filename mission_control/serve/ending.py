"""Ending a session's process and everything it started, however stuck it is.

A session runs in a process group of its own. It is asked to quit first; a process still
running after ``QUIT_GRACE_S`` is sent SIGTERM, and SIGKILL after ``TERM_GRACE_S`` more: an
app whose event loop is stuck (busy, or blocked writing to a reader gone away) never runs its
SIGTERM handler. Whatever is left of its group is killed last.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Iterable

QUIT_GRACE_S = 2.0
"""How long a session has to quit when asked: the dashboard takes a few tenths of a second."""
TERM_GRACE_S = 1.0
"""How long after SIGTERM before SIGKILL."""


async def end_process(process: asyncio.subprocess.Process, *, drain: bool) -> None:
    """Wait for ``process`` (already asked to quit) to end, ending its group if it does not.

    With ``drain`` (nothing else reads its output any more) its output is read and dropped
    meanwhile, so an app writing its last frame to a full pipe is not blocked by that.
    """
    draining = _drain(process.stdout) if drain else None
    try:
        if not await _ended(process, QUIT_GRACE_S):
            signal_group(process.pid, signal.SIGTERM)
            if not await _ended(process, TERM_GRACE_S):
                signal_group(process.pid, signal.SIGKILL)
                await process.wait()
    finally:
        signal_group(process.pid, signal.SIGKILL)  # anything the session started
        if draining is not None:
            draining.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await draining


def signal_group(pgid: int, signum: int) -> None:
    """Send ``signum`` to the process group ``pgid``, if anything of it is left."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


def kill_groups(pgids: Iterable[int]) -> None:
    """SIGKILL every group in ``pgids``: the last word when the server ends, whatever
    happened to its event loop."""
    for pgid in pgids:
        signal_group(pgid, signal.SIGKILL)


async def _ended(process: asyncio.subprocess.Process, seconds: float) -> bool:
    try:
        await asyncio.wait_for(process.wait(), seconds)
    except TimeoutError:
        return False
    return True


def _drain(stream: asyncio.StreamReader | None) -> asyncio.Task[None] | None:
    """Read ``stream`` to its end, dropping what it says."""
    if stream is None or stream.at_eof():
        return None

    async def drop() -> None:
        with contextlib.suppress(Exception):
            while await stream.read(65536):
                pass

    return asyncio.create_task(drop())
