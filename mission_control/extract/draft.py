"""An event draft: an event as one statement gives it, before the statements of one event
are merged (:mod:`.drafts` makes them, :mod:`.events` merges them)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import msgspec

from mission_control.model import Provenance, Quantity, StatedTime


class Draft(msgspec.Struct, gc=False):
    """An event as one statement gives it, before statements of one event are merged.

    ``inherited`` marks a time taken from the day stated before (the clause gives none),
    ``recovery`` an event after an earlier failure of its kind, ``infobox`` a draft of an
    infobox field, ``planned`` an event the text says was due, not that it happened.

    A Struct rather than a dataclass: an article makes drafts by the thousand, and a Struct
    is made in C for a quarter of what a dataclass's generated ``__init__`` costs. Not
    tracked by the garbage collector (``gc=False``): nothing a draft holds can hold it, so
    it is in no cycle, and the collector need not walk the thousands an article keeps."""

    kind: str
    part: str
    time: StatedTime
    provenance: list[Provenance]
    outcomes: list[str]
    quantities: list[Quantity]
    paragraph: int
    order: int
    inherited: bool = False
    circa: bool = False
    window: tuple[datetime, datetime] | None = None
    recovery: bool = False
    infobox: bool = False
    text: str = ""
    planned: bool = False
    _spans: set[tuple[int, int]] | None = None  # of ``provenance``, once one is added

    def add_provenance(self, provenance: Iterable[Provenance]) -> None:
        """Add the sentences not stated already (a set of their spans keeps this constant
        time, however many statements one event gathers)."""
        spans = self._spans
        if spans is None or len(spans) != len(self.provenance):
            spans = self._spans = {p.span for p in self.provenance}
        for p in provenance:
            if p.span not in spans:
                spans.add(p.span)
                self.provenance.append(p)

    def of_part(self, part: str) -> Draft:
        """The same event told of another part its clause joins to its subject's ("flew past
        along with the coast stage"): the same kind, time and sentence, without the outcomes
        and quantities, which the text states of the subject."""
        return Draft(
            kind=self.kind,
            part=part,
            time=self.time,
            provenance=list(self.provenance),
            outcomes=[],
            quantities=[],
            paragraph=self.paragraph,
            order=self.order,
            inherited=self.inherited,
            circa=self.circa,
            window=self.window,
            text=self.text,
            planned=self.planned,
        )
