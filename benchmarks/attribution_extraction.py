"""Score newslint's attribution analysis against the PolNeAR annotations.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attribution relations
(Source, Cue, Content) in 1,012 political news articles, in brat standoff
format. This script runs ``newslint.analysis`` over the articles of one split
and reports precision, recall and F1 of the predicted source spans and cue
spans, at any overlap and at 0.8 overlap; and, for the attributions whose
content holds a quotation, of the quotation speakers newslint finds (the
task quote extractors are measured on)::

    python benchmarks/attribution_extraction.py                      # the dev split
    python benchmarks/attribution_extraction.py --split train --errors 30

Matching: a predicted span matches a gold span of the same role when they
overlap (any overlap) or when their common part covers at least 80% of the
longer of the two (0.8 overlap). Precision counts the predicted spans that
match some gold span; recall counts the gold spans that some predicted span
matches. An article annotated by several annotators is scored once per
annotation file (micro-averaged over all of them).

Tune on train, report on dev; test stays untouched. The corpus is read at run
time from ``$NEWSLINT_SHARED/corpora/polnear`` (or ``--shared``), by default
``../shared`` beside the repository; nothing of it is stored in the project.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from newslint.analysis import Analysis
from newslint.document import Document

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Tally:
    pred: int = 0
    pred_ok: int = 0
    gold: int = 0
    gold_ok: int = 0

    def add(self, pred: list[tuple[int, int]], gold: list[tuple[int, int]], threshold: float) -> None:
        self.pred += len(pred)
        self.gold += len(gold)
        self.pred_ok += sum(any(_match(p, g, threshold) for g in gold) for p in pred)
        self.gold_ok += sum(any(_match(p, g, threshold) for p in pred) for g in gold)

    def prf(self) -> tuple[float, float, float]:
        p = self.pred_ok / self.pred if self.pred else 0.0
        r = self.gold_ok / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Errors:
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


def _match(a: tuple[int, int], b: tuple[int, int], threshold: float) -> bool:
    common = min(a[1], b[1]) - max(a[0], b[0])
    if common <= 0:
        return False
    if threshold <= 0:
        return True
    return common >= threshold * max(a[1] - a[0], b[1] - b[0])


def read_ann(path: Path, text: str) -> dict[str, list[tuple[int, int]]]:
    """Gold spans of one brat file (a discontinuous span runs from its first to its last offset).

    "Source" and "Cue": every attribution's; "Quote source": the sources of the
    attributions whose content holds a quotation mark (quote-speaker pairs).
    """
    spans: dict[str, tuple[str, tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            kind, _, offsets = parts[1].partition(" ")
            numbers = [int(x) for x in offsets.replace(";", " ").split()]
            spans[parts[0]] = (kind, (numbers[0], numbers[-1]))
        elif parts[0].startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:] if ":" in arg))
    out: dict[str, set[tuple[int, int]]] = {"Source": set(), "Cue": set(), "Quote source": set()}
    for kind, span in spans.values():
        if kind in ("Source", "Cue"):
            out[kind].add(span)
    for event in events:
        source, content = spans.get(event.get("Source", "")), spans.get(event.get("Content", ""))
        # The content may hold the marks or sit just inside them.
        if source and content and _QUOTE_MARKS.search(text, max(0, content[1][0] - 1), content[1][1] + 1):
            out["Quote source"].add(source[1])
    return {k: sorted(v) for k, v in out.items()}


_QUOTE_MARKS = re.compile('["“”]')


def predict(text: str) -> dict[str, list[tuple[int, int]]]:
    analysis = Analysis(Document.from_text(text))
    # PolNeAR leaves out views reported within someone's speech ("Ortiz said
    # she believes …": only "said" is annotated); nested speech it keeps.
    relations = [a for a in analysis.attributions if a.informs or not a.nested]
    sources = {(a.source.start, a.source.end) for a in relations if a.source is not None}
    cues = {(a.cue.start, a.cue.end) for a in relations}
    speakers = {(q.speaker.start, q.speaker.end) for q in analysis.quote_speakers if q.speaker is not None}
    return {"Source": sorted(sources), "Cue": sorted(cues), "Quote source": sorted(speakers)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("NEWSLINT_SHARED", ROOT.parent / "shared"))
    )
    parser.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    parser.add_argument("--limit", type=int, default=0, help="score only the first N annotation files")
    parser.add_argument(
        "--errors", type=int, default=0, help="print up to N missed and N spurious source spans"
    )
    args = parser.parse_args(argv)

    base = args.shared / "corpora" / "polnear" / args.split
    if not base.is_dir():
        print(f"polnear: {base} not found (set --shared or NEWSLINT_SHARED)", file=sys.stderr)
        return 2
    anns = sorted((base / "attributions").glob("*.ann"))
    if args.limit:
        anns = anns[: args.limit]
    tallies = {(role, t): Tally() for role in ("Source", "Cue", "Quote source") for t in (0.0, 0.8)}
    errors = Errors()
    chars = 0
    seconds = 0.0
    cache: dict[str, tuple[str, dict[str, list[tuple[int, int]]]]] = {}
    for ann in anns:
        article = ann.stem.rsplit("_", 1)[0]
        if article not in cache:
            text = (base / "text" / f"{article}.txt").read_text(encoding="utf-8")
            t0 = time.perf_counter()
            cache[article] = (text, predict(text))
            seconds += time.perf_counter() - t0
            chars += len(text)
        text, pred = cache[article]
        gold = read_ann(ann, text)
        for (role, t), tally in tallies.items():
            tally.add(pred[role], gold[role], t)
        if args.errors:
            for g in gold["Source"]:
                if not any(_match(p, g, 0) for p in pred["Source"]):
                    errors.missed.append(_context(text, g))
            for p in pred["Source"]:
                if not any(_match(p, g, 0) for g in gold["Source"]):
                    errors.spurious.append(_context(text, p))

    print(f"PolNeAR {args.split}: {len(anns)} annotation files, {len(cache)} articles, "
          f"{chars / 1e6:.2f} MB analysed in {seconds:.2f} s")  # fmt: skip
    print(f"{'role':13} {'overlap':8} {'P':>6} {'R':>6} {'F1':>6}   pred/gold")
    for (role, t), tally in tallies.items():
        p, r, f = tally.prf()
        label = "any" if t == 0 else f"{t:.1f}"
        print(f"{role:13} {label:8} {p:6.3f} {r:6.3f} {f:6.3f}   {tally.pred}/{tally.gold}")
    if args.errors:
        import random

        rng = random.Random(0)
        for title, items in (("missed", errors.missed), ("spurious", errors.spurious)):
            print(f"\n{title} sources ({len(items)}):")
            for line in rng.sample(items, min(args.errors, len(items))):
                print("  " + line)
    return 0


def _context(text: str, span: tuple[int, int]) -> str:
    a, b = span
    left = text[max(0, a - 50) : a].replace("\n", " ")
    right = text[b : b + 40].replace("\n", " ")
    return f"…{left}[{text[a:b]}]{right}…"


if __name__ == "__main__":
    sys.exit(main())
