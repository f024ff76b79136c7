"""A campaign of many events: the views read columns and show a manageable share of them."""

from __future__ import annotations

import itertools
import pickle
import random

import pytest
from support.campaigns import synthetic_campaign

from mission_control.campaign import Campaign
from mission_control.event_table import EventTable
from mission_control.presentation.formatting import JUMP_TARGETS_ALL, jump_targets, quantity_table
from mission_control.screens.goto import SHOWN_REFERENCES, event_references, listed
from mission_control.state import mission_state, phase_at, phase_turns


@pytest.fixture(scope="module")
def many() -> Campaign:
    return synthetic_campaign(5_000)


def test_the_phase_is_the_states_and_only_turns_at_the_turns(
    campaign: Campaign, many: Campaign
) -> None:
    rng = random.Random(5)
    for c in (campaign, many):
        for track in c.tracks:
            turns = [c.start, *phase_turns(track, c.rules), c.end]
            for before, after in itertools.pairwise(turns):
                if after <= before:
                    continue
                inside = [rng.uniform(before, after) for _ in range(5)]
                phases = {phase_at(track, t, c.rules) for t in [before, *inside]}
                assert len(phases) == 1, (before, after, phases)
                for t in inside:
                    assert phase_at(track, t, c.rules) == mission_state(track, t, c.rules).phase


def test_the_palette_jumps_to_every_event_of_a_small_campaign(campaign: Campaign) -> None:
    events = campaign.all_events()
    assert jump_targets(events) == list(range(len(events)))


def test_the_palette_jumps_to_the_first_of_each_kind_of_a_large_one(many: Campaign) -> None:
    events = many.all_events()
    assert len(events) > JUMP_TARGETS_ALL
    targets = jump_targets(events)
    assert [(events[i][1].mission_id, events[i][1].kind) for i in targets] == [
        ("big", "launch"),
        ("big", "other"),
    ]
    assert targets == [0, 1]


def test_the_goto_dialog_lists_a_few_references_and_completes_them_all(many: Campaign) -> None:
    references = event_references(many)
    assert len(references) == 5_000
    assert references[:3] == ["big:launch", "big:other", "big:other#2"]
    text = listed(references)
    assert text.split(" … ")[0].split(", ") == references[:SHOWN_REFERENCES]
    assert text.endswith(f"… and {5_000 - SHOWN_REFERENCES:,} more (→ completes)")


def made_yet(table: EventTable, i: int) -> bool:
    """Whether the table has made event ``i`` yet (looked at, or given as an Event): only
    a test asks, so it reads the table's own slot."""
    return table._made[i] is not None


def test_quantities_are_read_only_from_the_events_that_have_them(campaign: Campaign) -> None:
    table = quantity_table(campaign.missions)
    with_quantities = [e for _, e in campaign.all_events() if e.quantities]
    assert sorted(table) == sorted(f"{e.mission_id}#{e.index}" for e in with_quantities)
    # A mission fresh from the cache makes only those events.
    mission = pickle.loads(pickle.dumps(campaign.missions[0]))
    quantity_table([mission])
    made = [i for i in range(len(mission.events)) if made_yet(mission.table, i)]
    assert made == [e.index for e in with_quantities if e.mission_id == mission.id]
