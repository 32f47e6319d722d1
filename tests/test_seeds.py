"""newslint on seeds/, scored against what a standards editor expects there."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, SEEDS
from tests.scoring import score

#: (family, minimum precision, minimum recall). A family joins this list when its rules land.
TARGETS = [("NL1", 0.9, 1.0), ("NL2", 0.9, 1.0), ("NL3", 0.9, 1.0), ("NL4", 0.9, 1.0), ("NL5", 0.9, 1.0)]


@pytest.fixture(scope="module")
def seed_findings():
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "--no-config", "--no-cache", "--format", "json", str(SEEDS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)["findings"]


@pytest.mark.slow
@pytest.mark.parametrize(("family", "min_precision", "min_recall"), TARGETS)
def test_family_meets_targets(seed_findings, family, min_precision, min_recall):
    result = score(seed_findings, FIXTURES / "seeds-expected.yaml", SEEDS)[family]
    detail = f"missed: {result.missed}; false alarms: {[(f['path'], f['line'], f['column'], f['message']) for f in result.false_alarms]}"
    assert result.recall >= min_recall, detail
    assert result.precision >= min_precision, detail
