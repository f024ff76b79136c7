"""When things happened, read from small articles in the encyclopedia's style: timelines
written as lines, lists of days, dated lists, years carried forward, relative times, ranges
and a zone stated once for the whole article."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mission_control.extract.reader import read_text
from mission_control.mission import Mission

HEAD = "= Testcraft 9 =\n\nTestcraft 9 was a Soviet probe sent to Venus.\n\n"


def read(body: str) -> Mission:
    return read_text(HEAD + body, "t.txt")


def rows(mission: Mission) -> list[tuple[str, str]]:
    return [(e.kind, e.time.iso()) for e in mission.events]


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# --- timelines written as lines ------------------------------------------------------------


def test_each_time_of_a_timeline_belongs_to_the_day_above_it() -> None:
    m = read(
        "== Timeline ==\n"
        "22 October 1975\n"
        "~00:45 UTC The orbiter entered orbit around Venus\n"
        "05:13 UT The lander touched down\n"
        "25 October 1975\n"
        "02:20 GMT The second lander touched down\n"
    )
    assert rows(m) == [
        ("orbit-insertion", "1975-10-22T00:45Z"),
        ("landing", "1975-10-22T05:13Z"),
        ("landing", "1975-10-25T02:20Z"),
    ]
    assert m.warnings == ("t.txt:1: no dated launch found; mission elapsed time cannot be counted",)


def test_each_timeline_line_takes_its_kind_from_its_own_label() -> None:
    m = read(
        "== Arrival ==\n"
        "'''9 June 1975'''\n"
        "02:38 UTC \u2013 launch from Baikonur\n"
        "20 October 1975:\n"
        "10:00 UTC \u2013 the lander separates from the orbiter\n"
        "11:00 UTC \u2013 course correction of the orbiter\n"
    )
    assert rows(m) == [
        ("launch", "1975-06-09T02:38Z"),
        ("separation", "1975-10-20T10:00Z"),
        ("course-correction", "1975-10-20T11:00Z"),
    ]


def test_a_day_heading_as_a_section_heading_dates_its_entries() -> None:
    m = read("=== 22 October 1975 ===\n05:13 UTC The lander touched down.\n")
    assert rows(m) == [("landing", "1975-10-22T05:13Z")]


def test_a_timeline_line_without_a_time_takes_its_day() -> None:
    m = read(
        "== Timeline ==\n22 October 1975\nThe lander separated from the orbiter\n"
        "05:13 UTC The lander touched down\n"
    )
    assert rows(m) == [("separation", "1975-10-22"), ("landing", "1975-10-22T05:13Z")]


# --- lists of days -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Course corrections were made on 4, 9, 12 and 15 January 1980.",
        "Course corrections were made on Jan. 4, 9, 12 and 15, 1980.",
        "Course corrections were made on January 4, 9, 12, and 15, 1980.",
    ],
)
def test_a_list_of_days_sharing_month_and_year(sentence: str) -> None:
    m = read(f"== Cruise ==\n{sentence}\n")
    assert rows(m) == [
        ("course-correction", "1980-01-04"),
        ("course-correction", "1980-01-09"),
        ("course-correction", "1980-01-12"),
        ("course-correction", "1980-01-15"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 and 4 May 1980 course corrections were made.",
        "On May 3 and 4, 1980, the probe made course corrections.",
        "On 3, 4 and 5 May 1980 the probe made three course corrections.",
    ],
)
def test_a_list_of_days_at_the_start_of_a_sentence(sentence: str) -> None:
    m = read(f"== Cruise ==\n{sentence}\n")
    assert rows(m)[:2] == [("course-correction", "1980-05-03"), ("course-correction", "1980-05-04")]
    assert all(kind == "course-correction" for kind, _ in rows(m))


# --- dated lists ---------------------------------------------------------------------------


def test_a_key_dates_list_gives_an_event_per_item() -> None:
    m = read(
        "== Key dates ==\n"
        "- Mar. 5, 2001: Launch\n"
        "- Course correction (12 March 2001)\n"
        "- 12 October 2001 \u2013 orbit insertion around Mars\n"
        "* 2002-01-20: the lander separated\n"
        "\n== See also ==\n- Mars 3 (launched 28 May 1971)\n- List of missions to Mars\n"
    )
    assert rows(m) == [
        ("launch", "2001-03-05"),
        ("course-correction", "2001-03-12"),
        ("orbit-insertion", "2001-10-12"),
        ("separation", "2002-01-20"),
    ]


def test_a_list_of_dated_facts_without_marks_gives_an_event_per_line() -> None:
    m = read(
        "== Quick facts ==\nLaunch: 5 March 2001\nOrbit insertion: 12 October 2001\n"
        "Mass: 450 kg\nLanding: 20 January 2002\n"
    )
    assert rows(m) == [
        ("launch", "2001-03-05"),
        ("orbit-insertion", "2001-10-12"),
        ("landing", "2002-01-20"),
    ]
    assert [e.provenance[0].sentence for e in m.events] == [
        "Launch: 5 March 2001",
        "Orbit insertion: 12 October 2001",
        "Landing: 20 January 2002",
    ]


def test_lists_of_links_and_titles_are_never_read() -> None:
    m = read(
        "It was launched on 5 March 2001.\n\n== Related ==\n- Mars 3\n- Lander (spacecraft)\n"
        "- The landing of 1971, a documentary\n- Testcraft 8 (launched Nov. 5, 1966)\n"
        "- Testcraft 10 (cancelled 12 January 2002)\n"
    )
    assert rows(m) == [("launch", "2001-03-05")]


# --- the infobox's caption -----------------------------------------------------------------


def test_a_long_caption_above_the_infobox_is_never_an_event_source() -> None:
    caption = (
        "The Testcraft 9 orbiter with its lander, photographed before launch in the assembly "
        "hall at Lavochkin; the lander was later to touch down on Venus on 22 October 1975, "
        "as the orbiter entered orbit."
    )
    fields = "".join(f"- Field {c}: a value of some length, {c}\n" for c in "ABCDEFGHIJKLMNOP")
    text = (
        f"= Testcraft 9 =\n\n{caption}\n- Mission type: Venus lander\n{fields}"
        "- Launch date: 8 June 1975, 02:38 UTC\n\n"
        "Testcraft 9 was a Soviet probe. The lander touched down on 22 October 1975.\n"
    )
    m = read_text(text, "t.txt")
    assert rows(m) == [("launch", "1975-06-08T02:38Z"), ("landing", "1975-10-22")]
    for event in m.events:
        for source in event.provenance:
            assert len(source.sentence) < 120
            assert "photographed" not in source.sentence


# --- years ---------------------------------------------------------------------------------


def test_a_year_is_carried_forward_within_a_sentence() -> None:
    m = read(
        "== Flight ==\nThe probe was launched on 28 December 1975 and the lander separated "
        "on 3 January, before it touched down on 5 January.\n"
    )
    assert rows(m) == [
        ("launch", "1975-12-28"),
        ("separation", "1976-01-03"),
        ("landing", "1976-01-05"),
    ]


def test_a_year_is_carried_across_paragraphs() -> None:
    m = read(
        "== Flight ==\nThe probe was launched on 9 June 1975.\n\n"
        "After a long cruise the lander separated on 20 October.\n"
    )
    assert rows(m) == [("launch", "1975-06-09"), ("separation", "1975-10-20")]


def test_a_month_alone_takes_the_year_reached() -> None:
    m = read("== Flight ==\nIt was launched on 5 August 1973. In March the lander separated.\n")
    assert rows(m) == [("launch", "1973-08-05"), ("separation", "1974-03")]


def test_a_year_heading_a_section_dates_what_it_says() -> None:
    m = read(
        "== Flight ==\nIt was launched on 5 August 1973.\n\n=== 1976 ===\n"
        "The orbiter was switched off on 3 May. Contact was lost on 9 June.\n"
    )
    assert rows(m)[0] == ("launch", "1973-08-05")
    assert rows(m)[-1] == ("loss-of-contact", "1976-06-09")


def test_a_step_back_of_a_few_weeks_stays_in_its_year() -> None:
    m = read(
        "== Flight ==\nThe lander touched down on 20 December 1975. "
        "It had separated from the orbiter on 2 December.\n"
    )
    assert rows(m) == [("separation", "1975-12-02"), ("landing", "1975-12-20")]


def test_a_step_back_of_months_is_the_next_year() -> None:
    m = read("== Flight ==\nIt was launched on 5 August 1973. The lander separated on 12 March.\n")
    assert rows(m) == [("launch", "1973-08-05"), ("separation", "1974-03-12")]


def test_a_date_never_takes_its_year_from_a_citation() -> None:
    m = read(
        "== Flight ==\nIt was launched on 5 August 1973.[3] According to Smith (1998), the "
        "lander separated on 12 March.[4]\n\n== References ==\n- Smith, J. (1998). Mars. p. 4.\n"
    )
    assert rows(m) == [("launch", "1973-08-05"), ("separation", "1974-03-12")]


def test_a_planned_day_does_not_move_the_year_of_what_follows() -> None:
    m = read(
        "== Flight ==\nIt was launched on 22 August 1975 at 08:51 UTC. The landing had been "
        "scheduled for 18 December 1975.\nContact was lost on 25 August.\n"
    )
    assert ("loss-of-contact", "1975-08-25") in rows(m)


def test_a_citation_in_brackets_neither_ends_the_article_nor_gives_a_year() -> None:
    m = read(
        "== Flight ==\nIt was launched on 20 July 1986.\n\nOn 14 April (Harvey 2007, p. 212) the "
        "penetrator was released. It impacted the surface at 11:42 UTC.\n"
    )
    assert rows(m) == [
        ("launch", "1986-07-20"),
        ("separation", "1987-04-14"),
        ("landing", "1987-04-14T11:42Z"),
    ]


def test_dates_in_a_list_with_a_turn_of_the_year() -> None:
    m = read("== Flight ==\nCourse corrections were made on 28 December and 3 January 1976.\n")
    assert rows(m) == [
        ("course-correction", "1975-12-28"),
        ("course-correction", "1976-01-03"),
    ]


# --- undated sentences ---------------------------------------------------------------------


def test_an_undated_sentence_further_on_takes_no_date() -> None:
    m = read(
        "== Flight ==\nIt was launched on 5 August 1973. It carried a camera and a "
        "magnetometer. The lander later touched down in the south.\n\n"
        "The orbiter entered orbit in a later year.\n"
    )
    assert rows(m) == [("launch", "1973-08-05")]


def test_a_sentence_going_straight_on_takes_the_day() -> None:
    m = read("== Flight ==\nThe lander separated on 12 March 1974. The bus then flew past Mars.\n")
    assert rows(m) == [("separation", "1974-03-12"), ("flyby", "1974-03-12")]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Later that day, the lander touched down.", "1974-03-12"),
        ("The next day the lander touched down.", "1974-03-13"),
        ("Three days later the lander touched down.", "1974-03-15"),
        ("Two hours later the lander touched down.", "1974-03-12T11:20Z"),
        ("About 40 minutes later the lander touched down.", "1974-03-12T10:00Z"),
        ("Half an hour later the lander touched down.", "1974-03-12T09:50Z"),
        ("A week later the lander touched down.", "1974-03-19"),
    ],
)
def test_a_sentence_that_says_when_takes_a_relative_time(phrase: str, expected: str) -> None:
    m = read(
        "== Flight ==\nThe lander separated on 12 March 1974 at 09:20 UTC.\n\n"
        "The orbiter carried a camera.\n\n" + phrase + "\n"
    )
    assert rows(m) == [("separation", "1974-03-12T09:20Z"), ("landing", expected)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It entered orbit two days later, at 06:20 UTC.", "1981-11-11T06:20Z"),
        ("The next day, at 06:20 UTC, it entered orbit.", "1981-11-10T06:20Z"),
        ("Later that day, at 06:20 UTC, it entered orbit.", "1981-11-09T06:20Z"),
    ],
)
def test_a_time_said_to_fall_days_later_takes_that_day(sentence: str, expected: str) -> None:
    m = read(f"== Flight ==\nThe lander separated on 9 November 1981 at 04:30 UTC. {sentence}\n")
    assert rows(m) == [("separation", "1981-11-09T04:30Z"), ("orbit-insertion", expected)]


def test_a_counted_offset_within_a_timed_clause_counts_from_the_time_before_it() -> None:
    m = read(
        "== Flight ==\nOn 22 September 2001 the lander entered the atmosphere at 10:31 UTC, "
        "deployed its parachute two minutes later and touched down at 10:36 UTC.\n"
    )
    assert rows(m) == [
        ("atmospheric-entry", "2001-09-22T10:31Z"),
        ("parachute", "2001-09-22T10:33Z"),
        ("landing", "2001-09-22T10:36Z"),
    ]


def test_a_counted_offset_counts_from_the_clause_before_when_its_own_has_no_time() -> None:
    m = read(
        "== Flight ==\nOn 16 April 1980 at 05:12 UTC it entered the atmosphere; its parachute "
        "opened a minute later, but the lander crash-landed at 05:16 UTC.\n"
    )
    assert rows(m) == [
        ("atmospheric-entry", "1980-04-16T05:12Z"),
        ("parachute", "1980-04-16T05:13Z"),
        ("landing", "1980-04-16T05:16Z"),
    ]


def test_an_offset_after_a_time_in_seconds() -> None:
    m = read(
        "== Flight ==\nThe lander touched down on 2 December 1971 at 13:50:35 UTC; it began "
        "to transmit at 13:52:05 UTC, but contact was lost after 14.5 seconds.\n"
    )
    assert rows(m)[-1] == ("loss-of-contact", "1971-12-02T13:52:19Z")
    assert m.events[-1].time.start == utc("1971-12-02T13:52:19")


def test_an_offset_naming_no_event_adds_none() -> None:
    m = read(
        "== Flight ==\nThe lander touched down on 2 December 1971 at 13:50:35 UTC and sent "
        "pictures after 90 seconds.\n"
    )
    assert rows(m) == [("landing", "1971-12-02T13:50:35Z")]


def test_a_counted_offset_of_days_within_a_dated_clause() -> None:
    m = read("== Flight ==\nThe lander separated on 9 November 1981 and landed two days later.\n")
    assert rows(m) == [("separation", "1981-11-09"), ("landing", "1981-11-11")]


def test_an_offset_after_an_event_counts_from_that_event() -> None:
    m = read(
        "== Flight ==\nThe lander touched down on 21 December 1978 at 04:45 UTC. Its signals "
        "were lost at 05:50 UTC. Two hours after touchdown the bus made its closest approach "
        "to Venus.\n"
    )
    assert rows(m) == [
        ("landing", "1978-12-21T04:45Z"),
        ("loss-of-contact", "1978-12-21T05:50Z"),
        ("flyby", "1978-12-21T06:45Z"),
    ]


def test_after_that_is_the_moment_stated_before() -> None:
    m = read(
        "== Flight ==\nOn 4 August 1981 it entered the atmosphere at 20:02 UTC and crash-landed "
        "at 20:09 UTC; no word from the lander was received after that.\n"
    )
    assert rows(m)[-1] == ("loss-of-contact", "1981-08-04T20:09Z")


def test_a_relative_time_naming_no_event_gives_none() -> None:
    m = read(
        "== Flight ==\nThe lander separated on 12 March 1974.\n\n"
        "The next day controllers tried again.\n"
    )
    assert rows(m) == [("separation", "1974-03-12")]


def test_hours_later_than_a_day_is_that_day() -> None:
    m = read("== Flight ==\nThe lander separated on 12 March 1974. Two hours later it landed.\n")
    assert rows(m) == [("separation", "1974-03-12"), ("landing", "1974-03-12")]


# --- ranges --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "when", "window"),
    [
        (
            "The orbiter entered orbit on 22 October 1975 at ~00:45 \u2013 01:30 UTC.",
            "1975-10-22T00:45Z",
            ("1975-10-22T00:45", "1975-10-22T01:30"),
        ),
        (
            "The orbiter entered orbit on 22 October 1975 from 01:00 to 01:30 UTC.",
            "1975-10-22T01:00Z",
            ("1975-10-22T01:00", "1975-10-22T01:30"),
        ),
        (
            "Course corrections were made between 2 and 5 December 1975.",
            "1975-12-02",
            ("1975-12-02", "1975-12-05"),
        ),
        (
            "Course corrections were made on 2\u20135 December 1975.",
            "1975-12-02",
            ("1975-12-02", "1975-12-05"),
        ),
        (
            "Course corrections were made between 28 November and 3 December 1975.",
            "1975-11-28",
            ("1975-11-28", "1975-12-03"),
        ),
        (
            "Course corrections were made from Dec. 28, 1975 to Jan. 3, 1976.",
            "1975-12-28",
            ("1975-12-28", "1976-01-03"),
        ),
        (
            "Course corrections were made 28 December \u2013 3 January 1976.",
            "1975-12-28",
            ("1975-12-28", "1976-01-03"),
        ),
    ],
)
def test_a_range_is_one_event_with_a_window(
    sentence: str, when: str, window: tuple[str, str]
) -> None:
    m = read(f"== Flight ==\n{sentence}\n")
    (event,) = m.events
    assert event.time.iso() == when
    assert event.window == (utc(window[0]), utc(window[1]))


# --- a zone stated once --------------------------------------------------------------------


def test_all_times_are_utc_silences_the_warning_for_each_time() -> None:
    m = read(
        "All times are UTC.\n\n== Flight ==\nIt was launched on 9 June 1975 at 02:38. "
        "The lander separated on 20 October 1975 at 10:00 and landed at 11:00.\n"
    )
    assert rows(m) == [
        ("launch", "1975-06-09T02:38Z"),
        ("separation", "1975-10-20T10:00Z"),
        ("landing", "1975-10-20T11:00Z"),
    ]
    assert m.warnings == ()


def test_a_time_in_moscow_time_is_converted() -> None:
    m = read(
        "== Flight ==\nAll times in this article are Moscow time.\n"
        "It was launched on 9 June 1975 at 05:38.\n"
    )
    assert rows(m) == [("launch", "1975-06-09T02:38Z")]
    assert m.warnings == ()


def test_a_time_without_a_zone_in_an_article_stating_none_is_warned_of() -> None:
    m = read("== Flight ==\nIt was launched on 9 June 1975 at 02:38.\n")
    assert m.warnings == ("t.txt:6: time '02:38' names no time zone: read as UTC",)
