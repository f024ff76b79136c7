"""Each module has one job and stays short enough to read in one sitting."""

from __future__ import annotations

import ast

import pytest

from mission_control.paths import PACKAGE

LIMIT = 400
"""Lines a module may have, unless its opening docstring says why it must be one file."""

WHY_ONE_FILE = "must be one file"


def _modules() -> list[str]:
    return sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("name", _modules())
def test_a_module_is_short_or_says_why_not(name: str) -> None:
    text = (PACKAGE / name).read_text("utf-8")
    lines = text.count("\n")
    docstring = ast.get_docstring(ast.parse(text)) or ""
    assert lines <= LIMIT or WHY_ONE_FILE in docstring, (
        f"{name} has {lines} lines; split it by job, or say in its docstring why it {WHY_ONE_FILE}"
    )


@pytest.mark.parametrize("name", _modules())
def test_a_module_opens_by_saying_its_job(name: str) -> None:
    tree = ast.parse((PACKAGE / name).read_text("utf-8"))
    assert ast.get_docstring(tree), f"{name} has no opening docstring"
