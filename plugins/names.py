"""NL3: a person's name spelled two ways, in one article or across a story."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from itertools import combinations
from operator import itemgetter

from newslint import (
    Analysis,
    CorpusRule,
    Document,
    Fix,
    Location,
    Related,
    Rule,
    Severity,
    Span,
    Spot,
    Story,
    Violation,
    hookimpl,
)
from newslint.analysis.names import (
    NameMention,
    SpellingVariant,
    common_given,
    given_keys,
    given_sides_meet,
    given_variants,
    may_spell_alike,
    shares_given,
    spelling_variants,
    strip_article,
    surname_pair,
    variant_pairs,
    written_form,
)


class NameSpellingInArticle(Rule):
    """What it checks: one article spelling a person's surname two ways
    ("Priebus" in four places, "Preibus" in one). Spellings are compared after
    folding transliteration variants (h-final, q/k/gh, al-/el-, inner vowels,
    doubled letters) and with a string similarity for typos. The finding sits
    at the first mention of the rarer spelling and points at the other.

    Why it matters: AP asks for the same spelling every time; a copy desk cares
    more about consistency than about which variant is chosen. An inconsistent
    name reads as carelessness and breaks search and archives.

    Example: "Reince Priebus, the chief of staff, ... Preibus said."

    How to fix: pick one spelling (the subject's own, or the house
    transliteration) and use it throughout. Full name then surname, with and
    without a middle initial, and "al-Assad" beside "Assad" are not flagged;
    different given names (relatives sharing a surname) are never merged.
    ``--fix`` writes the article's majority spelling over every rarer one
    (not on a tie; inside quotations only with ``--unsafe-fixes``).
    """

    code = "NL301"
    name = "name-spelling-in-article"
    summary = "A person's name is spelled two ways in one article"
    severity = Severity.WARNING
    fixable = True

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        for v in spelling_variants(analysis.names, document.text):
            first, other = v.odd[0], v.usual[0]
            n = len(v.usual)
            yield self.violation(
                document,
                first.start,
                first.end,
                f"“{v.odd_form}” is spelled “{v.usual_form}” elsewhere in this article"
                f" ({n} time{'s' if n > 1 else ''})",
                [Related(document.locate(other.start, other.end), f"spelled “{v.usual_form}” here")],
                self._fix(document, analysis, v) if len(v.odd) < len(v.usual) else None,
            )

    def _fix(self, document: Document, analysis: Analysis, v: SpellingVariant) -> Fix | None:
        """The majority spelling written over every mention of the rarer one."""
        where = _given_span if v.given else _surname_span
        spans = [where(m, v.odd_form) for m in v.odd]
        return self.replacement(
            document, analysis, spans, v.usual_form, f"spell it “{v.usual_form}”", old=v.odd_form
        )


def _surname_span(m: NameMention, form: str) -> Span:
    """Where a mention's surname form (its article left out) is written: it ends the name."""
    return Span(m.end - len(form), m.end)


def _given_span(m: NameMention, given: str) -> Span:
    """Where a mention's given name is written: it opens the name (an initial first: nowhere)."""
    return Span(m.start, m.start + len(given)) if m.given[:1] == (given,) else Span(m.start, m.start)


class NameFact(tuple):
    """One spelling of a name in one article: its first place and how often it occurs.

    Made by :meth:`of`. A tuple of strings and numbers, because an archive
    holds hundreds of thousands of these and a tuple loads from the cache four
    times faster than a dataclass holding a Location.
    """

    __slots__ = ()

    given: str = property(itemgetter(0))  # type: ignore[assignment]
    surname: str = property(itemgetter(1))  # type: ignore[assignment]
    #: The first mention as written.
    text: str = property(itemgetter(2))  # type: ignore[assignment]
    #: Path, line, column, end line, end column: the fields of its Location, which sort alike.
    place: tuple[str, int, int, int, int] = property(itemgetter(slice(3, 8)))  # type: ignore[assignment]
    mentions: int = property(itemgetter(8))  # type: ignore[assignment]
    #: Where each mention writes the surname, and the given name, for a fix (fewer
    #: spots than mentions: one could not be rewritten).
    surname_spots: tuple[Spot, ...] = property(itemgetter(9))  # type: ignore[assignment]
    given_spots: tuple[Spot, ...] = property(itemgetter(10))  # type: ignore[assignment]

    @classmethod
    def of(
        cls,
        given: str,
        surname: str,
        text: str,
        location: Location,
        mentions: int,
        surname_spots: tuple[Spot, ...] = (),
        given_spots: tuple[Spot, ...] = (),
    ) -> NameFact:
        loc = location
        return cls(
            (given, surname, text, loc.path, loc.line, loc.column, loc.end_line, loc.end_column, mentions)
            + (surname_spots, given_spots)
        )

    @property
    def location(self) -> Location:
        return Location(*self.place)

    def __repr__(self) -> str:
        return (
            f"NameFact({self.given!r}, {self.surname!r}, {self.text!r}, {self.location!r}, {self.mentions})"
        )


Entry = tuple[str, NameFact]


class NameSpellingAcrossStory(CorpusRule):
    """What it checks: a person whose name one article of a story spells
    differently from the others ("Hamze Qalandari" in one outlet, "Hamzeh
    Qalandari" in two; "Brzezinksi" beside "Brzezinski"; "Bob Menendez"
    beside "Robert Menendez"). Spellings are blocked by keys that survive one
    slip of the keyboard (folded transliteration and one-letter deletions)
    and compared only within a block, each with the block's most used
    spellings (never all pairs): transliteration folding (h-final, q/k/gh,
    al-/el-, inner vowels, doubled letters), a string similarity, one
    changed letter in a surname an article never gives in full, and short
    forms of given names. The finding sits at each spelling of the minority
    article and names the other spelling and where it stands; when as many
    articles write each, both are flagged, each naming the other.

    Why it matters: AP asks for the commonly accepted transliteration used the
    same way every time; readers and archives take two spellings for two
    people, and a desk publishing several outlets' copy should not disagree
    with itself.

    Example: one article has "General Hamze Qalandari", two others "Brigadier
    General Hamzeh Qalandari".

    How to fix: check the spelling against the subject's own usage or the
    house transliteration table and align the articles. Full name then
    surname, a middle initial present or not, and relatives sharing a surname
    (different given names, or two given names in one article) are not
    flagged. ``--fix`` writes the spelling of the majority of the articles
    over the minority article's (not on a tie; inside quotations only with
    ``--unsafe-fixes``).
    """

    code = "NL302"
    name = "name-spelling-across-story"
    summary = "A person's name is spelled differently in another article of the story"
    severity = Severity.WARNING
    fact_kind = "names"
    fixable = True

    def collect(self, document: Document, analysis: Analysis) -> list[NameFact]:
        seen: dict[tuple[str, str], list] = {}
        text = document.text
        mentions = analysis.names
        # A surname seen only where nothing shows a person is no spelling of a name.
        cued = {strip_article(m.surname) for m in mentions if m.cue}
        for m in mentions:
            form = strip_article(m.surname)
            if form not in cued:
                continue
            key = (m.given_name, form)
            if key in seen:
                seen[key][1] += 1
            else:
                seen[key] = [m, 1, [], []]
            spots = seen[key]
            for where, written, into in (
                (_surname_span, form, spots[2]),
                (_given_span, m.given_name, spots[3]),
            ):
                spot = self.spot(document, analysis, where(m, written), written) if written else None
                if spot is not None:
                    into.append(spot)
        return [
            NameFact.of(g, s, text[m.start : m.end], document.locate(m.start, m.end), n, tuple(ss), tuple(gs))
            for (g, s), (m, n, ss, gs) in seen.items()
        ]

    def check_corpus(self, story: Story) -> Iterator[Violation]:
        if len(story) < 2:
            return
        facts: Mapping[str, Sequence[NameFact]] = story.facts(self.kind())
        by_form: dict[str, list[Entry]] = defaultdict(list)
        for path, items in facts.items():
            for f in items:
                by_form[f.surname].append((path, f))
        flagged: set[Location] = set()
        for v in self._variants(by_form):
            if v.location not in flagged:  # one finding per place, however many variants
                flagged.add(v.location)
                yield v

    def _variants(self, by_form: dict[str, list[Entry]]) -> Iterator[Violation]:
        articles = {form: len({p for p, _ in entries}) for form, entries in by_form.items()}
        first_names = {f.given for entries in by_form.values() for _, f in entries if f.given}
        for a, b in variant_pairs(articles):
            ea, eb = by_form[a], by_form[b]
            full_a, full_b = any(f.given for _, f in ea), any(f.given for _, f in eb)
            if (not full_a and a in first_names) or (not full_b and b in first_names):
                continue  # "Bryan" alone is Bryan Smith, not a slip for "Bryant"
            if not may_spell_alike(a, b):
                continue
            same = shares_given({f.given for _, f in ea}, {f.given for _, f in eb})
            named = (any(common_given(f.given) for _, f in ea), any(common_given(f.given) for _, f in eb))
            if not surname_pair(a, b, full_a, full_b, same, named):
                continue
            if _compatible(ea, eb):
                # Only the people the other spelling can name: "Jermaine Scofield"
                # beside "Jermaine Schofield", not his mother "Doreen Scofield".
                yield from self._flag(_by_path(_meeting(ea, eb)), _by_path(_meeting(eb, ea)), given=False)
        # Given names under one surname: "Bob" and "Robert Menendez", "Hamze" and "Hamzeh".
        givens: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
        for form, entries in by_form.items():
            for path, f in entries:
                if f.given:
                    givens[form.lower()][written_form(f.given)].append((path, f))
        for by_given in givens.values():
            if len(by_given) < 2:
                continue
            weights = {g: len({p for p, _ in entries}) for g, entries in by_given.items()}
            # a handful of given names is compared in all pairs; more are blocked by slips
            pairs = (
                combinations(sorted(weights), 2) if len(weights) <= 6 else variant_pairs(weights, given_keys)
            )
            for ga, gb in pairs:
                if not given_variants(ga, gb):
                    continue
                # Relatives: an article naming both is about two people.
                if {p for p, _ in by_given[ga]} & {p for p, _ in by_given[gb]}:
                    continue
                yield from self._flag(_by_path(by_given[ga]), _by_path(by_given[gb]), given=True)

    def _flag(
        self, a: dict[str, list[NameFact]], b: dict[str, list[NameFact]], given: bool
    ) -> Iterator[Violation]:
        only_a = {p: fs for p, fs in a.items() if p not in b}
        only_b = {p: fs for p, fs in b.items() if p not in a}
        if not only_a or not only_b:
            return  # both spellings in one article: NL301's finding, not a story one
        sides = [(only_a, only_b)] if len(a) < len(b) else [(only_b, only_a)] if len(b) < len(a) else []
        if not sides:  # a tie: neither is the minority, flag both
            sides = [(only_a, only_b), (only_b, only_a)]
        for odd, usual in sides:
            other = [_first(usual[p]) for p in sorted(usual)]
            names = ", ".join(_short(o.location.path) for o in other[:3]) + (" …" if len(other) > 3 else "")
            majority = (other[0].given if given else other[0].surname) if len(sides) == 1 else ""
            for path in sorted(odd):
                for f in sorted(odd[path], key=lambda f: f.place):
                    yield self.at(
                        f.location,
                        f"“{f.text}” is spelled “{other[0].text}” in {len(other)} other article"
                        f"{'s' if len(other) > 1 else ''} of the story ({names})",
                        [Related(o.location, f"spelled “{o.text}” here") for o in other[:3]],
                        f.text,
                        _fix(f, majority, given),
                    )


def _fix(f: NameFact, majority: str, given: bool) -> Fix | None:
    """The majority spelling written over every mention of a fact (none on a tie, or
    when one of its mentions cannot be rewritten)."""
    spots = f.given_spots if given else f.surname_spots
    if not majority or len(spots) != f.mentions:
        return None
    return Fix.replacing(spots, majority, f"spell it “{majority}”")


def _by_path(entries: list[Entry]) -> dict[str, list[NameFact]]:
    into: dict[str, list[NameFact]] = defaultdict(list)
    for path, f in entries:
        into[path].append(f)
    return into


def _first(facts: list[NameFact]) -> NameFact:
    """The fact to point at: a full name rather than a surname alone, then the first."""
    return min(facts, key=lambda f: (not f.given, f.place))


def _meeting(these: list[Entry], other: list[Entry]) -> list[Entry]:
    """The entries of ``these`` whose given name (if any) fits one of ``other``."""
    givens = {f.given for _, f in other if f.given}
    return [(p, f) for p, f in these if not f.given or given_sides_meet({f.given}, givens)]


def _compatible(a: list[Entry], b: list[Entry]) -> bool:
    return given_sides_meet({f.given for _, f in a if f.given}, {f.given for _, f in b if f.given})


def _short(path: str) -> str:
    return path.rsplit("/", 1)[-1]


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [NameSpellingInArticle, NameSpellingAcrossStory]
