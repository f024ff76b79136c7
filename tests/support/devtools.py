"""A headless Debian ``chromium`` driven over the DevTools protocol: a small client on one
websocket, enough to open a page, read what its script sees and list every request it made.
No browser is downloaded; without ``chromium`` the tests skip.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-proxy-server",
    "--window-size=1280,800",
)
START_TIMEOUT_S = 60.0
"""Generous: chromium's first start on a busy machine takes seconds."""
_LISTENING = re.compile(r"DevTools listening on (ws://\S+)")


class DevTools:
    """One page of a browser, attached over its DevTools websocket."""

    def __init__(self, socket: Any) -> None:
        self._socket = socket
        self._ids = itertools.count(1)
        self.session = ""
        self.requests: list[str] = []
        """Every URL the page asked for, as the Network domain reported it."""

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command to the attached page (the browser before one is) and wait for
        its answer; what arrives meanwhile is kept when it is a request the page made."""
        number = next(self._ids)
        message: dict[str, Any] = {"id": number, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        self._socket.send(json.dumps(message))
        while True:
            answer = json.loads(self._socket.recv(timeout=START_TIMEOUT_S))
            if answer.get("method") == "Network.requestWillBeSent":
                self.requests.append(answer["params"]["request"]["url"])
            elif answer.get("method") == "Network.webSocketCreated":
                self.requests.append(answer["params"]["url"])
            if answer.get("id") == number:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer["result"]
                return result

    def open(self, url: str) -> None:
        """Open ``url`` in a new page and attach to it, its requests recorded from the start."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.call("Network.enable")
        self.call("Page.enable")
        self.call("Page.navigate", url=url)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)[
            "result"
        ].get("value")

    def call_on_every_object(self, function: str) -> Any:
        """``function`` called with ``this`` an array of every object in the page's heap:
        how a test finds an object no global names (the page's terminal)."""
        try:
            prototype = self.call(
                "Runtime.evaluate", expression="Object.prototype", objectGroup="t"
            )
            found = self.call(
                "Runtime.queryObjects",
                prototypeObjectId=prototype["result"]["objectId"],
                objectGroup="t",
            )
            return self.call(
                "Runtime.callFunctionOn",
                objectId=found["objects"]["objectId"],
                functionDeclaration=function,
                returnByValue=True,
            )["result"].get("value")
        finally:
            with contextlib.suppress(RuntimeError):
                self.call("Runtime.releaseObjectGroup", objectGroup="t")


@contextlib.contextmanager
def chromium() -> Iterator[DevTools]:
    """A fresh headless chromium (its own profile folder), killed on exit with all its
    processes, whatever the test did."""
    from websockets.sync.client import connect

    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory(prefix="mission-control-chromium-") as profile:
        process = subprocess.Popen(
            [
                CHROMIUM,
                *FLAGS,
                f"--user-data-dir={profile}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            address = _devtools_address(process)
            with connect(address, proxy=None, max_size=None, open_timeout=START_TIMEOUT_S) as ws:
                yield DevTools(ws)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(30)
            _wait_group_gone(process.pid)


def _wait_group_gone(pgid: int) -> None:
    """Wait until nothing of process group ``pgid`` is left (its renderers die a little after
    the browser), so no test leaves a chromium behind for the next."""
    deadline = time.monotonic() + 10.0
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


def _devtools_address(process: subprocess.Popen[str]) -> str:
    """The browser's DevTools websocket, from the line chromium prints on start."""
    found: list[str] = []

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            if match := _LISTENING.search(line):
                found.append(match.group(1))
                break
        assert process.stderr is not None
        for _ in process.stderr:  # drain the rest so chromium never blocks on a full pipe
            pass

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not found and reader.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert found, "chromium did not say where its DevTools listen"
    return found[0]
