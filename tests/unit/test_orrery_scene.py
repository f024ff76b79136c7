"""The orrery as plain data: where the Sun, the planets and the craft are drawn, what a
redraw depends on, the glyphs without colour or Unicode, and the pane's layout."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from mission_control import ephemeris
from mission_control.campaign import Campaign, build_campaign
from mission_control.presentation.braille import join_runs
from mission_control.presentation.orrery import (
    MARGIN_DOTS,
    Craft,
    Planet,
    Scene,
    craft_label,
    dots_key,
    layout,
    pane,
    projection,
    render,
)
from mission_control.presentation.orrery_scene import scene_at
from mission_control.state import state_at
from mission_control.timeparse import parse_time

SMALL = settings(max_examples=150, deadline=None, derandomize=True, database=None)


def circle(radius: float, n: int = 120) -> tuple[tuple[float, float], ...]:
    return tuple(
        (radius * math.cos(2 * math.pi * i / n), radius * math.sin(2 * math.pi * i / n))
        for i in range(n)
    )


def transfer_arc(n: int = 61) -> tuple[tuple[float, float], ...]:
    """Half an ellipse from 1 AU to 1.52 AU, as a Hohmann transfer's shape."""
    points = []
    for i in range(n):
        angle = math.pi * i / (n - 1)
        radius = 1.0 + 0.26 * (1 - math.cos(angle))
        points.append((radius * math.cos(angle), radius * math.sin(angle)))
    return tuple(points)


ARC = transfer_arc()


def scene(
    craft_at: tuple[float, float] | None = ARC[20], flown: float = 1 / 3, *, two: bool = True
) -> Scene:
    craft = [Craft("Mars 6", "6", craft_at, ARC, flown, "≈ 41.2 M km from Earth · 27.4 km/s")]
    if two:
        craft.append(Craft("Mars 7", "7", ARC[19], ARC, 19 / 60, "≈ 40 M km from Earth"))
    return Scene(
        (
            Planet("Earth", (0.0, 1.0), circle(1.0)),
            Planet("Mars", (-1.5, 0.3), circle(1.52)),
        ),
        tuple(craft),
    )


def find(rows: list[list[tuple[str, str | None]]], glyph: str) -> list[tuple[int, int]]:
    return [
        (line.index(glyph, start), row)
        for row, runs in enumerate(rows)
        for line in [join_runs(runs)]
        for start in range(len(line))
        if line.startswith(glyph, start)
    ]


def styles_of(rows: list[list[tuple[str, str | None]]]) -> set[str | None]:
    return {style for runs in rows for _, style in runs}


def test_the_sun_is_drawn_in_the_centre() -> None:
    for width, height in [(40, 20), (41, 21), (27, 16), (80, 10)]:
        rows = render(scene(), width, height, ascii_only=False, no_color=False)
        [(col, row)] = find(rows, "☉")
        assert abs(col - (width - 1) / 2) <= 0.5
        assert abs(row - (height - 1) / 2) <= 0.5


def test_the_largest_orbit_fits_with_its_margin_and_stays_round() -> None:
    width, height = 60, 15
    view = projection(scene(), width, height)
    dots = [view.dot(p) for p in circle(1.52)]
    xs, ys = [x for x, _ in dots], [y for _, y in dots]
    assert min(ys) >= MARGIN_DOTS - 1 and max(ys) <= 4 * height - MARGIN_DOTS
    # The same span across as down, in dots: a circle, not an ellipse.
    assert abs((max(xs) - min(xs)) - (max(ys) - min(ys))) <= 1


def test_a_craft_marker_is_drawn_where_its_position_says() -> None:
    width, height = 40, 20
    one = scene(two=False)
    rows = render(one, width, height, ascii_only=False, no_color=False)
    x, y = projection(one, width, height).dot(ARC[20])
    assert find(rows, "◆6") == [(x // 2, y // 4)]


def test_two_craft_in_one_cell_are_both_shown() -> None:
    # Mars 6 and 7 launched days apart: for months they are within a dot of each other.
    close = Scene(
        scene().planets,
        (
            Craft("Mars 6", "6", ARC[20], ARC, 1 / 3, ""),
            Craft("Mars 7", "7", ARC[20], ARC, 1 / 3, ""),
        ),
    )
    rows = render(close, 30, 15, ascii_only=False, no_color=False)
    assert len(find(rows, "◆6")) == 1 and len(find(rows, "▲7")) == 1


def test_a_craft_before_launch_has_no_marker_and_a_dotted_track() -> None:
    rows = render(scene(None, 0.0, two=False), 40, 20, ascii_only=False, no_color=False)
    assert not find(rows, "◆")
    assert "planned" in styles_of(rows) and "flown" not in styles_of(rows)


def test_a_track_is_solid_where_flown_and_dotted_ahead() -> None:
    rows = render(scene(two=False), 40, 20, ascii_only=False, no_color=False)
    assert {"flown", "planned"} <= styles_of(rows)
    arrived = render(scene(ARC[-1], 1.0, two=False), 40, 20, ascii_only=False, no_color=False)
    assert "flown" in styles_of(arrived) and "planned" not in styles_of(arrived)


def test_the_redraw_key_changes_only_when_a_marker_moves_a_dot() -> None:
    width, height = 40, 20
    view = projection(scene(), width, height)
    base = scene(ARC[20])
    x, y = ARC[20]
    nudge = 0.2 / view.dots_per_au
    key = dots_key(base, width, height)
    # Nudged a fifth of a dot one way or the other: the same dot, unless it sat on an edge.
    same = [
        dots_key(scene((x + dx, y)), width, height) == key
        for dx in (nudge, -nudge)
        if view.dot((x + dx, y)) == view.dot((x, y))
    ]
    assert same and all(same)
    moved = scene((x + 1.5 / view.dots_per_au, y))
    assert dots_key(moved, width, height) != key
    assert dots_key(base, width + 1, height) != key


@SMALL
@given(st.floats(-1.5, 1.5), st.floats(-1.5, 1.5))
def test_equal_keys_mean_equal_drawings(x: float, y: float) -> None:
    width, height = 30, 12
    moved = scene((x, y))
    view = projection(moved, width, height)
    # Any point in the same dot gives the same key and the same drawing.
    dx, dy = view.dot((x, y))
    centre = ((dx - view.centre_x) / view.dots_per_au, (view.centre_y - dy) / view.dots_per_au)
    snapped = scene(centre)
    assert dots_key(moved, width, height) == dots_key(snapped, width, height)
    assert render(moved, width, height, False, False) == render(
        snapped, width, height, False, False
    )


def test_without_colour_every_marker_has_its_own_shape() -> None:
    rows = render(scene(), 60, 20, ascii_only=False, no_color=True)
    marks = ["☉", "⊕", "♂", "◆", "▲"]
    assert all(len(find(rows, mark)) == 1 for mark in marks)
    assert len(set(marks)) == len(marks)


def test_ascii_markers_are_distinct_letters_and_signs() -> None:
    rows = render(scene(), 60, 20, ascii_only=True, no_color=True)
    text = "".join(join_runs(runs) for runs in rows)
    assert text.isascii()
    for mark in ["*", "E", "M", "#6", "^7"]:
        assert len(find(rows, mark)) == 1, mark


def test_orbits_are_dotted_without_colour_so_a_flown_track_stands_apart() -> None:
    earth_only = Scene((Planet("Earth", (0.0, 1.0), circle(1.0)),), ())
    solid = render(earth_only, 40, 20, ascii_only=False, no_color=False)
    dotted = render(earth_only, 40, 20, ascii_only=False, no_color=True)

    def ink(rows: list[list[tuple[str, str | None]]]) -> int:
        return sum(
            bin(ord(c) - 0x2800).count("1") for r in rows for c in join_runs(r) if "⠁" <= c <= "⣿"
        )

    assert ink(dotted) < 0.7 * ink(solid)


def test_the_pane_puts_readouts_beside_a_wide_drawing_and_under_a_narrow_one() -> None:
    assert layout(50, 17, 2).side
    assert layout(80, 11, 2).side
    narrow = layout(30, 17, 2)
    assert not narrow.side and narrow.draw_width == 30 and narrow.draw_height == 14
    for width, height in [(50, 17), (80, 11), (30, 17), (80, 28), (12, 5)]:
        rows = pane(scene(), width, height, ascii_only=False, no_color=False)
        assert len(rows) == height
        assert all(len(join_runs(runs)) <= width for runs in rows)
        assert join_runs(rows[-1]).startswith("≈ modelled")


def test_the_pane_lists_each_craft_with_its_marker_and_readout() -> None:
    rows = [join_runs(r) for r in pane(scene(), 80, 11, ascii_only=False, no_color=False)]
    text = "\n".join(rows)
    assert "◆6 Mars 6" in text and "▲7 Mars 7" in text
    assert "≈ 41.2 M km from Earth · 27.4 km/s" in text
    under = [join_runs(r) for r in pane(scene(), 30, 17, ascii_only=False, no_color=False)]
    assert under[-3].startswith("◆6 ≈ 41.2 M km") and under[-2].startswith("▲7 ≈ 40 M km")


def test_a_craft_label_is_its_names_number() -> None:
    assert craft_label("Mars 6") == "6"
    assert craft_label("Mars 7") == "7"
    assert craft_label("Phobos") == "P"


# ---------------------------------------------------------------------- from the dashboard's state


def test_the_scene_mid_cruise_has_earth_mars_and_both_craft_on_their_way(
    campaign: Campaign,
) -> None:
    tick = parse_time("1973-11-01T00:00:00Z", campaign)
    built = scene_at(state_at(campaign, tick), campaign.transfers())
    assert [p.name for p in built.planets] == ["Earth", "Mars"]
    x, y, _ = ephemeris.position_km("earth", tick)
    assert built.planets[0].position == pytest.approx((x / ephemeris.AU_KM, y / ephemeris.AU_KM))
    assert [c.name for c in built.craft] == ["Mars 6", "Mars 7"]
    for craft in built.craft:
        assert craft.position is not None and craft.track
        assert 0 < craft.flown < 1
        assert craft.readout.startswith("≈") and "Mars" in craft.readout
        # The marker lies on the track it is drawn over: within a hundredth of an AU.
        assert min(math.dist(craft.position, p) for p in craft.track) < 0.05


def test_before_launch_a_craft_has_its_track_to_come_and_no_place(campaign: Campaign) -> None:
    built = scene_at(state_at(campaign, campaign.start), campaign.transfers())
    for craft in built.craft:
        assert craft.position is None and craft.flown == 0 and craft.track


def test_after_arrival_a_craft_is_with_its_planet(campaign: Campaign) -> None:
    tick = parse_time("1974-03-20T00:00:00Z", campaign)
    built = scene_at(state_at(campaign, tick), campaign.transfers())
    mars = built.planets[1].position
    for craft in built.craft:
        assert craft.flown == 1 and craft.position is not None
        assert math.dist(craft.position, mars) < 0.01


def test_the_drawing_modules_load_no_textual() -> None:
    code = (
        "import sys\n"
        "import mission_control.presentation.braille, mission_control.presentation.orrery\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_craft_without_a_transfer_says_why(campaign: Campaign) -> None:
    mars6, mars7 = campaign.missions
    no_launch = replace(mars6, events=[e for e in mars6.events if e.kind != "launch"])
    other = build_campaign([no_launch, mars7])
    tick = parse_time("1973-11-01T00:00:00Z", other)
    built = scene_at(state_at(other, tick), other.transfers(), reasons=other.transfer_warnings())
    assert built.craft[0].position is None and not built.craft[0].track
    assert built.craft[0].readout == "no trajectory modelled: the article states no launch"
    assert built.craft[1].position is not None


def test_an_orbit_is_the_same_whichever_moment_of_its_year_was_shown_first(
    campaign: Campaign,
) -> None:
    from mission_control.presentation import orrery_scene

    transfers = campaign.transfers()
    early = parse_time("1974-02-01T00:00:00Z", campaign)
    late = parse_time("1974-03-25T00:00:00Z", campaign)
    orrery_scene._ORBITS.clear()
    forward = scene_at(state_at(campaign, early), transfers).planets
    orrery_scene._ORBITS.clear()
    scene_at(state_at(campaign, late), transfers)
    after_seeking = scene_at(state_at(campaign, early), transfers).planets
    assert [p.orbit for p in after_seeking] == [p.orbit for p in forward]
