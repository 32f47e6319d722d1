"""The corpus pass: the documents' facts grouped into stories, and every corpus rule on each story.

It reads only the per-document results (facts, metadata, paths), never the
texts, so it works the same on fresh results and on results from the cache.
What a story knows of each document (path, outlet, date) is taken from the
results now, at reduce time, never from the facts. A file that could not be
read (unreadable, binary, too large) is no article of any story.

Each corpus rule runs on each story as one step under the same time limit,
validation and isolation as a document rule (:mod:`~newslint.engine.document_pass`):
a rule that raises, yields a malformed violation or runs out of time on a
story is reported there (NL004, NL006) with none of its findings on it.
The stories are checked by the same supervised worker processes as the
files (:mod:`~newslint.engine.parallel`), so a story rule that hangs in
native code or crashes costs that rule on that story, not the run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any

from newslint.config.selection import RuleSet
from newslint.core_rules import RuleError
from newslint.engine.deadline import StepTimeout, time_limit
from newslint.engine.parallel import map_in_order
from newslint.engine.progress import Progress
from newslint.engine.results import DocumentResult, finding, gc_paused, notice, rule_error, timed_out
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
        self,
        ruleset: RuleSet,
        story_by: str,
        story_key: str,
        plugin_of: Callable[[str], str],
        timeout: float | None = None,
    ) -> None:
        self.ruleset = ruleset
        self.story_by = story_by
        self.story_key = story_key
        self.plugin_of = plugin_of
        self.timeout = timeout
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
            if r.read:
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

    def run(self, results: Sequence[DocumentResult], workers: int = 0) -> list[Finding]:
        """Every corpus rule's findings on each story of the results.

        ``workers``: check the stories in up to this many worker processes (0: in this one).
        """
        if not self.rules:
            return []
        return self.check(self.stories(results), workers)

    def check(self, stories: Sequence[Story], workers: int = 0) -> list[Finding]:
        """Every corpus rule's findings on each of these stories.

        ``workers``: check the stories in up to this many worker processes (0: in this one).
        """
        findings: list[Finding] = []
        if not self.rules:
            return findings
        with gc_paused():
            for found in map_in_order(_StoryTask(self), stories, min(workers, len(stories)), Progress(0)):
                findings += found
        return findings

    def check_story(self, story: Story, skip: frozenset[int] = frozenset()) -> list[Finding]:
        """Every corpus rule's findings on one story; each rule is a step, numbered from 0.

        ``skip``: steps not to run, each reported as timed out (it was stopped
        from outside on an earlier try).
        """
        findings: list[Finding] = []
        where = story.documents[0].path
        for step, rule in enumerate(self.rules):
            if step in skip:
                findings.append(timed_out(rule, self.timeout, where, "story"))
                continue
            severity = self.ruleset.severity_of(rule.code, rule.severity)
            try:
                with time_limit(self.timeout, step):
                    found = [finding(rule, severity, v) for v in rule.check_corpus(story)]
            except StepTimeout:
                findings.append(timed_out(rule, self.timeout, where, "story"))
                continue
            except KeyboardInterrupt:
                raise
            except BaseException as exc:
                findings.append(rule_error(rule, self.plugin_of(rule.code), where, exc))
                continue
            findings += found
        return findings

    def step_name(self, step: int) -> str:
        """What runs in a step, for messages: ``rule NL302 (name-spelling-across-story)``."""
        if not 0 <= step < len(self.rules):
            return ""
        return f"rule {self.rules[step].code} ({self.rules[step].name})"


class _StoryTask:
    """The corpus pass as a task for worker processes (:class:`newslint.engine.parallel.Task`)."""

    def __init__(self, corpus_pass: CorpusPass) -> None:
        self.corpus_pass = corpus_pass

    def run(self, story: Story, skip: frozenset[int]) -> list[Finding]:
        return self.corpus_pass.check_story(story, skip)

    def lost(self, story: Story, why: str) -> list[Finding]:
        return [notice(RuleError, story.documents[0].path, f"story not checked: {why}")]

    def step_name(self, story: Story, step: int) -> str:
        return self.corpus_pass.step_name(step)

    def sendable(self, findings: list[Finding]) -> list[Finding]:
        return findings
