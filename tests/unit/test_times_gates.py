"""find_times tries its patterns only where clock times can be: a time needs a digit, a
colon and the tens of its minutes, and a window needs two of them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from support.fuzzing import FUZZ

from mission_control.extract import times

PIECES = [
    " ", "  ", ":", "0", "1", "2", "3", "5", "9", "12", "23", "05", "45", "59", "60", ".5",
    "-", "\u2013", "to", "and", "between", "from", "until", "about", "~", "c.", "UTC", "UT",
    "Z", "MSK", "p.m.", "am", "/", "x", "١",
]  # fmt: skip
sentences = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


@FUZZ
@given(sentences)
def test_a_time_has_the_digits_of_a_clock_and_a_window_two_of_them(text: str) -> None:
    clocks = len(times._CLOCK_DIGITS.findall(text))
    if times._TIME_RE.search(text):
        assert clocks >= 1, text
    if times._BETWEEN_RE.search(text):
        assert clocks >= 2, text


def test_a_window_is_still_read() -> None:
    (window,) = times.find_times("between 17:51 and 18:03 UT")
    assert (window.hour, window.minute, window.until) == (17, 51, (18, 3, None))
