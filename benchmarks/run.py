"""Every performance figure of the dashboard, against its target, in one run.

    .venv/bin/python benchmarks/run.py [-n 5] [--soak-minutes 30] [--json]

It runs the four benchmarks one after the other, each in its own process (the machine may
have only 2 cores, so nothing runs in parallel), and prints one table:

  bench_terminal.py  the dashboard in a real 80x24 pseudo-terminal against Textual's bare
                     baselines (tuimeter): time to first frame vs a one-word app; CPU/s,
                     bytes/s and peak memory during 1x and auto replay vs a 10 Hz clock.
  bench_domain.py    in-process: reading the bundled seeds, one ``state_at`` and one seek,
                     for the seeds and for a synthetic mission of 100,000 events, and the
                     time to load that mission from the parsed-seed cache, ready to replay.
  bench_log.py       in-process: a scroll step of the event log holding 100,000 events
                     against the same step with the bundled 13.
  bench_reading.py   in-process: reading generated articles that say one thing 1x, 4x and
                     16x as often (dates, quantities, times, ranges in one sentence, dated
                     sentences): how reading time grows with the article.
  bench_orbits.py    in-process: one Lambert solve and one Kepler propagation of Mars 6's
                     transfer, against one planet position timed alongside.
  bench_orrery.py    in-process: one redraw of the orrery (scene, braille drawing, pane) at
                     its 120x40 and 200x50 sizes, against one ``state_at`` timed alongside.
  soak.py            ``--soak-minutes`` at the fastest speed, looping: memory growth.

The first run reads the 100,000-event article afresh (a minute or two) and keeps it in
``--cache`` for later runs. The exit status is 0 whether targets pass or fail; 1 when a
benchmark could not be run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-n", type=int, default=5, help="alternating A/B runs in the terminal (5)")
    p.add_argument("--soak-minutes", type=float, default=30.0, help="soak length (30)")
    p.add_argument("--events", type=int, default=100_000, help="synthetic events (100000)")
    p.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "mission-control-bench",
        help="where the parsed synthetic mission is kept between runs",
    )
    p.add_argument("--tuimeter", type=Path, default=None, help="path to tuimeter.py")
    p.add_argument("--json", action="store_true", help="print JSON instead of the table")
    return p.parse_args(argv)


def run(script: str, *args: str) -> dict[str, Any]:
    """One benchmark's JSON (its progress goes to our stderr)."""
    print(f"== {script} {' '.join(args)}", file=sys.stderr, flush=True)
    proc = subprocess.run(
        [sys.executable, str(HERE / script), *args, "--json"],
        stdout=subprocess.PIPE,
        text=True,
        check=False,
        cwd=HERE,
    )
    try:
        out: dict[str, Any] = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return {"error": f"{script} printed no JSON (exit {proc.returncode})"}
    out["exit_status"] = proc.returncode
    return out


def row(
    figure: str,
    value: str,
    against: str,
    ratio: float | None,
    target: str,
    ok: bool | None,
    *,
    verdict: str | None = None,
) -> dict[str, Any]:
    if verdict is None:
        verdict = "no data" if ok is None else ("pass" if ok else "FAIL")
    return {
        "figure": figure,
        "value": value,
        "against": against,
        "ratio": ratio,
        "target": target,
        "verdict": verdict,
    }


SHOWN_WITHOUT_TARGET = {
    "time to first frame, articles read",
    "CPU/s, auto replay mid-cruise, 120x40 with the orrery",
    "bytes/s, auto replay mid-cruise, 120x40 with the orrery",
}
"""Terminal figures with no target that the table still shows."""


def terminal_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for r in result.get("table", []):
        if r["target"] is None and r["figure"] not in SHOWN_WITHOUT_TARGET:
            continue
        unit = r["unit"]

        def shown(v: float | None, unit: str = unit) -> str:
            if v is None:
                return "-"
            return {
                "s": f"{v * 1000:.0f} ms",
                "B/s": f"{v:,.0f} B/s",
                "MB": f"{v:.1f} MB",
                "s/s": f"{v:.4f} CPU-s/s",
            }.get(unit, f"{v:g}")

        ratio = r["ratio"]
        pairs = (
            f", pairs {r['pair_ratio_min']:.2f}-{r['pair_ratio_max']:.2f}"
            if r["pair_ratio_min"] is not None
            else ""
        )
        out.append(
            row(
                r["figure"],
                shown(r["app_median"]),
                f"{shown(r['baseline_median'])} ({r['baseline']}){pairs}",
                ratio,
                "-" if r["target"] is None else f"<= {r['target']:g} x",
                None,
                verdict=r["verdict"],  # bench_terminal's own: pass, FAIL, info or no data
            )
        )
    return out


def domain_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    seeds, big = result.get("seeds"), result.get("synthetic")
    if not seeds or not big:
        return [row("in-process figures", "-", "-", None, "-", None)]
    n = f"{big['events']:,} events"
    return [
        row("read the bundled seeds", f"{seeds['read_ms']:.1f} ms", "-", None, "-", True),
        row("one state_at, bundled seeds", f"{seeds['state_at_ms']:.3f} ms", "-", None, "-", True),
        row(
            f"load {n} (cache + prepare + clock)",
            f"{big['load_s']:.2f} s",
            f"cache {big['cached_read_s']:.2f} + prepare {big['build_s']:.2f} "
            f"+ clock {big['clock_s']:.2f} s",
            None,
            "<= 1 s",
            big["load_s"] <= 1.0,
        ),
        row(f"seek, {n}", f"{big['seek_ms']:.3f} ms", "-", None, "<= 5 ms", big["seek_ms"] <= 5),
        row(
            f"one state_at, {n}",
            f"{big['state_at_ms']:.3f} ms",
            "-",
            None,
            "<= 5 ms",
            big["state_at_ms"] <= 5,
        ),
    ]


SOLVE_TARGET_US = 1000.0
"""The transfer is planned after the first frame, once per craft: well under a millisecond."""


def orbit_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    if "solve_us" not in result:
        return [row("Lambert solve", "-", "-", None, "-", None)]
    position = f"{result['position_km_us']:.1f} µs (one planet position)"
    return [
        row(
            "one Lambert solve, Mars 6's transfer",
            f"{result['solve_us']:.1f} µs",
            position,
            result["solve_ratio"],
            f"<= {SOLVE_TARGET_US:g} µs",
            result["solve_us"] <= SOLVE_TARGET_US,
        ),
        row(
            "one Kepler propagation, launch to arrival",
            f"{result['propagate_us']:.1f} µs",
            position,
            result["propagate_ratio"],
            "-",
            True,
        ),
    ]


ORRERY_REDRAW_TARGET_MS = 10.0
"""One orrery redraw, at most: ten a second (the display timer's most) stay under a tenth
of a core's time, the auto replay's CPU budget against the 10 Hz clock."""


def orrery_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    if "state_at_ms" not in result:
        return [row("orrery redraw", "-", "-", None, "-", None)]
    base = result["state_at_ms"]
    out = []
    for size in ("120x40", "200x50"):
        r = result[size]
        out.append(
            row(
                f"one orrery redraw (scene + braille + pane), {size}",
                f"{r['redraw_ms']:.2f} ms",
                f"{base:.3f} ms (one state_at)",
                r["ratio_to_state_at"],
                f"<= {ORRERY_REDRAW_TARGET_MS:g} ms",
                r["redraw_ms"] <= ORRERY_REDRAW_TARGET_MS,
            )
        )
    return out


SCROLL_TARGET = 1.5
"""A scroll step of the log holding 100,000 events may cost this much of the 13-event one."""


def log_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    small, big = result.get("seeds"), result.get("synthetic")
    if not small or not big:
        return [row("event log scroll step", "-", "-", None, "-", None)]
    out = []
    for key, label in (("page_step", "page up/down"), ("line_step", "line up/down")):
        a, b = big[key]["cpu_ms"], small[key]["cpu_ms"]
        out.append(
            row(
                f"log scroll step, {label}, {big['events']:,} events",
                f"{a:.1f} ms",
                f"{b:.1f} ms ({small['events']} events)",
                a / b,
                f"<= {SCROLL_TARGET:g} x",
                a / b <= SCROLL_TARGET,
            )
        )
    return out


READING_GROWTH_TARGET = 32.0
"""Reading a 16x longer article may take this many times as long: linear is 16, twice that
leaves room for noise; a reader that rescans a sentence per match takes 256."""


def reading_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    shapes = result.get("shapes")
    if not shapes:
        return [row("reading, 16x the article", "-", "-", None, "-", None)]
    size = result["size"]
    return [
        row(
            f"reading, {shape} said {16 * size:,} times vs {size:,}",
            f"{r['16x_s']:.2f} s",
            f"{r['1x_s']:.3f} s",
            r["ratio_16x"],
            f"<= {READING_GROWTH_TARGET:g} x",
            r["ratio_16x"] <= READING_GROWTH_TARGET,
        )
        for shape, r in shapes.items()
    ]


def soak_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    growth = result.get("rss_growth_pct")
    if growth is None:
        return [row("soak, RSS growth", "-", "-", None, "<= 5 %", None)]
    return [
        row(
            f"soak {result['wall_s'] / 60:.0f} min at 1 week/s, looping: RSS growth",
            f"{growth:+.2f} %",
            f"{result['reference']['rss_mb']:.1f} -> {result['last']['rss_mb']:.1f} MB, "
            f"{result['loops']} loops",
            None,
            "<= 5 %",
            growth <= result["target_pct"],
        )
    ]


def table(rows: list[dict[str, Any]]) -> str:
    head = ["figure", "measured", "against", "ratio", "target", ""]
    body = [
        [
            r["figure"],
            r["value"],
            r["against"],
            "-" if r["ratio"] is None else f"{r['ratio']:.2f}",
            r["target"],
            r["verdict"],
        ]
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(head, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in body
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    o = parse_args(argv)
    o.cache.mkdir(parents=True, exist_ok=True)
    cache = str(o.cache.resolve())
    terminal_args = ["-n", str(o.n), "--quiet"]
    if o.tuimeter is not None:
        terminal_args += ["--tuimeter", str(o.tuimeter.resolve())]
    results = {
        "domain": run("bench_domain.py", "--events", str(o.events), "--cache", cache),
        "log": run("bench_log.py", "--events", str(o.events), "--cache", cache),
        "reading": run("bench_reading.py"),
        "orbits": run("bench_orbits.py"),
        "orrery": run("bench_orrery.py"),
        "terminal": run("bench_terminal.py", *terminal_args),
    }
    if o.soak_minutes > 0:
        results["soak"] = run("soak.py", "--minutes", f"{o.soak_minutes:g}")
    rows = [
        *terminal_rows(results["terminal"]),
        *domain_rows(results["domain"]),
        *log_rows(results["log"]),
        *reading_rows(results["reading"]),
        *orbit_rows(results["orbits"]),
        *orrery_rows(results["orrery"]),
        *(soak_rows(results["soak"]) if "soak" in results else []),
    ]
    failed = any("error" in r for r in results.values())
    if o.json:
        print(json.dumps({"table": rows, "results": results}, indent=2))
    else:
        print(table(rows))
        for name, r in results.items():
            if "error" in r:
                print(f"{name}: {r['error']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
