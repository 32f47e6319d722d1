"""Casualty figures on real multi-outlet clusters of gun-violence reports.

Reads the gva-incidents corpus (articles.jsonl, incidents.jsonl; see its
SOURCE.md) and reports:

1. how often the killed and injured figures newslint reads off an article
   (``newslint.analysis.casualties.tally``) equal the Gun Violence Archive's
   final counts for the incident, exactly (both numbers) and per number;
2. the same with early reports allowed to lag: a victim the article counts as
   injured who died later (same total, fewer killed) is not a miss;
3. how many conflicting-figure findings (NL403) the clusters produce.

Usage::

    python benchmarks/gva.py [--shared PATH] [--limit N] [--show N]

``--show`` prints mismatches to study, never from the clusters of the
editorial test split (benchmarks/gold/stories-test.yaml).

The corpus folder is PATH/corpora/gva-incidents, PATH defaulting to
$NEWSLINT_SHARED or ../shared beside the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_dir(given: str | None) -> Path:
    return Path(given or os.environ.get("NEWSLINT_SHARED") or ROOT.parent / "shared")


def load(corpus: Path) -> tuple[list[dict], dict[str, dict]]:
    incidents = {}
    with open(corpus / "incidents.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            incidents[d["cluster"]] = d
    with open(corpus / "articles.jsonl", encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh]
    return articles, incidents


_SITE_SUFFIX = re.compile(r"\s+(?:[-|:–]|::)\s+.*$")


def document_of(article: dict):
    """The article as newslint reads it: its headline (site name cut off) above its text."""
    from newslint import Document

    title = _SITE_SUFFIX.sub("", (article.get("title") or "").strip())
    text = f"{title}\n\n{article['text']}" if title else article["text"]
    metadata = {k: str(article[k]) for k in ("outlet", "date") if article.get(k)}
    return Document.from_text(text, path=f"{article['cluster']}/{article['id']}.txt", metadata=metadata)


def _test_clusters() -> set[str]:
    """The clusters of the editorial test split: scored here, never shown."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from editorial_gold import GOLD, load_gold

    path = GOLD / "stories-test.yaml"
    return set(load_gold(path)["ids"]) if path.exists() else set()


def evaluate(corpus: Path, limit: int = 0, show: int = 0) -> dict[str, float]:
    """Exact-match rates of the read tallies, and NL403 findings over the clusters."""
    from newslint import Analysis, Story, StoryDocument
    from newslint.analysis.casualties import tally
    from newslint_plugins.casualties import ConflictingCasualtyFigures

    rule = ConflictingCasualtyFigures()

    articles, incidents = load(corpus)
    hidden = _test_clusters()
    scored = [
        a
        for a in articles
        if not a["suspect_boilerplate"] and incidents.get(a["cluster"], {}).get("num_killed") is not None
    ]
    if limit:
        scored = scored[:limit]
    counts: Counter[str] = Counter()
    shown = 0
    facts_by_cluster: dict[str, dict[str, list]] = defaultdict(dict)
    documents_by_cluster: dict[str, list[StoryDocument]] = defaultdict(list)
    started = time.process_time()
    chars = 0
    for a in scored:
        gold = incidents[a["cluster"]]
        want_k, want_i = int(gold["num_killed"]), int(gold["num_injured"])
        doc = document_of(a)
        chars += len(doc.text)
        analysis = Analysis(doc)
        k, i = tally(analysis.casualties)
        facts_by_cluster[a["cluster"]][doc.path] = rule.collect(doc, analysis)
        documents_by_cluster[a["cluster"]].append(StoryDocument.of(doc.path, doc.metadata))
        counts["articles"] += 1
        counts["killed"] += k == want_k
        counts["injured"] += i == want_i
        exact = k == want_k and i == want_i
        counts["both"] += exact
        # An early report: a victim it counts as injured died later.
        counts["lag"] += exact or (k + i == want_k + want_i and k < want_k)
        if not exact and shown < show and a["cluster"] not in hidden:
            shown += 1
            print(f"--- {a['cluster']} {a['outlet']}: read {k} killed {i} injured, GVA {want_k}/{want_i}")
            for c in analysis.casualties:
                print(f"    {doc.text[c.start : c.end]!r} -> {c.figure()} {c.condition} ({c.group_key})")
    cpu = time.process_time() - started

    conflicts = clusters_with = multi = 0
    for cluster, cluster_facts in facts_by_cluster.items():
        if len(cluster_facts) < 2:
            continue
        multi += 1
        story = Story(cluster, documents_by_cluster[cluster], {rule.kind(): cluster_facts})
        found = list(rule.check_corpus(story))
        conflicts += len(found)
        clusters_with += bool(found)
    n = counts["articles"] or 1
    return {
        "articles": counts["articles"],
        "killed": counts["killed"] / n,
        "injured": counts["injured"] / n,
        "both": counts["both"] / n,
        "lag": counts["lag"] / n,
        "conflicts": conflicts,
        "clusters_with_conflicts": clusters_with,
        "clusters": multi,
        "mb": chars / 1e6,
        "cpu": cpu,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared folder (default: $NEWSLINT_SHARED or ../shared)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N scored articles")
    ap.add_argument("--show", type=int, default=0, help="print N mismatches")
    args = ap.parse_args(argv)
    corpus = shared_dir(args.shared) / "corpora" / "gva-incidents"
    if not corpus.exists():
        print(f"gva: no corpus at {corpus}", file=sys.stderr)
        return 2
    r = evaluate(corpus, args.limit, args.show)
    print(f"articles scored: {r['articles']} (non-boilerplate, incident with GVA counts)")
    print(f"killed exact:    {r['killed']:.3f}")
    print(f"injured exact:   {r['injured']:.3f}")
    print(f"both exact:      {r['both']:.3f}")
    print(f"both, lag-tolerant (injured who died later): {r['lag']:.3f}")
    print(
        f"NL403 findings: {r['conflicts']} in {r['clusters_with_conflicts']} of {r['clusters']}"
        " clusters with 2+ scored articles"
    )
    print(f"analysis CPU time: {r['cpu']:.1f} s for {r['mb']:.1f} MB ({r['mb'] / r['cpu']:.2f} MB/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
