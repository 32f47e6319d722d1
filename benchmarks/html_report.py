"""The HTML report at scale, on real articles: its size, and how soon Chromium has it ready.

Writes the first N articles of a shared corpus into a temporary folder as
Markdown with front matter (outlet, title, date), runs
``newslint --format html`` over them, and opens the page in headless Chromium
(Debian's chromium and chromium-driver, through selenium) from file://:

- ``gva``: corpora/gva-incidents, one folder per incident (``story: {by: folder}``),
  so each story is one event told by several outlets;
- ``allsides``: corpora/allsides-baly, every file one story (the default grouping):
  the worst case for the page, one story of N articles side by side.

It prints the page's size, the lint time, the time until the page's script
is ready (the script's own clock, from navigation start) and the time the
browser took to load it in all, best of --runs. Corpus text is written only
to the temporary folder.

    python benchmarks/html_report.py --corpus gva --size 2000
    python benchmarks/html_report.py --corpus allsides --size 2000 --runs 3
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import chromium_driver, script_errors  # noqa: E402


def shared_dir(given: str | None) -> Path:
    return Path(given or os.environ.get("NEWSLINT_SHARED") or ROOT.parent / "shared")


def articles(shared: Path, corpus: str, size: int) -> list[dict]:
    if corpus == "gva":
        path = shared / "corpora" / "gva-incidents" / "articles.jsonl"
        opener = open
    else:
        path = shared / "corpora" / "allsides-baly" / "articles.jsonl.gz"
        opener = gzip.open  # type: ignore[assignment]
    out = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item.get("suspect_boilerplate"):
                continue
            out.append(item)
            if len(out) == size:
                break
    return out


def _quoted(value: object) -> str:
    return json.dumps(str(value or ""), ensure_ascii=False)  # a JSON string is a YAML string


def write(folder: Path, items: list[dict], by_story: bool) -> None:
    for n, a in enumerate(items):
        where = folder / str(a["cluster"]) if by_story else folder
        where.mkdir(parents=True, exist_ok=True)
        front = f"---\ntitle: {_quoted(a.get('title'))}\noutlet: {_quoted(a.get('outlet'))}\ndate: {_quoted(a.get('date'))}\n---\n\n"
        (where / f"{n:05d}.md").write_text(front + a["text"], encoding="utf-8")
    (folder / "rules.yaml").write_text("story: {by: folder}\n" if by_story else "{}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared folder (default: $NEWSLINT_SHARED or ../shared)")
    ap.add_argument("--corpus", choices=("gva", "allsides"), default="gva")
    ap.add_argument("--size", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3, help="page loads; the best is reported")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--screenshot", metavar="PNG", help="save a screenshot of the page as loaded")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    items = articles(shared, args.corpus, args.size)
    if not items:
        print(f"html_report: no corpus under {shared}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="newslint-html-") as tmp:
        folder = Path(tmp) / "articles"
        write(folder, items, by_story=args.corpus == "gva")
        report = Path(tmp) / "report.html"
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "newslint",
                ".",
                "--no-cache",
                "--jobs",
                str(args.jobs),
                "--format",
                "html",
                "--output",
                str(report),
            ],
            cwd=folder,
            capture_output=True,
            text=True,
        )
        lint = time.perf_counter() - started
        if done.returncode not in (0, 1):
            print(done.stderr, file=sys.stderr)
            return 2
        page = report.read_text(encoding="utf-8")
        block = page[page.index('id="newslint-data">') + len('id="newslint-data">') :]
        data = json.loads(block[: block.index("</script>")])
        print(
            f"{args.corpus}: {len(items)} articles, {len(data['findings'])} findings, {len(data['stories'])} stories"
        )
        print(f"lint + render: {lint:.1f} s; page: {report.stat().st_size / 1e6:.1f} MB")
        driver_gen = chromium_driver()
        try:
            driver = next(driver_gen)
        except BaseException as exc:  # pytest's skip outside pytest: no browser here
            print(f"no browser: {exc}")
            return 0
        ready, wall = [], []
        for _ in range(args.runs):
            driver.get("about:blank")
            t0 = time.perf_counter()
            driver.get(report.as_uri())
            while not driver.execute_script("return document.documentElement.dataset.ready"):
                time.sleep(0.02)
            wall.append(time.perf_counter() - t0)
            ready.append(int(driver.execute_script("return document.documentElement.dataset.ready")))
        errors = script_errors(driver)
        if args.screenshot:
            driver.save_screenshot(args.screenshot)
        driver_gen.close()
        print(
            f"script ready: {min(ready)} ms (runs: {ready}); load in all: {min(wall):.2f} s; script errors: {len(errors)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
