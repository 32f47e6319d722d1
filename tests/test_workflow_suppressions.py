"""Suppressions: inline comments (Markdown, HTML), front matter, per-file-ignores, unused ones.

Each test has a finding that is silenced and one that is still reported, so a
suppression that silenced everything (or nothing) would fail it.
"""

from __future__ import annotations

from newslint.suppressions import comment_suppressions, front_matter_suppressions

ANON = "An unnamed official said the talks had stalled."
# Distinct unnamed sources: the same words again are a later reference to the
# first one, which the anonymous-source rule (rightly) does not flag twice.
ANON_2 = "A source close to the talks said they had stalled."
ANON_3 = "Two people familiar with the matter said the talks had stalled."
WEASEL = "Many believe the talks had stalled."


def _ranges(suppressions) -> list[tuple[str, int, int]]:
    """(code, first line, last line) of the suppressions that switch lines off."""
    return [(s.code, s.first, s.last) for s in suppressions if s.silences]


def _codes_at(stdout: str) -> list[tuple[int, str]]:
    out = []
    for line in stdout.splitlines():
        _path, lineno, _col, rest = line.split(":", 3)
        out.append((int(lineno), rest.split()[0]))
    return out


def test_markdown_disable_and_enable_block(run_cli, tmp_path):
    (tmp_path / "story.md").write_text(
        "# Talks\n\n"
        "<!-- newslint-disable NL201 -->\n"
        f"{ANON}\n\n"
        f"{WEASEL}\n\n"
        "<!-- newslint-enable -->\n"
        f"{ANON_2}\n",
        encoding="utf-8",
    )
    proc = run_cli("--no-config", "story.md")
    assert _codes_at(proc.stdout) == [(6, "NL102"), (9, "NL201")], proc.stdout
    assert "1 suppressed" in proc.stderr


def test_markdown_disable_without_codes_silences_every_rule_until_the_end(run_cli, tmp_path):
    (tmp_path / "story.md").write_text(
        f"{WEASEL}\n\n<!-- newslint-disable -->\n{ANON}\n\n{WEASEL}\n", encoding="utf-8"
    )
    assert _codes_at(run_cli("--no-config", "story.md").stdout) == [(1, "NL102")]


def test_disable_next_line_and_disable_line(run_cli, tmp_path):
    (tmp_path / "story.md").write_text(
        "<!-- newslint-disable-next-line anonymous-source -->\n"
        f"{ANON}\n"
        f"{ANON_2}\n"
        f"{ANON_3} <!-- newslint-disable-line NL2 -->\n",
        encoding="utf-8",
    )
    # A rule name and a prefix work as well as a code; only line 3 is left.
    assert _codes_at(run_cli("--no-config", "story.md").stdout) == [(3, "NL201")]


def test_disable_next_line_for_another_code_does_not_silence(run_cli, tmp_path):
    (tmp_path / "story.md").write_text(
        f"<!-- newslint-disable-next-line NL102 -->\n{ANON}\n", encoding="utf-8"
    )
    assert _codes_at(run_cli("--no-config", "story.md").stdout) == [(2, "NL201")]


def test_html_comments(run_cli, tmp_path):
    (tmp_path / "story.html").write_text(
        "<html><body><article>\n"
        "<!-- newslint-disable-next-line NL201 -->\n"
        f"<p>{ANON}</p>\n"
        f"<p>{ANON_2}</p>\n"
        "</article></body></html>\n",
        encoding="utf-8",
    )
    assert _codes_at(run_cli("--no-config", "story.html").stdout) == [(4, "NL201")]


def test_front_matter_ignore(run_cli, tmp_path):
    (tmp_path / "story.md").write_text(
        f"---\ntitle: Talks\nnewslint:\n  ignore: [NL201]\n---\n{ANON}\n\n{WEASEL}\n", encoding="utf-8"
    )
    assert _codes_at(run_cli("--no-config", "story.md").stdout) == [(8, "NL102")]


def test_malformed_front_matter_setting_is_reported(run_cli, tmp_path):
    (tmp_path / "story.md").write_text(f"---\nnewslint: NL201\n---\n{ANON}\n", encoding="utf-8")
    out = run_cli("--no-config", "story.md").stdout
    assert "NL003" in out and "ignore" in out and "NL201" in out


def test_per_file_ignores(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text(
        'per-file-ignores:\n  "wires/**": [NL201]\n  "*.txt": [vague-attribution]\n', encoding="utf-8"
    )
    (tmp_path / "wires").mkdir()
    (tmp_path / "wires" / "a.md").write_text(f"{ANON}\n\n{WEASEL}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"{ANON}\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(f"{ANON} {WEASEL}\n", encoding="utf-8")
    out = run_cli(".").stdout
    assert sorted(out.splitlines()) == sorted(
        [
            "wires/a.md:3:1: NL102 “Many believe”: who? The view is put in the mouth of an unnamed crowd",
            "b.md:1:1: NL201 “An unnamed official” is not named, and no reason for anonymity is given",
            "c.txt:1:1: NL201 “An unnamed official” is not named, and no reason for anonymity is given",
        ]
    ), out


def test_comments_in_code_fences_are_examples_not_suppressions():
    source = "```\n<!-- newslint-disable NL201 -->\n```\n<!-- newslint-disable NL102 -->\ntext\n"
    assert _ranges(comment_suppressions(source)) == [("NL102", 4, 6)]


def test_comment_parser_ranges():
    source = (
        "a\n<!-- newslint-disable NL201, NL102 -->\nb\n<!-- newslint-enable NL102 -->\n"
        "c\n<!--newslint-disable-next-line NL3 -- agency copy, see desk note-->\nd\n"
    )
    assert sorted(_ranges(comment_suppressions(source))) == [("NL102", 2, 4), ("NL201", 2, 8), ("NL3", 7, 7)]
    assert comment_suppressions("no directives here\n") == []


def test_front_matter_parser():
    assert front_matter_suppressions({"newslint": {"ignore": "NL2"}})[0][:2] == ("NL2", 1)
    problems: list = []
    assert front_matter_suppressions({"newslint": ["NL2"]}, problems) == [] and problems


def test_report_unused_suppressions(run_cli, tmp_path):
    (tmp_path / "story.md").write_text(
        "---\nnewslint: {ignore: [NL4]}\n---\n"
        "<!-- newslint-disable-next-line NL201 -->\n"
        f"{ANON}\n\n"
        "<!-- newslint-disable-next-line NL201 -->\n"
        "The minister said the talks had stalled.\n",
        encoding="utf-8",
    )
    quiet = run_cli("--no-config", "story.md")
    assert quiet.returncode == 0 and quiet.stdout == ""
    loud = run_cli("--no-config", "--report-unused-suppressions", "story.md")
    assert loud.returncode == 1
    assert _codes_at(loud.stdout) == [(1, "NL010"), (8, "NL010")], loud.stdout
    assert "NL201 on line 8" in loud.stdout and "NL4 in this file" in loud.stdout
    (tmp_path / "rules.yaml").write_text("rules:\n  unused-suppression: true\n", encoding="utf-8")
    assert run_cli("story.md").stdout == loud.stdout


def test_unused_suppressions_of_rules_that_did_not_run_are_left_alone(run_cli, tmp_path):
    (tmp_path / "story.md").write_text(
        "<!-- newslint-disable-next-line NL201 -->\nThe minister said so.\n\n"
        "<!-- newslint-disable-next-line NL2O1 -->\nThe mayor said so.\n",
        encoding="utf-8",
    )
    proc = run_cli("--no-config", "--select", "NL1", "--report-unused-suppressions", "story.md")
    # NL201 did not run, so its comment cannot be judged; "NL2O1" (a typo) names no
    # rule: an error where it is written (NL011), not an unused suppression.
    assert _codes_at(proc.stdout) == [(4, "NL011")], proc.stdout
    assert "no rule has the code, prefix or name 'NL2O1' (did you mean 'NL201'?)" in proc.stdout


def test_a_mistyped_directive_is_an_error_and_silences_nothing(run_cli, tmp_path):
    # "nextline" for "next-line": it used to be read as a block `disable`,
    # silencing NL201 to the end of the file.
    (tmp_path / "story.md").write_text(
        f"<!-- newslint-disable-nextline NL201 -->\n{ANON}\n\n{ANON_2}\n", encoding="utf-8"
    )
    proc = run_cli("--no-config", "story.md")
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0] == (
        "story.md:1:6: NL011 unknown directive 'newslint-disable-nextline'"
        " (did you mean 'newslint-disable-next-line'?): it silences nothing"
    )
    assert _codes_at(proc.stdout) == [(1, "NL011"), (2, "NL201"), (4, "NL201")], proc.stdout


def test_an_unknown_code_is_an_error_where_it_is_written(run_cli, tmp_path):
    (tmp_path / "story.html").write_text(
        f"<p>{ANON} <!-- newslint-disable-line NL201, anonymus-source --></p>\n", encoding="utf-8"
    )
    proc = run_cli("--no-config", "story.html")
    assert proc.stdout == (
        "story.html:1:86: NL011 suppression: no rule has the code, prefix or name 'anonymus-source'"
        " (did you mean 'anonymous-source'?); it silences nothing\n"
    )
    assert proc.returncode == 1


def test_invalid_suppressions_are_not_silenced_by_a_block_disable(run_cli, tmp_path):
    (tmp_path / "story.md").write_text(
        f"<!-- newslint-disable -->\n{ANON}\n<!-- newslint-enabel -->\n{ANON_2}\n", encoding="utf-8"
    )
    proc = run_cli("--no-config", "story.md")
    assert _codes_at(proc.stdout) == [(3, "NL011")], proc.stdout
    assert "did you mean 'newslint-enable'?" in proc.stdout


def test_front_matter_ignores_with_an_unknown_code(run_cli, tmp_path):
    (tmp_path / "story.md").write_text(
        f"---\nnewslint:\n  ignore: [NL2, NL99]\n---\n{ANON}\n", encoding="utf-8"
    )
    proc = run_cli("--no-config", "story.md")
    assert _codes_at(proc.stdout) == [(1, "NL011")], proc.stdout
    assert "'NL99'" in proc.stdout


def test_a_reason_follows_two_dashes_and_may_say_anything(run_cli, tmp_path):
    (tmp_path / "story.md").write_text(
        "<!-- newslint-disable-next-line NL201 -- named in court papers > see the desk's note -->\n"
        f"{ANON}\n\n{ANON_2} <!-- newslint-disable-line NL201 -- wire copy, not ours -->\n",
        encoding="utf-8",
    )
    proc = run_cli("--no-config", "story.md")
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout
    assert "2 suppressed" in proc.stderr


def test_an_unclosed_comment_does_not_swallow_the_next_one():
    source = "<!-- newslint-disable NL201\ntext\n<!-- newslint-disable-line NL102 -->\n"
    assert _ranges(comment_suppressions(source)) == [("NL102", 3, 3)]
    many = "<!-- newslint-disable NL1 " * 20_000  # never closed: linear, and nothing silenced
    assert comment_suppressions(many) == []
