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

A corpus rule is given stories, ``{file name: text}``, that must pass or must
be flagged (with the file of each finding)::

    RuleTester(NameSpellingAcrossStory).run_story(
        valid=[{"a.txt": "Ana Ruiz said so.", "b.txt": "Ana Ruiz agreed."}],
        invalid=[StoryCase({"a.txt": "Ana Ruiz said so.", "b.txt": "Ana Ruis agreed.",
                            "c.txt": "Ana Ruiz left."}, [at(1, 1, "Ana Ruis", file="b.txt")])],
    )

Examples can also live in files, one folder per rule (``run_fixtures``): files
or story folders named ``flagged…`` must be flagged, ``traps…`` must not, and
``expected.txt`` holds the findings the folder must produce, one per line, as
``newslint`` prints them. ``NEWSLINT_UPDATE_FIXTURES=1`` rewrites it after a
deliberate change (read the diff before committing it).

Documents are made by the real readers and findings by the real engine, so
lines and columns are those of the example's source, front matter and markup
included. Options may be given to the tester (``RuleTester(rule, {"min_words": 6})``)
or to a single example (``Invalid(..., options={...})``).

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
from typing import TYPE_CHECKING, Any

from newslint.findings import Finding
from newslint.rule import CorpusRule, Rule

if TYPE_CHECKING:
    from newslint.engine.run import Linter

__all__ = [
    "Expected",
    "Invalid",
    "RuleTester",
    "StoryCase",
    "Valid",
    "at",
    "custom_rule",
    "fixture_report",
    "lint_text",
]

#: Set to 1 to rewrite fixture folders' expected.txt instead of comparing with it.
UPDATE_ENV = "NEWSLINT_UPDATE_FIXTURES"
EXPECTED_FILE = "expected.txt"


@dataclass(frozen=True)
class Expected:
    """A finding an example must produce. ``None`` fields are not checked.

    ``file`` names the article of a story example the finding is in.
    """

    line: int
    column: int
    text: str | None = None
    code: str | None = None
    message: str | None = None  # a substring of the message
    file: str | None = None


def at(
    line: int,
    column: int,
    text: str | None = None,
    *,
    code: str | None = None,
    message: str | None = None,
    file: str | None = None,
) -> Expected:
    """Shorthand for :class:`Expected`."""
    return Expected(line, column, text, code, message, file)


@dataclass(frozen=True)
class Valid:
    """An example that must produce no finding from the rule."""

    text: str
    suffix: str = ".txt"
    note: str = ""
    options: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Invalid:
    """An example that must produce exactly these findings from the rule."""

    text: str
    expected: Sequence[Expected] = field(default_factory=list)
    suffix: str = ".txt"
    note: str = ""
    options: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class StoryCase:
    """A story example for a corpus rule: ``{file name: text}`` and the findings it must produce."""

    articles: Mapping[str, str]
    expected: Sequence[Expected] = field(default_factory=list)
    note: str = ""
    options: Mapping[str, Any] | None = None


def _flagged(source: str, f: Finding) -> str:
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if f.line == f.end_line:
        return lines[f.line - 1][f.column - 1 : f.end_column - 1]
    first = lines[f.line - 1][f.column - 1 :]
    middle = lines[f.line : f.end_line - 1]
    last = lines[f.end_line - 1][: f.end_column - 1]
    return "\n".join([first, *middle, last])


def _linter(rules: Sequence[Rule], story_by: str = "run") -> Linter:
    # Imported when a test runs, not when pytest loads this module as a plugin.
    from newslint.config import Config, RuleSet
    from newslint.engine.run import Linter
    from newslint.plugins import load_plugins

    plugins = load_plugins(entry_points=False)
    ruleset = RuleSet(list(rules), {r.code: r.severity for r in rules}, {r.code for r in rules})
    return Linter(plugins, ruleset, Config(story_by=story_by))


def _read(linter: Linter, name: str, text: str) -> Any:
    readers = linter.plugins.readers
    return readers.get(Path(name).suffix.lower(), readers[".txt"]).read(name, text)


def lint_text(rule: Rule, text: str, suffix: str = ".txt", path: str | None = None) -> list[Finding]:
    """The findings of one rule on one text, read as a file with ``suffix``."""
    linter = _linter([rule])
    document = _read(linter, path or f"example{suffix}", text)
    return sorted(f for f in linter.check_document(document).findings if f.code == rule.code)


def lint_story(rule: Rule, articles: Mapping[str, str]) -> list[Finding]:
    """The findings of one rule on one story, ``{file name: text}`` (document and story pass)."""
    linter = _linter([rule])
    results = [linter.check_document(_read(linter, name, text)) for name, text in articles.items()]
    findings = [f for r in results for f in r.findings] + linter.corpus_pass(results)
    return sorted(f for f in findings if f.code == rule.code)


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
        self.rule_class = rule
        self.options = dict(options or {})
        self.rule = rule(self.options)

    def _with(self, options: Mapping[str, Any] | None) -> Rule:
        return self.rule if not options else self.rule_class({**self.options, **options})

    def findings(
        self, text: str, suffix: str = ".txt", options: Mapping[str, Any] | None = None
    ) -> list[Finding]:
        return lint_text(self._with(options), text, suffix)

    def run(self, valid: Sequence[str | Valid] = (), invalid: Sequence[Invalid] = ()) -> None:
        failures: list[str] = []
        for example in valid:
            ex = example if isinstance(example, Valid) else Valid(example)
            found = self.findings(ex.text, ex.suffix, ex.options)
            if found:
                failures.append(
                    f"valid example was flagged{_note(ex.note)}:\n"
                    f"    {ex.text!r}\n" + "".join(f"    -> {_describe(ex.text, f)}\n" for f in found)
                )
        for bad in invalid:
            found = self.findings(bad.text, bad.suffix, bad.options)
            problem = _compare(bad.expected, found, {None: bad.text})
            if problem:
                failures.append(
                    f"invalid example{_note(bad.note)}: {problem}\n"
                    f"    {bad.text!r}\n" + "".join(f"    -> {_describe(bad.text, f)}\n" for f in found)
                )
        assert not failures, f"{self.rule.code} {self.rule.name}:\n" + "\n".join(failures)

    def run_story(
        self,
        articles: Mapping[str, str] | None = None,
        *,
        valid: Sequence[Mapping[str, str] | StoryCase] = (),
        invalid: Sequence[StoryCase] = (),
    ) -> list[Finding]:
        """Run a corpus rule over stories: each ``valid`` one must pass, each ``invalid`` one
        must produce exactly its expected findings. Given ``articles`` alone, returns its findings."""
        assert isinstance(self.rule, CorpusRule), f"{self.rule.code} is not a corpus rule"
        if articles is not None:
            return lint_story(self.rule, articles)
        failures: list[str] = []
        for example in valid:
            case = example if isinstance(example, StoryCase) else StoryCase(example)
            found = lint_story(self._with(case.options), case.articles)
            if found:
                failures.append(
                    f"valid story was flagged{_note(case.note)}:\n"
                    + "".join(f"    -> {f.path}:{_describe(case.articles[f.path], f)}\n" for f in found)
                )
        for case in invalid:
            found = lint_story(self._with(case.options), case.articles)
            problem = _compare(case.expected, found, {**case.articles})
            if problem:
                failures.append(
                    f"invalid story{_note(case.note)}: {problem}\n"
                    + "".join(f"    -> {f.path}:{_describe(case.articles[f.path], f)}\n" for f in found)
                )
        assert not failures, f"{self.rule.code} {self.rule.name}:\n" + "\n".join(failures)
        return []

    def run_fixtures(self, folder: str | os.PathLike[str]) -> None:
        """Check a fixture folder: ``flagged…`` files (or story folders) are flagged,
        ``traps…`` are not, and the findings are those of ``expected.txt``."""
        root = Path(folder)
        report, by_case = fixture_report(self.rule, root)
        problems = []
        for case, count in sorted(by_case.items()):
            if case.startswith("flagged") and not count:
                problems.append(f"{case}: nothing was flagged")
            if case.startswith("traps") and count:
                problems.append(f"{case}: {count} finding(s) in a trap")
        expected_path = root / EXPECTED_FILE
        if os.environ.get(UPDATE_ENV) == "1":
            expected_path.write_text(report, encoding="utf-8")
        expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else ""
        if report != expected:
            problems.append(_diff(expected, report, str(expected_path)))
        assert not problems, f"{self.rule.code} {self.rule.name} ({root.name}):\n" + "\n".join(problems)


def fixture_report(rule: Rule, root: Path) -> tuple[str, dict[str, int]]:
    """The findings of ``rule`` on a fixture folder, one line each (paths relative to it),
    and how many findings each case (top-level file or story folder) has."""
    linter = _linter([rule], story_by="folder")
    readers = linter.plugins.readers
    cases: dict[str, int] = {}
    results = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in readers or path.name == EXPECTED_FILE:
            continue
        name = path.relative_to(root).as_posix()
        cases.setdefault(name.split("/", 1)[0], 0)
        results.append(linter.check_document(_read(linter, name, path.read_text(encoding="utf-8"))))
    findings = [f for r in results for f in r.findings]
    if isinstance(rule, CorpusRule):
        findings += linter.corpus_pass(results)
    lines = []
    for f in sorted(x for x in findings if x.code == rule.code):
        cases[f.path.split("/", 1)[0]] += 1
        lines.append(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}\n")
        lines += [
            f"    = {r.location.path}:{r.location.line}:{r.location.column}: {r.message}\n" for r in f.related
        ]
    return "".join(lines), cases


def _note(note: str) -> str:
    return f" ({note})" if note else ""


def _diff(expected: str, got: str, name: str) -> str:
    import difflib

    diff = difflib.unified_diff(
        expected.splitlines(keepends=True), got.splitlines(keepends=True), name, "findings now"
    )
    return f"the findings differ from {name} (set {UPDATE_ENV}=1 to accept them):\n" + "".join(diff)


def _describe(source: str, f: Finding) -> str:
    return f"{f.line}:{f.column} {f.code} {_flagged(source, f)!r}: {f.message}"


def _compare(expected: Sequence[Expected], found: list[Finding], sources: Mapping[Any, str]) -> str:
    if len(found) != len(expected):
        return f"expected {len(expected)} finding(s), got {len(found)}"
    ordered = sorted(expected, key=lambda e: (e.file or "", e.line, e.column))
    for exp, f in zip(ordered, sorted(found, key=lambda f: (f.path, f.line, f.column)), strict=True):
        if exp.file is not None and f.path != exp.file:
            return f"expected a finding in {exp.file}, got one in {f.path}"
        if (f.line, f.column) != (exp.line, exp.column):
            return f"expected a finding at {exp.line}:{exp.column}, got {f.line}:{f.column}"
        source = sources.get(f.path, sources.get(None, ""))
        if exp.text is not None and _flagged(source, f) != exp.text:
            return f"expected the span {exp.text!r}, got {_flagged(source, f)!r}"
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
