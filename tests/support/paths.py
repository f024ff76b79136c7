"""Folders the tests read from, wherever the test file that asks sits under tests/."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
"""The tests folder."""
REPO = TESTS.parent
"""The repository's root."""
SEEDS = REPO / "seeds"
"""The bundled articles the dashboard replays (mars6.txt, mars7.txt)."""
ARTICLES = TESTS / "articles"
"""Articles about other probes, written for the reader's tests."""
