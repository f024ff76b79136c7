"""Command line: the dashboard, and the same data without it (rich tables, JSON, CSV)."""

from __future__ import annotations

import argparse
import gc
import re
import signal
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.text import Text

from mission_control import catalog, exit_codes, glyphs
from mission_control.model import UNIT_SYSTEMS, Event, Mission
from mission_control.replay import (
    Campaign,
    CampaignState,
    build_campaign,
    earth_receive,
    event_met_s,
    replay_clock,
    state_at,
)
from mission_control.timescale import format_duration, format_met

if TYPE_CHECKING:
    from rich.table import Table

# The dashboard, the default command, needs none of json, csv, rich's tables or the unit
# formatting that the printing subcommands use: each is imported where it is used.


class UsageError(Exception):
    """A mistake on the command line: printed as one message, exit status 2."""


# --- shared helpers ---------------------------------------------------------------------


def _load(words: Sequence[str], seeds: Path | None, err: Console) -> tuple[list[Mission], int]:
    try:
        loaded = catalog.load(words, seeds)
    except catalog.UnknownMission as exc:
        raise UsageError(str(exc)) from None
    for line in loaded.errors:
        err.print(Text(f"error: {line}"), style="bold red")
    for mission in loaded.missions:
        for warning in mission.warnings:
            err.print(Text(f"warning: {warning}"), style="yellow")
    status = exit_codes.FILES if loaded.errors else exit_codes.OK
    return loaded.missions, status


def _met_s(event: Event, mission: Mission) -> int | None:
    met = event_met_s(event, mission)
    return None if met is None else int(met)


def event_when(event: Event) -> str:
    """The event's time as the text states it; an ordered-only event says between what."""
    text = event.time.iso()
    if event.window is not None:
        a, b = (w.strftime("%H:%M:%S") for w in event.window)
        return f"{text} (between {a} and {b})"
    if event.approximate:
        return f"~{text}"
    return text


def event_json(event: Event, mission: Mission, system: str) -> dict[str, Any]:
    from mission_control import units

    primary = event.provenance[0]
    return {
        "utc": event.time.iso(),
        "precision": event.time.precision.label,
        "kind": event.kind,
        "part": event.part,
        "met_s": _met_s(event, mission),
        "approximate": event.approximate,
        "window": [w.strftime("%Y-%m-%dT%H:%M:%SZ") for w in event.window]
        if event.window
        else None,
        "summary": event.summary,
        "outcome": event.outcome,
        "sentence": primary.sentence,
        "span": list(primary.span),
        "line": primary.line,
        "sources": [
            {"sentence": p.sentence, "span": list(p.span), "line": p.line} for p in event.provenance
        ],
        "quantities": [units.to_json(q, system) for q in event.quantities],
    }


def mission_json(mission: Mission, system: str) -> dict[str, Any]:
    launch = mission.launch
    return {
        "id": mission.id,
        "name": mission.name,
        "source": mission.source,
        "metadata": mission.metadata,
        "launch": launch.time.iso() if launch else None,
        "instruments": {part: list(items) for part, items in mission.instruments.items()},
        "events": [event_json(e, mission, system) for e in mission.events],
        "warnings": list(mission.warnings),
    }


def _quantities_text(event: Event, system: str) -> str:
    from mission_control import units

    return "; ".join(units.display(q, system) for q in event.quantities)


# --- timeline ---------------------------------------------------------------------------


def cmd_timeline(args: argparse.Namespace, out: Console, err: Console) -> int:
    missions, status = _load(args.missions, args.seeds, err)
    if args.format == "json":
        import json

        out.file.write(
            json.dumps(
                {"missions": [mission_json(m, args.units) for m in missions]},
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    elif args.format == "csv":
        import csv

        writer = csv.writer(out.file, lineterminator="\n")
        writer.writerow(
            [
                "mission",
                "utc",
                "precision",
                "approximate",
                "met",
                "part",
                "kind",
                "summary",
                "outcome",
                "quantities",
            ]
        )
        for mission in missions:
            for event in mission.events:
                met = _met_s(event, mission)
                writer.writerow(
                    [
                        mission.id,
                        event.time.iso(),
                        event.time.precision.label,
                        "yes" if event.approximate else "",
                        format_met(met) if met is not None else "",
                        event.part,
                        event.kind,
                        event.summary,
                        event.outcome or "",
                        _quantities_text(event, args.units),
                    ]
                )
    else:
        for mission in missions:
            out.print(_timeline_table(mission, args.units))
    return status


def _timeline_table(mission: Mission, system: str) -> Table:
    from rich import box
    from rich.table import Table

    meta = mission.metadata
    caption = " · ".join(
        f"{label}: {meta[key]}"
        for key, label in (
            ("designation", "designation"),
            ("launch_vehicle", "vehicle"),
            ("launch_site", "site"),
            ("manufacturer", "built by"),
        )
        if meta.get(key)
    )
    table = Table(
        title=f"{mission.name}  ({mission.source})",
        caption=caption,
        title_justify="left",
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("UTC", no_wrap=True)
    table.add_column("MET", no_wrap=True)
    table.add_column(f"event (part, kind; quantities in {system})")
    for event in mission.events:
        met = _met_s(event, mission)
        when = event.time.iso()
        if event.window is not None:
            a, b = (w.strftime("%H:%M:%S") for w in event.window)
            when += f"\n≈ {a}–{b}"
        elif event.approximate:
            when = f"≈ {when}"
        cell = Text(event.summary, style="bold red" if event.failed else "bold")
        cell.append(f"\n{event.part}, {event.kind}", style="dim")
        quantities = _quantities_text(event, system)
        if quantities:
            cell.append(f"; {quantities}", style="cyan")
        table.add_row(when, format_met(met) if met is not None else "", cell)
    return table


# --- state ------------------------------------------------------------------------------


def _campaign(args: argparse.Namespace, err: Console) -> tuple[Campaign, int]:
    words = list(getattr(args, "missions", []) or [])
    if getattr(args, "mission", None):
        words.append(args.mission)
    missions, status = _load(words, getattr(args, "seeds", None), err)
    if not missions:
        raise UsageError("no mission could be read")
    try:
        return build_campaign(missions, catalog.status_rules()), status
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _tick(text: str, campaign: Campaign) -> float:
    from mission_control.timeparse import TimeError, check_in_campaign, parse_time

    try:
        tick = parse_time(text, campaign)
        check_in_campaign(tick, campaign, text)
    except TimeError as exc:
        raise UsageError(str(exc)) from None
    return tick


def state_json(state: CampaignState) -> dict[str, Any]:
    missions = []
    for ms in state.missions:
        nxt = ms.next_event
        missions.append(
            {
                "id": ms.mission.id,
                "name": ms.mission.name,
                "met_s": int(ms.met_s // 1) if ms.met_s is not None else None,
                "met": format_met(ms.met_s) if ms.met_s is not None else None,
                "phase": ms.phase,
                "owlt_s": round(ms.owlt_s, 1) if ms.owlt_s is not None else None,
                "next_event": {
                    "kind": nxt.kind,
                    "part": nxt.part,
                    "utc": nxt.time.iso(),
                    "summary": nxt.summary,
                }
                if nxt
                else None,
                "countdown_s": int(ms.countdown_s // 1) if ms.countdown_s is not None else None,
                "countdown": format_duration(-ms.countdown_s)
                if ms.countdown_s is not None
                else None,
                "events_passed": ms.passed,
                "last_event": _last_event_json(ms.passed_events[-1], ms) if ms.passed else None,
                "parts": {
                    part: {
                        name: {
                            "status": row.status.value,
                            "since": row.since.time.iso() if row.since else None,
                            "reason": row.reason,
                        }
                        for name, row in rows.items()
                    }
                    for part, rows in ms.parts.items()
                },
            }
        )
    return {
        "utc": state.utc.iso(),
        "utc_doy": state.utc.doy(),
        "msk": state.utc.moscow(),
        "missions": missions,
    }


def _last_event_json(event: Event, ms: Any) -> dict[str, Any]:
    erx = earth_receive(event, ms.track)
    return {
        "kind": event.kind,
        "utc": event.time.iso(),
        "summary": event.summary,
        "earth_receive": erx.strftime("%Y-%m-%dT%H:%M:%SZ") if erx and event.timed else None,
    }


def cmd_state(args: argparse.Namespace, out: Console, err: Console) -> int:
    campaign, status = _campaign(args, err)
    state = state_at(campaign, _tick(args.at, campaign))
    if args.format == "json":
        import json

        out.file.write(json.dumps(state_json(state), indent=2, ensure_ascii=False) + "\n")
        return status
    from rich import box
    from rich.table import Table

    out.print(
        Text.assemble(
            ("UTC ", "bold"),
            state.utc.iso(),
            "   ",
            ("DOY ", "bold"),
            state.utc.doy(),
            "   ",
            ("MSK ", "bold"),
            state.utc.moscow(),
        )
    )
    for ms in state.missions:
        table = Table(
            title=f"{ms.mission.name}: {ms.phase}",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
        )
        table.add_column("subsystem")
        table.add_column("status", no_wrap=True)
        table.add_column("set by")
        for part, rows in ms.parts.items():
            table.add_row(Text(part, style="bold underline"), "", "")
            for name, row in rows.items():
                setter = ""
                if row.since is not None:
                    setter = f"{row.reason} ({row.since.time.iso()})"
                table.add_row(
                    f"  {name}",
                    Text(
                        glyphs.label(row.status),
                        style=STATUS_STYLES[row.status.value],
                    ),
                    setter,
                )
        details = []
        if ms.met_s is not None:
            details.append(f"MET {format_met(ms.met_s)}")
        if ms.next_event is not None and ms.countdown_s is not None:
            details.append(f"next {ms.next_event.kind} {format_duration(-ms.countdown_s)}")
        if ms.owlt_s is not None:
            details.append(f"light time {ms.owlt_s:.1f} s")
        details.append(f"{ms.passed} events passed")
        table.caption = " · ".join(details)
        out.print(table)
    return status


STATUS_STYLES = {
    "off": "dim",
    "standby": "cyan",
    "normal": "green",
    "caution": "yellow",
    "serious": "bold dark_orange",
    "critical": "bold red",
    "unknown": "dim",
}


# --- replay -----------------------------------------------------------------------------

_SPEED_PATTERN = (
    r"(?i)^\s*(?P<n>\d+(?:\.\d+)?)?\s*(?P<unit>x|×|s/s|sec/s|min/s|h/s|hour/s|d/s|day/s|"
    r"w/s|week/s)?\s*$"
)
"""Compiled by ``re`` when first used: the dashboard's default speed, auto, needs none."""
_UNIT_S = {
    "x": 1,
    "×": 1,
    "s/s": 1,
    "sec/s": 1,
    "min/s": 60,
    "h/s": 3600,
    "hour/s": 3600,
    "d/s": 86400,
    "day/s": 86400,
    "w/s": 604800,
    "week/s": 604800,
}


def parse_speed(text: str) -> float | None:
    """A speed factor from ``3600``, ``60x``, ``1 h/s``, ``-1 d/s``; None for ``auto``."""
    raw = text.strip().lower()
    if raw == "auto":
        return None
    sign = -1.0 if raw.startswith(("-", "\u2212")) else 1.0
    match = re.match(_SPEED_PATTERN, raw.lstrip("+-\u2212"))
    if not match or not (match.group("n") or match.group("unit")):
        raise UsageError(
            f"cannot read speed {text!r}: give a factor (3600), a rate "
            "(10 min/s, 1 h/s, 1 d/s, 1 week/s) or auto"
        )
    factor = float(match.group("n") or 1) * _UNIT_S[(match.group("unit") or "x").lower()]
    if factor == 0:
        raise UsageError("speed 0 would never move; use --paused in the dashboard instead")
    return sign * factor


def replay_line(event: Event, mission: Mission, system: str) -> str:
    met = _met_s(event, mission)
    fields = [
        event_when(event),
        mission.id,
        format_met(met) if met is not None else "-",
        event.part,
        event.kind,
        event.summary,
    ]
    quantities = _quantities_text(event, system)
    if quantities:
        fields.append(quantities)
    return "  ".join(fields)


def run_replay(
    campaign: Campaign,
    *,
    start: float,
    until: float,
    speed: float | None,
    system: str,
    write: Callable[[str], None],
    source: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Print each event as the replay clock passes it, in scaled time, until ``until``."""
    lo, hi = sorted((start, until))
    clock = replay_clock(campaign, source, start=start, speed=speed, bounds=(lo, hi))
    forward = until >= start
    events = campaign.all_events()
    if forward:
        pending = [(t, e) for t, e in events if start <= t <= until]
    else:
        pending = [(t, e) for t, e in reversed(events) if until <= t <= start]
    missions = {m.id: m for m in campaign.missions}
    index = 0
    while index < len(pending):
        # Read whether it plays before the time: reaching a bound pauses the clock.
        playing = clock.playing
        now = clock.now()
        while index < len(pending) and (
            pending[index][0] <= now if forward else pending[index][0] >= now
        ):
            write(replay_line(pending[index][1], missions[pending[index][1].mission_id], system))
            index += 1
        if index >= len(pending) or not playing:
            break
        gap = abs(pending[index][0] - now) / max(abs(clock.speed), 1e-9)
        sleep(min(max(gap, 0.001), 0.25))


def cmd_replay(args: argparse.Namespace, out: Console, err: Console) -> int:
    campaign, status = _campaign(args, err)
    speed = parse_speed(args.speed)
    start = _tick(args.start, campaign) if args.start else campaign.start
    until = _tick(args.until, campaign) if args.until else campaign.end
    if speed is not None and speed < 0 and not args.until:
        until = campaign.start

    def write(line: str) -> None:
        out.file.write(line + "\n")
        out.file.flush()

    # A service manager's SIGTERM ends a replay as cleanly as Ctrl-C does.
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        run_replay(campaign, start=start, until=until, speed=speed, system=args.units, write=write)
    except KeyboardInterrupt:
        return status
    finally:
        signal.signal(signal.SIGTERM, previous)
    return status


# --- dashboard --------------------------------------------------------------------------


def cmd_run(args: argparse.Namespace, out: Console, err: Console) -> int:
    # Starting makes objects that live as long as the program (Textual's modules, the
    # stylesheet, the widgets, the missions): the collector's passes over them find little
    # and cost some 30 ms before the first frame. The dashboard turns collection back on
    # once that frame is drawn.
    gc.disable()
    try:
        from mission_control.app import run_dashboard

        return run_dashboard(args, err)
    finally:
        gc.enable()


# --- parser -----------------------------------------------------------------------------


def add_sources(p: argparse.ArgumentParser, default: str = "all") -> None:
    p.add_argument(
        "missions",
        nargs="*",
        metavar="MISSION|FILE",
        help=f"a bundled mission (mars6, 'Mars 7') or an article file; default: {default}",
    )
    p.add_argument("--seeds", type=Path, metavar="DIR", help="read every *.txt in DIR instead")


def add_units(p: argparse.ArgumentParser) -> None:
    p.add_argument("--units", choices=UNIT_SYSTEMS, default="si")


def add_speed(p: argparse.ArgumentParser) -> None:
    p.add_argument("--mission", metavar="M", help="only this mission")
    p.add_argument("--speed", default="auto", help="a factor (3600), a rate (1 d/s) or auto")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mission-control",
        description="Replay the 1973-74 Mars 6 and Mars 7 missions from their source documents.",
    )
    sub = parser.add_subparsers(dest="command")

    timeline = sub.add_parser("timeline", help="the events each document states")
    add_sources(timeline)
    add_units(timeline)
    timeline.add_argument("--format", choices=("table", "json", "csv"), default="table")
    timeline.set_defaults(func=cmd_timeline)

    state = sub.add_parser("state", help="every mission's state at one moment")
    add_sources(state)
    state.add_argument(
        "--at",
        required=True,
        metavar="TIME",
        help="UTC, day-of-year, MET (mars6:T+218d15h20m6s) or event (mars6:launch)",
    )
    state.add_argument("--mission", metavar="M", help="only this mission")
    state.add_argument("--format", choices=("table", "json"), default="table")
    state.set_defaults(func=cmd_state)

    replay = sub.add_parser("replay", help="print events as the replay clock passes them")
    add_sources(replay)
    add_units(replay)
    add_speed(replay)
    replay.add_argument("--from", dest="start", metavar="TIME")
    replay.add_argument("--until", metavar="TIME")
    replay.set_defaults(func=cmd_replay)

    run = sub.add_parser("run", help="the dashboard (also the default)")
    add_dashboard_options(run)
    run.set_defaults(func=cmd_run)
    return parser


def build_dashboard_parser() -> argparse.ArgumentParser:
    """The ``run`` subcommand's parser on its own, with the same options, help and errors:
    starting the dashboard need not build the other three."""
    parser = argparse.ArgumentParser(prog="mission-control run")
    add_dashboard_options(parser)
    parser.set_defaults(command="run", func=cmd_run)
    return parser


def add_dashboard_options(p: argparse.ArgumentParser) -> None:
    add_sources(p, default="the Mars 6/7 campaign")
    add_speed(p)
    p.add_argument("--at", metavar="TIME", help="start at this time")
    p.add_argument("--paused", action="store_true", help="start paused")
    add_units(p)
    p.add_argument("--theme", default=None, help="a Textual theme (textual-dark, nord, ...)")
    p.add_argument(
        "--ascii",
        action="store_true",
        help="draw with ASCII characters only (the default when the locale is not UTF-8 "
        "or TERM=linux)",
    )


def parse_args(args_list: list[str]) -> argparse.Namespace:
    """The dashboard's arguments are read by its own parser alone; anything else, and any
    argument that parser does not know, by the full one (whose messages name it)."""
    if args_list[:1] == ["run"]:
        args, unknown = build_dashboard_parser().parse_known_args(args_list[1:])
        if not unknown:
            return args
    return build_parser().parse_args(args_list)


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    commands = {"timeline", "state", "replay", "run"}
    if not any(a in commands for a in args_list[:1]) and not any(
        a in ("-h", "--help") for a in args_list
    ):
        args_list = ["run", *args_list]
    out_console = Console(file=out or sys.stdout, soft_wrap=False)
    err_console = Console(file=err or sys.stderr, stderr=err is None, soft_wrap=True)
    try:
        args = parse_args(args_list)
        return int(args.func(args, out_console, err_console))
    except UsageError as exc:
        err_console.print(Text(f"mission-control: {exc}"), style="bold red")
        return exit_codes.USAGE
    except KeyboardInterrupt:
        return exit_codes.OK
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as other command-line tools do.
        sys.stderr.close()
        return exit_codes.OK


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
