"""The runner: find files, read them, run the rules once each, then the story pass.

    files ─read─▶ Document ─document rules─▶ findings + facts ─corpus rules─▶ findings

Selection, severity, suppressions and error isolation happen here, once, for
every rule of every plugin.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from newslint.cache import Cache
from newslint.config import Config, ConfigError, RuleSettings, suggest
from newslint.core_rules import BinaryFile, InvalidFrontMatter, PluginLoadError, RuleError, UnreadableFile
from newslint.document import Document, Location
from newslint.findings import Finding, Severity, Violation
from newslint.plugins import Plugins
from newslint.progress import Progress
from newslint.rule import CorpusRule, Rule
from newslint.textio import BinaryFileError, decode

#: Files up to this size are read whole; larger ones are reported and skipped.
MAX_FILE_BYTES = 64 * 1024 * 1024


# --------------------------------------------------------------------------
# Which rules run, with which severity and options
# --------------------------------------------------------------------------


def _matches(selector: str, rule: type[Rule]) -> bool:
    return selector == "ALL" or rule.code.startswith(selector) or selector == rule.name


def _exact(selector: str, rule: type[Rule]) -> bool:
    return selector in (rule.code, rule.name)


def _check_selectors(
    config: Config, key: str, selectors: Sequence[str], rules: Mapping[str, type[Rule]]
) -> None:
    names = [r.name for r in rules.values()] + list(rules)
    for sel in selectors:
        if sel == "ALL" or any(_matches(sel, r) for r in rules.values()):
            continue
        raise config.error(key, f"{key}: no rule has the code, prefix or name {sel!r}{suggest(sel, names)}")


def _coerce(rule: type[Rule], settings: RuleSettings, config: Config) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for opt, value in settings.options.items():
        mark = settings.option_marks.get("key:" + opt, settings.mark)
        if opt not in rule.options:
            known = list(rule.options) + ["severity", "enabled"]
            raise ConfigError(
                config.path or "rules.yaml",
                mark.line,
                mark.column,
                f"rule {rule.code} ({rule.name}) has no option {opt!r}{suggest(opt, known)}"
                + ("" if rule.options else "; it takes only 'severity' and 'enabled'"),
            )
        default = rule.options[opt]
        vmark = settings.option_marks.get(opt, mark)
        if not _same_type(default, value):
            raise ConfigError(
                config.path or "rules.yaml",
                vmark.line,
                vmark.column,
                f"option {opt!r} of rule {rule.code} must be {_type_name(default)}, not {_type_name(value)}",
            )
        options[opt] = value
    return options


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    if isinstance(default, (list, tuple)):
        return isinstance(value, list)
    return isinstance(value, type(default))


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return "a string"


@dataclass
class RuleSet:
    """The rules that will run, instantiated with their effective options."""

    rules: list[Rule]
    severities: dict[str, Severity]
    enabled_codes: set[str]

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severities.get(code, default)


def build_rules(
    config: Config,
    plugins: Plugins,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
) -> RuleSet:
    """Resolve rules.yaml and the command line into the rules to run.

    ``select`` from the command line replaces rules.yaml's; ``ignore`` adds to
    it. Selecting a prefix (``NL2``) or ``ALL`` turns on the rules that are on
    by default; naming a rule's exact code or name turns it on even if it is
    off by default.
    """
    available = plugins.rules
    by_key: dict[str, type[Rule]] = {}
    for rule in available.values():
        by_key[rule.code] = rule
        by_key[rule.name] = rule
    _check_selectors(config, "select", config.select, available)
    _check_selectors(config, "extend-select", config.extend_select, available)
    _check_selectors(config, "ignore", config.ignore, available)
    for key, sels in (("--select", select or ()), ("--ignore", ignore), ("--extend-select", extend_select)):
        for sel in sels:
            if sel != "ALL" and not any(_matches(sel, r) for r in available.values()):
                names = [r.name for r in available.values()] + list(available)
                raise ConfigError(
                    "<command line>",
                    1,
                    1,
                    f"{key}: no rule has the code, prefix or name {sel!r}{suggest(sel, names)}",
                )

    selectors = list(select) if select else (config.select or ["ALL"])
    selectors += list(config.extend_select) + list(extend_select)
    ignores = list(config.ignore) + list(ignore)

    settings: dict[str, RuleSettings] = {}
    for s in config.rules:
        rule = by_key.get(s.key)
        if rule is None:
            choices = list(by_key)
            raise ConfigError(
                config.path or "rules.yaml",
                s.mark.line,
                s.mark.column,
                f"unknown rule {s.key!r}{suggest(s.key, choices)}",
            )
        settings[rule.code] = s

    chosen: list[Rule] = []
    severities: dict[str, Severity] = {}
    enabled: set[str] = set()
    for code in sorted(available):
        rule = available[code]
        s = settings.get(code)
        on = any(_exact(sel, rule) or (_matches(sel, rule) and rule.enabled_by_default) for sel in selectors)
        if s is not None and s.enabled is not None:
            on = s.enabled
        if any(_matches(sel, rule) for sel in ignores):
            on = False
        if not on:
            continue
        options = _coerce(rule, s, config) if s is not None else {}
        severities[code] = s.severity if s is not None and s.severity else rule.severity
        enabled.add(code)
        chosen.append(rule(options))
    return RuleSet(chosen, severities, enabled)


# --------------------------------------------------------------------------
# Finding the files
# --------------------------------------------------------------------------


@dataclass
class Target:
    path: Path
    display: str
    explicit: bool


def _glob_match(rel: str, patterns: Sequence[str]) -> bool:
    parts = PurePath(rel).parts
    for pattern in patterns:
        pat = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(rel, pat + "/*"):
            return True
        # A bare name ("drafts", "*.tmp") matches any path component.
        if "/" not in pat and any(fnmatch.fnmatch(p, pat) for p in parts):
            return True
    return False


def discover(
    paths: Sequence[str], suffixes: Iterable[str], exclude: Sequence[str], root: Path
) -> tuple[list[Target], list[str]]:
    """The files to lint, and the paths that do not exist.

    Directories are walked recursively, skipping hidden folders, excluded
    globs (relative to ``root``, where rules.yaml is) and files no reader
    knows. A file named explicitly is always read.
    """
    wanted = {s.lower() for s in suffixes}
    targets: list[Target] = []
    missing: list[str] = []
    seen: set[str] = set()  # real paths

    def rel_of(p: Path, real: Path | None = None) -> str:
        try:
            return (real or p.resolve()).relative_to(root).as_posix()
        except ValueError:
            return p.as_posix()

    for given in paths:
        p = Path(given)
        if p.is_file() or (p.exists() and not p.is_dir()):
            key = str(p.resolve())
            if key not in seen:
                seen.add(key)
                targets.append(Target(p, given, True))
            continue
        if not p.is_dir():
            missing.append(given)
            continue
        visited: set[tuple[int, int]] = set()
        for dirpath, dirnames, filenames in os.walk(p, followlinks=True):
            st = os.stat(dirpath)
            if (st.st_dev, st.st_ino) in visited:  # a symlink loop
                dirnames[:] = []
                continue
            visited.add((st.st_dev, st.st_ino))
            dirnames[:] = sorted(
                d
                for d in dirnames
                if not d.startswith(".")
                and d not in ("__pycache__", "node_modules")
                and not _glob_match(rel_of(Path(dirpath, d)), exclude)
            )
            # Resolved once per folder, not per file: Path.resolve() costs a
            # system call per path component (seconds on a 20,000-file archive).
            real_dir = os.path.realpath(dirpath)
            for name in sorted(filenames):
                if name.startswith(".") or os.path.splitext(name)[1].lower() not in wanted:
                    continue
                fp = Path(dirpath, name)
                real = os.path.join(real_dir, name)
                key = os.path.realpath(real) if os.path.islink(real) else real
                if exclude and _glob_match(rel_of(fp, Path(key)), exclude):
                    continue
                if key in seen:
                    continue
                seen.add(key)
                display = fp.as_posix() if given not in (".", "./") else fp.relative_to(".").as_posix()
                targets.append(Target(fp, display, False))
    return targets, missing


# --------------------------------------------------------------------------
# The per-document pass
# --------------------------------------------------------------------------


@dataclass
class DocumentResult:
    """What the per-document pass yields for one file."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    #: rule code -> facts for corpus rules.
    facts: dict[str, list[Any]] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    #: The document, kept for reporters that show source lines.
    document: Document | None = None
    #: Suppression ranges (code or "*", first line, last line).
    suppressions: list[tuple[str, int, int]] = field(default_factory=list)


def _finding(rule: type[Rule] | Rule, severity: Severity, v: Violation) -> Finding:
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
    )


def _file_finding(rule: type[Rule], path: str, message: str, line: int = 1, column: int = 1) -> Finding:
    return Finding(path, line, column, line, column + 1, rule.code, rule.name, rule.severity, message)


class Linter:
    """Runs a rule set over documents. Create once, call :meth:`lint_paths`."""

    def __init__(self, plugins: Plugins, ruleset: RuleSet, config: Config) -> None:
        self.plugins = plugins
        self.ruleset = ruleset
        self.config = config
        self.document_rules = [r for r in ruleset.rules if not isinstance(r, CorpusRule)]
        self.corpus_rules = [r for r in ruleset.rules if isinstance(r, CorpusRule)]
        #: Per-file results of earlier runs (newslint.cache); None: lint every file.
        self.cache: Cache | None = None

    # -- one file ----------------------------------------------------------

    def read_bytes(self, target: Target) -> bytes | Finding:
        """A file's bytes, or why they cannot be read."""
        display = target.display
        try:
            size = target.path.stat().st_size
            if size > MAX_FILE_BYTES:
                return _file_finding(
                    UnreadableFile,
                    display,
                    f"file is {size / 1e6:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MiB limit; skipped",
                )
            return target.path.read_bytes()
        except PermissionError:
            return _file_finding(UnreadableFile, display, "permission denied")
        except IsADirectoryError:
            return _file_finding(UnreadableFile, display, "is a directory")
        except OSError as exc:
            return _file_finding(UnreadableFile, display, f"cannot be read: {exc.strerror or exc}")

    def read(self, target: Target, data: bytes | None = None) -> Document | Finding:
        """Read and decode a file into a Document, or say why it cannot be."""
        display = target.display
        if data is None:
            data_or_finding = self.read_bytes(target)
            if isinstance(data_or_finding, Finding):
                return data_or_finding
            data = data_or_finding
        try:
            source, _encoding = decode(data)
        except BinaryFileError as exc:
            return _file_finding(BinaryFile, display, f"binary file skipped ({exc})")
        except UnicodeDecodeError as exc:
            return _file_finding(UnreadableFile, display, f"cannot be decoded as text: {exc.reason}")
        reader = self.plugins.readers.get(target.path.suffix.lower()) or self.plugins.readers[".txt"]
        try:
            return reader.read(display, source)
        except Exception as exc:
            return _file_finding(
                UnreadableFile, display, f"reader {reader.name!r} failed: {type(exc).__name__}: {exc}"
            )

    def check_document(self, document: Document, keep_document: bool = False) -> DocumentResult:
        """Run every document rule and collect every corpus rule's facts."""
        result = DocumentResult(
            document.path, metadata=dict(document.metadata), suppressions=list(document.suppressions)
        )
        for offset, message in document.problems:
            loc = document.line_col(offset)
            result.findings.append(_file_finding(InvalidFrontMatter, document.path, message, *loc))
        for rule in self.document_rules:
            severity = self.ruleset.severity_of(rule.code, rule.severity)
            try:
                for v in rule.check(document):
                    result.findings.append(_finding(rule, severity, v))
            except Exception as exc:
                result.findings.append(self._rule_error(rule, document.path, exc))
        for rule in self.corpus_rules:
            try:
                result.facts[rule.code] = list(rule.collect(document))
            except Exception as exc:
                result.findings.append(self._rule_error(rule, document.path, exc))
        if keep_document:
            result.document = Document(
                document.path, document.source, "", metadata=document.metadata, format=document.format
            )
        return result

    @staticmethod
    def _rule_error(rule: Rule, path: str, exc: BaseException) -> Finding:
        return _file_finding(
            RuleError, path, f"rule {rule.code} ({rule.name}) raised {type(exc).__name__}: {exc}"
        )

    def lint_target(self, target: Target, keep_document: bool = False) -> DocumentResult:
        doc = self.read(target)
        if isinstance(doc, Finding):
            return DocumentResult(target.display, findings=[doc])
        return self.check_document(doc, keep_document)

    # -- many files ---------------------------------------------------------

    def lint_targets(
        self, targets: Sequence[Target], jobs: int = 1, keep_documents: bool = False
    ) -> list[DocumentResult]:
        progress = Progress(len(targets))
        if self.cache is not None:
            results = self.cache.lint(self, targets, jobs, keep_documents, progress)
        else:
            results = list(self.lint_each(targets, jobs, keep_documents, progress))
        progress.close()
        return results

    def lint_each(
        self,
        targets: Sequence[Target],
        jobs: int,
        keep_documents: bool,
        progress: Progress,
        work: Callable[[Target, bool], Any] | None = None,
    ) -> Iterator[Any]:
        """``work(target, keep_documents)`` for each target, in order, in a pool when it pays.

        ``work`` is a module-level function (default: lint the target) that
        reads this linter from ``_WORKER_LINTER``.
        """
        work = work or _lint_in_worker
        global _WORKER_LINTER
        _WORKER_LINTER = self  # inherited by the forked workers
        if not _worth_forking(targets, jobs):
            for t in targets:
                yield work(t, keep_documents)
                progress.advance()
            return
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        chunk = max(1, min(64, len(targets) // (jobs * 8)))
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            for r in pool.map(work, targets, [keep_documents] * len(targets), chunksize=chunk):
                yield r
                progress.advance()

    def story_of(self, result: DocumentResult) -> str:
        by = self.config.story_by
        if by == "folder":
            return PurePath(result.path).parent.as_posix()
        if by == "key":
            value = result.metadata.get(self.config.story_key)
            return (
                f"key:{value}" if value is not None else "folder:" + PurePath(result.path).parent.as_posix()
            )
        return ""

    def corpus_pass(self, results: Sequence[DocumentResult]) -> list[Finding]:
        """Run every corpus rule on the facts of each story group."""
        if not self.corpus_rules:
            return []
        groups: dict[str, list[DocumentResult]] = defaultdict(list)
        for r in results:
            groups[self.story_of(r)].append(r)
        findings: list[Finding] = []
        for rule in self.corpus_rules:
            severity = self.ruleset.severity_of(rule.code, rule.severity)
            for _story, members in sorted(groups.items()):
                facts = {m.path: m.facts.get(rule.code, []) for m in members}
                try:
                    for v in rule.check_corpus(facts):
                        findings.append(_finding(rule, severity, v))
                except Exception as exc:
                    findings.append(self._rule_error(rule, members[0].path, exc))
        return findings


_WORKER_LINTER: Linter | None = None


def _lint_in_worker(target: Target, keep: bool) -> DocumentResult:
    assert _WORKER_LINTER is not None
    return _WORKER_LINTER.lint_target(target, keep)


def _fork_available() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


#: Below this much text a pool costs more than it saves (measured: starting two
#: workers costs about as much as linting 30 articles; see benchmarks/).
PARALLEL_MIN_BYTES = 256 * 1024


def _worth_forking(targets: Sequence[Target], jobs: int) -> bool:
    if jobs <= 1 or len(targets) < 2 * jobs or not _fork_available():
        return False
    if len(targets) >= 512:  # surely enough text: spare the stat calls
        return True
    total = 0
    for t in targets:
        with contextlib.suppress(OSError):
            total += t.path.stat().st_size
    return total >= PARALLEL_MIN_BYTES


# --------------------------------------------------------------------------
# Suppressions and the whole run
# --------------------------------------------------------------------------


def _code_matches(selector: str, finding: Finding) -> bool:
    return selector in ("*", "ALL") or finding.code.startswith(selector) or selector == finding.rule


def apply_suppressions(
    findings: Iterable[Finding], results: Mapping[str, DocumentResult], config: Config
) -> list[Finding]:
    """Drop findings silenced by inline comments, front matter or per-file-ignores."""
    kept = []
    root = config.root
    for f in findings:
        r = results.get(f.path)
        if r is not None and any(
            first <= f.line <= last and _code_matches(code, f) for code, first, last in r.suppressions
        ):
            continue
        if config.per_file_ignores:
            try:
                rel = Path(f.path).resolve().relative_to(root).as_posix()
            except ValueError:
                rel = Path(f.path).as_posix()
            if any(
                _glob_match(rel, [pattern]) and any(_code_matches(c, f) for c in codes)
                for pattern, codes in config.per_file_ignores.items()
            ):
                continue
        kept.append(f)
    return kept


@dataclass
class RunResult:
    findings: list[Finding]
    documents: dict[str, Document]
    files: int
    missing: list[str]


def run(
    linter: Linter,
    paths: Sequence[str],
    jobs: int = 1,
    keep_documents: bool = False,
) -> RunResult:
    """Lint paths end to end and return sorted, filtered findings."""
    suffixes = list(linter.plugins.readers)
    targets, missing = discover(paths, suffixes, linter.config.exclude, linter.config.root)
    results = linter.lint_targets(targets, jobs, keep_documents)
    findings: list[Finding] = [f for r in results for f in r.findings]
    findings += linter.corpus_pass(results)
    for name, message in linter.plugins.errors:
        findings.append(_file_finding(PluginLoadError, "<plugins>", f"plugin {name!r} {message}"))
    by_path = {r.path: r for r in results}
    findings = [f for f in findings if f.code in linter.ruleset.enabled_codes]
    findings = apply_suppressions(findings, by_path, linter.config)
    findings.sort()
    documents = {r.path: r.document for r in results if r.document is not None}
    return RunResult(findings, documents, len(targets), missing)


__all__ = ["Linter", "Location", "RunResult", "build_rules", "discover", "run"]
