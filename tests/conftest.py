from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The shared corpora sit beside the repository in CI; tests that need them skip without.
SHARED = Path(os.environ.get("NEWSLINT_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def run_cli(tmp_path):
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
