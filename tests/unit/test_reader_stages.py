"""Each stage of the reader called alone on a short text: document -> dated clauses -> event
drafts -> events, and the name, metadata and instruments read beside them."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from mission_control.extract.clauses import dated_clauses
from mission_control.extract.document import parse_document
from mission_control.extract.drafts import Draft, infobox_drafts, read_drafts
from mission_control.extract.events import make_events
from mission_control.extract.metadata import mission_name, read_metadata
from mission_control.extract.parts import read_instruments
from mission_control.extract.reader import read_text
from mission_control.extract.report import Report
from mission_control.extract.sentences import split_clauses
from mission_control.model import Precision, Provenance, StatedTime

TEXT = """= Mars 6 (spacecraft) =

* Launch date: 5 August 1973

Mars 6 was launched on 5 August 1973 at 17:45:48 UTC by a Proton-K rocket.
The lander carried a thermometer and a barometer.
On 12 March 1974 the lander separated at 09:05; contact was lost.
"""


def drafts_of(text: str) -> list[Draft]:
    doc = parse_document(text, "t.txt")
    report = Report("t.txt")
    return read_drafts(doc, "Mars 6", dated_clauses(doc, "Mars 6", report), report)


def test_clauses_are_cut_at_semicolons_and_before_and_it() -> None:
    assert split_clauses("It separated; it landed, and it fell silent.") == [
        "It separated",
        "it landed",
        "it fell silent.",
    ]


def test_each_clause_has_its_moments_and_an_undated_one_the_day_before_it() -> None:
    doc = parse_document(TEXT, "t.txt")
    report = Report("t.txt")
    clauses = list(dated_clauses(doc, "Mars 6", report))
    assert [s.time for s in clauses[0].stamps] == [
        StatedTime(datetime(1973, 8, 5, 17, 45, 48, tzinfo=UTC), Precision.SECOND)
    ]
    separated, lost = clauses[-2:]
    assert [s.time.iso() for s in separated.stamps] == ["1974-03-12T09:05Z"]
    assert not lost.dated
    assert lost.day is not None and lost.day.date().isoformat() == "1974-03-12"
    assert report.warnings == ["t.txt:7: time '09:05' names no time zone: read as UTC"]


def test_a_clause_about_another_craft_is_skipped() -> None:
    doc = parse_document("= Mars 6 =\n\nMars 7 was launched on 9 August 1973.\n", "t.txt")
    assert list(dated_clauses(doc, "Mars 6", Report("t.txt"))) == []


def test_drafts_have_the_kind_and_part_the_text_states() -> None:
    drafts = drafts_of(TEXT)
    assert [(d.kind, d.part, d.infobox) for d in drafts] == [
        ("launch", "spacecraft", True),
        ("launch", "spacecraft", False),
        ("separation", "lander", False),
        ("loss-of-contact", "lander", False),
    ]
    assert drafts[-1].outcomes == ["contact lost"]
    assert drafts[-1].inherited  # its day is the separation's


def test_two_statements_of_one_launch_make_one_event() -> None:
    events = make_events(drafts_of(TEXT), "mars6")
    assert [(e.kind, e.time.iso()) for e in events] == [
        ("launch", "1973-08-05T17:45:48Z"),
        ("separation", "1974-03-12T09:05Z"),
        ("loss-of-contact", "1974-03-12"),
    ]


def test_events_merge_drafts_of_equal_precision_keeping_both_sentences() -> None:
    def draft(order: int, sentence: str) -> Draft:
        return Draft(
            kind="landing",
            part="lander",
            time=StatedTime(datetime(1974, 3, 12, tzinfo=UTC), Precision.DAY),
            provenance=[Provenance("t.txt", sentence, (order, order + 1), order + 1)],
            outcomes=[],
            quantities=[],
            paragraph=1,
            order=order,
        )

    (event,) = make_events([draft(0, "It landed."), draft(1, "The lander landed.")], "mars6")
    assert event.summary == "Landing (lander)"
    assert [p.sentence for p in event.provenance] == ["It landed.", "The lander landed."]


def test_name_metadata_and_instruments() -> None:
    doc = parse_document(TEXT, "t.txt")
    assert mission_name(doc) == "Mars 6"
    metadata = read_metadata(doc, "Mars 6", Report("t.txt"))
    assert metadata["launch_vehicle"] == "Proton-K"
    assert read_instruments(doc) == {"lander": ("thermometer", "barometer")}


def test_a_garbled_infobox_field_is_warned_of_with_its_line() -> None:
    doc = parse_document(
        "= Mars 6 =\n\n* Launch date: UTC\n* Launch vehicle: ,\n\nMars 6 flew.\n", "t.txt"
    )
    report = Report("t.txt")
    assert read_metadata(doc, "Mars 6", report)["launch_vehicle"] is None
    assert infobox_drafts(doc) == []  # nor does a garbled date make an event
    assert report.warnings == [
        "t.txt:3: infobox field 'Launch date' is blank or garbled ('UTC'): left out",
        "t.txt:4: infobox field 'Launch vehicle' is blank or garbled (','): left out",
    ]


def test_one_moment_stated_in_two_zones_is_one_stamp_and_one_event() -> None:
    text = (
        "= Mars 6 =\n\nMars 6 was launched on 5 August 1973.\n\n"
        "On 12 March 1974 at 09:05:53 UTC (12:05:53 Moscow time) the lander separated.\n"
    )
    doc = parse_document(text, "t.txt")
    clauses = [c for c in dated_clauses(doc, "Mars 6", Report("t.txt")) if c.dated]
    assert [[s.time.iso() for s in c.stamps] for c in clauses] == [
        ["1973-08-05"],
        ["1974-03-12T09:05:53Z"],
    ]
    mission = read_text(text, "t.txt")
    assert [(e.kind, e.time.iso()) for e in mission.events] == [
        ("launch", "1973-08-05"),
        ("separation", "1974-03-12T09:05:53Z"),
    ]


def test_warnings_come_in_the_order_of_the_text() -> None:
    """All clauses are read before their drafts, yet a warning about a quantity (drafted)
    and one about a time (dated) keep the article's order."""
    text = (
        "= Mars 6 =\n\nMars 6 was launched on 5 August 1973.\n"
        "On 12 March 1974 the lander separated at 48,000 kilometres (20,000 mi).\n"
        "On 12 March 1974 at 09:05:53 it entered the atmosphere.\n"
    )
    assert read_text(text, "t.txt").warnings == (
        "t.txt:4: 48,000 kilometres (20,000 mi): pint gives 29,826 mi",
        "t.txt:5: time '09:05:53' names no time zone: read as UTC",
    )


def test_the_warnings_of_the_two_stages_interleave_clause_by_clause() -> None:
    """A clause's reading warns before its drafting, and both before the next clause's."""
    text = (
        "= Mars 6 =\n\nMars 6 was launched on 5 August 1973.\n"
        "On 12 March 1974 at 09:05:53 the lander separated at 48,000 kilometres (20,000 mi).\n"
        "On 13 March 1974 at 10:00:00 it entered the atmosphere at 12,000 km (9,000 mi).\n"
    )
    assert read_text(text, "t.txt").warnings == (
        "t.txt:4: time '09:05:53' names no time zone: read as UTC",
        "t.txt:4: 48,000 kilometres (20,000 mi): pint gives 29,826 mi",
        "t.txt:5: time '10:00:00' names no time zone: read as UTC",
        "t.txt:5: 12,000 km (9,000 mi): pint gives 7,456 mi",
    )


def test_a_warning_said_again_is_counted_once_with_its_lines() -> None:
    report = Report("t.txt")
    report.warn(3, "time '10:00' names no time zone: read as UTC")
    report.warn(4, "date '12 March' has no year: left out")
    for line in (5, 9, 7):
        report.warn(line, "time '10:00' names no time zone: read as UTC")
    report.warn(8, "date '12 March' has no year: left out")
    assert report.warnings == [
        "t.txt:3: time '10:00' names no time zone: read as UTC (and 3 more like it, on lines 5–9)",
        "t.txt:4: date '12 March' has no year: left out (and 1 more like it, on line 8)",
    ]


def test_a_window_stated_100000_times_without_a_zone_gives_one_warning() -> None:
    text = (
        "Mars 6 was launched on 5 August 1973.\n\nIt flew " + "between 10:00 and 11:00 " * 100_000
    )
    assert read_text(text, "t.txt").warnings == (
        "t.txt:3: time 'between 10:00 and 11:00' names no time zone: read as UTC"
        " (and 99,999 more like it, on line 3)",
    )


def test_a_word_of_seven_letters_before_a_stop_is_no_abbreviation_initial_or_clock() -> None:
    """split_sentences cuts after seven ASCII letters without reading the word they end: no
    abbreviation, initial or clock's "a.m." has seven letters in a row."""
    from mission_control.extract import sentences

    assert not [a for a in sentences._ABBREVIATIONS if re.search(r"[a-z]{7}", a)]
    said = (
        "The probe used its engine approx. Twice it fired. It landed at 5 p.m. Then U.S.S.R. ships"
    )
    assert [s for s, _, _ in sentences.split_sentences(said, 0)] == [
        "The probe used its engine approx. Twice it fired.",
        "It landed at 5 p.m.",
        "Then U.S.S.R. ships",
    ]


def test_the_cycle_collector_is_held_off_during_a_reading_and_restored_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from mission_control.extract import reader

    seen: list[bool] = []
    real = reader.parse_document

    def parse(text: str, source: str) -> object:
        seen.append(gc.isenabled())
        return real(text, source)

    monkeypatch.setattr(reader, "parse_document", parse)
    assert gc.isenabled()
    read_text("= X 1 =\nX 1 was launched on 5 May 1975.\n", "x.txt")
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        read_text("= X 1 =\n", "x.txt")
        assert not gc.isenabled()  # a caller's own setting is kept
    finally:
        gc.enable()

    def broken(text: str, source: str) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(reader, "parse_document", broken)
    with pytest.raises(KeyboardInterrupt):
        read_text("x", "x.txt")
    assert gc.isenabled()
