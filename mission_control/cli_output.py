"""Every command's output: a rich console and standard streams whose failures end the
command with a line and a status (cli.main's), never with a traceback of their own."""

from __future__ import annotations

import os
from typing import TextIO

from rich.console import Console

from mission_control.exit_codes import OutputError


class GuardedConsole(Console):
    """A rich console that leaves a closed pipe to ``main``; rich's own handling would
    exit with status 1 from wherever it was printing."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


class GuardedStream:
    """A command's standard output or error, each write and flush guarded.

    Output that cannot be written ends the command, whichever line was writing it: a full
    disk as OutputError naming why, a reader that went away as the BrokenPipeError it is.
    Standard error is said on as long as it can be; when it cannot, nothing more is said
    there and the command goes on to its status.
    """

    def __init__(self, stream: TextIO, *, output: bool, real: bool) -> None:
        self._stream = stream
        self._output = output
        self._real = real
        self._failure: OSError | None = None

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            self._failed(exc)
            return 0

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            self._failed(exc)
        if self._failure is not None:  # a write failed, and its writer dropped the error
            self._failed(self._failure)

    def _failed(self, exc: OSError) -> None:
        self._failure = exc
        if self._real:
            discard(self._stream)
        if self._output and isinstance(exc, BrokenPipeError):
            raise exc
        if self._output:
            raise OutputError(f"cannot write output: {exc.strerror or exc}") from None

    def __getattr__(self, name: str) -> object:
        # isatty, fileno, encoding...: the stream's own, for rich to read the terminal by.
        return getattr(self._stream, name)


def discard(stream: TextIO) -> None:
    """Point ``stream``'s file descriptor at the null device, so the interpreter's last
    flush of what is still buffered cannot fail again with a traceback of its own."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (a test's StringIO)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
