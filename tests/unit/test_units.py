"""Tests for mission_control.units and extract.quantities: reading quantities, checking
conversions, display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.paths import SEEDS

from mission_control import notation, units
from mission_control.extract.quantities import find_quantities
from mission_control.extract.reader import read_text
from mission_control.model import UNIT_SYSTEMS, Quantity
from mission_control.notation import sig_figs
from mission_control.units import (
    check_conversion,
    convert,
    display,
    registry,
    symbol,
    to_json,
)

NBSP = "\u00a0"

SEPARATION = (
    "Mars 6's lander separated from the flyby bus on 12 March 1974 at an altitude of "
    f"48,000 kilometres (30,000{NBSP}mi) from the surface of Mars."
)
FLYBY = f"The bus made a flyby with a closest approach of 1,600 kilometres (990{NBSP}mi)."
ENTRY = (
    "The lander encountered the atmosphere of Mars at 09:05:53 UTC, slowing from 5,600 to "
    f"600 metres per second (12,500 to 1,300{NBSP}mph) as it passed through the upper atmosphere."
)
DESCENT = (
    "The spacecraft returned data for 224 seconds during its descent through the Martian "
    "atmosphere."
)
MARS7_FLYBY = (
    "Due to a retrorocket failure, the probe missed the atmosphere of Mars, and, instead of "
    "landing, flew past along with the coast stage, with a closest approach of 1300 km."
)


def only(sentence: str) -> tuple[Quantity, tuple[int, int]]:
    found = find_quantities(sentence)
    assert len(found) == 1, found
    return found[0]


def span_of(sentence: str, text: str) -> tuple[int, int]:
    start = sentence.index(text)
    return (start, start + len(text))


# --- the seed quantities ----------------------------------------------------------------------


def test_separation_altitude() -> None:
    q, span = only(SEPARATION)
    text = f"48,000 kilometres (30,000{NBSP}mi)"
    assert span == span_of(SEPARATION, text)
    assert q == Quantity(
        text=text,
        value=48000.0,
        unit="kilometer",
        stated=Quantity(text=f"30,000{NBSP}mi", value=30000.0, unit="mile", sig_figs=1),
        sig_figs=2,
    )


def test_flyby_distance() -> None:
    q, span = only(FLYBY)
    text = f"1,600 kilometres (990{NBSP}mi)"
    assert span == span_of(FLYBY, text)
    assert q == Quantity(
        text=text,
        value=1600.0,
        unit="kilometer",
        stated=Quantity(text=f"990{NBSP}mi", value=990.0, unit="mile", sig_figs=2),
        sig_figs=2,
    )


def test_entry_speed_range() -> None:
    q, span = only(ENTRY)
    text = f"5,600 to 600 metres per second (12,500 to 1,300{NBSP}mph)"
    assert span == span_of(ENTRY, text)
    assert q == Quantity(
        text=text,
        value=(5600.0, 600.0),
        unit="meter / second",
        stated=Quantity(
            text=f"12,500 to 1,300{NBSP}mph",
            value=(12500.0, 1300.0),
            unit="mile_per_hour",
            sig_figs=2,
        ),
        sig_figs=1,
    )


def test_descent_duration() -> None:
    q, span = only(DESCENT)
    assert span == span_of(DESCENT, "224 seconds")
    assert q == Quantity(text="224 seconds", value=224.0, unit="second", sig_figs=3)


def test_mars7_closest_approach() -> None:
    q, span = only(MARS7_FLYBY)
    assert span == span_of(MARS7_FLYBY, "1300 km")
    assert q == Quantity(text="1300 km", value=1300.0, unit="kilometer", sig_figs=2)


def test_seed_files_hold_exactly_the_five_quantities() -> None:
    texts = [
        q.text
        for path in sorted(SEEDS.glob("mars*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        for q, _ in find_quantities(line)
    ]
    assert texts == [
        f"48,000 kilometres (30,000{NBSP}mi)",
        f"1,600 kilometres (990{NBSP}mi)",
        f"5,600 to 600 metres per second (12,500 to 1,300{NBSP}mph)",
        "224 seconds",
        "1300 km",
    ]


def test_span_is_the_quantity_text() -> None:
    for sentence in (SEPARATION, FLYBY, ENTRY, DESCENT, MARS7_FLYBY):
        for q, (start, end) in find_quantities(sentence):
            assert sentence[start:end] == q.text


# --- what is not a quantity -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Mars 6 was the first of two 3MP spacecraft launched to Mars in 1973.",
        "The launch occurred at 17:45:48 UTC on 5 August 1973.",
        "The spacecraft performed a course correction on 13 August 1973.",
        "The lander encountered the atmosphere of Mars at 09:05:53 UTC.",
        "Deep Space Chronicle: A Chronology of Deep Space and Planetary Probes 1958-2000 (PDF).",
        "Monographs in Aerospace History, No. 24. NASA History Office. pp. 101–106.",
        "Mars 6 (Russian: Марс-6), also known as 3MP No.50P was a Soviet spacecraft.",
        "Flying from Baikonur Cosmodrome Site 81/23.",
        "- Satcat: 6776, 7224",
        "However, Mars 4 failed to enter orbit, and Mars 5 failed after a few days in orbit.",
        "Retrieved 12 April 2013.",
        "Missions of the 1970s and 1980s.",
        "Mars 7 mission, 2 to 3 of them, 4th stage, 12,5 kilometres",
        "9" * 400 + " km",
        "",
    ],
)
def test_not_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_one_letter_symbols_need_a_number_and_a_non_letter() -> None:
    assert find_quantities("5 m") != []
    assert find_quantities("5 mission") == []
    assert find_quantities("5m") == []  # one-letter symbols need a space
    assert find_quantities("6 s.")[0][0].unit == "second"
    assert find_quantities("6 sols") == []
    assert find_quantities("2 t of fuel")[0][0].unit == "metric_ton"
    assert find_quantities("Mars 6 to Mars") == []
    assert find_quantities("300 K")[0][0].unit == "kelvin"
    assert find_quantities("300 Kb") == []
    assert find_quantities("5 h later")[0][0].unit == "hour"


# --- separators, spellings, ranges ------------------------------------------------------------


@pytest.mark.parametrize("group", [",", "\u00a0", "\u2009", "\u202f"])
@pytest.mark.parametrize("gap", [" ", "\u00a0", "\u2009", "\u202f"])
def test_group_and_unit_separators(group: str, gap: str) -> None:
    sentence = f"an altitude of 48{group}000{gap}km above Mars"
    q, span = only(sentence)
    assert q.value == 48000.0
    assert q.unit == "kilometer"
    assert q.sig_figs == 2
    assert span == span_of(sentence, f"48{group}000{gap}km")


def test_nbsp_variant_of_the_seed_range() -> None:
    sentence = f"from 5{NBSP}600 to 600{NBSP}metres per second (12\u2009500 to 1\u202f300 mph)"
    q, _ = only(sentence)
    assert q.value == (5600.0, 600.0)
    assert q.unit == "meter / second"
    assert q.stated is not None
    assert q.stated.value == (12500.0, 1300.0)
    assert check_conversion(q) is None


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("kilometres", "kilometer"),
        ("kilometers", "kilometer"),
        ("Kilometres", "kilometer"),
        ("kilometre", "kilometer"),
        ("metres", "meter"),
        ("meters", "meter"),
        ("miles", "mile"),
        ("feet", "foot"),
        ("seconds", "second"),
        ("minutes", "minute"),
        ("hours", "hour"),
        ("days", "day"),
        ("kilograms", "kilogram"),
        ("tonnes", "metric_ton"),
        ("metres per second", "meter / second"),
        ("meters per second", "meter / second"),
        ("kilometres per hour", "kilometer / hour"),
        ("kilometers per hour", "kilometer / hour"),
        ("miles per hour", "mile_per_hour"),
        ("degrees Celsius", "degree_Celsius"),
        ("kelvin", "kelvin"),
        ("pascals", "pascal"),
        ("millibars", "millibar"),
        ("bar", "bar"),
        ("atmospheres", "standard_atmosphere"),
        ("nautical miles", "nautical_mile"),
        ("astronomical units", "astronomical_unit"),
        ("km", "kilometer"),
        ("m", "meter"),
        ("mi", "mile"),
        ("ft", "foot"),
        ("s", "second"),
        ("min", "minute"),
        ("h", "hour"),
        ("kg", "kilogram"),
        ("t", "metric_ton"),
        ("m/s", "meter / second"),
        ("km/s", "kilometer / second"),
        ("km/h", "kilometer / hour"),
        ("mph", "mile_per_hour"),
        ("°C", "degree_Celsius"),
        ("K", "kelvin"),
        ("Pa", "pascal"),
        ("mbar", "millibar"),
        ("atm", "standard_atmosphere"),
    ],
)
def test_unit_spellings(written: str, unit: str) -> None:
    sentence = f"It measured 3.5 {written}, they said."
    q, span = only(sentence)
    assert (q.value, q.unit, q.sig_figs) == (3.5, unit, 2)
    assert span == span_of(sentence, f"3.5 {written}")


def test_unit_table_agrees_with_pint() -> None:
    ureg = registry()
    # Spellings pint reads as something else, so the table must say what a text means.
    deliberate = {
        "AU",  # pint: absorbance unit; in a space text, the astronomical unit
        "℃",  # pint: fails an internal assertion
        "℉",
        "pound per square inch",  # pint: pound (mass) / inch ** 2
        "pounds per square inch",
        *(w for w in notation.WORDS if w.startswith("degree")),  # pint: angle * delta-degree
    }
    tables = (notation.WORDS, notation.SYMBOLS, notation.SYMBOLS1)
    for table in tables:
        for written, unit in table.items():
            assert str(ureg.parse_units(unit)) == unit  # canonical
            assert unit in notation.DISPLAY_SYMBOL
            if written in deliberate:
                continue
            try:
                own = ureg.Quantity(1, ureg.parse_units(written))
            except pint.errors.PintError:  # pint cannot read this spelling: why the table exists
                continue
            assert own.to(unit).magnitude == pytest.approx(1), written


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("a range of 5–10 km here", "5–10 km", (5.0, 10.0), "kilometer"),
        ("a range of 5-10 km here", "5-10 km", (5.0, 10.0), "kilometer"),
        ("a range of 5 – 10 km here", "5 – 10 km", (5.0, 10.0), "kilometer"),
        ("between 300 and 500 pascals", "between 300 and 500 pascals", (300.0, 500.0), "pascal"),
        ("from 5 km to 10 km", "5 km to 10 km", (5.0, 10.0), "kilometer"),
        ("cold: −63 °C at night", "−63 °C", -63.0, "degree_Celsius"),
        ("cold: -63 to -13 °C", "-63 to -13 °C", (-63.0, -13.0), "degree_Celsius"),
        ("a 1,600-kilometre flyby", "1,600-kilometre", 1600.0, "kilometer"),
        ("at 20°C today", "20°C", 20.0, "degree_Celsius"),
        ("it was 1300km away", "1300km", 1300.0, "kilometer"),
    ],
)
def test_ranges_and_forms(
    sentence: str, text: str, value: float | tuple[float, float], unit: str
) -> None:
    q, span = only(sentence)
    assert (q.text, q.value, q.unit) == (text, value, unit)
    assert span == span_of(sentence, text)


def test_and_is_a_range_only_after_between() -> None:
    found = find_quantities("Mars 4 and 5 km")
    assert [(q.text, q.value) for q, _ in found] == [("5 km", 5.0)]


def test_different_units_are_not_one_range() -> None:
    found = find_quantities("5 kg to 4 s")
    assert [(q.text, q.unit) for q, _ in found] == [("5 kg", "kilogram"), ("4 s", "second")]


def test_several_quantities_in_one_sentence() -> None:
    sentence = "It fell 12 km in 224 seconds at 3.50 km/s."
    assert [q.text for q, _ in find_quantities(sentence)] == ["12 km", "224 seconds", "3.50 km/s"]


# --- significant figures ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "figures"),
    [
        ("48,000", 2),
        ("1,600", 2),
        ("1300", 2),
        ("224", 3),
        ("600", 1),
        ("3.50", 3),
        ("0.050", 2),
        ("0", 1),
        ("1,000,001", 7),
        ("48\u202f000", 2),
        ("−63", 2),
    ],
)
def test_sig_figs(number: str, figures: int) -> None:
    assert sig_figs(number) == figures


# --- conversions ------------------------------------------------------------------------------


def test_convert() -> None:
    q, _ = only(SEPARATION)
    assert convert(q, "mile") == pytest.approx(29825.8, abs=0.1)
    r, _ = only(ENTRY)
    assert convert(r, "mile_per_hour") == pytest.approx((12526.8, 1342.2), abs=0.1)
    t = Quantity(text="20 °C", value=20.0, unit="degree_Celsius")
    assert convert(t, "degree_Fahrenheit") == pytest.approx(68.0)


@pytest.mark.parametrize("sentence", [SEPARATION, FLYBY, ENTRY])
def test_seed_conversions_pass(sentence: str) -> None:
    q, _ = only(sentence)
    assert check_conversion(q) is None


def test_wrong_conversion_is_flagged() -> None:
    q, _ = only("at an altitude of 48,000 kilometres (20,000 mi) from the surface")
    assert check_conversion(q) == "48,000 kilometres (20,000 mi): pint gives 29,826 mi"


def test_wrong_range_end_is_flagged() -> None:
    # 600 m/s (one figure: 550 to 650 m/s) is 1,230 to 1,454 mph; 1,500 mph would pass
    q, _ = only("slowing from 5,600 to 600 metres per second (12,500 to 1,600 mph)")
    assert check_conversion(q) == (
        "5,600 to 600 metres per second (12,500 to 1,600 mph): pint gives 12,527 to 1,342 mph"
    )


def test_no_stated_conversion_nothing_to_check() -> None:
    q, _ = only(DESCENT)
    assert check_conversion(q) is None


def test_temperature_conversion_checked_as_a_difference() -> None:
    q, _ = only("a low of −63 °C (−81 °F)")
    assert check_conversion(q) is None
    q, _ = only("a low of −63 °C (−63 °F)")
    assert check_conversion(q) == "−63 °C (−63 °F): pint gives -81.4 °F"


def test_incompatible_stated_unit_is_flagged() -> None:
    q, _ = only("48,000 kilometres (30,000 s)")
    warning = check_conversion(q)
    assert warning is not None
    assert warning.startswith("48,000 kilometres (30,000 s): cannot convert")


# --- display ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "si", "imperial"),
    [
        (SEPARATION, "48,000 km", "30,000 mi"),
        (FLYBY, "1,600 km", "990 mi"),
        (ENTRY, "5,600 to 600 m/s", "12,500 to 1,300 mph"),
        (DESCENT, "224 s", "224 s"),
        (MARS7_FLYBY, "1,300 km", "810 mi (converted)"),
        ("3.50 km", "3.50 km", "2.17 mi (converted)"),
        ("0.5 km", "0.5 km", "1,600 ft (converted)"),
        ("3,000 ft", "910 m (converted)", "3,000 ft"),
        ("30,000 mi", "48,000 km (converted)", "30,000 mi"),
        ("12,500 mph", "5,590 m/s (converted)", "12,500 mph"),
        ("20 °C", "20 °C", "68 °F (converted)"),
        ("68 degrees Fahrenheit", "20 °C (converted)", "68 °F"),
        ("600 pascals", "600 Pa", "0.087 psi (converted)"),
        ("100 kg", "100 kg", "220 lb (converted)"),
        ("36 km/h", "36 km/h", "22 mph (converted)"),
        ("3 days", "3 d", "3 d"),
    ],
)
def test_display(sentence: str, si: str, imperial: str) -> None:
    q, _ = only(sentence)
    assert display(q, "si") == si
    assert display(q, "imperial") == imperial


def test_display_of_a_quantity_built_by_hand() -> None:
    q = Quantity(text="", value=(48000.0, 2.5), unit="kilometer")
    assert display(q, "si") == "48,000 to 2.5 km"
    assert display(q, "imperial") == "29,800 to 1.55 mi (converted)"


def test_display_unknown_system() -> None:
    q, _ = only(SEPARATION)
    with pytest.raises(ValueError, match="si, imperial"):
        display(q, "metric")
    with pytest.raises(ValueError, match="unknown unit system"):
        to_json(q, "")


def test_unit_systems() -> None:
    assert UNIT_SYSTEMS == ("si", "imperial")


def test_symbol() -> None:
    assert symbol("meter / second") == "m/s"
    assert symbol("mile_per_hour") == "mph"
    assert symbol("degree_Celsius") == "°C"
    assert symbol("week") == "week"  # falls back to pint's short form


def test_to_json() -> None:
    q, _ = only(ENTRY)
    assert to_json(q, "imperial") == {
        "text": f"5,600 to 600 metres per second (12,500 to 1,300{NBSP}mph)",
        "value": [5600.0, 600.0],
        "unit": "meter / second",
        "display": "12,500 to 1,300 mph",
        "display_converted": False,
        "stated": f"12,500 to 1,300{NBSP}mph",
        "converted": [12527.0, 1342.0],
    }
    d, _ = only(DESCENT)
    assert to_json(d, "si") == {
        "text": "224 seconds",
        "value": 224.0,
        "unit": "second",
        "display": "224 s",
        "display_converted": False,
    }
    s, _ = only(SEPARATION)
    assert to_json(s, "si")["converted"] == 29826.0


# --- properties -------------------------------------------------------------------------------


@given(st.text())
def test_find_quantities_never_raises(text: str) -> None:
    for q, (start, end) in find_quantities(text):
        assert text[start:end] == q.text


@given(
    st.text(alphabet=st.sampled_from("0123456789 ,.-–()kmsh°CKtoandbetween\u00a0\u2009/")),
)
def test_find_quantities_never_raises_on_number_soup(text: str) -> None:
    for q, (start, end) in find_quantities(text):
        assert text[start:end] == q.text
        for system in UNIT_SYSTEMS:
            display(q, system)
        check_conversion(q)


@given(
    st.integers(min_value=0, max_value=10**15),
    st.sampled_from([",", "\u00a0", "\u2009", "\u202f"]),
)
def test_kilometres_round_trip(n: int, group: str) -> None:
    written = f"{n:,}".replace(",", group)
    sentence = f"an altitude of {written} kilometres."
    q, span = only(sentence)
    assert q.value == float(n)
    assert q.unit == "kilometer"
    assert span == span_of(sentence, f"{written} kilometres")
    assert display(q, "si") == f"{n:,} km"


# --- import cost ------------------------------------------------------------------------------


def test_importing_units_does_not_import_pint() -> None:
    code = (
        "import sys, mission_control.units, mission_control.extract.quantities; "
        "assert 'pint' not in sys.modules; "
        "mission_control.extract.quantities.find_quantities('48,000 kilometres (30,000 mi)'); "
        "assert 'pint' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_registry_is_the_application_registry() -> None:
    ureg = registry()
    assert registry() is ureg
    assert pint.get_application_registry().get() is ureg


@pytest.mark.parametrize("writable", [True, False])
def test_pint_keeps_its_definitions_in_the_cache_folder(tmp_path: Path, writable: bool) -> None:
    folder = tmp_path / "new" / "cache"
    if not writable:
        (tmp_path / "new").write_text("a file where the folder would be", "utf-8")
    code = (
        "from mission_control import units; "
        "print(units.registry().Quantity(1, 'km').to('mi').magnitude)"
    )
    env = {**os.environ, "MISSION_CONTROL_CACHE_DIR": str(folder)}
    env.pop("MISSION_CONTROL_NO_CACHE", None)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("0.621")
    assert result.stderr == ""
    kept = list((folder / "pint").glob("*.pickle")) if writable else []
    assert bool(kept) == writable


def test_a_number_stated_to_more_figures_than_a_float_holds_is_shown_not_refused() -> None:
    # 29 figures stated; a float keeps 17, and rounding past Decimal's 28 digits used to raise.
    assert units._round_sig(1e28, 29) == "10,000,000,000,000,000,000,000,000,000"
    text = (
        "Mars 8 was launched on 5 August 1973. "
        "The lander 10000000000000000000000000001 km was launched."
    )
    assert read_text(text, "x.txt").events


def test_the_readouts_exact_conversions_are_pints() -> None:
    from mission_control.units import EXACT_FACTORS

    ureg = registry()
    for (source, target), value in EXACT_FACTORS.items():
        assert value == pytest.approx(ureg.Quantity(1.0, source).to(target).magnitude, rel=1e-12)
