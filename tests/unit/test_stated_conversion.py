"""The text's own conversion: read from the brackets after a quantity, whatever the units
and however the numbers are written, and shown in the other unit system in place of pint's;
where the text gives none, pint's figure is shown and marked as converted, alike in the
event detail's lines, the command line's tables, CSV and JSON."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.fuzzing import FUZZ

from mission_control import units
from mission_control.extract.quantities import find_quantities
from mission_control.mission import Mission
from mission_control.model import Quantity
from mission_control.notation import SYMBOLS, SYMBOLS1, WORDS, to_float
from mission_control.presentation.formatting import describe_quantities
from mission_control.reports import event_json, quantities_text, timeline_csv

NBSP = "\u00a0"
ENTRY = (
    "The lander encountered the atmosphere of Mars at 09:05:53 UTC, slowing from 5,600 to "
    f"600 metres per second (12,500 to 1,300{NBSP}mph) as it passed through the upper atmosphere."
)
SEPARATION = (
    "Mars 6's lander separated from the flyby bus on 12 March 1974 at an altitude of "
    f"48,000 kilometres (30,000{NBSP}mi) from the surface of Mars."
)
FLYBY = f"The bus made a flyby with a closest approach of 1,600 kilometres (990{NBSP}mi)."
MARS7_FLYBY = (
    "Due to a retrorocket failure, the probe missed the atmosphere of Mars, and, instead of "
    "landing, flew past along with the coast stage, with a closest approach of 1300 km."
)

SPELLINGS: dict[str, str] = {**WORDS, **SYMBOLS, **SYMBOLS1}
"""Every way the unit table lets a text write a unit, and the pint unit it means."""


def only(sentence: str) -> Quantity:
    found = find_quantities(sentence)
    assert len(found) == 1, found
    return found[0][0]


# --- reading the brackets -------------------------------------------------------------------

numbers = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(lambda n: f"{n:,}"),
    st.integers(min_value=0, max_value=10**6).map(str),
    st.tuples(st.integers(0, 99_999), st.integers(0, 999)).map(lambda p: f"{p[0]}.{p[1]}"),
)
"""A number as texts write it: grouped by commas or not, whole or with decimals."""


@st.composite
def written(draw: st.DrawFn) -> tuple[str, tuple[str, ...], str, tuple[str, ...]]:
    """A quantity's number or range and its conversion's, as written, with their literals:
    ``5,600 to 600`` and ``12,500 to 1,300``, or ``between 3 and 4`` and ``5 and 6``."""
    a, b, c, d = (draw(numbers) for _ in range(4))
    form = draw(st.sampled_from(["one", "to", "-", "–", "between"]))
    if form == "one":
        return a, (a,), c, (c,)
    if form == "between":
        joined = draw(st.sampled_from(["and", "to"]))
        return f"between {a} and {b}", (a, b), f"{c} {joined} {d}", (c, d)
    return f"{a} {form} {b}", (a, b), f"{c} {form} {d}", (c, d)


@given(
    amounts=written(),
    unit=st.sampled_from(sorted(SPELLINGS)),
    unit2=st.sampled_from(sorted(SPELLINGS)),
    about=st.sampled_from(["", "about ", "approximately ", "~"]),
)
@FUZZ
def test_a_quantity_and_its_bracketed_conversion_parse_back_to_both(
    amounts: tuple[str, tuple[str, ...], str, tuple[str, ...]],
    unit: str,
    unit2: str,
    about: str,
) -> None:
    main, main_literals, stated, stated_literals = amounts
    text = f"{main} {unit} ({about}{stated} {unit2})"
    q = only(f"The probe was at {text} then.")
    assert q.text == text
    assert q.values == tuple(to_float(x) for x in main_literals)
    assert q.unit == SPELLINGS[unit]
    assert q.stated is not None
    assert q.stated.values == tuple(to_float(x) for x in stated_literals)
    assert q.stated.unit == SPELLINGS[unit2]
    assert q.stated.text == f"{stated} {unit2}"


@pytest.mark.parametrize(
    ("sentence", "value", "stated"),
    [
        (ENTRY, (5600.0, 600.0), (12500.0, 1300.0)),
        (SEPARATION, (48000.0,), (30000.0,)),
        (FLYBY, (1600.0,), (990.0,)),
    ],
)
def test_the_seed_sentences_keep_their_own_conversions(
    sentence: str, value: tuple[float, ...], stated: tuple[float, ...]
) -> None:
    q = only(sentence)
    assert q.values == value
    assert q.stated is not None
    assert q.stated.values == stated


def test_a_sentence_without_brackets_has_no_stated_conversion() -> None:
    assert only(MARS7_FLYBY).stated is None


# --- showing it -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "si", "imperial"),
    [
        (ENTRY, "5,600 to 600 m/s", "12,500 to 1,300 mph"),  # pint: 12,527 to 1,342
        (SEPARATION, "48,000 km", "30,000 mi"),
        (FLYBY, "1,600 km", "990 mi"),
        (MARS7_FLYBY, "1,300 km", "810 mi (converted)"),
        ("about 30,000 miles (48,300 km)", "48,300 km", "30,000 mi"),
        ("30,000 miles", "48,000 km (converted)", "30,000 mi"),
        ("20 °C (68 °F)", "20 °C", "68 °F"),
        ("224 seconds (3.7 minutes)", "224 s", "224 s"),
    ],
)
def test_the_other_unit_system_shows_the_texts_own_figure(
    sentence: str, si: str, imperial: str
) -> None:
    q = only(sentence)
    assert (units.display(q, "si"), units.display(q, "imperial")) == (si, imperial)
    described = units.describe(q)
    assert (described.si, described.imperial) == (si, imperial)


def test_a_bracketed_figure_in_a_unit_the_system_does_not_use_is_not_shown() -> None:
    q = only("1,600 kilometres (860 nautical miles)")
    assert units.display(q, "imperial") == "990 mi (converted)"


def test_a_bracketed_figure_of_something_else_is_not_taken_for_a_conversion() -> None:
    q = only("48,000 kilometres (30,000 s)")
    assert units.display(q, "imperial") == "30,000 mi (converted)"


@given(
    n=st.integers(min_value=1, max_value=10**9),
    m=st.integers(min_value=1, max_value=10**9),
)
@FUZZ
def test_the_stated_figure_is_shown_whatever_pint_makes_of_it(n: int, m: int) -> None:
    q = only(f"{n:,} kilometres ({m:,} mi)")
    assert units.display(q, "imperial") == f"{m:,} mi"
    assert not units.is_converted(q, "imperial")
    assert units.display(q, "si") == f"{n:,} km"


# --- the same mark everywhere ---------------------------------------------------------------


def test_the_mark_reaches_the_detail_the_tables_csv_and_json(missions: dict[str, Mission]) -> None:
    mars6, mars7 = missions["mars6"], missions["mars7"]
    flyby = next(e for e in mars7.events if e.kind == "flyby" and e.part == "lander")
    entry = next(e for e in mars6.events if e.kind == "atmospheric-entry")

    assert [q.imperial for q in describe_quantities(flyby)] == ["810 mi (converted)"]
    assert [q.imperial for q in describe_quantities(entry)] == ["12,500 to 1,300 mph"]
    assert quantities_text(flyby, "imperial") == "810 mi (converted)"
    assert quantities_text(entry, "imperial") == "12,500 to 1,300 mph"

    out = io.StringIO()
    timeline_csv([mars7], "imperial", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert "810 mi (converted)" in [row["quantities"] for row in rows]

    (flown,) = event_json(flyby, mars7, "imperial")["quantities"]
    assert (flown["display"], flown["display_converted"]) == ("810 mi (converted)", True)
    (entered,) = event_json(entry, mars6, "imperial")["quantities"]
    assert (entered["display"], entered["display_converted"]) == ("12,500 to 1,300 mph", False)
