"""A mission: everything derived from one source document, its events kept as a table.

It lives apart from the records in ``model`` because its events are an ``EventTable``,
which is itself built from those records.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import msgspec

from mission_control.event_table import EventTable
from mission_control.model import Event


class Mission(msgspec.Struct, frozen=True):
    """Everything derived from one source document. ``events`` may be given as any sequence
    of events; it is kept as an :class:`~mission_control.event_table.EventTable`."""

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
        """The events as an :class:`EventTable` (:meth:`__post_init__` makes them one)."""
        return cast(EventTable, self.events)

    @property
    def launch(self) -> Event | None:
        """The first launch that happened (a launch only planned is not one)."""
        index = self.table.first("kind", ["launch"])
        if index is not None and self.events[index].planned:
            pairs = zip(self.table.column("kind"), self.table.column("planned"), strict=True)
            index = next((i for i, (k, p) in enumerate(pairs) if k == "launch" and not p), None)
        return None if index is None else self.events[index]
