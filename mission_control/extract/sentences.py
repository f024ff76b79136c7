"""Cut a paragraph into its sentences, with their offsets: a stop ends a sentence unless it
ends an abbreviation ("Aug.", "No.", "e.g.") or an initial; and a sentence into its
clauses."""

from __future__ import annotations

import re
import string

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
# A stop, then any closing quotes, brackets and citation markers ("planet.[2] The"), then space.
_BOUNDARY_RE = re.compile(
    r"[.!?](?:[\"'\u201d\u2019)\]]|\[[^\[\]\n]{1,20}\])*\s+"
    r"(?=[\"'\u201c\u2018(]?[A-Z0-9\u0400-\u04ff])"
)


_INITIALS_RE = re.compile(r"(?:[a-z]\.)*[a-z]")  # "a", "u.s": initials, not words
_ZONE_AFTER_RE = re.compile(r"[A-Z]{1,5}\b|\(|[a-z]")


def split_sentences(text: str, base: int) -> list[tuple[str, int, int]]:
    """Sentences of one paragraph as (text, start, end), offsets relative to the file."""
    pieces: list[tuple[str, int, int]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        stop = match.start()
        # Seven ASCII letters before the stop end a word too long to be an abbreviation,
        # an initial or a clock's "a.m." (none of them has seven letters in a row).
        before = text[stop - 7 : stop]
        long_word = len(before) == 7 and before.isascii() and before.isalpha()
        word = None if long_word else _word_before_stop(text, start, stop)
        if word:
            token = word.lower().rstrip(".")
            # "at 12:52 p.m. Its parachute opened": a clock's a.m. or p.m. ends a sentence
            # that a word other than a zone's ("p.m. EDT") follows.
            ends_clock = token in ("a.m", "p.m") and not _ZONE_AFTER_RE.match(text, match.end())
            if not ends_clock and (token in _ABBREVIATIONS or _INITIALS_RE.fullmatch(token)):
                continue
        # Keep the closing quote, bracket or citation marker after the stop with its sentence.
        cut = match.start() + len(match.group(0).rstrip())
        pieces.append((text[start:cut], base + start, base + cut))
        start = match.end()
    if text[start:].strip():
        pieces.append((text[start:].rstrip(), base + start, base + len(text.rstrip())))
    out = []
    for piece, s, e in pieces:
        kept = piece.strip()
        if kept:
            out.append((kept, s + len(piece) - len(piece.lstrip()), e))
    return out


_WORD_CHARS = frozenset(string.ascii_letters + ".")
_BEFORE_WORD = "([\"'\u201c\u2018"


def _word_before_stop(text: str, start: int, stop: int) -> str | None:
    """The word before the full stop at ``stop``, if it stands alone (after ``start``, a
    space, an opening bracket or quote): "Aug.", "No.", "e.g.", an initial "A." (but not the
    "K." of "Proton-K."). Read back from the stop, so each stop costs its own word only."""
    if text[stop] != ".":
        return None
    first = stop
    while first > start and text[first - 1] in _WORD_CHARS:
        first -= 1
    if first == stop or text[first] not in string.ascii_letters:
        return None
    if first > start and not (text[first - 1].isspace() or text[first - 1] in _BEFORE_WORD):
        return None
    return text[first:stop]


# ", and it landed at 05:13 UTC": a new clause with its own subject and verb.
_PRONOUN_CLAUSE = re.compile(r",\s+(?:and|then)\s+(?=(?:it|they)\s+\w)", re.I)


def split_clauses(text: str) -> list[str]:
    """A sentence cut at its semicolons (outside brackets) and before ", and it ...": each
    clause may state an event of its own."""
    if ";" not in text and "," not in text:  # most sentences: one clause
        kept = text.strip()
        return [kept] if kept else []
    # Most sentences have no semicolon, and need no walk through their brackets.
    out = _at_semicolons(text) if ";" in text else [text]
    clauses = [piece for c in out for piece in _PRONOUN_CLAUSE.split(c)]
    return [c.strip() for c in clauses if c.strip()]


def _at_semicolons(text: str) -> list[str]:
    """A sentence cut at its semicolons outside brackets."""
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
    return out
