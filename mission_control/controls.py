"""What the dashboard's keys do: the replay controls move the replay clock, the view
controls change the user's settings, reactives the dashboard binds down to its widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import CommandPalette
from textual.reactive import var
from textual.theme import ThemeProvider

from mission_control import keymap
from mission_control.campaign import Campaign
from mission_control.clock import ReplayClock
from mission_control.presentation.event_lines import FILTER_ALL, FILTER_FAILURES
from mission_control.widgets.mission_clock import TIME_SYSTEMS
from mission_control.widgets.timeline import Timeline

if TYPE_CHECKING:
    from mission_control.share.link import Link
    from mission_control.terminal_app import TerminalApp as _App
else:
    # A mixin of the dashboard's App: every App subclass Textual defines costs start-up
    # time (it walks the whole class hierarchy), so the dashboard has one.
    _App = object


class DashboardControls(_App):
    """The actions the keys, the key bar and the command palette run (a mixin of the
    dashboard's App)."""

    campaign: Campaign
    clock: ReplayClock
    _names: dict[str, str]
    """Each mission's name by id."""
    poll: Callable[[], None]
    """Show the replay clock's state now (the dashboard draws it)."""
    _timeline: Timeline
    """The time strip, which the zoom keys act on."""

    unit_system: var[str] = var("si", init=False)
    """Quantities in ``si`` or ``imperial`` units."""
    clock_system: var[str] = var(TIME_SYSTEMS[0], init=False)
    """The clock's time system: ``utc``, ``met``, ``msk`` or ``ert``."""
    focus_id: var[str | None] = var(None, init=False)
    """The mission in focus; None for all."""
    log_filter: var[str] = var(FILTER_ALL, init=False)
    """What the event log lists: ``all``, ``failures`` or a mission's id."""
    log_search: var[str] = var("", init=False)
    """Text the event log's lines must contain; empty for all."""
    share: Link | None = None
    """The shared replay this dashboard presents or follows (``--present``, ``--follow``)."""
    share_status: var[str] = var("", init=False)
    """The shared replay in words (``following NAME``, ``presenter gone``); empty for none."""

    def seek(self, tick: float) -> None:
        """Move the replay to ``tick`` (playing or paused as before)."""
        self.action_detach()
        self.clock.seek(tick)
        self.poll()

    def action_toggle_play(self) -> None:
        """Play or pause; at the end of the replay, play it again from the start."""
        self.action_detach()
        if self.clock.ended:
            self.clock.restart()
        else:
            self.clock.toggle()
        self.poll()

    def action_faster(self) -> None:
        """The next faster speed on the ladder."""
        self.action_detach()
        self.clock.faster()
        self._speed_changed()

    def action_slower(self) -> None:
        """The next slower speed on the ladder."""
        self.action_detach()
        self.clock.slower()
        self._speed_changed()

    def _speed_changed(self) -> None:
        """Show the new speed, and say it in the words the clock line uses."""
        self.poll()
        self.notify(f"Speed {self.clock.label}", timeout=2)

    def action_toggle_loop(self) -> None:
        """Loop the replay (a kiosk): from its end, after a few seconds, it plays again."""
        self.action_detach()
        self.clock.loop = not self.clock.loop
        self.poll()
        self.notify(
            "Loop on: the replay plays again from its end"
            if self.clock.loop
            else "Loop off: the replay stops at its end",
            timeout=3,
        )

    def action_auto_speed(self) -> None:
        """Auto speed on, or back to the last fixed speed."""
        self.action_detach()
        self.clock.set_auto(not self.clock.auto)
        self.poll()

    def action_reverse(self) -> None:
        """Run the other way."""
        self.action_detach()
        self.clock.reverse()
        self.poll()

    def action_next_event(self) -> None:
        """Seek to the next event of any mission."""
        tick = self.campaign.next_event_tick(self.clock.now())
        if tick is None:
            self.bell()
        else:
            self.seek(tick)

    def action_previous_event(self) -> None:
        """Seek to the previous event of any mission."""
        tick = self.campaign.previous_event_tick(self.clock.now())
        if tick is None:
            self.bell()
        else:
            self.seek(tick)

    def action_go_start(self) -> None:
        """Seek to the campaign's start."""
        self.seek(self.campaign.start)

    def action_go_end(self) -> None:
        """Seek to the campaign's end."""
        self.seek(self.campaign.end)

    def action_goto(self) -> None:
        """Ask for a time, MET or event and seek there."""

        def chosen(tick: float | None) -> None:
            """The dialog closed: seek if it gave a time."""
            if tick is not None:
                self.seek(tick)

        from mission_control.screens.goto import GotoScreen

        self.push_screen(GotoScreen(self.campaign), chosen)

    # ------------------------------------------------------------------ a shared replay

    def _detached(self) -> None:
        assert self.share is not None
        rejoin = keymap.FOLLOW_BINDINGS[1].key
        self.notify(f"Detached: your own clock · {rejoin} rejoins {self.share.name}", timeout=4)
        self.poll()

    def action_detach(self) -> None:
        """Leave the shared replay: this dashboard's clock runs on from where it is. A replay
        key on a follower does this first, then what it says: a viewer who pauses to look at
        a moment expects it to stay, and a key that did nothing would look broken. The key
        to come back is named."""
        if self.share is not None and self.share.detach():
            self._detached()

    def action_rejoin(self) -> None:
        """Back to the presenter's replay."""
        if self.share is not None and self.share.rejoin():
            self.notify(f"Rejoined {self.share.name}", timeout=2)
            self.poll()

    def share_keys(self) -> list[Binding]:
        """The keys a follower has besides the others (detach, rejoin); none otherwise."""
        following = self.share is not None and self.share.role == "follow"
        return keymap.FOLLOW_BINDINGS if following else []

    def poll_share(self) -> None:
        """Hand the shared replay the focus (a presenter sends what changed), take the
        presenter's focus (a follower), and show its status and any problem, once each."""
        share = self.share
        if share is None:
            return
        share.poll(self.focus_id)
        focus = share.focus(self.focus_id)
        if focus != self.focus_id and (focus is None or focus in self._names):
            self.focus_id = focus
        for line in share.problems.take():
            self.notify(line, severity="warning", timeout=6)
        status = share.status()
        if status != self.share_status:
            if status == "presenter gone":
                self.notify("Presenter gone: its last state runs on here", timeout=4)
            self.share_status = status

    # ------------------------------------------------------------------ view controls

    def action_toggle_units(self) -> None:
        """Quantities in SI or imperial units."""
        self.unit_system = "imperial" if self.unit_system == "si" else "si"

    def action_cycle_clock(self) -> None:
        """Clock in UTC, MET, Moscow time, Earth-receive time, and round again."""
        index = TIME_SYSTEMS.index(self.clock_system)
        self.clock_system = TIME_SYSTEMS[(index + 1) % len(TIME_SYSTEMS)]

    def action_cycle_mission(self) -> None:
        """Focus each mission in turn, then both."""
        self.action_detach()
        choices: list[str | None] = [None, *self._names]
        self.focus_id = choices[(choices.index(self.focus_id) + 1) % len(choices)]
        name = self._names.get(self.focus_id or "", "all missions")
        self.notify(f"Focus: {name}", timeout=2)

    def action_cycle_filter(self) -> None:
        """Log: all events, failures only, then each craft alone."""
        choices = [FILTER_ALL, FILTER_FAILURES, *self._names]
        self.log_filter = choices[(choices.index(self.log_filter) + 1) % len(choices)]

    def action_zoom_in(self) -> None:
        """The timeline shows a shorter span around now."""
        self._timeline.zoom(1)

    def action_zoom_out(self) -> None:
        """The timeline shows a longer span around now."""
        self._timeline.zoom(-1)

    def action_zoom_planet(self) -> None:
        """The timeline shows the events at the planet (the replay goes there if elsewhere)."""
        if not self._timeline.zoom_to_planet():
            self.bell()

    def action_zoom_all(self) -> None:
        """The timeline shows the whole campaign."""
        self._timeline.zoom_all()

    def action_search(self) -> None:
        """Ask for text to search the log for."""

        def chosen(text: str | None) -> None:
            """The dialog closed: search for the text unless it was cancelled."""
            if text is not None:
                self.log_search = text

        from mission_control.screens.search import SearchScreen

        self.push_screen(SearchScreen(self.log_search, units=self.unit_system), chosen)

    def action_command_palette(self) -> None:
        """Open the command palette (the dashboard's, which closes once), unless one is open
        or the app is ending: a palette opened while the app closes its screens would look
        for its list after it is gone. A palette that has closed but is still being removed
        still holds the id: the new one waits for it once (``open_palette``)."""
        self.open_palette(wait=True)

    def open_palette(self, *, wait: bool) -> None:
        """Push the dashboard's palette unless one is open, the app is ending, or a closed
        palette is still being removed; then, if ``wait``, try once more when it is gone: the
        app removes it just after the message it is handling, in a callback queued ahead of
        the one queued here (if it is somehow still there, the key is dropped)."""
        from mission_control.screens.palette import DashboardPalette

        ending = self.return_code is not None
        if not self.use_command_palette or ending or isinstance(self.screen, CommandPalette):
            return
        if DashboardPalette.in_the_way(self):
            if wait:
                self.call_next(self.open_palette, wait=False)
            return
        self.push_screen(DashboardPalette(id="--command-palette"))

    def search_themes(self) -> None:
        """The palette's "Theme" command: the themes, in the dashboard's palette."""
        from mission_control.screens.palette import DashboardPalette

        self.push_screen(
            DashboardPalette(providers=[ThemeProvider], placeholder="Search for themes…")
        )

    def action_help(self) -> None:
        """Show the keys and legends."""
        from mission_control.screens.help import HelpScreen

        self.push_screen(
            HelpScreen(
                keymap.key_help(self.get_key_display, self.share_keys()),
                ascii_only=self.ascii_only,
            )
        )
