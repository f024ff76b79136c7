"""A relative time spelt with a letter that a pattern ignoring case reads as an ASCII one."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mission_control.extract import relative
from mission_control.extract.reader import read_text


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("fİve hours later", timedelta(hours=5)),
        ("fıve hours later", timedelta(hours=5)),
        ("ſix minutes later", timedelta(minutes=6)),
        ("two mİnutes later", timedelta(minutes=2)),
        ("three weeks later", timedelta(weeks=3)),
    ],
)
def test_a_counted_offset_reads_its_number_and_unit(text: str, offset: timedelta) -> None:
    found = relative.find_relative(text)
    assert found is not None
    assert found.offset == offset
    assert [r.offset for r in relative.counted_offsets(text)] == [offset]


def test_an_anchor_is_read_through_its_odd_letters() -> None:
    found = relative.find_relative("two hours after lİft-off")
    assert found is not None
    assert found.anchor == "launch"


def test_the_reader_reads_a_dotted_capital_i_in_a_number() -> None:
    text = (
        "Luna 9 landed on 3 February 1966 at 18:45:30 UTC. "
        "fİve hours later it deployed its antennas."
    )
    assert read_text(text, "odd.txt").source == "odd.txt"  # read, not raised on
