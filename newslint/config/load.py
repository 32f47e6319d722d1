"""rules.yaml: discovery, safe loading, and validation with file:line:col errors.

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
from newslint.findings import Severity

__all__ = [
    "CONFIG_NAMES",
    "STORY_MODES",
    "TOP_LEVEL",
    "Config",
    "RuleSettings",
    "find_config",
    "load_config",
    "parse_config",
]

CONFIG_NAMES = ("rules.yaml", ".newslint.yaml")

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
    marks: dict[str, Mark] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The folder paths in the file are relative to."""
        return Path(self.path).resolve().parent if self.path else Path.cwd()

    def error(self, key: str, message: str) -> ConfigError:
        mark = self.marks.get(key, Mark(1, 1))
        return ConfigError(self.path or "rules.yaml", mark.line, mark.column, message)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest rules.yaml in ``start`` or its parents."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


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
    return parse_config(text, display)


def _display(path: Path) -> str:
    """A path as short as it can be said: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return os.fspath(path)


def parse_config(text: str, display: str = "rules.yaml") -> Config:
    yaml = YAML(typ="rt", pure=True)
    try:
        node = yaml.compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(display, line, col, f"invalid YAML: {problem}") from None
    except YAMLError as exc:
        raise ConfigError(display, 1, 1, f"invalid YAML: {exc}") from None
    config = Config(path=display)
    if node is None:
        return config  # an empty file: every default applies
    _refuse_tags(node, display)
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:  # duplicate keys and the like
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ConfigError(display, line, col, f"invalid YAML: {exc.problem or exc.context}") from None
    if not isinstance(data, CommentedMap):
        raise ConfigError(display, _line(node), _col(node), "the configuration must be a mapping of keys")
    _read_top_level(config, data, display)
    return config


#: More values than any real rules.yaml holds; aliases can reach it by expansion only.
_MAX_NODES = 100_000


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


def _str_list(data: CommentedMap, key: str, display: str) -> list[str]:
    value = data[key]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, CommentedSeq) and not isinstance(value, list):
        raise fail(display, value_mark(data, key), f"'{key}' must be {TOP_LEVEL[key]}, not {describe(value)}")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            mark = value_mark(value, i) if isinstance(value, CommentedSeq) else value_mark(data, key)
            raise fail(
                display, mark, f"every item of '{key}' must be a non-empty string, not {describe(item)}"
            )
        out.append(item.strip())
    return out


def _read_top_level(config: Config, data: CommentedMap, display: str) -> None:
    for key in data:
        mark = key_mark(data, key)
        config.marks[str(key)] = mark
        if key not in TOP_LEVEL:
            raise fail(display, mark, f"unknown key {key!r}{suggest_key(str(key), TOP_LEVEL)}")
    if "select" in data:
        config.select = _str_list(data, "select", display)
    if "extend-select" in data:
        config.extend_select = _str_list(data, "extend-select", display)
    if "ignore" in data:
        config.ignore = _str_list(data, "ignore", display)
    if "exclude" in data:
        config.exclude = _str_list(data, "exclude", display)
    if "plugins" in data:
        config.plugins = _str_list(data, "plugins", display)
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
        if isinstance(codes, str):
            codes = [codes]
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise fail(
                display,
                value_mark(table, pattern),
                f"per-file-ignores for {pattern!r} must be a list of codes",
            )
        config.per_file_ignores[str(pattern)] = [c.strip() for c in codes]


def _plain(value: Any) -> Any:
    """ruamel's commented containers as plain lists and dicts."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
