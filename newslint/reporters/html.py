"""``--format html``: one self-contained page a standards editor opens in a browser.

The page holds everything (CSS, JavaScript, the articles and findings as one
JSON block), loads nothing from the network and opens from ``file://`` or as a
CI artifact. It shows a summary (findings by rule, severity, outlet and story,
with a chart), then one story at a time: its articles side by side, findings
highlighted in the prose, lines drawn to their related places in the other
articles (the other spelling, the other toll, the other wording), and on a
click the message with the rule's explanation. Filters by rule and severity,
keyboard navigation and a print style are in the page's script and style
sheet (``assets/`` beside this module).

The stories are the engine's (:attr:`newslint.reporters.Report.stories`), never
regrouped here. Article text and messages travel as JSON and are put on the
page as text nodes, never as markup, so ``<script>`` in an article is shown,
not run; the page's content security policy refuses any network load.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from newslint.document import Document
from newslint.findings import Finding
from newslint.markers import hookimpl
from newslint.printable import printable
from newslint.reporters import Report
from newslint.reporters.sarif import rule_help
from newslint.spans import Location
from newslint.story import Story, StoryDocument

__all__ = ["HtmlReporter", "newslint_reporters", "page", "report_data", "script_json"]

#: Severities in the order the page lists them.
SEVERITIES = ("error", "warning", "info")
#: The label of the story a default run forms (every file of the run).
WHOLE_RUN = "All files of the run"

# Characters that must not appear raw in a <script> block (its end tag, a
# comment opener) or that JavaScript source once treated as line breaks.
_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def script_json(data: Any) -> str:
    """JSON safe to place inside ``<script type="application/json">``.

    No ``<`` survives, so no text can close the block or open a comment. Lone
    surrogates (undecodable file-name bytes) become JSON escapes.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


class _Utf16:
    """Code-point offsets of one text as UTF-16 offsets (what JavaScript strings count)."""

    def __init__(self, text: str) -> None:
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self.astral, offset) if self.astral else offset


class _Prose:
    """One document's prose, and where a location of its source falls in it."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.utf16 = _Utf16(document.text)

    def span(self, loc: Location) -> tuple[int, int] | None:
        """The prose range of a source location, in UTF-16 units; None outside the prose."""
        doc = self.document
        start = doc.text_offset(doc.source_offset_at(loc.line, loc.column))
        if start is None:
            return None
        last = doc.text_offset(doc.source_offset_at(loc.end_line, loc.end_column) - 1)
        end = last + 1 if last is not None and last >= start else start + 1
        end = min(end, len(doc.text))
        if end <= start:
            return None
        return self.utf16(start), self.utf16(end)


def _label(story: Story) -> str:
    if not story.id:
        return WHOLE_RUN
    for prefix in ("key:", "folder:"):
        if story.id.startswith(prefix):
            return story.id[len(prefix) :] or WHOLE_RUN
    return story.id


def _reflow(text: str) -> str:
    """A docstring's hard-wrapped paragraphs as running text; indented lines and list items kept."""
    out = []
    for para in text.split("\n\n"):
        lines = para.split("\n")
        if any(line.startswith((" ", "\t")) for line in lines):
            out.append(para)
            continue
        merged: list[str] = []
        for line in lines:
            if merged and not line.lstrip().startswith(("- ", "* ")):
                merged[-1] += " " + line.strip()
            else:
                merged.append(line.strip())
        out.append("\n".join(merged))
    return "\n\n".join(out)


def _rule_entry(code: str, findings: Iterable[Finding], rules: Mapping[str, Any]) -> dict[str, Any]:
    rule = rules.get(code)
    if rule is None:
        name = next((f.rule for f in findings if f.code == code), "")
        return {"n": name, "s": "", "v": "", "x": ""}
    return {"n": rule.name, "s": rule.summary, "v": rule.severity.value, "x": _reflow(rule_help(rule))}


def report_data(report: Report) -> dict[str, Any]:
    """The page's data: articles grouped by the engine's stories, findings placed in their prose.

    Keys are short, since a report of thousands of articles carries them once
    per finding: a document is ``{p: path, o: outlet, ti: title, da: date,
    t: prose or null}``; a finding ``{d: document index or -1, p: path,
    s/e: prose range or null, l/k: line/column, c: code, v: severity,
    m: message, r: related places (the same keys)}``.
    """
    findings = report.findings
    documents = report.documents
    with_findings = {f.path for f in findings}
    related = {r.location.path for f in findings for r in f.related}

    stories: list[tuple[str, list[StoryDocument], int]] = []
    for story in report.stories:
        shown = [
            d for d in story.documents if d.path in documents or d.path in with_findings or d.path in related
        ]
        if shown:
            stories.append((_label(story), shown, len(story.documents) - len(shown)))
    grouped = {d.path for _, docs, _ in stories for d in docs}
    loose = [StoryDocument.of(p, documents[p].metadata) for p in sorted(documents) if p not in grouped]
    if loose:
        stories.append((WHOLE_RUN if not report.stories else "Articles in no story", loose, 0))

    docs: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    prose: dict[str, _Prose] = {}
    out_stories: list[dict[str, Any]] = []
    for label, members, hidden in stories:
        ids = []
        for member in members:
            if member.path not in index:
                index[member.path] = len(docs)
                document = documents.get(member.path)
                if document is not None and document.text:
                    prose[member.path] = _Prose(document)
                docs.append(
                    {
                        "p": printable(member.path),
                        "o": member.outlet,
                        "ti": member.title,
                        "da": member.date,
                        "t": document.text if document is not None else None,
                        "st": len(out_stories),
                    }
                )
            ids.append(index[member.path])
        out_stories.append({"l": label, "d": ids, "h": hidden})

    def place(loc: Location, message: str) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "d": index.get(loc.path, -1),
            "p": printable(loc.path),
            "l": loc.line,
            "k": loc.column,
            "m": message,
        }
        span = prose[loc.path].span(loc) if loc.path in prose else None
        entry["s"], entry["e"] = span if span is not None else (None, None)
        return entry

    out_findings = []
    for f in findings:
        entry = place(f.location, f.message)
        entry.update(c=f.code, v=f.severity.value, r=[place(r.location, r.message) for r in f.related])
        out_findings.append(entry)

    from newslint import __version__

    codes = sorted({f.code for f in findings})
    return {
        "version": __version__,
        "files": report.files or len(documents),
        "severities": list(SEVERITIES),
        "rules": {code: _rule_entry(code, findings, report.rules) for code in codes},
        "stories": out_stories,
        "docs": docs,
        "findings": out_findings,
    }


def _asset(name: str) -> str:
    from importlib import resources

    return (resources.files("newslint.reporters") / "assets" / name).read_text(encoding="utf-8")


def page(data: Mapping[str, Any]) -> str:
    """The whole page for the data of :func:`report_data`."""
    template = _asset("report.html")
    parts = {
        "{{CSS}}": _asset("report.css"),
        "{{JS}}": _asset("report.js"),
        "{{DATA}}": script_json(data),
    }
    # One pass over the template: nothing inserted is searched again.
    out = []
    rest = template
    while True:
        positions = [(rest.find(key), key) for key in parts if key in rest]
        if not positions:
            out.append(rest)
            break
        at, key = min(positions)
        out.append(rest[:at])
        out.append(parts[key])
        rest = rest[at + len(key) :]
    return "".join(out)


class HtmlReporter:
    name = "html"
    description = (
        "one self-contained page for a browser: each story's articles side by side (use --output FILE)"
    )
    needs_source = True
    needs_stories = True

    def render(self, findings: Sequence[Finding], documents: Mapping[str, Document], stream: TextIO) -> None:
        self.render_report(Report(findings, documents), stream)

    def render_report(self, report: Report, stream: TextIO) -> None:
        stream.write(page(report_data(report)))


@hookimpl
def newslint_reporters() -> list[HtmlReporter]:
    return [HtmlReporter()]
