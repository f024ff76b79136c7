"""A mission's events that happened, apart from those only planned (the text says they were
due): what its statuses, phases and arrival are worked out from, with each one's index among
all its events, so what is worked out from them points at the events the replay lists.
"""

from __future__ import annotations

import msgspec
from msgspec.structs import replace

from mission_control import status_rows
from mission_control.event_table import EventTable
from mission_control.status_rows import Setters
from mission_control.status_rules import Rules


class Happenings(msgspec.Struct, frozen=True):
    """A mission's events without those only planned, with their ticks and each one's index
    among all the events. ``launch_tick``, ``approach_tick`` and ``parts`` make it a
    :class:`~mission_control.phases.PhaseTrack`."""

    events: EventTable
    ticks: tuple[float, ...]
    index: tuple[int, ...]
    launch_tick: float | None = None
    approach_tick: float | None = None
    parts: dict[str, tuple[str, ...]] = msgspec.field(default_factory=dict)

    @classmethod
    def of(cls, table: EventTable, ticks: tuple[float, ...]) -> Happenings:
        planned = table.column("planned")
        if not any(planned):
            return cls(table, ticks, tuple(range(len(ticks))))
        kept = tuple(i for i, p in enumerate(planned) if not p)
        rows = table.rows
        return cls(
            EventTable.from_rows(tuple(rows[i] for i in kept)),
            tuple(ticks[i] for i in kept),
            kept,
        )

    def setters(self, rules: Rules) -> dict[tuple[str, str], Setters]:
        """:func:`status_rows.setters_of`, indexed among all the events."""
        found = status_rows.setters_of(self.events, self.ticks, rules)
        return {
            key: replace(s, indices=tuple(self.index[i] for i in s.indices))
            for key, s in found.items()
        }

    def releases(self, rules: Rules) -> dict[str, tuple[int, ...]]:
        """:func:`status_rows.releases_of`, indexed among all the events."""
        found = status_rows.releases_of(self.events, rules)
        return {part: tuple(self.index[i] for i in found[part]) for part in found}
