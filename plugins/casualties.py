"""NL4: casualty figures with no source, that no other article reports, or that conflict."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newslint import (
    Analysis,
    CorpusRule,
    Document,
    Location,
    Related,
    Rule,
    Severity,
    Story,
    Violation,
    hookimpl,
)
from newslint.analysis.casualties import COMPATIBLE, GENERIC_GROUPS, TOLL_CLASS, CasualtyClaim, single_voice
from newslint.analysis.copy import copy_index


class UnattributedCasualtyFigure(Rule):
    """What it checks: an explicit count of people killed, dead, injured,
    wounded, hurt, shot, hospitalized or missing ("two civilians dead",
    "killed 14 people", "the death toll rose to 30", "the stabbing of three
    students", "a crash that sent three drivers to the hospital") with no
    source in its sentence or paragraph (or, in a long paragraph, the sentences next to
    it). The source is the one the shared attribution model reads ("...,
    police said", "according to ..."); an institution that only acts
    ("police arrested a man in the shooting of five teens") is no source. A
    figure inside a quotation counts as attributed. A headline is the
    outlet's own voice: its toll is flagged unless the headline names its
    source ("Police: two dead"). Vague counts ("several", "dozens") and
    single victims with no number ("A man was shot", "Thompson was
    pronounced dead", "a 19-year-old died") are left alone.

    Why it matters: BBC guidance warns that first casualty estimates are often
    wrong and must be attributed; AP asks that any figure the reporter did not
    witness be attributed in the same sentence. A toll in the outlet's own
    voice turns a claim into a fact.

    Example: "The attack left two civilians dead." with no "police said" or
    "according to ..." near it.

    How to fix: say who gives the figure ("..., the health ministry said"), or,
    when the reporter counted, say so.
    """

    code = "NL401"
    name = "unattributed-casualty-figure"
    summary = "A casualty figure has no source in its sentence or paragraph"
    severity = Severity.WARNING

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        text = document.text
        for c in analysis.casualties:
            if c.vague or c.definite or not c.explicit or c.attributed:
                continue
            yield self.violation(
                document,
                c.start,
                c.end,
                f"“{text[c.start : c.end]}” ({c.figure()} {c.condition}): no source for this casualty figure"
                " in its sentence or paragraph",
            )


@dataclass(frozen=True)
class CasualtyFact:
    """One casualty claim of one article, as the story pass needs it."""

    location: Location
    text: str
    low: float
    high: float | None
    figure: str
    condition: str
    group: str
    group_key: str
    source: str
    #: One named or referred-back victim: corroborates, never flagged itself.
    definite: bool = False
    #: Part of a toll ("three others were hurt"): never a rival toll.
    partial: bool = False

    def overlaps(self, other: CasualtyFact) -> bool:
        """The two counts can be the same number ("at least 2" and "3" can)."""
        hi_a = float("inf") if self.high is None else self.high
        hi_b = float("inf") if other.high is None else other.high
        return self.low <= hi_b and other.low <= hi_a

    def same_victims(self, other: CasualtyFact) -> bool:
        """Same condition, and groups that can be the same people ("people" fits any)."""
        return other.condition in COMPATIBLE[self.condition] and (
            self.group_key == other.group_key
            or self.group_key in GENERIC_GROUPS
            or other.group_key in GENERIC_GROUPS
        )


def _fact(document: Document, c: CasualtyClaim, text: str) -> CasualtyFact:
    return CasualtyFact(
        document.locate(c.start, c.end),
        text[c.start : c.end],
        # "Seven, including the gunman" are six victims, or seven dead.
        c.low - 1 if c.with_perpetrator and c.low >= 2 else c.low,
        c.high,
        c.figure(),
        c.condition,
        c.group,
        c.group_key,
        c.source,
        c.definite or not c.explicit,
        c.partial,
    )


class _StoryCasualtyRule(CorpusRule):
    """Shared map step of the casualty story rules: one collection per document."""

    fact_kind = "casualties"

    def collect(self, document: Document, analysis: Analysis) -> list[CasualtyFact]:
        """Each casualty figure (not vague, not one named victim)."""
        text = document.text
        # Background figures (other incidents, tallies over a period) are not the story's toll.
        return [
            _fact(document, c, text)
            for c in analysis.casualties
            if not (c.vague or c.definite or c.background)
        ]


Entry = tuple[str, CasualtyFact]
_ANY = "*"


def _add_capped(bucket: dict, key: object, entry: Entry, keys: int = 3) -> None:
    """Keep up to two entries from distinct articles under up to ``keys`` keys:
    enough to know "another article" and "another source" whoever asks."""
    kept = bucket.get(key)
    if kept is None:
        # One article fills one key: its other sources must not crowd out other articles.
        if len(bucket) >= keys or any(e[0] == entry[0] for es in bucket.values() for e in es):
            return
        bucket[key] = [entry]
    elif len(kept) < 2 and kept[0][0] != entry[0]:
        kept.append(entry)


class StoryIndex:
    """The facts of one story, indexed so each question costs O(1) per figure.

    Exact counts are bucketed by (condition, group key, value) and by source,
    each bucket holding at most two articles; ranges and open counts ("at
    least 30") are bucketed by their signature, of which a story has few. No
    pair of facts is ever enumerated, so the reduce step stays linear in the
    number of facts.
    """

    def __init__(self, story: Story) -> None:
        facts = self.facts = story.facts(_StoryCasualtyRule.fact_kind)
        self.articles = len(facts)
        self.exact: dict[tuple[str, str, float], dict[str, list[Entry]]] = defaultdict(dict)
        # Ranges by their signature: a story repeats few distinct ranges.
        self.ranged: dict[str, dict[tuple, list[Entry]]] = defaultdict(dict)
        self.values: dict[str, set[float]] = defaultdict(set)
        self.top: dict[tuple[str, str, str], float] = {}
        self.headlines: dict[tuple[str, str], dict[float, list[Entry]]] = defaultdict(dict)
        for path, items in facts.items():
            for f in items:
                if f.high is not None and f.low == f.high:
                    for key in (f.group_key, _ANY):
                        _add_capped(self.exact[(f.condition, key, f.low)], f.source, (path, f))
                    self.values[f.condition].add(f.low)
                else:
                    signature = (f.group_key, f.low, f.high, f.source)
                    _add_capped(self.ranged[f.condition], signature, (path, f))
                if f.definite:
                    continue
                toll = TOLL_CLASS[f.condition]
                for k in ((path, toll, f.group_key), (path, toll, _ANY)):
                    self.top[k] = max(self.top.get(k, f.low), f.low)
        for path, items in facts.items():
            for f in items:
                if not f.definite and self.is_headline(path, f):
                    by_value = self.headlines[(TOLL_CLASS[f.condition], f.group_key)]
                    _add_capped(by_value, str(f.low), (path, f), keys=64)

    def is_headline(self, path: str, fact: CasualtyFact) -> bool:
        """The article's largest figure for these victims (its toll, not a sub-count).

        A part of a toll ("three others", "including two children") never is;
        nor is a figure for unnamed "people" or "victims" below another
        figure of the same toll ("Two victims were taken to hospital" under
        "Three men and a woman were shot").
        """
        if fact.partial:
            return False
        toll = TOLL_CLASS[fact.condition]
        if fact.low < self.top.get((path, toll, fact.group_key), fact.low):
            return False
        return fact.group_key not in GENERIC_GROUPS or fact.low >= self.top.get((path, toll, _ANY), fact.low)

    def matches(self, path: str, fact: CasualtyFact) -> dict[str, list[Entry]]:
        """Other articles' figures that can be this one, by source.

        Stops at two sources: the rules only ask whether there is any match
        and whether all matches share one source.
        """
        keys = [_ANY] if fact.group_key in GENERIC_GROUPS else [fact.group_key, *GENERIC_GROUPS]
        if fact.high is not None and fact.low == fact.high:
            values: list[float] = [fact.low]
        else:
            hi = float("inf") if fact.high is None else fact.high
            values = sorted(
                {v for c in COMPATIBLE[fact.condition] for v in self.values[c] if fact.low <= v <= hi}
            )
        found: dict[str, list[Entry]] = {}
        for condition in COMPATIBLE[fact.condition]:
            for key in keys:
                for value in values:
                    for source, entries in self.exact.get((condition, key, value), {}).items():
                        for entry in entries:
                            if entry[0] != path:
                                _add_capped(found, source, entry, keys=2)
                    if len(found) >= 2:
                        return found
            for entries in self.ranged[condition].values():
                for p, g in entries:
                    if p != path and fact.same_victims(g) and fact.overlaps(g):
                        _add_capped(found, g.source, (p, g), keys=2)
            if len(found) >= 2:
                return found
        return found

    def rivals(self, path: str, fact: CasualtyFact) -> list[Entry]:
        """Other articles' tolls for the same victims, one per figure."""
        out = []
        for entries in self.headlines[(TOLL_CLASS[fact.condition], fact.group_key)].values():
            others = [e for e in entries if e[0] != path]
            if others:
                out.append(others[0])
        return sorted(out, key=lambda e: (e[1].low, e[0]))


def _figures(facts: Mapping[str, Sequence[CasualtyFact]], parts: bool = False) -> Iterator[Entry]:
    """The figures a story rule may flag: no single named victim, no remainder
    ("three others were hurt" counts part of a toll other articles give
    whole; with ``parts``, remainders too, for the rule asking whether any other
    article gives the figure), and each figure once per article (a page that
    repeats its lede is one claim)."""
    for path, items in facts.items():
        seen: set[tuple] = set()
        for f in items:
            key = (TOLL_CLASS[f.condition], f.group_key, f.low, f.high)
            if f.definite or (f.partial and not parts) or key in seen:
                continue
            seen.add(key)
            yield path, f


class UncorroboratedCasualtyFigure(_StoryCasualtyRule):
    """What it checks: a casualty figure that no other article of the story
    reports: no other article gives a count for the same condition (killed,
    injured, shot, missing) and victim group that can be the same number.
    Runs only on stories of two or more articles; figures another article
    contradicts are NL403's. A part of a toll ("two of the victims are in
    critical condition", "five others were treated and released") is checked
    too: a sub-count only one outlet gives deserves the same second look. A single victim ("a man was shot") is not
    flagged: other articles usually name that person rather than count.

    Why it matters: Iraq Body Count records an incident only on corroboration,
    and BBC guidance treats first casualty figures as often wrong. A figure
    only one outlet has deserves a second look at its source.

    Example: one article says airstrikes "killed several civilians as well as
    two Iranian military advisers"; no other article mentions the advisers.

    How to fix: check the figure's source; attribute it ("..., the state news
    agency said") or drop it until it is confirmed.
    """

    code = "NL402"
    name = "uncorroborated-casualty-figure"
    summary = "No other article of the story reports this casualty figure"
    severity = Severity.INFO

    def check_corpus(self, story: Story) -> Iterator[Violation]:
        if len(story) < 2:
            return
        index = story.index(StoryIndex)
        facts = index.facts
        for path, fact in _figures(facts, parts=True):
            if fact.high == 1:
                continue  # one victim: other articles name them rather than count them
            if index.matches(path, fact):
                continue
            if index.is_headline(path, fact) and index.rivals(path, fact):
                continue  # another article gives a different figure: NL403
            yield self.at(
                fact.location,
                f"“{fact.text}” ({fact.figure} {fact.condition}): no other of the story's "
                f"{len(facts)} articles reports this figure",
                text=fact.text,
            )


class ConflictingCasualtyFigures(_StoryCasualtyRule):
    """What it checks: two articles of a story giving different tolls for the
    same victims: the same condition and victim group, counts that cannot be
    the same number, each the article's largest figure for that group (so a
    sub-count such as "one of them died" is not compared with a total, nor a
    single victim, "a man was shot", with a toll). The message gives both
    figures and their outlets. A later article giving a higher toll than an
    earlier one is an update (a victim died, more were found), not a
    conflict, and is not flagged; a higher toll in an earlier article is.

    Why it matters: BBC Editorial Guidelines ask that, when sources differ,
    the range or the most authoritative source be reported and attributed, and
    that wide disparities be reported with their sources. Two articles of one
    story disagreeing unremarked confuses readers.

    Example: one article "Two people were killed", another "Three people were
    killed" about the same shooting.

    How to fix: report the range ("two or three people, according to ..."),
    or update the earlier figure and say the toll has risen.
    """

    code = "NL403"
    name = "conflicting-casualty-figures"
    summary = "Another article of the story gives a different figure for the same victims"
    severity = Severity.WARNING

    def check_corpus(self, story: Story) -> Iterator[Violation]:
        if len(story) < 2:
            return
        index = story.index(StoryIndex)
        facts = index.facts
        for path, fact in _figures(facts):
            if fact.high == 1 or not index.is_headline(path, fact):
                continue  # one victim is a story about that person, not a toll
            here = story.document(path)
            rivals = [
                (p, g)
                for p, g in index.rivals(path, fact)
                if g.high != 1 and not _update(fact, here.date, g, story.document(p).date)
            ]
            if not rivals or index.matches(path, fact):
                continue
            shown = rivals[:3]
            elsewhere = "; ".join(f"{g.figure} in {story.document(p).outlet}" for p, g in shown)
            lows = [fact.low] + [g.low for _, g in rivals]
            yield self.at(
                fact.location,
                f"“{fact.text}”: {fact.figure} {fact.condition} here ({here.outlet}), {elsewhere}; "
                f"report the range {_n(min(lows))}–{_n(max(lows))} and attribute each figure",
                [
                    Related(g.location, f"{g.figure} {g.condition} here ({story.document(p).outlet})")
                    for p, g in shown
                ],
                fact.text,
            )


class SingleSourceCorroboration(_StoryCasualtyRule):
    """What it checks: a casualty figure that other articles of the story
    repeat, where every article gives it on the same named or unnamed source
    ("the military source" each time), or where the one other article giving
    it follows this one sentence by sentence, or this one follows it (NL502's
    evidence: a copy, credited or not). Figures from the institutions every
    outlet quotes (police, a ministry, officials) are not flagged for their
    source alone. Copies are seen when the copy rules (NL5) run.

    Why it matters: Iraq Body Count counts only independent sources as
    corroboration: outlets repeating the same wire or the same official are
    one source, and an article that repeats another's report confirms
    nothing. Agreement between articles can hide that.

    Example: two outlets say an attack "left two civilians dead", both
    citing the same unnamed military source; or a second outlet re-words the
    first one's report, figure included.

    How to fix: say the figure comes from that one source, and look for an
    independent confirmation.
    """

    code = "NL404"
    name = "single-source-corroboration"
    summary = "A casualty figure is corroborated only by articles citing the same single source"
    severity = Severity.INFO

    def check_corpus(self, story: Story) -> Iterator[Violation]:
        if len(story) < 2:
            return
        index = story.index(StoryIndex)
        copies = story.index(copy_index)
        facts = index.facts
        for path, fact in _figures(facts):
            if fact.high == 1:
                continue
            by_source = index.matches(path, fact)
            matches = [e for entries in by_source.values() for e in entries]
            # One other article: the whole answer (matches stops at two, and may hide a third).
            if len(matches) == 1 and copies.follows(path, matches[0][0]):
                other, g = matches[0]
                yield self.at(
                    fact.location,
                    f"“{fact.text}”: the other article reporting this figure ({story.document(other).outlet}) "
                    "follows this one sentence by sentence, or this one follows it: a copy is not "
                    "independent corroboration",
                    [Related(g.location, "same figure, in a copy")],
                    fact.text,
                )
                continue
            if not single_voice(fact.source):
                continue
            if set(by_source) != {fact.source}:
                continue
            matches = by_source[fact.source]
            outlets = sorted({story.document(p).outlet for p, _ in matches})
            yield self.at(
                fact.location,
                f"“{fact.text}”: the other article{'s' if len(matches) > 1 else ''} reporting this "
                f"figure ({', '.join(outlets[:3])}) cite{'' if len(matches) > 1 else 's'} the same "
                f"source (“{fact.source}”): not independent corroboration",
                [Related(g.location, f"same figure, same source (“{g.source}”)") for _, g in matches[:3]],
                fact.text,
            )


def _update(a: CasualtyFact, a_date: str, b: CasualtyFact, b_date: str) -> bool:
    """A later article with a higher toll: the toll rose (a victim died, more
    were found), which is an update, not a conflict."""
    if not a_date or not b_date or a_date[:10] == b_date[:10]:
        return False
    earlier, later = (a, b) if a_date < b_date else (b, a)
    return later.low > earlier.low


def _n(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [
        UnattributedCasualtyFigure,
        UncorroboratedCasualtyFigure,
        ConflictingCasualtyFigures,
        SingleSourceCorroboration,
    ]
