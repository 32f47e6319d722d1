"""newslint: a plugin-based linter for news articles.

The public API for plugin authors::

    from newslint import hookimpl, Rule, CorpusRule, Severity, Document, Analysis, Story

Everything not listed in ``__all__`` may change between versions. Writing a
plugin, from an empty folder to a published package: docs/writing-a-plugin.md;
testing one: :mod:`newslint.testing`.
"""

from newslint.analysis import Analysis
from newslint.document import Document
from newslint.findings import Finding, Related, Severity, Violation
from newslint.fixes import Edit, Fix, Spot
from newslint.markers import hookimpl
from newslint.rule import CorpusRule, Rule
from newslint.spans import Location, Span
from newslint.story import Story, StoryDocument

__version__ = "0.1.0"

__all__ = [
    "Analysis",
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
    "hookimpl",
]
