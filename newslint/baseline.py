"""Baselines: adopt newslint on an archive without fixing every old story first.

``newslint archive/ --write-baseline newslint-baseline.json`` records today's
findings; ``newslint archive/ --baseline newslint-baseline.json`` then reports
only findings that are not in it.

A finding is known by its fingerprint: the rule code, the file (relative to
the baseline file, so the same baseline works from any working folder), the
flagged text normalised (case and runs of spaces folded) and which occurrence
of that text it is in the file. Line numbers are not part of it, so adding
a paragraph above an old finding does not make it new; a second identical
flagged phrase is a second occurrence, and is new.

A baseline never hides a failure: newslint's own notices (NL0xx: a file it
could not read, a rule that raised, a plugin that failed to load) are never
recorded, and never hidden by an entry an older version recorded. A run with
a baseline says how many findings it hid, and which of its entries match no
finding any more (fixed, or reworded), so the file can be rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newslint.findings import Finding

__all__ = [
    "BASELINE_VERSION",
    "NEVER_RECORDED",
    "BaselineError",
    "Filtered",
    "Fingerprint",
    "apply_baseline",
    "filter_baseline",
    "recordable",
    "fingerprints",
    "normalise",
    "read_baseline",
    "write_baseline",
]

#: Bumped only if fingerprints change meaning.
BASELINE_VERSION = 1

_SPACES = re.compile(r"\s+")
#: newslint's own notices: a baseline neither records nor hides them.
NEVER_RECORDED = "NL0"


class BaselineError(Exception):
    """A baseline file that cannot be read."""


@dataclass(frozen=True, order=True)
class Fingerprint:
    code: str
    path: str
    text: str
    occurrence: int

    def digest(self) -> str:
        """A stable hash, e.g. for SARIF ``partialFingerprints``."""
        key = "\x1f".join((self.code, self.path, self.text, str(self.occurrence)))
        # (surrogateescape: a file name's bytes that are not UTF-8 are hashed as they are)
        return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def normalise(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def _relative(path: str, root: Path | None) -> str:
    if root is None:
        return Path(path).as_posix()
    try:
        return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(path).as_posix()


def fingerprints(findings: Iterable[Finding], root: Path | None = None) -> list[tuple[Finding, Fingerprint]]:
    """Each finding with its fingerprint, counting occurrences in file order.

    A finding without flagged text (some story-level findings) is known by
    its message instead.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for f in sorted(findings):
        key = (f.code, _relative(f.path, root), normalise(f.text or f.message))
        out.append((f, Fingerprint(*key, seen[key])))
        seen[key] += 1
    return out


def recordable(finding: Finding) -> bool:
    """Whether a baseline may record (and so hide) this finding: not one of newslint's notices."""
    return not finding.code.startswith(NEVER_RECORDED)


def write_baseline(path: Path, findings: Sequence[Finding]) -> int:
    """Record the findings a baseline may hide in ``path``; returns how many."""
    root = path.resolve().parent
    entries = [
        {"code": fp.code, "path": fp.path, "text": fp.text, "occurrence": fp.occurrence, "line": f.line}
        for f, fp in fingerprints([f for f in findings if recordable(f)], root)
    ]
    data = {"version": BASELINE_VERSION, "findings": entries}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(entries)


def read_baseline(path: Path) -> set[Fingerprint]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: the baseline file does not exist") from None
    except (OSError, ValueError) as exc:  # (undecodable, invalid JSON, a number of 5,000 digits)
        raise BaselineError(f"{path}: not a newslint baseline ({exc})") from None
    except RecursionError:  # arrays nested thousands deep
        raise BaselineError(f"{path}: not a newslint baseline (nested too deeply)") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise BaselineError(f"{path}: not a version {BASELINE_VERSION} newslint baseline")
    try:
        return {Fingerprint(e["code"], e["path"], e["text"], int(e["occurrence"])) for e in data["findings"]}
    except (KeyError, TypeError, ValueError, OverflowError) as exc:  # (1e400 is an infinite occurrence)
        raise BaselineError(f"{path}: malformed entry ({exc})") from None


@dataclass
class Filtered:
    """Findings seen through a baseline."""

    #: The findings to report: new ones, and every newslint notice.
    kept: list[Finding]
    #: How many findings the baseline hid.
    hidden: int = 0
    #: Entries of the files linted that matched no finding (fixed, or reworded), sorted.
    stale: list[Fingerprint] = field(default_factory=list)


def apply_baseline(findings: Sequence[Finding], path: Path, linted: Iterable[str] = ()) -> Filtered:
    """The findings not in the baseline at ``path``, how many it hid, and its stale entries.

    :param linted: the paths of the files this run linted: only their entries
        can be judged stale (a run over some files of an archive says nothing
        of the others').
    """
    known = read_baseline(path)
    root = path.resolve().parent
    out = Filtered([])
    matched: set[Fingerprint] = set()
    for f, fp in fingerprints(findings, root):
        if fp in known and recordable(f):
            matched.add(fp)
            out.hidden += 1
        else:
            out.kept.append(f)
    files = {_relative(p, root) for p in linted}
    out.stale = sorted(fp for fp in known - matched if fp.path in files)
    return out


def filter_baseline(findings: Sequence[Finding], path: Path) -> list[Finding]:
    """The findings that are not in the baseline at ``path`` (newslint's notices always are)."""
    return apply_baseline(findings, path).kept
