"""The event log's lines without Textual: which events a filter and a search let through,
the columns of each line at both widths, and the log's title."""

from __future__ import annotations

from mission_control.campaign import Campaign
from mission_control.presentation.event_lines import (
    FILTER_ALL,
    FILTER_FAILURES,
    SEARCH_IN_PLACE,
    EventLines,
)
from mission_control.presentation.formatting import quantity_table


def kinds(lines: EventLines, indices: list[int]) -> list[str]:
    return [lines.events[i][1].kind for i in indices]


def test_filters_let_through_failures_or_one_craft(campaign: Campaign) -> None:
    lines = EventLines(campaign)
    everything = lines.matching(0, len(lines), FILTER_ALL, "", None, "si")
    assert everything == list(range(len(lines)))
    failures = lines.matching(0, len(lines), FILTER_FAILURES, "", None, "si")
    assert failures and all(lines.events[i][1].failed for i in failures)
    mars7 = lines.matching(0, len(lines), "mars7", "", None, "si")
    assert mars7 and {lines.events[i][1].mission_id for i in mars7} == {"mars7"}
    assert sorted(mars7 + lines.matching(0, len(lines), "mars6", "", None, "si")) == everything
    assert lines.matching(2, 5, FILTER_ALL, "", None, "si") == [2, 3, 4]


def test_a_search_reads_every_column_the_kind_and_the_quantities_in_their_units(
    campaign: Campaign,
) -> None:
    lines = EventLines(campaign)
    table = quantity_table(campaign.missions)
    found = lines.matching(0, len(lines), FILTER_ALL, "PARACHUTE", table, "si")
    assert kinds(lines, found) == ["parachute"]  # case does not matter
    assert kinds(lines, lines.matching(0, len(lines), FILTER_ALL, "s/c", table, "si"))
    assert kinds(lines, lines.matching(0, len(lines), "mars7", "landing", table, "si")) == []
    # The flyby's distance, written as the chosen units write it.
    assert lines.matching(0, len(lines), FILTER_ALL, "1,600 km", table, "si")
    assert not lines.matching(0, len(lines), FILTER_ALL, "1,600 km", table, "imperial")
    assert lines.matching(0, len(lines), FILTER_ALL, "990 mi", table, "imperial")
    # Before the quantities are listed, only the text is searched.
    assert not lines.matching(0, len(lines), FILTER_ALL, "990 mi", None, "imperial")


def test_a_narrow_line_drops_the_met_and_part_columns(campaign: Campaign) -> None:
    lines = EventLines(campaign)
    entry = next(i for i, (_, e) in enumerate(lines.events) if e.kind == "atmospheric-entry")
    wide = lines.columns(entry, wide=True)
    narrow = lines.columns(entry, wide=False)
    assert [element for _, element in wide] == ["time", "time", "craft", "part", "summary"]
    assert [element for _, element in narrow] == ["time", "craft", "summary"]
    assert wide[0][0] == "1974-03-12 09:05:53"
    assert wide[1][0].strip() == "T+218d15:20:06"
    table = quantity_table(campaign.missions)
    line = lines.line(entry, wide=False, quantities=table, units="imperial")
    assert line[-1][1] == "quantities" and "mph" in line[-1][0]


def test_the_title_says_what_the_log_holds(campaign: Campaign) -> None:
    lines = EventLines(campaign)
    total = len(lines)
    assert lines.title(3, FILTER_ALL, "", searching=False) == (
        f"Event log · 3 of {total} events passed · showing all events"
    )
    assert lines.title(3, "mars6", "km", searching=True) == (
        f"Event log · 3 of {total} events passed · showing Mars 6 only matching “km” (searching…)"
    )


def test_only_a_long_unread_search_waits_for_a_thread(campaign: Campaign) -> None:
    lines = EventLines(campaign)
    assert not lines.search_waits("", 0, SEARCH_IN_PLACE + 1)
    assert not lines.search_waits("x", 0, SEARCH_IN_PLACE)
    assert lines.search_waits("x", 0, SEARCH_IN_PLACE + 1)
