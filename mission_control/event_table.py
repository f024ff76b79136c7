"""A mission's events as a table of plain rows, each made into an :class:`Event` only when
it is looked at: how a mission of a hundred thousand events is kept, pickled and read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, overload

from mission_control.model import PRECISIONS, Event, Provenance, StatedTime

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
    "planned",
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
        tuple([(p.source, p.sentence, p.span, p.line) for p in e.provenance]),
        e.outcome,
        e.quantities,
        e.approximate,
        None if e.window is None else (e.window[0].timestamp(), e.window[1].timestamp()),
        e.planned,
    )


def _utc(posix: float) -> datetime:
    return datetime.fromtimestamp(posix, UTC)


def _event(row: tuple[Any, ...]) -> Event:
    mission_id, index, kind, part, start, precision, at, summary, prov, *rest = row
    outcome, quantities, approximate, window, planned = rest
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
        planned=planned,
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

    __slots__ = ("_first", "_made", "_rows")

    def __init__(self, events: Iterable[Event] = ()) -> None:
        made = list(events)
        self._rows: tuple[tuple[Any, ...], ...] = tuple(_row(e) for e in made)
        self._made: list[Event | None] = list(made)
        self._first: dict[tuple[str, frozenset[object]], int | None] = {}

    @classmethod
    def of(cls, events: Iterable[Event]) -> EventTable:
        return events if isinstance(events, EventTable) else cls(events)

    @classmethod
    def from_rows(cls, rows: tuple[tuple[Any, ...], ...]) -> EventTable:
        table = cls.__new__(cls)
        table._rows = rows
        table._made = [None] * len(rows)
        table._first = {}
        return table

    def __reduce__(self) -> tuple[Any, ...]:
        return (EventTable.from_rows, (self._rows,))

    @property
    def rows(self) -> tuple[tuple[Any, ...], ...]:
        """The rows, as :meth:`from_rows` takes them (how the cache keeps a table)."""
        return self._rows

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

    def column(self, name: str) -> list[Any]:
        """One value of every event, without making the events: ``kind``, ``part``,
        ``outcome``, ``approximate``, ``planned``, ``precision`` (an int), and the moments
        ``start``, ``at`` and ``window`` (a pair, or None) in POSIX seconds."""
        if name == "at":
            s, a = _COLUMN["start"], _COLUMN["at"]
            return [r[s] if r[a] is None else r[a] for r in self._rows]
        position = _COLUMN[name]
        return [r[position] for r in self._rows]

    def first(self, name: str, values: Iterable[object]) -> int | None:
        """The index of the first event whose ``name`` value is one of ``values``. The table
        never changes, so each answer is kept: a mission with no launch is asked for its
        launch once per event shown, and the answer is a scan of every row."""
        wanted = frozenset(values)
        key = (name, wanted)
        if key not in self._first:
            position = _COLUMN[name]
            rows = enumerate(self._rows)
            self._first[key] = next((i for i, r in rows if r[position] in wanted), None)
        return self._first[key]
