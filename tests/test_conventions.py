"""The options users of ruff, flake8 and Vale expect: each in --help, in the README, and here."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT

ANON = "An unnamed official said the talks had stalled."
ANON_2 = "A source close to the talks said they had stalled."
WEASEL = "Many believe the talks had stalled."
OPTIONS = ("--statistics", "--exit-zero", "--quiet", "--exclude", "--extend-exclude", "--show-settings")


def _write(path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("option", OPTIONS)
def test_each_option_is_in_help_and_the_readme(run_cli, option):
    assert option in run_cli("--help").stdout
    assert f"\n      {option}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_statistics_counts_findings_per_rule(run_cli, tmp_path):
    _write(tmp_path / "a.txt", f"{ANON} {WEASEL}\n\n{ANON_2}\n")
    _write(tmp_path / "b.txt", f"{WEASEL}\n")
    proc = run_cli("--no-config", "--statistics", ".")
    assert proc.stdout == "2  NL102  vague-attribution\n2  NL201  anonymous-source\n"
    assert proc.returncode == 1
    assert proc.stderr == "newslint: 2 files, 4 findings (4 warnings)\n"
    refused = run_cli("--no-config", "--statistics", "--format", "json", ".")
    assert refused.returncode == 2 and "--statistics prints a text table" in refused.stderr


def test_exit_zero_with_findings_but_not_when_the_run_failed(run_cli, tmp_path):
    _write(tmp_path / "a.txt", f"{ANON}\n")
    proc = run_cli("--no-config", "--exit-zero", "a.txt")
    assert proc.returncode == 0 and " NL201 " in proc.stdout
    missing = run_cli("--no-config", "--exit-zero", "a.txt", "gone.txt")
    assert missing.returncode == 2


def test_quiet_prints_the_findings_and_nothing_else(run_cli, tmp_path):
    _write(tmp_path / "a.txt", f"{ANON}\n")
    proc = run_cli("--no-config", "-q", "a.txt", "--write-baseline", "b.json")
    assert proc.stderr == "" and proc.returncode == 0
    _write(tmp_path / "a.txt", f"{ANON}\n\n{WEASEL}\n")
    proc = run_cli("--no-config", "--quiet", "a.txt", "--baseline", "b.json")
    assert proc.stderr == "" and [line.split()[1] for line in proc.stdout.splitlines()] == ["NL102"]


def test_exclude_and_extend_exclude_from_the_command_line(run_cli, tmp_path):
    _write(tmp_path / "rules.yaml", "exclude: [wires]\n")
    for folder in ("wires", "drafts", "live", "desk/drafts"):
        _write(tmp_path / folder / "a.txt", f"{ANON}\n")

    def linted(*args: str, cwd=tmp_path) -> list[str]:
        return sorted(line.split(":")[0] for line in run_cli(*args, cwd=cwd).stdout.splitlines())

    assert linted(".") == ["desk/drafts/a.txt", "drafts/a.txt", "live/a.txt"]
    assert linted(".", "--extend-exclude", "drafts") == ["live/a.txt"]  # a bare name: at any depth
    assert linted(".", "--extend-exclude", "drafts/*") == ["desk/drafts/a.txt", "live/a.txt"]
    # --exclude replaces rules.yaml's exclude: (the wires are back).
    assert linted(".", "--exclude", "drafts,live") == ["wires/a.txt"]
    # Globs are relative to the working folder, wherever rules.yaml is.
    assert linted(".", "--extend-exclude", "drafts/*", cwd=tmp_path / "desk") == []
    assert linted(".", "--extend-exclude", "live/*", cwd=tmp_path / "desk") == ["drafts/a.txt"]


def test_show_settings_prints_the_configuration_a_file_is_linted_under(run_cli, tmp_path):
    _write(
        tmp_path / "rules.yaml",
        "ignore: [NL102]\nrules:\n  NL201: {severity: error}\n  unattributed-quote: {min_words: 6}\n"
        "per-file-ignores:\n  'wires/**': [NL4]\n  'opinion/**': [NL1]\n",
    )
    _write(tmp_path / "wires" / "a.txt", f"{ANON}\n")
    proc = run_cli("--show-settings", "--extend-select", "NL103", "wires/a.txt")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# the settings wires/a.txt is linted under\n")
    settings = YAML(typ="safe").load(proc.stdout)
    assert settings["configuration"] == "rules.yaml"
    assert settings["ignore"] == ["NL102"] and settings["extend-select"] == ["NL103"]
    assert settings["per-file-ignores"] == {"wires/**": ["NL4"]}  # only the globs that match it
    rules = settings["rules"]
    assert rules["NL201"] == {
        "name": "anonymous-source",
        "severity": "error",
        "enabled": True,
        "plugin": "anonymous-sources",
    }
    assert rules["NL101"]["options"]["min_words"] == 6
    assert rules["NL102"]["enabled"] is False and rules["NL103"]["enabled"] is True
    # Another folder's file, with its own configuration, from here.
    _write(tmp_path / "imported" / "rules.yaml", "select: [NL2]\n")
    _write(tmp_path / "imported" / "b.txt", f"{ANON}\n")
    both = list(YAML(typ="safe").load_all(run_cli("--show-settings", "wires/a.txt", "imported/b.txt").stdout))
    assert [doc["configuration"] for doc in both] == ["rules.yaml", "imported/rules.yaml"]
    assert both[1]["rules"]["NL101"]["enabled"] is False
