"""Every finding points at its text in the ORIGINAL file, whatever the format."""

from __future__ import annotations

import json

import pytest

MARKDOWN = """\
---
title: "Strike near the capital"
outlet: Example Times
story: capital-strike
---

# Strike near the *capital*

According to [an unnamed military source](https://example.org/a), the **missiles** were intercepted.
Many believe the strikes were a reaction.

> Critics say the strikes will go on.
"""

HTML = """\
<!doctype html>
<html><head><title>Strike</title>
<script>var note = "many believe";</script></head>
<body><nav>Home | critics say</nav>
<article><h1>Strike</h1>
<p>According to <a href="/x">an unnamed military&nbsp;source</a>, the missiles
were intercepted.</p>
<p>Many believe it &mdash; was a reaction.</p></article>
<footer>critics say</footer>
</body></html>
"""

TEXT = (
    "Headline\r\n\r\nAn\u00a0unnamed military source said the missiles were intercepted.\rMany believe it.\n"
)


def _flagged(source: str, f: dict) -> str:
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert f["line"] == f["end_line"]
    return lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("story.md", MARKDOWN, {"an unnamed military source", "Many believe", "Critics say"}),
        ("story.html", HTML, {"an unnamed military&nbsp;source", "Many believe"}),
        ("story.txt", TEXT, {"An\u00a0unnamed military source", "Many believe"}),
    ],
)
def test_findings_point_at_the_original_text(run_cli, tmp_path, name, content, expected):
    (tmp_path / name).write_bytes(content.encode("utf-8"))
    proc = run_cli("--no-config", "--format", "json", name)
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert {_flagged(content, f) for f in findings} == expected


def test_html_leaves_out_scripts_navigation_and_footer(run_cli, tmp_path):
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    findings = json.loads(run_cli("--no-config", "--format", "json", "page.html").stdout)["findings"]
    assert all(f["line"] in (6, 8) for f in findings), findings


def test_markdown_front_matter_becomes_metadata():
    from newslint.readers.markdown import MarkdownReader

    doc = MarkdownReader().read("s.md", MARKDOWN)
    assert doc.metadata["story"] == "capital-strike"
    assert doc.metadata["outlet"] == "Example Times"
    assert "title:" not in doc.text and "https://" not in doc.text and "**" not in doc.text
    assert doc.text.startswith("Strike near the capital")


def test_broken_front_matter_is_reported_at_its_line(run_cli, tmp_path):
    (tmp_path / "bad.md").write_text(
        "---\ntitle: [unclosed\n---\nAn unnamed official said so.\n", encoding="utf-8"
    )
    proc = run_cli("--no-config", "bad.md")
    assert "bad.md:" in proc.stdout and "NL003" in proc.stdout
    assert "NL201" in proc.stdout  # the body is still linted


def test_a_range_outside_the_text_is_clipped_to_it():
    """A rule whose arithmetic goes wrong still points inside the file (once: line 0, column -104)."""
    from newslint import Document, Location

    doc = Document.from_text("One line.\nTwo.")
    assert doc.locate(-100, -50) == Location("<text>", 1, 1, 1, 2)
    assert doc.locate(3, 500) == Location("<text>", 1, 4, 2, 5)
    assert doc.locate(500, 600) == Location("<text>", 2, 4, 2, 5)
    assert Document.from_text("").locate(-3, 4) == Location("<text>", 1, 1, 1, 1)


def test_template_tags_in_markdown_are_markup_not_prose():
    """Hugo shortcodes, Liquid tags and their code blocks: blanked like comments, offsets kept."""
    from newslint.readers.markdown import MarkdownReader

    source = (
        "---\ntitle: T\n---\n"
        '{{< figure src="a.jpg" caption="Critics say it failed" >}}\n\n'
        'An unnamed official said {{< ref "x.md" >}} the road was closed in {{ site.city }}.\n\n'
        "{% highlight python %}\nx = 'Many believe this'\n{% endhighlight %}\n\n"
        "{% comment %}Critics say so{% endcomment %}\n"
        "{{% note %}}Police said two people were killed.{{% /note %}}\n"
    )
    document = MarkdownReader().read("a.md", source)
    prose = " ".join(document.text.split())
    assert prose == "An unnamed official said the road was closed in . Police said two people were killed."
    start = document.text.index("Police")
    assert source[document.source_offset(start) :].startswith("Police said")
