"""Places in a document: a range of its prose (Span) and of its source file (Location).

A leaf module: every layer (readers, analysis, rules, reporters) may import it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Location", "Span"]


@dataclass(frozen=True, order=True)
class Location:
    """A range in a file: 1-based line and column (code points), end exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Span:
    """A range of ``Document.text``: ``text[start:end]``."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end
