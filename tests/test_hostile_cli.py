"""The run under stress, with real subprocesses: a hanging rule, Ctrl-C, a closed pipe."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")

#: A local plugin whose rules misbehave on documents that ask them to.
MISBEHAVING = '''
import re
import time
from pathlib import Path

from newslint import Rule, Severity, hookimpl


class Hang(Rule):
    """What it checks: nothing; it hangs on documents that say HANG or BACKTRACK.

    Why it matters: it stands for a rule with a bug.

    Example: HANG

    How to fix: nothing.
    """

    code = "XT001"
    name = "hang"
    summary = "hangs on purpose"
    severity = Severity.WARNING

    def check(self, document, analysis):
        marker = Path(__file__).with_name("started")
        if "HANG" in document.text:
            marker.write_text("yes")
            while True:  # pure Python: interrupted between bytecodes
                try:
                    time.sleep(0.01)
                except Exception:  # a rule that swallows everything must still stop
                    pass
        if "BACKTRACK" in document.text:
            marker.write_text("yes")
            # Catastrophic backtracking inside the C regex engine.
            re.match(r"(a|aa)+$", "a" * 60 + "b")
        return iter(())


class Fine(Rule):
    """What it checks: the word "Flagme".

    Why it matters: it shows that the other rules still run.

    Example: Flagme

    How to fix: nothing.
    """

    code = "XT002"
    name = "fine"
    summary = "flags Flagme"
    severity = Severity.WARNING

    def check(self, document, analysis):
        i = document.text.find("Flagme")
        if i >= 0:
            yield self.violation(document, i, i + 6, "flagged")


@hookimpl
def newslint_rules():
    return [Hang, Fine]
'''


@pytest.fixture
def misbehaving(tmp_path) -> Path:
    (tmp_path / "misbehaving.py").write_text(MISBEHAVING, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(
        "plugins: [misbehaving.py]\nselect: [XT]  # NL0 notices stay on anyway\n", encoding="utf-8"
    )
    return tmp_path


def _start(cwd: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )


@posix_only
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_timeout_reports_the_hanging_rule_and_goes_on(misbehaving, run_cli_process, jobs):
    (misbehaving / "a-hang.txt").write_text("HANG here. Flagme too.\n", encoding="utf-8")
    (misbehaving / "b-backtrack.md").write_text("BACKTRACK. Flagme.\n", encoding="utf-8")
    for i in range(4):  # enough files for the worker pool to start
        (misbehaving / f"c{i}.txt").write_text("Flagme, said nobody.\n", encoding="utf-8")
    start = time.monotonic()
    proc = run_cli_process("--timeout", "0.5", "--jobs", jobs, ".", cwd=misbehaving)
    assert time.monotonic() - start < 30
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stdout.splitlines()
    assert "a-hang.txt:1:1: NL006 rule XT001 (hang) did not finish within 0.5 s; skipped" in lines
    assert "b-backtrack.md:1:1: NL006 rule XT001 (hang) did not finish within 0.5 s; skipped" in lines
    flagged = sorted(line.split(":")[0] for line in lines if "XT002" in line)
    assert flagged == ["a-hang.txt", "b-backtrack.md", "c0.txt", "c1.txt", "c2.txt", "c3.txt"]
    assert proc.returncode == 1


@posix_only
def test_timeout_bounds_a_hanging_reader(tmp_path, run_cli_process):
    (tmp_path / "slowreader.py").write_text(
        "import time\n"
        "from newslint import hookimpl\n"
        "class Slow:\n"
        "    name = 'slow'\n"
        "    suffixes = ('.slow',)\n"
        "    def read(self, path, source):\n"
        "        time.sleep(60)\n"
        "@hookimpl\n"
        "def newslint_readers():\n"
        "    return [Slow()]\n",
        encoding="utf-8",
    )
    (tmp_path / "rules.yaml").write_text("plugins: [slowreader.py]\n", encoding="utf-8")
    (tmp_path / "a.slow").write_text("text\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    proc = run_cli_process("--timeout", "0.3", "a.slow", "b.txt")
    assert "a.slow:1:1: NL006 reader 'slow' did not finish within 0.3 s; file skipped" in proc.stdout
    assert "b.txt:1:1: NL201" in proc.stdout


@pytest.mark.parametrize("value", ["zero", "0", "-1", "inf", "nan"])
def test_limits_must_be_positive_numbers(run_cli, value):
    for option in ("--timeout", "--max-file-size"):
        proc = run_cli(option, value, ".")
        assert proc.returncode == 2 and "positive number" in proc.stderr and "Traceback" not in proc.stderr


@posix_only
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_without_a_traceback(misbehaving, jobs):
    for i in range(6):
        (misbehaving / f"{i}.txt").write_text("HANG\n", encoding="utf-8")
    proc = _start(misbehaving, "--jobs", jobs, ".")
    deadline = time.monotonic() + 30
    while not (misbehaving / "started").exists():
        assert time.monotonic() < deadline and proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    time.sleep(0.2)
    # A terminal's Ctrl-C reaches the whole process group; SIGINT to the main
    # process is the same for newslint, whose workers leave it to the main one.
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert err == "newslint: interrupted\n"
    assert out == ""


@posix_only
def test_ctrl_c_to_the_process_group_stops_the_workers_too(misbehaving):
    for i in range(6):
        (misbehaving / f"{i}.txt").write_text("HANG\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "--jobs", "2", "."],
        cwd=misbehaving,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, like a shell job
    )
    deadline = time.monotonic() + 30
    while not (misbehaving / "started").exists():
        assert time.monotonic() < deadline and proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and err == "newslint: interrupted\n", err
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # no worker left behind


@posix_only
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_broken_pipe_exits_quietly(tmp_path, fmt):
    # Enough findings to fill any pipe buffer, so the write really fails.
    (tmp_path / "a.txt").write_text("Many believe so.\n\n" * 4000, encoding="utf-8")
    proc = _start(tmp_path, "--no-config", "--format", fmt, "a.txt")
    first = proc.stdout.readline()
    proc.stdout.close()  # `| head -1`
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert first.strip()
    assert "Traceback" not in err and "Exception" not in err, err
    assert proc.returncode == 1


@posix_only
def test_broken_pipe_through_a_real_shell_pipeline(tmp_path):
    (tmp_path / "a.txt").write_text("Many believe so.\n\n" * 4000, encoding="utf-8")
    proc = subprocess.run(
        f"'{sys.executable}' -m newslint --no-config a.txt | head -n 2",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert len(proc.stdout.splitlines()) == 2
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr, proc.stderr


@posix_only
def test_a_worker_that_dies_costs_only_its_files(tmp_path, run_cli_process):
    (tmp_path / "crash.py").write_text(
        MISBEHAVING.replace("while True:", "os._exit(3)\n            while True:").replace(
            "import re\n", "import os\nimport re\n"
        ),
        encoding="utf-8",
    )
    (tmp_path / "rules.yaml").write_text("plugins: [crash.py]\n", encoding="utf-8")
    # Enough text that the run is worth a pool of workers (see newslint.engine.parallel.worth_forking).
    filler = "The council met again on Tuesday.\n" * 1200
    for i in range(8):
        (tmp_path / f"{i}.txt").write_text("An unnamed official said so.\n" + filler, encoding="utf-8")
    (tmp_path / "3.txt").write_text("HANG\n" + filler, encoding="utf-8")
    proc = run_cli_process("--jobs", "2", ".")
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stdout.splitlines()
    assert (
        "3.txt:1:1: NL004 a worker process died while checking this file or one near it; not checked (try --jobs 1)"
        in lines
    )
    checked = {line.split(":")[0] for line in lines if "NL201" in line}
    died = {line.split(":")[0] for line in lines if "NL004" in line}
    assert checked | died == {f"{i}.txt" for i in range(8)} and checked


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in names")
def test_undecodable_file_name_and_an_ascii_console(tmp_path, run_cli_process):
    (tmp_path / os.fsdecode(b"bad\xffname.txt")).write_text(
        "An unnamed official said so.\n", encoding="utf-8"
    )
    (tmp_path / "ok.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    for fmt in ("text", "full", "json"):
        proc = run_cli_process("--no-config", "--format", fmt, ".", env={"PYTHONIOENCODING": "ascii"})
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        shown = proc.stdout.replace("\\\\", "\\")  # (JSON escapes the backslash)
        assert "bad\\xffname.txt" in shown and "ok.txt" in shown


def test_timeout_says_when_it_cannot_be_enforced(tmp_path, monkeypatch, capsys):
    from newslint import cli

    (tmp_path / "a.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "enforceable", lambda: False)
    assert cli.main(["--no-config", "--jobs", "1", "--timeout", "5", "a.txt"]) == 1
    out, err = capsys.readouterr()
    assert "--timeout is not enforced here" in err and "a.txt:1:1: NL201" in out
