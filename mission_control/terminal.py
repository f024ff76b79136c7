"""What the dashboard does about the terminal it runs in: ASCII-only output, no colour at all
under NO_COLOR, a terminal that hangs up (ssh dropped) while the dashboard still draws, even
when no SIGHUP comes, and slow work that must not hold up the program's end.

Textual applies line filters to every line of every widget, its own chrome included
(borders, scrollbars, the command palette, toasts), so the two filters here are the one
place that guarantees what reaches the terminal.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import select
import sys
import threading
from collections.abc import Callable
from typing import IO, Any, TypeVar

from rich.segment import Segment
from textual.color import Color
from textual.driver import Driver
from textual.filter import LineFilter, NoColor
from textual.message import Message

from mission_control.glyphs import to_ascii
from mission_control.textual_private import wrap_driver_output


class AsciiFilter(LineFilter):
    """Every character outside ASCII becomes an ASCII stand-in of the same width."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """Replace the text of the segments that need it; styles are kept."""
        return [
            segment
            if segment.control or segment.text.isascii()
            else Segment(to_ascii(segment.text), segment.style, segment.control)
            for segment in segments
        ]


ASCII = AsciiFilter()
NO_COLOUR = NoColor()
"""Textual's own filter for NO_COLOR on terminals with a native palette: colours become the
terminal's defaults (where Textual would otherwise draw in greys)."""


HANGUP_CHECK_S = 1.0
"""How often the driver asks whether its input terminal has hung up."""


class TerminalGone(Message):
    """The terminal the dashboard reads from has hung up: end as on SIGHUP."""


class TerminalOutput:
    """The terminal as Textual's writer thread sees it.

    Text goes straight to the file descriptor on each flush, with nothing left in a buffer.
    Once a write fails (EIO: the terminal hung up; EPIPE), the terminal is taken to be gone
    and later output is dropped: Textual's writer thread would otherwise die with a
    traceback, and the traceback would be written to the dead terminal too.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._fd = stream.fileno()
        self._encoding = getattr(stream, "encoding", None) or "utf-8"
        self._pending: list[str] = []
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            self._pending.append(text)
        return len(text)

    def flush(self) -> None:
        data = memoryview("".join(self._pending).encode(self._encoding, "replace"))
        self._pending.clear()
        while data and not self.gone:
            try:
                written = os.write(self._fd, data)
            except OSError:
                self.gone = True
                return
            data = data[written:]

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return True


if sys.platform != "win32":
    from textual.drivers.linux_driver import LinuxDriver

    class TerminalDriver(LinuxDriver):
        """Textual's Linux and macOS driver, writing through :class:`TerminalOutput`, that
        tells the app (:class:`TerminalGone`) when its input terminal has gone.

        A terminal can go without a SIGHUP reaching the dashboard: the kernel sends it only to
        the session's leader, and a leader that ignores it (``trap "" HUP``, a wrapper) stays
        alive waiting. Textual's input thread then reads end-of-file at once, again and again,
        at full CPU: its read is bound inside its loop, out of reach, so a watcher thread asks
        the terminal once a second whether it has hung up (``poll`` with no events asked for
        reports only a hang-up, an error or a closed descriptor, without reading anything).
        """

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            wrap_driver_output(self, TerminalOutput)
            self._stop_watching = threading.Event()

        def start_application_mode(self) -> None:
            """Textual's start, then the watcher (again after a suspend)."""
            super().start_application_mode()  # type: ignore[no-untyped-call]
            self._stop_watching = threading.Event()
            threading.Thread(
                target=self._watch_input,
                args=(self._stop_watching,),
                name="mission-control-hangup",
                daemon=True,
            ).start()

        def stop_application_mode(self) -> None:
            self._stop_watching.set()
            super().stop_application_mode()

        def run_input_thread(self) -> None:
            """Textual's input loop; a read that fails (EIO: the terminal has gone) ends the
            app as a hang-up does, not as a crash with a traceback."""
            try:
                super().run_input_thread()
            except OSError:
                self.process_message(TerminalGone())

        def _watch_input(self, stop: threading.Event) -> None:
            poller = select.poll()
            poller.register(self.fileno, 0)
            while not stop.wait(HANGUP_CHECK_S):
                if poller.poll(0):
                    self.process_message(TerminalGone())
                    return


def hangup_safe(driver: type[Driver]) -> type[Driver]:
    """The driver Textual chose, or :class:`TerminalDriver` in place of its Linux one."""
    if sys.platform != "win32" and driver is LinuxDriver:
        return TerminalDriver
    return driver


T = TypeVar("T")
A = TypeVar("A")


async def in_daemon_thread(function: Callable[[A], T], argument: A) -> T:
    """``function(argument)`` in a daemon thread, awaited.

    Textual's thread workers run in asyncio's default executor, whose threads are joined when
    the program ends: a quit while one still worked (pint loading) waited for it.
    """
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if done.done():  # the worker was cancelled: the app is ending
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        result: T | None = None
        error: BaseException | None = None
        try:
            result = function(argument)
        except BaseException as exc:  # handed to the worker, which reports it
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting
            loop.call_soon_threadsafe(settle, result, error)

    name = f"mission-control-{getattr(function, '__name__', 'work')}"
    threading.Thread(target=run, name=name, daemon=True).start()
    return await done
