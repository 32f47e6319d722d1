"""newslint's own codes (NL0xx): problems with files and plugins, not with prose.

The engine reports these itself; they are rules only so that they can be
listed, explained, selected and ignored like every other code.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.document import Document
from newslint.findings import Severity, Violation
from newslint.markers import hookimpl
from newslint.rule import Rule

if TYPE_CHECKING:
    from newslint.analysis import Analysis

__all__ = [
    "CORE_RULES",
    "BinaryFile",
    "FileTooLarge",
    "InvalidFrontMatter",
    "NotUtf8",
    "PluginLoadError",
    "RuleError",
    "StepTimedOut",
    "UnreadableFile",
    "newslint_rules",
]


class _RunnerRule(Rule):
    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        return iter(())


class UnreadableFile(_RunnerRule):
    """What it checks: files that could not be read or decoded.

    Why it matters: a file newslint cannot read is a file nobody checked;
    a hook that skipped it quietly would pass copy it never saw.

    Example: a file with no read permission, or bytes that are not text in
    any encoding newslint recognises.

    How to fix: fix the file's permissions or save it as UTF-8, or exclude it
    in rules.yaml (``exclude:``).
    """

    code = "NL001"
    name = "unreadable-file"
    summary = "A file could not be read or decoded"
    severity = Severity.ERROR


class BinaryFile(_RunnerRule):
    """What it checks: files that hold binary data (NUL bytes), which are skipped.

    Why it matters: an image or a word-processor file committed among the
    articles is not linted; the notice says so instead of staying silent.

    Example: ``photo.txt`` that is really a JPEG.

    How to fix: export the article as text, Markdown or HTML, or exclude the file.
    """

    code = "NL002"
    name = "binary-file"
    summary = "A binary file was skipped"
    # A warning, so CI fails on it by default: whatever it was, nobody checked it.
    severity = Severity.WARNING


class InvalidFrontMatter(_RunnerRule):
    """What it checks: Markdown front matter that is not a valid YAML mapping.

    Why it matters: the story key, outlet and byline come from the front
    matter; when it cannot be read, story grouping and per-file settings are
    lost for that article.

    Example: a ``---`` block with a tab-indented key or an unclosed quote.

    How to fix: correct the YAML at the line and column given.
    """

    code = "NL003"
    name = "invalid-front-matter"
    summary = "Front matter could not be read"
    severity = Severity.WARNING


class RuleError(_RunnerRule):
    """What it checks: a rule that raised an exception on a document.

    Why it matters: the other rules' findings are still reported, but this
    rule did not check this document, and the plugin's author needs to know.

    Example: ``NL004 rule-error rule NL101 (attribution) raised KeyError: 'x'``.

    How to fix: report it to the plugin's author with the file; meanwhile
    ignore the rule for that file with ``per-file-ignores``.
    """

    code = "NL004"
    name = "rule-error"
    summary = "A rule raised an error on a document"
    severity = Severity.ERROR


class PluginLoadError(_RunnerRule):
    """What it checks: a plugin that could not be imported or gave invalid rules.

    Why it matters: its rules did not run at all, so copy passed checks that
    never happened; every other plugin still runs.

    Example: a plugin whose import fails after a dependency upgrade.

    How to fix: reinstall or fix the plugin, or turn it off with
    ``--disable-plugin NAME``.
    """

    code = "NL005"
    name = "plugin-error"
    summary = "A plugin failed to load"
    severity = Severity.ERROR


class StepTimedOut(_RunnerRule):
    """What it checks: a rule or reader that ran past ``--timeout`` on a document.

    Why it matters: a rule that hangs on one odd document (a runaway pattern
    on a page of 100,000 quotation marks) would stall a pre-commit hook or a
    CI job forever; it is stopped instead, and every other rule and file is
    still checked. This rule did not check this document.

    Example: ``NL006 rule-timeout rule NL201 (anonymous-source) did not finish
    within 10 s on this file; skipped``.

    How to fix: report it to the plugin's author with the file; raise the limit
    if the file is just very long; split or exclude a file that is not an article.
    """

    code = "NL006"
    name = "rule-timeout"
    summary = "A rule or reader ran past the time limit on a document"
    severity = Severity.ERROR


class NotUtf8(_RunnerRule):
    """What it checks: files that are not clean UTF-8 text: decoded another way,
    garbled by a double encoding ("â€™" where "’" was meant), or holding stray
    NUL bytes (read as spaces). The file is still checked, as decoded.

    Why it matters: a Windows-1252 or Latin-1 export read as UTF-8 turns
    "Núñez" into garbage, and a damaged UTF-8 file loses letters; either way
    names and quotations would be checked wrongly. newslint decodes the file
    as best it can (Windows-1252 for Western text, damaged bytes replaced,
    other encodings detected) and says so instead of guessing silently.

    Example: ``NL007 legacy-encoding not UTF-8 (byte 0xe9 is not UTF-8):
    decoded as Windows-1252; ...`` at the first character concerned.

    How to fix: check the accented letters and quotation marks, then save the
    file as UTF-8 (most editors: "Save with encoding").
    """

    code = "NL007"
    name = "legacy-encoding"
    summary = "A file is not clean UTF-8 text: decoded another way, double-encoded, or with NUL bytes"
    severity = Severity.WARNING


class FileTooLarge(_RunnerRule):
    """What it checks: files larger than the size limit (``--max-file-size``), which are skipped.

    Why it matters: a 500 MB database dump among the articles would take the
    run's memory and time; it is skipped and the notice says so, so that the
    skip is never silent.

    Example: ``NL008 file-too-large file is 80.0 MB, over the 64 MB limit; skipped``.

    How to fix: exclude the file in rules.yaml, or raise ``--max-file-size``
    if it really is one article.
    """

    code = "NL008"
    name = "file-too-large"
    summary = "A file over the size limit was skipped"
    severity = Severity.WARNING


CORE_RULES = (
    UnreadableFile,
    BinaryFile,
    InvalidFrontMatter,
    RuleError,
    PluginLoadError,
    StepTimedOut,
    NotUtf8,
    FileTooLarge,
)


@hookimpl
def newslint_rules() -> tuple[type[Rule], ...]:
    return CORE_RULES
