"""``mission-control serve``: check everything, bind the address, serve until stopped.

Every mistake is named before the server starts, in the line and with the status the
dashboard gives for it, so a bad option is reported once here rather than in every tab.
"""

from __future__ import annotations

import argparse
import errno
import shlex
import signal
import socket
from collections.abc import Sequence
from contextlib import suppress

from rich.console import Console
from rich.text import Text

from mission_control import exit_codes
from mission_control.campaign import Campaign
from mission_control.dashboard import checked_options, share_setup
from mission_control.exit_codes import UsageError
from mission_control.serve.options import check_serve_options, session_command

INSTALL_HINT = "pip install 'mission-control[web]' (in a checkout: pip install '.[web]')"


def check_serve(args: argparse.Namespace) -> None:
    """What can be checked before the articles are read: that the web server is installed
    (UsageError saying how to install it) and ``serve``'s own options."""
    try:
        import aiohttp_jinja2  # noqa: F401  (only to learn whether the extra is there)
        import textual_serve  # noqa: F401
    except ImportError:
        raise UsageError(f"serve needs the web extra, not installed: {INSTALL_HINT}") from None
    check_serve_options(args)


def check_share(args: argparse.Namespace) -> None:
    """A shared replay's options (``--follow``, ``--group``, ``--share``) checked as each
    tab's dashboard will check them, after the same checks and with the same line, so that
    a mistake is named once here rather than in every tab: UsageError."""
    setup = share_setup(args)  # --present is refused before: a follower's binds nothing
    if setup is not None:
        setup.release()  # each tab's dashboard prepares its own


def run_serve(
    args: argparse.Namespace,
    argv: Sequence[str],
    campaign: Campaign,
    status: int,
    out: Console,
    err: Console,
) -> int:
    """Serve the dashboard over ``campaign`` with the options ``argv`` gives (the words after
    ``serve``) until SIGINT, SIGTERM or SIGHUP; the exit status, 143 after SIGTERM and 129
    after SIGHUP as for the dashboard. An article that could not be read (its line already
    printed, ``status`` not OK) stops it before it starts."""
    checked_options(args, campaign)  # the dashboard's own checks and lines
    check_share(args)
    if status != exit_codes.OK:
        return status
    sock = bind(args.host, args.port)
    from mission_control.serve.web import DashboardServer, is_loopback  # once all is well

    def say(line: str) -> None:
        out.print(Text(line))
        out.file.flush()

    server = DashboardServer(
        shlex.join(session_command(argv, args)), max_sessions=args.max_sessions, say=say
    )
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    if not is_loopback(host):
        err.print(
            Text(
                f"warning: serving on {shown}:{port}, not this machine alone: anyone who can "
                "reach that address can watch the dashboard, and drive their own"
            ),
            style="yellow",
        )
    say(f"mission-control serving http://{shown}:{port}/ (Ctrl-C to stop)")
    try:
        server.serve_on(sock)
    finally:
        from mission_control.serve.ending import kill_groups

        kill_groups(server.process_groups())  # none, unless the server's loop broke
        with suppress(OSError):
            sock.close()
    if server.stopped_by in exit_codes.SIGNALLED:
        return exit_codes.SIGNALLED[signal.Signals(server.stopped_by)]
    return exit_codes.OK


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port``, or UsageError naming the address and why."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise UsageError(f"--host {host!r}: not an address of this machine ({exc})") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(f"{where} is already in use; choose another --port") from None
        raise UsageError(f"cannot listen on {where}: {exc.strerror or exc}") from None
    sock.setblocking(False)
    return sock
