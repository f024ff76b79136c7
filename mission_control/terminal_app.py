"""The dashboard's dealings with its terminal: the signals that end it, a driver safe against
a terminal that hangs up, the line filters for NO_COLOR and ASCII, and the crash report in
place of a traceback."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.driver import Driver
from textual.filter import LineFilter, Monochrome

from mission_control import exit_codes
from mission_control.terminal import ASCII, NO_COLOUR, TerminalGone, hangup_safe
from mission_control.textual_private import CrashHookApp

FATAL_BY_DEFAULT = (
    "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGVTALRM", "SIGPROF",
    "SIGXCPU", "SIGPOLL", "SIGPWR", "SIGSTKFLT",
)  # fmt: skip
"""Signals, besides SIGTERM and SIGHUP, whose default action ends the program where it stands
(alternate screen, hidden cursor, mouse reporting and a raw terminal left behind), by name:
the platform may lack some, and the real-time signals are added to them. Not here: SIGINT
(asyncio turns it into a quit), SIGPIPE and SIGXFSZ (Python ignores them: the write fails
instead), SIGKILL and SIGSTOP (no program can catch them), and the faults and traps a program
causes itself (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS), which a handler
run later by the event loop cannot answer."""


def fatal_signals() -> list[int]:
    """The signals of :data:`FATAL_BY_DEFAULT` on this platform, and the real-time ones, that
    would end the program now: one a parent set to be ignored stays ignored."""
    found: list[int] = [getattr(signal, name) for name in FATAL_BY_DEFAULT if hasattr(signal, name)]
    if hasattr(signal, "SIGRTMIN"):
        found += range(signal.SIGRTMIN, signal.SIGRTMAX + 1)
    return [signum for signum in found if signal.getsignal(signum) == signal.SIG_DFL]


def raise_again(signum: int) -> None:
    """End the program by ``signum``'s default action, so that its parent sees the signal;
    without a core file, which would show only a program that had already ended."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    import resource  # only on the way out

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signum})
    signal.raise_signal(signum)


if TYPE_CHECKING:
    _App = CrashHookApp
else:
    _App = object  # a mixin, as each App subclass costs start-up time (see controls.py)


class TerminalApp(_App):
    """An App that ends cleanly on a signal or a crash and draws what the terminal can show
    (a mixin of an App that also has :class:`CrashHookApp`)."""

    def __init__(self, *, ascii_only: bool = False) -> None:
        super().__init__()
        self.ascii_only = ascii_only
        """Draw every character in ASCII (a terminal or locale without UTF-8, or --ascii)."""
        self.set_class(ascii_only, "-ascii")
        self.crash_report: Path | None = None
        """The crash report written when an exception ended the app, if one could be."""
        self._crash_note: Text | None = None
        self.fatal_signal: int | None = None
        """The signal that ended the app, to be raised again once the terminal is restored."""
        self._fatal_handled: list[int] = []

    def run(self, *args: Any, **kwargs: Any) -> None:
        """Textual's run, and its result; after a signal of :data:`FATAL_BY_DEFAULT`, with
        the terminal restored, the program ends by that signal (a shell reports 128 plus its
        number)."""
        try:
            result = super().run(*args, **kwargs)
        finally:
            for signum in self._fatal_handled:
                signal.signal(signum, signal.SIG_DFL)
        if self.fatal_signal is not None:
            raise_again(self.fatal_signal)
        return result

    def listen_for_signals(self) -> None:
        """End on SIGTERM, SIGHUP or any other signal that would end the program (a terminal
        of its own only: not in tests).

        The others are many (the real-time signals): each gets a plain handler, a few µs,
        where asyncio's ``add_signal_handler`` takes some 70 µs (it lists every signal each
        time), 3 ms in all before the first frame.
        """
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for signum in exit_codes.SIGNALLED:
            loop.add_signal_handler(signum, self._end_on_signal, signum)

        def on_fatal_signal(signum: int, frame: object) -> None:
            # Run between two steps of whatever the main thread was doing: the ending is
            # left to the event loop, or to run() if the loop has already closed.
            if self.fatal_signal is None:
                self.fatal_signal = signum
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self.exit, None, 128 + self.fatal_signal)

        self._fatal_handled = fatal_signals()
        for fatal in self._fatal_handled:
            signal.signal(fatal, on_fatal_signal)

    def _end_on_signal(self, signum: int) -> None:
        """SIGTERM or SIGHUP: end as q does, with the signal's exit status.

        After a hang-up the terminal is gone; the driver drops what is still written to it.
        """
        self.exit(return_code=exit_codes.SIGNALLED[signal.Signals(signum)])

    def on_terminal_gone(self, message: TerminalGone) -> None:
        """The terminal hung up and no SIGHUP came (a parent ignored it): end as on SIGHUP."""
        self._end_on_signal(signal.SIGHUP)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for the platform, made safe against a terminal that hangs up."""
        return hangup_safe(super().get_driver_class())

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, with two changes: NO_COLOR means no colour at all (Textual
        would draw in greys), and in ASCII mode every character is made ASCII last."""
        filters = [f for f in super().get_line_filters() if not isinstance(f, Monochrome)]
        if self.no_color:
            filters.append(NO_COLOUR)
        if self.ascii_only:
            filters.append(ASCII)
        return filters

    def crashed(self, error: Exception) -> None:
        """An exception nothing handled ends the app with status 1, as Textual does; the
        traceback goes to a crash report, and the terminal gets one line naming it."""
        if self._crash_note is None:
            from mission_control import crash  # written only when something went wrong

            self.crash_report = crash.write_report(error, self._crash_details())
            self._crash_note = Text(crash.note(error, self.crash_report))
        # Textual queued the traceback, with locals, for the terminal: the report has it.
        self.replace_exit_output(self._crash_note)

    def _crash_details(self) -> list[tuple[str, str]]:
        """What the crash report says of the app's state."""
        details = [
            ("terminal size", f"{self.size.width}x{self.size.height}"),
            ("ascii", str(self.ascii_only)),
            ("no colour", str(self.no_color)),
        ]
        return details
