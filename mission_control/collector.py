"""When the cyclic garbage collector runs: not while the program builds what it keeps.

Reading a cache of 100,000 events, preparing a replay or starting the dashboard makes
hundreds of thousands of objects that hold no cycles and live as long as the program; the
collector's passes over them find nothing and cost more than the work itself.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(*, freeze: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that hold no cycles.

    Unpickling or preparing a mission of 100,000 events creates hundreds of thousands of
    objects; without this the collector rescans them again and again and triples the time
    taken. On the way out they are kept out of its sight for good (:func:`resume`), or, with
    ``freeze`` False, for work whose objects mostly die when it ends (reading an article),
    the collector is only turned back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled and freeze:
            resume()
        elif was_enabled:
            gc.enable()


def resume() -> None:
    """Turn the collector back on after building what lives as long as the program.

    Everything it tracks now is moved to its permanent generation (``gc.freeze``), so the
    first collection does not scan all of that once more, nor does any later full one.
    """
    gc.freeze()
    gc.enable()


@contextmanager
def disabled() -> Iterator[None]:
    """The collector off for the block and on after it, whatever it was before: for the
    dashboard, which turns it back on itself (:func:`resume`) once its first frame is drawn."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
