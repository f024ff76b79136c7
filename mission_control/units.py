"""The program's one pint registry, and showing quantities: converted, in either unit system,
as JSON.

Finding quantities in sentences is the reader's (:mod:`mission_control.extract.quantities`);
both share the unit table of :mod:`mission_control.notation`. Importing this module
loads neither pint nor the reader's patterns; pint (about a second to import and build) is
loaded on the first call of :func:`registry`, which :func:`convert`, :func:`display`,
:func:`check_conversion` and :func:`to_json` make.

Decisions worth knowing:

* A number keeps the digits the text wrote when shown in its own unit; a converted one is
  rounded to the quantity's significant figures (a range has the smaller count of its two
  ends), never fewer than two; :func:`check_conversion` nevertheless judges each end of a
  range by its own precision.
* ``Quantity.text`` holds a bracketed conversion the text gives; ``Quantity.stated`` is that
  conversion, checked against pint's, and shown in the other unit system instead of pint's:
  the text's own figure is what a reader of it sees. A figure pint converted is marked
  ``(converted)``.
"""

from __future__ import annotations

import functools
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from mission_control.model import UNIT_SYSTEMS, Quantity, QuantityText
from mission_control.notation import DISPLAY_SYMBOL, GROUP_SEP, NUMBER_CORE, sig_figs, to_float
from mission_control.unit_registry import registry

__all__ = [
    "CONVERTED_MARK",
    "check_conversion",
    "convert",
    "describe",
    "display",
    "factor",
    "is_converted",
    "registry",
    "symbol",
    "to_json",
]


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


# Numbers inside a quantity's own text (a minus sign right after a digit is a range dash).
_LITERAL_RE = re.compile(rf"(?<![0-9]){NUMBER_CORE}")


# --- pint conversions and display -------------------------------------------------------------


def convert(q: Quantity, unit: str) -> float | tuple[float, float]:
    """``q``'s value (or both ends of its range) converted by pint to ``unit``."""
    ureg = registry()
    out = [float(ureg.Quantity(v, q.unit).to(unit).magnitude) for v in q.values]
    return out[0] if len(out) == 1 else (out[0], out[1])


EXACT_FACTORS: dict[tuple[str, str], float] = {
    ("km", "mi"): 1 / 1.609344,  # the international mile is 1,609.344 m exactly
    ("km", "au"): 1 / 149_597_870.7,  # the astronomical unit is 149,597,870,700 m (IAU 2012)
    ("km/s", "mph"): 3600 / 1.609344,
}
"""The conversions the crafts' readouts make, by their definitions, so the dashboard shows
them without loading pint (tens of megabytes); a test checks each against pint's."""


@functools.cache
def factor(source: str, target: str) -> float:
    """How many ``target`` units make one ``source`` unit (``km`` to ``mi``: 0.62): from
    :data:`EXACT_FACTORS`, else by pint."""
    exact = EXACT_FACTORS.get((source, target))
    if exact is not None:
        return exact
    return float(registry().Quantity(1.0, source).to(target).magnitude)


def _values(value: float | tuple[float, float]) -> tuple[float, ...]:
    return value if isinstance(value, tuple) else (value,)


def symbol(unit: str) -> str:
    """The standard symbol of a pint unit string (``"meter / second"`` -> ``"m/s"``)."""
    known = DISPLAY_SYMBOL.get(unit)
    if known is not None:
        return known
    return format(registry().Unit(unit), "~P")


def _literals(q: Quantity) -> tuple[str, ...] | None:
    """The number literals of ``q.text`` (before any parenthesis), if they match the values."""
    head = q.text.split("(", 1)[0]
    literals = tuple(m.group() for m in _LITERAL_RE.finditer(head))
    if len(literals) != len(q.values):
        return None
    if any(not math.isclose(to_float(x), v) for x, v in zip(literals, q.values, strict=True)):
        return None
    return literals


def _format_literal(literal: str) -> str:
    """A written number unchanged but with comma thousands separators (``1300`` -> ``1,300``)."""
    text = re.sub(GROUP_SEP, "", literal).replace("−", "-")
    return f"{Decimal(text):,}"


def _format_value(v: float) -> str:
    """A value without its written form: whole numbers without a decimal point."""
    if math.isfinite(v) and v.is_integer():
        return f"{int(v):,}"
    return f"{v:,}"


_FLOAT_FIGURES = 17
"""The most significant figures a float can hold."""


def _round_sig(x: float, n: int) -> str:
    """``x`` rounded half-up to ``n`` significant figures, with thousands separators. A float
    holds 17 figures at most, so a number stated to more is shown to 17 (rounding to more
    would also pass the 28 digits Decimal keeps)."""
    n = min(n, _FLOAT_FIGURES)
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


CONVERTED_MARK = " (converted)"
"""Follows a number pint converted (the text gives none in that unit system), in every view
that shows quantities: the log, the detail, the command line's tables, CSV and JSON."""


def display(q: Quantity, system: str) -> str:
    """``q`` as a person would write it in ``system`` (``"si"`` or ``"imperial"``).

    Units the system already uses (km, m/s, °C… for si; mi, mph, °F… for imperial; time units
    for both) keep the text's own numbers, reformatted with comma thousands separators and the
    standard symbol (``1300 kilometres`` -> ``1,300 km``). Else the text's own conversion in
    brackets is shown, if it is in a unit the system uses (``5,600 to 600 metres per second
    (12,500 to 1,300 mph)`` is ``12,500 to 1,300 mph`` in imperial, though pint makes the
    first 12,527). Anything else is converted by pint (si: km or m below 1 km, m/s, s, °C,
    Pa, kg; imperial: mi or ft below 1 mi, mph, s, °F, psi, lb), rounded to the quantity's
    significant figures but never fewer than two, and marked :data:`CONVERTED_MARK`.
    A range is shown as ``from to to``. Raises ValueError for an unknown system.
    """
    _check_system(system)
    if q.shown is not None:
        return q.shown.in_system(system)
    text, by_pint = _shown(q, system)
    return text + CONVERTED_MARK if by_pint else text


def is_converted(q: Quantity, system: str) -> bool:
    """Whether ``q`` is shown in ``system`` by pint's conversion, not by a figure the text
    itself wrote: its display carries :data:`CONVERTED_MARK`, the one rule for both. Raises
    ValueError for an unknown system."""
    return display(q, system).endswith(CONVERTED_MARK)


def _shown(q: Quantity, system: str) -> tuple[str, bool]:
    """``q``'s figures in ``system`` without the mark, and whether pint converted them."""
    if q.unit not in _NATIVE[system]:
        stated = q.stated
        if stated is not None and stated.unit in _NATIVE[system] and _comparable(q, stated):
            return _as_written(stated), False
        target = _target(q, system)
        if target is not None and target != q.unit:
            digits = max(q.sig_figs, 2)
            numbers = [_round_sig(v, digits) for v in _values(convert(q, target))]
            return f"{_join(numbers)} {symbol(target)}", True
    return _as_written(q), False


def _comparable(q: Quantity, stated: Quantity) -> bool:
    """Whether ``stated`` measures what ``q`` does (``48,000 km (30,000 s)`` does not)."""
    ureg = registry()
    return bool(ureg.get_dimensionality(q.unit) == ureg.get_dimensionality(stated.unit))


def _as_written(q: Quantity) -> str:
    """``q`` in its own unit, with the digits the text wrote where they can be found."""
    literals = _literals(q)
    numbers = (
        [_format_literal(x) for x in literals]
        if literals is not None
        else [_format_value(v) for v in q.values]
    )
    return f"{_join(numbers)} {symbol(q.unit)}"


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
    """``q`` as JSON-ready data: text, value, unit, display and whether pint converted it
    (``display_converted``); with a stated conversion, that conversion (``stated``) and pint's
    of the value into its unit (``converted``)."""
    shown = display(q, system)  # once: it may run pint's conversion
    out: dict[str, Any] = {
        "text": q.text,
        "value": list(q.value) if isinstance(q.value, tuple) else q.value,
        "unit": q.unit,
        "display": shown,
        "display_converted": shown.endswith(CONVERTED_MARK),
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
