"""The plugin manager: entry points, built-ins, and conflicts."""

from __future__ import annotations

import pytest

from newslint import Rule, hookimpl
from newslint.plugins import PluginError, load_plugins


def test_builtin_rules_arrive_through_entry_points():
    plugins = load_plugins()
    assert plugins.plugin_of("NL201") == "anonymous-sources"
    assert plugins.plugin_of("NL102") == "attribution"
    assert {".txt", ".md", ".html"} <= set(plugins.readers)
    assert {"text", "full", "json"} <= set(plugins.reporters)


def test_without_entry_points_the_core_still_runs():
    plugins = load_plugins(entry_points=False)
    assert all(code.startswith("NL0") for code in plugins.rules)


class _Clash(Rule):
    """What it checks: x. Why it matters: x. Example: x. How to fix: x."""

    code = "NL201"
    name = "clash"
    summary = "clashes"


def test_duplicate_code_names_both_plugins(tmp_path):
    module = tmp_path / "clash_plugin.py"
    module.write_text(
        "from newslint import Rule, hookimpl\n"
        "class Clash(Rule):\n"
        "    '''What it checks: x. Why it matters: x. Example: x. How to fix: x.'''\n"
        "    code = 'NL201'\n    name = 'clash'\n    summary = 'clashes'\n"
        "@hookimpl\ndef newslint_rules():\n    return [Clash]\n",
        encoding="utf-8",
    )
    with pytest.raises(PluginError, match=r"NL201 is defined twice: by plugin 'anonymous-sources'.*'house'"):
        load_plugins(local=[("house", module)])


def test_a_misspelt_hook_is_reported_and_the_other_plugins_run(tmp_path, capsys, monkeypatch):
    module = tmp_path / "typo_plugin.py"
    module.write_text("from newslint import hookimpl\n@hookimpl\ndef newslint_rule():\n    return []\n")
    plugins = load_plugins(local=[("typo", module)])
    assert (
        "typo",
        "implements an unknown hook 'newslint_rule' (did you mean 'newslint_rules'?); not loaded",
    ) in (plugins.errors)
    assert "typo" not in plugins.info and "NL201" in plugins.rules
    # Through the command line: named as NL005, exit 2, every other rule still runs.
    (tmp_path / "rules.yaml").write_text("plugins: [typo_plugin.py]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Many believe it.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    from newslint.cli import main

    assert main(["a.txt"]) == 2
    out = capsys.readouterr().out
    assert (
        "NL005 plugin 'typo_plugin.py' implements an unknown hook 'newslint_rule'" in out and "NL102" in out
    )


def test_rule_metadata_is_checked():
    class Bad(Rule):
        code = "nl1"
        name = "Bad Name"

    problems = Bad.metadata_problems()
    assert any("code" in p for p in problems) and any("kebab" in p for p in problems)
    assert hookimpl is not None
