"""The reader's prefilters are necessary conditions: a costly pattern that is tried only where
a cheap test passes finds exactly what it finds when tried everywhere, in every sentence of
the corpus and in made-up text dense with the words the patterns look for."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mission_control.extract import (
    clauses,
    document,
    keyword_scan,
    layout,
    names,
    parts,
    prefilter,
    subjects,
    target,
    vocabulary,
)
from mission_control.extract.document import parse_document

ROOT = Path(__file__).resolve().parents[2]

# Words and marks the guarded patterns look for, to make text dense with near misses.
# One line of pieces, split at "|", per family of patterns.
_PIECE_LINES = """\
 |, |. |-|'s |the |The |its |and |And |(|)|\u2019|\u0130|\u017f|\u212a|\u00a0|\t|; |,
along with |together with |accompanied by | and | and the |while |which |x
lander|Lander|LANDER|landing|descent|module|stage|bus|Bus|coast|flyby|carrier
spacecraft|orbiter|capsule|re-entry|reentry|entry|return|sample|sample-return
rover|rovers|penetrator|pre|x|s|Mars|Venera|Vega|Tern|Zarya-V|Surgut|Site|March
2|7|12|123|1975|4A|km|probe|craft|vehicle|it|It|with|Big 1|big 1|BIG
Moon|the Moon|Earth's|Martian|lunar|Venus|surface|atmosphere|launched|Launched
from|Baikonur|Cosmodrome|to|bound for|towards|remained in|parking orbit|orbit
Earth|failed to|leave|never|did not|exploded|during|launch|known as|also|built by
Operated by|NASA|aboard a|Proton|rocket|program|Venera program|followed by
preceded by|Retrieved|ISBN|p. 12|pp.|et al.|Portal:|^|All times are|times|UTC|GMT|ISSN
Archived|Accessed|doi:|Wayback Machine|Spaceflight portal|P. 7|ARCHİVED|İSBN|IſSN
Moscow time|Note: times|time|failed|failure of the|retro-rockets|retrorocket
parachute|tore|missed|enter|contact|was lost|lost contact|loss of signal|chip
degraded|data|unusable|crashed|crash-landed|malfunctioned|separated|released
course correction|engine|transmitted|signals|radio link|returned data|a third
another|A second, smaller|followed|took place on|occurred at
sent|present|dispatched|bound|for|en|route|on its way to|the way|mission|probes|journey
Towards|toward|orbiting|about|of|reached|arrived at|landed on|touched down|crash-landed
onto|impacted|into|flew past|fly-by of|flyby|Jupiter|Phobos|Deimos|Venusian|Lunar|Selenocentric
Earth's Moon|Earth\u2019s Moon|Cytherean|Jovian|orbiter|lander|Pioneer|Venus Express|window
was equipped with|were fitted with|is outfitted with|carried|Carries|housed|payload consisted of
payload included|instruments included|CARRIED|outfitted|Equipped
"""
PIECES = [piece for line in _PIECE_LINES.splitlines() for piece in line.split("|")]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@cache
def corpus_sentences() -> list[str]:
    """Every sentence the reader reads in the corpus and the seeds (the held-out set is for
    scoring alone: no test reads it)."""
    paths = [
        *sorted((ROOT / "tests" / "articles").rglob("*.txt")),
        *sorted((ROOT / "seeds").glob("*.txt")),
    ]
    out: list[str] = []
    for path in paths:
        doc = parse_document(path.read_text("utf-8"), path.name)
        out.extend(s.text for s in doc.sentences)
        out.extend(item.value for item in doc.infobox)
    return out


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def check_part_words(text: str) -> None:
    """Each part's words as its pattern alone finds them, and each where PART_STARTS finds
    a start."""
    found = dict(names.part_words(text))
    low = text.lower()
    starts = {m.start() for m in vocabulary.PART_STARTS.finditer(low)}
    for part, pattern, _ in vocabulary.PART_WORDS:
        expected = list(pattern.finditer(text))
        assert spans(found[part]) == spans(expected), (part, text)
        if text.isascii():
            assert {m.start() for m in expected} <= starts, (part, text)


def check_guard(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> None:
    """``prefilter.finditer`` finds what the pattern finds, ``starts`` looked for in the
    lowered text."""
    view = prefilter.folded(text)
    expected = spans(pattern.finditer(text))
    assert spans(prefilter.finditer(pattern, starts, text, view)) == expected, text


GUARDS = [
    (vocabulary.COMPANION, vocabulary.COMPANION_STARTS),
    (vocabulary.GENERIC_SELF, vocabulary.GENERIC_SELF_STARTS),
    (subjects._CLAUSE_BREAK, subjects._CLAUSE_BREAK_STARTS),
    (target._DESTINATION, target._DESTINATION_STARTS),
]


def check_reference_hint(text: str) -> None:
    """Every match of REFERENCE_MARKERS holds, in the fold, a word the hint looks for; and a
    sentence is a reference exactly when the markers, tried everywhere, say so."""
    folded = keyword_scan.fold(text)
    for match in document.REFERENCE_MARKERS.finditer(text):
        assert document._hinted(folded[match.start() : match.end()]), text
    plain = text
    if "(" in plain:
        plain = document._INLINE_CITATION_RE.sub("", plain)
    expected = bool(
        document._CITATION_OPENING.match(plain) or document.REFERENCE_MARKERS.search(plain)
    )
    assert document.is_reference(text) == expected, text


def test_every_reference_marker_is_where_its_hint_is() -> None:
    said = ["Retrieved 5 May", "pp. 12-14", "P.  7", "et al. 2001", "ARCH\u0130VED", "\u0130SBN"]
    said += ["ISſN 1", "\u212aaccessed", "Wayback\u00a0Machine", "ARCH\u0130VED 5 May 2001"]
    for text in [*corpus_sentences(), *said]:
        check_reference_hint(text)


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(TEXTS)
def test_made_up_reference_markers_are_where_their_hint_is(text: str) -> None:
    check_reference_hint(text)


# (pattern, groups of words): every match of the pattern holds a word of each group; a
# case-blind pattern's words are looked for in the lowered text.
WORDS = [
    *((pattern, (words,)) for _, pattern, words in vocabulary.PROSE_METADATA),
    (target._DESTINATION, (target._DESTINATION_WORDS,)),
    (target._STRANDED, (target._STRANDED_VERBS, target._STRANDED_PLACES)),
    (layout._STATED_ZONE_RE, (("times",),)),
    *((pattern, (words,)) for _, pattern, words in vocabulary.OUTCOME_PATTERNS),
    *((pattern, (words,)) for _, pattern, words in vocabulary.SYSTEM_WORDS),
    (vocabulary.ANAPHOR, (vocabulary.ANAPHOR_WORDS,)),
    (vocabulary.TOOK_PLACE, (vocabulary.TOOK_PLACE_WORDS,)),
    (vocabulary.CARRIED, (parts.CARRIED_WORDS,)),
]


def check_words(text: str) -> None:
    for pattern, groups in WORDS:
        for match in pattern.finditer(text):
            seen = match.group(0)
            if pattern.flags & re.IGNORECASE:
                if not text.isascii():
                    continue  # not folded: the pattern is always tried
                seen = seen.lower()
            for words in groups:
                assert any(word in seen for word in words), (pattern.pattern[:40], seen)


def test_the_corpus_matches_hold_their_prefilter_words() -> None:
    for text in corpus_sentences():
        check_words(text)


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(TEXTS)
@example("Proton-K rocket, launched from Baikonur; et al. ^ all times UTC")
@example("It was launched from Earth to study Mars, and flew past the Moon on its way to Venus")
def test_made_up_matches_hold_their_prefilter_words(text: str) -> None:
    check_words(text)


def test_the_corpus_part_words_are_found_as_each_pattern_finds_them() -> None:
    for text in corpus_sentences():
        check_part_words(text)


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(TEXTS)
@example("The pre-entry capsule, a re-entry capsule and a sample return capsule")
def test_made_up_part_words_are_found_as_each_pattern_finds_them(text: str) -> None:
    check_part_words(text)


def test_the_corpus_guarded_patterns_find_what_they_find_unguarded() -> None:
    for text in corpus_sentences():
        for pattern, starts in GUARDS:
            check_guard(pattern, starts, text)


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(TEXTS)
def test_made_up_guarded_patterns_find_what_they_find_unguarded(text: str) -> None:
    for pattern, starts in GUARDS:
        check_guard(pattern, starts, text)


def check_names(text: str) -> None:
    """Craft names as both patterns find them, everywhere; the mission's name blanked as a
    case-blind substitution blanks it."""
    known = list(vocabulary.CRAFT_NAME.finditer(text))
    starts = {m.start() for m in known}
    others = [m for m in names._ANY_CRAFT.finditer(text) if m.start() not in starts]
    expected = sorted([*known, *others], key=lambda m: m.start())
    assert spans(names.craft_names(text)) == spans(expected), text
    for name in ("Big 1", "Mars 6", "venera", "\u0130t", "X"):
        blanked = re.sub(re.escape(name), lambda m: " " * len(m.group(0)), text, flags=re.I)
        assert subjects.without_name(text, name) == blanked, (name, text)


def test_the_corpus_craft_names_and_blanked_names_are_as_the_patterns_find_them() -> None:
    for text in corpus_sentences():
        check_names(text)


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(TEXTS)
@example("Unlike Mars  7, the Big 1 and BIG 1 and big\u00a01; Tern\t3 and Zarya-V 12")
@example("Zarya-Vab 3, xMars 6, Mars  1975 and Luna 9A and Site 81/24 and Tern 4 km")
def test_made_up_craft_names_and_blanked_names_are_as_the_patterns_find_them(text: str) -> None:
    check_names(text)


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(TEXTS, st.integers(min_value=0, max_value=400), st.integers(min_value=1, max_value=3))
def test_the_words_before_a_place_are_those_splitting_gives(text: str, end: int, n: int) -> None:
    end = min(end, len(text))
    assert subjects._words_before(text, end, n) == text[:end].split()[-n:]


def test_a_text_not_ascii_is_not_folded() -> None:
    # "\u212a" (the kelvin sign) matches "k" when case is ignored; lowering hides it.
    assert prefilter.folded("Kelvin \u212a") is None
    assert prefilter.folded("The LANDER") == "the lander"


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(TEXTS)
@example("The lander carr\u0130ed a camera; it was EQU\u0130PPED with a \u212aelvin-scale probe")
def test_instruments_are_looked_for_wherever_a_carrying_verb_is(text: str) -> None:
    """A sentence is read for instruments exactly where the carrying verbs match, in any
    script: the words the fold is tested for are those every match holds."""
    folded = keyword_scan.fold(text)
    assert parts._may_carry(folded) == any(w in folded for w in parts.CARRIED_WORDS)
    for match in vocabulary.CARRIED.finditer(text):
        assert parts._may_carry(folded[match.start() : match.end()]), text


PLANS = st.sampled_from(
    [
        "",
        " was scheduled for 5 May",
        " was PLANNED on",
        " was due\tto",
        " Expected for",
        " intended to",
        " was meant on",
        " SET TO",
        " \u017fet on",
        " upset for",
    ]
)


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(TEXTS, PLANS, TEXTS)
def test_a_plan_is_looked_for_wherever_its_words_are(before: str, plan: str, after: str) -> None:
    """A sentence is searched for a plan where the plan pattern, tried everywhere, finds
    one, in any script."""
    text = before + plan + after
    assert clauses._states_a_plan(text) == (clauses._PLANNED_RE.search(text) is not None), text
