"""In-process figures for the orbital mathematics: one Lambert solve and one Kepler propagation,
each in microseconds and as a multiple of one ``ephemeris.position_km`` call timed alongside.

    python benchmarks/bench_orbits.py [--repeat 2000] [--json]

The geometry is Mars 6's: Earth at launch (1973-08-05 17:45:48 UTC) to Mars at arrival
(1974-03-12), around the Sun. Each figure is the median of several batches.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime

from mission_control import ephemeris, kepler, lambert
from mission_control.timescale import to_tick

LAUNCH = datetime(1973, 8, 5, 17, 45, 48, tzinfo=UTC)
ARRIVAL = datetime(1974, 3, 12, tzinfo=UTC)
BATCHES = 7


def median_us(fn: Callable[[], object], repeat: int) -> float:
    """Median over BATCHES batches of the mean time of one call, in microseconds."""
    samples = []
    for _ in range(BATCHES):
        t0 = time.perf_counter()
        for _ in range(repeat):
            fn()
        samples.append((time.perf_counter() - t0) / repeat * 1e6)
    return statistics.median(samples)


def measure(repeat: int) -> dict[str, float]:
    mu = ephemeris.GM_SUN_KM3_S2
    depart, arrive = to_tick(LAUNCH), to_tick(ARRIVAL)
    r1 = ephemeris.position_km("earth", depart)
    r2 = ephemeris.position_km("mars", arrive)
    tof = arrive - depart
    v1, _ = lambert.solve(mu, r1, r2, tof)
    position_us = median_us(lambda: ephemeris.position_km("mars", arrive), repeat)
    solve_us = median_us(lambda: lambert.solve(mu, r1, r2, tof), repeat)
    propagate_us = median_us(lambda: kepler.propagate(mu, r1, v1, tof), repeat)
    return {
        "position_km_us": position_us,
        "solve_us": solve_us,
        "solve_ratio": solve_us / position_us,
        "propagate_us": propagate_us,
        "propagate_ratio": propagate_us / position_us,
        "departure_speed_km_s": kepler.norm(v1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2000, help="calls in each batch")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = measure(args.repeat)
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        for key, value in results.items():
            print(f"  {key:22} {value:,.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
