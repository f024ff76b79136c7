"""The events an article's infobox dates: a field whose key names an event (``Landing
date``, ``Deactivated``, ``Decay date``), one event for each part a field names
("Orbiter: 14 June 2003 Lander: 2 July 2003"), and a date the field says was planned."""

from __future__ import annotations

from dataclasses import dataclass

from mission_control.extract import vocabulary
from mission_control.extract.dates import combine, day_of, find_dates, find_times
from mission_control.extract.document import Document, InfoboxField
from mission_control.extract.metadata import infobox_key
from mission_control.model import Provenance, StatedTime


@dataclass(frozen=True)
class InfoboxEvent:
    """One event an infobox field dates: its kind, the part it concerns, its time, the
    field's line, whether it was only planned, and the field as ``key: value``."""

    kind: str
    part: str
    time: StatedTime
    provenance: Provenance
    planned: bool
    text: str


def infobox_events(doc: Document) -> list[InfoboxEvent]:
    """Each event the infobox dates, in its order; a blank or garbled date gives none (the
    metadata stage warns of it)."""
    found: list[InfoboxEvent] = []
    for item in doc.infobox:
        kind = vocabulary.INFOBOX_EVENTS.get(infobox_key(item.key))
        if kind is None:
            continue
        provenance = _infobox_provenance(doc, item)  # the field's line, whatever its parts
        for part, value in infobox_parts(item.value):
            time = _infobox_time(value)
            if time is None:
                continue
            planned = bool(vocabulary.INFOBOX_PLANNED.search(value))
            found.append(
                InfoboxEvent(kind, part, time, provenance, planned, f"{item.key}: {item.value}")
            )
    return found


def infobox_parts(value: str) -> list[tuple[str, str]]:
    """An infobox value cut at the labels that name parts ("Orbiter: 14 June 2003 Lander:
    2 July 2003"), each stretch with its part; what comes before the first such label (all
    of a value with none) is the whole spacecraft's."""
    cuts: list[tuple[int, int, str]] = []
    for label in vocabulary.INFOBOX_LABEL.finditer(value):
        part = label_part(label.group(1))
        if part is not None:
            cuts.append((label.start(), label.end(), part))
    if not cuts:
        return [("spacecraft", value)]
    pieces = [("spacecraft", value[: cuts[0][0]])] if value[: cuts[0][0]].strip() else []
    ends = [start for start, _, _ in cuts[1:]] + [len(value)]
    pieces.extend((part, value[end:stop]) for (_, end, part), stop in zip(cuts, ends, strict=True))
    return pieces


def label_part(label: str) -> str | None:
    """The part a label names ("Orbiter", "Descent module"), if any."""
    labels = [(part, pattern) for part, pattern, _ in vocabulary.PART_WORDS]
    for part, pattern in (*labels, *vocabulary.INFOBOX_PART_LABELS):
        if pattern.search(label):
            return part
    return None


def _infobox_time(value: str) -> StatedTime | None:
    """The first date of an infobox value, with its clock time if it states one."""
    dates, _ = find_dates(value)
    if not dates or dates[0].year is None:
        return None
    mention = dates[0]
    day = day_of(mention, None)
    if day is None:
        return None
    times = find_times(value)
    if times:
        start, precision = combine(day, times[0])
        return StatedTime(start, precision)
    return StatedTime(day, mention.precision)


def _infobox_provenance(doc: Document, item: InfoboxField) -> Provenance:
    """The infobox line exactly as the file has it, without its surrounding blanks."""
    line_start = max(doc.text.rfind("\n", 0, item.start), doc.text.rfind("\r", 0, item.start))
    line_start += 1
    ends = [i for i in (doc.text.find("\n", item.start), doc.text.find("\r", item.start)) if i >= 0]
    line_end = min(ends, default=len(doc.text))
    line = doc.text[line_start:line_end]
    start = line_start + len(line) - len(line.lstrip())
    end = line_start + len(line.rstrip())
    return Provenance(doc.source, doc.text[start:end], (start, end), item.line)
