"""Findings: what a rule reports, and how the engine hands it on."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from newslint.fixes import Fix
from newslint.spans import Location

__all__ = ["Finding", "Related", "Severity", "Violation"]


class Severity(str, enum.Enum):
    """How much a finding matters; ``--fail-on`` compares against it."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls(value.lower())


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True)
class Related:
    """Another place that explains a finding (the other spelling, the other toll)."""

    location: Location
    message: str


@dataclass(frozen=True)
class Violation:
    """What a rule yields: where, what, and any related places.

    The engine turns it into a :class:`Finding` by adding the rule's code,
    name and configured severity, so rules never deal with configuration.
    ``text`` is the flagged text, used by baselines; ``fix``, how to mend it
    (kept only from rules that declare ``fixable``).
    """

    location: Location
    message: str
    related: tuple[Related, ...] = ()
    text: str = ""
    fix: Fix | None = None


@dataclass(frozen=True, order=True)
class Finding:
    """One reported problem, located in the original file (1-based, end exclusive)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    related: tuple[Related, ...] = field(default=(), compare=False)
    text: str = field(default="", compare=False)
    #: How to mend it, in offsets of this file (:mod:`newslint.fixes`), or None.
    fix: Fix | None = field(default=None, compare=False)

    @property
    def location(self) -> Location:
        return Location(self.path, self.line, self.column, self.end_line, self.end_column)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the finding; ``fix`` is there only when the finding has one."""
        out: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "related": [
                {
                    "path": r.location.path,
                    "line": r.location.line,
                    "column": r.location.column,
                    "end_line": r.location.end_line,
                    "end_column": r.location.end_column,
                    "message": r.message,
                }
                for r in self.related
            ],
        }
        if self.fix is not None:
            out["fix"] = {
                "message": self.fix.message,
                "safe": self.fix.safe,
                "edits": [{"start": e.start, "end": e.end, "text": e.text} for e in self.fix.edits],
            }
        return out
