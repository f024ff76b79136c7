"""A clock time made fast is the time its dataclass makes."""

from __future__ import annotations

import dataclasses
from datetime import UTC

import pytest

from mission_control.extract import times


def test_a_time_made_fast_is_a_time() -> None:
    fast = times._mention(3, 9, "12:30 UTC", 12, 30, None, UTC, True, (13, 0, None))
    made = times.TimeMention(3, 9, "12:30 UTC", 12, 30, None, UTC, True, (13, 0, None))
    assert fast == made and hash(fast) == hash(made) and repr(fast) == repr(made)
    assert vars(fast) == vars(made)
    assert list(vars(fast)) == [f.name for f in dataclasses.fields(times.TimeMention)]
    assert dataclasses.replace(fast, zone=None) == dataclasses.replace(made, zone=None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.hour = 1  # type: ignore[misc]


def test_a_time_found_has_every_field() -> None:
    (found,) = times.find_times("it landed at about 12:30:05 UTC")
    assert vars(found) == vars(times.TimeMention(*vars(found).values()))
