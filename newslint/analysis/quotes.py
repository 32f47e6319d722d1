"""Quotations: double-quoted passages, as news copy really punctuates them.

Handles curly and straight marks and their mixtures (“…" is one quotation),
a quotation left open at the end of a paragraph and continued by the next
paragraph opening with a mark (the convention for long quotes), and an
unbalanced mark (the quotation then ends with its paragraph). Single quotes
are left alone: in news copy they are apostrophes or quotes within quotes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from newslint.analysis.segments import Paragraph
from newslint.spans import Span

__all__ = ["Quote", "find_quotes"]

_MARKS = re.compile(r"[\"“”„‟«»]")
_OPENERS = "“„‟«"
_CLOSERS = "”»"
_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class Quote(Span):
    """A quotation. ``start``/``end`` include the marks; ``content`` excludes them.

    ``paragraphs`` lists every paragraph it runs through; ``closed`` is False
    when no closing mark was found (the quotation ends with its paragraph).
    """

    content: Span
    paragraphs: tuple[int, ...]
    closed: bool

    @property
    def paragraph(self) -> int:
        return self.paragraphs[0]

    def words(self, text: str, limit: int | None = None) -> int:
        """How many words it holds (at most ``limit`` are counted when given)."""
        found = _WORD.finditer(text, self.content.start, self.content.end)
        return sum(1 for _ in (found if limit is None else islice(found, limit)))


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    if ch in _OPENERS:
        # A mistyped closing mark: “…,“ Kennedy wrote (glued to the words before, space after).
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return not (before in ",.!?;:" and after.isspace())
    if ch in _CLOSERS:
        return False
    # A straight mark opens after a space, a bracket or a dash, or at the start.
    before = text[i - 1] if i else " "
    return before.isspace() or before in "([{—–-:/"


def find_quotes(text: str, paragraphs: Sequence[Paragraph]) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    open_paras: list[int] = []
    reopen_at = -1  # the mark that reopens a quotation continued from the last paragraph
    # Every mark in the text, found in one scan; each paragraph takes its slice.
    all_marks = [m.start() for m in _MARKS.finditer(text)]
    for idx, para in enumerate(paragraphs):
        first = bisect.bisect_left(all_marks, para.start)
        marks = all_marks[first : bisect.bisect_left(all_marks, para.end, first)]
        for pos in marks:
            if open_at is None:
                if _opens(text, pos) or pos == para.start:
                    open_at = pos
                    open_paras = [para.index]
                continue
            if pos == reopen_at:
                continue
            if _opens(text, pos) and text[pos] in _OPENERS and pos > open_at + 1:
                # “ … “ : the first was never closed; start again here.
                quotes.append(_make(text, open_at, _para_end(paragraphs, open_paras[-1]), open_paras, False))
                open_at = pos
                open_paras = [para.index]
                continue
            quotes.append(_make(text, open_at, pos + 1, open_paras, True))
            open_at = None
        if open_at is not None:
            nxt = paragraphs[idx + 1] if idx + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt.start] in _OPENERS + '"':
                open_paras.append(nxt.index)  # continued in the next paragraph
                reopen_at = nxt.start
                continue
            quotes.append(_make(text, open_at, para.end, open_paras, False))
            open_at = None
    return [q for q in quotes if q.content.end > q.content.start]


def _para_end(paragraphs: Sequence[Paragraph], index: int) -> int:
    return paragraphs[index].end


def _make(text: str, start: int, end: int, paras: list[int], closed: bool) -> Quote:
    content_start = start + 1
    content_end = end - 1 if closed else end
    return Quote(start, end, Span(content_start, content_end), tuple(paras), closed)
