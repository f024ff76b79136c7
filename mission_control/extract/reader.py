"""Read an article into a Mission: metadata, instruments and the dated events it states.

Nothing is invented: a time is kept at the precision the text gives it, an event the text
only orders between two timed events is marked approximate, and a field the text garbles is
reported as missing.

Reading is a pipeline of stages, each a module of this package that can be called alone:
:func:`~mission_control.extract.document.parse_document` (the article's structure), then
:func:`~mission_control.extract.clauses.dated_clauses` (its clauses with the moments they
state), :func:`~mission_control.extract.drafts.read_drafts` (an event draft per statement) and
:func:`~mission_control.extract.events.make_events` (the drafts merged and placed in time); the
name, metadata and instruments come from :mod:`.metadata` and :mod:`.parts`.
"""

from __future__ import annotations

from mission_control.extract.clauses import dated_clauses
from mission_control.extract.document import parse_document
from mission_control.extract.drafts import read_drafts
from mission_control.extract.events import make_events
from mission_control.extract.metadata import mission_name, read_metadata
from mission_control.extract.parts import part_systems, read_instruments
from mission_control.extract.report import Report
from mission_control.mission import Mission
from mission_control.seedfile import slug


def read_text(text: str, source: str) -> Mission:
    """Read an article's text; never raises for odd text, it warns instead."""
    doc = parse_document(text, source)
    report = Report(doc.source)
    found = mission_name(doc)
    name = found or "Unnamed mission"
    if not found:
        report.warn(1, "no title line and no name in the first sentence")
    metadata = read_metadata(doc, name, report)
    instruments = read_instruments(doc)
    drafts = read_drafts(doc, name, dated_clauses(doc, name, report), report)
    events = make_events(drafts, slug(name))
    systems = part_systems(events, instruments)
    # An article with no dated event at all has one line saying so (loading.py), not this.
    if events and not any(e.kind == "launch" and not e.planned for e in events):
        report.warn(1, "no dated launch found; mission elapsed time cannot be counted")
    return Mission(
        id=slug(name),
        name=name,
        source=source,
        metadata=metadata,
        instruments=instruments,
        events=events,
        warnings=tuple(report.warnings),
        systems=systems,
    )
