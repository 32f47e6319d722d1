"""Attribution relations: who said what, found from the cue outwards.

An attribution is a *cue* (said, told, added, according to, quoted … as saying,
in a statement, …), its *source* (the speaker: a named person, a pronoun, an
institution, an outlet, an unnamed description or a vague crowd) and its
*content* (a quotation or reported speech)::

    for a in document.analysis.attributions:
        text[a.cue.start:a.cue.end], a.source_kind, a.informs

The extractor is plain rules, no parser: every cue word is found by one
compiled pattern over the whole text, then the source is read from the words
next to it (the noun phrase before "said", after "according to", after an
inverted "…,” said X", between "quoted" and "as saying"). Noun phrases are
scanned a bounded number of words, so the cost is linear in the text.

Cues come in three kinds (``Attribution.kind``): those that *inform*
(speech and reporting: said, told, according to …; ``informs`` is True),
which make a source of information; those that report a stance (think,
believe, want, fear …), which attribute a view but do not make anyone a
source; and *broad* ones, which annotated corpora such as PolNeAR also count
(evaluations and endorsements: denounced, touted, backed; a poll's figures;
ambiguous verbs read without a clause: "called the plan reckless"; Title
Case headlines; passives with an agent). Rules read speech and stance
relations only and skip broad ones (``Attribution.broad``). A relation
inside what an earlier speech relation of its sentence reports is
``nested`` ("Ortiz said [she believes] …").

Quotations get their speakers from these relations in
:mod:`newslint.analysis.speakers`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from newslint.analysis._scan import WORD_START, WordScanner, trie_pattern, words
from newslint.analysis.attribution.classify import classify_source
from newslint.analysis.attribution.model import Attribution
from newslint.analysis.attribution.phrases import SKIP_BEFORE_CUE, np_after, np_before, sentence_subject
from newslint.analysis.attribution.tokens import PERSONAL
from newslint.analysis.lexicon.cues import (
    AMBIGUOUS,
    AMBIGUOUS_BROAD,
    BEFORE_TO,
    BROAD_WORDS,
    INFORM_WORDS,
    STANCE_WORDS,
)
from newslint.analysis.lexicon.sources import PLAIN_PERSON_NOUNS
from newslint.analysis.quotes import Quote
from newslint.analysis.segments import Sentence
from newslint.spans import Span

__all__ = ["find_attributions"]

_INFORM_OR_STANCE = frozenset(INFORM_WORDS | STANCE_WORDS)
_PHRASE_CUES = (
    r"according\s+to",
    r"in\s+(?:a|an|her|his|their|its|the)\s+(?:joint\s+)?(?:written\s+)?"
    r"(?:statement|interview|e-?mail|letter|tweet|post|speech|op-ed|memo|report|press\s+release|news\s+conference)",
    r"quoted",
    r"made\s+(?:the|these|those|his|her|their)\s+(?:remarks|comments|statement|statements)",
    r"made\s+(?:it\s+)?clear",
    # "in a new Quinnipiac poll": the poll is the source (a broad relation),
    # read back from the rare word "poll" rather than forward from every "in".
    r"(?:poll|survey)s?",
)


# The cue words are found by one pass of one pattern: a look-ahead for any cue
# word or a phrase's first word, then the phrases and the trie of every form.
_CUE_SOURCE = (
    WORD_START
    + r"(?=[a-zA-Z])(?:(?P<phrase>"
    + "|".join(_PHRASE_CUES)
    + r")|(?P<verb>"
    + trie_pattern(INFORM_WORDS | STANCE_WORDS | BROAD_WORDS)
    + r"))(?![\w’'-])"
)
#: The first word of each of _PHRASE_CUES.
_PHRASE_FIRST_WORDS = words("according in quoted made poll polls survey surveys")
_CUE = WordScanner(_CUE_SOURCE, INFORM_WORDS | STANCE_WORDS | BROAD_WORDS | _PHRASE_FIRST_WORDS)
_IN_POLL = re.compile(
    r"\b[Ii]n\s+(?P<src>(?:a|an|the|this|that|its|their|his|her)\s+(?:[\w/.&’'-]+\s+){0,6})$", re.I
)
_POLL_TAIL = re.compile(r"\s+(?:released|conducted|published|taken|out|by|of|from)\b[^,.;:“”\"]{0,60}")
_QUOTED_AS = re.compile(r"\s+(?P<src>[^,.;:“”\"]{2,120}?)\s+as\s+(?:saying|stating|telling)\b")
_OPENS_CLAUSE = re.compile(r",?\s*(?:[:“\"]|that\b|\S+\s+that\b|how\b|why\b|whether\b)")
# "called for a ban", "called on the president to", "called him a liar".
_CALL_OBJECT = re.compile(r"\s+(?:for|on|him|her|it|them)\s+(?:a|an|the|to|for)\b")
_CALL = words("call calls called calling")


def find_attributions(
    text: str, sentences: Sequence[Sentence], quotes: Sequence[Quote] = ()
) -> list[Attribution]:
    """Every attribution of the article's own narrative, in order of its cue.

    Cues inside a closed quotation ("I think", "he told me") belong to the
    speaker's words, not to the article, and are left out.
    """
    starts = [s.start for s in sentences]
    inside = [q.content for q in quotes if q.closed]
    inside_starts = [c.start for c in inside]
    found: list[Attribution] = []
    taken_until = -1
    for m in _CUE.finditer(text):
        start = m.start()
        if start < taken_until:
            continue
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or start >= sentences[i].end:
            continue
        sent = sentences[i]
        k = bisect.bisect_right(inside_starts, start) - 1
        quoted = k >= 0 and start < inside[k].end
        if quoted:
            continue
        if (
            m.group("phrase") is not None
            and found
            and found[-1].sentence == i
            and 0 <= start - found[-1].cue.end < 25
            and m.group(0)[:1] not in "Aa"
        ):
            continue  # "said in a statement": one cue, already read
        if (
            m.group("verb") is not None
            and m.group(0).endswith("ing")
            and m.group(0).lower() not in AMBIGUOUS
            and found
            and found[-1].sentence == i
            and found[-1].informs
            and found[-1].source is not None
            and _SAME_SPEAKER_GAP.fullmatch(text, found[-1].end, start)
        ):
            # "…,” Ortiz said, adding …" / "Ortiz said Tuesday, noting …": the same speaker.
            low = m.group(0).lower()
            kind = "speech" if low in INFORM_WORDS else "broad" if low in BROAD_WORDS else "stance"
            cue = Span(m.start(), m.end())
            att: Attribution | None = _make(text, sent, cue, found[-1].source, kind, Span(m.end(), sent.end))
        else:
            att = _read(text, sent, m)
        if att is None or att.source is None:
            continue
        if (
            not att.informs
            and att.source_kind == "pronoun"
            and text[att.source.start : att.source.end].lower() in _FIRST_SECOND
        ):
            continue  # "I think", "you know": conversational, not an attribution
        if att.broad and not _broad_source(text, att):
            continue
        found.append(att)
        taken_until = max(att.cue.end, att.source.end) if att.source.start >= att.cue.start else att.cue.end
    return _resolve_pronouns(text, sentences, _with_speaker_labels(text, sentences, _mark_nested(found)))


def _mark_nested(found: list[Attribution]) -> list[Attribution]:
    """Mark the relations whose source follows a speech cue of the same sentence."""
    out: list[Attribution] = []
    speech_end: dict[int, int] = {}  # sentence -> end of its first speech cue
    for a in found:
        end = speech_end.get(a.sentence)
        if end is not None and a.source is not None and end <= a.source.start:
            a = replace(a, nested=True)
        if a.informs and a.sentence not in speech_end:
            speech_end[a.sentence] = a.cue.end
        out.append(a)
    return out


def _broad_source(text: str, att: Attribution) -> bool:
    """A broad cue needs a source that can hold a view: a person, a body, he/she/they."""
    if att.source is None:
        return False
    if att.source_kind == "pronoun":
        return text[att.source.start : att.source.end].lower() in ("he", "she", "they")
    return att.source_kind != "other" or bool(_COUNTED.search(text, att.source.start, att.source.end))


# "About a third of voters", "52 percent", "a majority of Republicans": counted people.
_COUNTED = re.compile(
    r"\b(?:\d[\d.,]*|percent|half|third|thirds|quarter|quarters|majority|minority|plurality)\b"
    r"|\b(?:voters|respondents|Americans|Republicans|Democrats|conservatives|liberals|independents)\b"
)


# Between "said" and ", adding": a few words of time or place, no quotation.
_SAME_SPEAKER_GAP = re.compile(r"[^“”\"\n.;:,]{0,60},\s*")
_SINGULAR = words("he she him her his")
_RELATIVE = words("who which that")


def _resolve_pronouns(
    text: str, sentences: Sequence[Sentence], found: list[Attribution]
) -> list[Attribution]:
    """Point each pronoun source at the source it stands for.

    "who"/"which" refer to the phrase just before them ("Ruiz, who said");
    "he"/"she" to the last named person or office holder; "they" to the last
    plural or collective source. Cheap and local, as a copy desk reads it.
    """
    last_person: Span | None = None
    last_group: Span | None = None
    out: list[Attribution] = []
    for a in found:
        src = a.source
        word = text[src.start : src.end].lower() if src is not None and a.source_kind == "pronoun" else ""
        if a.broad and word not in _RELATIVE:
            out.append(a)  # read by no rule: it neither resolves nor is a referent
            continue
        if src is not None and a.source_kind == "pronoun":
            target: Span | None = None
            if word in _RELATIVE:
                target = _antecedent(text, sentences[a.sentence].start, src.start)
            elif word in _SINGULAR or word in ("she", "he"):
                target = last_person
            elif word == "they":
                target = last_group or last_person
            if target is not None:
                a = replace(a, resolved=target)
        elif src is not None and a.source_kind == "person":
            last_person = src
        elif src is not None and a.source_kind in ("anonymous", "institution", "crowd", "outlet"):
            last_group = src
        out.append(a)
    return out


def _antecedent(text: str, lo: int, pronoun_start: int) -> Span | None:
    """What "who" or "which" stands for: the phrase before it, or its last part when that
    names people ("respect for the views of [my fellow conservatives], who warn")."""
    end = pronoun_start
    while end > lo and text[end - 1] in " ,":
        end -= 1
    target = np_before(text, lo, end)
    if target is None:
        return None
    phrase = text[target.start : target.end]
    for m in reversed(list(_INNER_PREP.finditer(phrase))):
        tail = Span(target.start + m.end(), target.end)
        words_of_tail = text[tail.start : tail.end]
        if classify_source(words_of_tail) in ("person", "anonymous", "crowd") or (
            words_of_tail.split()[-1].lower() in PLAIN_PERSON_NOUNS
        ):
            return tail
    return target


_INNER_PREP = re.compile(r"\s(?:of|for|to|with|from|among|at|by|in|on)\s+")


# "Sanders: Clinton email story has moved" / "KATE BOULDUAN: Why not debate?"
_LABEL = re.compile(r"(?P<src>(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*)(?P<cue>:)[ \t]+[\w“\"‘']")
_NOT_SPEAKERS = words(
    """update updated note editor's editor’s photo photos video watch read related see source sources
    warning correction clarification caption credit disclosure advertisement listen subscribe
    also more exclusive breaking analysis opinion commentary editorial the"""
)


def _with_speaker_labels(
    text: str, sentences: Sequence[Sentence], found: list[Attribution]
) -> list[Attribution]:
    """Add "Name:" labels at the start of a paragraph (transcripts, headline attributions)."""
    labels = []
    last_paragraph = -1
    for sent in sentences:
        if sent.paragraph == last_paragraph:
            continue
        last_paragraph = sent.paragraph
        if text.find(":", sent.start, sent.end) < 0:
            continue  # no label without its colon (a cheaper test than the match)
        m = _LABEL.match(text, sent.start, sent.end)
        if m is None or m.group("src").split()[0].lower() in _NOT_SPEAKERS:
            continue
        source = Span(m.start("src"), m.end("src"))
        cue = Span(m.start("cue"), m.end("cue"))
        labels.append(
            Attribution(
                source.start,
                cue.end,
                cue,
                source,
                Span(cue.end, sent.end),
                sent.index,
                True,
                classify_source(m.group("src")),
            )  # fmt: skip
        )
    if not labels:
        return found
    return sorted(found + labels, key=lambda a: a.cue.start)


_FIRST_SECOND = words("i we you")
_SPEECH_FOLLOWS = re.compile(r",?\s*[:“\"]")
# Cues only in “…,” the documents state / “…,” read a banner.
_ONLY_AFTER_QUOTE = words("state states read reads")
_QUOTE_THEN_SUBJECT = re.compile(r"[”\"'],?\s+(?:[\w.’'-]+\s+){1,5}$")


def _read(text: str, sent: Sentence, m: re.Match[str]) -> Attribution | None:
    word = m.group(0)
    phrase = m.group("phrase")
    # A cue word is one word; a phrase's words may stand apart by any space.
    low = word.lower() if phrase is None else " ".join(word.lower().split())
    cue = Span(m.start(), m.end())
    source: Span | None = None
    if phrase is not None:
        if low.startswith("according"):
            source = np_after(text, m.end(), sent.end)
            if source is None:
                return None
            return _make(text, sent, cue, source, True, Span(sent.start, cue.start))
        if low == "quoted":
            q = _QUOTED_AS.match(text, m.end(), sent.end)
            if q is None:
                return None
            source = Span(q.start("src"), q.end("src"))
            return _make(text, sent, Span(cue.start, q.end()), source, True, Span(q.end(), sent.end))
        if low.startswith(("poll", "survey")):
            p = _IN_POLL.search(text, max(sent.start, m.start() - 90), m.start())
            if p is None:
                return None
            tail = _POLL_TAIL.match(text, m.end(), sent.end)
            end = tail.end() if tail else m.end()
            return _make(text, sent, Span(p.start(), p.start() + 2), Span(p.start("src"), end), "broad", None)
        # "in a statement", "made the remarks": the subject before (not "said in a
        # statement", read with "said").
        if _prev_word(text[sent.start : m.start()]) in _INFORM_OR_STANCE:
            return None
        source = np_before(text, sent.start, m.start())
        if source is None:
            return None
        if low.endswith("clear") and classify_source(text[source.start : source.end]) == "other":
            return None  # "the flood made clear …": no one speaks
        return _make(text, sent, cue, source, True, None)
    informs: str = "speech" if low in INFORM_WORDS else "broad" if low in BROAD_WORDS else "stance"
    if word[0].isupper() and not _at_clause_start(text, sent, m.start()):
        # "Says" or "Calls" inside a name; but a Title Case headline ("Ortiz Says
        # Bridge Will Reopen") attributes, broadly: rules leave headlines alone.
        if (
            not _HEADLINE_CUE.match(text, sent.start, m.end())
            or not text[m.end() + 1 : m.end() + 2].isupper()
        ):
            return None
        informs = "broad"
    before = text[sent.start : m.start()]
    stripped = before.rstrip()
    after_quote = stripped.endswith(("”", '"', "'")) or (
        stripped.endswith(("—", "–")) and stripped.count(stripped[-1]) == 1
    )  # but "A faction — including … — argued": a dash closing an aside
    prev = "" if after_quote else _prev_word(before)  # a quotation's last word is not a subject
    if low in _NAMING and _NAME_FOLLOWS.match(text, m.end(), sent.end):
        return None  # "a group called the Center for Popular Democracy": a name, not speech
    if prev in _COUNTING and low.endswith("s"):
        return None  # "many advocates draw …", "some reports": a plural noun, not a verb
    if (
        low in _NOUN_TOO
        and prev
        and not (prev.endswith(("s", "ly")) or prev in PERSONAL or prev in SKIP_BEFORE_CUE or after_quote)
    ):
        return None  # "strong support", "public support": a noun after a word no plural subject ends in
    if low.endswith("ing") and not after_quote:
        aux = _PROGRESSIVE.search(before[-40:])
        if aux is not None:
            # "Clinton is calling for …", "He’s not saying what …" (broad).
            source = np_before(text, sent.start, m.start() - len(before[-40:]) + aux.start())
            if source is None:
                return None
            return _make(text, sent, cue, source, "broad", Span(m.end(), sent.end))
    # A passive with its agent: "as reported by the Gazette", "was criticized by
    # Ortiz" (broad: rules read the active voice only).
    if low.endswith("ed") and (prev in _PASSIVE or stripped.endswith(",")):
        by = _BY.match(text, m.end(), sent.end)
        if by is not None:
            source = np_after(text, by.end(), sent.end, inverted=True)
            if source is not None:
                # "was confirmed by three sources": the agent of a speech verb informs.
                kind = (
                    "speech"
                    if low in INFORM_WORDS and (low not in AMBIGUOUS or low == "described")
                    else "broad"
                )
                return _make(text, sent, cue, source, kind, None)
    if low in BEFORE_TO:
        if not _TO.match(text, m.end(), sent.end):
            return None
        source = np_before(text, sent.start, m.start())
        if source is None:
            return None
        return _make(text, sent, cue, source, "broad", Span(m.end(), sent.end))
    # Passive, infinitive and nominal uses: "was told", "to say", "the calls"; but
    # "Ortiz was asked about …" makes Ortiz the one who answers.
    if prev in _NOT_BEFORE_VERB and not (low == "asked" and prev in ("was", "were")):
        return None
    if low == "asked" and prev in ("was", "were"):
        end = before.rstrip().rfind(" ")
        source = np_before(text, sent.start, sent.start + max(0, end))
        return None if source is None else _make(text, sent, cue, source, True, Span(m.end(), sent.end))
    if low in _ONLY_AFTER_QUOTE and not (
        after_quote or (_QUOTE_THEN_SUBJECT.search(before[-80:]) and text[m.end() : m.end() + 1] in ".,;:")
    ):
        return None
    if (
        low in AMBIGUOUS
        and prev not in PERSONAL
        and not after_quote
        and not _OPENS_CLAUSE.match(text, m.end(), sent.end)
        and not (low in _CALL and _CALL_OBJECT.match(text, m.end(), sent.end))
        and not (low in _TELL and _TELL_OBJECT.match(text, m.end(), sent.end))
        and not (low in _SEE_AS and _AS_LATER.match(text, m.end(), sent.end))
    ):
        if low not in AMBIGUOUS_BROAD:
            return None
        informs = "broad"  # "Ruiz called the plan reckless": a view, not speech
    if low.endswith("ing"):
        w = _WITH_SUBJECT.search(before[-90:])
        if w is not None:
            # "with 40 percent of voters saying …": the phrase after "with" (broad).
            offset = m.start() - len(before[-90:])
            source = Span(offset + w.start("src"), offset + w.end("src"))
            return _make(text, sent, cue, source, "broad", Span(m.end(), sent.end))
        # "…, saying the talks failed": the speaker is the subject of the sentence;
        # without the comma ("a letter asking him …") it is no attribution.
        if not (stripped.endswith((",", "”", '"')) or not stripped or _SPEECH_FOLLOWS.match(text, m.end())):
            return None
        source = sentence_subject(text, sent, m.start())
        if source is None:
            return None
        return _make(text, sent, cue, source, informs, Span(m.end(), sent.end))
    if after_quote or not stripped or (stripped.endswith(",") and _inverted_after_comma(text, sent, m)):
        # Inverted: "…,” said Smith" / ", says Jones, a lawyer" (but "Smith, a lawyer, said he …").
        source = np_after(text, m.end(), sent.end, inverted=True, after_quote=after_quote)
        if source is not None and (after_quote or text[source.start : source.end].lower() not in PERSONAL):
            kind = classify_source(text[source.start : source.end])
            if kind in ("person", "institution", "outlet") or (
                kind != "pronoun" and _NAME_AFTER_COMMA.match(text, source.end)
            ):
                # "said Ana Ortiz, a lawyer for the family"; "said Senate Democratic leader, Chuck Schumer"
                source = _with_appositive(text, source, sent.end)
            return _make(text, sent, cue, source, informs, Span(sent.start, sent.start + len(stripped)))
    # "An official who spoke on condition of anonymity said", "officials who have read
    # the report say": skip the relative clause.
    end = m.start()
    rel = _anon_clause(text, max(sent.start, end - 160), end) or _who_clause(
        text, max(sent.start, end - 120), end
    )
    if rel is not None:
        direct = np_before(text, sent.start, m.start())
        if (
            direct is not None
            and direct.start > rel.start()
            and classify_source(text[direct.start : direct.end]) in ("person", "anonymous", "crowd")
        ):
            rel = None  # "Mainers, who health officials said …": the clause is the object's, the subject is near
        else:
            end = rel.start()
    source = np_before(text, sent.start, end)
    if source is None:
        return None
    if rel is not None:
        source = _with_name_before(text, sent, source)
    return _make(text, sent, cue, source, informs, Span(m.end(), sent.end))


def _with_name_before(text: str, sent: Sentence, source: Span) -> Span:
    """ "David Lee, a scientist at the institute who studies …, wrote": the name the appositive describes."""
    before = text[sent.start : source.start].rstrip()
    if not before.endswith(","):
        return source
    name = np_before(text, sent.start, sent.start + len(before) - 1)
    if name is None or classify_source(text[name.start : name.end]) != "person":
        return source
    return Span(name.start, source.end)


# Where a trailing appositive ends: a quotation, a bracket, a dash, or a comma
# before a new clause or an adverbial ("…, adding", "…, and", "…, in a statement").
_APPOSITIVE_END = re.compile(
    r"[“”\"();:—–]|''|\s--|,\s+(?:adding|saying|noting|according|and|but|or|in|at|on|during|after|before|when|while"
    r"|because|as|though|although|referring|speaking|explaining|arguing|citing|if|so|since|then|where|with)\b"
)


def _with_appositive(text: str, source: Span, sent_end: int) -> Span:
    """ "…,” said Ana Ortiz, a lawyer for the family." → the name with its appositive."""
    if text[source.end : source.end + 1] != ",":
        return source
    limit = min(sent_end, source.end + 250)
    stop = _APPOSITIVE_END.search(text, source.end, limit)
    end = stop.start() if stop else limit
    tail = text[source.end : end].rstrip(" \t\n.,!?’'")
    if len(tail) < 4 or "\n" in tail:
        return source
    return Span(source.start, source.end + len(tail))


# A headline's Title Case subject, up to six words, and its cue: "Ortiz Says".
_HEADLINE_CUE = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,6}[A-Z][a-z]+$")


def _inverted_after_comma(text: str, sent: Sentence, m: re.Match[str]) -> bool:
    """ ", said DeSantis, a lawmaker." rather than "Smith, a lawyer, said the case …"."""
    if m.group(0).lower() in _TELL:
        return False  # "…, told AFP": the listener follows, never the speaker
    before = np_before(text, sent.start, m.start())
    if before is None:
        return True
    phrase = text[before.start : before.end]
    if phrase.endswith(",") and classify_source(phrase) == "person":
        return False  # "Dr. Ana Ruiz, a hydrologist, said the dam held."
    src = np_after(text, m.end(), sent.end, inverted=True)
    if src is None or text[src.start : src.end].lower() in PERSONAL:
        return False
    rest = text[src.end : sent.end].lstrip()
    return not rest or rest[0] in ",.;" or rest.startswith(("who ", "according "))


_TELL = words("tell tells told telling")
# A progressive before an -ing cue: "is calling", "’s not saying", "were quietly urging".
_PROGRESSIVE = re.compile(
    r"(?:\b(?:is|are|was|were|been|be|am)(?:\s+not|n[’']t)?|(?<=\w)[’'](?:s|re)(?:\s+not)?)(?:\s+(?:[a-z]+ly|now|still|also|already))?\s+$"
)
# "with [about three in 10 voters] saying": up to eight words, no comma or quotation.
_WITH_SUBJECT = re.compile(r"\bwith\s+(?P<src>(?:[\w.’'%-]+\s+){0,7}[\w.’'%-]+)\s+$")
_PASSIVE = words("was were been being be is are as widely also hotly sharply roundly")
_TO = re.compile(r"\s+to\s+[a-z]")
_BY = re.compile(r"\s+by\s+(?=\S)")
# "tells CNN", "tell reporters": a present form of "tell" before its listener.
_TELL_OBJECT = re.compile(r"\s+(?:[A-Z]|reporters\b|me\b|us\b|him\b|her\b|them\b|the\s+[a-z]+\b)")
# "many see the push as unlikely", "critics view it as a ploy": a view, with its "as".
_SEE_AS = words("see sees saw view views viewed regard regards consider considers")
_AS_LATER = re.compile(r"\s+(?:[\w’'-]+\s+){0,6}?as\b")
_NAMING = words("called named dubbed")
_NAME_AFTER_COMMA = re.compile(r",\s+[A-Z][\w’'.-]*\s+[A-Z]")
_NAME_FOLLOWS = re.compile(r"\s+(?:the\s+)?[A-Z“\"]")
# Words after which a form in -s is a plural noun: "many advocates", "some reports".
# A cue's base form that is as often a noun: a verb only after a plural, a pronoun, an adverb or an auxiliary.
_NOUN_TOO = words("support")
_COUNTING = words("many some most few several all both other these those more")
_NOT_BEFORE_VERB = words("was were been being be is are am the a an to his her their its our my your so")
_ANON_CLAUSE = re.compile(
    r",?\s*(?:who|that)\s+(?:spoke|asked|requested|declined|insisted|was\s+not|were\s+not|is\s+not|are\s+not)"
    r"\b[^,;“”\"]{0,120}?,?\s*$"
    r"|,\s*(?:speaking|talking)\s+on\s+(?:the\s+)?condition\b[^,;“”\"]{0,120}?,\s*$"
)


# A relative clause of a few words between a subject and its cue: "who have read the report".
_WHO_CLAUSE = re.compile(r"(?<![,\s])\s+who(?:[’'](?:ve|d|s|re))?\s+(?P<clause>[^,;:“”\"()]{2,100}?),?\s*$")
# Words that open a clause of their own inside it: the cue then belongs to that clause
# ("attorneys who represented her when [she] accused …").
_NOT_IN_CLAUSE = words("when while because after before if and but that as he she they we i it")


def _who_clause(text: str, start: int, end: int) -> re.Match[str] | None:
    if "who" not in text[start:end]:
        return None
    m = _WHO_CLAUSE.search(text, start, end)
    if m is None or not _NOT_IN_CLAUSE.isdisjoint(m.group("clause").lower().split()):
        return None
    return m


def _anon_clause(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_ANON_CLAUSE.search(text, start, end)``; most windows lack the words it
    needs ("who", "that", "condition"), which a substring test sees far faster."""
    window = text[start:end]
    if "who" not in window and "that" not in window and "condition" not in window:
        return None
    return _ANON_CLAUSE.search(text, start, end)


def _make(
    text: str, sent: Sentence, cue: Span, source: Span, informs: bool | str, content: Span | None
) -> Attribution:
    """``informs``: True (speech), False (stance) or a cue kind of :data:`CUE_KINDS`."""
    cue_kind = informs if isinstance(informs, str) else ("speech" if informs else "stance")
    source_kind = classify_source(text[source.start : source.end])
    if content is not None and content.end <= content.start:
        content = None
    return Attribution(
        min(cue.start, source.start),
        max(cue.end, source.end),
        cue,
        source,
        content,
        sent.index,
        cue_kind == "speech",
        source_kind,
        kind=cue_kind,
    )


def _at_clause_start(text: str, sent: Sentence, pos: int) -> bool:
    before = text[sent.start : pos].rstrip()
    return not before or before[-1] in ',;:—–“"('


def _prev_word(before: str) -> str:
    """The last word of the last 40 characters of ``before``, lower-cased ("" if none)."""
    # Read backwards: one anchored match on the reversed tail, where searching
    # forwards for the last word would try a match at every character.
    m = _FIRST_WORD_REVERSED.match(before[:-41:-1])
    return m.group(1)[::-1].lower() if m else ""


_FIRST_WORD_REVERSED = re.compile(r"[^A-Za-z’']*([A-Za-z’']+)")
