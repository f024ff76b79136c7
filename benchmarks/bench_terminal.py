"""The dashboard as a terminal user sees it, against the bare Textual baselines, in one run.

    .venv/bin/python benchmarks/bench_terminal.py [-n 5] [--startup-n 15] [--seconds 10] [--json]

Every figure comes from ``../shared/tools/tuimeter.py`` (found beside the repository, or given
with ``--tuimeter PATH``), which starts each command in a real 80x24 pseudo-terminal, reads
what it writes, and alternates the app (A) with its baseline (B) A B A B ... after one
unmeasured warm-up run of each. Ratios are A/B of the medians of ``-n`` runs (5 by default),
or of ``--startup-n`` runs (15) for the three start-up rows.
Both sides run on this script's own Python (the venv's): the app as its ``mission-control``
script beside that interpreter, the baselines as ``python baselines/NAME.py``; each command
starts with ``exec`` so the ``/bin/sh`` wrapper's memory is not counted.

Five tuimeter invocations, one after the other (never in parallel: the machine has 2 cores):

  startup (warm)  ``mission-control`` vs ``baselines/hello.py``: time to first frame, after
                  one run that fills the parsed-seed cache (the user's cache folder, or
                  ``--cache-dir``).
  startup (first) the first start after an install: the package built and installed as a
                  wheel (``pip install --target`` into a temporary folder, put first on
                  ``PYTHONPATH``), with a new, empty cache folder for every run. The wheel
                  ships its articles already read.
  startup (read)  ``MISSION_CONTROL_NO_CACHE=1``: the articles are read afresh, as after
                  editing one (pint and the reader are imported before the first frame).
                  Reported, with no target: an edited article has to be read to be shown.
  replay 1x       ``mission-control --speed 1`` vs ``baselines/clock.py`` (10 Hz Digits
                  clock): CPU/s, bytes written/s, peak RSS over a ``--seconds`` window.
  replay auto     ``mission-control`` (auto speed, the default) vs the same clock.

The app counts as ready when the screen shows ``--ready`` text (``Mars 6``: the dashboard's
first frame is complete), hello when it shows READY, the clock at its first non-blank frame.

Targets (ratio of medians, A/B): time to first frame <= 1.25 x hello; CPU/s and bytes/s
<= 1.5 x clock; peak memory <= 1.5 x clock. Each row is marked pass or FAIL. The exit status
is 0 whether targets pass or fail (this reports; it is not a test); 1 if a measurement could
not be made (an app never became ready); 2 if tuimeter is not found.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TUIMETER = REPO.parent / "shared" / "tools" / "tuimeter.py"
COLS, ROWS = 80, 24

STARTUP_TARGET = 1.25
STEADY_TARGET = 1.5


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure of one tuimeter invocation, against its target."""

    label: str
    run: str
    figure: str
    unit: str
    target: float | None


TTFF = "time_to_first_frame_s"
ROWS_SPEC = (
    Row("time to first frame, warm cache", "startup_warm", TTFF, "s", STARTUP_TARGET),
    Row("time to first frame, after install", "startup_first", TTFF, "s", STARTUP_TARGET),
    Row("time to first frame, articles read", "startup_read", TTFF, "s", None),
    Row("CPU/s, 1x replay", "replay_1x", "cpu_per_s", "s/s", STEADY_TARGET),
    Row("bytes/s, 1x replay", "replay_1x", "bytes_per_s", "B/s", STEADY_TARGET),
    Row("peak RSS, 1x replay", "replay_1x", "peak_rss_mb", "MB", STEADY_TARGET),
    Row("updates/s, 1x replay", "replay_1x", "updates_per_s", "/s", None),
    Row("CPU/s, auto replay", "replay_auto", "cpu_per_s", "s/s", STEADY_TARGET),
    Row("bytes/s, auto replay", "replay_auto", "bytes_per_s", "B/s", STEADY_TARGET),
    Row("peak RSS, auto replay", "replay_auto", "peak_rss_mb", "MB", STEADY_TARGET),
    Row("updates/s, auto replay", "replay_auto", "updates_per_s", "/s", None),
    Row(
        "CPU/s, auto replay mid-cruise, 120x40 with the orrery",
        "replay_auto_120",
        "cpu_per_s",
        "s/s",
        None,
    ),
    Row(
        "bytes/s, auto replay mid-cruise, 120x40 with the orrery",
        "replay_auto_120",
        "bytes_per_s",
        "B/s",
        None,
    ),
    Row(
        "peak RSS, auto replay mid-cruise, 120x40 with the orrery",
        "replay_auto_120",
        "peak_rss_mb",
        "MB",
        None,
    ),
    Row(
        "updates/s, auto replay mid-cruise, 120x40 with the orrery",
        "replay_auto_120",
        "updates_per_s",
        "/s",
        None,
    ),
)
BASELINE_OF = {
    "startup_warm": "hello",
    "startup_first": "hello",
    "startup_read": "hello",
    "replay_1x": "clock",
    "replay_auto": "clock",
    "replay_auto_120": "clock",
}
LARGE = ["--cols", "120", "--rows", "40"]
"""The size at which the orrery is beside the log (it is hidden at 80x24 until asked for)."""
CRUISE = "1973-09-01"
"""Mid-cruise, where auto speed runs fastest and the orrery's markers move at every frame:
its figures have no target (the rest of the dashboard alone is above the clock there)."""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--tuimeter",
        type=Path,
        default=DEFAULT_TUIMETER,
        help=f"path to tuimeter.py (default: {DEFAULT_TUIMETER})",
    )
    p.add_argument("-n", type=int, default=5, help="measured runs of each side (5)")
    p.add_argument(
        "--startup-n",
        type=int,
        default=15,
        help="measured runs of each side for the start-up rows (15): a start takes a second, "
        "and its pair ratios swing 0.9-1.5 on a 2-core machine",
    )
    p.add_argument("--seconds", type=float, default=10.0, help="replay measurement window (10)")
    p.add_argument("--settle", type=float, default=1.0, help="pause before the window (1.0)")
    p.add_argument("--ready", default="Mars 6", help="text that shows the dashboard is up")
    p.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="parsed-seed cache folder for the warm runs (default: the user's cache folder)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of the table")
    p.add_argument("-q", "--quiet", action="store_true", help="no tuimeter progress on stderr")
    o = p.parse_args(argv)
    o.startup_n = max(o.n, o.startup_n)  # never fewer start-up runs than replay runs
    return o


def app_command(env: dict[str, str], *args: str) -> str:
    """A shell command that starts the dashboard on this interpreter, with ``env`` set."""
    python = Path(sys.executable)
    script = python.parent / "mission-control"
    exe = [str(script)] if script.exists() else [str(python), "-m", "mission_control"]
    prefix = [f"{k}={shlex.quote(v)}" for k, v in env.items()]
    return " ".join([*prefix, "exec", *map(shlex.quote, [*exe, *args])])


def install_wheel(log: Any) -> Path:
    """The package built and installed as a user's ``pip install .`` does, into a new
    temporary folder's ``site``; dependencies come from this interpreter's environment."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="mission-control-wheel-"))
    log(f"installing the package as a wheel into {folder / 'site'}")
    try:
        _install(folder / "site")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def _install(site: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(REPO),
        ],
        check=True,
    )
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(site)], check=False)


def baseline_command(tuimeter: Path, name: str) -> str:
    path = tuimeter.parent / "baselines" / f"{name}.py"
    return "exec " + shlex.join([sys.executable, str(path)])


def tuimeter(tool: Path, args: list[str], quiet: bool) -> tuple[dict[str, Any], int]:
    """Run tuimeter once; its JSON and exit status. Progress goes to our stderr."""
    cmd = [sys.executable, str(tool), *args]
    proc = subprocess.run(
        cmd,
        cwd=tool.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL if quiet else None,
        text=True,
        check=False,
    )
    try:
        return json.loads(proc.stdout), proc.returncode
    except json.JSONDecodeError:
        return {"error": f"tuimeter printed no JSON (exit {proc.returncode})"}, proc.returncode


def measure(o: argparse.Namespace, log: Any) -> dict[str, dict[str, Any]]:
    tool: Path = o.tuimeter
    env = {"MISSION_CONTROL_CACHE_DIR": str(o.cache_dir)} if o.cache_dir else {}
    hello = baseline_command(tool, "hello")
    clock = baseline_command(tool, "clock")
    common = ["--cols", str(COLS), "--rows", str(ROWS)]
    if o.quiet:
        common.append("--quiet")
    startup = [*common, "-n", str(o.startup_n), "--seconds", "0", "--settle", "0"]
    startup += ["--ready-b", "READY"]
    steady = [*common, "-n", str(o.n), "--seconds", str(o.seconds), "--settle", str(o.settle)]
    steady += ["--ready-b", ""]
    fresh = {**env, "MISSION_CONTROL_NO_CACHE": "1"}
    once = ["--seconds", "0", "--settle", "0", "--warmup", "0", "--quiet"]
    # An installed package has its bytecode compiled by pip; a checkout run with
    # PYTHONDONTWRITEBYTECODE set would otherwise compile every module on every start.
    import mission_control

    package = Path(mission_control.__file__).parent
    log(f"compiling {package} to bytecode, as pip does when it installs")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=False)
    log("filling the parsed-seed cache: one run of the dashboard")
    warm, status = tuimeter(
        tool,
        [app_command(env), "--ready", o.ready, *once],
        quiet=True,
    )
    if status != 0:
        log(f"the warming run failed: {warm.get('error') or warm.get('screen_tail')}")
    installed = install_wheel(log)
    # Each run's shell has a new process number, kept by ``exec``: a new empty cache folder.
    first = f"MISSION_CONTROL_CACHE_DIR={shlex.quote(str(installed / 'cache'))}/$$ " + app_command(
        {"PYTHONPATH": str(installed / "site")}
    )
    plan = {
        "startup_warm": [app_command(env), "--vs", hello, *startup],
        "startup_first": [first, "--vs", hello, *startup],
        "startup_read": [app_command(fresh), "--vs", hello, *startup],
        "replay_1x": [app_command(env, "--speed", "1"), "--vs", clock, *steady],
        "replay_auto": [app_command(env), "--vs", clock, *steady],
        "replay_auto_120": [app_command(env, "--at", CRUISE), "--vs", clock, *steady, *LARGE],
    }
    results: dict[str, dict[str, Any]] = {}
    try:
        for name, args in plan.items():
            log(f"== {name}: {args[0]}  vs  {args[2]}")
            out, status = tuimeter(tool, ["--ready", o.ready, *args], o.quiet)
            out["exit_status"] = status
            results[name] = out
    finally:
        shutil.rmtree(installed, ignore_errors=True)
    return results


def rows(results: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for spec in ROWS_SPEC:
        res = results.get(spec.run, {})
        a = res.get("a", {}).get("median", {}).get(spec.figure)
        b = res.get("b", {}).get("median", {}).get(spec.figure)
        ratio_info = res.get("ratio_a_over_b", {}).get(spec.figure, {})
        ratio = ratio_info.get("ratio")
        pairs = ratio_info.get("pair_ratios", [])
        if ratio is None:
            verdict = "no data"
        elif spec.target is None:
            verdict = "info"
        else:
            verdict = "pass" if ratio <= spec.target else "FAIL"
        out.append(
            {
                "figure": spec.label,
                "baseline": BASELINE_OF[spec.run],
                "unit": spec.unit,
                "app_median": a,
                "baseline_median": b,
                "ratio": ratio,
                "pair_ratio_min": min(pairs) if pairs else None,
                "pair_ratio_max": max(pairs) if pairs else None,
                "target": spec.target,
                "verdict": verdict,
            }
        )
    return out


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "B/s":
        return f"{value:,.0f} B/s"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "s/s":
        return f"{value:.4f}"
    if unit == "s":
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f}{unit}"


def table(table_rows: list[dict[str, Any]]) -> str:
    head = ["figure (80x24)", "app", "baseline", "ratio", "pairs", "target", ""]
    body = []
    for r in table_rows:
        pairs = (
            f"{r['pair_ratio_min']:.2f}-{r['pair_ratio_max']:.2f}"
            if r["pair_ratio_min"] is not None
            else "-"
        )
        body.append(
            [
                r["figure"],
                fmt(r["app_median"], r["unit"]),
                f"{fmt(r['baseline_median'], r['unit'])} ({r['baseline']})",
                "-" if r["ratio"] is None else f"{r['ratio']:.2f}",
                pairs,
                "-" if r["target"] is None else f"<= {r['target']:g}",
                r["verdict"],
            ]
        )
    widths = [max(len(line[i]) for line in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in [head]]
    lines.append("  ".join("-" * w for w in widths))
    for line in body:
        lines.append("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
    return "\n".join(lines)


def notes(results: dict[str, dict[str, Any]]) -> list[str]:
    """Warnings and errors tuimeter reported, and the machine's load around each run."""
    out = []
    for name, res in results.items():
        machine = res.get("machine", {})
        out.append(
            f"{name}: load {machine.get('loadavg_before')} -> {machine.get('loadavg_after')}, "
            f"tuimeter exit {res.get('exit_status')}"
        )
        if "error" in res:
            out.append(f"{name}: {res['error']}")
        for side in ("a", "b"):
            for key in ("errors", "warnings"):
                for text in res.get(side, {}).get(key, []):
                    out.append(f"{name} {side}: {text}")
    return out


def main(argv: list[str] | None = None) -> int:
    o = parse_args(argv)
    if not o.tuimeter.is_file():
        print(
            f"bench_terminal: tuimeter not found at {o.tuimeter}; give --tuimeter PATH",
            file=sys.stderr,
        )
        return 2
    o.tuimeter = o.tuimeter.resolve()

    def log(message: str) -> None:
        if not o.quiet:
            print(message, file=sys.stderr, flush=True)

    if o.cache_dir is None:
        from mission_control import paths

        cache = paths.cache_dir()
        log(f"parsed-seed cache: {cache}")
    else:
        o.cache_dir = o.cache_dir.resolve()
        log(f"parsed-seed cache: {o.cache_dir}")
    results = measure(o, log)
    table_rows = rows(results)
    failed = any(res.get("exit_status") not in (0, None) for res in results.values())
    if o.json:
        print(
            json.dumps(
                {
                    "cols": COLS,
                    "rows": ROWS,
                    "n": o.n,
                    "startup_n": o.startup_n,
                    "window_s": o.seconds,
                    "python": sys.executable,
                    "table": table_rows,
                    "notes": notes(results),
                    "tuimeter": results,
                },
                indent=2,
            )
        )
    else:
        print(
            f"medians of {o.startup_n} (start-up) and {o.n} (replay) alternating A/B "
            f"runs each, {COLS}x{ROWS}, {o.seconds:g} s window"
        )
        print(table(table_rows))
        print()
        print("\n".join(notes(results)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
