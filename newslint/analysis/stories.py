"""Stories: which articles report the same event.

The story rules compare the articles of one story, and an archive rarely says
which articles belong together. The standard is topic detection and tracking
(TDT): one story is one seminal event and what directly follows from it. Two
shootings in one city in one week are two stories; so are a national
round-up and one local incident in it, and two speeches a minister gave on
different days; a follow-up with an updated toll stays with its event.
Merging two events is the worse error: the story rules would then accuse
outlets of contradicting each other over different victims.

It works in two steps, like the rest of the story pass:

- :func:`story_features` reads one article (its text and metadata) and keeps
  small picklable facts (:class:`StoryFeatures`): the words it capitalises
  (people, places, organisations), its numbers and headline words, each with
  how often and where it occurs; the lines of the page, to tell copied
  passages from page furniture that many pages share; and what must agree
  between two reports of one event: victims' ages, weekdays and dates, times
  of day, street addresses, the dateline.
- :func:`group_stories` groups many articles' features without comparing
  all pairs. Lines found on three pages or more are page furniture and are
  dropped; each article is summarised by its most distinctive words; an
  inverted index of the rare ones proposes the pairs worth comparing; each
  proposed pair gets a probability of reporting the same event from what it
  shares and what conflicts (:func:`same_event_probability`); and articles
  are merged by average link, so one article that mentions two events does
  not chain them together.

The weights of the probability were fitted on half of a public set of
incident clusters (the other half held out); ``benchmarks/stories.py``
measures the grouping and refits them.
"""

from __future__ import annotations

import datetime
import heapq
import math
import re
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newslint.analysis.lexicon.stories import CAPITALISED_NOISE, HEADLINE_NOISE, MONTHS, WEEKDAYS

__all__ = [
    "average_link",
    "scored_pairs",
    "PAIR_EVIDENCE",
    "StoryFeatures",
    "group_stories",
    "pair_evidence",
    "same_event_probability",
    "story_features",
]

# -- reading one article -------------------------------------------------------

#: Lines that open an article: its lead, where the event is named.
LEAD_LINES = 3
#: Characters of the lead read for the weekday and the dateline.
LEAD_CHARS = 800

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_CAPITALISED_RUN = re.compile(
    rf"[{_UPPER}][{_UPPER}{_LOWER}'’-]*[{_LOWER}](?:[ ][{_UPPER}][{_UPPER}{_LOWER}'’-]*[{_LOWER}])*"
)
_POSSESSIVE = re.compile(r"['’]s?(?= |$)")
_NUMBER = re.compile(r"\d[\d,:.]*\d")
_HEADLINE_WORD = re.compile(rf"[{_LOWER}{_UPPER}0-9][{_LOWER}{_UPPER}0-9'’-]*")
_MONTH = r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# The look-ahead for the first character of any alternative lets the engine
# skip most positions without trying each alternative (four times faster).
_FACT = re.compile(
    r"(?=[\d,(aJFMASOND])(?:"
    r"\b(?P<age>\d{1,2})[- ]year[- ]old\b"
    r"|,\s(?P<age2>\d{1,2}),"
    r"|\bage[sd]?\s(?P<age3>\d{1,2})\b"
    r"|\((?P<age4>\d{1,2})\)"
    r"|\b(?P<hour>\d{1,2}):(?P<minute>\d\d)\s*(?P<half>[apAP])\.?[mM]\b"
    r"|\b(?P<number>\d{2,5})\s+(?P<block>block\s+of\s+)?"
    r"(?P<street>(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?[A-Z0-9]\w*)"
    rf"|\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    r"|\b(?P<lone_year>(?:19[5-9]|20\d)\d)\b"
    r")"
)
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_DATELINE = re.compile(r"^([A-Z][A-Z .'-]{2,}?)\s*(?:,|\(|—|--|–)", re.M)
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'")

# What a fact is, in the top bits of its stored value.
AGE, WEEKDAY, MONTH_DAY, TIME, BLOCK, ADDRESS, DATELINE, DATE, YEAR = range(1, 10)
_FACT_SHIFT = 24
_FACT_MASK = (1 << _FACT_SHIFT) - 1

# Bits of ``StoryFeatures.marks``.
_IN_LEAD = 0x80
_COUNT = 0x7F
#: Bit of ``StoryFeatures.where`` standing for every line after the first 31.
_LATER_LINES = 31


def _key(text: str) -> int:
    """A 56-bit key of a string, the same in every process and run (facts are cached)."""
    data = text.encode("utf-8", "surrogatepass")
    return zlib.crc32(data) | (zlib.adler32(data) & 0xFFFFFF) << 32


# Kinds of term, in the top bits of a term's key.
NAME, NAME_PAIR, NUMBER, HEADLINE, PASSAGE = range(1, 6)
_KIND_SHIFT = 56
_KIND_OF_PREFIX = {"c": NAME, "p": NAME_PAIR, "n": NUMBER, "t": HEADLINE}


def _term_key(term: str) -> int:
    return _KIND_OF_PREFIX[term[0]] << _KIND_SHIFT | _key(term[2:])


def kind_of(key: int) -> int:
    """The kind of a term key (NAME, NAME_PAIR, NUMBER, HEADLINE or PASSAGE)."""
    return key >> _KIND_SHIFT


@dataclass(frozen=True)
class StoryFeatures:
    """What :func:`group_stories` needs to know of one article; small and picklable.

    Terms (``c:`` a capitalised word, ``p:`` two capitalised words in a row,
    ``n:`` a number, ``t:`` a headline word, ``d:`` a month and day) are
    stored as keys (:func:`_key`), one per distinct term, with parallel
    ``marks`` (how often it occurs, up to 127, plus 128 when it occurs in the
    lead) and ``where`` (a bit per line holding it, bit 31 for any line
    after the 31st). ``lines`` holds the key of every non-blank line,
    normalised, and ``prose`` its word count when it is a sentence of prose
    (0 otherwise): a line shared by two articles is a copied passage, one
    shared by many is page furniture. ``facts`` are values that two reports
    of one event agree on (ages, weekdays, dates, times, addresses, the
    dateline), each ``kind << 24 | value``. ``shown`` holds the names and dates
    worth printing to say what ties a story, and ``key`` the story its
    metadata names, if any.
    """

    terms: array = field(default_factory=lambda: array("q"))
    marks: bytes = b""
    where: array = field(default_factory=lambda: array("L"))
    lines: array = field(default_factory=lambda: array("q"))
    prose: bytes = b""
    facts: array = field(default_factory=lambda: array("l"))
    shown: tuple[str, ...] = ()
    key: str | None = None


def story_features(text: str, metadata: Mapping[str, Any] | None = None) -> StoryFeatures:
    """The grouping features of one article: its prose and its metadata.

    The headline is the metadata's ``title``, else the first line of the text
    when it reads as one (short, with no full stop); ``date`` (ISO) joins the
    dates read in the text, and ``story`` becomes :attr:`StoryFeatures.key`.
    """
    metadata = metadata or {}
    lines = [line for line in text.splitlines() if line.strip()]
    counts: Counter[str] = Counter()
    where: dict[str, int] = {}
    lead: set[str] = set()
    line_keys = array("q")
    prose = bytearray()
    shown: dict[str, None] = {}
    for index, line in enumerate(lines):
        bit = 1 << min(index, _LATER_LINES)
        found = _line_terms(line)
        for term in found:
            where[term] = where.get(term, 0) | bit
        counts.update(found)
        if index < LEAD_LINES:
            lead.update(found)
            shown.update((term[2:], None) for term in found if term[0] == "p")
        words = line.lower().split()
        line_keys.append(_key(" ".join(words)))
        prose.append(min(len(words), 255) if line.rstrip().endswith(_SENTENCE_END) else 0)
    title = str(metadata.get("title") or "") or (_headline(lines[0]) if lines else "")
    for word in _HEADLINE_WORD.findall(title):
        word = word.lower().strip("'’-")
        if word and word not in HEADLINE_NOISE:
            term = "t:" + word
            counts[term] += 1
            lead.add(term)
            where[term] = where.get(term, 0) | 1
    facts = _facts(text, metadata)
    for term in counts:
        if term[0] == "d":
            shown[term[2:]] = None
    keys = array("q")
    marks = bytearray()
    spots = array("L")
    for term, count in counts.items():
        keys.append(_term_key(term))
        marks.append(min(count, _COUNT) | (_IN_LEAD if term in lead else 0))
        spots.append(where[term])
    story = metadata.get("story")
    return StoryFeatures(
        keys,
        bytes(marks),
        spots,
        line_keys,
        bytes(prose),
        facts,
        tuple(list(shown)[:8]),
        None if story is None else str(story),
    )


def _headline(line: str) -> str:
    line = line.strip()
    return line if len(line) <= 160 and not line.endswith((".", "!", "?", '"', "”")) else ""


def _line_terms(line: str) -> list[str]:
    """The terms of one line, once each occurrence."""
    found = []
    for m in _CAPITALISED_RUN.finditer(line):
        words = _POSSESSIVE.sub("", m.group().lower()).split(" ")
        kept = [w for w in words if w not in CAPITALISED_NOISE]
        found += ["c:" + w for w in kept]
        found += [f"p:{a} {b}" for a, b in zip(words, words[1:], strict=False) if a in kept and b in kept]
    for m in _NUMBER.finditer(line):
        found.append("n:" + m.group().replace(",", "").rstrip(".:"))
    return found


def _facts(text: str, metadata: Mapping[str, Any]) -> array:
    found: set[int] = set()
    for m in _FACT.finditer(text):
        group = m.groupdict()
        if group["age"] or group["age2"] or group["age3"] or group["age4"]:
            age = group["age"] or group["age2"] or group["age3"] or group["age4"]
            found.add(AGE << _FACT_SHIFT | int(age))
        elif group["hour"]:
            hour = int(group["hour"]) % 12 + (12 if group["half"] in "pP" else 0)
            found.add(TIME << _FACT_SHIFT | hour * 60 + int(group["minute"]))
        elif group["number"]:
            street = group["street"].split()[-1].lower()
            found.add(ADDRESS << _FACT_SHIFT | _key(group["number"] + " " + street) & _FACT_MASK)
            if group["block"]:
                found.add(BLOCK << _FACT_SHIFT | int(group["number"]))
        elif group["day"]:
            month = MONTHS.index(group["month"].lower()) + 1
            day = int(group["day"])
            if 1 <= day <= 31:
                found.add(MONTH_DAY << _FACT_SHIFT | month * 32 + day)
                if group["year"]:
                    _add_date(found, int(group["year"]), month, day)
        elif group["lone_year"]:
            found.add(YEAR << _FACT_SHIFT | int(group["lone_year"]))
    lead = "\n".join(text.lstrip().splitlines()[:LEAD_LINES])[:LEAD_CHARS]
    for m in _WEEKDAY.finditer(lead):
        found.add(WEEKDAY << _FACT_SHIFT | WEEKDAYS.index(m.group(1).lower()))
    for m in _DATELINE.finditer(lead):
        found.add(DATELINE << _FACT_SHIFT | _key(" ".join(m.group(1).split())) & _FACT_MASK)
    try:
        published = datetime.date.fromisoformat(str(metadata.get("date") or "")[:10])
    except ValueError:
        pass
    else:
        _add_date(found, published.year, published.month, published.day)
    return array("l", sorted(found))


def _add_date(found: set[int], year: int, month: int, day: int) -> None:
    try:
        found.add(DATE << _FACT_SHIFT | datetime.date(year, month, day).toordinal())
        found.add(YEAR << _FACT_SHIFT | year)
    except ValueError:
        pass


# -- grouping many articles ------------------------------------------------------

#: A line found on this many pages or more is page furniture, not a copied passage.
FURNITURE = 3
#: Distinctive terms summarising an article (its signature).
SIGNATURE = 25
#: Terms on at most this many pages propose pairs of articles to compare.
PROPOSING = 15
#: Terms on at most this many pages count as specific evidence.
SPECIFIC = 30
#: A copied passage is a shared line of prose of at least this many words.
PASSAGE_WORDS = 6

#: The evidence a proposed pair is judged on (:func:`pair_evidence`), in order.
PAIR_EVIDENCE = (
    "signature",  # cosine of the two signatures
    "ages agree",  # both give ages, one in common
    "ages differ",  # both give ages, none in common
    "weekdays agree",
    "weekdays differ",
    "month-days agree",
    "month-days differ",
    "times agree",
    "times differ",
    "blocks agree",
    "blocks differ",
    "datelines agree",
    "datelines differ",
    "addresses agree",
    "addresses differ",
    "dates near",  # full dates within 3 days
    "dates far",  # full dates more than 60 days apart, however near the closest pair
    "years agree",
    "years differ",
    "rare shared",  # capitalised words and passages on at most 5 pages, up to 5
    "rare pairs",  # runs of two capitalised words on at most 10 pages, up to 5
    "rarest pair",  # the highest weight of a shared run of two capitalised words
    "specific names",  # sum over shared capitalised words and runs of log(SPECIFIC / pages)
    "specific numbers",
    "specific passages",
    "specific headline",
)

#: Weights of the evidence (same order), and the intercept, fitted on half of
#: the incident clusters of the benchmark (``benchmarks/stories.py --fit``).
WEIGHTS: tuple[float, ...] = (
    14.983,  # signature
    0.699,  # ages agree
    -1.634,  # ages differ
    0.531,  # weekdays agree
    -1.546,  # weekdays differ
    2.159,  # month-days agree
    0.184,  # month-days differ
    1.287,  # times agree
    -0.813,  # times differ
    0.952,  # blocks agree
    -1.883,  # blocks differ
    -0.308,  # datelines agree
    -0.731,  # datelines differ
    1.361,  # addresses agree
    -0.367,  # addresses differ
    2.502,  # dates near
    -2.422,  # dates far
    0.443,  # years agree
    0.404,  # years differ
    -0.053,  # rare shared
    -0.044,  # rare pairs
    0.136,  # rarest pair
    0.361,  # specific names
    -0.233,  # specific numbers
    -0.193,  # specific passages
    0.285,  # specific headline
)
INTERCEPT = -5.611

#: Average link: merge two groups while the mean probability over their pairs
#: (unproposed pairs count as 0) is at least this, and some pair is at least MERGE_BEST.
MERGE_MEAN = 0.4
MERGE_BEST = 0.8


class _Corpus:
    """The features of many articles with what the grouping derives from them."""

    def __init__(self, features: Sequence[StoryFeatures]) -> None:
        self.features = features
        self.n = len(features)
        line_pages = _pages(set(f.lines) for f in features)
        # Per article: the keys of its kept terms (page furniture dropped) and
        # of the passages it shares with one other page.
        self.kept: list[list[int]] = []
        for f in features:
            furniture = 0
            passages = []
            for i, (line, words) in enumerate(zip(f.lines, f.prose, strict=True)):
                pages = line_pages.get(line, 1)
                if pages >= FURNITURE or (pages == 2 and not words):
                    furniture |= 1 << min(i, _LATER_LINES)
                elif pages == 2 and words >= PASSAGE_WORDS:
                    passages.append(PASSAGE << _KIND_SHIFT | line)
            if len(f.lines) > _LATER_LINES:
                furniture &= ~(1 << _LATER_LINES)
            kept = [t for t, w in zip(f.terms, f.where, strict=True) if w & ~furniture]
            self.kept.append(kept + passages)
        self.pages = _pages(set(k) for k in self.kept)
        self._signatures: list[dict[int, float]] | None = None

    def weight(self, term: int) -> float:
        return math.log(self.n / self.pages.get(term, 1))

    def signatures(self) -> list[dict[int, float]]:
        if self._signatures is None:
            self._signatures = [self._signature(i) for i in range(self.n)]
        return self._signatures

    def _signature(self, i: int) -> dict[int, float]:
        f = self.features[i]
        marks = dict(zip(f.terms, f.marks, strict=True))
        ranked = []
        for term in self.kept[i]:
            pages = self.pages.get(term, 1)
            if term >> _KIND_SHIFT == NAME_PAIR:
                continue
            weight = math.log(self.n / pages)
            mark = marks.get(term, 1)
            salience = weight * (1 + math.log(mark & _COUNT)) * (2 if mark & _IN_LEAD else 1)
            ranked.append((salience, term, weight))
        ranked.sort(reverse=True)
        top = ranked[:SIGNATURE]
        norm = math.sqrt(sum(w * w for _, _, w in top)) or 1.0
        return {term: w / norm for _, term, w in top}

    def specific(self) -> list[frozenset[int]]:
        """Per article, its kept terms found on 2 to SPECIFIC pages: the ones a pair can share to effect."""
        pages = self.pages
        return [frozenset(t for t in kept if 2 <= pages.get(t, 1) <= SPECIFIC) for kept in self.kept]

    def proposals(self) -> set[tuple[int, int]]:
        """Pairs of articles sharing a rare signature term or a street address."""
        postings: dict[int, list[int]] = defaultdict(list)
        pages = self.pages
        for i, signature in enumerate(self.signatures()):
            for term in signature:
                if pages.get(term, 1) <= PROPOSING:
                    postings[term].append(i)
        addresses = _pages({v for v in f.facts if v >> _FACT_SHIFT == ADDRESS} for f in self.features)
        for i, f in enumerate(self.features):
            for v in f.facts:
                if v >> _FACT_SHIFT == ADDRESS and 2 <= addresses.get(v, 1) <= PROPOSING:
                    postings[~v].append(i)
        pairs: set[tuple[int, int]] = set()
        for members in postings.values():
            for x, a in enumerate(members):
                for b in members[x + 1 :]:
                    pairs.add((a, b))
        return pairs


def _pages(sets: Iterable[Iterable[int]]) -> dict[int, int]:
    """On how many of the given sets each key is, for the keys on two or more."""
    seen: set[int] = set()
    pages: Counter[int] = Counter()
    for keys in sets:
        for k in keys:
            if k in seen:
                pages[k] += 1
            else:
                seen.add(k)
    return {k: c + 1 for k, c in pages.items()}


def _agreement(a: set[int], b: set[int]) -> tuple[float, float]:
    if not a or not b:
        return 0.0, 0.0
    return (1.0, 0.0) if a & b else (0.0, 1.0)


def pair_evidence(
    a: StoryFeatures,
    b: StoryFeatures,
    signature: float,
    shared: Iterable[int],
    weight: Any,
    pages: Mapping[int, int],
) -> list[float]:
    """The evidence that two articles report one event, in the order of PAIR_EVIDENCE.

    :param signature: the cosine of their signatures.
    :param shared: the terms both keep that are on at most SPECIFIC pages.
    :param weight: a term's weight (``log(articles / pages)``).
    :param pages: on how many pages each term is.
    """
    facts_a = _by_kind(a.facts)
    facts_b = _by_kind(b.facts)
    out = [signature]
    for kind in (AGE, WEEKDAY, MONTH_DAY, TIME, BLOCK, DATELINE, ADDRESS):
        out += _agreement(facts_a.get(kind, set()), facts_b.get(kind, set()))
    dates_a, dates_b = facts_a.get(DATE), facts_b.get(DATE)
    if dates_a and dates_b:
        gap = min(abs(x - y) for x in dates_a for y in dates_b)
        out += [float(gap <= 3), float(gap > 60)]
    else:
        out += [0.0, 0.0]
    out += _agreement(facts_a.get(YEAR, set()), facts_b.get(YEAR, set()))
    rare = rare_pairs = 0
    rarest = 0.0
    specific = [0.0] * 6
    for term in shared:
        kind = term >> _KIND_SHIFT
        count = pages[term]
        if kind in (NAME, PASSAGE) and count <= 5:
            rare += 1
        if kind == NAME_PAIR:
            rare_pairs += count <= 10
            rarest = max(rarest, weight(term))
        specific[kind] += math.log(SPECIFIC / count)
    out += [
        float(min(rare, 5)),
        float(min(rare_pairs, 5)),
        rarest,
        specific[NAME] + specific[NAME_PAIR],
        specific[NUMBER],
        specific[PASSAGE],
        specific[HEADLINE],
    ]
    return out


def _by_kind(facts: Iterable[int]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for v in facts:
        out.setdefault(v >> _FACT_SHIFT, set()).add(v & _FACT_MASK)
    return out


def same_event_probability(evidence: Sequence[float]) -> float:
    """The probability that a proposed pair reports one event, from its evidence."""
    z = INTERCEPT + sum(w * x for w, x in zip(WEIGHTS, evidence, strict=True))
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def scored_pairs(features: Sequence[StoryFeatures]) -> tuple[dict[tuple[int, int], list[float]], _Corpus]:
    """Every proposed pair of articles with its evidence (for fitting and inspection)."""
    corpus = _Corpus(features)
    signatures = corpus.signatures()
    specific = corpus.specific()
    out = {}
    for a, b in corpus.proposals():
        sa, sb = signatures[a], signatures[b]
        if len(sa) > len(sb):
            sa, sb = sb, sa
        cosine = sum(w * sb[t] for t, w in sa.items() if t in sb)
        out[(a, b)] = pair_evidence(
            features[a], features[b], cosine, specific[a] & specific[b], corpus.weight, corpus.pages
        )
    return out, corpus


def group_stories(features: Sequence[StoryFeatures]) -> list[list[int]]:
    """Group articles into stories: lists of indexes into ``features``, each sorted.

    Articles whose metadata name the same story (:attr:`StoryFeatures.key`)
    are one story from the start, and two stories naming different keys are
    never merged; the others join by what they share.
    """
    evidence, _ = scored_pairs(features)
    probabilities = {pair: same_event_probability(e) for pair, e in evidence.items()}
    return average_link(len(features), probabilities, [f.key for f in features])


def average_link(
    n: int,
    probabilities: Mapping[tuple[int, int], float],
    keys: Sequence[str | None] | None = None,
    mean: float = MERGE_MEAN,
    best: float = MERGE_BEST,
) -> list[list[int]]:
    """Merge groups while the mean probability over all their pairs (0 for a pair
    never proposed) is at least ``mean`` and their best pair at least ``best``.

    Groups with different ``keys`` never merge; items with one key start as one group.
    """
    keys = keys or [None] * n
    group_of = list(range(n))
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key is not None:
            group_of[i] = first.setdefault(key, i)
    members: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(group_of):
        members[g].append(i)
    key_of = {g: keys[g] for g in members}
    # Between two groups: [sum of probabilities, best probability].
    links: dict[int, dict[int, list[float]]] = {g: {} for g in members}
    for (a, b), p in probabilities.items():
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        link = links[ga].get(gb)
        if link is None:
            link = links[ga][gb] = links[gb][ga] = [0.0, 0.0]
        link[0] += p
        link[1] = max(link[1], p)

    def score(ga: int, gb: int) -> float | None:
        if key_of[ga] is not None and key_of[gb] is not None:
            return None
        total, top = links[ga][gb]
        average = total / (len(members[ga]) * len(members[gb]))
        return average if average >= mean and top >= best else None

    heap = []
    for ga, others in links.items():
        for gb in others:
            if ga < gb and (s := score(ga, gb)) is not None:
                heap.append((-s, ga, gb))
    heapq.heapify(heap)
    while heap:
        negative, ga, gb = heapq.heappop(heap)
        if ga not in links or gb not in links[ga] or score(ga, gb) != -negative:
            continue
        if len(links[ga]) < len(links[gb]):
            ga, gb = gb, ga
        del links[ga][gb]
        for gc, (total, top) in links.pop(gb).items():
            if gc == ga:
                continue
            del links[gc][gb]
            link = links[ga].get(gc)
            if link is None:
                link = links[ga][gc] = links[gc][ga] = [0.0, 0.0]
            link[0] += total
            link[1] = max(link[1], top)
        members[ga] += members.pop(gb)
        key_of[ga] = key_of[ga] if key_of[ga] is not None else key_of.pop(gb)
        key_of.pop(gb, None)
        for gc in links[ga]:
            if (s := score(ga, gc)) is not None:
                heapq.heappush(heap, (-s, min(ga, gc), max(ga, gc)))
    return sorted(sorted(m) for m in members.values())
