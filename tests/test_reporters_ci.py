"""CI outputs: SARIF 2.1.0 (checked against the official schema) and GitHub annotations."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from newslint.document import Location
from newslint.findings import Finding, Related, Severity
from newslint.reporters.github import annotation, escape_data, escape_property
from newslint.reporters.sarif import SarifReporter, artifact_uri
from tests.conftest import SHARED, requires_shared

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
ANON = "An unnamed official said the talks had stalled."


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    if "properties" not in schema and "Root" in schema.get("definitions", {}):
        # This edition of the schema keeps the log's own shape under definitions/Root.
        schema = {**schema, "$ref": "#/definitions/Root"}
    return jsonschema.Draft7Validator(schema)


def _story(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "talks story.md").write_text(
        f"---\ntitle: Talks\n---\n# Talks\n\n{ANON}\n\nMany believe the talks had stalled.\n",
        encoding="utf-8",
    )


@requires_shared("schemas", "sarif-schema-2.1.0.json")
def test_sarif_output_is_valid_sarif_2_1_0(run_cli, tmp_path):
    _story(tmp_path)
    proc = run_cli("--no-config", "--format", "sarif", "desk")
    assert proc.returncode == 1, proc.stderr
    log = json.loads(proc.stdout)
    validator = _validator()
    errors = [e.message for e in validator.iter_errors(log)]
    assert not errors, errors
    # The validator does check: a wrong version and a bad level are refused.
    assert not validator.is_valid({**log, "version": "2.0.0"})
    broken = json.loads(proc.stdout)
    broken["runs"][0]["results"][0]["level"] = "serious"
    assert not validator.is_valid(broken)

    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["NL102", "NL201"]
    nl201 = rules[1]
    assert nl201["name"] == "anonymous-source"
    assert "Why it matters" in nl201["help"]["text"] and "**How to fix:**" in nl201["help"]["markdown"]
    result = next(r for r in run["results"] if r["ruleId"] == "NL201")
    assert rules[result["ruleIndex"]]["id"] == "NL201"
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "desk/talks%20story.md"
    assert loc["region"] == {"startLine": 6, "startColumn": 1, "endLine": 6, "endColumn": 20}
    assert result["level"] == "warning" and result["partialFingerprints"]["newslint/v1"]


def _finding(**kw):
    base = dict(
        path="a.md",
        line=2,
        column=3,
        end_line=2,
        end_column=9,
        code="NL301",
        rule="name-variant",
        severity=Severity.WARNING,
        message="“Hamze” is spelled “Hamzeh” elsewhere",
    )
    base.update(kw)
    return Finding(**base)


@requires_shared("schemas", "sarif-schema-2.1.0.json")
def test_sarif_related_locations_and_levels():
    related = (Related(Location("b.md", 7, 1, 7, 7), "spelled “Hamzeh” here"),)
    findings = [
        _finding(related=related),
        _finding(path="/abs/c.txt", code="NL001", rule="unreadable-file", severity=Severity.INFO),
    ]
    log = SarifReporter().log(findings)
    assert not list(_validator().iter_errors(log))
    first, second = log["runs"][0]["results"]
    assert first["relatedLocations"] == [
        {
            "id": 1,
            "physicalLocation": {
                "artifactLocation": {"uri": "b.md", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 7, "startColumn": 1, "endLine": 7, "endColumn": 7},
            },
            "message": {"text": "spelled “Hamzeh” here"},
        }
    ]
    assert second["level"] == "note"
    assert second["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///abs/c.txt"}
    empty = SarifReporter().log([])
    assert not list(_validator().iter_errors(empty)) and empty["runs"][0]["results"] == []


def test_artifact_uri():
    assert artifact_uri("./seeds/a b.txt") == "seeds/a%20b.txt"
    assert artifact_uri("seeds/ünï.md") == "seeds/%C3%BCn%C3%AF.md"


# GitHub: ::{error|warning|notice} file=..,line=..,endLine=..,col=..,endColumn=..,title=..::message
_COMMAND = re.compile(
    r"^::(?P<cmd>error|warning|notice) "
    r"(?P<props>(?:[A-Za-z]+=[^,:\r\n]*)(?:,[A-Za-z]+=[^,:\r\n]*)*)::(?P<msg>[^\r\n]*)$"
)


def _unescape(value: str) -> str:
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, char)
    return value


def test_github_output_is_workflow_commands(run_cli, tmp_path):
    _story(tmp_path)
    proc = run_cli("--no-config", "--format", "github", "desk")
    assert proc.returncode == 1 and proc.stderr == ""
    lines = proc.stdout.splitlines()
    assert len(lines) == 2
    parsed = []
    for line in lines:
        m = _COMMAND.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group("props").split(","))
        parsed.append((m.group("cmd"), props, _unescape(m.group("msg"))))
    cmd, props, msg = parsed[0]
    assert cmd == "warning"
    assert props == {
        "file": "desk/talks story.md",
        "line": "6",
        "col": "1",
        "endLine": "6",
        "endColumn": "20",
        "title": "NL201 anonymous-source",
    }
    assert msg.startswith("“An unnamed official” is not named")


def test_github_escaping():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    related = (Related(Location("b.md", 7, 1, 7, 7), "spelled “Hamzeh” here"),)
    line = annotation(_finding(path="odd, name:1.md", severity=Severity.ERROR, related=related))
    m = _COMMAND.match(line)
    assert m and m.group("cmd") == "error"
    props = dict(p.split("=", 1) for p in m.group("props").split(","))
    assert _unescape(props["file"]) == "odd, name:1.md"
    assert _unescape(m.group("msg")).splitlines()[1] == "b.md:7:1: spelled “Hamzeh” here"
    assert annotation(_finding(severity=Severity.INFO)).startswith("::notice ")
    # Across lines GitHub takes no columns.
    across = annotation(_finding(line=2, end_line=3, end_column=4))
    assert ",line=2,endLine=3,title=" in across and "col=" not in across


def _repository(tmp_path):
    """A repository with a story two folders down; newslint is run from that folder."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    desk = tmp_path / "content" / "politics"
    desk.mkdir(parents=True)
    (desk / "talks.txt").write_text("An unnamed official said the talks had stalled.\n", encoding="utf-8")
    return desk


def test_sarif_paths_are_relative_to_the_repository_root_from_a_subfolder(run_cli, tmp_path):
    desk = _repository(tmp_path)
    log = json.loads(run_cli("--no-config", "--format", "sarif", "talks.txt", cwd=desk).stdout)
    run = log["runs"][0]
    [result] = run["results"]
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "content/politics/talks.txt", "uriBaseId": "%SRCROOT%"}
    root_uri = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert root_uri.startswith("file://") and root_uri.endswith(tmp_path.resolve().name + "/")
    # The fingerprint does not depend on the folder newslint ran in.
    from_root = json.loads(run_cli("--no-config", "--format", "sarif", "content", cwd=tmp_path).stdout)
    assert from_root["runs"][0]["results"][0]["partialFingerprints"] == result["partialFingerprints"]


def test_github_annotations_name_files_from_the_repository_root(run_cli, tmp_path):
    desk = _repository(tmp_path)
    out = run_cli("--no-config", "--format", "github", "talks.txt", cwd=desk).stdout
    assert out.startswith("::warning file=content/politics/talks.txt,line=1,"), out
