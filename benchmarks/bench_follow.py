"""How soon a change on the presenter reaches every follower of a shared replay.

    python benchmarks/bench_follow.py [--followers 50] [--changes 200] [--json]

One presenter (``Presenting`` and ``UnixPresenter``, over a real Unix socket in a private
runtime folder) and ``--followers`` followers (``UnixFollower`` feeding ``Following``, each
with a replay clock of its own), all asyncio tasks in one event loop, as a dashboard runs
them. Each change is a seek or a play/pause on the presenter's clock, ``--gap`` ms apart;
its delay to a follower runs from the change to that follower's clock having adopted it
(decoded, checked, extrapolated). The figures are the median and worst of every
follower's delay, and of each change's last follower ("every follower"). In one loop the
followers take turns, so the last one waits for the 49 before it: separate processes (a
dashboard each) would each see about the first follower's delay.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from mission_control.autospeed import AutoSpeed
from mission_control.clock import ReplayClock, SystemTimeSource
from mission_control.share.places import claim, place_of
from mission_control.share.protocol import decode, encode
from mission_control.share.session import Following, Presenting
from mission_control.share.unix import UnixFollower, UnixPresenter

BOUNDS = (0.0, 20_000_000.0)


def clock(source: SystemTimeSource) -> ReplayClock:
    return ReplayClock(source, start=1_000.0, bounds=BOUNDS, law=AutoSpeed([]), speed=3600.0)


async def run(followers: int, changes: int, gap_s: float) -> dict[str, float]:
    source = SystemTimeSource()
    presenter = clock(source)
    presenting = Presenting(presenter, presenter="bench", by="bench")
    server = UnixPresenter(
        claim(place_of("bench"), "bench"),
        lambda: encode(presenting.state(presenter.setting(), None)),
    )
    serving = asyncio.create_task(server.run())
    changed: dict[int, float] = {}
    delays: dict[int, list[float]] = {}

    def follower() -> UnixFollower:
        following = Following(clock(source), source)

        def line(data: bytes) -> None:
            state = decode(data)
            if following.receive(state) and state.seq in changed:
                delays.setdefault(state.seq, []).append(time.perf_counter() - changed[state.seq])

        return UnixFollower(
            place_of("bench"), on_line=line, on_lost=following.lost, on_problem=print
        )

    tasks = [asyncio.create_task(follower().run()) for _ in range(followers)]
    while server.viewers < followers:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.2)
    for i in range(changes):
        start = time.perf_counter()
        if i % 2:
            presenter.toggle()
        else:
            presenter.seek(BOUNDS[1] * ((i * 7919) % 1000) / 1000)
        state = presenting.due(None)
        assert state is not None
        changed[state.seq] = start
        server.send(encode(state))
        await asyncio.sleep(gap_s)
    await asyncio.sleep(0.5)
    for task in [serving, *tasks]:
        task.cancel()
    await asyncio.gather(serving, *tasks, return_exceptions=True)
    missing = sum(followers - len(delays.get(seq, [])) for seq in changed)
    each = [d for ds in delays.values() for d in ds]
    last = [max(ds) for ds in delays.values()]
    return {
        "followers": followers,
        "changes": changes,
        "missed": missing,
        "dropped": server.dropped,
        "median_ms": statistics.median(each) * 1e3,
        "worst_ms": max(each) * 1e3,
        "every_median_ms": statistics.median(last) * 1e3,
        "every_worst_ms": max(last) * 1e3,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--followers", type=int, default=50)
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--gap", type=float, default=20.0, help="ms between changes")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    runtime = Path(tempfile.mkdtemp(prefix="mc-bench", dir="/tmp"))
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    try:
        figures = asyncio.run(run(args.followers, args.changes, args.gap / 1e3))
    finally:
        shutil.rmtree(runtime, ignore_errors=True)
    if args.json:
        print(json.dumps(figures))
        return
    print(
        f"{figures['followers']} followers, {figures['changes']} changes "
        f"({figures['missed']} missed, {figures['dropped']} dropped)\n"
        f"  a follower:      median {figures['median_ms']:.2f} ms, "
        f"worst {figures['worst_ms']:.2f} ms\n"
        f"  every follower:  median {figures['every_median_ms']:.2f} ms, "
        f"worst {figures['every_worst_ms']:.2f} ms"
    )


if __name__ == "__main__":
    main()
