"""The terminal formats: ``text`` (one line each) and ``full`` (with the source line)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TextIO

from wcwidth import wcswidth

from newslint.document import Document
from newslint.findings import Finding, Severity
from newslint.markers import hookimpl
from newslint.printable import one_line, printable

__all__ = ["FullReporter", "TextReporter", "fix_line", "format_line", "newslint_reporters", "use_colour"]

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def format_line(f: Finding) -> str:
    """``path:line:col: CODE message`` on one line, whatever the path and message hold."""
    return f"{printable(f.path)}:{f.line}:{f.column}: {f.code} {one_line(f.message)}"


def fix_line(f: Finding) -> str:
    """What a finding's fix does, for ``--show-fixes`` ("" when it has none)."""
    if f.fix is None:
        return ""
    unsafe = "" if f.fix.safe else " (unsafe: it changes a quotation; --unsafe-fixes applies it)"
    return f"fix: {one_line(f.fix.message)}{unsafe}"


def _visible(text: str) -> str:
    """Source text as shown under a finding: tabs as spaces, controls as escapes."""
    return printable(text.replace("\t", " "))


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal (wide East Asian characters count two)."""
    width = wcswidth(text)
    return width if width >= 0 else len(text)


class TextReporter:
    name = "text"
    description = "one line per finding: path:line:col: CODE message"
    needs_source = False

    def render(self, findings: Sequence[Finding], documents: Mapping[str, Document], stream: TextIO) -> None:
        for f in findings:
            stream.write(format_line(f) + "\n")
            if f.fix is not None:
                stream.write(f"    {fix_line(f)}\n")


class FullReporter:
    name = "full"
    description = "each finding with its source line, a caret under the span, and related places"
    needs_source = True

    def render(self, findings: Sequence[Finding], documents: Mapping[str, Document], stream: TextIO) -> None:
        colour = use_colour(stream)
        for f in findings:
            head = f"{printable(f.path)}:{f.line}:{f.column}: "
            stream.write(
                _paint(head, "1", colour)
                + _paint(f"{f.code} [{f.severity.value}]", _COLOURS[f.severity], colour)
                + f" {one_line(f.message)}\n"
            )
            doc = documents.get(f.path)
            if doc is not None:
                line = doc.source_line(f.line)
                start = f.column - 1
                end = f.end_column - 1 if f.end_line == f.line else len(line)
                # Long lines (a whole article on one line) are shown as a window.
                lo = max(0, start - 60)
                hi = min(len(line), max(end, start + 1) + 60)
                before = ("…" if lo else "") + _visible(line[lo:start])
                span = _visible(line[start : min(end, hi)])
                snippet = before + span + _visible(line[min(end, hi) : hi]) + ("…" if hi < len(line) else "")
                gutter = f"{f.line:>5} | "
                stream.write(gutter + snippet + "\n")
                # The caret is placed by display width: a Chinese character takes two columns.
                stream.write(
                    " " * (len(gutter) + _width(before))
                    + _paint("^" * max(1, _width(span)), _COLOURS[f.severity], colour)
                    + "\n"
                )
            for r in f.related:
                loc = r.location
                stream.write(
                    f"      = {printable(loc.path)}:{loc.line}:{loc.column}: {one_line(r.message)}\n"
                )
            if f.fix is not None:
                stream.write(f"      = {fix_line(f)}\n")
            stream.write("\n")


@hookimpl
def newslint_reporters() -> list[object]:
    return [TextReporter(), FullReporter()]
