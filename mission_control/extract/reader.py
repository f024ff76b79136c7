"""Read an article into a Mission: metadata, instruments and the dated events it states.

Nothing is invented: a time is kept at the precision the text gives it, an event the text
only orders between two timed events is marked approximate, and a field the text garbles is
reported as missing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from mission_control import units
from mission_control.extract import rules
from mission_control.extract.dates import (
    DateMention,
    TimeMention,
    combine,
    find_dates,
    find_times,
    window_end,
)
from mission_control.extract.document import Document, InfoboxField, Sentence, parse_document
from mission_control.model import Event, Mission, Precision, Provenance, Quantity, StatedTime


class SeedError(Exception):
    """A source document that cannot be read at all; the message names the file and why."""


@dataclass
class _Context:
    """The last date the text stated, which a later bare time or undated sentence takes."""

    moment: datetime | None = None
    precision: Precision | None = None


@dataclass
class _Draft:
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
    detail_only: bool = False
    infobox: bool = False
    text: str = ""


@dataclass
class _Reader:
    doc: Document
    name: str
    warnings: list[str] = field(default_factory=list)
    drafts: list[_Draft] = field(default_factory=list)
    context: _Context = field(default_factory=_Context)
    pending: list[tuple[Sentence, list[str], list[Quantity]]] = field(default_factory=list)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"{self.doc.source}:{line}: {message}")


def load_text(path: Path) -> str:
    """The text of a seed file, or SeedError naming the file and what is wrong with it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SeedError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SeedError(f"{path}: is a directory, not a text file") from None
    except OSError as exc:
        raise SeedError(f"{path}: cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise SeedError(f"{path}: is empty")
    if b"\x00" in data:
        raise SeedError(f"{path}: is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SeedError(
            f"{path}: is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def read_mission(path: Path, source: str | None = None) -> Mission:
    """Read one article from a file; ``source`` is the name shown for it (default: the path)."""
    return read_text(load_text(path), source or str(path))


def slug(name: str) -> str:
    """``Mars 6`` -> ``mars6``: the id by which a mission is named on the command line."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", folded.lower()) or "mission"


def read_text(text: str, source: str) -> Mission:
    """Read an article's text; never raises for odd text, it warns instead."""
    text = text.replace("\r\n", "\n").replace("\u00a0", " ") if "\r" in text else text
    doc = parse_document(text, source)
    name = _mission_name(doc)
    reader = _Reader(doc, name or "Unnamed mission")
    if not name:
        reader.warn(1, "no title line and no name in the first sentence")
    metadata = _metadata(reader)
    instruments = _instruments(doc)
    _read_infobox_events(reader)
    _read_events(reader)
    events = _finish(reader, slug(reader.name))
    systems = _systems(events, instruments)
    if not any(e.kind == "launch" for e in events):
        reader.warn(1, "no dated launch found; mission elapsed time cannot be counted")
    return Mission(
        id=slug(reader.name),
        name=reader.name,
        source=source,
        metadata=metadata,
        instruments=instruments,
        events=events,
        warnings=tuple(reader.warnings),
        systems=systems,
    )


# --- name and metadata -------------------------------------------------------------------

_NAME_RE = re.compile(
    r"^\s*(?:The\s+)?((?:[A-Z][\w'-]*|\d+[A-Z]?)(?:\s+(?:[A-Z][\w'-]*|\d+[A-Z]?))*)"
    r"(?=\s*\(|\s*,|\s+(?:was|is|were|are|also)\b)"
)


def _mission_name(doc: Document) -> str | None:
    if doc.title:
        return doc.title
    if doc.sentences:
        match = _NAME_RE.match(doc.sentences[0].text)
        if match:
            return match.group(1).strip()
    return None


def _garbled(key: str, value: str) -> bool:
    """A blank or broken infobox value: punctuation only, a bare time zone, a word fragment."""
    core = re.sub(r"[\s,;:.\-–—/|()]+", "", value)
    if not core:
        return True
    if re.fullmatch(r"(?:UTC|UT|GMT|Z|TBD|N/?A|unknown|none)", value.strip(" ,;."), re.I):
        return True
    if re.fullmatch(r"[a-z]+", value.strip()) and key.lower() not in ("mission type",):
        return True
    if key.lower() in rules.INFOBOX_EVENTS:
        dates, _ = find_dates(value)
        return not dates or dates[0].year is None
    return False


def _metadata(reader: _Reader) -> dict[str, str | None]:
    doc = reader.doc
    found: dict[str, str | None] = {f: None for f in rules.METADATA_FIELDS}
    extra: dict[str, str | None] = {}
    for item in doc.infobox:
        key = item.key.lower()
        target = next((f for f, keys in rules.INFOBOX_KEYS.items() if key in keys), None)
        if _garbled(item.key, item.value):
            reader.warn(
                item.line,
                f"infobox field '{item.key}' is blank or garbled ({item.value!r}): left out",
            )
            if target:
                extra.setdefault(target, None)
            continue
        if target and target in found:
            found[target] = item.value
        elif target:
            extra[target] = item.value
    for sentence in doc.sentences:
        if _about_other_craft(sentence.text, reader.name):
            continue
        for name, pattern in rules.PROSE_METADATA:
            if found.get(name) is not None:
                continue
            match = pattern.search(sentence.text)
            if match:
                value = match.group(1).strip().rstrip(".,;")
                if name == "launch_vehicle" and match.lastindex and match.group(2):
                    value = f"{value} with {match.group(2)} upper stage"
                found[name] = value
    return {"name": reader.name, **found, **extra}


# --- instruments ------------------------------------------------------------------------


def _part_of_subject(text: str) -> str | None:
    """The part a sentence is about: the first part noun not governed by a preposition."""
    best: tuple[int, str] | None = None
    for part, pattern in rules.PART_WORDS:
        for match in pattern.finditer(text):
            before = text[: match.start()].split()[-2:]
            if any(w.lower() in _PREPOSITIONS for w in before[-2:-1] + before[-1:]) and not (
                before and before[-1].lower().endswith("'s")
            ):
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), part)
            break
    return best[1] if best else None


_PREPOSITIONS = frozenset(
    ["from", "with", "by", "of", "to", "into", "aboard", "on", "in", "onto", "along"]
)


def _instruments(doc: Document) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for sentence in doc.sentences:
        verb = rules.CARRIED.search(sentence.text)
        if not verb:
            continue
        part = _part_of_subject(sentence.text[: verb.start()])
        if part is None:
            continue
        items = _list_items(sentence.text[verb.end() :])
        for item in items:
            if item not in out.setdefault(part, []):
                out[part].append(item)
    return {part: tuple(items) for part, items in out.items() if items}


_PURPOSE_RE = re.compile(r"\s+(?:to|for|that|which|in\s+order\s+to)\s+.*$", re.I)


def _list_items(text: str) -> list[str]:
    """Instrument names from a list such as ``a thermometer and barometer to determine ..., and
    instruments ... including a mass spectrometer``."""
    text = re.split(r"[.;]", text, maxsplit=1)[0]
    text = re.sub(r"\bincluding\b", ",", text, flags=re.I)
    chunks = [c.strip() for c in re.split(r",", text) if c.strip()]
    items: list[str] = []
    for raw in chunks:
        chunk = re.sub(r"^(?:and|or)\s+", "", raw, flags=re.I)
        study = re.match(
            r"^(?:an?\s+|the\s+)?instruments?\s+to\s+(?:study|measure|detect|record)\s+(.+?)"
            r"(?:\s+(?:from|of|in|on|at)\s+.*)?$",
            chunk,
            re.I,
        )
        if study:
            subject = study.group(1)
            words = subject.split()
            words[-1] = _singular(words[-1])
            items.append(f"{' '.join(words)} instrument")
            continue
        chunk = re.sub(
            r"^(?:an?|the|two|three|several)\s+", "", _PURPOSE_RE.sub("", chunk), flags=re.I
        )
        if not chunk or (
            re.fullmatch(r"(?:array\s+of\s+)?instruments?|\w+", chunk, re.I)
            and (chunk.lower().startswith(("instrument", "array")))
        ):
            continue
        parts = [p.strip() for p in re.split(r"\s+and\s+", chunk) if p.strip()]
        parts = [re.sub(r"^(?:an?|the)\s+", "", p, flags=re.I) for p in parts]
        if len(parts) > 1:
            head = parts[-1].split()[-1]
            for i, piece in enumerate(parts[:-1]):
                if not rules.INSTRUMENT_HEAD.search(piece.split()[-1]) and len(head) > 1:
                    parts[i] = f"{piece} {head}"
        items.extend(p for p in parts if not p.lower().startswith(("instrument", "array")))
    return [i for i in items if len(i) > 2]


def _singular(word: str) -> str:
    if word.endswith("xes"):
        return word[:-2]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# --- events -----------------------------------------------------------------------------


def _about_other_craft(text: str, own: str) -> bool:
    """True when the first spacecraft a sentence names is not the article's own."""
    own_re = re.compile(re.escape(own), re.I) if own else None
    first_other = next(
        (m for m in rules.CRAFT_NAME.finditer(text) if m.group(0).lower() != own.lower()), None
    )
    if first_other is None:
        return False
    own_match = own_re.search(text) if own_re else None
    self_match = rules.GENERIC_SELF.search(text)
    part_match = next((m for _, p in rules.PART_WORDS if (m := p.search(text))), None)
    first_own = min(
        (m.start() for m in (own_match, self_match, part_match) if m is not None), default=None
    )
    return first_own is None or first_other.start() < first_own


def _kind_of(text: str) -> str | None:
    stripped = rules.HYPOTHETICAL.sub(" ", text)
    for kind, pattern in rules.KIND_PATTERNS:
        if pattern.search(stripped):
            return kind
    return None


def _kind_near(text: str, span: tuple[int, int]) -> str | None:
    """The kind whose keyword stands nearest a date in a sentence that states several."""
    stripped = rules.HYPOTHETICAL.sub(lambda m: " " * len(m.group(0)), text)
    best: tuple[int, int, str] | None = None
    for rank, (kind, pattern) in enumerate(rules.KIND_PATTERNS):
        for match in pattern.finditer(stripped):
            distance = span[0] - match.end() if match.end() <= span[0] else match.start() - span[1]
            key = (max(distance, 0) + (0 if match.end() <= span[0] else 1), rank, kind)
            if best is None or key < best:
                best = key
    return best[2] if best else None


def _outcomes(text: str) -> list[str]:
    return [tag for tag, pattern in rules.OUTCOME_PATTERNS if pattern.search(text)]


def _quantities(reader: _Reader, sentence: Sentence) -> list[Quantity]:
    found = []
    for quantity, _span in units.find_quantities(sentence.text):
        problem = units.check_conversion(quantity)
        if problem:
            reader.warn(sentence.line, problem)
        found.append(quantity)
    return found


def _provenance(doc: Document, sentence: Sentence) -> Provenance:
    return Provenance(doc.source, sentence.text, (sentence.start, sentence.end), sentence.line)


def _part_for(text: str, kind: str, reader: _Reader, day: datetime | None) -> str:
    part = _part_of_subject(text)
    if part:
        return part
    if kind in rules.KIND_DEFAULT_PART:
        return rules.KIND_DEFAULT_PART[kind]
    if reader.drafts and day is not None:
        prev = reader.drafts[-1]
        if prev.time.start.date() == day.date() and not prev.infobox:
            return prev.part
    return "spacecraft"


def _date_of(mention: DateMention, context: _Context) -> datetime | None:
    year = mention.year
    if year is None and context.moment is not None:
        year = context.moment.year
    if year is None:
        return None
    return datetime(year, mention.month or 1, mention.day or 1, tzinfo=UTC)


def _read_infobox_events(reader: _Reader) -> None:
    for item in reader.doc.infobox:
        kind = rules.INFOBOX_EVENTS.get(item.key.lower())
        if kind is None or _garbled(item.key, item.value):
            continue
        dates, _ = find_dates(item.value)
        times = find_times(item.value)
        mention = dates[0]
        day = _date_of(mention, _Context())
        if day is None:
            continue
        if times:
            start, precision = combine(day, times[0])
        else:
            start, precision = day, mention.precision
        reader.drafts.append(
            _Draft(
                kind=kind,
                part="spacecraft",
                time=StatedTime(start, precision),
                provenance=[_infobox_provenance(reader.doc, item)],
                outcomes=[],
                quantities=[],
                paragraph=0,
                order=-1,
                infobox=True,
                text=f"{item.key}: {item.value}",
            )
        )


def _infobox_provenance(doc: Document, item: InfoboxField) -> Provenance:
    line_start = doc.text.rfind("\n", 0, item.start) + 1
    line_end = doc.text.find("\n", item.start)
    line_end = len(doc.text) if line_end < 0 else line_end
    return Provenance(
        doc.source, doc.text[line_start:line_end].strip(), (line_start, line_end), item.line
    )


def _read_events(reader: _Reader) -> None:
    doc = reader.doc
    last_paragraph = 0
    for order, sentence in enumerate(doc.sentences):
        if sentence.paragraph != last_paragraph:
            _flush_details(reader)
            last_paragraph = sentence.paragraph
        if _about_other_craft(sentence.text, reader.name):
            continue
        dates, problems = find_dates(sentence.text)
        for problem in problems:
            reader.warn(sentence.line, problem)
        times = find_times(sentence.text)
        if dates or times:
            _dated_sentence(reader, sentence, order, dates, times)
        else:
            _undated_sentence(reader, sentence, order)
    _flush_details(reader)


def _stamps(
    reader: _Reader, sentence: Sentence, dates: list[DateMention], times: list[TimeMention]
) -> list[tuple[StatedTime, tuple[int, int], TimeMention | None]]:
    """Each stated moment of a sentence: a time joined to its date, or a date alone."""
    stamps: list[tuple[StatedTime, tuple[int, int], TimeMention | None]] = []
    used: set[int] = set()
    for time in times:
        nearest = min(
            (d for d in dates),
            key=lambda d: min(abs(d.start - time.end), abs(time.start - d.end)),
            default=None,
        )
        if nearest is not None and nearest.precision is Precision.DAY:
            day = _date_of(nearest, reader.context)
            used.add(id(nearest))
            span = (min(nearest.start, time.start), max(nearest.end, time.end))
        elif reader.context.precision is not None and reader.context.precision >= Precision.DAY:
            day = reader.context.moment
            span = (time.start, time.end)
        else:
            day = None
            span = (time.start, time.end)
        if day is None:
            reader.warn(
                sentence.line,
                f"time {time.text.strip()!r} has no date stated before it: left out",
            )
            continue
        if time.zone is None:
            reader.warn(
                sentence.line, f"time {time.text.strip()!r} names no time zone: read as UTC"
            )
        moment, precision = combine(day, time)
        if time.until is not None:
            stamps.append((StatedTime(day, Precision.DAY), span, time))
        else:
            stamps.append((StatedTime(moment, precision), span, time))
    for mention in dates:
        if id(mention) in used:
            continue
        day = _date_of(mention, reader.context)
        if day is None:
            reader.warn(sentence.line, f"date {mention.text!r} has no year: left out")
            continue
        stamps.append((StatedTime(day, mention.precision), (mention.start, mention.end), None))
    stamps.sort(key=lambda s: s[1][0])
    return stamps


def _dated_sentence(
    reader: _Reader,
    sentence: Sentence,
    order: int,
    dates: list[DateMention],
    times: list[TimeMention],
) -> None:
    stamps = _stamps(reader, sentence, dates, times)
    single = len(stamps) == 1
    for stated, span, time in stamps:
        kind = _kind_of(sentence.text) if single else _kind_near(sentence.text, span)
        if kind is None and stated.precision >= Precision.DAY:
            kind = "other"
        if kind is not None:
            window = None
            if time is not None and time.until is not None:
                start, _ = combine(stated.start, time)
                end = window_end(stated.start, time)
                window = (start, end) if end else None
            reader.drafts.append(
                _Draft(
                    kind=kind,
                    part=_part_for(sentence.text, kind, reader, stated.start),
                    time=stated,
                    provenance=[_provenance(reader.doc, sentence)],
                    outcomes=_outcomes(sentence.text),
                    quantities=_quantities(reader, sentence) if single else [],
                    paragraph=sentence.paragraph,
                    order=order,
                    circa=bool(time and time.circa),
                    window=window,
                    text=sentence.text,
                )
            )
    day_level = [s for s in stamps if s[0].precision <= Precision.DAY] or stamps
    if day_level:
        last = max(day_level, key=lambda s: s[1][0])[0]
        reader.context = _Context(last.start, min(last.precision, Precision.DAY))


def _undated_sentence(reader: _Reader, sentence: Sentence, order: int) -> None:
    kind = _kind_of(sentence.text)
    outcomes = _outcomes(sentence.text)
    context = reader.context
    if kind is None:
        quantities = _quantities(reader, sentence)
        if outcomes or quantities:
            reader.pending.append((sentence, outcomes, quantities))
        return
    if context.moment is None or context.precision is None or context.precision < Precision.DAY:
        return
    quantities = _quantities(reader, sentence)
    prev = reader.drafts[-1] if reader.drafts else None
    part = _part_for(sentence.text, kind, reader, context.moment)
    if (
        prev is not None
        and prev.kind == kind
        and prev.part == part
        and prev.paragraph == sentence.paragraph
        and not (prev.outcomes and not outcomes)
    ):
        prev.provenance.append(_provenance(reader.doc, sentence))
        prev.outcomes.extend(o for o in outcomes if o not in prev.outcomes)
        prev.quantities.extend(quantities)
        return
    reader.drafts.append(
        _Draft(
            kind=kind,
            part=part,
            time=StatedTime(context.moment, Precision.DAY),
            provenance=[_provenance(reader.doc, sentence)],
            outcomes=outcomes,
            quantities=quantities,
            paragraph=sentence.paragraph,
            order=order,
            inherited=True,
            recovery=prev is not None
            and prev.kind == kind
            and bool(prev.outcomes)
            and not outcomes,
            text=sentence.text,
        )
    )


def _flush_details(reader: _Reader) -> None:
    """Attach undated sentences that add an outcome or a quantity but name no event kind to
    the nearest event of their paragraph stated with a time: the next one, else the last."""
    for sentence, outcomes, quantities in reader.pending:
        same = [d for d in reader.drafts if d.paragraph == sentence.paragraph and not d.infobox]
        later = [d for d in same if d.order > sentence_order(reader, sentence)]
        timed_later = [d for d in later if d.time.has_time_of_day]
        earlier = [d for d in same if d.order < sentence_order(reader, sentence)]
        target = timed_later[0] if timed_later else (earlier[-1] if earlier else None)
        if target is None:
            continue
        target.provenance.append(_provenance(reader.doc, sentence))
        target.outcomes.extend(o for o in outcomes if o not in target.outcomes)
        target.quantities.extend(quantities)
    reader.pending.clear()


def sentence_order(reader: _Reader, sentence: Sentence) -> int:
    return reader.doc.sentences.index(sentence)


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


def _summary(draft: _Draft) -> str:
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


def _compatible(a: _Draft, b: _Draft) -> bool:
    return a.kind == b.kind and (a.part == b.part or "spacecraft" in (a.part, b.part))


def _finish(reader: _Reader, mission_id: str) -> tuple[Event, ...]:
    drafts = reader.drafts
    # A coarser statement of an event that a finer one states too is the same event.
    keep: list[_Draft] = []
    for draft in drafts:
        finer = [
            o
            for o in drafts
            if o is not draft
            and _compatible(o, draft)
            and not o.recovery
            and not draft.recovery
            and draft.time.start <= o.time.start < draft.time.end
            and (
                o.time.precision > draft.time.precision
                or (
                    o.time.precision == draft.time.precision
                    and drafts.index(o) < drafts.index(draft)
                )
            )
        ]
        if finer and not draft.inherited:
            if draft.time.precision == finer[0].time.precision:
                finer[0].provenance.extend(
                    p for p in draft.provenance if p not in finer[0].provenance
                )
            continue
        keep.append(draft)
    body = sorted((d for d in keep if not d.infobox), key=lambda d: d.order)
    # An undated event between two timed events of the same day is ordered, not timed.
    for i, draft in enumerate(body):
        if not draft.inherited:
            continue
        prev = body[i - 1] if i > 0 else None
        nxt = body[i + 1] if i + 1 < len(body) else None
        if (
            prev is not None
            and nxt is not None
            and prev.time.has_time_of_day
            and nxt.time.has_time_of_day
            and prev.time.start.date() == draft.time.start.date() == nxt.time.start.date()
            and prev.time.start < nxt.time.start
        ):
            draft.window = (prev.time.start, nxt.time.start)
    placed: list[tuple[datetime, int, _Draft]] = []
    floor: datetime | None = None
    for draft in body:
        if draft.window is not None:
            at = draft.window[0] + (draft.window[1] - draft.window[0]) / 2
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


def _systems(
    events: tuple[Event, ...], instruments: dict[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """Each part's rows: the instruments the text lists, then the part's own systems that the
    events speak of (an event of the whole spacecraft speaks for its bus)."""
    systems: dict[str, list[str]] = {p: [] for p in instruments}
    order = [name for name, _ in rules.SYSTEM_WORDS]
    for event in events:
        part = "bus" if event.part == "spacecraft" else event.part
        for provenance in event.provenance:
            for name, pattern in rules.SYSTEM_WORDS:
                if pattern.search(provenance.sentence) and name not in systems.setdefault(part, []):
                    systems[part].append(name)
    return {p: tuple(sorted(names, key=order.index)) for p, names in systems.items() if names}


def with_id(mission: Mission, mission_id: str) -> Mission:
    """The same mission under another id (when two files would share one)."""
    events = tuple(replace(e, mission_id=mission_id) for e in mission.events)
    return replace(mission, id=mission_id, events=events)
