"""The per-document pass: the analysis once, every document rule, every kind of facts once.

Severity, time limits, validation and error isolation are applied here, for
every rule of every plugin alike: a rule that raises (anything short of
Ctrl-C, ``sys.exit()`` included), yields something that is not a
well-formed violation, or runs past ``--timeout`` on a document is reported
on that document (NL004, NL006), none of its findings there are kept, and
the other rules still run. A rule's findings on a document are all or
nothing: partial findings would read as a complete check.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

from newslint.analysis import Analysis
from newslint.config.selection import RuleSet
from newslint.core_rules import InvalidFrontMatter, RuleError, StepTimedOut
from newslint.document import Document
from newslint.engine.deadline import StepTimeout, time_limit
from newslint.engine.results import DocumentResult, finding, notice, rule_error, timed_out
from newslint.findings import Finding
from newslint.rule import CorpusRule, Rule

__all__ = ["MAX_TIMEOUTS", "DocumentPass"]

#: Once this many steps have run out of time on one file, the rest are not run
#: on it: a file whose analysis is that slow would keep every rule waiting.
MAX_TIMEOUTS = 2


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
        #: The steps, numbered from 1 (0 is the reader): the document rules, then one
        #: collector per kind of facts.
        self.steps: list[Rule] = [*self.rules, *self.collectors.values()]

    def step_name(self, step: int) -> str:
        """What runs in a step (from 1), for messages: ``rule NL201 (anonymous-source)``."""
        if not 1 <= step <= len(self.steps):
            return ""
        rule = self.steps[step - 1]
        return f"rule {rule.code} ({rule.name})"

    def check(
        self, document: Document, keep_document: bool = False, skip: frozenset[int] = frozenset()
    ) -> DocumentResult:
        """Every document rule's findings and every kind of facts, for one document.

        ``keep_document``: keep the document in the result, for reporters
        that show its source or its prose. ``skip``: steps not to run, each
        reported as timed out (it was stopped from outside on an earlier try).
        """
        path = document.path
        result = DocumentResult(
            path, metadata=dict(document.metadata), suppressions=list(document.suppressions)
        )
        for offset, message in document.problems:
            line, column = document.line_col(offset)
            result.findings.append(notice(InvalidFrontMatter, path, message, line, column))
        analysis = Analysis(document)
        timeouts = 0
        for step, rule in enumerate(self.steps, start=1):
            if timeouts >= MAX_TIMEOUTS:
                left = ", ".join(r.code for r in self.steps[step - 1 :])
                message = f"rules {left} not run: {timeouts} rules ran out of time on this file"
                result.findings.append(notice(StepTimedOut, path, message))
                break
            if step in skip:
                result.findings.append(timed_out(rule, self.timeout, path))
                timeouts += 1
                continue
            collecting = step > len(self.rules)
            try:
                with time_limit(self.timeout, step):
                    if collecting:
                        facts: list[Any] = list(rule.collect(document, analysis))  # type: ignore[attr-defined]
                    else:
                        severity = self.ruleset.severity_of(rule.code, rule.severity)
                        found = [finding(rule, severity, v) for v in rule.check(document, analysis)]
            except StepTimeout:
                result.findings.append(timed_out(rule, self.timeout, path))
                timeouts += 1
                continue
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # sys.exit() in a rule is a failing rule, not the end of the run
                result.findings.append(self._failed(rule, path, exc))
                continue
            if collecting:
                result.facts[rule.kind()] = facts  # type: ignore[attr-defined]
            else:
                result.findings.extend(found)
        if self.stories:
            from newslint.analysis.stories import story_features

            # Read from the text and the headline only: the path, the outlet,
            # the date and the story key are the engine's to give at reduce time.
            title = document.metadata.get("title")
            result.story_features = story_features(document.text, str(title) if title else "")
        if keep_document:
            result.document = document
        return result

    def sendable(self, result: DocumentResult) -> DocumentResult:
        """The result without the facts that cannot be pickled, each kind reported (NL004)
        at the document, so that the result can leave the worker process that made it
        and the other facts and findings are kept."""
        for kind, facts in list(result.facts.items()):
            try:
                pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                del result.facts[kind]
                rule = self.collectors[kind]
                message = (
                    f"rule {rule.code} ({rule.name}) of plugin {self.plugin_of(rule.code)!r} collected "
                    f"facts that cannot be pickled ({type(exc).__name__}: {exc}); they are not used"
                )
                result.findings.append(notice(RuleError, result.path, message))
        return result

    def _failed(self, rule: Rule, path: str, exc: BaseException) -> Finding:
        return rule_error(rule, self.plugin_of(rule.code), path, exc)
