"""What the drafting stage asks of the clause it is reading, each asked once however many of
the clause's drafts ask: its fold, whether it may name a part, its text without the
mission's name, whether it opens with "it" and whether it speaks of "it"; and the subject
of each clause, which an "it" in the clause after may mean."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mission_control.extract.keyword_scan import fold
from mission_control.extract.subjects import (
    last_subject,
    links_to_it,
    may_name_part,
    opens_with_it,
    part_of_subject,
    without_name,
)

if TYPE_CHECKING:
    from mission_control.extract.document import Sentence


class ClauseRead:
    """The clause being read (set by :meth:`begin`), what has been asked of it, and the
    subjects of the clauses read (:meth:`note_subject`)."""

    name: str  # the mission's name
    # The subject part of each clause and stretch of a clause of the sentence read asked of
    # (kept for one sentence: a clause's moments, its undated events and the clause after it
    # ask).
    subjects: dict[str, str | None]
    subject: tuple[int, str, int] | None  # (paragraph, part, sentence) of the last clause
    # The clauses after the one ``subject`` is from whose subjects are not read yet (each
    # names a part or keeps the subject before it, see note_subject): read when asked.
    unread: list[tuple[str, Sentence]]
    text: str = ""
    folded: str = ""  # its fold (.keyword_scan.fold)
    partless: bool = False  # whether it (and so each stretch of it) names no part
    unnamed: str | None = None
    it: bool | None = None
    about: bool | None = None

    def begin(self, text: str) -> None:
        """Start reading the clause ``text``."""
        self.text = text
        self.folded = folded = fold(text)
        self.partless = not may_name_part(text, folded)
        self.unnamed = self.it = self.about = None

    def without_name(self) -> str:
        """The clause, the mission's name blanked (:func:`.subjects.without_name`)."""
        if self.unnamed is None:
            self.unnamed = without_name(self.text, self.name)
        return self.unnamed

    def about_it(self) -> bool:
        """Whether the clause speaks of "it": as its subject, or at the far end of a link
        (:func:`.subjects.links_to_it`)."""
        if self.about is None:
            self.about = self.opens_with_it() or links_to_it(self.text)
        return self.about

    def opens_with_it(self) -> bool:
        """Whether the clause opens with "it" (:func:`.subjects.opens_with_it`)."""
        if self.it is None:
            self.it = opens_with_it(self.text)
        return self.it

    def subject_of(self, text: str) -> str | None:
        """The part a clause (or a stretch of the clause read) names as its subject (its
        mission's name names none), read once for its sentence."""
        if text in self.subjects:
            return self.subjects[text]
        if self.partless:
            found = None
        else:
            found = part_of_subject(
                self.without_name() if text is self.text else without_name(text, self.name)
            )
        self.subjects[text] = found
        return found

    def note_subject(self, sentence: Sentence) -> None:
        """Remember the part the clause read is about, for an "it" in the clause after: its
        subject, if it names one; else, if it opens with "it", the subject before it; else
        none. A clause whose subject was not read for its drafts is read only when asked
        (:meth:`last`)."""
        if self.partless:
            if (self.subject or self.unread) and not self.opens_with_it():
                self.subject = None
                self.unread.clear()
        elif self.text not in self.subjects:
            self.unread.append((self.text, sentence))
        elif part := last_subject(self.text, self.subject_of):
            self.subject = (sentence.paragraph, part, sentence.start)
            self.unread.clear()
        elif not self.opens_with_it():
            self.subject = None
            self.unread.clear()

    def last(self) -> tuple[int, str, int] | None:
        """The last clause's subject (see :meth:`note_subject`), its clauses not yet read
        read from the last back, until one names a part or does not open with "it"."""
        for text, sentence in reversed(self.unread):
            if part := last_subject(text, self.subject_read):
                self.subject = (sentence.paragraph, part, sentence.start)
                break
            if not opens_with_it(text):
                self.subject = None
                break
        self.unread.clear()
        return self.subject

    def subject_read(self, text: str) -> str | None:
        """:meth:`subject_of` a text of any clause read: the part of any text is the same,
        the clause it is of naming no part or not (``subjects`` holds the sentence's)."""
        if text in self.subjects:
            return self.subjects[text]
        return part_of_subject(without_name(text, self.name))
