"""The per-document pass: the analysis once, every document rule, every kind of facts once.

Severity, time limits and error isolation are applied here, for every rule of
every plugin alike: a rule that raises or runs past ``--timeout`` on a
document is reported on that document (NL004, NL006) and the other rules
still run.
"""

from __future__ import annotations

from collections.abc import Callable

from newslint.analysis import Analysis
from newslint.config.selection import RuleSet
from newslint.core_rules import InvalidFrontMatter
from newslint.document import Document
from newslint.engine.deadline import StepTimeout, time_limit
from newslint.engine.results import DocumentResult, finding, notice, rule_error, timed_out
from newslint.findings import Finding
from newslint.rule import CorpusRule, Rule

__all__ = ["DocumentPass"]


class DocumentPass:
    """Runs a rule set's document rules and fact collectors over one document at a time.

    :param plugin_of: the plugin that contributed a rule, by code (named in NL004).
    :param timeout: seconds each rule may spend on one document; None: no limit.
    :param stories: read each document's grouping features too (for stories found from the text).
    """

    def __init__(
        self,
        ruleset: RuleSet,
        plugin_of: Callable[[str], str],
        timeout: float | None = None,
        stories: bool = False,
    ) -> None:
        self.ruleset = ruleset
        self.plugin_of = plugin_of
        self.timeout = timeout
        self.stories = stories
        self.rules = [r for r in ruleset.rules if not isinstance(r, CorpusRule)]
        #: One collecting rule per kind of fact: rules reading one kind share its collection.
        self.collectors: dict[str, CorpusRule] = {}
        for rule in ruleset.rules:
            if isinstance(rule, CorpusRule):
                self.collectors.setdefault(rule.kind(), rule)

    def check(self, document: Document, keep_document: bool = False) -> DocumentResult:
        """Every document rule's findings and every kind of facts, for one document.

        ``keep_document``: keep the document in the result, for reporters
        that show its source or its prose.
        """
        result = DocumentResult(
            document.path, metadata=dict(document.metadata), suppressions=list(document.suppressions)
        )
        for offset, message in document.problems:
            line, column = document.line_col(offset)
            result.findings.append(notice(InvalidFrontMatter, document.path, message, line, column))
        analysis = Analysis(document)
        for rule in self.rules:
            severity = self.ruleset.severity_of(rule.code, rule.severity)
            try:
                with time_limit(self.timeout):
                    for v in rule.check(document, analysis):
                        result.findings.append(finding(rule, severity, v))
            except StepTimeout:
                result.findings.append(timed_out(rule, self.timeout, document.path))
            except Exception as exc:
                result.findings.append(self._failed(rule, document.path, exc))
        for kind, collector in self.collectors.items():
            try:
                with time_limit(self.timeout):
                    result.facts[kind] = list(collector.collect(document, analysis))
            except StepTimeout:
                result.findings.append(timed_out(collector, self.timeout, document.path))
            except Exception as exc:
                result.findings.append(self._failed(collector, document.path, exc))
        if self.stories:
            from newslint.analysis.stories import story_features

            # Read from the text and the headline only: the path, the outlet,
            # the date and the story key are the engine's to give at reduce time.
            title = document.metadata.get("title")
            result.story_features = story_features(document.text, str(title) if title else "")
        if keep_document:
            result.document = document
        return result

    def _failed(self, rule: Rule, path: str, exc: BaseException) -> Finding:
        return rule_error(rule, self.plugin_of(rule.code), path, exc)
