"""Split an article into title, infobox, sections and sentences, each with its offsets.

Two shapes are read: a ``= Title =`` line followed by an infobox of ``- Key: Value`` lines and
prose under ``== Heading ==`` lines, and a bare run of prose whose tail runs into references
and navigation text. Everything from the first reference or navigation marker on is the tail
and is never read for facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TITLE_RE = re.compile(r"^\s*=\s*([^=].*?)\s*=\s*$")
_HEADING_RE = re.compile(r"^\s*={2,}\s*(.*?)\s*={2,}\s*$")
_INFOBOX_RE = re.compile(r"^\s*[-*\u2022|]\s*([A-Za-z][A-Za-z .()/-]{0,40}?)\s*[:=]\s?(.*?)\s*$")

# Sections whose content is never the article's own narrative.
TAIL_HEADINGS = re.compile(
    r"^(see also|references|notes|external links|further reading|bibliography|sources|"
    r"citations|footnotes)\b",
    re.IGNORECASE,
)
# Sentences that belong to citations, archive notes and navigation boxes.
REFERENCE_MARKERS = re.compile(
    r"\bRetrieved\b|\bArchived\b|\bISBN\b|\bdoi:|\bpp?\.\s*\d|\bAccessed\b|"
    r"\bSpaceflight portal\b|\bPortals?:|^\s*\^|\bWayback Machine\b|\bet al\.",
    re.IGNORECASE,
)
_CITATION_RE = re.compile(r"\[(?:\d+|[a-z]|citation needed|note \d+)\]", re.IGNORECASE)

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "no",
        "nos",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "st",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "gen",
        "col",
        "lt",
        "approx",
        "ca",
        "c",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "fig",
        "vol",
        "pp",
        "p",
        "ed",
        "eds",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "u.s",
        "u.k",
        "u.s.s.r",
        "ussr",
        "est",
        "cf",
        "al",
        "mt",
    ]
)
_BOUNDARY_RE = re.compile(
    r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9\u0400-\u04ff])"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of prose, with its offsets into the file and its 1-based line."""

    text: str
    start: int
    end: int
    line: int
    paragraph: int
    section: str


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

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


def _split_sentences(text: str, base: int) -> list[tuple[str, int, int]]:
    """Sentences of one paragraph as (text, start, end), offsets relative to the file."""
    pieces: list[tuple[str, int, int]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        cut = match.start() + 1
        before = text[start:cut]
        word = re.search(r"([A-Za-z.]+)\.$", before.rstrip("\"'\u201d\u2019)"))
        if word:
            token = word.group(1).lower().rstrip(".")
            if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
                continue
        # Keep the closing quote or bracket that follows the stop with its sentence.
        cut = match.start() + len(match.group(0).rstrip())
        pieces.append((text[start:cut], base + start, base + cut))
        start = match.end()
    if text[start:].strip():
        pieces.append((text[start:].rstrip(), base + start, base + len(text.rstrip())))
    return [(t.strip(), s + (len(t) - len(t.lstrip())), e) for t, s, e in pieces if t.strip()]


def parse_document(text: str, source: str) -> Document:
    """Read the structure of an article; sentences after the tail marker are left out."""
    doc = Document(source=source, text=text)
    lines = text.splitlines(keepends=True)
    offset = 0
    section = ""
    paragraph = 0
    in_tail = False
    in_infobox_zone = True  # the infobox may only come before the first prose paragraph
    buffer: list[tuple[str, int]] = []

    def flush() -> None:
        nonlocal paragraph, in_tail
        if not buffer:
            return
        para_text = "".join(t for t, _ in buffer)
        base = buffer[0][1]
        buffer.clear()
        paragraph += 1
        for sent, s_start, s_end in _split_sentences(para_text, base):
            if in_tail:
                break
            if REFERENCE_MARKERS.search(sent):
                in_tail = True
                doc.tail_start = s_start
                break
            clean = _CITATION_RE.sub("", sent)
            doc.sentences.append(
                Sentence(clean, s_start, s_end, doc.line_of(s_start), paragraph, section)
            )

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        here = offset
        offset += len(raw)
        if in_tail:
            continue
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            flush()
            section = heading.group(1).strip()
            in_infobox_zone = False
            if TAIL_HEADINGS.match(section):
                in_tail = True
                doc.tail_start = here
            continue
        title = _TITLE_RE.match(line)
        if title and doc.title is None and not doc.sentences and not buffer:
            doc.title = title.group(1).strip()
            doc.title_line = number
            continue
        field_match = _INFOBOX_RE.match(line)
        if field_match and in_infobox_zone and not buffer:
            value_start = (
                here + line.index(field_match.group(2), line.index(":") + 1)
                if (field_match.group(2))
                else here + len(line)
            )
            doc.infobox.append(
                InfoboxField(
                    field_match.group(1).strip(),
                    field_match.group(2).strip(),
                    value_start,
                    value_start + len(field_match.group(2)),
                    number,
                )
            )
            continue
        caption = not re.search(r"[.!?]\s*$", stripped) and len(stripped.split()) <= 6
        if in_infobox_zone and doc.title is not None and not doc.infobox and not buffer and caption:
            # A caption line between the title and the infobox (often the name again).
            continue
        if stripped.startswith(("- ", "* ")) and not buffer:
            # A list item outside the infobox is navigation, never narrative.
            continue
        in_infobox_zone = False
        buffer.append((raw.rstrip("\r\n") + " ", here))
    flush()
    return doc
