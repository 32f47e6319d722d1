"""``[tool.newslint]`` in pyproject.toml: the keys of rules.yaml, in TOML.

The table is read with the standard TOML parser (``tomllib``, or ``tomli``
before Python 3.11), then given the line and column of every key, value and
list item, so that a mistake in it is reported at its place exactly as one in
rules.yaml is: the same checks (:func:`newslint.config.load.read_settings`) read
both. tomllib keeps no positions; :class:`_Positions` finds them with a small
scanner over the text, which tomllib has already found to be valid TOML.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from newslint.config.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["TABLE", "has_table", "read_table"]

#: The table newslint reads.
TABLE = ("tool", "newslint")

_AT = re.compile(r"\(at (?:line (\d+), column (\d+)|end of document)\)")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
#: A scalar that is not a string: a number, a boolean, a date or time.
_SCALAR = re.compile(r"[^\s,\]}#]+(?: [0-9][^\s,\]}#]*)?")

Path_ = tuple[str | int, ...]


def has_table(text: str) -> bool:
    """Whether a pyproject.toml's text may hold ``[tool.newslint]`` (cheap: no parsing)."""
    return "newslint" in text and "tool" in text


def read_table(text: str, display: str) -> CommentedMap | None:
    """``[tool.newslint]`` as round-trip data with the place of every key and value, or
    None when the file has no such table.

    :raises ConfigError: for TOML that does not parse, at its line and column.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _AT.search(str(exc))
        if m and m.group(1):
            line, column = int(m.group(1)), int(m.group(2))
        elif m:  # at the end of the document
            lines = text.split("\n")
            line, column = len(lines), len(lines[-1]) + 1
        else:
            line, column = 1, 1
        message = _AT.sub("", str(exc)).strip()
        raise ConfigError(display, line, column, f"invalid TOML: {message}") from None
    table: Any = data
    for key in TABLE:
        table = table.get(key) if isinstance(table, dict) else None
    if table is None:
        return None
    places = _Positions(text).scan()
    if not isinstance(table, dict):
        raise ConfigError(display, *places.get(TABLE, (1, 1, 1, 1))[:2], "'tool.newslint' must be a table")
    return _commented(table, TABLE, places)


def _commented(value: Any, path: Path_, places: dict[Path_, tuple[int, int, int, int]]) -> Any:
    """Plain TOML data as ruamel's round-trip types, each key and item with its place (0-based)."""
    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _commented(item, (*path, key), places)
            out.lc.add_kv_line_col(key, list(_place(places, (*path, key))))
        return out
    if isinstance(value, list):
        seq = CommentedSeq()
        for i, item in enumerate(value):
            seq.append(_commented(item, (*path, i), places))
            seq.lc.add_idx_line_col(i, list(_place(places, (*path, i))[2:]))
        return seq
    return value


def _place(places: dict[Path_, tuple[int, int, int, int]], path: Path_) -> tuple[int, int, int, int]:
    """Where ``path`` is written, or its nearest enclosing place that is known."""
    while path:
        if path in places:
            return places[path]
        path = path[:-1]
    return (0, 0, 0, 0)


class _Positions:
    """The (0-based) line and column of every key and value of a valid TOML text.

    ``scan()`` maps a path (keys and list indexes, as the parsed data has them)
    to (key line, key column, value line, value column). A table named by a
    header is placed at its name in the header.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.places: dict[Path_, tuple[int, int, int, int]] = {}
        self.arrays: dict[Path_, int] = {}  # array-of-tables path -> items so far
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def where(self, offset: int) -> tuple[int, int]:
        lo, hi = 0, len(self.line_starts)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if self.line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid
        return lo, offset - self.line_starts[lo]

    def scan(self) -> dict[Path_, tuple[int, int, int, int]]:
        table: Path_ = ()
        while True:
            self.skip(newlines=True)
            if self.i >= len(self.text):
                return self.places
            if self.text[self.i] == "[":
                item = self.text.startswith("[[", self.i)
                self.i += 2 if item else 1
                table = self.header(list(self.keys()), item)
                self.i = self.text.index("]]" if item else "]", self.i) + (2 if item else 1)
            else:
                self.key_value(table)

    def header(self, keys: list[tuple[str, int]], new_item: bool) -> Path_:
        """The path of a ``[table]`` (or, ``new_item``, a new ``[[array]]`` item) header,
        placing each of its keys; a key naming an array of tables stands for its last item."""
        path: Path_ = ()
        for n, (key, offset) in enumerate(keys):
            path = (*path, key)
            at = self.where(offset)
            self.places.setdefault(path, (*at, *at))
            if new_item and n == len(keys) - 1:
                index = self.arrays.get(path, 0)
                self.arrays[path] = index + 1
                path = (*path, index)
                self.places[path] = (*at, *at)
            elif path in self.arrays:
                path = (*path, self.arrays[path] - 1)
        return path

    def key_value(self, table: Path_) -> None:
        """``key = value`` (the key may be dotted) in the table at ``table``."""
        keys = list(self.keys())
        self.skip()
        self.i += 1  # "="
        self.skip()
        path = table
        for key, offset in keys[:-1]:
            path = (*path, key)
            at = self.where(offset)
            self.places.setdefault(path, (*at, *at))
        self.value((*path, keys[-1][0]), self.where(keys[-1][1]))

    def value(self, path: Path_, key_at: tuple[int, int]) -> None:
        """Scan one value starting at ``self.i``, placing it (and what it holds) under ``path``."""
        self.places[path] = (*key_at, *self.where(self.i))
        ch = self.text[self.i]
        if ch == "[":
            self.i += 1
            index = 0
            while True:
                self.skip(newlines=True)
                if self.text[self.i] == "]":
                    self.i += 1
                    return
                item_at = self.where(self.i)
                self.value((*path, index), item_at)
                index += 1
                self.skip(newlines=True)
                if self.text[self.i] == ",":
                    self.i += 1
        elif ch == "{":
            self.i += 1
            while True:
                self.skip()
                if self.text[self.i] == "}":
                    self.i += 1
                    return
                self.key_value(path)
                self.skip()
                if self.text[self.i] == ",":
                    self.i += 1
        elif ch in "\"'":
            self.string()
        else:
            m = _SCALAR.match(self.text, self.i)
            self.i = m.end() if m else self.i + 1

    def keys(self) -> Iterator[tuple[str, int]]:
        """A dotted key at ``self.i``: each part with its offset."""
        while True:
            self.skip()
            start = self.i
            if self.text[self.i] in "\"'":
                yield self.string(), start
            else:
                m = _BARE_KEY.match(self.text, self.i)
                end = m.end() if m else self.i + 1
                self.i = end
                yield self.text[start:end], start
            self.skip()
            if self.i < len(self.text) and self.text[self.i] == ".":
                self.i += 1
                continue
            return

    def string(self) -> str:
        """A string at ``self.i`` (basic, literal, or either multi-line); returns its value
        as tomllib reads it for keys (escapes other than \\" and \\\\ are kept as written)."""
        quote = self.text[self.i]
        if self.text.startswith(quote * 3, self.i):
            end = self.text.index(quote * 3, self.i + 3)
            while self.text.startswith(quote, end + 3):  # up to two quotes before the closing three
                end += 1
            body = self.text[self.i + 3 : end]
            self.i = end + 3
            return body
        j = self.i + 1
        while self.text[j] != quote:
            j += 2 if quote == '"' and self.text[j] == "\\" else 1
        body = self.text[self.i + 1 : j]
        self.i = j + 1
        if quote == '"':
            body = body.replace('\\"', '"').replace("\\\\", "\\")
        return body

    def skip(self, newlines: bool = False) -> None:
        """Past spaces and comments (and line breaks, when ``newlines``)."""
        text = self.text
        while self.i < len(text):
            ch = text[self.i]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.i += 1
            elif ch == "#":
                end = text.find("\n", self.i)
                self.i = len(text) if end < 0 else end
            else:
                return
