"""What holds for every mission read from any text: the reader's invariants."""

from __future__ import annotations

from mission_control.mission import Mission
from mission_control.model import EVENT_KINDS, PARTS, Precision


def check_invariants(mission: Mission, text: str) -> None:
    """Events numbered and in time order, each kind and part known, each fact traced to the
    exact sentence of ``text`` it came from, on the line it starts on."""
    assert [e.index for e in mission.events] == list(range(len(mission.events)))
    assert [e.at for e in mission.events] == sorted(e.at for e in mission.events)
    for event in mission.events:
        assert event.kind in EVENT_KINDS
        assert event.part in PARTS
        assert event.mission_id == mission.id
        assert event.provenance
        assert event.summary
        assert event.time.start.tzinfo is not None
        if event.window is not None:
            assert event.approximate
            assert event.window[0] <= event.at <= event.window[1]
            # Its time is a stated range's start or, for an event only ordered, its day.
            assert event.time.precision <= Precision.DAY or event.time.start == event.window[0]
        for p in event.provenance:
            assert p.source == mission.source
            assert text[p.span[0] : p.span[1]] == p.sentence
            # The line on which the sentence starts, counting any line break.
            assert p.line == len((text[: p.span[0]] + "x").splitlines())
    for warning in mission.warnings:
        assert warning.startswith(f"{mission.source}:")
