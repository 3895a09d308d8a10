"""The finding model every rule produces and every reporter consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; ordered so that ERROR > WARNING > INFO."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class Applicability(StrEnum):
    """Whether a suggestion may be applied without a human reading it (ruff's tiers).

    Drug-name corrections are display-only: look-alike names make automatic edits dangerous.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place.

    ``start``/``end`` are 0-based code-point offsets into the decoded file text (end exclusive);
    ``line``/``column`` are 1-based and ``end_column`` is exclusive, columns counting characters.
    ``suggestions`` are replacement texts for the matched span (empty when there is none).
    """

    rule: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    match: str = ""
    suggestions: tuple[str, ...] = ()
    applicability: Applicability = Applicability.DISPLAY_ONLY
    path: str | None = field(default=None, compare=False)

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule, self.message)

    def to_dict(self) -> dict:
        """The one serialised form (JSON output, golden files); key order is part of the contract."""
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": str(self.severity),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "match": self.match,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }
