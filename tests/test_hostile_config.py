"""Half-written or hostile rules.yaml: exit 2 with file:line:col, never a traceback or a hang.

(tests/test_config.py covers the everyday mistakes; these are the nastier ones.)
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow

_LAUGHS = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}' if prev else 'x'] * 10)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e"], ["a", "b", "c", "d", "e", "f"], strict=True)
)

CASES: dict[str, tuple[bytes, str]] = {
    "recursive-alias": (
        b"a: &a [*a, *a]\nselect: *a\n",
        r"rules\.yaml:1:\d+: YAML aliases expand to more than",
    ),
    "billion-laughs": (
        (_LAUGHS + "select: *f\n").encode(),
        r"rules\.yaml:\d+:\d+: YAML aliases expand to more than",
    ),
    "python-name-tag": (
        b"select: !!python/name:os.system\n",
        r"rules\.yaml:1:9: YAML tag '!!python/name:os.system'",
    ),
    "python-object-in-a-list": (
        b"ignore:\n  - !!python/object/new:os.system [echo hacked]\n",
        r"rules\.yaml:2:5: YAML tag '!!python/object/new:os.system' is not allowed",
    ),
    "custom-tag": (b"select: !custom [NL1]\n", r"rules\.yaml:1:9: YAML tag '!custom' is not allowed"),
    "nul-bytes": (b"select: [NL1]\n\x00\x01", r"rules\.yaml:\d+:\d+: invalid YAML"),
    "not-utf8": (
        "select: [NL1] # café\n".encode("cp1252"),
        r"rules\.yaml:1:1: the configuration file is not UTF-8",
    ),
    "tab-indent": (b"rules:\n\tNL201: {}\n", r"rules\.yaml:2:1: invalid YAML"),
    "unclosed-list": (
        b"select: [NL1\n",
        r"rules\.yaml:1:9: invalid YAML: this list \('\['\) is never closed",
    ),
    "two-documents": (b"select: [NL2]\n---\nselect: [NL1]\n", r"rules\.yaml:2:1: invalid YAML"),
    "duplicate-option": (
        b"rules:\n  NL201:\n    severity: error\n    severity: info\n",
        r"rules\.yaml:4:5: invalid YAML: found duplicate key",
    ),
    "list-severity": (
        b"rules:\n  NL201:\n    severity: [error]\n",
        r"rules\.yaml:3:15: severity must be one of",
    ),
    "settings-not-a-mapping": (
        b"rules:\n  NL201: 3\n",
        r"rules\.yaml:2:10: settings of rule 'NL201' must be a mapping",
    ),
    "nested-select": (
        b"select: [[NL1]]\n",
        r"rules\.yaml:1:10: every item of 'select' must be a non-empty string",
    ),
    "complex-key": (b"? [a, b]\n: c\n", r"rules\.yaml:1:3: unknown key"),
    "yaml-version": (b"%YAML 9.9\n---\nselect: []\n", r"rules\.yaml:1:1: invalid YAML"),
    "nested-2000-deep": (
        ("select: " + "[" * 2000 + "]" * 2000 + "\n").encode(),
        r"rules\.yaml:1:\d+: invalid YAML: nested more than \d+ levels deep",
    ),
    "mappings-2000-deep": (
        ("rules:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 2000))).encode(),
        r"rules\.yaml:\d+:\d+: invalid YAML: nested more than \d+ levels deep",
    ),
    "message-format-spec": (
        b"custom-rules:\n  - code: XC101\n    name: big\n    phrases: [zorb]\n    message: '{match:>300000000}'\n",
        r"rules\.yaml:5:14: 'message' uses \{match:>300000000\}: a placeholder takes no format or conversion",
    ),
    "message-conversion": (
        b"custom-rules:\n  - code: XC101\n    name: big\n    phrases: [zorb]\n    message: 'x {match!r}'\n",
        r"rules\.yaml:5:14: 'message' uses \{match!r\}",
    ),
    "pattern-nested-deep": (
        (
            "custom-rules:\n  - code: XC101\n    name: big\n    pattern: '"
            + "(" * 3000
            + "a"
            + ")" * 3000
            + "'\n"
            "    message: x\n"
        ).encode(),
        r"rules\.yaml:4:\d+: 'pattern' is too large or nested too deeply",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_config_exits_2_with_location(run_cli, tmp_path, case):
    data, pattern = CASES[case]
    (tmp_path / "rules.yaml").write_bytes(data)
    (tmp_path / "a.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    proc = run_cli("a.txt")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert re.search(pattern, proc.stderr), proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_config_path_that_is_a_folder_or_missing(run_cli, tmp_path):
    (tmp_path / "conf").mkdir()
    for given in ("conf", "missing.yaml"):
        proc = run_cli("--config", given, ".")
        assert proc.returncode == 2 and proc.stderr.startswith(f"{given}:1:1: "), proc.stderr
        assert "Traceback" not in proc.stderr
