"""Parallel runs print exactly what a single process prints; small runs stay in one process;
the progress bar shows on terminals only."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pytest

from newslint.config import Config, build_rules
from newslint.engine import Linter, discover, parallel
from newslint.engine.cache import Cache
from newslint.engine.progress import Progress, wanted
from newslint.plugins import load_plugins

SENTENCES = [
    "An unnamed official said the plan had failed.",
    "Many believe the bridge is unsafe.",
    "The council met on Tuesday and approved the budget.",
    '"We will rebuild," said Mayor Ann Lee.',
    "Critics say the tax is unfair.",
    "Officials speaking on condition of anonymity said talks had stalled.",
]


def write_archive(root: Path, n: int) -> Path:
    """n articles in three folders and three formats, with one unreadable file among them."""
    for i in range(n):
        folder = root / "archive" / f"desk{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 5)) * (40 + i % 3)
        if i % 3 == 1:
            (folder / f"{i:03d}.md").write_text(f"---\ntitle: Story {i}\n---\n# Story {i}\n\n{body}\n")
        elif i % 3 == 2:
            (folder / f"{i:03d}.html").write_text(
                f"<html><body><h1>Story {i}</h1><p>{body}</p></body></html>\n"
            )
        else:
            (folder / f"{i:03d}.txt").write_text(body + "\n")
    (root / "archive" / "desk0" / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    return root / "archive"


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "json", "full"])
def test_jobs_2_prints_exactly_what_jobs_1_prints(run_cli_process, tmp_path, fmt):
    write_archive(tmp_path, n=60)
    one = run_cli_process("--no-config", "--no-cache", "--jobs", "1", "--format", fmt, "archive")
    two = run_cli_process("--no-config", "--no-cache", "--jobs", "2", "--format", fmt, "archive")
    total = sum(p.stat().st_size for p in (tmp_path / "archive").rglob("*.*"))
    assert total > parallel.PARALLEL_MIN_BYTES  # so --jobs 2 really forks
    assert "broken.txt" in one.stdout and one.stdout.count("NL2") >= 10
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)


def _linter() -> Linter:
    config = Config()
    plugins = load_plugins()
    return Linter(plugins, build_rules(config, plugins.rules), config)


def test_pool_results_come_back_in_order_and_equal(tmp_path, monkeypatch):
    archive = write_archive(tmp_path, n=60)
    linter = _linter()
    targets, _ = discover([str(archive)], list(linter.plugins.readers), [], tmp_path)
    forked = []
    real = parallel.WorkerPool

    def spy(task, workers):
        forked.append(workers)
        return real(task, workers)

    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 1)
    monkeypatch.setattr(parallel, "WorkerPool", spy)
    serial = linter.lint_targets(targets, jobs=1)
    pooled = linter.lint_targets(targets, jobs=2)
    assert forked == [2]
    assert [r.path for r in pooled] == [t.display for t in targets]
    assert [(r.path, r.findings, r.facts, r.metadata, r.suppressions) for r in pooled] == [
        (r.path, r.findings, r.facts, r.metadata, r.suppressions) for r in serial
    ]


def test_a_handful_of_files_stays_in_one_process(tmp_path, monkeypatch):
    archive = write_archive(tmp_path, n=12)
    linter = _linter()
    targets, _ = discover([str(archive)], list(linter.plugins.readers), [], tmp_path)

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for a handful of small files")

    monkeypatch.setattr(parallel, "WorkerPool", no_pool)
    results = linter.lint_targets(targets, jobs=2)
    assert len(results) == len(targets) and any(r.findings for r in results)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch):
    for var in ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "NEWSLINT_NO_PROGRESS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert wanted(_Terminal(), 5000)
    assert not wanted(io.StringIO(), 5000)  # a pipe or a file
    assert not wanted(_Terminal(), 10)  # too short to need one
    monkeypatch.setenv("CI", "true")
    assert not wanted(_Terminal(), 5000)


def test_progress_bar_draws_then_erases_itself(monkeypatch):
    stream = _Terminal()
    progress = Progress(300, stream=stream, enabled=True)
    monkeypatch.setattr("newslint.engine.progress.DELAY", 0)
    progress._next = 0
    for _ in range(300):
        progress.advance()
    drawn = stream.getvalue()
    assert "/300 files" in drawn and drawn.startswith("\r")
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")


@pytest.mark.slow
def test_no_progress_output_when_stderr_is_a_pipe(run_cli_process, tmp_path):
    write_archive(tmp_path, n=150)
    proc = run_cli_process("--no-config", "--no-cache", "archive", env={"CI": ""})
    # Only the summary line; no progress bar ("12/150 files") and no carriage returns.
    assert "/150 files" not in proc.stderr and "\r" not in proc.stderr
    assert proc.stderr.startswith("newslint: ") and proc.stderr.count("\n") == 1


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_cached_and_fresh_results_merge_in_order(tmp_path, monkeypatch):
    archive = write_archive(tmp_path, n=60)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 1)
    plain = _linter()
    cache = Cache.open(plain.plugins, plain.ruleset, plain.config, tmp_path / "cache")
    linter = Linter(plain.plugins, plain.ruleset, plain.config, cache=cache)
    targets, _ = discover([str(archive)], list(linter.plugins.readers), [], tmp_path)
    linter.lint_targets(targets[::2], jobs=2)  # half of them cached
    mixed = linter.lint_targets(targets, jobs=2)
    fresh = plain.lint_targets(targets, jobs=1)
    assert [(r.path, r.findings, r.facts) for r in mixed] == [(r.path, r.findings, r.facts) for r in fresh]


def test_the_parent_never_sees_a_step_overdue_while_a_worker_moves_between_steps():
    """The parent reads a worker's slot while the worker writes it: whatever it catches
    between two writes must never look like a step far past its limit (that stopped
    a healthy worker and lost its file)."""
    from newslint.engine.deadline import Watch, time_limit, watch_steps

    watch = Watch(1)
    seen: list[float | None] = []
    now = max(time.monotonic(), 1000.0)  # (a step that started at 0 is long overdue by then)

    class Slot(list):
        def __setitem__(self, index, value):
            if isinstance(index, slice):  # written one value at a time, as memory is
                for i, v in zip(range(*index.indices(len(self))), value, strict=True):
                    self[i] = v
                return
            super().__setitem__(index, value)
            seen.append(watch.overdue(0, now))

    watch.values = Slot(watch.values)
    watch_steps(watch, 0)
    try:
        for step in range(3):
            with time_limit(60, step):
                pass
    finally:
        watch_steps(None)
    assert len(seen) >= 12 and all(s is None for s in seen), seen
