"""Every folder the program reads or writes: bundled data, seeds and styles, the user's
cache and log folders. It imports nothing of the package, so any module may use it."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
"""The installed package's folder."""

CACHE_DIR_ENV = "MISSION_CONTROL_CACHE_DIR"
"""Overrides the cache folder (the tests and benchmarks use it)."""
NO_CACHE_ENV = "MISSION_CONTROL_NO_CACHE"
"""Set to anything: nothing is cached, every article is read afresh."""
LOG_DIR_ENV = "MISSION_CONTROL_LOG_DIR"
"""Overrides the folder crash reports are written to (the tests use it)."""


def data_dir(name: str) -> Path:
    """A bundled data folder: inside the installed wheel, else the source checkout's."""
    installed = PACKAGE / "_data" / name
    return installed if installed.is_dir() else PACKAGE.parent / name


def seeds_dir() -> Path:
    """The bundled articles."""
    return data_dir("seeds")


def styles_dir() -> Path:
    """The dashboard's stylesheets."""
    return data_dir("styles")


def package_data(name: str) -> Path:
    """A data file kept inside the package (``mission_control/data/``)."""
    return PACKAGE / "data" / name


SHIPPED_FILE = "parsed.pickle"
"""The shipped parse's file name in the installed package's data folder."""

SHIPPED = PACKAGE / "_data" / SHIPPED_FILE
"""Where a wheel keeps its bundled articles already read."""


def cache_dir() -> Path | None:
    """Where parsed articles are kept; None when caching is turned off."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("mission-control"))


def log_dir() -> Path:
    """``$MISSION_CONTROL_LOG_DIR``, else the user's log folder (``~/.local/state/...``)."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_log_dir("mission-control"))
