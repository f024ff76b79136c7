"""``mission-control serve``'s command line: what each session is given, and every mistake
named in one line, with the dashboard's own line and status where the dashboard has one,
before anything listens."""

from __future__ import annotations

import argparse
import io
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from support.paths import ARTICLES, SEEDS

from mission_control import cli, exit_codes
from mission_control.serve import command, options


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.main(argv, out, err)
    return status, out.getvalue(), err.getvalue()


def _serve_args(argv: list[str]) -> argparse.Namespace:
    return cli.build_parser().parse_args(["serve", *argv])


# --- each session's command line --------------------------------------------------------


def test_a_session_runs_this_python_on_the_dashboard() -> None:
    argv = ["--paused", "--port", "9000", "mars6"]
    assert options.session_command(argv, _serve_args(argv)) == [
        sys.executable,
        "-m",
        "mission_control",
        "run",
        "--paused",
        "mars6",
    ]


@pytest.mark.parametrize(
    ("argv", "passed"),
    [
        (["--host", "0.0.0.0", "--port", "9000", "--max-sessions", "3"], []),
        (
            ["--host=::1", "--port=9000", "--max-sessions=3", "--units", "imperial"],
            ["--units", "imperial"],
        ),
        (
            ["--speed", "1 d/s", "--port", "1", "--theme", "nord"],
            ["--speed", "1 d/s", "--theme", "nord"],
        ),
        (
            ["--at", "mars6:launch", "--paused", "--loop", "--ascii"],
            ["--at", "mars6:launch", "--paused", "--loop", "--ascii"],
        ),
    ],
)
def test_serves_own_options_are_left_out_and_the_rest_kept_in_order(
    argv: list[str], passed: list[str]
) -> None:
    assert options.dashboard_arguments(argv, _serve_args(argv)) == passed


def test_an_option_serve_does_not_know_passes_through_untouched() -> None:
    """One the dashboard learns later (``--follow NAME``) reaches each session as typed."""
    argv = ["--follow", "room 1", "--port", "9000", "--follow=hall", "mars6"]
    args = argparse.Namespace(missions=["mars6"], mission=None, seeds=None)
    assert options.dashboard_arguments(argv, args) == [
        "--follow",
        "room 1",
        "--follow=hall",
        "mars6",
    ]


def test_article_files_and_folders_are_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "probes").mkdir()
    (tmp_path / "probes" / "kite3.txt").write_text((ARTICLES / "kite3.txt").read_text("utf-8"))
    (tmp_path / "corvid1.txt").write_text((ARTICLES / "corvid1.txt").read_text("utf-8"))
    monkeypatch.chdir(tmp_path)
    argv = ["probes/kite3.txt", "mars6", "--", "corvid1.txt"]
    assert options.dashboard_arguments(argv, _serve_args(argv)) == [
        str(tmp_path / "probes" / "kite3.txt"),
        "mars6",
        "--",
        str(tmp_path / "corvid1.txt"),
    ]
    argv = ["--seeds", "probes", "--mission", "corvid1.txt"]
    assert options.dashboard_arguments(argv, _serve_args(argv)) == [
        "--seeds",
        str(tmp_path / "probes"),
        "--mission",
        str(tmp_path / "corvid1.txt"),
    ]
    argv = ["--seeds=probes", "--mission=kite3"]
    assert options.dashboard_arguments(argv, _serve_args(argv)) == [
        f"--seeds={tmp_path / 'probes'}",
        "--mission=kite3",
    ]


def test_a_bundled_mission_named_like_a_file_here_stays_a_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mars6").write_text("not the article")
    monkeypatch.chdir(tmp_path)
    argv = ["mars6"]
    assert options.dashboard_arguments(argv, _serve_args(argv)) == ["mars6"]


def test_serves_options_are_not_abbreviated() -> None:
    """An abbreviation would reach the sessions as a dashboard option no one has."""
    with pytest.raises(SystemExit) as exit_:
        _serve_args(["--po", "9000"])
    assert exit_.value.code == exit_codes.USAGE


# --- mistakes ---------------------------------------------------------------------------


def _never_serve(monkeypatch: pytest.MonkeyPatch) -> None:
    """A mistake missed would bind nothing and serve for no time: the test fails, not hangs."""
    from mission_control.serve import web

    monkeypatch.setattr(command, "bind", lambda host, port: socket.socket())
    monkeypatch.setattr(web.DashboardServer, "serve_on", lambda self, sock: None)


@pytest.mark.parametrize(
    "argv",
    [
        ["--speed", "fast"],
        ["--at", "yesterday"],
        ["--at", "mars6:nothing-of-the-kind"],
        ["--theme", "paisley"],
        ["venus9"],
        ["--mission", "mars6", "mars7"],
        ["--seeds", "/nonexistent/folder"],
        [str(SEEDS / "nonexistent.txt")],
        ["--follow", "bad/name"],
        ["--follow", "hall", "--group", "no-such-group-here"],
        ["--group", "staff"],
        ["--follow", "hall", "--share", "http://broker:4222"],
    ],
)
def test_a_mistake_is_named_as_the_dashboard_names_it(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _never_serve(monkeypatch)
    served = _run(["serve", *argv])
    shown = _run(argv)
    assert served == shown
    assert served[0] != exit_codes.OK
    assert "Traceback" not in served[2]


def test_an_unreadable_article_beside_a_readable_one_stops_the_server(tmp_path: Path) -> None:
    """The dashboard shows the one it could read; a server would say it again in every tab."""
    missing = tmp_path / "missing.txt"
    status, out, err = _run(["serve", "--port", "0", "mars6", str(missing)])
    assert status == exit_codes.FILES
    assert f"error: {missing}: no such file" in err.splitlines()
    assert "Traceback" not in err
    assert "serving" not in out


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (
            ["--port", "65536"],
            "mission-control: --port 65536: a port is 1 to 65535 (0 for any free one)",
        ),
        (["--port", "-1"], "mission-control: --port -1: a port is 1 to 65535 (0 for any free one)"),
        (
            ["--max-sessions", "0"],
            "mission-control: --max-sessions 0: at least 1 session is needed",
        ),
        (
            ["--present=hall"],
            "mission-control: serve --present hall: each browser tab would be a presenter; "
            "present from a terminal and serve --follow hall",
        ),
    ],
)
def test_a_port_a_session_limit_or_a_presenter_serve_cannot_be_is_named(
    argv: list[str], line: str
) -> None:
    assert _run(["serve", *argv]) == (exit_codes.USAGE, "", line + "\n")


def test_a_followers_setup_is_checked_and_given_back_before_serving(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whatever the shared replay's check opened is released: each tab's dashboard makes its
    own, and the server holds none of it while it serves."""
    from mission_control.serve import web
    from mission_control.share import link

    done: list[str] = []

    class Setup:
        def release(self) -> None:
            done.append("released")

    def prepare(args: argparse.Namespace) -> Setup:
        done.append(f"prepared {args.follow}")
        return Setup()

    monkeypatch.setattr(link, "prepare", prepare)
    monkeypatch.setattr(web.DashboardServer, "serve_on", lambda self, sock: done.append("served"))
    status, _, err = _run(["serve", "--port", "0", "--follow", "hall", "mars6"])
    assert (status, err) == (exit_codes.OK, "")
    assert done == ["prepared hall", "released", "served"]


def test_a_port_in_use_is_named_with_its_address() -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        status, out, err = _run(["serve", "--port", str(port)])
    finally:
        taken.close()
    assert (status, out) == (exit_codes.USAGE, "")
    assert err.splitlines()[-1] == (
        f"mission-control: 127.0.0.1:{port} is already in use; choose another --port"
    )


def test_a_host_that_is_no_address_is_named() -> None:
    status, _, err = _run(["serve", "--host", "no-such-host.invalid", "--port", "0", "mars6"])
    assert status == exit_codes.USAGE
    assert err.startswith("mission-control: --host 'no-such-host.invalid': not an address")
    assert err.count("\n") == 1


@pytest.mark.parametrize(("address", "warned"), [("192.0.2.7", True), ("127.0.0.1", False)])
def test_an_address_other_than_loopback_is_served_with_a_warning(
    address: str, warned: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoever can reach the address can watch: said before the address is printed."""

    class Bound:
        def getsockname(self) -> tuple[str, int]:
            return (address, 8000)

        def close(self) -> None:
            pass

    from mission_control.serve import web

    monkeypatch.setattr(command, "bind", lambda host, port: Bound())
    monkeypatch.setattr(web.DashboardServer, "serve_on", lambda self, sock: None)
    status, out, err = _run(["serve", "--host", address, "mars6"])
    assert status == exit_codes.OK
    assert out == f"mission-control serving http://{address}:8000/ (Ctrl-C to stop)\n"
    warning = (
        f"warning: serving on {address}:8000, not this machine alone: anyone who can reach "
        "that address can watch the dashboard, and drive their own\n"
    )
    assert err == (warning if warned else "")


def test_without_the_web_extra_serve_says_how_to_install_it() -> None:
    code = (
        "import sys\n"
        "sys.modules['textual_serve'] = None\n"  # an import of it fails, as when not installed
        "from mission_control.cli import main\n"
        "raise SystemExit(main(['serve']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == exit_codes.USAGE
    assert done.stdout == ""
    assert done.stderr == (
        "mission-control: serve needs the web extra, not installed: "
        "pip install 'mission-control[web]' (in a checkout: pip install '.[web]')\n"
    )


def test_the_dashboards_start_imports_nothing_of_serve() -> None:
    code = (
        "import sys\n"
        "from mission_control import cli\n"
        "cli.parse_args(['run', '--paused'])\n"
        "import mission_control.dashboard\n"
        "print(sorted(m for m in sys.modules if m.startswith(('mission_control.serve', "
        "'textual_serve', 'aiohttp', 'jinja2'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
