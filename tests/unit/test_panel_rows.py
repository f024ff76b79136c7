"""What the status panels say, without Textual: rows, the carried and unknown lines, rows
waiting for their event, windows, the part's own state, twin craft, and the log's marks."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control.campaign import Campaign, build_campaign, find_event
from mission_control.glyphs import GLYPHS
from mission_control.mission import Mission
from mission_control.model import Event, Precision, Provenance, StatedTime, Status
from mission_control.presentation.event_lines import EventLines
from mission_control.presentation.panel_rows import (
    AWAITS,
    DURING,
    PanelView,
    fitted_carried,
    listed_lines,
    panel_view,
    unknown_share,
)
from mission_control.reports import state_json
from mission_control.state import state_at
from mission_control.timescale import to_tick
from mission_control.widgets.status_reason import Subject, reason_text

HOUR = 3600.0


def views_at(campaign: Campaign, tick: float) -> dict[str, PanelView]:
    state = state_at(campaign, tick, positions=False)
    return {
        f"{ms.mission.id} {part}": panel_view(ms.mission.name, rows)
        for ms in state.missions
        for part, rows in ms.parts.items()
    }


def at(when: str) -> float:
    return to_tick(datetime.fromisoformat(when).replace(tzinfo=UTC))


def row(view: PanelView, name: str) -> tuple[str, str]:
    (found,) = [r for r in view.rows if r.state.name == name]
    return found.word, found.note


def test_at_most_one_row_in_four_reads_unknown_after_launch(campaign: Campaign) -> None:
    first_launch = min(t.launch_tick for t in campaign.tracks if t.launch_tick is not None)
    tick, worst = first_launch, 0.0
    while tick <= campaign.end:
        unknown, total = unknown_share(views_at(campaign, tick).values())
        worst = max(worst, unknown / total)
        tick += HOUR
    assert worst <= 0.25


def test_instruments_no_event_concerns_are_one_carried_line(campaign: Campaign) -> None:
    view = views_at(campaign, at("1973-10-01T00:00:00"))["mars6 bus"]
    assert "magnetometer" in view.carried
    assert "magnetometer" not in [r.state.name for r in view.rows]
    lines = listed_lines(view, 18)
    assert all(len(text) <= 18 for text, _ in lines)
    carried = " ".join(text.strip() for text, element in lines if element == "carried")
    assert carried.startswith("carried: magnetometer, plasma traps,")
    assert "proton and electron flux instrument" in carried, "full names, wrapped"


def test_a_row_whose_event_is_to_come_awaits_it_and_says_which(campaign: Campaign) -> None:
    view = views_at(campaign, at("1973-10-01T00:00:00"))["mars6 lander"]
    assert row(view, "parachute") == (AWAITS, "next 12 Mar")
    (parachute,) = [r.state for r in view.rows if r.state.name == "parachute"]
    text = reason_text(Subject("Mars 6", "lander", parachute))
    assert "no source states it" not in text
    assert "Parachute deployed (lander)" in text
    assert "A parachute was then deployed" in text


def test_an_event_known_within_a_window_takes_effect_at_its_end(campaign: Campaign) -> None:
    _, parachute = find_event(campaign, "mars6", "parachute")
    assert parachute.window is not None
    start, end = (to_tick(w) for w in parachute.window)
    midpoint = to_tick(parachute.at)
    assert start < midpoint < end
    for tick in (start, midpoint, end - 1):
        word, note = row(views_at(campaign, tick)["mars6 lander"], "parachute")
        assert (word, note) == (DURING, "09:05:53–09:11:05")
    word, _ = row(views_at(campaign, end)["mars6 lander"], "parachute")
    assert word == Status.NORMAL.value


def test_a_lander_is_attached_until_its_separation_derived_from_it(campaign: Campaign) -> None:
    _, separation = find_event(campaign, "mars6", "separation")
    before = views_at(campaign, to_tick(separation.at) - 1)["mars6 lander"]
    after = views_at(campaign, to_tick(separation.at))["mars6 lander"]
    assert before.rows[0].word == "attached" and after.rows[0].word == "separated"
    own = after.rows[0].state
    assert own.derived and own.since == separation
    text = reason_text(Subject("Mars 6", "lander", own))
    assert "derived from Separation (lander)" in text
    assert separation.sentence in text
    assert "separation" not in [r.state.name for r in after.rows], "the own row says it"


def test_a_failed_separation_leaves_the_lander_attached_with_caution() -> None:
    day = datetime(1974, 3, 9, tzinfo=UTC)
    launch = datetime(1973, 8, 9, 17, 0, 17, tzinfo=UTC)

    def event(index: int, kind: str, part: str, when: datetime, outcome: str | None) -> Event:
        source = (Provenance("m.txt", f"Sentence {index}.", (index, index + 1), 1),)
        time = StatedTime(when, Precision.MINUTE)
        return Event("m", index, kind, part, time, when, kind, source, outcome)

    events = (
        event(0, "launch", "spacecraft", launch, None),
        event(1, "separation", "lander", day, "failed to separate"),
        event(2, "separation", "lander", day + timedelta(hours=2), None),
    )
    campaign = build_campaign([Mission("m", "M", "m.txt", {}, {}, events)])
    own = views_at(campaign, to_tick(day + timedelta(hours=1)))["m lander"].rows[0]
    assert (own.word, own.state.status, own.note) == (
        "attached",
        Status.CAUTION,
        "next 9 Mar 02:00",
    )
    assert own.state.since == events[1]
    later = views_at(campaign, to_tick(day + timedelta(hours=2)))["m lander"].rows[0]
    assert (later.word, later.state.status) == ("separated", Status.NORMAL)


def test_twin_craft_show_the_same_systems(campaign: Campaign) -> None:
    views = views_at(campaign, at("1974-03-20T00:00:00"))
    for part in ("bus", "lander"):
        shown = [
            {r.state.name for r in v.rows if r.state.role != "part"} | set(v.unstated)
            for v in (views[f"mars6 {part}"], views[f"mars7 {part}"])
        ]
        assert shown[0] == shown[1], part
    assert "radio link" in views["mars6 bus"].unstated


def test_the_mars7_bus_flew_past_with_its_lander(campaign: Campaign) -> None:
    state = state_at(campaign, at("1974-03-09T12:00:00"), positions=False)
    (mars7,) = [ms for ms in state.missions if ms.mission.id == "mars7"]
    assert mars7.part_phases == {"bus": "flyby", "lander": "flyby"}


def test_the_log_marks_a_failure_with_the_rules_most_severe_status(campaign: Campaign) -> None:
    lines = EventLines(campaign)
    marks = {}
    for index in range(len(lines)):
        event = lines.events[index][1]
        if event.failed:
            marks[(event.mission_id, event.kind)] = lines.mark(index)
    assert marks[("mars7", "separation")] == GLYPHS[Status.CAUTION]
    assert marks[("mars7", "flyby")] == GLYPHS[Status.CRITICAL]
    assert marks[("mars6", "loss-of-contact")] == GLYPHS[Status.CRITICAL]
    summary = lines.columns(
        next(i for i in range(len(lines)) if lines.events[i][1].outcome == "failed to separate"),
        wide=False,
    )[-1]
    assert summary == ("▲ Separation (lander): failed to separate", "failed")


def test_state_json_keeps_every_row_and_gives_each_parts_phase(campaign: Campaign) -> None:
    data = state_json(state_at(campaign, at("1974-03-12T09:07:00"), positions=False))
    (mars6,) = [m for m in data["missions"] if m["id"] == "mars6"]
    assert mars6["part_phases"]["lander"] == {"phase": "entry and descent", "derived": False}
    assert mars6["part_phases"]["bus"]["phase"] == "flyby"
    lander = mars6["parts"]["lander"]
    assert lander["thermometer"]["status"] == "unknown"
    assert lander["thermometer"]["role"] == "instrument"
    assert lander["lander"]["role"] == "part" and lander["lander"]["derived"]
    assert lander["parachute"]["next"]["during"] is True


def test_a_carried_list_without_room_names_what_fits_and_counts_the_rest() -> None:
    names = ["thermometer", "barometer", "accelerometer", "radio altimeter"]
    assert fitted_carried(names, 19, None) == [
        "carried:",
        "  thermometer,",
        "  barometer,",
        "  accelerometer,",
        "  radio altimeter",
    ]
    assert fitted_carried(names, 19, 3) == ["carried:", "  thermometer, +3", "  more"]
    assert fitted_carried(names, 70, 1) == [
        "carried: thermometer, barometer, accelerometer, radio altimeter"
    ]
    assert fitted_carried(names, 19, 1) == ["carried: +4 more"]


def _carried_by_trying_each(names: list[str], width: int, room: int) -> list[str]:
    """The carried list as the rule says, found the slow way: one more name at a time."""
    full = textwrap.wrap(f"carried: {', '.join(names)}", width, subsequent_indent="  ")
    if len(full) <= room:
        return full
    for shown in range(len(names) - 1, -1, -1):
        text = ", ".join([*names[:shown], f"+{len(names) - shown} more"])
        lines = textwrap.wrap(f"carried: {text}", width, subsequent_indent="  ")
        if len(lines) <= room:
            return lines
    return textwrap.wrap(f"carried: {len(names)}", width, subsequent_indent="  ")[:room]


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(
    st.lists(
        st.text(alphabet="abcdefghij -", min_size=1, max_size=24).filter(str.strip),
        min_size=1,
        max_size=30,
    ),
    st.integers(9, 80),
    st.integers(1, 6),
)
def test_the_carried_list_names_as_many_as_fit(names: list[str], width: int, room: int) -> None:
    assert fitted_carried(names, width, room) == _carried_by_trying_each(names, width, room)
