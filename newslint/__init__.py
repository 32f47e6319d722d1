"""newslint: a plugin-based linter for news articles.

The public API for plugin authors::

    from newslint import hookimpl, Rule, CorpusRule, Severity, Document, Analysis, Story, Fix

and for programs that lint (a CMS, an editor; :mod:`newslint.api`)::

    findings = newslint.lint_text(text, path="story.md", config=newslint.Configuration.from_file("rules.yaml"))

Everything not listed in ``__all__`` may change between versions. Writing a
plugin, from an empty folder to a published package: docs/writing-a-plugin.md;
testing one: :mod:`newslint.testing`.
"""

from newslint.analysis import Analysis
from newslint.api import Configuration, fix_text, lint_paths, lint_text
from newslint.document import Document
from newslint.findings import Finding, Related, Severity, Violation
from newslint.fixes import Edit, Fix, Spot
from newslint.markers import hookimpl
from newslint.rule import CorpusRule, Rule
from newslint.spans import Location, Span
from newslint.story import Story, StoryDocument
from newslint.version import __version__

__all__ = [
    "Analysis",
    "Configuration",
    "CorpusRule",
    "Document",
    "Edit",
    "Finding",
    "Fix",
    "Location",
    "Related",
    "Rule",
    "Severity",
    "Span",
    "Spot",
    "Story",
    "StoryDocument",
    "Violation",
    "__version__",
    "fix_text",
    "hookimpl",
    "lint_paths",
    "lint_text",
]
