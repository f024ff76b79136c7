"""state_at: a pure function of mission time; phases, countdowns, light time, statuses."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import UTC, datetime

import pytest
from msgspec.structs import replace

from mission_control import phases
from mission_control.campaign import (
    Campaign,
    MissionTrack,
    build_campaign,
    find_event,
    replay_clock,
)
from mission_control.clock import ManualTimeSource
from mission_control.mission import Mission
from mission_control.model import EVENT_KINDS, Event, Precision, StatedTime, Status, SubsystemState
from mission_control.presentation.formatting import earth_receive_text
from mission_control.state import earth_receive, state_at, statuses_at
from mission_control.status_rules import Rule, Rules, default_rules, parse_rules
from mission_control.timescale import format_met, to_tick

AT_0906 = to_tick(datetime(1974, 3, 12, 9, 6, tzinfo=UTC))


def matches(rule: Rule, event: Event) -> bool:
    return rule.applies(event.kind, event.outcome)


def matching(rules: Rules, event: Event) -> list[Rule]:
    """The rules an event triggers, in table order, as preparing a replay looks them up."""
    return list(rules.matching_for(event.kind, event.outcome))


def subsystem_states(
    track: MissionTrack, passed: Iterable[Event], rules: Rules
) -> dict[str, dict[str, SubsystemState]]:
    """Every row's status after the given events, by applying the rules event by event: what
    the indexed statuses of a prepared replay must agree with."""
    states = {
        part: {name: SubsystemState(name, Status.UNKNOWN) for name in names}
        for part, names in track.parts.items()
    }
    # The whole craft's events concern its main part (its bus, its orbiter, or itself).
    main = phases.main_part(list(dict.fromkeys(track.events.column("part"))))
    for event in passed:
        for rule in matching(rules, event):
            part = rule.part_for(main if event.part == "spacecraft" else event.part)
            if part in states:
                states[part][rule.system] = SubsystemState(
                    rule.system, rule.status, event, rule.reason
                )
    return states


def _mission(campaign: Campaign, mission_id: str) -> int:
    return [t.mission.id for t in campaign.tracks].index(mission_id)


def test_the_documented_state_at_0906(campaign: Campaign) -> None:
    state = state_at(campaign, AT_0906)
    assert state.utc.iso() == "1974-03-12T09:06:00Z"
    assert state.utc.doy() == "1974-071T09:06:00Z"
    assert state.utc.moscow() == "1974-03-12T12:06:00+03:00"
    mars6 = state.missions[_mission(campaign, "mars6")]
    assert mars6.met_s == 18890413
    assert format_met(mars6.met_s) == "T+218d 15:20:13"
    assert mars6.phase == "entry and descent"
    assert mars6.owlt_s is not None
    assert round(mars6.owlt_s, 1) == 761.1
    assert mars6.next_event is not None
    assert mars6.next_event.kind == "loss-of-contact"
    assert mars6.countdown_s == 305
    assert mars6.passed == 5
    lander = mars6.parts["lander"]
    assert lander["radio link"].status is Status.NORMAL
    assert lander["radio link"].since is not None
    assert lander["radio link"].since.kind == "atmospheric-entry"
    assert mars6.parts["bus"]["magnetometer"].status is Status.UNKNOWN
    assert mars6.parts["bus"]["magnetometer"].since is None


def test_parts_list_instruments_and_the_systems_the_events_speak_of(campaign: Campaign) -> None:
    mars6 = campaign.track("mars6").parts
    assert set(mars6) == {"bus", "lander"}
    assert {"separation", "parachute", "retro-rockets", "radio link", "data"} <= set(
        mars6["lander"]
    )
    assert {"thermometer", "barometer", "mass spectrometer"} <= set(mars6["lander"])
    assert {"propulsion", "magnetometer", "plasma traps"} <= set(mars6["bus"])
    mars7 = campaign.track("mars7").parts
    assert "stereo antennae" in mars7["bus"]
    # Mars 7's text never speaks of a parachute: the row is its twin's, and reads unknown.
    assert "parachute" in campaign.track("mars7").shared["lander"]
    assert "parachute" not in campaign.track("mars6").shared["lander"]


def test_seeking_backwards_gives_the_same_state_as_playing_forwards(campaign: Campaign) -> None:
    ticks = sorted({t for t, _ in campaign.all_events()})
    probes = [campaign.start, *ticks, *(t + 0.5 for t in ticks), campaign.end]
    forward = [state_at(campaign, t) for t in probes]
    backward = [state_at(campaign, t) for t in reversed(probes)]
    assert forward == list(reversed(backward))
    shuffled = probes[:]
    random.Random(7).shuffle(shuffled)
    assert {t: state_at(campaign, t) for t in shuffled} == dict(zip(probes, forward, strict=True))


def test_state_is_the_same_after_playing_the_clock_or_seeking(campaign: Campaign) -> None:
    source = ManualTimeSource()
    clock = replay_clock(campaign, source, speed=604800.0)
    target = to_tick(datetime(1974, 3, 9, 12, tzinfo=UTC))
    while clock.now() < target:
        source.advance(0.1)
    played = state_at(campaign, clock.now())
    clock.seek(campaign.end)
    clock.seek(played.tick)
    assert state_at(campaign, clock.now()) == played


@pytest.mark.parametrize(
    ("when", "mission", "phase"),
    [
        ("1973-08-05T17:40:00Z", "mars6", "pre-launch"),
        ("1973-08-05T18:00:00Z", "mars6", "launch"),
        ("1973-08-05T18:00:00Z", "mars7", "pre-launch"),
        ("1973-10-01T00:00:00Z", "mars6", "cruise"),
        ("1974-02-20T00:00:00Z", "mars6", "approach"),
        ("1974-03-09T12:00:00Z", "mars7", "flyby"),
        ("1974-03-12T01:00:00Z", "mars6", "flyby"),
        ("1974-03-12T09:06:00Z", "mars6", "entry and descent"),
        ("1974-03-12T09:12:00Z", "mars6", "ended"),
        ("1974-03-25T12:00:00Z", "mars7", "ended"),
    ],
)
def test_phases(campaign: Campaign, when: str, mission: str, phase: str) -> None:
    tick = to_tick(datetime.fromisoformat(when))
    assert state_at(campaign, tick).missions[_mission(campaign, mission)].phase == phase


def test_light_time_is_modelled_in_cruise_and_the_planets_at_it(campaign: Campaign) -> None:
    # Without positions (the dashboard's first frame) only the planet's light time is known.
    cruise_tick = to_tick(datetime(1973, 10, 1, tzinfo=UTC))
    plain = state_at(campaign, cruise_tick, positions=False)
    assert all(m.owlt_s is None and m.position is None for m in plain.missions)
    cruise = state_at(campaign, cruise_tick)
    assert all(m.owlt_s is not None and m.light_approximate for m in cruise.missions)
    arrival = state_at(campaign, to_tick(datetime(1974, 3, 10, tzinfo=UTC)), positions=False)
    assert all(m.owlt_s is not None and 700 < m.owlt_s < 800 for m in arrival.missions)


def test_earth_receive_time_of_entry(campaign: Campaign) -> None:
    track = campaign.track("mars6")
    _, entry = find_event(campaign, "mars6", "atmospheric-entry")
    received = earth_receive(track, None, entry)
    assert received is not None
    assert received[0].strftime("%H:%M:%S") == "09:18:34" and not received[1]
    _, launch = find_event(campaign, "mars6", "launch")
    assert earth_receive(track, None, launch) is None


def test_the_event_detail_gives_light_and_earth_receive_time_modelled_or_at_the_planet(
    campaign: Campaign,
) -> None:
    track = campaign.track("mars6")
    transfer = campaign.transfers()["mars6"]
    for kind, expected, without_model in [
        (
            "launch",
            ("≈ 0.0 s", "≈ 1973-08-05T17:45:48Z"),
            ("n/a: no modelled position", "n/a: no modelled position"),
        ),
        (
            "course-correction",
            ("≈ 8.4 s", "n/a: the event's time of day is not stated"),
            ("n/a: no modelled position", "n/a: no modelled position"),
        ),
        ("atmospheric-entry", ("12 m 41.1 s", "1974-03-12T09:18:34Z"), None),
        ("flyby", ("12 m 39.2 s", "n/a: the event's time of day is not stated"), None),
    ]:
        _, event = find_event(campaign, "mars6", kind)
        assert earth_receive_text(event, track, transfer) == expected, kind
        if without_model is not None:
            assert earth_receive_text(event, track, None) == without_model, kind
        else:
            assert earth_receive_text(event, track, None) == expected, kind


def test_next_event_skips_events_that_are_only_ordered(campaign: Campaign) -> None:
    _, entry = find_event(campaign, "mars6", "atmospheric-entry")
    state = state_at(campaign, to_tick(entry.at) + 1)
    mars6 = state.missions[_mission(campaign, "mars6")]
    assert mars6.next_event is not None
    assert mars6.next_event.kind == "loss-of-contact"


def test_campaign_bounds_are_shortly_around_the_events(campaign: Campaign) -> None:
    first_launch = to_tick(datetime(1973, 8, 5, 17, 45, 48, tzinfo=UTC))
    assert campaign.start == first_launch - 600
    end_of_last_contact_day = to_tick(datetime(1974, 3, 26, tzinfo=UTC))
    assert campaign.end == end_of_last_contact_day + 600


# --- every rule of the status table ------------------------------------------------------


def _event(kind: str, part: str = "lander", outcome: str | None = None) -> Event:
    moment = datetime(1974, 3, 12, tzinfo=UTC)
    return Event(
        mission_id="x",
        index=0,
        kind=kind,
        part=part,
        time=StatedTime(moment, Precision.DAY),
        at=moment,
        summary=kind,
        provenance=(),
        outcome=outcome,
    )


def _status_after(event: Event) -> dict[tuple[str, str], Status]:
    mission = Mission("x", "X", "x.txt", {}, {}, (event,))
    track = build_campaign([mission]).tracks[0]
    states = subsystem_states(track, [event], default_rules())
    return {(part, name): row.status for part, rows in states.items() for name, row in rows.items()}


@pytest.mark.parametrize(
    ("event", "part", "system", "status"),
    [
        (_event("course-correction", "spacecraft"), "spacecraft", "propulsion", Status.NORMAL),
        (_event("orbit-insertion", "orbiter"), "orbiter", "propulsion", Status.NORMAL),
        (
            _event("orbit-insertion", "spacecraft", "failed to enter orbit"),
            "spacecraft",
            "propulsion",
            Status.CRITICAL,
        ),
        (_event("separation"), "lander", "separation", Status.NORMAL),
        (
            _event("separation", outcome="failed to separate"),
            "lander",
            "separation",
            Status.CAUTION,
        ),
        (_event("atmospheric-entry"), "lander", "radio link", Status.NORMAL),
        (_event("parachute"), "lander", "parachute", Status.NORMAL),
        (_event("retro-fire"), "lander", "retro-rockets", Status.NORMAL),
        (
            _event("flyby", outcome="retrorocket failure; missed the planet"),
            "lander",
            "retro-rockets",
            Status.CRITICAL,
        ),
        (
            _event("loss-of-contact", outcome="contact lost"),
            "lander",
            "radio link",
            Status.CRITICAL,
        ),
        (_event("other", outcome="chip degraded"), "lander", "data", Status.SERIOUS),
        (_event("other", outcome="data unusable"), "lander", "data", Status.SERIOUS),
        (_event("last-contact", "spacecraft"), "spacecraft", "radio link", Status.OFF),
        (_event("loss-of-contact"), "lander", "radio link", Status.CRITICAL),
        (_event("deactivation", "orbiter"), "orbiter", "radio link", Status.OFF),
        (_event("decay", "spacecraft"), "spacecraft", "radio link", Status.OFF),
    ],
)
def test_status_rule(event: Event, part: str, system: str, status: Status) -> None:
    assert _status_after(event)[(part, system)] is status


def test_every_rule_in_the_table_is_exercised() -> None:
    # The parametrised cases above cover each rule; this keeps that true as rules are added.
    assert len(default_rules().rules) == 16


def test_mars7_separation_shows_caution_until_released(campaign: Campaign) -> None:
    track = campaign.track("mars7")
    events = track.events
    failed = next(e for e in events if e.kind == "separation" and e.failed)
    released = next(e for e in events if e.kind == "separation" and not e.failed)
    rules = default_rules()
    after_failure = subsystem_states(track, events[: events.index(failed) + 1], rules)
    assert after_failure["lander"]["separation"].status is Status.CAUTION
    after_release = subsystem_states(track, events[: events.index(released) + 1], rules)
    assert after_release["lander"]["separation"].status is Status.NORMAL


def test_mars6_statuses_after_loss_of_contact(campaign: Campaign) -> None:
    _, los = find_event(campaign, "mars6", "loss-of-contact")
    lander = (
        state_at(campaign, to_tick(los.at)).missions[_mission(campaign, "mars6")].parts["lander"]
    )
    assert lander["radio link"].status is Status.CRITICAL
    assert lander["radio link"].reason == "LOS: contact lost"
    assert lander["data"].status is Status.SERIOUS
    assert lander["parachute"].status is Status.NORMAL
    assert lander["retro-rockets"].status is Status.UNKNOWN, "the text says they never fired"
    assert lander["thermometer"].status is Status.UNKNOWN, "no reading is stated"


def test_rules_file_errors_name_the_rule() -> None:
    with pytest.raises(ValueError, match="status rule 1"):
        parse_rules({"rule": [{"kind": "launch", "system": "x", "status": "purple"}]})


def test_a_mission_with_no_dated_events_cannot_be_replayed() -> None:
    with pytest.raises(ValueError, match="no dated events"):
        build_campaign([Mission("x", "X", "x.txt", {}, {}, ())])


def test_replaced_event_keeps_rules_pure(campaign: Campaign) -> None:
    _, los = find_event(campaign, "mars6", "loss-of-contact")
    calm = replace(los, outcome=None, kind="other")
    assert _status_after(calm).get(("lander", "radio link")) is None


def test_indexed_statuses_match_applying_the_rules_in_order(campaign: Campaign) -> None:
    """An event known only within a window is applied at the window's end."""
    rules = default_rules()
    for track in campaign.tracks:
        events = list(track.events)
        effect = [
            tick if e.window is None else max(tick, to_tick(e.window[1]))
            for tick, e in zip(track.ticks, events, strict=True)
        ]
        order = sorted(range(len(events)), key=lambda i: (effect[i], i))
        for tick in sorted({*track.ticks, *effect}):
            expected = subsystem_states(
                track, [events[i] for i in order if effect[i] <= tick], rules
            )
            got = statuses_at(track, tick, rules)
            for part, rows in expected.items():
                for name, state in rows.items():
                    row = got[part][name]
                    assert (row.status, row.since, row.reason) == (
                        state.status,
                        state.since,
                        state.reason,
                    ), (track.mission.id, part, name, tick)


def test_stepping_to_the_next_and_previous_event(campaign: Campaign) -> None:
    ticks = sorted({t for t, _ in campaign.all_events()})
    assert campaign.next_event_tick(campaign.start) == ticks[0]
    assert campaign.next_event_tick(ticks[0]) == ticks[1]
    assert campaign.previous_event_tick(ticks[1]) == ticks[0]
    assert campaign.previous_event_tick(ticks[0]) is None
    assert campaign.next_event_tick(ticks[-1]) is None
    # Stepping through every event forwards visits each distinct moment once, in order.
    seen, tick = [], campaign.start
    while (nxt := campaign.next_event_tick(tick)) is not None:
        seen.append(nxt)
        tick = nxt
    assert seen == ticks


def test_a_single_mission_replays_alone(missions: dict[str, Mission]) -> None:
    alone = build_campaign([missions["mars7"]])
    assert [t.mission.id for t in alone.tracks] == ["mars7"]
    first_launch = to_tick(datetime(1973, 8, 9, 17, 0, 17, tzinfo=UTC))
    assert alone.start == first_launch - 600


@pytest.mark.parametrize("kind", EVENT_KINDS)
@pytest.mark.parametrize("outcome", [None, "contact lost", "failed to separate"])
def test_rules_indexed_by_kind_match_the_whole_table(kind: str, outcome: str | None) -> None:
    rules = default_rules()
    event = _event(kind, outcome=outcome)
    assert matching(rules, event) == [r for r in rules.rules if matches(r, event)]


def test_the_campaign_order_reads_columns_without_making_events(campaign: Campaign) -> None:
    events = campaign.all_events()
    assert [e.mission_id for _, e in events] == events.column("mission_id")
    assert [e.index for _, e in events] == events.column("index")
    assert [e.outcome for _, e in events] == events.column("outcome")
    assert [e.kind for _, e in events] == events.column("kind")
    assert campaign.all_ticks() == [t for t, _ in events]
    assert events[-2:] == [events[len(events) - 2], events[len(events) - 1]]
    order = [(t, e.mission_id, e.index) for t, e in events]
    assert order == sorted(order)
