"""Whether a word of relative time ("later", "then": :data:`~.vocabulary.RELATIVE_TIME`)
stands between two places of a clause, asked many times of one clause."""

from __future__ import annotations

import bisect

from mission_control.extract import vocabulary


class RelativeWords:
    """Whether a word of relative time stands between two places of a clause: searched for
    there when the stretch is short, else looked up among the clause's own, found once (a
    clause of many keywords after its one moment would otherwise be searched to its end for
    each of them)."""

    _SHORT = 200  # longer stretches are looked up
    _LONGEST = 12  # no such word is longer: one cut short at the stretch's end starts after

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] | None = None

    def between(self, start: int, stop: int) -> bool:
        """``RELATIVE_TIME.search(text, start, stop)`` is not None."""
        if stop - start <= self._SHORT:
            return vocabulary.RELATIVE_TIME.search(self.text, start, stop) is not None
        if self.spans is None:
            self.spans = [m.span() for m in vocabulary.RELATIVE_TIME.finditer(self.text)]
        # The first word of the whole clause that starts in the stretch, if it ends in it;
        # a word that ends at the stretch's end may be one only there ("later" of
        # "laterally"), so the last few places are searched as the stretch is.
        i = bisect.bisect_left(self.spans, (start, -1))
        if i < len(self.spans) and self.spans[i][1] <= stop:
            return True
        tail = max(start, stop - self._LONGEST)
        return vocabulary.RELATIVE_TIME.search(self.text, tail, stop) is not None
