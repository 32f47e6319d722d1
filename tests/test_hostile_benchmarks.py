"""The stress and corpora scripts still run (tiny sizes here; the real figures come from running them)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED, requires_shared

pytestmark = pytest.mark.slow


def _script(name: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / name), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_stress_script_times_every_step_of_the_chosen_inputs():
    proc = _script("stress.py", "--min-kb", "1", "--max-kb", "4", "--only", "quotes", "--budget", "20")
    assert "Traceback" not in proc.stderr, proc.stderr
    rows = [line for line in proc.stdout.splitlines() if "all steps s/MB" in line]
    assert [row.split()[0] for row in rows] == [
        "straight-quotes",
        "curly-quotes",
        "closing-quotes",
        "nested-quotes",
        "spaced-quotes",
    ]
    assert proc.stdout.splitlines()[0].startswith(f"{_rule_count()} rules; sizes 1 KB, 4 KB")


def _rule_count() -> int:
    from newslint.plugins import load_plugins

    return len(load_plugins().rules)


@requires_shared("corpora")
def test_corpora_script_runs_over_a_sample_of_every_corpus():
    proc = _script("corpora_run.py", "--shared", str(SHARED), "--limit", "3", "--jobs", "1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "completed with no crash" in proc.stdout
    files = int(proc.stdout.split("files: ", 1)[1].split(" ", 1)[0])
    assert files >= 3 * 4  # three per corpus at least
