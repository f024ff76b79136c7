"""A mission's events as a table: the same events as a tuple, pickled as plain rows."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta

import pytest
from msgspec.structs import replace

from mission_control import units
from mission_control.event_table import EventTable
from mission_control.mission import Mission
from mission_control.model import Event, Precision, Provenance, Quantity, StatedTime

T0 = datetime(1974, 3, 12, 9, 5, 53, tzinfo=UTC)


def event(index: int, kind: str = "flyby", **changes: object) -> Event:
    base = Event(
        mission_id="m",
        index=index,
        kind=kind,
        part="bus",
        time=StatedTime(T0 + timedelta(minutes=index), Precision.SECOND),
        at=T0 + timedelta(minutes=index),
        summary=f"event {index}",
        provenance=(Provenance("m.txt", f"Sentence {index}.", (index, index + 11), index + 1),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def events() -> tuple[Event, ...]:
    day = StatedTime(T0.replace(hour=0, minute=0, second=0), Precision.DAY)
    q = Quantity("1,600 km", 1600.0, "kilometer")
    return (
        event(0, "launch"),
        event(1, outcome="contact lost", quantities=(replace(q, shown=units.describe(q)),)),
        event(2, time=day, approximate=True, at=T0, window=(T0, T0 + timedelta(minutes=5))),
        event(
            3,
            provenance=(
                Provenance("m.txt", "One.", (0, 4), 1),
                Provenance("m.txt", "Two.", (5, 9), 2),
            ),
        ),
    )


def test_a_table_is_its_events(events: tuple[Event, ...]) -> None:
    table = EventTable(events)
    assert len(table) == 4
    assert tuple(table) == events
    assert table == events
    assert table[1] is events[1]
    assert table[-1] == events[-1]
    assert table[1:3] == events[1:3]
    assert table.index(events[2]) == 2
    assert events[3] in table


def test_a_pickled_table_gives_the_same_events(events: tuple[Event, ...]) -> None:
    again = pickle.loads(pickle.dumps(EventTable(events)))
    assert again == EventTable(events)
    assert hash(again) == hash(EventTable(events))
    assert tuple(again) == events
    assert again[2].at == T0 and again[2].time.precision is Precision.DAY
    assert again[3].provenance == events[3].provenance
    # The formatted text travels with the quantity, though equality ignores it.
    assert again[1].quantities[0].shown == events[1].quantities[0].shown is not None
    assert again[0] is again[0]


def test_columns_are_read_without_the_events(events: tuple[Event, ...]) -> None:
    table = pickle.loads(pickle.dumps(EventTable(events)))
    assert table.column("kind") == ["launch", "flyby", "flyby", "flyby"]
    assert table.column("outcome") == [None, "contact lost", None, None]
    assert table.column("precision") == [4, 4, 2, 4]
    assert table.column("at") == [e.at.timestamp() for e in events]
    assert table.column("start")[2] == T0.replace(hour=0, minute=0, second=0).timestamp()
    window = (T0.timestamp(), (T0 + timedelta(minutes=5)).timestamp())
    assert table.column("window") == [None, None, window, None]
    assert table.first("kind", ["flyby"]) == 1
    assert table.first("kind", ["landing"]) is None


def test_a_mission_keeps_its_events_as_a_table(events: tuple[Event, ...]) -> None:
    mission = Mission("m", "M", "m.txt", {}, {}, events)
    assert isinstance(mission.events, EventTable)
    assert mission.launch is events[0]
    renamed = replace(mission, events=tuple(replace(e, mission_id="n") for e in events))
    assert isinstance(renamed.events, EventTable)
    assert {e.mission_id for e in renamed.events} == {"n"}
    assert pickle.loads(pickle.dumps(mission)) == mission
    assert Mission("e", "E", "e.txt", {}, {}, ()).launch is None


def test_a_table_differs_when_an_event_does(events: tuple[Event, ...]) -> None:
    other = (*events[:3], replace(events[3], summary="changed"))
    assert EventTable(events) != EventTable(other)
    assert EventTable(events) != other


def test_the_first_of_a_kind_is_found_whatever_was_asked_before() -> None:
    """``first`` keeps each answer (a mission with no launch is asked for it once per event
    shown); every question still gets its own, also after a round trip through pickle."""
    kinds = ["flyby", "landing", "flyby", "launch", "landing"]
    table = EventTable(event(i, kind) for i, kind in enumerate(kinds))
    questions = [["launch"], ["landing"], ["launch", "landing"], ["docking"], ["launch"]]
    for name in questions:
        assert table.first("kind", name) == next(
            (i for i, kind in enumerate(kinds) if kind in name), None
        )
    again = pickle.loads(pickle.dumps(table))
    assert [again.first("kind", q) for q in questions] == [3, 1, 1, None, 3]
