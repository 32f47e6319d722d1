"""Suppressions written in the article: comments and front matter.

In Markdown and HTML, HTML comments switch rules off and on::

    <!-- newslint-disable NL201 -->          off from here (all rules without codes)
    <!-- newslint-enable -->                 on again (or: newslint-enable NL201)
    <!-- newslint-disable-next-line NL102 -->  off for the next line only
    An unnamed official said so. <!-- newslint-disable-line NL201 -->

and front matter ignores codes for the whole file::

    ---
    newslint:
      ignore: [NL201]
    ---

Codes may be codes, prefixes (``NL2``) or rule names, comma- or
space-separated, optionally followed by `` -- `` and a reason. Readers call
:func:`find_suppressions` and keep the ranges in the document; the engine
drops the findings that fall in a range (:mod:`newslint.engine.suppressions`).
Comments inside fenced code blocks are examples, not suppressions. A
suppression that silences nothing is reported with
``--report-unused-suppressions`` (code NL010, defined here).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.document import Document
from newslint.findings import Severity
from newslint.markers import hookimpl
from newslint.rule import Rule

if TYPE_CHECKING:
    from newslint.analysis import Analysis

__all__ = [
    "WHOLE_FILE",
    "Suppression",
    "UnusedSuppression",
    "comment_suppressions",
    "find_suppressions",
    "front_matter_suppressions",
]

#: (code or "*", first line, last line), as ``Document.suppressions`` holds them.
Suppression = tuple[str, int, int]
#: The last line of a suppression that holds for the whole file (front matter).
WHOLE_FILE = 2**31

_DIRECTIVE = re.compile(
    r"<!--\s*newslint-(?P<verb>disable-next-line|disable-line|disable|enable)\b(?P<codes>[^>]*?)\s*-->",
    re.I,
)
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.M)
_SPLIT = re.compile(r"[\s,]+")


def _codes(raw: str) -> list[str]:
    # "NL201 -- wire copy, not ours": what follows " -- " is the editor's reason.
    codes = [c for c in _SPLIT.split(raw.split(" --", 1)[0].strip()) if c]
    return codes or ["*"]


def _fenced_ranges(source: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks (``` or ~~~), where comments are only examples."""
    ranges: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None
    for m in _FENCE.finditer(source):
        mark = m.group(1)
        if opened is None:
            opened = (m.start(), mark)
        elif mark[0] == opened[1][0] and len(mark) >= len(opened[1]):
            ranges.append((opened[0], m.end()))
            opened = None
    if opened is not None:
        ranges.append((opened[0], len(source)))
    return ranges


def comment_suppressions(source: str, fenced: bool = True) -> list[Suppression]:
    """The ranges switched off by ``newslint-*`` comments in ``source``."""
    if "newslint-" not in source:
        return []
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]
    last_line = len(line_starts)
    fences = _fenced_ranges(source) if fenced else []
    out: list[Suppression] = []
    open_: dict[str, int] = {}  # code -> first line
    for m in _DIRECTIVE.finditer(source):
        if any(a <= m.start() < b for a, b in fences):
            continue
        line = bisect.bisect_right(line_starts, m.start())
        verb = m.group("verb").lower()
        codes = _codes(m.group("codes"))
        if verb == "disable-next-line":
            end_line = bisect.bisect_right(line_starts, m.end() - 1)
            out.extend((code, end_line + 1, end_line + 1) for code in codes)
        elif verb == "disable-line":
            out.extend((code, line, line) for code in codes)
        elif verb == "disable":
            for code in codes:
                open_.setdefault(code, line)
        else:  # enable: closes the named ranges, or all of them
            for code in list(open_) if codes == ["*"] else codes:
                if code in open_:
                    out.append((code, open_.pop(code), line))
    out.extend((code, first, last_line) for code, first in open_.items())
    return out


def front_matter_suppressions(
    metadata: Mapping[str, Any], problems: list[tuple[int, str]] | None = None
) -> list[Suppression]:
    """``newslint: {ignore: [CODE, ...]}`` in front matter: codes ignored in the whole file."""
    settings = metadata.get("newslint")
    if settings is None:
        return []
    ignore = settings.get("ignore") if isinstance(settings, Mapping) else None
    if isinstance(ignore, str):
        ignore = [ignore]
    if not isinstance(ignore, list) or not all(isinstance(c, str) and c.strip() for c in ignore):
        if problems is not None:
            problems.append((0, "front matter 'newslint' must be a mapping like {ignore: [NL201]}"))
        return []
    return [(code.strip(), 1, WHOLE_FILE) for code in ignore]


def find_suppressions(
    source: str, metadata: Mapping[str, Any] = {}, problems: list[tuple[int, str]] | None = None
) -> list[Suppression]:
    """Every suppression of a Markdown or HTML file: front matter, then comments."""
    return front_matter_suppressions(metadata, problems) + comment_suppressions(source)


class UnusedSuppression(Rule):
    """What it checks: suppression comments and front-matter ignores that silence
    no finding (reported with ``--report-unused-suppressions``).

    Why it matters: a suppression outlives the sentence it was written for;
    left in place it would silently hide the next real problem on that line.

    Example: ``<!-- newslint-disable-next-line NL201 -->`` above a sentence
    that now names its source.

    How to fix: delete the comment, or narrow its codes to the rule that still fires.
    """

    code = "NL010"
    name = "unused-suppression"
    summary = "A suppression comment silences nothing"
    severity = Severity.WARNING
    enabled_by_default = False

    def check(self, document: Document, analysis: Analysis) -> Iterator[Any]:
        return iter(())


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [UnusedSuppression]
