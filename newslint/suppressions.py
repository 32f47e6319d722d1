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
space-separated, optionally followed by `` -- `` and the editor's reason
(``<!-- newslint-disable-line NL201 -- the name is withheld by court order -->``).
Readers call :func:`find_suppressions` and keep what the file writes, where it
writes it, in the document; the engine drops the findings that fall in a
range (:mod:`newslint.engine.suppressions`) and reports a directive or a code
it does not know (NL011, defined here), which silences nothing. Comments
inside fenced code blocks are examples, not suppressions. A suppression that
silences nothing is reported with ``--report-unused-suppressions`` (NL010).
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
from newslint.spans import Suppression

if TYPE_CHECKING:
    from newslint.analysis import Analysis

__all__ = [
    "DIRECTIVES",
    "WHOLE_FILE",
    "InvalidSuppression",
    "Suppression",
    "UnusedSuppression",
    "comment_suppressions",
    "find_suppressions",
    "front_matter_suppressions",
]

#: The last line of a suppression that holds for the whole file (front matter).
WHOLE_FILE = 2**31
#: The directives a comment may hold, after "newslint-".
DIRECTIVES = ("disable-next-line", "disable-line", "disable", "enable")
#: The directive of a front-matter ``newslint: {ignore: [...]}``.
FRONT_MATTER = "ignore"

# A comment opening with "newslint-": a directive, known or not. What follows
# it, up to the closing "-->", is found with str.find (see comment_suppressions).
_OPENING = re.compile(r"<!--\s*newslint-(?P<directive>[A-Za-z]*(?:-[A-Za-z]+)*)", re.I)
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.M)
_CODE = re.compile(r"[^\s,]+")


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


def _codes(source: str, start: int, end: int) -> list[tuple[str, int]]:
    """The codes written in ``source[start:end]``, each with its offset; what
    follows " --" is the editor's reason."""
    reason = source.find(" --", start, end)
    stop = end if reason < 0 else reason
    return [(m.group(), m.start()) for m in _CODE.finditer(source, start, stop)]


def comment_suppressions(source: str, fenced: bool = True) -> list[Suppression]:
    """Every ``newslint-*`` comment of ``source``: the lines each switches off, where it is
    written, and directives newslint does not know (which switch nothing off)."""
    if "newslint-" not in source:
        return []
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]
    last_line = len(line_starts)

    def place(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(line_starts, offset)
        return line, offset - line_starts[line - 1] + 1

    fences = _fenced_ranges(source) if fenced else []
    out: list[Suppression] = []
    open_: dict[str, tuple[int, tuple[int, int]]] = {}  # code -> (first line, where it is written)
    close = opening = -1
    for m in _OPENING.finditer(source):
        # The next "-->" and "<!--", each found once for all the comments before
        # it: linear even when a file holds many comments never closed.
        if close < m.end():
            close = source.find("-->", m.end())
            if close < 0:
                break
        if opening < m.end():
            opening = source.find("<!--", m.end())
        if 0 <= opening < close or any(a <= m.start() < b for a, b in fences):
            continue  # never closed (another comment opens first), or an example
        directive = m.group("directive").lower()
        here = place(m.start())
        if directive not in DIRECTIVES:  # judged (at its "newslint-"), never silencing
            out.append(Suppression("*", 1, 0, directive, *place(m.start("directive") - len("newslint-"))))
            continue
        codes = [(code, place(at)) for code, at in _codes(source, m.end(), close)]
        line = here[0]
        if directive == "disable-next-line":
            next_line = place(close)[0] + 1
            out.extend(
                Suppression(code, next_line, next_line, directive, *at) for code, at in codes or [("*", here)]
            )
        elif directive == "disable-line":
            out.extend(Suppression(code, line, line, directive, *at) for code, at in codes or [("*", here)])
        elif directive == "disable":
            for code, at in codes or [("*", here)]:
                open_.setdefault(code, (line, at))
        else:  # enable: closes the named ranges, or all of them
            out.extend(
                Suppression(code, 1, 0, directive, *at) for code, at in codes
            )  # judged, never silencing
            for code in [code for code, _ in codes] or list(open_):
                if code in open_:
                    first, at = open_.pop(code)
                    out.append(Suppression(code, first, line, "disable", *at))
    out.extend(Suppression(code, first, last_line, "disable", *at) for code, (first, at) in open_.items())
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
    return [Suppression(code.strip(), 1, WHOLE_FILE, FRONT_MATTER) for code in ignore]


def find_suppressions(
    source: str, metadata: Mapping[str, Any] = {}, problems: list[tuple[int, str]] | None = None
) -> list[Suppression]:
    """Every suppression of a Markdown or HTML file: front matter, then comments."""
    return front_matter_suppressions(metadata, problems) + comment_suppressions(source)


class InvalidSuppression(Rule):
    """What it checks: suppression comments and front-matter ignores that newslint
    cannot read: a directive it does not know (``newslint-disable-nextline``)
    or a code, prefix or rule name that no rule has (``NL2O1``).

    Why it matters: a mistyped suppression silences nothing, or, read
    loosely, far more than was meant (a whole file instead of one line); the
    editor who wrote it believes the finding was weighed and silenced.

    Example: ``<!-- newslint-disable-nextline NL201 -->`` (the directive is
    ``newslint-disable-next-line``).

    How to fix: write the directive or the code as the message suggests;
    ``newslint --list-rules`` lists the codes and names.
    """

    code = "NL011"
    name = "invalid-suppression"
    summary = "A suppression names a directive or a rule that does not exist"
    severity = Severity.ERROR

    def check(self, document: Document, analysis: Analysis) -> Iterator[Any]:
        return iter(())


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
    return [UnusedSuppression, InvalidSuppression]
