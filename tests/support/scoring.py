"""The reader scored against hand-made timelines: recall and precision at the stated precision.

Each article ``NAME.txt`` under tests/articles has ``NAME.expected.toml`` beside it: the
target, the parts the article names, and the dated events a careful reader lists, each at
exactly the precision the text states, in UTC. An emitted event matches an expected one when
the kinds agree, both are planned or both are not, and the emitted time has the expected
precision and, cut to it, equals the expected time. Each expected event takes at most one
emitted event and each emitted event serves at most one expected event (greedy, in order).
The same matching is run again requiring the part to agree as well ("with part").
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mission_control.model import Event, Precision

KINDS: frozenset[str] = frozenset(
    {
        "launch",
        "separation",
        "course-correction",
        "orbit-insertion",
        "flyby",
        "atmospheric-entry",
        "parachute",
        "retro-fire",
        "landing",
        "loss-of-contact",
        "last-contact",
        "deactivation",
        "decay",
    }
)
"""The event kinds an expected timeline may use."""

PARTS: frozenset[str] = frozenset(
    {"spacecraft", "bus", "orbiter", "lander", "rover", "capsule", "penetrator"}
)
"""The canonical part names."""

TARGETS: frozenset[str] = frozenset(
    {"Mercury", "Venus", "Earth", "Moon", "Mars", "Phobos", "Deimos", "Jupiter", "Saturn"}
)
"""The bodies an expected timeline may name as its target."""

_FORMATS: tuple[tuple[int, str, Precision], ...] = (
    (4, "%Y", Precision.YEAR),
    (7, "%Y-%m", Precision.MONTH),
    (10, "%Y-%m-%d", Precision.DAY),
    (16, "%Y-%m-%dT%H:%M", Precision.MINUTE),
    (19, "%Y-%m-%dT%H:%M:%S", Precision.SECOND),
)

EXPECTED_SUFFIX = ".expected.toml"


class ExpectedFileError(ValueError):
    """An expected timeline that does not follow the format, naming the file and the field."""


def parse_when(text: str) -> tuple[datetime, Precision]:
    """A stated UTC time ("1975", "1975-06", "1975-06-08", "1975-06-08T02:38",
    "1975-06-08T02:38:05") as the start of its interval and its precision."""
    for length, fmt, precision in _FORMATS:
        if len(text) == length:
            try:
                start = datetime.strptime(text, fmt).replace(tzinfo=UTC)
            except ValueError:
                break
            return start, precision
    raise ValueError(f"not a time at a stated precision: {text!r}")


def cut(moment: datetime, precision: Precision) -> datetime:
    """``moment`` (UTC) truncated to the start of its interval of ``precision``."""
    moment = moment.astimezone(UTC)
    if precision is Precision.YEAR:
        return moment.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if precision is Precision.MONTH:
        return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if precision is Precision.DAY:
        return moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if precision is Precision.MINUTE:
        return moment.replace(second=0, microsecond=0)
    return moment.replace(microsecond=0)


@dataclass(frozen=True)
class ExpectedEvent:
    """One event a careful reader lists."""

    kind: str
    part: str
    when: str
    start: datetime
    precision: Precision
    until: datetime | None = None
    planned: bool = False
    note: str = ""

    def describe(self) -> str:
        planned = " planned" if self.planned else ""
        note = f"  ({self.note})" if self.note else ""
        return f"{self.kind}{planned} [{self.part}] {self.when}{note}"


@dataclass(frozen=True)
class ExpectedTimeline:
    """An article's expected file: its target, its parts and its events in order."""

    target: str | None
    parts: tuple[str, ...]
    events: tuple[ExpectedEvent, ...]


@dataclass(frozen=True)
class EmittedEvent:
    """An event the reader emitted, as plain values a person can read in a report."""

    kind: str
    part: str
    when: str
    start: datetime
    precision: Precision
    planned: bool
    sentence: str

    @classmethod
    def of(cls, event: Event) -> EmittedEvent:
        return cls(
            kind=event.kind,
            part=event.part,
            when=event.time.iso(),
            start=event.time.start,
            precision=event.time.precision,
            planned=bool(getattr(event, "planned", False)),
            sentence=event.sentence,
        )

    def describe(self) -> str:
        planned = " planned" if self.planned else ""
        sentence = self.sentence if len(self.sentence) <= 90 else self.sentence[:87] + "..."
        return f"{self.kind}{planned} [{self.part}] {self.when}  <- {sentence!r}"


def _field(table: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = table.get(key)
    if not isinstance(value, kind):
        raise ExpectedFileError(f"{where}: {key!r} missing or not a {kind.__name__}")
    return value


def parse_expected(data: dict[str, Any], where: str) -> ExpectedTimeline:
    """An expected timeline from its TOML tables; ``where`` names it in errors."""
    target = data.get("target")
    if target is not None and target not in TARGETS:
        raise ExpectedFileError(f"{where}: unknown target {target!r}")
    parts = tuple(data.get("parts", ()))
    for part in parts:
        if part not in PARTS or part == "spacecraft":
            raise ExpectedFileError(f"{where}: unknown part {part!r} in parts")
    events: list[ExpectedEvent] = []
    for number, table in enumerate(data.get("event", ()), start=1):
        here = f"{where}: event {number}"
        unknown = set(table) - {"kind", "part", "when", "until", "planned", "note"}
        if unknown:
            raise ExpectedFileError(f"{here}: unknown fields {sorted(unknown)}")
        kind = _field(table, "kind", str, here)
        if kind not in KINDS:
            raise ExpectedFileError(f"{here}: unknown kind {kind!r}")
        part = _field(table, "part", str, here)
        if part != "spacecraft" and part not in parts:
            raise ExpectedFileError(f"{here}: part {part!r} is not among the article's parts")
        when = _field(table, "when", str, here)
        try:
            start, precision = parse_when(when)
            until = None
            if "until" in table:
                until, until_precision = parse_when(_field(table, "until", str, here))
                if until_precision is not precision or until <= start:
                    raise ValueError("'until' must follow 'when', at the same precision")
        except ValueError as error:
            raise ExpectedFileError(f"{here}: {error}") from None
        planned = table.get("planned", False)
        if not isinstance(planned, bool):
            raise ExpectedFileError(f"{here}: 'planned' is not true or false")
        note = table.get("note", "")
        events.append(ExpectedEvent(kind, part, when, start, precision, until, planned, note))
    return ExpectedTimeline(target, parts, tuple(events))


def load_expected(path: Path) -> ExpectedTimeline:
    """Read and check one expected file."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return parse_expected(data, path.name)


def expected_path(article: Path) -> Path:
    """The expected file beside an article: NAME.txt -> NAME.expected.toml."""
    return article.with_name(article.stem + EXPECTED_SUFFIX)


def agrees(expected: ExpectedEvent, emitted: EmittedEvent, *, with_part: bool = False) -> bool:
    """Whether an emitted event states the expected one: kind, planned, time at precision."""
    return (
        emitted.kind == expected.kind
        and emitted.planned == expected.planned
        and emitted.precision == expected.precision
        and cut(emitted.start, expected.precision) == expected.start
        and (not with_part or emitted.part == expected.part)
    )


def match(
    expected: Sequence[ExpectedEvent], emitted: Sequence[EmittedEvent], *, with_part: bool = False
) -> list[tuple[int, int]]:
    """Pairs (expected index, emitted index), one to one, greedy in the expected order:
    each expected event takes the first emitted event not yet taken that agrees with it."""
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for i, want in enumerate(expected):
        for j, got in enumerate(emitted):
            if j not in taken and agrees(want, got, with_part=with_part):
                taken.add(j)
                pairs.append((i, j))
                break
    return pairs


def _ratio(numerator: int, denominator: int) -> float | None:
    return None if denominator == 0 else numerator / denominator


class _Ratios:
    """Recall and precision, and the same with the part required, from the four counts
    (an article's own, or sums over a corpus)."""

    if TYPE_CHECKING:

        @property
        def expected(self) -> int: ...
        @property
        def emitted(self) -> int: ...
        @property
        def matched(self) -> int: ...
        @property
        def matched_with_part(self) -> int: ...

    @property
    def recall(self) -> float | None:
        return _ratio(self.matched, self.expected)

    @property
    def precision(self) -> float | None:
        return _ratio(self.matched, self.emitted)

    @property
    def recall_with_part(self) -> float | None:
        return _ratio(self.matched_with_part, self.expected)

    @property
    def precision_with_part(self) -> float | None:
        return _ratio(self.matched_with_part, self.emitted)


@dataclass(frozen=True)
class ArticleScore(_Ratios):
    """One article's figures, and what was missed and what was extra, for a person to read."""

    name: str
    expected: int
    emitted: int
    matched: int
    matched_with_part: int
    misses: tuple[ExpectedEvent, ...]
    extras: tuple[EmittedEvent, ...]
    target_expected: str | None = None
    target_read: str | None = None

    @property
    def target_agrees(self) -> bool:
        return self.target_expected == self.target_read


@dataclass(frozen=True)
class CorpusScore(_Ratios):
    """Every article's score and the figures pooled over them (sums, not a mean of ratios)."""

    articles: tuple[ArticleScore, ...] = field(default_factory=tuple)

    @property
    def expected(self) -> int:
        return sum(a.expected for a in self.articles)

    @property
    def emitted(self) -> int:
        return sum(a.emitted for a in self.articles)

    @property
    def matched(self) -> int:
        return sum(a.matched for a in self.articles)

    @property
    def matched_with_part(self) -> int:
        return sum(a.matched_with_part for a in self.articles)

    @property
    def targets_agreeing(self) -> int:
        return sum(a.target_agrees for a in self.articles)


def score_events(
    name: str,
    timeline: ExpectedTimeline,
    events: Iterable[Event | EmittedEvent],
    target_read: str | None = None,
) -> ArticleScore:
    """Score the events one reading emitted against an expected timeline."""
    emitted = [e if isinstance(e, EmittedEvent) else EmittedEvent.of(e) for e in events]
    pairs = match(timeline.events, emitted)
    with_part = match(timeline.events, emitted, with_part=True)
    hit_expected = {i for i, _ in pairs}
    hit_emitted = {j for _, j in pairs}
    return ArticleScore(
        name=name,
        expected=len(timeline.events),
        emitted=len(emitted),
        matched=len(pairs),
        matched_with_part=len(with_part),
        misses=tuple(e for i, e in enumerate(timeline.events) if i not in hit_expected),
        extras=tuple(e for j, e in enumerate(emitted) if j not in hit_emitted),
        target_expected=timeline.target,
        target_read=target_read,
    )


def score_article(article: Path, expected: Path | None = None) -> ArticleScore:
    """Read one article with the reader and score it against its expected file."""
    from mission_control.extract.reader import read_text
    from mission_control.seedfile import load_text

    timeline = load_expected(expected or expected_path(article))
    mission = read_text(load_text(article), f"{article.parent.name}/{article.name}")
    target = mission.metadata.get("target")
    return score_events(article.stem, timeline, mission.events, target)


def corpus_articles(folder: Path) -> list[Path]:
    """Every article under ``folder`` (its sub-folders too), in name order."""
    return sorted(folder.rglob("*.txt"), key=lambda p: p.relative_to(folder).as_posix())


def score_corpus(articles: Iterable[tuple[Path, Path | None]]) -> CorpusScore:
    """Score each (article, expected file or None for the one beside it)."""
    return CorpusScore(tuple(score_article(a, e) for a, e in articles))
