"""An event's time in every style the views write it, character for character."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mission_control.event_time import STYLES, When, event_met_s, event_when
from mission_control.mission import Mission
from mission_control.model import Event, Precision, StatedTime


def event(
    start: datetime,
    precision: Precision,
    *,
    approximate: bool = False,
    window: tuple[datetime, datetime] | None = None,
    index: int = 0,
    kind: str = "parachute",
) -> Event:
    at = start if window is None else window[0] + (window[1] - window[0]) / 2
    return Event(
        mission_id="mars6",
        index=index,
        kind=kind,
        part="lander",
        time=StatedTime(start, precision),
        at=at,
        summary="Parachute deployed",
        provenance=(),
        approximate=approximate or window is not None,
        window=window,
    )


ENTRY = datetime(1974, 3, 12, 9, 5, 53, tzinfo=UTC)
LOS = datetime(1974, 3, 12, 9, 11, 5, tzinfo=UTC)
DAY = datetime(1974, 3, 12, tzinfo=UTC)

TIMED = event(ENTRY, Precision.SECOND)
MINUTE = event(datetime(1974, 3, 12, 9, 5, tzinfo=UTC), Precision.MINUTE)
DATE = event(DAY, Precision.DAY)
CIRCA = event(DAY, Precision.DAY, approximate=True)
BETWEEN = event(DAY, Precision.DAY, window=(ENTRY, LOS))
MONTH = event(datetime(1974, 3, 1, tzinfo=UTC), Precision.MONTH)

EXPECTED: dict[When, list[tuple[Event, str]]] = {
    "short": [
        (TIMED, "1974-03-12T09:05:53Z"),
        (MINUTE, "1974-03-12T09:05Z"),
        (DATE, "1974-03-12"),
        (CIRCA, "≈1974-03-12"),
        (BETWEEN, "≈1974-03-12"),
        (MONTH, "1974-03"),
    ],
    "column": [
        (TIMED, "1974-03-12 09:05:53"),
        (MINUTE, "1974-03-12 09:05   "),
        (DATE, "1974-03-12         "),
        (CIRCA, "≈1974-03-12        "),
        (BETWEEN, "≈1974-03-12        "),
        (MONTH, "1974-03            "),
    ],
    "command": [
        (TIMED, "1974-03-12T09:05:53Z"),
        (MINUTE, "1974-03-12T09:05Z"),
        (DATE, "1974-03-12"),
        (CIRCA, "~1974-03-12"),
        (BETWEEN, "1974-03-12 (between 09:05:53 and 09:11:05)"),
        (MONTH, "1974-03"),
    ],
    "cell": [
        (TIMED, "1974-03-12T09:05:53Z"),
        (MINUTE, "1974-03-12T09:05Z"),
        (DATE, "1974-03-12"),
        (CIRCA, "≈ 1974-03-12"),
        (BETWEEN, "1974-03-12\n≈ 09:05:53–09:11:05"),
        (MONTH, "1974-03"),
    ],
    "detail": [
        (TIMED, "1974-03-12T09:05:53Z UTC, stated to the second"),
        (MINUTE, "1974-03-12T09:05Z UTC, stated to the minute"),
        (DATE, "1974-03-12 UTC, stated to the day"),
        (CIRCA, "1974-03-12 UTC, stated to the day (approximate)"),
        (
            BETWEEN,
            "1974-03-12, time of day not stated: the text orders it between "
            "09:05:53 and 09:11:05 UTC",
        ),
        (MONTH, "1974-03 UTC, stated to the month"),
    ],
}


def test_every_style_is_tested() -> None:
    assert set(EXPECTED) == set(STYLES)


@pytest.mark.parametrize(
    ("style", "shown", "text"),
    [(style, e, text) for style, cases in EXPECTED.items() for e, text in cases],
)
def test_event_when(style: When, shown: Event, text: str) -> None:
    assert event_when(shown, style=style) == text


def test_the_log_column_is_always_nineteen_cells() -> None:
    assert {len(event_when(e, style="column")) for e, _ in EXPECTED["column"]} == {19}


def test_an_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="no such style"):
        event_when(TIMED, style="loud")  # type: ignore[arg-type]


def test_met_needs_a_launch_and_an_event_stated_to_the_minute() -> None:
    launch = event(datetime(1973, 8, 5, 17, 45, 48, tzinfo=UTC), Precision.SECOND, kind="launch")
    mission = Mission("mars6", "Mars 6", "mars6.txt", {}, {}, (launch, TIMED))
    assert event_met_s(TIMED, mission) == 18_890_406  # 218 d 15:20:06, with 1973's leap second
    assert event_met_s(DATE, mission) is None
    dated_launch = event(datetime(1973, 8, 5, tzinfo=UTC), Precision.DAY, kind="launch")
    assert event_met_s(TIMED, Mission("m", "M", "m.txt", {}, {}, (dated_launch,))) is None
    assert event_met_s(TIMED, Mission("m", "M", "m.txt", {}, {}, ())) is None


def test_a_window_of_days_is_written_as_days_not_as_midnights() -> None:
    first, last = datetime(1977, 5, 3, tzinfo=UTC), datetime(1977, 5, 5, tzinfo=UTC)
    e = event(first, Precision.DAY, window=(first, last))
    assert event_when(e, style="cell") == "1977-05-03\n≈ 1977-05-03 to 1977-05-05"
    assert event_when(e, style="command") == "1977-05-03 (between 1977-05-03 and 1977-05-05)"
    assert "00:00" not in event_when(e, style="detail")
    from mission_control.presentation.panel_rows import window_text

    assert window_text(e) == "3–5 May"
    across = datetime(1977, 4, 30, tzinfo=UTC)
    assert window_text(event(across, Precision.DAY, window=(across, last))) == "30 Apr–5 May"


def test_a_stated_range_of_minutes_is_written_to_the_minute() -> None:
    start = datetime(1989, 3, 27, 17, 51, tzinfo=UTC)
    e = event(start, Precision.MINUTE, window=(start, datetime(1989, 3, 27, 18, 3, tzinfo=UTC)))
    assert event_when(e, style="cell") == "1989-03-27T17:51Z\n≈ 17:51–18:03"
    assert event_when(e, style="detail") == (
        "1989-03-27T17:51Z UTC, a range the text states: 17:51 to 18:03 UTC"
    )
