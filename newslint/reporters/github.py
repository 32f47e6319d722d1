"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

One line per finding::

    ::warning file=story.md,line=4,col=1,endLine=4,endColumn=21,title=NL201 anonymous-source::“An unnamed official” is not named

Columns are given only for a finding on one line, as GitHub requires. Paths are
relative to the root of the repository, wherever newslint ran, as GitHub places
annotations (a file outside it keeps its absolute path).
Values are escaped as the Actions runner expects: ``%``, CR and LF in the
message; those and ``:`` and ``,`` in properties.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from newslint.document import Document
from newslint.findings import Finding, Severity
from newslint.markers import hookimpl
from newslint.printable import one_line, printable
from newslint.reporters.roots import from_root, repository_root

__all__ = ["GithubReporter", "annotation", "escape_data", "escape_property", "newslint_reporters"]

#: newslint severities as workflow commands.
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding, root: Path | None = None) -> str:
    """One workflow command; ``root``: the repository's (default: found from the working folder)."""
    root = root if root is not None else repository_root()
    path = from_root(f.path, root) or os.path.abspath(f.path)
    props = {"file": printable(path), "line": str(f.line), "endLine": str(f.end_line)}
    if f.line == f.end_line:  # columns are refused on an annotation spanning lines
        props.update(col=str(f.column), endColumn=str(f.end_column))
    props["title"] = f"{f.code} {f.rule}"
    message = one_line(f.message)
    if f.related:
        message += "".join(
            f"\n{printable(r.location.path)}:{r.location.line}:{r.location.column}: {r.message}"
            for r in f.related
        )
    head = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{COMMANDS[f.severity]} {head}::{escape_data(message)}"


class GithubReporter:
    name = "github"
    description = "GitHub Actions annotations (workflow commands), one per finding"
    needs_source = False

    def render(self, findings: Sequence[Finding], documents: Mapping[str, Document], stream: TextIO) -> None:
        root = repository_root()
        for f in findings:
            stream.write(annotation(f, root) + "\n")


@hookimpl
def newslint_reporters() -> list[GithubReporter]:
    return [GithubReporter()]
