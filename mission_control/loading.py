"""Reading the articles a command names: the one path every command and the dashboard take,
so each reports an unreadable file, a document's warnings and a mission it cannot find the
same way, with the same exit status."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from mission_control import catalog, exit_codes
from mission_control.campaign import Campaign, build_campaign, undated_campaign, undated_line
from mission_control.exit_codes import Failure, NothingToShow, UsageError
from mission_control.mission import Mission

Report = Callable[[str, str], None]
"""Called with ``("error", line)`` for a file that could not be read and ``("warning",
line)`` for each thing a document states badly."""


def load_missions(
    words: Sequence[str], seeds: Path | None, report: Report
) -> tuple[list[Mission], int]:
    """The missions ``words`` name (all bundled ones for none) and the exit status they give.

    A file that could not be read, or that names no mission and states no dated event (it is
    no mission article), is reported as an error and left out; an article that names its
    mission but states no dated event is reported too (:func:`campaign.undated_line`) but
    kept, so what it does state is still shown; the status is then FILES. UsageError for a
    name that is no mission; NothingToShow when nothing could be read, in one line naming
    every file and why, or the ``seeds`` folder that holds no article.
    """
    try:
        loaded = catalog.load(words, seeds)
    except catalog.UnknownMission as exc:
        if seeds is not None and not exc.known:
            message = f"unknown mission {exc.name!r}: {seeds} holds no *.txt article"
            raise UsageError(message) from None
        raise UsageError(str(exc)) from None
    except OSError as exc:  # a name the system refuses to look up (too long, a closed folder)
        raise Failure(f"{exc.filename}: cannot be read ({exc.strerror})") from None
    missions = [m for m in loaded.missions if _is_article(m)]
    errors = loaded.errors + [
        f"{m.source}: not a mission article (it states no dated event)"
        for m in loaded.missions
        if not _is_article(m)
    ]
    errors += [undated_line(m) for m in missions if not len(m.table)]
    if not missions:
        if not errors and seeds is not None:
            raise NothingToShow(f"nothing to show: {seeds} holds no *.txt article")
        reasons = "; ".join(errors)
        raise NothingToShow("no mission could be read" + (f": {reasons}" if reasons else ""))
    for line in errors:
        report("error", line)
    for mission in missions:
        for warning in mission.warnings:
            report("warning", warning)
    return missions, exit_codes.FILES if errors else exit_codes.OK


def load_campaign(words: Sequence[str], seeds: Path | None, report: Report) -> tuple[Campaign, int]:
    """The named missions prepared for replay, and the exit status reading them gives;
    missions none of which states a dated event are prepared with nothing to replay."""
    missions, status = load_missions(words, seeds, report)
    if not any(len(m.table) for m in missions):
        return undated_campaign(missions, catalog.status_rules()), status
    try:
        return build_campaign(missions, catalog.status_rules()), status
    except ValueError as exc:
        raise NothingToShow(str(exc)) from None


def _is_article(mission: Mission) -> bool:
    """Whether a text is a mission article: it states a dated event, or it names its mission
    (a title line, or a name in its first sentence), so there is something to show."""
    return bool(len(mission.table)) or mission.name != UNNAMED


UNNAMED = "Unnamed mission"
"""The name the reader gives a mission whose article names none."""
