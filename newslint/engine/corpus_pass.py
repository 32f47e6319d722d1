"""The corpus pass: the documents' facts grouped into stories, and every corpus rule on each story.

It reads only the per-document results (facts, grouping features, metadata,
paths), never the texts, so it works the same on fresh results and on results
from the cache. What a story knows of each document (path, outlet, date) is
taken from the results now, at reduce time, never from the facts; so are the
metadata's story key and publication date that the grouping weighs. A file
that could not be read (unreadable, binary, too large) is no article of
another's story: it stands alone.

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

from newslint.config import Config
from newslint.config.selection import RuleSet
from newslint.core_rules import RuleError
from newslint.engine.deadline import StepTimeout, time_limit
from newslint.engine.parallel import map_in_order
from newslint.engine.progress import Progress
from newslint.engine.results import DocumentResult, finding, gc_paused, notice, rule_error, timed_out
from newslint.findings import Finding
from newslint.rule import CorpusRule
from newslint.story import Story, StoryDocument, StoryGroup

__all__ = ["GROUPED_MODES", "CorpusPass", "groups_by_text"]

#: The ``story.by`` modes that read each article's grouping features.
GROUPED_MODES = ("auto", "key")


def groups_by_text(ruleset: RuleSet, config: Config) -> bool:
    """Whether a run with this configuration collects grouping features: when its
    stories are found from the text (a reporter may show them when no rule compares)."""
    return config.story_by in GROUPED_MODES


class CorpusPass:
    """Groups results into stories and runs a rule set's corpus rules on each.

    :param story_by: ``auto`` (articles about the same event, found from their
        text; the default), ``run`` (every file of the run is one story),
        ``folder``, ``file`` or ``key`` (a metadata value, ``story_key``; the
        files without it grouped as ``auto`` does).
    :param story_key: the metadata key naming a story (front matter, HTML
        ``<meta>``). ``auto`` heeds it too: articles naming one story are one,
        articles naming two are never merged.
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

    # -- grouping ------------------------------------------------------------

    def groups(self, results: Sequence[DocumentResult]) -> list[StoryGroup]:
        """The stories of the results, sorted by id; every result is in exactly one.

        A story of several articles grouped by their text says what ties it
        (the names and dates its articles share).
        """
        unread = [StoryGroup(r.path, (r.path,)) for r in results if not r.read]
        if unread:
            results = [r for r in results if r.read]
        by = self.story_by
        if by in GROUPED_MODES:
            return sorted(self._grouped(results) + unread) if unread else self._grouped(results)
        named: dict[str, list[str]] = defaultdict(list)
        for r in results:
            if by == "folder":
                named[PurePath(r.path).parent.as_posix()].append(r.path)
            elif by == "file":
                named[r.path].append(r.path)
            else:
                named[""].append(r.path)
        return sorted(
            [*(StoryGroup(story_id, tuple(sorted(paths))) for story_id, paths in named.items()), *unread]
        )

    def _grouped(self, results: Sequence[DocumentResult]) -> list[StoryGroup]:
        from newslint.analysis.stories import group_stories, publication_day, story_ties

        keys = [self._key_of(r) for r in results]
        groups: list[StoryGroup] = []
        if self.story_by == "key":
            keyed: dict[str, list[str]] = defaultdict(list)
            for r, key in zip(results, keys, strict=True):
                if key is not None:
                    keyed[key].append(r.path)
            groups += [StoryGroup(f"key:{key}", tuple(sorted(paths))) for key, paths in keyed.items()]
            results = [r for r, key in zip(results, keys, strict=True) if key is None]
            keys = [None] * len(results)
        # Files without features (not read, or read by a pass that collected none) stand alone.
        alone = [r for r in results if r.story_features is None]
        found = [(r, key) for r, key in zip(results, keys, strict=True) if r.story_features is not None]
        features = [r.story_features for r, _ in found if r.story_features is not None]
        days = [publication_day(r.metadata.get("date")) for r, _ in found]
        for members in (
            group_stories(features, days, [key for _, key in found])
            if len(found) > 1
            else ([[i] for i in range(len(found))])
        ):
            paths = tuple(sorted(found[i][0].path for i in members))
            key = next((found[i][1] for i in members if found[i][1] is not None), None)
            story_id = f"key:{key}" if key is not None else paths[0]
            if len(members) > 1:
                names, dates = story_ties([features[i] for i in members], [days[i] for i in members])
                groups.append(StoryGroup(story_id, paths, tuple(names), tuple(dates)))
            else:
                groups.append(StoryGroup(story_id, paths))
        groups += [StoryGroup(r.path, (r.path,)) for r in alone]
        return sorted(groups)

    def story_of(self, result: DocumentResult) -> str | None:
        """The story a document belongs to by its path or its story key alone;
        None when its text decides (``auto``, and ``key`` for a file without the key)."""
        by = self.story_by
        if by == "folder":
            return PurePath(result.path).parent.as_posix()
        if by == "file":
            return result.path
        if by == "run":
            return ""
        key = self._key_of(result)
        return None if key is None else f"key:{key}"

    def _key_of(self, result: DocumentResult) -> str | None:
        value = result.metadata.get(self.story_key)
        return None if value is None or value == "" else str(value)

    def stories(
        self, results: Sequence[DocumentResult], groups: Sequence[StoryGroup] | None = None
    ) -> list[Story]:
        """The stories of the results (``groups``, else grouped now), each with its documents' facts by kind."""
        by_path = {r.path: r for r in results}
        stories = []
        for group in self.groups(results) if groups is None else groups:
            members = [by_path[p] for p in group.paths]
            facts: dict[str, dict[str, list[Any]]] = defaultdict(dict)
            for m in members:
                for kind, items in m.facts.items():
                    facts[kind][m.path] = items
            documents = [StoryDocument.of(m.path, m.metadata) for m in members]
            stories.append(Story(group.id, documents, facts, group.names, group.dates))
        return stories

    # -- the rules -----------------------------------------------------------

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
