"""Frozen records that every other module speaks in: events, stated times, quantities,
statuses (a whole mission is in ``mission``).

The records are msgspec Structs rather than dataclasses: a frozen dataclass is made by
compiling generated source for each of its methods, which for the records the dashboard
imports cost about a fifth of its start-up; a Struct's class and instances are made in C.
"""

from __future__ import annotations

import enum
from collections.abc import ItemsView, Iterator, ValuesView
from datetime import UTC, datetime, timedelta

import msgspec

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
    "deactivation",
    "decay",
    "other",
)

PARTS = ("spacecraft", "bus", "lander", "orbiter", "capsule", "rover", "penetrator")


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

    @property
    def posix_seconds(self) -> float | None:
        """How many POSIX seconds an interval of this precision lasts, when that is fixed
        (a second, a minute, a day); None for a month or a year."""
        step = _STEPS.get(self)
        return None if step is None else step.total_seconds()

    def span(self, start: datetime) -> datetime:
        """The end of the interval of this precision that begins at ``start``."""
        step = _STEPS.get(self)
        if step is not None:
            return start + step
        from dateutil.relativedelta import relativedelta

        if self is Precision.YEAR:
            return start + relativedelta(years=1)
        return start + relativedelta(months=1)


PRECISIONS: tuple[Precision, ...] = tuple(Precision)
"""Every precision, indexed by its value (a quicker look-up than calling the enum)."""

# A month or a year is a calendar step (dateutil's relativedelta, imported when needed).
_STEPS: dict[Precision, timedelta] = {
    Precision.DAY: timedelta(days=1),
    Precision.MINUTE: timedelta(minutes=1),
    Precision.SECOND: timedelta(seconds=1),
}


class StatedTime(msgspec.Struct, frozen=True):
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


class Provenance(msgspec.Struct, frozen=True):
    """Where a fact came from: the file, the exact sentence, its character offsets and line."""

    source: str
    sentence: str
    span: tuple[int, int]
    line: int


UNIT_SYSTEMS: tuple[str, ...] = ("si", "imperial")
"""The unit systems a quantity is shown in; here, where the command line can name them without
importing ``units``, which the dashboard's start never needs."""


class QuantityText(msgspec.Struct, frozen=True):
    """One quantity as every view shows it, in both unit systems and with both conversions."""

    written: str
    si: str
    imperial: str
    stated: str | None
    """The text's own conversion, as written (``30,000 mi``)."""
    pint: str | None
    """pint's conversion of the main value into the stated conversion's unit."""
    warning: str | None
    """Why the text's conversion disagrees with pint's, if it does."""

    def in_system(self, system: str) -> str:
        return self.si if system == "si" else self.imperial


class Quantity(msgspec.Struct, frozen=True):
    """A quantity as written, with its value(s) in the unit the text used.

    ``value`` is one number or a ``(from, to)`` pair for a range such as ``5,600 to 600``.
    ``stated`` is the text's own conversion in parentheses, read the same way, if any: the
    figure shown in the other unit system where that system uses its unit, in place of pint's.
    ``shown`` is the quantity formatted for display, which the reader fills in so that a
    mission read from the cache can be shown without loading pint.
    """

    text: str
    value: float | tuple[float, float]
    unit: str
    stated: Quantity | None = None
    sig_figs: int = 3
    shown: QuantityText | None = None

    def _compared(self) -> tuple[object, ...]:
        # ``shown`` is derived from the rest, and may be missing, so it is not compared.
        return (self.text, self.value, self.unit, self.stated, self.sig_figs)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Quantity):
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    @property
    def values(self) -> tuple[float, ...]:
        return self.value if isinstance(self.value, tuple) else (self.value,)


class Event(msgspec.Struct, frozen=True):
    """One dated statement of something that happened to a spacecraft.

    ``at`` is where the replay places the event on the UTC timeline: the start of its stated
    interval, or for an ``approximate`` event (one the text only orders between two timed
    events) the middle of ``window``. It orders events; it is never shown as a stated time.
    A ``planned`` event is one the text says was due (to land on a date): it is listed and
    shown as planned, and never taken to have happened.
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
    planned: bool = False

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


class SubsystemState(msgspec.Struct, frozen=True):
    """The status of one subsystem of one part, the event that set it (if any), and the
    event still to come that sets it next (if any)."""

    name: str
    status: Status
    since: Event | None = None
    reason: str | None = None
    role: str = "system"
    """What the row is: ``part``, the part's own state (attached, separated); ``system``, one
    of its systems; ``shared``, a system only the text of another mission speaks of for a
    part of the same name (a twin craft's); or ``instrument``, one the text says it
    carried."""
    coming: Event | None = None
    """The next event that sets this row, when one is still to come."""
    during: bool = False
    """Whether the moment lies in the window of :attr:`coming` (an event known only to
    lie between two stated times): the text says it happened in it, not when."""
    derived: bool = False
    """Whether no rule states this row's status but it follows from :attr:`since` (a
    lander is attached to its bus until its separation)."""

    @property
    def never_set(self) -> bool:
        """Whether no event of the mission sets this row, before or after the moment."""
        return self.since is None and self.coming is None


class PartState(msgspec.Struct, frozen=True):
    """One part of one craft at one moment: its phase and every row, its own state first,
    then its systems, then its instruments. Read like a mapping of the rows by name."""

    part: str
    phase: str
    rows: dict[str, SubsystemState]
    phase_derived: bool = False
    """Whether no sentence states the phase (a flyby's "heliocentric orbit")."""

    def __getitem__(self, name: str) -> SubsystemState:
        return self.rows[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __contains__(self, name: object) -> bool:
        return name in self.rows

    def items(self) -> ItemsView[str, SubsystemState]:
        return self.rows.items()

    def values(self) -> ValuesView[SubsystemState]:
        return self.rows.values()
