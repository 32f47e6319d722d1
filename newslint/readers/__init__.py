"""Readers turn a file's decoded text into a :class:`~newslint.document.Document`.

The built-in readers (plain text, Markdown with YAML front matter, HTML) are
plugins like any other: they arrive through the ``newslint_readers`` hook.
"""

from __future__ import annotations

from typing import Protocol

from newslint.document import Document

__all__ = ["Reader"]


class Reader(Protocol):
    """What a reader plugin provides."""

    #: Short name, used as ``Document.format``.
    name: str
    #: Lower-case file suffixes it reads, with the dot: ``(".md", ".markdown")``.
    suffixes: tuple[str, ...]

    def read(self, path: str, source: str) -> Document:
        """Make a Document of a decoded file; ``path`` is the display path."""
        ...
