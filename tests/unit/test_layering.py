"""Domain modules never import textual: the dashboard is a thin layer over them."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import mission_control.presentation

PRESENTATION = [
    f"mission_control.presentation.{info.name}"
    for info in pkgutil.iter_modules(mission_control.presentation.__path__)
]
"""Every presentation module, listed from the package so a new one cannot be left out."""

DOMAIN = [
    "mission_control.model",
    "mission_control.event_table",
    "mission_control.collector",
    "mission_control.timescale",
    "mission_control.units",
    "mission_control.unit_registry",
    "mission_control.ephemeris",
    "mission_control.clock",
    "mission_control.autospeed",
    "mission_control.speed",
    "mission_control.status_rules",
    "mission_control.campaign",
    "mission_control.state",
    "mission_control.event_time",
    "mission_control.timeparse",
    "mission_control.catalog",
    "mission_control.seedfile",
    "mission_control.extract.reader",
    "mission_control.cli",
    "mission_control.paths",
    "mission_control.exit_codes",
    "mission_control.fingerprint",
    "mission_control.cache",
    "mission_control.shipped",
    "mission_control.loading",
    "mission_control.reports",
    "mission_control.replay_print",
    "mission_control.glyphs",
    "mission_control.kepler",
    "mission_control.lambert",
    "mission_control.trajectory",
    "mission_control.extract.target",
    "mission_control.phases",
    "mission_control.status_rows",
    *PRESENTATION,
]


@pytest.mark.parametrize("module", DOMAIN)
def test_domain_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False", f"{module} pulls in textual"


def test_reading_seeds_does_not_import_textual() -> None:
    code = (
        "import sys; from mission_control import catalog; catalog.load(); "
        "print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
