"""In-process figures for the event log: the bundled campaign (13 events) against the same
missions with a synthetic one of 100,000 events, driven through the keys a user presses.

    .venv/bin/python benchmarks/bench_log.py [--events 100000] [--steps 40] [--frames 150]
                                             [--cache DIR] [--json]

Both campaigns run in the same process, headless (``App.run_test()``, 80x24), paused on a
``ManualTimeSource`` as the tests drive the app. For each the script measures

- ``end`` and ``home``: seeking the clock to the campaign's end (every event passes into the
  log) and back to its start (every line leaves);
- a scroll step with the log focused, the same keys in both logs: from the newest line,
  ``pageup`` (then ``up``) as many times as the short log lets the cursor move, the series
  taken five times (the first draws lines not drawn before, the others redraw them); and
  ``page_run``, ``pageup`` from the newest line until the oldest or ``--steps``, each step
  drawing a page of new lines in the long log;
- ``u``: the units toggle, which rewrites every line shown;
- ``f``: the filter, from every event to failures only, which lists the log again;
- frames while playing from the start at the fastest ladder speed (a week a second), one
  display frame (0.1 s of wall time, then ``app.poll()``) at a time, up to ``--frames``: every
  frame, and the frames that added lines to the log.

Each figure is given twice: ``cpu`` is the process's CPU time from the key (or frame) to the
painted screen, the whole app included (clock, timeline, panels) but not the test pilot's idle
waits, which would hide it; ``log`` is the main thread's CPU time in the event log's own
methods (its watchers, key actions and drawing its lines). Figures are medians; the slowest
frame is given too, with the garbage collector's share of it. The synthetic mission is read
once through the app's cache (over a minute the first time) and kept in ``--cache`` (default:
a folder under the system's temporary directory).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from bench_domain import synthetic_article

from mission_control import catalog
from mission_control.app import MissionControlApp, make_app
from mission_control.campaign import Campaign, build_campaign
from mission_control.clock import ManualTimeSource
from mission_control.mission import Mission
from mission_control.speed import SPEED_LADDER
from mission_control.widgets.event_log import FILTER_ALL, EventLog

SIZE = (80, 24)
FIGURES = (
    "seek_end",
    "seek_start",
    "page_step",
    "line_step",
    "page_run",
    "units",
    "filter",
    "play_frame",
    "adding_frame",
)
REPEATS = 5
"""Times each series of scroll steps is taken: the first draws new lines, the rest redraw."""
FRAME_WALL_S = 0.1
"""Wall seconds between two display frames (the app's timer period)."""

LOG_METHODS = (
    "watch_passed",
    "watch_units",
    "watch_quantities",
    "watch_log_filter",
    "watch_search",
    "watch_wide",
    "watch_highlighted",
    "action_cursor_up",
    "action_cursor_down",
    "action_page_up",
    "action_page_down",
    "render_lines",
    "get_content_height",
)
"""The event log's methods whose time counts as the log's own work, where it has them."""


class LogTimer:
    """CPU time of the main thread inside the event log's methods (not nested twice), and
    of the garbage collector wherever it ran."""

    def __init__(self, log: EventLog) -> None:
        self.total = 0.0
        self.gc_total = 0.0
        self._depth = 0
        self._gc_started = 0.0
        for name in LOG_METHODS:
            method = getattr(log, name, None)
            if method is not None:
                setattr(log, name, self._wrap(method))
        gc.callbacks.append(self._gc)

    def close(self) -> None:
        gc.callbacks.remove(self._gc)

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.thread_time()
        else:
            self.gc_total += time.thread_time() - self._gc_started

    def _wrap(self, method: Callable[..., Any]) -> Callable[..., Any]:
        # wraps(): Textual counts a watcher's parameters through its signature.
        @functools.wraps(method)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._depth += 1
            t0 = time.thread_time()
            try:
                return method(*args, **kwargs)
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self.total += time.thread_time() - t0

        return timed


class Run:
    def __init__(self, app: MissionControlApp, pilot: Any, timer: LogTimer) -> None:
        self.app = app
        self.pilot = pilot
        self.timer = timer

    async def measure(self, step: Callable[[], Awaitable[object]]) -> Sample:
        """CPU, log and collector milliseconds of one step, through to the painted frame."""
        log_before, gc_before = self.timer.total, self.timer.gc_total
        t0 = time.process_time()
        await step()
        await self.pilot.pause()
        cpu = time.process_time() - t0
        return Sample(
            cpu * 1000,
            (self.timer.total - log_before) * 1000,
            (self.timer.gc_total - gc_before) * 1000,
        )

    async def press(self, key: str) -> Sample:
        return await self.measure(lambda: self.pilot.press(key))


class Sample(NamedTuple):
    cpu_ms: float
    log_ms: float
    gc_ms: float


def medians(samples: list[Sample]) -> dict[str, float]:
    return {
        "cpu_ms": statistics.median(s.cpu_ms for s in samples),
        "log_ms": statistics.median(s.log_ms for s in samples),
    }


async def bench(
    campaign: Campaign, steps: int, max_frames: int, counts: dict[str, int]
) -> dict[str, Any]:
    source = ManualTimeSource()
    fastest = SPEED_LADDER[-1][0]
    app = make_app(campaign, time_source=source, paused=True, speed=fastest)
    figures: dict[str, Any] = {"events": len(campaign.all_events())}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        log = app.query_one(EventLog)
        timer = LogTimer(log)
        run = Run(app, pilot, timer)

        ends, starts = [], []
        for _ in range(3):
            ends.append(await run.press("end"))
            assert log.passed == figures["events"], "the end key did not pass every event"
            starts.append(await run.press("home"))
            assert log.passed == 0
        figures["seek_end"] = medians(ends)
        figures["seek_start"] = medians(starts)

        await run.press("end")
        log.focus()

        async def scroll(key: str, count: int | None) -> list[Sample]:
            """From the newest line, ``key`` ``count`` times (None: until the oldest line
            or ``steps``)."""
            log.highlighted = None
            await run.press("up")  # the cursor on the newest line, the view at the end
            moves = []
            while log.highlighted and len(moves) < (steps if count is None else count):
                moves.append(await run.press(key))
            return moves

        for key, name in (("pageup", "page_step"), ("up", "line_step")):
            count = counts.get(name)
            moves = []
            for _ in range(REPEATS):
                moves += await scroll(key, count)
                count = len(moves) if count is None else count
            figures[name] = medians(moves)
            figures[name]["steps"] = count
        figures["page_run"] = medians(await scroll("pageup", None))
        figures["units"] = medians([await run.press("u") for _ in range(4)])
        filters = []
        for _ in range(3):
            filters.append(await run.press("f"))  # failures only
            while app.log_filter != FILTER_ALL:
                await run.press("f")
        figures["filter"] = medians(filters)

        await run.press("home")
        app.action_toggle_play()
        frames: list[Sample] = []
        adding: list[Sample] = []

        async def frame() -> None:
            source.advance(FRAME_WALL_S)
            app.poll()

        while app.clock.playing and len(frames) < max_frames:
            passed = log.passed
            frames.append(await run.measure(frame))
            if log.passed != passed:
                adding.append(frames[-1])
        timer.close()
    slowest = max(frames, key=lambda f: f.log_ms)
    figures["play_frame"] = medians(frames)
    figures["adding_frame"] = medians(adding)
    figures["frames"] = {
        "played": len(frames),
        "adding": len(adding),
        "slowest_cpu_ms": max(f.cpu_ms for f in frames),
        "slowest_log_ms": slowest.log_ms,
        "slowest_log_gc_ms": slowest.gc_ms,
    }
    return figures


@contextmanager
def cache_in(folder: Path) -> Iterator[None]:
    before = os.environ.get("MISSION_CONTROL_CACHE_DIR")
    os.environ["MISSION_CONTROL_CACHE_DIR"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            del os.environ["MISSION_CONTROL_CACHE_DIR"]
        else:
            os.environ["MISSION_CONTROL_CACHE_DIR"] = before


def synthetic_mission(events: int, folder: Path) -> Mission:
    """The synthetic mission, through the app's own cache of parsed missions."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic-{events}.txt"
    text = synthetic_article(events)
    if not path.exists() or path.read_text("utf-8") != text:
        path.write_text(text, "utf-8")
    with cache_in(folder):
        return catalog.read_seed(path)


def report(results: dict[str, dict[str, Any]]) -> None:
    small, big = results["seeds"], results["synthetic"]
    print(f"event log at {SIZE[0]}x{SIZE[1]}, milliseconds (medians)")
    sizes = f"{small['events']:,} events", f"{big['events']:,} events"
    print(f"  {'':14} {'':4} {sizes[0]:>14} {sizes[1]:>14} {'ratio':>8}")
    for name in FIGURES:
        for kind in ("cpu_ms", "log_ms"):
            a, b = small[name][kind], big[name][kind]
            ratio = f"{b / a:8.2f}" if a > 0 else "       -"
            label = name if kind == "cpu_ms" else ""
            print(f"  {label:14} {kind[:-3]:4} {a:14.2f} {b:14.2f} {ratio}")
    for name in ("seeds", "synthetic"):
        f = results[name]["frames"]
        print(
            f"  {name}: {f['played']} frames played, {f['adding']} adding lines; slowest "
            f"{f['slowest_cpu_ms']:.1f} ms, slowest in the log {f['slowest_log_ms']:.1f} ms "
            f"(the garbage collector {f['slowest_log_gc_ms']:.1f} ms of that frame)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--steps", type=int, default=40, help="scroll steps of each kind")
    parser.add_argument("--frames", type=int, default=150, help="frames played at most")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "mission-control-bench",
        help="where the parsed synthetic mission is kept between runs",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with cache_in(args.cache):
        bundled = catalog.load().missions
    seeds = build_campaign(bundled)
    t0 = time.perf_counter()
    # The bundled missions too: the same panels above the log leave it as many rows.
    big = build_campaign([*bundled, synthetic_mission(args.events, args.cache)])
    print(f"synthetic campaign ready in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    small = asyncio.run(bench(seeds, args.steps, args.frames, {}))
    counts = {name: small[name]["steps"] for name in ("page_step", "line_step")}
    results = {
        "seeds": small,
        "synthetic": asyncio.run(bench(big, args.steps, args.frames, counts)),
    }
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
