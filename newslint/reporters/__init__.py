"""Reporters render findings: one per ``--format`` name, contributed through a hook.

Every reporter has ``render(findings, documents, stream)``. A reporter that
shows more of the run (the stories the story rules compared, each rule's
explanation) also defines ``render_report(report, stream)``: the engine then
calls it instead, with a :class:`Report`. Reporters written before it keep
working unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from newslint.document import Document
from newslint.findings import Finding
from newslint.rule import Rule
from newslint.story import Story

__all__ = ["Report", "Reporter", "render"]


class Reporter(Protocol):
    """What a reporter plugin provides.

    Optional, read with ``getattr``: ``needs_stories`` (true: group the
    documents into stories even when no story rule runs) and
    ``render_report(report, stream)`` (called instead of ``render``).
    """

    #: The ``--format`` value that selects it.
    name: str
    #: One line for ``--help``.
    description: str
    #: True when it shows the articles (source or prose), so the engine keeps each document.
    needs_source: bool

    def render(self, findings: Sequence[Finding], documents: Mapping[str, Document], stream: TextIO) -> None:
        """Write every finding (already sorted) to the stream."""
        ...


@dataclass(frozen=True)
class Report:
    """What a run hands a reporter's ``render_report``.

    :param findings: every finding to report, sorted by path, line and column.
    :param documents: path -> Document (source, prose and the map between
        them), for the reporters that set ``needs_source``; else empty.
    :param stories: the engine's stories (:class:`newslint.Story`: ``id``,
        ``documents`` with path, outlet, date and title): the articles the
        story rules compared together. Empty when no story rule ran and the
        reporter did not set ``needs_stories``. Take the grouping from here,
        never recompute it: it is configurable and may be found automatically.
    :param rules: code -> rule class of every rule loaded (its ``name``,
        ``summary``, ``severity`` and docstring, the explanation
        ``newslint --explain`` prints).
    :param files: the number of files the run read.
    """

    findings: Sequence[Finding]
    documents: Mapping[str, Document] = field(default_factory=dict)
    stories: Sequence[Story] = ()
    rules: Mapping[str, type[Rule]] = field(default_factory=dict)
    files: int = 0


def render(reporter: Reporter, report: Report, stream: TextIO) -> None:
    """Render a run with the reporter: ``render_report`` when it has one, else ``render``."""
    render_report = getattr(reporter, "render_report", None)
    if callable(render_report):
        render_report(report, stream)
    else:
        reporter.render(report.findings, report.documents, stream)
