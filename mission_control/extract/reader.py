"""Read an article into a Mission: metadata, instruments and the dated events it states.

Nothing is invented: a time is kept at the precision the text gives it, an event the text
only orders between two timed events is marked approximate, and a field the text garbles is
reported as missing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from msgspec.structs import replace

from mission_control import units
from mission_control.extract import vocabulary
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
from mission_control.seedfile import slug


@dataclass
class _Context:
    """The last date the text stated, which a later bare time or undated sentence takes."""

    moment: datetime | None = None
    precision: Precision | None = None
    section: str | None = None


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
    pending: list[tuple[Sentence, int, list[str], list[Quantity]]] = field(default_factory=list)
    subject: tuple[int, str] | None = None  # (paragraph, part) the last clause was about

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"{self.doc.source}:{line}: {message}")


def read_text(text: str, source: str) -> Mission:
    """Read an article's text; never raises for odd text, it warns instead."""
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
        # "Mars 6 (spacecraft)": the bracket tells articles apart; it is not the name.
        return re.sub(r"\s*\([^()]*\)\s*$", "", doc.title).strip() or doc.title
    if doc.sentences:
        match = _NAME_RE.match(doc.sentences[0].text)
        if match:
            return match.group(1).strip()
    return None


def _key(key: str) -> str:
    """An infobox key as the tables spell it: ``Launch_Date`` -> ``launch date``."""
    return " ".join(key.replace("_", " ").lower().split())


def _garbled(key: str, value: str) -> bool:
    """A blank or broken infobox value: punctuation only, a bare time zone, a word fragment."""
    core = re.sub(r"[\s,;:.\-–—/|()]+", "", value)
    if not core:
        return True
    if re.fullmatch(r"(?:UTC|UT|GMT|Z|TBD|N/?A|unknown|none)", value.strip(" ,;."), re.I):
        return True
    if re.fullmatch(r"[a-z]+", value.strip()) and _key(key) not in ("mission type",):
        return True
    if _key(key) in vocabulary.INFOBOX_EVENTS:
        dates, _ = find_dates(value)
        return not dates or dates[0].year is None
    return False


def _metadata(reader: _Reader) -> dict[str, str | None]:
    doc = reader.doc
    found: dict[str, str | None] = {f: None for f in vocabulary.METADATA_FIELDS}
    extra: dict[str, str | None] = {}
    for item in doc.infobox:
        key = _key(item.key)
        target = next((f for f, keys in vocabulary.INFOBOX_KEYS.items() if key in keys), None)
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
        for name, pattern in vocabulary.PROSE_METADATA:
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
    for part, pattern in vocabulary.PART_WORDS:
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
        verb = vocabulary.CARRIED.search(sentence.text)
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


_LIST_END = re.compile(
    r"(?:,\s*|\s+)(?:(?:and|but)\s+)?(?:was|were|is|are|had|has|have)\b|"
    r",\s*(?:which|while|but|although|though|whereas)\b",
    re.I,
)
_PURPOSE_RE = re.compile(r"\s+(?:to|for|that|which|in\s+order\s+to)\s+.*$", re.I)


def _list_items(text: str) -> list[str]:
    """Instrument names from a list such as ``a thermometer and barometer to determine ..., and
    instruments ... including a mass spectrometer``."""
    text = re.split(r"[.;]", text, maxsplit=1)[0]
    # The list ends where the sentence goes on to say something else of its subject
    # ("..., and was cooled before launch", "..., which ...").
    text = _LIST_END.split(text, maxsplit=1)[0]
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
                if not vocabulary.INSTRUMENT_HEAD.search(piece.split()[-1]) and len(head) > 1:
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


# Words after which another spacecraft is named only for comparison ("Unlike Mars 4, ...").
_COMPARED = re.compile(
    r"\b(?:unlike|like|than|with|alongside|as|from|by|of|to)\s+(?:the\s+)?$", re.I
)
# "Its twin, Phobos 1, ...": a possessive that belongs to the other craft's name.
_ITS_OTHER = re.compile(r"\b(?:its|their)\s+(?:[\w-]+,?\s+){0,3}$", re.I)


def _about_other_craft(text: str, own: str) -> bool:
    """True when the first spacecraft a sentence is about is not the article's own."""
    own_re = re.compile(re.escape(own), re.I) if own else None
    first_other = next(
        (
            m
            for m in vocabulary.CRAFT_NAME.finditer(text)
            if m.group(0).lower() != own.lower() and not _COMPARED.search(text[: m.start()])
        ),
        None,
    )
    if first_other is None:
        return False
    other_start = first_other.start()
    its = _ITS_OTHER.search(text[:other_start])
    if its:
        other_start = its.start()
    own_match = own_re.search(text) if own_re else None
    self_match = next(
        (
            m
            for m in vocabulary.GENERIC_SELF.finditer(text)
            if not (its and its.start() <= m.start() < first_other.end())
        ),
        None,
    )
    part_match = next((m for _, p in vocabulary.PART_WORDS if (m := p.search(text))), None)
    first_own = min(
        (m.start() for m in (own_match, self_match, part_match) if m is not None), default=None
    )
    return first_own is None or other_start < first_own


@dataclass(frozen=True)
class _Keyword:
    """Where a clause names an event of some kind; ``rank`` is its row in the table."""

    start: int
    end: int
    rank: int
    kind: str


def _keywords(text: str) -> list[_Keyword]:
    """Every event keyword of a clause, in order, with what did not happen blanked out; where
    two rows match the same words the row listed first keeps them."""
    blanked = vocabulary.HYPOTHETICAL.sub(lambda m: " " * len(m.group(0)), text)
    kept: list[_Keyword] = []
    for rank, (kind, pattern) in enumerate(vocabulary.KIND_PATTERNS):
        for match in pattern.finditer(blanked):
            if match.end() == match.start():
                continue
            if any(match.start() < k.end and k.start < match.end() for k in kept):
                continue
            kept.append(_Keyword(match.start(), match.end(), rank, kind))
    return sorted(kept, key=lambda k: (k.start, k.rank))


def _kind_of(text: str) -> str | None:
    """The kind of a clause that states no time: the first row of the table it matches."""
    found = _keywords(text)
    return min(found, key=lambda k: k.rank).kind if found else None


# What may stand between two dates of one list ("23 February, 28 February and 25 March").
_LIST_GAP = re.compile(r"[\s,;]*(?:(?:and|or|then|as\s+well\s+as)\s+)?(?:(?:on|in)\s+)?", re.I)


def _assign_kinds(
    text: str, spans: list[tuple[int, int]], keywords: list[_Keyword]
) -> list[str | None]:
    """The kind of each stated moment of a clause. Each keyword serves one moment: a moment
    takes the nearest keyword between it and the moment before it, else the nearest between it
    and the moment after it; a date in a list with no keyword of its own shares the kind of the
    date before it."""
    claimed: set[int] = set()
    kinds: list[str | None] = []
    for i, (start, end) in enumerate(spans):
        lo = spans[i - 1][1] if i else 0
        hi = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        free = [j for j in range(len(keywords)) if j not in claimed]
        inside = [j for j in free if start <= keywords[j].start and keywords[j].end <= end]
        before = [j for j in free if lo <= keywords[j].start and keywords[j].end <= start]
        after = [j for j in free if end <= keywords[j].start and keywords[j].end <= hi]
        pick = (inside or before)[-1] if inside or before else (after[0] if after else None)
        if pick is not None:
            claimed.add(pick)
            kinds.append(keywords[pick].kind)
        elif i and kinds[-1] is not None and _LIST_GAP.fullmatch(text[lo:start]):
            kinds.append(kinds[-1])
        else:
            kinds.append(None)
    return kinds


def _outcomes(text: str) -> list[str]:
    return [tag for tag, pattern in vocabulary.OUTCOME_PATTERNS if pattern.search(text)]


def _quantities(reader: _Reader, line: int, text: str) -> list[Quantity]:
    found = []
    for quantity, _span in units.find_quantities(text):
        shown = units.describe(quantity)
        if shown.warning:
            reader.warn(line, shown.warning)
        found.append(replace(quantity, shown=shown))
    return found


def _provenance(doc: Document, sentence: Sentence) -> Provenance:
    """The sentence exactly as the file has it between its offsets."""
    return Provenance(doc.source, sentence.raw, (sentence.start, sentence.end), sentence.line)


# A clause whose subject is a pronoun, after an optional opening phrase ("Initially, it ...").
_PRONOUN_SUBJECT = re.compile(r"^(?:[A-Z][\w-]*(?:\s+[\w'-]+){0,3},\s+)?(?:it|its|it's)\b", re.I)


def _part_for(text: str, kind: str, reader: _Reader, day: datetime | None, paragraph: int) -> str:
    """The part an event concerns: the part the clause names as its subject; else the part
    the kind implies; else, for "it", the subject of the clause before; else the part of the
    event just before on the same day; else the whole spacecraft."""
    part = _part_of_subject(_without_name(text, reader.name))
    if part:
        return part
    if kind in vocabulary.KIND_DEFAULT_PART:
        return vocabulary.KIND_DEFAULT_PART[kind]
    if _PRONOUN_SUBJECT.match(text) and reader.subject and reader.subject[0] == paragraph:
        return reader.subject[1]
    if reader.drafts and day is not None:
        prev = reader.drafts[-1]
        if prev.time.start.date() == day.date() and not prev.infobox:
            return prev.part
    return "spacecraft"


def _without_name(text: str, name: str) -> str:
    """The text with the mission's own name blanked ("Pioneer Venus Orbiter" names no part)."""
    if not name.strip():
        return text
    return re.sub(re.escape(name), lambda m: " " * len(m.group(0)), text, flags=re.I)


def _note_subject(reader: _Reader, text: str, paragraph: int) -> None:
    """Remember the part a clause is about, for an "it" in the clause after."""
    part = _part_of_subject(_without_name(text, reader.name))
    if part:
        reader.subject = (paragraph, part)
    elif not _PRONOUN_SUBJECT.match(text):
        reader.subject = None


def _date_of(mention: DateMention, context: _Context) -> datetime | None:
    """The day a date mention names. A yearless one takes the year of the date before it, or
    the year after when it would otherwise fall before that date (a narrative runs forward:
    "launched on 5 August 1973 ... on 12 March the lander separated" is March 1974). None when
    no year is known or the day does not exist in that year (29 February)."""
    year = mention.year
    rolled = False
    if year is None and context.moment is not None:
        year = context.moment.year
        rolled = True
    if year is None:
        return None
    try:
        day = datetime(year, mention.month or 1, mention.day or 1, tzinfo=UTC)
        if rolled and context.moment is not None and day.date() < context.moment.date():
            day = day.replace(year=year + 1)
    except ValueError:
        return None
    return day


def _read_infobox_events(reader: _Reader) -> None:
    for item in reader.doc.infobox:
        kind = vocabulary.INFOBOX_EVENTS.get(_key(item.key))
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
    """The infobox line exactly as the file has it, without its surrounding blanks."""
    line_start = max(doc.text.rfind("\n", 0, item.start), doc.text.rfind("\r", 0, item.start))
    line_start += 1
    ends = [i for i in (doc.text.find("\n", item.start), doc.text.find("\r", item.start)) if i >= 0]
    line_end = min(ends, default=len(doc.text))
    line = doc.text[line_start:line_end]
    start = line_start + len(line) - len(line.lstrip())
    end = line_start + len(line.rstrip())
    return Provenance(doc.source, doc.text[start:end], (start, end), item.line)


# ", and it landed at 05:13 UTC": a new clause with its own subject and verb.
_PRONOUN_CLAUSE = re.compile(r",\s+(?:and|then)\s+(?=(?:it|they)\s+\w)", re.I)


def _clauses(text: str) -> list[str]:
    """A sentence cut at its semicolons (outside brackets) and before ", and it ...": each
    clause may state an event of its own."""
    out: list[str] = []
    depth = 0
    start = 0
    for i, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    clauses = [piece for c in out for piece in _PRONOUN_CLAUSE.split(c)]
    return [c.strip() for c in clauses if c.strip()]


def _read_events(reader: _Reader) -> None:
    doc = reader.doc
    last_paragraph = 0
    for order, sentence in enumerate(doc.sentences):
        if sentence.paragraph != last_paragraph:
            _flush_details(reader)
            last_paragraph = sentence.paragraph
            reader.subject = None
        if _about_other_craft(sentence.text, reader.name):
            continue
        for clause in _clauses(sentence.text):
            dates, problems = find_dates(clause)
            for problem in problems:
                reader.warn(sentence.line, problem)
            times = find_times(clause)
            if dates or times:
                _dated_clause(reader, sentence, clause, order, dates, times)
            else:
                _undated_clause(reader, sentence, clause, order)
            _note_subject(reader, clause, sentence.paragraph)
    _flush_details(reader)


_Stamp = tuple[StatedTime, tuple[int, int], TimeMention | None]

# What may stand between a date and the clock time of that date: "at 17:45:48 UTC on 5 August
# 1973", "16:22:44, May 19, 1971", "July 20, 1976, at 08:51 UTC".
_JOIN_GAP = re.compile(
    r"T?[\s,;:()\u2013\u2014-]*(?:(?:at|on|of|the|around|about|approximately|roughly|circa)\b"
    r"[\s,()]*)*",
    re.I,
)


def _day_for(
    text: str, time: TimeMention, days: list[DateMention], keywords: list[_Keyword]
) -> tuple[DateMention | None, bool]:
    """The date of a clause that a clock time belongs to, and whether the two state one
    moment (joined) or the time only takes its day from the date.

    A date and a time state one moment unless an event is named between them and another
    on the date's far side ("separated on 15 December 1970 and entered the atmosphere at
    04:58:44 UTC": two events, the second taking the day of the first)."""
    if not days:
        return None, False

    def gap(d: DateMention) -> tuple[int, int]:
        return (d.end, time.start) if d.end <= time.start else (time.end, d.start)

    nearest = min(days, key=lambda d: gap(d)[1] - gap(d)[0])
    lo, hi = gap(nearest)
    if _JOIN_GAP.fullmatch(text[lo:hi]):
        return nearest, True
    before = nearest.end <= time.start
    between = any(lo <= k.start and k.end <= hi for k in keywords)
    far = any((k.end <= nearest.start) if before else (k.start >= nearest.end) for k in keywords)
    if not (between and far):
        return nearest, True
    return (nearest, False) if before else (None, False)


def _stamps(
    reader: _Reader,
    sentence: Sentence,
    text: str,
    dates: list[DateMention],
    times: list[TimeMention],
    keywords: list[_Keyword],
) -> list[_Stamp]:
    """Each stated moment of a clause: a time with its date, or a date alone."""
    stamps: list[_Stamp] = []
    used: set[int] = set()
    days = [d for d in dates if d.precision is Precision.DAY]
    for time in times:
        mention, joined = _day_for(text, time, days, keywords)
        day: datetime | None = None
        span = (time.start, time.end)
        if mention is not None:
            day = _date_of(mention, reader.context)
            if joined:
                used.add(id(mention))
                span = (min(mention.start, time.start), max(mention.end, time.end))
        elif reader.context.precision is not None and reader.context.precision >= Precision.DAY:
            day = reader.context.moment
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
    # "at 13:50:35 UTC (16:50:35 Moscow time)": one moment stated twice is one stamp.
    unique: list[_Stamp] = []
    for stamp in stamps:
        if not any(u[0] == stamp[0] and u[2] is not None for u in unique):
            unique.append(stamp)
    return unique


def _dated_clause(
    reader: _Reader,
    sentence: Sentence,
    text: str,
    order: int,
    dates: list[DateMention],
    times: list[TimeMention],
) -> None:
    keywords = _keywords(text)
    stamps = _stamps(reader, sentence, text, dates, times, keywords)
    kinds = _assign_kinds(text, [s[1] for s in stamps], keywords)
    single = len(stamps) == 1
    for (stated, _span, time), found in zip(stamps, kinds, strict=True):
        # A stated day with no event word is still a dated statement: "other".
        kind = found or ("other" if stated.precision >= Precision.DAY else None)
        if kind is None:
            continue
        window = None
        if time is not None and time.until is not None:
            start, _ = combine(stated.start, time)
            end = window_end(stated.start, time)
            window = (start, end) if end else None
        reader.drafts.append(
            _Draft(
                kind=kind,
                part=_part_for(text, kind, reader, stated.start, sentence.paragraph),
                time=stated,
                provenance=[_provenance(reader.doc, sentence)],
                outcomes=_outcomes(text),
                quantities=_quantities(reader, sentence.line, text) if single else [],
                paragraph=sentence.paragraph,
                order=order,
                circa=bool(time and time.circa),
                window=window,
                text=text,
            )
        )
    day_level = [s for s in stamps if s[0].precision <= Precision.DAY] or stamps
    if day_level:
        last = max(day_level, key=lambda s: s[1][0])[0]
        reader.context = _Context(last.start, min(last.precision, Precision.DAY), sentence.section)


def _undated_clause(reader: _Reader, sentence: Sentence, text: str, order: int) -> None:
    """A clause that states no date: an event of the day the text last stated (in the same
    section), or details (an outcome, a quantity) of an event near it."""
    kind = _kind_of(text)
    outcomes = _outcomes(text)
    context = reader.context
    if kind is None:
        quantities = _quantities(reader, sentence.line, text)
        if outcomes or quantities:
            reader.pending.append((sentence, order, outcomes, quantities))
        return
    if (
        context.moment is None
        or context.precision is None
        or context.precision < Precision.DAY
        or context.section != sentence.section
    ):
        return
    quantities = _quantities(reader, sentence.line, text)
    prev = reader.drafts[-1] if reader.drafts else None
    part = _part_for(text, kind, reader, context.moment, sentence.paragraph)
    provenance = _provenance(reader.doc, sentence)
    if (
        prev is not None
        and prev.kind == kind
        and prev.part == part
        and prev.paragraph == sentence.paragraph
        and not (prev.outcomes and not outcomes)
    ):
        if provenance not in prev.provenance:
            prev.provenance.append(provenance)
        prev.outcomes.extend(o for o in outcomes if o not in prev.outcomes)
        prev.quantities.extend(quantities)
        return
    reader.drafts.append(
        _Draft(
            kind=kind,
            part=part,
            time=StatedTime(context.moment, Precision.DAY),
            provenance=[provenance],
            outcomes=outcomes,
            quantities=quantities,
            paragraph=sentence.paragraph,
            order=order,
            inherited=True,
            recovery=prev is not None
            and prev.kind == kind
            and bool(prev.outcomes)
            and not outcomes,
            text=text,
        )
    )


def _flush_details(reader: _Reader) -> None:
    """Attach undated clauses that add an outcome or a quantity but name no event kind to an
    event of their paragraph: one their own sentence states, else the next one stated with a
    time, else the last one before them."""
    for sentence, order, outcomes, quantities in reader.pending:
        same = [d for d in reader.drafts if d.paragraph == sentence.paragraph and not d.infobox]
        own = [d for d in same if d.order == order]
        timed_later = [d for d in same if d.order > order and d.time.has_time_of_day]
        earlier = [d for d in same if d.order < order]
        candidates = own[-1:] or timed_later[:1] or earlier[-1:]
        target = candidates[0] if candidates else None
        if target is None:
            continue
        provenance = _provenance(reader.doc, sentence)
        if provenance not in target.provenance:
            target.provenance.append(provenance)
        target.outcomes.extend(o for o in outcomes if o not in target.outcomes)
        target.quantities.extend(quantities)
    reader.pending.clear()


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
    position = {id(d): i for i, d in enumerate(drafts)}
    by_kind: dict[str, list[_Draft]] = {}
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
    placed: list[tuple[datetime, int, _Draft]] = []
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


def _systems(
    events: tuple[Event, ...], instruments: dict[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """Each part's rows: the instruments the text lists, then the part's own systems that the
    events speak of (an event of the whole spacecraft speaks for its bus)."""
    systems: dict[str, list[str]] = {p: [] for p in instruments}
    order = [name for name, _ in vocabulary.SYSTEM_WORDS]
    for event in events:
        part = "bus" if event.part == "spacecraft" else event.part
        for provenance in event.provenance:
            for name, pattern in vocabulary.SYSTEM_WORDS:
                if pattern.search(provenance.sentence) and name not in systems.setdefault(part, []):
                    systems[part].append(name)
    return {p: tuple(sorted(names, key=order.index)) for p, names in systems.items() if names}
