"""Every built-in rule against its fixture folder: hits, traps and the findings on record.

tests/fixtures/<code>-<name>/ holds files (or, for story rules, folders of
files) named ``flagged…`` that the rule must flag and ``traps…`` that it must
leave alone, and ``expected.txt``: the findings the folder gives, one per line.
After a deliberate change: ``NEWSLINT_UPDATE_FIXTURES=1 pytest tests/test_fixtures.py``,
then read the diff of expected.txt before committing it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.plugins import load_plugins
from newslint.rule import Rule
from newslint.testing import RuleTester
from tests.conftest import FIXTURES

_FOLDER = re.compile(r"^(?P<code>[A-Z]+[0-9]+)-(?P<name>[a-z0-9-]+)$")
PLUGINS = load_plugins()


def builtin_rules() -> list[type[Rule]]:
    """The rules of the built-in rule plugins (installed as newslint_plugins)."""
    return [r for r in PLUGINS.rules.values() if r.__module__.startswith("newslint_plugins.")]


def rule_folders(root: Path = FIXTURES) -> dict[str, Path]:
    """Fixture folders by rule code."""
    return {m["code"]: p for p in sorted(root.iterdir()) if p.is_dir() and (m := _FOLDER.match(p.name))}


def without_folder(rules: list[type[Rule]], root: Path) -> list[str]:
    folders = {p.name for p in root.iterdir() if p.is_dir()}
    return [f"{r.code}-{r.name}" for r in rules if f"{r.code}-{r.name}" not in folders]


def test_every_builtin_rule_has_a_fixture_folder():
    rules = builtin_rules()
    assert rules, "no built-in rule was found through the entry points"
    missing = without_folder(rules, FIXTURES)
    assert not missing, "rules without tests/fixtures/<code>-<name>/: " + ", ".join(missing)


def test_the_folder_check_fails_for_a_rule_without_one(tmp_path):
    class Orphan(Rule):
        """What it checks: x. Why it matters: x. Example: x. How to fix: x."""

        code = "ZZ901"
        name = "orphan"
        summary = "untested"

    assert without_folder([Orphan], tmp_path) == ["ZZ901-orphan"]
    (tmp_path / "ZZ901-orphan").mkdir()
    assert without_folder([Orphan], tmp_path) == []


@pytest.mark.parametrize("code", sorted(rule_folders()))
def test_fixture_folder(code):
    folder = rule_folders()[code]
    rule = PLUGINS.rules.get(code)
    assert rule is not None, f"{folder.name}: no rule has the code {code}"
    assert folder.name == f"{rule.code}-{rule.name}", f"{folder.name}: the rule is named {rule.name}"
    cases = {p.name.split(".")[0] for p in folder.iterdir() if p.name != "expected.txt"}
    assert any(c.startswith("flagged") for c in cases), f"{folder.name}: no flagged example"
    assert any(c.startswith("traps") for c in cases), f"{folder.name}: no trap"
    RuleTester(rule).run_fixtures(folder)
