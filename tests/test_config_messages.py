"""Configuration mistakes said so that the reader can mend them at once.

Each message points at the place of the mistake (not at 1:1, nor at the end
of the file), names every bad item of a list in one run, and says things in
plain words ("an empty string", "'<scalar>'", not Python reprs).
"""

from __future__ import annotations

ARTICLE = "An unnamed official said so.\n"


def _lint(run_cli, tmp_path, config: str, *args: str):
    (tmp_path / "rules.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return run_cli(*args, "a.txt")


def test_every_unknown_selector_is_reported_at_its_own_item(run_cli, tmp_path):
    proc = _lint(run_cli, tmp_path, "select: [NL2, NL9, anonymus-source]\nignore:\n  - NL1\n  - NL2O1\n")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "rules.yaml:1:15: select: no rule has the code, prefix or name 'NL9'",
        "rules.yaml:1:20: select: no rule has the code, prefix or name 'anonymus-source'"
        " (did you mean 'anonymous-source'?)",
        "rules.yaml:4:5: ignore: no rule has the code, prefix or name 'NL2O1' (did you mean 'NL201'?)",
    ]


def test_items_that_are_not_strings_are_each_reported(run_cli, tmp_path):
    proc = _lint(run_cli, tmp_path, "select:\n  - 3\n  - NL2\n  - [NL1]\n")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "rules.yaml:2:5: every item of 'select' must be a non-empty string, not a number",
        "rules.yaml:4:5: every item of 'select' must be a non-empty string, not a list",
    ]


def test_an_unclosed_quote_is_reported_where_it_opens(run_cli, tmp_path):
    proc = _lint(run_cli, tmp_path, 'select: ["NL2]\nignore: [NL1]\n\nrules: {}\n')
    assert proc.returncode == 2
    assert proc.stderr == "rules.yaml:1:10: invalid YAML: this quotation mark is never closed\n"


def test_yaml_tokens_are_named_not_shown_as_python_tuples(run_cli, tmp_path):
    proc = _lint(run_cli, tmp_path, "[section]\nkey=1\n")
    assert proc.returncode == 2
    assert "('<" not in proc.stderr and "'<scalar>'" in proc.stderr, proc.stderr


def test_an_empty_pattern_is_said_to_be_empty(run_cli, tmp_path):
    config = "custom-rules:\n  - code: HR1\n    name: per-cent\n    message: m\n    pattern: ''\n"
    proc = _lint(run_cli, tmp_path, config)
    assert proc.returncode == 2
    assert proc.stderr == "rules.yaml:5:14: 'pattern' must be a non-empty string, not an empty string\n"


def test_explain_shows_a_pattern_as_written(run_cli, tmp_path):
    config = (
        "custom-rules:\n  - code: HR1\n    name: per-cent\n    message: write percent\n"
        "    pattern: '\\bper\\s+cent\\b'\n    ignore-case: true\n"
    )
    (tmp_path / "rules.yaml").write_text(config, encoding="utf-8")
    proc = run_cli("--explain", "HR1")
    assert proc.returncode == 0, proc.stderr
    assert "the regular expression `\\bper\\s+cent\\b` (any case)" in proc.stdout, proc.stdout


def test_explain_a_prefix_lists_its_rules(run_cli):
    proc = run_cli("--no-config", "--explain", "NL2")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("NL2 is a prefix of 1 rule")
    assert [line.split()[0] for line in lines[1:]] == ["NL201"]
    assert "NL402" not in proc.stdout + proc.stderr
    nl0 = run_cli("--no-config", "--explain", "nl00").stdout.splitlines()
    assert [line.split()[0] for line in nl0[1:]][:3] == ["NL001", "NL002", "NL003"]


def test_explain_of_nothing_suggests_the_nearest(run_cli):
    proc = run_cli("--no-config", "--explain", "anonymus-source")
    assert proc.returncode == 2
    assert "did you mean 'anonymous-source'?" in proc.stderr


def test_per_file_ignores_with_an_unknown_code_is_an_error(run_cli, tmp_path):
    config = 'per-file-ignores:\n  "wires/**": [NL201, NL2O1]\n  "opinion/*": vague-atribution\n'
    proc = _lint(run_cli, tmp_path, config)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "rules.yaml:2:23: per-file-ignores for 'wires/**': no rule has the code, prefix or name 'NL2O1'"
        " (did you mean 'NL201'?)",
        "rules.yaml:3:16: per-file-ignores for 'opinion/*': no rule has the code, prefix or name"
        " 'vague-atribution' (did you mean 'vague-attribution'?)",
    ]


def test_disabling_a_plugin_that_does_not_exist_is_an_error(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("--no-config", "--disable-plugin", "anonymous-source", "a.txt")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == (
        "newslint: --disable-plugin: no plugin is named 'anonymous-source'"
        " (did you mean 'anonymous-sources'?); `newslint --version` lists them\n"
    )
    known = run_cli("--no-config", "--disable-plugin", "anonymous-sources,custom-rules", "a.txt")
    assert known.returncode == 0, known.stderr


def test_list_rules_shows_what_the_configuration_sets(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text(
        "ignore: [vague-attribution]\nrules:\n  NL201: {severity: error}\n  NL103: {enabled: true}\n",
        encoding="utf-8",
    )
    listed = {line.split()[0]: line for line in run_cli("--list-rules").stdout.splitlines()}
    assert listed["NL201"].split()[2] == "error*"
    assert listed["NL103"].split()[2] == "info*"  # off by default, on here
    assert " warning (off)* " in listed["NL102"]
    assert listed["NL101"].split()[2] == "warning"  # as by default: unmarked
    assert listed["*"].startswith("* set by the configuration or the command line")
    narrowed = {
        line.split()[0]: line for line in run_cli("--list-rules", "--select", "NL1").stdout.splitlines()
    }
    assert " error (off)* " in narrowed["NL201"]  # left out by --select
    plain = run_cli("--no-config", "--list-rules").stdout
    assert "*" not in plain and "error*" not in plain
