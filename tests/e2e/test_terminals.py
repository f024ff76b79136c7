"""The dashboard in the terminals people watch it from over SSH.

Real terminals first: the installed dashboard in tmux panes under TERM=xterm-256color,
xterm (16 colours), linux (the console), screen, NO_COLOR=1, the C locale and --ascii, all
started at once and read back with ``capture-pane``. Each screen must say what a person
reads there: the clock's time in its big digits, each status as a glyph and a word (never
colour alone), a log line and the key hints; in ASCII, not one other character.

Then in-process: every screen and dialog in ASCII mode, the ASCII stand-ins, and how the
locale decides.
"""

from __future__ import annotations

import asyncio
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
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
from support.pilot import screen_text
from textual.renderables.digits import Digits

from mission_control import glyphs
from mission_control.app import make_app
from mission_control.campaign import Campaign
from mission_control.clock import ManualTimeSource
from mission_control.model import Status
from mission_control.presentation.ascii_digits import render_digits
from mission_control.screens.help import legend
from mission_control.timeparse import parse_time
from mission_control.widgets.event_log import EventLog

AT = "mars6:atmospheric-entry"
CLOCK = "09:05:53"
LOG_LINE = ("1974-03-12 09:05:53", "T+218d15:20:06", "Mars 6", "Atmospheric entry")
QUANTITY = "1,600 km"
"""In the log once pint has loaded (Mars 6's flyby distance): the screen has settled."""
SHOWN_STATUSES = (Status.NORMAL, Status.CRITICAL, Status.UNKNOWN)
"""The statuses the panels show at Mars 6's atmospheric entry."""
KEY_HINTS = ("Play/pause", "Go to", "Help", "Quit")

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
    for hint in KEY_HINTS[: 2 if setting.size[0] < 100 else None]:
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


# --------------------------------------------------------------------------- in-process


def test_every_screen_and_dialog_is_ascii_in_ascii_mode(campaign: Campaign) -> None:
    """Help, dialogs, the palette, the event detail and the compact layout:
    Textual's own chrome (borders, inputs, scrollbars) included."""
    shown: dict[str, str] = {}

    async def run() -> None:
        app = make_app(
            campaign,
            time_source=ManualTimeSource(),
            start=parse_time(AT, campaign),
            paused=True,
            ascii_only=True,
        )
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown["dashboard"] = screen_text(app)
            for name, keys in [
                ("help", ["question_mark"]),
                ("go to", ["g", *"mars6:l"]),
                ("search", ["slash"]),
                ("palette", ["ctrl+p"]),
            ]:
                await pilot.press(*keys)
                await pilot.pause()
                shown[name] = screen_text(app)
                await pilot.press("escape")
                await pilot.pause()
            log = app.query_one(EventLog)
            log.focus()
            log.highlighted = log.line_count - 1
            await pilot.press("enter")
            await pilot.pause()
            shown["event detail"] = screen_text(app)
            await pilot.press("escape")
            await pilot.resize_terminal(40, 15)
            await pilot.pause()
            shown["compact"] = screen_text(app)

    asyncio.run(run())
    for name, text in shown.items():
        others = sorted({c for c in text if not c.isascii()})
        assert others == [], f"{name}: {others}\n{text}"
    assert "* normal" in shown["dashboard"]
    assert "Seek to the next event" in shown["help"]
    assert "mars6:launch" in shown["go to"]
    assert "The lander encountered the atmosphere" in shown["event detail"]
    assert CLOCK in shown["compact"]


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
