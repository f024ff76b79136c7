"""Where a keyword pattern may match a clause, found for less than a search costs.

A vocabulary pattern starts with ``\\b`` and ignores case, so Python's ``re`` tries it at
every character of a clause. Beside each such pattern stand its cues, words one of which every
match holds, and its starts, words one of which every match begins with
(tests/unit/test_kinds_speed.py checks both on every alternative of the pattern, the corpus
and made-up text). A pattern none of whose cues the clause's :func:`fold` holds is not run;
one that may match is tried only where one of its starts begins (:func:`scan`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable


def fold(text: str) -> str:
    """The text as a case-insensitive pattern reads it, one character for each of the text's:
    every character a pattern's lower-case ASCII letter matches made that letter (the letter
    in either case, the dotted and dotless I, the long S, the Kelvin sign), no other made an
    ASCII letter, and each a word character, a space or a digit exactly when the text's is.
    A lower-case cue a match holds is then found in the fold at the same place."""
    if text.isascii():
        return text.lower()
    # Lowering keeps every character's place but the dotted I's, which it makes two.
    return text.replace("\u0130", "i").replace("\u0131", "i").replace("\u017f", "s").lower()


# A word of lower-case letters: a cue of such letters lies within one.
_WORD = re.compile(r"[a-z]+")
# Words whose cues a CueFinder keeps: an article's vocabulary, not its text.
_LEXICON_SIZE = 50_000


class CueFinder:
    """Which of a fixed set of cues the fold of a clause holds. A cue of letters is found
    word by word, each word's cues looked for once, when the word is first seen (a clause
    holds few words, and an article's words repeat); any other cue is looked for in the
    clause."""

    def __init__(self, cues: tuple[str, ...]) -> None:
        self._letters = tuple(c for c in cues if _WORD.fullmatch(c))
        self._others = tuple(c for c in cues if not _WORD.fullmatch(c))
        self._words: dict[str, frozenset[str]] = {}
        # Forgets the words seen when the package's caches are emptied (set here, not a
        # method: the class, which holds no words, is not asked to forget).
        self.cache_clear = self._words.clear

    def __call__(self, folded: str) -> set[str]:
        """The cues ``folded`` holds."""
        found = {c for c in self._others if c in folded}
        words = self._words
        for word in _WORD.findall(folded):
            cues = words.get(word)
            if cues is None:
                if len(words) >= _LEXICON_SIZE:
                    words.clear()
                cues = words[word] = frozenset([c for c in self._letters if c in word])
            if cues:
                found |= cues
        return found


def scan(
    pattern: re.Pattern[str], text: str, folded: str, starts: Collection[str]
) -> list[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, found by trying the pattern only where
    one of its ``starts`` begins in ``folded`` (every match begins with one, and none is
    empty). ``text`` may be the folded text's own with stretches blanked out: a blank is no
    letter of a start."""
    find = folded.find
    found: list[re.Match[str]] = []
    end = 0
    if len(starts) == 1:  # the places of one start come in order
        for start in starts:
            i = find(start)
            while i >= 0:
                if (match := pattern.match(text, i)) is not None:
                    found.append(match)
                    end = match.end()
                i = find(start, end if end > i else i + 1)
        return found
    at: set[int] = set()
    for start in starts:
        i = find(start)
        while i >= 0:
            at.add(i)
            i = find(start, i + 1)
    for i in sorted(at):
        if i >= end and (match := pattern.match(text, i)) is not None:
            found.append(match)
            end = match.end()
    return found


class CueMask:
    """Which of a fixed set of cues the fold of a clause holds, as a mask: bit ``i`` set when
    it holds ``cues[i]``. No cue holds a blank, so each lies within one of the clause's
    blank-separated words; each word's cues are looked for once, when the word is first seen
    (a clause holds few words, and an article's words repeat), by one search for the longest
    cue at each of its places. A cue of ``words`` is held only as a whole blank-separated
    word; it is named with a blank on each side (" to ")."""

    def __init__(self, cues: tuple[str, ...], words: tuple[str, ...] = ()) -> None:
        assert not any(c.split() != [c] for c in (*cues, *words)), "a cue with a blank"
        self.cues = (*cues, *(f" {w} " for w in words))
        self._words: dict[str, int] = {}
        # Forgets the words seen when the package's caches are emptied (set here, not a
        # method: the class, which holds no words, is not asked to forget).
        self.cache_clear = self._words.clear
        # At each place of a word, the longest cue there, and with it every cue it begins with.
        self._longest = re.compile("(?=(" + _trie(sorted(set(cues))) + "))")
        self._beginning = {c: self.bits(d for d in cues if c.startswith(d)) for c in cues}
        self._whole = {w: self.bits([f" {w} "]) for w in words}

    def bits(self, cues: Iterable[str]) -> int:
        """The mask of ``cues`` (each one of this finder's)."""
        mask = 0
        for cue in cues:
            mask |= 1 << self.cues.index(cue)
        return mask

    def named(self, mask: int) -> tuple[str, ...]:
        """The cues of a mask, in this finder's order (its bits, lowest first)."""
        named = []
        while mask:
            bit = mask & -mask
            named.append(self.cues[bit.bit_length() - 1])
            mask ^= bit
        return tuple(named)

    def __call__(self, folded: str) -> int:
        """The mask of the cues ``folded`` holds."""
        held = 0
        words = self._words
        get = words.get
        for word in folded.split():
            bits = get(word)
            if bits:  # most words hold no cue: the mask is not made anew for them
                held |= bits
            elif bits is None:
                if len(words) >= _LEXICON_SIZE:
                    words.clear()
                held |= words.setdefault(word, self._held_by(word))
        return held

    def _held_by(self, word: str) -> int:
        bits = self._whole.get(word, 0)
        for longest in self._longest.finditer(word):
            bits |= self._beginning[longest.group(1)]
        return bits


def _trie(words: list[str]) -> str:
    """A pattern matching any of ``words`` (none empty), the longest one where several begin
    alike: the words by their first letter, each letter's rest after it. The regex engine
    tries one choice per letter at each place, not one per word."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    choices = []
    for first, rest in rests.items():
        longer = [r for r in rest if r]
        if not longer:
            choices.append(re.escape(first))
            continue
        # Greedy: the longer words are tried first, and a word that ends here is left last.
        choices.append(f"{re.escape(first)}(?:{_trie(longer)}){'?' if '' in rest else ''}")
    return "|".join(choices)
