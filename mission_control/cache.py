"""The user's cache of parsed sources.

Reading an article needs the reader, dateutil and pint, which together take longer to
import than Textual's whole start. A parsed mission is therefore kept in the user's cache
folder, keyed by a digest of the article's text and its shown name, and stamped with the
reading code's files (``fingerprint.stamp``), so a change to any of them reads the article
afresh and the entry is written anew in the same place. The status rules are kept the same
way (tomllib and the parsing take a few milliseconds of every start). A hit imports nothing
more.

Entries are msgpack decoded into typed records (msgspec): decoding one runs no code of the
file's choosing, and a value that does not decode as the record it should be is a miss. The
folder is made 0700 and each entry 0600; a folder or entry another user owns or may write to
is not read, nor is anything but a regular file (a FIFO would block the read, a link would
lead elsewhere). The cache keeps at most :data:`MAX_ENTRIES` entries and :data:`MAX_BYTES`,
the oldest removed first after each write.
"""

# No ``from __future__ import annotations``: msgspec reads the records' annotations when a
# start makes its first decoder, and each one kept as text is compiled and evaluated then.
import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import msgspec

from mission_control import collector
from mission_control.event_table import EventTable
from mission_control.mission import Mission
from mission_control.model import Quantity
from mission_control.paths import PACKAGE, cache_dir, private_folder, refuse, usable

try:  # hashlib would first load OpenSSL: 11 M instructions, where this is 0.4 M
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

if TYPE_CHECKING:
    from mission_control.fingerprint import Stamp

T = TypeVar("T")

MAX_ENTRIES = 256
"""The most entries the cache keeps; the oldest go first."""
MAX_BYTES = 64 * 1024 * 1024
"""The most bytes the cache's entries may take together; the oldest go first."""
SUFFIX = ".msgpack"
"""An entry's file name: its key's digest and this."""

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)

Row = tuple[
    str,
    int,
    str,
    str,
    float,
    int,
    float | None,
    str,
    tuple[tuple[str, str, tuple[int, int], int], ...],
    str | None,
    tuple[Quantity, ...],
    bool,
    tuple[float, float] | None,
    bool,
]
"""An :class:`EventTable` row, typed value by value so decoding checks each."""


class MissionRecord(msgspec.Struct, array_like=True, frozen=True):
    """A :class:`Mission` as the cache keeps it: its fields, the events as the table's rows."""

    id: str
    name: str
    source: str
    metadata: dict[str, str | None]
    instruments: dict[str, tuple[str, ...]]
    rows: tuple[Row, ...]
    warnings: tuple[str, ...]
    systems: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, mission: Mission) -> "MissionRecord":
        m = mission
        rows = m.table.rows
        return cls(m.id, m.name, m.source, m.metadata, m.instruments, rows, m.warnings, m.systems)

    def mission(self) -> Mission:
        return Mission(
            id=self.id,
            name=self.name,
            source=self.source,
            metadata=self.metadata,
            instruments=self.instruments,
            events=EventTable.from_rows(self.rows),
            warnings=self.warnings,
            systems=self.systems,
        )


class Entry(msgspec.Struct, array_like=True, frozen=True):
    """A cache file: its key's digest, the reading code's stamp, and the value, decoded only
    once the other two hold."""

    digest: str
    stamp: tuple[tuple[str, int, int], ...]
    value: msgspec.Raw


_ENTRY = msgspec.msgpack.Decoder(Entry)
_ENCODER = msgspec.msgpack.Encoder()


def digest(name: str, text: str) -> str:
    """The key of ``text`` under ``name``: a 128-bit BLAKE2b digest, in hex."""
    found = blake2b(name.encode("utf-8", "surrogatepass") + b"\0", digest_size=16)
    found.update(text.encode("utf-8", "surrogatepass"))
    return found.hexdigest()


def encode(value: object) -> bytes:
    """A value as an entry keeps it (TypeError for one msgpack cannot hold)."""
    return _ENCODER.encode(MissionRecord.of(value) if isinstance(value, Mission) else value)


def decode(data: bytes | msgspec.Raw, expect: type[T]) -> T | None:
    """The value ``data`` encodes, if it decodes as an ``expect``; else None."""
    try:
        if expect is Mission:
            value: object = _decoder(MissionRecord).decode(data).mission()
        else:
            value = _decoder(expect).decode(data)
    except (msgspec.DecodeError, TypeError, ValueError):
        return None
    return value if isinstance(value, expect) else None


_DECODERS: dict[type[Any], msgspec.msgpack.Decoder[Any]] = {}


def _decoder(kind: type[T]) -> msgspec.msgpack.Decoder[T]:
    """A decoder into ``kind``, made once."""
    found = _DECODERS.get(kind)
    if found is None:
        found = _DECODERS[kind] = msgspec.msgpack.Decoder(kind)
    return cast("msgspec.msgpack.Decoder[T]", found)


def cached(name: str, text: str, make: Callable[[], T], *, expect: type[T]) -> T:
    """``make()``, or what it made before from this exact ``text`` under this ``name`` with
    this code. An entry is named by its key's digest and holds it, and is used only when that
    is equal and its code stamp still holds. On a miss the package's own parse of its bundled
    sources is tried before ``make()``."""
    folder = cache_dir()
    if folder is None:
        return make()
    key = digest(name, text)
    path = folder / f"{key}{SUFFIX}"
    data = _read(path) if private_folder(folder, create=False) else None
    if data is not None:
        with collector.paused():
            value = _hit(data, key, expect)
        if value is not None:
            return value
    # A miss: the wheel's parse, else the source read afresh, stamped with the reading code.
    from mission_control import fingerprint, shipped

    found = shipped.lookup(key)
    with collector.paused():
        value = None if found is None else decode(found.data, expect)
    if found is not None and value is not None:  # its bytes are stored as they came
        _store(folder, path, key, fingerprint.stamp(found.files), msgspec.Raw(found.data))
        return value
    value = make()
    _store(folder, path, key, fingerprint.stamp(), value)
    return value


def _hit(data: bytes, key: str, expect: type[T]) -> T | None:
    """The value of an entry's bytes, if they are this key's with this code."""
    try:
        entry = _ENTRY.decode(data)
    except msgspec.DecodeError:
        return None
    if entry.digest != key or not unchanged(entry.stamp):
        return None
    return decode(entry.value, expect)


def unchanged(stamped: "Stamp", package: Path = PACKAGE) -> bool:
    """Whether every file of a stamp is still as it was. A stamp is made when a source is
    read, and the files it lists are the ones that reading imported then: an edit to any
    of them, including one that imports another module, changes it. Checking it reads
    no source file and needs nothing of ``fingerprint``, so a warm start imports neither."""
    base = f"{package}{os.sep}"  # joined as text: a Path for each file cost more than its stat
    try:
        for name, size, mtime_ns in stamped:
            found = os.stat(base + name)  # noqa: PTH116
            if found.st_size != size or found.st_mtime_ns != mtime_ns:
                return False
    except (OSError, TypeError, ValueError):
        return False
    return bool(stamped)


def _read(path: Path) -> bytes | None:
    """An entry's bytes, if it is a regular file of this user's that no one else may write.
    It is opened without following a link and without waiting for a writer, then checked."""
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except FileNotFoundError:
        return None
    except OSError as exc:  # a link (not followed: ELOOP), or not readable
        link = exc.errno == errno.ELOOP
        refuse(path, "it is a symbolic link" if link else f"it cannot be read ({exc.strerror})")
        return None
    try:
        found = os.fstat(descriptor)
        if not usable(path, found, stat.S_ISREG, "a regular file"):
            return None
        parts = []
        while part := os.read(descriptor, found.st_size + 1):
            parts.append(part)
        return b"".join(parts)
    except OSError:
        return None
    finally:
        os.close(descriptor)


def _store(folder: Path, path: Path, key: str, stamped: "Stamp", value: object) -> None:
    """Write a cache entry atomically, 0600, then prune; a cache that cannot be written is
    simply not used. The file is written under a name no other writer uses, then renamed."""
    if not private_folder(folder, create=True):
        return
    try:
        data = encode(Entry(key, stamped, msgspec.Raw(encode(value))))
    except (TypeError, ValueError):  # not a value msgpack holds: kept in memory only
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}-{os.urandom(6).hex()}.tmp")
    try:
        descriptor = os.open(temporary, _WRITE_FLAGS, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            os.fchmod(descriptor, 0o600)
            handle.write(data)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return
    prune(folder, keep=path)


def _is_ours(name: str) -> bool:
    """An entry, an entry being written, or an entry of the earlier pickled format."""
    stem = name.split(".", 1)[0]
    suffixes = (SUFFIX, ".tmp", ".pickle")
    return bool(stem) and name.endswith(suffixes) and all(c in "0123456789abcdef-" for c in stem)


def prune(folder: Path, keep: Path | None = None) -> None:
    """Remove the oldest entries until at most :data:`MAX_ENTRIES` remain and they take at
    most :data:`MAX_BYTES`; ``keep`` (the entry just written) stays whatever its size.
    Only the cache's own files are counted or removed: its regular files named as entries,
    the ones being written, and the earlier format's, which this code never reads."""
    found: list[tuple[int, int, str]] = []
    try:
        with os.scandir(folder) as listing:
            for item in listing:
                if _is_ours(item.name):
                    with contextlib.suppress(OSError):
                        about = item.stat(follow_symlinks=False)
                        if stat.S_ISREG(about.st_mode):
                            found.append((about.st_mtime_ns, about.st_size, item.name))
    except OSError:
        return
    count, total = len(found), sum(size for _, size, _ in found)
    for _, size, name in sorted(found):  # oldest first
        if name == getattr(keep, "name", None):
            continue
        if count <= MAX_ENTRIES and total <= MAX_BYTES and not name.endswith(".pickle"):
            continue
        with contextlib.suppress(OSError):
            (folder / name).unlink()
            count -= 1
            total -= size
