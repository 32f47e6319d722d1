"""newslint: a plugin-based linter for news articles.

The public API for plugin authors::

    from newslint import hookimpl, Rule, CorpusRule, Severity, Document, Analysis, Story, Fix

and for programs that lint (a CMS, an editor; :mod:`newslint.api`)::

    findings = newslint.lint_text(text, path="story.md", config=newslint.Configuration.from_file("rules.yaml"))

Everything not listed in ``__all__`` may change between versions. Writing a
plugin, from an empty folder to a published package: docs/writing-a-plugin.md;
testing one: :mod:`newslint.testing`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newslint.version import __version__

if TYPE_CHECKING:
    from newslint.analysis import Analysis
    from newslint.api import Configuration, fix_text, lint_paths, lint_text
    from newslint.document import Document
    from newslint.findings import Finding, Related, Severity, Violation
    from newslint.fixes import Edit, Fix, Spot
    from newslint.markers import hookimpl
    from newslint.rule import CorpusRule, Rule
    from newslint.spans import Location, Span
    from newslint.story import Story, StoryDocument

# The public names are loaded when first used, not when the package is imported:
# the command starts by importing this package, and an interrupt while the rest
# loads must meet the command's own handler (newslint.launch), not a traceback.
_WHERE = {
    "Analysis": "newslint.analysis",
    "Configuration": "newslint.api",
    "fix_text": "newslint.api",
    "lint_paths": "newslint.api",
    "lint_text": "newslint.api",
    "Document": "newslint.document",
    "Finding": "newslint.findings",
    "Related": "newslint.findings",
    "Severity": "newslint.findings",
    "Violation": "newslint.findings",
    "Edit": "newslint.fixes",
    "Fix": "newslint.fixes",
    "Spot": "newslint.fixes",
    "hookimpl": "newslint.markers",
    "CorpusRule": "newslint.rule",
    "Rule": "newslint.rule",
    "Location": "newslint.spans",
    "Span": "newslint.spans",
    "Story": "newslint.story",
    "StoryDocument": "newslint.story",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'newslint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
