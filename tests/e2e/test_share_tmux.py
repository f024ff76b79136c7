"""A shared replay between real dashboards: a presenter and three followers, each the only
program of its own tmux pane, on a private runtime folder. What the presenter does (play,
pause, a faster speed, a seek with ``g``, reverse) shows on every follower within 0.5 s; a
follower started late is in step within a second; a presenter that stops sending, or is
killed, is "presenter gone" within 3 s, and a new presenter is followed.

Each pane is small, so the dashboard draws its compact layout, whose clock is a line of text
(``UTC 09:05:53``) under which the replay line says what the replay does and whom it follows.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.nats_broker import Broker, free_port, needs_nats_server
from support.panes import (
    START_TIMEOUT_S,
    UTF8_LOCALE,
    Pane,
    Tmux,
    alive,
    needs_tmux,
    open_dashboard,
)

from mission_control.clock_setting import ClockSetting
from mission_control.share import places
from mission_control.share.protocol import encode, state_of

pytestmark = needs_tmux

SIZE = (100, 18)
"""Below 20 rows: the compact layout; wide enough that a notification at the right leaves
the replay line readable."""
FOLLOW_S = 0.5
"""How soon a follower shows what the presenter did."""
LATE_S = 1.0
"""How soon a follower started late is in step, once it has drawn its first screen."""
GONE_S = 3.0
"""How soon a follower says the presenter is gone."""
ICONS = ("‖", "▶", "◀", "■")


@dataclass(frozen=True)
class Shown:
    """What a dashboard's screen says of its replay."""

    time: str
    state: str
    speed: str
    share: str
    """The rest of the replay line: the shared replay's status, then the settings."""

    @property
    def replay(self) -> tuple[str, str, str]:
        return (self.time, self.state, self.speed)


def shown(pane: Pane) -> Shown | None:
    """The clock's time, the replay's state and speed, and the shared replay's status."""
    return shown_in(pane.screen())


def shown_in(lines: list[str]) -> Shown | None:
    """What a screen's rows say of the replay (see :func:`shown`)."""
    clock = next((line.split()[1] for line in lines if line.startswith("UTC ")), None)
    replay = next((line for line in lines if line.startswith(ICONS)), None)
    if clock is None or replay is None:
        return None
    fields = replay.split(" · ")
    if len(fields) < 3:
        return None
    return Shown(clock, fields[0].split(" ", 1)[1], fields[1], " · ".join(fields[2:]))


def screens(tmux: Tmux, panes: list[Pane]) -> list[list[str]]:
    """Every pane's text, read by one tmux command (one process, not one per pane: on a
    loaded machine the reading must not take longer than what it measures)."""
    args: list[str] = []
    for pane in panes:
        args += ["capture-pane", "-p", "-t", pane.name, ";", "display-message", "-p", SEPARATOR]
        args.append(";")
    text = tmux(*args[:-1])
    return [chunk.strip("\n").splitlines() for chunk in text.split(SEPARATOR + "\n")][: len(panes)]


SEPARATOR = "=== end of pane ==="


def wait_shown(pane: Pane, what: str, check: Callable[[Shown], bool]) -> tuple[Shown, float]:
    """Poll ``pane`` until ``check`` holds: what it shows, and when it was seen (monotonic)."""
    deadline = time.monotonic() + FOLLOW_S + 2
    while True:
        now = shown(pane)
        seen = time.monotonic()
        if now is not None and check(now):
            return now, seen
        if seen > deadline:
            pytest.fail(f"{what}: the presenter shows {now}\n{pane.diagnostics()}")
        time.sleep(0.01)


def wait_followers(followers: list[Pane], what: str, target: Shown, since: float) -> float:
    """Seconds from ``since`` (when the presenter's screen showed ``target``) until the last
    follower agrees with it: same state and speed, and same time unless it plays (then the
    seconds tick on both, read at different moments)."""

    def agrees(f: Shown | None) -> bool:
        return (
            f is not None
            and f.state == target.state
            and f.speed == target.speed
            and (target.state == "playing" or f.time == target.time)
        )

    took: dict[int, float] = {}
    deadline = since + FOLLOW_S + 2
    while len(took) < len(followers):
        seen = [shown_in(lines) for lines in screens(followers[0].tmux, followers)]
        at = time.monotonic()
        took.update({i: at - since for i, f in enumerate(seen) if i not in took and agrees(f)})
        if at > deadline:
            pytest.fail(f"{what}: presenter {target}, followers {seen}")
        time.sleep(0.01)
    return max(took.values())


@dataclass
class Room:
    tmux: Tmux
    folder: Path
    env: dict[str, str | None]
    panes: list[Pane]

    def open(self, *args: str) -> Pane:
        pane = open_dashboard(
            self.tmux, self.folder / f"pane{len(self.panes)}", list(args), env=self.env, size=SIZE
        )
        self.panes.append(pane)
        return pane


@pytest.fixture
def room() -> Iterator[Room]:
    """A tmux server and a private runtime folder (short: a socket's path is short)."""
    runtime = Path(tempfile.mkdtemp(prefix="mc-rt", dir="/tmp"))
    env: dict[str, str | None] = {**UTF8_LOCALE, "XDG_RUNTIME_DIR": str(runtime)}
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_RUNTIME_DIR", str(runtime))
    server = Tmux("mc-share")
    room = Room(server, runtime / "panes", env, [])
    try:
        yield room
    finally:
        for pane in room.panes:
            try:
                pid = int(pane.pidfile.read_text().strip())
                os.kill(pid, signal.SIGCONT)
                os.kill(pid, signal.SIGKILL)
            except (OSError, ValueError):
                pass
        server.kill_server()
        patch.undo()
        shutil.rmtree(runtime, ignore_errors=True)


def wait_all(panes: list[Pane], what: str, check: object, timeout: float) -> float:
    """Poll every pane until ``check(shown)`` holds for each; the seconds it took."""
    assert callable(check)
    start = time.monotonic()
    last: dict[str, Shown | None] = {}
    while True:
        last = {pane.name: shown(pane) for pane in panes}
        if all(s is not None and check(s) for s in last.values()):
            return time.monotonic() - start
        if time.monotonic() - start > timeout:
            screens = "\n".join(p.diagnostics() for p in panes)
            pytest.fail(f"after {timeout} s: {what}\n{last}\n{screens}")
        time.sleep(0.02)


def assert_presenter_gone(follower: Pane) -> None:
    """The follower says the presenter is gone within GONE_S of its last message."""
    took = wait_all(
        [follower],
        "presenter gone",
        lambda s: s.share.startswith("presenter gone ·"),
        GONE_S + 1,
    )
    assert took <= GONE_S


def test_three_followers_follow_a_presenter_and_outlive_it(room: Room) -> None:
    presenter = room.open(
        "--present", "room", "--paused", "--speed", "1 h/s", "--at", "mars6:launch"
    )
    wait_all(
        [presenter],
        "the presenter's first screen",
        lambda s: "presenting room" in s.share,
        START_TIMEOUT_S,
    )
    followers = [room.open("--follow", "room") for _ in range(3)]
    first = shown(presenter)
    assert first is not None
    wait_all(
        followers,
        "every follower in step",
        lambda s: s.share.startswith("following room ·") and s.replay == first.replay,
        START_TIMEOUT_S,
    )
    wait_all([presenter], "three followers counted", lambda s: "3 following" in s.share, 2.0)

    def step(press: tuple[str, ...], what: str, before: Shown | None = None) -> None:
        before = before or shown(presenter)
        assert before is not None
        for key in press:
            if len(key) == 1 or key == "Space":
                presenter.press(key)
            else:
                presenter.type_line(key)  # and enter
        after, since = wait_shown(  # a word for the state: no dialog over the replay line
            presenter, what, lambda s: s.replay != before.replay and s.state.isalpha()
        )
        waited = wait_followers(followers, what, after, since)
        print(f"{what}: followers {waited:.3f} s after the presenter's screen")
        assert waited <= FOLLOW_S, f"{what}: {waited:.2f} s after the presenter's screen"

    step(("Space",), "playing")
    step(("Space",), "paused again, at the presenter's time")
    step(("+",), "the faster speed")
    before = shown(presenter)
    presenter.press("g")
    presenter.wait_screen("the go-to dialog", lambda lines: any("Go to a time" in x for x in lines))
    step(("mars7:launch",), "the seek to Mars 7's launch", before)
    step(("r",), "reversed")

    late = room.open("--follow", "room")
    wait_all([late], "the late follower's first screen", lambda s: True, START_TIMEOUT_S)
    target = shown(presenter)
    assert target is not None
    took = wait_all(
        [late],
        "the late follower in step",
        lambda s: s.share.startswith("following room ·") and s.replay == target.replay,
        LATE_S,
    )
    assert took <= LATE_S
    followers.append(late)

    pid = presenter.pid()
    os.kill(pid, signal.SIGKILL)  # its socket's file stays behind
    took = wait_all(
        followers,
        "presenter gone (killed)",
        lambda s: s.share.startswith("presenter gone ·") and s.replay == target.replay,
        GONE_S + 1,
    )
    assert took <= GONE_S

    successor = room.open("--present", "room", "--paused", "--at", "mars6:atmospheric-entry")
    wait_all(
        [successor],
        "the new presenter, past the stale socket",
        lambda s: "presenting room" in s.share,
        START_TIMEOUT_S,
    )
    wait_all(
        followers,
        "the new presenter followed",
        lambda s: s.share.startswith("following room ·") and s.time == "09:05:53",
        3.0,
    )


def test_a_presenter_that_stops_sending_is_gone_within_3_s(room: Room) -> None:
    """A presenter hung with its socket open (tmux wakes a stopped pane at once, so a
    stand-in here): one message, then silence, and the follower counts the heartbeats."""
    place = places.place_of("room")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(os.fspath(place.path))
    place.path.chmod(0o600)
    listener.listen(4)
    listener.settimeout(START_TIMEOUT_S)
    follower = room.open("--follow", "room", "--paused")
    try:
        conn, _ = listener.accept()
        setting = ClockSetting(0.0, 0.0, 1.0, False, 1, False, None, False)
        state = state_of(setting, seq=1, wall=time.time(), focus=None, presenter="p", by="b")
        conn.sendall(encode(state))
        wait_all(
            [follower],
            "following the stand-in",
            lambda s: s.share.startswith("following room ·"),
            START_TIMEOUT_S,
        )
        # From when the follower shows it follows (it heard the message before): the
        # message's own moment would count its first drawing too, seconds on a loaded machine.
        assert_presenter_gone(follower)
        conn.close()
    finally:
        listener.close()


def test_a_second_presenter_of_the_same_name_ends_with_status_2(room: Room) -> None:
    presenter = room.open("--present", "room", "--paused")
    wait_all([presenter], "the presenter", lambda s: "presenting room" in s.share, START_TIMEOUT_S)
    env = {**os.environ, "XDG_RUNTIME_DIR": room.env["XDG_RUNTIME_DIR"] or ""}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mission-control"), "--present", "room"],
        env=env, capture_output=True, text=True, timeout=60, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 2
    refusals = [line for line in result.stderr.splitlines() if line.startswith("mission-control:")]
    assert len(refusals) == 1 and "'room' already has a presenter" in refusals[0]
    assert "\x1b[?1049h" not in result.stdout, "the terminal was taken over"


@needs_nats_server
def test_over_a_nats_broker_that_goes_away_and_comes_back(room: Room) -> None:
    pytest.importorskip("nats", reason="needs the nats-py client (pip install '.[share]')")
    broker = Broker(free_port())
    broker.start()
    try:
        share = ("--share", broker.url)
        presenter = room.open("--present", "room", *share, "--paused", "--at", "mars6:launch")
        wait_all(
            [presenter],
            "the presenter",
            lambda s: s.share.startswith("presenting room"),
            START_TIMEOUT_S,
        )
        follower = room.open("--follow", "room", *share)
        first = shown(presenter)
        assert first is not None
        wait_all(
            [follower],
            "in step",
            lambda s: s.share.startswith("following room ·") and s.replay == first.replay,
            START_TIMEOUT_S,
        )
        presenter.press("Space")
        after, since = wait_shown(presenter, "playing", lambda s: s.state == "playing")
        assert wait_followers([follower], "playing", after, since) <= FOLLOW_S
        presenter.press("Space")
        wait_all([follower], "paused", lambda s: s.state == "paused", FOLLOW_S + 2)

        broker.stop()
        assert_presenter_gone(follower)
        assert alive(presenter.pid()) and alive(follower.pid()), "both run on their own clocks"
        broker.start()
        wait_all(
            [follower], "following again", lambda s: s.share.startswith("following room ·"), 10.0
        )
    finally:
        broker.stop()
