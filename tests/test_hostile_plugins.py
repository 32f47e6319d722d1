"""Plugins that misbehave at the boundary: sys.exit() anywhere, malformed return values,
chatter on standard output. Each is reported (NL004, NL005) and everything else is kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EXITING = '''
import sys
from newslint import CorpusRule, Rule, hookimpl


class Quitter(Rule):
    """What it checks: nothing. Why it matters: x. Example: x. How to fix: x."""

    code = "XQ101"
    name = "quitter"
    summary = "quits"

    def check(self, document, analysis):
        if "QUIT" in document.text:
            yield self.violation(document, 0, 2, "a partial finding")
            sys.exit(0)


class StoryQuitter(CorpusRule):
    """What it checks: nothing. Why it matters: x. Example: x. How to fix: x."""

    code = "XQ201"
    name = "story-quitter"
    summary = "quits"

    def collect(self, document, analysis):
        return [1]

    def check_corpus(self, story):
        sys.exit(3)


class QuittingReader:
    name = "quitting"
    suffixes = (".qq",)

    def read(self, path, source):
        raise SystemExit(1)


@hookimpl
def newslint_rules():
    return [Quitter, StoryQuitter]


@hookimpl
def newslint_readers():
    return [QuittingReader()]
'''

BAD_RETURNS = '''
import dataclasses
from newslint import Rule, hookimpl


class NumberCode(Rule):
    """What it checks: nothing. Why it matters: x. Example: x. How to fix: x."""

    code = 101
    name = "number-code"
    summary = "a code that is a number"


class BadPlaces(Rule):
    """What it checks: nothing. Why it matters: x. Example: x. How to fix: x."""

    code = "XB101"
    name = "bad-places"
    summary = "bad places"

    def check(self, document, analysis):
        print("a chatty rule on standard output")
        v = self.violation(document, 0, 2, "a well-formed finding")
        yield v
        if "LINE" in document.text:
            yield dataclasses.replace(v, location=dataclasses.replace(v.location, line="one"))
        if "NONE" in document.text:
            yield dataclasses.replace(v, message=None)
        if "RELATED" in document.text:
            yield dataclasses.replace(v, related=["garbage"])


class TextReader:
    name = "texty"
    suffixes = (".xyz",)

    def read(self, path, source):
        return "not a document"


class NoName:
    description = "a reporter without a name"

    def render(self, findings, documents, stream):
        pass


@hookimpl
def newslint_rules():
    print("a chatty plugin at load")
    return [NumberCode, BadPlaces, "garbage"]


@hookimpl
def newslint_readers():
    return [TextReader(), "garbage"]


@hookimpl
def newslint_reporters():
    return [NoName()]
'''


def _project(root: Path, plugins: dict[str, str], files: dict[str, str]) -> None:
    for name, source in plugins.items():
        (root / name).write_text(source, encoding="utf-8")
    listed = ", ".join(plugins)
    (root / "rules.yaml").write_text(f"plugins: [{listed}]\n", encoding="utf-8")
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")


def _found(stdout: str) -> list[tuple[str, str, str]]:
    return [(f["path"], f["code"], f["message"]) for f in json.loads(stdout)["findings"]]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sys_exit_anywhere_in_a_plugin_is_a_failure_of_that_plugin(tmp_path, run_cli_process, jobs):
    _project(
        tmp_path,
        {"exiting.py": EXITING, "exit_at_import.py": "import sys\nsys.exit(0)\n"},
        {
            "a.txt": "An unnamed official said so. QUIT\n",
            "b.txt": "An unnamed official said so.\n",
            "c.qq": "An unnamed official said so.\n",
        },
    )
    proc = run_cli_process("--format", "json", "--jobs", jobs, ".")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    found = _found(proc.stdout)
    assert ("rules.yaml", "NL005", "plugin 'exit_at_import.py' cannot be loaded: SystemExit: 0") in found
    assert ("a.txt", "NL004", "rule XQ101 (quitter) of plugin 'exiting.py' raised SystemExit: 0") in found
    assert (
        "a.txt",
        "NL004",
        "rule XQ201 (story-quitter) of plugin 'exiting.py' raised SystemExit: 3",
    ) in found
    assert ("c.qq", "NL001", "reader 'quitting' failed: SystemExit: 1") in found
    # The rule that quit has none of its findings kept: they would read as a complete check.
    assert not [f for f in found if f[1] == "XQ101"]
    assert {f[0] for f in found if f[1] == "NL201"} == {"a.txt", "b.txt"}


def test_sys_exit_in_a_reporter_is_reported(tmp_path, run_cli_process):
    reporter = (
        "import sys\nfrom newslint import hookimpl\n\n"
        "class Quits:\n    name = 'quits'\n    description = 'quits'\n    needs_source = False\n"
        "    def render(self, findings, documents, stream):\n        sys.exit(0)\n\n"
        "@hookimpl\ndef newslint_reporters():\n    return [Quits()]\n"
    )
    _project(tmp_path, {"quits.py": reporter}, {"a.txt": "An unnamed official said so.\n"})
    proc = run_cli_process("--format", "quits", ".")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "newslint: reporter 'quits' failed: SystemExit: 0" in proc.stderr
    (tmp_path / "quits.py").write_text(reporter.replace("    needs_source = False\n", ""), encoding="utf-8")
    proc = run_cli_process(".")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "its needs_source is not True or False; not used" in proc.stdout


def test_malformed_plugin_values_are_reported_and_the_rest_is_kept(tmp_path, run_cli_process):
    _project(
        tmp_path,
        {"bad_returns.py": BAD_RETURNS},
        {
            "l.txt": "An unnamed official said so. LINE\n",
            "n.txt": "NONE here\n",
            "r.txt": "RELATED here\n",
            "ok.txt": "Fine here\n",
            "x.xyz": "hello\n",
        },
    )
    proc = run_cli_process("--format", "json", ".")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    found = _found(proc.stdout)  # the plugin's prints did not get into the JSON
    assert "a chatty plugin at load" in proc.stderr and "a chatty rule on standard output" in proc.stderr
    codes = {(path, code) for path, code, _ in found}
    messages = "\n".join(m for _, _, m in found)
    assert "rule NumberCode: code 101 is not capitals followed by digits" in messages
    assert "newslint_rules returned 'garbage', which is not a Rule class" in messages
    assert "newslint_readers returned 'garbage': it has no name" in messages
    assert "newslint_reporters returned <" in messages and "it has no name" in messages
    assert ("x.xyz", "NL001") in codes  # a reader returning a string: the file is named, not silently lost
    for path in ("l.txt", "n.txt", "r.txt"):  # a malformed violation: the rule fails on that file alone
        assert (path, "NL004") in codes and (path, "XB101") not in codes
    assert ("ok.txt", "XB101") in codes and ("l.txt", "NL201") in codes
