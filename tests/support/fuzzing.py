"""The fuzz suite's settings: how many cases each property tries.

CI runs ``CI_EXAMPLES`` cases a property, the same ones every run (derandomized), so a
green main stays green; ``benchmarks/fuzz.py`` sets ``MISSION_CONTROL_FUZZ_EXAMPLES`` to run
many more with fresh random cases, and prints the seed of any failure to replay it.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

CI_EXAMPLES = 2000
EXAMPLES_ENV = "MISSION_CONTROL_FUZZ_EXAMPLES"


def _examples() -> int:
    text = os.environ.get(EXAMPLES_ENV, "")
    return int(text) if text.isdigit() and int(text) > 0 else CI_EXAMPLES


FUZZ = settings(
    max_examples=_examples(),
    deadline=None,
    derandomize=EXAMPLES_ENV not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Decorate each fuzz property with this (below ``@given``)."""
