"""Time limits on the steps of a pass (``--timeout``): a reader, a rule, a story rule.

A step that hangs on one document (a runaway regular expression, an endless
loop) is interrupted, reported as NL006, and the run goes on.

Two layers, because one is not enough:

- In the process that runs the step, ``SIGALRM`` raises :class:`StepTimeout`
  in it when its time is up (a BaseException, so ``except Exception`` does not
  swallow it). That stops almost every hang, and the other steps still run.
- A step can still refuse to stop: a bare ``except:`` in a loop swallows
  the exception, and native code never returns to Python to receive it. So a
  worker process also writes, in memory its parent shares (:class:`Watch`),
  which item and which step it is on and since when; the parent stops a
  worker whose step has run well past its limit (:func:`overdue`), and has the
  item checked again without that step (:mod:`newslint.engine.parallel`).

Where ``SIGALRM`` is not available (Windows, or newslint called from a thread
other than the main one) the first layer is off, and :func:`enforceable`
says so.
"""

from __future__ import annotations

import signal
import threading
import time
from types import TracebackType
from typing import Any

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_SECONDS",
    "StepTimeout",
    "Watch",
    "enforceable",
    "grace",
    "time_limit",
    "watch_steps",
    "watching_item",
]

#: Seconds a step may take on one file or story unless ``--timeout`` says
#: otherwise: far more than any article needs (a 10 MB file of the stress
#: inputs takes a few seconds a step), short enough that a hang ends a run's
#: wait within minutes.
DEFAULT_TIMEOUT = 60.0
#: A limit longer than this (about four months) is no limit: the alarm is not
#: set (``setitimer`` cannot take every number, and nothing runs that long).
MAX_SECONDS = 1e7


class StepTimeout(BaseException):
    """Raised inside a step that ran past its limit.

    A BaseException, so that a rule's own ``except Exception`` cannot swallow it.
    """


def enforceable() -> bool:
    """Whether a time limit can interrupt work here."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def grace(seconds: float) -> float:
    """How long past its limit a step may run before its process is stopped from outside."""
    return max(2.0, seconds / 2)


class Watch:
    """What each worker process is doing, in memory shared with its parent.

    One slot per worker: the item it is checking, the step it is in (-1:
    none), when that step started (``time.monotonic``, one clock for every
    process) and its limit in seconds (0: none). Only the worker writes its
    slot; the parent reads it.
    """

    FIELDS = 4

    def __init__(self, workers: int) -> None:
        from multiprocessing.sharedctypes import RawArray

        self.values: Any = RawArray("d", workers * self.FIELDS)
        for slot in range(workers):
            self.clear(slot)

    def clear(self, slot: int) -> None:
        base = slot * self.FIELDS
        self.values[base : base + self.FIELDS] = [-1.0, -1.0, 0.0, 0.0]

    def item(self, slot: int) -> int:
        """The item the worker in ``slot`` is checking (-1: none)."""
        return int(self.values[slot * self.FIELDS])

    def step(self, slot: int) -> int:
        """The step it is in (-1: none, or a step without a limit)."""
        return int(self.values[slot * self.FIELDS + 1])

    def overdue(self, slot: int, now: float) -> float | None:
        """The limit of the step the worker in ``slot`` has run well past (:func:`grace`), or None."""
        base = slot * self.FIELDS
        started, limit = self.values[base + 2], self.values[base + 3]
        if self.values[base + 2] != started:  # a step began meanwhile: look again next time
            return None
        if limit > 0 and now > started + limit + grace(limit):
            return float(limit)
        return None

    def next_check(self, slot: int, now: float) -> float | None:
        """Seconds until the step of the worker in ``slot`` would be overdue, or None."""
        base = slot * self.FIELDS
        started, limit = self.values[base + 2], self.values[base + 3]
        if limit <= 0:
            return None
        return max(0.0, started + limit + grace(limit) - now)


#: In a worker process: its Watch and slot (set when the worker starts).
_watched: tuple[Watch, int] | None = None


def watch_steps(watch: Watch | None, slot: int = 0) -> None:
    """Have the steps of this process written to ``watch`` (in a worker process), or no longer."""
    global _watched
    _watched = (watch, slot) if watch is not None else None


def watching_item(item: int) -> None:
    """In a worker: say which item it is checking now."""
    if _watched is not None:
        watch, slot = _watched
        watch.values[slot * Watch.FIELDS] = item


def _expired(signum: int, frame: object) -> None:
    raise StepTimeout


class time_limit:  # noqa: N801 (used as a context manager, like contextlib's)
    """Raise :class:`StepTimeout` in the body if it runs longer than ``seconds``.

    No limit when ``seconds`` is None or 0. ``step`` numbers the step for the
    worker's :class:`Watch` (-1: not a step an item can be checked again
    without). The caller catches StepTimeout around the ``with`` statement:
    the alarm may fire just as the body ends.
    """

    def __init__(self, seconds: float | None, step: int = -1) -> None:
        self.seconds = seconds if seconds and 0 < seconds <= MAX_SECONDS else None
        self.step = step
        self._alarm = self.seconds is not None and enforceable()
        self._previous: Any = None

    def __enter__(self) -> time_limit:
        if self.seconds is None:
            return self
        if _watched is not None:
            watch, slot = _watched
            base = slot * Watch.FIELDS
            # The limit last, so that the parent never sees it with the start of another step.
            watch.values[base + 1] = self.step
            watch.values[base + 2] = time.monotonic()
            watch.values[base + 3] = self.seconds
        if self._alarm:
            self._previous = signal.signal(signal.SIGALRM, _expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.seconds is None:
            return
        try:
            if self._alarm:
                try:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                finally:
                    signal.signal(signal.SIGALRM, self._previous)
        finally:
            if _watched is not None:
                watch, slot = _watched
                base = slot * Watch.FIELDS
                # The limit first: a parent reading the slot meanwhile must not see this
                # step's limit with a start of 0 (a step overdue by hours).
                watch.values[base + 3] = 0.0
                watch.values[base + 1] = -1.0
                watch.values[base + 2] = 0.0
