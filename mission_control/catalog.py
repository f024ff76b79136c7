"""Where the bundled seeds and styles live, and turning names and paths into missions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from mission_control.extract.reader import SeedError, read_mission, slug, with_id
from mission_control.model import Mission

_PACKAGE = Path(str(resources.files("mission_control")))


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


@dataclass
class Loaded:
    """Missions read, and one line for each file that could not be read."""

    missions: list[Mission] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _add(loaded: Loaded, mission: Mission) -> None:
    taken = {m.id for m in loaded.missions}
    if mission.id in taken:
        n = 2
        while f"{mission.id}-{n}" in taken:
            n += 1
        mission = with_id(mission, f"{mission.id}-{n}")
    loaded.missions.append(mission)


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
            out.append(read_mission(path, display_name(path)))
        except SeedError:
            continue
    return out


def _read_into(loaded: Loaded, path: Path) -> None:
    try:
        _add(loaded, read_mission(path, display_name(path)))
    except SeedError as exc:
        loaded.errors.append(str(exc))
