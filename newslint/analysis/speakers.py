"""Quotations and their speakers, as news copy lays them out.

A quotation gets its speaker from an attribution in the sentences it spans
(“…,” she added / “… . …,” the farmer told reporters), from “…,” Ali joined
in, a colon lead-in ("From Chairwoman Ruiz:"), a dash sign-off (“…”
-Commissioner Ward), the subject of the sentence for a partial quotation,
the sentence before or after, its paragraph, or the quotation before it when
a speaker goes on in the next paragraph. See :class:`QuoteSpeaker`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newslint.analysis._scan import trie_pattern, words
from newslint.analysis.attribution import Attribution, classify_source
from newslint.analysis.attribution.phrases import BREAK_RIGHT, np_after, np_before, sentence_subject
from newslint.analysis.attribution.tokens import PERSONAL, tokens
from newslint.analysis.lexicon.sources import (
    CROWD_NOUNS,
    INSIDER_NOUNS,
    PLAIN_PEOPLE,
    PLAIN_PERSON_NOUNS,
    RELATIVE_NOUNS,
    TITLES,
    WITNESS_NOUNS,
)
from newslint.analysis.quotes import Quote
from newslint.analysis.segments import Paragraph, Sentence
from newslint.spans import Span

__all__ = ["QuoteSpeaker", "find_quote_speakers", "looks_like_title"]

_DASH_SIGN = re.compile(r"\s*[-—–―‒]{1,2}\s*(?:[A-Z][\w.’'-]*\s*){1,6}")
_TITLE_CUE = re.compile(
    r"\b(?:titled|entitled|called|named|dubbed|headlined|book|novel|film|movie|song|album|show|series|"
    r"play|poem|article|essay|column|report|campaign|slogan|program|programme|act|bill|law|motto|"
    r"hashtag|banner|sign|signs|chant|chants|chanting|chanted|headline|author\s+of|titled)\W*$",
    re.I,
)


@dataclass(frozen=True)
class QuoteSpeaker:
    """A quotation and where its speaker was found.

    :ivar attribution: the attribution naming the speaker, when there is one.
    :ivar speaker: the speaker's words (the attribution's source, a name after a
        dash, a person mentioned in a neighbouring sentence), or ``None``.
    Rules read ``attributed``; for a quotation that is not, ``framing``,
    ``words`` and ``fragment`` say more (they are left empty otherwise).

    :ivar how: "sentence" (an attribution in a sentence the quotation spans,
        or “…,” X did), "colon" (a lead-in ending in a colon), "dash" (“…” -X),
        "fragment" (a partial quotation inside a sentence about a person),
        "neighbour" (an attribution or a person in the sentence before or
        after), "paragraph" (an attribution elsewhere in its paragraphs), or
        "" when no speaker was found.
    """

    quote: Quote
    attribution: Attribution | None
    speaker: Span | None
    how: str
    #: Its words, counted as :meth:`Quote.words` counts them, up to 100.
    words: int = 0
    #: A partial quotation starting in lowercase inside a sentence: “boots on the ground”.
    fragment: bool = False
    #: For a quotation with no speaker (of two words or more), why none is needed: "title" (a quoted
    #: title or name), "framed" (its sentence says whose words they are:
    #: "Bloomberg reports that “…”", "the old line goes, “…”"), "signed" (a
    #: sign-off after it, or an item of a numbered list), "said-after" (a speech
    #: verb after a quotation closed on a comma), "announced" (the sentence before
    #: names whose reply it is), "goes-on" (the speaker of the quotation before
    #: goes on); "" when nothing does.
    framing: str = ""
    #: A speaker that is a pronoun ("he said") with no one named anywhere before the
    #: quotation: attributed in form, unattributed in fact.
    dangling: bool = False

    @property
    def attributed(self) -> bool:
        return bool(self.how)


def find_quote_speakers(
    text: str,
    quotes: Sequence[Quote],
    sentences: Sequence[Sentence],
    attributions: Sequence[Attribution],
    paragraphs: Sequence[Paragraph] = (),
) -> list[QuoteSpeaker]:
    by_sentence: dict[int, list[Attribution]] = {}
    by_paragraph: dict[int, list[Attribution]] = {}
    for a in attributions:
        if a.broad or (not a.informs and a.source_kind == "other"):
            continue
        by_sentence.setdefault(a.sentence, []).append(a)
        by_paragraph.setdefault(sentences[a.sentence].paragraph, []).append(a)
    starts = [s.start for s in sentences]
    out: list[QuoteSpeaker] = []
    previous: QuoteSpeaker | None = None
    persons: dict[int, list[Span]] = {}  # the people of each sentence, read once
    for q in quotes:
        qs = _speaker_of(text, q, sentences, starts, by_sentence, by_paragraph, persons)
        if (
            not qs.attributed
            and previous is not None
            and previous.attributed
            and _continues(text, previous.quote, q)
        ):
            # The same speaker goes on, in the next sentence or the next paragraph.
            qs = QuoteSpeaker(q, previous.attribution, previous.speaker, "continued")
        out.append(qs)
        previous = qs
    layout = _Layout(sentences, paragraphs, starts)
    framed: list[QuoteSpeaker] = []
    before: QuoteSpeaker | None = None
    first_person = [0, -1]  # how far the text was read for someone named, and where (see _dangling)
    for qs in out:
        if not qs.attributed:
            q = qs.quote
            count = q.words(text, _WORDS_COUNTED)
            # A one-word quotation is a scare quote or a term: no rule asks why it needs no speaker.
            framing = _framing(text, layout, q, before) if count > 1 else ""
            qs = QuoteSpeaker(q, None, None, "", count, _is_fragment(text, layout, q), framing)
        elif (
            qs.speaker is not None
            and qs.speaker.end - qs.speaker.start <= 4
            and _dangling(text, qs, first_person)
        ):
            q = qs.quote
            words = q.words(text, _WORDS_COUNTED)
            fragment = _is_fragment(text, layout, q)
            qs = QuoteSpeaker(q, qs.attribution, qs.speaker, qs.how, words, fragment, "", True)
        framed.append(qs)
        before = qs
    return framed


def _dangling(text: str, qs: QuoteSpeaker, first_person: list[int]) -> bool:
    """The speaker is "he", "she" or "they" and nobody is named anywhere before the quotation.

    ``first_person`` is ``[searched, found]``: the text up to ``searched`` has been read
    for someone named, first at ``found`` (-1: nobody yet). Quotations come in text order,
    so each stretch of text is read once.
    """
    speaker = qs.speaker
    if speaker is None or text[speaker.start : speaker.end].lower() not in ("he", "she", "they"):
        return False
    if qs.attribution is not None and qs.attribution.resolved is not None:
        return False
    end = min(qs.quote.start, speaker.start)
    searched, found = first_person
    if found < 0 and end > searched:
        found = _first_person(text, searched, end)
        first_person[:] = [end, found]
    return not 0 <= found < end and not looks_like_title(text, qs.quote)


def _first_person(text: str, start: int, end: int) -> int:
    """Where ``text[start:end]`` first names someone ("Ana Ruiz", "Sen. Ortiz", "Alves
    described") or describes one ("the mayor", "a nurse"); -1 when it does not."""
    found = [
        m.start() for m in (_NAMED.search(text, start, end), _PERSONISH_WORD.search(text, start, end)) if m
    ]
    for m in _CAPITALISED.finditer(text, start, end):
        word = m.group(1)
        low = word.lower()
        if low in _SENTENCE_OPENERS or word in _PRONOUNS_CAPS or low in _PERSONISH:
            continue
        if not re.search(rf"\b{re.escape(low)}\b", text):
            found.append(m.start())  # "Alves described the night.": a name, never written in lower case
            break
    return min(found, default=-1)


#: Words of a quotation are counted up to this many: rules compare them with small thresholds.
_WORDS_COUNTED = 100
_LOWER_WORD = re.compile(r"[a-z]+")
# A capitalised word and a lower-case one after it, anywhere: a name, unless a common opener.
_CAPITALISED = re.compile(r"\b([A-Z][a-z’'-]+)\s+[a-z]")
_PRONOUNS_CAPS = frozenset(
    ["He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your"]
)
_PERSONISH = frozenset(
    TITLES | INSIDER_NOUNS | CROWD_NOUNS | RELATIVE_NOUNS | WITNESS_NOUNS | PLAIN_PERSON_NOUNS | PLAIN_PEOPLE
)
# One of them in the text, in lower case: "the mayor spoke first".
_PERSONISH_WORD = re.compile(rf"\b(?:{trie_pattern(_PERSONISH)})\b")
# Someone named: a title and a name, two capitalised words in a row, or a capitalised
# word before a verb ("Ortiz said"); the first word of a sentence is not a name by itself.
_NAMED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Sgt|Lt|Capt|Col|Det|Officer|President|Mayor|Judge)\.?\s+[A-Z]"
    r"|\b[A-Z][a-z’'-]+\s+(?:[A-Z]\.\s*)?[A-Z][a-z][\w’'-]*"
    r"|(?<![.!?“\"]\s)(?<!^)\b[A-Z][a-z][\w’'-]+\s+(?:said|says|told|added|wrote)\b"
)


@dataclass
class _Layout:
    """The sentences and paragraphs of a text, found by offset."""

    sentences: Sequence[Sentence]
    paragraphs: Sequence[Paragraph]
    starts: list[int]
    paragraph_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.paragraph_starts = [p.start for p in self.paragraphs]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sentences[i] if i >= 0 else None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        i = bisect.bisect_right(self.paragraph_starts, offset) - 1
        return self.paragraphs[i] if i >= 0 else None


def _framing(text: str, layout: _Layout, q: Quote, before: QuoteSpeaker | None) -> str:
    """Why a quotation with no speaker needs none (see :attr:`QuoteSpeaker.framing`), or ""."""
    if looks_like_title(text, q):
        return "title"
    if before is not None and before.attributed and _goes_on(layout, before.quote, q):
        return "goes-on"
    if _framed(text, layout, q):
        return "framed"
    if _signed(text, layout, q):
        return "signed"
    if _said_after(text, layout, q):
        return "said-after"
    if _announced(text, layout, q):
        return "announced"
    return ""


def _continues(text: str, before: Quote, q: Quote) -> bool:
    """Nothing but space (a paragraph break) lies between two quotations."""
    return not text[before.end : q.start].strip()


def _speaker_of(
    text: str,
    q: Quote,
    sentences: Sequence[Sentence],
    starts: list[int],
    by_sentence: dict[int, list[Attribution]],
    by_paragraph: dict[int, list[Attribution]],
    persons: dict[int, list[Span]],
) -> QuoteSpeaker:
    first = max(0, bisect.bisect_right(starts, q.start) - 1)
    last = max(first, bisect.bisect_left(starts, q.end) - 1)

    def outside(a: Attribution) -> bool:
        # An unclosed quotation may have swallowed its own attribution ("…, Kandek wrote.").
        return not q.closed or not q.content.contains(a.cue)

    for i in range(first, last + 1):
        cands = [a for a in by_sentence.get(i, ()) if outside(a)]
        if cands:
            a = _nearest(cands, q)
            return QuoteSpeaker(q, a, a.source, "sentence")
    # “…,” Ali joined in. / “…?” she asked: a quotation closed on a comma, then a subject.
    if q.closed and text[q.content.end - 1 : q.content.end] in (",", "?", "!", "—"):
        src = _subject_after_quote(text, q.end)
        if src is not None:
            return QuoteSpeaker(q, None, src, "sentence")
    lead_end = q.start
    while lead_end > 0 and text[lead_end - 1].isspace():
        lead_end -= 1
    if lead_end > 0 and text[lead_end - 1] == ":":
        # "He declared:" or "From Chairwoman Ruiz:" then the quotation; the lead-in needs no verb.
        j = max(0, bisect.bisect_right(starts, lead_end - 1) - 1)
        lead = [a for a in by_sentence.get(j, ()) if a.cue.start < lead_end]
        lead_a = lead[-1] if lead else _lead_in(text, sentences[j], lead_end, q)
        if lead_a is not None:
            return QuoteSpeaker(q, lead_a, lead_a.source, "colon")
    if q.closed and (m := _DASH_SIGN.match(text, q.end)) is not None:
        name = Span(m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \n-—–―‒")), m.end())
        return QuoteSpeaker(q, None, name, "dash")
    if text[q.content.start : q.content.start + 1].islower() and q.start > sentences[first].start:
        # A partial quotation inside a sentence: its subject is the speaker, when it is a person.
        subject = sentence_subject(text, sentences[first], q.start)
        if subject is not None and classify_source(text[subject.start : subject.end]) in (
            "person",
            "pronoun",
        ):
            return QuoteSpeaker(q, None, subject, "fragment")
        person = _person_in(text, sentences[first], q, persons) or (
            first > 0 and _person_in(text, sentences[first - 1], q, persons)
        )
        if person:
            return QuoteSpeaker(q, None, person, "fragment")
    for i in (first - 1, last + 1):
        if not 0 <= i < len(sentences):
            continue
        cands = [a for a in by_sentence.get(i, ()) if a.informs and outside(a)]
        if cands:
            return QuoteSpeaker(q, cands[0], cands[0].source, "neighbour")
    for i in (first - 1, last + 1):
        if 0 <= i < len(sentences) and (person := _person_in(text, sentences[i], q, persons)):
            return QuoteSpeaker(q, None, person, "neighbour")
    for p in q.paragraphs:
        cands = [a for a in by_paragraph.get(p, ()) if a.informs and outside(a)]
        if cands:
            return QuoteSpeaker(q, cands[0], cands[0].source, "paragraph")
    return QuoteSpeaker(q, None, None, "")


_SUBJECT_WORDS = words("the a an one another former state local senior top")
# A person: a title or two capitalised words in a row, or a personal pronoun as a subject.
_PERSON = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+[A-Z][\w’'-]+"
    r"|[A-Z][a-z’'-]+(?:\s+(?:[A-Z]\.\s*)?[A-Z][\w’'-]+)+"
    r"|(?:He|She|They|he|she|they)\s+[a-z]+"
    r"|(?!(?:The|This|That|These|Those|It|Its|There|Here|What|When|Where|But|And|Or|In|On|At|For|As|If|So|"
    r"A|An|One|No|Now|Then|Yet|All|Each|Every|Some|Many|Most)\s)[A-Z][\w’'-]+\s+(?:also\s+|then\s+|later\s+)?"
    r"[a-z]+(?:ed|s)\b)"
)


def _subject_after_quote(text: str, pos: int) -> Span | None:
    """“…,” Ali joined in: a name (or he, she, the minister) and then a verb."""
    toks = tokens(text, pos, min(len(text), pos + 120), 9)  # read below: at most toks[8]
    if (
        len(toks) > 1
        and toks[0][2].isalpha()
        and toks[0][2].islower()
        and toks[0][2] not in BREAK_RIGHT
        and (toks[1][2][0].isupper() or toks[1][2] in ("the", "a", "an"))
    ):
        # “…,” mused Michael Batnick: an inverted verb of any kind, then the speaker.
        return np_after(text, toks[1][0], min(len(text), pos + 120), inverted=True)
    k = 0
    while k < len(toks) and k < 8:
        w = toks[k][2]
        if w[0].isupper() or w.lower() in _SUBJECT_WORDS or (k and w in ("’s", "'s")):
            k += 1
            continue
        if k == 0 and w.lower() in PERSONAL:
            k = 1
        break
    if k == 0 or k >= len(toks):
        return None
    verb = toks[k][2]
    if not (verb.isalpha() and verb.islower()):
        # a lowercase noun before the verb: "“…,” the deputy minister insisted"
        if verb != "(":
            return None
    elif verb in _NOT_A_VERB_AFTER_SUBJECT:
        return None
    return Span(toks[0][0], toks[k - 1][1])


_NOT_A_VERB_AFTER_SUBJECT = BREAK_RIGHT - {"said", "says", "told", "added"}


def _person_in(text: str, sent: Sentence, q: Quote, persons: dict[int, list[Span]]) -> Span | None:
    """A person (a name with a title or two capitalised words, or he/she) in a sentence, outside ``q``.

    ``persons`` keeps the people of each sentence read so far: a sentence with thousands of
    quotation marks is read once, not once for each of them.
    """
    found = persons.get(sent.index)
    if found is None:
        found = persons[sent.index] = [
            Span(m.start(), m.end()) for m in _PERSON.finditer(text, sent.start, sent.end)
        ]
    for person in found:
        if not q.content.start <= person.start < q.content.end:
            return person
    return None


def _nearest(cands: list[Attribution], q: Quote) -> Attribution:
    if len(cands) == 1:  # the common case: no distances to compare
        return cands[0]
    return min(cands, key=lambda a: min(abs(a.cue.start - q.end), abs(a.cue.end - q.start)))


def _lead_in(text: str, sent: Sentence, colon_end: int, q: Quote) -> Attribution | None:
    colon = colon_end - 1
    src = np_before(text, max(sent.start, colon - 200), colon)
    if src is None:
        return None
    return Attribution(src.start, colon_end, Span(colon, colon_end), src, q.content, sent.index, True,
                       classify_source(text[src.start : src.end]))  # fmt: skip


def looks_like_title(text: str, q: Quote) -> bool:
    """A quoted title or name (“The Art of the Deal”, a law, a slogan), not speech."""
    if _TITLE_CUE.search(text, max(0, q.start - 40), q.start):
        return True
    if q.content.end - q.content.start > 600:
        return False  # no title of 16 words or fewer runs this long
    found = re.findall(r"[A-Za-z][\w’'-]*", text[q.content.start : q.content.end])
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "at", "by", "from"}
    content = [w for w in found if w.lower() not in small]
    return bool(content) and all(w[0].isupper() for w in content) and len(found) <= 16


# Capitalised words that open a sentence without naming anyone.
_SENTENCE_OPENERS = words(
    """the a an in on at by for to of with within without from after before during while when whenever
    if as but and or so yet then now this that these those it its there here what which why how where
    still also even just only once since until though although because however meanwhile instead
    indeed later earlier today yesterday overall nor not no all each every both some many most few"""
)
_WHO = re.compile(r"\b(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Yy]ou)\b|[A-Z][\w’'.&-]*")
# Nouns for a quoted saying or document: "the old line was “…”", "the draft included the sentence, “…”".
_SAYING = words(
    """line lines phrase words sentence saying motto principle mantra adage refrain maxim quip question
    questions message tweet post statement letter memo report draft version guidance text passage caption
    headline verdict answer reply response rule creed wording language advice order words aphorism proverb
    dictum moral bio profile study survey poll research data findings"""
)
# A quotation used as a label: Bentsen’s “…” putdown, a secret “…” clause.
_LABEL_AFTER = re.compile(
    r"\s*(?:putdown|comment|remark|clause|line|slogan|mantra|chant|quip|question|moment|phrase|speech|"
    r"message|argument|rhetoric|promise|pledge|refrain|meme|tweet|label|narrative|sign|banner|approach|"
    r"doctrine|policy|strategy|era|crowd|camp|wing|movement|button|hats?|t-shirts?|sticker|piece|article|"
    r"column|essay|op-ed|story|book|poster|ad|campaign)s?\b"
    # “…” is a question for the classroom; “…” was the go-to defence; “…” (2005): a poster or a title
    r"|\s+(?:is|was|are|were|became|remains)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:question|defen[cs]e|"
    r"line|slogan|refrain|answer|response|cry|mantra|message|argument|claim|phrase|motto|title|excuse)\b"
    r"|\s*\(\d{4}\)",
    re.I,
)
_LEAD_WORDS = words(
    """that as like saying reads read go goes went going say says said tell call called ask asking found finds
    concluded concludes suggesting noting adding arguing warning writing declaring insisting claiming stating
    explaining calling"""
)
# "the officer calls it “…”": the subject names whose words they are
_CALLS_IT = re.compile(r"\bcall(?:s|ed|ing)?\s+(?:it|them|this|that)$", re.I)
_RANGE_TO = re.compile(r"\s*to\b")
_SIGN_OFF = re.compile(
    r"\s*(?:@\w+|[A-Z][\w.’'&-]*(?:(?:\s+|,\s*)(?:[A-Z][\w.’'&-]*|of|the|and|for|on|at|in|&))*)\.?\s*$"
)
_CITATION = re.compile(r"\s*\((?=[^()]{0,80}\))[^()]*(?:[A-Z0-9])[^()]*\)")
_DASH_ANY = re.compile(r"\s*[-—–―]{1,2}\s*\S")
_LIST_MARK = re.compile(r"\s*(?:\d{1,3}(?:-\d{1,3})?[.)]|[-*•–—]{1,2})\s*")
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|asked|asks|explained|explains|continued|stated|"
    r"noted|notes|argued|argues|insisted|declared|tweeted|posted|recalled|quoted|saying|warned|warns|"
    r"replied|responded|answered|remarked|observed|acknowledged|conceded|joked|shouted|yelled|exclaimed|"
    r"concluded|admitted|according|reads|read|states)\b"
)


def _framed(text: str, layout: _Layout, q: Quote) -> bool:
    """A quotation inside a sentence that says whose words they are.

    "Bloomberg reports that “…”", "Thatcher’s famous line, “…”", "as the old line
    goes, “…”", "Bentsen’s “…” putdown": the sentence introduces the quotation and
    names (or describes) its origin before it. A quotation that opens its
    sentence, or follows a lead-in with nobody in it ("Within five years, “…”"),
    is not framed.
    """
    sent = layout.sentence_at(q.start)
    if sent is None:
        return False
    if sent.start >= q.start:
        return _LABEL_AFTER.match(text, q.end) is not None  # “…” is a question for the classroom
    # The lead-in, up to 300 characters back: a sentence of thousands of quotation marks is
    # not read again for each of them.
    lead = text[max(sent.start, q.start - 300) : q.start].rstrip()
    if not lead:
        return False
    toks = lead.split()
    last = toks[-1].lower().strip("’'")
    if _LABEL_AFTER.match(text, q.end) and (lead[-1].isalpha() or last.rstrip(",:") in _SAYING):
        return True  # Bentsen’s “…” putdown
    if _SPEECH.fullmatch(last.rstrip(",:")) and lead[-1] in ",:":
        return True  # "it reads, “…”", "the sign says: “…”"
    near = [w.lower().strip(",:;’'") for w in toks[-6:]]
    if last in ("is", "was", "are", "were") and any(w in _SAYING for w in near):
        return True  # "the old line was “…”", "the principle is “…”"
    if last == "from" and _RANGE_TO.match(text, q.end):
        return True  # "went from “…” to “…”": a range of moods, not speech
    if not (lead[-1] in ",:—–(" or last in _LEAD_WORDS or last in _SAYING or _CALLS_IT.search(lead)):
        return False
    if _CALLS_IT.search(lead):
        return True
    if last in _SAYING or any(w.lower().strip(",:;’'") in _SAYING for w in toks):
        return True
    for m in _WHO.finditer(lead):
        word = m.group(0)
        if not word[0].isupper() or word in ("I", "We", "He", "She", "They", "You"):
            return True  # a pronoun: he, she, they, we
        if m.start() > 0 or word.lower() not in _SENTENCE_OPENERS:
            return True  # a name, or a capitalised title: Bloomberg, The Art of the Deal
    return False


def _goes_on(layout: _Layout, before: Quote, q: Quote) -> bool:
    """The speaker of the quotation before goes on: in the same paragraph, or in a paragraph of its own next."""
    if before.paragraphs[-1] == q.paragraph:
        return True
    para = layout.paragraphs[q.paragraph]
    return before.paragraphs[-1] == q.paragraph - 1 and q.start == para.start


# The sentence before hands over to the quotation: "The captain’s reply stuck with me."
_HANDOVER = re.compile(
    r"(?:[’']s|\bhis|\bher|\btheir)\s+(?:\w+\s+)?(?:response|reply|answer|words|advice|message|order|"
    r"verdict|warning|question|comment|instructions?)\b",
    re.I,
)


def _announced(text: str, layout: _Layout, q: Quote) -> bool:
    """The sentence just before, in the same paragraph, names whose reply the quotation is."""
    sent = layout.sentence_at(q.start)
    if sent is None or sent.index == 0 or sent.start < q.start and text[sent.start : q.start].strip():
        return False
    prev = layout.sentences[sent.index - 1]
    if prev.paragraph != sent.paragraph:
        return False
    return _HANDOVER.search(text, prev.start, prev.end) is not None


def _signed(text: str, layout: _Layout, q: Quote) -> bool:
    """A quotation signed off after it: “…” AP News / “…” Ann Lee, The Cut / “…” @handle / “…” (May 3 on
    Twitter), or an item of a numbered list of quotations ("4. “…”"), whose heading names the speaker."""
    para = layout.paragraph_at(q.start)
    if para is None:
        return False
    if _LIST_MARK.fullmatch(text, para.start, q.start):
        return True
    if not q.closed or q.end >= para.end:
        return False
    tail = text[q.end : para.end]
    if _CITATION.match(tail) or (len(tail) <= 80 and _DASH_ANY.match(tail)):
        return True  # “…” (November 13 on Twitter) / “…” — editorial, The Ledger
    return len(tail) <= 60 and bool(tail.strip()) and _SIGN_OFF.match(tail) is not None


def _said_after(text: str, layout: _Layout, q: Quote) -> bool:
    """“…,” longtime activist Ann Lee, of the League, said: a speech verb after a quotation closed on a comma."""
    if not q.closed or text[q.content.end - 1 : q.content.end] not in (",", "?", "!", "—"):
        return False
    sent = layout.sentence_at(q.end)
    end = sent.end if sent is not None and sent.end > q.end else q.end
    rest = text[q.end : min(end, q.end + 200)]
    if "“" in rest or '"' in rest:
        return False
    if _SPEECH.search(rest) is not None:
        return True
    # “…,” Fauci, the disease chief, pledged to the committee: a name right after the comma
    first = rest.split(None, 1)[0].strip(",") if rest.strip() else ""
    return bool(first) and first[0].isupper() and first.lower() not in _SENTENCE_OPENERS


def _is_fragment(text: str, layout: _Layout, q: Quote) -> bool:
    """A quotation that starts in lowercase inside a sentence: “boots on the ground”."""
    sent = layout.sentence_at(q.start)
    return text[q.content.start : q.content.start + 1].islower() and sent is not None and q.start > sent.start
