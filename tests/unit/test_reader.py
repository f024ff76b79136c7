"""Tests for mission_control.extract.reader: what the reader derives from an article.

The two seeds are checked exactly; the articles in tests/articles (written for these tests,
about other probes, in other layouts and date styles) check that the reader is not written
for the seeds; the fuzz tests check that no text makes it raise.
"""

from __future__ import annotations

import codecs
import os
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.deadline import finish_within, named_pipe
from support.mission_checks import check_invariants
from support.paths import ARTICLES, SEEDS

from mission_control.extract.reader import read_text
from mission_control.mission import Mission
from mission_control.model import Event, Precision
from mission_control.seedfile import SeedError, load_text, slug

Row = tuple[str, str, str, str, str | None, bool]


def rows(mission: Mission) -> list[Row]:
    """(kind, part, UTC time at its precision, precision, outcome, approximate) per event."""
    return [
        (e.kind, e.part, e.time.iso(), e.time.precision.label, e.outcome, e.approximate)
        for e in mission.events
    ]


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def read_mission(path: Path, source: str | None = None) -> Mission:
    """Read one article from a file; ``source`` is the name shown for it (default: the path)."""
    return read_text(load_text(path), source or str(path))


def read(path: Path) -> Mission:
    return read_mission(path, f"{path.parent.name}/{path.name}")


# --- Mars 6: one paragraph, no title, no infobox, a tail of references -----------------------


@pytest.fixture(scope="module")
def mars6() -> Mission:
    return read(SEEDS / "mars6.txt")


@pytest.fixture(scope="module")
def mars7() -> Mission:
    return read(SEEDS / "mars7.txt")


def test_mars6_events(mars6: Mission) -> None:
    assert mars6.id == "mars6"
    assert mars6.name == "Mars 6"
    assert rows(mars6) == [
        ("launch", "spacecraft", "1973-08-05T17:45:48Z", "second", None, False),
        ("course-correction", "spacecraft", "1973-08-13", "day", None, False),
        ("separation", "lander", "1974-03-12", "day", None, False),
        ("flyby", "bus", "1974-03-12", "day", None, False),
        ("atmospheric-entry", "lander", "1974-03-12T09:05:53Z", "second", None, False),
        ("parachute", "lander", "1974-03-12", "day", None, True),
        (
            "loss-of-contact",
            "lander",
            "1974-03-12T09:11:05Z",
            "second",
            "contact lost; chip degraded; data unusable",
            False,
        ),
    ]
    assert mars6.warnings == ()
    assert mars6.launch is mars6.events[0]


def test_mars6_quantities(mars6: Mission) -> None:
    by_kind = {e.kind: e for e in mars6.events}
    (sep,) = by_kind["separation"].quantities
    assert (sep.value, sep.unit) == (48000.0, "kilometer")
    assert sep.stated is not None
    assert (sep.stated.value, sep.stated.unit) == (30000.0, "mile")
    (flyby,) = by_kind["flyby"].quantities
    assert (flyby.value, flyby.unit) == (1600.0, "kilometer")
    assert flyby.stated is not None
    assert flyby.stated.value == 990.0
    (speed,) = by_kind["atmospheric-entry"].quantities
    assert (speed.value, speed.unit) == ((5600.0, 600.0), "meter / second")
    assert speed.stated is not None
    assert speed.stated.value == (12500.0, 1300.0)
    (returned,) = by_kind["loss-of-contact"].quantities
    assert (returned.value, returned.unit) == (224.0, "second")
    for kind in ("launch", "course-correction", "parachute"):
        assert by_kind[kind].quantities == ()


def test_mars6_parachute_is_ordered_not_timed(mars6: Mission) -> None:
    entry, parachute, lost = mars6.events[4:7]
    assert parachute.kind == "parachute"
    assert parachute.approximate
    assert parachute.window == (utc("1974-03-12T09:05:53"), utc("1974-03-12T09:11:05"))
    assert parachute.window == (entry.time.start, lost.time.start)
    # It is placed in its window, but never given a time of its own.
    assert parachute.at == utc("1974-03-12T09:08:29")
    assert parachute.time.precision is Precision.DAY
    assert not parachute.timed
    assert parachute.sentence.startswith("A parachute was then deployed")
    assert entry.timed
    assert lost.timed


def test_mars6_bare_time_takes_the_date_before_it(mars6: Mission) -> None:
    entry = mars6.events[4]
    assert entry.time.start == utc("1974-03-12T09:05:53")
    assert entry.time.precision is Precision.SECOND
    assert entry.sentence.startswith("The lander encountered the atmosphere of Mars at 09:05:53")


def test_mars6_provenance(mars6: Mission) -> None:
    text = (SEEDS / "mars6.txt").read_text(encoding="utf-8")
    check_invariants(mars6, text)
    expected = {
        "launch": "The launch occurred at 17:45:48 UTC on 5 August 1973, with the first three "
        "stages placing the spacecraft and upper stage into a low Earth parking orbit before "
        "the Blok D fired to propel Mars 6 into heliocentric orbit bound for Mars.",
        "course-correction": "The spacecraft performed a course correction on 13 August 1973.",
        "separation": "Mars 6's lander separated from the flyby bus on 12 March 1974 at an "
        "altitude of 48,000 kilometres (30,000\u00a0mi) from the surface of Mars.",
        "flyby": "The bus made a flyby with a closest approach of 1,600 kilometres (990\u00a0mi).",
        "loss-of-contact": "However, at 09:11:05 UTC, with the spacecraft about to fire its "
        "retrorockets in preparation for landing, all contact was lost.",
    }
    for event in mars6.events:
        assert all(p.line == 1 and p.source == "seeds/mars6.txt" for p in event.provenance)
        if event.kind in expected:
            assert event.provenance[0].sentence == expected[event.kind]
    first = mars6.events[0].provenance[0]
    assert first.span == (text.index("The launch occurred"), text.index(" The spacecraft perf"))
    lost = mars6.events[-1]
    assert [p.sentence[:40] for p in lost.provenance] == [
        "However, at 09:11:05 UTC, with the space",
        "The spacecraft returned data for 224 sec",
        "Due to a design flaw, a chip aboard the ",
    ]


def test_mars6_metadata_and_instruments(mars6: Mission) -> None:
    assert mars6.metadata == {
        "name": "Mars 6",
        "designation": "3MP No.50P",
        "operator": None,
        "manufacturer": "Lavochkin",
        "launch_vehicle": "Proton-K with Blok D upper stage",
        "launch_site": "Baikonur Cosmodrome Site 81/23",
        "programme": "Mars program",
        "previous_mission": None,
        "next_mission": "Mars 7",
        "target": "Mars",
    }
    assert mars6.instruments == {
        "lander": (
            "thermometer",
            "barometer",
            "accelerometer",
            "radio altimeter",
            "mass spectrometer",
        ),
        "bus": (
            "magnetometer",
            "plasma traps",
            "cosmic ray detectors",
            "micrometeoroid detectors",
            "proton and electron flux instrument",
        ),
    }


def test_mars6_references_are_never_events(mars6: Mission) -> None:
    years = {e.time.start.year for e in mars6.events}
    assert years == {1973, 1974}
    for event in mars6.events:
        for p in event.provenance:
            for reference in ("Retrieved", "Archived", "(2002)", "1958-2000", "pp."):
                assert reference not in p.sentence


# --- Mars 7: title, infobox, sections -------------------------------------------------------


def test_mars7_events(mars7: Mission) -> None:
    assert mars7.id == "mars7"
    assert rows(mars7) == [
        ("launch", "spacecraft", "1973-08-09T17:00:17Z", "second", None, False),
        ("course-correction", "spacecraft", "1973-08-16", "day", None, False),
        ("separation", "lander", "1974-03-09", "day", "failed to separate", False),
        ("separation", "lander", "1974-03-09", "day", None, False),
        # "flew past along with the coast stage": the bus made the flyby too.
        ("flyby", "bus", "1974-03-09", "day", None, False),
        ("flyby", "lander", "1974-03-09", "day", "retrorocket failure; missed the planet", False),
        ("last-contact", "spacecraft", "1974-03-25", "day", None, False),
    ]
    failed, released, bus_flyby, flyby = mars7.events[2:6]
    assert bus_flyby.sentence == flyby.sentence
    assert bus_flyby.summary == "Flyby (bus)"
    assert failed.summary == "Separation (lander): failed to separate"
    assert released.summary == "Separation (lander), after the earlier failure"
    assert released.sentence == "However, it was eventually released to begin its descent."
    (distance,) = flyby.quantities
    assert (distance.value, distance.unit) == (1300.0, "kilometer")
    assert flyby.sentence.startswith("Due to a retrorocket failure, the probe missed")


def test_a_part_joined_by_and_gets_no_systems_from_the_subjects_failure() -> None:
    # As "flew past along with the coast stage": the retro-rockets that failed are the
    # lander's, the sentence's subject, not the bus's that went with it.
    text = (
        "Mars 9 was a Soviet probe. It was launched on 9 August 1973. "
        "On 9 March 1974 the lander and the bus flew past Mars after the retro-rockets failed."
    )
    mission = read_text(text, "x.txt")
    check_invariants(mission, text)
    assert "bus" in {e.part for e in mission.events}
    assert "bus" not in mission.systems


def test_mars7_provenance(mars7: Mission) -> None:
    text = (SEEDS / "mars7.txt").read_text(encoding="utf-8")
    check_invariants(mars7, text)
    assert [[p.line for p in e.provenance] for e in mars7.events] == [
        [28],
        [28],
        [30, 30],
        [30],
        [30],  # the bus's flyby: the sentence says it flew past along with the lander
        [30],
        [14],
    ]
    assert [p.sentence for p in mars7.events[2].provenance] == [
        "Mars 7's lander separated from the flyby bus on 9 March 1974.",
        "Initially, it failed to separate.",
    ]
    last = mars7.events[-1].provenance[0]
    assert last.sentence == "- Last Contact: 25 March 1974"
    assert last.source == "seeds/mars7.txt"


def test_mars7_metadata_instruments_warnings(mars7: Mission) -> None:
    meta = mars7.metadata
    assert meta["name"] == "Mars 7"
    assert meta["designation"] == "3MP No.51P"
    assert meta["operator"] == "Soviet space program"
    assert meta["manufacturer"] == "NPO Lavochkin"
    assert meta["launch_vehicle"] == "Proton-K/D"
    assert meta["launch_site"] == "Baikonur 81/24"
    assert meta["programme"] == "Mars program"
    assert meta["previous_mission"] == "Mars 6"
    assert meta["next_mission"] is None
    assert meta["cospar_id"] is None  # garbled: a warning, never a value
    assert "apsis" not in meta
    assert mars7.warnings == (
        "seeds/mars7.txt:6: infobox field 'Cospar Id' is blank or garbled (','): left out",
        "seeds/mars7.txt:10: infobox field 'Launch Date' is blank or garbled ('UTC'): left out",
        "seeds/mars7.txt:16: infobox field 'Apsis' is blank or garbled ('helion'): left out",
    )
    assert mars7.instruments == {
        "lander": (
            "thermometer",
            "barometer",
            "accelerometer",
            "radio altimeter",
            "mass spectrometer",
        ),
        "bus": (
            "magnetometer",
            "plasma traps",
            "cosmic ray detectors",
            "micrometeoroid detectors",
            "stereo antennae",
            "proton and electron flux instrument",
        ),
    }


# --- articles about other probes ------------------------------------------------------------


def article(name: str) -> tuple[Mission, str]:
    path = ARTICLES / name
    mission = read(path)
    text = load_text(path)
    check_invariants(mission, text)
    return mission, text


def test_venera7_british_dates_infobox_and_sections() -> None:
    m, _ = article("venera7.txt")
    assert m.name == "Venera 7"
    assert rows(m) == [
        ("launch", "spacecraft", "1970-08-17T05:38Z", "minute", None, False),
        ("course-correction", "spacecraft", "1970-10-02", "day", None, False),
        ("course-correction", "spacecraft", "1970-11-17", "day", None, False),
        ("separation", "lander", "1970-12-15", "day", None, False),
        ("atmospheric-entry", "lander", "1970-12-15T04:58:44Z", "second", None, False),
        ("parachute", "lander", "1970-12-15", "day", "parachute failed", True),
        ("landing", "lander", "1970-12-15T05:34:10Z", "second", None, False),
        ("loss-of-contact", "lander", "1970-12-15", "day", None, False),
    ]
    parachute = m.events[5]
    assert parachute.window == (utc("1970-12-15T04:58:44"), utc("1970-12-15T05:34:10"))
    landing = m.events[6]
    # The prose and the infobox state the landing alike; the prose comes first.
    assert [p.line for p in landing.provenance] == [27, 12]
    assert landing.provenance[1].sentence == "- Landing date: 15 December 1970, 05:34:10 UTC"
    (speed,) = landing.quantities
    assert (speed.value, speed.unit) == (17.0, "meter / second")
    # The time in the lead has no date anywhere before it: a warning, no event.
    assert m.warnings == (
        "articles/venera7.txt:13: infobox field 'Orbital period' is blank or garbled "
        "('days'): left out",
        "articles/venera7.txt:17: time '05:34 UTC' has no date stated before it: left out",
    )
    assert not any(e.provenance[0].line == 17 for e in m.events)
    assert m.metadata["designation"] == "4V-1 No.630"
    assert m.metadata["manufacturer"] == "Lavochkin"
    assert m.metadata["launch_vehicle"] == "Molniya 8K78M"
    assert m.metadata["launch_site"] == "Baikonur Site 31/6"
    assert m.metadata["previous_mission"] == "Venera 6"
    assert m.metadata["next_mission"] == "Venera 8"
    assert m.instruments == {"lander": ("thermometer", "barometer", "radio altimeter")}
    # Nothing from == References ==.
    assert all(e.time.start.year == 1970 for e in m.events)


def test_viking1_us_dates() -> None:
    m, _ = article("viking1.txt")
    assert rows(m) == [
        ("launch", "spacecraft", "1975-08-20T21:22Z", "minute", None, False),
        ("orbit-insertion", "spacecraft", "1976-06-19", "day", None, False),
        ("separation", "lander", "1976-07-20T08:51Z", "minute", None, False),
        ("landing", "lander", "1976-07-20T11:53:06Z", "second", None, False),
        ("flyby", "orbiter", "1977-02", "month", None, False),
        ("deactivation", "orbiter", "1980-08-07", "day", None, False),
        ("loss-of-contact", "lander", "1982-11-11", "day", "contact lost", False),
    ]
    assert m.warnings == ()
    assert m.events[5].summary == "Deactivated (orbiter)"
    (distance,) = m.events[4].quantities
    assert (distance.value, distance.unit) == (90.0, "kilometer")
    assert m.metadata["operator"] == "NASA"
    assert m.metadata["programme"] == "Viking program"
    assert m.metadata["launch_site"] == "Cape Canaveral LC-41"
    assert m.metadata["next_mission"] == "Viking 2"
    assert m.instruments == {"lander": ("cameras", "seismometer", "gas chromatograph")}


def test_phobos2_iso_dates_list_and_window() -> None:
    m, _ = article("phobos2.txt")
    assert rows(m) == [
        ("launch", "spacecraft", "1988-07-12T17:01:43Z", "second", None, False),
        ("course-correction", "spacecraft", "1988-07-21", "day", None, False),
        ("course-correction", "spacecraft", "1989-01-23", "day", None, False),
        ("orbit-insertion", "spacecraft", "1989-01-29", "day", None, False),
        ("course-correction", "spacecraft", "1989-02-23", "day", None, False),
        ("course-correction", "spacecraft", "1989-02-28", "day", None, False),
        ("course-correction", "spacecraft", "1989-03-25", "day", None, False),
        ("loss-of-contact", "spacecraft", "1989-03-27T17:51Z", "minute", "contact lost", True),
    ]
    lost = m.events[-1]
    assert lost.window == (utc("1989-03-27T17:51"), utc("1989-03-27T18:03"))
    assert lost.at == utc("1989-03-27T17:57")
    assert not lost.timed
    launch = m.events[0]
    assert [p.line for p in launch.provenance] == [18, 8]
    assert m.warnings == (
        "articles/phobos2.txt:7: infobox field 'Launch mass' is blank or garbled ('kg'): left out",
    )
    assert m.metadata["designation"] == "1F No.102"
    assert m.metadata["launch_site"] == "Baikonur 200/39"
    assert m.metadata["programme"] == "Phobos program"
    assert m.metadata["previous_mission"] == "Phobos 1"
    # "Phobos 1 ... in 1988" is about the twin, and the references are the tail.
    assert all(e.time.start.year in (1988, 1989) for e in m.events)


def test_mars2_one_paragraph_us_dates_time_before_date() -> None:
    m, _ = article("mars2.txt")
    assert m.name == "Mars 2"
    assert rows(m) == [
        ("launch", "spacecraft", "1971-05-19T16:22:44Z", "second", None, False),
        ("course-correction", "spacecraft", "1971-06-17", "day", None, False),
        ("course-correction", "spacecraft", "1971-11-20", "day", None, False),
        ("separation", "lander", "1971-11-27", "day", None, False),
        ("orbit-insertion", "orbiter", "1971-11-27", "day", None, False),
        ("atmospheric-entry", "lander", "1971-11-27", "day", None, False),
        ("landing", "lander", "1971-11-27", "day", "parachute failed; crashed", False),
        ("loss-of-contact", "orbiter", "1972-08", "month", "contact lost", False),
    ]
    assert m.warnings == ("articles/mars2.txt:1: time '16:22:44' names no time zone: read as UTC",)
    assert m.metadata["launch_vehicle"] == "Proton-K with Blok D upper stage"
    assert m.metadata["launch_site"] == "Baikonur"
    assert m.metadata["programme"] == "Mars program"
    assert m.instruments["lander"][1:] == ("thermometer", "mass spectrometer")
    assert all(e.time.start.year in (1971, 1972) for e in m.events)


def test_venera9_circa_and_events_ordered_in_a_window() -> None:
    m, _ = article("venera9.txt")
    assert rows(m) == [
        ("launch", "spacecraft", "1975-06-08T02:38Z", "minute", None, False),
        ("separation", "lander", "1975-10-20", "day", None, False),
        ("orbit-insertion", "orbiter", "1975-10-22T00:45Z", "minute", None, True),
        ("atmospheric-entry", "lander", "1975-10-22", "day", None, True),
        ("parachute", "lander", "1975-10-22", "day", None, True),
        ("landing", "lander", "1975-10-22T05:13Z", "minute", None, False),
        # "sent back data for 53 minutes, until the orbiter ... passed below the horizon"
        ("loss-of-contact", "lander", "1975-10-22", "day", None, False),
    ]
    insertion, entry, parachute, landing = m.events[2:6]
    assert landing.timed
    assert insertion.window is None  # "~00:45": stated to the minute, but approximate
    assert not insertion.timed
    window = (utc("1975-10-22T00:45"), utc("1975-10-22T05:13"))
    assert entry.window == parachute.window == window
    assert window[0] < entry.at < parachute.at < window[1]
    # The citation marker stays in the provenance (it is the file's text), not in the reading.
    assert m.events[1].provenance[0].sentence.endswith("on 20 October 1975.[2]")
    assert m.instruments == {"lander": ("cameras", "photometer", "gamma-ray spectrometer")}
    assert m.metadata["designation"] == "4V-1 No.660"
    assert m.metadata["next_mission"] == "Venera 10"
    assert [w.split(": ", 1)[1] for w in m.warnings] == [
        "infobox field 'Apsis' is blank or garbled ('cytherian'): left out"
    ]


def test_mars3_crlf_and_moscow_time() -> None:
    m, text = article("mars3.txt")
    assert "\r\n" in text
    assert rows(m) == [
        ("launch", "spacecraft", "1971-05-28T15:26:30Z", "second", None, False),
        ("separation", "lander", "1971-12-02T09:14Z", "minute", None, False),
        ("atmospheric-entry", "lander", "1971-12-02T13:47Z", "minute", None, False),
        ("landing", "lander", "1971-12-02T13:50:35Z", "second", None, False),
        # "Transmission began at 13:52:05 UTC but stopped after 14.5 seconds."
        ("loss-of-contact", "lander", "1971-12-02T13:52:19Z", "second", None, False),
    ]
    assert [e.provenance[0].line for e in m.events] == [6, 6, 7, 7, 8]
    assert m.warnings == ()


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_articles_never_read_their_tail(path: Path) -> None:
    mission, _ = article(path.name)
    assert mission.events
    assert mission.launch is not None
    for event in mission.events:
        for p in event.provenance:
            assert "Retrieved" not in p.sentence
            assert "Archived" not in p.sentence
            assert "Portal" not in p.sentence


# --- behaviour on small texts ----------------------------------------------------------------


def events_of(text: str) -> list[Row]:
    mission = read_text(text, "x.txt")
    check_invariants(mission, text)
    return rows(mission)


def test_shape_without_title_names_itself_from_the_first_sentence() -> None:
    mission = read_text("Venera 4 was a Soviet probe. It was launched on 12 June 1967.", "x.txt")
    assert mission.name == "Venera 4"
    assert mission.id == "venera4"
    assert rows(mission) == [("launch", "spacecraft", "1967-06-12", "day", None, False)]


def test_no_name_is_a_warning() -> None:
    mission = read_text("it was launched on 12 June 1967.", "x.txt")
    assert mission.name == "Unnamed mission"
    assert "x.txt:1: no title line and no name in the first sentence" in mission.warnings


def test_a_time_with_no_date_is_left_out() -> None:
    mission = read_text("= Luna 9 =\n\nLuna 9 landed at 18:45:30 UTC.\n", "x.txt")
    assert mission.events == ()
    # No event at all: loading says so in one line, so the reader adds no "no launch" line.
    assert mission.warnings == (
        "x.txt:3: time '18:45:30 UTC' has no date stated before it: left out",
    )


def test_a_time_takes_the_day_stated_before_it() -> None:
    text = (
        "= Venera 8 =\n\nVenera 8 was launched on 27 March 1972 at 04:15 UTC. "
        "The lander reached Venus on 22 July 1972. It entered the atmosphere at 08:37 UTC. "
        "It touched down at 09:32 UTC."
    )
    assert events_of(text) == [
        ("launch", "spacecraft", "1972-03-27T04:15Z", "minute", None, False),
        ("atmospheric-entry", "lander", "1972-07-22T08:37Z", "minute", None, False),
        ("landing", "lander", "1972-07-22T09:32Z", "minute", None, False),
    ]


def test_two_events_of_one_date_in_one_sentence() -> None:
    text = (
        "Mars 3 was launched on 28 May 1971. The lander separated from the bus on "
        "2 December 1971 and entered the atmosphere at 13:47 UTC."
    )
    assert events_of(text)[1:] == [
        ("separation", "lander", "1971-12-02", "day", None, False),
        ("atmospheric-entry", "lander", "1971-12-02T13:47Z", "minute", None, False),
    ]


def test_what_did_not_happen_is_no_event() -> None:
    text = (
        "Mars 5 was launched on 25 July 1973. On 12 February 1974 it was intended to "
        "land, but the lander was never released. Its parachute did not open."
    )
    assert events_of(text) == [
        ("launch", "spacecraft", "1973-07-25", "day", None, False),
        # Neither the landing nor the release happened; the failure is still stated.
        ("other", "lander", "1974-02-12", "day", "parachute failed", False),
    ]


def test_events_of_other_craft_are_left_out() -> None:
    text = (
        "Mars 6 was launched on 5 August 1973. Mars 4 failed to enter orbit on "
        "10 February 1974. Mars 7 was launched on 9 August 1973."
    )
    assert events_of(text) == [("launch", "spacecraft", "1973-08-05", "day", None, False)]


def test_an_undated_event_in_another_section_is_not_dated() -> None:
    text = (
        "= Mars 2 =\n\n== Flight ==\nMars 2 was launched on 19 May 1971.\n\n"
        "== Lander ==\nThe lander carried a camera, and entered the atmosphere at a steep angle.\n"
    )
    assert events_of(text) == [("launch", "spacecraft", "1971-05-19", "day", None, False)]


def test_other_craft_named_for_comparison_or_as_a_twin() -> None:
    text = (
        "Venera 9 was launched on 8 June 1975. Unlike Venera 8, Venera 9 entered orbit around "
        "Venus on 22 October 1975. Its sister craft Venera 10 landed on 25 October 1975."
    )
    assert events_of(text) == [
        ("launch", "spacecraft", "1975-06-08", "day", None, False),
        ("orbit-insertion", "spacecraft", "1975-10-22", "day", None, False),
    ]


def test_an_event_named_as_a_point_of_time_is_not_restated() -> None:
    text = (
        "Mars 5 was launched on 25 July 1973. Two days after launch, on 27 July 1973, a "
        "course correction was made. It entered Mars orbit on 12 February 1974. It had "
        "entered a heliocentric orbit after launch."
    )
    assert events_of(text) == [
        ("launch", "spacecraft", "1973-07-25", "day", None, False),
        ("course-correction", "spacecraft", "1973-07-27", "day", None, False),
        ("orbit-insertion", "spacecraft", "1974-02-12", "day", None, False),
    ]


def test_a_yearless_date_runs_forward_from_the_date_before_it() -> None:
    text = "Mars 4 was launched on 21 July 1973. On 10 February it flew past Mars."
    assert events_of(text)[1] == ("flyby", "spacecraft", "1974-02-10", "day", None, False)


def test_one_moment_in_two_zones_is_one_event() -> None:
    text = "Mars 1 was launched on 1 November 1962 at 16:14:16 UTC (19:14:16 Moscow time)."
    assert events_of(text) == [
        ("launch", "spacecraft", "1962-11-01T16:14:16Z", "second", None, False)
    ]


def test_contact_lost_in_other_words() -> None:
    for sentence in (
        "Contact with the spacecraft was lost on 21 March 1963.",
        "Communications were lost on 21 March 1963.",
        "The probe lost contact on 21 March 1963.",
    ):
        text = "Mars 1 was launched on 1 November 1962. " + sentence
        assert events_of(text)[1] == (
            "loss-of-contact",
            "spacecraft",
            "1963-03-21",
            "day",
            "contact lost",
            False,
        ), sentence
    text = "Mars 1 was launched on 1 November 1962. Its last signal was received on 21 March 1963."
    assert events_of(text)[1][:3] == ("last-contact", "spacecraft", "1963-03-21")


def test_it_after_a_part_is_that_part() -> None:
    text = (
        "Viking 2 was launched on 9 September 1975. The orbiter entered orbit around Mars "
        "on 7 August 1976. It was switched off on 25 July 1978."
    )
    assert events_of(text)[1:] == [
        ("orbit-insertion", "orbiter", "1976-08-07", "day", None, False),
        ("deactivation", "orbiter", "1978-07-25", "day", None, False),
    ]


def test_the_own_name_names_no_part() -> None:
    text = "The Pioneer Venus Orbiter was launched on 20 May 1978."
    mission = read_text(text, "x.txt")
    assert mission.name == "Pioneer Venus Orbiter"
    assert rows(mission) == [("launch", "spacecraft", "1978-05-20", "day", None, False)]


def test_title_with_disambiguation_and_wiki_infobox_keys() -> None:
    text = (
        "= Mars 6 (spacecraft) =\n\n| launch_date = 5 August 1973, 17:45:48 UTC\n"
        "| Launch_site = Baikonur 81/23\n\nMars 6 separated its lander on 12 March 1974.\n"
    )
    mission = read_text(text, "x.txt")
    check_invariants(mission, text)
    assert mission.name == "Mars 6"
    assert mission.metadata["launch_site"] == "Baikonur 81/23"
    assert rows(mission) == [
        ("launch", "spacecraft", "1973-08-05T17:45:48Z", "second", None, False),
        ("separation", "lander", "1974-03-12", "day", None, False),
    ]


def test_times_in_other_styles() -> None:
    text = (
        "Mariner 9 was launched on May 30, 1971, at 6:23 p.m. EDT. "
        "It entered orbit around Mars on 1971-11-14T00:18Z."
    )
    assert events_of(text) == [
        ("launch", "spacecraft", "1971-05-30T22:23Z", "minute", None, False),
        ("orbit-insertion", "spacecraft", "1971-11-14T00:18Z", "minute", None, False),
    ]


def test_infobox_event_with_time_and_garbled_fields() -> None:
    text = (
        "= Zond 3 =\n\n- Launch date: 18 July 1965, 02:38 UTC\n- Last contact: March\n"
        "- Cospar Id: ;\n- Manufacturer: OKB-1\n\nZond 3 was a Soviet probe.\n"
    )
    mission = read_text(text, "x.txt")
    check_invariants(mission, text)
    assert rows(mission) == [("launch", "spacecraft", "1965-07-18T02:38Z", "minute", None, False)]
    assert mission.metadata["manufacturer"] == "OKB-1"
    assert mission.warnings == (
        "x.txt:4: infobox field 'Last contact' is blank or garbled ('March'): left out",
        "x.txt:5: infobox field 'Cospar Id' is blank or garbled (';'): left out",
    )


def test_impossible_date_is_a_warning() -> None:
    mission = read_text("Mars 1 was launched on 31 February 1962.", "x.txt")
    assert mission.events == ()
    assert "x.txt:1: not a real date: '31 February 1962'" in mission.warnings


def test_an_event_on_an_impossible_date_takes_no_other_date() -> None:
    mission = read_text(
        "Mars 6 was launched on 5 August 1973. The lander separated on 31 February 1974. "
        "It landed at 09:05 UTC on 31 February 1974. It fell silent. On 12 March 1974 the "
        "lander entered the atmosphere.",
        "x.txt",
    )
    # Neither the separation nor the silence after it is put on 5 August 1973.
    assert rows(mission) == [
        ("launch", "spacecraft", "1973-08-05", "day", None, False),
        ("atmospheric-entry", "lander", "1974-03-12", "day", None, False),
    ]
    assert mission.warnings == (
        "x.txt:1: not a real date: '31 February 1974' (and 1 more like it, on line 1)",
        "x.txt:1: time '09:05 UTC' is on a date that is not real: left out",
    )


def test_yearless_29_february_in_a_common_year_is_left_out() -> None:
    mission = read_text("Mars 1 was launched on 1 November 1962. On 29 February it flew.", "x.txt")
    assert rows(mission) == [("launch", "spacecraft", "1962-11-01", "day", None, False)]
    assert any("'29 February'" in w for w in mission.warnings)


def test_load_text_errors(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="no such file"):
        load_text(tmp_path / "missing.txt")
    with pytest.raises(SeedError, match="is a directory"):
        load_text(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    with pytest.raises(SeedError, match="is empty"):
        load_text(empty)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"Mars\x00")
    with pytest.raises(SeedError, match="binary"):
        load_text(binary)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Mars 6 \u00e9t\u00e9".encode("latin-1"))
    with pytest.raises(SeedError, match=r"not UTF-8 text \(byte 0xe9 at offset 7\)"):
        load_text(latin)
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffMars 6 was launched on 5 August 1973.".encode())
    assert load_text(bom).startswith("Mars 6")


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    with named_pipe(tmp_path / "pipe.txt") as pipe, pytest.raises(SeedError) as refused:
        finish_within(10, f"loading {pipe}", lambda: load_text(pipe))
    assert str(refused.value) == f"{pipe}: is a named pipe (FIFO), not a text file"


def test_a_device_is_refused(tmp_path: Path) -> None:
    device = Path(os.devnull)
    if not device.is_char_device():
        pytest.skip("no character device to try")
    with pytest.raises(SeedError, match="is a character device, not a text file"):
        load_text(device)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_an_article_with_a_byte_order_mark_is_read_in_its_encoding(
    tmp_path: Path, encoding: str, bom: bytes
) -> None:
    text = (SEEDS / "mars6.txt").read_text("utf-8")
    encoded = tmp_path / f"mars6-{encoding}.txt"
    encoded.write_bytes(bom + text.encode(encoding))
    assert load_text(encoded) == text
    again = read_text(load_text(encoded), "seeds/mars6.txt")
    assert again == read_text(text, "seeds/mars6.txt")
    assert rows(again) == rows(read(SEEDS / "mars6.txt"))


def test_broken_utf16_after_its_mark_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(codecs.BOM_UTF16_LE + "Mars 6".encode("utf-16-le") + b"\x00\xdc")
    with pytest.raises(SeedError, match=r"is not UTF-16 text \(byte 0x00 at offset 14\)"):
        load_text(broken)


def test_utf16_without_a_mark_is_binary(tmp_path: Path) -> None:
    unmarked = tmp_path / "unmarked.txt"
    unmarked.write_bytes("Mars 6 was launched.".encode("utf-16-le"))
    with pytest.raises(SeedError, match="is binary"):
        load_text(unmarked)


def test_slug() -> None:
    assert slug("Mars 6") == "mars6"
    assert slug("Венера") == "mission"
    assert slug("Venera 9") == "venera9"


# --- fuzzing -------------------------------------------------------------------------------


def _seed_sentences() -> list[str]:
    from mission_control.extract.document import parse_document

    out: list[str] = []
    for path in (SEEDS / "mars6.txt", SEEDS / "mars7.txt", *sorted(ARTICLES.glob("*.txt"))):
        doc = parse_document(load_text(path), path.name)
        out.extend(s.raw for s in doc.sentences)
    return out


SENTENCES = _seed_sentences()
INFOBOX_KEYS = [
    "Launch Date",
    "Last Contact",
    "Landing date",
    "Orbital insertion",
    "Closest approach",
    "Operator",
    "Spacecraft",
    "Cospar Id",
    "Apsis",
    "Programme",
    "Launch Site",
    "Previous Mission",
]
INFOBOX_VALUES = [
    "UTC",
    ",",
    "",
    "helion",
    "25 March 1974",
    "1988-07-12, 17:01:43 UTC",
    "Aug. 3, 1973",
    "29 February",
    "31 June 1975",
    "Mars 6",
    "3MP No.51P",
    "16:22:44",
    "February 1977",
]
DATES = st.builds(
    lambda d, style: style.format(
        d=d.day, B=d.strftime("%B"), b=d.strftime("%b"), Y=d.year, iso=d.isoformat()
    ),
    st.dates(min_value=datetime(1950, 1, 1).date(), max_value=datetime(2030, 12, 31).date()),
    st.sampled_from(["{d} {B} {Y}", "{b}. {d}, {Y}", "{B} {Y}", "{iso}", "{d} {B}", "in {Y}"]),
)
TIMES = st.sampled_from(
    ["at 09:05:53 UTC", "at ~00:45", "between 17:51 and 18:03 UT", "16:22:44,", "at 23:59 MSK"]
)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_never_raises(text: str) -> None:
    mission = read_text(text, "x.txt")
    assert isinstance(mission, Mission)
    check_invariants(mission, text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.integers(min_value=1, max_value=12))
def test_shuffled_and_cut_seed_sentences(rng: random.Random, count: int) -> None:
    picked = [rng.choice(SENTENCES) for _ in range(count)]
    pieces = []
    for sentence in picked:
        cut = rng.randrange(len(sentence) + 1)
        pieces.append(sentence if rng.random() < 0.6 else sentence[:cut])
    separators = [" ", "\n", "\n\n", "\n== Mission ==\n", "; ", "\r\n"]
    text = "".join(p + rng.choice(separators) for p in pieces)
    if rng.random() < 0.5:
        text = "= Mars 9 =\n\n" + text
    mission = read_text(text, "x.txt")
    check_invariants(mission, text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(INFOBOX_KEYS), st.sampled_from(INFOBOX_VALUES)), max_size=8),
    st.lists(
        st.tuples(st.sampled_from(SENTENCES), DATES, TIMES, st.booleans()),
        max_size=6,
    ),
)
def test_random_infobox_and_dates(
    infobox: list[tuple[str, str]], prose: list[tuple[str, str, str, bool]]
) -> None:
    lines = ["= Venera 11 =", ""]
    lines += [f"- {key}: {value}" for key, value in infobox]
    lines.append("")
    for sentence, date, time, timed in prose:
        words = sentence.split()
        cut = len(words) // 2
        stamp = f"{time} on {date}" if timed else f"on {date}"
        lines.append(" ".join([*words[:cut], stamp, *words[cut:]]))
    text = "\n".join(lines)
    mission = read_text(text, "x.txt")
    check_invariants(mission, text)
    for event in mission.events:
        # Never finer than a stated clock time.
        if event.time.precision is Precision.SECOND:
            assert any(":" in p.sentence for p in event.provenance)


def test_seeds_read_the_same_twice(mars6: Mission, mars7: Mission) -> None:
    assert read(SEEDS / "mars6.txt") == mars6
    assert read(SEEDS / "mars7.txt") == mars7


def _event_ids(events: tuple[Event, ...]) -> list[str]:
    return [e.id for e in events]


def test_event_ids(mars6: Mission) -> None:
    assert _event_ids(mars6.events)[:2] == ["mars6:launch", "mars6:course-correction"]
