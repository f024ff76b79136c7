"""Reading the articles a command names: the one path every command and the dashboard take,
so each reports an unreadable file, a document's warnings and a mission it cannot find the
same way, with the same exit status."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from mission_control import catalog, exit_codes
from mission_control.campaign import Campaign, build_campaign
from mission_control.exit_codes import NothingToShow, UsageError
from mission_control.mission import Mission

Report = Callable[[str, str], None]
"""Called with ``("error", line)`` for a file that could not be read and ``("warning",
line)`` for each thing a document states badly."""


def load_missions(
    words: Sequence[str], seeds: Path | None, report: Report, *, need_one: bool = False
) -> tuple[list[Mission], int]:
    """The missions ``words`` name (all bundled ones for none) and the exit status they give.

    UsageError for a name that is no mission; with ``need_one``, NothingToShow when none
    could be read, in one line naming every file and why.
    """
    try:
        loaded = catalog.load(words, seeds)
    except catalog.UnknownMission as exc:
        raise UsageError(str(exc)) from None
    if need_one and not loaded.missions:
        reasons = "; ".join(loaded.errors)
        raise NothingToShow("no mission could be read" + (f": {reasons}" if reasons else ""))
    for line in loaded.errors:
        report("error", line)
    for mission in loaded.missions:
        for warning in mission.warnings:
            report("warning", warning)
    return loaded.missions, exit_codes.FILES if loaded.errors else exit_codes.OK


def load_campaign(words: Sequence[str], seeds: Path | None, report: Report) -> tuple[Campaign, int]:
    """The named missions prepared for replay, and the exit status reading them gives."""
    missions, status = load_missions(words, seeds, report, need_one=True)
    try:
        return build_campaign(missions, catalog.status_rules()), status
    except ValueError as exc:
        raise NothingToShow(str(exc)) from None
