"""The per-file cache: warm runs agree with cold ones, and nothing stale is ever served.

To tell a cached result from a fresh one, some tests "mark" the entries: they
add a finding to every stored result. A marked finding in the output proves
the entry was read; its absence proves the file was linted again.
"""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from newslint.engine import cache as cache_mod
from newslint.findings import Finding, Severity

ARTICLES = {
    "a.txt": "An unnamed official said the zorblat plan had failed.\n\nThe council met on Tuesday.\n",
    "b.txt": "Many believe the bridge is unsafe.\nNo zorblat here, said the mayor, Ann Lee.\n",
    "c.md": "---\ntitle: Flood\n---\n# Flood\n\nThe river rose, a zorblat official said.\n",
    "clean.txt": "The council met on Tuesday and approved the budget.\n",
}

PLUGIN = '''
import re

from newslint import CorpusRule, Rule, hookimpl


class Zorblat(Rule):
    """Flags the word zorblat.

    What it checks: the word. Why it matters: tests. Example: zorblat.
    How to fix: remove it.
    """

    code = "ZB101"
    name = "zorblat"
    summary = "The word zorblat"
    options = {"word": "zorblat", "word_file": ""}

    def check(self, document, analysis):
        word = self.options["word"]
        if self.options["word_file"]:
            with open(self.options["word_file"], encoding="utf-8") as f:
                word = f.read().strip()
        for m in re.finditer(word, document.text):
            yield self.violation(document, m.start(), m.end(), "zorblat here")


class ZorblatCount(CorpusRule):
    """Counts zorblats across the story.

    What it checks: the count. Why it matters: tests. Example: zorblat.
    How to fix: remove them.
    """

    code = "ZB201"
    name = "zorblat-count"
    summary = "How many zorblats the story has"

    def collect(self, document, analysis):
        return [document.locate(m.start(), m.end()) for m in re.finditer("zorblat", document.text)]

    def check_corpus(self, story):
        facts = story.facts(self.kind())
        total = sum(len(v) for v in facts.values())
        for _path, locations in sorted(facts.items()):
            for location in locations:
                yield self.at(location, f"zorblat occurs {total} times in the story")


@hookimpl
def newslint_rules():
    return [Zorblat, ZorblatCount]
'''

MARK = "FROM THE CACHE"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A working folder with rules.yaml, a local plugin and a few articles."""
    (tmp_path / "zorb.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text("plugins: [zorb.py]\n", encoding="utf-8")
    arts = tmp_path / "arts"
    arts.mkdir()
    for name, text in ARTICLES.items():
        (arts / name).write_text(text, encoding="utf-8")
    return tmp_path


def shards(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("*/*.pack"))


def read_shard(path: Path) -> dict[str, bytes]:
    version, found = pickle.loads(path.read_bytes())
    assert version == cache_mod.FORMAT
    return found


def write_shard(path: Path, found: dict[str, bytes]) -> None:
    path.write_bytes(pickle.dumps((cache_mod.FORMAT, found)))


def entries(cache_dir: Path) -> dict[str, bytes]:
    return {k: v for shard in shards(cache_dir) for k, v in read_shard(shard).items()}


def mark_entries(cache_dir: Path) -> int:
    """Add a finding saying MARK to every stored result; returns how many."""
    store = cache_mod.Cache(cache_dir, "unused", {"newslint", "newslint_plugins", "newslint_local_zorb"})
    count = 0
    for shard in shards(cache_dir):
        found = read_shard(shard)
        for key, blob in found.items():
            result = store.unpack(blob, "P")
            assert result is not None
            result.findings.append(Finding("P", 1, 1, 1, 2, "ZB101", "zorblat", Severity.WARNING, MARK))
            packed = store.pack(result, "P")
            assert packed is not None
            found[key] = packed
            count += 1
        write_shard(shard, found)
    return count


def marked_paths(stdout: str) -> set[str]:
    return {line.split(":", 1)[0] for line in stdout.splitlines() if MARK in line}


def test_warm_run_gives_identical_output_from_the_cache(run_cli, story):
    cold = run_cli("arts", cwd=story)
    assert cold.returncode == 1, cold.stderr
    assert "ZB101" in cold.stdout and "ZB201" in cold.stdout
    cache_dir = story / ".newslint_cache"
    assert len(entries(cache_dir)) == len(ARTICLES)
    warm = run_cli("arts", cwd=story)
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    for fmt in ("json", "full"):
        assert (
            run_cli("--format", fmt, "arts", cwd=story).stdout
            == run_cli("--no-cache", "--format", fmt, "arts", cwd=story).stdout
        )
    # The warm run really read the entries: marked results come back, each at its own path.
    assert mark_entries(cache_dir) == len(ARTICLES)
    proc = run_cli("arts", cwd=story)
    assert marked_paths(proc.stdout) == {f"arts/{name}" for name in ARTICLES}


def test_a_moved_file_hits_the_cache_under_its_new_path(run_cli, story):
    run_cli("arts", cwd=story)
    mark_entries(story / ".newslint_cache")
    shutil.move(story / "arts", story / "moved")
    proc = run_cli("moved", cwd=story)
    assert marked_paths(proc.stdout) == {f"moved/{name}" for name in ARTICLES}
    assert "arts/" not in proc.stdout


def test_an_edited_file_is_linted_again_and_the_story_pass_sees_it(run_cli, story):
    # These articles share nothing but a made-up word: one story because rules.yaml says so.
    (story / "rules.yaml").write_text("plugins: [zorb.py]\nstory: run\n", encoding="utf-8")
    cold = run_cli("arts", cwd=story)
    assert "zorblat occurs 3 times" in cold.stdout
    mark_entries(story / ".newslint_cache")
    (story / "arts" / "clean.txt").write_text("The zorblat council met on Tuesday.\n", encoding="utf-8")
    proc = run_cli("arts", cwd=story)
    assert marked_paths(proc.stdout) == {"arts/a.txt", "arts/b.txt", "arts/c.md"}
    assert "arts/clean.txt:1:5: ZB101 zorblat here" in proc.stdout
    # Corpus findings come from a fresh story pass over cached and new facts alike.
    assert "zorblat occurs 4 times" in proc.stdout and "zorblat occurs 3 times" not in proc.stdout


@pytest.mark.parametrize(
    "change",
    [
        "rules.yaml: severity",
        "rules.yaml: option",
        "rules.yaml: ignore",
        "plugin source",
        "a file named in rules.yaml",
    ],
)
def test_a_change_of_configuration_or_plugin_code_invalidates(run_cli, story, change):
    if change == "a file named in rules.yaml":
        (story / "words.txt").write_text("zorblat\n", encoding="utf-8")
        (story / "rules.yaml").write_text(
            "plugins: [zorb.py]\nrules:\n  zorblat:\n    word_file: words.txt\n", encoding="utf-8"
        )
    run_cli("arts", cwd=story)
    mark_entries(story / ".newslint_cache")
    if change == "rules.yaml: severity":
        (story / "rules.yaml").write_text("plugins: [zorb.py]\nrules:\n  ZB101: error\n", encoding="utf-8")
    elif change == "rules.yaml: option":
        (story / "rules.yaml").write_text(
            "plugins: [zorb.py]\nrules:\n  zorblat:\n    word: council\n", encoding="utf-8"
        )
    elif change == "rules.yaml: ignore":
        (story / "rules.yaml").write_text("plugins: [zorb.py]\nignore: [NL102]\n", encoding="utf-8")
    elif change == "a file named in rules.yaml":
        (story / "words.txt").write_text("council\n", encoding="utf-8")
        st = (story / "words.txt").stat()
        os.utime(story / "words.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    else:
        plugin = story / "zorb.py"
        plugin.write_text(plugin.read_text(encoding="utf-8").replace("zorblat here", "a zorblat"))
        st = plugin.stat()  # a same-second edit must count too
        os.utime(plugin, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    proc = run_cli("arts", cwd=story)
    assert proc.returncode == 1, proc.stderr
    assert marked_paths(proc.stdout) == set()
    assert len(list((story / ".newslint_cache").glob("*/"))) >= 2  # a folder per fingerprint


def test_per_file_ignores_apply_to_cached_results(run_cli, story):
    run_cli("arts", cwd=story)
    (story / "rules.yaml").write_text(
        "plugins: [zorb.py]\nper-file-ignores:\n  'arts/a.txt': [ZB101]\n", encoding="utf-8"
    )
    proc = run_cli("arts", cwd=story)
    assert "arts/a.txt:1:30: ZB101" not in proc.stdout and "arts/b.txt:2:4: ZB101" in proc.stdout
    assert proc.stdout == run_cli("--no-cache", "arts", cwd=story).stdout


def test_corrupt_entries_and_shards_are_ignored_and_rewritten(run_cli, story):
    cold = run_cli("arts", cwd=story)
    cache_dir = story / ".newslint_cache"
    garbage = [b"not a pickle at all", b"", pickle.dumps((cache_mod.FORMAT, "not a result")), b"\x80\x05"]
    for shard in shards(cache_dir):
        found = read_shard(shard)
        write_shard(shard, {k: garbage[i % len(garbage)] for i, k in enumerate(found)})
    first = shards(cache_dir)[0]
    first.write_bytes(first.read_bytes()[:20])  # a truncated shard
    proc = run_cli("arts", cwd=story)
    assert (proc.returncode, proc.stdout, proc.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    # Rewritten: every entry can be read (and marked) again.
    assert mark_entries(cache_dir) == len(ARTICLES)
    assert marked_paths(run_cli("arts", cwd=story).stdout) == {f"arts/{name}" for name in ARTICLES}


class _Planted:
    def __reduce__(self):
        return (os.mkdir, ("planted",))


def test_an_entry_that_would_run_code_is_refused(run_cli, story):
    cold = run_cli("arts", cwd=story)
    cache_dir = story / ".newslint_cache"
    planted = pickle.dumps((cache_mod.FORMAT, _Planted()))
    all_shards = shards(cache_dir)
    for shard in all_shards[1:]:
        write_shard(shard, dict.fromkeys(read_shard(shard), planted))
    all_shards[0].write_bytes(planted)  # a whole shard, too
    proc = run_cli("arts", cwd=story)
    assert not (story / "planted").exists()
    assert proc.stdout == cold.stdout


def test_no_cache_neither_writes_nor_reads(run_cli, story):
    proc = run_cli("--no-cache", "arts", cwd=story)
    assert proc.returncode == 1 and "ZB101" in proc.stdout
    assert not (story / ".newslint_cache").exists()
    run_cli("arts", cwd=story)
    mark_entries(story / ".newslint_cache")
    assert marked_paths(run_cli("--no-cache", "arts", cwd=story).stdout) == set()


def test_cache_dir_option_and_the_folder_is_marked_as_a_cache(run_cli, story, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("cache") / "c"
    run_cli("--cache-dir", str(elsewhere), "arts", cwd=story)
    assert not (story / ".newslint_cache").exists()
    assert len(entries(elsewhere)) == len(ARTICLES)
    assert (elsewhere / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (elsewhere / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_the_cache_sits_beside_rules_yaml_and_is_never_linted(run_cli, story):
    sub = story / "arts"
    proc = run_cli(".", cwd=sub)  # rules.yaml is in the parent folder
    assert proc.returncode == 1, proc.stderr
    assert (story / ".newslint_cache").is_dir() and not (sub / ".newslint_cache").exists()
    # Linting the folder that holds the cache does not read the cache's files.
    again = run_cli(".", cwd=story)
    assert ".newslint_cache" not in again.stdout


def test_an_unwritable_cache_folder_warns_and_lints_anyway(run_cli, story):
    (story / "blocker").write_text("a file, not a folder\n", encoding="utf-8")
    proc = run_cli("--cache-dir", "blocker/cache", "arts", cwd=story)
    assert proc.returncode == 1
    assert "cache disabled" in proc.stderr
    assert proc.stdout == run_cli("--no-cache", "arts", cwd=story).stdout


def test_old_fingerprint_folders_are_pruned(run_cli, story):
    cache_dir = story / ".newslint_cache"
    cache_dir.mkdir()
    for i in range(6):
        old = cache_dir / f"{i:020x}"
        old.mkdir()
        write_shard(old / "00.pack", {})
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    (cache_dir / "notes").mkdir()  # not ours: left alone
    run_cli("arts", cwd=story)
    left = sorted(p.name for p in cache_dir.iterdir() if p.is_dir())
    kept_old = [f"{i:020x}" for i in (3, 4, 5)]  # the most recent, beside the new one
    assert len(left) == cache_mod.KEEP_FINGERPRINTS + 1
    assert "notes" in left and all(name in left for name in kept_old)
    assert len(entries(cache_dir)) == len(ARTICLES)


FOREIGN_PLUGIN = '''
import types

from newslint import CorpusRule, hookimpl


class Lengths(CorpusRule):
    """Flags the longest article.

    What it checks: lengths. Why it matters: tests. Example: a long one.
    How to fix: shorten it.
    """

    code = "LN201"
    name = "longest-article"
    summary = "The longest article of the story"

    def collect(self, document, analysis):
        # A fact of a type from outside newslint and the plugins: usable, never cached.
        return [types.SimpleNamespace(size=len(document.text), at=document.locate(0, 1))]

    def check_corpus(self, story):
        facts = story.facts(self.kind())
        longest = max((f for fs in facts.values() for f in fs), key=lambda f: f.size)
        yield self.at(longest.at, f"the longest article ({longest.size} characters)")


@hookimpl
def newslint_rules():
    return [Lengths]
'''


def test_facts_the_cache_will_not_load_are_used_but_not_stored(run_cli, story):
    (story / "lengths.py").write_text(FOREIGN_PLUGIN, encoding="utf-8")
    (story / "rules.yaml").write_text("plugins: [lengths.py]\n", encoding="utf-8")
    cold = run_cli("arts", cwd=story)
    assert "LN201 the longest article" in cold.stdout, cold.stderr
    assert entries(story / ".newslint_cache") == {}
    again = run_cli("arts", cwd=story)
    assert (again.returncode, again.stdout, again.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    assert again.stdout == run_cli("--no-cache", "arts", cwd=story).stdout


def test_only_the_files_own_path_is_a_placeholder():
    from newslint.engine.results import DocumentResult
    from newslint.spans import Location

    path = "Lee"  # the file's path, as the document carries it
    surname = "Ann Lee"[4:]  # a name in the text that reads like it: another string
    assert surname == path and surname is not path
    where = Location(path, 2, 1, 2, 8)
    result = DocumentResult(path, facts={"names": [(surname, path, where)]})
    store = cache_mod.Cache(Path("unused"), "unused", {"newslint"})
    entry = store.pack(result, path)
    assert entry is not None
    moved = store.unpack(entry, "desk/moved.txt")
    assert moved is not None
    assert moved.facts == {"names": [("Lee", "desk/moved.txt", Location("desk/moved.txt", 2, 1, 2, 8))]}


@pytest.mark.parametrize(
    "junk",
    [
        lambda r: setattr(r, "findings", ["not a finding"]),
        lambda r: setattr(
            r, "findings", [Finding("P", "one", 1, 1, 2, "ZB101", "zorblat", Severity.WARNING, "x")]
        ),
        lambda r: setattr(r, "facts", {"zorblat-count": "not a list"}),
        lambda r: setattr(r, "metadata", [1, 2]),
        lambda r: setattr(r, "suppressions", [None]),
    ],
)
def test_an_entry_holding_junk_of_the_right_class_is_a_miss(run_cli, story, junk):
    cold = run_cli("arts", cwd=story)
    cache_dir = story / ".newslint_cache"
    store = cache_mod.Cache(cache_dir, "unused", {"newslint", "newslint_plugins", "newslint_local_zorb"})
    for shard in shards(cache_dir):
        found = read_shard(shard)
        for key, blob in found.items():
            result = store.unpack(blob, "P")
            assert result is not None
            junk(result)
            packed = store.pack(result, "P")
            assert packed is not None
            found[key] = packed
        write_shard(shard, found)
    proc = run_cli("arts", cwd=story)
    assert (proc.returncode, proc.stdout, proc.stderr) == (cold.returncode, cold.stdout, cold.stderr)
