"""The package's import graph: no cycles (imports inside functions count), and the cache's
reading code is exactly what reading an article can import."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from mission_control import cache as user_cache
from mission_control import fingerprint
from mission_control.paths import PACKAGE


def package_modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports anywhere in its file (function bodies
    and ``TYPE_CHECKING`` blocks included), by the AST."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                head = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*head, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules)
    return {m for m in found if m in modules and m != name}


def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_check_finds_a_cycle_through_a_function_body() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def _ast_closure(entries: tuple[str, ...]) -> set[str]:
    graph = import_graph()
    seen: set[str] = set()
    pending = [".".join(e.split(".")[:i]) for e in entries for i in range(1, e.count(".") + 2)]
    while pending:
        name = pending.pop()
        if name in seen or name not in graph:
            continue
        seen.add(name)
        for found in graph[name]:
            pending.extend(".".join(found.split(".")[:i]) for i in range(1, found.count(".") + 2))
    return seen


def test_the_reading_code_is_what_the_reading_entries_import() -> None:
    """The cache's cheap derivation (import statements found by a pattern) agrees with
    Python's own parse of every reading module."""
    derived = fingerprint.closure(fingerprint.READING_ENTRIES)
    assert set(derived) == _ast_closure(fingerprint.READING_ENTRIES)
    assert set(fingerprint.reading_files()) == set(derived.values())


def test_the_derivation_follows_imports_inside_functions(tmp_path: Path) -> None:
    package = tmp_path / "mission_control"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from mission_control.sub import b  # why\n")
    (package / "sub" / "b.py").write_text("from mission_control import (\n    c as d,\n)\n")
    (package / "c.py").write_text("import os\n")
    (package / "unused.py").write_text("")
    found = fingerprint.closure(("mission_control.a",), package)
    assert sorted(found) == [
        "mission_control",
        "mission_control.a",
        "mission_control.c",
        "mission_control.sub",
        "mission_control.sub.b",
    ]


def test_everything_reading_loads_is_covered(tmp_path: Path) -> None:
    """Every package module in memory after reading an article and the status rules, with
    nothing else imported first, is in the reading code."""
    code = (
        "import json, sys; from mission_control.extract.reader import read_text; "
        "from mission_control.seedfile import load_text; from mission_control import status_rules; "
        f"path = {str(PACKAGE.parent / 'seeds' / 'mars6.txt')!r}; "
        "read_text(load_text(__import__('pathlib').Path(path)), path); "
        "status_rules.default_rules(); "
        "print(json.dumps(sorted(m.__file__ for n, m in list(sys.modules.items()) "
        "if n.split('.')[0] == 'mission_control')))"
    )
    env = {**os.environ, "MISSION_CONTROL_NO_CACHE": "1"}
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    loaded = {Path(p) for p in json.loads(run.stdout)}
    assert loaded, run.stderr
    assert loaded <= set(fingerprint.reading_files()), loaded - set(fingerprint.reading_files())


def test_an_entry_whose_code_changed_is_read_afresh(tmp_path: Path) -> None:
    made: list[str] = []
    folder = tmp_path / "cache"

    def make() -> str:
        made.append("x")
        return "value"

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MISSION_CONTROL_CACHE_DIR", str(folder))
        assert user_cache.cached("n", "text", make, expect=str) == "value"
        assert user_cache.cached("n", "text", make, expect=str) == "value"
        assert made == ["x"]
        (entry,) = folder.glob("*.msgpack")
        found = msgspec.msgpack.decode(entry.read_bytes(), type=user_cache.Entry)
        stamped = found.stamp
        assert [name for name, _, _ in stamped] == [
            p.relative_to(PACKAGE).as_posix() for p in fingerprint.reading_files()
        ]
        name, size, mtime = stamped[0]
        changed = ((name, size + 1, mtime), *stamped[1:])
        entry.write_bytes(msgspec.msgpack.encode(msgspec.structs.replace(found, stamp=changed)))
        assert user_cache.cached("n", "text", make, expect=str) == "value"
        assert made == ["x", "x"]
        assert len(list(folder.glob("*.msgpack"))) == 1  # written anew in the same place
