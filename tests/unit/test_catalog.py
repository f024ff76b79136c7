"""Finding seeds, naming missions, and the cache of parsed seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest
from support.deadline import finish_within, named_pipe
from support.paths import SEEDS

from mission_control import cache as user_cache
from mission_control import catalog, cli, exit_codes, fingerprint, paths, status_rules
from mission_control import shipped as shipped_parse


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MISSION_CONTROL_CACHE_DIR", str(folder))
    monkeypatch.delenv("MISSION_CONTROL_NO_CACHE", raising=False)
    return folder


def test_bundled_seeds_are_found() -> None:
    assert [p.name for p in catalog.bundled_seed_files()] == ["mars6.txt", "mars7.txt"]
    assert catalog.display_name(catalog.seeds_dir() / "mars6.txt") == "seeds/mars6.txt"


def test_a_cached_mission_equals_a_fresh_one(cache: Path) -> None:
    fresh = catalog.read_seed(SEEDS / "mars6.txt", "seeds/mars6.txt")
    assert len(list(cache.glob("*.msgpack"))) == 1
    again = catalog.read_seed(SEEDS / "mars6.txt", "seeds/mars6.txt")
    assert again == fresh


def test_a_changed_text_is_read_afresh(cache: Path, tmp_path: Path) -> None:
    article = tmp_path / "m.txt"
    article.write_text((SEEDS / "mars7.txt").read_text("utf-8"), "utf-8")
    first = catalog.read_seed(article)
    article.write_text(
        (SEEDS / "mars7.txt").read_text("utf-8").replace("16 August 1973", "17 August 1973"),
        "utf-8",
    )
    second = catalog.read_seed(article)
    assert first != second
    correction = next(e for e in second.events if e.kind == "course-correction")
    assert correction.time.iso() == "1973-08-17"


def test_a_damaged_cache_entry_is_ignored(cache: Path) -> None:
    fresh = catalog.read_seed(SEEDS / "mars6.txt")
    (entry,) = cache.glob("*.msgpack")
    entry.write_bytes(b"not msgpack")
    assert catalog.read_seed(SEEDS / "mars6.txt") == fresh


def test_an_unwritable_cache_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MISSION_CONTROL_CACHE_DIR", str(blocker / "cache"))
    assert catalog.read_seed(SEEDS / "mars6.txt").id == "mars6"


def test_caching_can_be_turned_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MISSION_CONTROL_NO_CACHE", "1")
    catalog.read_seed(SEEDS / "mars6.txt")
    assert not cache.exists()


def test_an_entry_is_used_only_for_its_own_key(cache: Path) -> None:
    made: list[str] = []

    def make(text: str) -> str:
        made.append(text)
        return text.upper()

    assert user_cache.cached("n", "abc", lambda: make("abc"), expect=str) == "ABC"
    assert user_cache.cached("n", "abc", lambda: make("abc"), expect=str) == "ABC"
    assert made == ["abc"]
    (entry,) = cache.glob("*.msgpack")
    # Another key's entry at this one's name: the entry says whose it is.
    wrong = msgspec.Raw(user_cache.encode("WRONG"))
    another = user_cache.Entry(user_cache.digest("n", "xyz"), fingerprint.stamp(), wrong)
    entry.write_bytes(user_cache.encode(another))
    assert user_cache.cached("n", "abc", lambda: make("abc"), expect=str) == "ABC"
    assert user_cache.cached("other name", "abc", lambda: make("abc"), expect=str) == "ABC"
    assert made == ["abc", "abc", "abc"]


def test_changed_code_reads_every_source_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "package"
    (package / "extract").mkdir(parents=True)
    for name in ("extract/reader.py", "model.py", "units.py", "seedfile.py", "replay.py"):
        (package / name).write_text("x = 1\n")
    files = tuple(sorted(package.rglob("*.py")))
    before = fingerprint.stamp(files, package)
    assert user_cache.unchanged(before, package)
    os.utime(package / "extract" / "reader.py", ns=(1, 1))
    assert fingerprint.stamp(files, package) != before
    assert not user_cache.unchanged(before, package)


def test_the_status_rules_come_from_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert catalog.status_rules() == status_rules.default_rules()
    assert len(list(cache.glob("*.msgpack"))) == 1
    _forbid_reading(monkeypatch)
    assert catalog.status_rules() == status_rules.default_rules()


def test_a_cache_hit_does_not_load_the_reader_or_pint(cache: Path) -> None:
    """Nor does showing every quantity in both unit systems: the reader kept the text. Nor
    does preparing the replay parse the status rules' TOML."""
    code = (
        "import sys; from mission_control import campaign, catalog; "
        "from mission_control.presentation.formatting import quantity_table; "
        "missions = catalog.load().missions; "
        "campaign.build_campaign(missions, catalog.status_rules()); "
        "table = quantity_table(missions); "
        "assert sum(map(len, table.values())) >= 4, table; "
        "print(sorted(m for m in ('mission_control.extract.reader', 'pint', 'dateutil.parser', "
        "'tomllib') if m in sys.modules))"
    )
    env = {**os.environ, "MISSION_CONTROL_CACHE_DIR": str(cache)}
    cold = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert "mission_control.extract.reader" in cold.stdout
    warm = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert warm.stdout.strip() == "[]", warm.stderr


def test_a_cache_hit_derives_no_code_and_loads_no_hashlib(cache: Path) -> None:
    """A hit compares the entry's stamp with its files' times and nothing more."""
    code = (
        "import sys; from mission_control import catalog; "
        "catalog.load(); catalog.status_rules(); "
        "print(sorted(m for m in ('mission_control.fingerprint', 'mission_control.shipped', "
        "'hashlib') if m in sys.modules))"
    )
    env = {**os.environ, "MISSION_CONTROL_CACHE_DIR": str(cache)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        for _ in range(2)
    ]
    assert len(list(cache.glob("*.msgpack"))) == 3
    assert runs[1].stdout.strip() == "[]", runs[1].stderr


def test_two_files_with_one_name_get_distinct_ids(tmp_path: Path) -> None:
    copy = tmp_path / "again.txt"
    copy.write_text((SEEDS / "mars6.txt").read_text("utf-8"), "utf-8")
    loaded = catalog.load([str(SEEDS / "mars6.txt"), str(copy)])
    assert [m.id for m in loaded.missions] == ["mars6", "mars6-2"]
    assert {e.mission_id for e in loaded.missions[1].events} == {"mars6-2"}


def test_a_named_pipe_in_a_seeds_folder_is_named_and_the_rest_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "m7.txt").write_text((SEEDS / "mars7.txt").read_text("utf-8"), "utf-8")
    with named_pipe(folder / "pipe.txt") as pipe:
        loaded = finish_within(10, f"loading {folder}", lambda: catalog.load(seeds=folder))
        assert [m.id for m in loaded.missions] == ["mars7"]
        assert loaded.errors == [f"{pipe}: is a named pipe (FIFO), not a text file"]
        argv = ["timeline", "--seeds", str(folder), "--format", "json"]
        status = finish_within(10, "mission-control timeline", lambda: cli.main(argv))
    out, err = capsys.readouterr()
    assert status == exit_codes.FILES
    assert f"error: {pipe}: is a named pipe (FIFO), not a text file" in err
    assert '"id": "mars7"' in out


def test_a_named_pipe_named_on_the_command_line_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with named_pipe(tmp_path / "pipe.txt") as pipe:
        argv = ["timeline", str(pipe), "mars6", "--format", "json"]
        status = finish_within(10, "mission-control timeline", lambda: cli.main(argv))
    out, err = capsys.readouterr()
    assert status == exit_codes.FILES
    assert err.splitlines()[0] == f"error: {pipe}: is a named pipe (FIFO), not a text file"
    assert '"id": "mars6"' in out


@pytest.mark.parametrize("argv", [["timeline", ""], ["timeline", "mars6", ""], ["replay", ""]])
def test_an_empty_mission_name_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(argv) == exit_codes.USAGE
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == (
        "mission-control: empty mission name ''; name a mission (mars6, mars7) or a file"
    )


# --- the parse a wheel ships ---------------------------------------------------------------


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled sources' parse as a wheel's build writes it, in use as the package's."""
    path = tmp_path / "parsed.msgpack"
    monkeypatch.setenv("MISSION_CONTROL_NO_CACHE", "1")
    assert catalog.write_shipped(path) == 3  # two articles and the status rules
    monkeypatch.setattr(paths, "SHIPPED", path)
    _forget_shipped()
    yield path
    _forget_shipped()


def _forget_shipped() -> None:
    shipped_parse.entries.cache_clear()
    shipped_parse._same_code.cache_clear()


def _forbid_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    from mission_control.extract import reader

    def read_text(text: str, source: str) -> object:
        raise AssertionError(f"{source} was read")

    monkeypatch.setattr(reader, "read_text", read_text)
    monkeypatch.setattr(catalog, "parse_rules_text", read_text)


def test_a_first_start_takes_the_shipped_parse(
    shipped: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MISSION_CONTROL_NO_CACHE", "1")
    fresh = catalog.load().missions
    monkeypatch.delenv("MISSION_CONTROL_NO_CACHE")
    _forbid_reading(monkeypatch)
    assert catalog.load().missions == fresh
    assert catalog.status_rules() == status_rules.default_rules()
    # ...and leaves it in the user's cache, where the next start finds it by file times.
    assert len(list(cache.glob("*.msgpack"))) == 3
    _forget_shipped()
    monkeypatch.setattr(paths, "SHIPPED", shipped.parent / "gone.msgpack")
    assert catalog.load().missions == fresh


def test_a_first_start_from_the_shipped_parse_imports_no_reader_or_pint(
    shipped: Path, cache: Path
) -> None:
    code = (
        "import sys; from pathlib import Path; from mission_control import catalog, paths; "
        f"paths.SHIPPED = Path({str(shipped)!r}); "
        "assert [m.id for m in catalog.load().missions] == ['mars6', 'mars7']; "
        "catalog.status_rules(); "
        "print(sorted(m for m in ('mission_control.extract.reader', 'pint', 'dateutil.parser', "
        "'tomllib') if m in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if k != "MISSION_CONTROL_NO_CACHE"}
    env["MISSION_CONTROL_CACHE_DIR"] = str(cache)
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "[]", run.stderr


def test_an_edited_article_is_not_taken_from_the_shipped_parse(
    shipped: Path, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = (SEEDS / "mars7.txt").read_text("utf-8")
    (seeds / "mars7.txt").write_text(text.replace("16 August 1973", "17 August 1973"), "utf-8")
    # The bundled folder itself, so the article keeps the name its shipped entry has.
    monkeypatch.setattr(catalog, "seeds_dir", lambda: seeds)
    assert catalog.display_name(seeds / "mars7.txt") == "seeds/mars7.txt"
    (mission,) = catalog.load().missions
    correction = next(e for e in mission.events if e.kind == "course-correction")
    assert correction.time.iso() == "1973-08-17"


def test_the_shipped_parse_is_not_used_by_other_code(
    shipped: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    monkeypatch.setattr(catalog, "parse_rules_text", lambda text: made.append(text) or "made")
    monkeypatch.setattr(fingerprint, "signature", lambda files=None: (("other.py", 1, 1),))
    assert user_cache.cached(*catalog._rules_source(), expect=object) == "made"
    assert len(made) == 1


def test_a_first_start_from_the_shipped_parse_derives_no_reading_code(
    shipped: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wheel names the reading code's files; while their contents are the build's, a
    first start checks those and never reads every module's imports again."""
    fingerprint.reading_files.cache_clear()
    fingerprint._reading_stamp.cache_clear()

    def closure(*args: object) -> object:
        raise AssertionError("the reading code was derived")

    monkeypatch.setattr(fingerprint, "closure", closure)
    try:
        assert [m.id for m in catalog.load().missions] == ["mars6", "mars7"]
        assert catalog.status_rules() == status_rules.default_rules()
    finally:
        fingerprint.reading_files.cache_clear()
        fingerprint._reading_stamp.cache_clear()
    monkeypatch.undo()
    for entry in cache.glob("*.msgpack"):
        stamped = msgspec.msgpack.decode(entry.read_bytes(), type=user_cache.Entry).stamp
        assert stamped == fingerprint.stamp()  # the next start finds it by file times


def test_a_shipped_parse_whose_reading_code_is_gone_is_not_used(
    shipped: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    contents = msgspec.msgpack.decode(shipped.read_bytes(), type=shipped_parse.Shipped)
    reading = (*contents.reading, ("no_such_module.py", 1, 1))
    changed = msgspec.structs.replace(contents, reading=reading)
    shipped.write_bytes(msgspec.msgpack.encode(changed))
    _forget_shipped()
    made: list[str] = []
    monkeypatch.setattr(catalog, "parse_rules_text", lambda text: made.append(text) or "made")
    assert user_cache.cached(*catalog._rules_source(), expect=object) == "made"
    assert made


def _ship(path: Path, value: object) -> None:
    """``path`` as a shipped parse whose status-rules entry is ``value``."""
    name, text, _ = catalog._rules_source()
    entries = {user_cache.digest(name, text): user_cache.encode(value)}
    shipped_parse.write(path, entries)
    _forget_shipped()


@pytest.mark.parametrize(
    "entry",
    [{"rules": [], "phases": {}}, "a str"],
    ids=["made-by-other-classes", "not-rules"],
)
def test_a_shipped_entry_that_does_not_load_as_rules_is_read_afresh(
    shipped: Path, cache: Path, entry: object
) -> None:
    _ship(shipped, entry)
    assert catalog.status_rules() == status_rules.default_rules()


def test_a_damaged_shipped_parse_is_ignored(
    shipped: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped.write_bytes(b"not msgpack")
    made: list[str] = []
    monkeypatch.setattr(catalog, "parse_rules_text", lambda text: made.append(text) or "made")
    assert user_cache.cached(*catalog._rules_source(), expect=object) == "made"
    assert made


def test_turning_the_cache_off_reads_past_the_shipped_parse(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    monkeypatch.setattr(catalog, "parse_rules_text", lambda text: made.append(text) or "made")
    assert user_cache.cached(*catalog._rules_source(), expect=object) == "made"
    assert made
