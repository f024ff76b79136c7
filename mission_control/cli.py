"""Command line: the dashboard, and the same data without it (rich tables, JSON, CSV).

This module reads the arguments and hands each command to the module that does it; the
dashboard, the default command, imports nothing of the printing commands.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from rich.console import Console
from rich.text import Text

from mission_control import collector, exit_codes
from mission_control.campaign import Campaign
from mission_control.cli_output import GuardedConsole, GuardedStream
from mission_control.exit_codes import Failure, UsageError
from mission_control.loading import Report, load_campaign, load_missions
from mission_control.model import UNIT_SYSTEMS

if TYPE_CHECKING:
    from _typeshed import SupportsWrite


def reporter(err: Console) -> Report:
    """How every command prints an unreadable file and a document's warning."""

    def report(level: str, line: str) -> None:
        style = "bold red" if level == "error" else "yellow"
        err.print(Text(f"{level}: {line}"), style=style)

    return report


def _words(args: argparse.Namespace) -> list[str]:
    """The missions the command names: the words after it, or the one ``--mission``."""
    words = list(args.missions)
    if args.mission is None:
        return words
    if words:
        named = ", ".join(repr(w) for w in words)
        raise UsageError(
            f"--mission {args.mission!r} cannot be given with {named}: it shows that one "
            "mission only; to show several, name them after the command"
        )
    return [args.mission]


def _tick(text: str, campaign: Campaign) -> float:
    from mission_control.timeparse import TimeError, time_in_campaign

    try:
        return time_in_campaign(text, campaign)
    except TimeError as exc:
        raise UsageError(str(exc)) from None


def cmd_timeline(args: argparse.Namespace, out: Console, err: Console) -> int:
    """``timeline``: the events each document states, as a table, JSON or CSV."""
    from mission_control import reports

    if args.format == "json":
        campaign, status = load_campaign(_words(args), args.seeds, reporter(err))
        _warn_transfers(campaign, err)
        reports.timeline_json(campaign, args.units, out.file)
        return status
    missions, status = load_missions(_words(args), args.seeds, reporter(err))
    if args.format == "csv":
        reports.timeline_csv(missions, args.units, out.file)
    else:
        for mission in missions:
            out.print(reports.timeline_table(mission, args.units))
    return status


def cmd_state(args: argparse.Namespace, out: Console, err: Console) -> int:
    """``state``: every mission's state at one moment."""
    from mission_control import reports
    from mission_control.state import state_at

    campaign, status = load_campaign(_words(args), args.seeds, reporter(err))
    state = state_at(campaign, _tick(args.at, campaign))
    _warn_transfers(campaign, err)
    if args.format == "json":
        import json

        out.file.write(json.dumps(reports.state_json(state), indent=2, ensure_ascii=False) + "\n")
    else:
        reports.state_tables(state, out, args.units)
    return status


def _warn_transfers(campaign: Campaign, err: Console) -> None:
    """A warning line for each mission whose trajectory cannot be modelled, saying why."""
    report = reporter(err)
    dated = {t.mission.id for t in campaign.tracks if t.ticks}  # the others have their line
    for mission_id, line in campaign.transfer_warnings().items():
        if mission_id in dated:
            report("warning", line)


def cmd_replay(args: argparse.Namespace, out: Console, err: Console) -> int:
    """``replay``: print each event as the replay clock passes it."""
    from mission_control.replay_print import run_replay
    from mission_control.speed import SpeedError, parse_speed

    campaign, status = load_campaign(_words(args), args.seeds, reporter(err))
    try:
        speed = parse_speed(args.speed)
    except SpeedError as exc:
        raise UsageError(str(exc)) from None
    # A negative speed replays backwards: from the end, or --from, back to --until.
    backwards = speed is not None and speed < 0
    first, last = (campaign.end, campaign.start) if backwards else (campaign.start, campaign.end)
    start = _tick(args.start, campaign) if args.start else first
    until = _tick(args.until, campaign) if args.until else last
    if backwards and until > start:
        raise UsageError(
            f"--until {args.until!r} is after --from {args.start!r}: "
            f"a replay at speed {args.speed!r} runs backwards"
        )
    if not backwards and until < start:
        raise UsageError(
            f"--until {args.until!r} is before --from {args.start!r}: "
            "a replay runs forwards unless its speed is negative"
        )

    def write(line: str) -> None:
        out.file.write(line + "\n")
        out.file.flush()

    # A service manager's SIGTERM ends a replay as cleanly as Ctrl-C does, with the status
    # a shell gives a program SIGTERM ended (143).
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        run_replay(campaign, start=start, until=until, speed=speed, system=args.units, write=write)
    except KeyboardInterrupt:
        return status
    except _Terminated:
        return exit_codes.SIGNALLED[signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, previous)
    return status


def cmd_run(args: argparse.Namespace, out: Console, err: Console) -> int:
    """The dashboard (``run``, and the default)."""
    # Starting makes objects that live as long as the program (Textual's modules, the
    # stylesheet, the widgets, the missions): the collector's passes over them find little
    # and cost some 30 ms before the first frame. The dashboard turns collection back on
    # once that frame is drawn.
    with collector.disabled():
        campaign, status = load_campaign(_words(args), args.seeds, reporter(err))
        from mission_control.dashboard import run_dashboard

        # After a quit, a file that could not be read still gives its status.
        return run_dashboard(args, campaign) or status


def cmd_serve(args: argparse.Namespace, out: Console, err: Console) -> int:
    """``serve``: the dashboard in web browsers, each tab a session of its own."""
    from mission_control.serve import command  # the web server: for this command only

    command.check_serve(args)
    campaign, status = load_campaign(_words(args), args.seeds, reporter(err))
    return command.run_serve(args, args.argv[1:], campaign, status, out, err)


# --- parser -----------------------------------------------------------------------------


def add_sources(p: argparse.ArgumentParser, default: str = "all") -> None:
    p.add_argument(
        "missions",
        nargs="*",
        metavar="MISSION|FILE",
        help=f"a bundled mission (mars6, 'Mars 7') or an article file; default: {default}",
    )
    p.add_argument("--seeds", type=Path, metavar="DIR", help="read every *.txt in DIR instead")
    p.add_argument("--mission", metavar="M", help="only this mission (the same as naming it)")


def add_units(p: argparse.ArgumentParser) -> None:
    p.add_argument("--units", choices=UNIT_SYSTEMS, default="si")


def add_speed(p: argparse.ArgumentParser) -> None:
    p.add_argument("--speed", default="auto", help="a factor (3600 or 10x), a rate (1 d/s) or auto")


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose help is written as every command's output is: argparse
    itself would drop it silently on a full disk and exit 0."""

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        stream = GuardedStream(sys.stdout, output=True, real=True)
        super().print_help(file or stream)
        stream.flush()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    state.add_argument("--format", choices=("table", "json"), default="table")
    add_units(state)
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
    serve = sub.add_parser("serve", help="the dashboard in web browsers", allow_abbrev=False)
    add_dashboard_options(serve)
    from mission_control.serve.options import add_serve_options  # no Textual, no web server

    add_serve_options(serve)
    serve.set_defaults(func=cmd_serve)
    return parser


def build_dashboard_parser() -> argparse.ArgumentParser:
    """The ``run`` subcommand's parser on its own, with the same options, help and errors:
    starting the dashboard need not build the other three."""
    parser = _Parser(prog="mission-control run")
    add_dashboard_options(parser)
    parser.set_defaults(command="run", func=cmd_run)
    return parser


def add_dashboard_options(p: argparse.ArgumentParser) -> None:
    add_sources(p, default="the Mars 6/7 campaign")
    add_speed(p)
    p.add_argument("--at", metavar="TIME", help="start at this time")
    p.add_argument("--paused", action="store_true", help="start paused")
    p.add_argument(
        "--loop",
        action="store_true",
        help="play the replay again and again (a kiosk): a few seconds at its end, then anew",
    )
    add_units(p)
    p.add_argument("--theme", default=None, help="a Textual theme (textual-dark, nord, ...)")
    p.add_argument(
        "--ascii",
        action="store_true",
        help="draw with ASCII characters only (the default when the locale is not UTF-8 "
        "or TERM=linux)",
    )
    # A shared replay: its modules are imported only when an option is given; "default" is
    # share.protocol.DEFAULT_NAME, spelled here so that parsing imports none of them.
    for option, what in (("--present", "present this replay"), ("--follow", "follow the replay")):
        p.add_argument(option, nargs="?", const="default", metavar="NAME", help=f"{what} NAME "
                       f"(default: default); missions go before it, or {option}=NAME")  # fmt: skip
    p.add_argument("--group", metavar="GROUP", help="a presenter's socket: 0660, this group's")
    p.add_argument("--share", metavar="nats://HOST:PORT", help="via a NATS broker, across hosts")


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
    """Run the command ``argv`` names (the dashboard when it names none); its exit status.

    Every way a command can fail ends here, as one line and the status README's table
    gives: a Failure (a file, a usage mistake, output that could not be written), Ctrl-C,
    or a reader of the output that went away.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    commands = {"timeline", "state", "replay", "run", "serve"}
    if not any(a in commands for a in args_list[:1]) and not any(
        a in ("-h", "--help") for a in args_list
    ):
        args_list = ["run", *args_list]
    stdout = GuardedStream(out or sys.stdout, output=True, real=out is None)
    stderr = GuardedStream(err or sys.stderr, output=False, real=err is None)
    out_console = GuardedConsole(file=cast(TextIO, stdout), soft_wrap=False)
    err_console = GuardedConsole(file=cast(TextIO, stderr), stderr=err is None, soft_wrap=True)
    try:
        args = parse_args(args_list)
        args.argv = args_list  # as typed: serve hands the dashboard's options on
        status = int(args.func(args, out_console, err_console))
        out_console.file.flush()
        return status
    except Failure as exc:
        err_console.print(Text(f"mission-control: {exc}"), style="bold red")
        return exc.status
    except KeyboardInterrupt:
        return exit_codes.OK
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as a program SIGPIPE ends does.
        return exit_codes.BROKEN_PIPE


class _Terminated(Exception):
    """SIGTERM arrived during a replay."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated
