"""The ``?`` screen: every key, the status glyphs (with their ASCII stand-ins) and the panels'
other words, each phase in its colour, the timeline's marks, and the time forms ``g``
accepts."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from mission_control.glyphs import ASCII_GLYPHS, GLYPHS, LEGEND_ORDER, PHASE_STYLES
from mission_control.model import Status
from mission_control.phases import DERIVED_PHASES, PART_PHASES
from mission_control.screens.dialog import Dialog
from mission_control.timeparse import ACCEPTED_FORMS

TIMELINE_MARKS = (
    ("━", "a mission's phases, coloured as above, named where they fit:"),
    ("", "the bus's, but the lander's while it descends or has landed"),
    ("─", "ended, or contact lost"),
    ("●", "an event (◇: ordered between two others, no stated time)"),
    ("✖", "a failure; ▲ one its rules call a caution, as in the log"),
    ("┃", "now"),
    ("[ ]", "zoom out / in around now; z: events at the planet; Z: all"),
    ("dim", "the other missions' rows, while m keeps one in focus"),
)
"""The time strip's marks, bands and keys, and what each says."""

PANEL_WORDS = (
    ("◌ awaits", "an event still to come sets it (its day at the right)"),
    ("◌ during", "it happened within the times shown; when is not stated"),
    ("attached", "the part's own state, derived from its events"),
    ("carried:", "instruments no event speaks of (no reading stated)"),
)
PHASE_COLUMN = 22
"""Cells for each phase in the legend (the longest name and its bar)."""


def key_table(bindings: Iterable[tuple[str, str]]) -> str:
    """Two columns: keys, and what they do."""
    rows = list(bindings)
    width = max((len(k) for k, _ in rows), default=0)
    return "\n".join(f"{key.rjust(width)}  {what}" for key, what in rows)


def marks_table(marks: Iterable[tuple[str, str]]) -> str:
    """Two columns: marks (left-aligned), and what they say."""
    rows = list(marks)
    width = max((len(mark) for mark, _ in rows), default=0)
    return "\n".join(f"{mark.ljust(width)}  {what}" for mark, what in rows)


def legend(*, ascii_only: bool = False) -> str:
    """Each status's glyph and word; its ASCII stand-in too, unless only that is shown."""
    if ascii_only:
        lines = [f"{ASCII_GLYPHS[s]}  {s.value}" for s in LEGEND_ORDER]
        lines.append(f"   ({Status.UNKNOWN.value}: no source states the subsystem's status)")
        return "\n".join(lines)
    lines = [f"{GLYPHS[s]}  {ASCII_GLYPHS[s]}  {s.value}" for s in LEGEND_ORDER]
    lines.append(f"   (ASCII stand-ins for terminals without these glyphs; {Status.UNKNOWN.value}:")
    lines.append("    no source states the subsystem's status)")
    return "\n".join(lines)


def phase_legend(*, per_line: int = 3) -> str:
    """Each phase's name after a bar in its colour (theme variables in Textual markup),
    ``per_line`` to a line, then which phases are derived."""
    cells = [
        f"[{PHASE_STYLES[phase]}]━━[/] {phase.ljust(PHASE_COLUMN - 3)}" for phase in PART_PHASES
    ]
    lines = ["".join(cells[i : i + per_line]).rstrip() for i in range(0, len(cells), per_line)]
    derived = " and ".join(sorted(DERIVED_PHASES))
    lines.append(f"{derived}: derived, no sentence states it: the craft flew")
    lines.append("past and is not said to have landed or entered orbit")
    return "\n".join(lines)


class HelpScreen(Dialog[None]):
    """Keys and legends; any of escape, q, ? or enter closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark,enter", "dismiss_help", "Close", show=True),
    ]

    def __init__(self, keys: Iterable[tuple[str, str]], *, ascii_only: bool = False) -> None:
        super().__init__()
        self._keys = list(keys)
        self.ascii_only = ascii_only

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Mission control — help"
            body.border_subtitle = "escape to close"
            yield Static("Keys", classes="help-heading")
            yield Static(key_table(self._keys), markup=False, classes="help-keys")
            yield Static("Status", classes="help-heading")
            yield Static(legend(ascii_only=self.ascii_only), markup=False)
            yield Static(
                "\n".join(f"{word.ljust(9)} {what}" for word, what in PANEL_WORDS),
                markup=False,
            )
            yield Static("Phases (each panel's header names its part's)", classes="help-heading")
            yield Static(phase_legend())
            yield Static("Timeline", classes="help-heading")
            yield Static(marks_table(TIMELINE_MARKS), markup=False)
            yield Static("Times for g (go to)", classes="help-heading")
            yield Static(ACCEPTED_FORMS.removeprefix("accepted forms:\n"), markup=False)

    def action_dismiss_help(self) -> None:
        """Close the help screen."""
        self.dismiss(None)
