"""What the drafting stage asks of the clause it is reading, each asked once however many of
the clause's drafts ask: its fold, whether it may name a part, its text without the
mission's name, whether it opens with "it" and whether it speaks of "it"."""

from __future__ import annotations

from mission_control.extract.keyword_scan import fold
from mission_control.extract.subjects import (
    links_to_it,
    may_name_part,
    opens_with_it,
    without_name,
)


class ClauseRead:
    """The clause being read (set by :meth:`begin`) and what has been asked of it."""

    name: str  # the mission's name
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
        """Whether the clause speaks of "it" (:func:`.subjects.about_it`)."""
        if self.about is None:
            self.about = self.opens_with_it() or links_to_it(self.text)
        return self.about

    def opens_with_it(self) -> bool:
        """Whether the clause opens with "it" (:func:`.subjects.opens_with_it`)."""
        if self.it is None:
            self.it = opens_with_it(self.text)
        return self.it
