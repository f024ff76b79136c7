"""The parsed-source cache's costs: a hit, its key's digest, and pint's own cache.

    python benchmarks/bench_cache.py [--events 100000] [--pint-runs 5] [--json]

* ``hit``: a cache hit of the Mars 6 mission as a start makes it (``cache.cached``: the
  key's digest, the folder's and the entry's checks, decoding, the code stamp), against the
  same hit as the earlier pickled cache made it (the text as key, ``pickle.load``, the
  stamp checked with a Path per file); then decoding alone, msgpack into the typed record
  against ``pickle.loads``, for Mars 6 and for a mission of ``--events`` events (Mars 6's
  rows over and over, each with a sentence of its own), with each entry's size. Mars 6's
  rows share their quantities, which pickle writes once: a real article's do not.
* ``digest``: keying a 30 KB text: zlib's CRC-32, CRC-32 with Adler-32, and BLAKE2b from
  ``_blake2`` (what ``cache.digest`` uses), and what importing ``_blake2`` or ``hashlib``
  costs a fresh interpreter (``-X importtime``, the median of five).
* ``pint``: building ``pint.UnitRegistry()`` in a fresh process, without a cache folder and
  with a warm one (the median of ``--pint-runs``).

Times are the best of several repeats, in microseconds unless named otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import timeit
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec

from mission_control import cache, catalog, collector, fingerprint
from mission_control.event_table import EventTable
from mission_control.mission import Mission
from mission_control.paths import PACKAGE, seeds_dir


def best_us(action: Callable[[], object], number: int) -> float:
    return min(timeit.repeat(action, number=number, repeat=7)) / number * 1e6


def old_path(folder: Path, name: str, text: str) -> Path:
    """Where the pickled cache kept an entry: its key's CRC-32 and length."""
    key = f"{name}\0{text}"
    return folder / f"{zlib.crc32(key.encode()):08x}-{len(key)}.pickle"


def old_hit(folder: Path, name: str, text: str) -> Mission | None:
    """A hit as the pickled cache made it: the whole text as key, a CRC-32 names the file."""
    key = f"{name}\0{text}"
    with old_path(folder, name, text).open("rb") as handle, collector.paused():
        stored_key, stamped, value = pickle.load(handle)
    if stored_key == key and old_unchanged(stamped) and isinstance(value, Mission):
        return value
    return None


def old_unchanged(stamped: fingerprint.Stamp, package: Path = PACKAGE) -> bool:
    """The pickled cache's check of the code stamp, a Path for each file."""
    try:
        for name, size, mtime_ns in stamped:
            found = (package / name).stat()
            if found.st_size != size or found.st_mtime_ns != mtime_ns:
                return False
    except (OSError, TypeError, ValueError):
        return False
    return bool(stamped)


def synthetic(mission: Mission, events: int) -> Mission:
    """Mars 6 with ``events`` events: its rows over and over, each with a sentence and a
    summary of its own (as a real article's are; pickle would otherwise share them)."""
    rows = mission.table.rows
    many = []
    for i in range(events):
        row = list(rows[i % len(rows)])
        row[1] = i
        row[7] = f"{row[7]} {i}"
        row[8] = tuple((p[0], f"{p[1]} {i}", p[2], p[3] + i) for p in row[8])
        many.append(tuple(row))
    return msgspec.structs.replace(mission, events=EventTable.from_rows(tuple(many)))


def hit(events: int) -> dict[str, Any]:
    seed = seeds_dir() / "mars6.txt"
    shown = catalog.display_name(seed)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["MISSION_CONTROL_CACHE_DIR"] = scratch
        mission = catalog.read_seed(seed, shown)
        name, text, make = catalog._seed_source(seed, shown)
        old = Path(scratch)
        entry = (f"{name}\0{text}", fingerprint.stamp(), mission)
        old_path(old, name, text).write_bytes(pickle.dumps(entry, pickle.HIGHEST_PROTOCOL))
        assert old_hit(old, name, text) == mission
        assert cache.cached(name, text, make, expect=Mission) == mission
        out: dict[str, Any] = {
            "mars6_hit_pickle_us": best_us(lambda: old_hit(old, name, text), 2000),
            "mars6_hit_msgpack_us": best_us(
                lambda: cache.cached(name, text, make, expect=Mission), 2000
            ),
        }
    with collector.paused():
        many = synthetic(mission, events)
        for label, value, number in (("mars6", mission, 2000), (f"{events}", many, 5)):
            pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
            packed = cache.encode(value)
            assert cache.decode(packed, Mission) == pickle.loads(pickled) == value
            out[f"{label}_decode_pickle_us"] = best_us(lambda p=pickled: pickle.loads(p), number)
            out[f"{label}_decode_msgpack_us"] = best_us(
                lambda p=packed: cache.decode(p, Mission), number
            )
            out[f"{label}_bytes_pickle"] = len(pickled)
            out[f"{label}_bytes_msgpack"] = len(packed)
    return out


def import_us(module: str) -> float:
    """What importing ``module`` adds to a fresh interpreter, by ``-X importtime``."""
    found = []
    for _ in range(5):
        run = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import zlib; import {module}"],
            capture_output=True,
            text=True,
            check=True,
        )
        line = next(x for x in run.stderr.splitlines() if x.rstrip().endswith(f"| {module}"))
        found.append(float(line.split("|")[1]))
    return statistics.median(found)


def digest() -> dict[str, float]:
    import _blake2

    text = ((seeds_dir() / "mars6.txt").read_text("utf-8") * 10)[:30_000]
    data = f"seed seeds/mars6.txt\0{text}"
    return {
        "crc32_us": best_us(lambda: zlib.crc32(data.encode()), 2000),
        "crc32_adler32_us": best_us(
            lambda: (zlib.crc32(b := data.encode()), zlib.adler32(b), len(b)), 2000
        ),
        "blake2b_us": best_us(
            lambda: _blake2.blake2b(data.encode(), digest_size=16).hexdigest(), 2000
        ),
        "cache_digest_us": best_us(lambda: cache.digest("seed seeds/mars6.txt", text), 2000),
        "import_blake2_us": import_us("_blake2"),
        "import_hashlib_us": import_us("hashlib"),
    }


PINT_BUILD = """
import sys, time
import pint
t0 = time.perf_counter()
pint.UnitRegistry(cache_folder=sys.argv[1] or None)
print(time.perf_counter() - t0)
"""


def pint_build(runs: int) -> dict[str, float]:
    def median_ms(folder: str) -> float:
        found = []
        for _ in range(runs):
            run = subprocess.run(
                [sys.executable, "-c", PINT_BUILD, folder],
                capture_output=True,
                text=True,
                check=True,
            )
            found.append(float(run.stdout) * 1e3)
        return statistics.median(found)

    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run([sys.executable, "-c", PINT_BUILD, scratch], check=True, capture_output=True)
        return {
            "pint_build_no_cache_ms": median_ms(""),
            "pint_build_warm_cache_ms": median_ms(scratch),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--pint-runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = {"hit": hit(args.events), "digest": digest(), "pint": pint_build(args.pint_runs)}
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
        return
    for section, figures in results.items():
        print(section)
        for name, value in figures.items():
            print(f"  {name:28} {value:>14,.1f}")


if __name__ == "__main__":
    main()
