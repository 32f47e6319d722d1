"""The engine's own duties: story groups, import direction, determinism."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newslint import CorpusRule, Related
from newslint.config import RuleSet, parse_config
from newslint.engine import Linter, run
from newslint.plugins import load_plugins


class _StorySize(CorpusRule):
    """What it checks: test-only. Why it matters: test-only. Example: none. How to fix: n/a."""

    code = "TST901"
    name = "story-size"
    summary = "Reports each story group's size at its first article"

    def collect(self, document, analysis):
        return [document.locate(0, 1)]

    def check_corpus(self, story):
        facts = story.facts(self.kind())
        paths = sorted(facts)
        first = facts[paths[0]][0]
        others = tuple(Related(facts[p][0], "member") for p in paths[1:])
        yield self.at(first, f"{len(paths)} article(s)", others)


def _lint(tmp_path, config_text, files):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = parse_config(config_text)
    rule = _StorySize()
    linter = Linter(load_plugins(entry_points=False), RuleSet([rule], {}, {rule.code}), config)
    return run(linter, [str(tmp_path)], jobs=1).findings


FILES = {
    "a/one.md": "---\nstory: strike\n---\nText one.\n",
    "a/two.md": "---\nstory: summit\n---\nText two.\n",
    "b/three.md": "---\nstory: strike\n---\nText three.\n",
    "b/four.txt": "Text four.\n",
}


@pytest.mark.parametrize(
    ("config", "sizes"),
    [
        # By default, from the text: the story keys bind and separate, and an
        # unkeyed file shares nothing with the others.
        ("", ["1 article(s)", "1 article(s)", "2 article(s)"]),
        ("story: run", ["4 article(s)"]),
        ("story: {by: folder}", ["2 article(s)", "2 article(s)"]),
        # Files with no story key are grouped from their text, not by their folder.
        ("story: {by: key, key: story}", ["1 article(s)", "1 article(s)", "2 article(s)"]),
    ],
)
def test_story_grouping(tmp_path, config, sizes):
    findings = _lint(tmp_path, config, FILES)
    assert sorted(f.message for f in findings) == sorted(sizes)


@pytest.mark.slow
def test_core_never_imports_the_builtin_plugins():
    code = (
        "import sys, newslint, newslint.cli, newslint.engine, newslint.analysis, newslint.testing\n"
        "from newslint.plugins import load_plugins\n"
        "load_plugins(entry_points=False)\n"
        "assert not [m for m in sys.modules if m.startswith('newslint_plugins')], 'core imported plugins'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
