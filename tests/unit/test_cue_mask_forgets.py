"""The words a cue finder has seen are forgotten with the package's other caches."""

from __future__ import annotations

from benchmarks.bench_article_mb import forget_readings
from mission_control.extract import kind_guards
from mission_control.extract.keyword_scan import CueFinder, CueMask


def test_emptying_the_caches_forgets_the_words_seen() -> None:
    kind_guards.held_mask("the lander touched down")
    kind_guards.held_in("the lander touched down")
    assert kind_guards.held_mask._words and kind_guards.held_in._words
    forget_readings()
    assert not kind_guards.held_mask._words and not kind_guards.held_in._words


def test_a_finder_reads_alike_after_forgetting() -> None:
    mask, finder = CueMask(("land", "lander"), ("to",)), CueFinder(("land", "to"))
    before = mask("the lander was to land"), finder("the lander was to land")
    mask.cache_clear()
    finder.cache_clear()
    assert (mask("the lander was to land"), finder("the lander was to land")) == before
