"""What the event log lists and what each of its lines says, without Textual: the filter,
the search (over every column, the quantities and the outcome) and each line's columns,
named by the element of the line each is drawn as."""

from __future__ import annotations

from collections.abc import Mapping

from mission_control.campaign import Campaign, MissionTrack
from mission_control.event_time import event_when
from mission_control.glyphs import GLYPHS
from mission_control.model import QuantityText, Status
from mission_control.presentation.formatting import event_key, event_met, part_label
from mission_control.status_rules import Rules

WIDE_WIDTH = 70
"""From this width the log shows every column; below it, UTC, craft and summary only."""

FILTER_ALL = "all"
FILTER_FAILURES = "failures"

SEARCH_IN_PLACE = 5_000
"""A search that must first read more events than this reads them in a thread: the log
lists its lines when that is done, and the dashboard keeps running meanwhile."""

Quantities = Mapping[str, tuple[QuantityText, ...]]
"""Formatted quantities by event key."""

Column = tuple[str, str]
"""A column's text, and the element it is drawn as: ``time``, ``craft``, ``part``,
``summary``, ``failed`` (a failure's summary), ``planned`` (the summary of an event only
due) or ``quantities``."""


def failure_mark(rules: Rules, kind: str, outcome: str) -> str:
    """The glyph before a failure's summary: that of the most severe status ``rules`` give
    the event (``▲`` where they say caution), so the log, the time strip and the status
    panels agree; ``✖`` for a failure no rule grades."""
    severity = rules.severity(kind, outcome)
    if severity is None or severity.severity < Status.CAUTION.severity:
        return GLYPHS[Status.CRITICAL]
    return GLYPHS[severity]


def marked_summary(mark: str, summary: str) -> str:
    """A summary as the log writes it: after its failure's mark, if it has one."""
    return f"{mark} {summary}" if mark else summary


def filter_label(log_filter: str, names: Mapping[str, str]) -> str:
    """How a filter is named on screen: ``all``, ``failures only``, ``Mars 6 only``."""
    if log_filter == FILTER_ALL:
        return "all events"
    if log_filter == FILTER_FAILURES:
        return "failures only"
    return f"{names.get(log_filter, log_filter)} only"


def nothing_listed(log_filter: str, search: str, names: Mapping[str, str]) -> str | None:
    """What an empty log says when its search or filter let no event so far through; None
    when neither is set (an empty log then only means nothing has happened yet)."""
    if search:
        return f"no event so far matches “{search}” (/ to search again)"
    if log_filter != FILTER_ALL:
        return f"no event so far: showing {filter_label(log_filter, names)} (f for more)"
    return None


def quantity_text(key: str, quantities: Quantities | None, units: str) -> str:
    """The event's quantities in ``units``, ``; ``-separated; empty before they are listed."""
    if quantities is None:
        return ""
    return "; ".join(q.in_system(units) for q in quantities.get(key, ()))


class EventLines:
    """The campaign's events as the log's lines: which pass a filter and a search, and the
    columns of each. What a filter or search reads is read once, when first needed."""

    def __init__(self, campaign: Campaign) -> None:
        self.events = campaign.all_events()
        self.rules = campaign.rules
        self.tracks: dict[str, MissionTrack] = {t.mission.id: t for t in campaign.tracks}
        self.names = {k: t.mission.name for k, t in self.tracks.items()}
        self._failed: list[bool] = []
        self._mission_ids: list[str] = []
        self._keys: list[str] = []
        """Each event's outcome, mission and key, in replay order, read without making the
        events (see ``_read_columns``), when a filter or search first needs them."""
        self._haystacks: dict[int, tuple[str, str]] = {}
        """Each event's searchable text, casefolded, before and after its quantities: every
        column (whatever the width), then the kind, part and outcome."""

    def __len__(self) -> int:
        return len(self.events)

    def _read_columns(self) -> None:
        """What filters and searches look at, for every event, in replay order."""
        if self._keys:
            return
        self._failed = [outcome is not None for outcome in self.events.column("outcome")]
        self._mission_ids = self.events.column("mission_id")
        indices = self.events.column("index")
        self._keys = [f"{m}#{i}" for m, i in zip(self._mission_ids, indices, strict=True)]

    def matching(
        self,
        start: int,
        stop: int,
        log_filter: str,
        search: str,
        quantities: Quantities | None,
        units: str,
    ) -> list[int]:
        """The events in ``range(start, stop)`` that the filter and search let through."""
        needle = search.casefold()
        if log_filter == FILTER_ALL and not needle:
            return list(range(start, stop))
        self._read_columns()
        if log_filter == FILTER_FAILURES:
            found = [i for i in range(start, stop) if self._failed[i]]
        elif log_filter != FILTER_ALL:
            found = [i for i in range(start, stop) if self._mission_ids[i] == log_filter]
        else:
            found = list(range(start, stop))
        if not needle:
            return found
        matches = []
        for index in found:
            before, after = self.haystack(index)
            described = quantity_text(self._keys[index], quantities, units).casefold()
            text = f"{before} · {described} {after}" if described else f"{before} {after}"
            if needle in text:
                matches.append(index)
        return matches

    def haystack(self, index: int) -> tuple[str, str]:
        """Event ``index``'s searchable text, read once."""
        text = self._haystacks.get(index)
        if text is None:
            event = self.events[index][1]
            before = " ".join(field for field, _ in self.columns(index, wide=True))
            after = " ".join([event.kind, event.part, event.outcome or ""])
            text = self._haystacks[index] = (before.casefold(), after.casefold())
        return text

    def search_waits(self, search: str, start: int, stop: int) -> bool:
        """Whether searching ``range(start, stop)`` must first read more events' text than
        is done in place (see :data:`SEARCH_IN_PLACE`)."""
        if not search or len(self._haystacks) == len(self.events):
            return False
        return stop - start > SEARCH_IN_PLACE

    def columns(self, index: int, *, wide: bool) -> list[Column]:
        """The line's fields before its quantities, and the element each is drawn as."""
        event = self.events[index][1]
        track = self.tracks[event.mission_id]
        mark = self.mark(index)
        summary = marked_summary(mark, event.summary)
        fields = [(event_when(event, style="column"), "time")]
        if wide:
            fields.append((event_met(event, track).replace(" ", "").ljust(14), "time"))
        fields.append((track.mission.name.ljust(6), "craft"))
        if wide:
            fields.append((part_label(event.part).ljust(6), "part"))
        # A planned event (one only due) is drawn apart from the happenings; its summary
        # says "planned".
        element = "failed" if event.failed else "planned" if event.planned else "summary"
        fields.append((summary, element))
        return fields

    def mark(self, index: int) -> str:
        """The glyph before a failure's summary (see :func:`failure_mark`); an empty string
        for an event that is no failure."""
        event = self.events[index][1]
        if event.outcome is None:
            return ""
        return failure_mark(self.rules, event.kind, event.outcome)

    def line(
        self, index: int, *, wide: bool, quantities: Quantities | None, units: str
    ) -> list[Column]:
        """Every column of the line: its fields, then its quantities if it has any."""
        columns = self.columns(index, wide=wide)
        described = quantity_text(event_key(self.events[index][1]), quantities, units)
        if described:
            columns.append((f"· {described}", "quantities"))
        return columns

    def title(self, passed: int, log_filter: str, search: str, *, searching: bool) -> str:
        """What the log holds, for its title."""
        title = f"Event log · {passed} of {len(self.events)} events passed"
        title += f" · showing {filter_label(log_filter, self.names)}"
        if search:
            title += f" matching “{search}”"
        if searching:
            title += " (searching…)"
        return title
