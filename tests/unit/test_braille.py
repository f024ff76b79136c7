"""The braille canvas: dots to characters, lines, dotted lines, glyphs over dots, styles by
priority, and the ASCII form."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control.presentation.braille import BRAILLE_BASE, Canvas, ascii_cell, join_runs

SMALL = settings(max_examples=200, deadline=None, derandomize=True, database=None)


def dots(canvas: Canvas) -> set[tuple[int, int]]:
    return {
        (x, y)
        for x in range(canvas.dot_width)
        for y in range(canvas.dot_height)
        if canvas.is_set(x, y)
    }


def test_each_dot_has_its_braille_bit() -> None:
    # Left column top to bottom: dots 1, 2, 3, 7; right column: 4, 5, 6, 8.
    expected = {
        (0, 0): 0x01,
        (0, 1): 0x02,
        (0, 2): 0x04,
        (0, 3): 0x40,
        (1, 0): 0x08,
        (1, 1): 0x10,
        (1, 2): 0x20,
        (1, 3): 0x80,
    }
    for (x, y), bit in expected.items():
        canvas = Canvas(1, 1)
        canvas.set(x, y)
        assert canvas.lines() == [chr(BRAILLE_BASE + bit)]


def test_a_known_pattern_gives_its_character() -> None:
    canvas = Canvas(2, 1)
    for x, y in [(0, 0), (1, 1), (0, 2), (1, 3)]:  # a zigzag down the first cell
        canvas.set(x, y)
    for y in range(4):  # the second cell's left column, full
        canvas.set(2, y)
    assert canvas.lines() == ["⢕⡇"]  # 0x01|0x10|0x04|0x80 = 0x95, 0x01|0x02|0x04|0x40 = 0x47


def test_an_empty_cell_is_a_space_and_outside_dots_are_ignored() -> None:
    canvas = Canvas(3, 2)
    canvas.set(-1, 0)
    canvas.set(6, 0)
    canvas.set(0, 8)
    assert canvas.lines() == ["   ", "   "]
    assert not canvas.is_set(-1, 0)


def test_a_horizontal_line_fills_its_row_of_dots() -> None:
    canvas = Canvas(4, 1)
    canvas.line(0, 0, 7, 0)
    assert canvas.lines() == ["⠉⠉⠉⠉"]


def test_a_diagonal_line_steps_one_dot_each_way() -> None:
    canvas = Canvas(2, 1)
    canvas.line(0, 0, 3, 3)
    assert dots(canvas) == {(0, 0), (1, 1), (2, 2), (3, 3)}


@SMALL
@given(st.integers(0, 19), st.integers(0, 19), st.integers(0, 19), st.integers(0, 19))
def test_a_line_joins_its_ends_by_neighbouring_dots(x0: int, y0: int, x1: int, y1: int) -> None:
    canvas = Canvas(10, 5)
    canvas.line(x0, y0, x1, y1)
    drawn = dots(canvas)
    assert (x0, y0) in drawn and (x1, y1) in drawn
    assert len(drawn) == max(abs(x1 - x0), abs(y1 - y0)) + 1
    # Every dot but the ends has a neighbour on each side along the line: no gaps.
    for x, y in drawn:
        neighbours = {(x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)} - {(x, y)}
        assert neighbours & drawn or len(drawn) == 1


def test_a_dotted_line_sets_every_kth_dot() -> None:
    canvas = Canvas(6, 1)
    canvas.line(0, 0, 11, 0, every=3)
    assert dots(canvas) == {(0, 0), (3, 0), (6, 0), (9, 0)}


def test_a_dotted_polyline_keeps_its_spacing_across_corners() -> None:
    canvas = Canvas(4, 2)
    canvas.polyline([(0, 0), (4, 0), (4, 4)], every=2)
    assert dots(canvas) == {(0, 0), (2, 0), (4, 0), (4, 2), (4, 4)}


def test_text_covers_dots_and_the_higher_priority_keeps_its_cell() -> None:
    canvas = Canvas(4, 1)
    canvas.line(0, 0, 7, 0, "orbit", 1)
    canvas.text(1, 0, "◆6", "craft", 7)
    canvas.text(1, 0, "♂", "planet", 6)  # lower: stays under the craft
    canvas.text(3, 0, "☉", "sun", 5)
    assert canvas.rows() == [[("⠉", "orbit"), ("◆6", "craft"), ("☉", "sun")]]


def test_a_later_writer_of_equal_priority_wins_the_style() -> None:
    canvas = Canvas(1, 1)
    canvas.set(0, 0, "earth-orbit", 1)
    canvas.set(1, 0, "planet-orbit", 1)
    canvas.set(0, 1, "background", 0)
    assert canvas.rows() == [[("⠋", "planet-orbit")]]


def test_rows_run_equal_styles_together_and_blank_cells_have_none() -> None:
    canvas = Canvas(5, 1)
    canvas.line(0, 0, 3, 0, "a")
    canvas.set(8, 0, "b")
    assert canvas.rows() == [[("⠉⠉", "a"), ("  ", None), ("⠁", "b")]]
    assert join_runs(canvas.rows()[0]) == "⠉⠉  ⠁"


def test_free_says_where_a_label_hides_nothing() -> None:
    canvas = Canvas(4, 1)
    canvas.text(1, 0, "x", "a", 3)
    assert canvas.free(2, 0, 2, 0)
    assert not canvas.free(0, 0, 2, 0)
    assert canvas.free(0, 0, 2, 4)  # a label of higher priority may cover it
    assert not canvas.free(3, 0, 2, 0)  # off the edge


def test_ascii_cells_say_which_half_holds_dots() -> None:
    assert ascii_cell(0) == " "
    assert ascii_cell(0x01) == "'"
    assert ascii_cell(0x10) == "'"
    assert ascii_cell(0x40) == "."
    assert ascii_cell(0x20) == "."
    assert ascii_cell(0x01 | 0x80) == ":"


def test_ascii_mode_draws_only_ascii() -> None:
    canvas = Canvas(6, 3, ascii_only=True)
    canvas.line(0, 0, 11, 11)
    canvas.text(0, 2, "E", "earth", 6)
    lines = canvas.lines()
    assert all(line.isascii() for line in lines)
    # Each cell's dots lie in its upper half, then the next cell's in its lower half.
    assert lines == ["'.    ", "  '.  ", "E   '."]
