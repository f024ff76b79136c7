"""The command palette's provider: every dashboard action, and "jump to" every event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True)
class PaletteCommand:
    title: str
    help: str
    run: Callable[[], Any]


@runtime_checkable
class HasPaletteCommands(Protocol):
    def palette_commands(self) -> list[PaletteCommand]: ...


PALETTE_ONLY: tuple[tuple[str, str, str], ...] = (
    (
        "Loop the replay (on or off)",
        "for a kiosk: from its end, after a few seconds, the replay plays again",
        "toggle_loop",
    ),
)
"""Commands no key runs (title, help, action), offered after the keys' own: a kiosk is set
up once, so a key of its own would only crowd the key bar and the help."""


class DashboardCommands(Provider):
    """Offers what the app lists in ``palette_commands()``, and :data:`PALETTE_ONLY`, before
    the "jump to" commands; fuzzy-matched on the title."""

    def _commands(self) -> list[PaletteCommand]:
        app = self.app
        commands = app.palette_commands() if isinstance(app, HasPaletteCommands) else []
        extra = [
            PaletteCommand(title, hint, getattr(app, f"action_{action}"))
            for title, hint, action in PALETTE_ONLY
            if hasattr(app, f"action_{action}")
        ]
        jumps = next(
            (i for i, c in enumerate(commands) if c.title.startswith("Jump to ")), len(commands)
        )
        return [*commands[:jumps], *extra, *commands[jumps:]]

    async def discover(self) -> Hits:
        """Everything, in the app's order, before anything is typed."""
        for command in self._commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        """The commands whose title matches what is typed."""
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)
