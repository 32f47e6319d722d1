"""Files nobody cleaned: odd encodings, binaries, odd line ends, huge or unreadable files.

One real CLI run over a folder of hostile files checks that each is handled
(read correctly, or skipped with a notice) and that no file's findings are
lost because of another.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.config import Config, build_rules
from newslint.engine import Linter, Target
from newslint.engine.decode import BinaryFileError, decode
from newslint.plugins import load_plugins

pytestmark = pytest.mark.slow

#: Every article carries the same flaggable phrase, so each file's findings show.
FLAG = "José, an unnamed official said so."
#: Column of "an unnamed official" when FLAG starts a line: code points, not bytes.
FLAG_COL = 7

HOSTILE: dict[str, bytes] = {
    "empty.txt": b"",
    "only-spaces.md": b"   \n\n\t\n",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
    "utf8-bom.txt": codecs.BOM_UTF8 + f"{FLAG}\n".encode(),
    "utf16-bom.txt": codecs.BOM_UTF16_LE + f"Headline\n{FLAG}\n".encode("utf-16-le"),
    "utf16be-bom.md": codecs.BOM_UTF16_BE + f"# Headline\n\n{FLAG}\n".encode("utf-16-be"),
    "utf16-no-bom.txt": f"{FLAG}\n".encode("utf-16-le"),
    "cp1252.txt": f"Núñez’s café — “closed”.\n{FLAG}\n".encode("cp1252"),
    "latin1.md": f"---\ntitle: Été\n---\nLe café est fermé.\n\n{FLAG}\n".encode("latin-1"),
    "cp1251.txt": "Президент заявил журналистам, что реформа готова.\nAn unnamed official said so.\n".encode(
        "cp1251"
    ),
    "damaged-utf8.txt": f"“Quote” here.\n{FLAG}\n".encode() + b"Broken \xff\xfe bytes.\n",
    "double-encoded.txt": f"The cafÃ© owner didnâ€™t.\n{FLAG}\n".encode(),
    "crlf.txt": f"First line.\r\n\r\n{FLAG}\r\n".encode(),
    "cr.txt": f"First line.\r\r{FLAG}\r".encode(),
    "cr.md": f"# Title\r\r{FLAG}\r".encode(),
    "crlf.md": f"---\r\nstory: x\r\n---\r\n# Title\r\n\r\n{FLAG}\r\n".encode(),
    "crlf.html": f"<html><body>\r\n<article>\r\n<p>{FLAG}</p>\r\n</article></body></html>\r\n".encode(),
    "cr.html": f"<html><body>\r<p>{FLAG}</p>\r</body></html>\r".encode(),
    "mixed-breaks.html": f"<html>\r<body>\n<p>Alpha\r{FLAG}</p>\r\n</body></html>".encode(),
    "mixed-breaks.md": f"# Title\r\n\rAlpha\n{FLAG}\r".encode(),
    "long-line.txt": (("The council met again. " * 260) + FLAG + "\n").encode(),
}

#: file -> (code, line, column) that must be reported for it.
EXPECTED = {
    "binary.txt": ("NL002", 1, 1),
    "utf8-bom.txt": ("NL201", 1, FLAG_COL),
    "utf16-bom.txt": ("NL201", 2, FLAG_COL),
    "utf16be-bom.md": ("NL201", 3, FLAG_COL),
    "utf16-no-bom.txt": ("NL201", 1, FLAG_COL),
    "cp1252.txt": ("NL201", 2, FLAG_COL),
    "latin1.md": ("NL201", 6, FLAG_COL),
    "cp1251.txt": ("NL201", 2, 1),
    "damaged-utf8.txt": ("NL201", 2, FLAG_COL),
    "double-encoded.txt": ("NL201", 2, FLAG_COL),
    "crlf.txt": ("NL201", 3, FLAG_COL),
    "cr.txt": ("NL201", 3, FLAG_COL),
    "cr.md": ("NL201", 3, FLAG_COL),
    "crlf.md": ("NL201", 6, FLAG_COL),
    "crlf.html": ("NL201", 3, 3 + FLAG_COL),
    "cr.html": ("NL201", 2, 3 + FLAG_COL),
    "mixed-breaks.html": ("NL201", 4, FLAG_COL),
    "mixed-breaks.md": ("NL201", 4, FLAG_COL),
    "long-line.txt": ("NL201", 1, 23 * 260 + FLAG_COL),
}
#: Files decoded another way than UTF-8: the notice and where it points.
ENCODING_NOTICES = {
    "cp1252.txt": ("Windows-1252", 1, 2),  # the "ú"
    "latin1.md": ("Windows-1252", 2, 8),  # the "É" of the front matter
    "cp1251.txt": ("cp1251", 1, 1),
    "damaged-utf8.txt": ("invalid UTF-8", 3, 8),
    "double-encoded.txt": ("“Ã©” for “é”, 2 places", 1, 8),
}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "archive"
    folder.mkdir()
    for name, data in HOSTILE.items():
        (folder / name).write_bytes(data)
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    (folder / "loop").mkdir()
    (folder / "loop" / "again").symlink_to("..", target_is_directory=True)
    (folder / "loop" / "inside.txt").write_text(FLAG + "\n", encoding="utf-8")
    import subprocess

    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "--no-config", "--format", "json", "archive"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc


def _by_file(proc) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in json.loads(proc.stdout)["findings"]:
        out.setdefault(f["path"].split("/", 1)[1], []).append(f)
    return out


def test_hostile_folder_runs_without_a_traceback(hostile_run):
    assert "Traceback" not in hostile_run.stderr, hostile_run.stderr
    # Findings, and exit 2 for the named pipe (NL001 unreadable) where there is one.
    assert hostile_run.returncode == (2 if hasattr(os, "mkfifo") else 1), hostile_run.stderr


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_is_read_or_reported(hostile_run, name):
    code, line, column = EXPECTED[name]
    found = [(f["code"], f["line"], f["column"]) for f in _by_file(hostile_run).get(name, [])]
    assert (code, line, column) in found, found


@pytest.mark.parametrize("name", sorted(ENCODING_NOTICES))
def test_files_not_in_utf8_carry_a_notice_where_it_starts(hostile_run, name):
    words, line, column = ENCODING_NOTICES[name]
    notices = [f for f in _by_file(hostile_run)[name] if f["code"] == "NL007"]
    assert len(notices) == 1
    assert words in notices[0]["message"]
    assert (notices[0]["line"], notices[0]["column"]) == (line, column)


def test_clean_and_empty_files_carry_no_notice(hostile_run):
    by_file = _by_file(hostile_run)
    assert "empty.txt" not in by_file and "only-spaces.md" not in by_file
    for name in ("utf8-bom.txt", "utf16-bom.txt", "utf16-no-bom.txt", "crlf.txt", "cr.md"):
        assert {f["code"] for f in by_file[name]} == {"NL201"}, name


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_skipped_not_read(hostile_run):
    (pipe,) = _by_file(hostile_run)["pipe.txt"]
    assert pipe["code"] == "NL001" and "not a regular file" in pipe["message"]


def test_symlink_loop_is_walked_once(hostile_run):
    by_file = _by_file(hostile_run)
    assert [f["code"] for f in by_file["loop/inside.txt"]] == ["NL201"]
    assert not any(p.startswith("loop/again") for p in by_file)


def test_decoded_text_is_right_not_garbled():
    cases = {
        "Núñez’s café — “closed”…".encode("cp1252"): "Núñez’s café — “closed”…",
        "Die Bürgermeisterin äußerte sich.".encode("latin-1"): "Die Bürgermeisterin äußerte sich.",
        "Президент заявил журналистам, что реформа готова.".encode("cp1251"): (
            "Президент заявил журналистам, что реформа готова."
        ),
        codecs.BOM_UTF8 + "“Hi”".encode(): "“Hi”",
        codecs.BOM_UTF32_LE + "Zoë".encode("utf-32-le"): "Zoë",
        "Zoë said “no”.".encode("utf-16-be"): "Zoë said “no”.",
    }
    for data, text in cases.items():
        assert decode(data).text == text


def test_damaged_utf8_keeps_its_good_characters():
    decoded = decode("Zoë said “no”.".encode() + b" \xc3(")
    assert decoded.text.startswith("Zoë said “no”.") and "\ufffd" in decoded.text
    assert "invalid UTF-8" in decoded.notice and decoded.text[decoded.offset] == "\ufffd"


def test_double_encoding_is_reported_but_real_accents_are_not():
    assert "double-encoded" in decode("Itâ€™s Â© 2019.".encode()).notice
    for clean in ("SÃO PAULO — It’s © 2019, Zoë, 50°C, ½, naïve.", "Ciudad Juárez", "Ångström"):
        assert decode(clean.encode()).notice is None, clean


def test_binary_data_is_refused():
    with pytest.raises(BinaryFileError):
        decode(b"GIF89a\x01\x00\x01\x00\x00\xff\x00" + os.urandom(2000))


def _linter(**settings) -> Linter:
    config = Config()
    plugins = load_plugins()
    return Linter(plugins, build_rules(config, plugins.rules), config, **settings)


def test_permission_denied_is_reported_and_the_rest_is_linted(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(FLAG, encoding="utf-8")
    fine = tmp_path / "fine.txt"
    fine.write_text(FLAG, encoding="utf-8")
    real_open = Path.open

    def deny(self, *args, **kwargs):  # root reads anything, so simulate the refusal
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    linter = _linter()
    results = linter.lint_targets([Target(locked, "locked.txt", True), Target(fine, "fine.txt", True)])
    assert [(f.code, f.message) for f in results[0].findings] == [("NL001", "permission denied")]
    assert [f.code for f in results[1].findings] == ["NL201"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_permission_denied_for_real(run_cli, tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(FLAG, encoding="utf-8")
    locked.chmod(0)
    proc = run_cli("--no-config", "locked.txt")
    assert proc.returncode == 2 and "NL001" in proc.stdout and "permission denied" in proc.stdout


def test_a_50_mb_file_is_skipped_with_a_notice_without_reading_it(run_cli, tmp_path):
    huge = tmp_path / "dump.html"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1000 * 1000)  # sparse: costs no disk
    (tmp_path / "a.txt").write_text(FLAG + "\n", encoding="utf-8")
    proc = run_cli("--no-config", ".")
    assert proc.returncode == 1, proc.stderr
    assert (
        "dump.html:1:1: NL008 file is 50.0 MB, over the 10 MB limit (--max-file-size); skipped" in proc.stdout
    )
    assert "a.txt:1:7: NL201" in proc.stdout


def test_max_file_size_option(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(FLAG + " More text follows here.\n" * 100, encoding="utf-8")
    small = run_cli("--no-config", "--max-file-size", "0.001", "a.txt")
    assert "NL008" in small.stdout and "NL201" not in small.stdout
    large = run_cli("--no-config", "--max-file-size", "1", "a.txt")
    assert "NL008" not in large.stdout and "NL201" in large.stdout
    bad = run_cli("--no-config", "--max-file-size", "-3", "a.txt")
    assert bad.returncode == 2 and "positive number" in bad.stderr and "Traceback" not in bad.stderr


def test_a_file_that_grows_past_the_limit_after_stat_is_not_read_whole(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_text("x" * 5000, encoding="utf-8")
    linter = _linter(max_file_bytes=1000)
    real_stat = Path.stat
    monkeypatch.setattr(Path, "stat", lambda self, **kw: os.stat_result((*real_stat(self)[:6], 10, 0, 0, 0)))
    (result,) = linter.lint_targets([Target(path, "growing.txt", True)])
    assert [f.code for f in result.findings] == ["NL008"]


def test_ten_thousand_files(run_cli_process, tmp_path):
    archive = tmp_path / "archive"
    for d in range(10):
        sub = archive / f"desk{d}"
        sub.mkdir(parents=True)
        for i in range(1000):
            body = FLAG if i % 100 == 0 else "The council met on Tuesday."
            (sub / f"{i:04}.txt").write_text(body + "\n", encoding="utf-8")
    proc = run_cli_process("--no-config", "--jobs", "2", "archive")
    assert proc.returncode == 1, [line for line in proc.stdout.splitlines() if " NL201 " not in line]
    assert len(proc.stdout.splitlines()) == 100
    assert "archive/desk9/0900.txt:1:7: NL201" in proc.stdout


def test_a_folder_that_cannot_be_listed_is_reported_not_skipped(tmp_path, monkeypatch):
    from newslint.engine import discover

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(FLAG, encoding="utf-8")
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "b.txt").write_text(FLAG, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # root lists anything, so simulate the refusal
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    targets, missing = discover([str(tmp_path)], [".txt"], [], tmp_path)
    assert not missing
    results = _linter().lint_targets(targets)
    found = {Path(r.path).name: [(f.code, f.message) for f in r.findings] for r in results}
    assert found["locked"] == [("NL001", "is a folder that cannot be listed; skipped")]
    assert [code for code, _ in found["b.txt"]] == ["NL201"]


def test_a_narrow_selection_still_reports_skipped_files(run_cli, tmp_path):
    (tmp_path / "photo.txt").write_bytes(HOSTILE["binary.txt"][:500])
    (tmp_path / "big.txt").write_text("Many believe it. " * 200, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Many believe it.\n", encoding="utf-8")
    proc = run_cli("--no-config", "--select", "NL1", "--max-file-size", "0.002", ".")
    codes = sorted(line.split(" ")[1] for line in proc.stdout.splitlines())
    assert codes == ["NL002", "NL008", "NL102"], proc.stdout
    assert "big.txt:1:1: NL008 file is 3,400 bytes, over the 0.002 MB limit" in proc.stdout
    quiet = run_cli("--no-config", "--select", "NL1", "--ignore", "NL0", "--max-file-size", "0.002", ".")
    assert [line.split(" ")[1] for line in quiet.stdout.splitlines()] == ["NL102"]


#: Eight levels of ten aliases each: 10**8 values once expanded ("billion laughs").
_LAUGHS = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}' if prev else 'x'] * 10)}]\n"
    for prev, name in zip(["", *"abcdefg"], "abcdefgh", strict=True)
)


#: Merge keys doubling at every level: 2**40 values once built, in 1.5 KB.
_MERGES = "a0: &a0 {x: 1}\n" + "".join(
    f"a{i}: &a{i}\n  <<: [*a{i - 1}, *a{i - 1}]\n  k{i}: 1\n" for i in range(1, 41)
)


@pytest.mark.parametrize(
    "front, problem",
    [
        ('title: !!python/object/apply:os.system ["true"]\n', "could not determine a constructor"),
        ("a: &a [*a]\nstory: *a\n", "aliases expand to more than 10,000 values"),
        (_LAUGHS + "story: *h\n", "aliases expand to more than 10,000 values"),
        (_MERGES, "aliases expand to more than 10,000 values"),
        ("k: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than 100 levels deep"),
        ("".join("  " * i + f"k{i}:\n" for i in range(300)), "nested more than 100 levels deep"),
    ],
    ids=["python-tag", "recursive-alias", "billion-laughs", "merge-keys", "deep-brackets", "deep-indent"],
)
def test_hostile_front_matter_is_refused_with_a_notice(front, problem):
    from newslint.readers.markdown import MarkdownReader

    started = time.perf_counter()
    document = MarkdownReader().read("a.md", f"---\n{front}---\n{FLAG}\n")
    assert time.perf_counter() - started < 2, "refused before anything is built"
    assert document.metadata == {}
    assert [problem in message for _, message in document.problems] == [True]
    assert document.text == FLAG


def test_a_byte_order_mark_before_damaged_text_keeps_the_good_text():
    utf8 = decode(codecs.BOM_UTF8 + "Zoë “x” ".encode() + b"\xff bad")
    assert utf8.text == "Zoë “x” \ufffd bad" and "invalid UTF-8" in utf8.notice and utf8.offset == 8
    lone_surrogate = (
        codecs.BOM_UTF16_LE + "Zoë said".encode("utf-16-le") + b"\x00\xd8" + "more".encode("utf-16-le")
    )
    utf16 = decode(lone_surrogate)
    assert utf16.text == "Zoë said\ufffdmore" and "invalid UTF-16" in utf16.notice and utf16.offset == 8
    clean = decode(codecs.BOM_UTF16_LE + "A real \ufffd stays.".encode("utf-16-le"))
    assert clean.text == "A real \ufffd stays." and clean.notice is None


_YAML_BITS = st.sampled_from(
    [
        "a: ",
        "&x ",
        "*x",
        "<<: ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "- ",
        "\n",
        "  ",
        "'",
        '"',
        "!!str ",
        "k",
        "1",
        "#",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_YAML_BITS, max_size=60).map("".join))
def test_any_front_matter_is_read_or_refused_never_raised(front):
    from newslint.readers.markdown import MarkdownReader

    document = MarkdownReader().read("a.md", f"---\n{front}\n---\n{FLAG}\n")
    assert isinstance(document.metadata, dict)
    assert all(isinstance(message, str) for _, message in document.problems)


def test_html_with_tens_of_thousands_of_unclosed_inline_tags_reads_in_linear_time():
    """Each text node once asked whether <head> was open by scanning every open tag."""
    from newslint.readers.html import HtmlReader

    page = (
        "<html><body><article>" + "".join(f"<b>word{i} " for i in range(80_000)) + "</article></body></html>"
    )
    started = time.perf_counter()
    document = HtmlReader().read("page.html", page)
    assert time.perf_counter() - started < 10  # minutes before; a fraction of a second now
    assert document.text.startswith("word0 word1") and document.text.rstrip().endswith("word79999")


def test_a_stray_nul_in_a_good_article_is_read_as_a_space_with_a_notice(tmp_path, capsys, monkeypatch):
    """Once the whole file was skipped as binary, at info level, and its findings lost."""
    from newslint.cli import main

    article = "Council backs plan\n\nThe council met.\x00 An unnamed official said the vote was close.\n"
    (tmp_path / "a.txt").write_bytes(article.encode())
    decoded = decode(article.encode())
    assert decoded.text == article.replace("\x00", " ") and decoded.offset == article.index("\x00")
    assert "1 NUL byte" in decoded.notice
    monkeypatch.chdir(tmp_path)
    assert main(["--no-config", "a.txt"]) == 1
    out = capsys.readouterr().out
    assert "a.txt:3:17: NL007 the text holds 1 NUL byte" in out and "NL201" in out
