"""The runner: find files, read them, run the rules once each, then the story pass.

    files ─read─▶ Document ─document rules─▶ findings + facts ─corpus rules─▶ findings

Selection, severity, suppressions and error isolation happen here, once, for
every rule of every plugin.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gc
import os
import signal
import stat
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from newslint.analysis import Analysis
from newslint.cache import Cache
from newslint.config import Config
from newslint.config.selection import RuleSet, build_rules, selects
from newslint.core_rules import (
    BinaryFile,
    FileTooLarge,
    InvalidFrontMatter,
    NotUtf8,
    PluginLoadError,
    RuleError,
    StepTimedOut,
    UnreadableFile,
)
from newslint.deadline import StepTimeout, time_limit
from newslint.document import Document
from newslint.findings import Finding, Severity, Violation
from newslint.plugins import Plugins
from newslint.progress import Progress
from newslint.rule import CorpusRule, Rule
from newslint.spans import Location
from newslint.story import Story, StoryDocument
from newslint.textio import BinaryFileError, decode

#: Files up to this size are read whole; larger ones are reported and skipped.
MAX_FILE_BYTES = 10 * 1000 * 1000


@contextlib.contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while many long-lived objects are built.

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

        def unlisted(err: OSError) -> None:
            # A folder that cannot be listed becomes a target, reported as unreadable.
            targets.append(Target(Path(err.filename), Path(err.filename).as_posix(), True))

        for dirpath, dirnames, filenames in os.walk(p, followlinks=True, onerror=unlisted):
            try:
                st = os.stat(dirpath)
            except OSError:  # gone since it was listed
                continue
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
            folder = Path(dirpath)  # (joining a name to it parses the name alone)
            for name in sorted(filenames):
                if name.startswith(".") or os.path.splitext(name)[1].lower() not in wanted:
                    continue
                fp = folder / name
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
    #: fact kind -> facts for corpus rules.
    facts: dict[str, list[Any]] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    #: The document, kept for reporters that show source lines.
    document: Document | None = None
    #: Suppression ranges (code or "*", first line, last line).
    suppressions: list[tuple[str, int, int]] = field(default_factory=list)


def _read_upto(path: Path, size: int, limit: int) -> bytes:
    """A file's bytes, up to ``limit + 1`` of them; ``size`` is what stat() said.

    Reads ``size + 1`` bytes, then on until the end of the file, which is
    normally found at once; a file that grew since stat() is read on up to
    the limit. (A buffered ``read(limit + 1)`` allocates the whole limit for
    every file: four times slower on an archive of short articles.)
    """
    parts: list[bytes] = []
    total = 0
    with path.open("rb", buffering=0) as fh:  # unbuffered: each read is one system call
        while total <= limit:
            part = fh.read(size + 1 - total if total <= size else min(limit + 1 - total, 1 << 20))
            if not part:
                break
            parts.append(part)
            total += len(part)
    return b"".join(parts)


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


def _too_large(path: str, size: int, limit: int) -> Finding:
    shown = f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size:,} bytes"
    message = f"file is {shown}, over the {limit / 1e6:g} MB limit (--max-file-size); skipped"
    return _file_finding(FileTooLarge, path, message)


class Linter:
    """Runs a rule set over documents. Create once, call :meth:`lint_paths`."""

    #: Larger files are skipped with an NL008 notice (``--max-file-size``).
    max_file_bytes: int = MAX_FILE_BYTES
    #: Seconds each reader and rule may spend on one document (``--timeout``); None: no limit.
    timeout: float | None = None

    def __init__(self, plugins: Plugins, ruleset: RuleSet, config: Config) -> None:
        self.plugins = plugins
        self.ruleset = ruleset
        self.config = config
        self.document_rules = [r for r in ruleset.rules if not isinstance(r, CorpusRule)]
        self.corpus_rules = [r for r in ruleset.rules if isinstance(r, CorpusRule)]
        #: One collecting rule per kind of fact: rules reading one kind share its collection.
        self.collectors: dict[str, CorpusRule] = {}
        for rule in self.corpus_rules:
            self.collectors.setdefault(rule.kind(), rule)
        #: Per-file results of earlier runs (newslint.cache); None: lint every file.
        self.cache: Cache | None = None

    # -- one file ----------------------------------------------------------

    def read_bytes(self, target: Target) -> bytes | Finding:
        """A file's bytes, or why they cannot be read."""
        display = target.display
        limit = self.max_file_bytes
        try:
            st = os.stat(target.path)
            if not stat.S_ISREG(st.st_mode):
                # (Folders named on the command line are walked: this one could not be.)
                what = "a folder that cannot be listed" if stat.S_ISDIR(st.st_mode) else "not a regular file"
                return _file_finding(UnreadableFile, display, f"is {what}; skipped")
            if st.st_size > limit:
                return _too_large(display, st.st_size, limit)
            data = _read_upto(target.path, st.st_size, limit)
        except PermissionError:
            return _file_finding(UnreadableFile, display, "permission denied")
        except OSError as exc:
            return _file_finding(UnreadableFile, display, f"cannot be read: {exc.strerror or exc}")
        if len(data) > limit:
            return _too_large(display, len(data), limit)
        return data

    def read(self, target: Target, data: bytes | None = None) -> Document | Finding:
        """Read and decode a file into a Document, or say why it cannot be."""
        document, notices = self.read_with_notices(target, data)
        return document if document is not None else notices[0]

    def read_with_notices(
        self, target: Target, data: bytes | None = None
    ) -> tuple[Document | None, list[Finding]]:
        """The Document (None if the file cannot be read) and the notices about reading it."""
        display = target.display
        if data is None:
            data_or_finding = self.read_bytes(target)
            if isinstance(data_or_finding, Finding):
                return None, [data_or_finding]
            data = data_or_finding
        try:
            decoded = decode(data)
        except BinaryFileError as exc:
            return None, [_file_finding(BinaryFile, display, f"binary file skipped ({exc})")]
        except UnicodeDecodeError as exc:
            return None, [_file_finding(UnreadableFile, display, f"cannot be decoded as text: {exc.reason}")]
        del data
        reader = self.plugins.readers.get(target.path.suffix.lower()) or self.plugins.readers[".txt"]
        try:
            with time_limit(self.timeout):
                document = reader.read(display, decoded.text)
        except StepTimeout:
            message = f"reader {reader.name!r} did not finish within {self.timeout:g} s; file skipped"
            return None, [_file_finding(StepTimedOut, display, message)]
        except Exception as exc:
            message = f"reader {reader.name!r} failed: {type(exc).__name__}: {exc}"
            return None, [_file_finding(UnreadableFile, display, message)]
        if decoded.notice is None:
            return document, []
        return document, [_file_finding(NotUtf8, display, decoded.notice, *document.line_col(decoded.offset))]

    def check_document(self, document: Document, keep_document: bool = False) -> DocumentResult:
        """Run every document rule and collect every corpus rule's facts."""
        result = DocumentResult(
            document.path, metadata=dict(document.metadata), suppressions=list(document.suppressions)
        )
        for offset, message in document.problems:
            loc = document.line_col(offset)
            result.findings.append(_file_finding(InvalidFrontMatter, document.path, message, *loc))
        analysis = Analysis(document)
        for rule in self.document_rules:
            severity = self.ruleset.severity_of(rule.code, rule.severity)
            try:
                with time_limit(self.timeout):
                    for v in rule.check(document, analysis):
                        result.findings.append(_finding(rule, severity, v))
            except StepTimeout:
                result.findings.append(self._timed_out(rule, document.path))
            except Exception as exc:
                result.findings.append(self._rule_error(rule, document.path, exc))
        for kind, rule in self.collectors.items():
            try:
                with time_limit(self.timeout):
                    result.facts[kind] = list(rule.collect(document, analysis))
            except StepTimeout:
                result.findings.append(self._timed_out(rule, document.path))
            except Exception as exc:
                result.findings.append(self._rule_error(rule, document.path, exc))
        if keep_document:
            result.document = Document(
                document.path, document.source, "", metadata=document.metadata, format=document.format
            )
        return result

    def _rule_error(self, rule: Rule, path: str, exc: BaseException) -> Finding:
        plugin = self.plugins.plugin_of(rule.code)
        return _file_finding(
            RuleError,
            path,
            f"rule {rule.code} ({rule.name}) of plugin {plugin!r} raised {type(exc).__name__}: {exc}",
        )

    def _timed_out(self, rule: Rule, path: str) -> Finding:
        message = f"rule {rule.code} ({rule.name}) did not finish within {self.timeout:g} s; skipped"
        return _file_finding(StepTimedOut, path, message)

    def lint_target(self, target: Target, keep_document: bool = False) -> DocumentResult:
        doc, notices = self.read_with_notices(target)
        if doc is None:
            return DocumentResult(target.display, findings=notices)
        result = self.check_document(doc, keep_document)
        result.findings[:0] = notices
        return result

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
        on_crash: Callable[[DocumentResult], Any] | None = None,
    ) -> Iterator[Any]:
        """``work(target, keep_documents)`` for each target, in order, in a pool when it pays.

        ``work`` is a module-level function (default: lint the target) that
        reads this linter from ``_WORKER_LINTER``. If a worker process dies,
        each file of its chunk gets an NL004 result, passed through
        ``on_crash`` to take the shape ``work`` returns.
        """
        work = work or _lint_in_worker
        on_crash = on_crash or _same
        global _WORKER_LINTER
        _WORKER_LINTER = self  # inherited by the forked workers
        if not _worth_forking(targets, jobs):
            for t in targets:
                yield work(t, keep_documents)
                progress.advance()
            return
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        size = max(1, min(64, len(targets) // (jobs * 8)))
        chunks = [targets[i : i + size] for i in range(0, len(targets), size)]
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker)
        try:
            # This process only collects results here: no cycles to find among them.
            with gc_paused():
                futures = [pool.submit(_work_chunk, work, chunk, keep_documents) for chunk in chunks]
                for future, chunk in zip(futures, chunks, strict=True):
                    for r in _chunk_results(future, chunk, on_crash):
                        yield r
                        progress.advance()
        except BaseException:
            # Ctrl-C: the workers ignore it (no traceback from each); stop them now
            # rather than wait for the queue. Futures are left as they are: the pool
            # marks them broken itself (cancelling them races with that).
            for process in dict(getattr(pool, "_processes", None) or {}).values():
                process.terminate()
            pool.shutdown(wait=False)
            raise
        pool.shutdown()

    def story_of(self, result: DocumentResult) -> str:
        by = self.config.story_by
        if by == "folder":
            return PurePath(result.path).parent.as_posix()
        if by == "file":
            return result.path
        if by == "key":
            value = result.metadata.get(self.config.story_key)
            return (
                f"key:{value}" if value is not None else "folder:" + PurePath(result.path).parent.as_posix()
            )
        return ""

    def stories(self, results: Sequence[DocumentResult]) -> list[Story]:
        """The story groups of the results, each with its documents' facts by kind."""
        groups: dict[str, list[DocumentResult]] = defaultdict(list)
        for r in results:
            groups[self.story_of(r)].append(r)
        stories = []
        for story_id, members in sorted(groups.items()):
            facts: dict[str, dict[str, list[Any]]] = defaultdict(dict)
            for m in members:
                for kind, items in m.facts.items():
                    facts[kind][m.path] = items
            documents = [StoryDocument.of(m.path, m.metadata) for m in members]
            stories.append(Story(story_id, documents, facts))
        return stories

    def corpus_pass(self, results: Sequence[DocumentResult]) -> list[Finding]:
        """Run every corpus rule on each story."""
        if not self.corpus_rules:
            return []
        findings: list[Finding] = []
        with gc_paused():
            for story in self.stories(results):
                for rule in self.corpus_rules:
                    severity = self.ruleset.severity_of(rule.code, rule.severity)
                    try:
                        for v in rule.check_corpus(story):
                            findings.append(_finding(rule, severity, v))
                    except Exception as exc:
                        findings.append(self._rule_error(rule, story.documents[0].path, exc))
        return findings


_WORKER_LINTER: Linter | None = None


def _chunk_results(
    future: Future[list[Any]], chunk: Sequence[Target], on_crash: Callable[[DocumentResult], Any]
) -> list[Any]:
    """A chunk's results; if its worker died (a crash in native code), one NL004 per file."""
    try:
        return future.result()
    except BrokenProcessPool:
        message = "a worker process died while checking this file or one near it; not checked (try --jobs 1)"
        return [
            on_crash(DocumentResult(t.display, findings=[_file_finding(RuleError, t.display, message)]))
            for t in chunk
        ]


def _lint_in_worker(target: Target, keep: bool) -> DocumentResult:
    assert _WORKER_LINTER is not None
    return _WORKER_LINTER.lint_target(target, keep)


def _work_chunk(work: Callable[[Target, bool], Any], targets: Sequence[Target], keep: bool) -> list[Any]:
    return [work(target, keep) for target in targets]


def _same(result: DocumentResult) -> DocumentResult:
    return result


def _init_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops them (no traceback from each).

    They collect garbage even if forked while the main process had paused it:
    analysing a document makes reference cycles.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.enable()


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


def apply_suppressions(
    findings: Iterable[Finding], results: Mapping[str, DocumentResult], config: Config
) -> list[Finding]:
    """Drop findings silenced by inline comments, front matter or per-file-ignores."""
    kept = []
    root = config.root
    for f in findings:
        r = results.get(f.path)
        if r is not None and any(
            first <= f.line <= last and selects(code, f.code, f.rule) for code, first, last in r.suppressions
        ):
            continue
        if config.per_file_ignores:
            try:
                rel = Path(f.path).resolve().relative_to(root).as_posix()
            except ValueError:
                rel = Path(f.path).as_posix()
            if any(
                _glob_match(rel, [pattern]) and any(selects(c, f.code, f.rule) for c in codes)
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
    #: Findings dropped by suppressions, and each file's inline suppressions.
    suppressed: list[Finding] = field(default_factory=list)
    suppressions: dict[str, list[tuple[str, int, int]]] = field(default_factory=dict)


def _archive_pass(
    linter: Linter, corpus: Sequence[str], named: Sequence[Target], jobs: int
) -> tuple[list[DocumentResult], list[str]]:
    """Facts of the archive files (``--corpus``) not named on the command line.

    Only corpus rules run on them: their facts join the story pass, their own
    findings are never reported.
    """
    if not linter.corpus_rules:
        return [], [p for p in corpus if not Path(p).exists()]
    targets, missing = discover(
        corpus, list(linter.plugins.readers), linter.config.exclude, linter.config.root
    )
    seen = {t.path.resolve() for t in named}
    targets = [t for t in targets if t.path.resolve() not in seen]
    facts_only = Linter(
        linter.plugins,
        RuleSet(linter.corpus_rules, linter.ruleset.severities, linter.ruleset.enabled_codes),
        linter.config,
    )
    if linter.cache is not None:  # an archive is what the cache is for
        facts_only.cache = Cache.open(facts_only, linter.cache.directory)
    return facts_only.lint_targets(targets, jobs), missing


def run(
    linter: Linter,
    paths: Sequence[str],
    jobs: int = 1,
    keep_documents: bool = False,
    corpus: Sequence[str] = (),
) -> RunResult:
    """Lint paths end to end and return sorted, filtered findings.

    ``corpus``: archive folders or files whose facts join the story pass, so
    the named files are compared with them; only the named files are reported.
    """
    suffixes = list(linter.plugins.readers)
    targets, missing = discover(paths, suffixes, linter.config.exclude, linter.config.root)
    results = linter.lint_targets(targets, jobs, keep_documents)
    findings: list[Finding] = [f for r in results for f in r.findings]
    if corpus:
        archive, archive_missing = _archive_pass(linter, corpus, targets, jobs)
        missing += archive_missing
        named = {r.path for r in results}
        story = linter.corpus_pass([*results, *archive])
        findings += [f for f in story if f.path in named or f.code == RuleError.code]
    else:
        findings += linter.corpus_pass(results)
    for name, message in linter.plugins.errors:
        findings.append(_file_finding(PluginLoadError, "<plugins>", f"plugin {name!r} {message}"))
    by_path = {r.path: r for r in results}
    findings = [f for f in findings if f.code in linter.ruleset.enabled_codes]
    kept = apply_suppressions(findings, by_path, linter.config)
    suppressed = sorted(set(findings) - set(kept))
    kept.sort()
    documents = {r.path: r.document for r in results if r.document is not None}
    suppressions = {r.path: r.suppressions for r in results if r.suppressions}
    return RunResult(kept, documents, len(targets), missing, suppressed, suppressions)


__all__ = ["Linter", "Location", "RunResult", "build_rules", "discover", "run"]
