"""The ASCII stand-ins for what the dashboard draws, and how the locale and the terminal
decide between Unicode and ASCII.

Whole screens in ASCII mode are in ui/test_ascii_screens.py and e2e/test_terminals.py.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from mission_control import glyphs
from mission_control.model import Status
from mission_control.presentation.ascii_digits import render_digits
from mission_control.screens.help import legend


def test_the_help_legend_in_ascii_mode_shows_the_ascii_glyphs_only() -> None:
    shown = legend(ascii_only=True)
    assert shown.isascii()
    assert "X  critical" in shown and "*  normal" in shown and "~  standby" in shown
    assert "●" in legend()  # both columns where the terminal shows both


def test_the_ascii_clock_reads_as_digits() -> None:
    assert render_digits("09:05:53").splitlines() == [
        " _  _     _  _     _  _ ",
        "| ||_| : | ||_  : |_  _|",
        "|_| _|   |_| _|    _| _|",
    ]
    assert render_digits("--:--:--").splitlines()[1] == " _  _  :  _  _  :  _  _ "


@given(st.text())
def test_ascii_stand_ins_are_ascii_and_exactly_as_wide(text: str) -> None:
    plain = glyphs.to_ascii(text)
    assert plain.isascii()
    assert cell_len(plain) == cell_len(text)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("● ▲ ◆ ✖ ◌ ○ ?", "* ! # X ~ o ?"),  # the status glyphs' own stand-ins
        ("▶ ◀ ‖ · … ≈ × — “x” ← →", '> < | | ~ ~ x - "x" < >'),
        ("╭─╮│╰─╯┏━┓┃┗━┛", "+-+|+-++=+|+=+"),
        ("Mars 6 ●━●━━✖───", "Mars 6 *=*==X---"),
        ("é°²\u00a0", "eo2 "),
        ("中🔎", "??> "),
    ],
)
def test_ascii_stand_ins(text: str, plain: str) -> None:
    assert glyphs.to_ascii(text) == plain


def test_status_glyphs_tell_statuses_apart_in_both_sets() -> None:
    for ascii_only in (False, True):
        shown = [glyphs.glyph(s, ascii_only=ascii_only) for s in Status]
        assert len(set(shown)) == len(shown)
        assert all(glyphs.to_ascii(glyphs.GLYPHS[s]) == glyphs.ASCII_GLYPHS[s] for s in Status)


@pytest.mark.parametrize(
    ("environ", "started_in_c_locale", "unicode"),
    [
        ({"LANG": "en_US.UTF-8"}, False, True),
        ({"LANG": "de_DE.utf8"}, False, True),
        ({"LANG": "C.UTF-8"}, False, True),
        ({"LANG": "C", "LC_ALL": "C"}, True, False),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "C"}, True, False),
        ({"LANG": "POSIX", "LC_CTYPE": "C.UTF-8"}, True, False),  # Python's coercion
        ({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, True, False),
        ({"LC_CTYPE": "C.UTF-8"}, True, True),  # nothing set by the user
        ({}, True, True),
        ({"LANG": "C", "LC_CTYPE": "en_GB.UTF-8"}, False, True),  # LC_CTYPE decides
        ({"LANG": "en_US.ISO-8859-1"}, False, False),
        ({"LANG": "ru_RU.KOI8-R"}, False, False),
        ({"LANG": "sr_RS.UTF-8@latin"}, False, True),
        # A UTF-8 locale the server has not installed: C at start-up, but the terminal is UTF-8.
        ({"LANG": "en_US.UTF-8", "LC_CTYPE": "C.UTF-8"}, True, True),
    ],
)
def test_the_locale_decides_whether_unicode_is_shown(
    environ: dict[str, str], started_in_c_locale: bool, unicode: bool
) -> None:
    assert glyphs.locale_shows_unicode(environ, started_in_c_locale=started_in_c_locale) is unicode


@pytest.mark.parametrize(
    ("term", "unicode"),
    [("xterm-256color", True), ("screen", True), ("linux", False), ("linux-16color", False)],
)
def test_the_linux_console_gets_ascii(term: str, unicode: bool) -> None:
    environ = {"TERM": term, "LANG": "en_US.UTF-8"}
    assert glyphs.terminal_shows_unicode(environ, started_in_c_locale=False) is unicode


def test_every_character_the_app_writes_has_a_named_stand_in() -> None:
    """The dashboard's own marks get chosen stand-ins, not the generic ``?``."""
    own = "●▲◆✖◌○◇━─┃╵▶◀‖·…≈×—“”›←→↑↓⚠"
    for char in own:
        plain = glyphs.to_ascii(char)
        assert plain != "?", f"{char} ({unicodedata.name(char)}) has no chosen stand-in"
