"""The dashboard in the terminals people watch it from over SSH.

Real terminals: the installed dashboard in tmux panes under TERM=xterm-256color,
xterm (16 colours), linux (the console), screen, NO_COLOR=1, the C locale and --ascii, all
started at once and read back with ``capture-pane``. Each screen must say what a person
reads there: the clock's time in its big digits, each status as a glyph and a word (never
colour alone), a log line and the key hints; in ASCII, not one other character.

In-process, every screen and dialog in ASCII mode is in ui/test_ascii_screens.py; the ASCII
stand-ins and how the locale decides in unit/test_glyphs.py.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from rich.console import Console
from rich.style import Style
from support.panes import (
    UTF8_LOCALE,
    Pane,
    Tmux,
    invisible_text,
    needs_tmux,
    open_dashboard,
    sgr_params,
)
from textual.renderables.digits import Digits

from mission_control import glyphs
from mission_control.model import Status
from mission_control.presentation.ascii_digits import render_digits

AT = "mars6:atmospheric-entry"
CLOCK = "09:05:53"
LOG_LINE = ("1974-03-12 09:05:53", "T+218d15:20:06", "Mars 6", "Atmospheric entry")
QUANTITY = "1,600 km"
"""In the log once pint has loaded (Mars 6's flyby distance): the screen has settled."""
SHOWN_STATUSES = (Status.NORMAL, Status.CRITICAL, Status.UNKNOWN)
"""The statuses the panels show at Mars 6's atmospheric entry."""
KEY_HINTS = ("Play/pause", "Go to", "Quit", "? more")
"""Whole hints at every width, and where some keys do not fit, ``? more`` for the help."""

NO_COLOUR_SGR = {0, 1, 2, 3, 4, 5, 7, 22, 23, 24, 25, 27, 39, 49}
"""Attributes and resets; 39 and 49 are the terminal's own default colours."""
SIXTEEN_COLOUR_SGR = NO_COLOUR_SGR | set(range(30, 38)) | set(range(40, 48))
SIXTEEN_COLOUR_SGR |= set(range(90, 98)) | set(range(100, 108))

PLAIN = {"NO_COLOR": None, "COLORTERM": None}
"""Whatever the test runner has, no colour hints beyond TERM."""


@dataclass(frozen=True)
class Setting:
    env: dict[str, str | None]
    ascii_only: bool
    args: tuple[str, ...] = ()
    size: tuple[int, int] = (100, 30)
    colours: str = "any"
    """``none`` (NO_COLOR), ``16`` or ``any``."""


SETTINGS = {
    "xterm-256color": Setting({"TERM": "xterm-256color", **PLAIN, **UTF8_LOCALE}, False),
    "xterm-16-colours": Setting({"TERM": "xterm", **PLAIN, **UTF8_LOCALE}, False, colours="16"),
    "linux-console": Setting({"TERM": "linux", **PLAIN, **UTF8_LOCALE}, True, colours="16"),
    "screen": Setting({"TERM": "screen", **PLAIN, **UTF8_LOCALE}, False, colours="16"),
    "no-color": Setting(
        {"TERM": "xterm-256color", **PLAIN, "NO_COLOR": "1", **UTF8_LOCALE}, False, colours="none"
    ),
    "c-locale": Setting(
        {"TERM": "xterm-256color", **PLAIN, "LANG": "C", "LC_ALL": "C", "LC_CTYPE": None}, True
    ),
    "c-locale-80x24": Setting(
        {"TERM": "xterm-256color", **PLAIN, "LANG": "C", "LC_ALL": "C", "LC_CTYPE": None},
        True,
        size=(80, 24),
    ),
    "ascii-flag": Setting({"TERM": "xterm-256color", **PLAIN, **UTF8_LOCALE}, True, ("--ascii",)),
}


@dataclass
class Capture:
    text: list[str]
    escapes: list[str]
    pane: Pane = field(repr=False)


def _ready(lines: list[str]) -> bool:
    """Drawn and settled: the log has its quantities (pint has loaded)."""
    screen = "\n".join(lines)
    return QUANTITY in screen and "Play/pause" in screen


@pytest.fixture(scope="module")
def captures(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Capture]]:
    """Every setting's screen, the dashboards started all at once, paused at Mars 6's entry."""
    server = Tmux()
    base = tmp_path_factory.mktemp("terminals")
    try:
        panes = {
            name: open_dashboard(
                server,
                base / name,
                ["--paused", "--at", AT, *setting.args],
                env=setting.env,
                size=setting.size,
            )
            for name, setting in SETTINGS.items()
        }
        found = {}
        for name, pane in panes.items():
            lines = pane.wait_screen(f"{name}: the dashboard drawn", _ready, timeout=30)
            found[name] = Capture(lines, pane.screen_with_escapes(), pane)
        yield found
    finally:
        server.kill_server()


def big_digits(value: str, *, ascii_only: bool) -> list[str]:
    """The three rows the mission clock draws ``value`` with."""
    if ascii_only:
        return render_digits(value).splitlines()
    console = Console(file=io.StringIO(), width=80, color_system=None)
    with console.capture() as captured:
        console.print(Digits(value, Style(bold=True)))  # the clock's digits are bold
    return captured.get().splitlines()


def shows_rows(lines: list[str], rows: list[str]) -> bool:
    """``rows`` one under another, at the same column, somewhere on the screen."""
    for y in range(len(lines) - len(rows) + 1):
        x = lines[y].find(rows[0])
        while x >= 0:
            if all(lines[y + i][x : x + len(row)] == row for i, row in enumerate(rows)):
                return True
            x = lines[y].find(rows[0], x + 1)
    return False


# --------------------------------------------------------------------------- real terminals


@needs_tmux
@pytest.mark.parametrize("name", SETTINGS)
def test_a_person_can_read_the_dashboard(captures: dict[str, Capture], name: str) -> None:
    setting = SETTINGS[name]
    lines = captures[name].text
    screen = "\n".join(lines)
    diagnostics = captures[name].pane.diagnostics(lines)

    assert len(lines) == setting.size[1], diagnostics
    assert shows_rows(lines, big_digits(CLOCK, ascii_only=setting.ascii_only)), (
        f"the clock's big digits do not read {CLOCK}\n{diagnostics}"
    )
    for status in SHOWN_STATUSES:
        if setting.size[0] >= 100:  # narrower panels drop the word and keep the glyph
            shown = glyphs.label(status, ascii_only=setting.ascii_only)
        else:
            shown = glyphs.glyph(status, ascii_only=setting.ascii_only) + " "
        assert shown in screen, f"status {status.value} is not shown as {shown!r}\n{diagnostics}"
    assert any(all(part in line for part in LOG_LINE) for line in lines), diagnostics
    key_bar = lines[-1]
    for hint in KEY_HINTS:
        assert hint in key_bar, f"key hint {hint!r} missing from {key_bar!r}"
    assert captures[name].pane.crash_reports() == []


@needs_tmux
@pytest.mark.parametrize("name", [n for n, s in SETTINGS.items() if s.ascii_only])
def test_ascii_terminals_get_not_one_other_character(
    captures: dict[str, Capture], name: str
) -> None:
    lines = captures[name].text
    others = sorted({char for line in lines for char in line if not char.isascii()})
    assert others == [], f"{name}: {others}\n" + "\n".join(lines)


@needs_tmux
@pytest.mark.parametrize("name", [n for n, s in SETTINGS.items() if not s.ascii_only])
def test_utf8_terminals_get_the_glyphs(captures: dict[str, Capture], name: str) -> None:
    screen = "\n".join(captures[name].text)
    for status in SHOWN_STATUSES:
        assert glyphs.label(status) in screen, status


@needs_tmux
def test_no_color_means_no_colour_escapes(captures: dict[str, Capture]) -> None:
    used = sgr_params(captures["no-color"].escapes)
    assert used <= NO_COLOUR_SGR, f"colour escapes under NO_COLOR: {sorted(used - NO_COLOUR_SGR)}"
    assert 1 in used  # still bold where it was


@needs_tmux
@pytest.mark.parametrize("name", [n for n, s in SETTINGS.items() if s.colours == "16"])
def test_sixteen_colour_terminals_get_sixteen_colours(
    captures: dict[str, Capture], name: str
) -> None:
    used = sgr_params(captures[name].escapes)
    assert used <= SIXTEEN_COLOUR_SGR, f"{name}: {sorted(used - SIXTEEN_COLOUR_SGR)}"


@needs_tmux
@pytest.mark.parametrize("name", SETTINGS)
def test_no_text_is_drawn_in_its_background_colour(captures: dict[str, Capture], name: str) -> None:
    assert invisible_text(captures[name].escapes) == []
