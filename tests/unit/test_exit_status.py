"""README's table of exit statuses, one test per row, over every command the row is about.

The dashboard is run through ``cli.main`` with ``run_dashboard`` replaced where it would
take over the terminal; how it ends in a real terminal (q, Ctrl-C, SIGTERM, SIGHUP, a
crash) is e2e/test_exits_terminal.py. The output's failures are also run for real: into
/dev/full, and into a pipe whose reader has gone.
"""

from __future__ import annotations

import errno
import io
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.paths import REPO, SEEDS

from mission_control import cli, dashboard, exit_codes
from mission_control.exit_codes import SIGNALLED

MARS6 = str(SEEDS / "mars6.txt")
DASHBOARD = dashboard.run_dashboard
COMMANDS = {
    "timeline": ("timeline",),
    "state": ("state", "--at", "1973-09-01"),
    "replay": ("replay", "--speed", "1000000000"),
    "dashboard": ("run",),
}
PRINTING = {name: argv for name, argv in COMMANDS.items() if name != "dashboard"}


def run(*argv: str, out: io.StringIO | None = None) -> tuple[int, str, str]:
    out = out if out is not None else io.StringIO()
    err = io.StringIO()
    status = cli.main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The dashboard, replaced: it returns at once with 0, as after q."""
    ran: list[Any] = []

    def run_dashboard(args: Any, campaign: Any) -> int:
        ran.append(campaign)
        return exit_codes.OK

    monkeypatch.setattr(dashboard, "run_dashboard", run_dashboard)
    return ran


every_command = pytest.mark.parametrize("command", list(COMMANDS.values()), ids=list(COMMANDS))
printing_command = pytest.mark.parametrize("command", list(PRINTING.values()), ids=list(PRINTING))


# --- 0 ----------------------------------------------------------------------------------


@every_command
def test_0_when_done(command: tuple[str, ...], no_terminal: list[Any]) -> None:
    status, out, err = run(*command, "mars6")
    assert (status, err) == (0, "")
    assert out or no_terminal


@printing_command
def test_0_after_ctrl_c(command: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("mission_control.reports.timeline_table", interrupted)
    monkeypatch.setattr("mission_control.state.state_at", interrupted)
    monkeypatch.setattr("mission_control.replay_print.run_replay", interrupted)
    assert run(*command, "mars6") == (0, "", "")


# --- 1: an article could not be read ----------------------------------------------------


def only_line(err: str) -> str:
    (line,) = err.splitlines()
    return line


def unreadable(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """``path`` cannot be opened, as a file without read permission (the tests may be root)."""
    real_open = os.open

    def refuse(file: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
        if Path(file) == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)


def not_an_article(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("Things to buy: bread, milk and a new kettle.\n", "utf-8")
    return path


@pytest.mark.parametrize(
    ("case", "why"),
    [
        ("missing", "no such file"),
        ("unreadable", "cannot be read (Permission denied)"),
        ("not an article", "not a mission article (it states no dated event)"),
    ],
)
@every_command
def test_1_when_the_only_file_cannot_be_read(
    command: tuple[str, ...],
    case: str,
    why: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = not_an_article(tmp_path) if case == "not an article" else tmp_path / "mars8.txt"
    if case == "unreadable":
        path.write_text((SEEDS / "mars6.txt").read_text("utf-8"), "utf-8")
        unreadable(monkeypatch, path)
    status, out, err = run(*command, str(path))
    assert (status, out) == (1, "")
    assert only_line(err) == f"mission-control: no mission could be read: {path}: {why}"


@pytest.mark.parametrize("case", ["missing", "unreadable", "not an article"])
@every_command
def test_1_when_one_file_cannot_be_read_and_the_rest_are_shown(
    command: tuple[str, ...],
    case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_terminal: list[Any],
) -> None:
    path = not_an_article(tmp_path) if case == "not an article" else tmp_path / "mars8.txt"
    if case == "unreadable":
        path.write_text("x", "utf-8")
        unreadable(monkeypatch, path)
    status, out, err = run(*command, MARS6, str(path))
    assert status == 1
    assert only_line(err).startswith(f"error: {path}: ")
    if command == COMMANDS["dashboard"]:
        (campaign,) = no_terminal
        assert [m.id for m in campaign.missions] == ["mars6"]
    else:
        assert out


@every_command
def test_1_when_the_seeds_folder_does_not_exist(command: tuple[str, ...], tmp_path: Path) -> None:
    folder = tmp_path / "nowhere"
    status, out, err = run(*command, "--seeds", str(folder))
    assert (status, out) == (1, "")
    assert only_line(err) == f"mission-control: no mission could be read: {folder}: no such folder"


@every_command
def test_1_when_the_seeds_folder_holds_no_article(command: tuple[str, ...], tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an article", "utf-8")
    status, out, err = run(*command, "--seeds", str(tmp_path))
    assert (status, out) == (1, "")
    assert only_line(err) == f"mission-control: nothing to show: {tmp_path} holds no *.txt article"


def test_a_mission_named_in_an_empty_seeds_folder_names_the_folder(tmp_path: Path) -> None:
    status, _, err = run("timeline", "--seeds", str(tmp_path), "mars6")
    assert status == 2
    assert only_line(err) == (
        f"mission-control: unknown mission 'mars6': {tmp_path} holds no *.txt article"
    )


# --- 2: a mistake on the command line ---------------------------------------------------


@every_command
def test_2_for_an_unknown_mission(command: tuple[str, ...]) -> None:
    status, out, err = run(*command, "venera9")
    assert (status, out) == (2, "")
    assert only_line(err).startswith("mission-control: unknown mission 'venera9'")


@pytest.mark.parametrize(
    "argv",
    [
        ("timeline", "--units", "metric"),
        ("timeline", "--format", "xml"),
        ("state", "--at", "soon"),
        ("state", "--at", "1974-03-12", "--format", "csv"),
        ("replay", "--speed", "fast"),
        ("replay", "--from", "mars6:launch#2"),
        ("run", "--at", "mars6:launch#0"),
        ("run", "--theme", "no-such-theme"),
        ("run", "--units", "metric"),
        ("timeline", "--bogus"),
        ("bogus-command",),
    ],
)
def test_2_for_a_bad_option_value(
    argv: tuple[str, ...], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dashboard, "run_dashboard", DASHBOARD)  # it refuses before starting

    def make_app(*args: object, **kwargs: object) -> None:
        raise AssertionError("the dashboard was started, not refused")

    monkeypatch.setattr(dashboard, "make_app", make_app)
    # argparse's own refusals end the program from inside main, with its usage on stderr.
    try:
        status = cli.main(list(argv), out=io.StringIO(), err=io.StringIO())
    except SystemExit as exit_:
        status = int(exit_.code or 0)
        assert "usage: " in capsys.readouterr().err
    assert status == exit_codes.USAGE


# --- 74 and 141: the output --------------------------------------------------------------

OUTPUTS = {
    "timeline": ("timeline", "mars6"),
    "timeline json": ("timeline", "mars6", "--format", "json"),
    "timeline csv": ("timeline", "mars6", "--format", "csv"),
    "state": ("state", "--at", "1973-09-01", "mars6"),
    "state json": ("state", "--at", "1973-09-01", "mars6", "--format", "json"),
    "replay": ("replay", "--speed", "1000000000", "mars6"),
}
every_output = pytest.mark.parametrize("argv", list(OUTPUTS.values()), ids=list(OUTPUTS))
# argparse writes its help to sys.stdout itself: run for real only.
every_real_output = pytest.mark.parametrize(
    "argv", [*OUTPUTS.values(), ("--help",)], ids=[*OUTPUTS, "help"]
)


class Refusing(io.StringIO):
    """An output whose every write fails with ``error``."""

    def __init__(self, error: Callable[[], OSError]) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise self.error()


def full() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@every_output
def test_74_and_one_line_when_the_output_cannot_be_written(argv: tuple[str, ...]) -> None:
    status, _, err = run(*argv, out=Refusing(full))
    assert status == exit_codes.OUTPUT == 74
    assert err == "mission-control: cannot write output: No space left on device\n"


@every_output
def test_141_and_nothing_said_when_the_reader_is_gone(argv: tuple[str, ...]) -> None:
    status, _, err = run(*argv, out=Refusing(BrokenPipeError))
    assert (status, err) == (exit_codes.BROKEN_PIPE, "")
    assert status == 141


def command_line(*argv: str) -> list[str]:
    return [sys.executable, "-m", "mission_control", *argv]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@every_real_output
def test_74_into_dev_full_for_real(argv: tuple[str, ...]) -> None:
    with Path("/dev/full").open("w") as full_disk:
        result = subprocess.run(
            command_line(*argv),
            stdout=full_disk,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            check=False,
        )
    assert result.returncode == 74
    assert result.stderr == "mission-control: cannot write output: No space left on device\n"


@every_real_output
def test_141_into_a_closed_pipe_for_real(argv: tuple[str, ...]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line
    try:
        result = subprocess.run(
            command_line(*argv),
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, "")


# --- signals: a replay in a real process ------------------------------------------------


@pytest.mark.parametrize(
    ("signum", "status"),
    [(signal.SIGINT, 0), (signal.SIGTERM, 143), (signal.SIGHUP, -signal.SIGHUP)],
    ids=["ctrl-c", "SIGTERM", "SIGHUP"],
)
def test_a_replay_ends_on_a_signal_with_its_status(signum: int, status: int) -> None:
    # At 1x from the launch, the next event is days away: the replay is surely waiting.
    # Python makes Ctrl-C a KeyboardInterrupt only where SIGINT is not ignored, as it is
    # for a shell's background jobs; a handler (unlike an ignored signal) is not inherited.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        replay = subprocess.Popen(
            command_line("replay", "mars6", "--speed", "1", "--from", "mars6:launch"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    assert replay.stdout is not None
    assert " launch " in replay.stdout.readline()
    replay.send_signal(signum)
    _, err = replay.communicate(timeout=60)
    # SIGHUP kills it, as a shell reports with 129.
    assert (replay.returncode, err) == (status, "")


def test_the_status_a_signal_gives_is_the_shells() -> None:
    assert SIGNALLED == {signal.SIGTERM: 143, signal.SIGHUP: 129}


# --- the README -------------------------------------------------------------------------


def test_the_readme_table_lists_every_status_there_is() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("### Exit status", 1)[1].split("\n## ", 1)[0]
    listed = {int(m) for m in re.findall(r"^\| (\d+) \|", section, re.MULTILINE)}
    assert listed == {
        exit_codes.OK,
        exit_codes.FILES,
        exit_codes.USAGE,
        exit_codes.OUTPUT,
        exit_codes.BROKEN_PIPE,
        *SIGNALLED.values(),
    }
