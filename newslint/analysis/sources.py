"""Unnamed sources of information: "a senior official said", "sources told Reuters".

Built on the attribution relations (:mod:`newslint.analysis.attribution`):
a phrase is an anonymous source when it is the source of an *informing*
attribution (said, told, according to, quoted … as saying) and describes a
person without naming one ("an unnamed military source", "two people familiar
with the talks", "officials said"). So people who act rather than inform
("officials agreed", "police arrested a man") never count, and neither do
institutions ("the ministry said in a statement").

Only the first mention is kept: a later definite reference to the same
description ("the military source added", "according to the official") and
the same words again ("an official told Reuters", twice) are linked to it
(``AnonymousSource.later``); a definite first mention ("the official said")
refers back to someone the story introduced and counts only when marked
anonymous. A lede whose description is followed within a few sentences by a
named person with the same title words ("A senior defense official …" then
"Ali Rezaei, the deputy defense minister, …") is not anonymous. Neither are
witnesses, residents and relatives (people who saw, not sources who know),
headline labels ("Official: …"), nor unnamed people inside what a named
speaker said ("the governor said about 20 people had shown interest").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newslint.analysis._scan import words
from newslint.analysis.attribution import Attribution
from newslint.analysis.segments import Sentence
from newslint.spans import Span

__all__ = ["ANONYMITY_MARK", "NAMED_WITHIN", "REASON", "AnonymousSource", "find_anonymous_sources"]

ANONYMITY_MARK = re.compile(
    r"\b(?:unnamed|anonymous|anonymity|unidentified|declined\s+to\s+be\s+(?:named|identified)|"
    r"asked\s+not\s+to\s+be\s+(?:named|identified)|not\s+authori[sz]ed\s+to|requested\s+anonymity|"
    r"speaking\s+privately|on\s+background)\b",
    re.I,
)
REASON = re.compile(
    r"\bnot\s+(?:been\s+)?authori[sz]ed\s+to\s+(?:speak|discuss|comment|talk|be\s+(?:named|identified|quoted))"
    r"|\bto\s+(?:discuss|describe|speak\s+(?:about|on)|talk\s+about|share|reveal)\s+(?:the\s+)?"
    r"(?:private|internal|confidential|sensitive|classified|closed-door|ongoing|unannounced)"
    r"|\bfor\s+fear\s+of\b|\bbecause\s+of\s+the\s+sensitivity\b|\bfearing\s+(?:reprisals?|retaliation|retribution)"
    r"|\bbecause\s+(?:he|she|they|the\s+\w+)\s+(?:was|were|is|are|had|has|have)\s+not\b[^.]{0,40}\b(?:authori[sz]ed|permitted|allowed|cleared)"
    r"|\bbecause\s+(?:the|of|it|they|he|she)\b[^.]{0,80}?\b(?:sensitive|private|confidential|classified|secret|not\s+(?:been\s+)?(?:made\s+)?public|not\s+yet\s+(?:been\s+)?announced)\b"
    r"|\bin\s+line\s+with\s+(?:\w+\s+){0,3}(?:rules|policy|protocol|regulations)\b"
    r"|\bunder\s+(?:the\s+)?(?:\w+\s+){0,3}(?:rules|policy|protocol|regulations)\b"
    # "due to the sensitive nature of …"; "on condition of anonymity to discuss an intelligence matter"
    r"|\bdue\s+to\s+the\s+sensitiv|\b(?:anonymity|identified|named)\s+because\b"
    r"|\banonymity\s+(?:in\s+order\s+)?to\s+(?:discuss|describe|detail|speak|talk|share|reveal|disclose)\b",
    re.I,
)
_BARE = re.compile(
    r"^(?:an?|one|two|three|several|some|multiple|other|the)?\s*(?:unnamed\s+|anonymous\s+|unidentified\s+)?"
    r"(?:sources?|person|people)$",
    re.I,
)
# Unnamed people who saw something, rather than sources who know something.
_WITNESSES = re.compile(
    r"\b(?:witness|witnesses|resident|residents|bystanders?|onlookers?|neighbou?rs?|family|relatives?|friends?|"
    r"family\s+members?|members|parents|students|passengers|survivors?)$",
    re.I,
)
_DEMONSTRATIVE = re.compile(r"^(?:this|these|those)\b", re.I)
_DEFINITE = re.compile(r"^(?:the|this|that|these|those|both|such)\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# Description words too common to tie a lede to a later named person.
_GENERIC = words("""a an the one two three four several some other multiple senior top high-ranking high ranking
    former current unnamed anonymous official officials source sources person people who with of for
    in at from familiar close to on and government""")
_NAME = re.compile(r"\b(?:[A-Z][\w’'-]+\.?\s+){1,4}(?:al-|el-|bin\s+|van\s+|de\s+)?[A-Z][\w’'-]+")
#: How many sentences after a lede may name its official.
NAMED_WITHIN = 3


@dataclass(frozen=True)
class AnonymousSource(Span):
    """A first mention of an unnamed source of information.

    :ivar sentence: the sentence holding it.
    :ivar reason: the words that say why anonymity was granted, if any.
    :ivar bare: a plain "a source"/"sources", with no description at all.
    :ivar explicit: marked as anonymous ("unnamed", "on condition of anonymity").
    :ivar attribution: the attribution it is the source of.
    :ivar later: later references to the same source ("the military source added").
    :ivar informs: the phrase is a whole description of someone who passed
        information on (not a piece of a longer phrase, a document, a negated
        cue, a request or a public stance: see :func:`_informs`).
    :ivar named_in_lede: a lede's official whose title words come back with a
        name a few sentences on ("A top State Department official …" then
        "Deputy Secretary of State William Burns …").
    """

    sentence: int
    reason: Span | None
    bare: bool
    explicit: bool
    attribution: Attribution | None = None
    later: tuple[Span, ...] = field(default=())
    informs: bool = True
    named_in_lede: bool = False


def find_anonymous_sources(
    text: str,
    sentences: Sequence[Sentence],
    attributions: Sequence[Attribution],
    quotes: Sequence[Span] = (),
) -> list[AnonymousSource]:
    firsts: list[tuple[str, AnonymousSource]] = []  # (head key, source)
    links: dict[int, list[Span]] = {}
    seen: dict[int, list[Span]] = {}  # sources read, by sentence
    by_phrase: dict[str, int] = {}  # the same words again ("an official told Reuters", twice)
    by_sentence: dict[int, list[Attribution]] = {}
    for a in attributions:
        by_sentence.setdefault(a.sentence, []).append(a)
    for a in attributions:
        if not a.informs or a.source is None:
            continue
        if a.source_kind != "anonymous" and not _unnamed_insider(text, sentences, a):
            continue
        if any(a.source.overlaps(s) for s in seen.get(a.sentence, ())):
            continue  # "His aides say … but noted …": one phrase, read twice
        seen.setdefault(a.sentence, []).append(a.source)
        if _reported_by_someone_else(text, a, by_sentence):
            continue  # "McAuliffe said about 20 people have indicated …": the speaker's source
        if text[a.cue.start : a.cue.end] == ":":
            continue  # a headline's "Official: …" is named in the story, or not, below it
        src = a.source
        phrase = text[src.start : src.end]
        same = " ".join(phrase.lower().split())
        if same in by_phrase:
            links.setdefault(by_phrase[same], []).append(src)
            continue
        if _WITNESSES.search(phrase.rstrip(" ,")):
            continue
        key = _head_key(phrase)
        sent = sentences[a.sentence]
        if _DEMONSTRATIVE.match(phrase):
            continue  # "this person", "these officials": a reference back, by definition
        if _DEFINITE.match(phrase):
            earlier = next(
                (i for i, (k, f) in enumerate(firsts) if _same_source(k, key) and f.start < src.start), None
            )
            if earlier is not None:
                links.setdefault(earlier, []).append(src)
                continue
        window_end = min(sent.end + 200, len(text))
        explicit = bool(ANONYMITY_MARK.search(text, sent.start, sent.end))
        if _DEFINITE.match(phrase) and not explicit:
            continue  # "the official said" refers back to someone the story introduced
        if not explicit and _named_soon_after(text, sentences, sent, phrase):
            continue
        reason = _reason(text, sent.start, window_end, quotes)
        bare = bool(_BARE.match(" ".join(phrase.split())))
        by_phrase[same] = len(firsts)
        firsts.append(
            (
                key,
                AnonymousSource(
                    src.start,
                    src.end,
                    sent.index,
                    Span(reason.start(), reason.end()) if reason else None,
                    bare,
                    explicit,
                    a,
                ),
            )
        )
    out = []
    for i, (_, f) in enumerate(firsts):
        phrase = " ".join(text[f.start : f.end].split())
        out.append(
            replace(
                f,
                later=tuple(links.get(i, ())),
                informs=_informs(text, f),
                named_in_lede=_named_after_lede(text, sentences, f, phrase),
            )
        )
    return out


def _reported_by_someone_else(text: str, a: Attribution, attributions: dict[int, list[Attribution]]) -> bool:
    """The source sits inside what a named speaker or an institution said earlier in the sentence.

    Not when the unnamed source's own cue governs the sentence: in "…, a situation
    Obama will call unacceptable, a White House official said" the official's
    content starts before the named speaker's cue.
    """
    if a.source is None:
        return False
    if a.content is not None and a.content.end <= a.source.start:
        return False  # the official's content comes first: the official is the sentence's speaker
    after_comma = text[max(0, a.source.start - 3) : a.source.start].rstrip().endswith(",")
    if after_comma and a.cue.start >= a.source.end:
        return False  # "…, an official said in an email."
    return any(
        b.informs
        and b.source is not None
        and b.source_kind in ("person", "pronoun", "institution", "outlet")
        and b.source.end <= b.cue.start
        and b.cue.end <= a.source.start
        for b in attributions.get(a.sentence, ())
    )


# An institution's unnamed member: "a police official", "one Homeland Security official", "two agency sources".
_INSIDER = re.compile(
    r"^(?:an?|one|two|three|several|some|another)\s+[\w\s.&’'-]{0,60}?\b(?:official|officials|source|sources|aide|aides|"
    r"employee|employees|staffer|staffers|investigator|investigators)$",
    re.I,
)


def _unnamed_insider(text: str, sentences: Sequence[Sentence], a: Attribution) -> bool:
    """An "institution" source that is one unnamed person of it, or that the sentence marks anonymous."""
    if a.source_kind != "institution" or a.source is None:
        return False
    phrase = " ".join(text[a.source.start : a.source.end].split()).rstrip(" ,")
    if _INSIDER.match(phrase):
        return True
    sent = sentences[a.sentence]
    return phrase.lower().endswith(("official", "officials")) and bool(
        ANONYMITY_MARK.search(text, sent.start, sent.end)
    )


def _reason(text: str, start: int, end: int, quotes: Sequence[Span]) -> re.Match[str] | None:
    """Why anonymity was granted, in the reporter's words (not inside a quotation)."""
    for m in REASON.finditer(text, start, end):
        if not any(q.start <= m.start() < q.end for q in quotes):
            return m
    return None


def _head_key(phrase: str) -> str:
    """The description without determiners and anonymity words: "military source"."""
    words = [w.lower() for w in _WORD.findall(phrase)]
    cut = next(
        (i for i, w in enumerate(words) if i and w in ("who", "familiar", "close", "with", "briefed")),
        len(words),
    )
    words = words[:cut]
    keep = [
        w
        for w in words
        if w not in ("a", "an", "the", "this", "that", "one", "unnamed", "anonymous", "unidentified")
    ]
    return " ".join(w.rstrip("s") for w in keep)


def _same_source(first: str, later: str) -> bool:
    if not first or not later:
        return False
    a, b = first.split(), later.split()
    # "the source" matches "a military source"; "the military source" matches it too.
    return a[-1] == b[-1] and set(b[:-1]) <= set(a[:-1])


def _named_soon_after(text: str, sentences: Sequence[Sentence], sent: Sentence, phrase: str) -> bool:
    """A lede's description matched, a few sentences on, by a named person with the same title words."""
    # "people close to the leader": the words after "close to" describe someone else
    phrase = re.split(r"\b(?:close|familiar|briefed|who|with)\b", phrase, maxsplit=1)[0]
    words = {w.lower() for w in _WORD.findall(phrase) if w.islower()} - _GENERIC
    if not words:
        return False
    last = min(len(sentences), sent.index + 1 + NAMED_WITHIN)
    for s in sentences[sent.index + 1 : last]:
        body = text[s.start : s.end]
        for m in _NAME.finditer(body):
            near = body[max(0, m.start() - 60) : m.end() + 80].lower()
            if any(re.search(rf"\b{re.escape(w)}\b", near) for w in words):
                return True
    return False


# Cues of a public stance or a proposal, not of information passed on:
# "some lawmakers vowed to …", "a former official called on the minister to resign".
_STANCE = re.compile(
    r"(?:vow|demand|urge|threaten|pledge|promise|propose|announce)(?:s|ed|d|ing)?$",
    re.I,
)
_CALL_FOR = re.compile(r"call(?:s|ed|ing)?\s+(?:for|on)\b", re.I)
# "suggested (that) the envoy send observers", "insisted she take the stand": a proposal, not a report.
_PROPOSING = re.compile(r"(?:suggest|insist)(?:s|ed|ing)?$", re.I)
_SUBJECT = re.compile(
    r"\s+(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(?:that\s+)?"
    r"(?P<subject>he|she|it|they|we|the\s+[a-z]+|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?P<verb>[a-z]+)\b"
)
_NOT_BARE = words(
    """would will could can might may must is are was were be been has have had does did not never that
    also still already just then only"""
)


def _proposes(text: str, pos: int) -> bool:
    """ "suggested (that) she try …", "insisted the envoy resign": a subject and then a bare verb."""
    m = _SUBJECT.match(text, pos)
    if m is None:
        return False
    verb = m.group("verb")
    if verb == "should":
        return True
    if verb in _NOT_BARE or verb.endswith("ed"):
        return False
    plural = m.group("subject").lower() in ("they", "we")
    return plural is False and not verb.endswith("s")


_PASSIVE = re.compile(
    r"[\s,]+(?:were|was|are|is|been|being|have\s+been|had\s+been)\s+(?:\w+ly\s+)?\w+ed\b", re.I
)
_REQUEST = re.compile(r"ask(?:s|ed|ing)?\s+(?:\w+\s+){1,3}?to\s+[a-z]+", re.I)
# A document or a data release, not a person: "a rate sheet released by state officials".
_DOCUMENT = re.compile(
    r"\b(?:released|published|issued|prepared|compiled|obtained|filed|posted)\b|^(?:an?|the)\s+(?:\w+\s+)?"
    r"(?:report|document|memo|sheet|letter|filing|study|survey|analysis|statement|release|record|data)\b",
    re.I,
)
# "detailing how staffers …": a clause, not a description of a person
_CLAUSE = re.compile(r"[a-z]+ing\s+(?:how|what|why|whether|that)\b")
# "Nor did officials add …", "officials did not say …": nothing was passed on.
_NEGATED = re.compile(r"\b(?:nor\s+did|did\s+not|didn[’']t|never|declined\s+to|refused\s+to)\s+$", re.I)
# A lede's title words that a named person's title repeats ("State Department" → "Secretary of State").
_TITLE_WORD = re.compile(r"\b[A-Z][a-z][\w’'-]*")
_OFFICIAL = re.compile(
    r"\b(?:official|minister|commander|spokes(?:man|woman|person)|officer|general|diplomat|secretary|envoy)\b",
    re.I,
)
_LEDE_GENERIC = words(
    """a an the one two three several some senior top former current unnamed anonymous official officials
    source sources person people government american us"""
)


_LEDE_NAME = re.compile(r"\b(?:[A-Z][\w’'-]+\.?\s+){1,4}[A-Z][\w’'-]+")


def _informs(text: str, src: AnonymousSource) -> bool:
    """The phrase is a whole description of someone who passed information on.

    Not: a phrase cut out of a longer one ("6,196 people", "at least one
    person", "42 p.m. Senior officials"), a verb phrase ("didn’t prosecute
    people"), a document ("a rate sheet released by state officials"), a
    negated cue ("Nor did officials add"), a public stance or proposal of a
    group ("Republican lawmakers have insisted …", "some lawmakers suggested
    they would move to …").
    """
    phrase = text[src.start : src.end]
    before = text[max(0, src.start - 20) : src.start]
    if before and (before[-1].isalnum() or before[-1] in "+,:.-’'" and before[-2:-1].isalnum()):
        return False
    if (
        re.search(r"\b(?:least|most)\s+$", before)
        or re.match(r"(?:least|most)\b", phrase)
        or re.search(r"n[’']t\b|\b[ap]\.m\.", phrase)
    ):
        return False
    if _DOCUMENT.search(phrase) or _CLAUSE.match(phrase):
        return False
    a = src.attribution
    if a is None:
        return True
    if a.cue.start < src.end:
        return True  # "said a senior official", "according to …"
    if _NEGATED.search(text, max(0, src.start - 20), src.start):
        return False
    if _PASSIVE.match(text, src.end):
        return False  # "Residents were asked to shelter in place": told, not telling
    if _REQUEST.match(text, a.cue.start):
        return False  # "an employee asked a colleague to collect …": a request, not information
    cue_words = text[a.cue.start : a.cue.end].split()
    verb = cue_words[0] if cue_words else ""
    if _STANCE.match(verb) or _CALL_FOR.match(text, a.cue.start):
        return False
    if _PROPOSING.match(verb):
        return not _proposes(text, a.cue.start + len(verb))
    return True


def _named_after_lede(text: str, sentences: Sequence[Sentence], src: AnonymousSource, phrase: str) -> bool:
    """A lede's official whose capitalised title words come back with a name a few sentences on.

    "A top State Department official acknowledged …" then "Deputy Secretary of
    State William Burns, testifying …". Only in the story's first paragraph:
    later, "a White House official" next to a named press secretary is still
    unnamed.
    """
    sent = sentences[src.sentence]
    if sent.paragraph != sentences[0].paragraph:
        return False
    if not _OFFICIAL.search(phrase):
        return False  # "a former Bloomberg employee" is not Michael Bloomberg
    titles = {
        m.group(0)
        for m in _TITLE_WORD.finditer(phrase)
        if m.group(0).lower() not in _LEDE_GENERIC and not (m.start() == 0 and src.start == sent.start)
    }
    if not titles:
        return False
    last = min(len(sentences), sent.index + 1 + NAMED_WITHIN)
    for s in sentences[sent.index + 1 : last]:
        body = text[s.start : s.end]
        for m in _LEDE_NAME.finditer(body):
            near = body[max(0, m.start() - 60) : m.end() + 80]
            if any(re.search(rf"\b{re.escape(w)}\b", near) for w in titles):
                return True
    return False
