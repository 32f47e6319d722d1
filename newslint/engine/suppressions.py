"""Suppressions applied: findings silenced in the article or by rules.yaml, suppressions that
silence nothing, and suppressions that name what does not exist.

Readers find what an article says (comments and front matter,
:mod:`newslint.suppressions`) and keep it in each document's result as
ranges of lines; rules.yaml adds ``per-file-ignores``. Both are applied here,
after the cache, so editing them never costs a re-lint. A code is matched by
the one selector matcher (:func:`newslint.config.selection.selects`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from newslint.config.selection import selects, unknown_selector
from newslint.engine.discovery import glob_match, relative_to_root
from newslint.findings import Finding
from newslint.rule import Rule
from newslint.suppressions import (
    DIRECTIVES,
    WHOLE_FILE,
    InvalidSuppression,
    Suppression,
    UnusedSuppression,
)

__all__ = ["apply_suppressions", "invalid_suppressions", "unused_suppressions"]


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
        if any(_covers(s, f) for s in ranges) or (
            per_file_ignores and _ignored_in_file(f, per_file_ignores, root)
        ):
            silenced.append(f)
        else:
            kept.append(f)
    return kept, silenced


def _covers(suppression: Suppression, finding: Finding) -> bool:
    return suppression.first <= finding.line <= suppression.last and selects(
        suppression.code, finding.code, finding.rule
    )


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
    alone; one that names no rule at all is :func:`invalid_suppressions`' to report.
    """
    by_path: dict[str, list[Finding]] = {}
    for f in suppressed:
        by_path.setdefault(f.path, []).append(f)
    enabled = set(enabled)
    for path, ranges in sorted(suppressions.items()):
        hits = by_path.get(path, [])
        for s in ranges:
            if not s.silences or any(_covers(s, f) for f in hits):
                continue
            matching = [c for c, rule in rules.items() if selects(s.code, rule.code, rule.name)]
            if not matching or not enabled.intersection(matching):
                continue  # no rule at all (NL011 says so), or none that ran: cannot be judged
            code, first, last = s.code, s.first, s.last
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
                f"suppression of {what} {where} silences nothing; remove it",
                text=f"{code} {where}",
            )


def invalid_suppressions(
    suppressions: Mapping[str, Sequence[Suppression]], rules: Mapping[str, type[Rule]]
) -> Iterator[Finding]:
    """An NL011 finding for each directive newslint does not know and each code that
    names no rule, at the place it is written, with the nearest valid one."""
    for path, written in sorted(suppressions.items()):
        for s in written:
            if s.directive not in (*DIRECTIVES, "ignore"):
                near = difflib.get_close_matches(s.directive, DIRECTIVES, n=1)
                hint = f" (did you mean 'newslint-{near[0]}'?)" if near else ""
                message = f"unknown directive 'newslint-{s.directive}'{hint}: it silences nothing"
                text = "newslint-" + s.directive
            elif s.code != "*" and (why := unknown_selector(s.code, rules)):
                message = f"suppression: {why}; it silences nothing"
                text = s.code
            else:
                continue
            yield Finding(
                path,
                s.line,
                s.column,
                s.line,
                s.column + len(text),
                InvalidSuppression.code,
                InvalidSuppression.name,
                InvalidSuppression.severity,
                message,
                text=text,
            )
