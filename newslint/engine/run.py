"""A whole run: the files found, each one checked (from the cache, in parallel), the stories, the suppressions.

    paths ─discovery─▶ targets ─intake─▶ Document ─document pass─▶ results ─corpus pass─▶ findings
                                   (cache: known bytes skip straight to their result)      │
                                                              suppressions, sorting ◀──────┘

:class:`Linter` puts the parts together for one configuration; :func:`run`
lints paths end to end. Each part lives in its own module of this package.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Protocol, TypeVar

from newslint.config import Config, RuleSet
from newslint.core_rules import PluginLoadError, RuleError
from newslint.document import Document
from newslint.engine.cache import Cache
from newslint.engine.corpus_pass import GROUPED_MODES, CorpusPass, groups_by_text
from newslint.engine.discovery import Target, discover
from newslint.engine.document_pass import DocumentPass
from newslint.engine.intake import MAX_FILE_BYTES, READER_STEP, Intake
from newslint.engine.parallel import can_fork, map_in_order, worth_forking
from newslint.engine.progress import Progress
from newslint.engine.results import DocumentResult, RunResult, gc_paused, notice
from newslint.engine.suppressions import apply_suppressions, invalid_suppressions, unused_suppressions
from newslint.findings import Finding
from newslint.plugins import Plugins
from newslint.story import Story, StoryGroup
from newslint.suppressions import InvalidSuppression, UnusedSuppression

__all__ = ["Cluster", "Linter", "archive_pass", "find_stories", "report", "run", "run_targets"]

_R = TypeVar("_R")


class Cluster(Protocol):
    """Machines elsewhere that run the per-document pass
    (:class:`~newslint.engine.cluster.DaskCluster`)."""

    def map(
        self,
        linter: Linter,
        work: Callable[[Target], _R],
        targets: Sequence[Target],
        progress: Progress,
        on_crash: Callable[[DocumentResult], _R],
    ) -> Iterator[_R]:
        """``work`` (one of ``linter``'s methods) on each target, in order."""
        ...


class Linter:
    """A rule set over files and documents, for one configuration.

    :param cache: per-file results of earlier runs (:class:`Cache`); None: lint every file.
    :param max_file_bytes: larger files are skipped with an NL008 notice (``--max-file-size``).
    :param timeout: seconds each reader and rule may spend on one document, and each
        corpus rule on one story (``--timeout``); None: no limit.
    :param stories: collect each document's grouping features; default: when the
        configuration groups stories by their text and a rule compares the articles of a story.
    :param isolate: check files and stories in worker processes even when there is
        only one job or a handful of files, so that a plugin that crashes or hangs in
        native code costs one file (or story), never the run (the command line does).
    """

    def __init__(
        self,
        plugins: Plugins,
        ruleset: RuleSet,
        config: Config,
        *,
        cache: Cache | None = None,
        max_file_bytes: int = MAX_FILE_BYTES,
        timeout: float | None = None,
        stories: bool | None = None,
        isolate: bool = False,
    ) -> None:
        self.plugins = plugins
        self.ruleset = ruleset
        self.config = config
        self.cache = cache
        self.timeout = timeout
        self.isolate = isolate
        self.intake = Intake(plugins.readers, max_file_bytes, timeout)
        self.reads_stories = groups_by_text(ruleset, config) if stories is None else stories
        self.per_document = DocumentPass(ruleset, plugins.plugin_of, timeout, self.reads_stories)
        self.per_story = CorpusPass(ruleset, config.story_by, config.story_key, plugins.plugin_of, timeout)
        #: Where the per-document pass of many files runs: None, here (worker processes);
        #: a :class:`Cluster`, on its machines (``--scheduler``).
        self.cluster: Cluster | None = None

    # -- one document, one file ----------------------------------------------

    def check_document(self, document: Document, keep_document: bool = False) -> DocumentResult:
        """Every document rule's findings and every corpus rule's facts, for one document."""
        return self.per_document.check(document, keep_document)

    def lint_target(
        self,
        target: Target,
        keep_document: bool = False,
        data: bytes | None = None,
        skip: frozenset[int] = frozenset(),
    ) -> DocumentResult:
        """Read one file and check it; a file that cannot be read gets its notice instead.

        ``data``: the file's bytes when they come from elsewhere (standard input).
        ``skip``: steps not to run (:data:`READER_STEP`, or the per-document
        pass's), each reported as timed out.
        """
        document, notices = self.intake.read(target, data, skip_reader=READER_STEP in skip)
        if document is None:
            return DocumentResult(target.display, findings=notices, read=False)
        result = self.per_document.check(document, keep_document, skip)
        result.findings[:0] = notices
        return result

    def lint_source(self, path: str, source: str, keep_document: bool = False) -> DocumentResult:
        """Check a text already decoded (an editor's buffer, a fixed source), read by the
        reader of ``path``'s suffix; ``path`` is reported as it is."""
        document, notices = self.intake.read_text(path, PurePath(path).suffix, source)
        if document is None:
            return DocumentResult(path, findings=notices, read=False)
        return self.per_document.check(document, keep_document)

    def lost(self, target: Target, why: str) -> DocumentResult:
        """NL004 for a file that could not be checked (its worker process died on it)."""
        notices = [notice(RuleError, target.display, f"not checked: {why}")]
        return DocumentResult(target.display, findings=notices, read=False)

    def step_name(self, target: Target, step: int) -> str:
        """What runs in a step on a file: its reader (step 0), or a rule."""
        if step == READER_STEP:
            return f"reader {self.intake.reader_for(target.path.suffix).name!r}"
        return self.per_document.step_name(step)

    # -- many files ----------------------------------------------------------

    def workers(self, targets: Sequence[Target], jobs: int) -> int:
        """How many worker processes check these files: ``jobs`` when a pool pays for
        itself; else one when isolating, none otherwise."""
        if worth_forking(targets, jobs):
            return jobs
        return 1 if self.isolate and targets and can_fork() else 0

    def lint_targets(
        self, targets: Sequence[Target], jobs: int = 1, keep_documents: bool = False
    ) -> list[DocumentResult]:
        """One result per target, in order: from the cache where the bytes are known."""
        progress = Progress(len(targets))
        if self.cache is None:
            if self.cluster is not None:
                work = functools.partial(self.lint_target, keep_document=keep_documents)
                results = list(self.cluster.map(self, work, targets, progress, _same))
            else:
                task = _CheckFiles(self, keep_documents)
                results = list(map_in_order(task, targets, self.workers(targets, jobs), progress))
        else:
            results = self._lint_cached(self.cache, targets, jobs, keep_documents, progress)
        progress.close()
        return results

    def _lint_cached(
        self, cache: Cache, targets: Sequence[Target], jobs: int, keep_documents: bool, progress: Progress
    ) -> list[DocumentResult]:
        found: list[DocumentResult | None] = []
        with gc_paused(freeze=True):
            for target in targets:
                data = self.intake.read_bytes(target)
                result = None
                if isinstance(data, bytes):
                    result = cache.get(cache.key(target.path.suffix, data), target.display)
                    if result is not None and keep_documents:
                        document, _ = self.intake.read(target, data)
                        result.document = document
                if result is not None:
                    progress.advance()
                found.append(result)
        todo = [t for t, r in zip(targets, found, strict=True) if r is None]
        fresh: Iterator[_Fresh]
        if self.cluster is not None:
            work = functools.partial(self._lint_for_cache, keep_document=keep_documents)
            fresh = self.cluster.map(self, work, todo, progress, _Fresh.of)
        else:
            fresh = map_in_order(
                _CheckFilesForCache(self, keep_documents), todo, self.workers(todo, jobs), progress
            )
        slots = (i for i, r in enumerate(found) if r is None)
        for i, target, done in zip(slots, todo, fresh, strict=True):
            found[i] = done.result(cache, target)
        cache.flush()
        return [r for r in found if r is not None]

    def _lint_for_cache(
        self,
        target: Target,
        keep_document: bool,
        data: bytes | None = None,
        skip: frozenset[int] = frozenset(),
    ) -> _Fresh:
        """Lint one file (in a worker) and pack its cache entry there.

        The key is the hash of the bytes actually linted, so a file edited
        during the run is never stored under the wrong content. The entry
        travels as bytes, so the result is pickled once, not once for the pipe
        and once for the cache. ``data``: the bytes, when they were sent along.
        """
        read = self.intake.read_bytes(target) if data is None else data
        if isinstance(read, Finding):
            return _Fresh(DocumentResult(target.display, findings=[read], read=False))
        document, notices = self.intake.read(target, read, skip_reader=READER_STEP in skip)
        if document is None:  # undecodable: reported every run, never cached
            return _Fresh(DocumentResult(target.display, findings=notices, read=False))
        result = self.per_document.check(document, keep_document, skip)
        result.findings[:0] = notices  # decoding notices depend on the bytes alone: cacheable
        if not result.complete:
            return _Fresh(result)
        entry = Cache.pack(result, target.display)
        if entry is None:
            return _Fresh(result)
        return _Fresh(None, Cache.key(target.path.suffix, read), entry, result.document)

    # -- stories -------------------------------------------------------------

    def corpus_pass(self, results: Sequence[DocumentResult], jobs: int = 1) -> list[Finding]:
        """Every corpus rule's findings on each story of the results."""
        return self.check_stories(self.per_story.stories(results) if self.per_story.rules else [], jobs)

    def check_stories(self, stories: Sequence[Story], jobs: int = 1) -> list[Finding]:
        """Every corpus rule's findings on each of these stories: in worker processes when
        isolating (a story rule that crashes or hangs costs that story), else here."""
        return self.per_story.check(stories, max(1, jobs) if self.isolate and can_fork() else 0)

    def stories(
        self, results: Sequence[DocumentResult], groups: Sequence[StoryGroup] | None = None
    ) -> list[Story]:
        """The stories the results form (the grouping the corpus rules compare; ``groups``
        when it is made already)."""
        return self.per_story.stories(results, groups)

    def stories_of(self, results: Sequence[DocumentResult]) -> list[StoryGroup]:
        """The stories the corpus rules compare, as this configuration groups the results."""
        return self.per_story.groups(results)

    def facts_only(self, stories: bool | None = None) -> Linter:
        """A linter that only collects the facts of this one's corpus rules and, as this
        one does (or as ``stories`` says), the grouping features (for ``--corpus`` and
        ``--show-stories``).

        It has a cache of its own when this one has a cache: an archive is what
        the cache is for.
        """
        rules = RuleSet(list(self.per_story.rules), self.ruleset.severities, self.ruleset.enabled_codes)
        stories = self.reads_stories if stories is None else stories
        cache = None
        if self.cache is not None:
            cache = Cache.open(self.plugins, rules, self.config, self.cache.directory, stories=stories)
        linter = Linter(
            self.plugins,
            rules,
            self.config,
            cache=cache,
            timeout=self.timeout,
            stories=stories,
            isolate=self.isolate,
        )
        linter.cluster = self.cluster
        return linter


class _CheckFiles:
    """Linting files, as a task for worker processes (:class:`newslint.engine.parallel.Task`)."""

    def __init__(self, linter: Linter, keep_documents: bool) -> None:
        self.linter = linter
        self.keep_documents = keep_documents

    def run(self, target: Target, skip: frozenset[int]) -> DocumentResult:
        return self.linter.lint_target(target, self.keep_documents, skip=skip)

    def lost(self, target: Target, why: str) -> DocumentResult:
        return self.linter.lost(target, why)

    def step_name(self, target: Target, step: int) -> str:
        return self.linter.step_name(target, step)

    def sendable(self, result: DocumentResult) -> DocumentResult:
        return self.linter.per_document.sendable(result)


class _CheckFilesForCache:
    """Linting files and packing their cache entries, as a task for worker processes."""

    def __init__(self, linter: Linter, keep_documents: bool) -> None:
        self.linter = linter
        self.keep_documents = keep_documents

    def run(self, target: Target, skip: frozenset[int]) -> _Fresh:
        return self.linter._lint_for_cache(target, self.keep_documents, skip=skip)

    def lost(self, target: Target, why: str) -> _Fresh:
        return _Fresh(self.linter.lost(target, why))

    def step_name(self, target: Target, step: int) -> str:
        return self.linter.step_name(target, step)

    def sendable(self, fresh: _Fresh) -> _Fresh:
        if fresh.plain is not None:
            fresh.plain = self.linter.per_document.sendable(fresh.plain)
        return fresh


@dataclass
class _Fresh:
    """A result linted for the cache, as it comes back from a worker:
    either the packed entry (and its key), or the plain result when it is not to be stored."""

    plain: DocumentResult | None
    key: str = ""
    entry: bytes | None = None
    document: Document | None = None

    @classmethod
    def of(cls, result: DocumentResult) -> _Fresh:
        return cls(result)

    def result(self, cache: Cache, target: Target) -> DocumentResult:
        """The result, storing its entry in the cache when the cache can read it back."""
        if self.entry is None:
            assert self.plain is not None
            return self.plain
        result = cache.unpack(self.entry, target.display)
        if result is None:
            # Facts of a type the cache will not load (from a module other
            # than newslint's and the plugins'): use them, do not store them.
            result = cache.unpack_trusted(self.entry, target.display)
        else:
            cache.put(self.key, self.entry)
        result.document = self.document
        return result


def _same(result: DocumentResult) -> DocumentResult:
    return result


def archive_pass(
    linter: Linter, corpus: Sequence[str], named: Sequence[Target], jobs: int = 1
) -> tuple[list[DocumentResult], list[str]]:
    """Facts of the archive files (``--corpus``) not named on the command line.

    Only corpus rules run on them: their facts join the story pass, their own
    findings are never reported.
    """
    if not linter.per_story.rules:
        return [], [p for p in corpus if not Path(p).exists()]
    targets, missing = discover(
        corpus, list(linter.plugins.readers), linter.config.exclude, linter.config.root
    )
    seen = {t.path.resolve() for t in named}
    targets = [t for t in targets if t.path.resolve() not in seen]
    return linter.facts_only().lint_targets(targets, jobs), missing


def run(
    linter: Linter,
    paths: Sequence[str],
    jobs: int = 1,
    keep_documents: bool = False,
    corpus: Sequence[str] = (),
    report_unused_suppressions: bool = False,
    keep_stories: bool = False,
) -> RunResult:
    """Lint paths end to end and return sorted, filtered findings.

    ``corpus``: archive folders or files whose facts join the story pass, so
    the named files are compared with them; only the named files are reported.
    ``report_unused_suppressions``: report suppressions that silence nothing
    (NL010), as selecting NL010 does.
    ``keep_stories``: group the documents into stories even when no corpus
    rule runs, for reporters that show them (``RunResult.stories``).
    """
    config = linter.config
    targets, missing = discover(paths, list(linter.plugins.readers), config.exclude, config.root)
    return run_targets(
        linter, targets, missing, jobs, keep_documents, corpus, report_unused_suppressions, keep_stories
    )


def run_targets(
    linter: Linter,
    targets: Sequence[Target],
    missing: Sequence[str] = (),
    jobs: int = 1,
    keep_documents: bool = False,
    corpus: Sequence[str] = (),
    report_unused_suppressions: bool = False,
    keep_stories: bool = False,
) -> RunResult:
    """:func:`run` over files already found (``missing``: the paths given that do not exist)."""
    missing = list(missing)
    results = linter.lint_targets(targets, jobs, keep_documents)
    archive: list[DocumentResult] = []
    if corpus:
        archive, archive_missing = archive_pass(linter, corpus, targets, jobs)
        missing += archive_missing
    group = keep_stories or bool(linter.per_story.rules)
    stories = _stories(linter, results, archive) if group else []
    kept, suppressed = report(linter, results, archive, report_unused_suppressions, stories, jobs)
    documents = {r.path: r.document for r in results if r.document is not None}
    return RunResult(kept, documents, len(targets), missing, suppressed, stories, [r.path for r in results])


def _stories(
    linter: Linter, results: Sequence[DocumentResult], archive: Sequence[DocumentResult]
) -> list[Story]:
    """The stories of the results; with an archive, only those holding one of the results:
    each named file is compared with the archive files of its own story only, and every
    story holding one is seen whole, whichever part of the changed files a run was given."""
    groups = linter.stories_of([*results, *archive])
    if archive:
        named = {r.path for r in results}
        groups = [g for g in groups if any(p in named for p in g.paths)]
    return linter.stories([*results, *archive], groups)


def report(
    linter: Linter,
    results: Sequence[DocumentResult],
    archive: Sequence[DocumentResult] = (),
    report_unused_suppressions: bool = False,
    stories: Sequence[Story] | None = None,
    jobs: int = 1,
) -> tuple[list[Finding], list[Finding]]:
    """The findings to report on the results (sorted) and the findings suppressed.

    The story pass runs over the results and the ``archive`` (facts of other
    files, see :func:`archive_pass`), and only the results' files are reported;
    then the selection, suppressions and per-file ignores are applied.
    ``stories``: the results and archive already grouped (:meth:`Linter.stories`),
    else they are grouped here when a story rule runs. ``jobs``: worker processes
    for the story pass (when the linter isolates).
    """
    config = linter.config
    findings: list[Finding] = [f for r in results for f in r.findings]
    if stories is None:
        stories = _stories(linter, results, archive) if linter.per_story.rules else []
    story = linter.check_stories(stories, jobs)
    if archive:
        named = {r.path for r in results}
        findings += [f for f in story if f.path in named or f.code == RuleError.code]
    else:
        findings += story
    for name, message in linter.plugins.errors:
        path, line, column = linter.plugins.origin(name)
        findings.append(notice(PluginLoadError, path, f"plugin {name!r} {message}", line, column))
    enabled = linter.ruleset.enabled_codes
    findings = [f for f in findings if f.code in enabled]
    inline = {r.path: r.suppressions for r in results if r.suppressions}
    kept, silenced = apply_suppressions(findings, inline, config.per_file_ignores, config.root)
    suppressed = sorted(set(silenced))
    if report_unused_suppressions or UnusedSuppression.code in enabled:
        kept += unused_suppressions(inline, suppressed, linter.plugins.rules, enabled)
    if InvalidSuppression.code in enabled:  # never silenced by the suppressions it judges
        kept += invalid_suppressions(inline, linter.plugins.rules)
    kept.sort()
    return kept, suppressed


def find_stories(
    linter: Linter,
    targets: Sequence[Target],
    missing: Sequence[str] = (),
    jobs: int = 1,
    corpus: Sequence[str] = (),
) -> tuple[list[StoryGroup], list[str]]:
    """The stories the cross-article rules would compare (``--show-stories``) and the
    paths that do not exist.

    Only what grouping needs is read: each file's grouping features and the
    facts of the corpus rules (from the cache where the bytes are known, so an
    archive shown once is quick to lint against). With ``corpus``, the stories
    holding a named file, archive files included.
    """
    config = linter.config
    missing = list(missing)
    archive: list[Target] = []
    if corpus:
        archive, archive_missing = discover(corpus, list(linter.plugins.readers), config.exclude, config.root)
        missing += archive_missing
        seen = {t.path.resolve() for t in targets}
        archive = [t for t in archive if t.path.resolve() not in seen]
    if config.story_by in GROUPED_MODES:
        results = linter.facts_only(stories=True).lint_targets([*targets, *archive], jobs)
    else:  # grouped by path alone
        results = [DocumentResult(t.display) for t in [*targets, *archive]]
    groups = linter.stories_of(results)
    if corpus:
        named = {t.display for t in targets}
        groups = [g for g in groups if any(p in named for p in g.paths)]
    return groups, missing
