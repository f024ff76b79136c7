"""Every folder the program reads or writes: bundled data, seeds and styles, the user's
cache and log folders, and whether a folder is private enough to keep a cache in. It imports
nothing of the package, so any module may use it."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
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


SHIPPED_FILE = "parsed.msgpack"
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


_warned: set[str] = set()
"""The one refusal already told (a run tells only its first)."""


def refuse(path: Path, why: str) -> None:
    """Say once per run, on stderr, that ``path`` is not used as a cache and why."""
    if not _warned:
        _warned.add(str(path))
        sys.stderr.write(f"warning: not using the cache at {path}: {why}\n")


def not_private(found: os.stat_result) -> str | None:
    """Why a file or folder with this status is not the user's alone: another user owns it,
    or its group or others may write to it. None when it is private (and where the system
    has no POSIX owners)."""
    if not hasattr(os, "getuid"):
        return None
    if found.st_uid != os.getuid():
        return f"it belongs to another user (uid {found.st_uid})"
    if found.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        mode = stat.S_IMODE(found.st_mode)
        return f"its group or others may write to it (mode {mode:04o}; chmod go-w to use it)"
    return None


def private_folder(folder: Path, *, create: bool) -> bool:
    """Whether ``folder`` is a folder only this user can write, made (with any missing parent)
    mode 0700 whatever the umask when ``create`` is set and it does not exist. Anything else
    is refused with one warning (:func:`refuse`): a cache kept where another user can write
    would let them choose what this program reads as its own."""
    try:
        found = folder.stat()
    except FileNotFoundError:
        if not create or not _make_private(folder):
            return False
        return private_folder(folder, create=False)
    except OSError:  # under a file, or not searchable: no cache, and nothing to warn of
        return False
    return usable(folder, found, stat.S_ISDIR, "a folder")


def usable(path: Path, found: os.stat_result, is_kind: Callable[[int], bool], kind: str) -> bool:
    """Whether ``path``, whose status is ``found``, is ``kind`` (``is_kind`` of its mode) and
    the user's alone; anything else is refused with one warning (:func:`refuse`)."""
    why = not_private(found) if is_kind(found.st_mode) else f"it is not {kind}"
    if why is not None:
        refuse(path, why)
        return False
    return True


def _make_private(folder: Path) -> bool:
    """Make ``folder`` and its missing parents, each 0700 (the umask can only take bits
    away, so each is set again); False if it cannot be made."""
    missing = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    try:
        for path in reversed(missing):
            try:
                path.mkdir(mode=0o700)
            except FileExistsError:  # made meanwhile by another run: checked by the caller
                continue
            path.chmod(0o700)
    except OSError:
        return False
    return True
