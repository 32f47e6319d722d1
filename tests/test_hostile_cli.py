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


def _default_signals() -> None:
    """In the child: the signals as a terminal leaves them. A test runner started in
    the background (``nohup … &``) ignores SIGINT and SIGHUP, and its children would
    inherit that, never seeing the signals these tests send."""
    for sig in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


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
        preexec_fn=_default_signals,
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
        preexec_fn=_default_signals,
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
def test_a_worker_that_dies_costs_only_the_file_it_was_on(tmp_path, run_cli_process):
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
    # One worker process or several: the crash costs the file it happened on, named with its rule.
    for jobs in ("2", "1"):
        proc = run_cli_process("--jobs", jobs, ".")
        assert "Traceback" not in proc.stderr, proc.stderr
        lines = proc.stdout.splitlines()
        died = [line for line in lines if "NL004" in line]
        assert died == [
            "3.txt:1:1: NL004 not checked: the process checking it died in rule XT001 (hang) "
            "(exited with status 3), also when retried alone"
        ], lines
        checked = {line.split(":")[0] for line in lines if "NL201" in line}
        assert checked == {f"{i}.txt" for i in range(8)} - {"3.txt"}


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


@posix_only
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL, signal.SIGHUP])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_killing_the_main_process_takes_the_workers_with_it(misbehaving, sig, jobs):
    filler = "The council met again on Tuesday.\n" * 1200  # enough text for a pool of workers
    for i in range(10):
        (misbehaving / f"{i}.txt").write_text("HANG\n" + filler, encoding="utf-8")
    # `newslint ... | cat`: the pipe ends only when every process holding it has gone.
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "--jobs", jobs, "."],
        cwd=misbehaving,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_default_signals,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not (misbehaving / "started").exists():
        assert time.monotonic() < deadline and proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    time.sleep(0.2)
    os.kill(proc.pid, sig)  # the main process alone, by its PID
    proc.communicate(timeout=30)  # both pipes closed: no worker holds them
    deadline = time.monotonic() + 10
    while True:  # and no worker is left running
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "a worker outlived the main process"
        time.sleep(0.1)


SWALLOWING = '''
import time
from newslint import CorpusRule, Rule, hookimpl


class Swallow(Rule):
    """What it checks: nothing. Why it matters: x. Example: x. How to fix: x."""

    code = "XS101"
    name = "swallow"
    summary = "swallows every exception, the time limit's included"

    def check(self, document, analysis):
        if "SWALLOW" in document.text:
            yield self.violation(document, 0, 2, "a partial finding")
            while True:
                try:
                    time.sleep(0.01)
                except:  # noqa: E722
                    pass
        yield self.violation(document, 0, 2, "a complete finding")


class SlowStory(CorpusRule):
    """What it checks: nothing. Why it matters: x. Example: x. How to fix: x."""

    code = "XS201"
    name = "slow-story"
    summary = "hangs on a story"

    def collect(self, document, analysis):
        return ["STORYHANG" in document.text]

    def check_corpus(self, story):
        hang = any(v for facts in story.facts(self.kind()).values() for v in facts)
        while hang:
            time.sleep(0.01)
        yield from ()


@hookimpl
def newslint_rules():
    return [Swallow, SlowStory]
'''


@posix_only
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bare_except_cannot_defeat_the_time_limit(tmp_path, run_cli_process, jobs):
    (tmp_path / "swallow.py").write_text(SWALLOWING, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text("plugins: [swallow.py]\n", encoding="utf-8")
    for i in range(4):
        (tmp_path / f"c{i}.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("An unnamed official said so. SWALLOW\n", encoding="utf-8")
    start = time.monotonic()
    proc = run_cli_process("--timeout", "0.5", "--jobs", jobs, ".")
    assert time.monotonic() - start < 60
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stdout.splitlines()
    assert "a.txt:1:1: NL006 rule XS101 (swallow) did not finish within 0.5 s; skipped" in lines
    # Its finding before it hung is not reported as if the check were complete.
    assert not [line for line in lines if "partial finding" in line]
    assert "a.txt:1:1: NL201" in proc.stdout  # the file's other rules still ran
    assert sorted(line.split(":")[0] for line in lines if ": XS101 " in line) == [
        f"c{i}.txt" for i in range(4)
    ]


@posix_only
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_story_rule_has_a_time_limit_too(tmp_path, run_cli_process, jobs):
    (tmp_path / "swallow.py").write_text(SWALLOWING, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text("plugins: [swallow.py]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("An unnamed official said so. STORYHANG\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    proc = run_cli_process("--timeout", "0.5", "--jobs", jobs, ".")
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stdout.splitlines()
    assert (
        "a.txt:1:1: NL006 rule XS201 (slow-story) did not finish within 0.5 s on this story; skipped" in lines
    )
    assert not [line for line in lines if ": XS201 " in line]
    assert {line.split(":")[0] for line in lines if ": XS101 " in line} == {"a.txt", "b.txt"}


def test_the_default_time_limit_is_said_in_help(run_cli):
    from newslint.engine.deadline import DEFAULT_TIMEOUT

    proc = run_cli("--help")
    assert f"(default: {DEFAULT_TIMEOUT:g}; POSIX)" in " ".join(proc.stdout.split())


def test_a_huge_timeout_is_no_limit_not_a_traceback(tmp_path, run_cli_process):
    (tmp_path / "a.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    proc = run_cli_process("--timeout", "1e10", "a.txt")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "a.txt:1:1: NL201" in proc.stdout


UNPICKLABLE = '''
from newslint import CorpusRule, hookimpl


class Handles(CorpusRule):
    """What it checks: nothing. Why it matters: x. Example: x. How to fix: x."""

    code = "XP201"
    name = "handles"
    summary = "facts that cannot be pickled"

    def collect(self, document, analysis):
        return [lambda: None]

    def check_corpus(self, story):
        return iter(())


@hookimpl
def newslint_rules():
    return [Handles]
'''


@posix_only
def test_facts_that_cannot_be_pickled_are_reported_where_they_are_made(tmp_path, run_cli_process):
    (tmp_path / "handles.py").write_text(UNPICKLABLE, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text("plugins: [handles.py]\n", encoding="utf-8")
    filler = "The council met again on Tuesday.\n" * 1200  # enough text for a pool of workers
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text("An unnamed official said so.\n" + filler, encoding="utf-8")
    for jobs in ("1", "2"):
        proc = run_cli_process("--jobs", jobs, ".")
        assert "Traceback" not in proc.stderr, proc.stderr
        lines = proc.stdout.splitlines()
        assert {line.split(":")[0] for line in lines if " NL201 " in line} == {f"{i}.txt" for i in range(6)}
        lost = [line for line in lines if " NL004 " in line]
        assert len(lost) == 6 and all(
            "XP201 (handles)" in line and "cannot be pickled" in line for line in lost
        )


def test_unreadable_and_binary_files_are_no_articles_of_the_story(tmp_path, run_cli_process):
    story = tmp_path / "fire"
    story.mkdir()
    (story / "report.txt").write_text(
        "Three people were killed in the fire on Monday, the fire chief said.\n", encoding="utf-8"
    )
    (story / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    proc = run_cli_process("--no-config", "--select", "NL0,NL4", "fire")
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "NL002" in proc.stdout and "NL402" not in proc.stdout, proc.stdout


@pytest.mark.parametrize(
    "content",
    [
        '{"version": 1, "findings": ' + "[" * 5000 + "]" * 5000 + "}",
        '{"version": 1, "findings": [{"code": "NL201", "path": "a.txt", "text": "x", "occurrence": 1e400}]}',
        '{"version": 1, "findings": [{"code": "NL201", "path": "a.txt", "text": "x", "occurrence": '
        + "9" * 5000
        + "}]}",
    ],
)
def test_a_corrupt_baseline_is_an_error_not_a_traceback(tmp_path, run_cli, content):
    (tmp_path / "a.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    (tmp_path / "baseline.json").write_text(content, encoding="utf-8")
    proc = run_cli("--baseline", "baseline.json", "a.txt")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.startswith("newslint: baseline.json: "), proc.stderr


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_or_a_closed_stdout_is_an_error_not_a_traceback(tmp_path):
    (tmp_path / "a.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
    command = [sys.executable, "-m", "newslint", "--no-config", "a.txt"]
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            command, cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "newslint: cannot write the findings to standard output: No space left on device" in proc.stderr
    proc = subprocess.run(
        [*command, "--format", "sarif", "--output", "/dev/full"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "newslint: cannot write the findings to /dev/full: No space left on device" in proc.stderr
    closed = subprocess.run(
        [*command], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=60
    )
    assert closed.returncode == 1  # (the reference: a writable stdout)
    proc = subprocess.run(
        f"'{sys.executable}' -m newslint --no-config a.txt >&-",
        shell=True,
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        preexec_fn=_default_signals,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr


def test_folders_nested_a_thousand_deep(tmp_path, run_cli):
    folder = tmp_path / "archive"
    folder.mkdir()
    nested = [folder]
    try:
        for _ in range(1000):
            nested.append(nested[-1] / "d")
            nested[-1].mkdir()
        (nested[-1] / "deep.txt").write_text("An unnamed official said so.\n", encoding="utf-8")
        proc = run_cli("--no-config", "archive")
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-500:]
        assert proc.stdout.startswith("archive/" + "d/" * 1000 + "deep.txt:1:1: NL201 ")
    finally:  # (shutil.rmtree, which cleans up tmp_path, recurses once per level)
        (nested[-1] / "deep.txt").unlink(missing_ok=True)
        for level in reversed(nested):
            level.rmdir()


@posix_only
@pytest.mark.parametrize("delay", [0.05, 0.1, 0.15, 0.2, 0.3])
def test_ctrl_c_while_newslint_starts_gives_no_traceback(tmp_path, delay):
    # The command loads the engine and the plugins first (about 0.2 s): an
    # interrupt then must end it as one later on does.
    for i in range(50):
        (tmp_path / f"{i}.txt").write_text("Many believe the plan will fail.\n" * 40, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "--no-cache", "--jobs", "1", "."],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_default_signals,
        text=True,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert "Traceback" not in err, err
    # Killed by the signal before Python was ready for it, or interrupted, says so.
    assert proc.returncode in (-signal.SIGINT, 130), (proc.returncode, err)
    assert proc.returncode == -signal.SIGINT or err == "newslint: interrupted\n"
