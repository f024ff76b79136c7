"""pint's own cache of its unit definitions: kept only in the private cache folder, and a
damaged or half-written one is never an error."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pint
import pytest

from mission_control import paths, unit_registry, units


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of the test's own, and the program's registry back afterwards."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("MISSION_CONTROL_CACHE_DIR", str(folder))
    monkeypatch.delenv("MISSION_CONTROL_NO_CACHE", raising=False)
    monkeypatch.setattr(paths, "_warned", set(), raising=False)
    kept = units.registry()
    yield folder
    pint.set_application_registry(kept)


def _build() -> pint.UnitRegistry:
    """A registry built as the program's first one is, past ``registry``'s memo."""
    ureg: pint.UnitRegistry = unit_registry._build_registry()
    assert round(ureg.Quantity(1, "km").to("mi").magnitude, 3) == 0.621
    return ureg


def test_pints_folder_is_private_whatever_the_umask(cache: Path) -> None:
    saved = os.umask(0o000)
    try:
        _build()
    finally:
        os.umask(saved)
    for folder in (cache, cache / "pint"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert list((cache / "pint").glob("*.pickle"))


def test_pint_keeps_nothing_in_a_folder_others_may_write(
    cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (cache / "pint").mkdir(parents=True, mode=0o700)
    (cache / "pint").chmod(0o777)
    _build()
    assert not list((cache / "pint").iterdir())
    why = "its group or others may write to it (mode 0777; chmod go-w to use it)"
    assert why in capsys.readouterr().err


@pytest.mark.parametrize(
    "damage",
    [lambda data: data[: len(data) // 2], lambda data: b"garbage", lambda data: b""],
    ids=["truncated", "garbage", "empty"],
)
def test_a_damaged_pint_cache_is_not_an_error(cache: Path, damage: object) -> None:
    _build()
    kept = sorted((cache / "pint").glob("*.pickle"))
    assert kept
    for path in kept:
        path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    _build()
    # The damaged files are gone, and the next start writes them anew.
    assert not list((cache / "pint").glob("*.pickle"))
    _build()
    assert sorted((cache / "pint").glob("*.pickle")) == kept


FIRST_START = """
from mission_control import units
print(round(units.registry().Quantity(1, "km").to("mi").magnitude, 3))
"""


def test_first_starts_at_once_share_pints_cache(tmp_path: Path) -> None:
    """Eight starts build their registry together into one empty cache folder: pint writes
    its files as others read them, and every start still gets a registry."""
    env = {**os.environ, "MISSION_CONTROL_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("MISSION_CONTROL_NO_CACHE", None)
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", FIRST_START],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    results = [(start.communicate(timeout=300), start.returncode) for start in starts]
    assert results == [(("0.621\n", ""), 0)] * 8
