"""[tool.newslint] in pyproject.toml: the keys of rules.yaml, found and checked the same way."""

from __future__ import annotations

import json

import pytest

from newslint.config import ConfigError, parse_pyproject
from newslint.config.errors import key_mark, value_mark
from newslint.config.pyproject import read_table

ANON = "An unnamed official said the talks had stalled."
WEASEL = "Many believe the talks had stalled."

PYPROJECT = """\
[project]
name = "the-harbour-gazette"

[tool.ruff]
line-length = 100

[tool.newslint]
ignore = ["vague-attribution"]   # opinion pages quote crowds on purpose
rules.anonymous-source.severity = "error"

[[tool.newslint.custom-rules]]
code = "HR101"
name = "headline-slang"
message = "“{match}” is headline slang: write “{replacement}”"
phrases = { slammed = "criticised", vowed = "promised" }
"""


def _codes(stdout: str) -> list[str]:
    return [line.split()[1] for line in stdout.splitlines()]


def test_the_table_is_read_and_found_from_a_subfolder(run_cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    desk = tmp_path / "stories" / "desk"
    desk.mkdir(parents=True)
    (desk / "a.txt").write_text(f"{ANON} {WEASEL} Critics slammed it.\n", encoding="utf-8")
    proc = run_cli("--format", "json", "a.txt", cwd=desk)
    found = {f["code"]: f["severity"] for f in json.loads(proc.stdout)["findings"]}
    assert found == {"NL201": "error", "HR101": "warning"}, proc.stdout


def test_rules_yaml_wins_over_pyproject_in_the_same_folder(run_cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text("ignore: [anonymous-source]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"{ANON} {WEASEL}\n", encoding="utf-8")
    assert _codes(run_cli("a.txt").stdout) == ["NL102"]


def test_a_pyproject_without_the_table_is_passed_over(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text("ignore: [anonymous-source]\n", encoding="utf-8")
    project = tmp_path / "site"
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "site"\n', encoding="utf-8")
    (project / "a.txt").write_text(f"{ANON} {WEASEL}\n", encoding="utf-8")
    assert _codes(run_cli("a.txt", cwd=project).stdout) == ["NL102"]


def test_config_pyproject_without_the_table_says_so(run_cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ANON + "\n", encoding="utf-8")
    proc = run_cli("--config", "pyproject.toml", "a.txt")
    assert proc.returncode == 2
    assert proc.stderr.startswith("pyproject.toml:1:1: there is no [tool.newslint] table here")
    assert "scalar" not in proc.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[tool.newslint]\nselect = [\n  "NL2",  # sources\n  "NL9",\n]\n',
            "pyproject.toml:4:3: select: no rule has the code, prefix or name 'NL9'",
        ),
        (
            "[tool.newslint.rules.anonymus-source]\nseverity = 'error'\n",
            "pyproject.toml:1:22: unknown rule 'anonymus-source' (did you mean 'anonymous-source'?)",
        ),
        (
            '[tool.newslint]\nrules = { NL201 = { severity = "fatal" } }\n',
            "pyproject.toml:2:32: severity must be one of error, warning, info, not 'fatal'",
        ),
        (
            '[tool.newslint.per-file-ignores]\n"wires/**" = ["NL201", "NL2O1"]\n',
            "pyproject.toml:2:24: per-file-ignores for 'wires/**': no rule has the code, prefix or name"
            " 'NL2O1' (did you mean 'NL201'?)",
        ),
        (
            "[[tool.newslint.custom-rules]]\ncode = 'HR1'\nname = 'x'\nmessage = 'm'\npattern = 'a'\n\n"
            "[[tool.newslint.custom-rules]]\ncode = 'HR2'\nname = 'y'\nmessage = 'm'\npattern = '(unclosed'\n",
            "pyproject.toml:11:11: 'pattern' is not a valid regular expression",
        ),
        (
            '[tool.newslint]\nselekt = ["NL1"]\n',
            "pyproject.toml:2:1: unknown key 'selekt' (did you mean 'select'?)",
        ),
        ('[tool.newslint]\nselect = ["NL2"\n', "pyproject.toml:3:1: invalid TOML: Unclosed array"),
    ],
)
def test_mistakes_are_reported_at_their_line_and_column(run_cli, tmp_path, text, expected):
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ANON + "\n", encoding="utf-8")
    proc = run_cli("a.txt")
    assert proc.returncode == 2
    assert proc.stderr.startswith(expected), proc.stderr


def test_every_item_is_placed_at_its_text():
    text = (
        "[tool.newslint]\n"
        "select = ['NL1', \"NL2\",\n    # a comment with [brackets] and \"quotes\"\n  'anonymous-source']\n"
        '"extend-select" = ["NL103"]\n'
        "[tool.newslint.story]\nby = \"key\"  # front matter\nkey = 'desk'\n"
        '[tool.newslint.rules."unattributed-quote"]\nmin_words = 5\n'
        "[[tool.newslint.custom-rules]]\ncode = 'HR1'\nphrases = ['a b', '''c''']\n"
    )
    data = read_table(text, "pyproject.toml")
    lines = text.split("\n")

    def at(mark) -> str:
        return lines[mark.line - 1][mark.column - 1 :]

    assert [at(value_mark(data["select"], i)) for i in range(3)] == [
        "'NL1', \"NL2\",",
        '"NL2",',
        "'anonymous-source']",
    ]
    assert at(key_mark(data, "extend-select")).startswith('"extend-select"')
    assert at(value_mark(data["story"], "key")) == "'desk'"
    assert at(key_mark(data["rules"], "unattributed-quote")).startswith('"unattributed-quote"]')
    assert at(value_mark(data["rules"]["unattributed-quote"], "min_words")) == "5"
    phrases = data["custom-rules"][0]["phrases"]
    assert at(value_mark(phrases, 1)) == "'''c''']"
    config = parse_pyproject(text)
    assert config.select == ["NL1", "NL2", "anonymous-source"] and config.story_key == "desk"


def test_a_table_that_is_not_a_table():
    with pytest.raises(ConfigError, match="must be a table"):
        parse_pyproject('[tool]\nnewslint = "on"\n')


def test_the_readme_example_is_valid():
    import textwrap

    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("    [tool.newslint]\n")
    block = textwrap.dedent(readme[start : readme.index("\n\n", readme.index("severity", start))])
    config = parse_pyproject(block)
    assert config.ignore == ["NL102"] and config.story_by == "folder"
    assert [(r.key, r.severity.value if r.severity else None) for r in config.rules] == [
        ("anonymous-source", "error")
    ]
