"""The reader's third stage: dated clauses (and the infobox's dates) made into event drafts,
each with its kind, part, time, outcomes, quantities and the sentences that state it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from msgspec.structs import replace

from mission_control import units
from mission_control.extract import prefilter, vocabulary
from mission_control.extract.clause_read import ClauseRead
from mission_control.extract.clauses import DatedClause
from mission_control.extract.details import Details, place_details
from mission_control.extract.details import provenance as provenance_of
from mission_control.extract.document import Document, Sentence
from mission_control.extract.draft import Draft
from mission_control.extract.infobox import infobox_events
from mission_control.extract.joins import companion_parts
from mission_control.extract.kinds import assign_keywords, kind_of, plans, unplaced_keywords
from mission_control.extract.outcomes import stated_outcomes
from mission_control.extract.parts import default_part, named_parts
from mission_control.extract.quantities import find_quantities
from mission_control.extract.report import Report
from mission_control.extract.stamps import shared_back
from mission_control.extract.subjects import (
    OTHER_CRAFT,
    freed_part,
    subjects_at,
)
from mission_control.model import Precision, Provenance, Quantity, StatedTime


def read_drafts(
    doc: Document, name: str, clauses: Iterable[DatedClause], report: Report
) -> list[Draft]:
    """The drafts of the infobox's dated fields, then those of the clauses, in the text's
    order; a clause that names no event but adds an outcome or a quantity is added to an
    event of its paragraph. Quantities whose stated conversion is wrong are warned of."""
    drafting = _Drafting(doc, name, report, infobox_drafts(doc))
    sentence: Sentence | None = None
    for clause in clauses:
        if clause.sentence is not sentence:
            sentence = clause.sentence
            drafting.subjects.clear()
            drafting.companions.clear()
            provenance = provenance_of(doc, sentence)  # made once for all its clauses
            if sentence.paragraph != drafting.paragraph:
                drafting.flush_details()
                drafting.paragraph = sentence.paragraph
                drafting.subject = None
                drafting.unread.clear()
        drafting.begin(clause.text)
        if clause.dated:
            drafting.dated_clause(clause, provenance)
        else:
            drafting.undated_clause(clause, provenance)
        drafting.note_subject(sentence)
    drafting.flush_details()
    return drafting.drafts


def infobox_drafts(doc: Document) -> list[Draft]:
    """A draft of each event the infobox dates (see :func:`.infobox.infobox_events`)."""
    return [
        Draft(
            kind=found.kind,
            part=found.part,
            time=found.time,
            provenance=[found.provenance],
            outcomes=[],
            quantities=[],
            paragraph=0,
            order=-1,
            infobox=True,
            text=found.text,
            planned=found.planned,
        )
        for found in infobox_events(doc)
    ]


def _said(pattern: re.Pattern[str], words: tuple[str, ...], text: str, low: str | None) -> bool:
    """Whether ``pattern`` matches ``text``, tried only when its lowered form ``low`` holds
    one of ``words``."""
    return prefilter.has_any(low, words) and pattern.search(text) is not None


@dataclass
class _Drafting(ClauseRead):
    """What making the drafts of one article keeps from clause to clause."""

    doc: Document
    name: str
    report: Report
    drafts: list[Draft]
    pending: list[Details] = field(default_factory=list)
    subject: tuple[int, str, int] | None = None  # see ClauseRead
    unread: list[tuple[str, Sentence]] = field(default_factory=list)
    paragraph: int = 0  # the paragraph being read
    flushed: int = 0  # how many drafts were there when the pending details were last placed
    described: dict[Quantity, Quantity] = field(default_factory=dict)  # each with ``shown``
    defaults: dict[str, str | None] = field(default_factory=dict)  # default_part of each kind
    # The other parts each clause of the sentence read joins to its subject (kept for one
    # sentence, as ClauseRead.subjects is).
    companions: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    subjects: dict[str, str | None] = field(default_factory=dict)  # see ClauseRead

    def quantities(self, line: int) -> list[Quantity]:
        """The quantities the clause read states, each described for display; one the
        article stated before is described once (pint is slow to ask)."""
        found = []
        for quantity, _span in find_quantities(self.text, self.folded):
            described = self.described.get(quantity)
            if described is None:
                described = replace(quantity, shown=units.describe(quantity))
                self.described[quantity] = described
            if described.shown is not None and described.shown.warning:
                self.report.warn(line, described.shown.warning)
            found.append(described)
        return found

    def part_for(self, kind: str, day: datetime | None, at: Sentence, subject: str | None) -> str:
        """The part an event the clause read states concerns: the clause's subject
        (``subject``; for a carrier's separation, the part freed); else the last clause's
        subject, for "it" in the same paragraph ("no signal was received from it"); else the
        part the kind implies, if the article names one (:func:`~.parts.default_part`); else
        the last clause's subject in the same sentence ("the bus made two corrections; a
        third followed"); else that of the event just before on the same day; else the whole
        spacecraft."""
        if subject:
            return freed_part(kind, subject, self.without_name())
        if (self.subject or self.unread) and self.about_it():
            last = self.last()
            if last and last[0] == at.paragraph:
                return last[1]
        if kind in self.defaults:
            default = self.defaults[kind]
        else:
            default = self.defaults[kind] = default_part(kind, self.named_parts)
        if default:
            return default
        # A clause not read yet is of an earlier sentence, as are those before it.
        last = self.last() if not self.unread or self.unread[-1][1].start == at.start else None
        if last and last[2] == at.start:
            return last[1]
        if self.drafts and day is not None:
            prev = self.drafts[-1]
            if prev.time.start.date() == day.date() and not prev.infobox:
                return prev.part
        return "spacecraft"

    @cached_property
    def named_parts(self) -> tuple[str, ...]:
        """The parts the article names as its own (read once, on the first draft asking)."""
        return named_parts(self.doc, self.name)

    def dated_clause(self, clause: DatedClause, provenance: Provenance) -> None:
        """A draft of each moment the clause states an event at (its keyword's, or the
        event before's for "another followed"; a day with none is "other"), of the part the
        stretch of the clause around it is about; and of each event it names without a
        moment of its own (:meth:`unplaced`)."""
        sentence, text, stamps = clause.sentence, clause.text, clause.stamps
        keywords = clause.keywords
        if len(stamps) == 1 and not clause.unreal:
            placed = kinds = assign_keywords(text, (stamps[0].span,), keywords)
        else:
            # A date that is not real keeps the event word next to it from the other dates.
            spans = sorted([*(s.span for s in stamps), *clause.unreal])
            kind_at = dict(zip(spans, assign_keywords(text, spans, keywords), strict=True))
            kinds = shared_back(text, stamps, [kind_at[s.span] for s in stamps])
            placed = list(kind_at.values())
        # A time in a clause with a subject of its own is that subject's.
        if self.partless and "which" not in self.folded:  # no part, nor another craft's
            nears: list[str | None] = [None] * len(stamps)
        else:
            nears = subjects_at(text, [s.span[1] - 1 for s in stamps], self.subject_of, self.name)
        # Read once for the clause, however many moments it states.
        outcomes = stated_outcomes(text, self.folded)
        single = len(stamps) == 1
        before = 0  # where the stretch of text before this moment starts
        first = len(self.drafts)  # where this clause's drafts begin
        for stamp, keyword, near in zip(stamps, kinds, nears, strict=True):
            start, before = before, stamp.span[1]
            if near == OTHER_CRAFT:
                continue
            found: str | None
            if keyword is not None:
                found, planned = keyword.kind, keyword.planned
            else:
                found, planned = self.restated(text[start : stamp.span[0]], provenance)
            # A stated day with no event word is still a dated statement: "other" (an event
            # only if it states a failure, see make_events).
            kind = found or ("other" if stamp.time.precision >= Precision.DAY else None)
            if kind is None:
                continue
            # What went wrong happened to the actual event, not to the one that was due.
            self.add(
                Draft(
                    kind,
                    self.part_for(kind, stamp.time.start, sentence, near),
                    stamp.time,
                    [provenance],
                    [] if planned else list(outcomes),
                    self.quantities(sentence.line) if single else [],
                    sentence.paragraph,
                    clause.order,
                    circa=stamp.circa,
                    window=stamp.window,
                    text=text,
                    planned=planned,
                )
            )
        if len(keywords) == 1 and len(placed) == 1 and placed[0] is not None:
            return  # its one keyword is placed
        if keywords:
            # Each keyword placed is the clause's: with as many placed as it has, none is left.
            used = {id(keyword) for keyword in placed if keyword is not None}
            if len(used) < len(keywords):
                self.unplaced(clause, used, {d.kind for d in self.drafts[first:]}, provenance)

    def restated(self, stretch: str, provenance: Provenance) -> tuple[str | None, bool]:
        """The kind of the event a stretch of a clause with no event word states again ("a
        third followed on", "another was scheduled for", "it took place on"), and whether it
        was only due."""
        low = prefilter.folded(stretch)
        if _said(vocabulary.ANAPHOR, vocabulary.ANAPHOR_WORDS, stretch, low):
            found = self.antecedent(provenance.span)
            return found, found is not None and plans(stretch)
        if _said(vocabulary.TOOK_PLACE, vocabulary.TOOK_PLACE_WORDS, stretch, low):
            return self.antecedent(provenance.span), False
        return None, False

    def unplaced(
        self, clause: DatedClause, used: set[int], dated: set[str], provenance: Provenance
    ) -> None:
        """A draft of each event a dated clause names without a moment of its own, on the
        day of the timed moment before it (:func:`.kinds.unplaced_keywords`), of the part its
        stretch of the clause is about; a kind the clause dated already adds nothing."""
        stamps = [s for s in clause.stamps if s.time.precision >= Precision.DAY]
        moments = [(s.span[0], s.time.has_time_of_day) for s in stamps]
        text, sentence = clause.text, clause.sentence
        found = unplaced_keywords(text, clause.keywords, moments, used)
        if not found:
            return
        nears = subjects_at(text, [kw.start for kw, _ in found], self.subject_of, self.name)
        for (keyword, k), near in zip(found, nears, strict=True):
            if keyword.kind in dated:
                continue
            dated.add(keyword.kind)
            day = stamps[k].time.start.replace(hour=0, minute=0, second=0, microsecond=0)
            if near == OTHER_CRAFT:
                continue
            self.add(
                Draft(
                    kind=keyword.kind,
                    part=self.part_for(keyword.kind, day, sentence, near),
                    time=StatedTime(day, Precision.DAY),
                    provenance=[provenance],
                    outcomes=[],
                    quantities=[],
                    paragraph=sentence.paragraph,
                    order=clause.order,
                    text=text,
                )
            )

    def antecedent(self, sentence: tuple[int, int]) -> str | None:
        """The kind of the last event the sentence at ``sentence`` stated, which "a third
        followed on" or "another was scheduled for" counts one more of."""
        prev = self.drafts[-1] if self.drafts else None
        if prev is None or prev.infobox or prev.kind == "other":
            return None
        return prev.kind if prev.provenance[0].span == sentence else None

    def add(self, draft: Draft) -> None:
        """Add a draft of the clause read, and before it a draft of the same event for each
        other part the clause joins to the subject ("flew past along with the coast stage"):
        the same kind, time and sentence, without the outcomes and quantities, which the text
        states of the subject. Each event keeps one part, so the status rules and phases read
        it as they read any other; the subject's draft stays last, so the clause after it
        that names no part is still taken to be about the subject."""
        if self.partless or draft.part == "spacecraft":  # joins no part to another
            self.drafts.append(draft)
            return
        key = (draft.text, draft.part)
        companions = self.companions.get(key)
        if companions is None:
            companions = self.companions[key] = companion_parts(self.without_name(), draft.part)
        for part in companions:
            if part == "spacecraft":
                continue
            self.drafts.append(draft.of_part(part))
        self.drafts.append(draft)

    def undated_clause(self, clause: DatedClause, provenance: Provenance) -> None:
        """A clause that states no date: an event of the day the text last stated (in the
        same section), or details (an outcome, a quantity) of an event near it."""
        sentence, text, order = clause.sentence, clause.text, clause.order
        kind = kind_of(clause.keywords) if clause.keywords else None
        if kind is None:
            outcomes = stated_outcomes(text, self.folded)
            quantities = self.quantities(sentence.line)
            if outcomes or quantities:
                self.pending.append((sentence, order, outcomes, quantities))
            return
        if clause.day is None:
            return
        outcomes = stated_outcomes(text, self.folded)
        quantities = self.quantities(sentence.line)
        prev = self.drafts[-1] if self.drafts else None
        part = self.part_for(kind, clause.day, sentence, self.subject_of(text))
        if (
            prev is not None
            and prev.kind == kind
            and not prev.planned
            and prev.part == part
            and prev.paragraph == sentence.paragraph
            and not (prev.outcomes and not outcomes)
        ):
            prev.add_provenance([provenance])
            prev.outcomes.extend(o for o in outcomes if o not in prev.outcomes)
            prev.quantities.extend(quantities)
            return
        self.add(
            Draft(
                kind=kind,
                part=part,
                time=StatedTime(clause.day, Precision.DAY),
                provenance=[provenance],
                outcomes=outcomes,
                quantities=quantities,
                paragraph=sentence.paragraph,
                order=order,
                inherited=True,
                recovery=prev is not None
                and prev.kind == kind
                and not prev.planned
                and bool(prev.outcomes)
                and not outcomes,
                text=text,
            )
        )

    def flush_details(self) -> None:
        """Attach the undated clauses that add an outcome or a quantity but name no event
        kind to an event of their paragraph (:func:`.details.place_details`)."""
        # The paragraph's drafts were added since the last flush, in the text's order.
        if self.pending:
            same = [
                d
                for d in self.drafts[self.flushed :]
                if d.paragraph == self.paragraph and not d.infobox
            ]
            place_details(self.doc, same, self.pending)
            self.pending.clear()
        self.flushed = len(self.drafts)
