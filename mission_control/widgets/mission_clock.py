"""The mission clock: big digits in the chosen time system, the date, the next event, light
time, and what the replay is doing.

Three small widgets draw it: the name of the time system, the digits, and the lines beside
them (in a small terminal, four lines without the name and digits). As seven widgets (a
label per line, in a container) it cost a seventh of the dashboard's start-up in styling,
layout and rendering; as one, every update resent all three rows to the terminal.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import var
from textual.renderables.digits import Digits
from textual.style import Style as VisualStyle
from textual.widget import Widget

from mission_control.presentation.formatting import countdown, short_light_time
from mission_control.state import CampaignState, MissionState
from mission_control.theme_styles import ThemeStyles
from mission_control.timescale import format_met, from_tick

TIME_SYSTEMS: tuple[str, ...] = ("utc", "met", "msk", "ert")
"""The clock's time systems, in the order the ``c`` key cycles them."""

SYSTEM_NAMES = {"utc": "UTC", "met": "MET", "msk": "MSK", "ert": "ERT"}
"""Short names beside the digits (the help screen spells them out)."""

REPLAY_ICONS = {"playing": "▶", "reverse": "◀", "paused": "‖", "ended": "■", "looping": "■"}
ASCII_REPLAY_ICONS = {
    "playing": ">",
    "reverse": "<",
    "paused": "||",
    "ended": "[]",
    "looping": "[]",
}

ENDED_LINES = {
    "ended": "end of replay · space: play again",
    "looping": "end of replay · looping · space: play now",
}
"""The replay line once the replay has run to its end: what space does there takes the
speed's place (the settings follow, as ever)."""

NO_TIME = "--:--:--"
UNDATED_DATE = "no date: no article states a dated event"
UNDATED_NEXT = "no events to count down to"
UNDATED_REPLAY = "nothing to replay"
"""The lines beside the digits when no mission states a dated event: no time is shown, as
none is known."""


def _undated(state: CampaignState) -> bool:
    """Whether no mission of the campaign states a dated event (the clock then shows none)."""
    return not any(m.track.ticks for m in state.missions)


STYLES = {
    "system": "bold $text-accent",
    "digits": "bold $text",
    "paused-digits": "bold $text-muted",
    "text": "bold $text",
    "date": "$text",
    "next": "$text-warning",
    "replay": "$text-success",
    "paused-replay": "$text-muted",
}
"""Each field's style, in the theme's colours (see :mod:`~mission_control.theme_styles`)."""

BOLD = Style(bold=True)


def digit_rows(value: str, ascii_only: bool) -> list[str]:
    """The three rows of big digits: Textual's bold box-drawing font, or the ASCII one."""
    if ascii_only:
        # Only an ASCII terminal draws this font: the others need not import it.
        from mission_control.presentation.ascii_digits import render_digits

        return render_digits(value).split("\n")
    rows = Digits(value).render(BOLD)
    return [s.text for s in rows if isinstance(s, Segment) and s.text != "\n"]


FIELDS = ("system", "digits", "text", "date", "next", "replay")


class MissionClock(Widget):
    """Shows a :class:`CampaignState`; the app sets the attributes, the clock only displays."""

    state: var[CampaignState | None] = var(None)
    system: var[str] = var("utc")
    focus_id: var[str | None] = var(None)
    """The mission whose MET and light time are shown; None for all (the first is used)."""
    replay: var[tuple[str, str]] = var(("paused", ""))
    """The replay clock's state label (``playing``, ``reverse``, ``paused``, ``ended``,
    ``looping``) and speed label."""
    settings: var[str] = var("")
    """Other settings worth a glance (units, log filter), shown after the replay state."""
    compact: var[bool] = var(False)
    """One column of four lines, no big digits (a small terminal)."""

    def __init__(self, *, ascii_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ascii_only = ascii_only
        """Big digits in an ASCII font (Textual's are box drawing), ASCII replay icons."""
        self.shown: dict[str, str] = dict.fromkeys(FIELDS, "")
        """The text of each field as last drawn: ``system``, ``digits``, ``text`` (the
        compact layout's time line), ``date``, ``next`` and ``replay``."""
        self.shown["digits"] = NO_TIME
        self._paused = True
        self._styles = ThemeStyles(STYLES)
        self._system = ClockSystem(self)
        self._digits = ClockDigits(self)
        self._lines = ClockLines(self)

    def on_mount(self) -> None:
        """Fill in whatever was set before mounting."""
        self._system.display = self._digits.display = not self.compact
        self._show_time()
        self._show_replay()

    def watch_state(self) -> None:
        """A new moment: redraw the time lines."""
        self._show_time()

    # The app binds the next two to its settings: data_bind sets a bound value again,
    # unchanged, when it binds, so only a change counts.

    def watch_system(self, old: str, new: str) -> None:
        """Another time system: redraw the time lines."""
        if new != old:
            self._show_time()

    def watch_focus_id(self, old: str | None, new: str | None) -> None:
        """Another mission in focus: its MET and next event."""
        if new != old:
            self._show_time()

    def watch_replay(self) -> None:
        """The replay changed state or speed."""
        self._show_replay()

    def watch_settings(self) -> None:
        """Units or log filter changed."""
        self._show_replay()

    def watch_compact(self, compact: bool) -> None:
        """Four lines and no big digits, or three lines beside the digits."""
        if self.is_mounted:
            self._system.display = self._digits.display = not compact
            self._lines.refresh(layout=True)

    # ------------------------------------------------------------------ display

    def compose(self) -> ComposeResult:
        yield self._system
        yield self._digits
        yield self._lines

    def _set(self, **fields: str) -> None:
        """Take new texts and repaint what changed: the digits, or only the changed lines.
        Textual sends a repainted part of a line from the start of its widget, so the name,
        the digits and the lines are widgets of their own: a new second resends neither the
        name nor the date beside it."""
        changed = [field for field, text in fields.items() if self.shown[field] != text]
        if not changed:
            return
        for field in changed:
            self.shown[field] = fields[field]
        if "system" in changed:
            self._system.refresh()
        if "digits" in changed:
            self._digits.refresh(layout=self._digits.size.width != self._digits.width_wanted())
        rows = self._lines.rows()
        width = self._lines.size.width
        lines = [Region(0, rows.index(p), width, 1) for p in changed if p in rows]
        if lines:  # refresh() with no region would repaint every line
            self._lines.refresh(*lines)

    def styles_for_fields(self) -> dict[str, VisualStyle]:
        """Each field's style in the theme's colours, paused or not."""
        style = dict(self._styles.parsed(self))
        if self._paused:
            style["digits"], style["replay"] = style["paused-digits"], style["paused-replay"]
        return style

    def _focused(self, state: CampaignState) -> list[MissionState]:
        chosen = [m for m in state.missions if m.mission.id == self.focus_id]
        return chosen or list(state.missions)

    def _show_time(self) -> None:
        if not self.is_mounted or self.state is None:
            return
        state = self.state
        if _undated(state):
            self._set(
                system=SYSTEM_NAMES[self.system],
                digits=NO_TIME,
                text=f"{SYSTEM_NAMES[self.system]} {NO_TIME}",
                date=UNDATED_DATE,
                next=UNDATED_NEXT,
            )
            self._show_replay()
            return
        missions = self._focused(state)
        first = missions[0] if missions else None
        lit = next((m for m in missions if m.owlt_s is not None), None)
        owlt = lit.owlt_s if lit is not None else None
        mark = "≈" if lit is not None and lit.light_approximate else ""
        launched = any(
            m.track.launch_tick is not None and state.tick >= m.track.launch_tick for m in missions
        )
        if owlt is not None:
            light = f"light {mark}{short_light_time(owlt)}"
        else:
            # Positions are modelled after the first frame: until then a cruise's light
            # time is on its way, not unknown.
            light = "light …" if launched and not state.positions else "light n/a"
        iso = state.utc.iso()
        date, time = iso[:10], iso[11:19]
        digits, label = time, SYSTEM_NAMES[self.system]
        line = f"{date} · day {state.utc.doy()[5:8]} · {light}"
        if self.system == "met":
            # T+218d 15:20:06: the days go beside the digits, so MET digits are as wide as UTC's.
            if first is None or first.met_s is None:
                digits, text = NO_TIME, "n/a"
            else:
                text = format_met(first.met_s)
                days, _, digits = text.rpartition(" ") if " " in text else (text[:2], "", text[2:])
                label += f"\n{days}"
            name = first.mission.name if first is not None else ""
            line = f"{name} · {date} {time}Z · {light}"
        elif self.system == "msk":
            moscow = state.utc.moscow()
            digits = moscow[11:19]
            line = f"{moscow[:10]} Moscow (UTC{moscow[19:]}) · {light}"
        elif self.system == "ert":
            if owlt is None:
                digits = NO_TIME
                why = "n/a before launch" if not launched else light
                line = f"{why} · {date} {time} UTC"
            else:
                received = from_tick(state.tick + owlt).iso()
                digits = received[11:19]
                line = f"{mark}{received[:10]} on Earth · {time} UTC + {light}"
                if mark:
                    label += f"\n{mark}"  # the big digits are modelled too
        if self.system != "met":
            text = mark + digits if self.system == "ert" and owlt is not None else digits
        self._set(
            system=label,
            digits=digits,
            text=f"{SYSTEM_NAMES[self.system]} {text}",
            date=line,
            next=self._next_line(missions),
        )

    @staticmethod
    def _next_line(missions: list[MissionState]) -> str:
        upcoming = [m for m in missions if m.next_event is not None and m.countdown_s is not None]
        if not upcoming:
            if missions and not any(m.track.ticks for m in missions):
                return f"{missions[0].mission.name} states no dated event"
            return "no further events"
        soonest = min(upcoming, key=lambda m: m.countdown_s or 0.0)
        event = soonest.next_event
        assert event is not None and soonest.countdown_s is not None
        when = countdown(soonest.countdown_s) if event.timed else f"on {event.time.iso()}"
        return f"{when} {soonest.mission.name} {event.summary}"

    def _show_replay(self) -> None:
        if not self.is_mounted:
            return
        state_label, speed = self.replay
        icons = ASCII_REPLAY_ICONS if self.ascii_only else REPLAY_ICONS
        icon = icons.get(state_label, "")
        if self.state is not None and _undated(self.state):
            text = f"{icons['paused']} {UNDATED_REPLAY}"
        elif state_label in ENDED_LINES:
            text = f"{icon} {ENDED_LINES[state_label]}"
        else:
            text = f"{icon} {state_label} · {speed}"
        if self.settings:
            text += f" · {self.settings}"
        paused = state_label not in ("playing", "reverse")
        if paused != self._paused:
            self._paused = paused  # the digits and this line are dimmed when paused;
            # the line is repainted below, as its text changes with the state
            self._digits.refresh()
        self._set(replay=text)


class ClockSystem(Widget):
    """The time system's name (``UTC``; ``MET`` over the days, ``T+218d``), beside the digits."""

    def __init__(self, clock: MissionClock) -> None:
        super().__init__()
        self.clock = clock

    def render(self) -> Content:
        system = self.clock.shown["system"].split("\n")
        top = (3 - len(system)) // 2  # the name sits in the middle row, as if centred
        style = self.clock.styles_for_fields()["system"]
        rows = [system[row - top] if 0 <= row - top < len(system) else "" for row in range(3)]
        return Content("\n").join(Content.styled(f" {name}", style) for name in rows)


class ClockDigits(Widget):
    """The big digits: each new second repaints these alone."""

    def __init__(self, clock: MissionClock) -> None:
        super().__init__()
        self.clock = clock

    def width_wanted(self) -> int:
        return Digits.get_width(self.clock.shown["digits"])

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.width_wanted()

    def render(self) -> Content:
        style = self.clock.styles_for_fields()["digits"]
        rows = digit_rows(self.clock.shown["digits"], self.clock.ascii_only)
        return Content("\n").join(Content.styled(row, style) for row in rows)


class ClockLines(Widget):
    """The lines beside the digits (date, next event, replay), or, in a small terminal, the
    time and those three. Each is cut to the width with an ellipsis (``text-overflow``)."""

    def __init__(self, clock: MissionClock) -> None:
        super().__init__()
        self.clock = clock

    def rows(self) -> list[str]:
        """The fields drawn, top to bottom."""
        return (
            ["text", "date", "next", "replay"] if self.clock.compact else ["date", "next", "replay"]
        )

    def render(self) -> Content:
        shown = self.clock.shown
        style = self.clock.styles_for_fields()
        return Content("\n").join(
            Content.assemble((shown[field], style[field])) for field in self.rows()
        )
