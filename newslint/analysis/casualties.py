"""Casualty claims: explicit counts of people killed, injured, shot or missing.

"two civilians dead", "killed 14 people", "the death toll rose to 30", "one
person was injured", "A man was shot and killed" (a count of one), "Three
people were shot, one fatally", "killed several civilians as well as two
Iranian military advisers". Each claim has a count (``low``..``high``), a
condition (killed, injured, shot, missing, victims), a victim group as written
("Iranian military advisers") with a normalised key ("adviser"), and whether
its sentence or paragraph attributes it, with a normalised source key.

Speed: a cheap scan for condition words picks the sentences worth reading;
only those are matched against the claim patterns, which are bounded (no
open-ended repetition). Numbers that are not casualties (ages, dates, times,
model numbers, distances) fail these patterns because a count must sit next
to a person noun or a casualty word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from newslint.analysis.numbers import COUNT, parse_count
from newslint.analysis.quotes import Quote
from newslint.analysis.segments import Paragraph, Sentence
from newslint.document import Span

# Person nouns that can head a victim group, with their normalised key.
# Generic ones ("people", "victims") match any group when corroborating.
_HEAD_KEYS = {
    "people": "people",
    "person": "people",
    "persons": "people",
    "individuals": "people",
    "individual": "people",
    "others": "people",
    "other": "people",
    "victims": "victim",
    "victim": "victim",
    "men": "man",
    "man": "man",
    "women": "woman",
    "woman": "woman",
    "children": "child",
    "child": "child",
    "kids": "child",
    "kid": "child",
    "boys": "boy",
    "boy": "boy",
    "girls": "girl",
    "girl": "girl",
    "babies": "baby",
    "baby": "baby",
    "infants": "baby",
    "infant": "baby",
    "toddlers": "toddler",
    "toddler": "toddler",
    "teens": "teen",
    "teen": "teen",
    "teenagers": "teen",
    "teenager": "teen",
    "adults": "adult",
    "adult": "adult",
    "students": "student",
    "student": "student",
    "civilians": "civilian",
    "civilian": "civilian",
    "soldiers": "soldier",
    "soldier": "soldier",
    "troops": "soldier",
    "officers": "officer",
    "officer": "officer",
    "deputies": "officer",
    "deputy": "officer",
    "firefighters": "firefighter",
    "firefighter": "firefighter",
    "advisers": "adviser",
    "adviser": "adviser",
    "advisors": "adviser",
    "advisor": "adviser",
    "militants": "militant",
    "militant": "militant",
    "fighters": "fighter",
    "fighter": "fighter",
    "workers": "worker",
    "worker": "worker",
    "employees": "worker",
    "employee": "worker",
    "passengers": "passenger",
    "passenger": "passenger",
    "residents": "resident",
    "resident": "resident",
    "bystanders": "bystander",
    "bystander": "bystander",
    "pedestrians": "pedestrian",
    "pedestrian": "pedestrian",
    "customers": "customer",
    "customer": "customer",
    "worshippers": "worshipper",
    "worshipers": "worshipper",
    "protesters": "protester",
    "protestors": "protester",
    "demonstrators": "protester",
    "members": "member",
    "member": "member",
    "relatives": "relative",
    "suspects": "suspect",
    "suspect": "suspect",
    "gunmen": "gunman",
    "gunman": "gunman",
    "patients": "patient",
    "journalists": "journalist",
    "journalist": "journalist",
    "pilgrims": "pilgrim",
    "migrants": "migrant",
    "refugees": "refugee",
    "palestinians": "palestinian",
    "israelis": "israeli",
    "syrians": "syrian",
    "iraqis": "iraqi",
    "afghans": "afghan",
    "americans": "american",
    "ukrainians": "ukrainian",
    "russians": "russian",
    "iranians": "iranian",
}
GENERIC_GROUPS = frozenset({"people", "victim"})
_SINGULAR_HEADS = frozenset(
    w
    for w in _HEAD_KEYS
    if not w.endswith("s") and w not in ("people", "children", "men", "women", "troops", "gunmen")
)
_HEAD = "|".join(sorted(_HEAD_KEYS, key=len, reverse=True))

# Casualty words as written, and the condition they report.
_CONDITION_WORDS = {
    "killed": "killed",
    "dead": "killed",
    "died": "killed",
    "die": "killed",
    "slain": "killed",
    "murdered": "killed",
    "deaths": "killed",
    "fatalities": "killed",
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "injuries": "injured",
    "hospitalized": "injured",
    "hospitalised": "injured",
    "shot": "shot",
    "missing": "missing",
    "casualties": "casualties",
}
# A count: the shared number pattern, or an article standing for one.
_COUNT = rf"(?P<count>(?:{COUNT})|an?|another)"
# Up to three modifiers between a count and its head noun ("Iranian military").
_STOP = r"(?:were|was|are|is|and|or|of|in|at|on|by|to|who|that|with|from|for|have|has|had|been|the|their|his|her|its|than|as)"
_MOD = rf"(?P<mod>(?:(?!{_STOP}\b)[\w’'-]+\s+){{0,3}}?)"
_GROUP = rf"{_MOD}(?P<head>{_HEAD})\b"
_ADVERB = r"(?:fatally|critically|seriously|severely|mortally|gravely|badly|slightly|non-fatally|reportedly|also|later|all|both)"
_PASSIVE_COND = (
    r"(?P<cond>shot\s+(?:and\s+)?(?:killed|dead|to\s+death|wounded|injured)|shot|killed|dead|died|die|"
    r"injured|wounded|hurt|missing|hospitali[sz]ed|slain|murdered|lost\s+their\s+lives|stabbed\s+to\s+death)\b"
)
# "Four people were wounded", "A man was shot and killed", "two civilians dead",
# "Two men, ages 20 and 25, were shot", "a 2-year-old boy died".
_SUBJECT_FIRST = re.compile(
    rf"\b{_COUNT}\s+{_GROUP}(?:\s*,[^,.;:]{{1,60}},)?"
    rf"(?:\s+(?:who|that|were|was|are|is|have|has|had|been|being|got|{_ADVERB})){{0,4}}\s+{_PASSIVE_COND}",
    re.I,
)
# "killed 14 people", "left two civilians dead", "killing one person".
_VERB = (
    r"(?P<verb>claimed\s+the\s+lives\s+of|fatally\s+(?:shot|shooting|wounded|wounding)|shot\s+and\s+killed|"
    r"killed|killing|kills|wounded|wounding|wounds|injured|injuring|injures|hurt|hurting|"
    r"left|leaving|leaves|shot|shooting|shoots)"
)
_OBJECT_AFTER = re.compile(
    rf"\b{_VERB}\s+(?:at\s+least\s+)?{_COUNT}\s+{_GROUP}(?:\s+(?P<tail>dead|injured|wounded|hurt))?",
    re.I,
)
# "killed one and wounded two": a count with no noun, ended by a clause break.
_OBJECT_BARE = re.compile(rf"\b{_VERB}\s+(?P<bare>{COUNT})(?=\s*(?:[,.;]|and\b|$))", re.I)
# "... as well as two Iranian military advisers": more objects of the same verb.
_MORE_OBJECTS = re.compile(
    rf"(?:\s*,\s*|\s+and\s+|\s+as\s+well\s+as\s+|\s+along\s+with\s+|\s+including\s+){_COUNT}\s+{_GROUP}",
    re.I,
)
# "3 dead", "two injured", "14 deaths", "five shooting victims".
_BARE = re.compile(
    rf"\b(?P<count>{COUNT})\s+(?:(?P<shooting>shooting|gunshot)\s+)?"
    rf"(?P<cond>dead|killed|injured|wounded|hurt|deaths|fatalities|injuries|casualties|victims)\b",
    re.I,
)
# "the death toll rose to 30".
_TOLL = re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed))\b(?:\s+[\w’'-]+){0,4}?\s+"
    r"(?:rose|rises|risen|climbed|climbs|stands|stood|reached|reaches|is|was|hit|hits|jumped|increased|grew|now)"
    rf"\s+(?:to\s+|at\s+)?(?P<count>{COUNT})(?![\w-])",
    re.I,
)
# "one of them died", "two of whom were killed", "one fatally" (after "were shot").
_SUBSET = re.compile(
    rf"\b(?P<count>{COUNT})\s+(?:of\s+(?:them|whom|those|the\s+victims)\s+)?"
    r"(?:(?:were|was|have|has|had|later)\s+){0,2}(?P<cond>died|killed|fatally)\b",
    re.I,
)
# The cheap pre-scan: a sentence without one of these holds no claim.
_CUE = re.compile(
    r"\b(?:kill|dead|die|slain|murder|death|fatal|injur|wound|hurt|shot|shoot|missing|hospitali|casualt|victim|toll|lives)",
    re.I,
)
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$",
    re.I,
)

# Attribution, until the shared attribution layer can answer "who says so?"
# for any span: speech and reporting cues, and institutions that are sources
# of casualty figures. TODO: read the shared attribution analysis once it
# covers figures, and drop this helper.
_ATTRIBUTION = re.compile(
    r"\baccording\s+to\s+(?P<according>(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,3})"
    r"|(?P<speaker>(?:[\w’'.-]+\s+){0,3}?)(?P<verb>said|says|say|saying|told|tells|added|stated|"
    r"confirmed|confirms|announced|reported|reports|quoted|claimed|maintains|identified)\b"
    r"|\b(?P<noun>police|officials|authorities|sheriff|coroner|medical\s+examiner|spokes(?:man|woman|person)|"
    r"statement|ministry|hospital\s+officials)\b",
    re.I,
)
_DETERMINERS = re.compile(
    r"^(?:the|a|an|an?\s+unnamed|an?\s+anonymous|unnamed|anonymous|local|that|this)\s+|[’']s?$", re.I
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "who", "which", "we", "i"})


@dataclass(frozen=True)
class CasualtyClaim(Span):
    """An explicit casualty figure. ``start``/``end`` cover the count and its group.

    ``low``..``high`` is the count (``high`` None: open above, "at least 30");
    ``exact`` is False for ranges and qualified counts, ``vague`` for
    "several", "dozens". ``condition`` is killed, injured, shot, missing,
    casualties or victim; ``group`` the victims as written ("Iranian military
    advisers", "" when unsaid) and ``group_key`` its normalised head noun
    ("adviser"; "people" when unsaid). ``source`` is the normalised source
    ("military source", "police") when the sentence or its paragraph
    attributes the figure, else "".
    """

    low: float
    high: float | None
    exact: bool
    vague: bool
    condition: str
    group: str
    group_key: str
    sentence: int
    source: str

    @property
    def attributed(self) -> bool:
        return bool(self.source)

    def figure(self) -> str:
        """The count as a reader would say it: "2", "3–4", "at least 30"."""
        if self.high is None:
            return f"at least {_fmt(self.low)}"
        if self.low == self.high:
            return _fmt(self.low)
        return f"{_fmt(self.low)}–{_fmt(self.high)}"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def _condition(word: str, adverb: str = "") -> str:
    w = " ".join(word.lower().split())
    if w.startswith("shot ") or w == "shot":
        if any(x in w for x in ("killed", "dead", "death")):
            return "killed"
        if any(x in w for x in ("wounded", "injured")):
            return "injured"
        if adverb.lower().startswith(("fatally", "mortally")):
            return "killed"
        return "shot"
    if adverb.lower().startswith(("fatally", "mortally")):
        return "killed"
    if w in ("lost their lives", "stabbed to death"):
        return "killed"
    return _CONDITION_WORDS.get(w, w)


def _verb_condition(verb: str, tail: str | None) -> str | None:
    v = " ".join(verb.lower().split())
    if v.startswith(("left", "leav")):
        if not tail:
            return None
        return "killed" if tail.lower() == "dead" else "injured"
    if v.startswith(("claimed", "fatally", "kill")) or v == "shot and killed":
        return "killed"
    if v.startswith(("wound", "injur", "hurt")):
        return "injured"
    return "shot"


def _is_year_or_date(text: str, start: int, count: str) -> bool:
    c = count.strip()
    if c.isdigit() and len(c) == 4 and 1800 <= int(c) <= 2100:
        return True
    return bool(c[:1].isdigit() and _MONTH_BEFORE.search(text, max(0, start - 12), start))


def find_casualty_claims(
    text: str,
    sentences: Sequence[Sentence],
    paragraphs: Sequence[Paragraph],
    quotes: Sequence[Quote] = (),
) -> list[CasualtyClaim]:
    """Every explicit casualty figure in ``text``, in order."""
    claims: list[CasualtyClaim] = []
    by_paragraph: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_paragraph.setdefault(s.paragraph, []).append(s)
    cue_sentences: list[Sentence] = []
    last = -1
    for m in _CUE.finditer(text):
        if m.start() < last:
            continue
        sent = _sentence_holding(sentences, m.start())
        if sent is not None:
            cue_sentences.append(sent)
            last = sent.end
    for sent in cue_sentences:
        found = list(_claims_in_sentence(text, sent))
        if not found:
            continue
        source = _attribution(text, sent, by_paragraph.get(sent.paragraph, [sent]), quotes)
        for start, end, count, condition, group, head in found:
            parsed = (
                parse_count(count) if count.lower() not in ("a", "an", "another") else (1, 1, True, False)
            )
            if parsed is None:
                continue
            low, high, exact, vague = parsed
            if low <= 0 and high == 0:
                continue
            in_quote = any(q.start <= start and end <= q.end for q in quotes)
            claims.append(
                CasualtyClaim(
                    start,
                    end,
                    float(low),
                    float(high) if high is not None else None,
                    exact,
                    vague,
                    condition,
                    group,
                    _HEAD_KEYS.get(head.lower(), "people") if head else "people",
                    sent.index,
                    "quotation" if in_quote and not source else source,
                )
            )
    return claims


def _sentence_holding(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset:
        return sentences[lo]
    return None


def _claims_in_sentence(text: str, sent: Sentence) -> Iterable[tuple[int, int, str, str, str, str]]:
    """(start, end, count, condition, group, head) of each claim, without overlaps."""
    body = text[sent.start : sent.end]
    base = sent.start
    out: list[tuple[int, int, str, str, str, str]] = []

    def add(start: int, end: int, count: str, condition: str | None, mod: str, head: str) -> None:
        if condition is None or _is_year_or_date(text, base + start, count):
            return
        if count.lower() in ("a", "an", "another") and head and head.lower() not in _SINGULAR_HEADS:
            return
        start, end = base + start, base + end
        if any(start < e and s < end for s, e, *_ in out):
            return
        group = (mod + head).strip() if head else ""
        out.append((start, end, count, condition, group, head))

    for m in _SUBJECT_FIRST.finditer(body):
        add(
            m.start("count"),
            m.end("cond"),
            m.group("count"),
            _condition(m.group("cond"), _adverb_before(body, m.start("cond"))),
            m.group("mod"),
            m.group("head"),
        )
    for m in _OBJECT_BARE.finditer(body):
        condition = _verb_condition(m.group("verb"), "dead")
        add(m.start("bare"), m.end("bare"), m.group("bare"), condition, "", "")
    for m in _OBJECT_AFTER.finditer(body):
        verb = m.group("verb")
        condition = _verb_condition(verb, m.group("tail"))
        add(m.start("count"), m.end("head"), m.group("count"), condition, m.group("mod"), m.group("head"))
        pos = m.end()
        while condition is not None:
            more = _MORE_OBJECTS.match(body, pos)
            if not more:
                break
            add(
                more.start("count"),
                more.end("head"),
                more.group("count"),
                condition,
                more.group("mod"),
                more.group("head"),
            )
            pos = more.end()
    for m in _TOLL.finditer(body):
        add(m.start(), m.end(), m.group("count"), "killed", "", "")
    for m in _BARE.finditer(body):
        cond = m.group("cond").lower()
        condition = ("shot" if m.group("shooting") else "victim") if cond == "victims" else _condition(cond)
        add(m.start(), m.end(), m.group("count"), condition, "", "victims" if cond == "victims" else "")
    for m in _SUBSET.finditer(body):
        add(m.start(), m.end(), m.group("count"), "killed", "", "")
    out.sort()
    return out


def _adverb_before(body: str, pos: int) -> str:
    words = body[max(0, pos - 20) : pos].split()
    return words[-1] if words else ""


def _attribution(text: str, sent: Sentence, paragraph: Sequence[Sentence], quotes: Sequence[Quote]) -> str:
    """The normalised source of a figure in ``sent``, or "" when none is given.

    Looks in the sentence, then the paragraph when it is short (up to five
    sentences), else the sentences just before and after (a one-paragraph
    article is not one attribution).
    """
    found = _source_in(text[sent.start : sent.end])
    if found:
        return found
    if len(paragraph) <= 5:
        around = [s for s in paragraph if s.index != sent.index]
    else:
        around = [s for s in paragraph if abs(s.index - sent.index) == 1]
    for s in sorted(around, key=lambda s: abs(s.index - sent.index)):
        found = _source_in(text[s.start : s.end])
        if found:
            return found
    return ""


def _source_in(body: str) -> str:
    for m in _ATTRIBUTION.finditer(body):
        if m.group("according"):
            return _source_key(re.split(r"[,;:.”\"]", m.group("according"))[0])
        if m.group("verb"):
            speaker = _source_key(re.split(r"[,;:”\"“]", m.group("speaker"))[-1])
            return speaker or m.group("verb").lower()
        return _source_key(m.group("noun"))
    return ""


def _source_key(phrase: str) -> str:
    p = " ".join(phrase.lower().split())
    for _ in range(2):
        p = _DETERMINERS.sub("", p).strip()
    return p if p not in _PRONOUNS else p


class Tally(NamedTuple):
    """An article's figures: the largest exact count for each condition."""

    killed: int
    injured: int


def tally(claims: Iterable[CasualtyClaim]) -> Tally:
    """The article's killed and injured counts, read off its claims.

    The largest count of each condition stands for the article (sub-counts
    such as "one of them died" are smaller). Shot victims who did not die
    count as injured: "Three people were shot, one fatally" is 1 killed, 2
    injured. Vague counts are ignored; "at least N" counts as N.
    """
    best: dict[str, float] = {}
    for c in claims:
        if c.vague:
            continue
        best[c.condition] = max(best.get(c.condition, 0), c.low)
    killed = best.get("killed", 0)
    injured = best.get("injured", 0)
    shot = best.get("shot", 0)
    if shot > killed + injured:
        injured = shot - killed
    return Tally(int(killed), int(injured))
