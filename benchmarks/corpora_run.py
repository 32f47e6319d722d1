"""Run newslint over every article of the shared corpora: it must finish, with no crash.

The JSONL corpora (one article per line, gzipped or not) are written out as
Markdown files with front matter (title, outlet, date, story) in a temporary
folder, one folder per story cluster; plain-text corpora (``*/text/*.txt``) are
linted where they are. Then the real command line runs over all of it, and
the script reports the number of files, the time, the findings per code and
every NL0 notice (a file newslint could not read, a rule that failed or timed out).

    python benchmarks/corpora_run.py                       # ../shared/corpora
    python benchmarks/corpora_run.py --shared /data/shared --limit 500 --jobs 4

Exit status 0 when the run completed (newslint exited 0 or 1, no traceback,
no rule error), 1 otherwise. Corpus text is written only to the temporary folder.
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
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _default_shared() -> Path:
    return Path(os.environ.get("NEWSLINT_SHARED", ROOT.parent / "shared"))


def _records(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:80] or "_"


def write_articles(corpora: Path, out: Path, limit: int | None) -> tuple[int, int]:
    """Write every article of every JSONL corpus as a Markdown file; returns (files, bytes)."""
    files = size = 0
    for path in sorted(corpora.glob("*/*.jsonl")) + sorted(corpora.glob("*/*.jsonl.gz")):
        for written, record in enumerate(_records(path)):
            if not isinstance(record.get("text"), str) or "id" not in record:
                break  # not a corpus of articles (mentions, incidents, ...)
            if limit is not None and written >= limit:
                break
            story = record.get("cluster") or record["id"]
            folder = out / path.parent.name / _safe(str(story))
            folder.mkdir(parents=True, exist_ok=True)
            meta = {k: record.get(k) for k in ("title", "outlet", "date") if record.get(k)}
            meta["story"] = str(story)
            # JSON scalars are valid YAML, and quote whatever the title holds.
            front = "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items())
            data = f"---\n{front}---\n{record['text']}\n".encode()
            (folder / f"{_safe(str(record['id']))}.md").write_bytes(data)
            files += 1
            size += len(data)
    return files, size


def text_folders(corpora: Path, limit: int | None) -> tuple[list[str], int, int]:
    """Plain-text corpora linted in place: (paths, files, bytes)."""
    paths: list[str] = []
    files = size = 0
    for folder in sorted(corpora.glob("*/*/text")) + sorted(corpora.glob("*/text")):
        txts = sorted(folder.glob("*.txt"))
        if limit is not None:
            txts = txts[:limit]
            paths += [str(p) for p in txts]
        else:
            paths.append(str(folder))
        files += len(txts)
        size += sum(p.stat().st_size for p in txts)
    return paths, files, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=_default_shared(),
        help="the shared folder (default: ../shared or $NEWSLINT_SHARED)",
    )
    parser.add_argument("--limit", type=int, help="at most this many articles per corpus file or text folder")
    parser.add_argument("--jobs", default="0", help="passed to newslint --jobs (default: every core)")
    parser.add_argument("--timeout", default="60", help="passed to newslint --timeout (default: 60 s)")
    parser.add_argument("--output", type=Path, help="also keep newslint's JSON output here")
    args = parser.parse_args(argv)

    corpora = args.shared / "corpora"
    if not corpora.is_dir():
        print(f"no corpora at {corpora}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="newslint-corpora-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        md_files, md_bytes = write_articles(corpora, work / "articles", args.limit)
        txt_paths, txt_files, txt_bytes = text_folders(corpora, args.limit)
        prepared = time.perf_counter() - started
        # Story groups: one folder per cluster; each unclustered article alone.
        (work / "rules.yaml").write_text("story: folder\n", encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "newslint",
            "--config",
            str(work / "rules.yaml"),
            "--format",
            "json",
            "--jobs",
            args.jobs,
            "--timeout",
            args.timeout,
            "--output",
            str(work / "out.json"),
            str(work / "articles"),
            *txt_paths,
        ]
        started = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        findings = []
        if (work / "out.json").exists():
            findings = json.loads((work / "out.json").read_text(encoding="utf-8")).get("findings", [])
            if args.output:
                args.output.write_text((work / "out.json").read_text(encoding="utf-8"), encoding="utf-8")
    files, size = md_files + txt_files, md_bytes + txt_bytes
    codes = Counter(f["code"] for f in findings)
    notices = [f for f in findings if f["code"].startswith("NL0")]
    print(f"files: {files} ({md_files} written from JSONL, {txt_files} plain text), {size / 1e6:.1f} MB")
    print(
        f"prepared in {prepared:.1f} s; newslint ran in {elapsed:.1f} s "
        f"({files / elapsed:.0f} files/s, {size / 1e6 / elapsed:.2f} MB/s), exit status {proc.returncode}"
    )
    print("findings: " + (", ".join(f"{c} {n}" for c, n in sorted(codes.items())) or "none"))
    for f in notices[:20]:
        print(f"  {Path(f['path']).name}:{f['line']}:{f['column']}: {f['code']} {f['message']}")
    if len(notices) > 20:
        print(f"  ... and {len(notices) - 20} more NL0 notices")
    crashed = proc.returncode not in (0, 1) or "Traceback" in proc.stderr or codes.get("NL004", 0) > 0
    if proc.stderr.strip():
        print("stderr:\n" + proc.stderr[-3000:], file=sys.stderr)
    print("CRASH" if crashed else "completed with no crash")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
