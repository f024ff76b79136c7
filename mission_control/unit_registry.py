"""The program's one pint registry, built on first use in whichever thread asks first.

Importing this module loads nothing of pint; :func:`registry` does (about a second to import
and build without pint's cache). :mod:`mission_control.units` converts and shows quantities
with it.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    import pint


_REGISTRY: list[pint.UnitRegistry[Any]] = []
_BUILDING = threading.Lock()


def registry() -> pint.UnitRegistry[Any]:
    """The program's single pint registry, built on first use and made the application's.

    The dashboard's two background threads (quantities, and the crafts' readouts) may ask
    for it at once: one builds it, the other waits for it (two builds would also race on
    pint's cache files).
    """
    if not _REGISTRY:
        with _BUILDING:
            if not _REGISTRY:
                _REGISTRY.append(_build_registry())
    return _REGISTRY[0]


def _build_registry() -> pint.UnitRegistry[Any]:
    """The registry itself.

    pint keeps its parsed unit definitions (pickles) in a ``pint`` folder of the program's
    cache folder when caching is on and both are private (``paths.private_folder``), which
    makes building the registry about eight times quicker (20 ms against 150). A folder
    that cannot be made only means the definitions are parsed afresh, and so does a damaged
    one (or one another process is writing as this one reads): its files are removed, for
    the next start to write anew.
    """
    import pint

    from mission_control.paths import cache_dir, private_folder

    folder = cache_dir()
    ureg: pint.UnitRegistry[Any] | None = None
    if folder is not None and private_folder(folder, create=True):
        kept = folder / "pint"
        if private_folder(kept, create=True):
            try:
                ureg = pint.UnitRegistry(cache_folder=kept)
            except Exception:  # unpickling a damaged or half-written file fails any way
                _forget(kept)
    if ureg is None:
        ureg = pint.UnitRegistry()
    pint.set_application_registry(ureg)  # type: ignore[no-untyped-call]
    return ureg


def _forget(folder: Path) -> None:
    """Remove pint's cached files, so a damaged one is written anew."""
    for path in folder.glob("*"):
        if path.suffix in (".pickle", ".json"):
            with contextlib.suppress(OSError):
                path.unlink()
