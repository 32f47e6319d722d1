"""The command line's fixes and standard input: ``--fix``, ``--diff``, ``--show-fixes``,
``--unsafe-fixes`` and ``newslint - --stdin-filename NAME``.

Standard input is linted as the file it names would be: the reader is chosen
by the name's suffix, rules.yaml is found from its folder, per-file ignores
match it, and ``--corpus`` compares it with the rest of the story (the file
on disk under that name, if any, is left out). With ``--fix`` the fixed text
goes to standard output, and nothing is written.

Fixes are applied in memory, pass after pass (:mod:`newslint.engine.fixing`);
``--fix`` then writes each changed file once, in the encoding it was read in,
and only if it has not changed on disk since it was read; ``--diff`` shows
the changes and writes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from newslint.engine.decode import byte_order_mark, decode
from newslint.engine.discovery import Target, discover
from newslint.engine.fixing import FixRun, fix_results, unified_diff
from newslint.engine.results import DocumentResult, RunResult
from newslint.engine.run import Linter, archive_pass, report
from newslint.findings import Finding
from newslint.printable import one_line, printable
from newslint.workflow import fails

__all__ = ["STDIN", "add_arguments", "config_folder", "requested", "run", "shown"]

#: The path that stands for standard input.
STDIN = "-"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("fixes and standard input")
    group.add_argument(
        "--fix",
        action="store_true",
        help="apply the safe fixes (a name to its majority spelling, a house-style replacement) and "
        "write the files; then report what is left",
    )
    group.add_argument(
        "--unsafe-fixes", action="store_true", help="also apply fixes that change words inside quotations"
    )
    group.add_argument("--diff", action="store_true", help="show the fixes as a diff; write nothing")
    group.add_argument(
        "--show-fixes",
        action="store_true",
        help="show each finding's fix in the output (text, full, json), and with --fix list what was fixed",
    )
    group.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="with PATH '-': the name of the text read from standard input (picks the reader by its "
        "suffix, rules.yaml from its folder)",
    )


def config_folder(args: argparse.Namespace) -> Path | None:
    """Where to look for rules.yaml when standard input names its file (None: the working folder)."""
    name = getattr(args, "stdin_filename", None)
    return Path(name).absolute().parent if name else None


def requested(args: argparse.Namespace) -> bool:
    """Whether this module runs the lint: standard input, ``--fix`` or ``--diff``."""
    return STDIN in args.paths or args.fix or args.diff


def shown(args: argparse.Namespace, findings: list[Finding]) -> list[Finding]:
    """The findings as the reporters get them: with their fixes only under ``--show-fixes``."""
    if args.show_fixes:
        return findings
    return [dataclasses.replace(f, fix=None) if f.fix is not None else f for f in findings]


def run(args: argparse.Namespace, linter: Linter, paths: Sequence[str], jobs: int) -> RunResult | int:
    """Lint standard input or fix files: the result to report, or the exit status when
    the output is already written (a diff, or the fixed text of standard input)."""
    if STDIN in paths:
        if len(paths) > 1:
            sys.stderr.write("newslint: '-' (standard input) cannot be mixed with other paths\n")
            return 2
        return _stdin(args, linter)
    config = linter.config
    targets, missing = discover(paths, list(linter.plugins.readers), config.exclude, config.root)
    results = linter.lint_targets(targets, jobs, keep_documents=True)
    archive: list[DocumentResult] = []
    if args.corpus:
        archive, archive_missing = archive_pass(linter, args.corpus, targets, jobs)
        missing += archive_missing
    done = fix_results(linter, results, _reporting(args, linter, archive), args.unsafe_fixes)
    if args.diff:
        return _show_diff(done, missing)
    where = {t.display: t.path for t in targets}
    failed = [path for path in done.changed if not _write(where[path], done.before[path], done.after[path])]
    _tell(args, done, failed)
    documents = {r.path: r.document for r in done.results if r.document is not None}
    result = RunResult(done.remaining, documents, len(targets), missing, done.suppressed)
    return 2 if failed else result


def _reporting(args: argparse.Namespace, linter: Linter, archive: Sequence[DocumentResult]):
    def reported(results: Sequence[DocumentResult]) -> tuple[list[Finding], list[Finding]]:
        return report(linter, results, archive, args.report_unused_suppressions)

    return reported


def _stdin(args: argparse.Namespace, linter: Linter) -> RunResult | int:
    name = args.stdin_filename or STDIN
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    target = Target(Path(name), name, explicit=True)
    result = linter.lint_target(target, keep_document=True, data=data)
    archive: list[DocumentResult] = []
    missing: list[str] = []
    if args.corpus:
        archive, missing = archive_pass(linter, args.corpus, [target])
    reporting = _reporting(args, linter, archive)
    if not (args.fix or args.diff):
        kept, suppressed = reporting([result])
        documents = {name: result.document} if result.document is not None else {}
        return RunResult(kept, documents, 1, missing, suppressed)
    done = fix_results(linter, [result], reporting, args.unsafe_fixes)
    if args.diff:
        return _show_diff(done, missing)
    if name in done.after:
        sys.stdout.write(done.after[name])
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(data.decode())
    sys.stdout.flush()
    _tell(args, done, [])
    return 1 if fails(done.remaining, args.fail_on) else 0


def _show_diff(done: FixRun, missing: Sequence[str]) -> int:
    for path in done.changed:
        sys.stdout.write(unified_diff(path, done.before[path], done.after[path]))
    for path in missing:
        sys.stderr.write(f"newslint: {path}: no such file or directory\n")
    count, files = len(done.fixed), len(done.changed)
    sys.stderr.write(
        f"newslint: would fix {count} finding{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
        + _unsafe_note(done)
        + "\n"
    )
    if missing:
        return 2
    return 1 if done.changed else 0


def _unsafe_note(done: FixRun) -> str:
    n = done.unsafe_left
    return f"; {n} more with --unsafe-fixes" if n else ""


def _tell(args: argparse.Namespace, done: FixRun, failed: Sequence[str]) -> None:
    """What --fix did, on standard error (standard output holds the findings left, or the text)."""
    if args.show_fixes:
        for f in done.fixed:
            fix = f.fix.message if f.fix is not None else ""
            sys.stderr.write(
                f"fixed {printable(f.path)}:{f.line}:{f.column}: {f.code} {one_line(f.message)} ({fix})\n"
            )
    count, files = len(done.fixed), len(done.changed)
    sys.stderr.write(
        f"newslint: fixed {count} finding{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
        + _unsafe_note(done)
        + "\n"
    )
    for path in failed:
        sys.stderr.write(
            f"newslint: {path}: changed on disk while it was linted, or cannot be written; not fixed\n"
        )


def _write(path: Path, before: str, after: str) -> bool:
    """Write a fixed source in the encoding its file was read in, if the file still holds ``before``."""
    try:
        data = path.read_bytes()
        decoded = decode(data)
        if decoded.text != before or decoded.notice is not None:
            return False
        encoded = byte_order_mark(data) + after.encode(decoded.encoding)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".newslint-fix-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(encoded)
            shutil.copymode(path, tmp)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, UnicodeError, ValueError):
        return False
    return True
