"""The reader's event vocabulary: each phrase an article may use for an event, with a sentence
that uses it and one that uses its words for something else."""

from __future__ import annotations

import pytest

from mission_control.extract.kinds import find_keywords
from mission_control.extract.reader import read_text


def kinds(sentence: str) -> list[tuple[str, bool]]:
    """The kinds a sentence names, each with whether it is planned."""
    return [(k.kind, k.planned) for k in find_keywords(sentence)]


def events(text: str) -> list[tuple[str, str, bool]]:
    """Each event of an article after its launch: kind, day and whether it is planned."""
    mission = read_text("Zond 9 was launched on 2 April 1975. " + text, "x.txt")
    return [(e.kind, e.time.iso(), e.planned) for e in mission.events[1:]]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # launch
        ("It blasted off on 2 May.", "launch"),
        # course correction
        ("Orbit trim burns were made on 2 May.", "course-correction"),
        ("A last correction had been made on 2 May.", "course-correction"),
        ("The midcourse manoeuvre on 2 May lasted half an hour.", "course-correction"),
        ("Trajectory correction manoeuvres were made on 2 May.", "course-correction"),
        ("Its trajectory was corrected on 2 May.", "course-correction"),
        # separation
        ("The lander was released on 2 May.", "separation"),
        ("The descent module was ejected on 2 May.", "separation"),
        ("The bus released the lander on 2 May.", "separation"),
        ("The lander undocked on 2 May.", "separation"),
        ("The rover was deployed from the lander on 2 May.", "separation"),
        ("The rover rolled off the lander on 2 May.", "separation"),
        ("The rover drove onto the Martian surface on 2 May.", "separation"),
        ("The rover was deployed on 2 May.", "separation"),
        # loss of contact
        ("Controllers kept contact until 2 May.", "loss-of-contact"),
        ("There was no word from the lander after 2 May.", "loss-of-contact"),
        ("No signal was received from the probe on 2 May.", "loss-of-contact"),
        ("Signals from the descent module were lost on 2 May.", "loss-of-contact"),
        ("Communications ceased on 2 May.", "loss-of-contact"),
        ("Communication with the orbiter ceased on 2 May.", "loss-of-contact"),
        ("The orbiter fell silent on 2 May.", "loss-of-contact"),
        ("The lander stopped transmitting on 2 May.", "loss-of-contact"),
        ("It sent data until 08:03 GMT, when the orbiter set.", "loss-of-contact"),
        ("The lander sent back data for 53 minutes, until 2 May.", "loss-of-contact"),
        ("The bus relayed the lander's signals until 2 May.", "loss-of-contact"),
        ("The orbiter continued to relay data from the lander until 2 May.", "loss-of-contact"),
        ("Ground stations heard it until 2 May, when its batteries ran down.", "loss-of-contact"),
        # landing
        ("The lander touched down on 2 May.", "landing"),
        ("The probe soft-landed on 2 May.", "landing"),
        ("The probe impacted the surface on 2 May.", "landing"),
        ("The lander crash-landed on 2 May.", "landing"),
        ("The lander slammed into the Martian surface on 2 May.", "landing"),
        ("The impact came at 13:20 UT on 2 May.", "landing"),
        ("The landing came on 2 May.", "landing"),
        ("The landing module touched down on 2 May.", "landing"),
        # orbit insertion
        ("The orbiter entered orbit on 2 May.", "orbit-insertion"),
        ("It was inserted into a 1,300 by 112,000 km orbit on 2 May.", "orbit-insertion"),
        ("It was placed in orbit around Venus on 2 May.", "orbit-insertion"),
        ("It was captured into orbit around Mars on 2 May.", "orbit-insertion"),
        ("It began orbiting Venus on 2 May.", "orbit-insertion"),
        ("It braked into orbit on 2 May.", "orbit-insertion"),
        ("The orbiter was put into orbit around Mars on 2 May.", "orbit-insertion"),
        ("The orbiter reached Mars orbit on 2 May.", "orbit-insertion"),
        # flyby
        ("It swung by Venus on 2 May.", "flyby"),
        ("It passed by Venus on 2 May.", "flyby"),
        ("The bus passed Mars at a distance of 1,300 km on 2 May.", "flyby"),
        ("It made a gravity assist at Venus on 2 May.", "flyby"),
        # atmospheric entry, retro-fire
        ("Entry interface came on 2 May.", "atmospheric-entry"),
        ("It plunged into the Martian atmosphere on 2 May.", "atmospheric-entry"),
        ("The braking engine fired on 2 May.", "retro-fire"),
        # last contact
        ("The last data were received on 2 May.", "last-contact"),
        ("The last successful data transmission came on 2 May.", "last-contact"),
        # deactivation
        ("The orbiter was deactivated on 2 May.", "deactivation"),
        ("The spacecraft was shut down on 2 May.", "deactivation"),
        ("The orbiter was turned off on 2 May.", "deactivation"),
        ("The orbiter was retired on 2 May.", "deactivation"),
        ("The mission was officially ended on 2 May.", "deactivation"),
        ("Controllers switched off the orbiter on 2 May.", "deactivation"),
        ("It kept working until 2 May, when controllers switched it off.", "deactivation"),
        ("The mission ended on 2 May when controllers lost the orbiter.", "deactivation"),
        # decay
        ("Its orbit decayed on 2 May.", "decay"),
        ("The probe re-entered the Earth's atmosphere on 2 May.", "decay"),
        ("It burned up on 2 May.", "decay"),
        ("The capsule re-entered Earth's atmosphere on 2 May.", "atmospheric-entry"),
        ("The lander entered Venus's atmosphere on 2 May.", "atmospheric-entry"),
    ],
)
def test_each_phrase_names_its_kind(sentence: str, kind: str) -> None:
    assert kinds(sentence) == [(kind, False)], sentence


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The data were released to the public on 2 May.", "separation"),
        ("The images were released on 2 May.", "separation"),
        ("Its parachute was released on 2 May.", "separation"),
        ("The parachute deployed from its container on 2 May.", "separation"),
        ("The failure impacted the schedule on 2 May.", "landing"),
        ("The impact of the failure was felt on 2 May.", "landing"),
        ("Impact craters were mapped on 2 May.", "landing"),
        ("The landing site was chosen on 2 May.", "landing"),
        ("Its landing legs were deployed on 2 May.", "landing"),
        ("The landing radar was switched on on 2 May.", "landing"),
        ("Error correction was applied on 2 May.", "course-correction"),
        ("Corrections to the data were published on 2 May.", "course-correction"),
        ("The main engine was shut down on 2 May.", "deactivation"),
        ("The planned mission was cancelled on 2 May.", "deactivation"),
        ("It was placed into a low Earth parking orbit on 2 May.", "orbit-insertion"),
        ("It was placed into a heliocentric orbit on 2 May.", "orbit-insertion"),
        ("The rocket reached low Earth orbit on 2 May.", "orbit-insertion"),
        ("The signals showed that the engine stopped on 2 May.", "loss-of-contact"),
        ("The crowd fell silent as the rocket rose on 2 May.", "loss-of-contact"),
        ("The images were sent to the press until 2 May.", "loss-of-contact"),
        ("Controllers switched it on on 2 May.", "deactivation"),
        ("The launch passed the review at a meeting on 2 May.", "flyby"),
        ("The solar panels were deployed on 2 May.", "separation"),
        ("The cart rolled off the ramp on 2 May.", "separation"),
        ("The engineers who built it retired on 2 May.", "deactivation"),
        ("The data were corrected on 2 May.", "course-correction"),
        ("The team plunged into the work on 2 May.", "landing"),
    ],
)
def test_the_same_words_about_something_else_name_no_such_event(sentence: str, kind: str) -> None:
    assert kind not in [k for k, _ in kinds(sentence)], sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "The failure was due to a retrorocket malfunction on 2 May.",
        "The loss was due to a separation fault on 2 May.",
        "The landing was expected to be hard.",
        "It was first to land on Venus on 15 December 1970.",
        "The orbiter, intended for mapping, entered orbit on 5 May.",
    ],
)
def test_a_cause_or_an_expectation_is_no_plan(sentence: str) -> None:
    assert not any(planned for _, planned in kinds(sentence)), sentence


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The lander was due to land on 5 May.", "landing"),
        ("The lander was scheduled to touch down on 5 May.", "landing"),
        ("It was scheduled to make a soft landing on 5 May.", "landing"),
        ("Landing was scheduled for 5 May.", "landing"),
        ("Orbit insertion was planned for 5 May.", "orbit-insertion"),
        ("The probe was scheduled for launch on 5 May.", "launch"),
        ("The impact had been planned for 13:20 UT on 5 May.", "landing"),
        ("The planned landing on 5 May did not take place.", "landing"),
        ("The orbiter was due to enter orbit around Mars on 5 May.", "orbit-insertion"),
        ("It was expected to fly past Venus on 5 May.", "flyby"),
        ("The capsule was due to separate on 5 May.", "separation"),
        ("It was to have landed on 5 May.", "landing"),
        ("The lander was also to land on 5 May.", "landing"),
        ("It was originally due to land on 5 May.", "landing"),
        ("The lander was expected to reach the surface on 5 May.", "landing"),
        ("The launch, originally scheduled for 1975, was postponed.", "launch"),
        ("A second lander had been proposed for launch on 5 May.", "launch"),
        ("The landing was intended for 5 May.", "landing"),
    ],
)
def test_what_was_due_is_planned(sentence: str, kind: str) -> None:
    assert kinds(sentence) == [(kind, True)], sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "It landed as planned on 5 May.",
        "It entered orbit as scheduled on 5 May.",
        "The planned mission ended on 5 May.",
    ],
)
def test_what_happened_as_planned_is_a_happening(sentence: str) -> None:
    found = kinds(sentence)
    assert found and not any(planned for _, planned in found), sentence


def test_a_planned_event_that_took_place_later_is_also_a_happening() -> None:
    text = "The landing, planned for 5 May 1976, took place on 6 May 1976."
    assert events(text) == [("landing", "1976-05-05", True), ("landing", "1976-05-06", False)]


def test_what_took_place_with_no_event_before_it_in_its_sentence_is_none() -> None:
    text = "A press conference was held on 5 May 1976. It took place on 6 May 1976."
    assert events(text) == []


def test_a_date_an_event_was_postponed_from_was_planned() -> None:
    text = "The landing was postponed from 5 May 1976 to 9 May 1976."
    assert events(text) == [("landing", "1976-05-05", True)]


def test_a_planned_event_and_the_happening_are_two_events() -> None:
    text = "The lander was due to land on 5 May 1975, but it crash-landed on 6 May 1975."
    assert events(text) == [("landing", "1975-05-05", True), ("landing", "1975-05-06", False)]


def test_a_planned_event_on_the_day_it_happened_is_not_merged_into_it() -> None:
    text = "Landing was scheduled for 5 May 1975. The lander touched down on 5 May 1975."
    assert events(text) == [("landing", "1975-05-05", True), ("landing", "1975-05-05", False)]


def test_two_statements_of_one_plan_are_one_planned_event() -> None:
    text = "The lander was due to land on 5 May 1975. Landing had been scheduled for 5 May 1975."
    assert events(text) == [("landing", "1975-05-05", True)]


def test_a_planned_event_takes_no_failure_of_its_sentence() -> None:
    mission = read_text(
        "Zond 9 was launched on 2 April 1975. The lander was due to land on 5 May 1975, "
        "but it crashed on 6 May 1975.",
        "x.txt",
    )
    planned = [e for e in mission.events if e.planned]
    assert [(e.kind, e.outcome, e.summary) for e in planned] == [
        ("landing", None, "Landing (lander), planned")
    ]


def test_an_undated_sentence_after_a_plan_is_not_merged_into_it() -> None:
    mission = read_text(
        "Zond 9 was launched on 2 April 1975. The lander was due to land on 5 May 1975. "
        "It landed safely.",
        "x.txt",
    )
    planned = [e for e in mission.events if e.planned]
    assert len(planned) == 1
    assert len(planned[0].provenance) == 1


def test_a_deactivation_and_a_decay_are_events() -> None:
    text = "The orbiter was switched off on 3 March 1977. Its orbit decayed on 9 June 1979."
    assert events(text) == [
        ("deactivation", "1977-03-03", False),
        ("decay", "1979-06-09", False),
    ]


# --- infobox fields ------------------------------------------------------------------------

INFOBOX = """= Mars 3 =

Mars 3 orbiter and lander
- Launch date: 28 May 1971, 15:26:30 UTC
{field}

Mars 3 was a Soviet probe.
"""


def infobox_events(field: str) -> list[tuple[str, str, str, bool]]:
    """The events an infobox with ``field`` gives after its launch: kind, part, time,
    planned."""
    mission = read_text(INFOBOX.format(field=field), "x.txt")
    return [(e.kind, e.part, e.time.iso(), e.planned) for e in mission.events[1:]]


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        ("- Landing date: 2 December 1971", "landing"),
        ("- Orbital insertion: 2 December 1971", "orbit-insertion"),
        ("- Deactivated: 2 December 1971", "deactivation"),
        ("- Last contact: 2 December 1971", "last-contact"),
        ("- Decay date: 2 December 1971", "decay"),
    ],
)
def test_an_infobox_key_dates_its_kind(field: str, kind: str) -> None:
    assert infobox_events(field) == [(kind, "spacecraft", "1971-12-02", False)]


@pytest.mark.parametrize(
    "field",
    [
        "- Last contact: Orbiter: 22 August 1972 Lander: 2 December 1971",
        "- Last contact: Orbiter: 22 August 1972; Lander: 2 December 1971",
        "- Last contact: Orbiter: 22 August 1972, Lander: 2 December 1971",
    ],
)
def test_an_infobox_field_naming_two_parts_gives_an_event_for_each(field: str) -> None:
    assert sorted(infobox_events(field)) == [
        ("last-contact", "lander", "1971-12-02", False),
        ("last-contact", "orbiter", "1972-08-22", False),
    ]


def test_a_part_of_an_infobox_field_keeps_its_own_time() -> None:
    field = "- Landing date: Lander: 2 December 1971, 13:52 UTC; Rover: 3 December 1971"
    assert infobox_events(field) == [
        ("landing", "lander", "1971-12-02T13:52Z", False),
        ("landing", "rover", "1971-12-03", False),
    ]


def test_a_clock_time_is_no_label() -> None:
    assert infobox_events("- Landing date: 2 December 1971, 13:52 UTC") == [
        ("landing", "spacecraft", "1971-12-02T13:52Z", False)
    ]


def test_a_planned_date_in_an_infobox_is_planned() -> None:
    assert infobox_events("- Landing date: 5 May 1976 (planned)") == [
        ("landing", "spacecraft", "1976-05-05", True)
    ]


def test_a_craft_left_unnamed_in_its_clause_is_still_switched_off() -> None:
    assert kinds("It ran low on gas and was switched off on 7 August 1980.") == [
        ("deactivation", False)
    ]


# --- scale -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "was due to ",
        "landing was scheduled for ",
        "the planned ",
        "released the ",
        "kept contact with the ",
        "entered 1,300 km ",
        "was shut down ",
    ],
)
def test_a_phrase_repeated_in_one_clause_is_read_in_one_pass(phrase: str) -> None:
    """Each planned-event phrase looks a bounded stretch ahead or back: a clause of 20,000 of
    them has as many keywords as it states, found without a scan per phrase (a quadratic
    reader would take minutes here; this takes well under a second)."""
    from support.deadline import python_within

    code = (
        "import sys\n"
        "from mission_control.extract.kinds import find_keywords\n"
        "print(len(find_keywords(sys.stdin.read())))\n"
    )
    found = python_within(30.0, f"20,000 times {phrase!r}", code, phrase * 20_000)
    assert int(found) <= 20_000


# --- which moment a keyword states ---------------------------------------------------------------


def test_a_keyword_right_before_the_next_date_is_that_dates() -> None:
    text = "It arrived at Mars on 5 May 1976 and landed on 6 May 1976."
    assert events(text) == [("landing", "1976-05-06", False)]
    text = "It was due to arrive on 12 September 1997, and was to have landed on 23 October 1997."
    assert events(text)[-1] == ("landing", "1997-10-23", True)


def test_a_keyword_after_its_date_in_its_own_clause_is_still_that_dates() -> None:
    text = "On 5 May 1976, it landed; on 6 May 1976 the lander separated."
    assert events(text) == [("landing", "1976-05-05", False), ("separation", "1976-05-06", False)]


def test_a_date_listed_after_another_shares_its_kind_before_a_later_keyword() -> None:
    text = (
        "It made course corrections on 30 July 1975 and on 2 December 1975, and was inserted "
        "into orbit around Mars on 3 February 1976."
    )
    assert events(text) == [
        ("course-correction", "1975-07-30", False),
        ("course-correction", "1975-12-02", False),
        ("orbit-insertion", "1976-02-03", False),
    ]


# --- one more of the same -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "planned"),
    [
        ("Corrections were made on 28 July 1975, and a third was scheduled for 20 May 1976.", True),
        (
            "Two course corrections were made on 28 July 1975; a third followed on 20 May 1976.",
            False,
        ),
        (
            "A course correction on 28 July 1975 set its course; another on 20 May 1976 fixed it.",
            False,
        ),
        (
            "A course correction on 28 July 1975 put it on course; a first, smaller one had been "
            "made on 20 May 1976.",
            False,
        ),
    ],
)
def test_one_more_of_the_same_takes_the_kind_stated_before(text: str, planned: bool) -> None:
    found = events(text.replace("Corrections were", "Course corrections were"))
    assert found[-1] == ("course-correction", "1976-05-20", planned)


def test_an_ordinal_naming_something_else_is_no_more_of_the_same() -> None:
    text = "It landed on 5 May 1976; the first pictures were returned on 6 May 1976."
    assert events(text) == [("landing", "1976-05-05", False)]


# --- restatements ---------------------------------------------------------------------------


def test_the_infobox_last_contact_restates_the_loss_of_contact() -> None:
    article = (
        "= Lyra 2 =\n\nLyra 2\n- Launch date: Oct. 30, 1979\n"
        "- Last contact: Orbiter: Mar. 17, 1981 Lander: Apr. 25, 1980\n\n"
        "Lyra 2 was a Soviet mission.\n\n== Mission ==\nThe lander touched down on Apr. 25, "
        "1980 at 07:01 GMT. It sent data until 08:03 GMT. The orbiter mapped the clouds until "
        "Mar. 17, 1981, when contact was lost.\n"
    )
    mission = read_text(article, "x.txt")
    assert [(e.kind, e.part, e.time.iso()) for e in mission.events[1:]] == [
        ("landing", "lander", "1980-04-25T07:01Z"),
        ("loss-of-contact", "lander", "1980-04-25T08:03Z"),
        ("loss-of-contact", "orbiter", "1981-03-17"),
    ]
    assert any(p.sentence.startswith("- Last contact") for p in mission.events[-1].provenance)


def test_a_last_contact_alone_is_still_one() -> None:
    text = "Its last signal was received on 21 March 1976."
    assert events(text) == [("last-contact", "1976-03-21", False)]


def test_a_dated_statement_of_no_event_is_no_event() -> None:
    assert events("The cameras were switched on at 12:45 UT on 9 August 1975.") == []
    assert events("A press conference was held on 9 August 1975.") == []


def test_a_dated_failure_of_no_kind_is_still_an_event() -> None:
    mission = read_text(
        "Zond 9 was launched on 2 April 1975. On 9 August 1975 a chip degraded.", "x.txt"
    )
    assert [(e.kind, e.outcome) for e in mission.events[1:]] == [("other", "chip degraded")]


# --- an event a dated clause names without a moment of its own -------------------------------


def test_an_event_named_beside_a_timed_one_falls_on_its_day() -> None:
    text = (
        "It entered the atmosphere on 3 March 1976 at 07:02 UTC, and its parachute was "
        "jettisoned at an altitude of 47 km."
    )
    assert events(text) == [
        ("parachute", "1976-03-03", False),
        ("atmospheric-entry", "1976-03-03T07:02Z", False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # it did not happen
        "It crash-landed on 3 March 1976 at 07:02 UTC when its retrorockets failed to fire.",
        # the launch's shroud is no launch
        "Its launch shroud failed to come away on 3 March 1976.",
    ],
)
def test_an_event_word_that_states_no_event_that_day_adds_none(text: str) -> None:
    assert len(events(text)) <= 1
    assert all(kind not in ("parachute", "retro-fire", "launch") for kind, _, _ in events(text))


def test_a_parachute_jettisoned_or_released_is_no_separation() -> None:
    assert kinds("Its parachute was jettisoned at 47 km.") == [("parachute", False)]
    assert kinds("The parachute opened and the lander was released.") == [
        ("parachute", False),
        ("separation", False),
    ]


def test_an_event_named_before_any_moment_of_its_clause_is_not_given_one() -> None:
    text = "The last correction moved the arrival by a day: it entered orbit on 2 August 1976."
    assert events(text) == [("orbit-insertion", "1976-08-02", False)]


def test_an_event_after_a_day_alone_is_not_given_that_day() -> None:
    text = "It was launched again on 3 March 1976 and eventually landed on Venus."
    assert events(text) == [("launch", "1976-03-03", False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Transmission began at 13:52:05 UTC but stopped after 14.5 seconds.",
        "Its signals started at 13:52:05 UTC and then ceased 14 seconds later.",
        "It began transmitting at 13:52:05 UTC but stopped after 14 seconds.",
    ],
)
def test_a_transmission_that_began_and_stopped_is_lost_when_it_stopped(sentence: str) -> None:
    text = "It landed on 2 December 1975 at 13:50:35 UTC. " + sentence
    assert events(text)[1:] == [("loss-of-contact", "1975-12-02T13:52:19Z", False)]


@pytest.mark.parametrize(
    "sentence",
    [
        # it went on: nothing stopped
        "Transmission began at 13:52:05 UTC and lasted for 20 minutes.",
        # what stopped is the descent, not the transmission
        "Transmission began at 13:52:05 UTC. The descent stopped after 14 seconds.",
    ],
)
def test_a_transmission_that_began_is_no_loss_of_contact(sentence: str) -> None:
    text = "It landed on 2 December 1975 at 13:50:35 UTC. " + sentence
    assert [kind for kind, _, _ in events(text)[1:]] == []


def test_an_event_timed_from_another_moment_takes_that_time_not_the_day_alone() -> None:
    text = (
        "It entered the atmosphere on 3 March 1976 at 07:02 UTC, and its parachute opened a "
        "minute later."
    )
    assert ("parachute", "1976-03-03T07:03Z", False) in events(text)
    assert ("parachute", "1976-03-03", False) not in events(text)
