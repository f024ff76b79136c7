"""Where a shared replay's Unix socket lives, and claiming it for a presenter.

The socket is ``NAME.sock`` in the user's runtime folder (``$XDG_RUNTIME_DIR/mission-control``,
else ``/tmp/mission-control-UID``), a folder made 0700 and refused if another user owns it
or may write to it, as the cache folder is (:func:`mission_control.paths.not_private`); the
socket is 0600. With a group the socket is 0660 and that group's, in a folder the group's
members share: ``/tmp/mission-control-group-GROUP``, 01770 (sticky: each member removes
only their own socket) and the group's, no other user's; a folder there that is not so is
refused, saying to remove it (anyone may make a folder of that name in ``/tmp`` first).
Everything a user can get wrong here is a :class:`PlaceError`: one line naming the path.
"""

from __future__ import annotations

import contextlib
import errno
import grp
import os
import socket
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mission_control.paths import not_private
from mission_control.share.protocol import check_name

__all__ = ["MAX_PATH", "Claim", "Place", "PlaceError", "check_socket", "claim", "place_of"]

RUNTIME_ENV = "XDG_RUNTIME_DIR"
MAX_PATH = 107
"""Bytes a Unix socket's path may have (``sun_path`` less its terminating NUL)."""
CONNECT_TIMEOUT_S = 1.0


class PlaceError(Exception):
    """A socket or folder that cannot be used; the text is one line naming it."""


@dataclass(frozen=True)
class Place:
    """A shared replay's socket: its path, and the group it is shared with (None: the user's
    alone)."""

    path: Path
    gid: int | None = None
    group: str | None = None


def _base() -> Path:
    return Path(os.environ.get("TMPDIR") or tempfile.gettempdir())


def place_of(name: str, group: str | None = None) -> Place:
    """The socket of the shared replay ``name`` (its folder made if need be and checked);
    PlaceError for an unsafe name, an unknown group or a folder not fit to hold it."""
    try:
        check_name(name)
    except ValueError as exc:
        raise PlaceError(str(exc)) from None
    if group is None:
        runtime = os.environ.get(RUNTIME_ENV)
        folder = (
            Path(runtime) / "mission-control"
            if runtime and Path(runtime).is_dir()
            else _base() / f"mission-control-{os.getuid()}"
        )
        _private_folder(folder)
        place = Place(folder / f"{name}.sock")
    else:
        try:
            gid = grp.getgrnam(group).gr_gid
        except KeyError:
            raise PlaceError(f"--group {group!r}: no such group") from None
        folder = _base() / f"mission-control-group-{group}"
        _group_folder(folder, gid, group)
        place = Place(folder / f"{name}.sock", gid, group)
    if len(os.fsencode(place.path)) > MAX_PATH:
        raise PlaceError(f"{place.path}: too long for a socket's path ({MAX_PATH} bytes at most)")
    return place


def _private_folder(folder: Path) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True)
        folder.chmod(0o700)
    except FileExistsError:
        pass
    except OSError as exc:
        raise PlaceError(f"{folder}: cannot make the socket's folder: {exc.strerror}") from None
    found = folder.lstat()
    why = not_private(found) if stat.S_ISDIR(found.st_mode) else "it is not a folder"
    if why is not None:
        raise PlaceError(f"{folder}: not used for a shared replay's socket: {why}")


GROUP_FOLDER_MODE = 0o1770
"""The group's folder: its members make sockets there, and the sticky bit lets each remove
only their own (a member could otherwise delete another's live presenter's socket)."""


def _group_folder(folder: Path, gid: int, group: str) -> None:
    try:
        folder.mkdir(mode=0o700)  # no one else's until it is the group's
    except FileExistsError:
        pass
    except OSError as exc:
        raise PlaceError(f"{folder}: cannot make the group's folder: {exc.strerror}") from None
    else:
        try:
            os.chown(folder, -1, gid)
            folder.chmod(GROUP_FOLDER_MODE)
        except OSError as exc:  # not a member of the group: leave nothing of the wrong group
            with contextlib.suppress(OSError):
                folder.rmdir()
            raise PlaceError(
                f"{folder}: cannot give it to group {group!r}: {exc.strerror}"
            ) from None
    found = folder.lstat()
    mode = stat.S_IMODE(found.st_mode)
    if not stat.S_ISDIR(found.st_mode):
        why = "it is not a folder"
    elif found.st_gid != gid:
        why = f"it is not group {group!r}'s (gid {found.st_gid})"
    elif found.st_mode & stat.S_IRWXO:
        why = f"other users may use it (mode {mode:04o})"
    elif not found.st_mode & stat.S_ISVTX and found.st_uid == os.getuid():
        folder.chmod(mode | stat.S_ISVTX)  # made so by an earlier version: ours to mend
        return
    elif not found.st_mode & stat.S_ISVTX:
        why = f"members may remove each other's sockets (mode {mode:04o}, no sticky bit)"
    else:
        return
    raise PlaceError(
        f"{folder}: not used for a shared replay's socket: {why}; if no one of the group "
        "made it so, remove it"
    )


def check_socket(place: Place) -> bool:
    """Whether the socket is there; PlaceError if what is there is not fit to connect to
    (not a socket, or another user's; with a group, not that group's)."""
    try:
        found = place.path.lstat()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise PlaceError(f"{place.path}: {exc.strerror}") from None
    if not stat.S_ISSOCK(found.st_mode):
        raise PlaceError(f"{place.path}: not a socket; refusing it")
    if place.gid is None and found.st_uid != os.getuid():
        raise PlaceError(
            f"{place.path}: the socket belongs to another user (uid {found.st_uid}); refusing it"
        )
    if place.gid is not None and found.st_gid != place.gid:
        raise PlaceError(f"{place.path}: the socket is not group {place.group!r}'s; refusing it")
    return True


def claim(place: Place, name: str) -> Claim:
    """The presenter's listening socket at ``place``, bound now, before the terminal is
    taken over. A socket left by a presenter that was killed (nothing accepts on it) is
    removed and taken over; a presenter of the same name still running is a PlaceError."""
    if check_socket(place):
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        probe.settimeout(CONNECT_TIMEOUT_S)
        try:
            probe.connect(os.fspath(place.path))
        except (ConnectionRefusedError, FileNotFoundError):
            place.path.unlink(missing_ok=True)  # stale: its presenter is gone
        except OSError as exc:
            raise PlaceError(f"{place.path}: cannot tell if a presenter is there: {exc}") from None
        else:
            raise PlaceError(
                f"{name!r} already has a presenter ({place.path}); "
                "choose another name, or --follow it"
            )
        finally:
            probe.close()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(os.fspath(place.path))
        if place.gid is None:
            place.path.chmod(0o600)
        else:
            os.chown(place.path, -1, place.gid)
            place.path.chmod(0o660)
        listener.listen(64)
        listener.setblocking(False)
        inode = place.path.lstat().st_ino
    except OSError as exc:
        listener.close()
        if exc.errno == errno.EADDRINUSE:
            raise PlaceError(f"{name!r} already has a presenter ({place.path})") from None
        raise PlaceError(f"{place.path}: cannot listen there: {exc.strerror}") from None
    return Claim(place, listener, inode)


@dataclass
class Claim:
    """A presenter's listening socket, and the inode of the file it was bound to."""

    place: Place
    listener: socket.socket
    inode: int

    def release(self) -> None:
        """Close the socket and remove its file, unless another presenter's is there now."""
        self.listener.close()
        try:
            if self.place.path.lstat().st_ino == self.inode:
                self.place.path.unlink()
        except OSError:
            pass
