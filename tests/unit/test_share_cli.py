"""The shared replay's options on the command line: each mistake is one line and status 2
before the terminal is taken over, and a plain start imports nothing of the shared replay."""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mission_control import cli
from mission_control.app import MissionControlApp
from mission_control.autospeed import AutoSpeed
from mission_control.clock import ManualTimeSource, ReplayClock
from mission_control.clock_setting import ClockSetting
from mission_control.share.link import FollowLink, Setup
from mission_control.share.places import claim, place_of
from mission_control.share.protocol import DEFAULT_NAME, encode, state_of
from mission_control.share.session import Mode


@pytest.fixture
def runtime(runtime: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shared runtime folder, and a dashboard that fails the test if it starts."""

    def never(self: MissionControlApp) -> None:
        raise AssertionError("the dashboard started: the mistake was not found before")

    monkeypatch.setattr(MissionControlApp, "run", never)
    return runtime


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.main(list(argv), out=out, err=err)
    return status, err.getvalue()


def refusal(err: str) -> str:
    """The one line of the refusal (the articles' warnings aside)."""
    lines = [line for line in err.splitlines() if line.startswith("mission-control:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--present", "a/b"], "'a/b' is not a shared replay's name (it has '/')"),
        (["--follow=.."], "starts with a dot"),
        (["--follow=a b", "--share", "nats://h:1"], "it has ' '"),
        (["--present", "--follow"], "cannot be given together"),
        (["--group", "wheel"], "--group 'wheel' needs --present or --follow"),
        (["--share", "nats://h:1"], "needs --present or --follow"),
        (["--present", "--group", "no-such-group-x"], "no such group"),
        (["--follow", "--share", "http://x"], "expected a broker as nats://HOST:PORT"),
        (["--follow", "--share", "nats://x"], "nats://HOST:PORT"),
        (["--follow", "--share", "nats://x:1", "--group", "g"], "not with --share"),
        (["--follow=a.", "--share", "nats://h:1"], "--follow a.: 'a.' has '.'"),
        (["--present=a..b", "--share", "nats://h:1"], "NATS reads as a subject's separator"),
        (["--follow", "--share", "nats://ann:s3cret@h"], "'nats://…@h': expected a broker"),
        (["--follow", "--share", "nats://h:1?pass=x"], "expected a broker"),
    ],
)
def test_a_mistake_is_one_line_and_status_2(runtime: Path, argv: list[str], says: str) -> None:
    status, err = run(*argv)
    assert status == 2
    assert says in refusal(err)
    assert "s3cret" not in err


def test_a_second_presenter_of_the_same_name_is_told_before_the_terminal(runtime: Path) -> None:
    place = place_of("room")
    first = claim(place, "room")
    try:
        status, err = run("mars6", "--present", "room")
        assert status == 2
        assert f"'room' already has a presenter ({place.path})" in refusal(err)
    finally:
        first.release()


def test_the_options_default_name_is_the_protocols() -> None:
    args = cli.parse_args(["run", "--present"])
    assert args.present == DEFAULT_NAME
    assert cli.parse_args(["run", "--follow"]).follow == DEFAULT_NAME
    assert cli.parse_args(["run", "mars6", "--follow", "room"]).follow == "room"
    argv = ["run", "--present=room", "--group", "staff"]
    assert cli.parse_args(argv) == cli.build_parser().parse_args(argv)


def test_neither_a_plain_start_nor_parsing_the_options_imports_the_shared_replay() -> None:
    code = (
        "import sys\n"
        "from mission_control import cli\n"
        "cli.parse_args(['run', '--follow', 'room', '--share', 'nats://h:1'])\n"
        "import mission_control.dashboard, mission_control.app\n"
        "print(sorted(m for m in sys.modules if m.startswith(('mission_control.share', "
        "'nats', 'mission_control.clock_setting'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_malformed_message_is_one_line_and_the_follower_keeps_going(runtime: Path) -> None:
    source = ManualTimeSource(10.0)
    clock = ReplayClock(source, start=0.0, bounds=(0.0, 1e6), law=AutoSpeed([]))
    link = Setup("follow", "room", place_of("room")).link(clock, source)
    assert isinstance(link, FollowLink)
    link.received(b'{"v": 1, "seq": "x"}\n')
    link.received(b"\xff\x00garbage")
    problems = link.problems.take()
    assert len(problems) == 2 and all("malformed message" in p for p in problems)
    assert all("\n" not in p and p.endswith("; ignored") for p in problems)
    setting = ClockSetting(500.0, 10.0, 2.0, False, 1, True, None, False)
    state = state_of(setting, seq=1, wall=time.time(), focus=None, presenter="p", by="b")
    link.received(encode(state))
    assert link.following.mode is Mode.FOLLOWING and link.problems.take() == []
    source.advance(1.0)
    assert clock.now() == pytest.approx(502.0, abs=0.01)


def test_a_transport_that_fails_is_one_line_and_the_dashboard_runs_on(runtime: Path) -> None:
    class Failing:
        async def run(self) -> None:
            raise RuntimeError("socket gone sideways")

    source = ManualTimeSource(10.0)
    clock = ReplayClock(source, start=0.0, bounds=(0.0, 1e6), law=AutoSpeed([]))
    link = Setup("follow", "room", place_of("room")).link(clock, source)
    assert isinstance(link, FollowLink)
    link._transport = Failing()
    asyncio.run(link.run())
    assert link.problems.take() == ["the shared replay stopped: socket gone sideways"]


def test_a_presenters_claim_is_released_when_the_dashboard_cannot_be_made(
    runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The socket a presenter claimed before the terminal is given back even when making
    the dashboard fails, so a second try is not told the name has a presenter."""
    from mission_control import dashboard

    def broken(*args: object, **kwargs: object) -> MissionControlApp:
        raise RuntimeError("no dashboard")

    monkeypatch.setattr(dashboard, "make_app", broken)
    with pytest.raises(RuntimeError):
        cli.main(["mars6", "--present", "room", "--paused"])
    again = claim(place_of("room"), "room")  # refused while the first claim is held
    again.release()
