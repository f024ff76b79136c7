"""The parse that ships with the package.

The user's cache is empty at the first start after an install, and filling it would import
pint and read both articles before the first frame. A wheel therefore carries its bundled
articles and status rules already read, made when the wheel is built by the code inside it
(``catalog.write_shipped``, called by the build hook). It names the reading code's files with
their sizes and checksums, and keys each entry by the cache's digest of its name and text
(``cache.digest``), so edited code or an edited article is read afresh; they are checked only
when the user's cache misses.

The file is msgpack, as the cache's entries are: decoding it runs no code, and each entry
stays encoded (the cache decodes it into its typed record) until its key is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import NamedTuple

import msgspec

from mission_control import fingerprint, paths


class Found(NamedTuple):
    """A shipped entry, still encoded, and the reading code's files it was made with."""

    data: msgspec.Raw
    files: tuple[Path, ...]


class Shipped(msgspec.Struct, frozen=True):
    """The shipped file: the reading code's signature, and each entry by its key's digest."""

    reading: tuple[tuple[str, int, int], ...]
    entries: dict[str, msgspec.Raw]


@cache
def entries() -> tuple[fingerprint.Signature, dict[str, msgspec.Raw]]:
    """The parse the installed package ships: the signature of the reading code it was made
    with, and each entry, still encoded, by key; nothing when there is none."""
    try:
        found = msgspec.msgpack.decode(paths.SHIPPED.read_bytes(), type=Shipped)
    except (OSError, msgspec.DecodeError):  # missing or damaged: the sources are read instead
        return (), {}
    return found.reading, found.entries


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


def lookup(key: str) -> Found | None:
    """The shipped entry for this key (``cache.digest``) with this code, or None."""
    code, made = entries()
    data = made.get(key)
    if data is None:
        return None
    files = _same_code(code)
    return None if files is None else Found(data, files)


def write(path: Path, made: Mapping[str, bytes]) -> int:
    """Write encoded entries by key to ``path``, with the reading code's signature, for a
    wheel to ship. Returns how many were written."""
    contents = Shipped(
        reading=fingerprint.signature(),
        entries={key: msgspec.Raw(data) for key, data in made.items()},
    )
    path.write_bytes(msgspec.msgpack.encode(contents))
    return len(made)
