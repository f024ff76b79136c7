"""The planet a mission went to, as the article states it: from the infobox's mission type,
else from the prose about the article's own craft that names a planet as a destination.

A later stage models a transfer from Earth to this planet, so a doubtful answer is ``None``:
a planet word that is part of a name ("Mars 4", "Mars Polar Lander", "the Mars program") is
no destination, and prose that names two planets equally often names none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# The planets a craft from Earth may go to, as English writes them; Earth is never a target.
PLANETS: tuple[str, ...] = ("Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune")

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
}

# A planet word, capitalised as a proper noun ("mercury" is the metal).
_PLANET = r"\b(?:" + "|".join(PLANETS) + r")\b"

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
    r"|\b(?:atmosphere|surface)\s+of\s+"
    r"|\b(?:fl(?:ew|y|ying|ies)\s+(?:past|by)|fly-?by\s+of)\s+"
)

_DESTINATION = re.compile(
    rf"(?i:{_LEADS})(?P<led>{_PLANET}){_NAME_AFTER}"
    rf"|(?P<noun>{_PLANET})(?:['\u2019]s)?\s+(?:fly-?by|orbiter|lander|atmosphere|surface)\b"
    rf"|\b(?P<adjective>{'|'.join(_ADJECTIVES)})\s+(?:atmosphere|surface)\b"
)

# A capitalised word (other than a sentence's opening article) or a number just before a
# planet that leads a noun: "Pioneer Venus orbiter" and "1971 Mars lander" name a craft.
_NAME_BEFORE = re.compile(r"(?:\b(?!(?:The|A|An|Its|This|That|Each|Every)\s)[A-Z][\w-]*|\d)\s+$")


def destinations(sentence: str) -> list[str]:
    """The planets a sentence names as a destination, once for each mention, in order."""
    found: list[str] = []
    for match in _DESTINATION.finditer(sentence):
        if match.group("led"):
            found.append(match.group("led"))
        elif match.group("noun"):
            start = match.start("noun")
            if not _NAME_BEFORE.search(sentence, max(0, start - 40), start):
                found.append(match.group("noun"))
        else:
            found.append(_ADJECTIVES[match.group("adjective")])
    return found


_INFOBOX_PLANET = re.compile(_PLANET + _NUMBER_OR_PROGRAMME_AFTER)


def planets_named(value: str) -> set[str]:
    """The planets an infobox value names, leaving out those that are part of a name. A
    capitalised word after the planet is allowed here: a mission type is a kind of craft
    ("Mars Orbiter"), not a craft's name."""
    return {m.group(0) for m in _INFOBOX_PLANET.finditer(value)}


def choose_target(mission_type: str | None, mentions: Iterable[str]) -> str | None:
    """The mission's target: the one planet its infobox mission type names, else the planet
    the prose most often names as a destination; ``None`` when none is named or two are named
    equally often."""
    if mission_type:
        named = planets_named(mission_type)
        if len(named) == 1:
            return named.pop()
    ranked = Counter(mentions).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
