"""The private Textual names the dashboard relies on (mission_control.textual_private) are
still there in the installed Textual: an upgrade that renames one fails here, by name."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import sys

import pytest
from textual.app import App

from mission_control.textual_private import HOOKED


def instance_of(cls: type) -> object:
    """An instance of ``cls`` that has its ``__init__``'s attributes."""
    if issubclass(cls, App):
        return cls()
    from textual.drivers.linux_driver import LinuxDriver

    if issubclass(cls, LinuxDriver):

        async def make() -> object:
            return cls(App())  # a driver needs the running loop

        return asyncio.run(make())
    return cls()


HOOKS = [(path, name) for path, names in HOOKED.items() for name in names]


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux driver is not importable")
@pytest.mark.parametrize(("path", "name"), HOOKS, ids=[f"{p}.{n}" for p, n in HOOKS])
def test_each_private_name_used_still_exists(path: str, name: str) -> None:
    module, _, class_name = path.rpartition(".")
    cls = getattr(importlib.import_module(module), class_name)
    assert hasattr(cls, name) or hasattr(instance_of(cls), name), f"{path}.{name} is gone"


def test_the_methods_hooked_still_take_what_is_passed() -> None:
    from textual.scroll_view import ScrollView

    assert list(inspect.signature(App._handle_exception).parameters) == ["self", "error"]
    assert list(inspect.signature(ScrollView._scroll_update).parameters) == [
        "self",
        "virtual_size",
    ]
