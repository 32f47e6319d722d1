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
from newslint.findings import Finding, Related, Severity, Violation
from newslint.rule import Rule
from newslint.spans import Location
from newslint.story import Story
from newslint.suppressions import Suppression

if TYPE_CHECKING:
    from newslint.analysis.stories import StoryFeatures

__all__ = [
    "DocumentResult",
    "InvalidViolation",
    "RunResult",
    "described",
    "finding",
    "gc_paused",
    "notice",
    "rule_error",
    "suppression_ok",
    "timed_out",
    "well_formed",
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
    #: Whether the file was read into a document. One that was not (unreadable,
    #: binary, too large, its reader failed) is no article of any story.
    read: bool = True
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


class InvalidViolation(Exception):
    """A rule yielded something that is not a well-formed violation (the message says what)."""


def finding(rule: Rule, severity: Severity, v: Violation) -> Finding:
    """The finding a rule's violation becomes, with the rule's configured severity.

    :raises InvalidViolation: ``v`` is not a well-formed Violation (a plugin's
        mistake: a line number that is a string, a message that is None).
    """
    problem = _violation_problem(v)
    if problem:
        raise InvalidViolation(problem)
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


def _violation_problem(v: object) -> str:
    """What is wrong with a rule's violation ("" when nothing is)."""
    if not isinstance(v, Violation):
        return f"yielded {_shown(v)}, not a Violation"
    problem = _location_problem(v.location)
    if problem:
        return f"yielded a violation whose {problem}"
    if not isinstance(v.message, str):
        return f"yielded a violation whose message is {_shown(v.message)}, not a string"
    if not isinstance(v.text, str):
        return f"yielded a violation whose text is {_shown(v.text)}, not a string"
    if not isinstance(v.related, (tuple, list)):
        return f"yielded a violation whose related places are {_shown(v.related)}, not a tuple"
    for r in v.related:
        if not isinstance(r, Related):
            return f"yielded a violation with a related place {_shown(r)}, not a Related"
        problem = _location_problem(r.location) or (
            "" if isinstance(r.message, str) else f"message is {_shown(r.message)}, not a string"
        )
        if problem:
            return f"yielded a violation with a related place whose {problem}"
    return ""


def _location_problem(loc: object) -> str:
    if not isinstance(loc, Location):
        return f"location is {_shown(loc)}, not a Location"
    if not isinstance(loc.path, str):
        return f"path is {_shown(loc.path)}, not a string"
    for name in ("line", "column", "end_line", "end_column"):
        value = getattr(loc, name)
        if type(value) is not int or value < 1:
            return f"{name.replace('_', ' ')} is {_shown(value)}, not a whole number from 1"
    if (loc.end_line, loc.end_column) < (loc.line, loc.column):
        return f"end ({loc.end_line}:{loc.end_column}) comes before its start ({loc.line}:{loc.column})"
    return ""


def _shown(value: object) -> str:
    """A value in a message: its type, and its repr cut short."""
    try:
        text = repr(value)
    except Exception:
        text = "?"
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}" if value is not None else "None"


def notice(rule: type[Rule], path: str, message: str, line: int = 1, column: int = 1) -> Finding:
    """One of newslint's own findings about a file (NL0xx), one character wide."""
    return Finding(path, line, column, line, column + 1, rule.code, rule.name, rule.severity, message)


def rule_error(rule: Rule, plugin: str, path: str, exc: BaseException) -> Finding:
    """NL004: a rule raised on this file (or on the story it starts), or yielded
    something that is not a violation."""
    if isinstance(exc, InvalidViolation):
        return notice(RuleError, path, f"rule {rule.code} ({rule.name}) of plugin {plugin!r} {exc}")
    return notice(
        RuleError, path, f"rule {rule.code} ({rule.name}) of plugin {plugin!r} raised {described(exc)}"
    )


def described(exc: BaseException) -> str:
    """An exception as a message shows it: ``KeyError: 'x'``, or its type alone."""
    try:
        text = str(exc)
    except Exception:
        text = ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def timed_out(rule: Rule, seconds: float | None, path: str, where: str = "") -> Finding:
    """NL006: a rule ran past the time limit on this file (or on the ``where="story"`` it starts)."""
    limit = f"within {seconds:g} s" if seconds else "in time"
    on = f" on this {where}" if where else ""
    return notice(StepTimedOut, path, f"rule {rule.code} ({rule.name}) did not finish {limit}{on}; skipped")


def well_formed(result: object) -> bool:
    """Whether a result read from the cache holds what a fresh one would: findings,
    facts by kind, metadata, suppressions and grouping features of the right types (an entry
    that does not is a miss, never a crash later in the run)."""
    if type(result) is not DocumentResult or result.document is not None or result.read is not True:
        return False
    if not (
        type(result.path) is str
        and type(result.findings) is list
        and type(result.facts) is dict
        and type(result.metadata) is dict
        and type(result.suppressions) is list
    ):
        return False
    for f in result.findings:
        if type(f) is not Finding or not (
            type(f.code) is str
            and type(f.rule) is str
            and type(f.severity) is Severity
            and type(f.text) is str
            and not _violation_problem(Violation(f.location, f.message, f.related))
            and type(f.related) is tuple
        ):
            return False
    if not all(type(k) is str and type(v) is list for k, v in result.facts.items()):
        return False
    if not all(type(k) is str for k in result.metadata):
        return False
    features = result.story_features
    if features is not None and type(features).__module__ != "newslint.analysis.stories":
        return False
    return all(suppression_ok(s) for s in result.suppressions)


def suppression_ok(s: object) -> bool:
    """Whether ``s`` is a Suppression with fields of the right types."""
    return (
        isinstance(s, Suppression)
        and isinstance(s.code, str)
        and isinstance(s.directive, str)
        and all(type(n) is int for n in (s.first, s.last, s.line, s.column))
    )


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
