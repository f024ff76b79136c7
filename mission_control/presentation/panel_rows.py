"""What a status panel shows for one part at one moment, as plain data: its title and phase,
a row for the part's own state and for each system some event concerns, then one wrapping
line of the systems only a twin craft's text speaks of ("? unknown: parachute, data"), and
one of the instruments no event concerns ("carried: magnetometer, ...").

A row whose status is still to be set by a coming event reads "awaits" (with that event's
day), or "during" and the window an event is known only to lie in; a row nothing in the
mission ever sets reads "unknown". Every row keeps its :class:`SubsystemState`, so the
reason line says what set it or what will.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

import msgspec

from mission_control.event_time import window_ends, window_of_days
from mission_control.glyphs import glyph
from mission_control.model import Event, PartState, Precision, Status, SubsystemState

AWAITS = "awaits"
DURING = "during"
CARRIED = "carried: "
OWN_WORDS = {
    Status.STANDBY: "attached",
    Status.CAUTION: "attached",
    Status.NORMAL: "separated",
}
"""The word of a part's own row by its status (see ``state._own_state``)."""


class PanelRow(msgspec.Struct, frozen=True):
    """One row: glyph, word and name, the element each is drawn as, and a note drawn at the
    row's right end where there is room (the coming event's day, a window)."""

    state: SubsystemState
    mark: str
    word: str
    name: str
    element: str
    """The style of the glyph and word: a status's value, or ``awaits``."""
    note: str = ""

    @property
    def unknown(self) -> bool:
        """Whether the row reads "unknown"."""
        return self.word == Status.UNKNOWN.value


class PanelView(msgspec.Struct, frozen=True):
    """A whole panel: its rows and the instruments it only lists."""

    title: str
    phase: str
    phase_derived: bool
    rows: tuple[PanelRow, ...]
    carried: tuple[str, ...]
    unstated: tuple[str, ...] = ()
    """Systems that only another mission's text speaks of for this part: unknown here."""

    @property
    def phase_label(self) -> str:
        """The phase as the panel's header writes it."""
        return f"{self.phase} (derived)" if self.phase_derived else self.phase


def panel_view(mission_name: str, part: PartState) -> PanelView:
    """The panel of ``part`` of the mission called ``mission_name``."""
    states = list(part.values())
    own = next((s for s in states if s.role == "part"), None)
    rows: list[PanelRow] = []
    carried: list[str] = []
    unstated: list[str] = []
    for state in states:
        if state.role == "instrument" and state.never_set:
            carried.append(state.name)
        elif state.role == "shared" and state.never_set:
            unstated.append(state.name)
        elif state is own:
            rows.append(_own_row(state))
        elif own is not None and _same_events(state, own):
            continue  # the part's own row says it (a lander's separation)
        else:
            rows.append(panel_row(state))
    return PanelView(
        title=f"{mission_name} {part.part}",
        phase=part.phase,
        phase_derived=part.phase_derived,
        rows=tuple(rows),
        carried=tuple(carried),
        unstated=tuple(unstated),
    )


def panel_row(state: SubsystemState) -> PanelRow:
    """A system's row (or an instrument's that some event sets)."""
    coming = state.coming
    if state.since is None and coming is not None:
        if state.during and coming.window is not None:
            mark = glyph(Status.STANDBY)
            return PanelRow(state, mark, DURING, state.name, AWAITS, window_text(coming))
        mark = glyph(Status.STANDBY)
        return PanelRow(state, mark, AWAITS, state.name, AWAITS, f"next {short_when(coming)}")
    note = window_text(coming) if state.during and coming is not None else ""
    mark = glyph(state.status)
    return PanelRow(state, mark, state.status.value, state.name, state.status.value, note)


def _own_row(state: SubsystemState) -> PanelRow:
    word = OWN_WORDS.get(state.status, state.status.value)
    note = ""
    if state.coming is not None:
        note = window_text(state.coming) if state.during else f"next {short_when(state.coming)}"
    mark = glyph(state.status)
    return PanelRow(state, mark, word, "", state.status.value, note)


def _same_events(state: SubsystemState, own: SubsystemState) -> bool:
    """Whether a row is set by the very events that set the part's own row, so says the
    same thing."""
    if state.since is None and state.coming is None:
        return False
    return state.since == own.since and state.coming == own.coming


def window_text(event: Event) -> str:
    """The window an event is known only to lie in: ``09:05:53–09:11:05``, ``3–5 May``."""
    ends = window_ends(event)
    if ends is None or event.window is None:
        return short_when(event)
    if not window_of_days(event):
        return f"{ends[0]}–{ends[1]}"
    start, end = event.window
    first = f"{start.day}" if start.month == end.month else f"{start.day} {start:%b}"
    return f"{first}–{end.day} {end:%b}"


def short_when(event: Event) -> str:
    """An event's day as briefly as the text states it: ``12 Mar``, ``12 Mar 09:11``,
    ``Mar 1974``, ``1974``."""
    start, precision = event.time.start, event.time.precision
    if precision >= Precision.MINUTE:
        return f"{start.day} {start:%b %H:%M}"
    if precision == Precision.DAY:
        return f"{start.day} {start:%b}"
    if precision == Precision.MONTH:
        return f"{start:%b %Y}"
    return f"{start:%Y}"


def listed_lines(view: PanelView, width: int, room: int | None = None) -> list[tuple[str, str]]:
    """The lines under the rows, each with the element it is drawn as: the systems unknown
    here (``? unknown: parachute, data``), then the instruments carried, each list wrapped
    at ``width`` cells between words. With ``room`` lines at most for the two, the carried
    list names as many instruments as fit and counts the rest (``+3 more``): a narrow
    panel would otherwise scroll its list out of sight."""
    lines: list[tuple[str, str]] = []
    if view.unstated:
        head = f"{glyph(Status.UNKNOWN)} {Status.UNKNOWN.value}:"
        lines += [(t, Status.UNKNOWN.value) for t in _wrapped(head, view.unstated, width)]
    left = None if room is None else max(1, room - len(lines))
    lines += [(t, "carried") for t in fitted_carried(view.carried, width, left)]
    return lines


def fitted_carried(names: Sequence[str], width: int, room: int | None) -> list[str]:
    """``carried: a, b, c`` wrapped at ``width`` cells in ``room`` lines at most: the first
    names that fit whole, then how many more there are."""
    full = _wrapped(CARRIED.rstrip(), names, width)
    if room is None or len(full) <= room:
        return full

    def with_more(shown: int) -> list[str]:
        return _wrapped(CARRIED.rstrip(), [*names[:shown], f"+{len(names) - shown} more"], width)

    # Naming one more instrument never takes fewer lines, so the most that fit are found
    # by halving: a few wraps, not one per instrument.
    fits, over = -1, len(names)
    while over - fits > 1:
        middle = (fits + over) // 2
        if len(with_more(middle)) <= room:
            fits = middle
        else:
            over = middle
    if fits >= 0:
        return with_more(fits)
    return _wrapped(CARRIED.rstrip(), [f"{len(names)}"], width)[:room]


def _wrapped(head: str, names: Sequence[str], width: int) -> list[str]:
    if not names or width <= 0:
        return []
    text = f"{head} {', '.join(names)}"
    return textwrap.wrap(text, width, subsequent_indent="  " if width > 8 else "")


def unknown_share(views: Iterable[PanelView]) -> tuple[int, int]:
    """How many of the panels' rows read "unknown", and how many rows they show in all; the
    line of systems unknown here counts as one row that reads "unknown", the carried line
    as none (it gives no status)."""
    unknown = total = 0
    for view in views:
        listed = bool(view.unstated)
        total += len(view.rows) + listed
        unknown += sum(row.unknown for row in view.rows) + listed
    return unknown, total
