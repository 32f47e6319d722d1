"""The corpus pass: the documents' facts grouped into stories, and every corpus rule on each story.

It reads only the per-document results (facts, metadata, paths), never the
texts, so it works the same on fresh results and on results from the cache.
What a story knows of each document (path, outlet, date) is taken from the
results now, at reduce time, never from the facts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any

from newslint.config.selection import RuleSet
from newslint.engine.results import DocumentResult, finding, gc_paused, rule_error
from newslint.findings import Finding
from newslint.rule import CorpusRule
from newslint.story import Story, StoryDocument

__all__ = ["CorpusPass"]


class CorpusPass:
    """Groups results into stories and runs a rule set's corpus rules on each.

    :param story_by: ``run`` (every file of the run is one story), ``folder``,
        ``file`` or ``key`` (a front-matter value, ``story_key``, else the folder).
    :param plugin_of: the plugin that contributed a rule, by code (named in NL004).
    """

    def __init__(
        self, ruleset: RuleSet, story_by: str, story_key: str, plugin_of: Callable[[str], str]
    ) -> None:
        self.ruleset = ruleset
        self.story_by = story_by
        self.story_key = story_key
        self.plugin_of = plugin_of
        self.rules = [r for r in ruleset.rules if isinstance(r, CorpusRule)]

    def story_of(self, result: DocumentResult) -> str:
        """The story a document belongs to."""
        by = self.story_by
        if by == "folder":
            return PurePath(result.path).parent.as_posix()
        if by == "file":
            return result.path
        if by == "key":
            value = result.metadata.get(self.story_key)
            return (
                f"key:{value}" if value is not None else "folder:" + PurePath(result.path).parent.as_posix()
            )
        return ""

    def stories(self, results: Sequence[DocumentResult]) -> list[Story]:
        """The story groups of the results, each with its documents' facts by kind."""
        groups: dict[str, list[DocumentResult]] = defaultdict(list)
        for r in results:
            groups[self.story_of(r)].append(r)
        stories = []
        for story_id, members in sorted(groups.items()):
            facts: dict[str, dict[str, list[Any]]] = defaultdict(dict)
            for m in members:
                for kind, items in m.facts.items():
                    facts[kind][m.path] = items
            documents = [StoryDocument.of(m.path, m.metadata) for m in members]
            stories.append(Story(story_id, documents, facts))
        return stories

    def run(self, results: Sequence[DocumentResult]) -> list[Finding]:
        """Every corpus rule's findings on each story of the results."""
        if not self.rules:
            return []
        return self.check(self.stories(results))

    def check(self, stories: Sequence[Story]) -> list[Finding]:
        """Every corpus rule's findings on each of these stories.

        A rule that raises on a story is reported (NL004) at the story's first
        document, and the other rules and stories still run.
        """
        findings: list[Finding] = []
        if not self.rules:
            return findings
        with gc_paused():
            for story in stories:
                for rule in self.rules:
                    severity = self.ruleset.severity_of(rule.code, rule.severity)
                    try:
                        for v in rule.check_corpus(story):
                            findings.append(finding(rule, severity, v))
                    except Exception as exc:
                        path = story.documents[0].path
                        findings.append(rule_error(rule, self.plugin_of(rule.code), path, exc))
        return findings
