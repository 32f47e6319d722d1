"""Places in a document: a range of its prose (Span), of its source file (Location), and
lines where a rule is switched off (Suppression).

A leaf module: every layer (readers, analysis, rules, reporters) may import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Location", "Span", "Suppression"]


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


class Suppression(NamedTuple):
    """One selector switched off over lines of a file, as the file writes it.

    Readers make these (:mod:`newslint.suppressions`); the engine applies them
    and judges them against the rules there are.
    """

    #: A code, prefix or rule name as written, or "*" for every rule.
    code: str
    #: The first and last line switched off (1-based). ``last < first``: no line
    #: (an ``enable``, or a directive newslint does not know).
    first: int
    last: int
    #: The directive as written after "newslint-" ("disable-next-line"), or
    #: "ignore" for front matter.
    directive: str = "disable"
    #: Where the code (or, for every rule, the directive) is written.
    line: int = 1
    column: int = 1

    @property
    def silences(self) -> bool:
        """Whether it switches any line off."""
        return self.first <= self.last
