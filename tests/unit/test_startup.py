"""What the dashboard does before its first frame: only what that frame needs.

The modules the dashboard never needs to start (the dialogs, the unit formatting, the
printing subcommands' json, csv and tables, the crash report, the rules' TOML parser, the
timeline's month axis) are imported when they are first used, as a fresh Python shows. The
first frame itself, under the pilot, is in ui/test_first_frame.py.
"""

from __future__ import annotations

import gc
import io
import subprocess
import sys

import pytest

from mission_control import cli
from mission_control.campaign import Campaign
from mission_control.model import Status
from mission_control.phases import PART_PHASES
from mission_control.widgets import subsystem_panel, timeline
from mission_control.widgets.timeline import PHASE_COLOURS

NOT_AT_START = [
    "csv",
    "json",
    "calendar",
    "hashlib",
    "tomllib",
    "importlib.metadata",
    "dateutil.parser",
    "mission_control.crash",
    "mission_control.fingerprint",
    "mission_control.shipped",
    "mission_control.units",
    "mission_control.unit_registry",
    "mission_control.timeparse",
    "mission_control.screens.commands",
    "mission_control.screens.event_detail",
    "mission_control.screens.goto",
    "mission_control.screens.help",
    "mission_control.screens.search",
    "mission_control.lambert",
    "mission_control.kepler",
    "mission_control.trajectory",
    "mission_control.presentation.braille",
    "mission_control.presentation.caption",
    "mission_control.presentation.orrery",
    "mission_control.presentation.orrery_scene",
    "mission_control.widgets.orrery",
    "mission_control.serve",
    "textual_serve",
    "aiohttp",
    "mission_control.share",
    "nats",
]
"""Modules the dashboard's start does not import: the command line, its arguments for the
dashboard and the app module are all loaded, and none of these with them (nor the web
server's, nor a shared replay's, which only their options load)."""


def test_starting_the_dashboard_imports_only_what_it_needs() -> None:
    code = (
        "import sys\n"
        "from mission_control import cli\n"
        "args = cli.parse_args(['run'])\n"
        "import mission_control.dashboard\n"
        f"print([m for m in {NOT_AT_START!r} if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "argv",
    [
        ["run"],
        ["run", "--units", "imperial", "--paused", "--at", "mars6:launch", "mars6"],
        ["run", "--speed", "1 d/s", "--mission", "mars7", "--ascii", "--theme", "nord"],
    ],
)
def test_the_dashboards_own_parser_reads_what_the_full_one_does(argv: list[str]) -> None:
    assert cli.parse_args(argv) == cli.build_parser().parse_args(argv)


def test_an_unknown_dashboard_argument_is_named_as_before(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.parse_args(["run", "--bogus"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: mission-control [-h] {timeline,state,replay,run,serve}")
    assert "unrecognized arguments: --bogus" in err


def test_collection_is_back_on_after_a_dashboard_that_never_started() -> None:
    assert cli.main(["--theme", "no-such-theme"], out=io.StringIO(), err=io.StringIO()) == 2
    assert gc.isenabled()


def test_every_phase_and_status_has_a_style() -> None:
    assert set(PHASE_COLOURS) == set(PART_PHASES)
    assert set(PHASE_COLOURS.values()) <= set(timeline.STYLES)
    assert {status.value for status in Status} <= set(subsystem_panel.STYLES)


STARTUP_PROBE = """
import asyncio, sys
from mission_control import catalog
from mission_control.app import make_app
from mission_control.clock import ManualTimeSource
from mission_control.campaign import build_campaign

app = make_app(build_campaign(catalog.load().missions), time_source=ManualTimeSource())
print("before the first frame:", "pint" in sys.modules)

async def main() -> None:
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        print("after the worker:", "pint" in sys.modules)
        shown = sorted(q.imperial for qs in (app.quantities or {}).values() for q in qs)
        print("quantities:", "; ".join(shown))

asyncio.run(main())
"""


def test_a_warm_start_shows_quantities_without_loading_pint(campaign: Campaign) -> None:
    # The campaign fixture has filled the parsed-seed cache, as any earlier run would have:
    # only a cold cache reads the seeds, and reading them loads pint.
    assert campaign.tracks
    result = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE], capture_output=True, text=True, check=True
    )
    lines = result.stdout.splitlines()
    assert lines[:2] == ["before the first frame: False", "after the worker: False"]
    assert lines[2].startswith("quantities: ")
    assert "mph" in lines[2] and "mi" in lines[2]
