"""The workflow options end to end: --corpus, baselines, --fail-on, the summary line, --init."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from ruamel.yaml import YAML

from newslint import Rule, Severity
from newslint.config import load_config, parse_config
from newslint.plugins import load_plugins
from newslint.scaffold import starter_config
from tests.conftest import SEEDS

ANON = "An unnamed official said the talks had stalled."
ANON_2 = "A source close to the talks said they had stalled."
WEASEL = "Many believe the talks had stalled."


# --------------------------------------------------------------------------
# --corpus
# --------------------------------------------------------------------------

# A story-level rule of our own, loaded as a local plugin: two articles of a
# story that open with the same sentence (a copied wire lede).
SAME_LEDE = '''
from newslint import CorpusRule, Related, hookimpl


class SameLede(CorpusRule):
    """What it checks: x. Why it matters: x. Example: x. How to fix: x."""

    code = "TS901"
    name = "same-lede"
    summary = "Two articles open with the same sentence"

    def collect(self, document, analysis):
        first = document.text.strip().split("\\n")[0]
        start = document.text.index(first)
        return [(first.lower(), document.locate(start, start + len(first)))]

    def check_corpus(self, story):
        facts = story.facts(self.kind())
        by_lede = {}
        for path, items in sorted(facts.items()):
            for lede, loc in items:
                by_lede.setdefault(lede, []).append(loc)
        for locs in by_lede.values():
            for loc in locs:
                others = [Related(o, "the same lede") for o in locs if o is not loc]
                if others:
                    yield self.at(loc, "this lede is also another article's", others)


@hookimpl
def newslint_rules():
    return [SameLede]
'''


def _archive(tmp_path):
    (tmp_path / "same_lede.py").write_text(SAME_LEDE, encoding="utf-8")
    # One line each: one story because rules.yaml says so.
    (tmp_path / "rules.yaml").write_text(
        "plugins: [same_lede.py]\nselect: [TS9]\nstory: run\n", encoding="utf-8"
    )
    archive = tmp_path / "archive"
    archive.mkdir()
    lede = "Storm closes the coast road.\n\nCrews worked through the night.\n"
    (archive / "monday.txt").write_text(lede, encoding="utf-8")
    (archive / "tuesday.txt").write_text("Storm closes the coast road.\n\nIt reopened at noon.\n")
    (archive / "other.txt").write_text("Council approves the budget.\n", encoding="utf-8")
    (tmp_path / "new.md").write_text("# Storm closes the coast road.\n\nMore to come.\n", encoding="utf-8")


def test_corpus_compares_named_files_with_the_archive_and_reports_only_them(run_cli, tmp_path):
    _archive(tmp_path)
    alone = run_cli("new.md")
    assert alone.returncode == 0 and alone.stdout == "", alone.stdout + alone.stderr
    proc = run_cli("new.md", "--corpus", "archive")
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.splitlines() == ["new.md:1:3: TS901 this lede is also another article's"]
    data = json.loads(run_cli("new.md", "--corpus", "archive", "--format", "json").stdout)
    (finding,) = data["findings"]
    assert sorted(r["path"] for r in finding["related"]) == ["archive/monday.txt", "archive/tuesday.txt"]


def test_corpus_compares_a_named_file_only_with_its_own_story(run_cli, tmp_path):
    # Two stories in one archive open with the same lede; the new article is
    # compared with the archive articles of its own story alone.
    (tmp_path / "same_lede.py").write_text(SAME_LEDE, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(
        "plugins: [same_lede.py]\nselect: [TS9]\nstory: {by: key}\n", encoding="utf-8"
    )
    archive = tmp_path / "archive"
    archive.mkdir()
    lede = "Storm closes the coast road.\n\n"
    for name, story, body in (
        ("monday.md", "storm", "Crews worked through the night."),
        ("other.md", "council", "The council will vote on the repairs."),
    ):
        (archive / name).write_text(f"---\nstory: {story}\n---\n{lede}{body}\n", encoding="utf-8")
    (tmp_path / "new.md").write_text(f"---\nstory: storm\n---\n{lede}More to come.\n", encoding="utf-8")
    data = json.loads(run_cli("new.md", "--corpus", "archive", "--format", "json").stdout)
    (finding,) = data["findings"]
    assert [r["path"] for r in finding["related"]] == ["archive/monday.md"]
    shown = json.loads(run_cli("--show-stories", "new.md", "--corpus", "archive", "--format", "json").stdout)
    assert shown == {"version": 1, "stories": [{"id": "key:storm", "files": ["archive/monday.md", "new.md"]}]}


def test_corpus_file_also_named_is_linted_once_and_reported(run_cli, tmp_path):
    _archive(tmp_path)
    proc = run_cli("archive/monday.txt", "--corpus", "archive")
    assert proc.stdout.splitlines() == ["archive/monday.txt:1:1: TS901 this lede is also another article's"]


def test_missing_corpus_folder_is_an_error(run_cli, tmp_path):
    _archive(tmp_path)
    proc = run_cli("new.md", "--corpus", "nowhere")
    assert proc.returncode == 2 and "nowhere: no such file or directory" in proc.stderr


def _has_name_rules() -> bool:
    return any(code.startswith("NL3") for code in load_plugins().rules)


@pytest.mark.skipif(not _has_name_rules(), reason="the NL3 name rules are not installed")
def test_corpus_finds_the_name_variant_of_the_seeds(run_cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    named = "seeds/001_2104fa634aca348e.txt"
    args = ("--no-config", "--select", "NL3", "--format", "json", named, "--corpus", "seeds")
    text = (tmp_path / named).read_text(encoding="utf-8").splitlines()

    def flagged(proc):
        findings = json.loads(proc.stdout)["findings"]
        assert {f["path"] for f in findings} <= {named}
        return [text[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] for f in findings]

    # Only 001 spells him "Hamze": alone it has nothing to compare with.
    assert not any("Hamze" in span for span in flagged(run_cli(*args[:-2])))
    spans = flagged(run_cli(*args))
    assert any("Hamze" in span and "Hamzeh" not in span for span in spans), spans


# --------------------------------------------------------------------------
# Baselines
# --------------------------------------------------------------------------


def test_baseline_hides_old_findings_and_reports_new_ones(run_cli, tmp_path):
    story = tmp_path / "desk" / "talks.md"
    story.parent.mkdir()
    story.write_text(f"# Talks\n\n{ANON}\n\n{WEASEL}\n", encoding="utf-8")
    write = run_cli("--no-config", "desk", "--write-baseline", "newslint-baseline.json")
    assert write.returncode == 0 and write.stdout == ""
    assert "recorded 2 findings" in write.stderr
    entries = json.loads((tmp_path / "newslint-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert {(e["code"], e["path"], e["text"], e["occurrence"]) for e in entries} == {
        ("NL201", "desk/talks.md", "an unnamed official", 0),
        ("NL102", "desk/talks.md", "many believe", 0),
    }

    assert run_cli("--no-config", "desk", "--baseline", "newslint-baseline.json").returncode == 0
    # Edits elsewhere move the old findings down; a new source and a second
    # "Many believe" (its next occurrence) are new.
    story.write_text(
        f"# Talks\n\nThe minister arrived late.\n\n{ANON_2}\n\n{ANON}\n\n{WEASEL}\n\n{WEASEL}\n",
        encoding="utf-8",
    )
    proc = run_cli("--no-config", "desk", "--baseline", "newslint-baseline.json")
    assert proc.returncode == 1
    assert [line.split(": ")[0] + " " + line.split()[1] for line in proc.stdout.splitlines()] == [
        "desk/talks.md:5:1 NL201",
        "desk/talks.md:11:1 NL102",
    ], proc.stdout
    # The baseline's paths are relative to the baseline file: it works from another folder.
    inside = run_cli("--no-config", ".", "--baseline", "../newslint-baseline.json", cwd=story.parent)
    assert [line.split(":")[1] for line in inside.stdout.splitlines()] == ["5", "11"]


def test_unreadable_baseline_is_an_error(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(ANON + "\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    for name in ("bad.json", "missing.json"):
        proc = run_cli("--no-config", "a.txt", "--baseline", name)
        assert proc.returncode == 2 and name in proc.stderr


# --------------------------------------------------------------------------
# --fail-on and the summary line
# --------------------------------------------------------------------------


def test_fail_on_and_summary(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text("rules:\n  anonymous-source: error\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"{ANON} {WEASEL}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{WEASEL}\n", encoding="utf-8")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\x00\x00\x00binary")

    proc = run_cli(".")
    assert proc.returncode == 1
    assert proc.stderr == "newslint: 3 files, 4 findings (1 error, 3 warnings)\n"
    assert run_cli("--fail-on", "error", "a.txt").returncode == 1
    assert run_cli("--fail-on", "error", "b.txt").returncode == 0
    # A skipped binary file is a warning: nobody checked it, so CI notices by default.
    binary = run_cli("photo.txt")
    assert binary.returncode == 1 and "NL002" in binary.stdout
    assert binary.stderr == "newslint: 1 file, 1 finding (1 warning)\n"
    assert run_cli("--fail-on", "error", "photo.txt").returncode == 0
    clean = tmp_path / "clean.txt"
    clean.write_text("The council met on Tuesday.\n", encoding="utf-8")
    assert run_cli("clean.txt").stderr == "newslint: 1 file, no findings\n"
    assert run_cli("--format", "json", "a.txt").stderr == ""


# --------------------------------------------------------------------------
# --init
# --------------------------------------------------------------------------


def test_init_writes_a_starter_config_and_refuses_to_overwrite(run_cli, tmp_path):
    proc = run_cli("--init")
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "rules.yaml").read_text(encoding="utf-8")
    listing = run_cli("--no-config", "--list-rules").stdout
    for line in listing.splitlines():
        code, name = line.split()[:2]
        assert f"  # {code} {name} (" in text and f"  # {name}:\n" in text
    assert "unused-suppression (newslint.suppressions, off by default)" in text

    # It is valid, changes nothing, and its comments survive a ruamel.yaml round trip.
    config = load_config(tmp_path / "rules.yaml")
    assert config.select == ["ALL"] and config.rules == []
    yaml = YAML(typ="rt")
    out = io.StringIO()
    yaml.dump(yaml.load(text), out)
    assert out.getvalue() == text

    # Uncommenting a rule's block turns its settings on.
    (tmp_path / "rules.yaml").write_text(
        text.replace(
            "  # anonymous-source:\n  #   severity: warning", "  anonymous-source:\n    severity: error"
        ),
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text(ANON + "\n", encoding="utf-8")
    assert run_cli("--format", "json", "a.txt").stdout.count('"severity": "error"') == 1

    again = run_cli("--init")
    assert again.returncode == 2 and "already exists" in again.stderr
    assert "severity: error" in (tmp_path / "rules.yaml").read_text(encoding="utf-8")
    (tmp_path / "conf").mkdir()
    elsewhere = run_cli("--init", "--config", "conf/newslint.yaml")
    assert elsewhere.returncode == 0 and load_config(tmp_path / "conf" / "newslint.yaml").rules == []


class _Tuned(Rule):
    """What it checks: x. Why it matters: x. Example: x. How to fix: x."""

    code = "TS101"
    name = "tuned"
    summary = "A rule with options"
    severity = Severity.INFO
    options = {"words": ["a: b", "it's"], "limit": 3, "ratio": 0.5, "strict": False, "label": "yes"}


def test_starter_options_uncomment_to_their_defaults():
    text = starter_config({"TS101": _Tuned}, {"TS101": "house"})
    block = text[text.index("  # tuned:") :]
    uncommented = text[: text.index("  # tuned:")] + block.replace("  # ", "  ").replace("  #   ", "    ")
    config = parse_config(uncommented)
    (settings,) = config.rules
    assert settings.key == "tuned" and settings.severity is Severity.INFO
    assert settings.options == _Tuned.options


def test_force_exclude_applies_exclude_to_named_files(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text('exclude: ["drafts/**"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "idea.md").write_text(ANON + "\n", encoding="utf-8")
    (tmp_path / "story.md").write_text(ANON + "\n", encoding="utf-8")
    named = run_cli("drafts/idea.md", "story.md")
    assert "drafts/idea.md:1:1: NL201" in named.stdout  # named files are read by default
    forced = run_cli("--force-exclude", "drafts/idea.md", "story.md")
    assert forced.stdout.splitlines()[0].startswith("story.md:1:1: NL201")
    assert "drafts/" not in forced.stdout and "1 file," in forced.stderr
