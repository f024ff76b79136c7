"""A unit written with a letter that a case-blind pattern reads as an ASCII one (a dotted
capital I, a dotless i, a long s, the Kelvin sign) is read as that unit, never a crash."""

from __future__ import annotations

import pytest

from mission_control.extract.quantities import find_quantities
from mission_control.extract.reader import read_text


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("12 m\u0130les", "mile"),
        ("12 m\u0131les", "mile"),
        ("3 \u017feconds", "second"),
        ("7 \u212ailometres", "kilometer"),
        ("7 KILOMETRES", "kilometer"),
    ],
)
def test_a_unit_in_odd_letters_is_read_as_its_unit(written: str, unit: str) -> None:
    ((quantity, _),) = find_quantities(f"The probe flew {written} further.")
    assert quantity.unit == unit
    mission = read_text(f"= X 1 =\nX 1 was launched on 5 May 1975 and flew {written}.\n", "x")
    (launch,) = mission.events
    assert [q.unit for q in launch.quantities] == [unit]
