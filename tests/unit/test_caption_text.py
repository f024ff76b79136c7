"""The caption's text: the latest event in the text's words, the next event in whole units,
and the mission facts before launch."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control.campaign import Campaign
from mission_control.mission import Mission
from mission_control.presentation.caption import (
    Caption,
    caption_at,
    facts_line,
    in_words,
    mission_facts,
)
from mission_control.state import state_at
from mission_control.timeparse import parse_time


def caption(
    campaign: Campaign, when: str, offset: float = 0.0, focus: str | None = None
) -> Caption:
    """The caption ``offset`` seconds after the time ``when`` names."""
    tick = parse_time(when, campaign) + offset
    return caption_at(state_at(campaign, tick, positions=False), focus)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "in 0 s"),
        (119.9, "in 119 s"),
        (120, "in 2 min"),
        (7199, "in 119 min"),
        (7200, "in 2 h"),
        (2 * 86400 - 1, "in 47 h"),
        (3 * 86400 + 5, "in 3 days"),
        (14 * 86400, "in 2 weeks"),
        (200 * 86400, "in 6 months"),
        (-5, "in 0 s"),
    ],
)
def test_a_countdown_is_one_whole_unit_rounded_down(seconds: float, words: str) -> None:
    assert in_words(seconds) == words


UNIT_SECONDS = {
    "s": 1,
    "min": 60,
    "h": 3600,
    "days": 86400,
    "weeks": 7 * 86400,
    "months": 30.4375 * 86400,
}
"""Each unit ``in_words`` names, and its length in seconds (a month is a mean one)."""


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False))
@settings(max_examples=200, derandomize=True, database=None)
def test_a_countdown_in_words_never_says_sooner_than_true(seconds: float) -> None:
    """The words are the whole units before the moment, rounded down: never sooner, and less
    than one unit later."""
    number, unit = in_words(seconds).split()[1:]
    length = UNIT_SECONDS[unit]
    assert int(number) * length <= seconds + 1e-6
    assert seconds < (int(number) + 1) * length


def test_at_entry_the_caption_is_the_entry_sentence_in_full_and_the_next_event(
    campaign: Campaign,
) -> None:
    shown = caption(campaign, "mars6:atmospheric-entry", 1)
    assert shown.heading == "Mars 6 · Atmospheric entry (lander) · 1974-03-12T09:05:53Z"
    assert shown.text.startswith("“The lander encountered the atmosphere of Mars at 09:05:53")
    assert shown.text.endswith("as it passed through the upper atmosphere.”")
    assert shown.next.startswith("next: Mars 6 Contact lost (lander)")
    assert shown.next.endswith("in 5 min")


def test_with_two_missions_the_latest_event_of_either_is_shown(campaign: Campaign) -> None:
    after_mars7_launch = caption(campaign, "mars7:launch", 60)
    assert after_mars7_launch.heading.startswith("Mars 7 · Launch")
    assert "propel Mars 7 into heliocentric orbit" in after_mars7_launch.text
    assert after_mars7_launch.next == "next: Mars 6 Course correction on 1973-08-13"


def test_the_mission_in_focus_has_the_caption_to_itself(campaign: Campaign) -> None:
    focused = caption(campaign, "mars7:launch", 60, focus="mars6")
    assert focused.heading.startswith("Mars 6 · Launch")
    assert "Mars 7" not in focused.next


def test_before_launch_the_caption_gives_each_missions_facts(campaign: Campaign) -> None:
    before = caption(campaign, "mars6:launch", -100)
    assert before.heading == "Mars 6 and Mars 7 · before launch"
    assert "Mars 6: 3MP No.50P · rocket Proton-K with Blok D upper stage" in before.text
    assert "launch site Baikonur Cosmodrome Site 81/23 · built by Lavochkin" in before.text
    assert before.text.splitlines()[1].startswith("Mars 7: 3MP No.51P")
    assert before.next == "next: Mars 6 Launch in 100 s"


def test_after_the_last_event_nothing_is_next(campaign: Campaign) -> None:
    assert caption(campaign, "1975-01-01").next == "next: no further event is stated"


def test_the_caption_changes_only_when_its_text_does(campaign: Campaign) -> None:
    first = caption(campaign, "mars6:atmospheric-entry", 1)
    assert caption(campaign, "mars6:atmospheric-entry", 2) == first
    assert caption(campaign, "mars6:atmospheric-entry", 61) != first  # 4 min now


def test_facts_the_article_does_not_state_are_left_out(missions: dict[str, Mission]) -> None:
    mars6 = missions["mars6"]
    bare = Mission(
        mars6.id, mars6.name, mars6.source, {"designation": "3MP", "manufacturer": None}, {}, []
    )
    assert mission_facts(bare) == [("designation", "3MP")]
    assert facts_line(bare) == "Mars 6: 3MP"
    nothing = Mission(mars6.id, mars6.name, mars6.source, {}, {}, [])
    assert "states no designation" in facts_line(nothing)
