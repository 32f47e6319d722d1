"""The plugin API as a third party meets it: the public names, the pytest fixture,
the metadata every built-in rule must have, and the example plugin, installed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newslint
from newslint import Rule
from newslint.plugins import load_plugins
from newslint.rule import DOC_SECTIONS
from newslint.testing import Invalid, RuleTester, at
from tests.conftest import ROOT
from tests.pip_target import pip_install, with_path

EXAMPLE = ROOT / "examples" / "newslint-plugin-example"
TESTS = ROOT / "tests"


def test_the_public_api_is_importable_from_the_package():
    for name in newslint.__all__:
        assert getattr(newslint, name) is not None, name
    for name in ("hookimpl", "Rule", "CorpusRule", "Finding", "Severity", "Document", "Violation", "Related"):
        assert name in newslint.__all__


def test_rule_tester_is_a_pytest_fixture(newslint_rule_tester):
    assert newslint_rule_tester is RuleTester


# -- every built-in rule documents itself and has fixture tests ------------


def _builtin_rules() -> list[type[Rule]]:
    plugins = load_plugins()
    return [r for r in plugins.rules.values() if r.__module__.startswith("newslint_plugins.")]


def test_every_builtin_rule_documents_itself():
    rules = _builtin_rules()
    assert rules, "no built-in rule was found through the entry points"
    for rule in rules:
        assert not rule.metadata_problems(), f"{rule.code}: {rule.metadata_problems()}"
        doc = rule.__doc__ or ""
        for section in DOC_SECTIONS:
            body = doc.split(section, 1)[1].split("\n\n", 1)[0].strip(" :\n")
            assert body, f"{rule.code}: the section {section!r} is empty"


def test_vague_attribution_fixtures():
    # NL102's own examples: the crowd is flagged, a named speaker is not.
    from newslint_plugins.attribution import VagueAttribution

    RuleTester(VagueAttribution).run(
        valid=["The mayor said the plan would fail.", "Many people attended the rally."],
        invalid=[
            Invalid("Critics say the plan will fail.", [at(1, 1, code="NL102")]),
            Invalid("The plan, it is believed, will fail.", [at(1, 11, code="NL102")]),
        ],
    )


# -- the example plugin, installed as its users install it -----------------


@pytest.fixture(scope="module")
def example_installed(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site") / "packages"
    pip_install(EXAMPLE, target)
    return target


@pytest.fixture
def cli(run_cli, example_installed):
    """newslint, with the example plugin installed where its entry point is found."""

    def run(*args: str):
        return run_cli("--no-config", *args, env=with_path(example_installed))

    return run


@pytest.mark.slow
def test_example_plugin_is_listed(cli):
    listed = cli("--list-rules")
    assert listed.returncode == 0, listed.stderr
    row = next(line for line in listed.stdout.splitlines() if line.startswith("LBL101"))
    assert row.split()[:4] == ["LBL101", "loaded-label", "warning", "loaded-labels"]
    assert "NL201" in listed.stdout  # the built-ins are still there
    version = cli("--version")
    assert "  loaded-labels 1.0.0 (LBL101)" in version.stdout.splitlines()
    explained = cli("--explain", "LBL101")
    assert explained.stdout.startswith("LBL101 loaded-label (warning, plugin loaded-labels)")


@pytest.mark.slow
def test_example_plugin_fires_on_its_fixture(cli, tmp_path):
    story = EXAMPLE / "tests" / "fixtures" / "story.md"
    (tmp_path / "story.md").write_text(story.read_text(encoding="utf-8"), encoding="utf-8")
    done = cli("--format", "json", "story.md")
    assert done.returncode == 1, done.stderr
    found = [
        (f["line"], f["column"], f["message"].split("”")[0])
        for f in json.loads(done.stdout)["findings"]
        if f["code"] == "LBL101"
    ]
    # Flagged in the outlet's voice; not in the quotation, the residents' claim,
    # the attributed description, the tax regime or "regime change".
    assert found == [(16, 1, "“Extremists")]
    without = cli("--disable-plugin", "loaded-labels", "story.md")
    assert "LBL101" not in without.stdout


@pytest.mark.slow
def test_example_plugin_own_tests_pass(example_installed, tmp_path):
    # Its tests run against the installed package, from a copy without the source.
    shutil.copytree(EXAMPLE / "tests", tmp_path / "tests")
    shutil.copy(EXAMPLE / "pyproject.toml", tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, **with_path(example_installed)},
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"\b[1-9]\d* passed\b", done.stdout), done.stdout
