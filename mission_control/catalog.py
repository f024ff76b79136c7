"""Where the bundled seeds and styles live, and turning names and paths into missions."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import msgspec
from msgspec.structs import replace

from mission_control.model import Mission, paused_gc
from mission_control.seedfile import SeedError, load_text, slug

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """A bundled data folder: inside the installed wheel, else the source checkout's."""
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def seeds_dir() -> Path:
    return data_dir("seeds")


def styles_dir() -> Path:
    return data_dir("styles")


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
# them reads the article afresh.


def cache_dir() -> Path | None:
    """Where parsed missions are kept; None when caching is turned off."""
    if os.environ.get("MISSION_CONTROL_NO_CACHE"):
        return None
    override = os.environ.get("MISSION_CONTROL_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("mission-control"))


@cache
def _code_fingerprint() -> bytes:
    digest = hashlib.sha256()
    roots = [
        _PACKAGE / "extract",
        _PACKAGE / "model.py",
        _PACKAGE / "units.py",
        _PACKAGE / "seedfile.py",
    ]
    for root in roots:
        for path in sorted(root.rglob("*.py")) if root.is_dir() else [root]:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.digest()


def read_seed(path: Path, source: str | None = None) -> Mission:
    """A mission from a file, from the cache when this exact text was read before."""
    text = load_text(path)
    shown = source or str(path)
    folder = cache_dir()
    key = hashlib.sha256(_code_fingerprint() + shown.encode() + b"\0" + text.encode()).hexdigest()
    if folder is not None:
        try:
            with (folder / f"{key}.pickle").open("rb") as handle, paused_gc():
                cached = pickle.load(handle)
            if isinstance(cached, Mission):
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
    from mission_control.extract.reader import read_text

    mission = read_text(text, shown)
    if folder is not None:
        _store(folder, key, mission)
    return mission


def _store(folder: Path, key: str, mission: Mission) -> None:
    """Write a cache entry atomically; a cache that cannot be written is simply not used."""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            pickle.dump(mission, handle, protocol=pickle.HIGHEST_PROTOCOL)
        Path(handle.name).replace(folder / f"{key}.pickle")
    except OSError:
        return


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
