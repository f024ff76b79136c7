"""The user's cache of parsed sources.

Reading an article needs the reader, dateutil and pint, which together take longer to
import than Textual's whole start. A parsed mission is therefore kept in the user's cache
folder, keyed by the article's text and its shown name, and stamped with the reading code's
files (``fingerprint.stamp``), so a change to any of them reads the article afresh and the
entry is written anew in the same place. The status rules are kept the same way (tomllib
and the parsing take a few milliseconds of every start). A hit imports nothing more.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from mission_control import collector
from mission_control.paths import PACKAGE, cache_dir

if TYPE_CHECKING:
    from mission_control.fingerprint import Stamp

T = TypeVar("T")


def cached(name: str, text: str, make: Callable[[], T], *, expect: type[T]) -> T:
    """``make()``, or what it made before from this exact ``text`` under this ``name`` with
    this code. An entry holds its key whole (the text too) and is used only when that is
    equal and its code stamp still holds, so a checksum in the file's name only finds it.
    On a miss the package's own parse of its bundled sources is tried before ``make()``."""
    folder = cache_dir()
    if folder is None:
        return make()
    key = f"{name}\0{text}"
    path = folder / f"{zlib.crc32(key.encode()):08x}-{len(key)}.pickle"
    try:
        with path.open("rb") as handle, collector.paused():
            stored_key, stamped, value = pickle.load(handle)
        if stored_key == key and unchanged(stamped) and isinstance(value, expect):
            return value
    except Exception:  # a missing, damaged or outdated entry (its classes changed): a miss
        pass
    # A miss: the wheel's parse, else the source read afresh, stamped with the reading code.
    from mission_control import fingerprint, shipped

    found = shipped.lookup(name, text)
    if found is not None and isinstance(found.value, expect):
        value, stamped = found.value, fingerprint.stamp(found.files)
    else:
        value, stamped = make(), fingerprint.stamp()
    _store(path, (key, stamped, value))
    return value


def unchanged(stamped: Stamp, package: Path = PACKAGE) -> bool:
    """Whether every file of a stamp is still as it was. A stamp is made when a source is
    read, and the files it lists are the ones that reading imported then: an edit to any
    of them, including one that imports another module, changes it. Checking it reads
    no source file and needs nothing of ``fingerprint``, so a warm start imports neither."""
    try:
        for name, size, mtime_ns in stamped:
            stat = (package / name).stat()
            if stat.st_size != size or stat.st_mtime_ns != mtime_ns:
                return False
    except (OSError, TypeError, ValueError):
        return False
    return bool(stamped)


def _store(path: Path, entry: object) -> None:
    """Write a cache entry atomically; a cache that cannot be written is simply not used.
    The file is written under a name no other writer uses, then renamed."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}-{os.urandom(6).hex()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as handle:
            pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
