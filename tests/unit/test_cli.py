"""The command-line subcommands: formats, exit statuses and error messages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from support.paths import SEEDS

from mission_control import keymap
from mission_control.campaign import Campaign
from mission_control.cli import main
from mission_control.clock import ManualTimeSource
from mission_control.replay_print import run_replay
from mission_control.speed import SpeedError, parse_speed

NAMES = {"mars6": "Mars 6", "mars7": "Mars 7"}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def as_json(text: str) -> Any:
    return json.loads(text)


# --- timeline ---------------------------------------------------------------------------


def test_timeline_json_shape() -> None:
    status, out, err = run("timeline", "--format", "json")
    assert status == 0
    data = as_json(out)
    ids = [m["id"] for m in data["missions"]]
    assert ids == ["mars6", "mars7"]
    mars6 = data["missions"][0]
    assert mars6["name"] == "Mars 6"
    assert mars6["source"] == "seeds/mars6.txt"
    assert mars6["metadata"]["designation"] == "3MP No.50P"
    assert mars6["metadata"]["operator"] is None
    assert mars6["launch"] == "1973-08-05T17:45:48Z"
    assert "thermometer" in mars6["instruments"]["lander"]
    assert "magnetometer" in mars6["instruments"]["bus"]
    entry = next(e for e in mars6["events"] if e["kind"] == "atmospheric-entry")
    assert entry["utc"] == "1974-03-12T09:05:53Z"
    assert entry["precision"] == "second"
    assert entry["part"] == "lander"
    assert entry["met_s"] == 18890406
    assert entry["approximate"] is False
    assert entry["outcome"] is None
    text = (SEEDS / "mars6.txt").read_text("utf-8")
    start, end = entry["span"]
    assert text[start:end] == entry["sentence"]
    (speed,) = entry["quantities"]
    assert speed["value"] == [5600, 600]
    assert speed["unit"] == "meter / second"
    assert speed["text"].startswith("5,600 to 600 metres per second")
    parachute = next(e for e in mars6["events"] if e["kind"] == "parachute")
    assert parachute["approximate"] is True
    assert parachute["met_s"] is None
    assert parachute["utc"] == "1974-03-12"
    mars7 = data["missions"][1]
    assert any("Cospar Id" in w for w in mars7["warnings"])
    assert "Cospar Id" in err, "warnings also go to stderr"


def test_timeline_table_names_each_mission_and_its_events() -> None:
    status, out, _ = run("timeline", "mars7")
    assert status == 0
    assert "Mars 7" in out
    assert "Mars 6" not in out.splitlines()[0]
    assert "1973-08-09T17:00:17Z" in out
    assert "1,300 km" in out
    assert "failed to separate" in out


def test_timeline_csv_in_imperial_units() -> None:
    status, out, _ = run("timeline", "Mars 6", "--format", "csv", "--units", "imperial")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["mission"] for r in rows} == {"mars6"}
    separation = next(r for r in rows if r["kind"] == "separation")
    assert separation["quantities"] == "30,000 mi"
    assert separation["utc"] == "1974-03-12"
    entry = next(r for r in rows if r["kind"] == "atmospheric-entry")
    assert entry["met"] == "T+218d 15:20:06"
    assert entry["quantities"].endswith("mph")


@pytest.mark.parametrize("name", ["mars6", "MARS6", "Mars 6", "mars 6"])
def test_mission_names_in_any_case(name: str) -> None:
    status, out, _ = run("timeline", name, "--format", "json")
    assert status == 0
    assert [m["id"] for m in as_json(out)["missions"]] == ["mars6"]


def test_unknown_mission_lists_the_known_ones() -> None:
    status, out, err = run("timeline", "venera9")
    assert status == 2
    assert out == ""
    assert "venera9" in err
    assert "mars6" in err
    assert "mars7" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "is binary"),
        (b"Mars \xff\xfe 6 was launched", "is not UTF-8"),
    ],
)
def test_bad_files_are_named_and_the_rest_still_printed(
    tmp_path: Path, content: bytes, why: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    status, out, err = run("timeline", str(bad), str(SEEDS / "mars6.txt"), "--format", "json")
    assert status == 1
    assert f"{bad}: {why}" in err
    assert [m["id"] for m in as_json(out)["missions"]] == ["mars6"]
    assert "Traceback" not in err


def test_missing_file_is_named(tmp_path: Path) -> None:
    status, _, err = run("timeline", str(tmp_path / "nowhere.txt"))
    assert status == 1
    assert "nowhere.txt: no such file" in err


def test_seeds_folder_option(tmp_path: Path) -> None:
    (tmp_path / "m7.txt").write_text((SEEDS / "mars7.txt").read_text("utf-8"), "utf-8")
    status, out, _ = run("timeline", "--seeds", str(tmp_path), "--format", "json")
    assert status == 0
    missions = as_json(out)["missions"]
    assert [m["id"] for m in missions] == ["mars7"]
    assert missions[0]["source"].endswith("m7.txt")


# --- reading, the same for every command -----------------------------------------------


DASHBOARD_REFUSED = ("run", "--theme", "no-such-theme")  # read, then refused before it starts


def test_every_command_reports_the_documents_warnings_alike() -> None:
    def warnings(err: str) -> list[str]:
        return [line for line in err.splitlines() if line.startswith("warning: ")]

    _, _, err = run("timeline", "--format", "json")
    expected = warnings(err)
    assert any("seeds/mars7.txt" in line for line in expected)  # its garbled infobox fields
    for argv in (
        ("state", "--at", "mars6:launch"),
        ("replay", "--speed", "100000000"),
        DASHBOARD_REFUSED,
    ):
        _, _, err = run(*argv)
        assert warnings(err) == expected, argv


@pytest.mark.parametrize(
    "argv",
    [("state", "--at", "mars6:launch"), ("replay", "--speed", "1e12"), ("run",)],
    ids=["state", "replay", "dashboard"],
)
def test_no_readable_article_is_one_line_and_status_1(
    argv: tuple[str, ...], tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.txt"
    status, out, err = run(*argv, str(missing))
    assert status == 1
    assert out == ""
    assert err.splitlines() == [
        f"mission-control: no mission could be read: {missing}: no such file"
    ]


# --- state ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "at", ["1974-03-12T09:06:00Z", "1974-071T09:06:00Z", "mars6:T+218d15h20m13s"]
)
def test_state_json_in_every_time_form(at: str) -> None:
    status, out, _ = run("state", "--at", at, "--format", "json")
    assert status == 0
    data = as_json(out)
    assert data["utc"] == "1974-03-12T09:06:00Z"
    assert data["utc_doy"] == "1974-071T09:06:00Z"
    assert data["msk"] == "1974-03-12T12:06:00+03:00"
    mars6 = data["missions"][0]
    assert mars6 | {
        "parts": None,
        "next_event": None,
        "last_event": None,
        "name": None,
    } == mars6 | {
        "id": "mars6",
        "met_s": 18890413,
        "met": "T+218d 15:20:13",
        "phase": "entry and descent",
        "owlt_s": 761.1,
        "countdown_s": 305,
        "events_passed": 5,
        "parts": None,
        "next_event": None,
        "last_event": None,
        "name": None,
    }
    assert mars6["next_event"]["kind"] == "loss-of-contact"
    assert mars6["next_event"]["utc"] == "1974-03-12T09:11:05Z"
    assert mars6["parts"]["bus"]["magnetometer"] == {
        "status": "unknown",
        "since": None,
        "reason": None,
        "role": "instrument",
        "derived": False,
        "next": None,
    }
    radio = mars6["parts"]["lander"]["radio link"]
    assert radio["status"] == "normal"
    assert radio["since"] == "1974-03-12T09:05:53Z"


def test_state_at_an_event_and_for_one_mission() -> None:
    status, out, _ = run("state", "--at", "mars7:launch", "--mission", "mars7", "--format", "json")
    assert status == 0
    data = as_json(out)
    assert data["utc"] == "1973-08-09T17:00:17Z"
    assert [m["id"] for m in data["missions"]] == ["mars7"]
    assert data["missions"][0]["met_s"] == 0


def test_state_gives_earth_receive_time_modelled_in_cruise_and_the_planets_at_it() -> None:
    def last_events(at: str) -> list[Any]:
        status, out, _ = run("state", "--at", at, "--format", "json")
        assert status == 0
        return [m["last_event"] for m in as_json(out)["missions"]]

    launch, _ = last_events("mars6:launch")
    assert launch["kind"] == "launch"
    # At launch the modelled craft is at Earth: the signal takes no whole second.
    assert launch["earth_receive"] == "1973-08-05T17:45:48Z"
    assert launch["earth_receive_approximate"] is True
    entry, flyby = last_events("1974-03-12T09:06:00Z")
    assert entry["kind"] == "atmospheric-entry"
    assert entry["earth_receive"] == "1974-03-12T09:18:34Z"
    assert entry["earth_receive_approximate"] is False
    assert flyby["earth_receive"] is None  # at the planet, but its time of day is not stated


POSITION_KEYS = {
    "model",
    "approximate",
    "earth_distance_km",
    "sun_distance_km",
    "target_distance_km",
    "heliocentric_speed_km_s",
    "owlt_s",
}


def test_state_gives_each_crafts_position_from_launch_on() -> None:
    status, out, _ = run("state", "--at", "1973-11-01", "--format", "json")
    assert status == 0
    for mission in as_json(out)["missions"]:
        position = mission["position"]
        assert set(position) == POSITION_KEYS
        assert position["model"] == "transfer" and position["approximate"] is True
        assert mission["owlt_s"] == position["owlt_s"]
        assert mission["owlt_approximate"] is True
        assert 100 < position["owlt_s"] < 200
        assert 1.0e8 < position["sun_distance_km"] < 2.5e8
    status, out, _ = run("state", "--at", "1973-08-05T17:40:00Z", "--format", "json")
    mars6 = as_json(out)["missions"][0]
    assert mars6["position"] is None and mars6["owlt_s"] is None
    status, out, _ = run("state", "--at", "1974-03-12T09:06:00Z", "--format", "json")
    mars6 = as_json(out)["missions"][0]
    assert mars6["position"]["model"] == "target"
    assert mars6["position"]["approximate"] is False
    assert mars6["position"]["target_distance_km"] == 0.0
    assert mars6["owlt_s"] == mars6["position"]["owlt_s"] == 761.1
    assert mars6["owlt_approximate"] is False


def test_the_state_table_shows_the_modelled_numbers_in_either_unit_system() -> None:
    status, out, _ = run("state", "--at", "1973-11-01")
    assert status == 0
    flat = " ".join(out.split())
    assert "≈40.0 M km from Earth · ≈34.2 M km to Mars · ≈27.7 km/s · light ≈2m13s" in flat
    status, out, _ = run("state", "--at", "1973-11-01", "--units", "imperial")
    flat = " ".join(out.split())
    assert "≈24.8 M mi from Earth · ≈21.3 M mi to Mars · ≈62,031 mph" in flat


def test_the_timeline_gives_each_missions_modelled_trajectory() -> None:
    status, out, _ = run("timeline", "--format", "json")
    assert status == 0
    mars6, mars7 = as_json(out)["missions"]
    assert mars6["trajectory"] == {
        "model": "transfer",
        "approximate": True,
        "target": "Mars",
        "departure": "1973-08-05T17:45:48Z",
        "arrival": "1974-03-12",  # stated to the day
        "arrival_event": "separation",
        "modelled_departure": "1973-08-05T17:45:48Z",
        "modelled_arrival": "1974-03-12T00:00:00Z",  # where the replay puts the day's events
        "c3_km2_s2": pytest.approx(16.0, abs=0.1),
        "arrival_speed_km_s": pytest.approx(2.6, abs=0.1),
    }
    assert mars7["trajectory"]["departure"] == "1973-08-09T17:00:17Z"
    assert mars7["trajectory"]["arrival"] == "1974-03-09"


def test_a_mission_that_cannot_be_modelled_is_named_with_the_reason(tmp_path: Path) -> None:
    article = tmp_path / "probe.txt"
    article.write_text(
        "Probe 1 was a spacecraft. It was launched on 5 August 1973 at 17:45 UTC.\n"
        "It made a flyby on 12 March 1974.\n",
        encoding="utf-8",
    )
    status, out, err = run("timeline", str(article), "--format", "json")
    assert status == 0
    mission = as_json(out)["missions"][0]
    reason = "Probe 1: no trajectory modelled: the article states no target planet the model knows"
    assert mission["trajectory"] is None and reason in mission["warnings"]
    assert f"warning: {reason}" in " ".join(err.split())
    status, out, err = run("state", str(article), "--at", "1973-11-01", "--format", "json")
    assert status == 0
    state = as_json(out)["missions"][0]
    assert state["position"] is None and state["met"] is not None and state["owlt_s"] is None
    assert f"warning: {reason}" in " ".join(err.split())


def test_an_event_known_within_a_window_says_so_in_every_printed_view() -> None:
    """The parachute opened at a time the text gives only as between entry and loss of
    contact: each view writes that window in its own style, never an invented instant."""
    status, out, _ = run("replay", "mars6", "--speed", "100000000")
    assert status == 0
    (line,) = [x for x in out.splitlines() if "parachute" in x]
    assert line.startswith("1974-03-12 (between 09:05:53 and 09:11:05)  mars6  -  lander")
    status, out, _ = run("timeline", "mars6")
    assert status == 0
    assert "≈ 09:05:53–09:11:05" in out
    status, out, _ = run("timeline", "mars6", "--format", "csv")
    (row,) = [r for r in csv.DictReader(io.StringIO(out)) if r["kind"] == "parachute"]
    assert (row["utc"], row["approximate"], row["met"]) == ("1974-03-12", "yes", "")


def test_the_palette_names_each_event_by_its_stated_time(campaign: Campaign) -> None:
    commands = keymap.palette_commands(
        lambda binding: binding.key, lambda action: lambda: None, campaign, NAMES, print
    )
    helps = {c.title: c.help for c in commands}
    assert helps["Jump to Mars 6: Parachute deployed (lander)"] == "≈1974-03-12 · parachute, lander"
    assert (
        helps["Jump to Mars 6: Atmospheric entry (lander)"]
        == "1974-03-12T09:05:53Z · atmospheric-entry, lander"
    )


def test_state_table_shows_glyph_and_word() -> None:
    status, out, _ = run("state", "--at", "mars6:loss-of-contact")
    assert status == 0
    assert "✖ critical" in out
    assert "◆ serious" in out
    assert "LOS: contact lost" in out


def test_unparseable_time_prints_the_accepted_forms() -> None:
    status, out, err = run("state", "--at", "next tuesday")
    assert status == 2
    assert out == ""
    assert "'next tuesday'" in err
    assert "accepted forms" in err
    assert "1974-071T09:06:00Z" in err


def test_time_outside_the_campaign_names_its_bounds() -> None:
    status, _, err = run("state", "--at", "1980-01-01T00:00:00Z")
    assert status == 2
    assert "outside the campaign" in err
    assert "1973-08-05T17:35:48Z" in err
    assert "1974-03-26T00:10:00Z" in err


def test_unknown_event_lists_the_known_ones() -> None:
    status, _, err = run("state", "--at", "mars7:landing")
    assert status == 2
    assert "unknown event 'landing' for mars7" in err
    assert "launch" in err
    assert "flyby" in err


def test_unknown_mission_in_a_time() -> None:
    status, _, err = run("state", "--at", "mars9:launch")
    assert status == 2
    assert "unknown mission 'mars9'" in err
    assert "mars6, mars7" in err


def test_a_leap_second_can_be_asked_for() -> None:
    status, out, _ = run("state", "--at", "1973-12-31T23:59:60Z", "--format", "json")
    assert status == 0
    data = as_json(out)
    assert data["utc"] == "1973-12-31T23:59:60Z"
    status, _, err = run("state", "--at", "1974-06-30T23:59:60Z")
    assert status == 2
    assert "no leap second" in err


# --- replay -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "factor"),
    [
        ("1", 1.0),
        ("3600", 3600.0),
        ("60x", 60.0),
        ("1 h/s", 3600.0),
        ("1 d/s", 86400.0),
        ("1 week/s", 604800.0),
        ("-1 d/s", -86400.0),
        ("10 min/s", 600.0),
        ("auto", None),
    ],
)
def test_parse_speed(text: str, factor: float | None) -> None:
    assert parse_speed(text) == factor


@pytest.mark.parametrize("text", ["fast", "0", "1 parsec/s", ""])
def test_parse_speed_rejects(text: str) -> None:
    with pytest.raises(SpeedError):
        parse_speed(text)


def test_replay_prints_each_event_once_in_order_in_scaled_time(campaign: Campaign) -> None:
    source = ManualTimeSource()
    lines: list[tuple[float, str]] = []

    def sleep(seconds: float) -> None:
        assert 0 < seconds <= 0.25
        source.advance(seconds)

    run_replay(
        campaign,
        start=campaign.start,
        until=campaign.end,
        speed=86400.0,
        system="si",
        write=lambda line: lines.append((source(), line)),
        source=source,
        sleep=sleep,
    )
    events = campaign.all_events()
    assert len(lines) == len(events)
    for (_, line), (_, event) in zip(lines, events, strict=True):
        assert event.mission_id in line
        assert event.kind in line
    # At 1 d/s the Mars 7 launch comes about four wall seconds after Mars 6's.
    launches = [t for t, line in lines if " launch " in line]
    assert launches[1] - launches[0] == pytest.approx(3.97, abs=0.3)


def test_replay_auto_speed_reaches_the_end_within_the_promised_time(campaign: Campaign) -> None:
    source = ManualTimeSource()
    lines: list[str] = []
    run_replay(
        campaign,
        start=campaign.start,
        until=campaign.end,
        speed=None,
        system="si",
        write=lines.append,
        source=source,
        sleep=source.advance,
    )
    assert len(lines) == len(campaign.all_events())
    assert 60 <= source() <= 240


def test_replay_until_and_units() -> None:
    status, out, _ = run(
        "replay",
        "--speed",
        "1000000000",
        "--from",
        "mars6:separation",
        "--until",
        "mars6:loss-of-contact",
        "--units",
        "imperial",
        "mars6",
    )
    assert status == 0
    lines = out.splitlines()
    kinds = [line.split("  ")[4] for line in lines]
    assert kinds == ["separation", "flyby", "atmospheric-entry", "parachute", "loss-of-contact"]
    assert "990 mi" in lines[1]


def test_replay_bad_from_time() -> None:
    status, _, err = run("replay", "--from", "soon")
    assert status == 2
    assert "accepted forms" in err


def test_python_dash_m_runs_the_same_commands() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mission_control", "timeline", "mars7", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["missions"][0]["id"] == "mars7"


# --- the dashboard's arguments, refused before it starts --------------------------------


def run_cli(*argv: str) -> tuple[int, str]:
    """``run``'s exit status and error output."""
    status, _, err = run(*argv)
    return status, err


def test_a_bad_at_time_is_refused_with_the_accepted_forms() -> None:
    status, err = run_cli("--at", "next tuesday")
    assert status == 2
    assert "cannot read 'next tuesday'" in err
    assert "mars6:atmospheric-entry" in err  # the accepted forms


def test_an_unknown_event_is_refused_with_the_accepted_forms() -> None:
    status, err = run_cli("run", "--at", "mars6:landing")
    assert status == 2
    assert "unknown event" in err
    assert "accepted forms" in err


def test_a_time_outside_the_campaign_is_refused() -> None:
    status, err = run_cli("--at", "1980-01-01")
    assert status == 2
    assert "outside the campaign" in err


def test_unreadable_files_are_refused_in_one_line() -> None:
    status, err = run_cli("no-such-file.txt")
    assert status == 1
    assert err.count("\n") == 1
    assert "no-such-file.txt" in err


def test_an_unknown_theme_or_speed_is_refused() -> None:
    status, err = run_cli("--theme", "no-such-theme")
    assert status == 2
    assert "nord" in err
    status, err = run_cli("--speed", "fast")
    assert status == 2
    assert "cannot read speed" in err
