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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newslint.analysis.lexicon.stories import CAPITALISED_NOISE, HEADLINE_NOISE, MONTHS, WEEKDAYS

__all__ = [
    "PAIR_EVIDENCE",
    "StoryFeatures",
    "average_link",
    "group_stories",
    "publication_day",
    "same_event_probability",
    "scored_pairs",
    "story_features",
    "story_ties",
]

# -- reading one article -------------------------------------------------------

#: Lines that open an article: its lead, where the event is named.
LEAD_LINES = 3
#: Characters of an article read, to the end of the line reaching it.
_READ_AT_MOST = 4000
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
    """What :func:`group_stories` needs to know of one article's text; small and picklable.

    Terms (``c:`` a capitalised word, ``p:`` two capitalised words in a row,
    ``n:`` a number, ``t:`` a headline word, and ``s:`` a copied passage, made
    by the grouping) are stored as 64-bit keys (:func:`_key`, the kind in the
    top bits), one per distinct term, in ``terms``; ``words`` holds the terms
    themselves, one a line in the same order (to look up how common a word is
    in a small run, and to say what ties a story); ``marks`` has a byte per
    term (how often it occurs, up to 127, plus 128 when it occurs in the
    lead) and ``where`` 32 bits per term (a bit per line holding it, bit 31
    for any line after the 31st). ``lines`` holds a 64-bit key of every
    non-blank line, normalised, and ``prose`` its word count when it is a
    sentence of prose (0 otherwise): a line shared by two articles is a copied
    passage, one shared by many is page furniture. ``facts`` are 64-bit
    values, sorted, that two reports of one event agree on (ages, weekdays,
    dates, times, addresses, the dateline), each ``kind << 24 | value``.

    Arrays are kept as bytes in the machine's order: what the per-document
    pass caches, and what the grouping reads in one join. Nothing here comes
    from the file's path or its metadata date, outlet or story key: those are
    given to :func:`group_stories` when the stories are made.
    """

    terms: bytes = b""
    words: str = ""
    marks: bytes = b""
    where: bytes = b""
    lines: bytes = b""
    prose: bytes = b""
    facts: bytes = b""

    def term_list(self) -> list[str]:
        """The terms, in the order of their keys (``c:name``, ``p:two names``, ``n:12``, ``t:word``)."""
        return self.words.split("\n") if self.words else []


def story_features(text: str, title: str = "") -> StoryFeatures:
    """The grouping features of one article: its prose, and its headline.

    The headline is ``title`` (the metadata's), else the first line of the
    text when it reads as one (short, with no full stop).
    """
    # The event is named in the first paragraphs; the tail of a long feature
    # adds background, not identity (and time).
    text = text[: _READ_AT_MOST + text[_READ_AT_MOST:].find("\n") + 1] if len(text) > _READ_AT_MOST else text
    lines = [line for line in text.splitlines() if line.strip()]
    counts: Counter[str] = Counter()
    where: dict[str, int] = {}
    lead: set[str] = set()
    line_keys = array("q")
    prose = bytearray()
    for index, line in enumerate(lines):
        bit = 1 << min(index, _LATER_LINES)
        found = _line_terms(line)
        for term in found:
            where[term] = where.get(term, 0) | bit
        counts.update(found)
        if index < LEAD_LINES:
            lead.update(found)
        words = line.lower().split()
        line_keys.append(_key(" ".join(words)))
        prose.append(min(len(words), 255) if line.rstrip().endswith(_SENTENCE_END) else 0)
    title = title or (_headline(lines[0]) if lines else "")
    for word in _HEADLINE_WORD.findall(title):
        word = word.lower().strip("'’-")
        if word and word not in HEADLINE_NOISE:
            term = "t:" + word
            counts[term] += 1
            lead.add(term)
            where[term] = where.get(term, 0) | 1
    keys = array("q")
    marks = bytearray()
    spots = array("I")
    for term, count in counts.items():
        keys.append(_term_key(term))
        marks.append(min(count, _COUNT) | (_IN_LEAD if term in lead else 0))
        spots.append(where[term])
    return StoryFeatures(
        keys.tobytes(),
        "\n".join(counts),
        bytes(marks),
        spots.tobytes(),
        line_keys.tobytes(),
        bytes(prose),
        _facts(text).tobytes(),
    )


def _headline(line: str) -> str:
    line = line.strip()
    return line if len(line) <= 160 and not line.endswith((".", "!", "?", '"', "”")) else ""


def _line_terms(line: str) -> list[str]:
    """The terms of one line, once each occurrence."""
    found = []
    for run in _CAPITALISED_RUN.findall(line):
        run = _POSSESSIVE.sub("", run.lower()) if "'" in run or "’" in run else run.lower()
        if " " not in run:  # most runs are one word
            if run not in CAPITALISED_NOISE:
                found.append("c:" + run)
            continue
        words = run.split(" ")
        kept = [w for w in words if w not in CAPITALISED_NOISE]
        found += ["c:" + w for w in kept]
        found += [f"p:{a} {b}" for a, b in zip(words, words[1:], strict=False) if a in kept and b in kept]
    found += ["n:" + number.replace(",", "").rstrip(".:") for number in _NUMBER.findall(line)]
    return found


def _facts(text: str) -> array:
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
    return array("q", sorted(found))


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
#: A pair is proposed when it shares this many of them (or one on its two pages only).
PROPOSAL_TERMS = 2
#: ... or one on at most this many pages.
PROPOSING_ALONE = 5
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
    14.485,  # signature
    0.814,  # ages agree
    -1.418,  # ages differ
    0.267,  # weekdays agree
    -1.345,  # weekdays differ
    2.329,  # month-days agree
    0.036,  # month-days differ
    0.758,  # times agree
    -1.041,  # times differ
    1.276,  # blocks agree
    -1.442,  # blocks differ
    -0.243,  # datelines agree
    -0.489,  # datelines differ
    0.957,  # addresses agree
    -0.647,  # addresses differ
    2.072,  # dates near
    -1.808,  # dates far
    -0.213,  # years agree
    0.071,  # years differ
    -0.182,  # rare shared
    -0.013,  # rare pairs
    0.118,  # rarest pair
    0.339,  # specific names
    -0.207,  # specific numbers
    -0.195,  # specific passages
    0.227,  # specific headline
)
INTERCEPT = -5.010

#: Articles whose metadata dates are further apart than this are never one story.
DAYS_APART = 30

#: Average link: merge two groups while the mean probability over their pairs
#: (unproposed pairs count as 0) is at least this, and some pair is at least MERGE_BEST.
MERGE_MEAN = 0.4
MERGE_BEST = 0.8


def _page_counts(keys: Any, docs: Any) -> Any:
    """For each row, on how many distinct articles its key is."""
    np = _numpy()
    if not len(keys):
        return np.zeros(0, np.int64)
    order = np.lexsort((docs, keys))
    k, d = keys[order], docs[order]
    new_key = np.ones(len(k), bool)
    new_key[1:] = k[1:] != k[:-1]
    new_page = new_key.copy()
    new_page[1:] |= d[1:] != d[:-1]
    key_id = np.cumsum(new_key) - 1
    per_key = np.bincount(key_id, weights=new_page).astype(np.int64)
    pages = np.empty(len(k), np.int64)
    pages[order] = per_key[key_id]
    return pages


def _pairs_within(
    keys: Any, docs: Any, rows: Any, largest: int, among: Any = None, n: int = 0
) -> tuple[Any, Any, Any, Any]:
    """Every pair of rows sharing a key held by 2 to ``largest`` rows.

    Returns the two articles (first < second) and the two row numbers (into
    ``rows``). With ``among`` (sorted pair ids ``first * n + second``), only
    those pairs, filtered as they are made so that memory stays small.
    """
    np = _numpy()
    empty = np.zeros(0, np.int64)
    if not len(keys):
        return empty, empty, empty, empty
    order = np.argsort(keys, kind="stable")
    k = keys[order]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sizes = np.diff(np.r_[starts, len(k)])
    parts: list[tuple[Any, Any, Any, Any]] = []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= largest)]):
        at = starts[sizes == size]
        i, j = np.triu_indices(int(size), 1)
        for chunk in range(0, len(at), max(1, _CHUNK // len(i))):
            group = at[chunk : chunk + max(1, _CHUNK // len(i))]
            x = order[(group[:, None] + i).ravel()]
            y = order[(group[:, None] + j).ravel()]
            da, db = docs[x].astype(np.int64), docs[y].astype(np.int64)
            swap = da > db
            a, b = np.where(swap, db, da), np.where(swap, da, db)
            keep = a != b
            if among is not None:
                keep &= _member(among, a * n + b)
            ra, rb = np.where(swap, rows[y], rows[x]), np.where(swap, rows[x], rows[y])
            parts.append((a[keep], b[keep], ra[keep], rb[keep]))
    if not parts:
        return empty, empty, empty, empty
    a, b, ra, rb = (np.concatenate(column) for column in zip(*parts, strict=True))
    return a, b, ra, rb


#: Rows made at a time by the array steps (memory stays under about 100 MB).
_CHUNK = 1 << 20


def _member(sorted_ids: Any, ids: Any) -> Any:
    np = _numpy()
    if not len(sorted_ids):
        return np.zeros(len(ids), bool)
    at = np.minimum(np.searchsorted(sorted_ids, ids), len(sorted_ids) - 1)
    return sorted_ids[at] == ids


def _numpy() -> Any:
    import numpy

    return numpy


class _Corpus:
    """The features of many articles as flat arrays, with what the grouping derives from them."""

    def __init__(self, features: Sequence[StoryFeatures], published: Sequence[int] | None = None) -> None:
        np = _numpy()
        self.features = features
        n = self.n = len(features)
        # Lines: page furniture (on FURNITURE pages or more, or a non-prose
        # line on two) and copied passages (a prose line on exactly two).
        line_counts = np.fromiter((len(f.lines) >> 3 for f in features), np.int64, n)
        line_doc = np.repeat(np.arange(n, dtype=np.int32), line_counts)
        line_key = np.frombuffer(b"".join(f.lines for f in features), np.int64)
        prose = np.frombuffer(b"".join(f.prose for f in features), np.uint8)
        line_pages = _page_counts(line_key, line_doc)
        starts = np.r_[0, np.cumsum(line_counts)[:-1]]
        index = np.arange(len(line_key)) - np.repeat(starts, line_counts)
        bit = np.left_shift(np.uint32(1), np.minimum(index, _LATER_LINES).astype(np.uint32))
        furniture = (line_pages >= FURNITURE) | ((line_pages == 2) & (prose == 0))
        mask = np.zeros(n, np.uint32)
        np.bitwise_or.at(mask, line_doc[furniture], bit[furniture])
        mask[line_counts > _LATER_LINES] &= ~np.uint32(1 << _LATER_LINES)
        passage = (line_pages == 2) & (prose >= PASSAGE_WORDS)
        passage_doc = line_doc[passage]
        passage_key = np.int64(PASSAGE << _KIND_SHIFT) | line_key[passage]
        del line_doc, line_key, prose, line_pages, index, bit, furniture
        # Terms kept: those on a line that is not furniture; and the passages.
        # The rows are kept sorted by key: page counts are runs, and pairs of
        # articles sharing a key are neighbours.
        term_counts = np.fromiter((len(f.terms) >> 3 for f in features), np.int64, n)
        doc = np.repeat(np.arange(n, dtype=np.int32), term_counts)
        where = np.frombuffer(b"".join(f.where for f in features), np.uint32)
        kept = (where & ~mask[doc]) != 0
        del where
        doc = np.r_[doc[kept], passage_doc]
        key = np.r_[np.frombuffer(b"".join(f.terms for f in features), np.int64)[kept], passage_key]
        marks = np.r_[
            np.frombuffer(b"".join(f.marks for f in features), np.uint8)[kept],
            np.ones(len(passage_key), np.uint8),
        ]
        del kept
        order = np.lexsort((doc, key))
        self.key, self.doc, marks = key[order], doc[order], marks[order]
        del key, doc, order
        # A passage may stand twice in one article: count each article once.
        repeated = np.r_[False, (self.key[1:] == self.key[:-1]) & (self.doc[1:] == self.doc[:-1])]
        if repeated.any():
            self.key, self.doc, marks = self.key[~repeated], self.doc[~repeated], marks[~repeated]
        starts = np.flatnonzero(np.r_[len(self.key) > 0, self.key[1:] != self.key[:-1]])
        runs = np.diff(np.r_[starts, len(self.key)])
        # On how many pages each term is: counted in the run, and in a small
        # run topped up with the pages of a background archive of news that
        # would hold it, so a term two articles share is weighed by how
        # common it is in the language, not found rare because two pages
        # are all there are.
        pages = runs.astype(np.float32)
        size = max(n, 1)
        if n < BACKGROUND_ARCHIVE:
            # A term on more pages of the run than the two compared is taken
            # as that much more common in the archive the run is drawn from:
            # a local run names its city, its hospital and its police
            # spokesperson on page after page, events apart.
            local = np.maximum(runs - 2, 0).astype(np.float32) / (LOCAL_DISCOUNT * n)
            share = np.maximum(_background_share(self.key[starts], features), local)
            pages += (BACKGROUND_ARCHIVE - n) * share
            size = BACKGROUND_ARCHIVE
        self.pages = np.repeat(pages, runs)
        self.weight = np.log(size / self.pages).astype(np.float32)
        self.facts = _fact_rows(features, published)
        self._signature(marks)

    @property
    def kind(self) -> Any:
        return self.key >> _KIND_SHIFT

    def _signature(self, marks: Any) -> None:
        """Each article's SIGNATURE most salient terms (not runs of two names), as unit vectors."""
        np = _numpy()
        count = (marks & _COUNT).astype(np.float32)
        lead = np.where(marks & _IN_LEAD, np.float32(2), np.float32(1))
        salience = self.weight * (1 + np.log(np.maximum(count, 1))) * lead
        del count, lead
        salience[self.kind == NAME_PAIR] = -1.0
        order = np.lexsort((-salience, self.doc))
        docs = self.doc[order]
        first = np.r_[True, docs[1:] != docs[:-1]]
        group_start = np.maximum.accumulate(np.where(first, np.arange(len(docs)), 0))
        rank = np.arange(len(docs)) - group_start
        chosen = order[(rank < SIGNATURE) & (salience[order] >= 0)]
        del order, docs, first, group_start, rank, salience
        weight = self.weight[chosen].astype(float)
        norm = np.sqrt(np.bincount(self.doc[chosen], weight**2, minlength=self.n))
        self.signature = np.zeros(len(self.key), np.float32)
        self.signature[chosen] = weight / np.maximum(norm[self.doc[chosen]], 1e-12)

    def proposals(self) -> Any:
        """Pair ids (``first * n + second``) of the articles sharing a rare signature term or an address."""
        np = _numpy()
        rows = np.flatnonzero((self.signature > 0) & (self.pages <= PROPOSING))
        a, b, ra, _ = _pairs_within(self.key[rows], self.doc[rows], rows, PROPOSING)
        ids = a * self.n + b
        shared, times = np.unique(ids, return_counts=True)
        # Two rare terms in common, or one found on these two pages only.
        chosen = shared[
            (times >= PROPOSAL_TERMS) | _member(np.unique(ids[self.pages[ra] <= PROPOSING_ALONE]), shared)
        ]
        fact_doc, fact_value = self.facts
        addresses = np.flatnonzero(fact_value >> _FACT_SHIFT == ADDRESS)
        fa, fb, _, _ = _pairs_within(fact_value[addresses], fact_doc[addresses], addresses, PROPOSING)
        return np.union1d(chosen, fa * self.n + fb)

    def evidence(self, pair_ids: Any) -> Any:
        """The evidence of each proposed pair (rows), in the order of PAIR_EVIDENCE."""
        np = _numpy()
        n, out = self.n, np.zeros((len(pair_ids), len(PAIR_EVIDENCE)))
        if not len(pair_ids):
            return out
        rows = np.flatnonzero((self.pages >= 2) & (self.pages <= SPECIFIC))
        a, b, ra, rb = _pairs_within(self.key[rows], self.doc[rows], rows, SPECIFIC, pair_ids, n)
        at = np.searchsorted(pair_ids, a * n + b)
        size = len(pair_ids)
        step = max(1, _CHUNK // (2 * SIGNATURE))
        for chunk in range(0, size, step):
            out[chunk : chunk + step, 0] = self._cosines(pair_ids[chunk : chunk + step])
        kind, pages = self.key[ra] >> _KIND_SHIFT, self.pages[ra]
        specific = np.log(SPECIFIC / pages)
        rare = ((kind == NAME) | (kind == PASSAGE)) & (pages <= 5)
        column = {name: i for i, name in enumerate(PAIR_EVIDENCE)}
        out[:, column["rare shared"]] = np.minimum(np.bincount(at[rare], minlength=size), 5)
        pair_run = kind == NAME_PAIR
        out[:, column["rare pairs"]] = np.minimum(
            np.bincount(at[pair_run & (pages <= 10)], minlength=size), 5
        )
        np.maximum.at(out[:, column["rarest pair"]], at[pair_run], self.weight[ra][pair_run])
        names = (kind == NAME) | pair_run
        out[:, column["specific names"]] = np.bincount(at[names], specific[names], minlength=size)
        for label, k in (
            ("specific numbers", NUMBER),
            ("specific passages", PASSAGE),
            ("specific headline", HEADLINE),
        ):
            chosen = kind == k
            out[:, column[label]] = np.bincount(at[chosen], specific[chosen], minlength=size)
        step = max(1, _CHUNK // 64)
        for chunk in range(0, size, step):
            self._fact_evidence(pair_ids[chunk : chunk + step], out[chunk : chunk + step], column)
        return out

    def _cosines(self, pair_ids: Any) -> Any:
        """The cosine of the two signatures of each pair: each term of the first
        article's signature looked up in the second's."""
        np = _numpy()
        n = self.n
        rows = np.flatnonzero(self.signature > 0)
        # (term, article) as one number; a collision of two would need 2**63 to one.
        with np.errstate(over="ignore"):
            codes = self.key[rows] * np.int64(1_000_003) + self.doc[rows]
        order = np.argsort(codes)
        codes, weights = codes[order], self.signature[rows][order]
        first, second = pair_ids // n, pair_ids % n
        per_doc = np.bincount(self.doc[rows], minlength=n)
        starts = np.r_[0, np.cumsum(per_doc)[:-1]]
        by_doc = rows[np.argsort(self.doc[rows], kind="stable")]
        counts = per_doc[first]
        pair_row = np.repeat(np.arange(len(pair_ids)), counts)
        offsets = np.arange(counts.sum()) - np.repeat(np.r_[0, np.cumsum(counts)[:-1]], counts)
        term_row = by_doc[np.repeat(starts[first], counts) + offsets]
        with np.errstate(over="ignore"):
            probe = self.key[term_row] * np.int64(1_000_003) + second[pair_row]
        at = np.minimum(np.searchsorted(codes, probe), max(len(codes) - 1, 0))
        hit = codes[at] == probe if len(codes) else np.zeros(len(probe), bool)
        products = self.signature[term_row][hit] * weights[at[hit]]
        return np.bincount(pair_row[hit], products, minlength=len(pair_ids))

    def _fact_evidence(self, pair_ids: Any, out: Any, column: Mapping[str, int]) -> None:
        """Facts both articles give, and whether they agree: looked up pair by pair, never by value
        (a weekday is on thousands of pages)."""
        np = _numpy()
        n = self.n
        first, second = pair_ids // n, pair_ids % n
        fact_doc, fact_value = self.facts
        kinds = fact_value >> _FACT_SHIFT
        has = np.zeros(n, np.int64)
        np.bitwise_or.at(has, fact_doc, np.left_shift(1, kinds))
        both = has[first] & has[second]
        if not len(fact_value):
            return
        # Every fact of the first article of each pair, looked up among the second's.
        per_doc = np.bincount(fact_doc, minlength=n)
        starts = np.r_[0, np.cumsum(per_doc)[:-1]]
        counts = per_doc[first]
        pair_row = np.repeat(np.arange(len(pair_ids)), counts)
        offsets = np.arange(counts.sum()) - np.repeat(np.r_[0, np.cumsum(counts)[:-1]], counts)
        row = np.repeat(starts[first], counts) + offsets
        value = fact_value[row]
        codes = fact_doc * (1 << 28) + fact_value  # sorted: by article, then kind, then value
        probe = second[pair_row] * (1 << 28) + value
        at = np.minimum(np.searchsorted(codes, probe), len(codes) - 1)
        hit = codes[at] == probe
        agree = np.zeros(len(pair_ids), np.int64)
        np.bitwise_or.at(agree, pair_row[hit], np.left_shift(1, value[hit] >> _FACT_SHIFT))
        for label, kind in (
            ("ages", AGE),
            ("weekdays", WEEKDAY),
            ("month-days", MONTH_DAY),
            ("times", TIME),
            ("blocks", BLOCK),
            ("datelines", DATELINE),
            ("addresses", ADDRESS),
            ("years", YEAR),
        ):
            given = (both >> kind) & 1 == 1
            same = (agree >> kind) & 1 == 1
            out[:, column[f"{label} agree"]] = given & same
            out[:, column[f"{label} differ"]] = given & ~same
        # Full dates: the nearest date of the second article to each of the first's.
        dated = (value >> _FACT_SHIFT) == DATE
        gap = np.full(len(pair_ids), 1 << 30)
        probe, rows = probe[dated], pair_row[dated]
        for shift in (0, -1):
            at = np.clip(np.searchsorted(codes, probe) + shift, 0, len(codes) - 1)
            same_date_kind = (codes[at] >> _FACT_SHIFT) == (probe >> _FACT_SHIFT)
            np.minimum.at(gap, rows[same_date_kind], np.abs(codes[at] - probe)[same_date_kind])
        given = (both >> DATE) & 1 == 1
        out[:, column["dates near"]] = given & (gap <= 3)
        out[:, column["dates far"]] = given & (gap > 60)


def _fact_rows(features: Sequence[StoryFeatures], published: Sequence[int] | None) -> tuple[Any, Any]:
    """Every article's facts as (article, value) rows, sorted by article then value;
    the publication day of the metadata, when known, is a date (and a year) of its article."""
    np = _numpy()
    counts = np.fromiter((len(f.facts) >> 3 for f in features), np.int64, len(features))
    docs = np.repeat(np.arange(len(features)), counts)
    values = np.frombuffer(b"".join(f.facts for f in features), np.int64)
    days = np.asarray(published if published is not None else (), np.int64)
    dated = np.flatnonzero(days > 0)
    if not len(dated):
        return docs, values
    years = np.array([datetime.date.fromordinal(int(d)).year for d in days[dated]], np.int64)
    docs = np.r_[docs, dated, dated]
    values = np.r_[values, DATE << _FACT_SHIFT | days[dated], YEAR << _FACT_SHIFT | years]
    order = np.lexsort((values, docs))
    docs, values = docs[order], values[order]
    new = np.r_[True, (docs[1:] != docs[:-1]) | (values[1:] != values[:-1])]
    return docs[new], values[new]


#: A run of fewer articles than this is topped up with the pages of a
#: background archive of this many (the size of the archive the weights were
#: fitted on, about), whose pages hold a term as often as word frequencies say.
BACKGROUND_ARCHIVE = 5000
#: In a small run, a term on k pages counts as on a share (k - 2) / (LOCAL_DISCOUNT * n)
#: of the background archive's, when that is more than word frequencies say.
LOCAL_DISCOUNT = 4
#: Words an article holds where its features are read (its first 4,000 characters).
WORDS_READ = 700


def _background_share(keys: Any, features: Sequence[StoryFeatures]) -> Any:
    """For each term key, the share of a background archive's pages that would hold it:
    1 - exp(-WORDS_READ * its frequency in English (``wordfreq``)); 0 for a copied
    passage, and for every term when ``wordfreq`` is not installed."""
    np = _numpy()
    share = np.zeros(len(keys), np.float32)
    try:
        from wordfreq import get_frequency_dict, word_frequency
    except ImportError:  # pragma: no cover - a dependency; without it, small runs read terms as rare
        return share
    text: dict[int, str] = {}
    for f in features:
        text.update(zip(np.frombuffer(f.terms, np.int64).tolist(), f.term_list(), strict=True))
    english = get_frequency_dict("en")
    for i, key in enumerate(keys.tolist()):
        term = text.get(key)
        if term is not None:
            share[i] = -math.expm1(-WORDS_READ * _frequency(term[2:], english, word_frequency))
    return share


def _frequency(term: str, english: dict[str, float], word_frequency: Callable[[str, str], float]) -> float:
    """``wordfreq.word_frequency(term, "en")``, read straight from its table for words of
    lower-case ASCII letters (most terms: the tokenizer leaves them as they are), which
    is five times faster; the library itself for the rest (numbers, accents, marks)."""
    words = term.split(" ")
    if not all(w.isascii() and w.isalpha() and w.islower() for w in words):
        return word_frequency(term, "en")
    inverse = 0.0
    for word in words:  # as the library combines the tokens of a phrase: 1/f = 1/f1 + 1/f2 + ...
        found = english.get(word)
        if found is None:
            return 0.0
        inverse += 1.0 / found
    frequency = 1.0 / inverse
    return round(frequency, math.floor(-math.log(frequency, 10)) + 3)  # 3 significant digits, as the library


def story_ties(
    features: Sequence[StoryFeatures], published: Sequence[int] = (), most: int = 6
) -> tuple[list[str], list[str]]:
    """What ties the articles of one story, to show it: the names two or more of
    them give (the most shared first, runs of two names before single words; a
    word of a name already shown is not shown again), and the dates (ISO): those
    two or more give in their text, and each one's publication day (``published``,
    proleptic ordinals, 0 when unknown). A story of one article shows its own."""
    held: Counter[str] = Counter()
    said: Counter[int] = Counter()
    for f in features:
        held.update({t[2:] for t in f.term_list() if t[0] in "cp"})
        said.update({v & _FACT_MASK for v in array("q", f.facts) if v >> _FACT_SHIFT == DATE})
    need = 2 if len(features) > 1 else 1
    shared = [t for t, c in held.items() if c >= need]
    # Runs of two names joined where they overlap ("saint agnes", "agnes
    # hospital"); single words only when no run is shared (a single
    # capitalised word is as often a sentence's first word).
    pairs = [(a, b) for a, _, b in (t.partition(" ") for t in shared) if b]
    runs = _joined(pairs) or [[t] for t in shared]
    runs.sort(
        key=lambda run: (-min(held[" ".join(run[i : i + 2])] for i in range(max(len(run) - 1, 1))), run)
    )
    names = [" ".join(run) for run in runs[:most]]
    days = {d for d, c in said.items() if c >= need} | {d for d in published if d > 0}
    shown_days = sorted(days)[:most]
    return [_display(t) for t in names], [datetime.date.fromordinal(d).isoformat() for d in shown_days]


def _joined(pairs: list[tuple[str, str]]) -> list[list[str]]:
    """Runs of two words chained where one ends with the word the next starts with."""
    following: dict[str, str] = {}
    for first, second in sorted(pairs):
        following.setdefault(first, second)
    tails = set(following.values())
    runs = []
    for first in sorted(w for w in following if w not in tails):
        run = [first]
        while run[-1] in following and following[run[-1]] not in run and len(run) < 6:
            run.append(following[run[-1]])
        runs.append(run)
    covered = {(run[i], run[i + 1]) for run in runs for i in range(len(run) - 1)}
    return runs + [[a, b] for a, b in sorted(pairs) if (a, b) not in covered]


def _display(term: str) -> str:
    """A name as stored (lower case) shown with capitals: ``o'neill`` -> ``O'Neill``."""
    return " ".join(w[:1].upper() + w[1:] for w in term.split(" "))


def same_event_probability(evidence: Sequence[float]) -> float:
    """The probability that a proposed pair reports one event, from its evidence."""
    z = INTERCEPT + sum(w * x for w, x in zip(WEIGHTS, evidence, strict=True))
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def scored_pairs(
    features: Sequence[StoryFeatures], published: Sequence[int] | None = None
) -> tuple[list[tuple[int, int]], Any]:
    """The proposed pairs of articles and their evidence (one row each), for fitting and inspection."""
    corpus = _Corpus(features, published)
    ids = corpus.proposals()
    n = max(corpus.n, 1)
    return [(int(i) // n, int(i) % n) for i in ids], corpus.evidence(ids)


def group_stories(
    features: Sequence[StoryFeatures],
    published: Sequence[int] | None = None,
    keys: Sequence[str | None] | None = None,
) -> list[list[int]]:
    """Group articles into stories: lists of indexes into ``features``, each sorted.

    ``published``: each article's publication day from its metadata (a
    proleptic ordinal, :meth:`datetime.date.toordinal`; 0 when unknown).
    Articles published more than DAYS_APART days apart are never one story.
    ``keys``: the story each article's metadata names, or None. Articles
    naming the same key are one story from the start, and two stories naming
    different keys are never merged; the others join by what they share.
    """
    np = _numpy()
    if not features:
        return []
    n = len(features)
    if n == 1:
        return [[0]]
    corpus = _Corpus(features, published)
    ids = corpus.proposals()
    z = INTERCEPT + corpus.evidence(ids) @ np.array(WEIGHTS)
    p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    keep = p >= 0.05
    if published is not None:
        # Two articles published further apart than this report two events,
        # whatever they share (a trial months later is a story of its own).
        days = np.asarray(published, np.int64)
        first, second = days[ids // n], days[ids % n]
        keep &= ~((first > 0) & (second > 0) & (np.abs(first - second) > DAYS_APART))
    probabilities = {(int(i) // n, int(i) % n): float(q) for i, q in zip(ids[keep], p[keep], strict=True)}
    return average_link(n, probabilities, keys, MERGE_MEAN, MERGE_BEST)


def publication_day(date: object) -> int:
    """A metadata date (ISO text, or a date) as a proleptic ordinal; 0 when it is not one."""
    if isinstance(date, datetime.date):
        return date.toordinal()
    try:
        return datetime.date.fromisoformat(str(date or "")[:10]).toordinal()
    except ValueError:
        return 0


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
