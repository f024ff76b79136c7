"""When the dashboard crashes: the full report goes to a file, and the terminal gets one line
saying where (a traceback with locals is no use to someone watching over SSH).

No textual import: the report is plain text, written with the standard library.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from mission_control.paths import log_dir

ENVIRONMENT = ("TERM", "COLORTERM", "NO_COLOR", "LANG", "LC_ALL", "LC_CTYPE", "SSH_TTY")
"""The variables that say what kind of terminal the crash happened in."""


def _version(package: str) -> str:
    from importlib import metadata  # about 10 ms with its imports: only when a crash needs it

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def report_text(error: BaseException, details: Iterable[tuple[str, str]] = ()) -> str:
    """The report: what ran where, then the full traceback (with its causes)."""
    lines = [
        f"mission-control {_version('mission-control')} crashed at "
        f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ}",
        f"python {platform.python_version()}, textual {_version('textual')}, {platform.platform()}",
        f"command: {' '.join(sys.argv)}",
    ]
    lines += [f"{name}={os.environ[name]}" for name in ENVIRONMENT if name in os.environ]
    lines += [f"{name}: {value}" for name, value in details]
    lines.append("")
    lines += traceback.format_exception(error)
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def write_report(
    error: BaseException, details: Iterable[tuple[str, str]] = (), *, folder: Path | None = None
) -> Path | None:
    """Write a new report file; its path, or None when neither the log folder nor the
    temporary folder can be written."""
    name = f"crash-{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{os.getpid()}.log"
    text = report_text(error, details)
    for place in (folder or log_dir(), Path(tempfile.gettempdir())):
        try:
            place.mkdir(parents=True, exist_ok=True)
            path = place / name
            path.write_text(text, encoding="utf-8")
        except OSError:
            continue
        return path
    return None


def note(error: BaseException, report: Path | None) -> str:
    """The line for the terminal: what went wrong in a few words, and where the report is."""
    first = str(error).strip().splitlines()[0] if str(error).strip() else ""
    if len(first) > 80:
        first = first[:79] + "..."
    what = f"{type(error).__name__}: {first}" if first else type(error).__name__
    where = f"full report in {report}" if report else "no report could be written"
    return f"mission-control stopped on an internal error ({what}); {where}"
