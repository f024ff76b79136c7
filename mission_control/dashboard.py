"""``mission-control [run]``: check everything the user gave, then run the dashboard.

Every mistake is found and named before the terminal is taken over, so a bad option never
leaves a blank alternate screen behind.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from textual.theme import BUILTIN_THEMES

from mission_control import exit_codes, glyphs
from mission_control.app import make_app
from mission_control.campaign import Campaign
from mission_control.exit_codes import UsageError
from mission_control.speed import SpeedError, parse_speed

if TYPE_CHECKING:
    from mission_control.share.link import Setup


SHARE_OPTIONS = ("present", "follow", "group", "share")
"""The options of a shared replay (cli.add_dashboard_options)."""


def checked_options(
    args: argparse.Namespace, campaign: Campaign
) -> tuple[float | None, float | None]:
    """The speed (None: auto) and the tick to start at (None: the campaign's start) the
    options give, or UsageError naming a speed, a time to start at or a theme that cannot
    be used. ``serve`` asks it too, so that a mistake is named before the server starts."""
    try:
        speed = parse_speed(args.speed)
    except SpeedError as exc:
        raise UsageError(str(exc)) from None
    start = None
    if args.at and not campaign.all_ticks():
        raise UsageError(f"--at {args.at!r}: no article states a dated event, so no time to go to")
    if args.at:
        from mission_control.timeparse import ACCEPTED_FORMS, TimeError, time_in_campaign

        try:
            start = time_in_campaign(args.at, campaign)
        except TimeError as exc:
            message = str(exc)
            if ACCEPTED_FORMS not in message:
                message += f"\n{ACCEPTED_FORMS}"
            raise UsageError(message) from None
    if args.theme is not None and args.theme not in BUILTIN_THEMES:
        raise UsageError(
            f"unknown theme {args.theme!r}; themes: {', '.join(sorted(BUILTIN_THEMES))}"
        )
    return speed, start


def share_setup(args: argparse.Namespace) -> Setup | None:
    """The shared replay the options ask for (None for none), or UsageError naming what
    cannot be used. Only a shared replay imports its modules: a plain start loads none."""
    if all(getattr(args, option, None) is None for option in SHARE_OPTIONS):
        return None
    from mission_control.share.link import SetupError, prepare

    try:
        return prepare(args)
    except SetupError as exc:
        raise UsageError(str(exc)) from None


def run_dashboard(args: argparse.Namespace, campaign: Campaign) -> int:
    """Read the options, then run the dashboard over ``campaign``; its exit status."""
    speed, start = checked_options(args, campaign)
    share = share_setup(args)  # a presenter's socket is bound here, before the terminal
    try:
        return _run(args, campaign, speed, start, share)
    finally:
        if share is not None:
            share.release()


def _run(
    args: argparse.Namespace,
    campaign: Campaign,
    speed: float | None,
    start: float | None,
    share: Setup | None,
) -> int:
    """Make the app and run it until it ends; its exit status."""
    app = make_app(
        campaign,
        start=start,
        speed=speed,
        paused=args.paused,
        units=args.units,
        theme=args.theme,
        ascii_only=args.ascii
        or not glyphs.terminal_shows_unicode(
            os.environ, started_in_c_locale=glyphs.python_started_in_c_locale()
        ),
        loop=args.loop,
        share=share,
    )
    app.run()
    # The statuses of README.md's table: 0 after q or ctrl+c, 1 after a crash (its note
    # printed), 143 after SIGTERM, 129 after SIGHUP or the terminal gone, 128+n after signal n.
    return app.return_code or exit_codes.OK
