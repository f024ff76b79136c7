"""How well the reader lists the dated events of articles nobody tuned it to.

    .venv/bin/python benchmarks/score_reader.py [--folder PATH] [--seeds] [--json] [--show NAME]

Every article under tests/articles, or under ``--folder PATH`` (sub-folders too), is read
and its events are scored against the hand-made ``NAME.expected.toml`` beside it
(tests/support/scoring.py says how):
recall (expected events found) and precision (emitted events that were expected), by kind
and time at the stated precision, and again requiring the part to agree. The pooled figures
are sums over the corpus. ``--seeds`` adds the two bundled articles, scored against
benchmarks/expected/, as a check that the scorer and the reader agree where both are known.
``--show NAME`` lists one article's misses and extras. The exit status is always 0: this
measures, it does not judge.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests"))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402
from support.scoring import (  # noqa: E402
    ArticleScore,
    CorpusScore,
    corpus_articles,
    score_article,
)

ARTICLES = REPO / "tests" / "articles"
SEEDS = REPO / "seeds"
SEED_EXPECTED = HERE / "expected"


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _row(score: ArticleScore) -> dict[str, Any]:
    return {
        "name": score.name,
        "expected": score.expected,
        "emitted": score.emitted,
        "matched": score.matched,
        "matched_with_part": score.matched_with_part,
        "recall": score.recall,
        "precision": score.precision,
        "recall_with_part": score.recall_with_part,
        "precision_with_part": score.precision_with_part,
        "target_expected": score.target_expected,
        "target_read": score.target_read,
        "misses": [m.describe() for m in score.misses],
        "extras": [e.describe() for e in score.extras],
    }


def _pooled(corpus: CorpusScore) -> dict[str, Any]:
    return {
        "articles": len(corpus.articles),
        "expected": corpus.expected,
        "emitted": corpus.emitted,
        "matched": corpus.matched,
        "matched_with_part": corpus.matched_with_part,
        "recall": corpus.recall,
        "precision": corpus.precision,
        "recall_with_part": corpus.recall_with_part,
        "precision_with_part": corpus.precision_with_part,
        "targets_agreeing": corpus.targets_agreeing,
    }


def _table(title: str, corpus: CorpusScore) -> Table:
    table = Table(title=title)
    for heading in (
        "article",
        "exp",
        "emit",
        "match",
        "recall",
        "prec",
        "recall+part",
        "prec+part",
        "target",
    ):
        table.add_column(heading, justify="left" if heading == "article" else "right")
    for a in corpus.articles:
        target = a.target_read or "-"
        table.add_row(
            a.name,
            str(a.expected),
            str(a.emitted),
            str(a.matched),
            _figure(a.recall),
            _figure(a.precision),
            _figure(a.recall_with_part),
            _figure(a.precision_with_part),
            target if a.target_agrees else f"[red]{target}[/] ({a.target_expected or '-'})",
        )
    table.add_section()
    table.add_row(
        "pooled",
        str(corpus.expected),
        str(corpus.emitted),
        str(corpus.matched),
        _figure(corpus.recall),
        _figure(corpus.precision),
        _figure(corpus.recall_with_part),
        _figure(corpus.precision_with_part),
        f"{corpus.targets_agreeing}/{len(corpus.articles)}",
    )
    return table


def _show(console: Console, score: ArticleScore) -> None:
    console.print(
        f"[bold]{score.name}[/]: {score.matched}/{score.expected} expected found, "
        f"{score.emitted - len(score.extras)}/{score.emitted} emitted expected"
    )
    console.print("misses (expected, not emitted at that kind, time and precision):")
    for miss in score.misses:
        console.print(f"  - {miss.describe()}", markup=False)
    console.print("extras (emitted, not expected):")
    for extra in score.extras:
        console.print(f"  + {extra.describe()}", markup=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--folder",
        type=Path,
        default=ARTICLES,
        metavar="PATH",
        help="the folder of articles to score (default: tests/articles)",
    )
    parser.add_argument("--seeds", action="store_true", help="also score the two seeds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show", metavar="NAME", help="list one article's misses and extras")
    args = parser.parse_args(argv)

    corpus = CorpusScore(tuple(score_article(path) for path in corpus_articles(args.folder)))
    seeds = None
    if args.seeds:
        seeds = CorpusScore(
            tuple(
                score_article(SEEDS / f"{name}.txt", SEED_EXPECTED / f"{name}.expected.toml")
                for name in ("mars6", "mars7")
            )
        )
    everything = corpus.articles + (seeds.articles if seeds else ())

    if args.json:
        out: dict[str, Any] = {
            "articles": [_row(a) for a in corpus.articles],
            "pooled": _pooled(corpus),
        }
        if seeds is not None:
            out["seeds"] = [_row(a) for a in seeds.articles]
            out["seeds_pooled"] = _pooled(seeds)
        print(json.dumps(out, indent=2))
        return 0

    console = Console()
    if args.show:
        chosen = [a for a in everything if a.name == args.show]
        if not chosen:
            console.print(
                f"no article named {args.show!r}; known: " + ", ".join(a.name for a in everything),
                markup=False,
            )
        for score in chosen:
            _show(console, score)
        return 0
    console.print(_table("Reader against the corpus (kind and time at stated precision)", corpus))
    if seeds is not None:
        console.print(_table("The bundled seeds", seeds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
