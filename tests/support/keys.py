"""Keys as fast as a terminal sends them: every key queued before the app handles the first.

Textual's ``pilot.press`` lets the app go idle after each key, so a dialog has opened and
focused its input before the next key comes. Someone typing fast, a key held down, or a
paste sends keys faster than that: the driver's reading thread posts each one to the app as
it arrives. ``burst`` does the same, then waits.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.keys import key_to_character
from textual.pilot import Pilot

CHARACTERS = {"plus": "+", "minus": "-", "slash": "/"}
"""Keys whose character ``key_to_character`` does not find (their Unicode names differ)."""


def key_event(key: str) -> events.Key:
    """The event a terminal's driver posts for ``key`` (a key name: ``enter``, ``slash``, ``a``)."""
    return events.Key(key, CHARACTERS.get(key) or key_to_character(key))


async def burst(pilot: Pilot[Any], *keys: str, settle: bool = True) -> None:
    """Post every key to the app, then wait: until the app is idle (``settle``), or only
    until the current screen has handled what was queued for it (then keys of the next
    burst may still meet messages the last one started, as on a real terminal)."""
    app = pilot.app
    for key in keys:
        event = key_event(key)
        event.set_sender(app)  # as the driver does
        app.post_message(event)
    if app.return_code is None:  # an app that has been told to end has nothing to wait for
        await (pilot.pause() if settle else pilot.pause(0))
