"""A planned event (one the text says was due) is listed and kept, but never taken to have
happened: it sets no status, begins no phase, is no launch and no arrival."""

from __future__ import annotations

from datetime import UTC, datetime

from mission_control import cache as user_cache
from mission_control.campaign import build_campaign
from mission_control.event_table import EventTable
from mission_control.mission import Mission
from mission_control.model import Event, Precision, StatedTime, Status
from mission_control.state import state_at
from mission_control.timescale import to_tick

LAUNCH = datetime(1975, 6, 3, 12, 0, tzinfo=UTC)
DUE = datetime(1976, 5, 5, tzinfo=UTC)
CRASH = datetime(1976, 5, 6, tzinfo=UTC)
LATER = datetime(1976, 6, 1, tzinfo=UTC)


def _event(
    index: int,
    kind: str,
    part: str,
    moment: datetime,
    *,
    planned: bool = False,
    outcome: str | None = None,
    precision: Precision = Precision.DAY,
) -> Event:
    return Event(
        mission_id="zond9",
        index=index,
        kind=kind,
        part=part,
        time=StatedTime(moment, precision),
        at=moment,
        summary=kind,
        provenance=(),
        outcome=outcome,
        planned=planned,
    )


def _mission(*events: Event) -> Mission:
    systems = {"bus": ("radio link",), "lander": ("separation", "radio link")}
    return Mission("zond9", "Zond 9", "zond9.txt", {"target": "Mars"}, {}, events, (), systems)


def _due_and_crashed() -> Mission:
    return _mission(
        _event(0, "launch", "spacecraft", LAUNCH, precision=Precision.MINUTE),
        _event(1, "separation", "lander", DUE, planned=True),
        _event(2, "landing", "lander", DUE, planned=True),
        _event(3, "landing", "lander", CRASH, outcome="crashed"),
        _event(4, "last-contact", "spacecraft", LATER, planned=True),
    )


def test_the_flag_survives_the_table_and_the_cache() -> None:
    mission = _due_and_crashed()
    assert EventTable(mission.events).column("planned") == [False, True, True, False, True]
    again = user_cache.decode(user_cache.encode(mission), Mission)
    assert again is not None
    assert [e.planned for e in again.events] == [False, True, True, False, True]
    assert tuple(again.events) == tuple(mission.events)


def test_a_planned_event_sets_no_status() -> None:
    track = build_campaign([_due_and_crashed()]).tracks[0]
    setters = {key: s.indices for key, s in track.setters.items()}
    assert ("lander", "separation") not in setters
    assert ("bus", "radio link") not in setters
    assert track.parts["lander"] == ("separation", "radio link")
    assert all(not track.events[i].planned for indices in setters.values() for i in indices)


def test_a_planned_release_does_not_release_the_part() -> None:
    track = build_campaign([_due_and_crashed()]).tracks[0]
    assert track.releases == {}


def test_indices_of_what_happened_are_those_of_all_the_events() -> None:
    mission = _mission(
        _event(0, "launch", "spacecraft", LAUNCH, precision=Precision.MINUTE),
        _event(1, "separation", "lander", DUE, planned=True),
        _event(2, "separation", "lander", CRASH),
        _event(3, "landing", "lander", LATER, outcome="crashed"),
    )
    track = build_campaign([mission]).tracks[0]
    assert track.setters[("lander", "separation")].indices == (2,)
    assert track.releases == {"lander": (2,)}
    assert track.arrival == 2


def test_a_planned_event_begins_no_phase() -> None:
    campaign = build_campaign([_due_and_crashed()])
    track = campaign.tracks[0]
    # The mission's phase after each event: the planned ones leave it as it was.
    assert track.phases[1:] == ("launch", "launch", "launch", "landed", "landed")
    lander = [phase for _, _, phase in track.part_spans["lander"]]
    assert "separation" not in lander
    on_the_due_day = state_at(campaign, to_tick(DUE) + 60, positions=False).missions[0]
    assert on_the_due_day.parts["lander"].phase != "landed"


def test_the_track_knows_where_what_happened_ends() -> None:
    assert build_campaign([_due_and_crashed()]).tracks[0].happened == 4
    only_planned = _mission(_event(0, "launch", "spacecraft", LAUNCH, planned=True))
    assert build_campaign([only_planned]).tracks[0].happened == 0


def test_the_state_names_the_last_event_that_happened() -> None:
    from mission_control.reports import state_json

    campaign = build_campaign([_due_and_crashed()])
    on_the_due_day = state_json(state_at(campaign, to_tick(DUE) + 60, positions=False))
    assert on_the_due_day["missions"][0]["last_event"]["kind"] == "launch"
    before = state_json(state_at(campaign, to_tick(DUE) - 60, positions=False))
    assert before["missions"][0]["next_event"]["planned"] is True


def test_the_arrival_is_what_happened_at_the_planet() -> None:
    track = build_campaign([_due_and_crashed()]).tracks[0]
    assert track.arrival == 3
    assert track.arrival_tick == to_tick(CRASH)


def test_a_planned_launch_is_not_the_launch() -> None:
    mission = _mission(
        _event(0, "launch", "spacecraft", LAUNCH - (LATER - DUE), planned=True),
        _event(1, "launch", "spacecraft", LAUNCH, precision=Precision.MINUTE),
    )
    assert mission.launch is not None and not mission.launch.planned
    track = build_campaign([mission]).tracks[0]
    assert track.launch_tick == to_tick(LAUNCH)


def test_a_mission_with_only_a_planned_launch_has_none() -> None:
    mission = _mission(_event(0, "launch", "spacecraft", LAUNCH, planned=True))
    assert mission.launch is None


def test_the_crash_still_sets_its_status() -> None:
    mission = _mission(
        _event(0, "launch", "spacecraft", LAUNCH, precision=Precision.MINUTE),
        _event(1, "loss-of-contact", "lander", DUE, planned=True),
        _event(2, "loss-of-contact", "lander", CRASH),
    )
    campaign = build_campaign([mission])
    between = state_at(campaign, to_tick(DUE) + 60, positions=False).missions[0]
    assert between.parts["lander"]["radio link"].status is Status.UNKNOWN
    after = state_at(campaign, to_tick(CRASH) + 60, positions=False).missions[0]
    assert after.parts["lander"]["radio link"].status is Status.CRITICAL


# --- how it is shown ------------------------------------------------------------------------

ARTICLE = (
    "Zond 9 was a Soviet probe. Zond 9 was launched on 3 June 1975. The lander was due to "
    "land on 5 May 1976, but it crash-landed on 6 May 1976."
)


def _read() -> Mission:
    from mission_control.extract.reader import read_text

    return read_text(ARTICLE, "zond9.txt")


def test_the_summary_says_planned() -> None:
    mission = _read()
    assert [(e.kind, e.planned, e.summary) for e in mission.events] == [
        ("launch", False, "Launch"),
        ("landing", True, "Landing (lander), planned"),
        ("landing", False, "Landing (lander): crashed"),
    ]


def test_the_log_draws_a_planned_event_apart() -> None:
    from mission_control.presentation.event_lines import EventLines

    lines = EventLines(build_campaign([_read()]))
    elements = [lines.columns(i, wide=True)[-1][1] for i in range(len(lines))]
    assert elements == ["summary", "planned", "failed"]


def test_json_and_csv_say_planned() -> None:
    import csv
    import io

    from mission_control.reports import event_json, timeline_csv

    mission = _read()
    assert [event_json(e, mission, "si")["planned"] for e in mission.events] == [
        False,
        True,
        False,
    ]
    out = io.StringIO()
    timeline_csv([mission], "si", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["planned"] for r in rows] == ["", "yes", ""]
    assert [r["approximate"] for r in rows] == ["", "", ""]
