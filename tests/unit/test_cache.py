"""The cache of parsed sources: its format runs no code, its folder and entries are the
user's alone, it reads only regular files, and it keeps a bounded size."""

from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
from support.paths import SEEDS

from mission_control import cache as user_cache
from mission_control import catalog, paths, status_rules
from mission_control import shipped as shipped_parse
from mission_control.mission import Mission


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MISSION_CONTROL_CACHE_DIR", str(folder))
    monkeypatch.delenv("MISSION_CONTROL_NO_CACHE", raising=False)
    monkeypatch.setattr(paths, "_warned", set(), raising=False)  # each test is a run
    return folder


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file())


def _counting(value: str) -> tuple[list[str], Callable[[], str]]:
    made: list[str] = []

    def make() -> str:
        made.append(value)
        return value

    return made, make


class _Planted:
    """Unpickling it creates ``marker``: what a planted pickle could do instead."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return (Path.touch, (self.marker,))


# --- the format ------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", ["mars6.txt", "mars7.txt"])
def test_a_mission_decodes_as_it_was(seed: str) -> None:
    mission = catalog.read_seed(SEEDS / seed, f"seeds/{seed}")
    again = user_cache.decode(user_cache.encode(mission), Mission)
    assert again == mission
    assert again is not None and again.table.rows == mission.table.rows
    assert tuple(again.events) == tuple(mission.events)


def test_the_status_rules_decode_as_they_were() -> None:
    rules = status_rules.default_rules()
    again = user_cache.decode(user_cache.encode(rules), status_rules.Rules)
    assert again == rules
    assert again is not None and again.matching_for("launch", None) == rules.matching_for(
        "launch", None
    )


def test_a_mission_record_has_every_field_of_a_mission() -> None:
    kept = [f.replace("rows", "events") for f in user_cache.MissionRecord.__struct_fields__]
    assert kept == list(Mission.__struct_fields__)


def test_a_value_that_does_not_decode_as_expected_is_none() -> None:
    assert user_cache.decode(user_cache.encode("a str"), Mission) is None
    assert user_cache.decode(b"\xc1", status_rules.Rules) is None


def test_a_hit_is_the_same_mission(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = catalog.read_seed(SEEDS / "mars6.txt", "seeds/mars6.txt")
    from mission_control.extract import reader

    monkeypatch.setattr(reader, "read_text", None)  # a hit reads nothing
    assert catalog.read_seed(SEEDS / "mars6.txt", "seeds/mars6.txt") == fresh


def test_a_pickle_at_an_entrys_name_runs_nothing(cache: Path, tmp_path: Path) -> None:
    fresh = catalog.read_seed(SEEDS / "mars6.txt")
    (entry,) = _entries(cache)
    marker = tmp_path / "ran"
    entry.write_bytes(pickle.dumps(_Planted(marker)))
    assert catalog.read_seed(SEEDS / "mars6.txt") == fresh
    assert not marker.exists()


def test_a_pickle_as_the_shipped_parse_runs_nothing(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "ran"
    planted = tmp_path / "shipped"
    planted.write_bytes(pickle.dumps(_Planted(marker)))
    monkeypatch.setattr(paths, "SHIPPED", planted)
    shipped_parse.entries.cache_clear()
    try:
        assert catalog.status_rules() == status_rules.default_rules()
    finally:
        shipped_parse.entries.cache_clear()
    assert not marker.exists()


# --- who may write it --------------------------------------------------------------------------


def test_the_folder_and_entries_are_private_whatever_the_umask(tmp_path: Path) -> None:
    folder = tmp_path / "made" / "cache"
    saved = os.umask(0o000)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("MISSION_CONTROL_CACHE_DIR", str(folder))
            patch.delenv("MISSION_CONTROL_NO_CACHE", raising=False)
            assert user_cache.cached("n", "text", lambda: "value", expect=str) == "value"
    finally:
        os.umask(saved)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
    (entry,) = _entries(folder)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_a_folder_others_may_write_is_neither_read_nor_written(
    cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made, make = _counting("value")
    assert user_cache.cached("n", "text", make, expect=str) == "value"
    (entry,) = _entries(cache)
    cache.chmod(0o777)
    entry.unlink()
    for _ in range(2):
        assert user_cache.cached("n", "text", make, expect=str) == "value"
    assert made == ["value"] * 3
    assert not _entries(cache)
    err = capsys.readouterr().err
    why = "its group or others may write to it (mode 0777; chmod go-w to use it)"
    assert err == f"warning: not using the cache at {cache}: {why}\n"


def test_an_entry_others_may_write_is_not_read(
    cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made, make = _counting("value")
    user_cache.cached("n", "text", make, expect=str)
    (entry,) = _entries(cache)
    entry.chmod(0o666)
    assert user_cache.cached("n", "text", make, expect=str) == "value"
    assert made == ["value", "value"]
    why = "its group or others may write to it (mode 0666; chmod go-w to use it)"
    assert capsys.readouterr().err == f"warning: not using the cache at {entry}: {why}\n"
    # Written anew, the user's alone: the next start finds it.
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert user_cache.cached("n", "text", make, expect=str) == "value"
    assert len(made) == 2


def test_a_folder_of_another_user_is_not_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made, make = _counting("value")
    user_cache.cached("n", "text", make, expect=str)
    assert len(_entries(cache)) == 1
    uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: uid + 1)
    assert user_cache.cached("n", "text", make, expect=str) == "value"
    assert made == ["value", "value"]
    assert capsys.readouterr().err == (
        f"warning: not using the cache at {cache}: it belongs to another user (uid {uid})\n"
    )


def test_an_entry_of_another_user_is_not_read(
    cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made, make = _counting("value")
    user_cache.cached("n", "text", make, expect=str)
    (entry,) = _entries(cache)
    real_fstat = os.fstat

    def fstat(descriptor: int) -> os.stat_result:
        found = list(real_fstat(descriptor))
        found[stat.ST_UID] += 1
        return os.stat_result(found)

    monkeypatch.setattr(os, "fstat", fstat)
    assert user_cache.cached("n", "text", make, expect=str) == "value"
    assert made == ["value", "value"]
    assert capsys.readouterr().err == (
        f"warning: not using the cache at {entry}: "
        f"it belongs to another user (uid {os.getuid() + 1})\n"
    )


# --- what it opens -----------------------------------------------------------------------------

FIFO_PROBE = """
from mission_control import cache
print(cache.cached("n", "text", lambda: "value", expect=str))
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_at_an_entrys_name_does_not_block(cache: Path) -> None:
    user_cache.cached("n", "text", lambda: "value", expect=str)
    (entry,) = _entries(cache)
    entry.unlink()
    os.mkfifo(entry, 0o600)
    env = {**os.environ, "MISSION_CONTROL_CACHE_DIR": str(cache)}
    # In a child with a time limit, so that blocking fails the test instead of hanging it.
    run = subprocess.run(
        [sys.executable, "-c", FIFO_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert run.stdout == "value\n"
    assert run.stderr == f"warning: not using the cache at {entry}: it is not a regular file\n"
    assert stat.S_ISREG(entry.lstat().st_mode)  # written anew in its place


def test_a_link_at_an_entrys_name_is_not_followed(
    cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made, make = _counting("value")
    user_cache.cached("n", "text", make, expect=str)
    (entry,) = _entries(cache)
    elsewhere = tmp_path / "elsewhere"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    kept = elsewhere.read_bytes()
    assert user_cache.cached("n", "text", make, expect=str) == "value"
    assert made == ["value", "value"]
    assert f"{entry}: it is a symbolic link" in capsys.readouterr().err
    assert not entry.is_symlink()
    assert elsewhere.read_bytes() == kept


# --- how big it grows ------------------------------------------------------------------------


def test_an_entry_does_not_hold_the_text(cache: Path) -> None:
    user_cache.cached("n", "a" * 100, lambda: "value", expect=str)
    user_cache.cached("n", "b" * 1_000_000, lambda: "value", expect=str)
    sizes = {p.stat().st_size for p in _entries(cache)}
    assert len(_entries(cache)) == 2
    assert len(sizes) == 1
    assert sizes.pop() < 10_000


def _fill(folder: Path, texts: list[str], start: int = 1) -> None:
    """An entry for each text, each written a second after the one before."""
    for second, text in enumerate(texts, start=start):
        user_cache.cached("n", text, lambda: "value", expect=str)
        path = folder / f"{user_cache.digest('n', text)}{user_cache.SUFFIX}"
        os.utime(path, ns=(second * 10**9, second * 10**9))


def _kept(folder: Path, texts: list[str]) -> list[str]:
    names = {p.name for p in _entries(folder)}
    return [t for t in texts if f"{user_cache.digest('n', t)}{user_cache.SUFFIX}" in names]


def test_the_cache_keeps_the_newest_entries(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(user_cache, "MAX_ENTRIES", 3)
    texts = ["one", "two", "three", "four", "five"]
    _fill(cache, texts)
    assert _kept(cache, texts) == ["three", "four", "five"]


def test_the_cache_keeps_to_its_size(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(cache, ["one"])
    (entry,) = _entries(cache)
    monkeypatch.setattr(user_cache, "MAX_BYTES", 2 * entry.stat().st_size)
    texts = ["one", "two", "three"]
    _fill(cache, texts[1:], start=2)
    assert _kept(cache, texts) == ["two", "three"]
    # An entry bigger than the whole cache is kept alone, for the next start to find.
    monkeypatch.setattr(user_cache, "MAX_BYTES", 1)
    _fill(cache, ["four"], start=4)
    assert _kept(cache, [*texts, "four"]) == ["four"]


def test_pruning_leaves_other_files_and_removes_the_earlier_format(cache: Path) -> None:
    cache.mkdir(mode=0o700)
    (cache / "notes.txt").write_text("mine")
    (cache / "pint").mkdir()
    (cache / "1d7923db-3274.pickle").write_bytes(b"an entry of the earlier format")
    user_cache.cached("n", "text", lambda: "value", expect=str)
    names = sorted(p.name for p in cache.iterdir())
    assert names == sorted(["notes.txt", "pint", f"{user_cache.digest('n', 'text')}.msgpack"])


def test_an_entry_that_msgpack_cannot_hold_is_not_kept(cache: Path) -> None:
    value = object()
    assert user_cache.cached("n", "text", lambda: value, expect=object) is value
    assert not cache.exists() or not _entries(cache)


def test_an_entry_of_the_wrong_type_is_a_miss(cache: Path) -> None:
    user_cache.cached("n", "text", lambda: "value", expect=str)
    assert user_cache.cached("n", "text", lambda: 7, expect=int) == 7


def test_the_entrys_digest_must_be_its_keys(cache: Path) -> None:
    made, make = _counting("value")
    user_cache.cached("n", "text", make, expect=str)
    (entry,) = _entries(cache)
    found = msgspec.msgpack.decode(entry.read_bytes(), type=user_cache.Entry)
    moved = msgspec.structs.replace(found, digest=user_cache.digest("n", "other"))
    entry.write_bytes(msgspec.msgpack.encode(moved))
    assert user_cache.cached("n", "text", make, expect=str) == "value"
    assert made == ["value", "value"]
