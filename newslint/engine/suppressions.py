"""Suppressions applied: findings silenced in the article or by rules.yaml, and suppressions that silence nothing.

Readers find what an article says (comments and front matter,
:mod:`newslint.suppressions`) and keep it in each document's result as
ranges of lines; rules.yaml adds ``per-file-ignores``. Both are applied here,
after the cache, so editing them never costs a re-lint. A code is matched by
the one selector matcher (:func:`newslint.config.selection.selects`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from newslint.config.selection import selects
from newslint.engine.discovery import glob_match, relative_to_root
from newslint.findings import Finding
from newslint.rule import Rule
from newslint.suppressions import WHOLE_FILE, Suppression, UnusedSuppression

__all__ = ["apply_suppressions", "unused_suppressions"]


def apply_suppressions(
    findings: Iterable[Finding],
    inline: Mapping[str, Sequence[Suppression]],
    per_file_ignores: Mapping[str, Sequence[str]],
    root: Path,
) -> tuple[list[Finding], list[Finding]]:
    """The findings kept and the findings silenced.

    :param inline: path -> the suppressions its article holds.
    :param per_file_ignores: glob (relative to ``root``, where rules.yaml is) -> selectors.
    """
    kept: list[Finding] = []
    silenced: list[Finding] = []
    for f in findings:
        ranges = inline.get(f.path, ())
        if any(_covers(code, first, last, f) for code, first, last in ranges) or (
            per_file_ignores and _ignored_in_file(f, per_file_ignores, root)
        ):
            silenced.append(f)
        else:
            kept.append(f)
    return kept, silenced


def _covers(code: str, first: int, last: int, finding: Finding) -> bool:
    return first <= finding.line <= last and selects(code, finding.code, finding.rule)


def _ignored_in_file(f: Finding, per_file_ignores: Mapping[str, Sequence[str]], root: Path) -> bool:
    rel = relative_to_root(f.path, root)
    return any(
        glob_match(rel, [pattern]) and any(selects(c, f.code, f.rule) for c in codes)
        for pattern, codes in per_file_ignores.items()
    )


def unused_suppressions(
    suppressions: Mapping[str, Sequence[Suppression]],
    suppressed: Iterable[Finding],
    rules: Mapping[str, type[Rule]],
    enabled: Iterable[str],
) -> Iterator[Finding]:
    """An NL010 finding for each suppression that silenced none of ``suppressed``.

    ``rules`` are all known rules (code -> class) and ``enabled`` the codes that
    ran: a suppression of a rule that did not run cannot be judged and is left
    alone; one that names no rule at all is reported as such.
    """
    by_path: dict[str, list[Finding]] = {}
    for f in suppressed:
        by_path.setdefault(f.path, []).append(f)
    enabled = set(enabled)
    for path, ranges in sorted(suppressions.items()):
        hits = by_path.get(path, [])
        for code, first, last in ranges:
            if any(_covers(code, first, last, f) for f in hits):
                continue
            matching = [c for c, rule in rules.items() if selects(code, rule.code, rule.name)]
            if matching and not enabled.intersection(matching):
                continue
            what = "every rule" if code == "*" else code
            line = max(first, 1)
            if last >= WHOLE_FILE:
                where = "in this file (front matter)"
                line = 1
            elif first == last:
                where = f"on line {first}"
            else:
                where = f"on lines {first}-{last}"
            yield Finding(
                path,
                line,
                1,
                line,
                2,
                UnusedSuppression.code,
                UnusedSuppression.name,
                UnusedSuppression.severity,
                f"suppression of {what} {where} silences nothing; remove it"
                if matching
                else f"suppression of {what} {where}: no rule has this code, prefix or name",
                text=f"{code} {where}",
            )
