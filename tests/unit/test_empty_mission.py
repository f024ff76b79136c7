"""An article that names its mission but states no dated event: it is prepared for replay
with what it does state, and every command names it in one line and shows an empty result
(status 1, as for any file whose events could not be read, README's "Exit status")."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mission_control import cli, exit_codes
from mission_control.campaign import undated_campaign, undated_line
from mission_control.loading import load_campaign, load_missions

ARTICLE = """= Osprey =

Osprey was a proposed American orbiter to study the clouds of Venus. It was studied in the
late 1970s but never built.

== Design ==
The orbiter would have carried a radar altimeter and a cloud camera.
"""

MARS6 = str(Path(cli.__file__).parent.parent / "seeds" / "mars6.txt")


@pytest.fixture
def undated(tmp_path: Path) -> Path:
    path = tmp_path / "osprey.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_an_undated_mission_is_prepared_with_nothing_to_replay(undated: Path) -> None:
    lines: list[tuple[str, str]] = []
    (mission,), status = load_missions([str(undated)], None, lambda *line: lines.append(line))
    campaign = undated_campaign([mission])
    (track,) = campaign.tracks
    assert mission.name == "Osprey"
    assert track.ticks == () and track.launch is None and track.arrival_tick is None
    assert "orbiter" in track.parts
    assert campaign.start == campaign.end
    assert len(campaign.all_events()) == 0
    assert campaign.next_event_tick(campaign.start) is None
    assert status == exit_codes.FILES


def test_one_line_names_the_file_and_no_launch_warning_repeats_it(undated: Path) -> None:
    lines: list[tuple[str, str]] = []
    (mission,), _ = load_missions([str(undated)], None, lambda *line: lines.append(line))
    line = undated_line(mission)
    assert lines == [("error", line)]
    assert line.startswith(f"{undated}: ") and "no dated event" in line


def test_beside_a_dated_article_both_are_kept_and_the_span_is_the_dated_ones(
    undated: Path,
) -> None:
    campaign, status = load_campaign([MARS6, str(undated)], None, lambda *line: None)
    alone, _ = load_campaign([MARS6], None, lambda *line: None)
    assert [m.id for m in campaign.missions] == ["mars6", "osprey"]
    assert (campaign.start, campaign.end) == (alone.start, alone.end)
    assert campaign.all_ticks() == alone.all_ticks()
    assert status == exit_codes.FILES


@pytest.mark.parametrize("form", ["table", "csv", "json"])
def test_timeline_gives_the_line_and_no_events(undated: Path, form: str) -> None:
    status, out, err = run("timeline", "--format", form, str(undated))
    assert status == exit_codes.FILES
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {undated}: states no dated event; nothing to replay"]
    assert "no dated launch" not in err
    if form == "json":
        (mission,) = json.loads(out)["missions"]
        assert (mission["name"], mission["events"]) == ("Osprey", [])
    elif form == "csv":
        assert out.splitlines()[0].startswith("mission,utc") and len(out.splitlines()) == 1
    else:
        assert "Osprey" in out


def test_replay_gives_the_line_and_prints_nothing(undated: Path) -> None:
    status, out, err = run("replay", "--speed", "1 week/s", str(undated))
    assert (status, out) == (exit_codes.FILES, "")
    assert f"error: {undated}: states no dated event" in err


def test_state_beside_a_dated_article_shows_the_undated_one_before_anything(
    undated: Path,
) -> None:
    status, out, err = run("state", "--format", "json", "--at", "1974-03-12", MARS6, str(undated))
    assert status == exit_codes.FILES
    osprey = next(m for m in json.loads(out)["missions"] if m["id"] == "osprey")
    assert (osprey["events_passed"], osprey["next_event"], osprey["met_s"]) == (0, None, None)
    assert f"error: {undated}: states no dated event" in err


def test_the_dashboard_gets_both(undated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mission_control import dashboard

    ran: list[object] = []
    monkeypatch.setattr(dashboard, "run_dashboard", lambda args, c: ran.append(c) or 0)
    status, _, err = run(MARS6, str(undated))
    (campaign,) = ran
    assert [m.id for m in campaign.missions] == ["mars6", "osprey"]  # type: ignore[attr-defined]
    assert status == exit_codes.FILES
    assert f"error: {undated}: states no dated event" in err


def test_the_dashboard_refuses_a_time_to_start_at_and_says_why(undated: Path) -> None:
    status, out, err = run("--at", "1978-01-01", str(undated))
    assert (status, out) == (exit_codes.USAGE, "")
    assert err.splitlines()[-1] == (
        "mission-control: --at '1978-01-01': no article states a dated event, so no time to go to"
    )


def test_a_time_cannot_be_named_in_a_campaign_with_no_dated_event(undated: Path) -> None:
    from mission_control.timeparse import TimeError, time_in_campaign

    campaign = load_campaign([str(undated)], None, lambda *_: None)[0]
    with pytest.raises(TimeError, match="no article states a dated event"):
        time_in_campaign("1974-03-12", campaign)
