"""The dashboard's keys, and what the key bar, the help screen and the command palette say
about them: one table, so the three always agree."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from mission_control.campaign import Campaign
from mission_control.event_time import event_when
from mission_control.presentation.formatting import jump_targets
from mission_control.widgets.key_bar import KeyHint

if TYPE_CHECKING:
    from mission_control.screens.commands import PaletteCommand

SPEED = Binding.Group("speed")
SEEK = Binding.Group("event")
ZOOM = Binding.Group("zoom")

KeyDisplay = Callable[[Binding], str]
"""How a binding's key is shown (the app's ``get_key_display``)."""

BINDINGS = [
    Binding("space", "toggle_play", "Play/pause", tooltip="Play or pause the replay"),
    Binding("plus", "faster", "Faster", key_display="+", group=SPEED,
            tooltip="Next faster speed on the ladder"),
    Binding("minus", "slower", "Slower", key_display="-", group=SPEED,
            tooltip="Next slower speed on the ladder"),
    Binding("n", "next_event", "Next", group=SEEK, tooltip="Seek to the next event"),
    Binding("p", "previous_event", "Previous", group=SEEK,
            tooltip="Seek to the previous event"),
    Binding("g", "goto", "Go to", tooltip="Go to a time, MET or event…"),
    Binding("question_mark", "help", "Help", key_display="?", tooltip="Keys and legends"),
    Binding("q", "quit", "Quit", tooltip="Quit"),
    # Textual's own ctrl+c only says how to quit; here it quits, even in a dialog.
    Binding("ctrl+c", "quit", "Quit", show=False, priority=True, tooltip="Quit"),
    Binding("a", "auto_speed", "Auto", tooltip="Auto speed on or off"),
    Binding("r", "reverse", "Reverse", tooltip="Reverse the replay's direction"),
    Binding("c", "cycle_clock", "Clock",
            tooltip="Clock shows UTC, MET, Moscow time or Earth-receive time"),
    Binding("u", "toggle_units", "Units", tooltip="Quantities in SI or imperial units"),
    Binding("m", "cycle_mission", "Mission", tooltip="Focus Mars 6, Mars 7 or both"),
    Binding("f", "cycle_filter", "Filter",
            tooltip="Log shows all events, failures only, or one craft"),
    Binding("slash", "search", "Search", key_display="/", tooltip="Search the event log…"),
    Binding("o", "toggle_orrery", "Orrery",
            tooltip="Orrery: show or hide the modelled orbits and positions"),
    Binding("t", "toggle_caption", "Caption",
            tooltip="Caption: the latest event in the text's words, and the next event"),
    Binding("home", "go_start", "Start", show=False, tooltip="Go to the campaign's start"),
    Binding("end", "go_end", "End", show=False, tooltip="Go to the campaign's end"),
    Binding("left_square_bracket", "zoom_out", "Zoom out", key_display="[", group=ZOOM,
            tooltip="Timeline: zoom out around now"),
    Binding("right_square_bracket", "zoom_in", "Zoom in", key_display="]", group=ZOOM,
            tooltip="Timeline: zoom in around now (or the wheel)"),
    Binding("z", "zoom_planet", "Zoom to Mars", show=False,
            tooltip="Timeline: zoom to the events at the planet (going there)"),
    Binding("Z", "zoom_all", "Whole campaign", key_display="Z", show=False,
            tooltip="Timeline: zoom out to the whole campaign"),
]  # fmt: skip
"""The app's keys, in the order the key bar and the help screen list them."""

FOLLOW_BINDINGS = [
    Binding("d", "detach", "Detach",
            tooltip="Leave the shared replay: your own clock, from where it is"),
    Binding("j", "rejoin", "Rejoin", tooltip="Back to the presenter's replay"),
]  # fmt: skip
"""A follower's own keys (``--follow``), listed first on its key bar and help screen, and
on no other dashboard's: its replay keys detach it too."""

MORE_HELP = (
    ("ctrl+p", "Command palette: every action, and jump to any event"),
    ("tab", "Move between timeline, status panels and log"),
    ("← → enter", "Timeline: choose a marker, seek to it (or click it)"),
    ("↑ ↓ enter", "Status panel: a status's reason · log: open an event's detail (or click)"),
)
"""Keys the help screen lists after the app's own: Textual's and the widgets'. The arrows of
the panels and the log share a line, so the list still fits a 30-row terminal's first page."""


def key_hints(key_display: KeyDisplay, extra: Sequence[Binding] = ()) -> list[KeyHint]:
    """The keys for the bar at the bottom, ``extra`` first; keys of one group share a
    description."""
    hints: list[KeyHint] = []
    last_group = None
    for binding in [*extra, *BINDINGS]:
        if not binding.show:
            continue
        key = key_display(binding)
        if binding.group is not None and binding.group == last_group:
            previous = hints.pop()
            hints.append(
                KeyHint(
                    (*previous.keys, key),
                    binding.group.description,
                    (*previous.actions, binding.action),
                )
            )
        else:
            hints.append(KeyHint((key,), binding.description, (binding.action,)))
        last_group = binding.group
        if binding.action == "help":
            hints.append(KeyHint(("^p",), "Palette", ("command_palette",)))
    return hints


def key_help(key_display: KeyDisplay, extra: Sequence[Binding] = ()) -> Iterator[tuple[str, str]]:
    """Every key and what it does, ``extra`` first, for the help screen; keys for one
    action share a line (``q ^c  Quit``), so the list fits a 30-row terminal's first page."""
    keys: dict[str, list[str]] = {}
    what: dict[str, str] = {}
    for binding in [*extra, *BINDINGS]:
        keys.setdefault(binding.action, []).append(key_display(binding))
        what.setdefault(binding.action, binding.tooltip or binding.description)
    for action, shown in keys.items():
        yield " ".join(shown), what[action]
    yield from MORE_HELP


def palette_commands(
    key_display: KeyDisplay,
    action: Callable[[str], Callable[[], Any]],
    campaign: Campaign,
    names: Mapping[str, str],
    seek: Callable[[float], None],
    extra: Sequence[Binding] = (),
) -> list[PaletteCommand]:
    """Every key's action (``action(name)`` runs it), ``extra``'s first, then "jump to"
    every event (or, for a campaign of many events, to the first of each kind in each
    mission), for the command palette; ``seek`` moves the replay."""
    from mission_control.screens.commands import PaletteCommand

    first: dict[str, Binding] = {}
    for binding in [*extra, *BINDINGS]:
        first.setdefault(binding.action, binding)  # q, not ctrl+c too
    commands = [
        PaletteCommand(
            binding.tooltip or binding.description,
            f"key: {key_display(binding)}",
            action(binding.action),
        )
        for binding in first.values()
    ]
    events = campaign.all_events()
    for position in jump_targets(events):
        tick, event = events[position]
        commands.append(
            PaletteCommand(
                f"Jump to {names[event.mission_id]}: {event.summary}",
                event_when(event, style="short") + f" · {event.kind}, {event.part}",
                partial(seek, tick),
            )
        )
    return commands
