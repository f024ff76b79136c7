"""Where a shared replay's socket lives and who may use it: the user's own runtime folder,
0600; a group's folder and 0660 with --group; a stale socket taken over, a live one, another
user's, or anything but a socket refused in one line naming the path."""

from __future__ import annotations

import grp
import os
import shutil
import socket
import stat
import tempfile
from pathlib import Path

import pytest

from mission_control.share.places import (
    MAX_PATH,
    Place,
    PlaceError,
    check_socket,
    claim,
    place_of,
)

OTHER_UID = 54321
"""A user id no one here has."""
needs_root = pytest.mark.skipif(os.getuid() != 0, reason="making another user's file needs root")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_the_socket_is_the_users_alone_in_its_runtime_folder(runtime: Path) -> None:
    place = place_of("room")
    assert place.path == runtime / "mission-control" / "room.sock"
    assert mode(place.path.parent) == 0o700
    claimed = claim(place, "room")
    try:
        assert stat.S_ISSOCK(place.path.lstat().st_mode) and mode(place.path) == 0o600
    finally:
        claimed.release()
    assert not place.path.exists()


def test_without_a_runtime_folder_it_is_a_private_folder_named_for_the_uid(
    runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    place = place_of("room")
    assert place.path.parent == runtime / f"mission-control-{os.getuid()}"
    assert mode(place.path.parent) == 0o700


@needs_root
def test_a_folder_of_another_user_is_refused_naming_it(runtime: Path) -> None:
    folder = runtime / "mission-control"
    folder.mkdir(mode=0o700)
    os.chown(folder, OTHER_UID, -1)
    with pytest.raises(PlaceError, match=f"{folder}.*another user"):
        place_of("room")


def test_a_folder_others_may_write_to_is_refused(runtime: Path) -> None:
    folder = runtime / "mission-control"
    folder.mkdir()
    folder.chmod(0o777)
    with pytest.raises(PlaceError, match="may write"):
        place_of("room")


def test_a_group_shares_a_0660_socket_in_its_own_folder(runtime: Path) -> None:
    group = grp.getgrgid(os.getgid()).gr_name
    place = place_of("room", group)
    assert place.path.parent == runtime / f"mission-control-group-{group}"
    assert mode(place.path.parent) == 0o1770 and place.path.parent.stat().st_gid == os.getgid()
    claimed = claim(place, "room")
    try:
        assert mode(place.path) == 0o660 and place.path.lstat().st_gid == os.getgid()
        assert check_socket(place)
    finally:
        claimed.release()


def test_a_group_folder_that_cannot_be_the_groups_is_not_left_behind(
    runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a member of the group: the chown fails, and no folder of the wrong group stays
    in /tmp for the group's members to meet (or be refused by)."""
    group = grp.getgrgid(os.getgid()).gr_name

    def chown(path: object, uid: int, gid: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", chown)
    with pytest.raises(PlaceError, match=f"cannot give it to group '{group}': Operation not"):
        place_of("room", group)
    assert not (runtime / f"mission-control-group-{group}").exists()


def test_a_group_folder_without_the_sticky_bit_is_mended_if_ours(runtime: Path) -> None:
    group = grp.getgrgid(os.getgid()).gr_name
    folder = runtime / f"mission-control-group-{group}"
    folder.mkdir()
    folder.chmod(0o770)
    place_of("room", group)
    assert mode(folder) == 0o1770


@needs_root
def test_a_squatted_group_folder_is_refused_saying_to_remove_it(runtime: Path) -> None:
    group = grp.getgrgid(os.getgid()).gr_name
    folder = runtime / f"mission-control-group-{group}"
    folder.mkdir()
    folder.chmod(0o770)
    os.chown(folder, OTHER_UID, os.getgid())
    with pytest.raises(PlaceError, match=r"no sticky bit.*remove it"):
        place_of("room", group)


def test_an_unknown_group_is_one_line(runtime: Path) -> None:
    with pytest.raises(PlaceError, match=r"^--group 'no-such-group-x': no such group$"):
        place_of("room", "no-such-group-x")


def test_an_unsafe_name_is_refused_before_any_path_is_made(runtime: Path) -> None:
    with pytest.raises(PlaceError, match="'/'"):
        place_of("../etc")
    assert not (runtime / "mission-control").exists()


def test_a_path_too_long_for_a_socket_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    deep = Path(tempfile.mkdtemp(prefix="mc-rt", dir="/tmp"))
    try:
        long = deep / ("x" * 60)
        long.mkdir()
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(long))
        with pytest.raises(PlaceError, match=f"{MAX_PATH} bytes"):
            place_of("y" * 60)
    finally:
        shutil.rmtree(deep)


def test_a_stale_socket_is_taken_over(runtime: Path) -> None:
    place = place_of("room")
    killed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    killed.bind(os.fspath(place.path))
    killed.close()  # the file stays, as a killed presenter leaves it: nothing accepts there
    claimed = claim(place, "room")
    try:
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        probe.connect(os.fspath(place.path))  # the new presenter's
        probe.close()
    finally:
        claimed.release()


def test_a_second_presenter_of_the_same_name_is_refused(runtime: Path) -> None:
    place = place_of("room")
    first = claim(place, "room")
    try:
        with pytest.raises(PlaceError, match="'room' already has a presenter"):
            claim(place, "room")
        assert check_socket(place)  # the first one's socket is left alone
    finally:
        first.release()


def test_releasing_leaves_a_socket_that_is_not_its_own(runtime: Path) -> None:
    place = place_of("room")
    first = claim(place, "room")
    place.path.unlink()
    second = claim(place, "room")
    first.release()
    assert place.path.exists()
    second.release()
    assert not place.path.exists()


@needs_root
def test_a_socket_of_another_user_is_refused_naming_it(runtime: Path) -> None:
    place = place_of("room")
    theirs = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    theirs.bind(os.fspath(place.path))
    try:
        os.chown(place.path, OTHER_UID, -1)
        for attempt in (lambda: claim(place, "room"), lambda: check_socket(place)):
            with pytest.raises(PlaceError, match=f"{place.path}: .*another user"):
                attempt()
        assert place.path.exists()
    finally:
        theirs.close()


def test_a_file_that_is_not_a_socket_is_refused(runtime: Path) -> None:
    place = place_of("room")
    place.path.write_text("not a socket")
    with pytest.raises(PlaceError, match="not a socket"):
        claim(place, "room")
    assert place.path.read_text() == "not a socket"


def test_a_socket_of_another_group_is_refused(runtime: Path) -> None:
    group = grp.getgrgid(os.getgid()).gr_name
    place = place_of("room", group)
    other = Place(place.path, os.getgid() + 1, "others")
    claimed = claim(place, "room")
    try:
        with pytest.raises(PlaceError, match="not group 'others'"):
            check_socket(other)
    finally:
        claimed.release()
