"""rules.yaml (or pyproject.toml's [tool.newslint]): discovery, safe loading, and
validation with file:line:col errors.

The file only overrides what the rules define in code (severity, options);
defaults live beside each rule. Loading is in two steps: :func:`load_config`
checks the YAML and the shape of every key, then
:func:`newslint.config.selection.build_rules` checks rule names and options
against the rules that plugins actually contributed (and
:mod:`newslint.config.custom_rules` the ``custom-rules:`` items, when the
custom-rules plugin is built). All raise :class:`ConfigError`, whose message
points at the offending line and column and suggests the nearest valid name.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from newslint.config.errors import (
    ConfigError,
    Mark,
    describe,
    fail,
    key_mark,
    suggest,
    suggest_key,
    value_mark,
)
from newslint.config.pyproject import has_table, read_table
from newslint.findings import Severity
from newslint.yamlio import compose, construct

__all__ = [
    "CONFIG_NAMES",
    "PYPROJECT",
    "STORY_MODES",
    "TOP_LEVEL",
    "Config",
    "ConfigFinder",
    "RuleSettings",
    "find_config",
    "load_config",
    "parse_config",
    "parse_pyproject",
]

CONFIG_NAMES = ("rules.yaml", ".newslint.yaml")
#: Read when a folder has no rules.yaml, if it holds a [tool.newslint] table.
PYPROJECT = "pyproject.toml"

_STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("map", "omap", "seq", "str", "int", "float", "bool", "null")
)
STORY_MODES = ("auto", "run", "folder", "file", "key")


@dataclass
class RuleSettings:
    """What rules.yaml says about one rule (by code or name, as written)."""

    key: str
    mark: Mark
    severity: Severity | None = None
    enabled: bool | None = None
    options: dict[str, Any] = field(default_factory=dict)
    option_marks: dict[str, Mark] = field(default_factory=dict)


@dataclass
class Config:
    """The effective configuration: rules.yaml (if any) plus command-line overrides."""

    path: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    story_by: str = "auto"
    story_key: str = "story"
    rules: list[RuleSettings] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    plugins: list[str] = field(default_factory=list)
    #: Raw sections read when the part of newslint that uses them is built
    #: (``custom-rules``: by the custom-rules plugin).
    sections: dict[str, Any] = field(default_factory=dict)
    #: Where each key is written ("select"), and each item of a list ("select/0",
    #: "per-file-ignores/<glob>/0").
    marks: dict[str, Mark] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The folder paths in the file are relative to."""
        return Path(self.path).resolve().parent if self.path else Path.cwd()

    def mark(self, *where: str | int) -> Mark:
        """Where a key, or an item of a list (``mark("select", 2)``), is written; else the
        nearest enclosing place that is known (1:1 at worst)."""
        parts = [str(w) for w in where]
        while parts:
            mark = self.marks.get("/".join(parts))
            if mark is not None:
                return mark
            parts.pop()
        return Mark(1, 1)

    def error(self, key: str, message: str, *item: str | int) -> ConfigError:
        """A ConfigError at ``key`` (or at one of its items)."""
        mark = self.mark(key, *item)
        return ConfigError(self.path or "rules.yaml", mark.line, mark.column, message)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest configuration in ``start`` or its parents: rules.yaml (or
    .newslint.yaml), else a pyproject.toml with a ``[tool.newslint]`` table."""
    return ConfigFinder().nearest(start or Path.cwd())


def _config_in(folder: Path) -> Path | None:
    """The configuration file of this very folder, if it has one."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    candidate = folder / PYPROJECT
    if candidate.is_file() and _declares_table(candidate):
        return candidate
    return None


class ConfigFinder:
    """The nearest configuration of each folder, as ruff finds it: in the folder, else
    in its parents. Each folder is looked at once and each file read once, so a run
    over thousands of files in hundreds of folders pays a few system calls per folder.
    """

    def __init__(self) -> None:
        self._nearest: dict[str, Path | None] = {}  # real folder -> its configuration
        self._asked: dict[str, Path | None] = {}  # folder as given -> the same
        self._loaded: dict[Path, Config] = {}

    def nearest(self, folder: str | os.PathLike[str]) -> Path | None:
        """The configuration file that governs ``folder`` (None: there is none)."""
        asked = os.fspath(folder)
        if asked not in self._asked:
            self._asked[asked] = self._nearest_real(os.path.realpath(asked))
        return self._asked[asked]

    def _nearest_real(self, here: str) -> Path | None:
        walked: list[str] = []
        while here not in self._nearest:
            walked.append(here)
            found = _config_in(Path(here))
            parent = os.path.dirname(here)
            if found is not None or parent == here:
                self._nearest[here] = found
                break
            here = parent
        result = self._nearest[here]
        for seen in walked:
            self._nearest[seen] = result
        return result

    def config(self, path: Path | None) -> Config:
        """The configuration read from ``path`` (once), or the defaults for None.

        :raises ConfigError: for a file with a mistake.
        """
        if path is None:
            return Config()
        if path not in self._loaded:
            self._loaded[path] = load_config(path)
        return self._loaded[path]


def _declares_table(path: Path) -> bool:
    """Whether a pyproject.toml holds ``[tool.newslint]`` (one that cannot be parsed but
    names it does too: loading it then says what is wrong)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    if not has_table(text):
        return False
    try:
        return read_table(text, path.name) is not None
    except ConfigError:
        return "tool.newslint" in text


# Top-level keys and what they hold. Other keys are an error.
TOP_LEVEL = {
    "select": "a list of codes, prefixes or rule names",
    "extend-select": "a list of codes, prefixes or rule names",
    "ignore": "a list of codes, prefixes or rule names",
    "exclude": "a list of glob patterns",
    "story": "a mapping with 'by' (auto, run, folder, file or key) and 'key'",
    "rules": "a mapping of rule code or name to its settings",
    "per-file-ignores": "a mapping of glob pattern to a list of codes",
    "plugins": "a list of paths to local plugin modules",
    "custom-rules": "a list of declarative rules",
}


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and check rules.yaml. Raises ConfigError for every problem."""
    display = _display(Path(path))
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(display, 1, 1, "the configuration file does not exist") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(display, 1, 1, f"the configuration file is not UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise ConfigError(display, 1, 1, f"cannot read the configuration file: {exc.strerror}") from None
    if Path(path).suffix.lower() == ".toml":
        return parse_pyproject(text, display)
    return parse_config(text, display)


def parse_pyproject(text: str, display: str = PYPROJECT) -> Config:
    """The ``[tool.newslint]`` table of a pyproject.toml, checked as rules.yaml is."""
    data = read_table(text, display)
    if data is None:
        raise ConfigError(
            display,
            1,
            1,
            "there is no [tool.newslint] table here: newslint's settings go there, "
            "with the keys of rules.yaml",
        )
    config = Config(path=display)
    read_settings(config, data)
    return config


def _display(path: Path) -> str:
    """A path as short as it can be said: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return os.fspath(path)


def parse_config(text: str, display: str = "rules.yaml") -> Config:
    """Check the text of a rules.yaml. The YAML is composed and measured before
    anything is built (:mod:`newslint.yamlio`), so no file, however nested or
    aliased, ends in anything but a Config or a ConfigError."""
    yaml = YAML(typ="rt", pure=True)
    try:
        node = compose(yaml, text)
    except MarkedYAMLError as exc:
        raise _yaml_error(exc, display) from None
    except YAMLError as exc:
        raise _invalid(exc, display) from None
    config = Config(path=display)
    if node is None:
        return config  # an empty file: every default applies
    _refuse_tags(node, display)
    try:
        data = construct(yaml, node, _MAX_NODES)
    except MarkedYAMLError as exc:  # duplicate keys and the like
        raise _yaml_error(exc, display) from None
    except YAMLError as exc:
        raise _invalid(exc, display) from None
    if not isinstance(data, CommentedMap):
        raise ConfigError(display, _line(node), _col(node), "the configuration must be a mapping of keys")
    read_settings(config, data)
    return config


# ruamel names a token by a tuple's repr: "found ('<scalar>',)".
_TOKEN_TUPLE = re.compile(r"\('(<[^'>]+>)',\)")
#: What was opened and never closed, by ruamel's context ("while scanning a quoted scalar").
_UNCLOSED = {
    "quoted scalar": "this quotation mark is never closed",
    "flow sequence": "this list ('[') is never closed",
    "flow mapping": "this mapping ('{') is never closed",
}


def _yaml_error(exc: MarkedYAMLError, display: str) -> ConfigError:
    """A YAML syntax error, at the place a reader would look for the mistake.

    Something opened and never closed (a quotation mark, a bracket) is only
    noticed at the end of the file: it is reported where it was opened.
    """
    problem = _TOKEN_TUPLE.sub(r"'\1'", exc.problem or exc.context or "invalid YAML")
    mark = exc.problem_mark or exc.context_mark
    context, opened = exc.context or "", exc.context_mark
    if context.startswith("while ") and opened is not None:
        at_end = "end of stream" in problem or "<stream end>" in problem
        unclosed = next((text for what, text in _UNCLOSED.items() if what in context), "")
        if at_end and unclosed:
            mark, problem = opened, unclosed
        elif mark is not None and (opened.line, opened.column) != (mark.line, mark.column):
            problem += f" ({context[6:]} started at {opened.line + 1}:{opened.column + 1})"
    elif context and problem.startswith("but "):  # "expected a single document ..., but found another"
        problem = f"{context}, {problem}"
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return ConfigError(display, line, col, f"invalid YAML: {problem}")


#: More values than any real rules.yaml holds; aliases can reach it by expansion only.
_MAX_NODES = 100_000


def _invalid(exc: YAMLError, display: str) -> ConfigError:
    """A YAML error as a ConfigError at its line and column."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc) or "invalid YAML"
    return ConfigError(display, line, col, f"invalid YAML: {problem}")


def _refuse_tags(node: Node, display: str) -> None:
    """Only plain YAML: a tag that would construct an object is refused, and so
    are aliases that expand without end (recursive, or a "billion laughs")."""
    stack = [node]
    visited = 0
    while stack:
        n = stack.pop()
        visited += 1
        if visited > _MAX_NODES:
            raise ConfigError(
                display,
                _line(n),
                _col(n),
                f"YAML aliases expand to more than {_MAX_NODES:,} values here (recursive or nested aliases)",
            )
        tag = str(getattr(n.tag, "value", n.tag))
        if tag not in _STANDARD_TAGS:
            raise ConfigError(
                display,
                _line(n),
                _col(n),
                f"YAML tag {tag.replace('tag:yaml.org,2002:', '!!')!r} is not allowed: rules.yaml is plain data",
            )
        if isinstance(n, MappingNode):
            for k, v in n.value:
                stack.extend((k, v))
        elif isinstance(n, SequenceNode):
            stack.extend(n.value)
        elif not isinstance(n, ScalarNode):
            pass


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _col(node: Node) -> int:
    return node.start_mark.column + 1


def _str_list(config: Config, data: CommentedMap, key: str, display: str) -> list[str]:
    """A list of strings (or one string), each item's place kept in ``config.marks``
    (``"select/0"``); every bad item is reported, each at its place."""
    value = data[key]
    if isinstance(value, str):
        config.marks[f"{key}/0"] = value_mark(data, key)
        value = [value]
    elif not isinstance(value, CommentedSeq):
        raise fail(display, value_mark(data, key), f"'{key}' must be {TOP_LEVEL[key]}, not {describe(value)}")
    else:
        for i in range(len(value)):
            config.marks[f"{key}/{i}"] = value_mark(value, i)
    out, errors = [], []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            message = f"every item of '{key}' must be a non-empty string, not {describe(item)}"
            errors.append(fail(display, config.mark(key, i), message))
            continue
        out.append(item.strip())
    ConfigError.raise_all(errors)
    return out


def read_settings(config: Config, data: CommentedMap) -> None:
    """Check the top-level keys of a configuration and fill ``config`` with them.

    ``data`` holds the marks of its keys and values (ruamel's round-trip
    types), from rules.yaml or from a pyproject.toml table.
    """
    display = config.path or "rules.yaml"
    for key in data:
        mark = key_mark(data, key)
        config.marks[str(key)] = mark
        if key not in TOP_LEVEL:
            raise fail(display, mark, f"unknown key {key!r}{suggest_key(str(key), TOP_LEVEL)}")
    errors: list[ConfigError] = []
    for key in ("select", "extend-select", "ignore", "exclude", "plugins"):
        if key in data:
            try:
                setattr(config, key.replace("-", "_"), _str_list(config, data, key, display))
            except ConfigError as exc:
                errors.append(exc)
    ConfigError.raise_all(errors)
    if "story" in data:
        _read_story(config, data, display)
    if "rules" in data:
        _read_rules(config, data, display)
    if "per-file-ignores" in data:
        _read_per_file_ignores(config, data, display)
    if "custom-rules" in data:
        config.sections["custom-rules"] = data["custom-rules"]


def _read_story(config: Config, data: CommentedMap, display: str) -> None:
    story = data["story"]
    if isinstance(story, str):  # "story: folder" is short for "story: {by: folder}"
        if story not in STORY_MODES:
            raise fail(
                display,
                value_mark(data, "story"),
                f"'story' must be one of {', '.join(STORY_MODES)}, not {story!r}{suggest(story, STORY_MODES)}",
            )
        config.story_by = story
        return
    if not isinstance(story, CommentedMap):
        raise fail(
            display, value_mark(data, "story"), f"'story' must be {TOP_LEVEL['story']}, not {describe(story)}"
        )
    for key in story:
        if key not in ("by", "key"):
            raise fail(
                display,
                key_mark(story, key),
                f"unknown key {key!r} in 'story'{suggest_key(str(key), ('by', 'key'))}",
            )
    by = story.get("by", "auto")
    if by not in STORY_MODES:
        raise fail(
            display,
            value_mark(story, "by"),
            f"'story.by' must be one of {', '.join(STORY_MODES)}, not {by!r}{suggest(str(by), STORY_MODES)}",
        )
    key = story.get("key", "story")
    if not isinstance(key, str) or not key:
        raise fail(
            display, value_mark(story, "key"), f"'story.key' must be a front-matter key, not {describe(key)}"
        )
    config.story_by, config.story_key = by, key


def _read_rules(config: Config, data: CommentedMap, display: str) -> None:
    rules = data["rules"]
    if rules is None:
        return
    if not isinstance(rules, CommentedMap):
        raise fail(
            display, value_mark(data, "rules"), f"'rules' must be {TOP_LEVEL['rules']}, not {describe(rules)}"
        )
    for key, value in rules.items():
        mark = key_mark(rules, key)
        settings = RuleSettings(key=str(key), mark=mark)
        if value is None:
            value = CommentedMap()
        elif isinstance(value, bool):
            settings.enabled = value
            config.rules.append(settings)
            continue
        elif isinstance(value, str):
            value = CommentedMap(severity=value)
            value.lc.data = {"severity": [mark.line - 1, mark.column - 1, mark.line - 1, mark.column - 1]}
        if not isinstance(value, CommentedMap):
            raise fail(
                display,
                value_mark(rules, key),
                f"settings of rule {key!r} must be a mapping, not {describe(value)}",
            )
        for opt, opt_value in value.items():
            opt_mark = key_mark(value, opt)
            if opt == "severity":
                if not isinstance(opt_value, str) or opt_value.lower() not in {s.value for s in Severity}:
                    choices = [s.value for s in Severity]
                    raise fail(
                        display,
                        value_mark(value, opt),
                        f"severity must be one of {', '.join(choices)}, not {opt_value!r}{suggest(str(opt_value), choices)}",
                    )
                settings.severity = Severity.parse(opt_value)
            elif opt == "enabled":
                if not isinstance(opt_value, bool):
                    raise fail(
                        display,
                        value_mark(value, opt),
                        f"'enabled' must be true or false, not {describe(opt_value)}",
                    )
                settings.enabled = opt_value
            else:
                settings.options[str(opt)] = _plain(opt_value)
                settings.option_marks[str(opt)] = (
                    value_mark(value, opt) if opt_value is not None else opt_mark
                )
                settings.option_marks["key:" + str(opt)] = opt_mark
        config.rules.append(settings)


def _read_per_file_ignores(config: Config, data: CommentedMap, display: str) -> None:
    table = data["per-file-ignores"]
    if not isinstance(table, CommentedMap):
        raise fail(
            display,
            value_mark(data, "per-file-ignores"),
            f"'per-file-ignores' must be {TOP_LEVEL['per-file-ignores']}, not {describe(table)}",
        )
    for pattern in table:
        codes = table[pattern]
        marks = [value_mark(table, pattern)]
        if isinstance(codes, str):
            codes = [codes]
        elif isinstance(codes, CommentedSeq):
            marks = [value_mark(codes, i) for i in range(len(codes))]
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise fail(
                display,
                value_mark(table, pattern),
                f"per-file-ignores for {pattern!r} must be a list of codes",
            )
        config.per_file_ignores[str(pattern)] = [c.strip() for c in codes]
        for i, mark in enumerate(marks):
            config.marks[f"per-file-ignores/{pattern}/{i}"] = mark


def _plain(value: Any) -> Any:
    """ruamel's commented containers as plain lists and dicts."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
