"""The parse that ships with the package.

The user's cache is empty at the first start after an install, and filling it would import
pint and read both articles before the first frame. A wheel therefore carries its bundled
articles and status rules already read, made when the wheel is built by the code inside it
(``catalog.write_shipped``, called by the build hook). Its entries are keyed by a digest of
their name, their text and the contents of the reading code, so an edited article or edited
code is read afresh; the digest is worked out only when the user's cache misses.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from mission_control import collector, fingerprint, paths

Source = tuple[str, str, Callable[[], object]]
"""A cache entry's name, the text it is made from, and how to make it."""


@cache
def entries() -> dict[str, bytes]:
    """The parse the installed package ships: each entry's pickle by content key; empty
    when there is none. Entries are unpickled one by one, only when their key matches."""
    try:
        with paths.SHIPPED.open("rb") as handle:
            found = pickle.load(handle)
    except Exception:  # missing or damaged: the sources are read instead
        return {}
    return found if isinstance(found, dict) else {}


def content_key(name: str, text: str) -> str:
    """An entry's key: the reading code's digest, the entry's name and its text."""
    import hashlib

    sha = hashlib.sha256(fingerprint.digest())
    sha.update(f"\0{name}\0{text}".encode())
    return sha.hexdigest()


def lookup(name: str, text: str) -> object | None:
    """The shipped entry for this name and text with this code, or None."""
    found = entries()
    if not found:
        return None
    data = found.get(content_key(name, text))
    if not isinstance(data, bytes):
        return None
    try:
        with collector.paused():
            value: object = pickle.loads(data)
    except Exception:  # damaged, or made by other classes than these
        return None
    return value


def write(path: Path, sources: Iterable[Source]) -> int:
    """Make every source afresh and write them to ``path`` under their content keys, for
    a wheel to ship. Returns how many were written."""
    made = {
        content_key(name, text): pickle.dumps(make(), protocol=pickle.HIGHEST_PROTOCOL)
        for name, text, make in sources
    }
    with path.open("wb") as handle:
        pickle.dump(made, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return len(made)
