"""Which of the package's files reading an article runs, and a stamp that changes with them.

Cached parses are keyed by this code: an edit to any module that reading an article or the
status rules imports (directly or inside a function) must read every source afresh, and an
edit anywhere else must not. The set of files is derived from the import statements of the
reading entry points, followed through the package, rather than listed by hand; a test
checks it against the AST and against what reading really loads.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from mission_control.paths import PACKAGE

READING_ENTRIES: tuple[str, ...] = (
    "mission_control.extract.reader",
    "mission_control.status_rules",
)
"""The modules whose work the cache keeps: the article reader and the status rules' parser."""


@cache
def _import_pattern() -> re.Pattern[str]:
    """An import statement of the package's modules, anywhere in a file; compiled on the
    first miss, since a warm start only re-stats files."""
    return re.compile(
        r"^[ \t]*(?:from[ \t]+(?P<base>mission_control(?:\.\w+)*)[ \t]+import[ \t]+"
        r"(?P<names>\([^)]*\)|[^\n#;]+)|import[ \t]+(?P<plain>mission_control(?:\.\w+)*))",
        re.MULTILINE,
    )


def module_file(name: str, package: Path = PACKAGE) -> Path | None:
    """The file of the package's module ``name`` (a package's ``__init__.py``), or None."""
    parts = name.split(".")[1:]
    folder = package.joinpath(*parts)
    for candidate in (folder.with_suffix(".py"), folder / "__init__.py"):
        if parts and candidate.is_file():
            return candidate
    init = package / "__init__.py"
    return init if not parts and init.is_file() else None


def imported_modules(source: str, package: Path = PACKAGE) -> set[str]:
    """The package's modules an import statement in ``source`` names, wherever it stands."""
    found: set[str] = set()
    for match in _import_pattern().finditer(source):
        if match["plain"]:
            found.add(match["plain"])
            continue
        base = match["base"]
        found.add(base)
        if not _is_package(base, package):
            continue  # names imported from a module are its attributes, not submodules
        for item in match["names"].strip("() \t\n").split(","):
            name = item.split(" as ")[0].strip()
            if name and module_file(f"{base}.{name}", package) is not None:
                found.add(f"{base}.{name}")
    return found


def _is_package(name: str, package: Path) -> bool:
    return package.joinpath(*name.split(".")[1:], "__init__.py").is_file()


def _with_parents(name: str) -> list[str]:
    """Importing ``a.b.c`` runs ``a`` and ``a.b`` first."""
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


def closure(entries: tuple[str, ...], package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package that importing ``entries`` can run, with its file."""
    files: dict[str, Path] = {}
    pending = [parent for entry in entries for parent in _with_parents(entry)]
    while pending:
        name = pending.pop()
        if name in files:
            continue
        path = module_file(name, package)
        if path is None:
            continue
        files[name] = path
        for found in imported_modules(path.read_text("utf-8"), package):
            pending.extend(_with_parents(found))
    return dict(sorted(files.items()))


@cache
def reading_files() -> tuple[Path, ...]:
    """The files of the code that turns a source's text into what the cache keeps."""
    return tuple(closure(READING_ENTRIES).values())


Stamp = tuple[tuple[str, int, int], ...]
"""Files by path (relative to the package), size and modification time."""


def stamp(files: tuple[Path, ...] | None = None, package: Path = PACKAGE) -> Stamp:
    """Each reading file (or each of ``files``) by name, size and modification time, as
    Python's own bytecode cache tells a changed module."""
    found = []
    for path in reading_files() if files is None else files:
        stat = path.stat()
        found.append((path.relative_to(package).as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def unchanged(stamped: Stamp, package: Path = PACKAGE) -> bool:
    """Whether every file of a stamp is still as it was. A stamp is made when a source is
    read, and the files it lists are the ones that reading imported then: an edit to any
    of them, including one that imports another module, changes it. Checking it reads
    no source file, which keeps a warm start from deriving the import closure."""
    try:
        for name, size, mtime_ns in stamped:
            stat = (package / name).stat()
            if stat.st_size != size or stat.st_mtime_ns != mtime_ns:
                return False
    except (OSError, TypeError, ValueError):
        return False
    return bool(stamped)


@cache
def digest() -> bytes:
    """A digest of the reading code's contents (not its file times, which an install sets)."""
    import hashlib

    sha = hashlib.sha256()
    for path in reading_files():
        sha.update(f"{path.relative_to(PACKAGE).as_posix()}\0".encode())
        sha.update(path.read_bytes())
    return sha.digest()
