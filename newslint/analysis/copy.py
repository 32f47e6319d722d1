"""Copy across a story: quotations, sentence fingerprints and credit lines, and the
story index that compares them.

Per document (the map step, through :class:`~newslint.analysis.Analysis`):

- :attr:`Analysis.quotations`: each quotation of six words or more, its words folded
  for comparison (case, curly or straight marks, dashes, spaces, "1,000"/"1000",
  "ten"/"10" and British or American spelling are typography) and its speaker from
  the speaker model, reduced to a key that two articles share ("Hamzeh Qalandari",
  "General Qalandari" and a resolved "he" are one speaker);
- :attr:`Analysis.fingerprints`: each sentence as the set of its content words,
  stemmed, with swapped synonyms folded into one class ("help"/"assist",
  "improve"/"enhance"), so a re-worded or re-ordered sentence keeps most of its set;
- :attr:`Analysis.credits`: the wire services and outlets the article credits ("The
  Associated Press contributed to this report", "WASHINGTON (AP) —", "— Reuters", a
  Creative Commons line naming its source, "first reported by …") or names as a source.

:func:`quotation_facts` and :func:`passage_facts` turn them into small picklable facts (no text but the quotations
shown in messages). Per story (the reduce step), :class:`CopyIndex` finds

- the same remark of the same speaker worded differently in two articles
  (:meth:`CopyIndex.drifts`), and
- articles that follow another article sentence by sentence (:meth:`CopyIndex.copies`),
  with which one is the original and whether the copy credits it.

Neither ever compares all pairs: quotations and sentences are bucketed by MinHash
band keys (two bands of the two smallest hashes of a set, a locality-sensitive hash
for Jaccard similarity), buckets that hold many articles are boilerplate and skipped,
and only articles sharing several buckets are aligned.
"""

from __future__ import annotations

import bisect
import re
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from newslint.analysis._scan import WORD_START, WordScanner, fold_lower, words
from newslint.analysis.lexicon.copy import FUNCTION_WORDS, SYNONYMS, WIRES
from newslint.analysis.names import NameMention, skeleton, strip_article
from newslint.analysis.numbers import UNITS
from newslint.analysis.quotes import Quote
from newslint.analysis.segments import Sentence
from newslint.analysis.speakers import QuoteSpeaker
from newslint.spans import Location, Span

if TYPE_CHECKING:
    from newslint.document import Document

__all__ = [
    "PASSAGE_FACTS",
    "QUOTATION_FACTS",
    "Comparison",
    "Copy",
    "CopyIndex",
    "CreditFact",
    "Credits",
    "Drift",
    "Fingerprints",
    "PassageFact",
    "QuotationFact",
    "Quotation",
    "compare_quotations",
    "passage_facts",
    "quotation_facts",
    "copy_index",
    "find_credits",
    "find_quotations",
    "fold_quotation",
    "fingerprint_sentences",
    "outlet_key",
]

#: The kinds of facts :func:`quotation_facts` and :func:`passage_facts` make, read by
#: :func:`copy_index`: two kinds, so that a run that does not compare passages (NL502
#: and NL404's copy check) does not pay for the sentence fingerprints.
QUOTATION_FACTS = "quotations"
PASSAGE_FACTS = "passages"

#: A quotation shorter than this (in words) is a phrase, not a remark worth comparing.
MIN_QUOTE_WORDS = 6
#: A quotation is compared on its first this many characters, about a hundred words
#: (one left open may run on to the end of its paragraph).
MAX_QUOTE_CHARS = 600
#: A sentence shorter than this (in characters) has too few words to be worth reading.
MIN_SENTENCE_CHARS = 24
#: A sentence with fewer distinct content words says too little to be matched.
MIN_SENTENCE_WORDS = 4
_MASK = 0xFFFFFFFF

# --- words and fingerprints ------------------------------------------------

_FUNCTION = words(FUNCTION_WORDS)
# What a word written between spaces may carry at either end.
_PUNCTUATION = "\"'“”‘’()[]{}<>.,;:!?—–-…*•/|@#&%+=_~`^"
_ELISION = "…"


def _synonym_classes() -> dict[str, str]:
    classes: dict[str, str] = {}
    for line in SYNONYMS.strip().splitlines():
        stems = [_stemmer().stemWord(w) for w in line.split()]
        for s in stems:
            classes.setdefault(s, stems[0])
    return classes


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: the Snowball English stemmer, in C

    return Stemmer.Stemmer("english")


class _StemHashes(dict[str, int]):
    """A word as written between spaces -> a 16-bit hash of its stem's synonym class
    (0: a function word, a short word or punctuation). Sixteen bits are plenty to
    compare two sentences, and keep the facts small.

    Filled on first sight of each spelling: "Syria," and "syria" ask for "Syria"'s
    value, so a process stems each word once. The hash is CRC-32, stable across
    processes and runs: fingerprints are cached and compared between worker processes.
    """

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, str] | None = None

    def __missing__(self, token: str) -> int:
        word = token.strip(_PUNCTUATION)
        if word != token:
            value = self[word] if word else 0
        elif (low := fold_lower(word)) != word:
            value = self[low]
        else:
            value = self._hash(word)
        self[token] = value
        return value

    def _hash(self, word: str) -> int:
        word = word.replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        word = word.replace("'", "").replace(",", "")
        if word in _FUNCTION or (len(word) < 3 and not word.isdigit()):
            return 0
        if self._classes is None:
            self._classes = _synonym_classes()
        stem = _stemmer().stemWord(word)
        return (zlib.crc32(self._classes.get(stem, stem).encode()) >> 16) or 1


_STEM_HASHES = _StemHashes()
_LOOKUP = _STEM_HASHES.__getitem__


def content_hashes(text: str, start: int = 0, end: int | None = None) -> set[int]:
    """The stem-class hashes of the content words of ``text[start:end]``."""
    found = set(map(_LOOKUP, text[start:end].split()))  # (no bytecode per word)
    found.discard(0)
    return found


# MinHash with one permutation (the order of the hash values): the smallest values of
# a set and, as a second, independent permutation, its largest ones. Sets with
# Jaccard similarity J share one value with probability about J, two with about J².
_GOLDEN = 0x9E3779B97F4A7C15


def _band_keys(ordered: Sequence[int]) -> tuple[int, int]:
    """Two bands of three rows (a sentence's buckets): the three smallest hashes and the
    three largest, mixed into 32 bits. Three rows, because two common words of a topic
    ("president", "trump") in two sentences are no sign of copy; three shared extremes
    rarely are."""
    low = (ordered[0] << 32 | ordered[1] << 16 | ordered[2]) * _GOLDEN
    high = (ordered[-1] << 32 | ordered[-2] << 16 | ordered[-3]) * _GOLDEN
    return (low >> 32) & _MASK, (high >> 20) & _MASK


def _quotation_bands(speaker: str, ordered: Sequence[int]) -> tuple[int, ...]:
    """A quotation's buckets, each mixed with the speaker: four bands of two rows (the two
    smallest hashes, the two largest, and two of one of each) and two of one row (the
    smallest, the largest). Quotations whose content words have a Jaccard similarity of
    0.5 share one with probability 0.9 or more. A speaker's common words make large
    buckets of one row, which are skipped as boilerplate."""
    who = zlib.crc32(speaker.encode())
    low, low2, high, high2 = ordered[0], ordered[1], ordered[-1], ordered[-2]
    pairs = ((low, low2), (high, high2), (low, high), (low2, high2), (low, 0), (high, 1))
    return tuple(((x << 16 | y) * _GOLDEN >> 24 ^ who) & _MASK for x, y in pairs)


@dataclass(frozen=True)
class Fingerprints:
    """The content-word sets of a document's sentences that have at least
    :data:`MIN_SENTENCE_WORDS` of them, packed for facts.

    :ivar sentences: those sentences, in text order.
    :ivar hashes: their sets one after another, sorted (``array('H')`` bytes).
    :ivar bounds: where each set ends in ``hashes`` (``array('I')`` bytes).
    :ivar keys: two MinHash band keys per sentence (``array('I')`` bytes).
    """

    sentences: tuple[Sentence, ...]
    hashes: bytes
    bounds: bytes
    keys: bytes


def fingerprint_sentences(text: str, sentences: Sequence[Sentence], quotes: Sequence[Quote]) -> Fingerprints:
    """The fingerprints of the sentences, leaving out the words inside quotation marks:
    articles quoting the same speaker share those whether or not one copies the other
    (quotations are compared on their own: :func:`compare_quotations`)."""
    kept: list[Sentence] = []
    hashes = array("H")
    bounds = array("I")
    keys = array("I")
    quoted = _merged([(q.content.start, q.content.end) for q in quotes])
    quoted_starts = [start for start, _ in quoted]
    for s in sentences:
        if s.end - s.start < MIN_SENTENCE_CHARS:
            continue
        k = bisect.bisect_left(quoted_starts, s.end) - 1
        if k >= 0 and quoted[k][1] > s.start:
            found = _outside_quotes(text, s, quoted, k)
        else:
            found = content_hashes(text, s.start, s.end)
        if len(found) < MIN_SENTENCE_WORDS:
            continue
        ordered = sorted(found)
        kept.append(s)
        hashes.extend(ordered)
        bounds.append(len(hashes))
        keys.extend(_band_keys(ordered))
    return Fingerprints(tuple(kept), hashes.tobytes(), bounds.tobytes(), keys.tobytes())


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans joined where they overlap (a quotation left open runs over the next ones)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _outside_quotes(text: str, s: Sentence, quoted: list[tuple[int, int]], k: int) -> set[int]:
    """The content hashes of a sentence outside the quoted spans ``quoted[..k]`` that
    reach into it (they do not overlap, so their ends grow with their starts)."""
    found: set[int] = set()
    end = s.end
    while k >= 0 and quoted[k][1] > s.start:
        start, stop = quoted[k]
        if stop < end:
            found |= content_hashes(text, stop, end)
        end = min(end, start)
        k -= 1
    if end > s.start:
        found |= content_hashes(text, s.start, end)
    return found


# --- quotations ---------------------------------------------------------------

# A quotation's words: words, and what stands for words left out or put in: an ellipsis
# (an omission the writer marked), an insertion in brackets or parentheses (an editor's
# clarification) and a word censored with asterisks ("p***y").
_QUOTE_TOKEN = re.compile(
    r"\[[^\]]{0,80}\]|\([^)]{0,80}\)|…|\.\.\.|[^\W_]*\*[\w*]*|[^\W_]+(?:['’][^\W_]+)*(?:[.,][0-9]+)*"
)
_SPELLING = (
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{2})tre(s)?$"), r"ter\1"),
    (re.compile(r"^(def|off|lic|pret)ence(s)?$"), r"\1ense\2"),
    (re.compile(r"^programme(s)?$"), r"program\1"),
)
_NUMBER_WORDS = {w: str(n) for w, n in UNITS.items()}
# Spoken forms that one outlet writes out and another keeps: the same words.
_SPOKEN = {
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "cannot": "can not",
    "kinda": "kind of",
}
_CONTRACTED = {"n't": " not", "'re": " are", "'m": " am", "'ll": " will", "'ve": " have", "'d": " would"}
_IRREGULAR = {"won't": "will not", "can't": "can not", "shan't": "shall not"}
# "'s" is "is" after these ("it's", "there's"); elsewhere a possessive, or "has".
_IS_BEFORE = frozenset(["it", "that", "there", "here", "what", "who", "he", "she", "where", "how"])


@lru_cache(maxsize=65536)
def _spoken(token: str) -> str:
    """One token of a quotation as words (space-separated): contractions and spoken
    forms written out, marks of omission or insertion as "…"."""
    if token[0] in "[(" or token in (_ELISION, "...") or "*" in token:
        return _ELISION
    w = token.replace("’", "'")
    if "'" in w:
        if w in _IRREGULAR:
            return _IRREGULAR[w]
        if w.endswith("'s") and w[:-2] in _IS_BEFORE:
            return w[:-2] + " is"
        for ending, full in _CONTRACTED.items():
            if w.endswith(ending) and len(w) > len(ending):
                return w[: -len(ending)] + full
    return _SPOKEN.get(w, w)


@lru_cache(maxsize=65536)
def _compared(word: str) -> str:
    """A word of :func:`fold_quotation` as compared: apostrophes, digit grouping,
    number words and British or American spelling set aside."""
    w = word.replace("'", "")
    if w[:1].isdigit():
        return w.replace(",", "")
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS[w]
    for pattern, replacement in _SPELLING:
        w = pattern.sub(replacement, w)
    return w


def fold_quotation(text: str) -> tuple[str, ...]:
    """The words of a quotation, lower-cased, as two articles' are compared.

    Contractions and spoken forms are written out ("doesn't" and "does not",
    "gonna" and "going to" are alike); an ellipsis, an editor's insertion in
    brackets or parentheses and a censored word become one "…" token, which may
    stand for any words of the other wording. Punctuation, dashes, hyphens and
    spacing are dropped. :func:`compare_quotations` also sets aside apostrophes,
    digit grouping, number words ("ten"/"10"), British or American spelling and a
    word said twice ("of, of").
    """
    return tuple(" ".join(_spoken(t) for t in _QUOTE_TOKEN.findall(fold_lower(text))).split())


@dataclass(frozen=True)
class Quotation:
    """A quotation prepared for comparison with other articles.

    :ivar quote: the quotation (marks included); :func:`fold_quotation` of its
        content gives the words compared.
    :ivar speaker: who says it, as written ("Hamzeh Qalandari", "police"), or "".
    :ivar speaker_key: the same speaker in another article has the same key.
    :ivar keys: its buckets: MinHash bands of its content words, each with the speaker
        (:func:`_quotation_bands`).
    """

    quote: Quote
    speaker: str
    speaker_key: str
    keys: tuple[int, ...]


def find_quotations(
    text: str, speakers: Sequence[QuoteSpeaker], names: Sequence[NameMention]
) -> list[Quotation]:
    """The quotations of :data:`MIN_QUOTE_WORDS` words or more with three content words
    and a speaker (a remark is compared only with the same speaker's)."""
    name_starts = [n.start for n in names]
    out = []
    for qs in speakers:
        start, end = (
            qs.quote.content.start,
            min(qs.quote.content.end, qs.quote.content.start + MAX_QUOTE_CHARS),
        )
        if text.count(" ", start, end) < MIN_QUOTE_WORDS - 1:
            continue
        found = content_hashes(text, start, end)
        if len(found) < 3:
            continue
        speaker, key = _speaker(text, qs, names, name_starts)
        if key:
            out.append(Quotation(qs.quote, speaker, key, _quotation_bands(key, sorted(found))))
    return out


def _speaker(
    text: str, qs: QuoteSpeaker, names: Sequence[NameMention], name_starts: list[int]
) -> tuple[str, str]:
    """The speaker as written and as a key shared across articles.

    A named person is keyed by the skeleton of the surname (spellings of one name
    share it); a pronoun or a description ("he", "the general") by the last person
    named before the quotation; anything else (police, a ministry) by its last word.
    """
    a = qs.attribution
    span = (a.resolved if a is not None and a.resolved is not None else None) or qs.speaker
    if span is None:
        return "", ""
    i = bisect.bisect_left(name_starts, span.start)
    if i < len(names) and names[i].start < span.end:
        return _person(text, names[i])
    phrase = text[span.start : span.end].strip(" ,")
    words = phrase.split()
    if not words:
        return "", ""
    last = words[-1].strip(".,;:’'")
    person = a is None or a.source_kind in ("person", "pronoun")
    if person and last[:1].isupper() and words[0][:1].isupper():
        # A name the name model did not list ("Ortiz said"): keyed by its last word.
        return phrase, "p:" + skeleton(strip_article(last.removesuffix("’s").removesuffix("'s")))
    if person:
        # A pronoun or a description ("he", "the general"): the last person named before.
        j = bisect.bisect_left(name_starts, qs.quote.start) - 1
        if j >= 0 and qs.quote.start - names[j].end < 1500:
            return _person(text, names[j])
        return phrase, ""
    head = last.lower()
    return phrase, "w:" + head if head and head not in _FUNCTION else ""


def _person(text: str, name: NameMention) -> tuple[str, str]:
    return text[name.start : name.end], "p:" + skeleton(strip_article(name.surname))


@dataclass(frozen=True)
class Comparison:
    """How two wordings of a quotation compare (:func:`compare_quotations`).

    :ivar shared: words the two have in common, in order.
    :ivar differences: the places where they differ, each (words here, words there),
        excluding what one leaves out at either end (an excerpt) or marks with an ellipsis.
    """

    shared: int
    differences: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]


#: Words two wordings must share, in order, to be one remark.
MIN_SHARED_WORDS = 5
#: The share of the overlapping part of the shorter wording that they must have in common.
MIN_SHARED_RATIO = 0.6
#: At either end, two wordings that both go on differently are a changed word when
#: this short, and otherwise two excerpts of something longer going different ways;
#: and only when they share this many words (else two fragments of two remarks).
MAX_END_CHANGE = 3
MIN_SHARED_FOR_END_CHANGE = 10
#: Within, a stretch longer than this that the other wording lacks (or has otherwise)
#: makes them two remarks, or two parts of one: a re-wording changes a few words.
MAX_CHANGE = 6
#: Words of a quotation compared (a long statement is compared on its opening).
MAX_COMPARED = 150


def _keyed(words: Sequence[str], side: str) -> tuple[list[str], list[str]]:
    """The words without a word said twice in a row ("of, of"), and their compared forms.
    An ellipsis is keyed by its side and place, so it matches nothing: it stands for
    words, not for the other wording's ellipsis."""
    kept: list[str] = []
    keys: list[str] = []
    for w in words:
        k = _compared(w) if w != _ELISION else f"{_ELISION}{side}{len(keys)}"
        if not keys or k != keys[-1]:
            kept.append(w)
            keys.append(k)
    return kept, keys


def compare_quotations(a: Sequence[str], b: Sequence[str]) -> Comparison | None:
    """Whether two folded quotations are one remark, and where their words differ.

    None when they are not one remark: fewer than :data:`MIN_SHARED_WORDS` words in
    common in order (three of them content words), less than :data:`MIN_SHARED_RATIO`
    of the shorter one's overlapping part, or a stretch of more than
    :data:`MAX_CHANGE` words in one that the other does not have (two remarks, or two
    parts of one, rather than one re-worded). The words are aligned longest run
    first, so an excerpt lines up with the run it was cut from. A comparison with no
    differences is the same wording, or an exact excerpt of the other.
    """
    from difflib import SequenceMatcher

    a, key_a = _keyed(a, "a")
    b, key_b = _keyed(b, "b")
    blocks = [m for m in SequenceMatcher(None, key_a, key_b, autojunk=False).get_matching_blocks() if m.size]
    shared = sum(m.size for m in blocks)
    if shared < MIN_SHARED_WORDS:
        return None
    content = sum(_STEM_HASHES[w] != 0 for m in blocks for w in a[m.a : m.a + m.size])
    if content < 3:
        return None
    differences: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []  # (where in a, here, there)
    span_a = span_b = shared
    first, last = blocks[0], blocks[-1]
    gaps = [
        (0, a[: first.a], b[: first.b], True),
        (last.a + last.size, a[last.a + last.size :], b[last.b + last.size :], True),
    ]
    gaps += [
        (
            before.a + before.size,
            a[before.a + before.size : after.a],
            b[before.b + before.size : after.b],
            False,
        )
        for before, after in zip(blocks, blocks[1:], strict=False)
    ]
    for at, here, there, end in gaps:
        if _ELISION in here or _ELISION in there:
            continue  # an omission the writer marked, or an editor's insertion
        if end and not (here and there):
            continue  # an excerpt: one goes on where the other stops
        if end and (shared < MIN_SHARED_FOR_END_CHANGE or max(len(here), len(there)) > MAX_END_CHANGE):
            # Both go on differently: from a few shared words ("I really do want to see
            # the server", "I really would want to see what she has to say"), two
            # remarks; from many, two excerpts of one going different ways.
            if shared < MIN_SHARED_FOR_END_CHANGE:
                return None
            continue
        if max(len(here), len(there)) > MAX_CHANGE:
            return None
        span_a += len(here)
        span_b += len(there)
        if "".join(map(_compared, here)) != "".join(map(_compared, there)):  # "stead-fast", "steadfast"
            differences.append((at, tuple(here), tuple(there)))
    if shared < MIN_SHARED_RATIO * min(span_a, span_b):
        return None
    return Comparison(shared, tuple((here, there) for _, here, there in sorted(differences)))


# --- credits ------------------------------------------------------------------


@lru_cache(maxsize=4096)
def outlet_key(name: str) -> str:
    """A name of an outlet reduced for matching: "The Chicago Sun-Times",
    "chicago.suntimes.com" and "Chicago Sun-Times (Web News)" all give "chicagosuntimes"."""
    n = name.lower().strip()
    n = re.sub(r"\([^)]*\)|\s[-–—|]\s.*$", " ", n)
    n = re.sub(r"^(?:https?://)?(?:www\.)?", "", n)
    n = re.sub(r"\.(?:com|org|net|gov|edu|tv|us|co\.uk|co|uk|info|news)(?:/.*)?$", "", n)
    n = re.sub(r"^the\s+", "", n)
    return re.sub(r"[^0-9a-z]", "", n)


def _site(outlet: str) -> str:
    """An outlet's site: the name of its domain for a host name ("homicides.suntimes.com"
    gives "suntimes"), else :func:`outlet_key`."""
    host = outlet.lower().strip()
    if " " not in host and "." in host:
        labels = [x for x in host.split("/")[0].split(".") if x not in _HOST_SUFFIXES]
        if labels:
            return re.sub(r"[^0-9a-z]", "", labels[-1])
    return outlet_key(outlet)


_HOST_SUFFIXES = frozenset(["www", "com", "org", "net", "gov", "edu", "tv", "us", "co", "uk", "info", "news"])


def _wire_aliases() -> dict[str, str]:
    aliases = {}
    for line in WIRES.strip().splitlines():
        names = [n.strip() for n in line.split("|")]
        for n in names:
            aliases[outlet_key(n)] = names[0]
    return aliases


_WIRES = _wire_aliases()
_CAPITALISED = re.compile(r"[A-Z][\w&.’'-]*(?:\s+(?:of|the|and|&|für|de|[A-Z][\w&.’'-]*))*")
# Lines and phrases that credit material to someone else: anywhere in a sentence ("©"
# too), or opening it ("This story was produced by …", "Reporting by …").
_CREDIT = WordScanner(
    WORD_START
    + r"(?:contributed\s+(?:to\s+this|reporting)|creative\s+commons|copyright|all\s+rights\s+reserved"
    r"|(?<=\()source(?=:)|(?:originally|first)\s+(?:published|appeared|reported|ran|aired)\s+(?:in|on|by|at)"
    r"|(?:republished|reprinted|reposted)\s+(?:with\s+permission\s+)?(?:from|by|courtesy)|via)(?![\w’'-])",
    words("contributed creative copyright all source originally first republished reprinted reposted via"),
)
_OPENING_LETTERS = "TtRrWwEeAaCc"
_CREDIT_OPENING = re.compile(
    r"(?:this|the)\s+(?:story|article|report|content)\s+(?:is|was|has\s+been|first)\s"
    r"|(?:reporting|writing|editing|additional\s+reporting)\s+by\s|courtesy\s+of\s",
    re.I,
)
# A dateline credit: "WASHINGTON (AP) —", "(CNN)", "NEW YORK (Reuters) -", "BOISE (AP) |".
_DATELINE = re.compile(
    r"(?:[A-Z][A-Za-z.'’-]*,?\s+){0,4}\(([A-Z][A-Za-z&.' -]{1,40}?)\)\s*(?:[—–|:-]|(?=[A-Z]))"
)
# A sign-off at the end of a paragraph: "— Reuters", "-The Associated Press".
_SIGN_OFF = re.compile(r"(?:^|[—–-]\s*)((?:The\s+)?[A-Z][\w&.' -]{1,40})\s*$")
_CREDIT_METADATA = ("byline", "author", "authors", "credit", "source")
#: A paragraph this short (in characters) may be a credit line wherever it stands.
SHORT_PARAGRAPH = 200


@dataclass(frozen=True)
class Credits:
    """Whom an article credits.

    :ivar wire: the wire service it credits ("Associated Press"), or "".
    :ivar names: :func:`outlet_key` of every outlet it credits or names as a source.
    """

    wire: str
    names: frozenset[str]

    def credit(self, outlet: str) -> bool:
        """Whether the article credits this outlet (by name)."""
        key = outlet_key(outlet)
        if len(key) < 2:
            return False
        return any(n == key or (min(len(n), len(key)) >= 4 and (n in key or key in n)) for n in self.names)


def find_credits(
    text: str,
    paragraphs: Sequence[Span],
    sentences: Sequence[Sentence],
    outlet_sources: Iterable[str],
    metadata: Mapping[str, Any],
) -> Credits:
    """Wire and outlet credits: credit lines, datelines, sign-offs, the outlets named as
    sources (``outlet_sources``: the source words of attributions to an outlet) and the
    byline or credit of the metadata."""
    names: set[str] = set()
    for key in _CREDIT_METADATA:
        value = metadata.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                names.update(_names_in(item))
                names.add(outlet_key(item))
    starts = [s.start for s in sentences]
    lines: set[int] = set()
    # Credit lines open or close an article, stand alone as a short paragraph (a
    # caption's "(Source: …)") or lead in to a quoted passage ("Via Fox News:"):
    # only those places are read.
    places = _merged(
        [(p.start, p.end) for p in (*paragraphs[:2], *paragraphs[-4:])]
        + [
            (p.start, p.end)
            for p in paragraphs
            if p.end - p.start <= SHORT_PARAGRAPH or text[p.end - 1] == ":"
        ]
    )
    for start, end in places:
        piece = text[start:end]
        lines.update(bisect.bisect_right(starts, start + m.start()) - 1 for m in _CREDIT.finditer(piece))
        at = piece.find("©")
        while at >= 0:
            lines.add(bisect.bisect_right(starts, start + at) - 1)
            at = piece.find("©", at + 1)
        first = bisect.bisect_left(starts, start)
        lines.update(
            i
            for i in range(first, bisect.bisect_left(starts, end, first))
            if text[starts[i] : starts[i] + 1] in _OPENING_LETTERS and _CREDIT_OPENING.match(text, starts[i])
        )
    for i in lines:
        if i >= 0:
            names.update(_names_in(text[sentences[i].start : sentences[i].end]))
    # Datelines open an article, sign-offs close it.
    for p in paragraphs[:3]:
        head = _DATELINE.match(text, p.start, min(p.end, p.start + 120))
        if head is not None:
            names.add(outlet_key(head.group(1)))
    for p in paragraphs[-3:]:
        tail_start = max(p.start, p.end - 60)
        if tail_start == p.start or any(dash in text[tail_start : p.end] for dash in "—–-"):
            tail = _SIGN_OFF.search(text, tail_start, p.end)
            if tail is not None and (tail.start() == p.start or tail.group(0)[:1] in "—–-"):
                names.add(outlet_key(tail.group(1)))
    names.discard("")
    # A wire credited in a credit line covers any copy; a wire named as a source
    # ("Reuters reported") credits the wire's own report only.
    wire = next((_WIRES[n] for n in sorted(names) if n in _WIRES), "")
    for source in outlet_sources:
        names.update(_names_in(source))
    return Credits(wire, frozenset(names))


def _names_in(phrase: str) -> set[str]:
    """The capitalised names of a phrase, as outlet keys (with and without a leading "The")."""
    return {outlet_key(m.group(0)) for m in _CAPITALISED.finditer(phrase)}


# --- facts ----------------------------------------------------------------------


class QuotationFact(NamedTuple):
    """A quotation of one article, for the story pass."""

    location: Location
    #: The quotation as written (without its marks): shown in messages, and compared
    #: once folded (:func:`fold_quotation`).
    text: str
    speaker: str
    speaker_key: str
    keys: tuple[int, ...]


class PassageFact(NamedTuple):
    """An article's sentence fingerprints (:class:`Fingerprints`) and their places.

    ``places`` holds line, column, end line and end column of each fingerprinted
    sentence (``array('I')`` bytes).
    """

    places: bytes
    hashes: bytes
    bounds: bytes
    keys: bytes

    @property
    def size(self) -> int:
        """How many sentences are fingerprinted."""
        return len(self.bounds) // 4

    def location(self, path: str, i: int) -> Location:
        line, column, end_line, end_column = memoryview(self.places).cast("I")[4 * i : 4 * i + 4]
        return Location(path, line, column, end_line, end_column)

    def sets(self) -> list[frozenset[int]]:
        """Each fingerprinted sentence's set of 16-bit content-word hashes."""
        hashes = memoryview(self.hashes).cast("H")
        out = []
        start = 0
        for end in memoryview(self.bounds).cast("I"):
            out.append(frozenset(hashes[start:end]))
            start = end
        return out


class CreditFact(NamedTuple):
    """Whom an article credits (:class:`Credits`)."""

    wire: str
    names: frozenset[str]

    def credits(self, outlet: str) -> bool:
        return Credits(self.wire, self.names).credit(outlet)


def quotation_facts(document: Document, quotations: Sequence[Quotation]) -> list[QuotationFact]:
    """The quotation facts of one document (:data:`QUOTATION_FACTS`), from ``analysis.quotations``."""
    text = document.text
    return [
        QuotationFact(
            document.locate(q.quote.content.start, q.quote.content.end),
            text[q.quote.content.start : min(q.quote.content.end, q.quote.content.start + MAX_QUOTE_CHARS)],
            q.speaker,
            q.speaker_key,
            q.keys,
        )
        for q in quotations
    ]


def passage_facts(document: Document, prints: Fingerprints, credits: Credits) -> list[Any]:
    """The sentence fingerprints and credits of one document (:data:`PASSAGE_FACTS`), from
    ``analysis.fingerprints`` and ``analysis.credits``."""
    facts: list[Any] = []
    if prints.sentences:
        places = array("I")
        for s in prints.sentences:
            loc = document.locate(s.start, s.end)
            places.extend((loc.line, loc.column, loc.end_line, loc.end_column))
        facts.append(PassageFact(places.tobytes(), prints.hashes, prints.bounds, prints.keys))
    facts.append(CreditFact(credits.wire, credits.names))
    return facts


# --- the story index ---------------------------------------------------------------


class _StoryDocument(Protocol):
    @property
    def outlet(self) -> str: ...

    @property
    def date(self) -> str: ...


class _Story(Protocol):
    def facts(self, kind: str) -> Mapping[str, Sequence[Any]]: ...

    def document(self, path: str) -> _StoryDocument: ...


#: A bucket holding more articles than this is boilerplate ("Click here to subscribe"),
#: a much-quoted line or a formula: no evidence that one article copies another.
MAX_BUCKET = 24
#: Articles must share this many sentence buckets before their sentences are aligned
#: (two per sentence: a copy shares them in most of its sentences).
MIN_SHARED_KEYS = 4
#: Two sentences match when their content-word sets have at least this Jaccard similarity.
MIN_SENTENCE_SIMILARITY = 0.3
#: An article follows another when at least this share of its sentences match the
#: other's in passages, and those weigh at least this much (each sentence weighs its
#: similarity: four sentences copied word for word, or eight half re-worded).
MIN_FOLLOWED_SHARE = 0.5
MIN_FOLLOWED = 4.0
#: Matching sentences count when they come in runs of this many, one after the other in both.
MIN_PASSAGE = 2
#: After a run, the next run is looked for this many sentences ahead in each article.
MAX_GAP = 8
#: The mean similarity of the sentences in runs: two reports of one event have runs of
#: sentences about the same facts in other words (about 0.4); a copy re-worded keeps more.
MIN_PASSAGE_SIMILARITY = 0.5


@dataclass(frozen=True)
class Drift:
    """A quotation worded differently from the same remark of the same speaker elsewhere.

    :ivar path: the article of the quotation flagged.
    :ivar quotation: that quotation.
    :ivar others: the other wordings, by article, most widely used first.
    :ivar differences: the first of its differences from ``others[0]``.
    :ivar support: articles using this wording; ``others_support`` for ``others[0]``.
    """

    path: str
    quotation: QuotationFact
    others: tuple[tuple[str, QuotationFact], ...]
    difference: tuple[tuple[str, ...], tuple[str, ...]]
    support: int
    others_support: int


@dataclass(frozen=True)
class Copy:
    """One article following another sentence by sentence.

    :ivar path: the copy; ``original``: the article it follows.
    :ivar followed: its sentences that follow the original, in order; ``sentences``: its
        fingerprinted sentences in all.
    :ivar first: the first followed sentence here (index) and ``first_there`` in the original.
    :ivar known: False when neither date nor credit says which came first: the two follow
        each other, and each is reported as a copy.
    :ivar credited: the copy credits the original's outlet or a wire service.
    :ivar same_outlet: both come from one outlet (an outlet re-running its own story).
    """

    path: str
    original: str
    followed: int
    sentences: int
    first: int
    first_there: int
    known: bool
    credited: bool
    same_outlet: bool


class CopyIndex:
    """The copy evidence of one story: quotation drifts and articles that follow others.

    Build it once per story with ``story.index(copy_index)``; rules that ask about copy
    (NL501, NL502, and NL404 for independence) share it.
    """

    def __init__(self, story: _Story) -> None:
        self.story = story
        self.quotations: list[tuple[str, QuotationFact]] = []
        self.passages: dict[str, PassageFact] = {}
        self.credits: dict[str, CreditFact] = {}
        for path, quotations in story.facts(QUOTATION_FACTS).items():
            self.quotations.extend((path, f) for f in quotations)
        for path, facts in story.facts(PASSAGE_FACTS).items():
            for f in facts:
                if isinstance(f, PassageFact):
                    self.passages[path] = f
                elif isinstance(f, CreditFact):
                    self.credits[path] = f
        self._following: dict[tuple[str, str], tuple[int, int, int]] | None = None

    # -- quotations -----------------------------------------------------------

    def drifts(self) -> list[Drift]:
        """Every quotation whose wording is not the most used one of its remark
        (both, on a tie), with the other wordings."""
        # One entry per wording of a speaker; its articles.
        wordings: dict[tuple[str, str], list[tuple[str, QuotationFact]]] = defaultdict(list)
        for path, f in self.quotations:
            wordings[(f.speaker_key, f.text)].append((path, f))
        keys = list(wordings)
        pairs = _pairs_sharing([wordings[k][0][1].keys for k in keys])
        agree: dict[int, set[int]] = defaultdict(set)
        differ: dict[int, dict[int, Comparison]] = defaultdict(dict)
        folded: dict[int, tuple[str, ...]] = {}
        plain: dict[int, set[str]] = {}
        for i, j in pairs:
            for k in (i, j):
                if k not in plain:
                    plain[k] = {w.strip(_PUNCTUATION) for w in keys[k][1].lower().split()}
            # Most pairs share a few words of the speaker's vocabulary, not a remark:
            # set them aside before aligning words.
            common = len(plain[i] & plain[j])
            if common < MIN_SHARED_WORDS or common < 0.5 * min(len(plain[i]), len(plain[j])):
                continue
            for k in (i, j):
                if k not in folded:
                    folded[k] = fold_quotation(keys[k][1])[:MAX_COMPARED]
            c = compare_quotations(folded[i], folded[j])
            if c is None:
                continue
            if c.differences:
                differ[i][j] = c
                differ[j][i] = c.__class__(c.shared, tuple((y, x) for x, y in c.differences))
            else:
                agree[i].add(j)
                agree[j].add(i)

        supports: dict[int, set[str]] = {}

        def support(i: int) -> set[str]:
            """The articles using this wording or one it agrees with (an excerpt)."""
            if i not in supports:
                paths = supports[i] = {p for p, _ in wordings[keys[i]]}
                for j in agree.get(i, ()):
                    paths.update(p for p, _ in wordings[keys[j]])
            return supports[i]

        out = []
        for i in sorted(differ):
            mine = support(i)
            rivals = sorted(
                ((len(support(j)), j) for j in differ[i] if not support(j) <= mine),
                key=lambda t: (-t[0], keys[t[1]][1]),
            )
            if not rivals or rivals[0][0] < len(mine):
                continue
            others = tuple(wordings[keys[j]][0] for _, j in rivals)
            difference = differ[i][rivals[0][1]].differences[0]
            for path, f in _first_per_article(wordings[keys[i]]):
                out.append(Drift(path, f, others, difference, len(mine), rivals[0][0]))
        return out

    # -- passages ---------------------------------------------------------------

    def _pairs(self) -> dict[tuple[str, str], tuple[int, int, int]]:
        """(a, b) -> (sentences in passages, first of them in a, its match in b), for
        a < b whose sentences align in passages."""
        if self._following is not None:
            return self._following
        paths = sorted(self.passages)
        keys = [memoryview(self.passages[p].keys).cast("I") for p in paths]
        shared = _pairs_sharing(keys, MIN_SHARED_KEYS)
        sets: dict[int, list[frozenset[int]]] = {}
        following: dict[tuple[str, str], tuple[int, int, int]] = {}
        for i, j in shared:
            for d in (i, j):
                if d not in sets:
                    sets[d] = self.passages[paths[d]].sets()
            passages = _passages(_align(sets[i], sets[j], keys[i], keys[j]))
            if _follows(passages, min(len(sets[i]), len(sets[j]))):
                followed = sum(len(p) for p in passages)
                following[(paths[i], paths[j])] = (followed, *passages[0][0][:2])
        self._following = following
        return following

    def follows(self, a: str, b: str) -> bool:
        """Whether one of two articles follows the other sentence by sentence (credited
        or not, whichever came first): the two are not independent sources."""
        pair = self._pairs().get((a, b) if a < b else (b, a))
        if pair is None:
            return False
        return any(pair[0] >= _needed(self.passages[p].size) for p in (a, b))

    def copies(self) -> list[Copy]:
        """Each article that follows another, with its original, most followed first."""
        out: list[Copy] = []
        for (a, b), (n, first_a, first_b) in sorted(self._pairs().items()):
            original = self._original(a, b)
            for copy, other, here, there in ((a, b, first_a, first_b), (b, a, first_b, first_a)):
                if original == copy or n < _needed(self.passages[copy].size):
                    continue
                credit = self.credits.get(copy)
                outlet = self.story.document(other).outlet
                credited = credit is not None and bool(credit.wire or credit.credits(outlet))
                out.append(
                    Copy(
                        copy,
                        other,
                        n,
                        self.passages[copy].size,
                        here,
                        there,
                        original is not None,
                        credited,
                        self._same_outlet(copy, other),
                    )
                )
        return out

    def _same_outlet(self, a: str, b: str) -> bool:
        """Both articles name one outlet in their metadata (an outlet is otherwise a file
        name): the same name, or two hosts of one site ("chicago.suntimes.com",
        "homicides.suntimes.com")."""
        da, db = self.story.document(a), self.story.document(b)
        if da.outlet == PurePath(a).name or db.outlet == PurePath(b).name:
            return False
        x, y = _site(da.outlet), _site(db.outlet)
        return x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x))

    def _original(self, a: str, b: str) -> str | None:
        """The earlier by date, else the one the other credits, else the wire service
        (the other carries its copy), else None."""
        da, db = self.story.document(a), self.story.document(b)
        if da.date and db.date and da.date[:10] != db.date[:10]:
            return a if da.date < db.date else b
        ca, cb = self.credits.get(a), self.credits.get(b)
        a_credits_b = ca is not None and ca.credits(db.outlet)
        b_credits_a = cb is not None and cb.credits(da.outlet)
        if a_credits_b != b_credits_a:
            return b if a_credits_b else a
        # A wire service writes the copy other outlets carry.
        a_wire, b_wire = outlet_key(da.outlet) in _WIRES, outlet_key(db.outlet) in _WIRES
        if a_wire != b_wire:
            return a if a_wire else b
        return None


def copy_index(story: _Story) -> CopyIndex:
    """The :class:`CopyIndex` of a story: pass this function to ``story.index``."""
    return CopyIndex(story)


def _pairs_sharing(keys: Sequence[Sequence[int]], least: int = 1) -> dict[tuple[int, int], int]:
    """Pairs of items (i < j) sharing at least ``least`` bucket keys, with how many.

    Buckets of one item are most of them and are never built: the keys seen twice are
    found with set operations (in C), and only they are bucketed. Buckets of more
    than :data:`MAX_BUCKET` items are boilerplate.
    """
    distinct = [set(k) for k in keys]
    seen: set[int] = set()
    repeated: set[int] = set()
    for k in distinct:
        repeated |= k & seen
        seen |= k
    buckets: dict[int, list[int]] = defaultdict(list)
    for i, k in enumerate(distinct):
        for key in k & repeated:
            buckets[key].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in buckets.values():
        if len(members) <= MAX_BUCKET:
            for x, i in enumerate(members):
                for j in members[x + 1 :]:
                    shared[(i, j)] += 1
    return {pair: n for pair, n in shared.items() if n >= least}


def _needed(sentences: int) -> float:
    return sentences * MIN_FOLLOWED_SHARE


def _first_per_article(entries: list[tuple[str, QuotationFact]]) -> list[tuple[str, QuotationFact]]:
    seen: dict[str, QuotationFact] = {}
    for path, f in entries:
        if path not in seen or f.location < seen[path].location:
            seen[path] = f
    return sorted(seen.items())


def _passages(chain: list[tuple[int, int, float]]) -> list[list[tuple[int, int, float]]]:
    """The runs of a chain that follow each other sentence for sentence on both sides,
    of :data:`MIN_PASSAGE` sentences or more. Two reports of one event match sentence by
    sentence too, here and there, in the order of events; a copy follows its original
    in runs."""
    runs: list[list[tuple[int, int, float]]] = []
    for i, j, similarity in chain:
        if runs and runs[-1][-1][:2] == (i - 1, j - 1):
            runs[-1].append((i, j, similarity))
        else:
            runs.append([(i, j, similarity)])
    return [r for r in runs if len(r) >= MIN_PASSAGE]


def _follows(passages: list[list[tuple[int, int, float]]], sentences: int) -> bool:
    """Whether passages make one of two articles, of ``sentences`` sentences, follow
    the other: enough sentences, similar enough (else a few sentences about the same
    facts, not one text re-worded)."""
    followed = sum(len(p) for p in passages)
    weight = sum(m[2] for p in passages for m in p)
    return (
        weight >= MIN_FOLLOWED
        and weight >= MIN_PASSAGE_SIMILARITY * followed
        and followed >= _needed(sentences)
    )


def _align(
    a: list[frozenset[int]], b: list[frozenset[int]], a_keys: Sequence[int], b_keys: Sequence[int]
) -> list[tuple[int, int, float]]:
    """The longest chain of matching sentence pairs (with their similarity) in the same
    order in both articles, found from anchors.

    Sentences sharing a band key are the anchors. From each, matches are followed along
    the diagonal (the next sentence of each, the one before), where a copy's re-worded
    sentences sit next to the copied ones; past the end of a run, the next
    :data:`MAX_GAP` sentences of each are searched for the next run (a copy leaves out
    or adds a paragraph). Only runs are asked for (:func:`_passages`), so no other pair
    of sentences is compared.
    """
    similarity: dict[tuple[int, int], float] = {}

    def match(i: int, j: int) -> bool:
        if (i, j) not in similarity:
            s, t = a[i], b[j]
            common = len(s & t)
            union = len(s) + len(t) - common
            similarity[(i, j)] = common / union if common >= MIN_SENTENCE_SIMILARITY * union else 0.0
        return similarity[(i, j)] > 0

    def run_end(i: int, j: int) -> tuple[int, int]:
        """Follow a match along the diagonal both ways; the last match forward."""
        k = -1
        while i + k >= 0 and j + k >= 0 and match(i + k, j + k):
            k -= 1
        while i + 1 < len(a) and j + 1 < len(b) and match(i + 1, j + 1):
            i, j = i + 1, j + 1
        return i, j

    by_key: dict[int, list[int]] = defaultdict(list)
    for x, key in enumerate(b_keys):
        by_key[key].append(x // 2)
    ends: list[tuple[int, int]] = []
    for x, key in enumerate(a_keys):
        for j in by_key.get(key, ()):
            if (x // 2, j) not in similarity and match(x // 2, j):
                ends.append(run_end(x // 2, j))
    searched: set[tuple[int, int]] = set()
    while ends:
        i, j = ends.pop()
        if (i, j) in searched:
            continue
        searched.add((i, j))
        window = sorted(
            (
                (x, y)
                for x in range(i + 1, min(len(a), i + 1 + MAX_GAP))
                for y in range(j + 1, min(len(b), j + 1 + MAX_GAP))
            ),
            key=sum,
        )
        for x, y in window:
            if match(x, y):
                ends.append(run_end(x, y))
                break
    matches = [(i, j, v) for (i, j), v in similarity.items() if v]
    # Longest strictly increasing run of j over i (patience sorting, ties of i by j descending).
    matches.sort(key=lambda m: (m[0], -m[1]))
    tails: list[int] = []
    tail_at: list[int] = []
    parent: list[int] = []
    for k, (_, j, _) in enumerate(matches):
        x = bisect.bisect_left(tails, j)
        if x == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[x] = j
            tail_at[x] = k
        parent.append(tail_at[x - 1] if x else -1)
    chain: list[tuple[int, int, float]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(matches[k])
        k = parent[k]
    chain.reverse()
    return chain
