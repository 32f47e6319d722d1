"""The Python API: lint a text or files from a program (a CMS, an editor, a notebook).

::

    import newslint

    config = newslint.Configuration.from_file("rules.yaml")   # or .discover(path), or defaults
    for f in newslint.lint_text(draft, path="story.md", config=config):
        print(f.line, f.column, f.code, f.message, f.fix)
    newslint.lint_paths(["story/a.md", "story/b.md"], config=config)   # story rules across them
    fixed = newslint.fix_text(draft, path="story.md", config=config)

A :class:`Configuration` loads the plugins and binds rules.yaml to their
rules once; keep it and pass it to every call (building one costs tens of
milliseconds, a lint of an article a few). The command line and the language
server lint through the same objects.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newslint.config import Config, find_config, load_config
from newslint.config.selection import RuleSet, build_rules
from newslint.engine.fixing import fix_results
from newslint.engine.run import Linter, archive_pass, report, run
from newslint.findings import Finding
from newslint.plugins import Plugins, load_plugins

__all__ = ["Configuration", "fix_text", "lint_paths", "lint_text", "local_plugins"]

PathLike = str | os.PathLike[str]


def local_plugins(config: Config) -> list[tuple[str, Path]]:
    """The local plugin modules rules.yaml names (``plugins:``), as (spec, absolute path)."""
    return [(spec, (config.root / spec).resolve()) for spec in config.plugins]


class Configuration:
    """The rules to run and their settings: rules.yaml (or the defaults) bound to the plugins' rules.

    :param config: what rules.yaml says (:func:`newslint.config.load_config`); None: defaults.
    :param select: codes, prefixes or names to run instead of rules.yaml's ``select``.
    :param ignore: codes, prefixes or names not to run.
    :param extend_select: codes, prefixes or names to run on top of the selection.
    :param disable_plugins: plugins not to load.
    :raises newslint.config.ConfigError: a mistake in rules.yaml or in a selector, at its line and column.
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
        disable_plugins: Sequence[str] = (),
    ) -> None:
        self.config = config if config is not None else Config()
        plugins = load_plugins(
            disabled=list(disable_plugins), local=local_plugins(self.config), config=self.config
        )
        ruleset = build_rules(self.config, plugins.rules, select, ignore, extend_select)
        self.linter = Linter(plugins, ruleset, self.config)

    @classmethod
    def from_file(cls, path: PathLike, **options: Any) -> Configuration:
        """The configuration of a rules.yaml file (``options``: as for the constructor)."""
        return cls(load_config(path), **options)

    @classmethod
    def discover(cls, start: PathLike | None = None, **options: Any) -> Configuration:
        """The configuration of the rules.yaml nearest to ``start`` (a file or a folder; default:
        the working folder), found as the command line finds it; the defaults when there is none."""
        folder = Path(start) if start is not None else Path.cwd()
        if not folder.is_dir():
            folder = folder.parent
        found = find_config(folder)
        return cls(load_config(found) if found else None, **options)

    @classmethod
    def of(cls, linter: Linter) -> Configuration:
        """The configuration a linter was built with (the command line builds its own)."""
        made = cls.__new__(cls)
        made.config, made.linter = linter.config, linter
        return made

    @property
    def path(self) -> str | None:
        """The rules.yaml read, or None for the defaults."""
        return self.config.path

    @property
    def root(self) -> Path:
        """The folder paths in rules.yaml are relative to."""
        return self.config.root

    @property
    def plugins(self) -> Plugins:
        return self.linter.plugins

    @property
    def ruleset(self) -> RuleSet:
        return self.linter.ruleset

    def __repr__(self) -> str:
        return f"Configuration({self.path or 'defaults'!r}, {len(self.ruleset.rules)} rules)"


@functools.lru_cache(maxsize=1)
def _defaults() -> Configuration:
    return Configuration()


def _configuration(config: Configuration | PathLike | None) -> Configuration:
    if config is None:
        return _defaults()
    if isinstance(config, Configuration):
        return config
    return Configuration.from_file(config)


def lint_text(
    text: str,
    *,
    path: str = "article.txt",
    config: Configuration | PathLike | None = None,
    corpus: Sequence[PathLike] = (),
) -> list[Finding]:
    """The findings in one article given as text, sorted.

    :param text: the article as its file would hold it (Markdown, HTML or plain text).
    :param path: the name it is reported under; its suffix picks the reader (``.md``,
        ``.html``, anything else plain text). Nothing is read from it.
    :param config: a :class:`Configuration`, the path of a rules.yaml, or None for the defaults.
    :param corpus: files or folders whose articles are the rest of the story: their facts
        join the story rules (NL3, NL4, NL5); only this text is reported.
    """
    linter = _configuration(config).linter
    result = linter.lint_source(path, text)
    archive, _ = archive_pass(linter, [os.fspath(p) for p in corpus], []) if corpus else ([], [])
    return report(linter, [result], archive)[0]


def lint_paths(paths: Sequence[PathLike], *, config: Configuration | PathLike | None = None) -> list[Finding]:
    """The findings in files and folders (walked as the command line walks them), sorted.

    The files form the story (or stories, as rules.yaml groups them) that the
    story rules compare.

    :raises FileNotFoundError: a path that does not exist.
    """
    result = run(_configuration(config).linter, [os.fspath(p) for p in paths])
    if result.missing:
        raise FileNotFoundError(f"no such file or directory: {result.missing[0]}")
    return result.findings


def fix_text(
    text: str,
    *,
    path: str = "article.txt",
    config: Configuration | PathLike | None = None,
    unsafe: bool = False,
) -> str:
    """The text with every fix applied that its findings carry (what ``--fix`` writes).

    :param unsafe: also apply fixes that rewrite words inside quotations.
    """
    linter = _configuration(config).linter
    result = linter.lint_source(path, text, keep_document=True)
    done = fix_results(linter, [result], lambda results: report(linter, results), unsafe)
    return done.after.get(path, text)
