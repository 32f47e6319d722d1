"""One finding, one line: file names and messages can neither break the output nor forge a line."""

from __future__ import annotations

import json
import os
import sys

import pytest

from newslint.cli import main
from newslint.printable import one_line, printable
from tests.conftest import SHARED, requires_shared

CROWD = "Many believe it.\n"
LATIN1 = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name, as old archives hold


def test_printable_escapes_controls_and_undecodable_bytes():
    assert printable("a\nb\x1b[31m.txt") == "a\\nb\\x1b[31m.txt"
    assert printable(LATIN1) == "caf\\xe9.txt"
    assert printable("Zoë “x” 北京") == "Zoë “x” 北京"
    assert one_line("“Critics\n   say”\r\nit\x07") == "“Critics say” it\\x07"


@pytest.fixture
def hostile_names(tmp_path, monkeypatch):
    if sys.platform == "darwin":  # (APFS refuses names that are not UTF-8)
        pytest.skip("the file system refuses these names")
    desk = tmp_path / "desk"
    desk.mkdir()
    for name in ("a\nb.txt", LATIN1, "bell\x07.txt"):
        (desk / name).write_text(CROWD, encoding="utf-8")
    (desk / "wrapped.txt").write_text("Critics\nsay the plan will fail.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return desk


@pytest.mark.parametrize("fmt", ["text", "full", "github"])
def test_each_finding_is_one_line_whatever_the_names(hostile_names, capsys, fmt):
    assert main(["--no-config", "--select", "NL102", "--format", fmt, "desk"]) == 1
    out = capsys.readouterr().out
    heads = [line for line in out.splitlines() if "NL102" in line]
    assert len(heads) == 4, out
    assert "\x1b" not in out and "\x07" not in out
    out.encode("utf-8")  # no lone surrogate left to print
    assert any("desk/a\\nb.txt:1:1" in h or "desk/a\\nb.txt,line=1" in h for h in heads)
    assert any("caf\\xe9.txt" in h for h in heads)
    assert any("“Critics say”" in h for h in heads)  # the span crosses a line break, the message does not


def test_json_is_valid_utf8_with_such_names(hostile_names, capsys):
    main(["--no-config", "--select", "NL102", "--format", "json", "desk"])
    found = json.loads(capsys.readouterr().out.encode("utf-8"))["findings"]
    assert sorted(f["path"] for f in found) == sorted(
        ["desk/a\\nb.txt", "desk/bell\\x07.txt", "desk/caf\\xe9.txt", "desk/wrapped.txt"]
    )


@requires_shared("schemas", "sarif-schema-2.1.0.json")
def test_sarif_written_to_a_file_with_such_names_is_valid(hostile_names, tmp_path):
    from tests.test_reporters_ci import _validator

    assert (
        main(["--no-config", "--select", "NL102", "--format", "sarif", "--output", "out.sarif", "desk"]) == 1
    )
    log = json.loads((tmp_path / "out.sarif").read_bytes().decode("utf-8"))
    assert not [e.message for e in _validator().iter_errors(log)]
    uris = sorted(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]
    )
    assert uris == ["desk/a%0Ab.txt", "desk/bell%07.txt", "desk/caf%E9.txt", "desk/wrapped.txt"]
    assert SHARED.exists()


def test_the_full_format_caret_sits_under_the_span_after_wide_characters(tmp_path, capsys, monkeypatch):
    (tmp_path / "zh.txt").write_text("北京大学的专家说，An unnamed official said so.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["--no-config", "--select", "NL201", "--format", "full", "zh.txt"])
    source_line, caret_line = capsys.readouterr().out.splitlines()[1:3]
    from wcwidth import wcswidth

    column = wcswidth(source_line[: source_line.index("An unnamed")])  # screen columns, not characters
    assert caret_line.index("^") == column and caret_line.count("^") == len("An unnamed official")
