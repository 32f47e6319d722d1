"""Fixing: the fixes of a run applied in memory, pass after pass, until none is left.

Each pass applies, file by file, the fixes of the findings that would be
reported (selected, not suppressed) and whose edits do not overlap (a fix
overlapping another waits for the next pass), then lints the changed files
again in memory, with the story pass over every file, since a name respelled
in one article changes what the story's other articles are told. The loop
stops when no fix applies, or after :data:`MAX_PASSES`. Nothing is written
here: the caller writes the sources (``--fix``), shows their diff
(``--diff``) or prints them (standard input).

Only files read as clean text are fixed: a file decoded with a notice
(NL007: a legacy encoding, damaged UTF-8) would not be written back as it was read.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newslint.core_rules import NotUtf8
from newslint.engine.results import DocumentResult
from newslint.engine.run import Linter
from newslint.findings import Finding
from newslint.fixes import apply_fixes

__all__ = ["MAX_PASSES", "FixRun", "fix_results", "unified_diff"]

#: Passes before the loop gives up (a fix that keeps making another one).
MAX_PASSES = 10


@dataclass
class FixRun:
    """What the fixes did: the sources before and after, the findings fixed and those left."""

    #: path -> source as read (files with at least one fix applied).
    before: dict[str, str] = field(default_factory=dict)
    #: path -> source with the fixes applied.
    after: dict[str, str] = field(default_factory=dict)
    #: The findings whose fixes were applied, as they were reported when they were fixed.
    fixed: list[Finding] = field(default_factory=list)
    #: The findings left after the last pass (reported as a run reports them).
    remaining: list[Finding] = field(default_factory=list)
    #: The findings left that an unsafe fix would mend (``--unsafe-fixes``).
    unsafe_left: int = 0
    suppressed: list[Finding] = field(default_factory=list)
    #: The results after the last pass (the fixed files linted again), for the reporters.
    results: list[DocumentResult] = field(default_factory=list)

    @property
    def changed(self) -> list[str]:
        """Paths whose source changed, sorted."""
        return sorted(p for p in self.after if self.after[p] != self.before[p])


def applicable(finding: Finding, unsafe: bool) -> bool:
    """Whether a finding's fix is applied: a safe fix always, an unsafe one on request."""
    return finding.fix is not None and (finding.fix.safe or unsafe)


def fix_results(
    linter: Linter,
    results: Sequence[DocumentResult],
    report: Callable[[Sequence[DocumentResult]], tuple[list[Finding], list[Finding]]],
    unsafe: bool = False,
) -> FixRun:
    """Apply the fixes of the reported findings in memory until none is left.

    :param results: the run's results, with their documents kept (their sources).
    :param report: results -> (findings reported, findings suppressed), the run's own
        reporting (story pass, selection, suppressions).
    :param unsafe: apply fixes that rewrite words inside quotations too.
    """
    results = list(results)
    index = {r.path: i for i, r in enumerate(results)}
    sources = {
        r.path: r.document.source
        for r in results
        if r.document is not None and not any(f.code == NotUtf8.code for f in r.findings)
    }
    run = FixRun()
    findings, run.suppressed = report(results)
    for _ in range(MAX_PASSES):
        by_path: dict[str, list[Finding]] = defaultdict(list)
        for f in findings:
            if f.path in sources and applicable(f, unsafe):
                by_path[f.path].append(f)
        progress = False
        for path, fixable in sorted(by_path.items()):
            fixes = [f.fix for f in fixable if f.fix is not None]
            source, applied = apply_fixes(sources[path], fixes)
            if not applied or source == sources[path]:
                continue
            run.before.setdefault(path, sources[path])
            run.after[path] = sources[path] = source
            run.fixed += [fixable[i] for i in applied]
            results[index[path]] = linter.lint_source(path, source, keep_document=True)
            progress = True
        if not progress:
            break
        findings, run.suppressed = report(results)
    run.remaining = findings
    run.results = results
    run.unsafe_left = sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    return run


def unified_diff(path: str, before: str, after: str) -> str:
    """The change to one file as a unified diff (``--diff``)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)
