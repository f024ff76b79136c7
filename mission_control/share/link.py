"""What the dashboard holds of a shared replay: the options checked and the socket claimed
before the terminal is taken over (:func:`prepare`), then a link the app polls with its
display timer and runs as a task in its event loop. No Textual here: the app asks the link
what to show and tells it what the viewer did."""

from __future__ import annotations

import argparse
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from mission_control.clock import ReplayClock, TimeSource
from mission_control.share.places import Claim, Place, PlaceError, check_socket, claim, place_of
from mission_control.share.protocol import MessageError, check_name, decode, encode
from mission_control.share.session import Following, Mode, Presenting

__all__ = ["FollowLink", "Link", "PresentLink", "Setup", "SetupError", "prepare"]


OTHER_MISSIONS = (
    "the presenter ({by}) shows other missions than this dashboard: following its clock, "
    "which may drift; start both with the same missions"
)
"""Said once per presenter. The follower keeps following rather than refusing: the time
and the controls still match, and a kiosk that stopped would show nothing useful."""


class SetupError(Exception):
    """Shared-replay options that cannot be used; one line naming the value."""


class Transport(Protocol):
    def run(self) -> Awaitable[None]: ...


@dataclass
class Setup:
    """A shared replay's options, checked: the role, the name, and where the messages go."""

    role: Literal["present", "follow"]
    name: str
    place: Place | None = None
    claim: Claim | None = None
    nats: str | None = None

    def link(self, clock: ReplayClock, source: TimeSource) -> Link:
        """The app's side of the shared replay, over ``clock``."""
        if self.role == "present":
            return PresentLink(self, clock)
        return FollowLink(self, clock, source)

    def release(self) -> None:
        """Give the socket back (the dashboard has ended)."""
        if self.claim is not None:
            self.claim.release()


def prepare(args: argparse.Namespace) -> Setup | None:
    """The shared replay the options ask for, None for none. A presenter's socket is bound
    here, so a second presenter of the same name is told before the terminal is taken over.
    SetupError for options that do not go together, an unsafe name, an unknown group, a
    socket that is another user's or already presented."""
    present, follow = getattr(args, "present", None), getattr(args, "follow", None)
    group, share = getattr(args, "group", None), getattr(args, "share", None)
    if present is not None and follow is not None:
        raise SetupError("--present and --follow cannot be given together")
    if present is None and follow is None:
        for option, value in (("--group", group), ("--share", share)):
            if value is not None:
                raise SetupError(f"{option} {value!r} needs --present or --follow")
        return None
    role: Literal["present", "follow"] = "present" if present is not None else "follow"
    name = present if present is not None else follow
    assert name is not None
    try:
        check_name(name)
        if share is not None:
            if group is not None:
                raise SetupError("--group is for the local socket, not with --share")
            from mission_control.share import nats

            return Setup(role, nats.check_name(name), nats=nats.check_url(share))
        place = place_of(name, group)
        if role == "present":
            return Setup(role, name, place, claim(place, name))
        check_socket(place)
        return Setup(role, name, place)
    except (PlaceError, ValueError) as exc:
        raise SetupError(f"--{role} {name}: {exc}") from None


async def _run(transport: Transport, problems: Callable[[str], None]) -> None:
    """Run ``transport`` until cancelled; if it fails, one line says so, and the dashboard
    runs on, on its own clock."""
    try:
        await transport.run()
    except Exception as exc:  # whatever the transport met: a line, never a traceback
        problems(f"the shared replay stopped: {exc or type(exc).__name__}")


def _who() -> str:
    user = os.environ.get("USER") or os.environ.get("LOGNAME") or f"uid {os.getuid()}"
    return f"{user}@{socket.gethostname()}"  # made printable and short by the message


@dataclass
class _Problems:
    """Lines to tell the viewer, each once in a row."""

    new: list[str] = field(default_factory=list)
    last: str | None = None

    def __call__(self, line: str) -> None:
        if line != self.last:
            self.new.append(line)
            self.last = line

    def take(self) -> list[str]:
        new, self.new = self.new, []
        return new


class Link(Protocol):
    """What the app asks of either end."""

    name: str
    role: str
    problems: _Problems

    def poll(self, focus: str | None) -> None: ...
    def focus(self, current: str | None) -> str | None: ...
    def status(self) -> str: ...
    def detach(self) -> bool: ...
    def rejoin(self) -> bool: ...
    async def run(self) -> None: ...


class PresentLink:
    """The presenter: sends its state on every change and each second."""

    role = "present"

    def __init__(self, setup: Setup, clock: ReplayClock) -> None:
        self.name = setup.name
        self.problems = _Problems()
        self.presenting = Presenting(clock, presenter=uuid.uuid4().hex[:12], by=_who())
        self._focus: str | None = None
        self._transport: Transport
        self._send: Callable[[bytes], None]
        self._viewers: Callable[[], int | None]
        if setup.claim is not None:
            from mission_control.share.unix import UnixPresenter

            unix = UnixPresenter(setup.claim, self._hello)
            self._transport, self._send = unix, unix.send
            self._viewers = lambda: unix.viewers
        else:
            from mission_control.share.nats import NatsPresenter

            assert setup.nats is not None
            nats = NatsPresenter(setup.nats, setup.name, on_problem=self.problems)
            self._transport, self._send = nats, nats.send
            self._viewers = lambda: None

    def _hello(self) -> bytes:
        """The state for a follower that has just connected."""
        return encode(self.presenting.state(self.presenting.clock.setting(), self._focus))

    def poll(self, focus: str | None) -> None:
        self._focus = focus
        state = self.presenting.due(focus)
        if state is not None:
            self._send(encode(state))

    def focus(self, current: str | None) -> str | None:
        return current

    def status(self) -> str:
        viewers = self._viewers()
        if viewers is None:
            return f"presenting {self.name}"
        return f"presenting {self.name} · {viewers} following"

    def detach(self) -> bool:
        return False

    def rejoin(self) -> bool:
        return False

    async def run(self) -> None:
        await _run(self._transport, self.problems)


class FollowLink:
    """A follower: its clock runs the presenter's course unless the viewer detached."""

    role = "follow"

    def __init__(self, setup: Setup, clock: ReplayClock, source: TimeSource) -> None:
        self.name = setup.name
        self.problems = _Problems()
        self.following = Following(clock, source, across_hosts=setup.nats is not None)
        self._told: str | None = None
        """The presenter told of as replaying other missions."""
        self._transport: Transport
        if setup.place is not None:
            from mission_control.share.unix import UnixFollower

            self._transport = UnixFollower(
                setup.place, on_line=self.received, on_lost=self.following.lost,
                on_problem=self.problems,
            )  # fmt: skip
        else:
            from mission_control.share.nats import NatsFollower

            assert setup.nats is not None
            self._transport = NatsFollower(
                setup.nats, setup.name, on_line=self.received, on_problem=self.problems
            )

    def received(self, line: bytes) -> None:
        """A line from the presenter: its state taken, or one line saying what was wrong."""
        try:
            state = decode(line)
        except MessageError as exc:
            self.problems(f"{exc}; ignored")
            return
        if not self.following.receive(state) and self.following.ignored is state:
            self.problems(f"another presenter ({state.by}) on {self.name}; ignored")
        elif (
            self.following.last is state
            and self.following.other_missions()
            and self._told != state.presenter
        ):
            self._told = state.presenter
            self.problems(OTHER_MISSIONS.format(by=state.by))

    def poll(self, focus: str | None) -> None:
        """Nothing to send: :meth:`status` asks whether the presenter is still heard."""

    def focus(self, current: str | None) -> str | None:
        last = self.following.last
        if last is None or self.following.mode is Mode.DETACHED:
            return current
        return last.focus

    def status(self) -> str:
        return self.following.status(self.name)

    def detach(self) -> bool:
        return self.following.detach()

    def rejoin(self) -> bool:
        return self.following.rejoin()

    async def run(self) -> None:
        await _run(self._transport, self.problems)
