"""How texts write quantities: the unit table (each spelling of a unit, the pint unit it means
and that unit's symbol) and number literals. Shared by the reader, which finds quantities in
sentences, and by ``units``, which shows them: neither keeps a copy."""

from __future__ import annotations

import re

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

WORDS: dict[str, str] = {
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
        WORDS[f"{_length_word} per {_time_word}"] = (
            "mile_per_hour"
            if (_length_unit, _time_unit) == ("mile", "hour")
            else f"{_length_unit} / {_time_unit}"
        )

# Symbols of two or more characters (case-sensitive; may touch the number) -> pint unit.
SYMBOLS: dict[str, str] = {
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
SYMBOLS1: dict[str, str] = {
    "m": "meter",
    "s": "second",
    "h": "hour",
    "t": "metric_ton",
    "K": "kelvin",
}

# The standard symbol shown for each unit.
DISPLAY_SYMBOL: dict[str, str] = {
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


# --- number literals --------------------------------------------------------------------------

# A digit group separator: comma, no-break, thin or narrow no-break space.
GROUP_SEP = "[,\u00a0\u2009\u202f]"
# A number as written: an optional minus, digits grouped in threes or not, optional decimals.
NUMBER_CORE = (
    rf"[-−]?(?:[0-9]{{1,3}}(?:{GROUP_SEP}[0-9]{{3}})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?(?![0-9])"
)


def to_float(literal: str) -> float:
    """The value of a number literal as written (``48,000`` -> 48000.0, ``−5`` -> -5.0)."""
    return float(re.sub(GROUP_SEP, "", literal).replace("−", "-"))


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
