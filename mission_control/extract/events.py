"""The reader's last stage: event drafts made into the mission's events. Statements of one
event are merged, and undated events between two timed ones are placed between them."""

from __future__ import annotations

import bisect
import re
from datetime import datetime

from mission_control.extract.drafts import Draft
from mission_control.model import Event

_LABELS: dict[str, str] = {
    "launch": "Launch",
    "course-correction": "Course correction",
    "orbit-insertion": "Orbit insertion",
    "separation": "Separation",
    "atmospheric-entry": "Atmospheric entry",
    "parachute": "Parachute deployed",
    "retro-fire": "Retro-rockets fired",
    "landing": "Landing",
    "loss-of-contact": "Contact lost",
    "flyby": "Flyby",
    "last-contact": "Last contact",
}


def _summary(draft: Draft) -> str:
    label = _LABELS.get(draft.kind)
    if label is None:
        text = re.sub(r"\s+", " ", draft.text).strip()
        return text if len(text) <= 72 else text[:71].rstrip() + "…"
    if draft.part != "spacecraft":
        label = f"{label} ({draft.part})"
    if draft.recovery:
        label += ", after the earlier failure"
    if draft.outcomes:
        label += ": " + "; ".join(draft.outcomes)
    return label


def _compatible(a: Draft, b: Draft) -> bool:
    return a.kind == b.kind and (a.part == b.part or "spacecraft" in (a.part, b.part))


def make_events(drafts: list[Draft], mission_id: str) -> tuple[Event, ...]:
    """The events of ``drafts`` in time order, indexed from 0. A draft that a finer (or, at
    equal precision, an earlier or prose) draft of the same event states too is merged into
    it; the merge adds to the drafts it keeps, which are changed in place."""
    # A coarser statement of an event that a finer one states too is the same event.
    keep: list[Draft] = []
    position = {id(d): i for i, d in enumerate(drafts)}
    by_kind: dict[str, list[Draft]] = {}
    for draft in drafts:
        by_kind.setdefault(draft.kind, []).append(draft)
    starts: dict[str, list[datetime]] = {}
    for kind, group in by_kind.items():
        group.sort(key=lambda d: d.time.start)
        starts[kind] = [d.time.start for d in group]
    for draft in drafts:
        # At equal precision the prose statement is kept over the infobox's (it names the
        # part, the outcome and the quantities), and an earlier one over a later one.
        group = by_kind[draft.kind]
        lo = bisect.bisect_left(starts[draft.kind], draft.time.start)
        hi = bisect.bisect_left(starts[draft.kind], draft.time.end)
        rank = (draft.infobox, position[id(draft)])
        finer = sorted(
            (
                o
                for o in group[lo:hi]
                if o is not draft
                and _compatible(o, draft)
                and not o.recovery
                and not draft.recovery
                and (
                    o.time.precision > draft.time.precision
                    or (
                        o.time.precision == draft.time.precision
                        and (o.infobox, position[id(o)]) < rank
                    )
                )
            ),
            key=lambda o: position[id(o)],
        )
        if finer and not draft.inherited:
            target = finer[0]
            if draft.time.precision == target.time.precision or target.infobox:
                target.provenance.extend(p for p in draft.provenance if p not in target.provenance)
            if target.infobox and target.part == "spacecraft":
                target.part = draft.part
            continue
        keep.append(draft)
    body = sorted((d for d in keep if not d.infobox), key=lambda d: d.order)
    # Undated events between two timed events of the same day are ordered, not timed: each
    # gets the window between them, and a place in it that keeps the text's order.
    share: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(body):
        if not body[i].inherited:
            i += 1
            continue
        j = i
        while j < len(body) and body[j].inherited:
            j += 1
        prev = body[i - 1] if i > 0 else None
        nxt = body[j] if j < len(body) else None
        run = body[i:j]
        if (
            prev is not None
            and nxt is not None
            and prev.time.has_time_of_day
            and nxt.time.has_time_of_day
            and prev.time.start < nxt.time.start
            and all(
                prev.time.start.date() == d.time.start.date() == nxt.time.start.date() for d in run
            )
        ):
            for k, draft in enumerate(run):
                draft.window = (prev.time.start, nxt.time.start)
                share[id(draft)] = (k + 1, len(run) + 1)
        i = j
    placed: list[tuple[datetime, int, Draft]] = []
    floor: datetime | None = None
    for draft in body:
        if draft.window is not None:
            k, n = share.get(id(draft), (1, 2))
            at = draft.window[0] + (draft.window[1] - draft.window[0]) * k / n
        else:
            at = draft.time.start
            if draft.inherited and floor is not None and floor.date() == at.date():
                at = max(at, floor)
        floor = at if floor is None else max(floor, at)
        placed.append((at, draft.order, draft))
    placed.extend((d.time.start, 10**9 + i, d) for i, d in enumerate(keep) if d.infobox)
    placed.sort(key=lambda p: (p[0], p[1]))
    events = []
    for index, (at, _order, draft) in enumerate(placed):
        events.append(
            Event(
                mission_id=mission_id,
                index=index,
                kind=draft.kind,
                part=draft.part,
                time=draft.time,
                at=at,
                summary=_summary(draft),
                provenance=tuple(draft.provenance),
                outcome="; ".join(draft.outcomes) or None,
                quantities=tuple(draft.quantities),
                approximate=draft.window is not None or draft.circa,
                window=draft.window,
            )
        )
    return tuple(events)
