"""Adversarial inputs of growing size through every reader, analysis layer and rule.

For each pathological text (100,000 quotation marks, a sentence with no end,
a page of capitals, ...) at sizes growing by a factor of four, it times each
reader, each layer of the shared analysis and each installed rule, and prints
the time per megabyte. Linear code keeps that figure flat as the size grows;
catastrophic backtracking makes it climb. A step whose figure grows more than
``--max-growth`` times between the smallest and the largest size (or that
passes ``--budget`` seconds) is reported as NONLINEAR and the script exits 1.

    python benchmarks/stress.py                  # up to 1 MB per input
    python benchmarks/stress.py --max-kb 4096    # up to 4 MB
    python benchmarks/stress.py --only quotes    # inputs whose name contains "quotes"

The rules are those of the installed plugins, so rules added later are covered.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import cached_property

from newslint.analysis import Analysis
from newslint.document import Document
from newslint.engine.deadline import StepTimeout, time_limit
from newslint.plugins import load_plugins
from newslint.rule import CorpusRule


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


#: News prose with no paragraph break: what an export that lost its line breaks
#: gives (quotations, speakers, figures, names, anonymous sources, all on one line).
_ONE_LINE_NEWS = (
    "Police said two people were killed and four injured when a truck hit a bus on Main Street on Monday. "
    "“We are still investigating what happened,” Chief Ana Ruiz said. "
    "Officials familiar with the case said the driver, 54, was arrested at the scene. "
    "Many residents believe the crossing is dangerous, and critics of the council say it ignored them. "
    "The mayor, Tom Okafor, said the road would reopen on Friday; Okafor's office later confirmed it. "
)


def _near_identical_names(size: int) -> str:
    """A page of one surname with one letter changed in each sentence ("Kowalczyk",
    "Kowblczyk", ...): thousands of spellings one slip apart, each introduced in
    full and referred back to, as a roster or a garbled feed would have them."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    base = "Kowalczyk"
    out: list[str] = []
    n = i = 0
    while n < size:
        pos = 1 + i % (len(base) - 1)
        name = base[:pos] + letters[(i // (len(base) - 1)) % 26] + base[pos + 1 :]
        sentence = f"Senator Maria {name}, 52, said the bill would pass. {name} said so. "
        out.append(sentence)
        n += len(sentence)
        i += 1
    return "".join(out)[:size]


#: name -> (file suffix, text of about ``size`` characters).
INPUTS: dict[str, tuple[str, Callable[[int], str]]] = {
    "straight-quotes": (".txt", _repeat('"')),
    "curly-quotes": (".txt", _repeat("“")),
    "closing-quotes": (".txt", _repeat("”")),
    "nested-quotes": (".txt", _repeat("“He said “she said ‘they said “no")),
    "spaced-quotes": (".txt", _repeat(' " a')),
    "apostrophes": (".txt", _repeat("'")),
    "capitals": (".txt", _repeat("A")),
    "capital-words": (".txt", _repeat("BREAKING NEWS OFFICIAL SAID ")),
    "name-run": (".txt", _repeat("John Smith ")),
    "titled-names": (".txt", _repeat("Mr. Smith Dr. Jones Gen. Lee ")),
    "near-identical-names": (".txt", _near_identical_names),
    "digits": (".txt", _repeat("7")),
    "number-words": (".txt", _repeat("1,000 dead, 20 injured, three killed ")),
    "dots": (".txt", _repeat(".")),
    "bangs": (".txt", _repeat("!?")),
    "initials": (".txt", _repeat("A. B. ")),
    "endless-sentence": (".txt", _repeat("and the official said that ")),
    "anonymous-run": (".txt", _repeat("an unnamed senior official familiar with the matter said ")),
    "weasel-run": (".txt", _repeat("many believe some say critics argue ")),
    "one-word": (".txt", _repeat("a")),
    "spaces": (".txt", _repeat(" ")),
    "newlines": (".txt", _repeat("\n")),
    "carriage-returns": (".txt", _repeat("\r")),
    "crlf-paragraphs": (".txt", _repeat("A sentence here.\r\n\r\n")),
    "hyphens": (".txt", _repeat("-")),
    "brackets": (".txt", _repeat("(")),
    "rtl-mixed": (".txt", _repeat("قال المسؤول \u200f“نعم” said שלום 42 ")),
    "zero-width": (".txt", _repeat("\u200b\u200d\u00a0\ufeff")),
    "emoji": (".txt", _repeat("🔥👍🏽 said 👨‍👩‍👧 ")),
    "md-markers": (".md", _repeat("*_`[")),
    "md-links": (".md", _repeat("[a](b")),
    "md-headings": (".md", _repeat("# ")),
    "md-open-comments": (".md", _repeat("<!--")),
    "md-html-tags": (".md", _repeat("<a")),
    "md-front-matter": (".md", lambda size: "---\n" + _repeat("a: b\n")(size)),
    "html-tags": (".html", _repeat("<p><b>")),
    "html-open-angle": (".html", _repeat("<")),
    "html-entities": (".html", _repeat("&amp;&#8220;&")),
    "html-comment": (".html", lambda size: "<!--" + _repeat("-")(size)),
    "html-unclosed-inline": (".html", lambda size: "<article>" + _repeat("<b>word ")(size)),
    "news-one-line": (".txt", _repeat(_ONE_LINE_NEWS)),
}


def _timed(fn: Callable[[], object], budget: float) -> float | None:
    """Seconds taken by fn(), or None when it ran past the budget."""
    start = time.perf_counter()
    try:
        with time_limit(budget):
            fn()
    except StepTimeout:
        return None
    return time.perf_counter() - start


def _drain(result: object) -> None:
    if result is not None and not isinstance(result, (str, bytes, list, dict)):
        for _ in result:  # generators: run them
            pass


def measure(name: str, suffix: str, text: str, plugins, rules, budget: float) -> dict[str, float | None]:
    """Time per step for one input text; steps: the reader, each analysis layer, each rule."""
    times: dict[str, float | None] = {}
    reader = plugins.readers[suffix]
    holder: dict[str, Document] = {}

    def read() -> None:
        holder["doc"] = reader.read(f"stress{suffix}", text)

    times[f"reader:{reader.name}"] = _timed(read, budget)
    if "doc" not in holder:
        return times
    layers = [k for k, v in vars(Analysis).items() if isinstance(v, cached_property)]
    base = holder["doc"]
    for layer in layers:
        doc = Document(base.path, base.source, base.text, base.source_map, base.metadata, base.format)
        times[f"analysis:{layer}"] = _timed(lambda d=doc, a=layer: getattr(Analysis(d), a), budget)
    analysis = Analysis(base)
    for rule in rules:
        # Every rule gets an analysis whose layers are computed by the rules
        # before it (and the first one's), so its own time is measured; a layer
        # that timed out is left to the rule.
        if isinstance(rule, CorpusRule):
            step = lambda r=rule, d=base, a=analysis: _drain(r.collect(d, a))  # noqa: E731
        else:
            step = lambda r=rule, d=base, a=analysis: _drain(r.check(d, a))  # noqa: E731
        times[f"rule:{rule.code}"] = _timed(step, budget)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-kb", type=int, default=16, help="smallest input size (default 16 KB)")
    parser.add_argument("--max-kb", type=int, default=1024, help="largest input size (default 1024 KB)")
    parser.add_argument("--only", default="", help="run only inputs whose name contains this")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds allowed per step (default 30)")
    parser.add_argument(
        "--max-growth",
        type=float,
        default=3.0,
        help="largest allowed ratio of time per MB, largest size to smallest (default 3)",
    )
    args = parser.parse_args(argv)

    plugins = load_plugins()
    rules = [cls() for _, cls in sorted(plugins.rules.items())]
    sizes = []
    size = args.min_kb * 1024
    while size <= args.max_kb * 1024:
        sizes.append(size)
        size *= 4
    print(f"{len(rules)} rules; sizes {', '.join(f'{s // 1024} KB' for s in sizes)}; seconds per MB")
    bad: list[str] = []
    for name, (suffix, make) in INPUTS.items():
        if args.only not in name:
            continue
        per_size: list[dict[str, float | None]] = []
        for size in sizes:
            text = make(size)
            per_size.append(measure(name, suffix, text, plugins, rules, args.budget))
        # A reader that timed out at some size left nothing to analyse there.
        steps = list(per_size[-1]) if len(per_size[-1]) > 1 else list(per_size[0])[:1]
        worst = 0.0
        for step in steps:
            rates = []
            for size, times in zip(sizes, per_size, strict=True):
                t = times.get(step)
                rates.append(None if t is None else t / (size / 2**20))
            slow = None in rates
            # Tiny times are noise: compare only above a millisecond per input.
            first = max(rates[0] or 0.0, 1e-3 / (sizes[0] / 2**20))
            growth = (rates[-1] or 0.0) / first if rates[-1] is not None else float("inf")
            worst = max(worst, growth)
            if slow or growth > args.max_growth:
                shown = ", ".join("TIMEOUT" if r is None else f"{r:.3f}" for r in rates)
                bad.append(f"{name} {step}: {shown}")
        total = [sum(t or args.budget for t in times.values()) for times in per_size]
        rates = ", ".join(f"{t / (s / 2**20):.3f}" for t, s in zip(total, sizes, strict=True))
        print(f"{name:18} all steps s/MB: {rates}   worst step growth x{worst:.1f}", flush=True)
    if bad:
        print("\nNONLINEAR (seconds per MB at each size):")
        for line in bad:
            print("  " + line)
        return 1
    print("\nall steps stay flat")
    return 0


if __name__ == "__main__":
    sys.exit(main())
