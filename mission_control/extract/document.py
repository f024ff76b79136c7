"""Split an article into title, infobox, sections and sentences, each with its offsets.

Two shapes are read: a ``= Title =`` line followed by an infobox of ``- Key: Value`` lines and
prose under ``== Heading ==`` lines, and a bare run of prose whose tail runs into references
and navigation text. Everything from the first reference or navigation marker on is the tail
and is never read for facts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import msgspec

from mission_control.extract import layout
from mission_control.extract.keyword_scan import fold
from mission_control.extract.layout import stated_zone
from mission_control.extract.sentences import split_sentences

_TITLE_RE = re.compile(r"^\s*=\s*([^=].*?)\s*=\s*$")
_HEADING_RE = re.compile(r"^\s*={2,}\s*(.*?)\s*={2,}\s*$")
_INFOBOX_RE = re.compile(r"^\s*[-*\u2022|]\s*([A-Za-z][A-Za-z_ .()/-]{0,40}?)\s*[:=]\s?(.*?)\s*$")
# An infobox field written without a list mark ("Launch date: 8 June 1975"), read only among
# other fields before the prose.
_PLAIN_FIELD_RE = re.compile(r"^\s*([A-Z][A-Za-z_ ()/-]{0,40}?)\s*:\s?(.*?)\s*$")

# Sections whose content is never the article's own narrative.
TAIL_HEADINGS = re.compile(
    r"^(see also|references|notes|external links|further reading|bibliography|sources|"
    r"citations|footnotes)\b",
    re.IGNORECASE,
)
# Sentences that belong to citations, archive notes and navigation boxes.
REFERENCE_MARKERS = re.compile(
    r"\bRetrieved\b|\bArchived\b|\bISBN\b|\bISSN\b|\bdoi:|\bpp?\.\s*\d|\bAccessed\b|"
    r"\bSpaceflight portal\b|\bPortals?:|^\s*\^|\bWayback Machine\b|\bet al\.",
    re.IGNORECASE,
)


def _hinted(low: str) -> bool:
    """Whether a sentence's fold (:func:`~.keyword_scan.fold`) holds a word that each match
    of REFERENCE_MARKERS holds: tested word by word, quicker than any pattern."""
    return (
        "retrieved" in low
        or "archived" in low
        or "isbn" in low
        or "issn" in low
        or "doi:" in low
        or "p." in low
        or "accessed" in low
        or "portal" in low
        or "^" in low
        or "wayback machine" in low
        or "et al." in low
    )


# A citation that opens with its author: "Siddiqi, Asif A. (2002)", "Harvey, B. (2007)",
# "Perminov, V. G. (July 1999)".
# ... or a quoted title standing alone: '"Mars 6".'
_CITATION_OPENING = re.compile(
    r"^[A-Z][\w'\u2019-]+,\s+(?:[A-Z][\w'\u2019.-]*\s*){1,3}(?:;[^()]*)?"
    r"\((?:\d{1,2}\s+)?(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2},?\s+)?\d{4}[a-z]?\)|"
    r"^[\"\u201c][^\"\u201c\u201d]{1,200}[\"\u201d]\.$"
)
# A citation in brackets within a sentence: "(Harvey 2007, p. 212)", "(Smith and Jones,
# 1998)", "(Siddiqi 2018, pp. 101\u2013106)".
_INLINE_CITATION_RE = re.compile(
    r"\s?\((?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s)"
    r"[A-Z][\w'\u2019-]+(?:\s+(?:et\s+al\.|(?:and|&)\s+[A-Z][\w'\u2019-]+))?,?\s+"
    r"(?:1[89]|20)\d\d[a-z]?(?:,\s*pp?\.\s*[\d\u2013-]+)?\)"
)
_CITATION_RE = re.compile(r"\[(?:\d+|[a-z]|citation needed|note \d+)\]", re.IGNORECASE)


class Sentence(msgspec.Struct, frozen=True):
    """One sentence of prose, with its offsets into the file and its 1-based line.

    ``raw`` is the file's own text between ``start`` and ``end``; ``text`` is the same
    sentence made ready for reading: citation markers (``[2]``) removed and line breaks
    joined with a space. A ``day_heading`` is a day standing alone on its line, which dates
    the timeline entries after it and states no event itself.
    """

    text: str
    start: int
    end: int
    line: int
    paragraph: int
    section: str
    raw: str = ""
    day_heading: bool = False


@dataclass(frozen=True)
class InfoboxField:
    key: str
    value: str
    start: int
    end: int
    line: int


@dataclass
class Document:
    source: str
    text: str
    title: str | None = None
    title_line: int | None = None
    infobox: list[InfoboxField] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tail_start: int | None = None
    zone: str | None = None  # the zone the article says all its times are given in
    _line_starts: list[int] = field(default_factory=list, repr=False)
    # The sentences about the article's own craft, for each name it is read under: read once
    # for all the stages that skip the others (see subjects.own_sentences).
    own: dict[str, list[Sentence]] = field(default_factory=dict, repr=False, compare=False)

    def line_of(self, offset: int) -> int:
        """The 1-based line of a character offset (any line break counts, as in
        ``str.splitlines``)."""
        if not self._line_starts:
            starts = [0]
            for line in self.text.splitlines(keepends=True):
                starts.append(starts[-1] + len(line))
            self._line_starts = starts
        return max(1, bisect.bisect_right(self._line_starts, offset))


def is_reference(sentence: str) -> bool:
    """True for a sentence of a citation, an archive note or a navigation box (a citation in
    brackets within a sentence, "(Harvey 2007, p. 212)", does not make it one)."""
    if "(" in sentence:  # every inline citation opens with one
        sentence = _INLINE_CITATION_RE.sub("", sentence)
    if _CITATION_OPENING.match(sentence):  # each of its branches opens with "^"
        return True
    if not _hinted(fold(sentence)):
        return False
    return REFERENCE_MARKERS.search(sentence) is not None


def _clean(sentence: str) -> str:
    """The sentence to read: citations, marks and brackets alike, left out."""
    if "[" in sentence:  # every citation mark opens with one
        sentence = _CITATION_RE.sub("", sentence)
    if "(" in sentence:
        sentence = _INLINE_CITATION_RE.sub("", sentence)
    if "  " in sentence or _OTHER_SPACE_RE.search(sentence):
        sentence = _SPACES_RE.sub(" ", sentence)
    return sentence.strip()


_SPACES_RE = re.compile(r"[ \t\r\n\f\v]+")
_OTHER_SPACE_RE = re.compile(r"[\t\r\n\f\v]")
_MARKUP_LINE_RE = re.compile(r"[{}|\-]+")
# The end of a line that ends its sentence: "... in orbit.", "... on 20 October 1975.[2]".
_STOP_AT_END_RE = re.compile(r"[.!?:](?:[\"'\u201d\u2019)\]]|\[[^\[\]]{1,20}\])*\s*$")


def parse_document(text: str, source: str) -> Document:
    """Read the structure of an article; sentences after the tail marker are left out."""
    doc = Document(source=source, text=text)
    lines = text.splitlines(keepends=True)
    offset = 0
    section = ""
    paragraph = 0
    fresh = True  # the next statement opens a paragraph
    timeline = False  # the paragraph is a timeline: a day alone on its line began it
    in_tail = False
    in_infobox_zone = True  # the infobox may only come before the first prose paragraph
    buffer: list[tuple[str, int]] = []

    def emit(para_text: str, base: int, alone: bool) -> None:
        """Add the sentences of a paragraph's prose, or of a line that stands ``alone``
        (whose references are skipped rather than ending the article)."""
        nonlocal paragraph, fresh, in_tail
        pieces = split_sentences(para_text, base)
        if alone and any(is_reference(sent) for sent, _, _ in pieces):
            return
        if fresh:
            paragraph += 1
            fresh = False
        for sent, s_start, s_end in pieces:
            if in_tail:
                break
            if is_reference(sent):
                in_tail = True
                doc.tail_start = s_start
                break
            clean = _clean(sent)
            if not clean:
                continue
            if doc.zone is None:
                doc.zone = stated_zone(clean)
            doc.sentences.append(
                Sentence(
                    clean,
                    s_start,
                    s_end,
                    doc.line_of(s_start),
                    paragraph,
                    section,
                    text[s_start:s_end],
                )
            )

    def flush() -> None:
        if buffer:
            para_text = "".join(t for t, _ in buffer)
            base = buffer[0][1]
            buffer.clear()
            emit(para_text, base, alone=False)

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        here = offset
        offset += len(raw)
        if in_tail:
            continue
        stripped = line.strip()
        if not stripped:
            flush()
            fresh = True
            timeline = False
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            flush()
            fresh = True
            timeline = False
            section = heading.group(1).strip()
            in_infobox_zone = False
            if TAIL_HEADINGS.match(section):
                in_tail = True
                doc.tail_start = here
                continue
            if doc.zone is None:
                doc.zone = stated_zone(section.rsplit("(", 1)[-1])
            if layout.stance(section, after_stop=True) is layout.Stance.DAY or re.fullmatch(
                r"(?:1[89]|20)\d\d", section
            ):  # a day, or a year, that dates what the section says
                _add_day(doc, section, here + line.index(section), paragraph, section)
            continue
        title = _TITLE_RE.match(line)
        if title and doc.title is None and not doc.sentences and not buffer:
            doc.title = title.group(1).strip()
            doc.title_line = number
            continue
        field_match = _INFOBOX_RE.match(line)
        if not field_match and in_infobox_zone and not buffer:
            field_match = _plain_field(lines, number, bool(doc.infobox))
        if field_match and in_infobox_zone and not buffer:
            value = field_match.group(2)
            value_start = here + field_match.start(2)
            doc.infobox.append(
                InfoboxField(
                    field_match.group(1).strip(),
                    value.strip(),
                    value_start,
                    value_start + len(value),
                    number,
                )
            )
            continue
        if in_infobox_zone and not doc.infobox and not buffer and _caption(lines, number, doc):
            # A caption line between the title and the infobox (often the name again).
            continue
        if _MARKUP_LINE_RE.fullmatch(stripped):
            continue  # a template's braces or a table's rule: "}}", "{|", "|-"
        after_stop = not buffer or _STOP_AT_END_RE.search(buffer[-1][0]) is not None
        stance = layout.stance(line, after_stop)
        if stance is layout.Stance.PROSE and timeline:
            stance = layout.Stance.ENTRY  # a timeline's line without its own time
        timeline = timeline or stance is layout.Stance.DAY
        if stance is layout.Stance.PROSE:
            in_infobox_zone = False
            # Pad the line break to its own length so offsets in the paragraph stay file
            # offsets.
            buffer.append((line + " " * (len(raw) - len(line) or 1), here))
            continue
        flush()
        # A list item, a timeline's entry or the day heading its entries: each stands alone.
        start = here + len(line) - len(line.lstrip(" \t-*\u2022#"))
        if stance is layout.Stance.ENTRY:
            emit(text[start : here + len(line)], start, alone=True)
        elif stance is layout.Stance.DAY:
            if fresh:
                paragraph += 1
                fresh = False
            _add_day(doc, text[start : here + len(line)].rstrip(), start, paragraph, section)
    flush()
    return doc


def _plain_field(lines: list[str], number: int, among: bool) -> re.Match[str] | None:
    """Line ``number`` (1-based) as an infobox field without a list mark: one that follows
    other fields (``among``) or that another field follows."""
    match = _PLAIN_FIELD_RE.match(lines[number - 1])
    if match is None or among:
        return match
    following = lines[number] if number < len(lines) else ""
    return match if _field(following) else None


def _field(line: str) -> bool:
    return _INFOBOX_RE.match(line) is not None or _PLAIN_FIELD_RE.match(line) is not None


def _caption(lines: list[str], number: int, doc: Document) -> bool:
    """Whether line ``number`` (1-based) is the caption above an infobox: any line the
    infobox's fields follow, a line without a stop a blank line parts from them, or a short
    line without a stop after the title."""
    following = [line.strip() for line in lines[number : number + 2]]
    if len(following) == 2 and all(_field(f) for f in following):
        return True
    stripped = lines[number - 1].strip()
    after_blank = [line.strip() for line in lines[number + 1 : number + 3]]
    parted = following[:1] == [""] and len(after_blank) == 2 and all(map(_field, after_blank))
    if parted and not re.search(r"[.!?]\s*$", stripped):
        return True
    return (
        doc.title is not None
        and not re.search(r"[.!?]\s*$", stripped)
        and len(stripped.split()) <= 6
        and (not following or not following[0] or _INFOBOX_RE.match(following[0]) is not None)
    )


def _add_day(doc: Document, line: str, start: int, paragraph: int, section: str) -> None:
    """Add a day standing alone on its line, as the heading of the entries after it."""
    text = line.strip(" \t'*:\u2013\u2014-")
    start += line.index(text)
    end = start + len(text)
    doc.sentences.append(
        Sentence(
            text,
            start,
            end,
            doc.line_of(start),
            paragraph,
            section,
            doc.text[start:end],
            day_heading=True,
        )
    )
