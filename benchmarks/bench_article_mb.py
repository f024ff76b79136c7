"""Reading a long article: 1 MB of mission prose about one craft, against its target (1 s).

    .venv/bin/python benchmarks/bench_article_mb.py [--size 1000000] [--repeat 3] [--json]

The article is made from the corpus's own prose (tests/articles: each paragraph of 60
characters or more before its references, every mention of its mission's name made
"Big 1"), repeated under headings until it reaches ``--size`` characters: dense with dates,
times and events, as the busiest part of a long article is. Each pass over the prose moves
every year it states on by one more, so that the dated sentences of one pass are not those
of another and a reading cannot be quicker for having seen a sentence before. The same
process reads the two bundled seeds for a baseline. Each figure is the least CPU time of
``--repeat`` readings. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import sys
import time
from pathlib import Path

from mission_control.extract.reader import read_text

REPO = Path(__file__).resolve().parent.parent
TAIL = re.compile(
    r"== (?:References|See also|Notes|External links|Further reading|Bibliography|Sources|"
    r"Related missions) =="
)
NOT_PROSE = re.compile(r"Retrieved|[Pp]ortal|Archived|NSSDC|pp\.")
TARGET_S = 1.0
# A year of the last two centuries, standing alone: moved on by each pass over the prose.
YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")


def moved_on(paragraph: str, years: int) -> str:
    """The paragraph with every year it states ``years`` later."""
    return YEAR.sub(lambda m: str(int(m.group(0)) + years), paragraph)


def long_article(size: int) -> str:
    """An article of about ``size`` characters of the corpus's prose, about "Big 1"."""
    paragraphs: list[str] = []
    for path in sorted((REPO / "tests" / "articles").glob("*.txt")):
        text = path.read_text("utf-8")
        name = re.match(r"= (.*) =", text)
        for raw in TAIL.split(text)[0].splitlines():
            line = raw.strip()
            if len(line) < 60 or line[0] in "-=|*#" or NOT_PROSE.search(line):
                continue
            paragraphs.append(line.replace(name.group(1), "Big 1") if name else line)
    parts = ["= Big 1 =\n\nBig 1 was a Soviet probe to Mars.\n"]
    length, i = len(parts[0]), 0
    while length < size:
        paragraph = moved_on(paragraphs[i % len(paragraphs)], i // len(paragraphs))
        piece = (f"\n== Part {i // 12 + 1} ==\n" if i % 12 == 0 else "") + paragraph + "\n"
        parts.append(piece)
        length += len(piece)
        i += 1
    return "".join(parts)


def forget_readings() -> None:
    """Empty every cache of the package, so that each reading is a first one."""
    for name, module in list(sys.modules.items()):
        if name.startswith("mission_control"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def cpu_seconds(text: str, repeat: int) -> tuple[float, int]:
    """The least CPU time of ``repeat`` readings of ``text``, and the events it gives."""
    best, events = float("inf"), 0
    for _ in range(repeat):
        forget_readings()
        gc.collect()
        start = time.process_time()
        mission = read_text(text, "long.txt")
        best = min(best, time.process_time() - start)
        events = len(mission.events)
    return best, events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters (1,000,000)")
    parser.add_argument("--repeat", type=int, default=3, help="readings of each article (3)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    text = long_article(args.size)
    seeds = "".join((REPO / "seeds" / f"{n}.txt").read_text("utf-8") for n in ("mars6", "mars7"))
    seeds_s, _ = cpu_seconds(seeds, args.repeat)
    long_s, events = cpu_seconds(text, args.repeat)
    result = {
        "characters": len(text),
        "events": events,
        "cpu_s": round(long_s, 3),
        "seeds_cpu_s": round(seeds_s, 4),
        "target_s": TARGET_S,
        "verdict": "pass" if long_s <= TARGET_S else "FAIL",
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{len(text):,} characters: {long_s:.2f} s CPU, {events} events "
            f"(the two seeds: {seeds_s * 1000:.1f} ms); target <= {TARGET_S} s: "
            f"{result['verdict']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
