"""Paths as CI systems want them: relative to the root of the repository.

GitHub code scanning and Actions annotations place a finding by its path from
the repository's root, whatever folder newslint ran in; a path relative to the
working folder, from a subfolder, names a file that is not there. The root is
the nearest folder, from the working one upwards, holding ``.git`` (a folder,
or a file in a worktree or submodule); outside any repository, the working
folder itself.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["from_root", "repository_root"]


def repository_root(start: str | os.PathLike[str] | None = None) -> Path:
    """The root of the repository holding ``start`` (default: the working folder), or ``start``."""
    here = Path(os.path.realpath(start if start is not None else os.getcwd()))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def from_root(path: str, root: Path) -> str | None:
    """``path`` (as given, relative to the working folder or absolute) relative to ``root``,
    in POSIX form; None when it lies outside ``root``."""
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:  # another drive (Windows)
        return None
    if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
        return None
    return Path(rel).as_posix()
