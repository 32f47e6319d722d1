"""Testing helpers for rule authors: the same ones newslint's own rules use.

Give a rule examples that must pass (``valid``) and examples that must be
flagged (``invalid``, with where), in any file format a reader knows::

    from newslint.testing import Invalid, RuleTester, at

    def test_anonymous_source():
        RuleTester(AnonymousSource).run(
            valid=["Police said the road was closed."],
            invalid=[
                Invalid("An unnamed official said so.", [at(1, 1, "An unnamed official")]),
                Invalid("---\\ntitle: x\\n---\\nAn unnamed official said so.\\n",
                        [at(4, 1)], suffix=".md"),
            ],
        )

Documents are made by the real readers and findings by the real runner, so
lines and columns are those of the example's source, front matter and markup
included. Corpus rules are run over a story with :meth:`RuleTester.run_story`.

Installed with newslint, this module is also a pytest plugin (entry point
``pytest11``): the fixture ``newslint_rule_tester`` is :class:`RuleTester`, so
a plugin's tests need no import but their rule's::

    def test_loaded_label(newslint_rule_tester):
        newslint_rule_tester(LoadedLabel).run(valid=[...], invalid=[...])
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.findings import Finding
from newslint.rule import CorpusRule, Rule

__all__ = ["Expected", "Invalid", "RuleTester", "Valid", "at", "custom_rule", "lint_text"]


@dataclass(frozen=True)
class Expected:
    """A finding an example must produce. ``None`` fields are not checked."""

    line: int
    column: int
    text: str | None = None
    code: str | None = None
    message: str | None = None  # a substring of the message


def at(
    line: int, column: int, text: str | None = None, *, code: str | None = None, message: str | None = None
) -> Expected:
    """Shorthand for :class:`Expected`."""
    return Expected(line, column, text, code, message)


@dataclass(frozen=True)
class Valid:
    """An example that must produce no finding from the rule."""

    text: str
    suffix: str = ".txt"
    note: str = ""


@dataclass(frozen=True)
class Invalid:
    """An example that must produce exactly these findings from the rule."""

    text: str
    expected: Sequence[Expected] = field(default_factory=list)
    suffix: str = ".txt"
    note: str = ""


def _flagged(source: str, f: Finding) -> str:
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if f.line == f.end_line:
        return lines[f.line - 1][f.column - 1 : f.end_column - 1]
    first = lines[f.line - 1][f.column - 1 :]
    middle = lines[f.line : f.end_line - 1]
    last = lines[f.end_line - 1][: f.end_column - 1]
    return "\n".join([first, *middle, last])


def _linter(rules: Sequence[Rule]):
    # Imported when a test runs, not when pytest loads this module as a plugin.
    from newslint.config import Config
    from newslint.plugins import load_plugins
    from newslint.runner import Linter, RuleSet

    plugins = load_plugins(entry_points=False)
    ruleset = RuleSet(list(rules), {r.code: r.severity for r in rules}, {r.code for r in rules})
    return Linter(plugins, ruleset, Config())


def lint_text(rule: Rule, text: str, suffix: str = ".txt", path: str | None = None) -> list[Finding]:
    """The findings of one rule on one text, read as a file with ``suffix``."""
    linter = _linter([rule])
    reader = linter.plugins.readers.get(suffix.lower(), linter.plugins.readers[".txt"])
    document = reader.read(path or f"example{suffix}", text)
    return sorted(f for f in linter.check_document(document).findings if f.code == rule.code)


def custom_rule(code: str, config: str | os.PathLike[str] = "rules.yaml") -> type[Rule]:
    """The declarative rule ``code`` of a rules.yaml's ``custom-rules:``, to test
    like any other: ``RuleTester(custom_rule("HR101")).run(...)``."""
    from newslint.config import load_config
    from newslint.declarative import build_custom_rules

    for rule in build_custom_rules(load_config(config)):
        if rule.code == code:
            return rule
    raise LookupError(f"{config} has no custom rule {code}")


class RuleTester:
    """Checks a rule against valid and invalid examples, with a readable failure."""

    def __init__(self, rule: type[Rule], options: Mapping[str, Any] | None = None) -> None:
        problems = rule.metadata_problems()
        assert not problems, f"{rule.__name__}: " + "; ".join(problems)
        self.rule = rule(options)

    def findings(self, text: str, suffix: str = ".txt") -> list[Finding]:
        return lint_text(self.rule, text, suffix)

    def run(self, valid: Sequence[str | Valid] = (), invalid: Sequence[Invalid] = ()) -> None:
        failures: list[str] = []
        for example in valid:
            ex = example if isinstance(example, Valid) else Valid(example)
            found = self.findings(ex.text, ex.suffix)
            if found:
                failures.append(
                    f"valid example was flagged{' (' + ex.note + ')' if ex.note else ''}:\n"
                    f"    {ex.text!r}\n" + "".join(f"    -> {_describe(ex.text, f)}\n" for f in found)
                )
        for ex in invalid:
            found = self.findings(ex.text, ex.suffix)
            problem = _compare(ex, found)
            if problem:
                failures.append(
                    f"invalid example{' (' + ex.note + ')' if ex.note else ''}: {problem}\n"
                    f"    {ex.text!r}\n" + "".join(f"    -> {_describe(ex.text, f)}\n" for f in found)
                )
        assert not failures, f"{self.rule.code} {self.rule.name}:\n" + "\n".join(failures)

    def run_story(self, articles: Mapping[str, str]) -> list[Finding]:
        """Run a corpus rule over a story: ``{file name: text}``; returns its findings."""
        assert isinstance(self.rule, CorpusRule), f"{self.rule.code} is not a corpus rule"
        linter = _linter([self.rule])
        results = []
        for name, text in articles.items():
            reader = linter.plugins.readers.get(Path(name).suffix.lower(), linter.plugins.readers[".txt"])
            results.append(linter.check_document(reader.read(name, text)))
        findings = [f for r in results for f in r.findings] + linter.corpus_pass(results)
        return sorted(f for f in findings if f.code == self.rule.code)


def _describe(source: str, f: Finding) -> str:
    return f"{f.line}:{f.column} {f.code} {_flagged(source, f)!r}: {f.message}"


def _compare(example: Invalid, found: list[Finding]) -> str:
    if len(found) != len(example.expected):
        return f"expected {len(example.expected)} finding(s), got {len(found)}"
    for exp, f in zip(sorted(example.expected, key=lambda e: (e.line, e.column)), found, strict=True):
        if (f.line, f.column) != (exp.line, exp.column):
            return f"expected a finding at {exp.line}:{exp.column}, got {f.line}:{f.column}"
        if exp.text is not None and _flagged(example.text, f) != exp.text:
            return f"expected the span {exp.text!r}, got {_flagged(example.text, f)!r}"
        if exp.code is not None and f.code != exp.code:
            return f"expected code {exp.code}, got {f.code}"
        if exp.message is not None and exp.message not in f.message:
            return f"expected {exp.message!r} in the message {f.message!r}"
    return ""


try:  # newslint.testing works without pytest; the fixture needs it.
    import pytest
except ImportError:  # pragma: no cover
    pytest = None  # type: ignore[assignment]

if pytest is not None:

    @pytest.fixture
    def newslint_rule_tester() -> type[RuleTester]:
        """:class:`RuleTester`, for ``newslint_rule_tester(MyRule).run(valid=..., invalid=...)``."""
        return RuleTester
