from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The shared corpora sit beside the repository in CI; tests that need them skip without.
SHARED = Path(os.environ.get("NEWSLINT_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def run_cli(tmp_path, monkeypatch, capsys):
    """Run `newslint` in this process, through ``newslint.cli.main``; returns a CompletedProcess.

    It runs in ``cwd`` (default: the test's tmp_path) with ``env`` added to the
    environment (a ``PYTHONPATH`` joins ``sys.path``, where entry points are
    found). A test of what only a real process shows (signals, pipes, the
    console's encoding, worker processes) uses :func:`run_cli_process`.
    """

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
        monkeypatch.chdir(cwd or tmp_path)
        for key, value in {"NO_COLOR": "1", **(env or {})}.items():
            if key == "PYTHONPATH":
                for entry in reversed(value.split(os.pathsep)):
                    monkeypatch.syspath_prepend(entry)
            else:
                monkeypatch.setenv(key, value)
        capsys.readouterr()
        try:
            status = main(list(args))
        except SystemExit as exc:  # argparse: --help, or a usage error
            status = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(["newslint", *args], status, out, err)

    return run


@pytest.fixture
def run_cli_process(tmp_path):
    """Run the real `newslint` command in a subprocess; returns CompletedProcess."""

    def run(*args: str, cwd: Path | None = None, env: dict | None = None, input: str | None = None):
        full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "newslint", *args],
            cwd=cwd or tmp_path,
            capture_output=True,
            text=True,
            env=full_env,
            input=input,
            timeout=120,
        )

    return run


def requires_shared(*parts: str):
    """Skip unless ../shared (or $NEWSLINT_SHARED) holds the given path."""
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"needs the shared corpora ({path} is absent)")
