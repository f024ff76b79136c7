"""The program's one pint registry, plus reading quantities out of sentences and showing them.

Reading (:func:`find_quantities`) is plain regular expressions over a small table of unit
spellings, so it never loads pint; pint (about a second to import and build) is loaded on
the first call of :func:`registry`, which :func:`convert`, :func:`display`,
:func:`check_conversion` and :func:`to_json` make.

Decisions worth knowing:

* ``Quantity.text`` is the sentence text of the whole span, parenthesised conversion included
  (``"48,000 kilometres (30,000 mi)"``); ``stated.text`` is the inner part (``"30,000 mi"``).
  A ``between X and Y`` range includes the word ``between`` in its span and text.
* ``Quantity.unit`` is pint's canonical unit string; ``mph`` and ``miles per hour`` are both
  ``"mile_per_hour"``, ``km/h`` and ``kilometres per hour`` both ``"kilometer / hour"``.
* Significant figures follow the usual convention: trailing zeros of a whole number are not
  significant (``48,000`` has 2, ``600`` has 1), every digit after the first non-zero one of a
  decimal is (``3.50`` has 3). A range gets the smaller count of its two ends (``5,600 to 600``
  has 1); :func:`check_conversion` nevertheless judges each end by its own precision.
* One-letter symbols (``m s h t K``) need whitespace between number and symbol (so
  ``1970s`` is a decade, not 1970 seconds); longer symbols may be attached (``1300km``);
  word units may also be hyphenated (``1,600-kilometre``). Every unit must be followed by a
  non-letter, non-digit.
* European decimal commas and plain ASCII spaces as thousands separators are not read.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from mission_control.model import Quantity, QuantityText

if TYPE_CHECKING:
    import pint

UNIT_SYSTEMS: tuple[str, ...] = ("si", "imperial")

__all__ = [
    "UNIT_SYSTEMS",
    "check_conversion",
    "convert",
    "describe",
    "display",
    "find_quantities",
    "registry",
    "sig_figs",
    "symbol",
    "to_json",
]


@functools.cache
def registry() -> pint.UnitRegistry[Any]:
    """The program's single pint registry, built on first use and made the application's.

    pint keeps its parsed unit definitions in a ``pint`` folder of the program's cache
    folder (when caching is on), which makes building the registry again about ten times
    quicker; a folder that cannot be written only means the definitions are parsed afresh.
    """
    import pint

    from mission_control.paths import cache_dir

    folder = cache_dir()
    ureg: pint.UnitRegistry[Any]
    try:
        if folder is not None:
            (folder / "pint").mkdir(parents=True, exist_ok=True)
        ureg = pint.UnitRegistry(cache_folder=folder / "pint" if folder else None)
    except OSError:
        ureg = pint.UnitRegistry()
    pint.set_application_registry(ureg)  # type: ignore[no-untyped-call]
    return ureg


# --- the unit table ---------------------------------------------------------------------------

# Word spellings (matched case-insensitively, any whitespace between words) -> pint unit.
_LENGTH_WORDS: dict[str, str] = {
    "kilometre": "kilometer",
    "kilometres": "kilometer",
    "kilometer": "kilometer",
    "kilometers": "kilometer",
    "metre": "meter",
    "metres": "meter",
    "meter": "meter",
    "meters": "meter",
    "mile": "mile",
    "miles": "mile",
    "foot": "foot",
    "feet": "foot",
}
_TIME_WORDS: dict[str, str] = {"second": "second", "hour": "hour", "minute": "minute"}

_WORDS: dict[str, str] = {
    **_LENGTH_WORDS,
    "centimetre": "centimeter",
    "centimetres": "centimeter",
    "centimeter": "centimeter",
    "centimeters": "centimeter",
    "millimetre": "millimeter",
    "millimetres": "millimeter",
    "millimeter": "millimeter",
    "millimeters": "millimeter",
    "nautical mile": "nautical_mile",
    "nautical miles": "nautical_mile",
    "astronomical unit": "astronomical_unit",
    "astronomical units": "astronomical_unit",
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "kilogram": "kilogram",
    "kilograms": "kilogram",
    "kilogramme": "kilogram",
    "kilogrammes": "kilogram",
    "gram": "gram",
    "grams": "gram",
    "gramme": "gram",
    "grammes": "gram",
    "tonne": "metric_ton",
    "tonnes": "metric_ton",
    "metric ton": "metric_ton",
    "metric tons": "metric_ton",
    "pound": "pound",
    "pounds": "pound",
    "degree celsius": "degree_Celsius",
    "degrees celsius": "degree_Celsius",
    "degree centigrade": "degree_Celsius",
    "degrees centigrade": "degree_Celsius",
    "degree fahrenheit": "degree_Fahrenheit",
    "degrees fahrenheit": "degree_Fahrenheit",
    "kelvin": "kelvin",
    "kelvins": "kelvin",
    "pascal": "pascal",
    "pascals": "pascal",
    "kilopascal": "kilopascal",
    "kilopascals": "kilopascal",
    "hectopascal": "hectopascal",
    "hectopascals": "hectopascal",
    "millibar": "millibar",
    "millibars": "millibar",
    "bar": "bar",
    "bars": "bar",
    "atmosphere": "standard_atmosphere",
    "atmospheres": "standard_atmosphere",
    "pound per square inch": "pound_force_per_square_inch",
    "pounds per square inch": "pound_force_per_square_inch",
}
for _length_word, _length_unit in _LENGTH_WORDS.items():
    for _time_word, _time_unit in _TIME_WORDS.items():
        _WORDS[f"{_length_word} per {_time_word}"] = (
            "mile_per_hour"
            if (_length_unit, _time_unit) == ("mile", "hour")
            else f"{_length_unit} / {_time_unit}"
        )

# Symbols of two or more characters (case-sensitive; may touch the number) -> pint unit.
_SYMBOLS: dict[str, str] = {
    "km": "kilometer",
    "cm": "centimeter",
    "mm": "millimeter",
    "mi": "mile",
    "ft": "foot",
    "nmi": "nautical_mile",
    "AU": "astronomical_unit",
    "au": "astronomical_unit",
    "sec": "second",
    "secs": "second",
    "min": "minute",
    "mins": "minute",
    "hr": "hour",
    "hrs": "hour",
    "kg": "kilogram",
    "lb": "pound",
    "lbs": "pound",
    "m/s": "meter / second",
    "km/s": "kilometer / second",
    "km/h": "kilometer / hour",
    "kph": "kilometer / hour",
    "ft/s": "foot / second",
    "mph": "mile_per_hour",
    "°C": "degree_Celsius",
    "℃": "degree_Celsius",
    "°F": "degree_Fahrenheit",
    "℉": "degree_Fahrenheit",
    "Pa": "pascal",
    "kPa": "kilopascal",
    "hPa": "hectopascal",
    "mbar": "millibar",
    "bar": "bar",
    "atm": "standard_atmosphere",
    "psi": "pound_force_per_square_inch",
}

# One-letter symbols (case-sensitive; need whitespace between number and symbol).
_SYMBOLS1: dict[str, str] = {
    "m": "meter",
    "s": "second",
    "h": "hour",
    "t": "metric_ton",
    "K": "kelvin",
}

# The standard symbol shown for each unit.
_DISPLAY_SYMBOL: dict[str, str] = {
    "kilometer": "km",
    "meter": "m",
    "centimeter": "cm",
    "millimeter": "mm",
    "mile": "mi",
    "foot": "ft",
    "nautical_mile": "nmi",
    "astronomical_unit": "au",
    "second": "s",
    "minute": "min",
    "hour": "h",
    "day": "d",
    "kilogram": "kg",
    "gram": "g",
    "metric_ton": "t",
    "pound": "lb",
    "meter / second": "m/s",
    "kilometer / second": "km/s",
    "kilometer / hour": "km/h",
    "meter / minute": "m/min",
    "meter / hour": "m/h",
    "kilometer / minute": "km/min",
    "mile_per_hour": "mph",
    "mile / second": "mi/s",
    "mile / minute": "mi/min",
    "foot / second": "ft/s",
    "foot / minute": "ft/min",
    "foot / hour": "ft/h",
    "degree_Celsius": "°C",
    "degree_Fahrenheit": "°F",
    "kelvin": "K",
    "pascal": "Pa",
    "kilopascal": "kPa",
    "hectopascal": "hPa",
    "millibar": "mbar",
    "bar": "bar",
    "standard_atmosphere": "atm",
    "pound_force_per_square_inch": "psi",
}

# Units each system shows as the text wrote them; time units belong to both.
_TIME_UNITS = frozenset({"second", "minute", "hour", "day"})
_NATIVE: dict[str, frozenset[str]] = {
    "si": frozenset(
        {
            "kilometer",
            "meter",
            "centimeter",
            "millimeter",
            "kilogram",
            "gram",
            "metric_ton",
            "meter / second",
            "kilometer / second",
            "kilometer / hour",
            "degree_Celsius",
            "kelvin",
            "pascal",
            "kilopascal",
            "hectopascal",
            "millibar",
            "bar",
        }
    )
    | _TIME_UNITS,
    "imperial": frozenset(
        {
            "mile",
            "foot",
            "pound",
            "mile_per_hour",
            "mile / second",
            "foot / second",
            "degree_Fahrenheit",
            "pound_force_per_square_inch",
        }
    )
    | _TIME_UNITS,
}

# What each system converts other units to, by pint dimensionality: (unit, smaller unit).
_TARGETS: dict[str, dict[str, tuple[str, str | None]]] = {
    "si": {
        "[length]": ("kilometer", "meter"),
        "[length] / [time]": ("meter / second", None),
        "[time]": ("second", None),
        "[temperature]": ("degree_Celsius", None),
        "[mass] / [length] / [time] ** 2": ("pascal", None),
        "[mass]": ("kilogram", None),
    },
    "imperial": {
        "[length]": ("mile", "foot"),
        "[length] / [time]": ("mile_per_hour", None),
        "[time]": ("second", None),
        "[temperature]": ("degree_Fahrenheit", None),
        "[mass] / [length] / [time] ** 2": ("pound_force_per_square_inch", None),
        "[mass]": ("pound", None),
    },
}


# --- the grammar ------------------------------------------------------------------------------

_GROUP_SEP = "[,\u00a0\u2009\u202f]"
_NUMBER_CORE = (
    rf"[-−]?(?:[0-9]{{1,3}}(?:{_GROUP_SEP}[0-9]{{3}})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?(?![0-9])"
)
# A first number: not glued to a word, a decimal point, a clock time, a slash designation, a
# digit group or a hyphenated number before it (``No.50P``, ``09:05:53``, ``81/23``, ``1958-2000``).
_NUMBER_RE = re.compile(rf"(?<![\w.,:/])(?<![0-9][-–—−])(?<![0-9]{_GROUP_SEP}){_NUMBER_CORE}")
# The second number of a range, right after its connector.
_NEXT_NUMBER_RE = re.compile(_NUMBER_CORE)
# Numbers inside a quantity's own text (a minus sign right after a digit is a range dash).
_LITERAL_RE = re.compile(rf"(?<![0-9]){_NUMBER_CORE}")


def _alternation(spellings: dict[str, str], space: str) -> str:
    ordered = sorted(spellings, key=len, reverse=True)
    return "|".join(space.join(re.escape(part) for part in s.split(" ")) for s in ordered)


_WORD_UNITS = _alternation(_WORDS, r"\s+")
_SYMBOL_UNITS = _alternation(_SYMBOLS, "") + r"|°\s?[CF]"
_SYMBOL1_UNITS = _alternation(_SYMBOLS1, "")
_UNIT_END = r"(?![^\W_]|[/^·])"  # a unit is never followed by a letter, digit, / ^ or ·
_UNIT_RE = re.compile(
    rf"(?:(?:\s|-)?(?P<word>(?i:{_WORD_UNITS}))"
    rf"|\s?(?P<symbol>{_SYMBOL_UNITS})"
    rf"|\s(?P<symbol1>{_SYMBOL1_UNITS})){_UNIT_END}"
)
_CONNECTOR_RE = re.compile(r"\s*[-–—]\s*|\s+to\s+")
_BETWEEN_CONNECTOR_RE = re.compile(r"\s*[-–—]\s*|\s+to\s+|\s+and\s+")
_BETWEEN_BEFORE_RE = re.compile(r"(?i)(?<![^\W_])between\s+$")
_PAREN_OPEN_RE = re.compile(r"\s*\(\s*(?:(?:about|approximately|approx\.|c\.|ca\.|~|≈)\s*)?")
_PAREN_CLOSE_RE = re.compile(r"\s*\)")


@dataclass(frozen=True)
class _Read:
    """One quantity read from a sentence, before it becomes a :class:`Quantity`."""

    start: int
    end: int
    literals: tuple[str, ...]
    unit: str


def _unit_at(sentence: str, pos: int) -> tuple[str, int] | None:
    m = _UNIT_RE.match(sentence, pos)
    if m is None:
        return None
    if m["word"] is not None:
        return _WORDS[" ".join(m["word"].lower().split())], m.end()
    if m["symbol"] is not None:
        sym = "".join(m["symbol"].split())
        return _SYMBOLS[sym], m.end()
    return _SYMBOLS1[m["symbol1"]], m.end()


def _read_at(sentence: str, number: re.Match[str]) -> _Read | None:
    """Read a quantity or range whose first number is ``number``, or None."""
    read = _read_parts(sentence, number)
    if read is None or not all(math.isfinite(_to_float(x)) for x in read.literals):
        return None
    return read


def _read_parts(sentence: str, number: re.Match[str]) -> _Read | None:
    start = number.start()
    before = _BETWEEN_BEFORE_RE.search(sentence, max(0, start - 40), start)
    first_unit = _unit_at(sentence, number.end())
    pos = first_unit[1] if first_unit else number.end()
    connector = (_BETWEEN_CONNECTOR_RE if before else _CONNECTOR_RE).match(sentence, pos)
    if connector is not None:
        second = _NEXT_NUMBER_RE.match(sentence, connector.end())
        if second is not None:
            second_unit = _unit_at(sentence, second.end())
            if second_unit and (first_unit is None or first_unit[0] == second_unit[0]):
                return _Read(
                    before.start() if before else start,
                    second_unit[1],
                    (number.group(), second.group()),
                    second_unit[0],
                )
    if first_unit is None:
        return None
    return _Read(start, first_unit[1], (number.group(),), first_unit[0])


def _to_float(literal: str) -> float:
    return float(re.sub(_GROUP_SEP, "", literal).replace("−", "-"))


def sig_figs(number: str) -> int:
    """Significant figures of a number as written: ``48,000`` -> 2, ``224`` -> 3, ``3.50`` -> 3.

    Trailing zeros of a whole number are taken as not significant (``600`` -> 1); zero is 1.
    """
    digits = re.sub(r"[^0-9.]", "", number)
    whole, _, fraction = digits.partition(".")
    if "." in digits:
        significant = (whole + fraction).lstrip("0")
        return max(len(significant), 1) if significant else max(len(fraction), 1)
    return max(len(whole.lstrip("0").rstrip("0")), 1)


def _quantity(sentence: str, read: _Read, stated: Quantity | None) -> Quantity:
    values = tuple(_to_float(x) for x in read.literals)
    return Quantity(
        text=sentence[read.start : read.end],
        value=values[0] if len(values) == 1 else (values[0], values[1]),
        unit=read.unit,
        stated=stated,
        sig_figs=min(sig_figs(x) for x in read.literals),
    )


def find_quantities(sentence: str) -> list[tuple[Quantity, tuple[int, int]]]:
    """Every quantity written in ``sentence`` with its ``(start, end)`` character span.

    The span (and ``Quantity.text``) covers the number or range, the unit and a parenthesised
    conversion if one follows (that conversion becomes ``Quantity.stated``). Years, dates,
    clock times, page ranges, designations and numbers without a unit are not quantities.
    """
    found: list[tuple[Quantity, tuple[int, int]]] = []
    pos = 0
    while (number := _NUMBER_RE.search(sentence, pos)) is not None:
        read = _read_at(sentence, number)
        if read is None:
            pos = number.end()
            continue
        end, stated = read.end, None
        opening = _PAREN_OPEN_RE.match(sentence, end)
        inner_number = _NUMBER_RE.match(sentence, opening.end()) if opening else None
        if inner_number is not None:
            inner = _read_at(sentence, inner_number)
            closing = _PAREN_CLOSE_RE.match(sentence, inner.end) if inner else None
            if inner is not None and closing is not None:
                stated = _quantity(sentence, inner, None)
                end = closing.end()
        whole = _Read(read.start, end, read.literals, read.unit)
        found.append((_quantity(sentence, whole, stated), (read.start, end)))
        pos = end
    return found


# --- pint conversions and display -------------------------------------------------------------


def convert(q: Quantity, unit: str) -> float | tuple[float, float]:
    """``q``'s value (or both ends of its range) converted by pint to ``unit``."""
    ureg = registry()
    out = [float(ureg.Quantity(v, q.unit).to(unit).magnitude) for v in q.values]
    return out[0] if len(out) == 1 else (out[0], out[1])


def _values(value: float | tuple[float, float]) -> tuple[float, ...]:
    return value if isinstance(value, tuple) else (value,)


def symbol(unit: str) -> str:
    """The standard symbol of a pint unit string (``"meter / second"`` -> ``"m/s"``)."""
    known = _DISPLAY_SYMBOL.get(unit)
    if known is not None:
        return known
    return format(registry().Unit(unit), "~P")


def _literals(q: Quantity) -> tuple[str, ...] | None:
    """The number literals of ``q.text`` (before any parenthesis), if they match the values."""
    head = q.text.split("(", 1)[0]
    literals = tuple(m.group() for m in _LITERAL_RE.finditer(head))
    if len(literals) != len(q.values):
        return None
    if any(not math.isclose(_to_float(x), v) for x, v in zip(literals, q.values, strict=True)):
        return None
    return literals


def _format_literal(literal: str) -> str:
    """A written number unchanged but with comma thousands separators (``1300`` -> ``1,300``)."""
    text = re.sub(_GROUP_SEP, "", literal).replace("−", "-")
    return f"{Decimal(text):,}"


def _format_value(v: float) -> str:
    """A value without its written form: whole numbers without a decimal point."""
    if math.isfinite(v) and v.is_integer():
        return f"{int(v):,}"
    return f"{v:,}"


def _round_sig(x: float, n: int) -> str:
    """``x`` rounded half-up to ``n`` significant figures, with thousands separators."""
    if x == 0 or not math.isfinite(x):
        return f"{x:,.0f}" if math.isfinite(x) else str(x)
    d = Decimal(repr(x))
    exponent = d.adjusted() - n + 1
    rounded = d.quantize(Decimal(f"1E{exponent}"), rounding=ROUND_HALF_UP)
    if rounded.adjusted() > d.adjusted():  # 9.96 -> 10.0 gained a digit
        exponent += 1
        rounded = d.quantize(Decimal(f"1E{exponent}"), rounding=ROUND_HALF_UP)
    return f"{rounded:,.{max(-exponent, 0)}f}"


def _plain_decimals(x: float) -> int:
    """Decimals to show a computed number with: at least 3 significant figures, whole part kept."""
    if x == 0 or not math.isfinite(x):
        return 0
    return max(0, 2 - math.floor(math.log10(abs(x))))


def _plain(x: float) -> str:
    return f"{x:,.{_plain_decimals(x)}f}"


def _join(numbers: list[str]) -> str:
    return " to ".join(numbers)


def _check_system(system: str) -> None:
    if system not in UNIT_SYSTEMS:
        raise ValueError(f"unknown unit system {system!r}; use one of: {', '.join(UNIT_SYSTEMS)}")


def _target(q: Quantity, system: str) -> str | None:
    ureg = registry()
    dimensionality = str(ureg.get_dimensionality(q.unit))
    choice = _TARGETS[system].get(dimensionality)
    if choice is None:
        return None
    unit, smaller = choice
    if smaller is not None and all(abs(v) < 1 for v in _values(convert(q, unit))):
        return smaller
    return unit


def display(q: Quantity, system: str) -> str:
    """``q`` as a person would write it in ``system`` (``"si"`` or ``"imperial"``).

    Units the system already uses (km, m/s, °C… for si; mi, mph, °F… for imperial; time units
    for both) keep the text's own numbers, reformatted with comma thousands separators and the
    standard symbol (``1300 kilometres`` -> ``1,300 km``). Anything else is converted by pint
    (si: km or m below 1 km, m/s, s, °C, Pa, kg; imperial: mi or ft below 1 mi, mph, s, °F,
    psi, lb) and rounded to the quantity's significant figures, but never fewer than two.
    A range is shown as ``from to to``. Raises ValueError for an unknown system.
    """
    _check_system(system)
    if q.shown is not None:
        return q.shown.in_system(system)
    target = q.unit if q.unit in _NATIVE[system] else _target(q, system)
    if target is None or target == q.unit:
        literals = _literals(q)
        numbers = (
            [_format_literal(x) for x in literals]
            if literals is not None
            else [_format_value(v) for v in q.values]
        )
        return f"{_join(numbers)} {symbol(q.unit)}"
    digits = max(q.sig_figs, 2)
    numbers = [_round_sig(v, digits) for v in _values(convert(q, target))]
    return f"{_join(numbers)} {symbol(target)}"


def _half_ulps(q: Quantity) -> tuple[float, ...]:
    """Half a unit in the last significant place of each of ``q``'s numbers."""
    literals = _literals(q)
    if literals is not None:
        figures = [sig_figs(x) for x in literals]
    else:
        figures = [q.sig_figs] * len(q.values)
    out = []
    for v, n in zip(q.values, figures, strict=True):
        magnitude = math.floor(math.log10(abs(v))) if v and math.isfinite(v) else 0
        out.append(0.5 * 10.0 ** (magnitude - n + 1))
    return tuple(out)


def check_conversion(q: Quantity) -> str | None:
    """A one-line warning if the text's own conversion disagrees with pint's, else None.

    Each number (each end of a range) may differ from pint's conversion of the matching main
    number by half a unit in the stated number's last significant place plus the main number's
    half unit, converted. ``48,000 kilometres (20,000 mi)`` gives
    ``"48,000 kilometres (20,000 mi): pint gives 29,826 mi"``.
    """
    stated = q.stated
    if stated is None:
        return None
    import pint

    try:
        converted = _values(convert(q, stated.unit))
        ureg = registry()
        main_half = _half_ulps(q)
        spreads = [
            abs(
                float(ureg.Quantity(v + h, q.unit).to(stated.unit).magnitude)
                - float(ureg.Quantity(v, q.unit).to(stated.unit).magnitude)
            )
            for v, h in zip(q.values, main_half, strict=True)
        ]
    except (pint.errors.PintError, ValueError) as error:
        return f"{q.text}: cannot convert {q.unit} to {stated.unit} ({error})"
    shown = f"{_join([_plain(c) for c in converted])} {symbol(stated.unit)}"
    if len(converted) != len(stated.values):
        return f"{q.text}: pint gives {shown}"
    for c, s, spread, half in zip(
        converted, stated.values, spreads, _half_ulps(stated), strict=True
    ):
        if abs(c - s) > half + spread + 1e-9 * max(abs(c), abs(s)):
            return f"{q.text}: pint gives {shown}"
    return None


def describe(q: Quantity) -> QuantityText:
    """``q`` as every view shows it: in both unit systems, the text's own conversion, pint's
    conversion of the main value into that conversion's unit, and any disagreement.

    A quantity that already carries its description (``q.shown``, filled in by the reader)
    returns it without loading pint.
    """
    if q.shown is not None:
        return q.shown
    stated = pint_text = None
    if q.stated is not None:
        import pint

        stated = q.stated.text.replace("\xa0", " ")
        try:
            numbers = _join([f"{v:,.1f}" for v in _values(convert(q, q.stated.unit))])
        except (pint.errors.PintError, ValueError):
            pint_text = None
        else:
            pint_text = f"{numbers} {symbol(q.stated.unit)}"
    return QuantityText(
        written=q.text.replace("\xa0", " "),
        si=display(q, "si"),
        imperial=display(q, "imperial"),
        stated=stated,
        pint=pint_text,
        warning=check_conversion(q),
    )


def to_json(q: Quantity, system: str) -> dict[str, Any]:
    """``q`` as JSON-ready data: text, value, unit, display, and stated/converted if stated."""
    out: dict[str, Any] = {
        "text": q.text,
        "value": list(q.value) if isinstance(q.value, tuple) else q.value,
        "unit": q.unit,
        "display": display(q, system),
    }
    if q.stated is not None:
        import pint

        out["stated"] = q.stated.text
        try:
            converted = [round(c, _plain_decimals(c)) for c in _values(convert(q, q.stated.unit))]
        except (pint.errors.PintError, ValueError):
            out["converted"] = None
        else:
            out["converted"] = converted[0] if len(converted) == 1 else converted
    return out
