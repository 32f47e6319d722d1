"""The per-file cache: a re-run over an unchanged archive only runs the story pass.

A passive store: the engine asks it for an entry by key (:meth:`Cache.get`)
and gives it the entries of fresh results (:meth:`Cache.put`); it never lints
anything itself. An entry holds what the per-document pass yields for one file (findings, facts
for corpus rules, metadata, suppressions). It is found by a hash of the file's
bytes and its suffix (which picks the reader), inside a folder named after a
fingerprint of everything else the result depends on: the versions of Python,
newslint and every plugin, the stamps of their source and data files (so an edited
plugin invalidates the cache even when its version number stays the same), and
the effective rules with their severities and options. Per-file ignores and
inline suppressions are applied after the cache, so changing them costs nothing.

Entries do not depend on where the file is: the path of every finding and
location in the file (and the path string the document carries, where a fact
keeps it) is stored as a placeholder and filled in on reading, so a moved or
copied article still hits; a string of the text that merely reads like the
file's name stays as it is.
(Rules therefore must not decide anything from ``document.path``; paths are
for reporting, and per-file choices belong to per-file-ignores.) Facts of a
type from outside newslint and the plugins are used but never stored.

Writes go to a temporary file renamed into place (atomic on POSIX and
Windows). An entry that cannot be read back (truncated, from another version,
tampered with, or holding values of the wrong types) is ignored and rewritten. Entries are pickles read with an
unpickler that only builds classes defined by newslint, its plugins and a few
harmless standard types, and the folder carries a ``.gitignore`` so it is never
committed by accident.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newslint.config import Config, RuleSet
from newslint.engine.corpus_pass import groups_by_text
from newslint.engine.results import DocumentResult, well_formed
from newslint.findings import Finding
from newslint.plugins import Plugins
from newslint.spans import Location

__all__ = ["DEFAULT_DIR", "FORMAT", "Cache", "fingerprint"]

#: The default folder, made next to rules.yaml (or in the working folder).
DEFAULT_DIR = ".newslint_cache"
#: Bumped when the layout of an entry or the key changes.
FORMAT = 4
#: How many fingerprint folders (configurations, versions) are kept.
KEEP_FINGERPRINTS = 4

# Persistent ids of a finding and a location in the file itself, whose path is left out,
# and of the file's path itself where a fact holds it as a plain string.
_FINDING, _LOCATION, _PATH = "finding", "location", "path"
_SAFE_BUILTINS = frozenset(
    ("set", "frozenset", "list", "dict", "tuple", "str", "bytes", "bytearray", "int", "float")
    + ("complex", "bool", "range", "slice")
)
_SAFE_STDLIB = frozenset(("collections", "datetime", "decimal", "fractions", "enum", "pathlib"))
_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))
#: A package with more source files than this is fingerprinted by its version only.
_MAX_STAMPED_FILES = 2000


class Cache:
    """Entries of one fingerprint, in shard files under ``<directory>/<fingerprint>/``.

    An entry is the pickled result of one file, found by the hash of the file's
    bytes. Entries live in 256 shard files picked by the hash's first byte:
    writing 20,000 small files costs more than linting them on most file
    systems, while a shard is one write, and a one-file run reads one shard.
    Shards are read when first needed and written back, merged, by
    :meth:`flush` (the main process only, at the end of a run).
    """

    SHARDS = 256

    def __init__(self, directory: Path, fingerprint: str, packages: Iterable[str] = ("newslint",)) -> None:
        self.directory = directory
        self.folder = directory / fingerprint
        self.packages = frozenset(packages)
        #: The classes entries have been found to hold, allowed once checked.
        self._allowed: dict[tuple[str, str], type] = {}
        self._shards: dict[str, dict[str, bytes]] = {}
        self._dirty: set[str] = set()

    @classmethod
    def open(
        cls,
        plugins: Plugins,
        ruleset: RuleSet,
        config: Config,
        directory: str | os.PathLike[str] | None = None,
        stories: bool | None = None,
    ) -> Cache | None:
        """The cache for these rules, or None (with a warning) when it cannot be made.

        ``directory``: default ``.newslint_cache`` beside rules.yaml (or in the working folder).
        ``stories``: whether results hold grouping features (default: as :class:`Linter` decides).
        """
        where = Path(directory) if directory is not None else config.root / DEFAULT_DIR
        digest, packages = fingerprint(plugins, ruleset, config, stories)
        cache = cls(where, digest, packages)
        try:
            if not cache.folder.is_dir():
                cache.folder.mkdir(parents=True, exist_ok=True)
                _prune(where, keep=cache.folder)
            _mark(where)
        except OSError as exc:
            sys.stderr.write(f"newslint: cache disabled: cannot write {where}: {exc.strerror or exc}\n")
            return None
        return cache

    # -- entries -------------------------------------------------------------

    @staticmethod
    def key(suffix: str, data: bytes) -> str:
        """The key of a file's entry: its bytes and its suffix (which picks the reader)."""
        digest = hashlib.sha256(suffix.lower().encode() + b"\0")
        digest.update(data)
        return digest.hexdigest()[:40]

    def shard_path(self, key: str) -> Path:
        return self.folder / f"{key[:2]}.pack"

    def _shard(self, key: str) -> dict[str, bytes]:
        name = key[:2]
        shard = self._shards.get(name)
        if shard is None:
            shard = {}
            try:
                blob = self.shard_path(key).read_bytes()
                loaded = _Unpickler(io.BytesIO(blob), "", frozenset()).load()
                if isinstance(loaded, tuple) and len(loaded) == 2 and loaded[0] == FORMAT:
                    shard = {k: v for k, v in loaded[1].items() if type(k) is str and type(v) is bytes}
            except FileNotFoundError:
                pass
            except Exception:  # a corrupt shard is an empty one; it is rewritten on the next store
                pass
            self._shards[name] = shard
        return shard

    def get(self, key: str, path: str) -> DocumentResult | None:
        """The cached result for this key, as the result of the file at ``path``; None on a miss."""
        blob = self._shard(key).get(key)
        return None if blob is None else self.unpack(blob, path)

    def put(self, key: str, entry: bytes) -> None:
        """Store an entry (made by :meth:`pack`) under its key; written by :meth:`flush`."""
        self._shard(key)[key] = entry
        self._dirty.add(key[:2])

    @staticmethod
    def pack(result: DocumentResult, path: str) -> bytes | None:
        """An entry for a result (without its document), or None if it cannot be pickled.

        ``path``, where it is the path of a finding or a location, is stored as a placeholder.
        """
        try:
            buffer = io.BytesIO()
            entry = (
                FORMAT,
                result.findings,
                result.facts,
                result.metadata,
                result.suppressions,
                result.story_features,
            )
            _Pickler(buffer, path).dump(entry)
            return buffer.getvalue()
        except Exception:  # (pickling raises more than PicklingError: TypeError, RecursionError, ...)
            return None

    def unpack(self, entry: bytes, path: str) -> DocumentResult | None:
        """An entry's result with ``path`` filled in, or None when the entry is unusable
        (corrupt, from another version, tampered with, holding a class from outside
        newslint and the plugins, or values of the wrong types)."""
        try:
            result = _result(_Unpickler(io.BytesIO(entry), path, self.packages, self._allowed).load(), path)
        except Exception:  # a corrupt, foreign or tampered entry is a miss
            return None
        return result if well_formed(result) else None

    @staticmethod
    def unpack_trusted(entry: bytes, path: str) -> DocumentResult:
        """The result of an entry this run has just packed itself, whatever classes it holds."""
        return _result(_Unpickler(io.BytesIO(entry), path, None).load(), path)

    def flush(self) -> None:
        """Write the shards that changed, each atomically; errors only cost entries."""
        for name in sorted(self._dirty):
            path = self.folder / f"{name}.pack"
            try:
                buffer = io.BytesIO()
                pickle.dump((FORMAT, self._shards[name]), buffer, protocol=pickle.HIGHEST_PROTOCOL)
                fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
                try:
                    with os.fdopen(fd, "wb") as out:
                        out.write(buffer.getvalue())
                    os.replace(tmp, path)
                except BaseException:
                    _unlink(tmp)
                    raise
            except OSError:
                pass
        self._dirty.clear()


def _result(loaded: Any, path: str) -> DocumentResult:
    """The result an unpickled entry stands for (a ValueError when it is not an entry)."""
    version, findings, facts, metadata, suppressions, features = loaded
    if version != FORMAT:
        raise ValueError(f"an entry of format {version!r}")
    return DocumentResult(path, findings, facts, metadata, None, suppressions, story_features=features)


class _Pickler(pickle.Pickler):
    """Writes each finding and location of the file without its path (a placeholder)."""

    def __init__(self, file: io.BytesIO, path: str) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._path = path

    def persistent_id(self, obj: Any) -> tuple[Any, ...] | None:
        kind = type(obj)
        if kind is Finding and obj.path == self._path:
            return (_FINDING, *[getattr(obj, name) for name in _FINDING_FIELDS[1:]])
        if kind is Location and obj.path == self._path:
            return (_LOCATION, obj.line, obj.column, obj.end_line, obj.end_column)
        if kind is str and obj is self._path:
            # The path object itself, as the document and its locations carry it (a fact
            # may keep a location's fields in a tuple); a string of the text that merely
            # equals the path (an article's name for a person) is another object.
            return (_PATH,)
        return None


class _Unpickler(pickle.Unpickler):
    """Fills the placeholder in, and builds nothing but known, inert classes."""

    def __init__(
        self,
        file: io.BytesIO,
        path: str,
        packages: frozenset[str] | None,
        allowed: dict[tuple[str, str], type] | None = None,
    ) -> None:
        """``packages=None`` trusts the bytes (a worker's own, just made) and loads any class.

        ``allowed``: the classes already found allowed, (module, name) -> class,
        shared by the unpicklers of one cache (the same few occur in every entry).
        """
        super().__init__(file)
        self._path = path
        self._packages = packages
        self._allowed = allowed if allowed is not None else {}

    def persistent_load(self, pid: Any) -> Any:
        if type(pid) is tuple and pid:
            if pid[0] == _FINDING and len(pid) == len(_FINDING_FIELDS):
                return Finding(self._path, *pid[1:])
            if pid[0] == _LOCATION and len(pid) == 5:
                return Location(self._path, *pid[1:])
            if pid == (_PATH,):
                return self._path
        raise pickle.UnpicklingError("unknown placeholder")

    def find_class(self, module: str, name: str) -> Any:
        if self._packages is None:
            return super().find_class(module, name)
        found = self._allowed.get((module, name))
        if found is not None:
            return found
        top = module.partition(".")[0]
        allowed = (
            (module == "builtins" and name in _SAFE_BUILTINS) or top in _SAFE_STDLIB or top in self._packages
        )
        if allowed and "." not in name:
            obj = super().find_class(module, name)
            if isinstance(obj, type) and obj.__module__ == module:
                self._allowed[(module, name)] = obj
                return obj
        raise pickle.UnpicklingError(f"{module}.{name} may not be loaded from the cache")


def fingerprint(
    plugins: Plugins, ruleset: RuleSet, config: Config, stories: bool | None = None
) -> tuple[str, set[str]]:
    """A digest of everything a per-document result depends on besides the file,
    and the packages whose classes an entry may hold.

    ``stories``: whether results hold grouping features (default: when the
    configuration groups stories by their text and a corpus rule runs).
    """
    from newslint.version import __version__

    packages = {"newslint"}
    local_files = []
    for info in plugins.info.values():
        if info.version == "local":
            local_files.append(info.module)
        else:
            packages.add(info.module.partition(":")[0].partition(".")[0])
    for rule in ruleset.rules:
        packages.add(type(rule).__module__.partition(".")[0])
    stamps = [_stamp_file(f) for f in sorted(local_files)]
    stamps += [_stamp_package(p) for p in sorted(packages)]
    parts = {
        "format": FORMAT,
        "python": list(sys.version_info[:2]),
        "newslint": __version__,
        "plugins": sorted([n, i.version, i.module] for n, i in plugins.info.items()),
        "code": stamps,
        "rules": [
            [r.code, type(r).__module__, type(r).__qualname__, ruleset.severity_of(r.code, r.severity)]
            + [dict(r.options)]
            for r in ruleset.rules
        ],
        "readers": sorted(
            [suffix, type(reader).__module__, type(reader).__qualname__]
            for suffix, reader in plugins.readers.items()
        ),
        "sections": config.sections,
        "story features": groups_by_text(ruleset, config) if stories is None else stories,
    }
    # A word list or lexicon named in rules.yaml: its content counts, not just its name.
    options = [dict(r.options) for r in ruleset.rules] + [config.sections]
    parts["files"] = [_stamp_file(str(p)) for p in _named_files(options, config.root)]
    text = json.dumps(parts, sort_keys=True, default=_jsonable)
    # Classes from local plugin modules may be stored too.
    packages |= {m.__name__ for m in _local_modules(local_files)}
    return hashlib.blake2b(text.encode(), digest_size=10).hexdigest(), packages


def _named_files(value: Any, root: Path) -> list[Path]:
    """Existing files named by the strings in a configuration value (options, sections)."""
    if isinstance(value, str):
        if 0 < len(value) < 500 and ("/" in value or "." in value) and "\n" not in value:
            with contextlib.suppress(OSError, ValueError):
                path = root / value
                if path.is_file():
                    return [path]
        return []
    if isinstance(value, dict):
        return [p for v in value.values() for p in _named_files(v, root)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [p for v in value for p in _named_files(v, root)]
    return []


def _jsonable(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(map(repr, value))
    if hasattr(value, "value") and hasattr(value, "name"):  # enums
        return value.value
    return repr(value)


def _stamp_file(path: str) -> list[Any]:
    try:
        st = os.stat(path)
    except OSError:
        return [path, None]
    return [path, st.st_mtime_ns, st.st_size]


def _stamp_package(name: str) -> list[Any]:
    module = sys.modules.get(name)
    if module is None:
        return [name, None]
    roots = list(getattr(module, "__path__", None) or [])
    if not roots:
        return _stamp_file(getattr(module, "__file__", "") or name)
    stamps: list[Any] = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
            for f in sorted(filenames):
                if not f.endswith((".pyc", ".pyo")) and not f.startswith("."):  # code and data (lexicons)
                    stamps.append(_stamp_file(os.path.join(dirpath, f)))
            if len(stamps) > _MAX_STAMPED_FILES:
                return [name, "too many files"]
    return [name, stamps]


def _local_modules(files: Iterable[str]) -> list[Any]:
    wanted = {os.path.abspath(f) for f in files}
    found = []
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if file and os.path.abspath(file) in wanted:
            found.append(module)
    return found


def _prune(directory: Path, keep: Path) -> None:
    """Remove all but the most recently used fingerprint folders.

    Every upgrade, plugin edit or change of rules starts a new folder; the old
    ones would otherwise pile up. A few are kept, for people who switch
    between configurations (a pre-commit hook and a full CI run).
    """
    folders = []
    for child in directory.iterdir():
        if child != keep and child.is_dir() and len(child.name) == 20 and _is_hex(child.name):
            with contextlib.suppress(OSError):
                folders.append((child.stat().st_mtime, child))
    folders.sort(reverse=True)
    for _mtime, old in folders[KEEP_FINGERPRINTS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def _is_hex(name: str) -> bool:
    return all(c in "0123456789abcdef" for c in name)


def _mark(directory: Path) -> None:
    """Tell git and backup tools that this folder is a cache."""
    ignore = directory / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Made by newslint: the cache is never committed.\n*\n", encoding="utf-8")
    tag = directory / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by newslint.\n"
            "# For information about cache directory tags see https://bford.info/cachedir/\n",
            encoding="utf-8",
        )


def _unlink(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
