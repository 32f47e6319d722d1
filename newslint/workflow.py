"""The command-line options for the editorial workflow: hooks, CI, adoption.

``--corpus``, ``--baseline``/``--write-baseline``, ``--report-unused-suppressions``,
``--fail-on``, ``--force-exclude`` and ``--init`` are declared here, in one
argument group; the baseline and ``--fail-on`` are applied to a run's result
here (``--corpus``, ``--force-exclude`` and the unused suppressions by the
engine), so the command line itself stays short.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.baseline import BaselineError, Fingerprint, apply_baseline, recordable, write_baseline
from newslint.findings import Finding, Severity
from newslint.printable import printable

if TYPE_CHECKING:
    from newslint.engine.results import RunResult
    from newslint.plugins import Plugins

__all__ = ["FAIL_ON", "add_arguments", "after_run", "fails", "init", "summary"]

FAIL_ON = tuple(s.value for s in Severity)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("workflow (pre-commit, CI, adopting newslint on an archive)")
    group.add_argument(
        "--corpus",
        action="append",
        default=[],
        metavar="DIR",
        help="compare the named files with the facts of this archive (folders or files) in the "
        "cross-article rules; only the named files are reported",
    )
    group.add_argument(
        "--baseline", metavar="FILE", help="report only findings not recorded in this baseline file"
    )
    group.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record every current finding in FILE (for --baseline) and exit 0",
    )
    group.add_argument(
        "--report-unused-suppressions",
        action="store_true",
        help="report suppression comments and front-matter ignores that silence nothing (NL010)",
    )
    group.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="warning",
        help="exit 1 when a finding is at least this severe (default: warning)",
    )
    group.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply rules.yaml's exclude: to files named on the command line too (for hooks, "
        "which name every changed file)",
    )
    group.add_argument(
        "--init",
        action="store_true",
        help="write a starter rules.yaml (or the --config path) listing every rule, and exit",
    )


def init(args: argparse.Namespace, plugins: Plugins) -> int:
    """``--init``: 0 when the starter file is written, 2 when it cannot be."""
    from newslint.scaffold import InitError, write_starter

    path = Path(args.config or "rules.yaml")
    try:
        write_starter(path, plugins.rules, plugins.rule_plugin)
    except InitError as exc:
        sys.stderr.write(f"newslint: {exc}\n")
        return 2
    sys.stderr.write(f"newslint: wrote {path} ({len(plugins.rules)} rules, all at their defaults)\n")
    return 0


def after_run(args: argparse.Namespace, result: RunResult) -> bool:
    """Apply the baseline options to ``result.findings``, and say what the baseline did.

    Returns False when newslint should stop with an error (a baseline that
    cannot be read or written); the message is already on stderr.
    """
    if args.write_baseline:
        try:
            count = write_baseline(Path(args.write_baseline), result.findings)
        except OSError as exc:
            sys.stderr.write(f"newslint: cannot write {args.write_baseline}: {exc.strerror}\n")
            return False
        if not args.quiet:
            sys.stderr.write(f"newslint: recorded {count} findings in {args.write_baseline}\n")
        # newslint's own notices are never recorded: they are still reported.
        result.findings = [f for f in result.findings if not recordable(f)]
    elif args.baseline:
        try:
            seen = apply_baseline(result.findings, Path(args.baseline), result.linted)
        except BaselineError as exc:
            sys.stderr.write(f"newslint: {exc}\n")
            return False
        result.findings = seen.kept
        if not args.quiet:
            sys.stderr.write(_baseline_report(args.baseline, seen.hidden, seen.stale))
    return True


#: Stale baseline entries listed one by one; more are counted.
STALE_LISTED = 20


def _baseline_report(path: str, hidden: int, stale: Sequence[Fingerprint]) -> str:
    """What the baseline did: how many findings it hid, and its entries that match nothing now."""
    lines = [f"newslint: the baseline {path} hid {hidden} finding{'s' if hidden != 1 else ''}\n"]
    if stale:
        count = f"{len(stale)} of its entries match" if len(stale) != 1 else "1 of its entries matches"
        lines.append(
            f"newslint: {count} no finding now (fixed, or reworded); "
            f"--write-baseline {path} records the findings of today:\n"
        )
        for fp in stale[:STALE_LISTED]:
            nth = f" (occurrence {fp.occurrence + 1})" if fp.occurrence else ""
            lines.append(f"  {printable(fp.path)}: {fp.code} “{printable(fp.text)}”{nth}\n")
        if len(stale) > STALE_LISTED:
            lines.append(f"  … and {len(stale) - STALE_LISTED} more\n")
    return "".join(lines)


def fails(findings: Sequence[Finding], fail_on: str) -> bool:
    """Whether any finding is at least as severe as ``fail_on``."""
    threshold = Severity.parse(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)


def summary(files: int, findings: Sequence[Finding], suppressed: int = 0) -> str:
    """One line for stderr: ``newslint: 3 files, 4 findings (1 error, 3 warnings)``."""
    counts = Counter(f.severity for f in findings)
    head = f"newslint: {files} file{'s' if files != 1 else ''}, "
    if not findings:
        head += "no findings"
    else:
        parts = []
        for severity, singular, plural in (
            (Severity.ERROR, "error", "errors"),
            (Severity.WARNING, "warning", "warnings"),
            (Severity.INFO, "info", "info"),
        ):
            if counts[severity]:
                parts.append(f"{counts[severity]} {singular if counts[severity] == 1 else plural}")
        head += f"{len(findings)} finding{'s' if len(findings) != 1 else ''} ({', '.join(parts)})"
    if suppressed:
        head += f"; {suppressed} suppressed"
    return head + "\n"
