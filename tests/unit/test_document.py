"""Tests for mission_control.extract.document: title, infobox, sections, sentences, the tail."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.paths import ARTICLES, SEEDS

from mission_control.extract.document import Document, is_reference, parse_document


def parse(text: str) -> Document:
    return parse_document(text, "x.txt")


def texts(doc: Document) -> list[str]:
    return [s.text for s in doc.sentences]


def check_offsets(doc: Document) -> None:
    """Every sentence's raw text is the file's text at its span, on the line it names."""
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.raw
        assert s.line == doc.text[: s.start].count("\n") + 1


# --- the two shapes of article --------------------------------------------------------------


def test_mars7_title_infobox_sections() -> None:
    doc = parse_document((SEEDS / "mars7.txt").read_text(encoding="utf-8"), "mars7.txt")
    assert doc.title == "Mars 7"
    assert doc.title_line == 1
    keys = [f.key for f in doc.infobox]
    assert keys[0] == "Mission Type"
    assert keys[-1] == "Previous Mission"
    assert len(keys) == 15
    fields = {f.key: f for f in doc.infobox}
    assert fields["Cospar Id"].value == ","
    assert fields["Launch Date"].value == "UTC"
    assert fields["Last Contact"].value == "25 March 1974"
    assert fields["Last Contact"].line == 14
    last = fields["Last Contact"]
    assert doc.text[last.start : last.end] == "25 March 1974"
    # The caption line "Mars 7" is neither prose nor infobox.
    assert doc.sentences[0].text.startswith("Mars 7 (Марс-7), also known as 3MP No.51P")
    assert {s.section for s in doc.sentences} == {"", "Spacecraft", "Launch"}
    # "See also" starts the tail: its list is never read.
    assert doc.tail_start == doc.text.index("==See also==")
    assert not any("List of missions" in s.text for s in doc.sentences)
    check_offsets(doc)


def test_mars6_one_paragraph_and_its_tail() -> None:
    text = (SEEDS / "mars6.txt").read_text(encoding="utf-8")
    doc = parse_document(text, "mars6.txt")
    assert doc.title is None
    assert doc.infobox == []
    assert doc.sentences[0].text.startswith("Mars 6 (Russian: Марс-6), also known as 3MP No.50P")
    assert doc.sentences[-1].text.startswith("Due to a design flaw, a chip aboard")
    assert doc.tail_start == text.index("Spaceflight portal")
    assert all(s.line == 1 and s.paragraph == 1 for s in doc.sentences)
    joined = " ".join(texts(doc))
    for reference in ("Retrieved", "Archived", "(2002)", "1958-2000", "pp. 101"):
        assert reference not in joined
    assert len(doc.sentences) == 18
    check_offsets(doc)


# --- sentence splitting -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mars 6, also known as 3MP No.50P was a probe. It flew.",
            ["Mars 6, also known as 3MP No.50P was a probe.", "It flew."],
        ),
        (
            "It was launched on Aug. 20, 1975, at 21:22 UTC. It flew.",
            ["It was launched on Aug. 20, 1975, at 21:22 UTC.", "It flew."],
        ),
        ("It was switched off on Aug. 7, 1980.", ["It was switched off on Aug. 7, 1980."]),
        ("Data from No. 24 and Sept. 9 were lost.", ["Data from No. 24 and Sept. 9 were lost."]),
        (
            "Written by Asif A. Siddiqi in 2002. Then",
            ["Written by Asif A. Siddiqi in 2002.", "Then"],
        ),
        ("A book by A. A. Siddiqi. Then more.", ["A book by A. A. Siddiqi.", "Then more."]),
        ("It used a Proton-K. The probe flew.", ["It used a Proton-K.", "The probe flew."]),
        ("It landed.[2] The orbiter stayed.", ["It landed.", "The orbiter stayed."]),
        ('He said "it works." Then it broke.', ['He said "it works."', "Then it broke."]),
        ("The U.S. probe flew past. It was lost.", ["The U.S. probe flew past.", "It was lost."]),
        ("Orbit reached e.g. in 1976. Fine.", ["Orbit reached e.g. in 1976.", "Fine."]),
        ("It is 5.6 km wide. Then 0.5 m.", ["It is 5.6 km wide.", "Then 0.5 m."]),
        ("What? It flew! Then it landed.", ["What?", "It flew!", "Then it landed."]),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    doc = parse(text)
    assert texts(doc) == expected
    check_offsets(doc)


def test_citation_markers_are_kept_in_raw_and_removed_from_text() -> None:
    doc = parse("It flew past Venus.[1] The orbiter[citation needed] stayed.[note 2]\n")
    assert texts(doc) == ["It flew past Venus.", "The orbiter stayed."]
    assert [s.raw for s in doc.sentences] == [
        "It flew past Venus.[1]",
        "The orbiter[citation needed] stayed.[note 2]",
    ]
    check_offsets(doc)


def test_lines_of_a_paragraph_are_joined_and_keep_file_offsets() -> None:
    text = "= X =\n\nThe probe was launched\non 5 August 1973. It flew\npast Mars.\n"
    doc = parse(text)
    assert texts(doc) == ["The probe was launched on 5 August 1973.", "It flew past Mars."]
    assert [s.line for s in doc.sentences] == [3, 4]
    assert doc.sentences[0].raw == "The probe was launched\non 5 August 1973."
    check_offsets(doc)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_any_line_break(newline: str) -> None:
    text = newline.join(
        ["= Mars 3 =", "", "- Operator: X", "", "== Flight ==", "It flew.", "It landed.", ""]
    )
    doc = parse(text)
    assert doc.title == "Mars 3"
    assert [(f.key, f.value, f.line) for f in doc.infobox] == [("Operator", "X", 3)]
    assert texts(doc) == ["It flew.", "It landed."]
    assert [s.line for s in doc.sentences] == [6, 7]
    for s in doc.sentences:
        assert text[s.start : s.end] == s.raw


# --- infobox --------------------------------------------------------------------------------


def test_infobox_variants() -> None:
    text = (
        "= Phobos 2 =\n\n* Mission type: orbiter\n- Launch date = 1988-07-12\n"
        "\u2022 Rocket:Proton-K\n- Cospar Id: ,\n\nPhobos 2 was a probe.\n"
    )
    doc = parse(text)
    assert [(f.key, f.value) for f in doc.infobox] == [
        ("Mission type", "orbiter"),
        ("Launch date", "1988-07-12"),
        ("Rocket", "Proton-K"),
        ("Cospar Id", ","),
    ]
    for f in doc.infobox:
        assert text[f.start : f.end] == f.value
    assert texts(doc) == ["Phobos 2 was a probe."]


def test_dated_list_items_after_prose_are_statements_and_links_are_not() -> None:
    doc = parse(
        "= X =\n\nIt flew.\n\n== Key dates ==\n- Launched on 5 May 1970\n- Landed\n"
        "* Mar. 5, 2001: Launch\n- Mars 3\n- List of missions to Mars\n"
    )
    assert texts(doc) == ["It flew.", "Launched on 5 May 1970", "Mar. 5, 2001: Launch"]
    assert doc.infobox == []
    item = doc.sentences[2]
    assert doc.text[item.start : item.end] == "Mar. 5, 2001: Launch"
    # Each item is a statement of its own, in one paragraph (the list).
    assert doc.sentences[1].paragraph == doc.sentences[2].paragraph != doc.sentences[0].paragraph


def test_a_dated_list_item_never_joins_the_prose_above_it() -> None:
    doc = parse("= X =\n\nIt flew on 3 May 1970\n- Landed on 5 May 1970\n- Venera 9\n")
    assert texts(doc) == ["It flew on 3 May 1970", "Landed on 5 May 1970"]


def test_reference_list_items_are_skipped() -> None:
    doc = parse('= X =\n\nIt flew.\n- "Mars 6". NSSDC. Retrieved 12 April 2013.\nIt landed.\n')
    assert texts(doc) == ["It flew.", "It landed."]


@pytest.mark.parametrize(
    "heading", ["== See also ==", "== References ==", "== Bibliography ==", "== Notes =="]
)
def test_dated_list_items_in_navigation_and_reference_lists_are_ignored(heading: str) -> None:
    doc = parse(f"= X =\n\nIt flew.\n\n{heading}\n- Mars 3 (launched 28 May 1971)\n")
    assert texts(doc) == ["It flew."]


def test_a_timeline_is_read_line_by_line_under_its_days() -> None:
    doc = parse(
        "= X =\n\nIt flew.\n\n== Timeline ==\n22 October 1975\n"
        "~00:45 UTC Orbiter fires its engine\n05:13 UT landing\n'''23 October 1975:'''\n"
        "10:00 GMT \u2013 data relayed\n"
    )
    assert texts(doc) == [
        "It flew.",
        "22 October 1975",
        "~00:45 UTC Orbiter fires its engine",
        "05:13 UT landing",
        "23 October 1975",
        "10:00 GMT \u2013 data relayed",
    ]
    assert [s.day_heading for s in doc.sentences] == [False, True, False, False, True, False]
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)


def test_a_line_opening_with_a_date_inside_a_wrapped_sentence_stays_in_it() -> None:
    doc = parse("= X =\n\nThe lander touched down on\n22 October 1975 at 05:13 UTC.\n")
    assert texts(doc) == ["The lander touched down on 22 October 1975 at 05:13 UTC."]


def test_dated_lines_with_a_separator_stand_alone() -> None:
    doc = parse("= X =\n\nEvents:\n5 March 2001 \u2013 Launch\n7 March 2001: Separation\n")
    assert texts(doc) == ["Events:", "5 March 2001 \u2013 Launch", "7 March 2001: Separation"]


@pytest.mark.parametrize(
    ("line", "zone"),
    [
        ("All times are UTC.", "UTC"),
        ("All dates and times in this article are Moscow time.", "Moscow time"),
        ("Times are given in UT.", "UT"),
        ("(All times GMT.)", "GMT"),
        ("The probe kept time in UTC.", None),
        ("It was launched on 9 September 1978 (all times Moscow time).", "Moscow time"),
        ("Its clock counted times in UTC.", None),
    ],
)
def test_a_zone_stated_for_all_times(line: str, zone: str | None) -> None:
    assert parse(f"= X =\n\nIt flew.\n\n{line}\n").zone == zone


def test_a_zone_stated_in_a_heading() -> None:
    assert parse("= X =\n\n== Timeline (all times UTC) ==\nIt flew.\n").zone == "UTC"


@pytest.mark.parametrize("words", [3, 40, 150])
def test_a_caption_of_any_length_above_the_infobox_is_never_prose(words: int) -> None:
    caption = " ".join(["The orbiter and lander in a museum"] * (words // 7 + 1)) + "."
    doc = parse(
        f"= X =\n\n{caption}\n- Mission type: Venus lander\n- Launch date: 8 June 1975\n"
        "- Operator: Lavochkin\n\nX was a probe.\n"
    )
    assert texts(doc) == ["X was a probe."]
    assert [f.key for f in doc.infobox] == ["Mission type", "Launch date", "Operator"]


def test_an_infobox_after_prose_never_joins_its_sentence() -> None:
    fields = "".join(f"- Field {c}: value {c}\n" for c in "ABCDEFGHIJ")
    doc = parse(f"X was a probe launched to Venus\n{fields}It landed on 5 May 1970.\n")
    assert all(len(s.text) < 60 for s in doc.sentences)


# --- the tail ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading", ["References", "Notes", "See also", "External links", "Further reading"]
)
def test_tail_headings(heading: str) -> None:
    doc = parse(f"= X =\n\nIt flew.\n\n== {heading} ==\nIt landed on 5 May 1970.\n")
    assert texts(doc) == ["It flew."]
    assert doc.tail_start is not None


@pytest.mark.parametrize(
    "sentence",
    [
        '"Mars 6". NSSDC. Retrieved 12 April 2013.',
        "Archived from the original on 25 September 2004.",
        "NASA History Office. pp. 101–106.",
        "Siddiqi, Asif A. (2002).",
        "Harvey, B. (2007). Russian Planetary Exploration.",
        "Spaceflight portal List of missions to Mars",
        "Portals: Spaceflight Solar System",
        "Smith, J. et al. Venus.",
    ],
)
def test_reference_sentences(sentence: str) -> None:
    assert is_reference(sentence)
    doc = parse(f"It flew on 5 May 1970. {sentence} It landed on 6 May 1970.")
    assert texts(doc) == ["It flew on 5 May 1970."]


@pytest.mark.parametrize(
    "sentence",
    [
        "However, Mars 4 failed to enter orbit.",
        "Built by Lavochkin, Mars 6 was the first of two.",
        "The launch occurred at 17:45:48 UTC on 5 August 1973.",
        "Two orbiters, Mars 4 and Mars 5 (1973), were launched.",
    ],
)
def test_prose_is_not_reference(sentence: str) -> None:
    assert not is_reference(sentence)


# --- the test articles ------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_articles_offsets(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    doc = parse_document(text, path.name)
    assert doc.sentences
    assert doc.tail_start is not None
    for s in doc.sentences:
        assert s.start < doc.tail_start
        assert "Retrieved" not in s.text
    check_offsets(doc)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_any_text_parses(text: str) -> None:
    doc = parse(text)
    for s in doc.sentences:
        assert text[s.start : s.end] == s.raw
        assert s.text
    for f in doc.infobox:
        assert text[f.start : f.end].strip() == f.value


def test_infobox_fields_without_a_list_mark() -> None:
    doc = parse(
        "= X =\n\nThe X lander, as built.\nMission type: Venus lander\nOperator: Lavochkin\n"
        "Launch date: 8 June 1975, 02:38 UTC\n\nX was a probe. Note: it flew.\n"
    )
    assert [(f.key, f.value) for f in doc.infobox] == [
        ("Mission type", "Venus lander"),
        ("Operator", "Lavochkin"),
        ("Launch date", "8 June 1975, 02:38 UTC"),
    ]
    assert texts(doc) == ["X was a probe.", "Note: it flew."]


def test_a_lone_line_with_a_colon_before_the_prose_is_no_field() -> None:
    doc = parse("= X =\n\nSummary: a probe to Venus.\n\nX was a probe.\n")
    assert doc.infobox == []


def test_each_line_under_a_day_heading_stands_alone() -> None:
    doc = parse(
        "= X =\n\nIt flew.\n\n22 October 1975\nLander separates\nOrbiter enters orbit\n"
        "05:13 UTC landing\n\nThe lander was a sphere\nof titanium.\n"
    )
    assert texts(doc) == [
        "It flew.",
        "22 October 1975",
        "Lander separates",
        "Orbiter enters orbit",
        "05:13 UTC landing",
        "The lander was a sphere of titanium.",
    ]


@pytest.mark.parametrize(
    "item",
    [
        "- Perminov, V. G. (July 1999). The Difficult Road to Mars. NASA.",
        "- Harvey, Brian (2007). Russian Planetary Exploration. Springer.",
        "* Ulivi, Paolo; Harland, David M. (8 December 2007). Robotic Exploration.",
    ],
)
def test_a_dated_citation_in_a_list_is_no_statement(item: str) -> None:
    doc = parse(f"= X =\n\nIt flew.\n\n== Reading ==\n{item}\n")
    assert texts(doc) == ["It flew."]


def test_a_caption_a_blank_line_parts_from_the_infobox_is_never_prose() -> None:
    doc = parse(
        "= X =\n\nThe X lander in a photograph released in 1991 by the Academy\n\n"
        "- Mission type: Venus lander\n- Launch date: 8 June 1975\n\nX was a probe.\n"
    )
    assert texts(doc) == ["X was a probe."]
    assert len(doc.infobox) == 2


def test_a_first_paragraph_before_a_list_of_facts_stays_prose() -> None:
    doc = parse("= X =\n\nX was a probe.\n\n- Launch: 5 March 2001\n- Landing: 3 May 2002\n")
    assert texts(doc)[0] == "X was a probe."


def test_nested_list_items_stand_alone() -> None:
    doc = parse(
        "= X =\n\nIt flew.\n\n== Timeline ==\n* 12 March 1974\n** 09:05:53 UTC \u2013 entry\n"
        "** 09:11:05 UTC \u2013 contact lost\n## 10:00 UTC \u2013 end\n"
    )
    assert texts(doc) == [
        "It flew.",
        "12 March 1974",
        "09:05:53 UTC \u2013 entry",
        "09:11:05 UTC \u2013 contact lost",
        "10:00 UTC \u2013 end",
    ]


def test_a_clock_time_in_p_m_ends_a_sentence_unless_a_zone_follows() -> None:
    doc = parse(
        "= X =\n\nIt entered the atmosphere at 12:52 p.m. Its parachute opened. It was "
        "launched at 1:58 a.m. EDT from Florida. It landed at 1:07 p.m. (17:07 UTC).\n"
    )
    assert texts(doc) == [
        "It entered the atmosphere at 12:52 p.m.",
        "Its parachute opened.",
        "It was launched at 1:58 a.m. EDT from Florida.",
        "It landed at 1:07 p.m. (17:07 UTC).",
    ]


def test_a_template_infobox_and_its_braces_are_never_prose() -> None:
    doc = parse(
        "= X =\n\n{{Infobox spaceflight\n| name = X\n| launch_date = 8 June 1975\n}}\n"
        "X was a probe.\n"
    )
    assert texts(doc) == ["X was a probe."]
    assert [(f.key, f.value) for f in doc.infobox] == [
        ("name", "X"),
        ("launch_date", "8 June 1975"),
    ]
