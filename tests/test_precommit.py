"""A real pre-commit run: newslint as the hook of a newsroom's git repository.

pre-commit installs a hook from a repository at a committed revision, so the
test commits a copy of this working tree (uncommitted edits included) into a
temporary repository, points an article repository's .pre-commit-config.yaml
at it, and commits articles there with `git commit`, which runs the hook.
pre-commit builds the hook's environment with pip (from the package index);
the environment is built once for the module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("git") is None, reason="needs git")]

IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv*",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    ".newslint_cache",
    "build",
    "dist",
)


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(home / "pre-commit-cache"),
        GIT_AUTHOR_NAME="Copy Desk",
        GIT_AUTHOR_EMAIL="desk@example.org",
        GIT_COMMITTER_NAME="Copy Desk",
        GIT_COMMITTER_EMAIL="desk@example.org",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        NO_COLOR="1",
    )
    return env


def _git(cwd: Path, env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=600,
    )


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    """An article repository whose pre-commit hook is newslint from this tree."""
    base = tmp_path_factory.mktemp("precommit")
    env = _env(base)
    hook_repo = base / "newslint"
    shutil.copytree(ROOT, hook_repo, ignore=IGNORE)
    _git(hook_repo, env, "init", "-q")
    _git(hook_repo, env, "add", "-A")
    _git(hook_repo, env, "commit", "-q", "-m", "newslint under test")
    rev = _git(hook_repo, env, "rev-parse", "HEAD").stdout.strip()

    articles = base / "articles"
    articles.mkdir()
    _git(articles, env, "init", "-q")
    (articles / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: newslint\n",
        encoding="utf-8",
    )
    _git(articles, env, "add", ".pre-commit-config.yaml")
    _git(articles, env, "commit", "-q", "-m", "pre-commit configuration")
    install = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=articles,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    # Build the hook's environment now, so a failure here is not mistaken for a finding.
    setup = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install-hooks"],
        cwd=articles,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert setup.returncode == 0, setup.stdout + setup.stderr
    return articles, env


def _commit(articles: Path, env: dict[str, str], name: str, text: str) -> subprocess.CompletedProcess:
    path = articles / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    _git(articles, env, "add", name)
    return _git(articles, env, "commit", "-m", f"add {name}", check=False)


def _unstage(articles: Path, env: dict[str, str], name: str) -> None:
    _git(articles, env, "reset", "-q", "--", name)
    (articles / name).unlink()


def test_commit_with_an_anonymous_source_is_refused(newsroom):
    articles, env = newsroom
    proc = _commit(
        articles,
        env,
        "stories/talks.md",
        "---\ntitle: Talks\n---\n# Talks\n\nAn unnamed official said the talks had stalled.\n",
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "newslint" in output and "Failed" in output
    assert "stories/talks.md:6:1: NL201" in output, output
    # The article was not committed.
    log = _git(articles, env, "log", "--format=%s").stdout
    assert "add stories/talks.md" not in log
    _unstage(articles, env, "stories/talks.md")


def test_clean_and_suppressed_articles_are_committed(newsroom):
    articles, env = newsroom
    clean = _commit(
        articles, env, "stories/budget.txt", "The council approved the budget on Tuesday, the mayor said.\n"
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "newslint" in clean.stderr and "Passed" in clean.stderr
    suppressed = _commit(
        articles,
        env,
        "stories/storm.md",
        "<!-- newslint-disable-next-line NL201 -->\nAn unnamed official said the road was closed.\n",
    )
    assert suppressed.returncode == 0, suppressed.stdout + suppressed.stderr
    # Files rules.yaml excludes stay excluded, although the hook names them.
    (articles / "rules.yaml").write_text('exclude: ["drafts/**"]\n', encoding="utf-8")
    _git(articles, env, "add", "rules.yaml")
    draft = _commit(articles, env, "drafts/idea.md", "An unnamed official said the road was closed.\n")
    assert draft.returncode == 0, draft.stdout + draft.stderr
    # A file type the hook does not take is not linted at all.
    other = _commit(articles, env, "notes.py", "# An unnamed official said so.\n")
    assert other.returncode == 0 and "newslint" in other.stderr and "Skipped" in other.stderr
    # Nor is a text file with no extension (identify calls LICENSE "plain-text").
    licence = _commit(articles, env, "LICENSE", "Many believe an unnamed official said so.\n")
    assert licence.returncode == 0 and "Skipped" in licence.stderr, licence.stdout + licence.stderr


def test_hook_manifest_and_project_config_are_valid(run_cli, tmp_path):
    from pre_commit.clientlib import load_config, load_manifest

    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "newslint" and hook["require_serial"] is True
    assert hook["types"] == ["text"] and hook["files"] == r"\.(txt|md|markdown|html?|xhtml)$"
    config = load_config(str(ROOT / ".pre-commit-config.yaml"))
    seeds_hook = next(h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "newslint-seeds")
    # What that hook runs: newslint on seeds/ with this repository's rules.yaml, clean at --fail-on error.
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "rules.yaml", tmp_path / "rules.yaml")
    command = seeds_hook["entry"].split()
    assert command[0] == "newslint"
    proc = run_cli(*command[1:])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "NL201" in proc.stdout  # the seeds' warnings are still reported


def test_the_documented_configuration_is_pinned_by_autoupdate_freeze(newsroom, tmp_path):
    """docs/newsroom.md: write any rev, then `pre-commit autoupdate --freeze` pins a commit."""
    import re

    articles, env = newsroom
    hook_repo = articles.parent / "newslint"
    page = (ROOT / "docs" / "newsroom.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(repos:\n.*?)```", page, re.S).group(1)
    url = re.search(r"repo: (\S+)", block).group(1)
    desk = tmp_path / "desk"
    desk.mkdir()
    _git(desk, env, "init", "-q")
    (desk / ".pre-commit-config.yaml").write_text(block.replace(url, hook_repo.as_posix()), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "autoupdate", "--freeze"],
        cwd=desk,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    head = _git(hook_repo, env, "rev-parse", "HEAD").stdout.strip()
    assert f"rev: {head}" in (desk / ".pre-commit-config.yaml").read_text(encoding="utf-8")


# Two unrelated events: an attack abroad in the archive, a bus crash committed now.
ATTACK = """\
Gunmen attack market in Velmora

VELMORA — Twelve people were injured on Saturday when gunmen opened fire on the central market of \
Velmora, the interior ministry said.

Governor Teodor Vasquez said the attackers fled towards the northern hills. Soldiers closed the \
roads out of the provincial capital overnight.
"""
CRASH = """\
Keswick Pass road reopens after bus crash

The Keswick Pass road reopened on Tuesday, a day after a Harrowgate Coaches bus overturned at the \
Quarry Lane bend, injuring thirty people, fire chief Agatha Moorcroft said.

The coach had left Dunmore for Harrowgate with 41 passengers shortly before 7:15 a.m. on Monday. \
Engineers checked the barrier through the night.
"""


def test_a_hook_with_corpus_compares_a_new_article_only_with_its_own_story(newsroom):
    articles, env = newsroom
    config = articles / ".pre-commit-config.yaml"
    before = config.read_text(encoding="utf-8")
    config.write_text(
        before.replace("- id: newslint\n", "- id: newslint\n        args: [--corpus, archive/]\n")
    )
    (articles / "archive").mkdir(exist_ok=True)
    (articles / "archive" / "attack.txt").write_text(ATTACK, encoding="utf-8")
    _git(articles, env, "add", ".pre-commit-config.yaml", "archive/attack.txt")
    _git(articles, env, "commit", "-q", "--no-verify", "-m", "the archive")
    rules = articles / "rules.yaml"
    kept = rules.read_text(encoding="utf-8") if rules.exists() else ""
    try:
        # Every file of the run one story, as before stories were found from the text:
        # the crash's toll is set against the attack's, and the commit is refused.
        rules.write_text(kept + "story: {by: run}\n", encoding="utf-8")
        _git(articles, env, "add", "rules.yaml")
        refused = _commit(articles, env, "stories/crash.txt", CRASH)
        output = refused.stdout + refused.stderr
        assert refused.returncode != 0, output
        assert "stories/crash.txt:3:" in output and "NL403" in output, output
        _unstage(articles, env, "stories/crash.txt")
        # The default grouping: the crash is a story of its own.
        rules.write_text(kept, encoding="utf-8")
        _git(articles, env, "add", "rules.yaml")
        done = _commit(articles, env, "stories/crash.txt", CRASH)
        output = done.stdout + done.stderr
        assert done.returncode == 0, output
        assert "Passed" in output and "NL403" not in output and "NL402" not in output
    finally:
        rules.write_text(kept, encoding="utf-8")
        config.write_text(before, encoding="utf-8")
        _git(articles, env, "add", "-A")
        _git(articles, env, "commit", "-q", "--no-verify", "--allow-empty", "-m", "restore")
