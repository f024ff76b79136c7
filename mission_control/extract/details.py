"""Details a clause states without naming an event (an outcome, a quantity), placed on an
event of its paragraph once the paragraph's drafts are all made."""

from __future__ import annotations

import bisect

from mission_control.extract.document import Document, Sentence
from mission_control.extract.draft import Draft
from mission_control.model import Provenance, Quantity

# A clause's details: its sentence, its order in the text, its outcomes and quantities.
Details = tuple[Sentence, int, list[str], list[Quantity]]


def provenance(doc: Document, sentence: Sentence) -> Provenance:
    """The sentence exactly as the file has it between its offsets."""
    return Provenance(doc.source, sentence.raw, (sentence.start, sentence.end), sentence.line)


def place_details(doc: Document, drafts: list[Draft], pending: list[Details]) -> None:
    """Attach each of ``pending`` to an event of ``drafts`` (those of its paragraph, in the
    text's order): one its own sentence states, else the next one stated with a time, else
    the last one before it."""
    orders = [d.order for d in drafts]
    # next_timed[i]: the first draft from i on that states a time of day.
    next_timed: list[Draft | None] = [None] * (len(drafts) + 1)
    for i in range(len(drafts) - 1, -1, -1):
        next_timed[i] = drafts[i] if drafts[i].time.has_time_of_day else next_timed[i + 1]
    for sentence, order, outcomes, quantities in pending:
        first_own = bisect.bisect_left(orders, order)
        after_own = bisect.bisect_right(orders, order)
        target: Draft | None = drafts[after_own - 1] if after_own > first_own else None
        if target is None:
            target = next_timed[after_own] or (drafts[first_own - 1] if first_own else None)
        if target is None:
            continue
        target.add_provenance([provenance(doc, sentence)])
        target.outcomes.extend(o for o in outcomes if o not in target.outcomes)
        target.quantities.extend(quantities)
