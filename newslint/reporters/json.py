"""``--format json``: the stable contract that tools and tests rely on."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from newslint.document import Document
from newslint.findings import Finding
from newslint.markers import hookimpl
from newslint.printable import printable

__all__ = ["JSON_VERSION", "JsonReporter", "newslint_reporters"]

#: Bumped only when the shape changes incompatibly.
JSON_VERSION = 1


class JsonReporter:
    name = "json"
    description = 'machine-readable: {"version": 1, "findings": [...]} (see README)'
    needs_source = False

    def render(self, findings: Sequence[Finding], documents: Mapping[str, Document], stream: TextIO) -> None:
        json.dump(
            {"version": JSON_VERSION, "findings": [_printable_paths(f.to_dict()) for f in findings]},
            stream,
            ensure_ascii=False,
            indent=2,
        )
        stream.write("\n")


def _printable_paths(finding: dict[str, Any]) -> dict[str, Any]:
    """Paths whose bytes are not UTF-8 escaped, so the output is valid UTF-8 JSON."""
    finding["path"] = printable(finding["path"])
    for related in finding["related"]:
        related["path"] = printable(related["path"])
    return finding


@hookimpl
def newslint_reporters() -> list[JsonReporter]:
    return [JsonReporter()]
