"""``serve``'s own options, and each session's command line made from the one it was given.

Every other option is the dashboard's and goes to each session's ``mission-control`` as the
user typed it, so an option the dashboard learns later passes through untouched. This module
imports neither Textual nor the web server: ``build_parser`` adds these options.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from mission_control.catalog import bundled_seed_files
from mission_control.exit_codes import UsageError
from mission_control.seedfile import slug

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 20

OWN_OPTIONS = ("--host", "--port", "--max-sessions")
"""The options ``serve`` reads itself; each takes one value. The parser allows no
abbreviation of them, so every way of writing one is found in the raw arguments."""


def add_serve_options(p: argparse.ArgumentParser) -> None:
    """``--host``, ``--port`` and ``--max-sessions``, after the dashboard's options."""
    p.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"the address to listen on (default {DEFAULT_HOST}, this machine only; "
        "any other lets everyone who can reach it watch)",
    )
    p.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar="N",
        help=f"the port to listen on (default {DEFAULT_PORT}; 0 for any free one)",
    )
    p.add_argument(
        "--max-sessions",
        type=int,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=f"browser tabs served at once (default {DEFAULT_MAX_SESSIONS}); "
        "a tab past them is told so",
    )


def check_serve_options(args: argparse.Namespace) -> None:
    """UsageError naming a port out of range, a session limit below one, or ``--present``
    (every tab would present the one replay: the second and later could not)."""
    if getattr(args, "present", None) is not None:
        raise UsageError(
            f"serve --present {args.present}: each browser tab would be a presenter; present "
            f"from a terminal and serve --follow {args.present}"
        )
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port}: a port is 1 to 65535 (0 for any free one)")
    if args.max_sessions < 1:
        raise UsageError(f"--max-sessions {args.max_sessions}: at least 1 session is needed")


def session_command(argv: Sequence[str], args: argparse.Namespace) -> list[str]:
    """Each session's command: this Python running the dashboard with the arguments ``serve``
    was given (``argv``, after the word ``serve``) less its own options, article paths made
    absolute. The same Python, so the session has the packages this server has."""
    return [sys.executable, "-m", "mission_control", "run", *dashboard_arguments(argv, args)]


def dashboard_arguments(argv: Sequence[str], args: argparse.Namespace) -> list[str]:
    """``argv`` less ``serve``'s own options and their values, article files and the
    ``--seeds`` folder made absolute; everything else as given, in its order."""
    files = {w for w in [*args.missions, args.mission] if w and _names_file(w, args.seeds)}
    out: list[str] = []
    words = iter(argv)
    positional_only = False
    for word in words:
        if positional_only:
            out.append(_absolute(word) if word in files else word)
            continue
        if word == "--":
            positional_only = True
            out.append(word)
        elif word in OWN_OPTIONS:
            next(words, None)
        elif word.partition("=")[0] in OWN_OPTIONS:
            continue
        elif word == "--seeds":
            out.append(word)
            folder = next(words, None)
            if folder is not None:
                out.append(_absolute(folder))
        elif word.startswith("--seeds="):
            out.append("--seeds=" + _absolute(word.partition("=")[2]))
        elif word.startswith("--mission=") and word.partition("=")[2] in files:
            out.append("--mission=" + _absolute(word.partition("=")[2]))
        else:
            out.append(_absolute(word) if word in files else word)
    return out


def _names_file(word: str, seeds: Path | None) -> bool:
    """Whether the catalog reads ``word`` as a file's path rather than a bundled mission's
    name (``catalog.load``'s rule)."""
    path = Path(word)
    known = {slug(p.stem) for p in bundled_seed_files(seeds)} if _is_dir(seeds) else set()
    if slug(word) in known and not (path.suffix and path.exists()):
        return False
    return path.exists() or bool(path.suffix) or "/" in word or "\\" in word


def _is_dir(folder: Path | None) -> bool:
    return folder is None or folder.is_dir()


def _absolute(word: str) -> str:
    return str(Path(word).absolute())
