"""Frozen records that every other module speaks in: missions, events, quantities, statuses."""

from __future__ import annotations

import enum
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from dateutil.relativedelta import relativedelta

EVENT_KINDS: tuple[str, ...] = (
    "launch",
    "course-correction",
    "orbit-insertion",
    "separation",
    "atmospheric-entry",
    "parachute",
    "retro-fire",
    "landing",
    "loss-of-contact",
    "flyby",
    "last-contact",
    "other",
)

PARTS: tuple[str, ...] = ("spacecraft", "bus", "lander", "orbiter")


class Precision(enum.IntEnum):
    """How finely the text states a time; a time is never shown finer than this."""

    YEAR = 0
    MONTH = 1
    DAY = 2
    MINUTE = 3
    SECOND = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    def span(self, start: datetime) -> datetime:
        """The end of the interval of this precision that begins at ``start``."""
        return start + _STEPS[self]


_STEPS: dict[Precision, relativedelta | timedelta] = {
    Precision.YEAR: relativedelta(years=1),
    Precision.MONTH: relativedelta(months=1),
    Precision.DAY: timedelta(days=1),
    Precision.MINUTE: timedelta(minutes=1),
    Precision.SECOND: timedelta(seconds=1),
}


@dataclass(frozen=True)
class StatedTime:
    """A UTC time as the text states it: the start of an interval as long as its precision."""

    start: datetime
    precision: Precision

    def __post_init__(self) -> None:
        if self.start.tzinfo is None:
            raise ValueError("StatedTime needs a timezone-aware datetime")

    @property
    def end(self) -> datetime:
        return self.precision.span(self.start)

    @property
    def has_time_of_day(self) -> bool:
        return self.precision >= Precision.MINUTE

    def iso(self) -> str:
        """ISO 8601 text cut at the stated precision (``1974-03-12T09:05:53Z``, ``1974-03``)."""
        s = self.start.astimezone(UTC)
        formats = {
            Precision.YEAR: "%Y",
            Precision.MONTH: "%Y-%m",
            Precision.DAY: "%Y-%m-%d",
            Precision.MINUTE: "%Y-%m-%dT%H:%MZ",
            Precision.SECOND: "%Y-%m-%dT%H:%M:%SZ",
        }
        return s.strftime(formats[self.precision])


@dataclass(frozen=True)
class Provenance:
    """Where a fact came from: the file, the exact sentence, its character offsets and line."""

    source: str
    sentence: str
    span: tuple[int, int]
    line: int


@dataclass(frozen=True)
class Quantity:
    """A quantity as written, with its value(s) in the unit the text used.

    ``value`` is one number or a ``(from, to)`` pair for a range such as ``5,600 to 600``.
    ``stated`` is the text's own conversion in parentheses, read the same way, if any.
    """

    text: str
    value: float | tuple[float, float]
    unit: str
    stated: Quantity | None = None
    sig_figs: int = 3

    @property
    def values(self) -> tuple[float, ...]:
        return self.value if isinstance(self.value, tuple) else (self.value,)


@dataclass(frozen=True)
class Event:
    """One dated statement of something that happened to a spacecraft.

    ``at`` is where the replay places the event on the UTC timeline: the start of its stated
    interval, or for an ``approximate`` event (one the text only orders between two timed
    events) the middle of ``window``. It orders events; it is never shown as a stated time.
    """

    mission_id: str
    index: int
    kind: str
    part: str
    time: StatedTime
    at: datetime
    summary: str
    provenance: tuple[Provenance, ...]
    outcome: str | None = None
    quantities: tuple[Quantity, ...] = ()
    approximate: bool = False
    window: tuple[datetime, datetime] | None = None

    @property
    def id(self) -> str:
        return f"{self.mission_id}:{self.kind}"

    @property
    def failed(self) -> bool:
        return self.outcome is not None

    @property
    def sentence(self) -> str:
        return " ".join(p.sentence for p in self.provenance)

    @property
    def timed(self) -> bool:
        """True for an event stated to the minute or finer and not merely ordered."""
        return self.time.has_time_of_day and not self.approximate


@dataclass(frozen=True)
class Mission:
    """Everything derived from one source document."""

    id: str
    name: str
    source: str
    metadata: dict[str, str | None]
    instruments: dict[str, tuple[str, ...]]
    events: tuple[Event, ...]
    warnings: tuple[str, ...] = ()
    systems: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def launch(self) -> Event | None:
        return next((e for e in self.events if e.kind == "launch"), None)


class Status(enum.Enum):
    """The usual mission-control status scale, plus unknown for what no source states."""

    OFF = "off"
    STANDBY = "standby"
    NORMAL = "normal"
    CAUTION = "caution"
    SERIOUS = "serious"
    CRITICAL = "critical"
    UNKNOWN = "unknown"

    @property
    def severity(self) -> int:
        order = ["unknown", "off", "standby", "normal", "caution", "serious", "critical"]
        return order.index(self.value)


@dataclass(frozen=True)
class SubsystemState:
    """The status of one subsystem of one part, and the event that set it (if any)."""

    name: str
    status: Status
    since: Event | None = None
    reason: str | None = None


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that hold no cycles.

    Unpickling or preparing a mission of 100,000 events creates about a million objects;
    without this the collector rescans them again and again and triples the time taken.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
