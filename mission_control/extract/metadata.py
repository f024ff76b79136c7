"""An article's mission name and metadata (launch vehicle, site, mass...): from its infobox,
else from its prose."""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from mission_control.extract import vocabulary
from mission_control.extract.dates import find_dates
from mission_control.extract.document import Document, Sentence
from mission_control.extract.report import Report
from mission_control.extract.subjects import own_sentences
from mission_control.extract.target import read_target

_NAME_RE = re.compile(
    r"^\s*(?:The\s+)?((?:[A-Z][\w'-]*|\d+[A-Z]?)(?:\s+(?:[A-Z][\w'-]*|\d+[A-Z]?))*)"
    r"(?=\s*\(|\s*,|\s+(?:was|is|were|are|also)\b)"
)


def mission_name(doc: Document) -> str | None:
    """The mission's name: the title without its bracket, else the first sentence's subject."""
    if doc.title:
        # "Mars 6 (spacecraft)": the bracket tells articles apart; it is not the name.
        return re.sub(r"\s*\([^()]*\)\s*$", "", doc.title).strip() or doc.title
    if doc.sentences:
        match = _NAME_RE.match(doc.sentences[0].text)
        if match:
            return match.group(1).strip()
    return None


def infobox_key(key: str) -> str:
    """An infobox key as the tables spell it: ``Launch_Date`` -> ``launch date``."""
    return " ".join(key.replace("_", " ").lower().split())


def garbled(key: str, value: str) -> bool:
    """A blank or broken infobox value: punctuation only, a bare time zone, a word fragment."""
    core = re.sub(r"[\s,;:.\-–—/|()]+", "", value)
    if not core:
        return True
    if re.fullmatch(r"(?:UTC|UT|GMT|Z|TBD|N/?A|unknown|none)", value.strip(" ,;."), re.I):
        return True
    if re.fullmatch(r"[a-z]+", value.strip()) and infobox_key(key) not in ("mission type",):
        return True
    if infobox_key(key) in vocabulary.INFOBOX_EVENTS:
        dates, _ = find_dates(value)
        return not dates or dates[0].year is None
    return False


class _Prose:
    """The sentences about the mission, joined into one text (a line each), so that a field's
    words are looked for in all of them at once rather than sentence by sentence."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.texts = [s.text for s in sentences]
        self.joined = "\n".join(self.texts)
        self.starts = [0, *accumulate(len(t) + 1 for t in self.texts)]

    def first_statement(
        self, patterns: list[tuple[re.Pattern[str], tuple[str, ...]]]
    ) -> re.Match[str] | None:
        """The first match in the first sentence that one of ``patterns`` matches, the first
        of them that does; each pattern is tried only in a sentence with one of its words."""
        words = re.compile("|".join(re.escape(w) for _, ws in patterns for w in ws))
        at = 0
        while (hit := words.search(self.joined, at)) is not None:
            i = bisect.bisect_right(self.starts, hit.start()) - 1
            text = self.texts[i]
            for pattern, ws in patterns:
                if any(map(text.__contains__, ws)) and (match := pattern.search(text)):
                    return match
            at = self.starts[i + 1]
        return None


def read_metadata(doc: Document, name: str, report: Report) -> dict[str, str | None]:
    """The mission's metadata: each field the infobox gives, else the first sentence about the
    mission itself that states it; a garbled infobox field is warned of and left out. The
    ``target`` planet comes last (see :mod:`.target`)."""
    found: dict[str, str | None] = {f: None for f in vocabulary.METADATA_FIELDS}
    extra: dict[str, str | None] = {}
    for item in doc.infobox:
        key = infobox_key(item.key)
        target = next((f for f, keys in vocabulary.INFOBOX_KEYS.items() if key in keys), None)
        if garbled(item.key, item.value):
            report.warn(
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
    own = own_sentences(doc, name)
    # Each field from the first sentence stating it, by the first of its rows that matches.
    rows: dict[str, list[tuple[re.Pattern[str], tuple[str, ...]]]] = {}
    for field, pattern, words in vocabulary.PROSE_METADATA:
        rows.setdefault(field, []).append((pattern, words))
    prose = _Prose(own)
    for field, patterns in rows.items():
        if found.get(field) is not None:
            continue
        match = prose.first_statement(patterns)
        if match:
            value = match.group(1).strip().rstrip(".,;")
            if field == "launch_vehicle" and match.lastindex and match.group(2):
                value = f"{value} with {match.group(2)} upper stage"
            found[field] = value
    target = read_target(extra.get("mission_type"), (s.text for s in own))
    return {"name": name, **found, **extra, "target": target}
