"""A run over files that different configurations govern: each file is linted under its
nearest configuration, found from the file's folder upwards, as ruff finds it.

``newslint ../newsroom/content`` run from anywhere reads ../newsroom/rules.yaml
(not the working folder's) and keeps its cache beside it; a folder with a
rules.yaml of its own (an archive brought in with its own settings) is linted
under that one. The files under one configuration are a *project*: it has its
plugins, its rule set, its cache and its stories, so the cross-article rules
never compare files of two projects. ``--config`` and ``--no-config`` make one
project of everything, as before.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from newslint.config import Config, ConfigFinder, build_rules
from newslint.engine.cache import Cache
from newslint.engine.corpus_pass import GROUPED_MODES
from newslint.engine.discovery import Target, discover, glob_match, not_excluded, relative_to_root
from newslint.engine.intake import MAX_FILE_BYTES
from newslint.engine.results import RunResult
from newslint.engine.run import Cluster, Linter, run_targets
from newslint.plugins import Plugins, load_plugins

__all__ = [
    "Options",
    "Project",
    "Projects",
    "cli_globs",
    "load_project_plugins",
    "plan",
    "project_linter",
    "run_projects",
]


@dataclass
class Options:
    """What the command line sets for every project."""

    select: Sequence[str] | None = None
    ignore: Sequence[str] = ()
    extend_select: Sequence[str] = ()
    #: Plugins not to load (``--disable-plugin``).
    disabled: Sequence[str] = ()
    cache: bool = True
    cache_dir: str | None = None
    max_file_bytes: int = MAX_FILE_BYTES
    timeout: float | None = None
    #: Check files and stories in worker processes even with one job (:class:`Linter`).
    isolate: bool = False
    #: Apply ``exclude:`` to the files named on the command line too (``--force-exclude``).
    force_exclude: bool = False
    #: ``--exclude``: instead of each configuration's ``exclude:`` (None: keep it).
    exclude: Sequence[str] | None = None
    #: ``--extend-exclude``: on top of it.
    extend_exclude: Sequence[str] = ()
    #: ``--scheduler``: the per-article pass on a Dask cluster's workers (None: here).
    cluster: Cluster | None = None


@dataclass
class Project:
    """One configuration and the files it governs."""

    config: Config
    plugins: Plugins
    #: The paths named on the command line that belong to it.
    paths: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def load_project_plugins(
    config: Config, disabled: Sequence[str] = (), timeout: float | None = None
) -> Plugins:
    """The plugins of a configuration: the installed ones, its local modules, its custom rules.

    ``timeout``: seconds a plugin may take to import, and each of its hooks.

    :raises ConfigError: for a bad custom rule.
    """
    local = [(spec, (config.root / spec).resolve()) for spec in config.plugins]
    return load_plugins(disabled=disabled, local=local, config=config, timeout=timeout)


def cli_globs(patterns: Sequence[str], root: Path) -> list[str]:
    """Globs written on the command line, relative to the working folder, as ``exclude:``
    globs relative to ``root`` (where the configuration is). A bare name ("drafts",
    "*.tmp") matches at any depth and stays as it is."""
    out = []
    for pattern in patterns:
        if "/" not in pattern.rstrip("/"):
            out.append(pattern)
            continue
        try:
            rel = Path(os.path.relpath(os.path.abspath(pattern), root)).as_posix()
        except ValueError:  # another drive (Windows)
            rel = pattern
        out.append(rel + ("/" if pattern.endswith("/") else ""))
    return out


def _excluding(config: Config, options: Options) -> Config:
    """The configuration with the command line's ``--exclude`` / ``--extend-exclude`` applied."""
    if options.exclude is None and not options.extend_exclude:
        return config
    root = config.root.resolve()
    base = list(config.exclude) if options.exclude is None else cli_globs(options.exclude, root)
    return replace(config, exclude=base + cli_globs(options.extend_exclude, root))


class Projects:
    """The configurations of a run, each with the files it governs.

    ``primary``: the configuration of the working folder (or ``--config``) and
    its plugins, already loaded. ``finder``: find each path's configuration
    from its folder upwards; None (``--config``, ``--no-config``): ``primary``
    governs every path.
    """

    def __init__(
        self, options: Options, primary: tuple[Config, Plugins], finder: ConfigFinder | None = None
    ) -> None:
        self.options = options
        self.primary = primary
        self.finder = finder
        self.by_config: dict[Path | None, Project] = {}

    def governing(self, path: str) -> Path | None:
        """The configuration file that governs a path named on the command line."""
        if self.finder is None or not os.path.lexists(path):  # a missing path is the working folder's
            return _key(self.primary[0])
        folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
        return self.finder.nearest(folder)

    def project(self, found: Path | None) -> Project:
        """The project of the configuration file ``found`` (loaded, with its plugins, once).

        :raises ConfigError: for a configuration (or a custom rule) with a mistake.
        """
        if found not in self.by_config:
            if self.finder is None or found == _key(self.primary[0]):
                config, plugins = self.primary
            else:
                config = self.finder.config(found)
                plugins = load_project_plugins(config, self.options.disabled, self.options.timeout)
            self.by_config[found] = Project(_excluding(config, self.options), plugins)
        return self.by_config[found]

    def plan(self, paths: Sequence[str]) -> list[Project]:
        """The projects of these paths, with their files found.

        :raises ConfigError: for a configuration (or a custom rule) with a mistake.
        """
        for given in paths:
            self.project(self.governing(given)).paths.append(given)
        for project in list(self.by_config.values()):
            config = project.config
            named = project.paths
            if self.options.force_exclude:
                named = not_excluded(named, config.root, config.exclude)
            project.targets, project.missing = discover(
                named, list(project.plugins.readers), config.exclude, config.root
            )
        if self.finder is not None:
            self._move_to_nested(self.finder)
        return [p for p in self.by_config.values() if p.targets or p.missing or p.paths]

    def _move_to_nested(self, finder: ConfigFinder) -> None:
        """Files found by walking a folder that a configuration deeper down governs go to its
        project, unless its ``exclude:`` leaves them out or its readers do not read them."""
        for key, project in list(self.by_config.items()):
            kept: list[Target] = []
            for target in project.targets:
                found = key
                if not target.explicit:
                    found = finder.nearest(os.path.dirname(os.path.abspath(target.path)))
                if found == key:
                    kept.append(target)
                    continue
                nested = self.project(found)
                config = nested.config
                known = target.path.suffix.lower() in nested.plugins.readers
                rel = relative_to_root(target.display, config.root.resolve())
                if known and not glob_match(rel, config.exclude):
                    nested.targets.append(target)
            project.targets = kept


def plan(
    paths: Sequence[str],
    options: Options,
    primary: tuple[Config, Plugins],
    finder: ConfigFinder | None = None,
) -> list[Project]:
    """The projects of a run, with their files found (see :class:`Projects`).

    :raises ConfigError: for a configuration (or a custom rule) with a mistake.
    """
    return Projects(options, primary, finder).plan(paths)


def _key(config: Config) -> Path | None:
    """The file a configuration was read from, as the finder names it: its real folder and
    its name (None: the defaults)."""
    if not config.path:
        return None
    folder, name = os.path.split(os.path.abspath(config.path))
    return Path(os.path.realpath(folder)) / name


def project_linter(project: Project, options: Options, keep_stories: bool = False) -> Linter:
    """The linter of a project: its rule set as the command line narrows it, its cache.

    ``keep_stories``: read each article's grouping features even when no story
    rule runs (when its configuration groups stories by their text), for a
    report that shows the stories.

    :raises ConfigError: for a selector, rule or option that does not exist.
    """
    ruleset = build_rules(
        project.config, project.plugins.rules, options.select, options.ignore, options.extend_select
    )
    stories = (project.config.story_by in GROUPED_MODES) if keep_stories else None
    cache = None
    if options.cache:
        cache = Cache.open(project.plugins, ruleset, project.config, options.cache_dir, stories=stories)
    return Linter(
        project.plugins,
        ruleset,
        project.config,
        cache=cache,
        max_file_bytes=options.max_file_bytes,
        timeout=options.timeout,
        stories=stories,
        isolate=options.isolate,
    )


def run_projects(
    projects: Sequence[Project],
    options: Options,
    jobs: int = 1,
    keep_documents: bool = False,
    corpus: Sequence[str] = (),
    report_unused_suppressions: bool = False,
    keep_stories: bool = False,
) -> RunResult:
    """Lint every project (each with its rules, its cache and its stories) and merge the results.

    Every project's rule set is built before any file is linted, so a mistake
    in any configuration stops the run before it starts.

    :raises ConfigError: for a selector, rule or option that does not exist.
    """
    linters = [(project_linter(project, options, keep_stories), project) for project in projects]
    for linter, _ in linters:
        linter.cluster = options.cluster
    results = [
        run_targets(
            linter,
            p.targets,
            p.missing,
            jobs,
            keep_documents,
            corpus,
            report_unused_suppressions,
            keep_stories,
        )
        for linter, p in linters
    ]
    if len(results) == 1:
        return results[0]
    merged = RunResult([], {}, 0, [])
    for result in results:
        merged.findings += result.findings
        merged.documents.update(result.documents)
        merged.files += result.files
        merged.missing += result.missing
        merged.suppressed += result.suppressed
        merged.linted += result.linted
        merged.stories += result.stories
    # A broken installed plugin is reported by every project: once is enough.
    merged.findings = sorted(set(merged.findings))
    return merged
