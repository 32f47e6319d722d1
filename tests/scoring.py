"""Precision and recall of newslint's findings against an expected-findings file.

The file lists snippets of article text with a family (code prefix) and a kind:
expect (must be found), allow (fine either way) or avoid (a false alarm). A
finding of a listed family that overlaps no expect/allow snippet is a false alarm.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML


@dataclass
class FamilyScore:
    hits: int = 0
    false_alarms: list[dict] = field(default_factory=list)
    expected: int = 0
    found_expected: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        total = self.hits + len(self.false_alarms)
        return self.hits / total if total else 1.0

    @property
    def recall(self) -> float:
        return self.found_expected / self.expected if self.expected else 1.0


def _offset(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def score(findings: list[dict], gold_path: Path, root: Path) -> dict[str, FamilyScore]:
    items = YAML(typ="safe").load(gold_path.read_text(encoding="utf-8"))["items"]
    texts: dict[str, str] = {}
    spans = defaultdict(list)
    scores: dict[str, FamilyScore] = defaultdict(FamilyScore)
    for i, it in enumerate(items):
        name = it["file"]
        if name not in texts:
            texts[name] = (root / name).read_text(encoding="utf-8")
        pos = -1
        for _ in range(int(it.get("occurrence", 1))):
            pos = texts[name].find(it["text"], pos + 1)
            assert pos >= 0, f"snippet not in {name}: {it['text']!r}"
        spans[(name, it["family"])].append((pos, pos + len(it["text"]), it["kind"], i))
        if it["kind"] == "expect":
            scores[it["family"]].expected += 1
    hit: set[int] = set()
    for f in findings:
        name = Path(f["path"]).name
        fam = f["code"][:3]
        if name not in texts or fam not in scores:
            continue
        a = _offset(texts[name], f["line"], f["column"])
        b = max(_offset(texts[name], f["end_line"], f["end_column"]), a + 1)
        ok = False
        for s, e, kind, i in spans[(name, fam)]:
            if a < e and s < b and kind in ("expect", "allow"):
                ok = True
                if kind == "expect":
                    hit.add(i)
        if ok:
            scores[fam].hits += 1
        else:
            scores[fam].false_alarms.append(f)
    for (name, fam), lst in spans.items():
        for s, e, kind, i in lst:
            if kind == "expect":
                if i in hit:
                    scores[fam].found_expected += 1
                else:
                    scores[fam].missed.append(f"{name}: {texts[name][s:e]!r}")
    return dict(scores)
