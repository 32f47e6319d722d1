"""--format html without a browser: what the page carries, and what the engine hands reporters.

The page in a real browser is tests/test_reporter_html_browser.py.
"""

from __future__ import annotations

import json
import re
import shutil

from newslint import Document, Finding, Related, Severity
from newslint.config import Config
from newslint.config.selection import build_rules
from newslint.engine.run import Linter, run
from newslint.plugins import load_plugins
from newslint.readers.html import HtmlReader
from newslint.readers.markdown import MarkdownReader
from newslint.reporters import Report, render
from newslint.reporters.html import HtmlReporter, page, report_data, script_json
from tests.conftest import SEEDS

_DATA = re.compile(r'<script type="application/json" id="newslint-data">(.*?)</script>', re.DOTALL)


def data_of(html: str) -> dict:
    blocks = _DATA.findall(html)
    assert len(blocks) == 1, "the page holds exactly one data block"
    return json.loads(blocks[0])


def finding(doc: Document, start: int, end: int, message: str, code: str = "NL201", related=()) -> Finding:
    loc = doc.locate(start, end)
    return Finding(
        loc.path,
        loc.line,
        loc.column,
        loc.end_line,
        loc.end_column,
        code,
        "anonymous-source",
        Severity.WARNING,
        message,
        tuple(related),
    )


def test_script_json_cannot_close_its_block_or_run():
    hostile = {"t": "</script><script>alert(1)</script><!-- \u2028 & >", "p": "caf\udce9.txt"}
    text = script_json(hostile)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": hostile["t"], "p": "caf\udce9.txt"}
    text.encode("utf-8")  # a lone surrogate became an escape: the page is valid UTF-8


def test_findings_sit_on_their_words_in_the_prose_of_markdown_and_html():
    md = MarkdownReader().read(
        "story/a.md",
        "---\noutlet: Valley Courier\ntitle: Talks stall\n---\n# Talks *stall*\n\n"
        "The minister met **an unnamed official** who said the talks had stalled.\n",
    )
    html = HtmlReader().read(
        "story/b.html",
        "<html><body><h1>Talks</h1><p>A <b>senior aide</b> said &amp; repeated that the talks stalled.</p>"
        "<script>var x = '<p>not prose</p>';</script></body></html>",
    )
    a0 = md.text.index("an unnamed official")
    b0 = html.text.index("senior aide")
    fa = finding(
        md,
        a0,
        a0 + len("an unnamed official"),
        "not named",
        related=[Related(html.locate(b0, b0 + len("senior aide")), "the other outlet's source")],
    )
    fb = finding(html, b0, b0 + len("senior aide"), "not named either")
    data = report_data(Report([fa, fb], {md.path: md, html.path: html}))
    docs = {d["p"]: d for d in data["docs"]}
    assert docs["story/a.md"]["o"] == "Valley Courier" and docs["story/a.md"]["ti"] == "Talks stall"
    assert "<script>" not in docs["story/b.html"]["t"] and "**" not in docs["story/a.md"]["t"]
    for f in data["findings"]:
        text = data["docs"][f["d"]]["t"]
        assert text[f["s"] : f["e"]] in ("an unnamed official", "senior aide")
    rel = data["findings"][0]["r"][0]
    assert data["docs"][rel["d"]]["t"][rel["s"] : rel["e"]] == "senior aide"


def test_offsets_count_utf16_units_as_the_browser_does():
    doc = Document.from_text("Fans 🎉🎉 cheered as an unnamed official spoke.", "a.txt")
    start = doc.text.index("an unnamed official")
    data = report_data(Report([finding(doc, start, start + 19, "m")], {doc.path: doc}))
    f = data["findings"][0]
    # Each emoji is two UTF-16 units: the browser's slice of the same range.
    utf16 = doc.text.encode("utf-16-le")
    assert utf16[2 * f["s"] : 2 * f["e"]].decode("utf-16-le") == "an unnamed official"


def test_a_finding_outside_the_prose_is_listed_not_highlighted():
    doc = MarkdownReader().read("a.md", "---\ntitle: x\n---\nSome words here.\n")
    notice = Finding("a.md", 2, 1, 2, 2, "NL003", "invalid-front-matter", Severity.WARNING, "front matter")
    f = report_data(Report([notice], {doc.path: doc}))["findings"][0]
    assert f["d"] == 0 and f["s"] is None and f["l"] == 2


def test_stories_come_from_the_engine_and_every_rule_brings_its_explanation(tmp_path):
    for folder in ("first", "second"):
        shutil.copytree(SEEDS, tmp_path / folder)
    plugins = load_plugins()
    config = Config(story_by="folder")
    linter = Linter(plugins, build_rules(config, plugins.rules), config)
    result = run(linter, [str(tmp_path / "first"), str(tmp_path / "second")], keep_documents=True)
    assert [len(s) for s in result.stories] == [3, 3]
    data = report_data(Report(result.findings, result.documents, result.stories, plugins.rules, result.files))
    assert len(data["stories"]) == 2
    for story in data["stories"]:
        folders = {data["docs"][d]["p"].rsplit("/", 2)[-2] for d in story["d"]}
        assert len(folders) == 1, "a story of the report is one of the engine's stories"
    for code, rule in data["rules"].items():
        assert rule["x"].startswith("What it checks"), code
        assert "Why it matters" in rule["x"] and "How to fix" in rule["x"]


def test_stories_are_grouped_only_when_asked_or_when_story_rules_run():
    plugins = load_plugins()
    config = Config()
    no_story_rules = build_rules(config, plugins.rules, ["NL2"])
    linter = Linter(plugins, no_story_rules, config)
    assert run(linter, [str(SEEDS)]).stories == []
    asked = run(linter, [str(SEEDS)], keep_stories=True).stories
    assert [s.paths for s in asked] == [sorted(str(p) for p in SEEDS.glob("*.txt"))]


class _OldReporter:
    """A reporter written before render_report existed."""

    name = "old"
    description = "one path per finding"
    needs_source = False

    def render(self, findings, documents, stream):
        for f in findings:
            stream.write(f.path + "\n")


def test_reporters_without_render_report_are_called_as_before(tmp_path):
    doc = Document.from_text("An unnamed official said so.", "a.txt")
    out = tmp_path / "out.txt"
    with out.open("w") as stream:
        render(_OldReporter(), Report([finding(doc, 0, 19, "m")], {doc.path: doc}), stream)
    assert out.read_text() == "a.txt\n"


def test_html_reporter_renders_from_findings_and_documents_alone(tmp_path):
    """Called through the older render(findings, documents, stream): one group of every article."""
    doc = Document.from_text("An unnamed official said so.", "a.txt")
    out = tmp_path / "r.html"
    with out.open("w") as stream:
        HtmlReporter().render([finding(doc, 0, 19, "m")], {doc.path: doc}, stream)
    data = data_of(out.read_text())
    assert data["stories"][0]["d"] == [0] and data["findings"][0]["s"] == 0


def test_the_page_loads_nothing_from_outside():
    html = page(report_data(Report([])))
    assert "default-src 'none'" in html
    for attribute in re.findall(r'\b(?:src|href)\s*=\s*"([^"]*)"', html):
        assert attribute.startswith("#"), f"the page refers to {attribute!r}"
    assert not re.search(r"\b(?:fetch|XMLHttpRequest|import)\s*\(", html)


def test_cli_writes_the_page_with_every_finding_of_the_json_output(run_cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    as_json = run_cli("seeds", "--no-cache", "--format", "json")
    html = run_cli("seeds", "--no-cache", "--format", "html", "--output", "report.html")
    assert as_json.returncode == html.returncode == 1
    expected = [
        (f["path"], f["line"], f["column"], f["code"], f["message"])
        for f in json.loads(as_json.stdout)["findings"]
    ]
    data = data_of((tmp_path / "report.html").read_text(encoding="utf-8"))
    shown = [(f["p"], f["l"], f["k"], f["c"], f["m"]) for f in data["findings"]]
    assert shown == expected and expected
    assert all(f["s"] is not None for f in data["findings"]), (
        "every seeds finding is highlighted in its article"
    )
    assert [len(s["d"]) for s in data["stories"]] == [3]


def test_the_plugin_pages_reporter_example_works(tmp_path):
    from tests.conftest import ROOT

    page_text = (ROOT / "docs" / "writing-a-plugin.md").read_text(encoding="utf-8")
    example = next(
        b for b in re.findall(r"```python\n(.*?)```", page_text, re.DOTALL) if "render_report" in b
    )
    namespace: dict = {}
    exec(example, namespace)
    reporter = next(v for v in namespace.values() if isinstance(v, type) and hasattr(v, "render_report"))()
    plugins = load_plugins()
    config = Config()
    result = run(Linter(plugins, build_rules(config, plugins.rules), config), [str(SEEDS)])
    out = tmp_path / "out.csv"
    with out.open("w", encoding="utf-8") as stream:
        render(reporter, Report(result.findings, result.documents, result.stories, plugins.rules), stream)
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == len(result.findings) == 16
    nl201 = next(r for r in rows if ",NL201," in r)
    assert nl201.endswith(plugins.rules["NL201"].summary)


def test_with_corpus_the_archive_articles_a_finding_points_at_are_named_not_shown(run_cli, tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    (tmp_path / "archive").mkdir()
    for path in (seeds[0], seeds[2]):
        shutil.copy(path, tmp_path / "archive" / path.name)
    (tmp_path / "archive" / "unrelated.txt").write_text("The council met on Monday to discuss the budget.\n")
    # The whole archive one story, so that one article of it is unrelated to every finding.
    (tmp_path / "rules.yaml").write_text("story: run\n", encoding="utf-8")
    shutil.copy(seeds[1], tmp_path / "new.txt")
    run_cli("new.txt", "--corpus", "archive", "--no-cache", "--format", "html", "--output", "r.html")
    data = data_of((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert len(data["stories"]) == 1
    story = data["stories"][0]
    shown = {data["docs"][d]["p"]: data["docs"][d]["t"] is not None for d in story["d"]}
    # The new article with its text; the archive's two other spellings of the name, named only.
    assert shown == {"new.txt": True, f"archive/{seeds[0].name}": False, f"archive/{seeds[2].name}": False}
    assert story["h"] == 1, "the archive article nothing points at is counted, not listed"
    nl302 = next(f for f in data["findings"] if f["c"] == "NL302")
    assert {data["docs"][r["d"]]["p"] for r in nl302["r"]} == {
        f"archive/{seeds[0].name}",
        f"archive/{seeds[2].name}",
    }
