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
from dataclasses import dataclass

# The noun-phrase readers are shared with the attribution extractor.
from newslint.analysis.attribution import (
    _BREAK_RIGHT,
    _PERSONAL,
    Attribution,
    _np_after,
    _np_before,
    _sentence_subject,
    _tokens,
    classify_source,
    words,
)
from newslint.analysis.quotes import Quote
from newslint.analysis.segments import Sentence
from newslint.spans import Span

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

    @property
    def attributed(self) -> bool:
        return bool(self.how)


def find_quote_speakers(
    text: str,
    quotes: Sequence[Quote],
    sentences: Sequence[Sentence],
    attributions: Sequence[Attribution],
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
    for q in quotes:
        qs = _speaker_of(text, q, sentences, starts, by_sentence, by_paragraph)
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
    return out


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
        a = lead[-1] if lead else _lead_in(text, sentences[j], lead_end, q)
        if a is not None:
            return QuoteSpeaker(q, a, a.source, "colon")
    if q.closed and (m := _DASH_SIGN.match(text, q.end)) is not None:
        name = Span(m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \n-—–―‒")), m.end())
        return QuoteSpeaker(q, None, name, "dash")
    if text[q.content.start : q.content.start + 1].islower() and q.start > sentences[first].start:
        # A partial quotation inside a sentence: its subject is the speaker, when it is a person.
        subject = _sentence_subject(text, sentences[first], q.start)
        if subject is not None and classify_source(text[subject.start : subject.end]) in (
            "person",
            "pronoun",
        ):
            return QuoteSpeaker(q, None, subject, "fragment")
        person = _person_in(text, sentences[first], q) or (
            first > 0 and _person_in(text, sentences[first - 1], q)
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
        if 0 <= i < len(sentences) and (person := _person_in(text, sentences[i], q)):
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
    toks = _tokens(text, pos, min(len(text), pos + 120), 9)  # read below: at most toks[8]
    if (
        len(toks) > 1
        and toks[0][2].isalpha()
        and toks[0][2].islower()
        and toks[0][2] not in _BREAK_RIGHT
        and (toks[1][2][0].isupper() or toks[1][2] in ("the", "a", "an"))
    ):
        # “…,” mused Michael Batnick: an inverted verb of any kind, then the speaker.
        return _np_after(text, toks[1][0], min(len(text), pos + 120), inverted=True)
    k = 0
    while k < len(toks) and k < 8:
        w = toks[k][2]
        if w[0].isupper() or w.lower() in _SUBJECT_WORDS or (k and w in ("’s", "'s")):
            k += 1
            continue
        if k == 0 and w.lower() in _PERSONAL:
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


_NOT_A_VERB_AFTER_SUBJECT = _BREAK_RIGHT - {"said", "says", "told", "added"}


def _person_in(text: str, sent: Sentence, q: Quote) -> Span | None:
    """A person (a name with a title or two capitalised words, or he/she) in a sentence, outside ``q``."""
    for m in _PERSON.finditer(text, sent.start, sent.end):
        if q.content.start <= m.start() < q.content.end:
            continue
        return Span(m.start(), m.end())
    return None


def _nearest(cands: list[Attribution], q: Quote) -> Attribution:
    if len(cands) == 1:  # the common case: no distances to compare
        return cands[0]
    return min(cands, key=lambda a: min(abs(a.cue.start - q.end), abs(a.cue.end - q.start)))


def _lead_in(text: str, sent: Sentence, colon_end: int, q: Quote) -> Attribution | None:
    colon = colon_end - 1
    src = _np_before(text, max(sent.start, colon - 200), colon)
    if src is None:
        return None
    return Attribution(src.start, colon_end, Span(colon, colon_end), src, q.content, sent.index, True,
                       classify_source(text[src.start : src.end]))  # fmt: skip


def looks_like_title(text: str, q: Quote) -> bool:
    """A quoted title or name (“The Art of the Deal”, a law, a slogan), not speech."""
    if _TITLE_CUE.search(text, max(0, q.start - 40), q.start):
        return True
    found = re.findall(r"[A-Za-z][\w’'-]*", text[q.content.start : q.content.end])
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "at", "by", "from"}
    content = [w for w in found if w.lower() not in small]
    return bool(content) and all(w[0].isupper() for w in content) and len(found) <= 16
