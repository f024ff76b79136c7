"""The exit statuses every command gives, as the README's table lists them."""

from __future__ import annotations

import signal

OK = 0
"""Done, or the user quit (q, Ctrl-C)."""
FILES = 1
"""An article could not be read (no such file, unreadable, not an article, a ``--seeds``
folder that is missing or holds none), or the dashboard crashed (its report named)."""
USAGE = 2
"""A mistake on the command line: an unknown mission, option, time or speed."""
OUTPUT = 74
"""The output could not be written (a full disk, a failing device): sysexits' EX_IOERR, so
a script can tell a cut-short output from an article that could not be read."""
BROKEN_PIPE = 128 + signal.SIGPIPE
"""The output's reader went away (``| head``): the command stops quietly with the status a
shell reports for any program that SIGPIPE ended there (141)."""

SIGNALLED = {signal.SIGTERM: 128 + signal.SIGTERM, signal.SIGHUP: 128 + signal.SIGHUP}
"""Signals that end a command as q does, and the exit status each gives: the shell's
status for a program a signal ended (143, 129), so a script can tell it was not a quit."""


class Failure(Exception):
    """Something the user can mend stopped a command: printed as one line, no traceback."""

    status = FILES


class UsageError(Failure):
    """A mistake on the command line: an unknown mission, event, time, speed or theme."""

    status = USAGE


class NothingToShow(Failure):
    """No article named could be read, or none states a dated event."""

    status = FILES


class OutputError(Failure):
    """Writing the output failed; the message names why (``No space left on device``)."""

    status = OUTPUT
