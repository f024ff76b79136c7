"""The status rules: which subsystem status each kind of event sets, the phases events begin
(of the mission, and of each part), and the phase timings.

The rules are data (``data/status_rules.toml``); this module reads them into frozen records
that preparing a replay indexes and the parsed-source cache keeps.
"""

from __future__ import annotations

from functools import cache, cached_property
from typing import Any

import msgspec

from mission_control.model import Status
from mission_control.paths import package_data


class Rule(msgspec.Struct, frozen=True):
    """One row of the table: an event of ``kind`` (``*``: any), with ``outcome`` among its
    outcome tags if one is given, sets ``system`` of a part to ``status``."""

    kind: str
    system: str
    status: Status
    reason: str
    part: str = "event"
    outcome: str | None = None

    def applies(self, kind: str, outcome: str | None) -> bool:
        """Whether an event of ``kind`` with ``outcome`` (tags joined by ``"; "``) triggers it."""
        if self.kind not in ("*", kind):
            return False
        if self.outcome is None:
            return True
        return self.outcome in (outcome or "").split("; ")

    def part_for(self, event_part: str) -> str:
        """The part whose row the rule sets, for an event about ``event_part``."""
        return event_part if self.part == "event" else self.part


class PartPhaseRules(msgspec.Struct, frozen=True):
    """How an event moves the part it concerns into a phase, beyond the mission's table: by
    an outcome tag (``""``: the event leaves the phase as it was, a failed separation), by
    its kind; which kinds release a carried part; what a flyby turns into, and when."""

    outcomes: dict[str, str] = msgspec.field(default_factory=dict)
    kinds: dict[str, str] = msgspec.field(default_factory=dict)
    release_kinds: frozenset[str] = frozenset()
    after_flyby: str = "heliocentric orbit"
    flyby_s: float = 86400.0


class Rules(msgspec.Struct, frozen=True, dict=True):
    """The whole table in order, the phase each kind of event begins, the timings, and the
    parts' phase rules."""

    rules: tuple[Rule, ...]
    phases: dict[str, str]
    launch_phase_s: float
    approach_s: float
    arrival_kinds: frozenset[str]
    lead_in_s: float
    lead_out_s: float
    part_phases: PartPhaseRules = msgspec.field(default_factory=PartPhaseRules)

    def severity(self, kind: str, outcome: str | None) -> Status | None:
        """The most severe status the rules give an event of ``kind`` with ``outcome``
        (None when no rule sets anything); kept per kind and outcome, as every failure the
        log or the time strip draws asks again."""
        key = (kind, outcome)
        cache = self.severity_by_event
        if key not in cache:
            statuses = [rule.status for rule in self.matching_for(kind, outcome)]
            cache[key] = max(statuses, key=lambda s: s.severity, default=None)
        return cache[key]

    @cached_property
    def severity_by_event(self) -> dict[tuple[str, str | None], Status | None]:
        """:meth:`severity` already worked out, by kind and outcome."""
        return {}

    @cached_property
    def plain_by_kind(self) -> dict[str, tuple[Rule, ...]]:
        """Rules that need no outcome, by the kind they match ("*" rules filed under every
        kind)."""
        plain = [r for r in self.rules if r.outcome is None]
        kinds = {r.kind for r in plain} | {"*"}
        return {k: tuple(r for r in plain if r.kind in ("*", k)) for k in kinds}

    def matching_for(self, kind: str, outcome: str | None) -> tuple[Rule, ...]:
        """The rules an event of ``kind`` with ``outcome`` triggers, in table order. An event
        with no outcome is checked only against the rules for its kind."""
        if outcome is not None:
            return tuple(rule for rule in self.rules if rule.applies(kind, outcome))
        return self.plain_by_kind.get(kind, self.plain_by_kind["*"])


def parse_rules(data: dict[str, Any]) -> Rules:
    """Rules from the parsed TOML table (ValueError naming a bad entry)."""
    rules = []
    for number, row in enumerate(data.get("rule", []), start=1):
        try:
            rules.append(
                Rule(
                    kind=str(row["kind"]),
                    system=str(row["system"]),
                    status=Status(row["status"]),
                    reason=str(row.get("reason", "")),
                    part=str(row.get("part", "event")),
                    outcome=row.get("outcome"),
                )
            )
        except (KeyError, ValueError) as exc:
            raise ValueError(f"status rule {number}: {exc}") from None
    timing = data.get("timing", {})
    parts = data.get("part_phases", {})
    return Rules(
        rules=tuple(rules),
        phases=dict(data.get("phases", {})),
        launch_phase_s=float(timing.get("launch_phase_s", 86400)),
        approach_s=float(timing.get("approach_days", 30)) * 86400,
        arrival_kinds=frozenset(timing.get("arrival_kinds", ())),
        lead_in_s=float(timing.get("lead_in_s", 600)),
        lead_out_s=float(timing.get("lead_out_s", 600)),
        part_phases=PartPhaseRules(
            outcomes={str(k): str(v) for k, v in parts.get("outcomes", {}).items()},
            kinds={str(k): str(v) for k, v in parts.get("kinds", {}).items()},
            release_kinds=frozenset(parts.get("release_kinds", ())),
            after_flyby=str(parts.get("after_flyby", "heliocentric orbit")),
            flyby_s=float(parts.get("flyby_days", 1)) * 86400,
        ),
    )


RULES_FILE = package_data("status_rules.toml")


def parse_rules_text(text: str) -> Rules:
    """Rules from the text of a TOML rules file (ValueError naming a bad entry)."""
    import tomllib

    return parse_rules(tomllib.loads(text))


@cache
def default_rules() -> Rules:
    return parse_rules_text(RULES_FILE.read_text("utf-8"))
