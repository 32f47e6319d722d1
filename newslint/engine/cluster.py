"""The per-article pass on a Dask cluster (``--scheduler tcp://HOST:PORT``).

The same pass as the local pool, sent elsewhere: :class:`DaskCluster` stands
in for :func:`~newslint.engine.parallel.map_in_order` behind
:meth:`Linter.lint_targets <newslint.engine.run.Linter.lint_targets>`, so
the cache, the story grouping, the story pass, the suppressions and the
reporters run on this machine exactly as in a local run; only the reading and
checking of each file runs on the cluster's workers, a batch of files per task.

A worker rebuilds the linter from a :class:`LinterRecipe` (the configuration,
each rule's code and options, the limits), once per run: the plugins load
there as they load here, from the same installation. Files are read by the
workers from a path they share with this machine (the same absolute path),
or sent with each task (``--ship-files``).

Failures: a batch whose task raised is run once more (``retries=1``); a
batch whose worker died is run again by the scheduler as often as its
``distributed.scheduler.allowed-failures`` setting says (set it to 1 for
one retry), then its files are reported with an NL004 notice each and the
run goes on. Ctrl-C cancels the run's tasks. A scheduler that cannot be
reached within :data:`CONNECT_TIMEOUT` seconds is a :class:`ClusterError`.

Dask is imported only here, and only when a cluster is used: the default
installation does not need it (the ``dask`` extra: ``pip install '.[dask]'``).
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from newslint.config import Config
from newslint.config.selection import RuleSet
from newslint.core_rules import RuleError
from newslint.engine.discovery import Target
from newslint.engine.progress import Progress
from newslint.engine.results import DocumentResult, gc_paused, notice
from newslint.findings import Finding, Severity

if TYPE_CHECKING:
    from newslint.engine.run import Linter

__all__ = [
    "CONNECT_TIMEOUT",
    "ENV_SCHEDULER",
    "MAX_BATCH",
    "ClusterError",
    "DaskCluster",
    "LinterRecipe",
    "linter_from",
    "recipe_of",
    "scheduler_address",
]

R = TypeVar("R")

#: The environment variable that names the scheduler when ``--scheduler`` does not.
ENV_SCHEDULER = "NEWSLINT_SCHEDULER"
#: Seconds to wait for the scheduler before giving up.
CONNECT_TIMEOUT = 5.0
#: At most this many files per task: a task then runs for a tenth of a second or
#: more, well above the scheduler's cost per task (see benchmarks/dask_scale.py).
MAX_BATCH = 100
#: Linters a worker keeps, by recipe (a long-lived worker serves many runs).
_KEPT_LINTERS = 4

WORKER_DIED = (
    "the cluster worker checking this file or one near it died (its batch was retried and "
    "died again); not checked"
)


class ClusterError(Exception):
    """The cluster cannot be used: Dask is not installed, or the scheduler cannot be reached."""


@dataclass(frozen=True)
class LinterRecipe:
    """What a worker needs to build the same linter as this machine's: the configuration,
    the plugins not to load, each rule's code and options in order, severities, limits."""

    token: str
    config: Config
    disabled: tuple[str, ...]
    rules: tuple[tuple[str, dict[str, Any]], ...]
    severities: dict[str, Severity]
    enabled: frozenset[str]
    max_file_bytes: int
    timeout: float | None
    #: The plugins this machine loaded (named when a rule is missing on a worker).
    plugin_of: dict[str, str] = field(default_factory=dict)


def recipe_of(linter: Linter) -> LinterRecipe:
    """A linter's recipe (made once per linter: its token names it on the workers)."""
    recipe: LinterRecipe | None = getattr(linter, "_recipe", None)
    if recipe is None:
        plugins = linter.plugins
        ruleset = linter.ruleset
        config = linter.config
        if config.path:  # the workers' working folder is not this one
            config = replace(config, path=os.path.abspath(config.path))
        recipe = LinterRecipe(
            token=uuid.uuid4().hex,
            config=config,
            disabled=tuple(sorted(plugins.names - set(plugins.info))),
            rules=tuple((r.code, dict(r.options)) for r in ruleset.rules),
            severities=dict(ruleset.severities),
            enabled=frozenset(ruleset.enabled_codes),
            max_file_bytes=linter.intake.max_file_bytes,
            timeout=linter.intake.timeout,
            plugin_of={r.code: plugins.plugin_of(r.code) for r in ruleset.rules},
        )
        linter._recipe = recipe  # type: ignore[attr-defined]
    return recipe


_linters: OrderedDict[str, Linter] = OrderedDict()
_linters_lock = threading.Lock()


def linter_from(recipe: LinterRecipe) -> Linter:
    """On a worker: the linter of a recipe, built once and kept for the run's other batches.

    :raises ClusterError: when a rule of the recipe is not installed on this worker.
    """
    with _linters_lock:
        linter = _linters.get(recipe.token)
        if linter is not None:
            _linters.move_to_end(recipe.token)
            return linter
        from newslint.engine.projects import load_project_plugins
        from newslint.engine.run import Linter

        plugins = load_project_plugins(recipe.config, recipe.disabled)
        absent = [code for code, _ in recipe.rules if code not in plugins.rules]
        if absent:
            named = sorted({f"{c} (plugin {recipe.plugin_of.get(c, '?')!r})" for c in absent})
            raise ClusterError(f"rules not installed on this worker: {', '.join(named)}")
        rules = [plugins.rules[code](options) for code, options in recipe.rules]
        ruleset = RuleSet(rules, dict(recipe.severities), set(recipe.enabled))
        linter = Linter(
            plugins,
            ruleset,
            recipe.config,
            max_file_bytes=recipe.max_file_bytes,
            timeout=recipe.timeout,
        )
        linter._recipe = recipe  # type: ignore[attr-defined]
        _linters[recipe.token] = linter
        while len(_linters) > _KEPT_LINTERS:
            _linters.popitem(last=False)
        return linter


def _run_batch(
    items: Sequence[tuple[Target, bytes | None]],
    recipe: LinterRecipe,
    method: str,
    keywords: dict[str, Any],
) -> list[Any]:
    """A task, on a worker: the linter's ``method`` on each file of a batch (its bytes sent
    along, or read there). The linter is built when the task runs, never while it is
    unpacked: a worker that cannot build it fails this task, not its connection."""
    work = getattr(linter_from(recipe), method)
    with gc_paused():
        return [
            work(target, **keywords) if data is None else work(target, data=data, **keywords)
            for target, data in items
        ]


def _portable(linter: Linter, work: Callable[..., Any]) -> tuple[LinterRecipe, str, dict[str, Any]]:
    """``work`` (one of the linter's methods, with keyword arguments bound) as a worker
    rebuilds it: the linter's recipe, the method's name, the keywords."""
    func, keywords = work, {}
    if isinstance(work, functools.partial) and not work.args:
        func, keywords = work.func, dict(work.keywords)
    if getattr(func, "__self__", None) is not linter:
        raise TypeError("a cluster runs one of the linter's own methods")
    return recipe_of(linter), func.__name__, keywords


class DaskCluster:
    """A Dask scheduler's workers, running the per-article pass of a run.

    :param address: the scheduler (``tcp://HOST:PORT``, or any address Dask's
        ``Client`` takes).
    :param ship_files: send each file's bytes with its task, for workers that do
        not see this machine's files; else each worker reads the files at their
        absolute path here.
    :param batch_size: files per task; None: enough tasks to keep every worker
        thread busy, at most :data:`MAX_BATCH` files each.
    """

    def __init__(
        self,
        address: str,
        ship_files: bool = False,
        batch_size: int | None = None,
        connect_timeout: float = CONNECT_TIMEOUT,
    ) -> None:
        self.address = address
        self.ship_files = ship_files
        self.batch_size = batch_size
        self.connect_timeout = connect_timeout
        self._client: Any = None

    # -- connection -----------------------------------------------------------

    def connect(self) -> DaskCluster:
        """Connect to the scheduler (once).

        :raises ClusterError: Dask is not installed, or the scheduler does not answer.
        """
        if self._client is not None:
            return self
        try:
            from distributed import Client
        except ImportError as exc:
            raise ClusterError(
                "--scheduler needs Dask's distributed scheduler: install newslint's dask extra "
                f"(pip install '.[dask]' in its folder, or pip install dask distributed) ({exc})"
            ) from None
        try:
            self._client = Client(self.address, timeout=self.connect_timeout, set_as_default=False)
        except (OSError, ValueError, TypeError) as exc:
            raise ClusterError(
                f"cannot reach the Dask scheduler at {self.address} "
                f"(within {self.connect_timeout:g} s): {exc}"
            ) from None
        return self

    def close(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None
            with contextlib.suppress(Exception):
                client.close()

    def __enter__(self) -> DaskCluster:
        return self.connect()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the per-article pass ---------------------------------------------------

    def map(
        self,
        linter: Linter,
        work: Callable[[Target], R],
        targets: Sequence[Target],
        progress: Progress,
        on_crash: Callable[[DocumentResult], R],
    ) -> Iterator[R]:
        """``work(target)`` for each target, in order, run on the cluster's workers.

        ``work`` is one of ``linter``'s methods (keywords may be bound with
        ``functools.partial``): it travels as the linter's recipe and the
        method's name. ``on_crash`` turns the notice of a file that could not
        be checked into the shape ``work`` returns.
        """
        if not targets:
            return
        client = self.connect()._client
        items, unread = self._items(linter, targets)
        size = self.batch_for(len(items))
        batches = [items[i : i + size] for i in range(0, len(items), size)]
        run = uuid.uuid4().hex[:12]
        keys = [f"newslint-{run}-{i}" for i in range(len(batches))]
        recipe, method, keywords = _portable(linter, work)
        futures = client.map(
            _run_batch,
            batches,
            recipe=recipe,
            method=method,
            keywords=keywords,
            key=keys,
            retries=1,
            pure=False,
        )
        index = {f.key: i for i, f in enumerate(futures)}
        done: dict[int, list[R]] = {}
        unread_at = dict(unread)
        try:
            from distributed import as_completed

            with gc_paused():
                pending = iter(as_completed(futures, loop=client.loop))
                slot = 0  # the next target to yield
                batch_no = 0  # the batch holding the next shipped target
                position = 0  # within that batch
                while slot < len(targets):
                    if slot in unread_at:
                        yield on_crash(unread_at.pop(slot))
                        progress.advance()
                        slot += 1
                        continue
                    while batch_no not in done:
                        future = next(pending)
                        i = index[future.key]
                        done[i] = self._outcome(future, batches[i], on_crash)
                        future.release()
                    yield done[batch_no][position]
                    progress.advance()
                    slot += 1
                    position += 1
                    if position == len(batches[batch_no]):
                        del done[batch_no]
                        batch_no, position = batch_no + 1, 0
        except BaseException:  # Ctrl-C, or the reader stopped: the cluster stops too
            with contextlib.suppress(Exception):
                client.cancel(futures, force=True)
            raise

    def _items(
        self, linter: Linter, targets: Sequence[Target]
    ) -> tuple[list[tuple[Target, bytes | None]], list[tuple[int, DocumentResult]]]:
        """What each task is given per file: the target at its absolute path and, with
        ``ship_files``, its bytes; and the files that cannot be read here (their notices)."""
        items: list[tuple[Target, bytes | None]] = []
        unread: list[tuple[int, DocumentResult]] = []
        for n, target in enumerate(targets):
            there = replace(target, path=target.path.absolute())
            if not self.ship_files:
                items.append((there, None))
                continue
            data = linter.intake.read_bytes(target)
            if isinstance(data, Finding):
                unread.append((n, DocumentResult(target.display, findings=[data])))
            else:
                items.append((there, data))
        return items, unread

    def batch_for(self, files: int) -> int:
        """Files per task for a run of ``files``: ``batch_size``, else enough tasks to give
        each worker thread four, at most :data:`MAX_BATCH` files each."""
        if self.batch_size:
            return self.batch_size
        threads = sum(self.connect()._client.nthreads().values()) or 1
        return max(1, min(MAX_BATCH, math.ceil(files / (threads * 4))))

    @staticmethod
    def _outcome(
        future: Any, batch: Sequence[tuple[Target, bytes | None]], on_crash: Callable[[DocumentResult], R]
    ) -> list[R]:
        """A batch's results; if it could not run (its worker died, or it raised twice),
        one NL004 notice per file."""
        if future.status == "finished":
            return list(future.result())
        from distributed import KilledWorker

        exc = future.exception() if future.status == "error" else None
        if isinstance(exc, KilledWorker):
            message = WORKER_DIED
        else:
            reason = f"{type(exc).__name__}: {exc}" if exc is not None else f"task {future.status}"
            message = f"the cluster could not check this file: {reason}; not checked"
        return [
            on_crash(DocumentResult(t.display, findings=[notice(RuleError, t.display, message)]))
            for t, _ in batch
        ]


def scheduler_address(given: str | None) -> str | None:
    """The scheduler named by ``--scheduler``, else by :data:`ENV_SCHEDULER` (None: run locally)."""
    return given or os.environ.get(ENV_SCHEDULER) or None
