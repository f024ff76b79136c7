"""The event log while a mission is in focus (``m``): only that mission's events are listed,
as only its status panels are shown, and the log's title and its empty line say so.

The log's own filter (``f``) still applies within the focus: failures of the mission in
focus, or, with the other mission chosen, nothing (and the empty line says why).
"""

from __future__ import annotations

from collections.abc import Mapping

from mission_control.campaign import CampaignEvents
from mission_control.presentation.event_lines import FILTER_ALL, FILTER_FAILURES, nothing_listed

__all__ = ["LogFocus"]


class LogFocus:
    """Which of the log's events belong to the mission in focus, and what the log says of it."""

    def __init__(self, events: CampaignEvents, names: Mapping[str, str]) -> None:
        self._events = events
        self.names = names
        self._mission_ids: list[str] | None = None
        """Each event's mission, in replay order, read when a focus first needs it."""

    def log_filter(self, log_filter: str, focus_id: str | None) -> str:
        """The filter to list with: with a mission in focus, "all events" means all of its."""
        return focus_id if focus_id is not None and log_filter == FILTER_ALL else log_filter

    def keep(self, indices: list[int], focus_id: str | None) -> list[int]:
        """Those of ``indices`` (positions in replay order) that are the focused mission's."""
        if focus_id is None:
            return indices
        if self._mission_ids is None:
            self._mission_ids = self._events.column("mission_id")
        ids = self._mission_ids
        return [i for i in indices if ids[i] == focus_id]

    def title(self, log_filter: str, focus_id: str | None) -> str:
        """What the log's title adds: the mission in focus, and the key that shows all. (With
        no other filter the title already names the mission: ``showing Mars 6 only``.)"""
        if focus_id is None:
            return ""
        if log_filter in (FILTER_ALL, focus_id):
            return ", in focus (m for all)"
        return f" · {self._name(focus_id)} in focus (m for all)"

    def nothing_listed(self, log_filter: str, search: str, focus_id: str | None) -> str | None:
        """What an empty log says: why nothing is listed, the focus included."""
        if focus_id is None:
            return nothing_listed(log_filter, search, self.names)
        name = self._name(focus_id)
        if search:
            return f"no {name} event so far matches “{search}” (/ to search again, m for all)"
        if log_filter == FILTER_FAILURES:
            return f"no {name} failure so far (f, m for more)"
        if log_filter not in (FILTER_ALL, focus_id):
            other = self._name(log_filter)
            return f"nothing: showing {other} only, {name} in focus (f, m for more)"
        return f"no {name} event so far (m for all missions)"

    def _name(self, mission_id: str) -> str:
        return self.names.get(mission_id, mission_id)
