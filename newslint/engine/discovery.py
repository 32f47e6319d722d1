"""Discovery: the files a run lints, from the paths given on the command line.

Folders are walked recursively, in sorted order, skipping hidden folders,
``exclude:`` globs and files no reader knows; a file named explicitly is
always read (unless ``--force-exclude``). Each real file is linted once,
however many paths or symbolic links lead to it.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

__all__ = ["Target", "discover", "glob_match", "not_excluded", "relative_to_root"]


@dataclass
class Target:
    """One file to lint."""

    path: Path
    #: The path as reported (as given on the command line, or below it).
    display: str
    #: Named on the command line (not found by walking a folder).
    explicit: bool


def glob_match(rel: str, patterns: Sequence[str]) -> bool:
    """Whether a path relative to rules.yaml matches one of the ``exclude:``-style globs."""
    parts = PurePath(rel).parts
    for pattern in patterns:
        pat = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(rel, pat + "/*"):
            return True
        # A bare name ("drafts", "*.tmp") matches any path component.
        if "/" not in pat and any(fnmatch.fnmatch(p, pat) for p in parts):
            return True
    return False


def discover(
    paths: Sequence[str], suffixes: Iterable[str], exclude: Sequence[str], root: Path
) -> tuple[list[Target], list[str]]:
    """The files to lint, and the paths that do not exist.

    Directories are walked recursively, skipping hidden folders, excluded
    globs (relative to ``root``, where rules.yaml is) and files no reader
    knows. A file named explicitly is always read.
    """
    wanted = {s.lower() for s in suffixes}
    targets: list[Target] = []
    missing: list[str] = []
    seen: set[str] = set()  # real paths

    def rel_of(p: Path, real: Path | None = None) -> str:
        try:
            return (real or p.resolve()).relative_to(root).as_posix()
        except ValueError:
            return p.as_posix()

    for given in paths:
        p = Path(given)
        if p.is_file() or (p.exists() and not p.is_dir()):
            key = str(p.resolve())
            if key not in seen:
                seen.add(key)
                targets.append(Target(p, given, True))
            continue
        if not p.is_dir():
            missing.append(given)
            continue
        visited: set[tuple[int, int]] = set()

        def unlisted(err: OSError) -> None:
            # A folder that cannot be listed becomes a target, reported as unreadable.
            targets.append(Target(Path(err.filename), Path(err.filename).as_posix(), True))

        for dirpath, dirnames, filenames in _walk(str(p), unlisted):
            try:
                st = os.stat(dirpath)
            except OSError:  # gone since it was listed
                continue
            if (st.st_dev, st.st_ino) in visited:  # a symlink loop
                dirnames[:] = []
                continue
            visited.add((st.st_dev, st.st_ino))
            dirnames[:] = sorted(
                d
                for d in dirnames
                if not d.startswith(".")
                and d not in ("__pycache__", "node_modules")
                and not glob_match(rel_of(Path(dirpath, d)), exclude)
            )
            # Resolved once per folder, not per file: Path.resolve() costs a
            # system call per path component (seconds on a 20,000-file archive).
            real_dir = os.path.realpath(dirpath)
            folder = Path(dirpath)  # (joining a name to it parses the name alone)
            for name in sorted(filenames):
                if name.startswith(".") or os.path.splitext(name)[1].lower() not in wanted:
                    continue
                fp = folder / name
                real = os.path.join(real_dir, name)
                key = os.path.realpath(real) if os.path.islink(real) else real
                if exclude and glob_match(rel_of(fp, Path(key)), exclude):
                    continue
                if key in seen:
                    continue
                seen.add(key)
                display = fp.as_posix() if given not in (".", "./") else fp.relative_to(".").as_posix()
                targets.append(Target(fp, display, False))
    return targets, missing


def _walk(top: str, onerror: Callable[[OSError], None]) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk(top, followlinks=True, onerror=onerror)``, top-down, in the same order, without
    recursion: folders nested a thousand deep are walked like any others (``os.walk`` recurses
    once per level before Python 3.12). The caller may prune the folder names it is given."""
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as err:
            onerror(err)
            continue
        dirnames: list[str] = []
        filenames: list[str] = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()  # (a link to a folder is followed)
            except OSError:
                is_dir = False
            (dirnames if is_dir else filenames).append(entry.name)
        yield folder, dirnames, filenames
        stack.extend(os.path.join(folder, d) for d in reversed(dirnames))


def relative_to_root(path: str, root: Path) -> str:
    """A path as globs in rules.yaml see it: relative to ``root``, else as given."""
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def not_excluded(paths: Sequence[str], root: Path, exclude: Sequence[str]) -> list[str]:
    """The paths named on the command line that ``exclude:`` (globs relative to ``root``)
    does not match: ``--force-exclude``, for hooks that name every changed file."""
    root = root.resolve()
    return [p for p in paths if not glob_match(relative_to_root(p, root), exclude)]
