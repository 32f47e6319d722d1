"""A baseline never hides a failure, and says what it hid.

newslint's own notices (NL0xx: a file it could not read, a rule that raised,
a plugin that failed) are neither recorded by --write-baseline nor hidden by
--baseline; a run with a baseline counts the findings it hid and lists the
entries that match nothing any more.
"""

from __future__ import annotations

import json

ANON = "An unnamed official said the talks had stalled."
ANON_2 = "A source close to the talks said they had stalled."
WEASEL = "Many believe the talks had stalled."

BROKEN_RULE = '''
from newslint import Rule, hookimpl

class Fragile(Rule):
    """What it checks: x. Why it matters: x. Example: x. How to fix: x."""

    code = "HR301"
    name = "fragile"
    summary = "Breaks on every article"

    def check(self, document, analysis):
        raise ValueError("broken today")

@hookimpl
def newslint_rules():
    return [Fragile]
'''


def _archive(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "talks.txt").write_text(f"{ANON}\n\n{WEASEL}\n", encoding="utf-8")
    (tmp_path / "desk" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "fragile.py").write_text(BROKEN_RULE, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text("plugins: [fragile.py]\n", encoding="utf-8")


def _codes(stdout: str) -> list[str]:
    return sorted(line.split()[1] for line in stdout.splitlines())


def test_write_baseline_records_no_failure_and_still_reports_them(run_cli, tmp_path):
    _archive(tmp_path)
    write = run_cli("desk", "--write-baseline", "baseline.json")
    entries = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert sorted(e["code"] for e in entries) == ["NL102", "NL201"]
    assert "recorded 2 findings" in write.stderr
    # The binary file (NL002) and the rule that raised (NL004) are still reported: rc 2, not 0.
    assert _codes(write.stdout) == ["NL002", "NL004"], write.stdout
    assert write.returncode == 2

    later = run_cli("desk", "--baseline", "baseline.json")
    assert _codes(later.stdout) == ["NL002", "NL004"], later.stdout
    assert later.returncode == 2


def test_an_older_baseline_that_recorded_failures_hides_none_of_them(run_cli, tmp_path):
    _archive(tmp_path)
    old = {
        "version": 1,
        "findings": [
            # As an older newslint recorded it: the notice's message, folded.
            {
                "code": "NL002",
                "path": "desk/photo.txt",
                "text": "binary file skipped (it contains nul bytes)",
                "occurrence": 0,
            },
            {"code": "NL201", "path": "desk/talks.txt", "text": "an unnamed official", "occurrence": 0},
        ],
    }
    (tmp_path / "baseline.json").write_text(json.dumps(old), encoding="utf-8")
    proc = run_cli("--disable-plugin", "fragile.py", "desk", "--baseline", "baseline.json")
    assert _codes(proc.stdout) == ["NL002", "NL102"], proc.stdout


def test_the_run_says_what_the_baseline_hid_and_which_entries_are_stale(run_cli, tmp_path):
    story = tmp_path / "talks.md"
    other = tmp_path / "other.md"
    story.write_text(f"# Talks\n\n{ANON}\n\n{WEASEL}\n\n{WEASEL}\n", encoding="utf-8")
    other.write_text(f"# Other\n\n{ANON_2}\n", encoding="utf-8")
    run_cli("--no-config", ".", "--write-baseline", "baseline.json")
    # The anonymous source is named now and one "Many believe" is gone.
    story.write_text(f"# Talks\n\nThe minister said the talks had stalled.\n\n{WEASEL}\n", encoding="utf-8")
    proc = run_cli("--no-config", "talks.md", "--baseline", "baseline.json")
    assert proc.returncode == 0 and proc.stdout == ""
    assert proc.stderr.splitlines()[:4] == [
        "newslint: the baseline baseline.json hid 1 finding",
        "newslint: 2 of its entries match no finding now (fixed, or reworded);"
        " --write-baseline baseline.json records the findings of today:",
        "  talks.md: NL102 “many believe” (occurrence 2)",
        "  talks.md: NL201 “an unnamed official”",
    ], proc.stderr
    # other.md was not linted: its entry cannot be judged, and is not called stale.
    assert "other.md" not in proc.stderr
