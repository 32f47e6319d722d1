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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from newslint.config import Config, ConfigFinder, build_rules
from newslint.engine.cache import Cache
from newslint.engine.discovery import Target, discover, glob_match, relative_to_root
from newslint.engine.intake import MAX_FILE_BYTES
from newslint.engine.results import RunResult
from newslint.engine.run import Linter, run_targets
from newslint.plugins import Plugins, load_plugins

__all__ = ["Options", "Project", "load_project_plugins", "plan", "run_projects"]


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
    #: Apply ``exclude:`` to the files named on the command line too (``--force-exclude``).
    force_exclude: bool = False
    #: ``--exclude``: instead of each configuration's ``exclude:`` (None: keep it).
    exclude: Sequence[str] | None = None
    #: ``--extend-exclude``: on top of it.
    extend_exclude: Sequence[str] = ()


@dataclass
class Project:
    """One configuration and the files it governs."""

    config: Config
    plugins: Plugins
    #: The paths named on the command line that belong to it.
    paths: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def load_project_plugins(config: Config, disabled: Sequence[str] = ()) -> Plugins:
    """The plugins of a configuration: the installed ones, its local modules, its custom rules.

    :raises ConfigError: for a bad custom rule.
    """
    local = [(spec, (config.root / spec).resolve()) for spec in config.plugins]
    return load_plugins(disabled=disabled, local=local, config=config)


def _excluding(config: Config, options: Options) -> Config:
    """The configuration with the command line's ``--exclude`` / ``--extend-exclude`` applied."""
    if options.exclude is None and not options.extend_exclude:
        return config
    base = list(config.exclude) if options.exclude is None else list(options.exclude)
    return replace(config, exclude=base + list(options.extend_exclude))


def plan(
    paths: Sequence[str],
    options: Options,
    primary: tuple[Config, Plugins],
    finder: ConfigFinder | None = None,
) -> list[Project]:
    """The projects of a run, with their files found.

    ``primary``: the configuration of the working folder (or ``--config``) and
    its plugins, used for the paths no other configuration governs.
    ``finder``: find each path's configuration from its folder upwards; None
    (``--config``, ``--no-config``): ``primary`` governs every path.

    :raises ConfigError: for a configuration (or a custom rule) with a mistake.
    """
    primary_config, primary_plugins = primary
    projects: dict[Path | None, Project] = {}

    def project_of(found: Path | None) -> Project:
        if found not in projects:
            if finder is None or found == _key(primary_config):
                config, plugins = primary_config, primary_plugins
            else:
                assert finder is not None
                config = finder.config(found)
                plugins = load_project_plugins(config, options.disabled)
            projects[found] = Project(_excluding(config, options), plugins)
        return projects[found]

    for given in paths:
        if finder is None:
            found = _key(primary_config)
        elif os.path.isdir(given):
            found = finder.nearest(given)
        elif os.path.lexists(given):
            found = finder.nearest(os.path.dirname(os.path.abspath(given)))
        else:  # reported as missing, by the working folder's project
            found = _key(primary_config)
        project_of(found).paths.append(given)

    for project in list(projects.values()):
        config = project.config
        named = project.paths
        if options.force_exclude:
            root = config.root.resolve()
            named = [p for p in named if not glob_match(relative_to_root(p, root), config.exclude)]
        project.targets, project.missing = discover(
            named, list(project.plugins.readers), config.exclude, config.root
        )
    if finder is not None:
        _move_to_nested(projects, project_of, finder)
    return [p for p in projects.values() if p.targets or p.missing or p.paths]


def _move_to_nested(
    projects: dict[Path | None, Project], project_of: Callable[[Path | None], Project], finder: ConfigFinder
) -> None:
    """Files found by walking a folder that a configuration deeper down governs go to its
    project, unless its ``exclude:`` leaves them out or its readers do not read them."""
    for key, project in list(projects.items()):
        kept: list[Target] = []
        for target in project.targets:
            found = key if target.explicit else finder.nearest(os.path.dirname(os.path.abspath(target.path)))
            if found == key:
                kept.append(target)
                continue
            nested = project_of(found)
            config = nested.config
            known = target.path.suffix.lower() in nested.plugins.readers
            if known and not glob_match(
                relative_to_root(target.display, config.root.resolve()), config.exclude
            ):
                nested.targets.append(target)
        project.targets = kept


def _key(config: Config) -> Path | None:
    """The file a configuration was read from, as the finder names it: its real folder and
    its name (None: the defaults)."""
    if not config.path:
        return None
    folder, name = os.path.split(os.path.abspath(config.path))
    return Path(os.path.realpath(folder)) / name


def run_projects(
    projects: Sequence[Project],
    options: Options,
    jobs: int = 1,
    keep_documents: bool = False,
    corpus: Sequence[str] = (),
    report_unused_suppressions: bool = False,
) -> RunResult:
    """Lint every project (each with its rules, its cache and its stories) and merge the results.

    Every project's rule set is built before any file is linted, so a mistake
    in any configuration stops the run before it starts.

    :raises ConfigError: for a selector, rule or option that does not exist.
    """
    linters = []
    for project in projects:
        ruleset = build_rules(
            project.config, project.plugins.rules, options.select, options.ignore, options.extend_select
        )
        cache = None
        if options.cache:
            cache = Cache.open(project.plugins, ruleset, project.config, options.cache_dir)
        linter = Linter(
            project.plugins,
            ruleset,
            project.config,
            cache=cache,
            max_file_bytes=options.max_file_bytes,
            timeout=options.timeout,
        )
        linters.append((linter, project))
    results = [
        run_targets(linter, p.targets, p.missing, jobs, keep_documents, corpus, report_unused_suppressions)
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
    # A broken installed plugin is reported by every project: once is enough.
    merged.findings = sorted(set(merged.findings))
    return merged
