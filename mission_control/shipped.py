"""The parse that ships with the package.

The user's cache is empty at the first start after an install, and filling it would import
pint and read both articles before the first frame. A wheel therefore carries its bundled
articles and status rules already read, made when the wheel is built by the code inside it
(``catalog.write_shipped``, called by the build hook). It names the reading code's files with
their sizes and checksums, and keys each entry by its name and its text's length and checksum,
so edited code or an edited article is read afresh; they are checked only when the user's
cache misses.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

from mission_control import collector, fingerprint, paths

Source = tuple[str, str, Callable[[], object]]
"""A cache entry's name, the text it is made from, and how to make it."""


class Found(NamedTuple):
    """A shipped entry, and the reading code's files it was made with."""

    value: object
    files: tuple[Path, ...]


Key = tuple[str, int, int]
"""An entry's name, and its text's length and CRC-32."""


@cache
def entries() -> tuple[fingerprint.Signature, dict[Key, bytes]]:
    """The parse the installed package ships: the signature of the reading code it was made
    with, and each entry's pickle by key; nothing when there is none. Entries are unpickled
    one by one, only when their key matches."""
    try:
        with paths.SHIPPED.open("rb") as handle:
            found = pickle.load(handle)
        code = tuple((str(n), int(size), int(crc)) for n, size, crc in found["reading"])
        made = found["entries"]
    except Exception:  # missing or damaged: the sources are read instead
        return (), {}
    return (code, made) if isinstance(made, dict) else ((), {})


def key(name: str, text: str) -> Key:
    """An entry's key: its name, and its text's length and checksum."""
    data = text.encode()
    return name, len(data), zlib.crc32(data)


@cache
def _same_code(code: fingerprint.Signature) -> tuple[Path, ...] | None:
    """The installed files of a shipped signature, if every one is as the build had it.
    While they are, so is everything they import: a first start need not derive the
    reading code again."""
    files = tuple(paths.PACKAGE / name for name, _, _ in code)
    try:
        return files if fingerprint.signature(files) == code else None
    except OSError:  # a file of the build's reading code is gone: not this code
        return None


def lookup(name: str, text: str) -> Found | None:
    """The shipped entry for this name and text with this code, or None."""
    code, made = entries()
    if not made:
        return None
    files = _same_code(code)
    if files is None:
        return None
    data = made.get(key(name, text))
    if not isinstance(data, bytes):
        return None
    try:
        with collector.paused():
            value: object = pickle.loads(data)
    except Exception:  # damaged, or made by other classes than these
        return None
    return Found(value, files)


def write(path: Path, sources: Iterable[Source]) -> int:
    """Make every source afresh and write them to ``path`` under their keys, with the
    reading code's signature, for a wheel to ship. Returns how many were written."""
    made = {
        key(name, text): pickle.dumps(make(), protocol=pickle.HIGHEST_PROTOCOL)
        for name, text, make in sources
    }
    contents = {"reading": list(fingerprint.signature()), "entries": made}
    with path.open("wb") as handle:
        pickle.dump(contents, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return len(made)
