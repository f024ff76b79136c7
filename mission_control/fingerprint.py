"""Which of the package's files reading an article runs, and a stamp that changes with them.

Cached parses are keyed by this code: an edit to any module that reading an article or the
status rules imports (directly or inside a function) must read every source afresh, and an
edit anywhere else must not. The set of files is derived from the import statements of the
reading entry points, followed through the package, rather than listed by hand; a test
checks it against the AST and against what reading really loads.
"""

from __future__ import annotations

import re
import zlib
from functools import cache
from pathlib import Path

from mission_control.paths import PACKAGE

READING_ENTRIES: tuple[str, ...] = (
    "mission_control.extract.reader",
    "mission_control.status_rules",
)
"""The modules whose work the cache keeps: the article reader and the status rules' parser."""


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A module of the package named anywhere (its literal start makes the search quick),
    and what follows ``from NAME``: the names it imports, bracketed or to the end of the
    line. Compiled when first needed: a warm start only compares stamps."""
    return (
        re.compile(r"mission_control(?:\.\w+)*"),
        re.compile(r"[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)"),
    )


def module_file(name: str, package: Path = PACKAGE) -> Path | None:
    """The file of the package's module ``name`` (a package's ``__init__.py``), or None."""
    folder = package.joinpath(*name.split(".")[1:])
    module = folder.with_name(f"{folder.name}.py")
    if "." in name and module.is_file():
        return module
    init = folder / "__init__.py"
    return init if init.is_file() else None


def imported_modules(source: str, package: Path = PACKAGE) -> set[str]:
    """The package's modules an import statement in ``source`` names, wherever it stands
    (inside a function too): each mention of the package whose line starts with ``import``
    or ``from``, and for ``from PACKAGE import NAMES`` each name that is a submodule."""
    found: set[str] = set()
    mention, imported = _patterns()
    for match in mention.finditer(source):
        line_start = source.rfind("\n", 0, match.start()) + 1
        keyword = source[line_start : match.start()].strip()
        name = match.group()
        if keyword == "import":
            found.add(name)
        elif keyword == "from":
            found.add(name)
            names = imported.match(source, match.end())
            if names is None or not _is_package(name, package):
                continue  # names imported from a module are its attributes, not submodules
            for item in names.group(1).strip("() \t\n").split(","):
                sub = item.split(" as ")[0].strip()
                if sub and module_file(f"{name}.{sub}", package) is not None:
                    found.add(f"{name}.{sub}")
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
    if files is None:
        return _reading_stamp()
    found = []
    for path in files:
        stat = path.stat()
        found.append((path.relative_to(package).as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


@cache
def _reading_stamp() -> Stamp:
    """The reading files' stamp, made once: the code does not change while it runs."""
    return stamp(reading_files())


Signature = tuple[tuple[str, int, int], ...]
"""Files by path (relative to the package), size and CRC-32 of their contents."""


@cache
def signature(files: tuple[Path, ...] | None = None) -> Signature:
    """The reading code's files (or ``files``) by name, size and a checksum of their
    contents, which an install keeps (unlike their file times). It tells code that differs
    from what built the wheel; a CRC is enough for that, and zlib is loaded already, where
    hashlib would load OpenSSL (11 M instructions) before a first start's first frame."""
    found = []
    for path in reading_files() if files is None else files:
        data = path.read_bytes()
        found.append((path.relative_to(PACKAGE).as_posix(), len(data), zlib.crc32(data)))
    return tuple(found)
