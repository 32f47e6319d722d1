"""benchmarks/speed.py runs end to end on a tiny corpus of made-up articles."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_speed_script_writes_a_report(tmp_path):
    corpus = tmp_path / "shared" / "corpora" / "allsides-baly"
    corpus.mkdir(parents=True)
    with gzip.open(corpus / "articles.jsonl.gz", "wt", encoding="utf-8") as f:
        for i in range(12):
            text = f"Story {i}. An unnamed official said the count was {i}.\n\nMany believe it."
            f.write(json.dumps({"id": str(i), "text": text}) + "\n")
    out = tmp_path / "RESULTS.md"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "speed.py"), "--shared", str(tmp_path / "shared")]
        + ["--sizes", "4,12", "--runs", "1", "--jobs", "2", "--out", str(out), "--note", "a smoke test"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    report = out.read_text(encoding="utf-8")
    assert "> a smoke test" in report
    archive = report.split("## newslint over the archive")[1].split("Every run's")[0]
    rows = [line for line in archive.splitlines() if line.startswith(("| 4 |", "| 12 |"))]
    assert len(rows) == 2
    # Each article has an anonymous source: findings were counted.
    assert int(rows[1].split("|")[3].replace(",", "")) > 0
    assert "newslint --no-cache one.txt" in report and "Not run (add `--peers`)" in report
    assert "| 4 |" in report.split("## A handful of files")[1]
    assert str(tmp_path) not in report  # no folder of this machine in the report


def test_server_latency_script_reports_both_figures():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "server_latency.py"), "--edits", "3", "--changes", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr  # 1: a target missed on a busy machine
    assert "in-process re-lint: median" in proc.stdout
    assert "change -> diagnostics over stdio: median" in proc.stdout


def test_dask_scale_script_reports_identical_output(tmp_path):
    pytest.importorskip("distributed")
    corpus = tmp_path / "shared" / "corpora" / "allsides-baly"
    corpus.mkdir(parents=True)
    with gzip.open(corpus / "articles.jsonl.gz", "wt", encoding="utf-8") as f:
        for i in range(16):
            text = f"Story {i}. An unnamed official said the count was {i}.\n\nMany believe it."
            f.write(json.dumps({"id": str(i), "text": text}) + "\n")
    out = tmp_path / "figures.md"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "dask_scale.py"), "--shared", str(tmp_path / "shared")]
        + ["--sizes", "16", "--workers", "2", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    report = out.read_text(encoding="utf-8")
    assert "| 16 | 0.0 | cluster, 2 workers |" in report and "| yes |" in report
    assert "an empty Dask task" in report
    assert str(tmp_path) not in report
