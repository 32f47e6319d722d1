"""Stories found automatically: the grouping against gold incident clusters, and at archive scale.

``gva`` writes every gva-incidents article not flagged ``suspect_boilerplate``
(5,763) as a .txt file in one folder (its headline, a blank line, its text, as
benchmarks/editorial_gold.py writes articles; no metadata, no configuration),
reads each back as newslint does, groups them with
``newslint.analysis.stories`` and scores the grouping against the gold
(``cluster``: one Gun Violence Archive incident) by B-cubed precision and
recall: for each article, the share of its predicted story that is its gold
incident (precision) and the share of its gold incident that is in its
predicted story (recall), averaged over articles. Merging two incidents is
the worse error, so precision comes first.

The pair weights were fitted on half of the incidents, drawn at random with a
fixed seed (``--fit`` refits them there and prints them); the figures are
given for that half, for the held-out half, and for all articles grouped
together.

``allsides`` groups the 20,000 allsides-baly articles (no gold), times the
grouping and the feature reading, and writes the multi-article stories to a
file for reading by hand.

Usage::

    python benchmarks/stories.py gva [--shared PATH] [-v N]
    python benchmarks/stories.py gva --fit          # refit the weights on the tuning half (needs numpy)
    python benchmarks/stories.py allsides [--sample 50 --out stories.txt]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from editorial_gold import article_text, shared_dir  # noqa: E402  (articles written as the gold sets write them)

#: The fixed seed of the tuning half of the incidents.
TUNE_SEED = 15


def read_back(folder: Path, names: list[str]) -> list[Any]:
    """The files as newslint reads them: (text, metadata) of each document."""
    from newslint.readers.text import TextReader

    reader = TextReader()
    out = []
    for name in names:
        doc = reader.read(name, (folder / name).read_text(encoding="utf-8"))
        out.append((doc.text, dict(doc.metadata)))
    return out


def gva_articles(shared: Path) -> list[dict[str, Any]]:
    with open(shared / "corpora" / "gva-incidents" / "articles.jsonl", encoding="utf-8") as fh:
        return [a for a in map(json.loads, fh) if not a["suspect_boilerplate"]]


def tuning_half(clusters: list[str]) -> set[str]:
    """Half of the incidents, drawn with TUNE_SEED: the weights are fitted there only."""
    ordered = sorted(set(clusters))
    random.Random(TUNE_SEED).shuffle(ordered)
    return set(ordered[: len(ordered) // 2])


def bcubed(predicted: list[int], gold: list[str], among: list[int]) -> tuple[float, float]:
    """B-cubed precision and recall over the articles ``among``."""
    in_predicted = Counter(predicted)
    in_gold = Counter(gold)
    both = Counter(zip(predicted, gold, strict=True))
    p = sum(both[(predicted[i], gold[i])] / in_predicted[predicted[i]] for i in among) / len(among)
    r = sum(both[(predicted[i], gold[i])] / in_gold[gold[i]] for i in among) / len(among)
    return p, r


def as_read(articles: list[dict[str, Any]]) -> list[Any]:
    """The articles written as .txt files and read back as newslint reads them."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        names = []
        for a in articles:
            name = f"{a['id']}.txt"
            (folder / name).write_text(article_text(a), encoding="utf-8", newline="")
            names.append(name)
        return read_back(folder, names)


def load_gva(shared: Path) -> tuple[list[Any], list[str], list[dict[str, Any]]]:
    articles = gva_articles(shared)
    docs = as_read(articles)
    return docs, [a["cluster"] for a in articles], articles


def gva(args: argparse.Namespace) -> int:
    from newslint.analysis import stories

    docs, gold, articles = load_gva(shared_dir(args.shared))
    started = time.perf_counter()
    features = [stories.story_features(text, str(metadata.get("title") or "")) for text, metadata in docs]
    read = time.perf_counter() - started
    tune = tuning_half(gold)
    if args.fit:
        windows = incident_windows(shared_dir(args.shared), set(gold))
        members: dict[str, list[int]] = {}
        for i, g in enumerate(gold):
            members.setdefault(g, []).append(i)
        return fit(features, gold, tune, [[i for c in w for i in members[c]] for w in windows])
    started = time.perf_counter()
    groups = stories.group_stories(features)
    grouped = time.perf_counter() - started
    predicted = [0] * len(features)
    for g, members in enumerate(groups):
        for i in members:
            predicted[i] = g
    everyone = list(range(len(gold)))
    print(f"gva-incidents: {len(gold)} articles, {len(set(gold))} incidents; {len(groups)} stories found")
    print(f"features {read:.2f} s, grouping {grouped:.2f} s (one process)")
    for label, among in (
        ("tuning half", [i for i in everyone if gold[i] in tune]),
        ("held-out half", [i for i in everyone if gold[i] not in tune]),
        ("all", everyone),
    ):
        p, r = bcubed(predicted, gold, among)
        print(f"B-cubed {label:14} ({len(among):5} articles): precision {p:.4f}  recall {r:.4f}")
    if args.verbose:
        show_errors(groups, predicted, gold, articles, tune, args.verbose)
    return 0


def incident_windows(shared: Path, clusters: set[str], days: int = 14) -> list[list[str]]:
    """Incidents of one city within ``days`` of the window's first: what a local
    newsroom's small run holds, and the hardest case for grouping (one city, one
    hospital, one police spokesperson, days apart)."""
    import datetime

    by_city: dict[tuple[str, str], list[tuple[datetime.date, str]]] = {}
    with open(shared / "corpora" / "gva-incidents" / "incidents.jsonl", encoding="utf-8") as fh:
        for d in map(json.loads, fh):
            if d["cluster"] in clusters and d.get("incident_date"):
                day = datetime.datetime.strptime(d["incident_date"], "%B %d, %Y").date()
                by_city.setdefault((d["state"], d.get("city_or_county") or ""), []).append(
                    (day, d["cluster"])
                )
    windows = []
    for incidents in by_city.values():
        incidents.sort()
        used: set[str] = set()
        for i, (day, cluster) in enumerate(incidents):
            if cluster not in used:
                window = [c for d, c in incidents[i:] if (d - day).days <= days]
                if len(window) >= 2:
                    windows.append(window)
                    used.update(window)
    return sorted(windows)


def local(args: argparse.Namespace) -> int:
    """Small runs: each window of one city's incidents grouped on its own (background frequencies)."""
    from newslint.analysis import stories

    docs, gold, _articles = load_gva(shared_dir(args.shared))
    features = [stories.story_features(text, str(metadata.get("title") or "")) for text, metadata in docs]
    windows = incident_windows(shared_dir(args.shared), set(gold))
    tune = tuning_half(gold)
    members: dict[str, list[int]] = {}
    for i, g in enumerate(gold):
        members.setdefault(g, []).append(i)
    runs = [[i for c in window for i in members[c]] for window in windows]
    if args.fit:
        return fit(features, gold, tune, runs)
    predicted = [-1] * len(gold)
    label = 0
    started = time.perf_counter()
    for run in runs:
        for group in stories.group_stories([features[i] for i in run]):
            for j in group:
                predicted[run[j]] = label
            label += 1
    grouped = time.perf_counter() - started
    seen = [i for run in runs for i in run]
    print(
        f"gva-incidents, small runs: {len(runs)} windows of one city's incidents within 14 days, "
        f"{len(seen)} articles; grouping {grouped:.2f} s"
    )
    for name, among in (
        ("tuning half", [i for i in seen if gold[i] in tune]),
        ("held-out half", [i for i in seen if gold[i] not in tune]),
        ("all", seen),
    ):
        p, r = bcubed(predicted, gold, among)
        print(f"B-cubed {name:14} ({len(among):5} articles): precision {p:.4f}  recall {r:.4f}")
    return 0


def show_errors(
    groups: list[list[int]],
    predicted: list[int],
    gold: list[str],
    articles: list[dict[str, Any]],
    tune: set[str],
    count: int,
) -> None:
    """Merged incidents of the tuning half (never the held-out half): study these only."""
    rng = random.Random(0)
    impure = [g for g in groups if len({gold[i] for i in g}) > 1 and all(gold[i] in tune for i in g)]
    print(f"\n{len(impure)} stories of the tuning half merge incidents; {min(count, len(impure))} of them:")
    for g in rng.sample(impure, min(count, len(impure))):
        print("---")
        for i in g:
            print(f"  {gold[i]:>7} {articles[i]['outlet'][:24]:24} {article_text(articles[i])[:110]!r}")


def fit(features: list[Any], gold: list[str], tune: set[str], runs: list[list[int]] | None = None) -> int:
    """Refit the pair weights by logistic regression on the tuning half's proposed pairs:
    those of all articles grouped at once, and those of the small runs (``runs``)."""
    import numpy as np

    from newslint.analysis import stories

    xs, ys = [], []
    for run in [list(range(len(features))), *(runs or [])]:
        proposed, evidence = stories.scored_pairs([features[i] for i in run])
        rows = [k for k, (a, b) in enumerate(proposed) if gold[run[a]] in tune and gold[run[b]] in tune]
        if rows:
            xs.append(np.asarray(evidence)[rows])
            ys += [gold[run[a]] == gold[run[b]] for a, b in (proposed[k] for k in rows)]
    x = np.concatenate(xs)
    y = np.array(ys, float)
    pairs = x
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = (x - mu) / sd
    w = np.zeros(z.shape[1])
    b = 0.0
    for _ in range(5000):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        g = p - y
        w -= 0.5 * (z.T @ g / len(y) + 1e-4 * w)
        b -= 0.5 * g.mean()
    weights = w / sd
    intercept = b - weights @ mu
    print(f"{len(pairs)} proposed pairs of the tuning half, {int(y.sum())} of one incident")
    print("WEIGHTS = (")
    for name, value in zip(stories.PAIR_EVIDENCE, weights, strict=True):
        print(f"    {value:.3f},  # {name}")
    print(")")
    print(f"INTERCEPT = {intercept:.3f}")
    return 0


def allsides(args: argparse.Namespace) -> int:
    from newslint.analysis import stories

    path = shared_dir(args.shared) / "corpora" / "allsides-baly" / "articles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh]
    docs = as_read(articles)
    started = time.process_time()
    features = [stories.story_features(text, str(metadata.get("title") or "")) for text, metadata in docs]
    read = time.process_time() - started
    started = time.perf_counter()
    groups = stories.group_stories(features)
    grouped = time.perf_counter() - started
    multi = [g for g in groups if len(g) > 1]
    sizes = Counter(len(g) for g in multi)
    print(f"allsides-baly: {len(articles)} articles; {len(multi)} stories of 2+ articles")
    print(f"story sizes: {sorted(sizes.items())}")
    print(f"features: {read:.2f} s CPU in one process; grouping: {grouped:.2f} s")
    if args.out:
        rng = random.Random(args.seed)
        with open(args.out, "w", encoding="utf-8") as out:
            for g in rng.sample(multi, min(args.sample, len(multi))):
                out.write(f"=== {len(g)} articles\n")
                for i in g:
                    a = articles[i]
                    out.write(f"  {a.get('date')} {a['outlet'][:28]:28} {a['title']}\n")
                    out.write(f"      {a['text'][:300]!r}\n")
        print(f"{min(args.sample, len(multi))} stories written to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", choices=("gva", "local", "allsides"))
    ap.add_argument("--shared", help="the shared folder (default: $NEWSLINT_SHARED or ../shared)")
    ap.add_argument("--fit", action="store_true", help="gva: refit the pair weights on the tuning half")
    ap.add_argument(
        "-v", "--verbose", type=int, default=0, help="gva: show N merged stories of the tuning half"
    )
    ap.add_argument("--out", help="allsides: write sampled multi-article stories here")
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    return {"gva": gva, "local": local, "allsides": allsides}[args.corpus](args)


if __name__ == "__main__":
    sys.exit(main())
