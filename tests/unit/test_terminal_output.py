"""The dashboard's terminal output when the terminal hangs up: later writes are dropped, not
raised in Textual's writer thread (the SSH end-to-end test checks that the dashboard's
driver writes through it, over a real sshd)."""

from __future__ import annotations

import os
import sys

import pytest

from mission_control.terminal import TerminalOutput

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
