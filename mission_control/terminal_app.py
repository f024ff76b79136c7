"""The dashboard's dealings with its terminal: SIGTERM and SIGHUP, a driver safe against a
terminal that hangs up, the line filters for NO_COLOR and ASCII, and the crash report in
place of a traceback."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual.driver import Driver
from textual.filter import LineFilter, Monochrome

from mission_control import exit_codes
from mission_control.terminal import ASCII, NO_COLOUR, TerminalGone, hangup_safe
from mission_control.textual_private import CrashHookApp


class TerminalApp(CrashHookApp):
    """An App that ends cleanly on a signal or a crash and draws what the terminal can show."""

    def __init__(self, *, ascii_only: bool = False) -> None:
        super().__init__()
        self.ascii_only = ascii_only
        """Draw every character in ASCII (a terminal or locale without UTF-8, or --ascii)."""
        self.set_class(ascii_only, "-ascii")
        self.crash_report: Path | None = None
        """The crash report written when an exception ended the app, if one could be."""
        self._crash_note: Text | None = None

    def listen_for_signals(self) -> None:
        """End on SIGTERM or SIGHUP (a terminal of its own only: not in tests)."""
        if not self.is_headless:
            loop = asyncio.get_running_loop()
            for signum in exit_codes.SIGNALLED:
                loop.add_signal_handler(signum, self._end_on_signal, signum)

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
