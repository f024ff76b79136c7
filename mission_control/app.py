"""The dashboard: a thin App that owns the replay clock, reads it ten times a second at most,
and hands the state down to the widgets, which only display it."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.command import Provider
from textual.containers import Container, Horizontal
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from mission_control import collector, keymap
from mission_control.campaign import Campaign, replay_clock
from mission_control.caption_host import CaptionHost
from mission_control.clock import ReplayClock, SystemTimeSource, TimeSource
from mission_control.paths import styles_dir
from mission_control.presentation.event_lines import filter_label
from mission_control.presentation.formatting import (
    QuantityTable,
    event_key,
    quantity_table,
)
from mission_control.state import CampaignState, state_at
from mission_control.terminal import in_daemon_thread
from mission_control.terminal_app import TerminalApp
from mission_control.textual_private import CrashHookApp
from mission_control.widgets.event_log import EventLog
from mission_control.widgets.key_bar import KeyBar
from mission_control.widgets.mission_clock import MissionClock
from mission_control.widgets.status_reason import StatusReason, Subject
from mission_control.widgets.subsystem_panel import SubsystemPanel
from mission_control.widgets.timeline import Timeline

if TYPE_CHECKING:
    from mission_control.screens.commands import PaletteCommand
    from mission_control.share.link import Link, Setup

MIN_SIZE = Size(30, 8)
"""Below this (20x6 included) the dashboard shows only a "terminal too small" message."""
COMPACT_BELOW = Size(60, 20)
"""Below this width or height: one scrolling column, no big digits."""
CAPTION_FROM = 24
"""From this height the caption is shown without a key: below it the event log would have
no lines left."""
TALL_FROM = 34
"""From this height the timeline gets its month axis and the log a title."""
ORRERY_PANE_FROM = Size(120, TALL_FROM)
"""From this size the orrery has a pane of its own beside the event log, shown at first;
below it there is no room to spare, so ``o`` shows it in the status panels' place."""

POLL_S = 0.1
"""The display timer's period: the screen changes ten times a second at most."""


def dashboard_commands() -> type[Provider]:
    """The command palette's provider, imported when the palette first opens (as Textual
    does its own) rather than before the first frame; the dialogs are imported the same way."""
    from mission_control.screens.commands import DashboardCommands

    return DashboardCommands


class DashboardScreen(Screen[None]):
    """The dashboard's screen. Textual's first focus would centre the focused widget as the
    screen is composed, which in the compact layout scrolled the clock above it out of
    sight; the app focuses the timeline itself, without scrolling."""

    AUTO_FOCUS = ""


class MissionControlApp(CaptionHost, TerminalApp, CrashHookApp, App[None]):
    """Mars 6 and Mars 7, replayed."""

    CSS_PATH = styles_dir() / "app.tcss"
    TITLE = "Mission control · Mars 6 and Mars 7"
    COMMANDS = App.COMMANDS | {dashboard_commands}

    BINDINGS: ClassVar[list[BindingType]] = [*keymap.BINDINGS]

    def __init__(
        self,
        campaign: Campaign,
        clock: ReplayClock,
        *,
        units: str = "si",
        theme: str | None = None,
        ascii_only: bool = False,
        share: Link | None = None,
    ) -> None:
        super().__init__(ascii_only=ascii_only)
        self.campaign = campaign
        self.clock = clock
        self.share = share
        self.set_reactive(MissionControlApp.unit_system, units)
        self.quantities: QuantityTable | None = None
        self._panels: list[SubsystemPanel] = []
        self._shown_second: int | None = None
        self._names = {t.mission.id: t.mission.name for t in campaign.tracks}
        if theme is not None:
            self.theme = theme

    # ------------------------------------------------------------------ layout

    def get_default_screen(self) -> DashboardScreen:
        """The dashboard's screen, which leaves the first focus to :meth:`on_mount`."""
        return DashboardScreen(id="_default")

    def compose(self) -> ComposeResult:
        self._too_small = Static(
            "Terminal too small: mission control needs at least "
            f"{MIN_SIZE.width}×{MIN_SIZE.height}.",
            id="too-small",
        )
        yield self._too_small
        state = state_at(self.campaign, self.clock.now(), positions=False)
        with Container(id="body") as self._body:
            clock = MissionClock(ascii_only=self.ascii_only, id="clock").data_bind(
                system=MissionControlApp.clock_system, focus_id=MissionControlApp.focus_id
            )
            clock.replay = (self.clock.state_label, self.clock.label)
            yield clock
            yield Timeline(self.campaign, id="timeline").data_bind(MissionControlApp.focus_id)
            with Horizontal(id="panels"):
                for ms in state.missions:
                    for part, rows in ms.parts.items():
                        yield SubsystemPanel(
                            ms.mission.id,
                            ms.mission.name,
                            part,
                            rows,
                            id=f"panel-{ms.mission.id}-{part}",
                        )
            yield StatusReason(id="reason")
            with Horizontal(id="lower") as self._lower:
                yield EventLog(self.campaign, id="event-log").data_bind(
                    units=MissionControlApp.unit_system,
                    log_filter=MissionControlApp.log_filter,
                    search=MissionControlApp.log_search,
                    focus_id=MissionControlApp.focus_id,
                )
        hints = keymap.key_hints(self.get_key_display, self.share_keys())
        self._keys = KeyBar(hints, width=self.size.width - 2, id="keys")  # less its padding
        yield self._keys

    def on_mount(self) -> None:
        """Show the first moment, start the one display timer, then list the quantities."""
        self.listen_for_signals()
        self._mission_clock = self.query_one(MissionClock)
        self._timeline = self.query_one(Timeline)
        self._event_log = self.query_one(EventLog)
        self._panel_row = self.query_one("#panels")
        self._reason = self.query_one(StatusReason)
        self._panels = list(self.query(SubsystemPanel))
        self.screen.set_focus(self._timeline, scroll_visible=False)  # see DashboardScreen
        self._apply_size(self.size)
        self._show_settings_line()
        self.poll()
        self.set_interval(POLL_S, self.poll)
        # The command line pauses garbage collection while the dashboard starts; what was
        # made by then lives as long as the program.
        self.call_after_refresh(collector.resume)
        # Listing quantities makes an event for each one that has any (and loads pint for a
        # quantity the reader did not describe): after the first frame, in a thread.
        self.call_after_refresh(self._format_quantities)
        self.call_after_refresh(self._start_orrery)
        self.call_after_refresh(self._caption_after_first_frame)
        if self.share is not None:
            self.run_worker(self.share.run(), name="shared replay", exit_on_error=False)

    def on_resize(self, event: events.Resize) -> None:
        """Choose the layout for the terminal's new size."""
        self._apply_size(event.size)

    def _apply_size(self, size: Size) -> None:
        """Classes on the widgets each variant changes, not on the app: a class change on
        the app restyles every widget, which made each resize a third slower. The dashboard's
        widgets are held, not queried: a dialog may be the current screen."""
        if not self._panels:
            return  # not composed yet: on_mount applies the size
        width, height = size
        too_small = width < MIN_SIZE.width or height < MIN_SIZE.height
        self._too_small.display = too_small
        self._body.display = self._keys.display = not too_small
        compact = width < COMPACT_BELOW.width or height < COMPACT_BELOW.height
        self._body.set_class(compact, "-compact")
        self._mission_clock.compact = compact
        self._timeline.set_class(height >= TALL_FROM, "-tall")
        self.caption_tall = height >= TALL_FROM
        self.caption_has_room = not compact and height >= CAPTION_FROM
        self._place_caption()
        self.orrery_has_pane = width >= ORRERY_PANE_FROM.width and height >= ORRERY_PANE_FROM.height
        self._place_orrery()

    @property
    def layout_variant(self) -> str:
        """``too-small``, ``compact`` or ``full``: the layout chosen for the terminal's size."""
        if not self._body.display:
            return "too-small"
        return "compact" if self._body.has_class("-compact") else "full"

    def _crash_details(self) -> list[tuple[str, str]]:
        """The terminal's state, then the replay's."""
        details = super()._crash_details()
        try:
            details.append(("replay tick", f"{self.clock.now():.3f} ({self.clock.state_label})"))
            details.append(("screen", type(self.screen).__name__))
        except Exception as exc:  # the report must be written whatever state the app is in
            details.append(("state", f"unreadable: {exc!r}"))
        return details

    # ------------------------------------------------------------------ the display loop

    def poll(self) -> None:
        """Read the replay clock and push down only what would change on screen.

        The display timer calls this ten times a second; every control calls it at once so
        a key takes effect without waiting. The state is recomputed only when the shown
        second changes, so a paused replay repaints nothing.
        """
        if self.share is not None:
            self.poll_share()
        tick = self.clock.now()
        second = math.floor(tick)
        if second != self._shown_second:
            self._shown_second = second
            self._show_state(state_at(self.campaign, tick, positions=self._positions))
        self._mission_clock.replay = (self.clock.state_label, self.clock.label)

    def _show_state(self, state: CampaignState) -> None:
        self._mission_clock.state = state
        self._timeline.now = state.tick
        parts = {ms.mission.id: ms.parts for ms in state.missions}
        for panel in self._panels:
            panel.states = parts[panel.mission_id][panel.part]
        self._event_log.passed = sum(ms.passed for ms in state.missions)
        self._state = state
        self._show_caption_state(state)
        if self._orrery is not None and self.orrery_shown:
            self._orrery.state = state

    def _show_settings_line(self) -> None:
        """The clock's line of settings worth a glance: units, log filter, search and the
        mission in focus. (The widgets that show a setting itself are bound to it in
        ``compose``.)"""
        settings = f"{self.unit_system} · {filter_label(self.log_filter, self._names)}"
        if self.share_status:
            settings = f"{self.share_status} · {settings}"
        if self.log_search:
            settings += f" “{self.log_search}”"
        if self.focus_id is not None:
            settings += f" · {self._names[self.focus_id]} in focus"
        self._mission_clock.settings = settings

    def watch_unit_system(self) -> None:
        """Units changed: the settings line says so."""
        self._show_settings_line()

    def watch_log_filter(self) -> None:
        """The log's filter changed: the settings line says so."""
        self._show_settings_line()

    def watch_share_status(self) -> None:
        """The shared replay's status changed: the settings line says so."""
        self._show_settings_line()

    def watch_log_search(self) -> None:
        """The log's search changed: the settings line says so."""
        self._show_settings_line()

    def watch_focus_id(self, focus_id: str | None) -> None:
        """Another mission in focus: only its status panels are shown (the log and the
        timeline follow it through their own binding), and the settings line says so."""
        self._show_settings_line()
        if self.share is not None:
            self.share.poll(focus_id)  # a presenter sends the focus at once
        for panel in self._panels:
            panel.set_class(focus_id not in (None, panel.mission_id), "-other")
        if self._panels:
            self._place_caption()

    @work(exclusive=True, group="quantities")
    async def _format_quantities(self) -> None:
        """Every quantity in both unit systems, then show them.

        The work runs in a daemon thread, not a thread worker: the executor thread of a
        thread worker is joined when the program ends, so a quit while it ran (a mission of
        many quantities, or pint loading for quantities the reader did not describe) would
        wait for it.
        """
        missions = self.campaign.missions
        self._quantities_ready(await in_daemon_thread(quantity_table, missions))

    def _quantities_ready(self, table: QuantityTable) -> None:
        """The worker is done: hand the formatted quantities to the log."""
        self.quantities = table
        self._event_log.quantities = table

    # ------------------------------------------------------------------ keys

    def palette_commands(self) -> list[PaletteCommand]:
        """Every action and "jump to" the events, for the command palette."""
        return keymap.palette_commands(
            self.get_key_display,
            lambda action: getattr(self, f"action_{action}"),
            self.campaign,
            self._names,
            self.seek,
            self.share_keys(),
        )

    # ------------------------------------------------------------------ messages up

    @on(Timeline.Seek)
    def _timeline_seek(self, message: Timeline.Seek) -> None:
        """A marker or moment chosen on the timeline."""
        self.seek(message.tick)

    @on(EventLog.Chosen)
    def _show_detail(self, message: EventLog.Chosen) -> None:
        """An event chosen in the log: its detail screen."""
        from mission_control.screens.event_detail import EventDetailScreen

        event = message.event
        table = self.quantities
        transfers = self.campaign.transfers() if self._positions else {}  # once planned
        self.push_screen(
            EventDetailScreen(
                event,
                self.campaign.track(event.mission_id),
                table.get(event_key(event), ()) if table is not None else None,
                transfers.get(event.mission_id),
            )
        )

    @on(SubsystemPanel.Highlighted)
    def _show_reason(self, message: SubsystemPanel.Highlighted) -> None:
        """A status row highlighted (or none): its reason in the line under the panels."""
        panel, state = message.panel, message.state
        self._reason.subject = (
            Subject(panel.mission_name, panel.part, state) if state is not None else None
        )


def make_app(
    campaign: Campaign,
    *,
    time_source: TimeSource | None = None,
    start: float | None = None,
    speed: float | None = None,
    paused: bool = False,
    units: str = "si",
    theme: str | None = None,
    ascii_only: bool = False,
    loop: bool = False,
    share: Setup | None = None,
) -> MissionControlApp:
    """The dashboard over ``campaign``: the one way the CLI and the tests build it.

    ``speed`` None is auto; ``start`` None is the campaign's start (just before the first
    launch); ``time_source`` None is the system's monotonic clock; ``loop`` starts the
    replay again by itself after a hold at its end (the kiosk's ``--loop``); ``share`` makes
    it present or follow a shared replay.
    """
    source = time_source or SystemTimeSource()
    clock = replay_clock(
        campaign,
        source,
        start=start,
        speed=speed,
        playing=not paused,
    )
    clock.loop = loop
    if share is None:
        return MissionControlApp(campaign, clock, units=units, theme=theme, ascii_only=ascii_only)
    link = share.link(clock, source)
    app_class = _following_app() if link.role == "follow" else MissionControlApp
    return app_class(campaign, clock, units=units, theme=theme, ascii_only=ascii_only, share=link)


def _following_app() -> type[MissionControlApp]:
    """The dashboard with a follower's keys bound too. Made only for a follower: each App
    class costs start-up time, and the other dashboards' keys stay as they are."""

    class FollowingApp(MissionControlApp):
        BINDINGS: ClassVar[list[BindingType]] = [*keymap.FOLLOW_BINDINGS]

    return FollowingApp
