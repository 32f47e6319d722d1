"""The hooks a newslint plugin can implement.

A plugin is a module (or object) with functions marked ``@newslint.hookimpl``
and named like the specs below, made known through the ``newslint``
entry-point group::

    [project.entry-points.newslint]
    house-rules = "house_rules"

Plugins *contribute* rules, readers and reporters; the engine calls them, so
selection, severity, suppressions and error isolation are the same for all.
No hook takes an argument: each returns (or yields) what it contributes. A
hook that raises is reported as an NL005 finding naming the plugin, and the
other plugins still load. The walk-through from an empty folder to a
published plugin is docs/writing-a-plugin.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newslint.markers import hookspec

if TYPE_CHECKING:
    from newslint.readers import Reader
    from newslint.reporters import Reporter
    from newslint.rule import Rule

__all__ = ["newslint_readers", "newslint_reporters", "newslint_rules"]


@hookspec
def newslint_rules() -> Iterable[type[Rule]]:
    """Contribute rule classes.

    Return (or yield) subclasses of :class:`newslint.Rule` (one article at a
    time) or :class:`newslint.CorpusRule` (the articles of a story). Codes
    must be unique across all plugins; a duplicate is an error naming both
    plugins. A rule whose metadata is incomplete (code, kebab-case name,
    summary, the four docstring sections) is not loaded: it is reported as
    NL005.

    :returns: an iterable of rule classes.

    Example::

        @hookimpl
        def newslint_rules():
            return [BannedPhrase]
    """


@hookspec
def newslint_readers() -> Iterable[Reader]:
    """Contribute readers that turn files into documents.

    A reader has ``name``, ``suffixes`` (e.g. ``(".xml",)``) and
    ``read(path, source) -> Document``; the source is already decoded. A
    later plugin's reader wins for a suffix it shares with a built-in one.

    :returns: an iterable of reader objects.

    Example::

        @hookimpl
        def newslint_readers():
            return [CmsExportReader()]
    """


@hookspec
def newslint_reporters() -> Iterable[Reporter]:
    """Contribute output formats for ``--format``.

    A reporter has ``name``, ``description`` (one line for ``--help``),
    ``needs_source`` (true when it prints source lines, so the engine keeps
    them) and ``render(findings, documents, stream)``, where findings are
    sorted and ``documents`` maps a path to its Document.

    :returns: an iterable of reporter objects.

    Example::

        @hookimpl
        def newslint_reporters():
            return [CsvReporter()]
    """
