"""Documents: the prose of an article plus a map back to its source file.

A reader turns a file into a :class:`Document`. ``document.text`` is the prose
that analysis and rules read (markup, front matter and scripts removed,
non-breaking and zero-width spaces folded to plain spaces); ``document.source``
is the file as decoded. Every character of ``text`` knows where it came from,
so a finding always points at the line and column of the original file.

A document is a plain value: what the text *says* is the analysis's business
(:class:`newslint.analysis.Analysis`, made from a document by the engine and
handed to every rule beside it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from newslint.spans import Location, Span, Suppression

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Characters that are spaces to a reader but not to str.isspace() or that
# editors paste from CMSs: folded to " " one for one, so offsets do not move.
_SPACE_LIKE = "\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff"


def normalise_spaces(text: str) -> str:
    """Fold non-breaking and zero-width spaces to plain spaces (same length)."""
    # A search and replace per character, not str.translate: most articles
    # hold none of them, and translate walks every character in Python's
    # slow path (100x slower on non-ASCII text; measured in benchmarks/).
    for char in _SPACE_LIKE:
        if char in text:
            text = text.replace(char, " ")
    return text


class SourceMap:
    """Maps offsets of the prose back to offsets of the source.

    Stored as runs ``(text_start, source_start)``: inside a run the two move
    together, so a whole Markdown paragraph costs one entry, not one per
    character.
    """

    __slots__ = ("_text_starts", "_source_starts", "_by_source")

    def __init__(self, runs: Iterable[tuple[int, int]] = ((0, 0),)) -> None:
        pairs = sorted(runs)
        if not pairs or pairs[0][0] != 0:
            pairs.insert(0, (0, pairs[0][1] if pairs else 0))
        self._text_starts = [t for t, _ in pairs]
        self._source_starts = [s for _, s in pairs]
        self._by_source: tuple[list[int], list[int]] | None = None

    def to_source(self, offset: int) -> int:
        i = bisect.bisect_right(self._text_starts, offset) - 1
        return self._source_starts[i] + offset - self._text_starts[i]

    def to_text(self, source_offset: int, text_length: int) -> int | None:
        """The offset in the prose of a source character, or None if it is markup.

        ``text_length`` is the length of the prose (the last run ends there).
        """
        if self._by_source is None:  # built on first use: only reporters map this way
            order = sorted(range(len(self._source_starts)), key=self._source_starts.__getitem__)
            self._by_source = ([self._source_starts[i] for i in order], order)
        keys, order = self._by_source
        j = bisect.bisect_right(keys, source_offset) - 1
        if j < 0:
            return None
        i = order[j]
        run_end = self._text_starts[i + 1] if i + 1 < len(self._text_starts) else text_length
        offset = self._text_starts[i] + source_offset - self._source_starts[i]
        return offset if offset < run_end else None


class TextBuilder:
    """Builds prose out of pieces of a source, recording where each came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._runs: list[tuple[int, int]] = []
        self._length = 0

    def add(self, piece: str, source_offset: int) -> None:
        """Append a piece copied verbatim from ``source[source_offset:]``."""
        if not piece:
            return
        self._runs.append((self._length, source_offset))
        self._parts.append(piece)
        self._length += len(piece)

    def add_break(self, piece: str, source_offset: int) -> None:
        """Append a separator (``"\\n\\n"`` between blocks) that stands for markup."""
        self.add(piece, source_offset)

    def __len__(self) -> int:
        return self._length

    def build(self) -> tuple[str, SourceMap]:
        return "".join(self._parts), SourceMap(self._runs or [(0, 0)])


@dataclass(eq=False)
class Document:
    """One article: its prose, its source and its metadata.

    :param path: the path as it will be reported (as given on the command line).
    :param source: the whole file, decoded.
    :param text: the prose that analysis reads; same length as ``source`` for
        plain text, shorter for Markdown and HTML.
    :param source_map: where each character of ``text`` stands in ``source``.
    :param metadata: front matter and the like (title, outlet, byline, date, story).
    :param format: the reader that made it ("text", "markdown", "html", ...).
    """

    path: str
    source: str
    text: str
    source_map: SourceMap = field(default_factory=SourceMap)
    metadata: Mapping[str, Any] = field(default_factory=dict)
    format: str = "text"
    #: Inline suppressions found by the reader (comments, front matter).
    suppressions: list[Suppression] = field(default_factory=list)
    #: Problems the reader met but could read past: (source offset, message).
    problems: list[tuple[int, str]] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", **kwargs: Any) -> Document:
        """A plain-text document whose prose is its source (a test's best friend)."""
        return cls(path=path, source=text, text=normalise_spaces(text), **kwargs)

    @cached_property
    def _line_starts(self) -> list[int]:
        # "\r\n" is one break; a lone "\r" or "\n" is one too. One pass over
        # the source: linear even when one kind of break never occurs.
        return [0, *(m.end() for m in _LINE_BREAK.finditer(self.source))]

    def source_offset(self, offset: int) -> int:
        """The offset in ``source`` of ``text[offset]``."""
        return self.source_map.to_source(offset)

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column of an offset of ``source``."""
        starts = self._line_starts
        i = bisect.bisect_right(starts, source_offset) - 1
        return i + 1, source_offset - starts[i] + 1

    def source_offset_at(self, line: int, column: int) -> int:
        """The offset in ``source`` of a 1-based line and column (the inverse of :meth:`line_col`).

        A line or column past the end is clipped to the end of the source.
        """
        starts = self._line_starts
        line = min(max(line, 1), len(starts))
        return min(starts[line - 1] + max(column, 1) - 1, len(self.source))

    def text_offset(self, source_offset: int) -> int | None:
        """The offset in ``text`` of a source character; None if it is markup, not prose."""
        return self.source_map.to_text(source_offset, len(self.text))

    def locate(self, start: int, end: int) -> Location:
        """The location in the source file of ``text[start:end]``.

        A range reaching outside the text (a rule's arithmetic gone wrong) is
        clipped to it, so a finding never points at line 0 or a negative column.
        """
        size = len(self.text)
        start = min(max(start, 0), max(size - 1, 0))
        end = min(max(end, start + 1), max(size, start + 1))
        s = self.source_offset(start)
        # The end is mapped from the last character so a range never runs
        # into markup that follows it.
        e = min(self.source_offset(end - 1) + 1, len(self.source))
        line, col = self.line_col(s)
        end_line, end_col = self.line_col(e)
        return Location(self.path, line, col, end_line, end_col)

    def source_line(self, line: int) -> str:
        """The text of a 1-based line of the source, without its line break."""
        starts = self._line_starts
        if not 1 <= line <= len(starts):
            return ""
        begin = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.source)
        return self.source[begin:end].rstrip("\r\n")


__all__ = ["Document", "Location", "SourceMap", "Span", "TextBuilder", "normalise_spaces"]
