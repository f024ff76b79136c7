"""Every use of a private Textual API, in one place.

Textual gives no public way to do these four things: hear of an exception nothing handled
(to write a crash report), replace the traceback it prints when the app ends, tell a line
API scroll view its virtual size changed (so its scrollbars follow at once), and wrap the
Linux driver's output file (to survive a terminal that hangs up). A Textual release may
rename any of them: tests/unit/test_textual_private.py checks that each name in
:data:`HOOKED` is still there, and pyproject.toml pins the major version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from rich.console import RenderableType
from textual.app import App
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView

if TYPE_CHECKING:
    from textual.drivers.linux_driver import LinuxDriver

HOOKED: dict[str, tuple[str, ...]] = {
    "textual.app.App": ("_handle_exception", "_exit_renderables"),
    "textual.scroll_view.ScrollView": ("_scroll_update",),
    "textual.drivers.linux_driver.LinuxDriver": (
        "_file",
        "run_input_thread",
        "start_application_mode",
        "stop_application_mode",
        "fileno",
    ),
    "textual.screen.Screen": ("_compositor",),
}
"""Each Textual class used here, and the private or undocumented names of it that are used
(``terminal.py`` overrides the Linux driver's input thread and application mode)."""


if TYPE_CHECKING:
    _App = App[None]
else:
    _App = object  # a mixin, as each App subclass costs start-up time (see controls.py)


class CrashHookApp(_App):
    """An App told of every exception nothing handled, after Textual has dealt with it
    (it sets the return code and queues a traceback for the terminal); a mixin of an App."""

    def _handle_exception(self, error: Exception) -> None:
        super()._handle_exception(error)
        self.crashed(error)

    def crashed(self, error: Exception) -> None:
        """Called once Textual has handled ``error``; the app is ending."""

    def replace_exit_output(self, *renderables: RenderableType) -> None:
        """What the terminal gets when the app has ended, in place of what Textual queued."""
        self._exit_renderables[:] = renderables


def update_scrollbars(view: ScrollView, virtual_size: Size) -> None:
    """Tell ``view`` that its virtual size is now ``virtual_size``: its scrollbars and
    scroll limits follow at once rather than at the next layout."""
    view._scroll_update(virtual_size)


def screen_update(screen: Screen[Any]) -> RenderableType | None:
    """Everything ``screen`` shows, as the renderable a full repaint writes (and as
    ``export_screenshot`` prints it): for reading the screen as text."""
    return screen._compositor.render_update(full=True)


def wrap_driver_output(driver: LinuxDriver, wrap: Callable[[IO[str]], Any]) -> None:
    """Have ``driver`` write through ``wrap(its output file)``, if it has one."""
    if driver._file is not None:
        driver._file = wrap(driver._file)
