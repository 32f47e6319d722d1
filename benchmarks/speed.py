"""Speed at archive scale: newslint cold and warm, growth, latency, and the peers.

Writes the articles of the allsides-baly corpus (20,000 full-text US news
articles) as .txt files into a temporary folder, with subsets of 200 and 2,000,
then measures:

- newslint over each size: cold with --no-cache, cold writing the cache, warm
  (nothing changed): wall time, files/s, MB/s, peak memory;
- the story (corpus) pass alone at each size, all files as one story group;
- single-file latency as a pre-commit hook sees it (``newslint one.txt``,
  interpreter start and imports included);
- with ``--peers``: proselint, write-good and textlint with its write-good rule,
  installed into a throwaway folder, on the same files (a subset for the slow
  ones), as files/s and as ratios to newslint.

It writes a Markdown report (benchmarks/RESULTS.md by default). The corpus
folder comes from --shared or $NEWSLINT_SHARED (default: ../shared beside the
repository). Corpus text is written only to the temporary folder.

    python benchmarks/speed.py                       # newslint only
    python benchmarks/speed.py --peers               # and the peers (needs pip and npm)
    python benchmarks/speed.py --sizes 200,2000 --runs 1 --out quick.md
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("corpora") / "allsides-baly" / "articles.jsonl.gz"


# --------------------------------------------------------------------------
# Measuring one command
# --------------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    peak_tree_mb: float  # sum of the PSS of the process and its children, sampled
    peak_proc_mb: float  # the largest single process (rusage)
    returncode: int
    cpu: float = 0.0  # user + system seconds of the process and its workers


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    """Proportional set size (shared pages split between the processes that share them),
    or the resident set size where the kernel does not say."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


#: Compiled bytecode is kept (outside the repository) as it is for an installed
#: newslint; set in main() to a folder in the temporary directory.
BYTECODE: dict[str, str] = {}


def measure(cmd: list[str], cwd: Path, stdout_path: Path | None = None) -> Run:
    """Run a command; wall time, peak memory of its process tree and of its largest process."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    peak = [0]
    done = threading.Event()
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_NO_PROGRESS": "1", **BYTECODE}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL, env=env)

    def sample() -> None:
        while not done.is_set():
            pids, seen = [proc.pid], set()
            total = 0
            while pids:
                p = pids.pop()
                if p in seen:
                    continue
                seen.add(p)
                total += _rss_kb(p)
                pids += _children(p)
            peak[0] = max(peak[0], total)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if out is not subprocess.DEVNULL:
        out.close()
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, peak[0] / 1024, usage.ru_maxrss / 1024, proc.returncode, cpu)


def best_of(runs: int, fn, *args) -> tuple[Run, list[float]]:
    results = [fn(*args) for _ in range(runs)]
    return min(results, key=lambda r: r.wall), [r.wall for r in results]


def _fresh_cache(cache: Path, *args) -> Run:
    shutil.rmtree(cache, ignore_errors=True)
    return measure(*args)


# --------------------------------------------------------------------------
# The files
# --------------------------------------------------------------------------


def write_corpus(shared: Path, work: Path, sizes: list[int]) -> dict[int, tuple[Path, int]]:
    """One folder per size (each a prefix of the corpus order); returns size -> (folder, bytes)."""
    source = shared / CORPUS
    if not source.is_file():
        sys.exit(f"speed.py: {source} not found; give --shared or set NEWSLINT_SHARED")
    biggest = max(sizes)
    full = work / f"n{biggest}"
    full.mkdir(parents=True)
    names = []
    with gzip.open(source, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= biggest:
                break
            article = json.loads(line)
            name = f"{i:05d}.txt"
            (full / name).write_text(article["text"] + "\n", encoding="utf-8")
            names.append(name)
    folders = {}
    for size in sorted(sizes):
        folder = work / f"n{size}"
        if size != biggest:
            folder.mkdir()
            for name in names[:size]:
                try:
                    os.link(full / name, folder / name)
                except OSError:
                    shutil.copyfile(full / name, folder / name)
        folders[size] = (folder, sum(p.stat().st_size for p in folder.iterdir()))
    return folders


# --------------------------------------------------------------------------
# newslint
# --------------------------------------------------------------------------


def newslint_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "newslint", *args]


def bench_newslint(folders, work: Path, jobs: int, runs: int) -> list[dict]:
    rows = []
    for size, (folder, nbytes) in sorted(folders.items()):
        cache = work / f"cache-{size}"
        base = newslint_cmd("--no-config", "--jobs", str(jobs))
        out = work / "findings.txt"
        nocache, nocache_all = best_of(runs, measure, base + ["--no-cache", folder.name], work, out)
        findings = sum(1 for _ in open(out, encoding="utf-8"))
        with_cache = base + ["--cache-dir", str(cache), folder.name]
        writing, writing_all = best_of(runs, _fresh_cache, cache, with_cache, work, out)
        warmrun, warm_all = best_of(runs, measure, with_cache, work, out)
        rows.append(
            {
                "files": size,
                "mb": nbytes / 1e6,
                "findings": findings,
                "cold": nocache,
                "cold_all": nocache_all,
                "cold_cache": writing,
                "cold_cache_all": writing_all,
                "warm": warmrun,
                "warm_all": warm_all,
            }
        )
        print(
            f"newslint {size} files: cold {nocache.wall:.2f}s, cold+cache {writing.wall:.2f}s, "
            f"warm {warmrun.wall:.2f}s, peak {nocache.peak_tree_mb:.0f} MB",
            file=sys.stderr,
        )
    return rows


def bench_corpus_pass(folders, jobs: int) -> list[dict]:
    """The story pass alone, all files as one story group, in this process."""
    from newslint.config import Config, build_rules
    from newslint.engine import Linter, discover
    from newslint.plugins import load_plugins

    config = Config()
    plugins = load_plugins()
    linter = Linter(plugins, build_rules(config, plugins.rules), config)
    rows = []
    for size, (folder, _nbytes) in sorted(folders.items()):
        targets, _ = discover([str(folder)], list(plugins.readers), [], folder)
        results = linter.lint_targets(targets, jobs)
        facts = sum(len(v) for r in results for v in r.facts.values())
        times = []
        for _ in range(3):
            start = time.perf_counter()
            findings = linter.corpus_pass(results)
            times.append(time.perf_counter() - start)
        rows.append(
            {
                "files": size,
                "rules": [r.code for r in linter.per_story.rules],
                "facts": facts,
                "seconds": min(times),
                "findings": len(findings),
            }
        )
        print(f"corpus pass {size} files: {min(times):.3f}s, {facts} facts", file=sys.stderr)
    return rows


def bench_pool(folder: Path, jobs: int, counts=(4, 8, 16, 32, 64, 128)) -> list[dict]:
    """In-process: a handful of files in one process vs in a pool (forced), best of 5 each."""
    from newslint.config import Config, build_rules
    from newslint.engine import Linter, discover, parallel
    from newslint.plugins import load_plugins

    config = Config()
    plugins = load_plugins()
    linter = Linter(plugins, build_rules(config, plugins.rules), config)
    targets, _ = discover([str(folder)], list(plugins.readers), [], folder)
    rows = []
    saved = parallel.PARALLEL_MIN_BYTES
    try:
        # A count past the number of files would measure (and label) the same files again.
        for n in sorted({min(n, len(targets)) for n in counts}):
            some = targets[:n]
            nbytes = sum(t.path.stat().st_size for t in some)
            parallel.PARALLEL_MIN_BYTES = saved
            chosen = "pool" if parallel.worth_forking(some, jobs) else "one process"
            times = {}
            for label, j, threshold in (("one", 1, saved), ("pool", jobs, 0)):
                parallel.PARALLEL_MIN_BYTES = threshold
                best = float("inf")
                for _ in range(5):
                    start = time.perf_counter()
                    linter.lint_targets(some, j)
                    best = min(best, time.perf_counter() - start)
                times[label] = best
            rows.append({"files": n, "bytes": nbytes, **times, "chosen": chosen})
    finally:
        parallel.PARALLEL_MIN_BYTES = saved
    return rows


def bench_latency(folder: Path, work: Path, runs: int) -> dict:
    one = work / "one.txt"
    shutil.copyfile(sorted(folder.iterdir())[0], one)
    cache = work / "cache-one"
    shutil.rmtree(cache, ignore_errors=True)
    python = [measure([sys.executable, "-c", "pass"], work).wall for _ in range(runs)]
    cold = [measure(newslint_cmd("--no-config", "--no-cache", one.name), work).wall for _ in range(runs)]
    warm_runs = [
        measure(newslint_cmd("--no-config", "--cache-dir", str(cache), one.name), work)
        for _ in range(runs + 1)
    ]
    return {
        "bytes": one.stat().st_size,
        "python": python,
        "cold": cold,
        "warm": [r.wall for r in warm_runs[1:]],
        "peak_mb": max(r.peak_proc_mb for r in warm_runs),
    }


# --------------------------------------------------------------------------
# The peers
# --------------------------------------------------------------------------


def install_peers(peers: Path) -> dict[str, list[str]]:
    """Install proselint, write-good and textlint (write-good rule) into ``peers``; return their commands."""
    quiet = {"stdout": subprocess.DEVNULL, "check": True}
    venv = peers / "venv"
    if not (venv / "bin" / "proselint").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], **quiet)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint"], **quiet)
    node = peers / "node"
    if not (node / "node_modules" / ".bin" / "write-good").exists():
        node.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "init", "-y"], cwd=node, **quiet)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "write-good"], cwd=node, **quiet)
    tl = peers / "textlint"
    if not (tl / "node_modules" / ".bin" / "textlint").exists():
        tl.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "init", "-y"], cwd=tl, **quiet)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "textlint", "textlint-rule-write-good"],
            cwd=tl,
            **quiet,
        )
        (tl / ".textlintrc.json").write_text(json.dumps({"rules": {"write-good": True}}), encoding="utf-8")
    return {
        "proselint": [str(venv / "bin" / "proselint"), "check", "-o", "json"],
        "write-good": [str(node / "node_modules" / ".bin" / "write-good"), "--parse"],
        "textlint (write-good rule)": [
            str(tl / "node_modules" / ".bin" / "textlint"),
            "--config",
            str(tl / ".textlintrc.json"),
            "-f",
            "json",
        ],
    }


def version_of(cmd: list[str], peers: Path, name: str) -> str:
    if name == "proselint":
        pip = peers / "venv" / "bin" / "pip"
        out = subprocess.run([str(pip), "show", "proselint"], capture_output=True, text=True).stdout
        return next((line.split()[1] for line in out.splitlines() if line.startswith("Version:")), "?")
    package = "write-good" if name == "write-good" else "textlint"
    folder = peers / ("node" if name == "write-good" else "textlint")
    try:
        data = json.loads((folder / "node_modules" / package / "package.json").read_text())
        return data.get("version", "?")
    except OSError:
        return "?"


def bench_peers(commands, folder: Path, nbytes: int, work: Path, jobs: int, peers: Path) -> list[dict]:
    files = sorted(p.name for p in folder.iterdir())
    rows = []
    base = newslint_cmd("--no-config", "--no-cache")
    for name, cmd in [
        ("newslint, 1 process", base + ["--jobs", "1"]),
        (f"newslint, {jobs} processes", base + ["--jobs", str(jobs)]),
        *commands.items(),
    ]:
        run = measure(cmd + files, folder)
        version = "" if name.startswith("newslint") else version_of(cmd, peers, name)
        rows.append({"tool": name, "version": version, "run": run, "files": len(files), "mb": nbytes / 1e6})
        print(f"{name}: {run.wall:.2f}s on {len(files)} files", file=sys.stderr)
    return rows


# --------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------


def machine() -> dict[str, str]:
    model = platform.processor() or "?"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal"))
        memory = f"{int(mem) / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        memory = "?"
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = "?"
    version = subprocess.run(newslint_cmd("--version"), capture_output=True, text=True).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": model,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "commit": commit or "?",
        "newslint": version.replace("\n", "; "),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?",
    }


def _spread(walls: list[float]) -> str:
    if len(walls) < 2:
        return ""
    return f" (runs: {', '.join(f'{w:.2f}' for w in walls)})"


def report(args, info, rows, corpus_rows, pool_rows, latency, peer_rows) -> str:
    lines = ["# Speed at archive scale", ""]
    if args.note:
        lines += [f"> {args.note}", ""]
    lines += [
        "Produced by `benchmarks/speed.py` (see benchmarks/README.md). Corpus: allsides-baly, 20,000",
        "full-text US news articles as .txt files (about 6 KB each); subsets are its first 200 and 2,000.",
        "Timings are the best of the runs listed; every command includes interpreter start-up (with",
        "compiled bytecode, as for an installed newslint). CPU time (user + system, workers included)",
        "is less sensitive than wall time to other load on the machine.",
        "",
        "## Machine",
        "",
        *(f"- {k}: {v}" for k, v in info.items()),
        "",
        "## Command",
        "",
        f"    {args.command_line}",
        "",
        f"## newslint over the archive (--jobs {args.jobs}, full default rule set)",
        "",
        "| files | MB | findings | cold, --no-cache | files/s | MB/s | CPU time (user+sys) | cold, writing the cache (CPU) | warm, nothing changed (CPU) | peak memory, all processes (PSS) | largest process (max RSS) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        c = r["cold"]
        lines.append(
            f"| {r['files']:,} | {r['mb']:.1f} | {r['findings']:,} | {c.wall:.2f} s | {r['files'] / c.wall:,.0f} | "
            f"{r['mb'] / c.wall:.2f} | {c.cpu:.2f} s | {r['cold_cache'].wall:.2f} s ({r['cold_cache'].cpu:.2f} s) | "
            f"{r['warm'].wall:.2f} s ({r['warm'].cpu:.2f} s) | "
            f"{max(c.peak_tree_mb, r['cold_cache'].peak_tree_mb):.0f} MB | {c.peak_proc_mb:.0f} MB |"
        )
    lines += ["", "Every run's wall time, in seconds:", ""]
    for r in rows:
        lines.append(
            f"- {r['files']:,} files: cold {', '.join(f'{w:.2f}' for w in r['cold_all'])}; "
            f"writing the cache {', '.join(f'{w:.2f}' for w in r['cold_cache_all'])}; "
            f"warm {', '.join(f'{w:.2f}' for w in r['warm_all'])}"
        )
    lines += [
        "",
        "Commands (from the folder holding the files; `--cache-dir` points at a fresh folder for the cold run):",
        "",
        f"    python -m newslint --no-config --jobs {args.jobs} --no-cache nN/",
        f"    python -m newslint --no-config --jobs {args.jobs} --cache-dir CACHE nN/   # twice: cold, then warm",
        "",
        "## The story (corpus) pass alone, all files as one story group",
        "",
    ]
    if corpus_rows and corpus_rows[0]["rules"]:
        lines += [
            f"Corpus rules: {', '.join(corpus_rows[0]['rules'])}.",
            "",
            "| files | facts | seconds | µs per file | findings |",
            "|---:|---:|---:|---:|---:|",
        ]
        for r in corpus_rows:
            lines.append(
                f"| {r['files']:,} | {r['facts']:,} | {r['seconds']:.3f} | "
                f"{r['seconds'] / r['files'] * 1e6:.0f} | {r['findings']:,} |"
            )
    else:
        lines.append("No corpus rule is installed in this build: nothing to time.")
    lines += [
        "",
        "Measured in-process: `Linter.corpus_pass(results)` after the per-document pass, best of 3.",
        "",
        "## A handful of files: one process or a pool",
        "",
        f"In-process `Linter.lint_targets` on the first files, best of 5: one process, and a pool of {args.jobs}",
        f"forced; newslint starts a pool only for {2 * args.jobs} files and 256 KB of text or more.",
        "",
        "| files | KB | one process | pool (forced) | newslint chooses |",
        "|---:|---:|---:|---:|---|",
        *(
            f"| {r['files']} | {r['bytes'] / 1024:.0f} | {r['one'] * 1000:.0f} ms | {r['pool'] * 1000:.0f} ms | {r['chosen']} |"
            for r in pool_rows
        ),
        "",
        "## Single-file latency (what a pre-commit hook sees)",
        "",
        f"One article of {latency['bytes']:,} bytes; wall time including interpreter start and imports.",
        "",
        "| command | best | median |",
        "|---|---:|---:|",
        f"| `python -c pass` | {min(latency['python']):.3f} s | {statistics.median(latency['python']):.3f} s |",
        f"| `newslint --no-cache one.txt` | {min(latency['cold']):.3f} s | {statistics.median(latency['cold']):.3f} s |",
        f"| `newslint one.txt` (cache warm) | {min(latency['warm']):.3f} s | {statistics.median(latency['warm']):.3f} s |",
        "",
        f"Peak memory of the single-file run: {latency['peak_mb']:.0f} MB.",
        "",
    ]
    lines += ["## The peers, on the same files", ""]
    if peer_rows:
        nl = peer_rows[0]["run"].wall
        nl_cpu = peer_rows[0]["run"].cpu or 1e-9
        lines += [
            f"{peer_rows[0]['files']:,} files ({peer_rows[0]['mb']:.1f} MB), every tool given the file names on its "
            "command line; newslint with `--no-cache`. The peers are single-threaded.",
            "",
            f"| tool | version | wall | CPU time | files/s | MB/s | peak memory | slower than newslint, 1 process "
            f"(wall / CPU) | slower than newslint, {args.jobs} processes (wall) |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        nl_jobs = peer_rows[1]["run"].wall
        for r in peer_rows:
            run = r["run"]
            ratios = (
                "— | —"
                if r["tool"].startswith("newslint")
                else f"{run.wall / nl:.1f}x / {run.cpu / nl_cpu:.1f}x | {run.wall / nl_jobs:.1f}x"
            )
            lines.append(
                f"| {r['tool']} | {r['version']} | {run.wall:.2f} s | {run.cpu:.2f} s | {r['files'] / run.wall:,.0f} | "
                f"{r['mb'] / run.wall:.2f} | {run.peak_tree_mb:.0f} MB | {ratios} |"
            )
        lines += [
            "",
            "Peers installed by `speed.py --peers` into a throwaway folder: `pip install proselint`,",
            "`npm install write-good`, `npm install textlint textlint-rule-write-good` with",
            '`{"rules": {"write-good": true}}`; run as `proselint check -o json FILES`,',
            "`write-good --parse FILES`, `textlint --config .textlintrc.json -f json FILES`.",
            "",
        ]
    else:
        lines += ["Not run (add `--peers`).", ""]
    return "\n".join(lines)


def _public(argv: list[str]) -> list[str]:
    """The command line without this machine's folders (they mean nothing elsewhere)."""
    out, hide = [], False
    for arg in argv:
        name = arg.split("=", 1)[0]
        if hide:
            out.append("…")
        elif name in ("--shared", "--peers-dir", "--out", "--note") and "=" in arg:
            out.append(f"{name}=…")
        else:
            out.append(arg)
        hide = arg in ("--shared", "--peers-dir", "--out", "--note")
    return out


def in_child(kind: str, where: Any, jobs: int) -> Any:
    """Run bench_corpus_pass or bench_pool in a fresh Python; returns its rows."""
    request = json.dumps({"kind": kind, "where": where, "jobs": jobs})
    proc = subprocess.run(
        [sys.executable, __file__, "--child", request],
        capture_output=True,
        text=True,
        env={**os.environ, **BYTECODE},
    )
    if proc.returncode != 0:
        sys.exit(f"speed.py: the {kind} measurement failed:\n{proc.stderr}")
    sys.stderr.write(proc.stderr)
    return json.loads(proc.stdout)


def _child(request: str) -> int:
    job = json.loads(request)
    if job["kind"] == "corpus":
        folders = {int(k): (Path(v), 0) for k, v in job["where"].items()}
        rows = bench_corpus_pass(folders, job["jobs"])
    else:
        rows = bench_pool(Path(job["where"]), job["jobs"])
    print(json.dumps(rows))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        default=os.environ.get("NEWSLINT_SHARED", str(ROOT.parent / "shared")),
        help="the shared corpora folder (default: $NEWSLINT_SHARED or ../shared)",
    )
    parser.add_argument("--sizes", default="200,2000,20000", help="comma-separated file counts")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="newslint --jobs (default: cores)"
    )
    parser.add_argument("--runs", type=int, default=2, help="runs per measurement; the best is reported")
    parser.add_argument(
        "--peers", action="store_true", help="install and time proselint, write-good, textlint"
    )
    parser.add_argument(
        "--peer-files", type=int, default=2000, help="files given to the peers (default: 2000)"
    )
    parser.add_argument(
        "--peers-dir", help="install the peers here and keep them (default: a temporary folder)"
    )
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "RESULTS.md"), help="the report to write")
    parser.add_argument("--note", default="", help="a line to put at the top of the report")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (prints where)")
    raw = sys.argv[1:] if argv is None else argv
    if raw[:1] == ["--child"]:
        return _child(raw[1])
    args = parser.parse_args(argv)
    args.command_line = "python benchmarks/speed.py " + " ".join(
        _public(argv if argv is not None else sys.argv[1:])
    )
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if args.peers and args.peer_files not in sizes:
        sizes = sorted({*sizes, args.peer_files})

    work = Path(tempfile.mkdtemp(prefix="newslint-speed-"))
    BYTECODE["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    try:
        measure(newslint_cmd("--version"), work)  # compiles the bytecode once
        info = machine()
        folders = write_corpus(Path(args.shared), work, sizes)
        rows = bench_newslint(folders, work, args.jobs, args.runs)
        # In-process measurements run in a child: a big benchmark process would
        # inflate every later command's peak memory (Linux carries the parent's
        # high-water mark through fork and exec into the child's rusage).
        corpus_rows = in_child("corpus", {str(k): str(f) for k, (f, _b) in folders.items()}, args.jobs)
        pool_rows = in_child("pool", str(folders[max(sizes)][0]), args.jobs) if args.jobs > 1 else []
        latency = bench_latency(folders[sizes[0]][0], work, max(5, args.runs))
        peer_rows = []
        if args.peers:
            peers = Path(args.peers_dir) if args.peers_dir else work / "peers"
            peers.mkdir(parents=True, exist_ok=True)
            commands = install_peers(peers)
            folder, nbytes = folders[args.peer_files]
            peer_rows = bench_peers(commands, folder, nbytes, work, args.jobs, peers)
        Path(args.out).write_text(
            report(args, info, rows, corpus_rows, pool_rows, latency, peer_rows), encoding="utf-8"
        )
        print(f"wrote {args.out}", file=sys.stderr)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
