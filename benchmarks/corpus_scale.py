"""How the story (reduce) pass scales: all gva-incidents articles as one story.

The map step (each corpus rule's ``collect``) runs once per article; the
reduce step (``check_corpus``) is then timed on the first 1,000, 3,000 and
all articles taken as a single story group, the worst case for a rule that
compares articles. Near-linear growth means the rules index their facts
(names blocked by a surname key, casualty figures bucketed by value) instead
of comparing pairs.

Usage::

    python benchmarks/corpus_scale.py [--shared PATH] [--sizes 1000,3000,6224]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_dir(given: str | None) -> Path:
    return Path(given or os.environ.get("NEWSLINT_SHARED") or ROOT.parent / "shared")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared folder (default: $NEWSLINT_SHARED or ../shared)")
    ap.add_argument("--sizes", default="1000,3000,0", help="story sizes to time (0: every article)")
    args = ap.parse_args(argv)
    corpus = shared_dir(args.shared) / "corpora" / "gva-incidents"
    if not corpus.exists():
        print(f"corpus_scale: no corpus at {corpus}", file=sys.stderr)
        return 2

    from newslint import CorpusRule, Document
    from newslint.plugins import load_plugins

    rules = [r() for r in load_plugins().rules.values() if issubclass(r, CorpusRule)]
    with open(corpus / "articles.jsonl", encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh]

    started = time.perf_counter()
    facts: dict[str, dict[str, list]] = {r.code: {} for r in rules}
    for a in articles:
        doc = Document.from_text(a["text"], path=f"{a['cluster']}/{a['id']}.txt")
        for r in rules:
            facts[r.code][doc.path] = r.collect(doc)
    mapped = time.perf_counter() - started
    print(
        f"map (collect) over {len(articles)} articles: {mapped:.1f} s, rules: {', '.join(r.code for r in rules)}"
    )

    paths = list(facts[rules[0].code]) if rules else []
    print(f"{'articles':>8}  {'facts':>7}  {'reduce s':>8}  {'per 1k':>7}  findings by rule")
    for size in [int(x) for x in args.sizes.split(",")]:
        chosen = paths[: size or len(paths)]
        n_facts = 0
        counts = {}
        took = 0.0
        for r in rules:
            group = {p: facts[r.code][p] for p in chosen}
            n_facts += sum(len(v) for v in group.values())
            t0 = time.perf_counter()
            found = sum(1 for _ in r.check_corpus(group))
            spent = time.perf_counter() - t0
            took += spent
            counts[r.code] = f"{found} ({spent:.2f} s)"
        per = took / len(chosen) * 1000
        shown = " ".join(f"{c}={n}" for c, n in counts.items())
        print(f"{len(chosen):>8}  {n_facts:>7}  {took:>8.2f}  {per:>7.3f}  {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
