"""What the engine yields: each file's result, the findings in it, and the whole run's result.

Every result knows the file it belongs to (``DocumentResult.path``), and so
does every finding, including newslint's own notices (NL0xx): a file that
could not be read, a rule that raised or ran out of time on it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newslint.core_rules import RuleError, StepTimedOut
from newslint.document import Document
from newslint.findings import Finding, Severity, Violation
from newslint.rule import Rule
from newslint.story import Story
from newslint.suppressions import Suppression

if TYPE_CHECKING:
    from newslint.analysis.stories import StoryFeatures

__all__ = [
    "DocumentResult",
    "RunResult",
    "finding",
    "gc_paused",
    "notice",
    "rule_error",
    "timed_out",
]

#: Findings that say a check did not complete (a rule that raised, a time limit).
INCOMPLETE = frozenset({RuleError.code, StepTimedOut.code})


@dataclass
class DocumentResult:
    """What the per-document pass yields for one file."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    #: fact kind -> facts for corpus rules.
    facts: dict[str, list[Any]] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    #: The document (source, prose and the map between them), kept for reporters that show the text.
    document: Document | None = None
    #: Suppression ranges (code or "*", first line, last line).
    suppressions: list[Suppression] = field(default_factory=list)
    #: What the story grouping reads of the text (when the run groups by text).
    story_features: StoryFeatures | None = None

    @property
    def complete(self) -> bool:
        """Whether every step ran to its end on this file (no rule raised or timed out).

        A result that is not complete is never cached: the next run tries again.
        """
        return not any(f.code in INCOMPLETE for f in self.findings)


@dataclass
class RunResult:
    """A whole run: the findings to report, sorted, and what the summary line counts."""

    findings: list[Finding]
    documents: dict[str, Document]
    files: int
    missing: list[str]
    #: Findings dropped by suppressions.
    suppressed: list[Finding] = field(default_factory=list)
    #: The stories the corpus rules compared (the documents' grouping), when
    #: corpus rules ran or the stories were asked for; else empty.
    stories: list[Story] = field(default_factory=list)
    #: The path of every file linted, as findings give it.
    linted: list[str] = field(default_factory=list)


def finding(rule: Rule, severity: Severity, v: Violation) -> Finding:
    """The finding a rule's violation becomes, with the rule's configured severity."""
    loc = v.location
    return Finding(
        loc.path,
        loc.line,
        loc.column,
        loc.end_line,
        loc.end_column,
        rule.code,
        rule.name,
        severity,
        v.message,
        v.related,
        v.text,
        v.fix if rule.fixable else None,
    )


def notice(rule: type[Rule], path: str, message: str, line: int = 1, column: int = 1) -> Finding:
    """One of newslint's own findings about a file (NL0xx), one character wide."""
    return Finding(path, line, column, line, column + 1, rule.code, rule.name, rule.severity, message)


def rule_error(rule: Rule, plugin: str, path: str, exc: BaseException) -> Finding:
    """NL004: a rule raised on this file (or on the story it starts)."""
    message = f"rule {rule.code} ({rule.name}) of plugin {plugin!r} raised {type(exc).__name__}: {exc}"
    return notice(RuleError, path, message)


def timed_out(rule: Rule, seconds: float | None, path: str) -> Finding:
    """NL006: a rule ran past the time limit on this file."""
    message = f"rule {rule.code} ({rule.name}) did not finish within {seconds:g} s; skipped"
    return notice(StepTimedOut, path, message)


@contextlib.contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while many long-lived results are built.

    Results (findings, facts) pile up by the hundred thousand and all stay
    alive to the end of the run; every collection would walk them again (a
    third of a warm run's time on 20,000 articles). What is built under the
    pause forms no reference cycles, so pausing frees nothing later than it
    would have been freed. ``freeze``: what is alive at the end is moved out
    of the collector's sight (``gc.freeze``), so later collections do not
    walk it either; reference counting still frees it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        gc.enable()
