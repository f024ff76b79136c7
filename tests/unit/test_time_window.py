"""The time strip's window and what it draws in it, as plain numbers: the zoom ladder,
following the cursor, ticks to columns and back, the labels, and the phases' names."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mission_control import phases
from mission_control.campaign import Campaign, find_event
from mission_control.presentation import time_window as tw
from mission_control.presentation.time_strip import (
    SHORT_NAMES,
    event_mark,
    label_places,
    marker_caption,
    marker_columns,
    phase_columns,
    phase_runs,
    planet_window,
    row_spans,
    strip_row,
    track_marks,
)
from mission_control.presentation.time_window import DAY, HOUR, MINUTE, Window
from mission_control.status_rules import default_rules
from mission_control.timescale import to_tick

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None)

BOUNDS = (to_tick(dt.datetime(1973, 8, 5, 17, 35, tzinfo=dt.UTC)), 0.0)
BOUNDS = (BOUNDS[0], BOUNDS[0] + 233 * DAY)
"""About the Mars 6/7 campaign's span."""


def tick(text: str) -> float:
    return to_tick(dt.datetime.fromisoformat(text))


# ---------------------------------------------------------------------- the ladder


def test_the_ladder_runs_from_the_whole_campaign_down_to_ten_minutes() -> None:
    spans = tw.ladder(BOUNDS)
    assert spans[0] == BOUNDS[1] - BOUNDS[0]
    assert spans[-1] == 10 * MINUTE
    assert list(spans) == sorted(spans, reverse=True)
    assert all(a / b <= 3.5 for a, b in itertools.pairwise(spans))


def test_a_short_campaign_skips_the_rungs_longer_than_itself() -> None:
    bounds = (0.0, 2 * DAY)
    assert tw.ladder(bounds) == (2 * DAY, DAY, 12 * HOUR, *tw.ladder(BOUNDS)[9:])


def test_zooming_in_keeps_the_cursor_where_it_was_across_the_width() -> None:
    cursor = BOUNDS[0] + 0.25 * (BOUNDS[1] - BOUNDS[0])
    window = tw.zoom_in(tw.whole(BOUNDS), cursor, BOUNDS)
    assert window.span == 120 * DAY
    assert (cursor - window.start) / window.span == pytest.approx(0.25)


def test_zooming_in_at_the_last_rung_and_out_at_the_top_changes_nothing() -> None:
    cursor = tick("1974-03-12T09:05:53+00:00")
    window = tw.whole(BOUNDS)
    for _ in range(len(tw.ladder(BOUNDS)) + 3):
        window = tw.zoom_in(window, cursor, BOUNDS)
    assert window.span == 10 * MINUTE
    for _ in range(len(tw.ladder(BOUNDS)) + 3):
        window = tw.zoom_out(window, cursor, BOUNDS)
    assert window == tw.whole(BOUNDS)


def test_zooming_out_near_an_end_stays_within_the_campaign() -> None:
    cursor = BOUNDS[1] - HOUR
    window = Window(cursor - 11.5 * HOUR, cursor + 0.5 * HOUR)
    wider = tw.zoom_out(window, cursor, BOUNDS)  # where the cursor is, a day would end past it
    assert wider.span == DAY and wider.end == BOUNDS[1] and wider.holds(cursor)


# ---------------------------------------------------------------------- following


def test_the_window_stays_put_while_it_holds_the_cursor() -> None:
    window = Window(BOUNDS[0] + DAY, BOUNDS[0] + 2 * DAY)
    assert tw.follow(window, BOUNDS[0] + 1.5 * DAY, BOUNDS) is window


def test_the_window_pages_forward_when_the_cursor_runs_off_its_end() -> None:
    window = Window(BOUNDS[0] + DAY, BOUNDS[0] + 2 * DAY)
    cursor = window.end + 1.0
    moved = tw.follow(window, cursor, BOUNDS)
    assert moved.span == window.span
    assert (cursor - moved.start) / moved.span == pytest.approx(tw.FOLLOW_LEAD)


def test_the_window_pages_back_when_the_cursor_goes_before_its_start() -> None:
    window = Window(BOUNDS[0] + 10 * DAY, BOUNDS[0] + 11 * DAY)
    cursor = BOUNDS[0] + 5 * DAY
    moved = tw.follow(window, cursor, BOUNDS)
    assert (moved.end - cursor) / moved.span == pytest.approx(tw.FOLLOW_LEAD)


def test_fitting_leaves_a_margin_and_stays_within_the_campaign() -> None:
    first, last = tick("1974-03-09T00:00:00+00:00"), tick("1974-03-25T00:00:00+00:00")
    window = tw.fit(first, last, BOUNDS)
    assert window.start < first and last < window.end <= BOUNDS[1]
    assert window.span < 1.1 * (last - first)
    assert tw.fit(BOUNDS[0], BOUNDS[1], BOUNDS) == tw.whole(BOUNDS)


# ---------------------------------------------------------------------- columns


def test_ticks_map_to_columns_and_columns_to_their_middles() -> None:
    window = Window(0.0, 80.0)
    assert [window.column(t, 8) for t in (0.0, 9.99, 10.0, 79.9, 80.0, -5.0, 500.0)] == [
        0,
        0,
        1,
        7,
        7,
        0,
        7,
    ]
    assert window.unclamped_column(-5.0, 8) is None
    assert window.unclamped_column(80.0, 8) == 7
    assert window.tick_at(3, 8) == 35.0


def test_the_mars_6_descent_spans_many_columns_at_80_wide_zoomed_in() -> None:
    entry, lost = tick("1974-03-12T09:05:53+00:00"), tick("1974-03-12T09:11:05+00:00")
    window = tw.fit(tick("1974-03-09T00:00:00+00:00"), tick("1974-03-25T00:00:00+00:00"), BOUNDS)
    for _ in range(20):
        window = tw.zoom_in(window, entry, BOUNDS)
    width = 80 - len("Mars 6 ")
    assert window.holds(lost)
    assert window.column(lost, width) - window.column(entry, width) > 30


# ---------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("span", "start", "end", "length"),
    [
        (233 * DAY, "5 Aug 1973", "26 Mar 1974", "233 d"),
        (DAY, "12 Mar 09:00", "13 Mar 09:00", "1 d"),
        (3 * HOUR, "12 Mar 09:00", "12 Mar 12:00", "3 h"),
        (20 * MINUTE, "12 Mar 09:00:00", "12 Mar 09:20:00", "20 min"),
    ],
)
def test_the_ends_are_labelled_at_the_precision_the_span_needs(
    span: float, start: str, end: str, length: str
) -> None:
    begin = tick("1974-03-12T09:00:00+00:00") if span < 10 * DAY else BOUNDS[0]
    window = Window(begin, begin + span)
    line = tw.axis_line(window, 73, ends=True)
    assert len(line) == 73
    assert line.startswith(start) and line.endswith(end)
    assert tw.span_label(span) == length


def test_the_axis_marks_months_days_or_minutes_without_overlap() -> None:
    whole = tw.axis_line(tw.whole(BOUNDS), 193, ends=True)
    assert "╵Sep" in whole and "╵Jan 1974" in whole
    hours = tw.axis_line(
        Window(tick("1974-03-12T08:00:00+00:00"), tick("1974-03-12T11:00:00+00:00")), 113, ends=True
    )
    assert "╵09:00" in hours and "╵10:00" in hours
    for window in (tw.whole(BOUNDS), Window(BOUNDS[0], BOUNDS[0] + 7 * DAY)):
        for width in (10, 40, 73, 193):
            marks = tw.axis_marks(window, width)
            ends = [col + len(text) for col, text in marks]
            assert all(e <= width for e in ends)
            assert all(a < b[0] for a, b in zip(ends, marks[1:], strict=False))


def test_a_narrow_axis_keeps_the_start_and_drops_the_end() -> None:
    line = tw.axis_line(Window(BOUNDS[0], BOUNDS[0] + HOUR), 20, ends=True)
    assert len(line) == 20 and line.startswith("5 Aug 17:35")


# ---------------------------------------------------------------------- phases


def test_a_phase_name_is_written_in_the_middle_of_its_stretch_clear_of_markers() -> None:
    runs = [(0, 3, "launch"), (3, 60, "cruise"), (60, 66, "approach")]
    places = label_places(runs, {1, 30}, 73)
    assert places == [(41, " cruise ")]  # the middle of 31 to 60, the widest free stretch


def test_a_long_phase_name_falls_back_to_its_short_one() -> None:
    assert label_places([(0, 14, "entry and descent")], set(), 73) == [(2, " descent ")]
    assert label_places([(0, 21, "entry and descent")], set(), 73) == [(1, " entry and descent ")]
    assert label_places([(0, 9, "entry and descent")], set(), 73) == []


def test_phase_runs_clip_each_span_to_the_window() -> None:
    spans = [(0.0, 10.0, "launch"), (10.0, 50.0, "cruise"), (50.0, 100.0, "approach")]
    assert phase_runs(spans, Window(20.0, 60.0), 40) == [(0, 30, "cruise"), (30, 40, "approach")]
    columns = phase_columns(spans, Window(0.0, 100.0), 10)  # middles 5, 15, ... 95
    assert columns == ["launch"] + ["cruise"] * 4 + ["approach"] * 5


def test_markers_are_only_those_in_the_window_and_the_most_telling_wins_its_column() -> None:
    ticks = (0.0, 10.0, 10.2, 10.4, 20.0, 21.0, 22.0, 95.0)
    marks = ("●", "●", "✖", "▲", "◇", "▲", "●", "●")
    columns = marker_columns(ticks, marks, Window(5.0, 25.0), 10)
    assert columns == {2: "✖", 7: "◇", 8: "▲"}


def test_a_failure_is_marked_as_its_rules_grade_it() -> None:
    rules = default_rules()
    assert event_mark("separation", "failed to separate", False, rules) == "▲"  # caution
    assert event_mark("loss-of-contact", "contact lost", False, rules) == "✖"
    assert event_mark("no-such-kind", "failed", False, rules) == "✖"  # no rule grades it
    assert event_mark("landing", None, False, rules) == "●"
    assert event_mark("landing", None, True, rules) == "◇"


def test_mars_7s_failed_separation_is_a_caution_on_the_strip(campaign: Campaign) -> None:
    """As the log and the lander's panel show it; the lander's missed flyby at the same
    moment is the column's marker."""
    track = campaign.track("mars7")
    marks = track_marks(track, campaign.rules)
    index = track.events.column("outcome").index("failed to separate")
    assert marks[index] == "▲"
    tick = track.ticks[index]
    window = Window(tick - 3600.0, tick + 3600.0)
    col, band = window.column(tick, 73), [(window.start, window.end, "flyby")]
    assert strip_row(band, ("▲",), (tick,), window, 73).marks == {col: "▲"}
    assert strip_row(band, marks, track.ticks, window, 73).marks[col] == "✖"


def test_a_row_shows_its_bus_phases_and_its_landers_descent(campaign: Campaign) -> None:
    """The bus's phases (its panel's words), but the lander's own descent while it lasts."""
    start, end = campaign.start, campaign.end
    mars6 = campaign.track("mars6")
    names = [phase for _, _, phase in row_spans(mars6, campaign.rules, start, end)]
    assert names == [
        "pre-launch",
        "launch",
        "cruise",
        "approach",
        "flyby",
        "entry and descent",
        "flyby",
        "heliocentric orbit",
    ]
    entry = find_event(campaign, "mars6", "atmospheric-entry")[0]
    lost = find_event(campaign, "mars6", "loss-of-contact")[0]
    assert (entry, lost, "entry and descent") in row_spans(mars6, campaign.rules, start, end)
    mars7 = campaign.track("mars7")  # its lander missed the planet: the row is the bus's
    assert [p for _, _, p in row_spans(mars7, campaign.rules, start, end)][-3:] == [
        "flyby",
        "heliocentric orbit",
        "contact lost",
    ]


def test_the_rows_phases_are_the_bus_s_but_for_the_lander_s_descent(campaign: Campaign) -> None:
    start, end = campaign.start, campaign.end
    for track in campaign.tracks:
        spans = row_spans(track, campaign.rules, start, end)
        assert spans[0][0] == start and spans[-1][1] == end
        assert all(a[1] == b[0] and a[2] != b[2] for a, b in itertools.pairwise(spans))
        bus, lander = track.part_spans["bus"], track.part_spans["lander"]
        for s, e, phase in spans:
            for t in (s, (s + e) / 2, e - 1e-2):
                own = phases.phase_in(lander, t)
                expected = own if own in ("entry and descent", "landed") else None
                assert phase == (expected or phases.phase_in(bus, t)), (track, t)
        # Densely, and on either side of every turn (events, phase starts, the approach).
        starts = [s for s, _, _ in spans]
        moments = [start + (end - start) * i / 5000 for i in range(5001)]
        turns = [t for t in (*track.ticks, *starts, track.approach_tick) if t is not None]
        moments += [t + d for t in turns for d in (-1.0, -1e-3, 0.0, 1e-3, 1.0)]
        for t in moments:
            if not start <= t <= end:
                continue
            shown = spans[bisect.bisect_right(starts, t) - 1][2]
            own = phases.phase_in(lander, t)
            expected = own if own in ("entry and descent", "landed") else None
            assert shown == (expected or phases.phase_in(bus, t)), (track, t)


# ---------------------------------------------------------------------- properties

ticks_in = st.floats(min_value=BOUNDS[0], max_value=BOUNDS[1], allow_nan=False)
levels = st.integers(min_value=0, max_value=len(tw.ladder(BOUNDS)) - 1)


def zoomed(cursor: float, level: int) -> Window:
    window = tw.whole(BOUNDS)
    for _ in range(level):
        window = tw.zoom_in(window, cursor, BOUNDS)
    return window


@given(ticks_in, levels, st.integers(min_value=0, max_value=4), ticks_in)
@PROPERTY
def test_zooming_in_then_out_gives_the_window_back(
    cursor: float, level: int, steps: int, later: float
) -> None:
    """From any window the user can reach: zoomed around one moment, then followed to
    another (where the cursor is not in the middle)."""
    cursor, window = later, tw.follow(zoomed(cursor, level), later, BOUNDS)
    there, taken = window, 0
    for _ in range(steps):
        closer = tw.zoom_in(there, cursor, BOUNDS)
        taken += closer != there  # the last rung zooms no closer
        there = closer
    for _ in range(taken):
        there = tw.zoom_out(there, cursor, BOUNDS)
    assert there.start == pytest.approx(window.start, abs=window.span * 1e-6)
    assert there.end == pytest.approx(window.end, abs=window.span * 1e-6)


@given(ticks_in, levels, st.lists(st.tuples(st.sampled_from("io f"), ticks_in), max_size=12))
@PROPERTY
def test_the_cursor_is_always_inside_the_window(
    cursor: float, level: int, moves: list[tuple[str, float]]
) -> None:
    window = zoomed(cursor, level)
    assert window.holds(cursor)
    for move, moved_to in moves:
        if move == "i":
            window = tw.zoom_in(window, cursor, BOUNDS)
        elif move == "o":
            window = tw.zoom_out(window, cursor, BOUNDS)
        else:
            cursor = moved_to
            window = tw.follow(window, cursor, BOUNDS)
        assert window.holds(cursor), (move, window, cursor)
        assert BOUNDS[0] <= window.start < window.end <= BOUNDS[1]


@given(ticks_in, levels, st.integers(min_value=1, max_value=400), st.data())
@PROPERTY
def test_a_column_and_its_middle_tick_round_trip(
    cursor: float, level: int, width: int, data: st.DataObject
) -> None:
    window = zoomed(cursor, level)
    col = data.draw(st.integers(min_value=0, max_value=width - 1))
    assert window.column(window.tick_at(col, width), width) == col
    moment = data.draw(st.floats(min_value=window.start, max_value=window.end))
    back = window.tick_at(window.column(moment, width), width)
    assert abs(back - moment) <= window.span / width


def test_the_window_at_the_planet_runs_from_the_first_arrival_to_the_last_event(
    campaign: Campaign,
) -> None:
    bounds = (campaign.start, campaign.end)
    window = planet_window(campaign.tracks, bounds)
    assert window is not None
    arrivals = [t.arrival_tick for t in campaign.tracks if t.arrival_tick is not None]
    assert window.start < min(arrivals) and window.holds(max(t.ticks[-1] for t in campaign.tracks))
    mars6 = planet_window([campaign.track("mars6")], bounds)
    assert mars6 is not None and mars6.span < window.span  # Mars 6 ends on 12 March
    assert planet_window([], bounds) is None


def test_the_caption_names_the_chosen_marker_and_counts_from_one(campaign: Campaign) -> None:
    events = len(campaign.all_events())
    assert marker_caption(campaign, 0).startswith(f" ←/→ 1/{events} Mars 6 Launch 1973-08-05")
    assert marker_caption(campaign, 0).endswith("· enter: seek")


def test_the_caption_marks_a_failure_as_the_log_does(campaign: Campaign) -> None:
    outcomes = campaign.all_events().column("outcome")
    chosen = outcomes.index("failed to separate")
    assert " Mars 7 ▲ Separation (lander): failed to separate " in marker_caption(campaign, chosen)


def _places_column_by_column(
    runs: list[tuple[int, int, str]], taken: set[int], width: int
) -> list[tuple[int, str]]:
    """The labelling rule, one column at a time: the widest free stretch, first if tied."""
    places: list[tuple[int, str]] = []
    for first, last, name in runs:
        best, free_start = (0, 0), None
        for col in range(max(0, first), min(width, last) + 1):
            free = col < min(width, last) and col not in taken
            if free and free_start is None:
                free_start = col
            elif not free and free_start is not None:
                if col - free_start > best[1] - best[0]:
                    best = (free_start, col)
                free_start = None
        room = best[1] - best[0]
        for text in (f" {name} ", f" {SHORT_NAMES.get(name, name)} "):
            if room >= len(text) + 2:
                places.append((best[0] + (room - len(text)) // 2, text))
                break
    return places


@PROPERTY
@given(
    st.lists(
        st.tuples(st.integers(-5, 90), st.integers(-5, 90), st.sampled_from(phases.PART_PHASES)),
        max_size=6,
    ),
    st.sets(st.integers(-2, 90), max_size=20),
    st.integers(0, 85),
)
def test_labels_go_in_the_widest_free_stretch(
    runs: list[tuple[int, int, str]], taken: set[int], width: int
) -> None:
    assert label_places(runs, taken, width) == _places_column_by_column(runs, taken, width)
