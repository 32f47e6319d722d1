"""Fixes: what --fix, --diff and --show-fixes do, on real articles in every format.

The examples are written for these tests; a name spelled two ways is fixed to
the spelling most of the article (or of the story) uses, markup around it
survives, words inside quotations change only with --unsafe-fixes, and
linting again reports none of the findings fixed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newslint
from newslint import Configuration, Edit, Fix, fix_text, lint_text
from newslint.config import Config
from newslint.engine.fixing import fix_results
from newslint.engine.run import report
from newslint.fixes import apply_fixes
from tests.conftest import FIXTURES

PROSE = """Council member Dagny Vollmer said on Monday that the bridge would reopen in May. Vollmer, 52, told reporters the repairs had cost more than planned.

The mayor backed Vollmer on Tuesday, and Vollmer thanked her. Volmer said the work would take six weeks.
"""

MARKDOWN = """---
title: Bridge
---
# The **Volmer** plan

Council member Dagny Vollmer said on Monday that the bridge would reopen in May. Vollmer, 52, told reporters the repairs had cost more than planned.

The mayor backed Vollmer on Tuesday, and Vollmer thanked her. *Volmer* said the work would take [six weeks](https://example.org/Volmer-plan).
"""

HTML = """<html><head><title>Bridge</title></head><body>
<h1>The <b>Volmer</b> plan</h1>
<p>Council member Dagny Vollmer said on Monday that the bridge would reopen in May. Vollmer, 52, told reporters the repairs had cost more than planned.</p>
<p>The mayor backed Vollmer on Tuesday, and Vollmer thanked her. <i>Volmer</i> said the work would take <a href="/Volmer-plan" title="Volmer">six weeks</a>.</p>
</body></html>
"""

QUOTED = """Council member Dagny Vollmer said on Monday that the bridge would reopen in May. Vollmer, 52, told reporters the repairs had cost more than planned.

"We should ask Volmer first," a neighbour said. Volmer said the work would take six weeks. The mayor backed Vollmer on Tuesday, and Vollmer thanked her.
"""

HOUSE_RULES = """custom-rules:
  - code: HR101
    name: house-place-names
    message: "“{match}”: house style is “{replacement}”"
    phrases:
      Kiev: Kyiv
      war-torn: affected by the war
"""


def codes(findings):
    return [f.code for f in findings]


def test_nl301_is_fixed_to_the_majority_spelling_of_the_article():
    (finding,) = [f for f in lint_text(PROSE) if f.code == "NL301"]
    assert finding.fix is not None and finding.fix.safe
    assert finding.fix.message == "spell it “Vollmer”"
    fixed = fix_text(PROSE)
    assert fixed == PROSE.replace("Volmer said", "Vollmer said")
    assert "NL301" not in codes(lint_text(fixed))


def test_a_tie_has_no_majority_and_no_fix():
    tie = (FIXTURES / "NL301-name-spelling-in-article" / "flagged-tie.txt").read_text(encoding="utf-8")
    flagged = [f for f in lint_text(tie) if f.code == "NL301"]
    assert flagged and all(f.fix is None for f in flagged)
    assert fix_text(tie) == tie


@pytest.mark.parametrize(
    ("text", "path", "kept"),
    [
        (
            MARKDOWN,
            "bridge.md",
            ["**Vollmer**", "*Vollmer* said", "(https://example.org/Volmer-plan)", "title: Bridge"],
        ),
        (HTML, "bridge.html", ["<b>Vollmer</b>", "<i>Vollmer</i>", 'href="/Volmer-plan" title="Volmer"']),
    ],
)
def test_markup_around_a_fixed_name_survives(text, path, kept):
    (finding,) = [f for f in lint_text(text, path=path) if f.code == "NL301"]
    assert finding.fix is not None and len(finding.fix.edits) == 2  # the heading and the paragraph
    fixed = fix_text(text, path=path)
    for piece in kept:
        assert piece in fixed
    # Only the two names changed: one letter each.
    assert len(fixed) == len(text) + 2
    assert "NL301" not in codes(lint_text(fixed, path=path))


def test_an_entity_inside_a_name_is_left_alone():
    broken_up = HTML.replace("<i>Volmer</i>", "<i>Vol&shy;mer</i>")
    for f in lint_text(broken_up, path="bridge.html"):
        if f.code == "NL301":
            assert f.fix is None
    assert fix_text(broken_up, path="bridge.html") == broken_up


def test_a_name_inside_a_quotation_is_fixed_only_when_unsafe_fixes_are_asked_for():
    (finding,) = [f for f in lint_text(QUOTED) if f.code == "NL301"]
    assert finding.fix is not None and not finding.fix.safe
    assert fix_text(QUOTED) == QUOTED
    unsafe = fix_text(QUOTED, unsafe=True)
    assert '"We should ask Vollmer first,"' in unsafe and "Volmer" not in unsafe


def test_a_house_replacement_is_fixed_in_the_case_it_was_written(tmp_path):
    (tmp_path / "rules.yaml").write_text(HOUSE_RULES, encoding="utf-8")
    config = Configuration.from_file(tmp_path / "rules.yaml")
    text = 'Aid reached Kiev on Friday. KIEV, the headline said. War-torn towns waited. "Kiev is calm," she said.\n'
    found = [f for f in lint_text(text, config=config) if f.code == "HR101"]
    assert [f.fix.safe for f in found if f.fix] == [True, True, True, False]
    assert fix_text(text, config=config) == (
        'Aid reached Kyiv on Friday. KYIV, the headline said. Affected by the war towns waited. "Kiev is calm," she said.\n'
    )
    assert "HR101" not in codes(lint_text(fix_text(text, config=config, unsafe=True), config=config))


def test_a_custom_rule_without_replacements_is_not_fixable(tmp_path):
    (tmp_path / "rules.yaml").write_text(
        "custom-rules:\n  - {code: HR102, name: no-slammed, message: rephrase, phrases: [slammed]}\n",
        encoding="utf-8",
    )
    config = Configuration.from_file(tmp_path / "rules.yaml")
    rule = config.plugins.rules["HR102"]
    assert not rule.fixable
    assert [f.fix for f in lint_text("He slammed it.\n", config=config)] == [None]


def test_overlapping_fixes_wait_for_the_next_pass():
    first = Fix("a", (Edit(0, 3, "xyz"),))
    overlapping = Fix("b", (Edit(2, 5, "!!!"),))
    later = Fix("c", (Edit(6, 7, "Z"),))
    assert apply_fixes("abcdefg", [overlapping, first, later]) == ("xyzdefZ", [1, 2])
    # Two insertions at one place: the second waits.
    assert apply_fixes("ab", [Fix("i", (Edit(1, 1, "X"),)), Fix("j", (Edit(1, 1, "Y"),))]) == ("aXb", [0])


def fixture_files(code: str) -> list[Path]:
    (folder,) = [p for p in FIXTURES.iterdir() if p.name.startswith(code + "-")]
    return sorted(p for p in folder.iterdir() if p.name.startswith("flagged"))


@pytest.mark.parametrize("path", fixture_files("NL301"), ids=lambda p: p.name)
def test_after_fixing_a_fixture_none_of_the_fixed_findings_is_reported(path):
    text = path.read_text(encoding="utf-8")
    config = Configuration(select=["NL301"])
    linter = config.linter
    result = linter.lint_source(path.name, text, keep_document=True)
    done = fix_results(linter, [result], lambda results: report(linter, results))
    again = {
        (f.code, f.text) for f in lint_text(done.after.get(path.name, text), path=path.name, config=config)
    }
    assert not again & {(f.code, f.text) for f in done.fixed}
    if "tie" in path.name:
        assert done.fixed == []
    else:
        assert done.fixed


def write_story(folder: Path) -> None:
    story = {
        "a.md": "# Talks\n\nForeign minister Ilkka Saarinen said the talks would go on. Saarinen, 61, flew home.\n",
        "b.txt": "Foreign minister Ilkka Saarinen told reporters the talks had stalled. Saarinen said more was needed.\n",
        "c.html": "<p>Foreign minister Ilkka <b>Sarinen</b> said the talks had ended. Sarinen left early.</p>\n",
    }
    for name, text in story.items():
        (folder / name).write_text(text, encoding="utf-8")
    # A line each, too little to be grouped by their text: one story because rules.yaml says so.
    (folder / "rules.yaml").write_text("story: run\n", encoding="utf-8")


def test_fix_writes_the_story_majority_into_the_minority_article(run_cli, tmp_path):
    write_story(tmp_path)
    before = run_cli("--no-cache", "--select", "NL302", ".")
    assert before.returncode == 1 and "c.html" in before.stdout
    fixed = run_cli("--no-cache", "--select", "NL302", "--fix", "--show-fixes", ".")
    assert fixed.returncode == 0, fixed.stderr
    assert fixed.stdout == ""
    # One finding per written form: "Ilkka Sarinen", then "Sarinen" alone.
    assert "newslint: fixed 2 findings in 1 file" in fixed.stderr
    assert "fixed c.html:1:21: NL302 “Ilkka Sarinen”" in fixed.stderr
    assert "fixed c.html:1:68: NL302 “Sarinen”" in fixed.stderr
    assert (tmp_path / "c.html").read_text(encoding="utf-8") == (
        "<p>Foreign minister Ilkka <b>Saarinen</b> said the talks had ended. Saarinen left early.</p>\n"
    )
    assert run_cli("--no-cache", "--select", "NL302", ".").returncode == 0


def test_diff_shows_the_fix_and_writes_nothing(run_cli, tmp_path):
    write_story(tmp_path)
    before = (tmp_path / "c.html").read_bytes()
    shown = run_cli("--no-cache", "--select", "NL302", "--diff", ".")
    assert shown.returncode == 1
    assert shown.stdout.splitlines()[:2] == ["--- a/c.html", "+++ b/c.html"]
    assert "-<p>Foreign minister Ilkka <b>Sarinen</b>" in shown.stdout
    assert "+<p>Foreign minister Ilkka <b>Saarinen</b>" in shown.stdout
    assert (tmp_path / "c.html").read_bytes() == before
    nothing = run_cli("--no-cache", "--select", "NL302", "--diff", "a.md")
    assert nothing.returncode == 0 and nothing.stdout == ""


def test_show_fixes_adds_the_fix_to_text_and_json_and_only_then(run_cli, tmp_path):
    write_story(tmp_path)
    plain = run_cli("--no-cache", "--select", "NL302", "--format", "json", ".")
    assert all("fix" not in f for f in json.loads(plain.stdout)["findings"])
    shown = run_cli("--no-cache", "--select", "NL302", "--format", "json", "--show-fixes", ".")
    findings = json.loads(shown.stdout)["findings"]
    source = (tmp_path / "c.html").read_text(encoding="utf-8")
    edits = [e for f in findings for e in f["fix"]["edits"]]
    assert [source[e["start"] : e["end"]] for e in edits] == ["Sarinen", "Sarinen"]
    assert {e["text"] for e in edits} == {"Saarinen"}
    assert findings[0]["fix"] == {"message": "spell it “Saarinen”", "safe": True, "edits": edits[:1]}
    text = run_cli("--no-cache", "--select", "NL302", "--show-fixes", ".")
    assert text.stdout.splitlines()[1] == "    fix: spell it “Saarinen”"


def test_fix_keeps_the_encoding_and_line_breaks_of_the_file(run_cli, tmp_path):
    crlf = PROSE.replace("\n", "\r\n")
    (tmp_path / "bridge.txt").write_bytes(b"\xef\xbb\xbf" + crlf.encode("utf-8"))
    assert run_cli("--no-cache", "--select", "NL301", "--fix", "bridge.txt").returncode == 0
    assert (tmp_path / "bridge.txt").read_bytes() == b"\xef\xbb\xbf" + crlf.replace(
        "Volmer said", "Vollmer said"
    ).encode("utf-8")


def test_a_file_in_a_legacy_encoding_is_not_rewritten(run_cli, tmp_path):
    text = PROSE.replace("Council", "Café council")
    (tmp_path / "bridge.txt").write_bytes(text.encode("cp1252"))
    result = run_cli("--no-cache", "--select", "NL301,NL007", "--fix", "bridge.txt")
    assert "newslint: fixed 0 findings in 0 files" in result.stderr
    assert (tmp_path / "bridge.txt").read_bytes() == text.encode("cp1252")


def test_the_fix_api_is_public():
    for name in ("Fix", "Edit", "Spot", "lint_text", "lint_paths", "fix_text", "Configuration"):
        assert name in newslint.__all__


def story_folders() -> list[Path]:
    (folder,) = [p for p in FIXTURES.iterdir() if p.name.startswith("NL302-")]
    return sorted(p for p in folder.iterdir() if p.is_dir() and p.name.startswith("flagged"))


@pytest.mark.parametrize("folder", story_folders(), ids=lambda p: p.name)
def test_after_fixing_a_story_none_of_the_fixed_findings_is_reported(folder):
    # The fixture's story, as the fixture tests read it: one story.
    config = Configuration(Config(story_by="run"), select=["NL302"])
    linter = config.linter
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()}
    results = [linter.lint_source(name, text, keep_document=True) for name, text in texts.items()]
    before = report(linter, results)[0]
    # A tie flags the articles of both spellings: there is no majority to write.
    tie = {f.path for f in before} == set(texts)
    done = fix_results(linter, results, lambda rs: report(linter, rs))
    fixed_texts = {name: done.after.get(name, text) for name, text in texts.items()}
    again = report(linter, [linter.lint_source(n, t) for n, t in fixed_texts.items()])[0]
    assert not {(f.path, f.code, f.text) for f in again} & {(f.path, f.code, f.text) for f in done.fixed}
    if tie:
        assert done.fixed == []
    else:
        assert done.fixed and done.changed
