"""docs/writing-a-plugin.md is followed step by step, as a new user would.

Blocks titled with a file name (```python title="house_rules.py") are written
to a fresh folder in page order (a later block of the same name replaces the
earlier file); ```console blocks are run there: `pip install` installs the
folder offline, and a `newslint` command's output must be the text printed
under it. ```sh blocks (setting up a venv, publishing) are not run.
"""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from newslint import hookspecs
from newslint.analysis import Analysis
from newslint.config import parse_config
from newslint.declarative import build_custom_rules
from tests.conftest import ROOT
from tests.pip_target import pip_install, with_path

PAGE = ROOT / "docs" / "writing-a-plugin.md"
_BLOCK = re.compile(r'^```(\w+)(?: title="([^"]+)")?\n(.*?)^```$', re.MULTILINE | re.DOTALL)


@dataclass
class Block:
    lang: str
    title: str | None
    body: str


def blocks() -> list[Block]:
    return [Block(m[1], m[2], m[3]) for m in _BLOCK.finditer(PAGE.read_text(encoding="utf-8"))]


def commands(body: str) -> list[tuple[str, str]]:
    """(command, expected output) for each `$ ` line of a console block."""
    out: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        else:
            out[-1][1].append(line)
    return [(cmd, "\n".join(lines) + "\n" if lines else "") for cmd, lines in out]


def hooks() -> list[str]:
    return [
        name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction) if hasattr(fn, "newslint_spec")
    ]


def test_every_hook_is_documented():
    page = PAGE.read_text(encoding="utf-8")
    assert hooks(), "no hook specification was found"
    for name in hooks():
        assert f"#### `{name}`" in page, f"hook {name} has no section in {PAGE.name}"
        doc = inspect.getdoc(getattr(hookspecs, name)) or ""
        assert ":returns:" in doc and "Example::" in doc and "@hookimpl" in doc, name


def test_the_stable_analysis_layers_exist():
    page = PAGE.read_text(encoding="utf-8")
    named = set(re.findall(r"`analysis\.(\w+)", page))
    assert {"paragraphs", "sentences", "quotes", "sentence_at"} <= named
    for name in named:
        assert hasattr(Analysis, name), f"the page documents analysis.{name}, which does not exist"


@pytest.mark.slow
def test_the_page_builds_a_working_plugin(tmp_path):
    project = tmp_path / "newslint-house-rules"
    project.mkdir()
    target = tmp_path / "site"
    env = {
        **os.environ,
        "NO_COLOR": "1",
        # The commands of the page, as the test environment has them.
        "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
        **with_path(target),
    }
    ran: list[str] = []
    for block in blocks():
        if block.title:
            path = project / block.title
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(block.body, encoding="utf-8")
        if block.lang != "console":
            continue
        for command, expected in commands(block.body):
            ran.append(command)
            if command.startswith(("mkdir ", "cd ")):
                continue  # the test made the folder
            if command.startswith("pip install"):
                pip_install(project, target)
                continue
            done = subprocess.run(
                command, shell=True, cwd=project, env=env, capture_output=True, text=True, timeout=300
            )
            if command.startswith("newslint"):
                assert done.stdout == expected, f"$ {command}\n{done.stderr}"
            else:
                assert done.returncode == 0, f"$ {command}\n{done.stdout}\n{done.stderr}"
    assert [c.split()[0] for c in ran] == [
        "mkdir",
        "newslint",
        "newslint",
        "pip",
        "newslint",
        "newslint",
        "pytest",
    ]


@pytest.mark.parametrize(
    "name", ["pyproject.toml", "house_rules.py", "tests/test_house_rules.py", "rules.yaml"]
)
def test_the_page_has_every_file(name):
    assert name in {b.title for b in blocks()}


def indented_yaml() -> list[str]:
    """The indented (not run) rules.yaml examples of the page."""
    found = re.findall(r"\n\n((?:    .*\n)+)", PAGE.read_text(encoding="utf-8"))
    snippets = [textwrap.dedent(s) for s in found]
    return [s for s in snippets if s.startswith(("custom-rules:", "rules:"))]


def test_the_pages_yaml_examples_are_valid():
    snippets = indented_yaml()
    assert len(snippets) >= 2
    for snippet in snippets:
        config = parse_config(snippet)  # raises ConfigError on a mistake
        if snippet.startswith("custom-rules:"):
            assert build_custom_rules(config), snippet
