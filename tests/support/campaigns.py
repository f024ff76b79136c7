"""Campaigns made directly, without text to read: as many events as a test needs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mission_control.campaign import Campaign, build_campaign
from mission_control.mission import Mission
from mission_control.model import Event, Precision, Provenance, StatedTime


def synthetic_campaign(count: int) -> Campaign:
    """One mission of ``count`` events a minute apart, made directly (no text to read):
    a launch, then numbered events, every thousandth of them a failure."""
    launch = datetime(1973, 8, 5, 17, 45, 48, tzinfo=UTC)
    events = []
    for i in range(count):
        at = launch + timedelta(minutes=i)
        events.append(
            Event(
                mission_id="big",
                index=i,
                kind="launch" if i == 0 else "other",
                part="spacecraft",
                time=StatedTime(at, Precision.SECOND),
                at=at,
                summary="Launch" if i == 0 else f"Synthetic event #{i:05d}",
                provenance=(Provenance("big.txt", f"Event {i}.", (0, 9), i + 1),),
                outcome="failed" if i and i % 1000 == 0 else None,
            )
        )
    mission = Mission("big", "Big", "big.txt", {}, {}, tuple(events))
    return build_campaign([mission])
