"""Soak: the dashboard replaying the campaign over and over at its fastest speed, in-process,
watching whether its memory grows.

    .venv/bin/python benchmarks/soak.py [--minutes 30] [--every SECONDS] [--json]
    .venv/bin/python benchmarks/soak.py --minutes 1          # a quick check

What it models: a user who leaves the dashboard running for ``--minutes`` at the fastest
ladder speed (1 week/s) and sends it back to the start each time it reaches the end. The app
is built with ``make_app(...)`` over a ``ManualTimeSource`` and run headless
(``App.run_test()``, 80x24 by default) exactly as the tests drive it. One step of the soak
is one display frame: the manual clock advances 0.1 s of wall time (what the app's 10 Hz
display timer sees between two reads, so 1 week/s moves the replay 16.8 hours a frame),
then ``app.poll()`` (what that timer calls) and ``pilot.pause()``, which lets Textual
process the messages and paint the frame. Steps run back to back, as fast as the machine
goes, so ``--minutes`` of real time covers many more frames than a user's ``--minutes``
(the report gives both); a leak per frame, per event passed or per loop shows up sooner
than in real time, which is what a soak is for. When the replay reaches the campaign's end
(the clock pauses there), the soak seeks to the start and plays again, through the app's
own ``seek`` and play/pause actions.

Memory is sampled every ``--every`` seconds, after a ``gc.collect()``: the process RSS
(psutil) and the size ``tracemalloc`` traces (started before Textual and the app are
imported, so it covers them). Growth is measured from the first sample after warm-up (at
least one whole loop of the campaign and ``--warmup`` seconds) to the last sample; the target
is <= 5 % for each. The largest tracemalloc differences between those two samples, by
source line, are listed to show where any growth is. tracemalloc slows Python down about
twofold; ``--no-tracemalloc`` samples RSS alone. The exit status is 0 whatever the result.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import gc
import json
import os
import sys
import tempfile
import time
import tracemalloc
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

TARGET_PCT = 5.0
FRAME_WALL_S = 0.1
"""Wall seconds the manual clock advances per frame: the app's display timer period."""
MB = 1024 * 1024


@dataclass
class Sample:
    t_s: float
    frames: int
    loops: int
    rss_mb: float
    traced_mb: float | None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--minutes", type=float, default=30.0, help="wall minutes to run (30)")
    p.add_argument(
        "--every",
        type=float,
        default=None,
        help="seconds between samples (default: a 30th of the run, 2 to 60 s)",
    )
    p.add_argument(
        "--warmup",
        type=float,
        default=None,
        help="seconds before the reference sample, at least one whole loop "
        "(default: a tenth of the run, at most 120 s)",
    )
    p.add_argument("--size", default="80x24", help="terminal size COLSxROWS (80x24)")
    p.add_argument("--top", type=int, default=10, help="tracemalloc lines to list (10)")
    p.add_argument("--no-tracemalloc", action="store_true", help="sample RSS only")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    o = p.parse_args(argv)
    duration = o.minutes * 60
    if o.every is None:
        o.every = min(60.0, max(2.0, duration / 30))
    if o.warmup is None:
        o.warmup = min(120.0, duration / 10)
    cols, _, rows = o.size.partition("x")
    o.cols, o.rows = int(cols), int(rows)
    return o


def park(snapshot: tracemalloc.Snapshot) -> Path:
    """Keep a snapshot in a file, not in memory (its traces would weigh tens of MB of RSS),
    and hand the freed memory back to the system so the samples after it do not carry it."""
    handle, name = tempfile.mkstemp(prefix="soak-", suffix=".tracemalloc")
    os.close(handle)
    snapshot.dump(name)
    del snapshot
    gc.collect()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)
    return Path(name)


def unpark(path: Path) -> tracemalloc.Snapshot:
    snapshot = tracemalloc.Snapshot.load(str(path))
    path.unlink()
    return snapshot


def growth_pct(first: float | None, last: float | None) -> float | None:
    if first is None or last is None or not first:
        return None
    return round(100 * (last - first) / first, 2)


async def soak(o: argparse.Namespace, log: Any) -> dict[str, Any]:
    import psutil

    from mission_control import catalog
    from mission_control.app import make_app
    from mission_control.campaign import build_campaign
    from mission_control.clock import ManualTimeSource
    from mission_control.speed import SPEED_LADDER

    process = psutil.Process()
    loaded = catalog.load()
    campaign = build_campaign(loaded.missions)
    fastest = max(speed for speed, _ in SPEED_LADDER)
    source = ManualTimeSource()
    app = make_app(campaign, time_source=source, speed=fastest)

    samples: list[Sample] = []
    reference: Sample | None = None
    ref_file: Path | None = None
    snap_end = None
    frames = loops = 0

    def sample(t0: float, tag: str = "") -> Sample:
        gc.collect()
        traced = tracemalloc.get_traced_memory()[0] / MB if tracemalloc.is_tracing() else None
        s = Sample(
            t_s=round(time.perf_counter() - t0, 1),
            frames=frames,
            loops=loops,
            rss_mb=round(process.memory_info().rss / MB, 2),
            traced_mb=None if traced is None else round(traced, 2),
        )
        samples.append(s)
        log(
            f"t={s.t_s:7.1f}s frames={s.frames:8d} loops={s.loops:5d} "
            f"rss={s.rss_mb:7.2f} MB"
            + ("" if s.traced_mb is None else f" traced={s.traced_mb:6.2f} MB")
            + tag
        )
        return s

    async with app.run_test(size=(o.cols, o.rows)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        t0 = time.perf_counter()
        end = t0 + o.minutes * 60
        next_sample = t0
        while True:
            now = time.perf_counter()
            if now >= next_sample:
                first = reference is None and loops >= 1 and now - t0 >= o.warmup
                if first and tracemalloc.is_tracing():
                    ref_file = park(tracemalloc.take_snapshot())
                s = sample(t0, "  (reference)" if first else "")
                if first:
                    reference = s
                next_sample = now + o.every
            if now >= end:
                break
            source.advance(FRAME_WALL_S)
            app.poll()
            await pilot.pause()
            frames += 1
            if not app.clock.playing:  # reached the end: round again from the start
                app.seek(campaign.start)
                app.action_toggle_play()
                await pilot.pause()
                loops += 1
        if samples[-1].frames != frames:
            sample(t0)
        wall = time.perf_counter() - t0
        if tracemalloc.is_tracing():
            snap_end = tracemalloc.take_snapshot()

    last = samples[-1]
    if reference is None or reference is last:
        reference = samples[0]
        log("warning: the run ended before warm-up did; growth is from the first sample")
    rss_growth = growth_pct(reference.rss_mb, last.rss_mb)
    traced_growth = growth_pct(reference.traced_mb, last.traced_mb)
    top: list[dict[str, Any]] = []
    if ref_file is not None and snap_end is not None:
        snap_ref = unpark(ref_file)
        noise = (tracemalloc.__file__, __file__)
        filters = [tracemalloc.Filter(False, f) for f in noise]
        stats = snap_end.filter_traces(filters).compare_to(
            snap_ref.filter_traces(filters), "lineno"
        )
        for stat in stats[: o.top]:
            frame = stat.traceback[0]
            top.append(
                {
                    "where": f"{frame.filename}:{frame.lineno}",
                    "size_diff_kb": round(stat.size_diff / 1024, 1),
                    "count_diff": stat.count_diff,
                }
            )
    frames_after = last.frames - reference.frames
    return {
        "size": f"{o.cols}x{o.rows}",
        "speed": "1 week/s (the fastest ladder speed)",
        "frame_wall_s": FRAME_WALL_S,
        "wall_s": round(wall, 1),
        "frames": frames,
        "loops": loops,
        "frames_per_wall_s": round(frames / wall, 1) if wall else None,
        "user_minutes_equivalent": round(frames * FRAME_WALL_S / 60, 1),
        "campaign_days": round((campaign.end - campaign.start) / 86400, 1),
        "reference": asdict(reference),
        "last": asdict(last),
        "frames_after_reference": frames_after,
        "rss_growth_pct": rss_growth,
        "traced_growth_pct": traced_growth,
        "target_pct": TARGET_PCT,
        "rss_verdict": verdict(rss_growth),
        "traced_verdict": verdict(traced_growth),
        "top_traced_growth": top,
        "samples": [asdict(s) for s in samples],
    }


def verdict(growth: float | None) -> str:
    if growth is None:
        return "no data"
    return "pass" if growth <= TARGET_PCT else "FAIL"


def report(r: dict[str, Any]) -> str:
    ref, last = r["reference"], r["last"]
    lines = [
        f"soak: {r['wall_s']:g} s wall at {r['speed']}, {r['size']}, "
        f"{r['frames']} frames ({r['frames_per_wall_s']}/s; "
        f"{r['user_minutes_equivalent']} min of a 10 Hz display), "
        f"{r['loops']} loops of the {r['campaign_days']}-day campaign",
        f"reference sample (after warm-up) at t={ref['t_s']} s, frame {ref['frames']}; "
        f"last at t={last['t_s']} s, frame {last['frames']}",
        f"RSS      {ref['rss_mb']:.2f} -> {last['rss_mb']:.2f} MB: "
        f"{r['rss_growth_pct']:+.2f} % (target <= {r['target_pct']:g} %) {r['rss_verdict']}",
    ]
    if r["traced_growth_pct"] is not None:
        lines.append(
            f"traced   {ref['traced_mb']:.2f} -> {last['traced_mb']:.2f} MB: "
            f"{r['traced_growth_pct']:+.2f} % (target <= {r['target_pct']:g} %) "
            f"{r['traced_verdict']}"
        )
    if r["top_traced_growth"]:
        lines.append("largest tracemalloc differences, reference -> last:")
        for t in r["top_traced_growth"]:
            size, count = t["size_diff_kb"], t["count_diff"]
            lines.append(f"  {size:+9.1f} KB {count:+7d} blocks  {t['where']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    o = parse_args(argv)
    if not o.no_tracemalloc:
        tracemalloc.start()  # before Textual and the app are imported, to trace them too

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    result = asyncio.run(soak(o, log))
    print(json.dumps(result, indent=2) if o.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
