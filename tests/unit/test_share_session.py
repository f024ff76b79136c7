"""Both ends of a shared replay on manual clocks: a follower's clock reads what the
presenter's does at the same wall time, the presenter sends on every change and once a
second, and a follower detaches, rejoins and notices a presenter gone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control.autospeed import AutoSpeed
from mission_control.clock import ManualTimeSource, ReplayClock
from mission_control.share.protocol import decode, encode
from mission_control.share.session import (
    GONE_AFTER_S,
    HEARTBEAT_S,
    Following,
    Mode,
    Presenting,
)

LO, HI = 0.0, 10_000_000.0
ANCHORS = [(2_000_000.0, 2_000_000.0, 1.0), (5_000_000.0, 5_086_400.0, 86_400.0)]
"""A time stated to the second and a day: the auto law slows at both."""


class Epoch:
    """POSIX time that moves with a manual monotonic source (one host)."""

    def __init__(self, source: ManualTimeSource, offset: float = 1.7e9) -> None:
        self.source, self.offset = source, offset

    def __call__(self) -> float:
        return self.source() + self.offset


def clock(source: ManualTimeSource, start: float = 1_990_000.0, **kw: object) -> ReplayClock:
    return ReplayClock(
        source,
        start=start,
        bounds=(LO, HI),
        law=AutoSpeed(ANCHORS),
        **kw,  # type: ignore[arg-type]
    )


def pair(**kw: object) -> tuple[ManualTimeSource, ReplayClock, Presenting, ReplayClock, Following]:
    source = ManualTimeSource(100.0)
    presenter = clock(source, **kw)
    viewer = clock(source, start=LO, speed=5.0)
    presenting = Presenting(presenter, presenter="p1", by="ann@here", epoch=Epoch(source))
    following = Following(viewer, source, epoch=Epoch(source))
    return source, presenter, presenting, viewer, following


def send(presenting: Presenting, following: Following, focus: str | None = None) -> bool:
    """The presenter's due state, through the wire format, to the follower."""
    state = presenting.due(focus)
    if state is None:
        return False
    following.receive(decode(encode(state)))
    return True


@pytest.mark.parametrize(
    "kw",
    [
        {"speed": 3600.0},
        {"speed": -86400.0},
        {"auto": True},
        {"auto": True, "start": 4_990_000.0},
        {"speed": 2.0, "playing": False},
    ],
)
def test_a_follower_reads_the_presenters_tick_at_every_later_moment(kw: dict[str, object]) -> None:
    source, presenter, presenting, viewer, following = pair(**kw)
    assert send(presenting, following)
    for step in (0.05, 0.4, 0.9, 3.0, 7.0, 20.0):
        source.advance(step)
        # The presenter is read often, the follower seldom: the same course either way.
        assert viewer.now() == pytest.approx(presenter.now(), rel=1e-9, abs=1e-3)
        assert viewer.label == presenter.label and viewer.state_label == presenter.state_label


@given(
    start=st.floats(LO, HI),
    auto=st.booleans(),
    speed=st.sampled_from([1.0, 60.0, 3600.0, 86400.0]),
    direction=st.sampled_from([1, -1]),
    steps=st.lists(st.floats(0.01, 30.0), min_size=1, max_size=6),
)
@settings(max_examples=150, deadline=None, derandomize=True, database=None)
def test_adopting_runs_the_same_course_anywhere_in_the_replay(
    start: float, auto: bool, speed: float, direction: int, steps: list[float]
) -> None:
    source, presenter, presenting, viewer, following = pair(
        start=start, speed=direction * speed, auto=auto
    )
    send(presenting, following)
    for step in steps:
        source.advance(step)
        shown = presenter.now()
        assert viewer.now() == pytest.approx(shown, rel=1e-9, abs=0.002 * presenter.law(shown))


def test_a_late_message_is_extrapolated_from_its_stamp() -> None:
    source = ManualTimeSource(50.0)
    presenter = clock(source, speed=3600.0)
    presenting = Presenting(presenter, presenter="p", by="b", epoch=Epoch(source))
    state = presenting.due(None)
    assert state is not None
    source.advance(0.3)  # in transit
    viewer = clock(source, start=LO)
    Following(viewer, source, epoch=Epoch(source)).receive(state)
    assert viewer.now() == pytest.approx(presenter.now())


def test_a_stamp_from_a_skewed_clock_is_taken_as_sent_now() -> None:
    source = ManualTimeSource(50.0)
    presenter = clock(source, speed=3600.0)
    state = Presenting(presenter, presenter="p", by="b", epoch=Epoch(source, 1e9)).due(None)
    assert state is not None
    viewer = clock(source, start=LO)
    Following(viewer, source, epoch=Epoch(source, 1e9 + 3600)).receive(state)
    assert viewer.now() == pytest.approx(presenter.now())


def test_the_presenter_sends_on_every_change_and_each_second() -> None:
    source, presenter, presenting, viewer, following = pair(speed=3600.0)
    assert send(presenting, following)
    assert not send(presenting, following)
    source.advance(HEARTBEAT_S / 2)
    assert not send(presenting, following)
    source.advance(HEARTBEAT_S / 2)
    assert send(presenting, following), "the heartbeat"
    changes = [
        presenter.toggle,
        presenter.toggle,
        presenter.faster,
        presenter.slower,
        presenter.reverse,
        lambda: presenter.set_auto(True),
        lambda: presenter.seek(3_000_000.0),
        lambda: setattr(presenter, "loop", True),
    ]
    for change in changes:
        source.advance(0.01)
        change()
        assert send(presenting, following), change
        assert viewer.now() == pytest.approx(presenter.now())
        assert (viewer.auto, viewer.direction, viewer.playing, viewer.loop) == (
            presenter.auto, presenter.direction, presenter.playing, presenter.loop,
        )  # fmt: skip
        assert not send(presenting, following)
    assert send(presenting, following, focus="mars7"), "the focus"
    assert following.last is not None and following.last.focus == "mars7"


def test_a_small_seek_is_sent_too() -> None:
    source, presenter, presenting, _viewer, following = pair(speed=1.0)
    send(presenting, following)
    source.advance(0.2)
    presenter.seek(presenter.now() + 1.0)  # one second of replay at 1x
    assert send(presenting, following)


def test_older_and_repeated_messages_are_ignored_but_a_new_presenter_is_followed() -> None:
    source, presenter, presenting, viewer, following = pair(speed=60.0)
    first = presenting.due(None)
    presenter.seek(3_000_000.0)
    second = presenting.due(None)
    assert first is not None and second is not None
    assert following.receive(second)
    assert not following.receive(first) and not following.receive(second)
    assert viewer.now() == pytest.approx(3_000_000.0)
    other = Presenting(
        clock(source, start=4_000_000.0), presenter="p2", by="bo", epoch=Epoch(source)
    )
    state = other.due(None)
    assert state is not None and state.seq < second.seq
    assert not following.receive(state), "the presenter followed is fresh"
    assert following.ignored is state and following.last is second
    source.advance(GONE_AFTER_S + 0.1)  # the first one went quiet
    assert following.receive(state)
    assert viewer.now() == pytest.approx(4_000_000.0)


def test_two_presenters_of_one_name_the_fresh_one_is_kept() -> None:
    """Over NATS nothing stops a second presenter of the name: the follower keeps the one it
    follows while it is heard, rather than flipping between them every second."""
    source, presenter, presenting, viewer, following = pair(speed=60.0)
    other = Presenting(
        clock(source, start=4_000_000.0), presenter="p2", by="bo", epoch=Epoch(source)
    )
    for _ in range(5):
        assert send(presenting, following)
        assert not following.receive(other.state(other.clock.setting(), None))
        assert following.last is not None and following.last.presenter == "p1"
        assert viewer.now() == pytest.approx(presenter.now())
        source.advance(HEARTBEAT_S)
    following.lost()  # its connection ended: the next presenter heard is followed
    assert following.receive(other.state(other.clock.setting(), None))
    assert following.last is not None and following.last.presenter == "p2"


@pytest.mark.parametrize("skew", [1.9, -1.9, 0.5, 3600.0])
def test_across_hosts_the_clocks_offset_is_estimated(skew: float) -> None:
    """The follower's POSIX clock ``skew`` seconds off the presenter's: at an hour a second,
    trusting the stamps would put the follower up to 1.9 h off for good."""
    source = ManualTimeSource(50.0)
    presenter = clock(source, speed=3600.0)
    presenting = Presenting(presenter, presenter="p", by="b", epoch=Epoch(source, 1e9))
    viewer = clock(source, start=LO)
    following = Following(viewer, source, epoch=Epoch(source, 1e9 + skew), across_hosts=True)
    assert presenter.playing
    transits = [0.004, 0.03, 0.002, 0.05, 0.01, 0.003, 0.2, 0.002]
    for transit in transits:
        state = presenting.state(presenter.setting(), None)
        source.advance(transit)
        assert following.receive(state)
        # Off by at most the transit's variation (here 0.2 s at most), at 3600 ticks a second.
        assert abs(viewer.now() - presenter.now()) <= 0.2 * 3600 + 1e-6
        source.advance(HEARTBEAT_S)
    assert abs(viewer.now() - presenter.now()) <= 0.002 * 3600 + 1e-6


def test_the_presenter_is_gone_after_missed_heartbeats_and_its_state_runs_on() -> None:
    source, presenter, presenting, viewer, following = pair(speed=60.0)
    assert following.status("room") == "waiting for room"
    send(presenting, following)
    assert following.status("room") == "following room"
    source.advance(GONE_AFTER_S - 0.1)
    assert following.check() is Mode.FOLLOWING
    source.advance(0.2)
    assert following.check() is Mode.GONE
    assert following.status("room") == "presenter gone"
    assert viewer.now() == pytest.approx(presenter.now())  # the last state, running on
    source.advance(0.1)
    send(presenting, following)  # it came back
    assert following.check() is Mode.FOLLOWING
    following.lost()
    assert following.check() is Mode.GONE


def test_detach_keeps_the_viewers_own_clock_and_rejoin_takes_the_presenters() -> None:
    source, presenter, presenting, viewer, following = pair(speed=60.0)
    send(presenting, following)
    assert following.detach() and not following.detach()
    viewer.pause()
    held = viewer.now()
    source.advance(5.0)
    presenter.seek(6_000_000.0)
    send(presenting, following)
    assert following.status("room") == "detached (own clock)"
    assert viewer.now() == held and not viewer.playing
    source.advance(0.5)
    assert following.rejoin() and not following.rejoin()
    assert following.check() is Mode.FOLLOWING
    assert viewer.now() == pytest.approx(presenter.now()) and viewer.playing


def test_rejoining_after_the_presenter_went_runs_its_last_state() -> None:
    source, presenter, presenting, viewer, following = pair(speed=60.0)
    send(presenting, following)
    following.detach()
    viewer.seek(LO)
    source.advance(10.0)
    following.rejoin()
    assert following.check() is Mode.GONE
    assert viewer.now() == pytest.approx(presenter.now())


def test_a_follower_ended_with_its_presenter_loops_with_it() -> None:
    source, presenter, presenting, viewer, following = pair(start=HI - 60, speed=60.0)
    presenter.loop = True
    source.advance(2.0)
    assert presenter.state_label == "looping"
    source.advance(1.0)
    send(presenting, following)
    assert viewer.state_label == "looping"
    source.advance(8.0)
    assert viewer.now() == pytest.approx(presenter.now())
    assert viewer.state_label == presenter.state_label == "playing"


def test_a_follower_over_nats_says_once_that_another_presenter_is_ignored() -> None:
    from mission_control.share.link import FollowLink, Setup

    source, presenter, presenting, viewer, _following = pair(speed=60.0)
    link = FollowLink(Setup("follow", "room", nats="nats://127.0.0.1:4222"), viewer, source)
    other = Presenting(clock(source), presenter="p2", by="bo@there", epoch=Epoch(source))
    for _ in range(3):
        state = presenting.due(None) or presenting.state(presenter.setting(), None)
        link.received(encode(state))
        link.received(encode(other.state(other.clock.setting(), None)))
        source.advance(HEARTBEAT_S)
    assert link.problems.take() == ["another presenter (bo@there) on room; ignored"]
    assert link.following.last is not None and link.following.last.presenter == "p1"


def test_a_follower_of_other_missions_says_so_once_and_follows_on() -> None:
    """Presenter and follower loaded different missions (another span, another auto law):
    the follower's clock would drift, so it says so, once, and keeps following."""
    from mission_control.clock import ReplayClock
    from mission_control.share.link import FollowLink, Setup

    source, presenter, presenting, same, _following = pair(speed=60.0)
    other = ReplayClock(source, start=LO, bounds=(LO, HI / 2), law=AutoSpeed(ANCHORS[:1]))
    links = [
        FollowLink(Setup("follow", "room", nats="nats://127.0.0.1:4222"), viewer, source)
        for viewer in (same, other)
    ]
    for _ in range(3):
        state = presenting.state(presenter.setting(), None)
        for link in links:
            link.received(encode(state))
        source.advance(HEARTBEAT_S)
    assert links[0].problems.take() == []
    said = links[1].problems.take()
    assert len(said) == 1 and "the presenter (ann@here) shows other missions" in said[0]
    assert links[1].following.mode is Mode.FOLLOWING
    assert decode(encode(state)).missions == presenting.missions
