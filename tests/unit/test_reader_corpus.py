"""The reader against the corpus of hand-made timelines (tests/articles, each article with
its expected timeline beside it): what a careful reader lists, found at the precision the
text states (``benchmarks/score_reader.py`` prints the same figures per article)."""

from __future__ import annotations

from support.paths import ARTICLES
from support.scoring import CorpusScore, corpus_articles, score_corpus

RECALL = 0.95
PRECISION = 0.90


def _score() -> CorpusScore:
    return score_corpus((article, None) for article in corpus_articles(ARTICLES))


def _worst(score: CorpusScore) -> str:
    lines = []
    for a in score.articles:
        if a.misses or a.extras:
            lines.append(f"{a.name}: misses {list(a.misses)}; extras {list(a.extras)}")
    return "\n".join(lines)


def test_the_corpus_is_read_with_the_recall_and_precision_aimed_at() -> None:
    score = _score()
    assert len(score.articles) >= 12
    assert score.recall is not None and score.recall >= RECALL, _worst(score)
    assert score.precision is not None and score.precision >= PRECISION, _worst(score)


def test_every_article_s_target_is_read() -> None:
    wrong = [a.name for a in _score().articles if not a.target_agrees]
    assert wrong == []
