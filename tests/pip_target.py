"""Install a plugin package the way its user would, offline: pip, into a folder.

The package is built with the test environment's setuptools (no build
isolation, no index) and installed with ``--target`` into a temporary folder;
putting that folder on PYTHONPATH makes its entry points visible to newslint
without touching the test environment itself.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _can_build_offline() -> bool:
    try:
        import setuptools
    except ImportError:
        return False
    major, minor = (int(p) for p in setuptools.__version__.split(".")[:2])
    # Older setuptools builds wheels only with the separate `wheel` package.
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


def pip_install(project: Path, target: Path) -> None:
    """Build ``project`` (a copy, so the source tree stays clean) into ``target``."""
    if not _can_build_offline():
        pytest.skip("building a plugin offline needs setuptools>=70.1: pip install -e '.[test]'")
    build = target.parent / (project.name + "-src")
    shutil.copytree(project, build, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-build-isolation",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(build),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        timeout=300,
    )
    assert done.returncode == 0, f"pip install {project.name} failed:\n{done.stdout}\n{done.stderr}"


def with_path(target: Path) -> dict[str, str]:
    """An environment in which packages installed into ``target`` are importable."""
    path = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": str(target) + (os.pathsep + path if path else "")}
