"""The per-article pass on a real Dask cluster (``--scheduler``): worker processes over loopback
TCP, the same output as a local run, a worker that dies, a scheduler that does not answer, Ctrl-C.

The cluster is ``distributed.LocalCluster`` with two worker processes (each with
its nanny, which starts a new worker when one dies), started once for the module.
"""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslint.config import Config, build_rules
from newslint.engine import Linter, discover
from newslint.engine.cluster import WORKER_DIED, DaskCluster
from newslint.engine.progress import Progress
from newslint.plugins import load_plugins
from tests.conftest import SEEDS
from tests.story_archive import write_archive

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

pytestmark = pytest.mark.slow

#: A local plugin whose rule kills the worker process that checks an article holding
#: a marker, the first time only when a flag file is named (a crash that a retry survives).
KILLER = '''
import os, signal
from pathlib import Path
from newslint import Rule, hookimpl

class Killer(Rule):
    """What it checks: nothing. Why it matters: it kills its process. Example: x. How to fix: x."""

    code = "KW101"
    name = "killer"
    summary = "Kills the process on a marked article"

    def check(self, document, analysis):
        if "KILL-THIS-WORKER" not in document.text:
            return ()
        flag = Path(__file__).with_name("once.flag")
        if flag.parent.joinpath("once").exists():
            if flag.exists():
                return ()
            flag.write_text("died once")
        os.kill(os.getpid(), signal.SIGKILL)

@hookimpl
def newslint_rules():
    return [Killer]
'''


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, over loopback TCP; a batch whose worker
    dies is retried once (the scheduler's allowed-failures)."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        local = distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            protocol="tcp",
        )
    with local, distributed.Client(local, set_as_default=False) as client:
        yield local.scheduler_address, client


def _ran_on_cluster(client) -> int:
    """How many newslint tasks the scheduler has run (finished or released since)."""

    def count(dask_scheduler) -> int:
        return sum(
            1
            for key, _, finish, *_ in dask_scheduler.transition_log
            if str(key).startswith("newslint-") and finish == "memory"
        )

    return client.run_on_scheduler(count)


def _same_as_local(run_cli, address, *args, cwd=None):
    local = run_cli(*args, cwd=cwd)
    remote = run_cli("--scheduler", address, *args, cwd=cwd)
    assert (remote.returncode, remote.stdout, remote.stderr) == (local.returncode, local.stdout, local.stderr)
    return local


def test_seeds_on_the_cluster_print_exactly_what_a_local_run_prints(run_cli, cluster, tmp_path):
    address, client = cluster
    before = _ran_on_cluster(client)
    for fmt in ("text", "json", "full"):
        out = _same_as_local(run_cli, address, "--no-cache", "--format", fmt, str(SEEDS))
        assert "NL" in out.stdout
    assert _ran_on_cluster(client) > before


def test_an_invented_archive_is_identical_fresh_cached_and_shipped(run_cli, cluster, tmp_path):
    address, _ = cluster
    write_archive(tmp_path / "archive", stories=40, per_story=8)
    local = run_cli("--format", "json", "--no-cache", "archive")
    findings = json.loads(local.stdout)["findings"]
    assert len({f["path"] for f in findings}) > 250  # most of the 320 articles have findings
    assert {f["code"] for f in findings} >= {"NL201", "NL403"}  # article and story rules alike
    for extra in (
        ["--no-cache"],
        ["--no-cache", "--ship-files"],
        ["--cache-dir", "cache"],  # cold: entries packed on the workers, stored here
        ["--cache-dir", "cache"],  # warm: nothing sent to the cluster
        ["--no-cache", "--ship-files", "--corpus", "archive", "--jobs", "1"],
    ):
        remote = run_cli("--scheduler", address, "--format", "json", *extra, "archive")
        assert (remote.returncode, remote.stdout) == (local.returncode, local.stdout), extra


def test_the_environment_names_the_scheduler(run_cli, cluster, tmp_path):
    address, client = cluster
    (tmp_path / "a.md").write_text("An unnamed official said the talks had stalled.\n")
    before = _ran_on_cluster(client)
    remote = run_cli("--no-cache", "a.md", env={"NEWSLINT_SCHEDULER": address})
    assert "NL201" in remote.stdout
    assert _ran_on_cluster(client) > before


def test_a_worker_that_dies_once_is_retried_and_the_output_is_unchanged(run_cli, cluster, tmp_path):
    address, _ = cluster
    _killer_archive(tmp_path, once=True)
    # Locally the marked article would kill newslint itself: compare without it.
    (tmp_path / "archive" / "marked.md").rename(tmp_path / "marked.md")
    local = run_cli("--no-cache", "--format", "json", "archive")
    (tmp_path / "marked.md").rename(tmp_path / "archive" / "marked.md")
    remote = run_cli("--scheduler", address, "--no-cache", "--format", "json", "archive")
    assert (tmp_path / "archive" / "once.flag").exists()  # a worker really died on it
    assert remote.returncode == local.returncode
    theirs = [f for f in json.loads(remote.stdout)["findings"] if not f["path"].endswith("marked.md")]
    assert theirs == json.loads(local.stdout)["findings"]


def test_a_worker_that_dies_twice_costs_its_batch_and_the_rest_completes(run_cli, cluster, tmp_path):
    address, _ = cluster
    _killer_archive(tmp_path, once=False)
    (tmp_path / "archive" / "marked.md").rename(tmp_path / "marked.md")
    local = json.loads(run_cli("--no-cache", "--format", "json", "archive").stdout)["findings"]
    (tmp_path / "marked.md").rename(tmp_path / "archive" / "marked.md")
    started = time.monotonic()
    remote = run_cli("--scheduler", address, "--no-cache", "--format", "json", "archive")
    assert time.monotonic() - started < 120
    assert remote.returncode == 2  # an NL004: the run was incomplete
    found = json.loads(remote.stdout)["findings"]
    died = {f["path"] for f in found if f["code"] == "NL004"}
    assert "archive/marked.md" in died
    assert all(WORKER_DIED in f["message"] for f in found if f["code"] == "NL004")
    # Its batch (13 files), and any batch queued beside it on the dying worker: not the run.
    assert len(died) < 97 // 2, sorted(died)
    assert [f for f in found if f["path"] not in died] == [f for f in local if f["path"] not in died]


def _killer_archive(tmp_path: Path, once: bool) -> None:
    write_archive(tmp_path / "archive", stories=12, per_story=8)
    marked = "Officials speaking on condition of anonymity said KILL-THIS-WORKER twice.\n"
    (tmp_path / "archive" / "marked.md").write_text(marked, encoding="utf-8")
    (tmp_path / "archive" / "killer.py").write_text(KILLER, encoding="utf-8")
    # Each file its own story: an article that was not checked changes no other's findings.
    (tmp_path / "archive" / "rules.yaml").write_text(
        "plugins: [killer.py]\nstory: {by: file}\n", encoding="utf-8"
    )
    if once:
        (tmp_path / "archive" / "once").write_text("")


def test_an_unreachable_scheduler_is_a_clear_error_within_seconds(run_cli, tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "a.md").write_text("The council met on Tuesday.\n")
    started = time.monotonic()
    out = run_cli("--scheduler", f"tcp://127.0.0.1:{port}", "a.md")
    assert time.monotonic() - started < 15
    assert out.returncode == 2
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""


def test_without_dask_the_option_says_what_to_install(run_cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    (tmp_path / "a.md").write_text("The council met on Tuesday.\n")
    out = run_cli("--scheduler", "tcp://127.0.0.1:1", "a.md")
    assert out.returncode == 2
    assert "install newslint's dask extra (pip install '.[dask]'" in out.stderr


def test_the_default_run_never_imports_dask(tmp_path):
    (tmp_path / "a.md").write_text("The council met on Tuesday.\n")
    code = "import sys; from newslint.cli import main; main(['a.md']); print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def _linter() -> Linter:
    config = Config()
    plugins = load_plugins()
    return Linter(plugins, build_rules(config, plugins.rules), config)


def test_ctrl_c_cancels_the_runs_tasks(cluster, tmp_path):
    address, client = cluster
    write_archive(tmp_path / "archive", stories=30, per_story=8)
    targets, _ = discover([str(tmp_path / "archive")], [".md"], [], tmp_path)

    class Interrupted(Progress):
        def advance(self, n: int = 1) -> None:
            raise KeyboardInterrupt

    linter = _linter()
    with DaskCluster(address, batch_size=4) as remote:
        linter.cluster = remote
        with pytest.raises(KeyboardInterrupt):
            list(remote.map(linter, linter.lint_target, targets, Interrupted(len(targets)), lambda r: r))

        def left(dask_scheduler) -> int:
            return sum(1 for key in dask_scheduler.tasks if str(key).startswith("newslint-"))

        deadline = time.monotonic() + 20
        while client.run_on_scheduler(left) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert client.run_on_scheduler(left) == 0


def test_the_cluster_results_equal_the_local_ones_in_order(cluster, tmp_path):
    address, _ = cluster
    write_archive(tmp_path / "archive", stories=10, per_story=8)
    (tmp_path / "archive" / "broken.md").write_bytes(b"\x00\x01binary\x00")
    targets, _ = discover([str(tmp_path / "archive")], [".md"], [], tmp_path)
    linter = _linter()
    local = linter.lint_targets(targets)
    for ship in (False, True):
        with DaskCluster(address, ship_files=ship, batch_size=7) as remote:
            linter.cluster = remote
            there = linter.lint_targets(targets)
        linter.cluster = None
        assert [(r.path, r.findings, r.facts, r.metadata) for r in there] == [
            (r.path, r.findings, r.facts, r.metadata) for r in local
        ]
    assert any(f.code == "NL002" for r in there for f in r.findings)  # the binary file, read there


def test_dask_scheduler_and_worker_processes_stopped_by_pid(run_cli, tmp_path):
    """The commands a cluster is started with: `dask scheduler` and `dask worker`, as processes."""
    dask_command = shutil.which("dask", path=str(Path(sys.executable).parent))
    if dask_command is None:
        pytest.skip("the dask command is not installed beside this Python")
    info = tmp_path / "scheduler.json"
    env_args = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen(
        [
            dask_command,
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--no-dashboard",
            "--scheduler-file",
            str(info),
        ],
        **env_args,
    )
    worker = None
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        worker = subprocess.Popen(
            [dask_command, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"],
            **env_args,
        )
        with distributed.Client(address, set_as_default=False, timeout=30) as client:
            client.wait_for_workers(1, timeout=60)
        out = _same_as_local(run_cli, address, "--no-cache", "--format", "json", str(SEEDS))
        assert json.loads(out.stdout)
    finally:
        for process in (worker, scheduler):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in (worker, scheduler):
            if process is not None:
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
    assert scheduler.returncode is not None and worker is not None and worker.returncode is not None
