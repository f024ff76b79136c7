"""Where the bundled seeds and styles live, and turning names and paths into missions."""

from __future__ import annotations

import contextlib
import os
import pickle
import zlib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TypeVar

import msgspec
from msgspec.structs import replace

from mission_control import collector
from mission_control.model import Mission
from mission_control.paths import PACKAGE, SHIPPED, cache_dir, seeds_dir
from mission_control.seedfile import SeedError, load_text, slug
from mission_control.status_rules import RULES_FILE, Rules, parse_rules_text

T = TypeVar("T")


def bundled_seed_files(directory: Path | None = None) -> list[Path]:
    folder = directory or seeds_dir()
    return sorted(folder.glob("*.txt"))


def display_name(path: Path) -> str:
    """How a seed is named in output: ``seeds/mars6.txt`` for a bundled one, else the path."""
    if path.parent == seeds_dir():
        return f"seeds/{path.name}"
    return str(path)


class UnknownMission(LookupError):
    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = list(known)
        super().__init__(f"unknown mission {name!r}; known missions: {', '.join(self.known)}")


class Loaded(msgspec.Struct):
    """Missions read, and one line for each file that could not be read."""

    missions: list[Mission] = msgspec.field(default_factory=list)
    errors: list[str] = msgspec.field(default_factory=list)


def _add(loaded: Loaded, mission: Mission) -> None:
    taken = {m.id for m in loaded.missions}
    if mission.id in taken:
        n = 2
        while f"{mission.id}-{n}" in taken:
            n += 1
        new_id = f"{mission.id}-{n}"
        events = tuple(replace(e, mission_id=new_id) for e in mission.events)
        mission = replace(mission, id=new_id, events=events)
    loaded.missions.append(mission)


# --- the parsed-seed cache ----------------------------------------------------------------
#
# Reading an article needs the reader, dateutil and pint, which together take longer to import
# than Textual's whole start. A parsed mission is therefore kept in the user's cache folder,
# keyed by the article's text, its shown name and the reader's own code, so a change to any of
# them reads the article afresh. The status rules are kept the same way (tomllib and the
# parsing take a few milliseconds of every start).


_CODE = ("extract", "model.py", "event_table.py", "units.py", "seedfile.py", "status_rules.py")
"""The code that turns a source's text into what the cache keeps."""


def _code_files() -> list[Path]:
    files: list[Path] = []
    for name in _CODE:
        root = PACKAGE / name
        files.extend(sorted(root.rglob("*.py")) if root.is_dir() else [root])
    return files


@cache
def _code_fingerprint() -> str:
    """Each file of that code by name, size and modification time, as Python's own
    bytecode cache tells a changed module: an edit or a new install reads every source
    afresh, and no file is read to find that out."""
    parts = []
    for path in _code_files():
        stat = path.stat()
        parts.append(f"{path.relative_to(PACKAGE)} {stat.st_size} {stat.st_mtime_ns}")
    return "\n".join(parts)


def cached(name: str, text: str, make: Callable[[], T], *, expect: type[T]) -> T:
    """``make()``, or what it made before from this exact ``text`` under this ``name`` with
    this code. An entry holds its key whole (the text too) and is used only when that is
    equal, so a checksum in the file's name only finds it. On a miss the package's own
    parse of its bundled sources is tried before ``make()``."""
    folder = cache_dir()
    if folder is None:
        return make()
    key = f"{_code_fingerprint()}\0{name}\0{text}"
    path = folder / f"{zlib.crc32(key.encode()):08x}-{len(key)}.pickle"
    try:
        with path.open("rb") as handle, collector.paused():
            stored_key, value = pickle.load(handle)
        if stored_key == key and isinstance(value, expect):
            return value
    except Exception:  # a missing, damaged or outdated entry (its classes changed): a miss
        pass
    found = _from_shipped(name, text)
    value = found if found is not None and isinstance(found, expect) else make()
    _store(path, (key, value))
    return value


def read_seed(path: Path, source: str | None = None) -> Mission:
    """A mission from a file, from the cache when this exact text was read before."""
    return cached(*_seed_source(path, source or str(path)), expect=Mission)


def status_rules() -> Rules:
    """The bundled status rules (``status_rules.default_rules``), from the cache when unchanged."""
    return cached(*_rules_source(), expect=Rules)


def _seed_source(path: Path, shown: str) -> tuple[str, str, Callable[[], Mission]]:
    """A seed's cache name, its text, and how to read it."""
    text = load_text(path)

    def read() -> Mission:
        from mission_control.extract.reader import read_text

        return read_text(text, shown)

    return f"seed {shown}", text, read


def _rules_source() -> tuple[str, str, Callable[[], Rules]]:
    text = RULES_FILE.read_text("utf-8")
    return "status rules", text, lambda: parse_rules_text(text)


# --- the parse that ships with the package ------------------------------------------------
#
# The user's cache is empty at the first start after an install, and filling it would import
# pint and read both articles before the first frame. A wheel therefore carries its bundled
# articles and status rules already read, made when the wheel is built by the code inside it
# (``write_shipped``, called by the build hook). Its entries are keyed by a digest of their
# name, their text and the contents of the reading code, so an edited article or edited code
# is read afresh; the digest is worked out only when the user's cache misses.


@cache
def _shipped() -> dict[str, bytes]:
    """The parse the installed package ships: each entry's pickle by content key; empty
    when there is none. Entries are unpickled one by one, only when their key matches."""
    try:
        with SHIPPED.open("rb") as handle:
            entries = pickle.load(handle)
    except Exception:  # missing or damaged: the sources are read instead
        return {}
    return entries if isinstance(entries, dict) else {}


def _from_shipped(name: str, text: str) -> object | None:
    """The shipped entry for this name and text with this code, or None."""
    shipped = _shipped()
    if not shipped:
        return None
    data = shipped.get(_content_key(name, text))
    if not isinstance(data, bytes):
        return None
    try:
        with collector.paused():
            value: object = pickle.loads(data)
    except Exception:  # damaged, or made by other classes than these
        return None
    return value


@cache
def _code_digest() -> bytes:
    """A digest of the reading code's contents (not its file times, which an install sets)."""
    import hashlib

    digest = hashlib.sha256()
    for path in _code_files():
        digest.update(f"{path.relative_to(PACKAGE).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    return digest.digest()


def _content_key(name: str, text: str) -> str:
    import hashlib

    digest = hashlib.sha256(_code_digest())
    digest.update(f"\0{name}\0{text}".encode())
    return digest.hexdigest()


def write_shipped(path: Path) -> int:
    """Read every bundled article and the status rules afresh and write them to ``path``
    under their content keys, for a wheel to ship. Returns how many were written; an
    article that cannot be read is an error here, not a line to skip."""
    sources: list[tuple[str, str, Callable[[], object]]] = [
        _seed_source(p, display_name(p)) for p in bundled_seed_files()
    ]
    sources.append(_rules_source())
    entries = {
        _content_key(name, text): pickle.dumps(make(), protocol=pickle.HIGHEST_PROTOCOL)
        for name, text, make in sources
    }
    with path.open("wb") as handle:
        pickle.dump(entries, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return len(entries)


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


def load(selectors: Sequence[str] = (), seeds: Path | None = None) -> Loaded:
    """Missions for command-line words: bundled names (``mars6``, ``"Mars 6"``), file paths,
    or every seed when none is given. UnknownMission for a name that is neither."""
    loaded = Loaded()
    files = bundled_seed_files(seeds)
    if seeds is not None and not seeds.is_dir():
        loaded.errors.append(f"{seeds}: no such folder")
        return loaded
    if not selectors:
        for path in files:
            _read_into(loaded, path)
        return loaded
    known: dict[str, Path] = {}
    for path in files:
        known[slug(path.stem)] = path
    for word in selectors:
        path = Path(word)
        key = slug(word)
        if key in known and not (path.suffix and path.exists()):
            _read_into(loaded, known[key])
        elif path.exists() or path.suffix or "/" in word or "\\" in word:
            _read_into(loaded, path)
        else:
            bundled = {slug(m.name): m for m in _bundled_missions(files)}
            if key in bundled:
                _add(loaded, bundled[key])
            else:
                raise UnknownMission(word, sorted(known))
    return loaded


def _bundled_missions(files: Sequence[Path]) -> list[Mission]:
    out = []
    for path in files:
        try:
            out.append(read_seed(path, display_name(path)))
        except SeedError:
            continue
    return out


def _read_into(loaded: Loaded, path: Path) -> None:
    try:
        _add(loaded, read_seed(path, display_name(path)))
    except SeedError as exc:
        loaded.errors.append(str(exc))
