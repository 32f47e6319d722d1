"""NL3: a person's name spelled two ways, in one article or across a story."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from operator import itemgetter

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
from newslint.analysis.names import (
    NameMention,
    fold,
    given_compatible,
    given_variants,
    skeleton,
    strip_article,
    surname_variants,
)


def _surname_form(m: NameMention) -> str:
    return strip_article(m.surname)


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
    """

    code = "NL301"
    name = "name-spelling-in-article"
    summary = "A person's name is spelled two ways in one article"
    severity = Severity.WARNING

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        mentions = analysis.names
        forms: dict[str, list[NameMention]] = defaultdict(list)
        for m in mentions:
            forms[_surname_form(m)].append(m)
        blocks: dict[str, list[str]] = defaultdict(list)
        for form in forms:
            blocks[skeleton(form)].append(form)
        for block in blocks.values():
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    if not surname_variants(a, b) or not _same_person(forms[a], forms[b]):
                        continue
                    if not any(m.cue for m in forms[a]) or not any(m.cue for m in forms[b]):
                        continue  # "Latin products" beside "Voto Latino": one side is no person
                    if {m.sentence for m in forms[a]} & {m.sentence for m in forms[b]} and not _slip(a, b):
                        continue  # "King Hussein and Crown Prince Hassan": one sentence, two people
                    if _ordinary_word(document.text, a) or _ordinary_word(document.text, b):
                        continue  # "Lock"/"Lack", "Read"/"Reed": words the article also uses
                    # The rarer spelling is the odd one; on a tie, the later one.
                    ma, mb = forms[a], forms[b]
                    if (len(ma), -ma[0].start) < (len(mb), -mb[0].start):
                        odd, usual, odd_form, usual_form = ma, mb, a, b
                    else:
                        odd, usual, odd_form, usual_form = mb, ma, b, a
                    first, other = odd[0], usual[0]
                    n = len(usual)
                    yield self.violation(
                        document,
                        first.start,
                        first.end,
                        f"“{odd_form}” is spelled “{usual_form}” elsewhere in this article"
                        f" ({n} time{'s' if n > 1 else ''})",
                        [Related(document.locate(other.start, other.end), f"spelled “{usual_form}” here")],
                    )


def _slip(a: str, b: str) -> bool:
    """A slip of the keyboard: accents, or one letter added, dropped or swapped
    ("Manfort"/"Manafort", "Kavanuagh"/"Kavanaugh"). A changed letter
    ("Burr"/"Barr") or more ("Hassan"/"Hussein") may be another person."""
    from rapidfuzz.distance import OSA

    x, y = (
        "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c)).lower()
        for w in (a, b)
    )
    if x == y:
        return True
    if OSA.distance(x, y) != 1:
        return False
    return len(x) != len(y) or sum(p != q for p, q in zip(x, y, strict=False)) != 1


def _ordinary_word(text: str, form: str) -> bool:
    """The form also occurs in lower case in the text: an English word, not only a name."""
    low = form.lower()
    return low != form and re.search(rf"(?<![\w’'-]){re.escape(low)}(?![\w’'-])", text) is not None


def _same_person(a: Sequence[NameMention], b: Sequence[NameMention]) -> bool:
    """No pair of full names with incompatible given names (two relatives)."""
    givens_a = {m.given_name for m in a if m.given_name}
    givens_b = {m.given_name for m in b if m.given_name}
    return all(given_compatible(x, y) for x in givens_a for y in givens_b)


class NameFact(tuple):
    """One spelling of a name in one article: its first place and how often it occurs.

    Made by :meth:`of`. ``block`` and ``given_key`` are the keys the story
    pass compares by (:func:`skeleton` of the surname, :func:`fold` of the
    given name), computed once in the map step, whose facts are cached,
    rather than at every run. A tuple of strings and numbers, because an
    archive holds hundreds of thousands of these and a tuple loads from the
    cache four times faster than a dataclass holding a Location.
    """

    __slots__ = ()

    given: str = property(itemgetter(0))  # type: ignore[assignment]
    surname: str = property(itemgetter(1))  # type: ignore[assignment]
    #: The first mention as written.
    text: str = property(itemgetter(2))  # type: ignore[assignment]
    #: Path, line, column, end line, end column: the fields of its Location, which sort alike.
    place: tuple[str, int, int, int, int] = property(itemgetter(slice(3, 8)))  # type: ignore[assignment]
    mentions: int = property(itemgetter(8))  # type: ignore[assignment]
    block: str = property(itemgetter(9))  # type: ignore[assignment]
    given_key: str = property(itemgetter(10))  # type: ignore[assignment]

    @classmethod
    def of(cls, given: str, surname: str, text: str, location: Location, mentions: int) -> NameFact:
        loc = location
        return cls(
            (given, surname, text, loc.path, loc.line, loc.column, loc.end_line, loc.end_column, mentions)
            + (skeleton(surname), fold(given) if given else "")
        )

    @property
    def location(self) -> Location:
        return Location(*self.place)

    def __repr__(self) -> str:
        return (
            f"NameFact({self.given!r}, {self.surname!r}, {self.text!r}, {self.location!r}, {self.mentions})"
        )


class NameSpellingAcrossStory(CorpusRule):
    """What it checks: a person whose name one article of a story spells
    differently from the others ("Hamze Qalandari" in one outlet, "Hamzeh
    Qalandari" in two). Names are blocked by a normalised surname key and
    compared only within a block (never all pairs): transliteration folding
    (h-final, q/k/gh, al-/el-, inner vowels, doubled letters) and, for
    surnames, a string similarity. The finding sits at the first mention of
    the minority spelling and names the other spelling and where it stands.

    Why it matters: AP asks for the commonly accepted transliteration used the
    same way every time; readers and archives take two spellings for two
    people, and a desk publishing several outlets' copy should not disagree
    with itself.

    Example: one article has "General Hamze Qalandari", two others "Brigadier
    General Hamzeh Qalandari".

    How to fix: check the spelling against the subject's own usage or the
    house transliteration table and align the articles. Full name then
    surname, a middle initial present or not, and relatives sharing a surname
    (different given names) are not flagged.
    """

    code = "NL302"
    name = "name-spelling-across-story"
    summary = "A person's name is spelled differently in another article of the story"
    severity = Severity.WARNING
    fact_kind = "names"

    def collect(self, document: Document, analysis: Analysis) -> list[NameFact]:
        seen: dict[tuple[str, str], list] = {}
        text = document.text
        mentions = analysis.names
        # A surname seen only where nothing shows a person is no spelling of a name.
        cued = {_surname_form(m) for m in mentions if m.cue}
        for m in mentions:
            if _surname_form(m) not in cued:
                continue
            key = (m.given_name, _surname_form(m))
            if key in seen:
                seen[key][1] += 1
            else:
                seen[key] = [m, 1]
        return [
            NameFact.of(g, s, text[m.start : m.end], document.locate(m.start, m.end), n)
            for (g, s), (m, n) in seen.items()
        ]

    def check_corpus(self, story: Story) -> Iterator[Violation]:
        if len(story) < 2:
            return
        facts: Mapping[str, Sequence[NameFact]] = story.facts(self.kind())
        # The facts of each surname form, in story order; blocks of forms by skeleton.
        by_form: dict[str, list[tuple[str, NameFact]]] = defaultdict(list)
        for path, items in facts.items():
            for f in items:
                by_form[f.surname].append((path, f))
        blocks: dict[str, dict[str, list[tuple[str, NameFact]]]] = defaultdict(dict)
        for form, entries in by_form.items():
            blocks[entries[0][1].block][form] = entries
        flagged: set[Location] = set()
        for forms in blocks.values():
            for v in self._check_block(forms):
                if v.location not in flagged:  # one finding per place, however many variants
                    flagged.add(v.location)
                    yield v

    def _check_block(self, forms: dict[str, list[tuple[str, NameFact]]]) -> Iterator[Violation]:
        """Variant pairs in one block: surname forms, then given names under one surname.

        Most blocks hold one surname and no two given names that fold alike:
        the per-article first facts are only gathered for the pairs compared.
        """
        if len(forms) > 1:
            firsts: dict[str, dict[str, NameFact]] = {}  # form -> path -> first fact
            ordered = sorted(forms)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    if not surname_variants(a, b):
                        continue
                    for form in (a, b):
                        if form not in firsts:
                            firsts[form] = _firsts(forms[form])
                    first_a, first_b = firsts[a], firsts[b]
                    if _compatible(first_a, first_b):
                        yield from self._flag(first_a, first_b, a, b)
        # Given names are compared only under one surname: pairs within it, not the block.
        givens: dict[str, dict[str, str]] = defaultdict(dict)  # surname, lower-cased -> given -> key
        for form, entries in forms.items():
            named = {f.given: f.given_key for _, f in entries if f.given}
            if named:
                givens[form.lower()].update(named)
        full_in: dict[str, set[str]] | None = None  # path -> given names used in full names
        for surname, named in sorted(givens.items()):
            if len(named) < 2:
                continue
            # Only given names with one folded key can be variants.
            by_fold: dict[str, list[str]] = defaultdict(list)
            for given in sorted(named):
                by_fold[named[given]].append(given)
            for ga in sorted(named):
                alike = by_fold[named[ga]]
                for gb in alike[alike.index(ga) + 1 :]:
                    if not given_variants(ga, gb):
                        continue
                    if full_in is None:
                        full_in = _full_names(forms)
                    # Relatives: an article naming both is about two people.
                    if any(ga.lower() in used and gb.lower() in used for used in full_in.values()):
                        continue
                    yield from self._flag(
                        _firsts(_full_name_entries(forms, ga, surname)),
                        _firsts(_full_name_entries(forms, gb, surname)),
                        ga,
                        gb,
                    )

    def _flag(
        self, a: dict[str, NameFact], b: dict[str, NameFact], form_a: str, form_b: str
    ) -> Iterator[Violation]:
        only_a = {p: f for p, f in a.items() if p not in b}
        only_b = {p: f for p, f in b.items() if p not in a}
        if not only_a or not only_b:
            return  # both spellings in one article: NL301's finding, not a story one
        sides = [(only_a, only_b)] if len(a) < len(b) else [(only_b, only_a)] if len(b) < len(a) else []
        if not sides:  # a tie: neither is the minority, flag both
            sides = [(only_a, only_b), (only_b, only_a)]
        for odd, usual in sides:
            other = [usual[p] for p in sorted(usual)]
            names = ", ".join(_short(o.location.path) for o in other[:3]) + (" …" if len(other) > 3 else "")
            for path in sorted(odd):
                f = odd[path]
                yield self.at(
                    f.location,
                    f"“{f.text}” is spelled “{other[0].text}” in {len(other)} other article"
                    f"{'s' if len(other) > 1 else ''} of the story ({names})",
                    [Related(o.location, f"spelled “{o.text}” here") for o in other[:3]],
                    f.text,
                )


def _firsts(entries: list[tuple[str, NameFact]]) -> dict[str, NameFact]:
    """Per article, the fact to point at: a full name rather than a surname alone."""
    into: dict[str, NameFact] = {}
    for path, fact in entries:
        old = into.get(path)
        if (
            old is None
            or (fact.given and not old.given)
            or (bool(fact.given) == bool(old.given) and fact.place < old.place)
        ):
            into[path] = fact
    return into


def _full_name_entries(
    forms: dict[str, list[tuple[str, NameFact]]], given: str, surname: str
) -> list[tuple[str, NameFact]]:
    """The full names of a block with this given name and this lower-cased surname."""
    return [
        (path, f)
        for form, entries in forms.items()
        if form.lower() == surname
        for path, f in entries
        if f.given == given
    ]


def _full_names(forms: dict[str, list[tuple[str, NameFact]]]) -> dict[str, set[str]]:
    """Per article, the given names (lower-cased) it uses in full names of this block."""
    used: dict[str, set[str]] = defaultdict(set)
    for entries in forms.values():
        for path, f in entries:
            if f.given:
                used[path].add(f.given.lower())
    return used


def _compatible(a: dict[str, NameFact], b: dict[str, NameFact]) -> bool:
    givens_a = {f.given for f in a.values() if f.given}
    givens_b = {f.given for f in b.values() if f.given}
    return all(given_compatible(x, y) for x in givens_a for y in givens_b)


def _short(path: str) -> str:
    return path.rsplit("/", 1)[-1]


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [NameSpellingInArticle, NameSpellingAcrossStory]
