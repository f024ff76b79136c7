"""Shared fixtures: the bundled missions and campaign, read once per test session."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Parsed seeds are cached in the user's cache folder; tests keep theirs apart (and child
# processes they start inherit this).
os.environ["MISSION_CONTROL_CACHE_DIR"] = tempfile.mkdtemp(prefix="mission-control-test-cache-")
# Crash reports from tests that crash the app on purpose stay out of the user's log folder.
os.environ["MISSION_CONTROL_LOG_DIR"] = tempfile.mkdtemp(prefix="mission-control-test-log-")

from mission_control import catalog
from mission_control.campaign import Campaign, build_campaign
from mission_control.mission import Mission


@pytest.fixture(scope="session")
def missions() -> dict[str, Mission]:
    loaded = catalog.load()
    assert not loaded.errors
    return {m.id: m for m in loaded.missions}


@pytest.fixture(scope="session")
def campaign(missions: dict[str, Mission]) -> Campaign:
    return build_campaign(list(missions.values()))


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private runtime folder for a shared replay's sockets (short: a socket's path has
    107 bytes at most), also as TMPDIR; removed after the test."""
    folder = Path(tempfile.mkdtemp(prefix="mc-rt", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
