"""In-process figures: reading seeds, one state_at call and one seek, for the bundled seeds and
for a synthetic mission of 100,000 events.

    python benchmarks/bench_domain.py [--events 100000] [--repeat 200] [--json]

Each in-process figure for the seeds is the median of several runs. For the synthetic mission,
``first_read_s`` is the first reading of its text and ``load_s`` what a later start pays before
it can replay: the parsed mission from the cache (``cached_read_s``), preparing it for replay
(``build_s``) and making its auto-speed replay clock (``clock_s``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mission_control import catalog
from mission_control.campaign import Campaign, build_campaign, replay_clock
from mission_control.clock import ManualTimeSource
from mission_control.extract.reader import read_text
from mission_control.state import state_at

KINDS = (
    "performed a course correction",
    "made a flyby with a closest approach of 1,600 kilometres",
    "lost contact",
    "separated the lander",
    "encountered the atmosphere",
)


def synthetic_article(events: int, seed: int = 1) -> str:
    """An article in the bundled seeds' first shape with one dated event per sentence."""
    rng = random.Random(seed)
    start = datetime(1973, 8, 5, 17, 45, 48, tzinfo=UTC)
    lines = [
        "= Synthetic 1 =",
        "",
        "- Operator: Test programme",
        "",
        f"Synthetic 1 was launched at 17:45:48 UTC on {start:%d %B %Y}.",
        "",
    ]
    moment = start
    paragraph: list[str] = []
    for i in range(events - 1):
        moment += timedelta(seconds=rng.randint(1, 600))
        paragraph.append(
            f"At {moment:%H:%M:%S} UTC on {moment.day} {moment:%B %Y} the spacecraft "
            f"{KINDS[i % len(KINDS)]}."
        )
        if len(paragraph) == 20:
            lines.extend([" ".join(paragraph), ""])
            paragraph = []
    if paragraph:
        lines.append(" ".join(paragraph))
    return "\n".join(lines) + "\n"


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def measure(campaign: Campaign, repeat: int) -> dict[str, float]:
    rng = random.Random(3)
    ticks = [rng.uniform(campaign.start, campaign.end) for _ in range(repeat)]
    it = iter(ticks * 2)
    state_ms = median_ms(lambda: state_at(campaign, next(it)), repeat)
    source = ManualTimeSource()
    clock = replay_clock(campaign, source, speed=None)
    it2 = iter(ticks * 2)

    def seek() -> object:
        clock.seek(next(it2))
        return state_at(campaign, clock.now())

    seek_ms = median_ms(seek, repeat)
    return {"state_at_ms": state_ms, "seek_ms": seek_ms}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--cache",
        type=Path,
        help="keep the parsed synthetic mission here between runs (default: a temporary folder)",
    )
    args = parser.parse_args()

    files = catalog.bundled_seed_files()
    texts = [(p.read_text("utf-8"), catalog.display_name(p)) for p in files]
    read_ms = median_ms(lambda: [read_text(t, s) for t, s in texts], 5)
    seeds = build_campaign([read_text(t, s) for t, s in texts])
    results: dict[str, dict[str, float]] = {
        "seeds": {
            "read_ms": read_ms,
            "events": len(seeds.all_events()),
            **measure(seeds, args.repeat),
        }
    }

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.cache or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["MISSION_CONTROL_CACHE_DIR"] = str(folder)
        path = folder / f"synthetic-{args.events}.txt"
        path.write_text(synthetic_article(args.events), "utf-8")
        t0 = time.perf_counter()
        mission = catalog.read_seed(path)
        read_s = time.perf_counter() - t0
        # What a later start does: the same text, found in the cache.
        t0 = time.perf_counter()
        cached = catalog.read_seed(path)
        cached_s = time.perf_counter() - t0
        assert cached == mission
    t0 = time.perf_counter()
    big = build_campaign([cached])
    build_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    replay_clock(big, ManualTimeSource(), speed=None)
    clock_s = time.perf_counter() - t0
    results["synthetic"] = {
        "events": len(mission.events),
        "first_read_s": read_s,
        "cached_read_s": cached_s,
        "build_s": build_s,
        "clock_s": clock_s,
        "load_s": cached_s + build_s + clock_s,
        **measure(big, args.repeat),
    }
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        for name, figures in results.items():
            print(name)
            for key, value in figures.items():
                print(
                    f"  {key:12} {value:,.3f}"
                    if isinstance(value, float)
                    else f"  {key:12} {value:,}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
