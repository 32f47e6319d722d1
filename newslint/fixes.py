"""Fixes: edits a finding carries, in offsets of the original file, and how they are applied.

A rule that can mend what it flags declares ``fixable = True`` and attaches a
:class:`Fix` to its violation. A fix is a message ("spell it “Hamzeh”") and
one or more :class:`Edit`: a range of the *source* (the file as decoded,
front matter and markup included; offsets in code points) and the text that
replaces it. Edits replace prose only, so Markdown and HTML markup around
them survive: a rule never computes source offsets itself, it names ranges of
the prose and :meth:`Rule.spot <newslint.Rule.spot>` maps them, refusing a
range that markup or an entity breaks up (no fix is better than a broken page).

A fix is *safe* unless one of its edits falls inside a quotation: the words
of a quotation are the speaker's, so those fixes are applied only on request
(``--unsafe-fixes``; in an editor, a code action the writer picks).

A corpus rule learns of a document only through the facts it collected, so
it keeps :class:`Spot` values among them (small tuples, cacheable) and builds
its fix at reduce time with :meth:`Fix.replacing`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Edit", "Fix", "Spot", "apply_fixes", "escape_for"]


class Edit(NamedTuple):
    """Replace ``source[start:end]`` with ``text`` (offsets in the decoded file, code points)."""

    start: int
    end: int
    text: str


class Spot(NamedTuple):
    """A range of the source that a fix may rewrite (made by ``Rule.spot``).

    :param start: offset in the source, code points.
    :param end: end offset (exclusive).
    :param quoted: the range lies inside a quotation: rewriting it is unsafe.
    :param format: the reader's format ("text", "markdown", "html"), which
        decides how replacement text is escaped.
    """

    start: int
    end: int
    quoted: bool
    format: str = "text"


@dataclass(frozen=True)
class Fix:
    """How to mend one finding: a message and edits of its file, applied together or not at all.

    :param message: what the fix does, in a few words ("spell it “Hamzeh”").
    :param edits: non-overlapping edits of the finding's file.
    :param safe: False when an edit rewrites words inside a quotation.
    """

    message: str
    edits: tuple[Edit, ...]
    safe: bool = True

    @classmethod
    def replacing(cls, spots: Iterable[Spot], text: str, message: str) -> Fix | None:
        """A fix writing ``text`` (prose, escaped here for each spot's format) over every spot;
        None when there is no spot."""
        spots = sorted(set(spots))
        if not spots:
            return None
        edits = tuple(Edit(s.start, s.end, escape_for(s.format, text)) for s in spots)
        return cls(message, edits, not any(s.quoted for s in spots))

    @property
    def span(self) -> tuple[int, int]:
        """The smallest range of the source holding every edit."""
        return min(e.start for e in self.edits), max(e.end for e in self.edits)


def escape_for(format: str, text: str) -> str:
    """Prose as it is written into a source of this format (``&`` and ``<`` in HTML)."""
    return html.escape(text, quote=False) if format == "html" else text


def apply_fixes(source: str, fixes: Sequence[Fix]) -> tuple[str, list[int]]:
    """The source with the fixes applied, and the indexes of the fixes applied.

    Fixes are taken in the order of their first edit; one whose edits overlap
    an edit already taken (or each other) is left for a later pass, when the
    file has been linted again, as ruff does.
    """
    order = sorted(range(len(fixes)), key=lambda i: (fixes[i].span, i))
    taken: list[Edit] = []
    applied: list[int] = []
    for i in order:
        edits = sorted(fixes[i].edits)
        if any(a.end > b.start for a, b in zip(edits, edits[1:], strict=False)):
            continue
        if any(e.end > len(source) or e.start < 0 or e.start > e.end for e in edits):
            continue
        if any(_overlap(e, t) for e in edits for t in taken):
            continue
        taken.extend(edits)
        applied.append(i)
    if not taken:
        return source, []
    parts: list[str] = []
    cursor = 0
    for e in sorted(taken):
        parts += [source[cursor : e.start], e.text]
        cursor = e.end
    parts.append(source[cursor:])
    return "".join(parts), sorted(applied)


def _overlap(a: Edit, b: Edit) -> bool:
    # Two insertions at one place would come out in an arbitrary order: they overlap too.
    return a.start < b.end and b.start < a.end or a.start == b.start
