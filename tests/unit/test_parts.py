"""The parts an article names (bus, orbiter, lander, capsule, rover, penetrator), the part
each event is about, and the panels and rows the replay makes of them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.paths import ARTICLES, SEEDS

from mission_control.campaign import build_campaign
from mission_control.extract.document import parse_document
from mission_control.extract.parts import default_part, named_parts
from mission_control.extract.reader import read_text
from mission_control.extract.subjects import about_other_craft, part_of_subject
from mission_control.seedfile import load_text
from mission_control.state import state_at
from mission_control.timescale import to_tick


def read(body: str, infobox: str = "") -> list[tuple[str, str]]:
    """(kind, part) of each event of an article about "Probe 1" with ``body`` as its prose."""
    text = f"= Probe 1 =\n\n{infobox}\nProbe 1 was launched on 3 May 1975. {body}\n"
    return [(e.kind, e.part) for e in read_text(text, "t.txt").events]


@pytest.mark.parametrize(
    ("phrase", "part"),
    [
        ("The descent module", "lander"),
        ("The landing craft", "lander"),
        ("The descent vehicle", "lander"),
        ("The entry capsule", "capsule"),
        ("The sample-return capsule", "capsule"),
        ("The re-entry capsule", "capsule"),
        ("The rover", "rover"),
        ("The two penetrators", "penetrator"),
        ("The coast stage", "bus"),
        ("The flyby bus", "bus"),
        ("The carrier module", "bus"),
        ("The orbiter", "orbiter"),
    ],
)
def test_each_part_word_names_its_part(phrase: str, part: str) -> None:
    assert part_of_subject(f"{phrase} separated on 3 May 1976.") == part


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        # The subject, not a part named after a preposition or as another's possessor.
        ("The orbiter relayed the lander's signals on 22 October 1975.", "orbiter"),
        ("The lander separated from the orbiter on 20 October 1975.", "lander"),
        ("The rover was deployed from the lander on 21 July 1976.", "rover"),
        ("The capsule's parachute opened at 10 km.", "capsule"),
        # No part is the subject: the craft at the far end of the link is.
        ("Contact with the lander was lost at 14:05 UTC.", "lander"),
        ("Signals from the orbiter stopped on 3 May 1976.", "orbiter"),
        ("There was no word from the orbiter after 3 May 1999.", "orbiter"),
        ("No signal was received from the lander after 3 May 1976.", "lander"),
        ("The orbiter had no word of the lander after 3 May 1999.", "orbiter"),
        ("It separated from the bus on 3 May 1976.", None),
    ],
)
def test_the_part_a_sentence_is_about(sentence: str, part: str | None) -> None:
    assert part_of_subject(sentence) == part


@pytest.mark.parametrize(
    "sentence",
    [
        "Unlike Mars 4, it entered orbit around Mars on 10 February 1974.",
        "Like Venera 9, the probe landed on 25 October 1975.",
    ],
)
def test_a_craft_named_for_comparison_does_not_capture_the_sentence(sentence: str) -> None:
    assert not about_other_craft(sentence, "Probe 1")


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 and 4 July 1975 the spacecraft made two small course corrections.",
        "An Ariane 4 launched it on 2 June 1975 from Kourou.",
        "Some 40 km from Surgut it landed on 22 August 1975.",
        "It was launched from Baikonur 81/24 on 8 June 1975.",
        "Probe 1 was launched on 8 June 1975 at 02:38 UTC.",
    ],
)
def test_a_number_after_a_capitalised_word_is_not_always_a_craft(sentence: str) -> None:
    assert not about_other_craft(sentence, "Probe 1")


@pytest.mark.parametrize(
    "sentence",
    [
        "Its twin Phobos 1 was lost on 2 September 1988.",
        "Mars 4 flew past the planet on 10 February 1974.",
        # A craft of any programme, named as programmes name theirs.
        "Its twin, Tern 2, failed to separate from its upper stage on 5 November 1975.",
        "The Russian Zarya-V 3 orbiter, launched on 16 November 1975, failed to leave Earth orbit.",
    ],
)
def test_a_sentence_about_another_craft_states_none_of_its_events(sentence: str) -> None:
    assert about_other_craft(sentence, "Probe 1")
    assert read(sentence) == [("launch", "spacecraft")]


def doc_parts(text: str, name: str = "Probe 1") -> tuple[str, ...]:
    return named_parts(parse_document(f"= {name} =\n\n{text}\n", "t.txt"), name)


def test_the_parts_an_article_names_as_its_own() -> None:
    assert doc_parts("It was made up of an orbiter and a lander.") == ("orbiter", "lander")
    assert doc_parts("The descent module carried a small rover.") == ("lander", "rover")
    assert doc_parts("The bus released two penetrators.") == ("bus", "penetrator")
    # Not a part of another craft, nor a word of the mission's own name.
    assert doc_parts("Mars 2's orbiter was lost.") == ()
    assert doc_parts("The probe was lost.", "Mars Polar Lander") == ()
    assert doc_parts("Its mission was short.") == ()
    # Not a part said to be missing, nor what the whole craft is.
    assert doc_parts("It was a single spacecraft, with no lander.") == ()
    assert doc_parts("Probe 1 was a Soviet lander meant for Venus.") == ()
    assert doc_parts("- Mission type: Venus lander\n\nProbe 1 flew.") == ()
    assert doc_parts("- Mission type: Mars orbiter and lander\n\nIt flew.") == (
        "orbiter",
        "lander",
    )
    assert doc_parts("Probe 1 was a mission made up of an orbiter and a lander.") == (
        "orbiter",
        "lander",
    )


def test_a_kind_implies_only_a_part_the_article_names() -> None:
    assert default_part("landing", ("orbiter", "lander")) == "lander"
    assert default_part("atmospheric-entry", ("bus", "capsule")) == "capsule"
    assert default_part("landing", ("penetrator",)) == "penetrator"
    assert default_part("landing", ()) is None
    assert default_part("landing", ("orbiter",)) is None
    assert default_part("launch", ("lander",)) is None


def test_a_craft_with_no_named_parts_lands_as_the_spacecraft() -> None:
    """ "The spacecraft landed" is the lander's only when the article has a lander."""
    assert read("The spacecraft landed on the Moon on 3 February 1976.") == [
        ("launch", "spacecraft"),
        ("landing", "spacecraft"),
    ]
    with_lander = "The spacecraft landed on Mars on 3 February 1976. The lander carried a camera."
    assert read(with_lander)[-1] == ("landing", "lander")
    with_capsule = (
        "The entry capsule separated from the bus on 1 February 1976. "
        "The spacecraft entered the atmosphere on 3 February 1976."
    )
    assert read(with_capsule)[1:] == [("separation", "capsule"), ("atmospheric-entry", "capsule")]


def test_contact_lost_with_a_part_is_that_parts_not_the_last_ones() -> None:
    body = (
        "The lander touched down on 2 December 1975 at 13:50 UTC. The rover was released "
        "on 2 December 1975 at 13:51 UTC. Contact with the lander was lost at 14:05 UTC."
    )
    assert read(body)[-1] == ("loss-of-contact", "lander")


@pytest.mark.parametrize(
    "body",
    [
        "The orbiter entered orbit around Venus on 22 October 1975, while the lander landed "
        "at 05:13 UTC.",
        "The orbiter entered orbit around Venus on 22 October 1975; the lander landed at "
        "05:13 UTC.",
    ],
)
def test_a_time_in_a_clause_of_its_own_is_that_clauses_subjects(body: str) -> None:
    """A landing told beside the orbiter's orbit insertion is the lander's alone."""
    assert read(body)[1:] == [("orbit-insertion", "orbiter"), ("landing", "lander")]


def test_an_event_of_no_time_of_its_own_is_its_own_clauses_subjects() -> None:
    body = (
        "The lander separated on 23 October 1975. On 25 October 1975 the orbiter entered "
        "orbit around Venus, and the lander touched down at 05:13 UTC."
    )
    assert read(body)[1:] == [
        ("separation", "lander"),
        ("orbit-insertion", "orbiter"),
        ("landing", "lander"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "The bus separated from the descent module on 3 December 1976.",
        "The orbiter separated from the lander on 3 December 1976.",
        "The lander separated from the bus on 3 December 1976.",
    ],
)
def test_a_separation_is_the_freed_parts_whoever_the_subject(body: str) -> None:
    assert read(body)[-1] == ("separation", "lander")


def test_a_which_clause_is_about_the_part_before_it() -> None:
    body = "On 2 December 1976 the orbiter dropped the lander, which landed at 13:50 UTC."
    assert read(body)[-1] == ("landing", "lander")


def test_a_which_clause_is_about_the_part_before_it_whatever_part_it_names() -> None:
    body = (
        "The orbiter, which had released the lander on 20 October 1975, entered orbit on "
        "22 October 1975."
    )
    assert read(body)[1:] == [("separation", "lander"), ("orbit-insertion", "orbiter")]


@pytest.mark.parametrize(
    "body",
    [
        "The lander separated from the orbiter on 20 October 1975 and the orbiter entered "
        "orbit around Mars on 22 October 1975.",
        "The lander separated from the orbiter at 09:00 UTC on 20 October 1975 and the "
        "orbiter entered orbit around Mars at 11:00 UTC.",
    ],
)
def test_and_after_a_date_begins_a_clause_of_its_own(body: str) -> None:
    assert [part for _, part in read(body)[1:]] == ["lander", "orbiter"]


def test_and_between_two_parts_joins_them_as_one_subject() -> None:
    body = "The descent module and the bus separated on 3 May 1976."
    assert sorted(read(body)[1:]) == [("separation", "bus"), ("separation", "lander")]


@pytest.mark.parametrize(
    "body",
    [
        "In 1985 the probe observed Vega 1 and Vega 2, which flew past Venus on 11 and 15 "
        "June 1985.",
        "The orbiter relayed the data of Venera 11, which landed on 25 December 1978.",
        "The orbiter was tracked alongside Tern 2, which entered orbit on 4 May 1976.",
    ],
)
def test_a_which_clause_after_another_crafts_name_states_none_of_ours(body: str) -> None:
    assert read(body) == [("launch", "spacecraft")]


def test_a_which_clause_after_the_crafts_own_name_is_its_own() -> None:
    body = "The orbiter reached Probe 1's target, which it entered orbit around on 4 May 1976."
    own = "Probe 1, which had left Earth in May, entered orbit around Venus on 20 October 1975."
    assert read(body)[1:] == [("orbit-insertion", "orbiter")]
    assert read(own)[1:] == [("orbit-insertion", "spacecraft")]


def test_its_after_a_sentence_of_two_subjects_is_the_last_ones() -> None:
    body = (
        "On 25 April 1976 the lander touched down at 05:52 GMT, and the return capsule "
        "entered the atmosphere at 06:10 GMT. Its parachute opened at 06:19 GMT."
    )
    assert read(body)[1:] == [
        ("landing", "lander"),
        ("atmospheric-entry", "capsule"),
        ("parachute", "capsule"),
    ]


def test_its_is_the_part_before_it_not_the_part_a_kind_implies() -> None:
    body = (
        "The lander touched down on 18 August 1976. The re-entry capsule was released on 22 "
        "August 1976 and entered the atmosphere at 17:32 UTC. Its parachute opened at 17:40 "
        "UTC, and it landed at 17:55 UTC."
    )
    assert read(body)[-2:] == [("parachute", "capsule"), ("landing", "capsule")]


def test_a_clause_of_no_part_takes_no_subject_from_a_clause_after_it() -> None:
    body = (
        "Orbit insertion was planned for 1 August 1976, and the lander was to land on "
        "5 August 1976. The spacecraft entered orbit around Mars on 2 August 1976."
    )
    assert read(body)[1] == ("orbit-insertion", "spacecraft")


def test_a_clause_of_no_part_takes_the_subject_of_the_clause_before_it() -> None:
    body = (
        "Its signals were lost at 08:50 on 21 December 1978, when the bus passed out of "
        "radio range."
    )
    lander = "The descent module touched down on 21 December 1978 at 06:20 UTC. "
    assert read(lander + body)[-1] == ("loss-of-contact", "lander")


@pytest.mark.parametrize(
    ("body", "part"),
    [
        # the contact a relay kept is with the part whose signals it relayed
        ("The bus relayed the lander's signals until 07:59 UTC on 21 December 1978.", "lander"),
        ("The orbiter lost contact with the lander on 21 December 1978.", "lander"),
        # the subject's own contact
        ("The orbiter lost contact on 21 December 1978 after the lander had landed.", "orbiter"),
        ("Contact with the orbiter was lost on 21 December 1978.", "orbiter"),
    ],
)
def test_contact_lost_through_a_relay_is_the_far_parts(body: str, part: str) -> None:
    lander = "The lander touched down on 20 December 1978. "
    assert read(lander + body)[-1] == ("loss-of-contact", part)


def test_a_clause_of_no_part_after_a_semicolon_is_the_subject_before_it() -> None:
    body = (
        "On 17 and 25 September 1975 the bus made two course corrections; a third followed "
        "on 16 December 1975."
    )
    assert read(body)[1:] == [("course-correction", "bus")] * 3


def test_a_clause_of_no_part_takes_the_part_its_kind_implies_before_the_subject_before() -> None:
    body = (
        "The lander separated on 4 May 1976. The orbiter entered orbit on 5 May 1976; the "
        "landing took place on 6 May 1976."
    )
    assert read(body)[2:] == [("orbit-insertion", "orbiter"), ("landing", "lander")]


def test_a_sentence_of_no_part_takes_no_subject_from_the_sentence_before() -> None:
    body = (
        "The bus made a course correction on 17 September 1975. Orbit insertion came on "
        "16 December 1975."
    )
    assert read(body)[1:] == [("course-correction", "bus"), ("orbit-insertion", "spacecraft")]


@pytest.mark.parametrize(
    ("body", "part"),
    [
        # the far end of the link is "it": the craft the sentence before was about
        (
            "The orbiter went on studying Mars. After 19 May 1987 no signal was received from it.",
            "orbiter",
        ),
        ("The orbiter went on studying Mars. On 19 May 1987 contact with it was lost.", "orbiter"),
        # not in the same paragraph: no craft to mean
        (
            "The orbiter went on studying Mars.\n\nAfter 19 May 1987 no signal was received "
            "from it.",
            "spacecraft",
        ),
    ],
)
def test_a_link_to_it_is_the_craft_the_sentence_before_was_about(body: str, part: str) -> None:
    lander = "The lander touched down on 3 December 1975. "
    assert read(lander + body)[-1] == ("loss-of-contact", part)


def test_a_sentence_of_one_subject_keeps_it_for_every_time() -> None:
    body = "The lander separated from the bus on 9 March 1976 at 09:05 and landed at 09:11."
    assert read(body)[1:] == [("separation", "lander"), ("landing", "lander")]


def test_a_craft_stranded_at_earth_re_enters_as_the_spacecraft() -> None:
    body = (
        "The upper stage did not fire and it remained in a low Earth orbit. "
        "The spacecraft re-entered the atmosphere on 12 May 1975."
    )
    # A re-entry of a craft stranded in Earth orbit is its decay.
    assert read(body)[-1] == ("decay", "spacecraft")


def test_an_orbiter_and_lander_craft_has_no_bus_panel() -> None:
    """The whole craft's events (its orbit insertion) belong to the orbiter it is."""
    mission = read_text(load_text(ARTICLES / "viking1.txt"), "viking1.txt")
    campaign = build_campaign([mission])
    track = campaign.tracks[0]
    assert list(track.parts) == ["orbiter", "lander"]
    assert "propulsion" in track.parts["orbiter"]
    at = to_tick(datetime(1976, 7, 1, tzinfo=UTC))
    parts = state_at(campaign, at, positions=False).missions[0].parts
    assert parts["orbiter"].phase == "orbit"
    since = parts["orbiter"].rows["propulsion"].since
    assert since is not None and since.kind == "orbit-insertion"
    # The lander rides on the orbiter until it separates.
    assert parts["lander"].phase == "orbit"


def test_the_venus_lander_lands_once_and_on_the_lander() -> None:
    mission = read_text(load_text(ARTICLES / "venera9.txt"), "venera9.txt")
    landings = [e.part for e in mission.events if e.kind == "landing"]
    assert landings == ["lander"]
    inserted = [e.part for e in mission.events if e.kind == "orbit-insertion"]
    assert inserted == ["orbiter"]


def test_a_craft_whose_article_names_no_bus_shows_none() -> None:
    """The whole craft's events are the spacecraft's own when the text names no bus or
    orbiter; every part an event concerns has a panel, rows or none."""
    mission = read_text(load_text(ARTICLES / "selena5.txt"), "selena5.txt")
    campaign = build_campaign([mission])
    parts = campaign.tracks[0].parts
    assert "bus" not in parts
    assert list(parts) == ["spacecraft", "lander", "rover"]
    assert "propulsion" in parts["spacecraft"]  # its course corrections
    landing = next(e for e in mission.events if e.kind == "landing")
    state = state_at(campaign, to_tick(landing.at) + 3600)
    assert state.missions[0].part_phases["lander"] == "landed"


def test_a_craft_with_a_bus_keeps_its_events_on_the_bus() -> None:
    mission = read_text(load_text(SEEDS / "mars6.txt"), "mars6.txt")
    parts = build_campaign([mission]).tracks[0].parts
    assert list(parts) == ["bus", "lander"]
