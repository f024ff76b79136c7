"""What the time strip and the event log show for a mission whose article states no dated
event: its line (:func:`~mission_control.campaign.undated_line`) where a band or an event
would be, so such a mission is still shown with whatever its article does state."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath

from rich.style import Style
from rich.text import Text

from mission_control.campaign import Campaign, MissionTrack, undated_line


def row(
    track: MissionTrack,
    label_width: int,
    width: int,
    style: Mapping[str, Style],
    label: Style | None = None,
) -> Text:
    """The time strip's row: the mission's name (in ``label``, else the strip's label
    style), then its line in place of a band, naming its file without its folder (the log
    names the whole path), cut to ``width``."""
    line = Text(track.mission.name.ljust(label_width), style=label or style["label"])
    source = track.mission.source
    line.append(undated_line(track.mission, PurePath(source).name), style["caption"])
    line.truncate(width, overflow="ellipsis")
    return line


def empty_log_line(campaign: Campaign, focus_id: str | None, line: int) -> str | None:
    """Row ``line`` of an empty event log when no mission states a dated event (a row each),
    or the mission in focus states none; None otherwise."""
    if campaign.all_ticks() and focus_id is None:
        return None
    tracks = [t for t in campaign.tracks if focus_id in (None, t.mission.id)]
    undated = [undated_line(t.mission) for t in tracks if not t.ticks]
    return undated[line] if 0 <= line < len(undated) else None
