"""The served dashboard in a real browser: Debian's headless chromium loads the page, and
the page's terminal shows the dashboard; nothing is fetched from outside the server."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from support.devtools import chromium, needs_chromium
from support.serving import serving

SCREEN_TIMEOUT_S = 60.0
"""Generous: chromium and the session's first frame, on a busy machine."""

TERMINAL_TEXT = """function () {
  const page = this.find((o) => o && o.terminal && o.terminal.buffer && "websocket_url" in o);
  if (!page) return null;
  const buffer = page.terminal.buffer.active;
  const lines = [];
  for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i).translateToString(true));
  return lines.join("\\n");
}"""
"""The page's terminal (xterm.js) as text: its buffer, read through the object textual-serve's
script keeps it in."""


@needs_chromium
def test_a_browser_shows_the_dashboard_and_fetches_nothing_from_outside() -> None:
    with serving("--paused", "--at", "mars6:atmospheric-entry") as served, chromium() as page:
        page.open(served.url)
        text = ""
        deadline = time.monotonic() + SCREEN_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                text = page.call_on_every_object(TERMINAL_TEXT) or ""
            except RuntimeError:  # the page was between two documents
                text = ""
            if re.search(r"Mars 6 bus.*Mars 6 lander", text) and "‖ paused" in text:
                break
            time.sleep(0.5)
        assert "1974-03-12 · day 071" in text, f"the page's terminal shows:\n{text}"
        assert re.search(r"Mars 6 bus.*Mars 6 lander", text)
        assert "‖ paused" in text
        assert page.evaluate("document.body.classList.contains('-first-byte')")
        origin = served.url.rstrip("/")
        outside = [
            url
            for url in page.requests
            if not url.startswith((origin, origin.replace("http", "ws", 1), "data:"))
        ]
        assert page.requests and not outside, outside


@needs_chromium
def test_a_tab_past_max_sessions_is_told_so_in_the_browser() -> None:
    with serving("--max-sessions", "1", "mars6") as served, chromium() as page:
        page.open(served.url)
        _wait(lambda: page.evaluate("document.body.classList.contains('-first-byte')"))
        # A second connection from the same page, as a tab that loaded before the first took
        # the last session: refused, and the page's dialog says why.
        page.evaluate(f"new WebSocket({served.url.replace('http', 'ws', 1) + 'ws'!r})")
        message = "document.querySelector('.closed-dialog .message').textContent"
        _wait(lambda: "sessions are in use" in (page.evaluate(message) or ""))
        assert page.evaluate(message) == (
            "All 1 sessions are in use: close another tab, then Restart."
        )
        page.call("Page.navigate", url=served.url)  # a new tab's page: refused at once
        _wait(lambda: "All sessions are in use" in (page.evaluate("document.body.innerText") or ""))


def _wait(condition: Callable[[], object]) -> None:
    deadline = time.monotonic() + SCREEN_TIMEOUT_S
    while not condition():
        assert time.monotonic() < deadline, "the page never showed it"
        time.sleep(0.2)
