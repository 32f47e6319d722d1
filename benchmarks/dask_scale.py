"""The per-article pass on a Dask cluster: one worker against two, the cost per task, and
the output against a local run's.

Writes allsides-baly articles as .txt files into a temporary folder (as
benchmarks/speed.py does), lints them once locally (``--jobs 2``, the
reference output), then on a ``distributed.LocalCluster`` of 1 and of 2 worker
processes (one thread each, loopback TCP) through ``newslint --scheduler``:
wall time, CPU time (the newslint client process, plus every worker's, plus
the scheduler's), and whether the output is byte-identical to the local run's.
Then the cost of one task: the same files in batches of 1 file against the
default batches, and Dask's own cost of an empty task.

    python benchmarks/dask_scale.py --sizes 2000
    python benchmarks/dask_scale.py --sizes 2000,20000 --out figures.md

Needs the dask extra (pip install 'newslint[dask]'). The corpus folder comes
from --shared or $NEWSLINT_SHARED (default: ../shared beside the repository);
corpus text is written only to the temporary folder.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from speed import ROOT, machine, measure, newslint_cmd, write_corpus  # noqa: E402


def _cpu_here() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _worker_cpu(client) -> float:
    """User + system seconds of every worker process so far."""
    return sum(client.run(_cpu_here).values())


def _noop(x: int) -> int:
    return x


def on_cluster(folder: Path, work: Path, workers: int, reference: Path, overhead: bool) -> dict:
    import distributed

    cluster = distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    with cluster, distributed.Client(cluster, set_as_default=False) as client:
        address = cluster.scheduler_address
        # Warm-up: the workers import newslint and its plugins once (a long-lived cluster has).
        warm = work / "warm"
        warm.mkdir(exist_ok=True)
        for i, path in enumerate(sorted(folder.iterdir())[:8]):
            (warm / f"{i}.txt").write_bytes(path.read_bytes())
        measure(newslint_cmd("--no-config", "--no-cache", "--scheduler", address, str(warm)), work)
        workers_before, scheduler_before = _worker_cpu(client), _cpu_here()
        out = work / f"cluster{workers}.txt"
        cmd = newslint_cmd("--no-config", "--no-cache", "--scheduler", address, str(folder))
        run = measure(cmd, work, out)
        workers_cpu = _worker_cpu(client) - workers_before
        scheduler_cpu = _cpu_here() - scheduler_before
        row = {
            "workers": workers,
            "wall": run.wall,
            "client_cpu": run.cpu,
            "workers_cpu": workers_cpu,
            "scheduler_cpu": scheduler_cpu,
            "identical": filecmp.cmp(out, reference, shallow=False),
            "rc": run.returncode,
        }
        if workers == 2 and overhead:
            row["overhead"] = task_overhead(client, address, folder)
    return row


def task_overhead(client, address: str, folder: Path) -> dict:
    """Seconds per task: newslint's batches of one file against its default batches,
    and an empty Dask task."""
    from newslint.config import Config, build_rules
    from newslint.engine import Linter, discover
    from newslint.engine.cluster import DaskCluster
    from newslint.plugins import load_plugins

    config = Config()
    plugins = load_plugins()
    linter = Linter(plugins, build_rules(config, plugins.rules), config)
    targets, _ = discover([str(folder)], [".txt"], [], folder)
    walls = {}
    tasks = {}
    for size in (None, 1):
        with DaskCluster(address, batch_size=size) as remote:
            linter.cluster = remote
            start = time.perf_counter()
            linter.lint_targets(targets)
            walls[size] = time.perf_counter() - start
            tasks[size] = -(-len(targets) // remote.batch_for(len(targets)))
    n = 2000
    start = time.perf_counter()
    client.gather(client.map(_noop, range(n), pure=False))
    empty = (time.perf_counter() - start) / n
    per_task = (walls[1] - walls[None]) / max(1, tasks[1] - tasks[None])
    return {
        "default_tasks": tasks[None],
        "default_wall": walls[None],
        "one_file_tasks": tasks[1],
        "one_file_wall": walls[1],
        "per_task": per_task,
        "empty_task": empty,
    }


def report(info: dict, rows: list[dict]) -> str:
    lines = [
        "| articles | MB | run | wall s | CPU s (client + workers + scheduler) | identical to local |",
        "|---:|---:|---|---:|---:|---|",
    ]
    for row in rows:
        if row["kind"] == "local":
            lines.append(
                f"| {row['size']:,} | {row['mb']:.1f} | local --jobs 2 | {row['wall']:.1f} | "
                f"{row['cpu']:.1f} | (reference) |"
            )
            continue
        cpu = row["client_cpu"] + row["workers_cpu"] + row["scheduler_cpu"]
        lines.append(
            f"| {row['size']:,} | {row['mb']:.1f} | cluster, {row['workers']} worker"
            f"{'s' if row['workers'] > 1 else ''} | {row['wall']:.1f} | {cpu:.1f} "
            f"({row['client_cpu']:.1f} + {row['workers_cpu']:.1f} + {row['scheduler_cpu']:.1f}) | "
            f"{'yes' if row['identical'] else 'NO'} |"
        )
    for row in rows:
        if "overhead" in row:
            o = row["overhead"]
            lines.append("")
            lines.append(
                f"Per task ({row['size']:,} articles, 2 workers): {o['default_tasks']} default batches "
                f"{o['default_wall']:.1f} s, {o['one_file_tasks']} one-file tasks {o['one_file_wall']:.1f} s: "
                f"{o['per_task'] * 1000:.1f} ms more per task; an empty Dask task "
                f"{o['empty_task'] * 1000:.2f} ms."
            )
    lines.append("")
    lines.append(
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory']}, {info['os']}, "
        f"Python {info['python']}, commit {info['commit']}, load average {info['load']} at the start "
        f"({info['date']})."
    )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("NEWSLINT_SHARED", str(ROOT.parent / "shared")))
    parser.add_argument("--sizes", default="2000", help="comma-separated article counts")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--no-overhead", action="store_true", help="skip the cost-per-task runs")
    parser.add_argument("--out", help="write the Markdown table here (default: standard output)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    info = machine()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="newslint-dask-") as tmp:
        work = Path(tmp)
        folders = write_corpus(Path(args.shared), work, sizes)
        for size, (folder, nbytes) in sorted(folders.items()):
            reference = work / f"local{size}.txt"
            run = measure(
                newslint_cmd("--no-config", "--no-cache", "--jobs", "2", str(folder)), work, reference
            )
            rows.append({"kind": "local", "size": size, "mb": nbytes / 1e6, "wall": run.wall, "cpu": run.cpu})
            print(f"{size}: local {run.wall:.1f} s wall, {run.cpu:.1f} s CPU", file=sys.stderr)
            for workers in (int(w) for w in args.workers.split(",")):
                row = on_cluster(folder, work, workers, reference, not args.no_overhead and size == sizes[0])
                row.update(kind="cluster", size=size, mb=nbytes / 1e6)
                rows.append(row)
                print(f"{size}: {workers} workers {row}", file=sys.stderr)
    text = report(info, rows)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0 if all(r.get("identical", True) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
