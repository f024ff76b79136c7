"""The shared replay over a NATS broker (Debian's ``nats-server`` on a free loopback port):
the presenter's lines reach a follower; a broker that cannot be reached, or goes away
mid-replay, is one line each, and the client carries on when the broker is back."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator

import pytest
from support import deadline
from support.nats_broker import Broker, free_port, needs_nats_server

from mission_control.share.nats import (
    NatsFollower,
    NatsPresenter,
    check_url,
    shown_url,
    subject_of,
)

pytest.importorskip("nats", reason="needs the nats-py client (pip install '.[share]')")
pytestmark = needs_nats_server
DEADLINE_S = 10.0
"""Far more than any wait here needs: only there so that a failing test ends."""


@pytest.fixture
def broker() -> Iterator[Broker]:
    broker = Broker(free_port())
    try:
        yield broker
    finally:
        broker.stop()


async def until(check: Callable[[], bool], what: str, timeout: float = DEADLINE_S) -> float:
    return await deadline.until(check, what, timeout)


async def resend(
    presenter: NatsPresenter, line: bytes, check: Callable[[], bool], what: str
) -> None:
    """Send ``line`` again every 0.1 s until ``check`` holds: a subscription is in place at
    the broker some moment after the client says it is connected."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > DEADLINE_S:
            pytest.fail(f"after {DEADLINE_S} s: {what}")
        presenter.send(line)
        for _ in range(10):
            if check():
                return
            await asyncio.sleep(0.01)


def test_a_url_is_checked_and_a_name_is_a_subject() -> None:
    assert check_url("nats://kiosk-hub:4222") == "nats://kiosk-hub:4222"
    for bad in ("nats://hub", "http://hub:4222", "hub:4222", "nats://hub:4222/x", "nats://:4222"):
        with pytest.raises(ValueError, match="nats://HOST:PORT"):
            check_url(bad)
    assert subject_of("room-3") == "mission-control.replay.room-3"


def test_a_password_in_the_url_is_never_shown() -> None:
    """A broker's URL may carry a user and password; the screen shows host and port only."""
    assert shown_url("nats://ann:s3cret@hub:4222") == "nats://…@hub:4222"
    assert shown_url("nats://hub:4222") == "nats://hub:4222"
    with pytest.raises(ValueError) as refused:
        check_url("nats://ann:s3cret@hub")
    assert "s3cret" not in str(refused.value)

    async def main() -> None:
        said: list[str] = []
        url = f"nats://ann:s3cret@127.0.0.1:{free_port()}"
        follower = NatsFollower(url, "room", on_line=lambda line: None, on_problem=said.append)
        following = asyncio.create_task(follower.run())
        await until(lambda: any("cannot be reached" in s for s in said), "unreachable said")
        following.cancel()
        await asyncio.gather(following, return_exceptions=True)
        assert said and not any("s3cret" in s for s in said), said

    asyncio.run(main())


def test_lines_reach_the_follower_and_the_broker_can_come_and_go(broker: Broker) -> None:
    async def main() -> None:
        said: list[str] = []
        heard: list[bytes] = []
        follower = NatsFollower(broker.url, "room", on_line=heard.append, on_problem=said.append)
        following = asyncio.create_task(follower.run())
        await until(lambda: any("cannot be reached" in s for s in said), "unreachable said")
        assert all("\n" not in s for s in said)
        broker.start()  # the follower reaches it by itself
        await until(lambda: any("following on NATS" in s for s in said), "the follower connected")
        presenter = NatsPresenter(broker.url, "room", on_problem=said.append)
        presenting = asyncio.create_task(presenter.run())
        await until(lambda: any("presenting on NATS" in s for s in said), "the presenter connected")
        presenter.send(b"one\n")
        await until(lambda: heard == [b"one\n"], "the first line")

        broker.stop()  # mid-replay
        await until(lambda: any("lost; reconnecting" in s for s in said), "the loss said")
        presenter.send(b"while away\n")
        broker.start()
        await until(lambda: sum("back" in s for s in said) >= 2, "both back")
        # The follower's subscription is renewed some moment after "back": send until heard.
        await resend(presenter, b"two\n", lambda: heard[-1:] == [b"two\n"], "a line after")
        for task in (presenting, following):
            task.cancel()
        await asyncio.gather(presenting, following, return_exceptions=True)

    asyncio.run(main())


def test_a_second_presenter_on_the_same_subject_is_said(broker: Broker) -> None:
    from mission_control.clock_setting import ClockSetting
    from mission_control.share.protocol import encode, state_of

    def line(presenter: str) -> bytes:
        setting = ClockSetting(0.0, 0.0, 1.0, False, 1, True, None, False)
        return encode(
            state_of(setting, seq=1, wall=0.0, focus=None, presenter=presenter, by=presenter)
        )

    async def main() -> None:
        broker.start()
        said: list[str] = []
        first = NatsPresenter(broker.url, "room", on_problem=said.append)
        second = NatsPresenter(broker.url, "room", on_problem=lambda s: None)
        tasks = [asyncio.create_task(p.run()) for p in (first, second)]
        await until(lambda: any("presenting on NATS" in s for s in said), "connected")
        first.send(line("ann"))
        await resend(
            second, line("bob"), lambda: any("another presenter (bob)" in s for s in said), "bob"
        )
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    asyncio.run(main())
