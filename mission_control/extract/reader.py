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

from collections.abc import Iterator

from mission_control import collector
from mission_control.extract.clauses import DatedClause, dated_clauses
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
    # The collector held off: a reading makes hundreds of thousands of objects that live
    # until it ends (a twentieth of a long article's reading went to walking them).
    with collector.paused(freeze=False):
        return _read(text, source)


def _read(text: str, source: str) -> Mission:
    doc = parse_document(text, source)
    report = Report(doc.source)
    found = mission_name(doc)
    name = found or "Unnamed mission"
    if not found:
        report.warn(1, "no title line and no name in the first sentence")
    metadata = read_metadata(doc, name, report)
    instruments = read_instruments(doc)
    # All the clauses are made before any draft: a stage run to its end is quicker than two
    # run by turns, clause by clause.
    clauses = list(dated_clauses(doc, name, report))
    drafts = read_drafts(doc, name, _placed(clauses, report), report)
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


def _placed(clauses: list[DatedClause], report: Report) -> Iterator[DatedClause]:
    """The clauses in order, each telling ``report`` that what is warned of until the next
    is its drafting's: after its own reading's warnings, before the next clause's."""
    for i, clause in enumerate(clauses):
        report.at((i, 1))
        yield clause
    report.at((len(clauses), 1))
