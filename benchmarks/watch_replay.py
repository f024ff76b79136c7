"""A whole auto replay as a user watches it in a real terminal: the dashboard is started in a
pseudo-terminal of the given size, its output kept on a virtual screen (pyte), and the screen
read once a second until the replay reaches the campaign's end.

    .venv/bin/python benchmarks/watch_replay.py [--cols 80] [--rows 24] [--json]

It reports, from those once-a-second screens:

- the wall seconds spent in each craft's phase, as its status panel names it on screen;
- the share of status-panel rows reading ``unknown``, over the seconds sampled (so weighted
  by time), the same from the day after the first launch on, and the largest share on any
  one screen from then on;
- the longest stretch of seconds in which nothing changed but the clock's digits: every line
  below the clock the same, and the same date.

It takes as long as the replay: about two and a half minutes at auto speed.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import re
import select
import signal
import struct
import sys
import termios
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyte

from mission_control import catalog
from mission_control.campaign import build_campaign
from mission_control.glyphs import ASCII_GLYPHS, GLYPHS
from mission_control.model import Status
from mission_control.presentation.panel_rows import AWAITS, DURING, OWN_WORDS
from mission_control.timescale import to_tick

ROW_MARKS = "".join(dict.fromkeys([*GLYPHS.values(), *ASCII_GLYPHS.values()]))
ROW_WORDS = list(dict.fromkeys([*(s.value for s in Status), AWAITS, DURING, *OWN_WORDS.values()]))
STATUS_ROW = re.compile(
    f"[{re.escape(ROW_MARKS)}] ({'|'.join(re.escape(word) for word in ROW_WORDS)})\\b"
)
"""A status panel's row: glyph (or its ASCII stand-in) and word, from the tables the panels
are drawn with (the line of systems unknown here reads ``? unknown: …`` and counts as one
row reading unknown; the carried line is no row)."""
DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
CLOCK_ROWS = 3
"""The mission clock's rows at the top of the screen: its digits change every second."""


def dashboard(cols: int, rows: int, args: list[str]) -> tuple[int, int]:
    """The dashboard started in a new pseudo-terminal of ``cols`` × ``rows``: its pid and
    the terminal's controlling end."""
    script = Path(sys.executable).parent / "mission-control"
    pid, fd = os.forkpty()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env["TERM"] = "xterm-256color"
        os.execve(str(script), [str(script), *args], env)
    return pid, fd


def watch(cols: int, rows: int, limit_s: float) -> list[list[str]]:
    """One screen a second, from the first frame until the clock's line says the replay
    has ended (an auto replay that reaches its end says ``end of replay``; nothing pauses
    it, as no key is pressed)."""
    screen = pyte.Screen(cols, rows)
    stream = pyte.ByteStream(screen)
    pid, fd = dashboard(cols, rows, [])
    samples: list[list[str]] = []
    start = time.monotonic()
    next_sample = start + 1.0
    try:
        while time.monotonic() - start < limit_s:
            ready, _, _ = select.select([fd], [], [], max(0.0, next_sample - time.monotonic()))
            if ready:
                try:
                    stream.feed(os.read(fd, 65536))
                except OSError:
                    break
            if time.monotonic() >= next_sample:
                next_sample += 1.0
                shown = list(screen.display)
                if any(line.strip() for line in shown):
                    samples.append(shown)
                head = " ".join(shown[:CLOCK_ROWS])
                if len(samples) > 5 and "end of replay" in head:
                    break
    finally:
        stop(pid, fd)
    return samples


def stop(pid: int, fd: int) -> None:
    """Quit the dashboard with ``q`` (its output drained meanwhile); killed after 5 s."""
    os.write(fd, b"q")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if os.waitpid(pid, os.WNOHANG)[0]:
            break
        if select.select([fd], [], [], 0.1)[0]:
            with contextlib.suppress(OSError):
                os.read(fd, 65536)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)


PANEL_TITLE = re.compile(r"[^─]+")
"""A status panel's name in its top border (with its phase after `` · `` where it fits)."""


def shown_phases(shown: list[str]) -> dict[str, str]:
    """Each craft's phase as its status panel shows it: in the panel's title where it fits,
    else on the line under it. Read from the screen, so it is what the user saw."""
    for y, line in enumerate(shown[:-1]):
        if not line.startswith("─"):
            continue
        titles = [(m.start(), m.group().strip()) for m in PANEL_TITLE.finditer(line)]
        crafts = [(x, title) for x, title in titles if title.startswith("Mars")]
        if len(crafts) < 2:
            continue
        phases = {}
        for i, (x, title) in enumerate(crafts):
            name, _, phase = title.partition(" · ")
            if not phase:
                right = crafts[i + 1][0] - 1 if i + 1 < len(crafts) else len(shown[y + 1])
                phase = shown[y + 1][x - 1 : right].strip()
            phases[name] = phase
        return phases
    return {}


def report(samples: list[list[str]]) -> dict[str, Any]:
    campaign = build_campaign(catalog.load().missions)
    launch = min(t.launch_tick for t in campaign.tracks if t.launch_tick is not None)
    per_phase: Counter[tuple[str, str]] = Counter()
    unknown = rows = unknown_after = rows_after = 0
    worst = 0.0
    stretch = longest = 0
    previous: tuple[str | None, list[str]] | None = None
    for shown in samples:
        found = DATE.search(shown[0])
        date = found.group(1) if found else None
        for craft, phase in shown_phases(shown).items():
            per_phase[(craft, phase)] += 1
        statuses = [m.group(1) for line in shown for m in STATUS_ROW.finditer(line)]
        unknown += statuses.count("unknown")
        rows += len(statuses)
        if date is not None and to_tick(datetime.fromisoformat(date).replace(tzinfo=UTC)) > launch:
            unknown_after += statuses.count("unknown")
            rows_after += len(statuses)
            if statuses:
                worst = max(worst, statuses.count("unknown") / len(statuses))
        below = (date, shown[CLOCK_ROWS:])
        stretch = stretch + 1 if previous == below else 0
        longest = max(longest, stretch)
        previous = below
    return {
        "seconds": len(samples),
        "phase_seconds": [
            {"craft": craft, "phase": phase, "seconds": seconds}
            for (craft, phase), seconds in sorted(per_phase.items(), key=lambda kv: kv[0][0])
        ],
        "unknown_share": unknown / rows if rows else None,
        "unknown_share_from_launch": unknown_after / rows_after if rows_after else None,
        "unknown_share_max_from_launch": worst,
        "longest_unchanged_s": longest,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cols", type=int, default=80)
    parser.add_argument("--rows", type=int, default=24)
    parser.add_argument("--limit", type=float, default=600.0, help="seconds at most")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = report(watch(args.cols, args.rows, args.limit))
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"{result['seconds']} s watched at {args.cols}x{args.rows}")
    for row in result["phase_seconds"]:
        print(f"  {row['craft']:<14} {row['phase']:<30} {row['seconds']:>4} s")
    share, after = (
        "-" if v is None else f"{v:.0%}"
        for v in (result["unknown_share"], result["unknown_share_from_launch"])
    )
    print(
        f"panel rows reading 'unknown': {share} of the time, {after} from the day after "
        f"launch, {result['unknown_share_max_from_launch']:.0%} at most on one screen"
    )
    print(
        f"longest stretch with nothing but the digits changing: {result['longest_unchanged_s']} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
