"""What people type: every time, speed and option value gives a result or one line naming
it, never a traceback. The go-to dialog and ``--at``/``--from``/``--until`` read times
through the same ``time_in_campaign``."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control import dashboard
from mission_control.campaign import Campaign, find_event
from mission_control.cli import main
from mission_control.speed import SpeedError, parse_speed
from mission_control.timeparse import TimeError, time_in_campaign

HUGE = "9" * 400


@pytest.fixture(autouse=True)
def no_dashboard(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dashboard these tests expect refused fails the test instead of taking the terminal."""

    def make_app(*args: object, **kwargs: object) -> None:
        raise AssertionError("the dashboard was started, not refused")

    monkeypatch.setattr(dashboard, "make_app", make_app)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def failure(err: str) -> str:
    """The one ``mission-control:`` line of a refused command (warnings aside)."""
    (line,) = [line for line in err.splitlines() if not line.startswith("warning: ")]
    assert line.startswith("mission-control: ")
    return line


# --- #n: which event of a kind ---------------------------------------------------------


def test_an_occurrence_counts_from_one(campaign: Campaign) -> None:
    second = find_event(campaign, "mars7", "separation", 2)[0]
    assert time_in_campaign("mars7:separation#2", campaign) == second
    assert time_in_campaign("mars7:separation#02", campaign) == second
    assert time_in_campaign("mars7:separation#1", campaign) == time_in_campaign(
        "mars7:separation", campaign
    )


@pytest.mark.parametrize(
    ("at", "says"),
    [
        ("mars6:launch#0", "mars6 has 1 launch event (#1)"),
        ("mars6:launch#-1", "mars6 has 1 launch event (#1)"),
        ("mars6:launch#3", "mars6 has 1 launch event (#1)"),
        ("mars7:separation#3", "mars7 has 2 separation events (#1 to #2)"),
        ("mars7:separation#+1", "mars7 has 2 separation events (#1 to #2)"),
        ("mars7:separation#x", "mars7 has 2 separation events (#1 to #2)"),
        ("mars7:separation#", "mars7 has 2 separation events (#1 to #2)"),
        ("mars7:separation#\uff11", "mars7 has 2 separation events (#1 to #2)"),
        pytest.param(f"mars6:launch#{HUGE}", "mars6 has 1 launch event (#1)", id="#400-nines"),
        pytest.param(
            f"mars6:launch#{'9' * 5000}", "mars6 has 1 launch event (#1)", id="#5000-nines"
        ),
    ],
)
def test_an_occurrence_outside_the_count_names_the_value_and_the_count(
    campaign: Campaign, at: str, says: str
) -> None:
    with pytest.raises(TimeError) as error:
        time_in_campaign(at, campaign)
    assert str(error.value) == f"{at!r}: {says}"


def test_state_refuses_an_occurrence_in_one_line() -> None:
    status, out, err = run("state", "--at", "mars6:launch#-1")
    assert (status, out) == (2, "")
    assert failure(err) == "mission-control: 'mars6:launch#-1': mars6 has 1 launch event (#1)"


# --- numbers too large for a float or int() ----------------------------------------------


@pytest.mark.parametrize(
    "at",
    [
        "mars6:T+99999999999d",
        pytest.param(f"mars6:T+{HUGE}d", id="400-nines-d"),
        pytest.param(f"mars6:T+{HUGE}h", id="400-nines-h"),
        pytest.param(f"mars6:T-{HUGE}d", id="minus-400-nines-d"),
        pytest.param(f"mars6:T+{'9' * 5000}d", id="5000-nines-d"),
        pytest.param(f"mars6:T+{HUGE}d 00:00:00", id="400-nines-d-clock"),
        pytest.param(f"mars6:T+1d{HUGE}s", id="400-nines-s"),
    ],
)
def test_a_huge_elapsed_time_is_outside_the_campaign(campaign: Campaign, at: str) -> None:
    with pytest.raises(TimeError, match="is outside the campaign"):
        time_in_campaign(at, campaign)


def test_long_zeros_are_still_a_small_elapsed_time(campaign: Campaign) -> None:
    launch = find_event(campaign, "mars6", "launch")[0]
    zeros = "0" * 5000
    assert time_in_campaign(f"mars6:T+{zeros}1s", campaign) == launch + 1
    assert time_in_campaign(f"mars6:T+{zeros}1d {zeros}0h", campaign) == launch + 86400
    assert time_in_campaign("mars6:T+1d 00:00:01", campaign) == launch + 86401


@pytest.mark.parametrize(
    ("at", "says"),
    [
        ("9999-12-31T23:59:60Z", "no leap second was inserted"),
        ("0001-01-01T00:00:60+01:00", "no leap second was inserted"),
        ("1974-999T00:00Z", "cannot read"),
        ("99999-01-01", "cannot read"),
        ("9999-12-31T23:59:59-01:00", "outside the campaign"),
        ("0001-01-01T00:00+01:00", "outside the campaign"),
    ],
)
def test_extreme_dates_are_refused_in_words(campaign: Campaign, at: str, says: str) -> None:
    with pytest.raises(TimeError, match=says):
        time_in_campaign(at, campaign)


@pytest.mark.parametrize(
    "text",
    [HUGE, f"{HUGE} week/s", f"-{HUGE} d/s", "9" * 5000],
    ids=["400-nines", "400-nines-week/s", "minus-400-nines-d/s", "5000-nines"],
)
def test_a_speed_too_large_for_a_float_is_named(text: str) -> None:
    with pytest.raises(SpeedError) as error:
        parse_speed(text)
    assert str(error.value) == f"speed {text!r} is too large to keep time by"


def test_a_speed_that_rounds_to_zero_is_named() -> None:
    tiny = "0." + "0" * 400 + "1"
    with pytest.raises(SpeedError, match=f"speed '{tiny}' would never move"):
        parse_speed(tiny)


@pytest.mark.parametrize("command", [("replay",), ("run",)], ids=["replay", "dashboard"])
def test_a_speed_of_400_digits_is_a_usage_error(command: tuple[str, ...]) -> None:
    status, out, err = run(*command, "--speed", HUGE)
    assert (status, out) == (2, "")
    assert failure(err) == f"mission-control: speed {HUGE!r} is too large to keep time by"


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.from_regex(r"(mars[67]|Mars 6):\s*T?[+\-\u2212]\d{1,500}[dhms]?.{0,12}", fullmatch=True),
        st.from_regex(r"mars[67]:[a-z\- ]{0,20}#.{0,600}", fullmatch=True),
        st.from_regex(
            r"[+\-]?\d{4,6}-\d{1,3}(-\d{1,2})?(T\d\d:\d\d(:6\d)?)?.{0,8}", fullmatch=True
        ),
    )
)
def test_any_typed_time_is_a_tick_in_the_campaign_or_a_time_error(
    campaign: Campaign, text: str
) -> None:
    try:
        tick = time_in_campaign(text, campaign)
    except TimeError:
        return
    assert campaign.start <= tick <= campaign.end


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.from_regex(r"[+\-\u2212]?\d{0,600}(\.\d{0,600})?\s*(x|h/s|d/s|week/s)?", fullmatch=True),
    )
)
def test_any_typed_speed_is_a_finite_factor_auto_or_a_speed_error(text: str) -> None:
    try:
        factor = parse_speed(text)
    except SpeedError:
        return
    assert factor is None or (math.isfinite(factor) and factor != 0)


# --- the other options -----------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("timeline",),
        ("state", "--at", "mars6:launch"),
        ("replay", "--speed", "1 week/s"),
        ("run",),
    ],
    ids=["timeline", "state", "replay", "dashboard"],
)
def test_mission_option_with_mission_names_is_a_usage_error(command: tuple[str, ...]) -> None:
    status, out, err = run(*command, "--mission", "mars6", "mars7")
    assert (status, out) == (2, "")
    assert failure(err) == (
        "mission-control: --mission 'mars6' cannot be given with 'mars7': it shows that "
        "one mission only; to show several, name them after the command"
    )


def test_every_printing_command_takes_mission_alone() -> None:
    status, out, _ = run("timeline", "--mission", "Mars 7", "--format", "csv")
    assert status == 0
    assert {line.split(",")[0] for line in out.splitlines()[1:]} == {"mars7"}


@pytest.mark.parametrize(
    ("speed", "start", "until", "says"),
    [
        (
            "100000000",
            "mars6:flyby",
            "mars6:launch",
            "--until 'mars6:launch' is before --from 'mars6:flyby': "
            "a replay runs forwards unless its speed is negative",
        ),
        (
            "auto",
            "1974-03-12",
            "1973-08-06",
            "--until '1973-08-06' is before --from '1974-03-12': "
            "a replay runs forwards unless its speed is negative",
        ),
        (
            "-100000000",
            "mars6:launch",
            "mars6:flyby",
            "--until 'mars6:flyby' is after --from 'mars6:launch': "
            "a replay at speed '-100000000' runs backwards",
        ),
    ],
)
def test_until_on_the_wrong_side_of_from_is_a_usage_error(
    speed: str, start: str, until: str, says: str
) -> None:
    status, out, err = run("replay", "mars6", "--speed", speed, "--from", start, "--until", until)
    assert (status, out) == (2, "")
    assert failure(err) == f"mission-control: {says}"


def test_a_reverse_replay_starts_at_the_end() -> None:
    status, out, _ = run("replay", "mars6", "--speed", "-100000000")
    assert status == 0
    kinds = [line.split("  ")[4] for line in out.splitlines()]
    assert kinds[0] == "loss-of-contact"
    assert kinds[-1] == "launch"
    assert len(kinds) == 7


def test_a_reverse_replay_runs_from_from_back_to_until() -> None:
    status, out, _ = run(
        "replay",
        "mars6",
        "--speed",
        "-100000000",
        "--from",
        "mars6:course-correction",
        "--until",
        "mars6:launch",
    )
    assert status == 0
    assert [line.split("  ")[4] for line in out.splitlines()] == ["course-correction", "launch"]


@pytest.mark.parametrize("where", ["a name", "a folder"])
def test_a_name_too_long_for_the_system_is_named(where: str, tmp_path: Path) -> None:
    name = str(tmp_path / ("a" * 300 + ".txt"))
    argv = ("timeline", name) if where == "a name" else ("timeline", "--seeds", name)
    status, out, err = run(*argv)
    assert (status, out) == (1, "")
    assert failure(err) == f"mission-control: {name}: cannot be read (File name too long)"
