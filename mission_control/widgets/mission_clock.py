"""The mission clock: big digits in the chosen time system, the date, the next event, light
time, and what the replay is doing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Digits, Label

from mission_control.replay import CampaignState, MissionState
from mission_control.timescale import format_met, from_tick
from mission_control.widgets.ascii_digits import AsciiDigits
from mission_control.widgets.formatting import countdown, short_light_time

TIME_SYSTEMS: tuple[str, ...] = ("utc", "met", "msk", "ert")
"""The clock's time systems, in the order the ``c`` key cycles them."""

SYSTEM_NAMES = {"utc": "UTC", "met": "MET", "msk": "MSK", "ert": "ERT"}
"""Short names beside the digits (the help screen spells them out)."""

REPLAY_ICONS = {"playing": "▶", "reverse": "◀", "paused": "‖"}
ASCII_REPLAY_ICONS = {"playing": ">", "reverse": "<", "paused": "||"}

NO_TIME = "--:--:--"


class MissionClock(Widget):
    """Shows a :class:`CampaignState`; the app sets the attributes, the clock only displays."""

    state: var[CampaignState | None] = var(None)
    system: var[str] = var("utc")
    focus_id: var[str | None] = var(None)
    """The mission whose MET and light time are shown; None for all (the first is used)."""
    replay: var[tuple[str, str]] = var(("paused", ""))
    """The replay clock's state label and speed label."""
    settings: var[str] = var("")
    """Other settings worth a glance (units, log filter), shown after the replay state."""

    def __init__(self, *, ascii_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ascii_only = ascii_only
        """Big digits in an ASCII font (Textual's are box drawing), ASCII replay icons."""
        self._digits: Digits | AsciiDigits = (
            AsciiDigits(NO_TIME, id="clock-digits")
            if ascii_only
            else Digits(NO_TIME, id="clock-digits")
        )

    def compose(self) -> ComposeResult:
        yield Label(id="clock-system", markup=False)
        yield self._digits
        with Vertical(id="clock-info"):
            yield Label(id="clock-text", markup=False)
            yield Label(id="clock-date", markup=False)
            yield Label(id="clock-next", markup=False)
            yield Label(id="clock-replay", markup=False)

    def on_mount(self) -> None:
        """Fill in whatever was set before the children existed."""
        self._show_time()
        self._show_replay()

    def watch_state(self) -> None:
        """A new moment: redraw the time lines."""
        self._show_time()

    def watch_system(self) -> None:
        """Another time system: redraw the time lines."""
        self._show_time()

    def watch_focus_id(self) -> None:
        """Another mission in focus: its MET and next event."""
        self._show_time()

    def watch_replay(self) -> None:
        """The replay changed state or speed."""
        self._show_replay()

    def watch_settings(self) -> None:
        """Units or log filter changed."""
        self._show_replay()

    # ------------------------------------------------------------------ display

    def _set(self, selector: str, text: str) -> None:
        """Update one child only when its text changes, so nothing else repaints."""
        if selector == "#clock-digits":
            if self._digits.value != text:
                self._digits.update(text)
            return
        label = self.query_one(selector, Label)
        if str(label.content) != text:
            # Each label is one line of a fixed or 1fr width, so new text never changes its
            # size: skipping the layout pass saves relaying out the whole screen every tick.
            label.update(text, layout=False)

    def _focused(self, state: CampaignState) -> list[MissionState]:
        chosen = [m for m in state.missions if m.mission.id == self.focus_id]
        return chosen or list(state.missions)

    def _show_time(self) -> None:
        if not self.is_mounted or self.state is None:
            return
        state = self.state
        missions = self._focused(state)
        first = missions[0] if missions else None
        owlt = next((m.owlt_s for m in missions if m.owlt_s is not None), None)
        light = f"light {short_light_time(owlt)}" if owlt is not None else "light n/a"
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
                line = f"n/a before approach · {date} {time} UTC"
            else:
                received = from_tick(state.tick + owlt).iso()
                digits = received[11:19]
                line = f"{received[:10]} on Earth · {time} UTC + {light}"
        if self.system != "met":
            text = digits
        self._set("#clock-system", label)
        self._set("#clock-digits", digits)
        self._set("#clock-text", f"{SYSTEM_NAMES[self.system]} {text}")
        self._set("#clock-date", line)
        self._set("#clock-next", self._next_line(missions))

    @staticmethod
    def _next_line(missions: list[MissionState]) -> str:
        upcoming = [m for m in missions if m.next_event is not None and m.countdown_s is not None]
        if not upcoming:
            return "no further events"
        soonest = min(upcoming, key=lambda m: m.countdown_s or 0.0)
        event = soonest.next_event
        assert event is not None and soonest.countdown_s is not None
        when = countdown(soonest.countdown_s) if event.timed else f"on {event.time.iso()}"
        return f"{when} {soonest.mission.name} {event.summary}"

    def _show_replay(self) -> None:
        state_label, speed = self.replay
        # Set before mounting too (the app hands down the replay's state before it yields
        # the clock), so the first styling is the right one; once mounted, a change restyles.
        self.set_class(state_label == "paused", "-paused", update=self.is_mounted)
        if not self.is_mounted:
            return
        icons = ASCII_REPLAY_ICONS if self.ascii_only else REPLAY_ICONS
        icon = icons.get(state_label, "")
        text = f"{icon} {state_label} · {speed}"
        if self.settings:
            text += f" · {self.settings}"
        self._set("#clock-replay", text)
