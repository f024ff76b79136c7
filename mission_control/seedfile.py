"""Reading a seed file's bytes into text, and naming missions: the cheap part of reading a
seed, kept apart from the reader so a start-up that finds its missions cached never loads it."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path


class SeedError(Exception):
    """A source document that cannot be read at all; the message names the file and why."""


def load_text(path: Path) -> str:
    """The text of a seed file, or SeedError naming the file and what is wrong with it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SeedError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SeedError(f"{path}: is a directory, not a text file") from None
    except OSError as exc:
        raise SeedError(f"{path}: cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise SeedError(f"{path}: is empty")
    if b"\x00" in data:
        raise SeedError(f"{path}: is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SeedError(
            f"{path}: is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def slug(name: str) -> str:
    """``Mars 6`` -> ``mars6``: the id by which a mission is named on the command line."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", folded.lower()) or "mission"
