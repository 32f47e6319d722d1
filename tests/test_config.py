"""rules.yaml: every error exits 2 and points at file:line:col."""

from __future__ import annotations

import re

import pytest

CASES = {
    "bad-yaml": ("select: [NL1\nignore: []\n", r"rules\.yaml:\d+:\d+: invalid YAML"),
    "unknown-rule": (
        "rules:\n  anonymus-source:\n    severity: error\n",
        r"rules\.yaml:2:3: unknown rule 'anonymus-source' \(did you mean 'anonymous-source'\?\)",
    ),
    "wrong-type": ("select: 3\n", r"rules\.yaml:1:9: 'select' must be"),
    "unknown-key": ("selekt: [NL1]\n", r"rules\.yaml:1:1: unknown key 'selekt' \(did you mean 'select'\?\)"),
    "unknown-story-key": (
        "story:\n  group: folder\n",
        r"rules\.yaml:2:3: unknown key 'group' in 'story' \(expected one of: 'by', 'key'\)",
    ),
    "bad-severity": ("rules:\n  NL201:\n    severity: fatal\n", r"rules\.yaml:3:15: severity must be one of"),
    "unknown-option": (
        "rules:\n  NL201:\n    colour: red\n",
        r"rules\.yaml:3:5: rule NL201 \(anonymous-source\) has no option 'colour'",
    ),
    "unknown-selector": (
        "ignore: [NL9]\n",
        r"rules\.yaml:1:10: ignore: no rule has the code, prefix or name 'NL9'",
    ),
    "duplicate-key": ("select: [NL1]\nselect: [NL2]\n", r"rules\.yaml:\d+:\d+: invalid YAML"),
    "python-tag": ("select: !!python/object/apply:os.system ['true']\n", r"rules\.yaml:1:9: YAML tag"),
    "not-a-mapping": ("- NL1\n", r"rules\.yaml:1:1: the configuration must be a mapping"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_config_exits_2_with_location(run_cli, tmp_path, case):
    text, pattern = CASES[case]
    (tmp_path / "rules.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    proc = run_cli("a.txt")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert re.search(pattern, proc.stderr), proc.stderr
    assert "Traceback" not in proc.stderr


def test_empty_config_means_defaults(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    proc = run_cli("a.txt")
    assert proc.returncode == 1 and "NL201" in proc.stdout


def test_config_is_found_in_a_parent_folder(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text("ignore: [anonymous-source]\n", encoding="utf-8")
    sub = tmp_path / "desk" / "politics"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    proc = run_cli("a.txt", cwd=sub)
    assert proc.returncode == 0, proc.stdout


def test_severity_and_explicit_config(run_cli, tmp_path):
    cfg = tmp_path / "conf" / "house.yaml"
    cfg.parent.mkdir()
    cfg.write_text("rules:\n  NL201: {severity: error}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    proc = run_cli("--config", str(cfg), "--format", "json", "a.txt")
    import json

    [finding] = json.loads(proc.stdout)["findings"]
    assert finding["severity"] == "error"


def test_exclude_globs_skip_files_when_walking(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text("exclude: ['drafts/**']\n", encoding="utf-8")
    for folder in ("drafts", "live"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    proc = run_cli(".")
    assert "live/a.txt" in proc.stdout and "drafts" not in proc.stdout
    # A file named explicitly is always read.
    assert "drafts/a.txt" in run_cli("drafts/a.txt").stdout
