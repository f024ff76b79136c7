"""The reader's last stage: event drafts made into the mission's events. Statements of one
event are merged, and undated events between two timed ones are placed between them."""

from __future__ import annotations

import bisect
import re
from datetime import datetime

from mission_control.extract.draft import Draft
from mission_control.model import PARTS, Event, Precision

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
    "deactivation": "Deactivated",
    "decay": "Orbit decayed",
}


def _summary(draft: Draft, shortened: dict[str, str]) -> str:
    """An event's one-line summary; ``shortened`` keeps the clauses already shortened (many
    events of one long clause share it)."""
    label = _LABELS.get(draft.kind)
    if label is None:
        if draft.text not in shortened:
            text = re.sub(r"\s+", " ", draft.text).strip()
            shortened[draft.text] = text if len(text) <= 72 else text[:71].rstrip() + "…"
        return shortened[draft.text]
    if draft.part != "spacecraft":
        label = f"{label} ({draft.part})"
    if draft.recovery:
        label += ", after the earlier failure"
    if draft.planned:
        label += ", planned"
    if draft.outcomes:
        label += ": " + "; ".join(draft.outcomes)
    return label


class _Earliest:
    """The positions in the text of drafts sorted by start, each present or not: the earliest
    present one among those starting in a stretch of time, by a tree of minima (log n to
    ask, log n to change)."""

    def __init__(self, entries: list[tuple[datetime, int, bool]], absent: int) -> None:
        entries.sort(key=lambda e: (e[0], e[1]))
        self.starts = [e[0] for e in entries]
        self.slot = {position: i for i, (_, position, _) in enumerate(entries)}
        self.absent = absent
        n = self.n = len(entries)
        self.tree = [absent] * n + [position if on else absent for _, position, on in entries]
        for i in range(n - 1, 0, -1):
            self.tree[i] = min(self.tree[2 * i], self.tree[2 * i + 1])

    def set(self, position: int, present: bool) -> None:
        i = self.slot[position] + self.n
        self.tree[i] = position if present else self.absent
        while i > 1:
            i //= 2
            self.tree[i] = min(self.tree[2 * i], self.tree[2 * i + 1])

    def first(self, start: datetime, end: datetime) -> int:
        """The earliest position starting in ``[start, end)``, or ``absent``."""
        lo = bisect.bisect_left(self.starts, start) + self.n
        hi = bisect.bisect_left(self.starts, end) + self.n
        best = self.absent
        while lo < hi:
            if lo & 1:
                best = min(best, self.tree[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                best = min(best, self.tree[hi])
            lo //= 2
            hi //= 2
        return best


_Key = tuple[str, Precision, bool, str]  # kind (planned or not), precision, infobox, part


def _kind(draft: Draft) -> str:
    """The kind a draft merges by: a planned event never merges with the happening."""
    return f"{draft.kind} (planned)" if draft.planned else draft.kind


# A statement of one kind that restates an event of another: the last contact with a craft
# is when contact with it was lost ("Last contact: 30 May 1984" in an infobox, "kept contact
# until 30 May 1984" in the prose).
_RESTATES: dict[str, str] = {"last-contact": "loss-of-contact"}


class _Finer:
    """For a draft, the first draft in the text that states the same event finer: the same
    kind (and planned or not), a compatible part (the same, or one of them the whole
    spacecraft), starting within
    the draft's time, neither a recovery, and either of a finer precision or, at the same
    precision, earlier in the text (the prose before the infobox).

    Drafts are grouped by kind, precision, source and part, so a draft asks a few groups,
    not every draft. An infobox draft's part may change as prose is merged into it, so each
    infobox draft is in the group of every part, present in the one of its current part."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts = drafts
        self.position = {id(d): i for i, d in enumerate(drafts)}
        parts = {*PARTS, *(d.part for d in drafts)}
        entries: dict[_Key, list[tuple[datetime, int, bool]]] = {}
        for i, d in enumerate(drafts):
            if d.recovery:
                continue
            for part in parts if d.infobox else (d.part,):
                key = (_kind(d), d.time.precision, d.infobox, part)
                entries.setdefault(key, []).append((d.time.start, i, part == d.part))
        self.groups: dict[str, list[tuple[_Key, _Earliest]]] = {}
        for key, group in entries.items():
            self.groups.setdefault(key[0], []).append((key, _Earliest(group, len(drafts))))

    def of(self, draft: Draft) -> Draft | None:
        if draft.recovery:
            return None
        here = self.position[id(draft)]
        best = len(self.drafts)
        own = _kind(draft)
        groups = self.groups.get(own, [])
        restated = None if draft.planned else _RESTATES.get(draft.kind)
        if restated is not None:
            groups = [*groups, *self.groups.get(restated, [])]
        time, draft_part, draft_infobox = draft.time, draft.part, draft.infobox
        stated = time.precision
        start, end = time.start, time.end
        for (kind, precision, infobox, part), group in groups:
            if precision < stated:
                continue
            if not (part in (draft_part, "spacecraft") or draft_part == "spacecraft"):
                continue
            found = group.first(start, end)
            if found >= best:
                continue
            if kind == own and precision == stated and (infobox, found) >= (draft_infobox, here):
                continue  # at equal precision only a prose, then an earlier, statement wins
            best = found
        return self.drafts[best] if best < len(self.drafts) else None

    def repart(self, draft: Draft, part: str) -> None:
        """Give an infobox draft another part."""
        position = self.position[id(draft)]
        for (_, precision, infobox, group_part), group in self.groups[_kind(draft)]:
            if infobox and precision == draft.time.precision and group_part in (draft.part, part):
                group.set(position, group_part == part)
        draft.part = part


def make_events(drafts: list[Draft], mission_id: str) -> tuple[Event, ...]:
    """The events of ``drafts`` in time order, indexed from 0. A draft that a finer (or, at
    equal precision, an earlier or prose) draft of the same event states too is merged into
    it; the merge adds to the drafts it keeps, which are changed in place. A dated statement
    that names no kind of event (pictures taken, a press conference) is no event, unless it
    states what went wrong."""
    drafts = [d for d in drafts if d.kind != "other" or d.outcomes]
    # A coarser statement of an event that a finer one states too is the same event.
    keep: list[Draft] = []
    finer = _Finer(drafts)
    for draft in drafts:
        target = None if draft.inherited else finer.of(draft)
        if target is not None:
            if draft.time.precision == target.time.precision or target.infobox:
                target.add_provenance(draft.provenance)
            if target.infobox and target.part == "spacecraft":
                finer.repart(target, draft.part)
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
    shortened: dict[str, str] = {}
    for index, (at, _order, draft) in enumerate(placed):
        events.append(
            Event(
                mission_id=mission_id,
                index=index,
                kind=draft.kind,
                part=draft.part,
                time=draft.time,
                at=at,
                summary=_summary(draft, shortened),
                provenance=tuple(draft.provenance),
                outcome="; ".join(draft.outcomes) or None,
                quantities=tuple(draft.quantities),
                approximate=draft.window is not None or draft.circa,
                window=draft.window,
                planned=draft.planned,
            )
        )
    return tuple(events)
