"""Turning the command line's mission names and paths into missions: the bundled articles,
files and folders of them, each read through the cache."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import msgspec
from msgspec.structs import replace

from mission_control.cache import cached
from mission_control.mission import Mission
from mission_control.paths import seeds_dir
from mission_control.seedfile import SeedError, load_text, slug
from mission_control.status_rules import RULES_FILE, Rules, parse_rules_text


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
        listed = ", ".join(self.known)
        if name:
            super().__init__(f"unknown mission {name!r}; known missions: {listed}")
        else:
            super().__init__(f"empty mission name ''; name a mission ({listed}) or a file")


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


def write_shipped(path: Path) -> int:
    """Read every bundled article and the status rules afresh and write them to ``path``
    with the reading code's signature, for a wheel to ship. Returns how many were written;
    an article that cannot be read is an error here, not a line to skip."""
    from mission_control import cache, shipped  # the build's work, never a start's

    sources: list[tuple[str, str, Callable[[], object]]] = [
        *(_seed_source(p, display_name(p)) for p in bundled_seed_files()),
        _rules_source(),
    ]
    made = {cache.digest(name, text): cache.encode(make()) for name, text, make in sources}
    return shipped.write(path, made)


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
        if not word:  # Path("") is the current folder, which no one meant
            raise UnknownMission(word, sorted(known))
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
