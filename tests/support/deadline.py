"""Running a call that must not hang: in a daemon thread, given a generous time to finish.

A test that would hang on a regression (a reader gone quadratic, a FIFO opened for reading)
fails instead with a message saying what did not finish. The limit is no timing assertion:
it is many times what the call needs, there only so that the test ends.
"""

from __future__ import annotations

import os
import threading
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
