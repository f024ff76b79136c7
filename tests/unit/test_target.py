"""Tests for mission_control.extract.target: the planet a mission went to, as its article
states it, and None when the article does not say or names two planets equally."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.paths import ARTICLES, SEEDS

from mission_control.extract.reader import read_text
from mission_control.extract.target import PLANETS, choose_target, destinations, read_target
from mission_control.seedfile import load_text

CHECK = settings(max_examples=300, derandomize=True, deadline=None, database=None)

# Sentences about the article's own craft that name {p} as its destination, once each.
DESTINATIONS = (
    "The spacecraft was launched to explore {p}.",
    "It was launched in 1973 to study {p} and its moons.",
    "The probe was sent to {p} under a new programme.",
    "The upper stage fired to propel the craft into heliocentric orbit bound for {p}.",
    "It was the second mission to {p} that year.",
    "After a long cruise the probe turned towards {p}.",
    "The orbiter entered an orbit around {p} on 3 May.",
    "The spacecraft spent a year orbiting {p}.",
    "The probe reached {p} after four months.",
    "It landed on {p}, in a wide plain.",
    "It made the first soft landing on {p}.",
    "The lander encountered the atmosphere of {p} at noon.",
    "The instruments sampled the surface of {p}.",
    "The craft flew past {p} at a distance of 1300 km.",
    "The {p} lander separated from the bus.",
    "The {p} flyby lasted an hour.",
)

# Sentences in which {q} is part of a name, or in which Earth or the Moon is only a place:
# none of them states a destination.
NAMES = (
    "The spacecraft was a copy of {q} 4.",
    "Its twin was launched alongside {q} 3 in the same week.",
    "The probe carried a radio built for {q} 7's lander.",
    "It was launched to relay data from {q} Polar Lander.",
    "The probe was the last of the {q} program.",
    "The spacecraft was part of the {q} programme.",
    "It was launched early in the 1973 {q} launch window.",
    "Like the {q}-96 mission, it carried a penetrator.",
    "Its data were sent to {q} 5, which relayed them home.",
    "The orbiter flew past {q} Express on its way out.",
    "It was the first mission to {q}-96's design.",
    "The probe reached {q} program milestones early.",
    "The probe was launched towards {q} launch window targets.",
    "The Pioneer {q} orbiter was its model.",
    "The 1971 {q} lander was its model.",
    "The stages placed the spacecraft into a low Earth parking orbit.",
    "The probe photographed the Moon on its way out.",
    "The spacecraft photographed Earth as it left.",
    "Its batteries used mercury cells.",
)


def article(sentences: list[str], mission_type: str | None = None) -> str:
    """An article about "Probe 1": a title, perhaps an infobox, and the sentences as prose."""
    infobox = f"- Mission type: {mission_type}\n- Operator: Someone\n" if mission_type else ""
    return f"= Probe 1 =\n\n{infobox}\nProbe 1 was a spacecraft. " + " ".join(sentences) + "\n"


def target_of(text: str) -> str | None:
    return read_text(text, "t.txt").metadata["target"]


planets = st.sampled_from(PLANETS)
destination = st.sampled_from(DESTINATIONS)
name_form = st.sampled_from(NAMES)


@CHECK
@given(st.data(), planets, st.integers(1, 4), st.integers(0, 4))
def test_most_named_destination_is_the_target_and_names_never_count(
    data: st.DataObject, planet: str, mentions: int, distractions: int
) -> None:
    others = [p for p in PLANETS if p != planet]
    said = [data.draw(destination).format(p=planet) for _ in range(mentions)]
    names = [
        data.draw(name_form).format(q=data.draw(st.sampled_from(others)))
        for _ in range(distractions)
    ]
    sentences = data.draw(st.permutations(said + names))
    assert [p for s in sentences for p in destinations(s)] == [planet] * mentions
    assert target_of(article(sentences)) == planet


@CHECK
@given(st.data(), st.integers(0, 4))
def test_no_planet_stated_is_none(data: st.DataObject, distractions: int) -> None:
    names = [data.draw(name_form).format(q=data.draw(planets)) for _ in range(distractions)]
    assert target_of(article(names)) is None


@CHECK
@given(st.data(), st.lists(planets, min_size=2, max_size=2, unique=True), st.integers(1, 3))
def test_a_tie_is_none_and_one_more_mention_decides(
    data: st.DataObject, pair: list[str], mentions: int
) -> None:
    first, second = pair
    said = [data.draw(destination).format(p=p) for p in [first, second] * mentions]
    assert target_of(article(said)) is None
    extra = data.draw(destination).format(p=second)
    assert target_of(article([*said, extra])) == second


@CHECK
@given(st.data(), st.lists(planets, min_size=2, max_size=2, unique=True), st.integers(0, 3))
def test_the_infobox_mission_type_comes_first(
    data: st.DataObject, pair: list[str], mentions: int
) -> None:
    boxed, prose = pair
    said = [data.draw(destination).format(p=prose) for _ in range(mentions)]
    kind = data.draw(
        st.sampled_from(
            ("{p} lander", "{p} orbiter / lander", "{p} and Phobos orbiter", "{p} Orbiter")
        )
    )
    assert target_of(article(said, kind.format(p=boxed))) == boxed
    # A mission type naming two planets settles nothing: the prose decides.
    both = f"{boxed} and {prose} flyby"
    assert target_of(article(said, both)) == (prose if mentions else None)


def test_choose_target_directly() -> None:
    assert choose_target(None, []) is None
    assert choose_target("Venus lander", ["Mars", "Mars"]) == "Venus"
    assert choose_target("Comet flyby", ["Mars", "Venus", "Mars"]) == "Mars"
    assert choose_target(None, ["Mars", "Venus"]) is None
    assert choose_target("Mars 96 orbiter", []) is None


def test_a_sentence_about_another_craft_is_not_read() -> None:
    text = article(["Mars 4 was launched to Venus.", "The probe was launched to explore Mars."])
    assert target_of(text) == "Mars"
    assert target_of(article(["Mars 4 was launched to Venus."])) is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (SEEDS / "mars6.txt", "Mars"),
        (SEEDS / "mars7.txt", "Mars"),
        (ARTICLES / "mars2.txt", "Mars"),
        (ARTICLES / "mars3.txt", "Mars"),
        (ARTICLES / "phobos2.txt", "Mars"),
        (ARTICLES / "venera7.txt", "Venus"),
        (ARTICLES / "venera9.txt", "Venus"),
        (ARTICLES / "viking1.txt", "Mars"),
    ],
    ids=lambda v: v.stem if isinstance(v, Path) else v,
)
def test_each_article_target(path: Path, expected: str) -> None:
    assert read_text(load_text(path), path.name).metadata["target"] == expected


def test_the_prose_alone_finds_each_infobox_articles_target() -> None:
    """Without its infobox each article still names its planet in prose: the two sources
    agree, and neither is needed for the other."""
    for path, expected in (
        (SEEDS / "mars7.txt", "Mars"),
        (ARTICLES / "phobos2.txt", "Mars"),
        (ARTICLES / "venera7.txt", "Venus"),
        (ARTICLES / "venera9.txt", "Venus"),
        (ARTICLES / "viking1.txt", "Mars"),
    ):
        lines = load_text(path).splitlines()
        prose = "\n".join(line for line in lines if "ission type" not in line)
        assert read_text(prose, path.name).metadata["target"] == expected, path.name


@pytest.mark.parametrize(
    "sentence",
    [
        "The probe was launched to the Moon on a direct path.",
        "It made the first soft landing on the Moon.",
        "The spacecraft entered lunar orbit after three days.",
        "It orbited the Moon for a year.",
        "The lander sampled the Moon's surface.",
        "It was an American lunar probe.",
        "The probe impacted the Moon at 13:25 UT.",
    ],
)
def test_the_moon_is_a_destination(sentence: str) -> None:
    assert destinations(sentence) == ["Moon"]
    assert target_of(article([sentence])) == "Moon"


def test_a_moon_named_as_often_as_its_planet_is_the_target() -> None:
    """The planet is named on the way to its moon; an unrelated pair stays a tie."""
    assert destinations("The lander was sent to land on Phobos.") == ["Phobos"]
    assert target_of(article(["The lander was sent to land on Phobos."])) == "Phobos"
    both = ["The probe was sent to Phobos.", "It entered orbit around Mars."]
    assert target_of(article(both)) == "Phobos"
    assert target_of(article([*both, "It was the second mission to Mars."])) == "Mars"
    assert target_of(article(["The probe was sent to Phobos.", "It flew past Venus."])) is None
    assert choose_target("Mars and Phobos orbiter", []) == "Mars"
    assert choose_target("Phobos sample return", ["Mars"]) == "Phobos"
    assert choose_target("Lunar lander", []) == "Moon"


@pytest.mark.parametrize(
    "sentence",
    [
        "The upper stage failed to fire, and the spacecraft remained in a low Earth orbit.",
        "The probe was stranded in its parking orbit.",
        "The Blok D stage did not ignite, so the craft never left Earth orbit.",
        "It failed to leave its parking orbit and re-entered two days later.",
        "The spacecraft failed to reach orbit.",
        "The rocket exploded 40 seconds after launch.",
    ],
)
def test_a_craft_that_never_left_earth_has_earth_as_target(sentence: str) -> None:
    """Whatever the craft was meant for, Earth is where it stayed."""
    said = ["The probe was launched to explore Mars.", sentence]
    assert "Earth" in destinations(sentence)
    assert target_of(article(said, "Mars orbiter")) == "Earth"


@pytest.mark.parametrize(
    "sentence",
    [
        "The stages placed the spacecraft into a low Earth parking orbit.",
        "After one revolution in parking orbit the Blok D fired and sent it to Mars.",
        "Mars 4 remained in Earth orbit.",
    ],
)
def test_a_parking_orbit_on_the_way_is_no_stranding(sentence: str) -> None:
    said = ["The probe was launched to explore Mars.", sentence]
    assert target_of(article(said)) == "Mars"


TYPES = st.sampled_from([None, "Mars orbiter", "Venus lander", "Phobos and Mars probe", "Comet"])
SAID = st.lists(
    st.sampled_from(
        [
            *(d.format(p=p) for d in DESTINATIONS[:4] for p in ("Mars", "Venus", "Phobos")),
            "Mars 4 remained in Earth orbit.",
            "The probe failed to leave its parking orbit.",
            "The Moon's surface was photographed.",
            "Nothing else happened.",
        ]
    ),
    max_size=8,
)


@CHECK
@given(TYPES, SAID)
def test_read_target_reads_only_as_far_as_it_must_and_answers_as_choose_target(
    mission_type: str | None, said: list[str]
) -> None:
    """The target read from the sentences, stopping at the first that strands the craft, is
    the one chosen from every mention of every sentence."""
    mentions = [body for sentence in said for body in destinations(sentence)]
    assert read_target(mission_type, said) == choose_target(mission_type, mentions)
