"""Each file is linted under its nearest configuration, found from its folder upwards (as
ruff finds it), wherever newslint is run from; the cache lives beside that configuration."""

from __future__ import annotations

import json

ANON = "An unnamed official said the talks had stalled."
WEASEL = "Many believe the talks had stalled."


def _write(path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _found(proc) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for f in json.loads(proc.stdout)["findings"]:
        out.setdefault(f["path"], []).append((f["code"], f["severity"]))
    return out


def test_a_folder_linted_from_elsewhere_uses_its_own_configuration_and_cache(run_cli, tmp_path):
    newsroom = tmp_path / "newsroom"
    _write(newsroom / "rules.yaml", "ignore: [vague-attribution]\nrules:\n  NL201: {severity: error}\n")
    _write(newsroom / "content" / "talks.txt", f"{ANON} {WEASEL}\n")
    elsewhere = tmp_path / "home"
    _write(elsewhere / "rules.yaml", "select: [NL102]\n")  # the working folder's: not for newsroom's files
    proc = run_cli("--format", "json", "../newsroom/content", cwd=elsewhere)
    assert _found(proc) == {"../newsroom/content/talks.txt": [("NL201", "error")]}, proc.stdout
    assert (newsroom / ".newslint_cache").is_dir()
    assert not (elsewhere / ".newslint_cache").exists()
    # A file named on its own, too.
    single = run_cli("--format", "json", "../newsroom/content/talks.txt", cwd=elsewhere)
    assert _found(single) == {"../newsroom/content/talks.txt": [("NL201", "error")]}


def test_a_folder_with_its_own_configuration_inside_a_walked_one(run_cli, tmp_path):
    _write(tmp_path / "rules.yaml", "rules:\n  NL201: {severity: info}\n")
    _write(tmp_path / "news" / "a.txt", f"{ANON}\n")
    _write(tmp_path / "imported" / "rules.yaml", "rules:\n  NL201: {severity: error}\nexclude: [drafts]\n")
    _write(tmp_path / "imported" / "b.txt", f"{ANON}\n")
    _write(tmp_path / "imported" / "drafts" / "c.txt", f"{ANON}\n")
    proc = run_cli("--format", "json", ".")
    assert _found(proc) == {
        "imported/b.txt": [("NL201", "error")],
        "news/a.txt": [("NL201", "info")],
    }, proc.stdout
    assert proc.returncode == 1
    # --config chooses one configuration for every file, as before.
    chosen = run_cli("--format", "json", "--config", "rules.yaml", ".")
    assert {p: f[0][1] for p, f in _found(chosen).items()} == {
        "imported/b.txt": "info",
        "imported/drafts/c.txt": "info",
        "news/a.txt": "info",
    }
    assert run_cli("--format", "json", "--no-config", ".").returncode == 1


def test_paths_under_two_configurations_in_one_run(run_cli, tmp_path):
    _write(tmp_path / "desk-a" / "rules.yaml", "ignore: [NL201]\n")
    _write(tmp_path / "desk-a" / "a.txt", f"{ANON} {WEASEL}\n")
    _write(tmp_path / "desk-b" / "pyproject.toml", '[tool.newslint]\nignore = ["NL102"]\n')
    _write(tmp_path / "desk-b" / "b.txt", f"{ANON} {WEASEL}\n")
    proc = run_cli("--format", "json", "desk-a", "desk-b/b.txt")
    assert _found(proc) == {
        "desk-a/a.txt": [("NL102", "warning")],
        "desk-b/b.txt": [("NL201", "warning")],
    }, proc.stdout
    text = run_cli("desk-a", "desk-b/b.txt")
    assert text.stderr == "newslint: 2 files, 2 findings (2 warnings)\n"


def test_a_mistake_in_a_nested_configuration_stops_the_run(run_cli, tmp_path):
    _write(tmp_path / "a.txt", f"{ANON}\n")
    _write(tmp_path / "imported" / "rules.yaml", "ignore: [NL2O1]\n")
    _write(tmp_path / "imported" / "b.txt", f"{ANON}\n")
    proc = run_cli(".")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("imported/rules.yaml:1:10: ignore: no rule has the code")
