"""What the language server knows between requests, with no protocol in it: configurations,
the open buffers, and the workspace's articles that story rules compare a buffer with.

A buffer is linted as the file it stands for would be, by the configuration
of the rules.yaml nearest to it (read again when it changes on disk). Story
rules see the rest of its story: the workspace's files of that story, their
facts read once in the background (and from the per-file cache, so a
workspace linted before costs little), with every open buffer standing in for
its file. Nothing here raises on a bad buffer or a bad rules.yaml: each
problem becomes a finding on the buffer, so the editor shows it and the
server goes on.
"""

from __future__ import annotations

import os
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pluggy import PluginValidationError

from newslint.api import Configuration
from newslint.config import ConfigError, find_config, load_config
from newslint.core_rules import FileTooLarge, RuleError
from newslint.engine.cache import DEFAULT_DIR, Cache
from newslint.engine.discovery import discover
from newslint.engine.results import DocumentResult, notice
from newslint.engine.run import Linter, report
from newslint.findings import Finding, Severity
from newslint.plugins import PluginError

__all__ = ["Buffer", "Session", "StoryIndex"]


@dataclass
class Buffer:
    """An open document: the text the editor holds, and what newslint made of it."""

    path: str
    text: str
    version: int | None = None
    #: The per-document result of the text as it is (None until linted).
    result: DocumentResult | None = None
    #: The findings last reported on it, for hovers and code actions.
    findings: list[Finding] = field(default_factory=list)
    #: The text those findings were made from.
    linted: str | None = None


class StoryIndex:
    """The facts of a workspace folder's articles under one configuration, read in the background.

    :param linter: a linter collecting the facts of the story rules only
        (:meth:`Linter.facts_only`), with the per-file cache when it can be opened.
    """

    def __init__(self, linter: Linter, folder: Path) -> None:
        self.linter = linter
        self.folder = folder
        self.results: dict[str, DocumentResult] = {}
        self.ready = threading.Event()
        self.error: str | None = None

    def build(self, then: Callable[[], None] = lambda: None) -> None:
        """Read every article of the folder (in this thread); ``then`` runs when done."""
        try:
            config = self.linter.config
            targets, _ = discover(
                [str(self.folder)], list(self.linter.plugins.readers), config.exclude, config.root
            )
            results = self.linter.lint_targets(targets)
            self.results = {r.path: r for r in results}
        except Exception as exc:  # an index that cannot be built only costs the story context
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self.ready.set()
        then()

    def update(self, path: str, text: str) -> None:
        """A file saved: its facts as they are now."""
        if self.ready.is_set():
            self.results[path] = self.linter.lint_source(path, text)


class Session:
    """Configurations, buffers and story indexes of one editor session.

    :param folders: the workspace folders (where story files are looked for).
    :param index_in_background: read a workspace's articles in a thread (False: at once,
        in the caller's thread; for tests and benchmarks).
    """

    def __init__(self, folders: list[Path], index_in_background: bool = True) -> None:
        self.folders = [f.resolve() for f in folders]
        self.background = index_in_background
        self.buffers: dict[str, Buffer] = {}
        #: rules.yaml path ("" for the defaults) -> (its stamp, the configuration or the error).
        self._configs: dict[str, tuple[tuple[int, int], Configuration | Exception]] = {}
        self._indexes: dict[tuple[str, Path], StoryIndex] = {}
        #: Called (from the index thread) when an index is ready: the buffers may be linted again.
        self.on_index_ready: Callable[[], None] = lambda: None

    # -- configuration ---------------------------------------------------------

    def configuration(self, path: str) -> Configuration:
        """The configuration of the rules.yaml nearest to ``path`` (read again when it changed).

        :raises ConfigError, PluginError, PluginValidationError: a configuration that cannot be used.
        """
        found = find_config(Path(path).parent) if os.path.isabs(path) else None
        if found is None and self.folders:
            found = find_config(self.folders[0])
        key = str(found) if found else ""
        stamp = _stamp(found)
        cached = self._configs.get(key)
        if cached is None or cached[0] != stamp:
            made: Configuration | Exception
            try:
                made = Configuration(load_config(found) if found else None)
            except (ConfigError, PluginError, PluginValidationError) as exc:
                made = exc
            self._configs[key] = cached = (stamp, made)
        if isinstance(cached[1], Exception):
            raise cached[1]
        return cached[1]

    # -- buffers ---------------------------------------------------------------

    def open(self, path: str, text: str, version: int | None = None) -> Buffer:
        buffer = self.buffers[path] = Buffer(path, text, version)
        return buffer

    def change(self, path: str, text: str, version: int | None = None) -> Buffer:
        buffer = self.buffers.get(path)
        if buffer is None:
            return self.open(path, text, version)
        buffer.text, buffer.version, buffer.result = text, version, None
        return buffer

    def close(self, path: str) -> None:
        self.buffers.pop(path, None)

    def saved(self, path: str, text: str) -> None:
        """A file written: the story indexes that hold it take its new facts."""
        for (_, folder), index in self._indexes.items():
            if _inside(path, folder):
                index.update(path, text)

    def files_changed(self) -> None:
        """Files created or deleted outside the editor: the indexes are read again when next needed."""
        self._indexes.clear()

    # -- linting ---------------------------------------------------------------

    def lint(self, path: str) -> list[Finding]:
        """The findings of an open buffer, its story included; never raises."""
        buffer = self.buffers[path]
        text = buffer.text
        try:
            findings = self._lint(buffer)
        except (ConfigError, PluginError, PluginValidationError) as exc:
            findings = [_config_problem(path, exc)]
        except Exception as exc:  # the editor gets a diagnostic, never a crashed server
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            findings = [notice(RuleError, path, f"newslint could not check this text: {detail}")]
        buffer.findings, buffer.linted = findings, text
        return findings

    def _lint(self, buffer: Buffer) -> list[Finding]:
        configuration = self.configuration(buffer.path)
        linter = configuration.linter
        limit = linter.intake.max_file_bytes
        if len(buffer.text) > limit:
            message = f"this text is over the {limit / 1e6:g} MB limit; not checked"
            return [notice(FileTooLarge, buffer.path, message)]
        if buffer.result is None:
            buffer.result = linter.lint_source(buffer.path, buffer.text)
        return report(linter, [buffer.result], self._story(configuration, buffer))[0]

    def _story(self, configuration: Configuration, buffer: Buffer) -> list[DocumentResult]:
        """The other articles of the buffer's story: workspace files, open buffers standing in for theirs."""
        linter = configuration.linter
        if not linter.per_story.rules or buffer.result is None:
            return []
        others: dict[str, DocumentResult] = {}
        index = self._index(configuration, buffer.path)
        if index is not None and index.ready.is_set():
            others.update(index.results)
        for path, other in self.buffers.items():
            if other is buffer or _config_of(path) != _config_of(buffer.path):
                continue
            if other.result is None:
                other.result = linter.lint_source(path, other.text)
            others[path] = other.result
        others.pop(buffer.path, None)
        # By path or story key where that decides; else (stories found from the
        # text) every other article, and the grouping picks the buffer's story.
        story = linter.per_story.story_of(buffer.result)
        return [r for r in others.values() if linter.per_story.story_of(r) == story]

    def _index(self, configuration: Configuration, path: str) -> StoryIndex | None:
        folder = next((f for f in self.folders if _inside(path, f)), None)
        if folder is None:
            return None
        key = (configuration.path or "", folder)
        index = self._indexes.get(key)
        if index is None:
            linter = configuration.linter
            # The cache beside rules.yaml, as the command line keeps it; else in the workspace folder.
            where = (linter.config.root if linter.config.path else folder) / DEFAULT_DIR
            cache = Cache.open(linter.plugins, linter.ruleset, linter.config, where)
            facts = Linter(linter.plugins, linter.ruleset, linter.config, cache=cache).facts_only()
            index = self._indexes[key] = StoryIndex(facts, folder)
            if self.background:
                threading.Thread(target=index.build, args=(self.on_index_ready,), daemon=True).start()
            else:
                index.build()
        return index


def _stamp(path: Path | None) -> tuple[int, int]:
    if path is None:
        return (0, 0)
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_mtime_ns, st.st_size)


def _config_of(path: str) -> str:
    """Which rules.yaml a path falls under (buffers of one configuration share a story)."""
    found = find_config(Path(path).parent) if os.path.isabs(path) else None
    return str(found or "")


def _inside(path: str, folder: Path) -> bool:
    try:
        Path(path).resolve().relative_to(folder)
    except ValueError:
        return False
    return True


def _config_problem(path: str, exc: Exception) -> Finding:
    """A configuration that cannot be used, reported on the buffer: nothing is checked until it is mended."""
    message = f"{exc}; newslint checks nothing until this is mended"
    return Finding(path, 1, 1, 1, 2, "", "configuration", Severity.ERROR, message)
