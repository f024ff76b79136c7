"""The dashboard's terminal when it goes: later writes are dropped, not raised in Textual's
writer thread (the SSH end-to-end test checks that the dashboard's driver writes through it,
over a real sshd); a read that fails ends the app as a hang-up does; and which signals end
the dashboard with the terminal restored (e2e/test_signals_eof.py has both in real terminals).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Iterator

import pytest
from textual.app import App
from textual.message import Message

from mission_control.terminal import TerminalGone, TerminalOutput
from mission_control.terminal_app import fatal_signals

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")


def test_output_goes_straight_to_the_descriptor_and_stops_when_it_is_gone() -> None:
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "w") as stream:
        output = TerminalOutput(stream)
        output.write("T+218d ")
        output.write("15:20:06")
        output.flush()
        assert os.read(read_end, 100) == b"T+218d 15:20:06"
        os.close(read_end)  # the terminal hangs up: a write now fails with EPIPE
        output.write("\x1b[?1049l")
        output.flush()  # no exception
        assert output.gone
        output.write("more")
        output.flush()
        assert output.gone


@pytest.fixture
def driver_signals() -> Iterator[None]:
    """Textual's Linux driver sets SIGTSTP and SIGCONT handlers when it is made."""
    kept = {signum: signal.getsignal(signum) for signum in (signal.SIGTSTP, signal.SIGCONT)}
    yield
    for signum, handler in kept.items():
        signal.signal(signum, handler)


@pytest.mark.usefixtures("driver_signals")
def test_a_read_that_fails_tells_the_app_its_terminal_is_gone() -> None:
    from mission_control.terminal import TerminalDriver

    sent: list[Message] = []

    async def run() -> None:
        driver = TerminalDriver(App())
        read_end, write_end = os.pipe()
        os.close(write_end)
        os.close(read_end)  # gone: reading it fails (EBADF), as a terminal hung up gives EIO
        driver.fileno = read_end
        driver.send_message = sent.append  # type: ignore[method-assign]
        driver.run_input_thread()  # no exception

    asyncio.run(run())
    assert [type(m) for m in sent] == [TerminalGone]


def test_the_signals_that_would_end_the_program_are_caught() -> None:
    caught = set(fatal_signals())
    assert {signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2, signal.SIGALRM} <= caught
    if sys.platform == "linux":
        assert {signal.SIGPOLL, signal.SIGRTMIN, signal.SIGRTMAX} <= caught
    handled_elsewhere = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGWINCH}
    ignored_by_python = {signal.SIGPIPE, signal.SIGXFSZ}
    never_ending = {signal.SIGCHLD, signal.SIGCONT, signal.SIGTSTP, signal.SIGURG}
    uncatchable_or_faults = {signal.SIGKILL, signal.SIGSTOP, signal.SIGSEGV, signal.SIGABRT}
    assert not caught & (handled_elsewhere | ignored_by_python)
    assert not caught & (never_ending | uncatchable_or_faults)


def test_a_signal_the_parent_ignored_stays_ignored() -> None:
    kept = signal.signal(signal.SIGUSR2, signal.SIG_IGN)
    try:
        assert signal.SIGUSR2 not in fatal_signals()
    finally:
        signal.signal(signal.SIGUSR2, kept)
