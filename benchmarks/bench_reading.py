"""How reading an article grows with it: generated articles read at 1x, 4x and 16x a size.

    .venv/bin/python benchmarks/bench_reading.py [--size 2000] [--repeat 3] [--json]

Each shape is an article whose one long sentence (or run of sentences) says the same thing
``size`` times, then 4 and 16 times as often:

  dates      "12 March 1974 " in one sentence
  quantities "12 km " in one sentence
  times      "12:30 UTC " in one sentence
  ranges     "between 5 and 9 March 1974 " in one sentence
  sentences  "The lander separated on 12 March 1974. ", one dated sentence after another

A reader linear in its input takes about 4x and 16x the time; one that rescans a sentence
for each thing it finds takes 16x and 256x. Each figure is the least CPU time of
``--repeat`` readings (the least is the one the machine's other work disturbed least).
Nothing is asserted: the ratios are printed (and given to ``run.py`` with ``--json``).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time

from mission_control.extract.reader import read_text

OPENING = "Testcraft 1 was a spacecraft launched on 5 August 1973. "
SHAPES = {
    "dates": "12 March 1974 ",
    "quantities": "12 km ",
    "times": "12:30 UTC ",
    "ranges": "between 5 and 9 March 1974 ",
    "sentences": "The lander separated on 12 March 1974. ",
}
FACTORS = (1, 4, 16)


def article(phrase: str, repeats: int) -> str:
    return OPENING + phrase * repeats + "\n"


def cpu_seconds(text: str, repeat: int) -> float:
    """The least CPU time of ``repeat`` readings of ``text``."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        read_text(text, "bench.txt")
        best = min(best, time.process_time() - start)
    return best


def measure(size: int, repeat: int) -> dict[str, dict[str, float]]:
    read_text(article(SHAPES["quantities"], 1), "warm.txt")  # load pint and the patterns first
    results: dict[str, dict[str, float]] = {}
    for shape, phrase in SHAPES.items():
        seconds = {f: cpu_seconds(article(phrase, size * f), repeat) for f in FACTORS}
        results[shape] = {
            **{f"{f}x_s": s for f, s in seconds.items()},
            **{f"ratio_{f}x": seconds[f] / seconds[1] for f in FACTORS[1:]},
        }
        print(f"{shape}: done", file=sys.stderr, flush=True)
    return results


def table(size: int, results: dict[str, dict[str, float]]) -> str:
    head = f"{'shape':12}" + "".join(f"{f'{size * f:,} times':>16}" for f in FACTORS)
    head += "".join(f"{f'{f}x / 1x':>10}" for f in FACTORS[1:])
    lines = [head, "-" * len(head)]
    for shape, r in results.items():
        line = f"{shape:12}" + "".join(f"{r[f'{f}x_s']:>15.3f}s" for f in FACTORS)
        line += "".join(f"{r[f'ratio_{f}x']:>10.1f}" for f in FACTORS[1:])
        lines.append(line)
    lines.append(f"(linear: {' and '.join(f'{f}' for f in FACTORS[1:])}; quadratic: 16 and 256)")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000, help="repetitions at 1x (2000)")
    parser.add_argument("--repeat", type=int, default=3, help="readings of each article (3)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = measure(args.size, args.repeat)
    if args.json:
        json.dump({"size": args.size, "shapes": results}, sys.stdout, indent=2)
        print()
    else:
        print(table(args.size, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
