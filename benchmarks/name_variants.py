"""Name-variant findings checked against ECB+ gold cross-document coreference.

Each ECB+ cluster (one seminal event, 3-22 articles) is linted as one story.
For every NL301/NL302 finding, the flagged spelling and the other spelling its
related location points at are looked up among the gold mentions (person and
organisation mentions with an entity id): the finding is a true variant when
both spans overlap gold mentions of the same entity, a false one when they
overlap mentions of different entities, and unjudged when either end has no
gold mention. ECB+ annotates only some sentences fully, so when a flagged
span has no gold mention, a gold mention in the same article containing the
spelling's last word stands for it.

Usage::

    python benchmarks/name_variants.py [--shared PATH] [--show N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PEOPLE = ("HUMAN_PART_PER", "HUMAN_PART_ORG", "HUMAN_PART_GPE", "HUMAN_PART_MET")


def shared_dir(given: str | None) -> Path:
    return Path(given or os.environ.get("NEWSLINT_SHARED") or ROOT.parent / "shared")


def _offset(line_starts: list[int], line: int, column: int) -> int:
    return line_starts[line - 1] + column - 1


def _quoted(message: str) -> str:
    m = re.search(r"“([^”]+)”", message)
    return m.group(1) if m else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared folder (default: $NEWSLINT_SHARED or ../shared)")
    ap.add_argument("--show", type=int, default=0, help="print N findings with their verdicts")
    args = ap.parse_args(argv)
    corpus = shared_dir(args.shared) / "corpora" / "ecbplus"
    if not corpus.exists():
        print(f"ecbplus: no corpus at {corpus}", file=sys.stderr)
        return 2

    from newslint import Analysis, Document, Story, StoryDocument
    from newslint_plugins.names import NameSpellingAcrossStory, NameSpellingInArticle

    with open(corpus / "articles.jsonl", encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh]
    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    with open(corpus / "mentions.jsonl", encoding="utf-8") as fh:
        for line in fh:
            m = json.loads(line)
            if m["type"] in _PEOPLE and m["instance_id"]:
                mentions[m["doc"]].append((m["start"], m["end"], m["instance_id"]))

    clusters: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        clusters[a["cluster"]].append(a)
    in_article, across = NameSpellingInArticle(), NameSpellingAcrossStory()
    verdicts = {"true": 0, "false": 0, "unjudged": 0}
    shown = 0
    findings = 0
    for cluster, members in sorted(clusters.items()):
        docs = {a["id"]: Document.from_text(a["text"], path=a["id"]) for a in members}
        analyses = {p: Analysis(d) for p, d in docs.items()}
        starts = {p: [0] + [i + 1 for i, ch in enumerate(d.text) if ch == "\n"] for p, d in docs.items()}
        violations = [v for p, d in docs.items() for v in in_article.check(d, analyses[p])]
        story = Story(
            cluster,
            [StoryDocument.of(p, d.metadata) for p, d in docs.items()],
            {across.kind(): {p: across.collect(d, analyses[p]) for p, d in docs.items()}},
        )
        violations += list(across.check_corpus(story))
        for v in violations:
            findings += 1
            ends = [(v.location, v.text)] + [(r.location, _quoted(r.message)) for r in v.related[:1]]
            ids = []
            for loc, spelling in ends:
                a = _offset(starts[loc.path], loc.line, loc.column)
                b = _offset(starts[loc.path], loc.end_line, loc.end_column)
                found = {i for s, e, i in mentions[loc.path] if s < b and a < e}
                if not found and spelling:
                    # ECB+ annotates some sentences only: any gold mention of this
                    # spelling's last word elsewhere in the article stands for it.
                    word = spelling.split()[-1]
                    text = docs[loc.path].text
                    found = {i for s, e, i in mentions[loc.path] if word in text[s:e].split()}
                ids.append(found)
            if len(ids) < 2 or not ids[0] or not ids[1]:
                verdict = "unjudged"
            else:
                verdict = "true" if ids[0] & ids[1] else "false"
            verdicts[verdict] += 1
            if shown < args.show:
                shown += 1
                print(
                    f"{cluster} {v.location.path}:{v.location.line}:{v.location.column} [{verdict}] {v.message}"
                )
    judged = verdicts["true"] + verdicts["false"]
    print(f"clusters: {len(clusters)}, articles: {len(articles)}")
    print(f"name-variant findings: {findings} (NL301 + NL302)")
    print(
        f"judged against gold: {judged}; true variants of one entity: {verdicts['true']}"
        + (f" ({verdicts['true'] / judged:.2f})" if judged else "")
        + f"; different entities: {verdicts['false']}; unjudged: {verdicts['unjudged']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
