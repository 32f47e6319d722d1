"""The rule API: check(document, analysis), facts by kind collected once, stories."""

from __future__ import annotations

import shutil

from newslint import Analysis, CorpusRule, Document, Rule, Story, StoryDocument, hookimpl
from newslint.cli import main
from newslint.config import Config, RuleSet
from newslint.engine import Linter
from newslint.plugins import load_plugins

DOC = "What it checks: x.\n\nWhy it matters: x.\n\nExample: x.\n\nHow to fix: x.\n"


def _counted(code: str, calls: list[str]) -> type[CorpusRule]:
    class Lengths(CorpusRule):
        __doc__ = DOC
        name = f"lengths-{code.lower()}"
        summary = "story lengths"
        fact_kind = "lengths"

        def collect(self, document, analysis):
            calls.append(document.path)
            return [len(document.text)]

        def check_corpus(self, story):
            index = story.index(_total)
            for document in story:
                yield self.at(story.facts("lengths") and _place(document.path), f"{index} characters in all")

    Lengths.code = code
    return Lengths


_BUILT: list[str] = []


def _total(story: Story) -> int:
    _BUILT.append(story.id)
    return sum(n for facts in story.facts("lengths").values() for n in facts)


def _place(path: str):
    from newslint import Location

    return Location(path, 1, 1, 1, 2)


def _linter(rules):
    plugins = load_plugins(entry_points=False)
    # Every document of the run is one story: these made-up ones share no names.
    return Linter(
        plugins,
        RuleSet(rules, {r.code: r.severity for r in rules}, {r.code for r in rules}),
        Config(story_by="run"),
    )


def test_rules_of_one_fact_kind_share_one_collection_and_one_index():
    calls: list[str] = []
    _BUILT.clear()
    base = _counted("ZZ101", calls)

    class Second(base):  # the same collect(), another finding
        __doc__ = DOC
        code = "ZZ102"
        name = "lengths-again"

    linter = _linter([base(), Second()])
    results = [
        linter.check_document(Document.from_text(t, path=p)) for p, t in (("a.txt", "abc"), ("b.txt", "de"))
    ]
    findings = linter.corpus_pass(results)
    assert calls == ["a.txt", "b.txt"]  # once per document, not once per rule
    assert results[0].facts == {"lengths": [3]}
    assert _BUILT == [""]  # one story, its index built once for both rules
    assert sorted((f.code, f.path, f.message) for f in findings) == [
        ("ZZ101", "a.txt", "5 characters in all"),
        ("ZZ101", "b.txt", "5 characters in all"),
        ("ZZ102", "a.txt", "5 characters in all"),
        ("ZZ102", "b.txt", "5 characters in all"),
    ]


def test_a_rule_collecting_a_shared_kind_its_own_way_is_refused(monkeypatch):
    calls: list[str] = []
    first = _counted("ZZ201", calls)

    class Rival(CorpusRule):
        __doc__ = DOC
        code = "ZZ202"
        name = "rival"
        summary = "x"
        fact_kind = "lengths"

        def collect(self, document, analysis):
            return ["other"]

        def check_corpus(self, story):
            return []

    class Plugin:
        @hookimpl
        def newslint_rules(self):
            return [first, Rival]

    plugins = load_plugins(entry_points=False)
    plugins.manager.register(Plugin(), name="rivals")
    from newslint.plugins import _collect

    plugins.rules.clear()
    _collect(plugins)
    assert "ZZ201" in plugins.rules and "ZZ202" not in plugins.rules
    assert any("ZZ202 collects facts of kind 'lengths'" in message for _, message in plugins.errors)


def test_a_rule_with_the_old_check_signature_is_named():
    class Old(Rule):
        __doc__ = DOC
        code = "ZZ301"
        name = "old"
        summary = "x"

        def check(self, document):  # before the analysis was passed in
            return []

    assert Old.metadata_problems() == ["check() must take (self, document, analysis)"]


def test_analysis_queries_answer_for_any_rule():
    text = "Storm hits coast\n\nThe mayor said the road was shut. “We are ready,” Ortiz said. Roads closed."
    analysis = Analysis(Document.from_text(text))
    assert analysis.is_headline(0) and not analysis.is_headline(text.index("The mayor"))
    assert analysis.in_quote(text.index("ready")) is not None
    assert analysis.in_quote(text.index("Roads")) is None
    assert analysis.voice_at(text.index("ready")).kind == "quote"
    assert analysis.voice_at(text.index("road was")).kind == "attributed"
    assert analysis.voice_at(text.index("Roads")).kind == "outlet"


def test_story_gives_documents_as_they_are_now():
    story = Story("s", [StoryDocument.of("x/b.txt", {}), StoryDocument.of("a.md", {"outlet": "Daily"})], {})
    assert story.paths == ["a.md", "x/b.txt"]
    assert story.document("x/b.txt").outlet == "b.txt" and story.document("a.md").outlet == "Daily"
    assert story.facts("names") == {"a.md": (), "x/b.txt": ()}


CONFLICT = {
    "a.txt": "Two people were killed when a Harrowgate Coaches bus overturned on the Keswick Pass "
    "road on Monday, fire chief Agatha Moorcroft said.\n",
    "b.txt": "Three people were killed when a Harrowgate Coaches bus overturned on the Keswick Pass "
    "road on Monday, fire chief Agatha Moorcroft said.\n",
}


def test_a_renamed_file_is_named_as_it_is_now_on_a_warm_run(tmp_path, capsys, monkeypatch):
    """Facts come from the cache, the outlet from the file as it is now."""
    story = tmp_path / "story"
    story.mkdir()
    for name, text in CONFLICT.items():
        (story / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["--no-config", "--select", "NL403", "--cache-dir", str(tmp_path / "cache"), "story"]
    assert main(args) == 1
    cold = capsys.readouterr().out
    assert "(b.txt)" in cold
    shutil.move(story / "b.txt", story / "renamed.txt")
    assert main(args) == 1
    warm = capsys.readouterr().out
    assert "(renamed.txt)" in warm and "b.txt" not in warm
    assert main([*args[:-1], "--no-cache", "story"]) == 1
    assert capsys.readouterr().out == warm
