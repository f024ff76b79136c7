"""Reading a seed file's bytes into text, and naming missions: the cheap part of reading a
seed, kept apart from the reader so a start-up that finds its missions cached never loads it."""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from pathlib import Path


class SeedError(Exception):
    """A source document that cannot be read at all; the message names the file and why."""


# Byte order marks, longest first (UTF-32's little-endian one begins with UTF-16's), with
# the codec that reads past them and the encoding's name.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def load_text(path: Path) -> str:
    """The text of a seed file, or SeedError naming the file and what is wrong with it.

    Only a regular file is read: a named pipe, a device or a socket would make the read wait
    for a writer or never end, so it is refused before anything is read from it. A file that
    begins with a byte order mark is read in the encoding the mark names (UTF-8, UTF-16 or
    UTF-32, either byte order), any other as UTF-8."""
    try:
        data = _read_regular_file(path)
    except FileNotFoundError:
        raise SeedError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SeedError(f"{path}: is a directory, not a text file") from None
    except OSError as exc:
        raise SeedError(f"{path}: cannot be read ({exc.strerror})") from None
    codec, name = next(((c, n) for bom, c, n in _BOMS if data.startswith(bom)), ("utf-8", "UTF-8"))
    if codec == "utf-8":  # no mark: a zero byte is no UTF-8 text, but binary
        if not data.strip():
            raise SeedError(f"{path}: is empty")
        if b"\x00" in data:
            raise SeedError(f"{path}: is binary, not text")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise SeedError(
            f"{path}: is not {name} text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.strip():
        raise SeedError(f"{path}: is empty")
    if "\x00" in text:
        raise SeedError(f"{path}: is binary, not text")
    return text


def _read_regular_file(path: Path) -> bytes:
    """The bytes of ``path``, or SeedError when it is not a regular file. The kind is checked
    before opening (opening a named pipe waits for a writer) and again on the opened file,
    which is opened without waiting in case it was swapped for a pipe in between."""
    _refuse_if_special(path, path.stat().st_mode)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        _refuse_if_special(path, os.fstat(fd).st_mode)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as file:
        return file.read()


def _refuse_if_special(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(path)
    if not stat.S_ISREG(mode):
        raise SeedError(f"{path}: is {_kind(mode)}, not a text file")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "a special file"


def slug(name: str) -> str:
    """``Mars 6`` -> ``mars6``: the id by which a mission is named on the command line."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", folded.lower()) or "mission"
