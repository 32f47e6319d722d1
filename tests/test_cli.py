"""The command line end to end: exit codes, the JSON contract, information commands."""

from __future__ import annotations

import json
import shutil

from tests.conftest import SEEDS


def test_seeds_print_findings_and_exit_1(run_cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    proc = run_cli("--no-config", "seeds/")
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines, "no findings on seeds/"
    for line in lines:
        path, lineno, col, rest = line.split(":", 3)
        assert path.startswith("seeds/") and lineno.isdigit() and col.isdigit()
        assert rest.startswith(" NL")
    assert "seeds/002_c5929a58af056e09.txt:1:2105: NL201" in proc.stdout


def test_json_contract(run_cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    data = json.loads(run_cli("--no-config", "--format", "json", "seeds").stdout)
    assert data["version"] == 1
    keys = {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "rule",
        "severity",
        "message",
        "related",
    }
    for f in data["findings"]:
        assert set(f) == keys
        assert f["path"].startswith("seeds/")
        assert f["severity"] in ("error", "warning", "info")
        assert (f["end_line"], f["end_column"]) > (f["line"], f["column"])
        text = (tmp_path / f["path"]).read_text(encoding="utf-8").split("\n")
        if f["line"] == f["end_line"]:
            flagged = text[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]
            assert flagged.strip() == flagged and flagged, f
    order = [(f["path"], f["line"], f["column"]) for f in data["findings"]]
    assert order == sorted(order)


def test_clean_file_exits_0(run_cli, tmp_path):
    (tmp_path / "clean.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    proc = run_cli("--no-config", "clean.txt")
    assert proc.returncode == 0 and proc.stdout == ""


def test_missing_path_exits_2_but_lints_the_rest(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    proc = run_cli("--no-config", "nope.txt", "a.txt")
    assert proc.returncode == 2
    assert "nope.txt: no such file or directory" in proc.stderr
    assert "a.txt:1:1: NL201" in proc.stdout


def test_select_and_ignore(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("An unnamed official said so. Many believe it.\n", encoding="utf-8")
    only = run_cli("--no-config", "--select", "NL1", "a.txt").stdout
    assert "NL102" in only and "NL201" not in only
    rest = run_cli("--no-config", "--ignore", "vague-attribution", "a.txt").stdout
    assert "NL201" in rest and "NL102" not in rest
    bad = run_cli("--no-config", "--select", "NL9", "a.txt")
    assert bad.returncode == 2 and "NL9" in bad.stderr


def test_list_rules_explain_version(run_cli):
    listing = run_cli("--list-rules").stdout
    assert "NL201" in listing and "anonymous-source" in listing and "anonymous-sources" in listing
    explained = run_cli("--explain", "NL201")
    assert explained.returncode == 0
    for section in ("What it checks", "Why it matters", "Example", "How to fix"):
        assert section in explained.stdout
    assert run_cli("--explain", "anonymous-sauce").returncode == 2
    version = run_cli("--version").stdout
    assert version.startswith("newslint ") and "attribution" in version


def test_full_format_shows_the_line_and_a_caret(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Intro.\nAn unnamed official said so.\n", encoding="utf-8")
    out = run_cli("--no-config", "--format", "full", "a.txt").stdout
    line, caret = out.splitlines()[1:3]
    assert "An unnamed official said so." in line
    assert caret.strip() == "^" * len("An unnamed official")
    assert caret.index("^") == line.index("An unnamed")
    assert "\x1b[" not in out  # NO_COLOR is set by the fixture


def test_python_dash_m_and_help(run_cli):
    proc = run_cli("--help")
    assert proc.returncode == 0 and "exit status" in proc.stdout and "--format" in proc.stdout
