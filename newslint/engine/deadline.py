"""A time limit on one step of the per-document pass (``--timeout``).

A rule or reader that hangs on one document (a runaway regular expression, an
endless loop) is interrupted, reported as NL006, and the run goes on.

It uses ``SIGALRM`` in the process that runs the document: the main process
with ``--jobs 1``, each forked worker otherwise (workers run their tasks in
their main thread). Where that is not possible (Windows, or newslint called
from a thread other than the main one) the limit is not enforced, and
:func:`enforceable` says so; nothing else changes.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["StepTimeout", "enforceable", "time_limit"]


class StepTimeout(BaseException):
    """Raised inside a step that ran past its limit.

    A BaseException, so that a rule's own ``except Exception`` cannot swallow it.
    """


def enforceable() -> bool:
    """Whether a time limit can interrupt work here."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _expired(signum: int, frame: object) -> None:
    raise StepTimeout


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`StepTimeout` in the body if it runs longer than ``seconds``.

    No limit when ``seconds`` is None or 0, or when it is not enforceable here.
    The caller catches StepTimeout around the ``with`` statement: the alarm
    may fire just as the body ends.
    """
    if not seconds or not enforceable():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
