"""In-process figures for the orrery: what one redraw costs (the scene from a state, the
braille drawing and the pane's text), against one ``state_at`` call in the same process,
which the dashboard makes for every second it shows anyway.

    .venv/bin/python benchmarks/bench_orrery.py [--repeat 200] [--json]

The pane's sizes are the orrery widget's own in a 120x40 and a 200x50 terminal. Each figure
is the median of ``--repeat`` calls at moments spread over the campaign; ``first_scene_ms``
is the first scene alone, which computes the orbits and tracks the later ones reuse.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator

from bench_domain import median_ms

from mission_control import catalog
from mission_control.campaign import build_campaign
from mission_control.presentation.orrery import Scene, layout, pane, render
from mission_control.presentation.orrery_scene import scene_at
from mission_control.state import state_at

PANES = {"120x40": (49, 17), "200x50": (79, 28)}
"""The orrery widget's size (columns, rows) in each terminal size: its slot less the slot's
top border and left padding."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    campaign = build_campaign(catalog.load().missions)
    t0 = time.perf_counter()
    transfers = campaign.transfers()
    plan_ms = (time.perf_counter() - t0) * 1000
    rng = random.Random(5)
    ticks = [rng.uniform(campaign.start, campaign.end) for _ in range(args.repeat)]
    states = [state_at(campaign, tick) for tick in ticks]

    t0 = time.perf_counter()
    scene_at(states[0], transfers)
    first_ms = (time.perf_counter() - t0) * 1000

    it = iter(ticks * 2)
    baseline_ms = median_ms(lambda: state_at(campaign, next(it)), args.repeat)
    states_it = iter(states * 2)
    scene_ms = median_ms(lambda: scene_at(next(states_it), transfers), args.repeat)

    results: dict[str, object] = {
        "transfers_ms": plan_ms,
        "first_scene_ms": first_ms,
        "state_at_ms": baseline_ms,
        "scene_ms": scene_ms,
    }
    for name, (width, height) in PANES.items():
        scenes = iter([scene_at(s, transfers) for s in states] * 2)

        def redraw(
            width: int = width, height: int = height, scenes: Iterator[Scene] = scenes
        ) -> object:
            scene = next(scenes)
            shape = layout(width, height, len(scene.craft))
            rows = render(scene, shape.draw_width, shape.draw_height, False, False)
            return pane(scene, width, height, False, False, rows)

        draw_ms = median_ms(redraw, args.repeat)
        results[name] = {
            "draw_ms": draw_ms,
            "redraw_ms": scene_ms + draw_ms,
            "ratio_to_state_at": (scene_ms + draw_ms) / baseline_ms,
        }
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        for key, value in results.items():
            if isinstance(value, dict):
                print(key)
                for k, v in value.items():
                    print(f"  {k:18} {v:,.3f}")
            else:
                print(f"{key:20} {value:,.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
