"""``--format sarif``: SARIF 2.1.0, the format of GitHub code scanning and other CI dashboards.

One run, with the rules that fired (their summary, their documentation as
help text, their default level) and one result per finding, located in the
original file with related locations (the other spelling, the other toll).
Columns are counted in Unicode code points, as newslint counts them, and
``partialFingerprints`` carries the baseline fingerprint so a dashboard can
follow a finding when lines move. Paths are relative to the root of the
repository (``%SRCROOT%``), wherever newslint ran, as code scanning needs them;
a file outside it is given by its absolute ``file://`` URI.

To show rule help the reporter needs the rules: the command line hands them
over through :meth:`SarifReporter.for_rules`.
"""

from __future__ import annotations

import json
import os
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from newslint.document import Document, Location
from newslint.findings import Finding, Severity
from newslint.markers import hookimpl
from newslint.printable import path_bytes, printable
from newslint.reporters.roots import from_root, repository_root
from newslint.rule import DOC_SECTIONS, Rule

__all__ = ["SARIF_SCHEMA", "SarifReporter", "artifact_uri", "newslint_reporters", "rule_help"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_help(rule: type[Rule]) -> str:
    """A rule's docstring as plain text (the first line is not indented like the rest)."""
    first, _, rest = (rule.__doc__ or "").strip().partition("\n")
    return (first.strip() + ("\n" + textwrap.dedent(rest) if rest else "")).strip()


def _markdown(text: str) -> str:
    for section in DOC_SECTIONS:
        text = text.replace(section + ":", f"**{section}:**", 1)
    return text


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference (``%SRCROOT%``-relative); an absolute one as file://."""
    p = Path(path)
    if p.is_absolute():
        return "file://" + quote(path_bytes(p.as_posix()), safe="/")
    posix = p.as_posix()
    # The file name's own bytes, percent-encoded: exact even when they are not UTF-8.
    return quote(path_bytes(posix[2:] if posix.startswith("./") else posix), safe="/")


def _physical(loc: Location, root: Path) -> dict[str, Any]:
    inside = from_root(loc.path, root)
    artifact: dict[str, Any] = {
        "uri": artifact_uri(inside if inside is not None else os.path.abspath(loc.path))
    }
    if inside is not None:
        artifact["uriBaseId"] = "%SRCROOT%"
    return {
        "artifactLocation": artifact,
        "region": {
            "startLine": loc.line,
            "startColumn": loc.column,
            "endLine": loc.end_line,
            "endColumn": loc.end_column,
        },
    }


class SarifReporter:
    name = "sarif"
    description = "SARIF 2.1.0 JSON, for GitHub code scanning and other CI dashboards"
    needs_source = False

    def __init__(self, rules: Mapping[str, type[Rule]] | None = None) -> None:
        self.rules = dict(rules or {})

    def for_rules(self, rules: Mapping[str, type[Rule]]) -> SarifReporter:
        """This reporter, knowing the rules (code -> class) whose help it shows."""
        return SarifReporter(rules)

    def _descriptor(self, code: str, name: str, severity: Severity) -> dict[str, Any]:
        rule = self.rules.get(code)
        descriptor: dict[str, Any] = {"id": code, "name": name}
        if rule is not None:
            doc = rule_help(rule)
            descriptor["shortDescription"] = {"text": rule.summary}
            descriptor["fullDescription"] = {"text": doc.split("\n\n", 1)[0].replace("\n", " ")}
            descriptor["help"] = {"text": doc, "markdown": _markdown(doc)}
            severity = rule.severity
        descriptor["defaultConfiguration"] = {"level": LEVELS[severity]}
        return descriptor

    def log(self, findings: Sequence[Finding]) -> dict[str, Any]:
        """The SARIF log as a dict."""
        from newslint.baseline import fingerprints
        from newslint.version import __version__

        root = repository_root()
        index: dict[str, int] = {}
        descriptors: list[dict[str, Any]] = []
        for f in sorted(findings, key=lambda f: f.code):
            if f.code not in index:
                index[f.code] = len(descriptors)
                descriptors.append(self._descriptor(f.code, f.rule, f.severity))
        digests = {id(f): fp.digest() for f, fp in fingerprints(findings, root)}
        results = []
        for f in findings:
            result: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": LEVELS[f.severity],
                "message": {"text": printable(f.message)},
                "locations": [{"physicalLocation": _physical(f.location, root)}],
                "partialFingerprints": {"newslint/v1": digests[id(f)]},
            }
            if f.related:
                result["relatedLocations"] = [
                    {
                        "id": i,
                        "physicalLocation": _physical(r.location, root),
                        "message": {"text": printable(r.message)},
                    }
                    for i, r in enumerate(f.related, 1)
                ]
            results.append(result)
        return {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "newslint",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": descriptors,
                        }
                    },
                    "originalUriBaseIds": {"%SRCROOT%": {"uri": artifact_uri(str(root)) + "/"}},
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }

    def render(self, findings: Sequence[Finding], documents: Mapping[str, Document], stream: TextIO) -> None:
        json.dump(self.log(findings), stream, ensure_ascii=False, indent=2)
        stream.write("\n")


@hookimpl
def newslint_reporters() -> list[SarifReporter]:
    return [SarifReporter()]
