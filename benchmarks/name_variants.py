"""Name-variant findings against gold: ECB+ coreference, and slips planted in real reports.

Two yardsticks:

**ECB+** (default). Each ECB+ cluster (one seminal event, 3-22 articles) is
linted as one story. For every NL301/NL302 finding, the flagged spelling and
the other spelling its related location points at are looked up among the
gold mentions (person and organisation mentions with an entity id): the
finding is a true variant when both spans overlap gold mentions of the same
entity, a false one when they overlap mentions of different entities, and
unjudged when either end has no gold mention. ECB+ annotates only some
sentences fully, so when a flagged span has no gold mention, a gold mention in
the same article containing the spelling's last word stands for it.

**Planted slips** (``--planted``). The gva-incidents reports name the people
of each incident, and the Gun Violence Archive lists them (``participants``):
who is a person comes from the archive, not from newslint. For each person
whose surname an article writes at least twice, one slip of a kind a copy desk
catches is planted in a copy of the article, at its last mention: two
neighbouring letters swapped ("Brzezinksi"), a letter dropped ("Gutierez"), a
consonant doubled ("Thompsson"), an inner vowel changed ("Kelsey"/"Kelsay"),
or the surname in lower case after the given name ("Jamie clayton"). Recall
is the share of planted slips that NL301 flags at the slip. Across a story,
every mention of the surname in one article of a cluster that names the person
in two or more articles is changed the same way, and NL302 must flag that
article. The untouched reports give the baseline: NL301 and NL302 findings
there are either real variants or false alarms (``--show`` lists them to be
read). The clusters of the editorial test split are left out.

Usage::

    python benchmarks/name_variants.py [--shared PATH] [--show N]
    python benchmarks/name_variants.py --planted [--limit N] [--show N] [--misses N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
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


def ecbplus(shared: Path, show: int) -> int:
    corpus = shared / "corpora" / "ecbplus"
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
            if shown < show:
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


# --- planted slips ---------------------------------------------------------

KINDS = ("swap", "drop", "double", "vowel", "lower")
_VOWEL_CHANGE = {"a": "e", "e": "a", "i": "e", "o": "a", "u": "o", "y": "i"}
_SUFFIX = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def _pick(seed: str, n: int) -> int:
    """A position chosen by hash: the same slip on every run."""
    return int(hashlib.sha1(seed.encode()).hexdigest()[:8], 16) % n


def plant(word: str, kind: str, seed: str) -> str | None:
    """``word`` with one slip of ``kind`` inside it (never its first letter), or None."""
    inner = range(1, len(word) - 1)
    if kind == "swap":
        spots = [i for i in inner if word[i] != word[i + 1]]
        if not spots:
            return None
        i = spots[_pick(seed, len(spots))]
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        spots = list(inner)
        i = spots[_pick(seed, len(spots))]
        return word[:i] + word[i + 1 :]
    if kind == "double":
        spots = [
            i for i in inner if word[i] not in "aeiouy" and word[i] != word[i - 1] and word[i] != word[i + 1]
        ]
        if not spots:
            return None
        i = spots[_pick(seed, len(spots))]
        return word[: i + 1] + word[i] + word[i + 1 :]
    if kind == "vowel":
        spots = [i for i in inner if word[i] in _VOWEL_CHANGE]
        if not spots:
            return None
        i = spots[_pick(seed, len(spots))]
        return word[:i] + _VOWEL_CHANGE[word[i]] + word[i + 1 :]
    if kind == "lower":
        return word.lower()
    raise ValueError(kind)


def _surname(name: str) -> tuple[str, str] | None:
    """(given name, surname) of an archive name ("Jordan Darell Baker"), or None."""
    words = [w for w in name.split() if w.lower() not in _SUFFIX]
    if len(words) < 2:
        return None
    given, last = words[0].capitalize(), words[-1]
    if not (last.isalpha() and last[0].isupper() and len(last) >= 5 and given.isalpha()):
        return None
    return given, last


def _people(incident: dict) -> list[tuple[str, str]]:
    """(given name, surname) of each named participant, one per surname (relatives share one)."""
    out: dict[str, tuple[str, str]] = {}
    for p in incident.get("participants") or []:
        named = _surname(p["name"]) if p.get("name") else None
        if named is not None:
            out.setdefault(named[1], named)
    return list(out.values())


def _word_spans(text: str, word: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w-])", text)]


def planted(shared: Path, limit: int, show: int, misses: int) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from editorial_gold import GOLD, load_gold
    from gva import document_of, load

    from newslint import Analysis, Document, Story, StoryDocument
    from newslint_plugins.names import NameSpellingAcrossStory, NameSpellingInArticle

    corpus = shared / "corpora" / "gva-incidents"
    if not corpus.exists():
        print(f"gva: no corpus at {corpus}", file=sys.stderr)
        return 2
    articles, incidents = load(corpus)
    test = set()
    test_gold = GOLD / "stories-test.yaml"
    if test_gold.exists():
        test = set(load_gold(test_gold)["ids"])
    usable = [a for a in articles if not a["suspect_boilerplate"] and a["cluster"] not in test]
    if limit:
        usable = usable[:limit]
    in_article, across = NameSpellingInArticle(), NameSpellingAcrossStory()
    started = time.process_time()

    def lint(doc: Document) -> tuple[list, list]:
        analysis = Analysis(doc)
        return list(in_article.check(doc, analysis)), across.collect(doc, analysis)

    def overlaps(v, doc: Document, spans: list[tuple[int, int]]) -> bool:
        return any(_within(v.location, doc.locate(s, e)) for s, e in spans)

    clusters: dict[str, list[Document]] = defaultdict(list)
    baseline: list[tuple[str, object]] = []
    facts: dict[str, dict[str, list]] = defaultdict(dict)
    hits: Counter[str] = Counter()
    cases: Counter[str] = Counter()
    missed: list[str] = []
    side: Counter[str] = Counter()
    for a in usable:
        doc = document_of(a)
        clusters[a["cluster"]].append(doc)
        found, collected = lint(doc)
        facts[a["cluster"]][doc.path] = collected
        baseline += [("NL301", v) for v in found]
        before = {v.location for v in found}
        for given, last in _people(incidents.get(a["cluster"], {})):
            spots = _word_spans(doc.text, last)
            if len(spots) < 2:
                continue
            for kind in KINDS:
                if kind == "lower":
                    pattern = rf"\b{re.escape(given)}\s+({re.escape(last)})\b"
                    full = [(m.start(1), m.end(1)) for m in re.finditer(pattern, doc.text)]
                    if not full:
                        continue
                    s, e = full[-1]
                else:
                    s, e = spots[-1]
                slip = plant(last, kind, f"{a['id']}:{last}:{kind}")
                if slip is None or slip == last or _word_spans(doc.text, slip):
                    continue
                if kind != "lower" and slip.lower() in doc.text.lower():
                    continue  # the slip makes a word the report already uses
                changed = Document.from_text(doc.text[:s] + slip + doc.text[e:], path=doc.path)
                flagged, _ = lint(changed)
                cases[kind] += 1
                if any(overlaps(v, changed, [(s, s + len(slip))]) for v in flagged):
                    hits[kind] += 1
                elif len(missed) < misses:
                    missed.append(f"{kind}: {last} -> {slip} in {doc.path}: …{_context(changed.text, s)}…")
                side[kind] += sum(
                    1
                    for v in flagged
                    if v.location not in before and not overlaps(v, changed, [(s, s + len(slip))])
                )
    # Across a story: one article spells the person's surname differently everywhere.
    story_hits: Counter[str] = Counter()
    story_cases: Counter[str] = Counter()
    story_baseline = []
    for cluster, docs in clusters.items():
        if len(docs) < 2:
            continue
        documents = [StoryDocument.of(d.path, d.metadata) for d in docs]
        story = Story(cluster, documents, {across.kind(): facts[cluster]})
        story_baseline += list(across.check_corpus(story))
        for _, last in _people(incidents.get(cluster, {})):
            naming = [d for d in docs if _word_spans(d.text, last)]
            if len(naming) < 2:
                continue
            target = naming[_pick(f"{cluster}:{last}", len(naming))]
            for kind in KINDS[:-1]:
                slip = plant(last, kind, f"{cluster}:{last}:{kind}")
                if slip is None or any(slip.lower() in d.text.lower() for d in docs):
                    continue
                spans = _word_spans(target.text, last)
                text = target.text
                for s, e in reversed(spans):
                    text = text[:s] + slip + text[e:]
                changed = Document.from_text(text, path=target.path, metadata=target.metadata)
                new_spans = _word_spans(text, slip)
                _, collected = lint(changed)
                story_facts = dict(facts[cluster])
                story_facts[target.path] = collected
                story = Story(cluster, documents, {across.kind(): story_facts})
                story_cases[kind] += 1
                flagged = [v for v in across.check_corpus(story) if v.location.path == target.path]
                if any(overlaps(v, changed, new_spans) for v in flagged):
                    story_hits[kind] += 1
                elif len(missed) < misses:
                    missed.append(
                        f"story {kind}: {last} -> {slip} in {target.path}: …{_context(text, new_spans[0][0])}…"
                    )
    cpu = time.process_time() - started
    print(f"articles: {len(usable)} (gva-incidents, test clusters left out), clusters: {len(clusters)}")
    print("NL301, one slip planted at the last mention of a named person:")
    for kind in KINDS:
        n = cases[kind]
        print(
            f"  {kind:7s} {hits[kind]:5d} / {n:5d} flagged ({hits[kind] / (n or 1):.2f}); other new findings {side[kind]}"
        )
    total, found = sum(cases.values()), sum(hits.values())
    print(f"  all     {found:5d} / {total:5d} ({found / (total or 1):.2f})")
    print("NL302, one article of a cluster spelling the surname differently throughout:")
    for kind in KINDS[:-1]:
        n = story_cases[kind]
        print(f"  {kind:7s} {story_hits[kind]:5d} / {n:5d} flagged ({story_hits[kind] / (n or 1):.2f})")
    total, found = sum(story_cases.values()), sum(story_hits.values())
    print(f"  all     {found:5d} / {total:5d} ({found / (total or 1):.2f})")
    print(
        f"untouched reports: {len(baseline)} NL301 findings in {len(usable)} articles, "
        f"{len(story_baseline)} NL302 findings in {sum(len(d) >= 2 for d in clusters.values())} clusters"
    )
    print(f"CPU time: {cpu:.1f} s")
    for line in missed:
        print("  missed", line)
    for code, v in (baseline + [("NL302", v) for v in story_baseline])[:show]:
        print(f"  {code} {v.location.path}:{v.location.line}:{v.location.column} {v.message}")
    return 0


def _within(inner, outer) -> bool:
    """Whether a finding's range overlaps another range (same file)."""
    if inner.path != outer.path:
        return False
    return (inner.line, inner.column) < (outer.end_line, outer.end_column) and (outer.line, outer.column) < (
        inner.end_line,
        inner.end_column,
    )


def _context(text: str, at: int) -> str:
    return " ".join(text[max(0, at - 60) : at + 40].split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared folder (default: $NEWSLINT_SHARED or ../shared)")
    ap.add_argument(
        "--show", type=int, default=0, help="print N findings (planted: on the untouched reports)"
    )
    ap.add_argument("--planted", action="store_true", help="slips planted in gva-incidents reports")
    ap.add_argument("--limit", type=int, default=0, help="planted: only the first N articles")
    ap.add_argument("--misses", type=int, default=0, help="planted: print N missed slips")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    if args.planted:
        return planted(shared, args.limit, args.show, args.misses)
    return ecbplus(shared, args.show)


if __name__ == "__main__":
    sys.exit(main())
