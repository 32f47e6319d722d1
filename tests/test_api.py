"""The Python API (newslint.lint_text, lint_paths, Configuration) and standard input (`newslint -`)."""

from __future__ import annotations

import io
import sys

import pytest

from newslint import Configuration, lint_paths, lint_text
from newslint.config import ConfigError

ANONYMOUS = "A senior official, speaking on condition of anonymity, said the plant would close.\n"
ANONYMOUS_NO_REASON = "An unnamed official said the plant would close in March.\n"
MARKDOWN = "---\ntitle: Plant\n---\n# Plant to close\n\nAn **unnamed official** said the plant would close in March.\n"


def test_lint_text_reads_by_the_suffix_and_points_into_the_source():
    (finding,) = [f for f in lint_text(MARKDOWN, path="plant.md") if f.code == "NL201"]
    # Line 6 of the file, after the front matter, to the end of "official" before the closing "**".
    location = (finding.path, finding.line, finding.column, finding.end_line, finding.end_column)
    assert location == ("plant.md", 6, 1, 6, 22)
    assert finding.text == "An unnamed official"  # the prose, markup left out
    # Read as plain text, the "**" are words of the sentence, and the source is no longer recognised.
    assert [f.code for f in lint_text(MARKDOWN, path="plant.txt")] == []


def test_configuration_from_a_rules_file(tmp_path):
    (tmp_path / "rules.yaml").write_text("ignore: [NL201]\n", encoding="utf-8")
    config = Configuration.from_file(tmp_path / "rules.yaml")
    assert "NL201" not in config.ruleset.enabled_codes
    assert [f.code for f in lint_text(ANONYMOUS_NO_REASON, config=config)] == []
    # A path is taken for a configuration too.
    assert lint_text(ANONYMOUS_NO_REASON, config=tmp_path / "rules.yaml") == []
    assert [f.code for f in lint_text(ANONYMOUS_NO_REASON)] == ["NL201"]


def test_configuration_options_select_like_the_command_line():
    config = Configuration(select=["NL1"], extend_select=["NL103"])
    assert all(code.startswith(("NL1", "NL0")) for code in config.ruleset.enabled_codes)
    assert "NL103" in config.ruleset.enabled_codes


def test_a_bad_configuration_raises_at_its_line_and_column(tmp_path):
    (tmp_path / "rules.yaml").write_text("rules:\n  anonymus-source: error\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        Configuration.from_file(tmp_path / "rules.yaml")
    assert (caught.value.line, caught.value.column) == (2, 3)
    assert "anonymous-source" in str(caught.value)
    with pytest.raises(ConfigError):
        Configuration(select=["NL999"])


def test_discover_finds_the_rules_file_nearest_to_a_file(tmp_path):
    (tmp_path / "rules.yaml").write_text("ignore: [NL201]\n", encoding="utf-8")
    (tmp_path / "desk" / "drafts").mkdir(parents=True)
    found = Configuration.discover(tmp_path / "desk" / "drafts" / "story.md")
    assert found.root == tmp_path.resolve()
    assert "NL201" not in found.ruleset.enabled_codes


#: These made-up articles are a line each, too little to be grouped by their
#: text: one story because the configuration says so.
ONE_STORY = "story: run\n"


def story(folder):
    (folder / "rules.yaml").write_text(ONE_STORY, encoding="utf-8")
    (folder / "a.txt").write_text(
        "Foreign minister Ilkka Saarinen said the talks would go on. Saarinen, 61, flew home.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Foreign minister Ilkka Saarinen told reporters the talks had stalled. Saarinen said more was needed.\n",
        encoding="utf-8",
    )
    (folder / "c.txt").write_text(
        "Foreign minister Ilkka Sarinen said the talks had ended. Sarinen left early.\n", encoding="utf-8"
    )


def test_lint_paths_runs_the_story_rules_across_the_paths(tmp_path):
    story(tmp_path)
    paths = [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"]
    flagged = [f for f in lint_paths(paths, config=tmp_path / "rules.yaml") if f.code == "NL302"]
    assert {f.path for f in flagged} == {str(tmp_path / "c.txt")}
    assert [f for f in lint_paths(paths[:1]) if f.code == "NL302"] == []
    with pytest.raises(FileNotFoundError):
        lint_paths([tmp_path / "missing.txt"])


def test_lint_text_with_a_corpus_compares_the_text_with_the_story(tmp_path):
    story(tmp_path)
    draft = (tmp_path / "c.txt").read_text(encoding="utf-8")
    alone = [f.code for f in lint_text(draft, path="c.txt")]
    assert "NL302" not in alone
    # The draft stands in for c.txt: the file on disk under its name is left out only by the CLI's
    # --stdin-filename; here the draft has a name of its own.
    with_story = [
        f
        for f in lint_text(
            draft,
            path="draft.txt",
            corpus=[tmp_path / "a.txt", tmp_path / "b.txt"],
            config=tmp_path / "rules.yaml",
        )
    ]
    assert [f.code for f in with_story if f.code == "NL302"] == ["NL302", "NL302"]
    assert {f.path for f in with_story} == {"draft.txt"}


@pytest.mark.parametrize(
    "text",
    ["---\ntitle: [unclosed\n---\nBody text.\n", "\x00\x00\x00 binary-looking \x00", "", "<" * 5000],
)
def test_broken_input_gives_findings_not_exceptions(text):
    findings = lint_text(text, path="broken.md")
    assert all(f.path == "broken.md" for f in findings)


def stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


def test_stdin_is_read_by_the_reader_of_its_name(run_cli, monkeypatch):
    stdin(monkeypatch, MARKDOWN)
    result = run_cli("--no-cache", "-", "--stdin-filename", "desk/plant.md")
    assert result.returncode == 1
    assert result.stdout == (
        "desk/plant.md:6:1: NL201 “An unnamed official” is not named, and no reason for anonymity is given\n"
    )
    stdin(monkeypatch, MARKDOWN)
    unnamed = run_cli("--no-cache", "-")  # no name: plain text
    assert unnamed.returncode == 0 and unnamed.stdout == ""


def test_stdin_finds_the_configuration_from_its_name(run_cli, monkeypatch, tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "rules.yaml").write_text("ignore: [NL201]\n", encoding="utf-8")
    stdin(monkeypatch, ANONYMOUS_NO_REASON)
    assert run_cli("--no-cache", "-", "--stdin-filename", "desk/plant.txt").stdout == ""
    stdin(monkeypatch, ANONYMOUS_NO_REASON)
    assert "NL201" in run_cli("--no-cache", "-", "--stdin-filename", "plant.txt").stdout


def test_stdin_per_file_ignores_match_its_name(run_cli, monkeypatch, tmp_path):
    (tmp_path / "rules.yaml").write_text('per-file-ignores:\n  "wire/*": [NL201]\n', encoding="utf-8")
    stdin(monkeypatch, ANONYMOUS_NO_REASON)
    assert run_cli("--no-cache", "-", "--stdin-filename", "wire/plant.txt").stdout == ""


def test_stdin_fix_prints_the_fixed_text_and_diff_the_change(run_cli, monkeypatch, tmp_path):
    story(tmp_path)
    draft = (tmp_path / "c.txt").read_text(encoding="utf-8")
    stdin(monkeypatch, draft)
    fixed = run_cli("--no-cache", "-", "--stdin-filename", "c.txt", "--corpus", ".", "--fix")
    assert fixed.stdout == draft.replace("Sarinen", "Saarinen")
    assert fixed.returncode == 0
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == draft  # nothing written
    stdin(monkeypatch, draft)
    diff = run_cli("--no-cache", "-", "--stdin-filename", "c.txt", "--corpus", ".", "--diff")
    assert diff.returncode == 1 and "+Foreign minister Ilkka Saarinen said" in diff.stdout


def test_stdin_cannot_be_mixed_with_paths(run_cli, monkeypatch, tmp_path):
    story(tmp_path)
    stdin(monkeypatch, ANONYMOUS)
    result = run_cli("--no-cache", "-", "a.txt")
    assert result.returncode == 2 and "standard input" in result.stderr
