"""Reporters render findings: one per ``--format`` name, contributed through a hook."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, TextIO

from newslint.document import Document
from newslint.findings import Finding

__all__ = ["Reporter"]


class Reporter(Protocol):
    """What a reporter plugin provides."""

    #: The ``--format`` value that selects it.
    name: str
    #: One line for ``--help``.
    description: str
    #: True when it shows source text, so the engine keeps each document's source.
    needs_source: bool

    def render(self, findings: Sequence[Finding], documents: Mapping[str, Document], stream: TextIO) -> None:
        """Write every finding (already sorted) to the stream."""
        ...
