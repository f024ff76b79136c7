"""Running what must not hang, given a generous time to finish: a call in a daemon thread
(for a call that waits, as on a named pipe), or code in a child Python (for one that computes).

A test that would hang on a regression (a reader gone quadratic, a FIFO opened for reading)
fails instead with a message saying what did not finish. The limit is no timing assertion:
it is many times what the work needs, there only so that the test ends.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")


def finish_within(seconds: float, what: str, call: Callable[[], T]) -> T:
    """``call()``'s result, or a failed test when it has not returned after ``seconds``
    (the thread is left behind as a daemon; it ends with the test run)."""
    result: list[T] = []
    error: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as exc:  # handed to the test's thread below
            error.append(exc)

    thread = threading.Thread(target=run, name=f"deadline: {what}", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"{what} did not finish within {seconds:g} s: it hangs or grows too fast")
    if error:
        raise error[0]
    return result[0]


@contextmanager
def named_pipe(path: Path) -> Iterator[Path]:
    """A named pipe (FIFO) at ``path`` with no writer: a reader that opens it waits. On exit a
    writer comes and goes, so that a reader left waiting by a failed test ends."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no named pipes")
    os.mkfifo(path)
    try:
        yield path
    finally:
        with suppress(OSError):  # ENXIO: no reader waits, nothing to end
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def python_within(seconds: float, what: str, code: str, stdin: str = "") -> str:
    """What a child Python running ``code`` prints, or a failed test when it has not ended
    after ``seconds`` (it is then killed). A child, not a thread: a regular expression that
    runs for minutes holds the interpreter's lock, so a thread's time limit could not end it."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{what} did not finish within {seconds:g} s: it hangs or grows too fast")
    assert done.returncode == 0, done.stderr
    return done.stdout


async def until(check: Callable[[], bool], what: str, timeout: float) -> float:
    """Poll ``check`` on the running loop until it holds; the seconds it took. A failed test
    naming ``what`` after ``timeout`` seconds."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > timeout:
            pytest.fail(f"after {timeout} s: {what}")
        await asyncio.sleep(0.005)
    return time.monotonic() - start
