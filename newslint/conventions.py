"""The options users of ruff, flake8 and Vale expect, in one argument group.

``--statistics`` (findings per rule instead of each finding), ``--exit-zero``,
``--quiet``, ``--exclude`` and ``--extend-exclude`` (globs on the command line),
and ``--show-settings`` (the effective configuration for a file). They are
declared and carried out here, so the command line only calls them.
"""

from __future__ import annotations

import argparse
import io
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from ruamel.yaml import YAML

from newslint.config import build_rules
from newslint.document import Document
from newslint.engine.discovery import glob_match, relative_to_root
from newslint.engine.projects import Options, Project, Projects
from newslint.findings import Finding

__all__ = ["StatisticsReporter", "add_arguments", "settings_of", "show_settings"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("as in ruff and flake8")
    group.add_argument(
        "--statistics",
        action="store_true",
        help="print how many findings each rule has, instead of the findings (text only)",
    )
    group.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when findings are reported (2 still means the run itself failed)",
    )
    group.add_argument(
        "--quiet", "-q", action="store_true", help="print the findings and nothing else: no summary line"
    )
    group.add_argument(
        "--exclude",
        action="append",
        metavar="GLOBS",
        help="paths never linted when walking folders, instead of rules.yaml's exclude: "
        "(comma-separated globs, relative to the working folder; a bare name matches at any depth)",
    )
    group.add_argument(
        "--extend-exclude", action="append", metavar="GLOBS", help="like --exclude, on top of rules.yaml's"
    )
    group.add_argument(
        "--show-settings",
        action="store_true",
        help="print the configuration each PATH is linted under (the file it comes from, every "
        "setting, every rule's severity and options) as YAML, and exit",
    )


class StatisticsReporter:
    """``--statistics``: one line per rule that fired, the most frequent first (as ruff prints)."""

    name = "statistics"
    description = "how many findings each rule has"
    needs_source = False

    def render(self, findings: Sequence[Finding], documents: Mapping[str, Document], stream: TextIO) -> None:
        counts = Counter((f.code, f.rule) for f in findings)
        if not counts:
            return
        width = len(str(max(counts.values())))
        code_width = max(len(code) for code, _ in counts)
        for (code, rule), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            stream.write(f"{count:>{width}}  {code:<{code_width}}  {rule}\n")


def settings_of(path: str, project: Project, options: Options) -> dict[str, Any]:
    """The effective settings a file (or a folder's files) is linted under, as plain data.

    :raises ConfigError: for a selector, rule or option that does not exist.
    """
    config, plugins = project.config, project.plugins
    ruleset = build_rules(config, plugins.rules, options.select, options.ignore, options.extend_select)
    running = {rule.code: rule for rule in ruleset.rules}
    rel = relative_to_root(path, config.root.resolve())
    rules: dict[str, Any] = {}
    for code, rule in sorted(plugins.rules.items()):
        entry: dict[str, Any] = {
            "name": rule.name,
            "severity": ruleset.severity_of(code, rule.severity).value,
            "enabled": code in ruleset.enabled_codes,
            "plugin": plugins.plugin_of(code),
        }
        settings = running[code].options if code in running else rule.options
        if settings:
            entry["options"] = {key: _plain(value) for key, value in settings.items()}
        rules[code] = entry
    return {
        "path": path,
        "configuration": config.path or "(none: the defaults)",
        "select": list(options.select) if options.select else (config.select or ["ALL"]),
        "extend-select": [*config.extend_select, *options.extend_select],
        "ignore": [*config.ignore, *options.ignore],
        "exclude": list(config.exclude),
        "excluded": glob_match(rel, config.exclude),
        "story": {"by": config.story_by, "key": config.story_key},
        # Only the globs that match this path: what is silenced in it.
        "per-file-ignores": {
            pattern: list(codes)
            for pattern, codes in config.per_file_ignores.items()
            if glob_match(rel, [pattern])
        },
        "plugins": list(config.plugins),
        "rules": rules,
    }


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def show_settings(paths: Sequence[str], projects: Projects, stream: TextIO) -> None:
    """``--show-settings``: one YAML document per path with :func:`settings_of`.

    :raises ConfigError: for a configuration with a mistake.
    """
    yaml = YAML(typ="rt", pure=True)  # keeps the order of the keys
    yaml.default_flow_style = None
    yaml.width = 120
    for i, path in enumerate(paths):
        project = projects.project(projects.governing(path))
        buffer = io.StringIO()
        yaml.dump(settings_of(path, project, projects.options), buffer)
        stream.write(("---\n" if i else "") + f"# the settings {path} is linted under\n" + buffer.getvalue())
