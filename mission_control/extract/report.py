"""The warnings one reading of an article gives, each naming the file and line it is about."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Report:
    """Every stage of the reader warns here instead of raising, in the order it reads."""

    source: str
    warnings: list[str] = field(default_factory=list)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"{self.source}:{line}: {message}")
