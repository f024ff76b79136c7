"""Fuzzing every parser of what a user types: ``--at`` and go-to times, speeds, searches.

The only outcomes are a result or the documented error (TimeError, SpeedError), whose
message names the value typed; nothing else is raised, and a time returned lies in the
campaign.
"""

from __future__ import annotations

import math
from functools import cache

from hypothesis import given
from hypothesis import strategies as st
from support.fuzzing import FUZZ
from support.paths import SEEDS

from mission_control.campaign import Campaign, build_campaign
from mission_control.catalog import read_seed
from mission_control.model import EVENT_KINDS
from mission_control.presentation.event_lines import FILTER_ALL, FILTER_FAILURES, EventLines
from mission_control.speed import SpeedError, parse_speed
from mission_control.timeparse import TimeError, time_in_campaign


@cache
def seeds_campaign() -> Campaign:
    """Both bundled missions, read once (a fixture would be printed with each failing case)."""
    return build_campaign([read_seed(SEEDS / "mars6.txt"), read_seed(SEEDS / "mars7.txt")])


BIG = st.one_of(st.integers(-(10**12), 10**12), st.sampled_from([10**400, -(10**400), 0]))
NUMBER = st.one_of(BIG.map(str), st.floats().map(repr), st.text("0123456789.-+e", max_size=12))
MISSION = st.sampled_from(["mars6", "mars7", "Mars 6", "MARS7", "mars8", "", " mars6 ", "mars"])
EVENT = st.builds(
    "{}{}{}".format,
    st.sampled_from([*EVENT_KINDS, "Atmospheric Entry", "atmospheric_entry", "", "launch "]),
    st.sampled_from(["", "#"]),
    st.one_of(st.just(""), NUMBER),
)
MET = st.builds(
    "T{}{}d{}h{}m{}s".format, st.sampled_from(["+", "-", "−", ""]), NUMBER, NUMBER, NUMBER, NUMBER
)
CLOCK = st.builds("{}:{}:{}".format, NUMBER, NUMBER, NUMBER)
UTC = st.builds(
    "{}-{}-{}{}".format,
    st.one_of(st.integers(-10, 12000).map(str), NUMBER),
    st.one_of(st.integers(0, 400).map(lambda n: f"{n:02d}"), NUMBER),
    st.one_of(st.integers(0, 40).map(lambda n: f"{n:02d}"), NUMBER),
    st.one_of(st.just(""), CLOCK.map(lambda c: f"T{c}Z"), CLOCK.map(lambda c: f" {c}")),
)
TYPED_TIME = st.one_of(
    st.text(max_size=40),
    UTC,
    st.builds(
        "{}:{}".format, MISSION, st.one_of(EVENT, MET, st.builds("T+{} {}".format, NUMBER, CLOCK))
    ),
)


@given(TYPED_TIME)
@FUZZ
def test_a_typed_time_is_a_tick_in_the_campaign_or_a_time_error(text: str) -> None:
    campaign = seeds_campaign()
    try:
        tick = time_in_campaign(text, campaign)
    except TimeError as error:
        assert str(error)
        return
    assert math.isfinite(tick)
    assert campaign.start <= tick <= campaign.end


TYPED_SPEED = st.one_of(
    st.text(max_size=30),
    st.builds(
        "{}{}{}{}".format,
        st.sampled_from(["", "-", "+", "−", " "]),
        st.one_of(NUMBER, st.text("0123456789", min_size=1, max_size=420)),
        st.sampled_from(["", " "]),
        st.sampled_from(["", "x", "×", "s/s", "min/s", "h/s", "d/s", "week/s", "auto", "X", "/s"]),
    ),
)


@given(TYPED_SPEED)
@FUZZ
def test_a_typed_speed_is_a_finite_factor_or_a_speed_error(text: str) -> None:
    try:
        factor = parse_speed(text)
    except SpeedError as error:
        assert str(error)
        return
    assert factor is None or (math.isfinite(factor) and factor != 0)


@given(
    st.one_of(st.text(max_size=30), st.sampled_from(["km", "LANDER", "(", "[", "\\", ".*", "#3"])),
    st.sampled_from([FILTER_ALL, FILTER_FAILURES, "mars6", "mars7", "nothing"]),
    st.sampled_from(["si", "imperial"]),
)
@FUZZ
def test_a_search_finds_lines_of_the_log_and_nothing_else(
    search: str, log_filter: str, units: str
) -> None:
    lines = EventLines(seeds_campaign())
    found = lines.matching(0, len(lines), log_filter, search, None, units)
    assert found == sorted(set(found))
    assert all(0 <= i < len(lines) for i in found)
    if not search and log_filter == FILTER_ALL:
        assert found == list(range(len(lines)))
