"""The crash report and note, and the folder they go to, without a dashboard to crash.

A dashboard that crashes is in ui/test_exits.py (in-process) and e2e/test_exits_terminal.py
(in a real terminal).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mission_control import crash, paths


def test_a_crash_report_goes_to_the_temporary_folder_when_the_log_folder_is_unwritable(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    report = crash.write_report(ValueError("x"), folder=blocked / "log")
    assert report is not None
    assert report.parent != blocked / "log"
    assert "ValueError: x" in report.read_text()
    report.unlink()


def test_a_crash_note_is_one_short_line() -> None:
    error = RuntimeError("first line " + "x" * 200 + "\nsecond line")
    text = crash.note(error, Path("/tmp/r.log"))
    assert "\n" not in text
    assert "second line" not in text
    assert "x" * 60 in text and "x" * 80 not in text  # the message, cut short
    assert crash.note(RuntimeError(), None).endswith("(RuntimeError); no report could be written")


def test_the_log_folder_can_be_chosen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(paths.LOG_DIR_ENV, str(tmp_path))
    assert paths.log_dir() == tmp_path
    monkeypatch.delenv(paths.LOG_DIR_ENV)
    assert paths.log_dir().parts[-1] in ("log", "Logs", "mission-control")
