"""A broken plugin costs its own rules, never the others': clear messages, exit 2."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

# Two articles: the built-in NL201 fires on both, the fragile rule breaks on one.
CALM = "An unnamed official said the road was closed.\n"
STORMY = "An unnamed official said the storm was coming.\n"

FRAGILE = '''
from newslint import Rule, hookimpl

class StormWatch(Rule):
    """What it checks: storms. Why it matters: x. Example: x. How to fix: x."""

    code = "HR301"
    name = "storm-watch"
    summary = "Mentions of a storm"

    def check(self, document, analysis):
        if "storm" in document.text:
            raise ValueError("cannot forecast")
        yield self.violation(document, 0, 2, "calm")

@hookimpl
def newslint_rules():
    return [StormWatch]
'''


def _project(tmp_path: Path, plugins: dict[str, str]) -> None:
    (tmp_path / "calm.txt").write_text(CALM, encoding="utf-8")
    (tmp_path / "stormy.txt").write_text(STORMY, encoding="utf-8")
    for name, source in plugins.items():
        (tmp_path / name).write_text(textwrap.dedent(source), encoding="utf-8")
    listed = "".join(f"  - {name}\n" for name in plugins)
    (tmp_path / "rules.yaml").write_text(f"plugins:\n{listed}", encoding="utf-8")


def _findings(done) -> list[tuple[str, int, str, str]]:
    return [(f["path"], f["line"], f["code"], f["message"]) for f in json.loads(done.stdout)["findings"]]


def test_a_rule_that_raises_on_one_document(run_cli, tmp_path):
    _project(tmp_path, {"fragile.py": FRAGILE})
    done = run_cli("--format", "json", "calm.txt", "stormy.txt")
    assert done.returncode == 2, done.stderr
    found = _findings(done)
    assert [f[:3] for f in found] == [
        ("calm.txt", 1, "HR301"),  # the rule still runs where it can
        ("calm.txt", 1, "NL201"),
        ("stormy.txt", 1, "NL004"),
        ("stormy.txt", 1, "NL201"),  # every other rule still checked the file
    ]
    assert found[2][3] == (
        "rule HR301 (storm-watch) of plugin 'fragile.py' raised ValueError: cannot forecast"
    )


def test_a_plugin_that_fails_to_import(run_cli, tmp_path):
    _project(tmp_path, {"broken.py": "import newslint_no_such_module\n", "fragile.py": FRAGILE})
    done = run_cli("calm.txt")
    assert done.returncode == 2
    lines = done.stdout.splitlines()
    assert (
        "rules.yaml:2:5: NL005 plugin 'broken.py' cannot be loaded: ModuleNotFoundError: No module named 'newslint_no_such_module'"
        in lines
    )
    assert "calm.txt:1:1: HR301 calm" in lines  # the other local plugin loaded
    assert any(" NL201 " in line for line in lines)  # and the built-ins ran
    version = run_cli("--version")
    assert "  broken.py: cannot be loaded: ModuleNotFoundError" in version.stdout


def test_a_hook_that_raises(run_cli, tmp_path):
    _project(
        tmp_path,
        {
            "hooked.py": "from newslint import hookimpl\n@hookimpl\ndef newslint_rules():\n    raise RuntimeError('no rules today')\n"
        },
    )
    done = run_cli("calm.txt")
    assert done.returncode == 2
    assert "NL005 plugin 'hooked.py' newslint_rules raised RuntimeError: no rules today" in done.stdout
    assert " NL201 " in done.stdout


def test_disable_plugin(run_cli, tmp_path):
    _project(tmp_path, {"broken.py": "raise ImportError('nope')\n", "fragile.py": FRAGILE})
    done = run_cli("--disable-plugin", "broken.py,fragile.py", "calm.txt")
    assert done.returncode == 1, done.stdout + done.stderr  # findings, and no error left
    assert "NL005" not in done.stdout and "HR301" not in done.stdout
    assert "fragile.py" not in run_cli("--disable-plugin", "fragile.py", "--version").stdout
    builtin = run_cli("--no-config", "--disable-plugin", "anonymous-sources", "calm.txt")
    assert "NL201" not in builtin.stdout and builtin.returncode == 0


@pytest.fixture
def broken_entry_point(tmp_path) -> dict[str, str]:
    """An installed distribution whose entry point cannot be imported."""
    site = tmp_path / "site"
    dist = site / "newslint_broken-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: newslint-broken\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[newslint]\nbroken = newslint_broken\n")
    (site / "newslint_broken.py").write_text("from newslint import NoSuchThing\n")
    return {"PYTHONPATH": str(site)}


def test_an_installed_plugin_that_fails_to_import(run_cli, tmp_path, broken_entry_point):
    (tmp_path / "calm.txt").write_text(CALM, encoding="utf-8")
    done = run_cli("--no-config", "calm.txt", env=broken_entry_point)
    assert done.returncode == 2
    # At the line of the package's entry_points.txt that names the plugin (not "<plugins>").
    where = "site/newslint_broken-0.1.dist-info/entry_points.txt"  # (the test runs in tmp_path)
    assert (
        f"{where}:2:1: NL005 plugin 'broken' cannot be loaded: ImportError: cannot import name 'NoSuchThing'"
        in done.stdout
    ), done.stdout
    assert " NL201 " in done.stdout
    off = run_cli("--no-config", "--disable-plugin", "broken", "calm.txt", env=broken_entry_point)
    assert off.returncode == 1 and "NL005" not in off.stdout


def test_a_misspelt_hook_is_named_and_the_rest_still_runs(run_cli, tmp_path):
    _project(
        tmp_path,
        {"typo.py": "from newslint import hookimpl\n@hookimpl\ndef newslint_rule():\n    return []\n"},
    )
    done = run_cli("calm.txt")
    assert done.returncode == 2
    assert (
        "rules.yaml:2:5: NL005 plugin 'typo.py' implements an unknown hook 'newslint_rule'" in done.stdout
    ), done.stdout
    assert "NL201" in done.stdout and "Traceback" not in done.stderr


STORY_RULE = '''
from newslint import CorpusRule, hookimpl

class Tally(CorpusRule):
    """What it checks: x. Why it matters: x. Example: x. How to fix: x."""

    code = "HR302"
    name = "tally"
    summary = "Counts the story"

    def collect(self, document, analysis):
        if "storm" in document.text:
            raise KeyError("forecast")
        return [len(document.text)]

    def check_corpus(self, story):
        facts = story.facts(self.kind())
        raise ZeroDivisionError("no story")

@hookimpl
def newslint_rules():
    return [Tally]
'''


def test_a_story_rule_that_raises(run_cli, tmp_path):
    _project(tmp_path, {"tally.py": STORY_RULE})
    done = run_cli("--format", "json", "calm.txt", "stormy.txt")
    assert done.returncode == 2
    found = _findings(done)
    errors = [(path, message) for path, _line, code, message in found if code == "NL004"]
    # The two articles share nothing: two stories, and the rule raises on each, at its first document.
    assert sorted(errors) == [
        ("calm.txt", "rule HR302 (tally) of plugin 'tally.py' raised ZeroDivisionError: no story"),
        ("stormy.txt", "rule HR302 (tally) of plugin 'tally.py' raised KeyError: 'forecast'"),
        ("stormy.txt", "rule HR302 (tally) of plugin 'tally.py' raised ZeroDivisionError: no story"),
    ]
    assert [path for path, _line, code, _m in found if code == "NL201"] == ["calm.txt", "stormy.txt"]


def test_a_rule_without_its_documentation_is_not_loaded(run_cli, tmp_path):
    undocumented = FRAGILE.replace("What it checks: storms. Why it matters: x. ", "")
    _project(tmp_path, {"fragile.py": undocumented})
    done = run_cli("calm.txt")
    assert done.returncode == 2
    assert (
        "NL005 plugin 'fragile.py' rule StormWatch: its docstring lacks 'What it checks', 'Why it matters'"
        in done.stdout
    )
    assert "HR301" not in done.stdout and " NL201 " in done.stdout


def test_ci_formats_locate_a_failed_plugin_where_it_is_named(run_cli, tmp_path):
    _project(tmp_path, {"fragile.py": FRAGILE, "broken.py": "import newslint_no_such_module\n"})
    sarif = json.loads(run_cli("--format", "sarif", "calm.txt").stdout)
    [failed] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "NL005"]
    where = failed["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "rules.yaml"
    assert where["region"]["startLine"] == 3  # the second item of plugins:
    github = run_cli("--format", "github", "calm.txt").stdout
    assert "::error file=rules.yaml,line=3," in github and "<plugins>" not in github


def test_a_failing_plugin_is_located_once_the_metadata_backport_is_imported(
    run_cli, tmp_path, broken_entry_point
):
    # dask imports importlib_metadata, whose finder then yields entry points of its own class.
    pytest.importorskip("importlib_metadata")
    (tmp_path / "calm.txt").write_text(CALM, encoding="utf-8")
    done = run_cli("--no-config", "calm.txt", env=broken_entry_point)
    where = "site/newslint_broken-0.1.dist-info/entry_points.txt"
    assert f"{where}:2:1: NL005 plugin 'broken' cannot be loaded" in done.stdout, done.stderr
