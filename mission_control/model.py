"""Frozen records that every other module speaks in: missions, events, quantities, statuses.

The records are msgspec Structs rather than dataclasses: a frozen dataclass is made by
compiling generated source for each of its methods, which for the eighteen records the
dashboard imports cost about a fifth of its start-up; a Struct's class and instances are
made in C.
"""

from __future__ import annotations

import enum
import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any, overload

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
    ``stated`` is the text's own conversion in parentheses, read the same way, if any.
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


# Where each of an event's values sits in an EventTable row. Moments are POSIX seconds
# (floats): ``start`` and ``at`` (None when it is the start), and ``window`` as a pair.
_ROW = (
    "mission_id",
    "index",
    "kind",
    "part",
    "start",
    "precision",
    "at",
    "summary",
    "provenance",
    "outcome",
    "quantities",
    "approximate",
    "window",
)
_COLUMN = {name: i for i, name in enumerate(_ROW)}


def _row(e: Event) -> tuple[Any, ...]:
    start = e.time.start.timestamp()
    at = e.at.timestamp()
    return (
        e.mission_id,
        e.index,
        e.kind,
        e.part,
        start,
        int(e.time.precision),
        None if at == start else at,
        e.summary,
        tuple((p.source, p.sentence, p.span, p.line) for p in e.provenance),
        e.outcome,
        e.quantities,
        e.approximate,
        None if e.window is None else (e.window[0].timestamp(), e.window[1].timestamp()),
    )


def _utc(posix: float) -> datetime:
    return datetime.fromtimestamp(posix, UTC)


def _event(row: tuple[Any, ...]) -> Event:
    mission_id, index, kind, part, start, precision, at, summary, prov, *rest = row
    outcome, quantities, approximate, window = rest
    begin = _utc(start)
    return Event(
        mission_id=mission_id,
        index=index,
        kind=kind,
        part=part,
        time=StatedTime(begin, PRECISIONS[precision]),
        at=begin if at is None else _utc(at),
        summary=summary,
        provenance=tuple(Provenance(*p) for p in prov),
        outcome=outcome,
        quantities=quantities,
        approximate=approximate,
        window=None if window is None else (_utc(window[0]), _utc(window[1])),
    )


class EventTable(Sequence[Event]):
    """A mission's events in order, kept as rows of plain values until each is looked at.

    A mission may hold a hundred thousand events. Unpickling that many nested records
    takes several times longer than unpickling the same values as tuples, and preparing a
    replay needs only a few of their values, so the table pickles as rows, reads whole
    columns (:meth:`column`) without making events, and makes each :class:`Event` on first
    access, then keeps it. Its moments are kept as POSIX seconds; an event made from a row
    has them as UTC datetimes.
    """

    __slots__ = ("_made", "_rows")

    def __init__(self, events: Iterable[Event] = ()) -> None:
        made = list(events)
        self._rows: tuple[tuple[Any, ...], ...] = tuple(_row(e) for e in made)
        self._made: list[Event | None] = list(made)

    @classmethod
    def of(cls, events: Iterable[Event]) -> EventTable:
        return events if isinstance(events, EventTable) else cls(events)

    @classmethod
    def from_rows(cls, rows: tuple[tuple[Any, ...], ...]) -> EventTable:
        table = cls.__new__(cls)
        table._rows = rows
        table._made = [None] * len(rows)
        return table

    def __reduce__(self) -> tuple[Any, ...]:
        return (EventTable.from_rows, (self._rows,))

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, i: int) -> Event: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Event, ...]: ...
    def __getitem__(self, i: int | slice) -> Event | tuple[Event, ...]:
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(len(self._rows))))
        event = self._made[i]
        if event is None:
            event = self._made[i] = _event(self._rows[i])
        return event

    def __iter__(self) -> Iterator[Event]:
        for i in range(len(self._rows)):
            yield self[i]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EventTable):
            return self._rows == other._rows
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._rows)

    def __repr__(self) -> str:
        return f"EventTable({list(self)!r})"

    def made(self, i: int) -> bool:
        """Whether event ``i`` has been made yet (looked at, or given as an Event)."""
        return self._made[i] is not None

    def column(self, name: str) -> list[Any]:
        """One value of every event, without making the events: ``kind``, ``part``,
        ``outcome``, ``approximate``, ``precision`` (an int), and the moments ``start``,
        ``at`` and ``window`` (a pair, or None) in POSIX seconds."""
        if name == "at":
            s, a = _COLUMN["start"], _COLUMN["at"]
            return [r[s] if r[a] is None else r[a] for r in self._rows]
        position = _COLUMN[name]
        return [r[position] for r in self._rows]

    def first(self, name: str, values: Iterable[object]) -> int | None:
        """The index of the first event whose ``name`` value is one of ``values``."""
        wanted = set(values)
        position = _COLUMN[name]
        return next((i for i, r in enumerate(self._rows) if r[position] in wanted), None)


class Mission(msgspec.Struct, frozen=True):
    """Everything derived from one source document. ``events`` may be given as any sequence
    of events; it is kept as an :class:`EventTable`."""

    id: str
    name: str
    source: str
    metadata: dict[str, str | None]
    instruments: dict[str, tuple[str, ...]]
    events: Sequence[Event]
    warnings: tuple[str, ...] = ()
    systems: dict[str, tuple[str, ...]] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        msgspec.structs.force_setattr(self, "events", EventTable.of(self.events))

    @property
    def table(self) -> EventTable:
        """The events as an :class:`EventTable` (they always are one)."""
        assert isinstance(self.events, EventTable)
        return self.events

    @property
    def launch(self) -> Event | None:
        index = self.table.first("kind", ["launch"])
        return None if index is None else self.events[index]


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
    """The status of one subsystem of one part, and the event that set it (if any)."""

    name: str
    status: Status
    since: Event | None = None
    reason: str | None = None


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that hold no cycles.

    Unpickling or preparing a mission of 100,000 events creates hundreds of thousands of
    objects; without this the collector rescans them again and again and triples the time
    taken. On the way out they are kept out of its sight for good (:func:`resume_gc`).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            resume_gc()


def resume_gc() -> None:
    """Turn the collector back on after building what lives as long as the program.

    Everything it tracks now is moved to its permanent generation (``gc.freeze``), so the
    first collection does not scan all of that once more, nor does any later full one.
    """
    gc.freeze()
    gc.enable()
