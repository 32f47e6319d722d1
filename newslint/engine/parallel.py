"""Parallel: one function over many files, in a pool of forked worker processes, results in order.

The workers are forked from the main process once the rules are loaded, so
they inherit the plugins, the rules and the function they run: only the
targets go to them and only the results come back. Small runs stay in one
process, where a pool would cost more than it saves.

If a worker process dies (a crash in native code), the files of its chunk
are reported with an NL004 notice each and the run goes on.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from newslint.core_rules import RuleError
from newslint.engine.discovery import Target
from newslint.engine.progress import Progress
from newslint.engine.results import DocumentResult, gc_paused, notice

__all__ = ["PARALLEL_MIN_BYTES", "WorkerPool", "map_in_order", "worth_forking"]

R = TypeVar("R")

#: Below this much text a pool costs more than it saves (measured: starting two
#: workers costs about as much as linting 30 articles; see benchmarks/).
PARALLEL_MIN_BYTES = 256 * 1024

#: In a worker process: the function it applies to each target (set when the worker starts).
_work: Callable[[Target], Any] | None = None


def map_in_order(
    work: Callable[[Target], R],
    targets: Sequence[Target],
    jobs: int,
    progress: Progress,
    on_crash: Callable[[DocumentResult], R],
) -> Iterator[R]:
    """``work(target)`` for each target, in order: in a pool of ``jobs`` workers when it pays.

    ``on_crash`` turns the NL004 result of a file whose worker died into
    the shape ``work`` returns.
    """
    if not worth_forking(targets, jobs):
        for target in targets:
            yield work(target)
            progress.advance()
        return
    yield from WorkerPool(work, jobs).map(targets, progress, on_crash)


def worth_forking(targets: Sequence[Target], jobs: int) -> bool:
    """Whether a pool pays for itself: more than one job, enough files and text, and fork."""
    if jobs <= 1 or len(targets) < 2 * jobs or "fork" not in multiprocessing.get_all_start_methods():
        return False
    if len(targets) >= 512:  # surely enough text: spare the stat calls
        return True
    total = 0
    for t in targets:
        with contextlib.suppress(OSError):
            total += t.path.stat().st_size
    return total >= PARALLEL_MIN_BYTES


class WorkerPool:
    """Forked workers that apply ``work`` to targets, a chunk at a time.

    :meth:`map` starts the workers and stops them when it ends (or is
    interrupted); each map has workers of its own.
    """

    def __init__(self, work: Callable[[Target], R], jobs: int) -> None:
        self.work = work
        self.jobs = jobs

    def map(
        self, targets: Sequence[Target], progress: Progress, on_crash: Callable[[DocumentResult], R]
    ) -> Iterator[R]:
        """``work(target)`` for each target, in order."""
        size = max(1, min(64, len(targets) // (self.jobs * 8)))
        chunks = [targets[i : i + size] for i in range(0, len(targets), size)]
        pool = self._start()
        try:
            # This process only collects results here: no cycles to find among them.
            with gc_paused():
                futures = [pool.submit(_run_chunk, chunk) for chunk in chunks]
                for future, chunk in zip(futures, chunks, strict=True):
                    for r in _chunk_results(future, chunk, on_crash):
                        yield r
                        progress.advance()
        except BaseException:
            _stop_now(pool)
            raise
        pool.shutdown()

    def _start(self) -> ProcessPoolExecutor:
        """Fresh workers, forked from this process."""
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(self.work,),  # inherited by the forked workers, never pickled
        )


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """Ctrl-C: the workers ignore it (no traceback from each); stop them now rather
    than wait for the queue. Futures are left as they are: the pool marks them
    broken itself (cancelling them races with that)."""
    for process in dict(getattr(pool, "_processes", None) or {}).values():
        process.terminate()
    pool.shutdown(wait=False)


def _chunk_results(
    future: Future[list[Any]], chunk: Sequence[Target], on_crash: Callable[[DocumentResult], R]
) -> list[R]:
    """A chunk's results; if its worker died (a crash in native code), one NL004 per file."""
    try:
        return future.result()
    except BrokenProcessPool:
        message = "a worker process died while checking this file or one near it; not checked (try --jobs 1)"
        return [
            on_crash(DocumentResult(t.display, findings=[notice(RuleError, t.display, message)]))
            for t in chunk
        ]


def _start_worker(work: Callable[[Target], Any]) -> None:
    """A worker keeps the function it applies, and leaves Ctrl-C to the main process,
    which stops it (no traceback from each worker).

    It collects garbage even if forked while the main process had paused it:
    analysing a document makes reference cycles.
    """
    global _work
    _work = work
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.enable()


def _run_chunk(targets: Sequence[Target]) -> list[Any]:
    assert _work is not None, "a chunk is run by a worker started by WorkerPool"
    return [_work(target) for target in targets]
