"""Mistakes in rules.yaml: where they are (line and column) and how they are said.

Every check of the configuration, whether it reads the YAML or binds it to the
rules that plugins contributed, raises :class:`ConfigError` at the line and
column of the offending key or value, with the nearest valid name when there
is one.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

__all__ = ["ConfigError", "Mark", "describe", "fail", "key_mark", "suggest", "suggest_key", "value_mark"]


class ConfigError(Exception):
    """A problem in rules.yaml, located at a line and column.

    A check that can go past its first mistake (every item of a list) raises
    one error carrying the others in :attr:`also`, so each is reported at its
    own place in one run: ``str()`` gives one ``path:line:col: message`` line each.
    """

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message
        self.also: list[ConfigError] = []

    def __str__(self) -> str:
        return "\n".join(f"{e.path}:{e.line}:{e.column}: {e.message}" for e in (self, *self.also))

    @classmethod
    def raise_all(cls, errors: Sequence[ConfigError]) -> None:
        """Raise the first of ``errors`` carrying the others; nothing when there are none."""
        flat = [each for error in errors for each in (error, *error.also)]
        if flat:
            flat[0].also = flat[1:]
            raise flat[0]


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


def fail(display: str, mark: Mark, message: str) -> ConfigError:
    """The error to raise for a mistake at ``mark`` of the file shown as ``display``."""
    return ConfigError(display, mark.line, mark.column, message)


def key_mark(data: CommentedMap, key: Any) -> Mark:
    """Where a key of a mapping is written."""
    line, col = data.lc.key(key)
    return Mark(line + 1, col + 1)


def value_mark(data: CommentedMap | CommentedSeq, key: Any) -> Mark:
    """Where the value of a mapping's key, or a list's item, is written."""
    if isinstance(data, CommentedSeq):
        line, col = data.lc.item(key)
    else:
        line, col = data.lc.value(key)
    return Mark(line + 1, col + 1)


def suggest(name: str, choices: Iterable[str]) -> str:
    """ " (did you mean 'x'?)" for the nearest valid name, or ""."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def suggest_key(name: str, choices: Iterable[str]) -> str:
    """Like :func:`suggest`, but with no near name, list the valid keys instead."""
    choices = list(choices)
    return suggest(name, choices) or f" (expected one of: {', '.join(map(repr, sorted(choices)))})"


def describe(value: Any) -> str:
    """What a YAML value is, as an error message says it ("a list", "true/false")."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string" if value.strip() else ("a blank string" if value else "an empty string")
    return type(value).__name__
