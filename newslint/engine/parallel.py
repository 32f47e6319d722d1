"""Parallel: a task over many items (files, stories) in forked worker processes, results in order.

The workers are forked from the main process once the rules are loaded, so
they inherit the plugins, the rules, the task and the items themselves: only
item numbers go to them, and only results come back.

The main process supervises them, so that nothing a plugin does on one item
costs more than that item:

- A worker that dies (a crash in native code, an out-of-memory kill) is
  replaced; the items it had not finished are checked again, the one it was
  on last of all and alone, and only if that one kills a worker again is it
  given up, named as the culprit (:meth:`Task.lost`).
- A step that runs well past its time limit and does not stop (a bare
  ``except:`` in a loop, native code; see :mod:`~newslint.engine.deadline`)
  has its worker stopped, and the item is checked again without that step.
- Workers die with the main process, however it ends (``kill -9`` included),
  never write to its standard output (a plugin's ``print`` goes to standard
  error), never read its standard input, and leave Ctrl-C to it.
- A result that cannot be pickled (a corpus rule's facts holding an open
  file) is made sendable by the task (:meth:`Task.sendable`) where it was made.

Without ``fork`` (Windows) the items are checked in the main process.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, Protocol, TypeVar

from newslint.engine.deadline import Watch, watch_steps, watching_item
from newslint.engine.discovery import Target
from newslint.engine.progress import Progress

__all__ = ["PARALLEL_MIN_BYTES", "Task", "WorkerPool", "can_fork", "map_in_order", "worth_forking"]

T = TypeVar("T")
R = TypeVar("R")
T_contra = TypeVar("T_contra", contravariant=True)

#: Below this much text a pool of several workers costs more than it saves
#: (measured: starting two workers costs about as much as linting 30 articles;
#: see benchmarks/).
PARALLEL_MIN_BYTES = 256 * 1024
#: An item that killed this many workers is given up.
DEATHS_PER_ITEM = 2
#: Seconds a worker is given to leave when the work is done, before it is killed.
_EXIT_WAIT = 5.0


class Task(Protocol[T_contra, R]):
    """What a pool runs: one item at a time, in numbered steps (a reader, each rule)."""

    def run(self, item: T_contra, skip: frozenset[int]) -> R:
        """The result for one item, leaving out the steps in ``skip`` (each reported as
        timed out: it was stopped from outside on an earlier try)."""
        ...

    def lost(self, item: T_contra, why: str) -> R:
        """The result for an item that could not be checked (``why`` says why)."""
        ...

    def step_name(self, item: T_contra, step: int) -> str:
        """What runs in a step on this item, for messages (``rule NL201 (anonymous-source)``)."""
        ...

    def sendable(self, result: R) -> R:
        """The result, made picklable if it is not (so it can leave the worker)."""
        ...


def can_fork() -> bool:
    """Whether worker processes can be forked here (every POSIX system; not Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def worth_forking(targets: Sequence[Target], jobs: int) -> bool:
    """Whether several workers pay for themselves: more than one job, enough files and text."""
    if jobs <= 1 or len(targets) < 2 * jobs or not can_fork():
        return False
    if len(targets) >= 512:  # surely enough text: spare the stat calls
        return True
    total = 0
    for t in targets:
        with contextlib.suppress(OSError):
            total += t.path.stat().st_size
    return total >= PARALLEL_MIN_BYTES


def map_in_order(task: Task[T, R], items: Sequence[T], workers: int, progress: Progress) -> Iterator[R]:
    """``task.run(item)`` for each item, in order: in ``workers`` forked processes, or in
    this one when ``workers`` is 0 (or nothing can be forked here)."""
    if workers <= 0 or not items or not can_fork():
        for item in items:
            yield task.run(item, frozenset())
            progress.advance()
        return
    yield from WorkerPool(task, workers).map(items, progress)


class _Worker:
    """One worker process, the pipe to it, and the items it was given last."""

    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        #: (item number, steps to skip) of the chunk it is checking; empty when idle.
        self.chunk: list[tuple[int, frozenset[int]]] = []


class WorkerPool(Generic[T, R]):
    """Forked workers that run a task over items, a chunk at a time, supervised.

    :meth:`map` starts the workers and stops them when it ends (or is
    interrupted); each map has workers of its own.
    """

    def __init__(self, task: Task[T, R], workers: int) -> None:
        self.task = task
        self.workers = max(1, workers)

    def map(self, items: Sequence[T], progress: Progress) -> Iterator[R]:
        """``task.run(item)`` for each item, in order."""
        return _Run(self.task, items, self.workers, progress).results()


class _Run(Generic[T, R]):
    """One map of a pool: its workers, the chunks still to check, the results not yet yielded."""

    def __init__(self, task: Task[T, R], items: Sequence[T], workers: int, progress: Progress) -> None:
        self.task = task
        self.items = items
        self.progress = progress
        size = max(1, min(64, len(items) // (workers * 8)))
        numbers = range(len(items))
        #: Chunks to check, in order; then items that killed a worker, each alone.
        self.todo: deque[list[tuple[int, frozenset[int]]]] = deque(
            [(i, frozenset()) for i in numbers[start : start + size]] for start in range(0, len(items), size)
        )
        self.suspects: deque[list[tuple[int, frozenset[int]]]] = deque()
        self.deaths: dict[int, int] = {}
        self.done: dict[int, R] = {}
        self.slots: list[_Worker | None] = [None] * min(workers, len(self.todo))
        self.watch = Watch(len(self.slots))
        self.parent = os.getpid()
        self.lifeline = os.pipe()

    # -- the main loop -------------------------------------------------------

    def results(self) -> Iterator[R]:
        following = 0
        try:
            # This process only collects results here: no cycles to find among them.
            with _gc_paused():
                while following < len(self.items):
                    self._dispatch()
                    self._collect()
                    while following in self.done:
                        yield self.done.pop(following)
                        self.progress.advance()
                        following += 1
        except BaseException:
            self._stop(now=True)
            raise
        self._stop(now=False)

    def _dispatch(self) -> None:
        """Give each idle worker the next chunk (starting workers as they are needed)."""
        for slot, worker in enumerate(self.slots):
            if worker is not None and worker.chunk:
                continue
            busy = any(w is not None and w.chunk for w in self.slots)
            if self.todo:
                chunk = self.todo.popleft()
            elif self.suspects and not busy:  # alone: nothing else runs beside it
                chunk = self.suspects.popleft()
            else:
                continue
            if worker is None:
                worker = self.slots[slot] = self._start(slot)
            worker.chunk = chunk
            with contextlib.suppress(OSError):  # it died before it could take it: noticed by _collect
                worker.conn.send(chunk)

    def _collect(self) -> None:
        """Wait for results, a death or an overdue step, and deal with each."""
        busy = [(slot, w) for slot, w in enumerate(self.slots) if w is not None and w.chunk]
        if not busy:
            return
        now = time.monotonic()
        checks = [c for slot, _ in busy if (c := self.watch.next_check(slot, now)) is not None]
        # (At least once a second: a step that starts after this wait began has its limit too.)
        timeout = min([1.0, *checks])
        ready = set(wait([w.conn for _, w in busy] + [w.process.sentinel for _, w in busy], timeout))
        now = time.monotonic()
        for slot, worker in busy:
            if worker.conn in ready:
                self._receive(slot, worker)
            elif worker.process.sentinel in ready:
                self._died(slot, worker)
            else:
                limit = self.watch.overdue(slot, now)
                if limit is not None:
                    self._overdue(slot, worker, limit)

    def _receive(self, slot: int, worker: _Worker) -> None:
        try:
            results = worker.conn.recv()
        except (EOFError, OSError):
            self._died(slot, worker)
            return
        except Exception as exc:  # a result that cannot be unpickled here
            why = f"its result could not be read back ({type(exc).__name__}: {exc})"
            for number, _skip in worker.chunk:
                self.done[number] = self.task.lost(self.items[number], why)
            worker.chunk = []
            return
        for number, result in results:
            self.done[number] = result
        worker.chunk = []

    def _died(self, slot: int, worker: _Worker) -> None:
        """A worker died: the rest of its chunk is checked again, the item it was on
        last and alone, and given up once it has killed DEATHS_PER_ITEM workers."""
        number, step = self.watch.item(slot), self.watch.step(slot)
        worker.process.join()
        how = _how_it_ended(worker.process.exitcode)
        chunk = worker.chunk
        self._retire(slot, worker)
        if number not in {n for n, _ in chunk}:
            # It died between items (while starting, say): its first item answers for it.
            number, step = chunk[0][0], -1
        rest = [(n, s) for n, s in chunk if n != number]
        if rest:
            self.todo.appendleft(rest)
        skip = next(s for n, s in chunk if n == number)
        self.deaths[number] = self.deaths.get(number, 0) + 1
        if self.deaths[number] >= DEATHS_PER_ITEM:
            name = self.task.step_name(self.items[number], step) if step >= 0 else ""
            where = f" in {name}" if name else ""
            why = f"the process checking it died{where} ({how}), also when retried alone"
            self.done[number] = self.task.lost(self.items[number], why)
        else:
            self.suspects.append([(number, skip)])

    def _overdue(self, slot: int, worker: _Worker, limit: float) -> None:
        """A step ran well past its limit without stopping: its worker is stopped, and
        the item is checked again without that step."""
        number, step = self.watch.item(slot), self.watch.step(slot)
        with contextlib.suppress(OSError):
            worker.process.kill()
        worker.process.join()
        chunk = worker.chunk
        self._retire(slot, worker)
        rest = [(n, s) for n, s in chunk if n != number]
        if rest:
            self.todo.appendleft(rest)
        skip = next((s for n, s in chunk if n == number), None)
        if skip is None:
            return
        if step >= 0:
            self.todo.appendleft([(number, skip | {step})])
        else:
            why = f"it ran past the {limit:g} s limit and its process had to be stopped"
            self.done[number] = self.task.lost(self.items[number], why)

    # -- workers -------------------------------------------------------------

    def _start(self, slot: int) -> _Worker:
        """A fresh worker for a slot, forked from this process."""
        self.watch.clear(slot)
        ours, theirs = multiprocessing.Pipe()
        process = multiprocessing.get_context("fork").Process(
            target=_serve,
            args=(self.task, self.items, theirs, ours, self.watch, slot, self.lifeline, self.parent),
            daemon=True,  # (and never joined at exit if something goes wrong)
            name=f"newslint-worker-{slot}",
        )
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _retire(self, slot: int, worker: _Worker) -> None:
        worker.conn.close()
        worker.process.close()
        self.slots[slot] = None

    def _stop(self, now: bool) -> None:
        """Stop the workers: at once (an interruption, an error), or by asking them to
        leave (the work is done); then close the lifeline."""
        workers = [w for w in self.slots if w is not None]
        if now:
            for worker in workers:
                with contextlib.suppress(OSError, ValueError):
                    worker.process.kill()
        else:
            for worker in workers:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        deadline = time.monotonic() + (0 if now else _EXIT_WAIT)
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()) if not now else None)
            if worker.process.exitcode is None:
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.slots = [None] * len(self.slots)
        for fd in self.lifeline:
            with contextlib.suppress(OSError):
                os.close(fd)


def _how_it_ended(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"killed by {name}"
    return f"exited with status {exitcode}"


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- in the worker process -----------------------------------------------------


def _serve(
    task: Task[Any, Any],
    items: Sequence[Any],
    conn: Connection,
    parents_end: Connection,
    watch: Watch,
    slot: int,
    lifeline: tuple[int, int],
    parent: int,
) -> None:
    """A worker's life: check the chunks it is sent until it is told to stop."""
    parents_end.close()
    _die_with_parent(lifeline, parent)
    _leave_stdout_alone()
    # Ctrl-C is the main process's to handle: it stops the workers (no traceback from each).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch_steps(watch, slot)
    # What it inherited lives as long as it does: out of the collector's sight
    # (no copy-on-write of every page it touches), while analysing a document
    # makes reference cycles, so the collector runs on what it makes.
    gc.freeze()
    gc.enable()
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        results = []
        for number, skip in chunk:
            watching_item(number)
            results.append((number, task.run(items[number], skip)))
        watching_item(-1)
        _send(conn, results, task, items)


def _send(
    conn: Connection, results: list[tuple[int, Any]], task: Task[Any, Any], items: Sequence[Any]
) -> None:
    """Send results back; one that cannot be pickled is made sendable, or given up."""
    try:
        conn.send(results)
        return
    except Exception:  # pickling failed: nothing was written
        pass
    from multiprocessing.reduction import ForkingPickler

    fixed = []
    for number, result in results:
        for attempt in range(2):
            try:
                ForkingPickler.dumps(result)
                break
            except Exception as exc:
                if attempt == 0:
                    result = task.sendable(result)
                else:
                    why = f"its result could not be passed back ({type(exc).__name__}: {exc})"
                    result = task.lost(items[number], why)
        fixed.append((number, result))
    conn.send(fixed)


def _die_with_parent(lifeline: tuple[int, int], parent: int) -> None:
    """Make this worker end when the main process ends, however it ends.

    The main process holds the only writing end of the lifeline pipe: when it
    dies (a ``kill -9`` included), a thread here reads the end of the pipe and
    leaves. On Linux the kernel kills this process too (``PR_SET_PDEATHSIG``),
    even if native code holds the interpreter.
    """
    reading, writing = lifeline
    os.close(writing)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it died already
        os._exit(1)

    def wait_for_the_end() -> None:
        with contextlib.suppress(OSError):
            while os.read(reading, 1):
                pass
        os._exit(1)

    threading.Thread(target=wait_for_the_end, name="newslint-lifeline", daemon=True).start()


def _leave_stdout_alone() -> None:
    """Point this process's standard output at its standard error: the findings on
    standard output are the main process's alone, and a pipe reading them ends
    when the main process ends."""
    try:
        os.dup2(2, 1)
    except OSError:  # no standard error either
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    with contextlib.suppress(Exception):
        sys.stdout = sys.stderr
