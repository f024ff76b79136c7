"""The body a mission went to, as the article states it: Earth when the article says the craft
never left Earth orbit (whatever it was meant for), else the infobox's mission type, else the
prose about the article's own craft that names a planet, the Moon or a planet's moon as a
destination.

A later stage models a transfer from Earth to this body, so a doubtful answer is ``None``:
a planet word that is part of a name ("Mars 4", "Mars Polar Lander", "the Mars program") is
no destination, and prose that names two bodies equally often names none (but a moon named
as often as its own planet is the target: the planet is named on the way to it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from mission_control.extract import prefilter

# The planets a craft from Earth may go to, as English writes them.
PLANETS: tuple[str, ...] = ("Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune")
MOON = "Moon"
EARTH = "Earth"
# Moons a craft may be sent to, each with the planet it circles.
MOONS: dict[str, str] = {MOON: EARTH, "Phobos": "Mars", "Deimos": "Mars"}

# Adjectives that stand for a planet before "atmosphere" or "surface".
_ADJECTIVES: dict[str, str] = {
    "Mercurian": "Mercury",
    "Venusian": "Venus",
    "Cytherean": "Venus",
    "Martian": "Mars",
    "Jovian": "Jupiter",
    "Saturnian": "Saturn",
    "Uranian": "Uranus",
    "Neptunian": "Neptune",
    "Lunar": MOON,
    "lunar": MOON,
    "Selenocentric": MOON,
    "selenocentric": MOON,
}

# A planet word, capitalised as a proper noun ("mercury" is the metal).
# A destination word: a planet, the Moon (with its article, or "Earth's Moon") or a planet's moon.
_BODY = r"\b(?:" + "|".join(PLANETS) + r"|Phobos|Deimos|(?:the\s+|Earth['\u2019]s\s+)?Moon)\b"

# What after a planet word makes it part of a name: a number ("Mars 4", "Mars-96",
# "Mars 7's"), a capitalised word ("Mars Polar Lander", "Venus Express"), or a word that
# makes it the name of a programme or a season ("the Mars program", "the Mars launch window").
_NUMBER_OR_PROGRAMME_AFTER = (
    r"(?![\s-]*\d)"
    r"(?!\s+(?i:program(?:me)?s?|project|exploration\s+program|launch\s+(?:window|opportunity)"
    r"|window)\b)"
)
_NAME_AFTER = r"(?!\s+[A-Z])" + _NUMBER_OR_PROGRAMME_AFTER

# Words before a planet that make it a destination, each ending where the planet starts.
_LEADS = (
    r"(?:launched|sent|dispatched|despatched)\b[^.;]{0,40}?\bto\s+"
    r"(?:(?:explore|study|investigate|visit|reach|orbit|observe|land\s+on)\s+)?"
    r"|\bbound\s+for\s+|\ben\s+route\s+to\s+|\b(?:on\s+)?(?:its|the)\s+way\s+to\s+"
    r"|\b(?:missions?|probes?|flights?|journey|voyage|trip|expedition)\s+to\s+"
    r"|\btowards?\s+"
    r"|\borbit(?:ed|ing|s)?\s+(?:(?:around|about|of)\s+)?"
    r"|\b(?:reach(?:ed|es|ing)?|arriv(?:ed|al|ing|es)\s+at)\s+"
    r"|\b(?:land(?:ed|ing|s)?|touch(?:ed)?\s+down|crash(?:ed)?(?:-landed)?)\s+on(?:to)?\s+"
    r"|\bimpact(?:ed|ing|s)?\s+(?:on\s+|into\s+)?"
    r"|\b(?:atmosphere|surface)\s+of\s+"
    r"|\b(?:fl(?:ew|y|ying|ies)\s+(?:past|by)|fly-?by\s+of)\s+"
)

_DESTINATION = re.compile(
    rf"(?i:{_LEADS})(?P<led>{_BODY}){_NAME_AFTER}"
    rf"|(?P<noun>{_BODY})(?:['\u2019]s)?\s+(?:fly-?by|orbiter|lander|atmosphere|surface)\b"
    rf"|\b(?P<adjective>{'|'.join(_ADJECTIVES)})\s+(?:atmosphere|surface|orbit|probe|lander|"
    r"orbiter|rover|mission|spacecraft|flyby)\b"
)

# Every match of _DESTINATION holds one of these words (it heeds case).
_DESTINATION_WORDS: tuple[str, ...] = (*PLANETS, "Phobos", "Deimos", MOON, *_ADJECTIVES)
# One scan for them all, in place of a test for each.
_ANY_DESTINATION_WORD = re.compile("|".join(_DESTINATION_WORDS))
# Where a match of _DESTINATION can begin, in the lowered text: the first words of each lead
# of _LEADS, then a body of _BODY, then an adjective; all but the first lead at a word's start.
_DESTINATION_STARTS = re.compile(
    r"launched|sent|dispatched|despatched|\b(?:bound\s+for|en\s+route"
    r"|(?:on\s+)?(?:its|the)\s+way|(?:missions?|probes?|flights?|journey|voyage|trip"
    r"|expedition)\s+to|towards?\s|orbit|reach|arriv|land|touch|crash|impact"
    r"|(?:atmosphere|surface)\s+of|flew|fly|flies|"
    + "|".join(p.lower() for p in PLANETS)
    + r"|phobos|deimos|(?:the\s+|earth's\s+)?moon|"
    + "|".join(dict.fromkeys(a.lower() for a in _ADJECTIVES))
    + ")"
)

# What a craft that never left Earth orbit is said to have done: stayed in (or failed to leave)
# a parking orbit, failed to reach orbit, been lost in a launch failure. Placed in a parking
# orbit is no such thing: every departure begins there.
_STRANDED = re.compile(
    r"\b(?:remained|stayed|stranded|stuck|trapped|marooned|left)\s+in\s+(?:an?\s+|the\s+|its\s+)?"
    r"(?:(?:low|initial)\s+)?(?:Earth|parking|geocentric|low\s+Earth)\s+(?:parking\s+)?orbit\b"
    r"|\b(?:failed|unable|never\s+managed)\s+to\s+(?:leave|depart|escape)\s+(?:from\s+)?"
    r"(?:(?:an?|the|its)\s+)?(?:(?:low|initial)\s+)?(?:Earth|parking|geocentric)\b"
    r"|\b(?:never|did\s+not|didn['\u2019]t)\s+(?:leave|left|escape)\s+(?:(?:an?|the|its)\s+)?"
    r"(?:(?:low|initial)\s+)?(?:Earth|parking|geocentric)\b"
    r"|\bfailed\s+to\s+(?:reach|achieve|attain|enter)\s+(?:Earth\s+|parking\s+)?orbit\b"
    r"|\b(?:exploded|disintegrated|was\s+destroyed|broke\s+up)\s+(?:\w+\s+){0,3}?"
    r"(?:during|after|shortly\s+after|seconds\s+after|during\s+its)\s+(?:the\s+)?"
    r"(?:launch|lift-?off|ascent)\b",
    re.I,
)
# Every match of _STRANDED holds a word of each of these (lowered): a verb, and what was not
# left or reached.
_STRANDED_VERBS: tuple[str, ...] = (
    "remained",
    "stayed",
    "stranded",
    "stuck",
    "trapped",
    "marooned",
    "left",
    "failed",
    "unable",
    "never",
    "did",
    "exploded",
    "disintegrated",
    "destroyed",
    "broke",
)
_STRANDED_PLACES: tuple[str, ...] = (
    "orbit",
    "earth",
    "parking",
    "geocentric",
    "launch",
    "lift",
    "ascent",
)

# A capitalised word (other than a sentence's opening article) or a number just before a
# planet that leads a noun: "Pioneer Venus orbiter" and "1971 Mars lander" name a craft.
_NAME_BEFORE = re.compile(r"(?:\b(?!(?:The|A|An|Its|This|That|Each|Every)\s)[A-Z][\w-]*|\d)\s+$")


def _body(word: str) -> str:
    """A destination word as a target's name: "Moon" however it is written ("the Moon",
    "Earth's Moon")."""
    return MOON if word.endswith("Moon") else word


def destinations(sentence: str) -> list[str]:
    """The bodies a sentence names as a destination, once for each mention, in order; and
    Earth, once, when it says the craft never left Earth orbit."""
    found = bodies_named(sentence)
    return [*found, EARTH] if stranded(sentence) else found


def bodies_named(sentence: str) -> list[str]:
    """The bodies a sentence names as a destination, once for each mention, in order."""
    found: list[str] = []
    if not _ANY_DESTINATION_WORD.search(sentence):
        return found
    low = prefilter.folded(sentence)
    for match in prefilter.finditer(_DESTINATION, _DESTINATION_STARTS, sentence, low):
        if match.group("led"):
            found.append(_body(match.group("led")))
        elif match.group("noun"):
            start = match.start("noun")
            if not _NAME_BEFORE.search(sentence, max(0, start - 40), start):
                found.append(_body(match.group("noun")))
        else:
            found.append(_ADJECTIVES[match.group("adjective")])
    return found


def stranded(sentence: str) -> bool:
    """Whether the sentence says the craft never left Earth orbit."""
    low = prefilter.folded(sentence)
    if not (prefilter.has_any(low, _STRANDED_VERBS) and prefilter.has_any(low, _STRANDED_PLACES)):
        return False
    return _STRANDED.search(sentence) is not None


_INFOBOX_PLANET = re.compile(
    r"\b(?:" + "|".join(PLANETS) + r"|Phobos|Deimos|Moon|[Ll]unar)\b" + _NUMBER_OR_PROGRAMME_AFTER
)


def planets_named(value: str) -> set[str]:
    """The bodies an infobox value names, leaving out those that are part of a name. A
    capitalised word after the planet is allowed here: a mission type is a kind of craft
    ("Mars Orbiter"), not a craft's name."""
    return {
        MOON if m.group(0) in ("Moon", "Lunar", "lunar") else m.group(0)
        for m in _INFOBOX_PLANET.finditer(value)
    }


def choose_target(mission_type: str | None, mentions: Iterable[str]) -> str | None:
    """The mission's target: Earth when the prose says the craft never left it; else the one
    body its infobox mission type names (a planet named with a moon: the planet); else
    the body the prose most often names as a destination (a moon named as often as its
    planet: the moon); ``None`` when none is named or two unrelated bodies are named
    equally often."""
    counts = Counter(mentions)
    if counts.pop(EARTH, 0):
        return EARTH
    return _typed(mission_type) or _most_named(counts)


def read_target(mission_type: str | None, sentences: Iterable[str]) -> str | None:
    """:func:`choose_target` for the sentences about the mission, each read only as far as
    the answer needs: the bodies they name are counted only when no sentence says the craft
    never left Earth and the mission type names no one body."""
    texts = list(sentences)
    if any(map(stranded, texts)):
        return EARTH
    return _typed(mission_type) or _most_named(
        Counter(body for text in texts for body in bodies_named(text))
    )


def _typed(mission_type: str | None) -> str | None:
    """The one body a mission type names (a planet named with a moon: the moon is reached
    through the planet), if it names one."""
    if not mission_type:
        return None
    named = planets_named(mission_type)
    named = (named - set(MOONS)) or named
    return named.pop() if len(named) == 1 else None


def _most_named(counts: Counter[str]) -> str | None:
    """The body named most often; of a moon and its planet named as often, the moon (its
    planet is named on the way there: "inserted into orbit around Mars" to reach Phobos);
    None for none, or for two unrelated bodies named as often."""
    ranked = counts.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        first, second = ranked[0][0], ranked[1][0]
        if MOONS.get(first) == second:
            return first
        return second if MOONS.get(second) == first else None
    return ranked[0][0]
