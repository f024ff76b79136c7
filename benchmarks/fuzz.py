"""Runs the fuzz suite (tests/fuzz) with many more cases than CI, on fresh random input.

    python benchmarks/fuzz.py            # 10,000 cases a property
    python benchmarks/fuzz.py --cases 50000

CI tries 2,000 fixed cases a property; this tries new ones on every run, so it can find
what CI does not. Hypothesis prints any failing case, shrunk, with how to replay it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="cases a property (10000)")
    args = parser.parse_args()
    env = {**os.environ, "MISSION_CONTROL_FUZZ_EXAMPLES": str(args.cases)}
    started = time.perf_counter()
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/fuzz"]
    done = subprocess.run([*command, "--durations=0"], cwd=ROOT, env=env, check=False)
    print(f"{args.cases:,} cases a property in {time.perf_counter() - started:.0f} s")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
