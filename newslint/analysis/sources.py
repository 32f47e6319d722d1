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
from dataclasses import dataclass, field

from newslint.analysis._scan import words
from newslint.analysis.attribution import Attribution
from newslint.analysis.segments import Sentence
from newslint.spans import Span

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
    """

    sentence: int
    reason: Span | None
    bare: bool
    explicit: bool
    attribution: Attribution | None = None
    later: tuple[Span, ...] = field(default=())


def find_anonymous_sources(
    text: str,
    sentences: Sequence[Sentence],
    attributions: Sequence[Attribution],
    quotes: Sequence[Span] = (),
) -> list[AnonymousSource]:
    firsts: list[tuple[str, AnonymousSource]] = []  # (head key, source)
    links: dict[int, list[Span]] = {}
    seen: set[Span] = set()
    by_phrase: dict[str, int] = {}  # the same words again ("an official told Reuters", twice)
    for a in attributions:
        if not a.informs or a.source is None:
            continue
        if a.source_kind != "anonymous" and not _unnamed_insider(text, sentences, a):
            continue
        if any(a.source.overlaps(s) for s in seen):
            continue  # "His aides say … but noted …": one phrase, read twice
        seen.add(a.source)
        if _reported_by_someone_else(text, a, attributions):
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
        later = tuple(links.get(i, ()))
        out.append(
            f
            if not later
            else AnonymousSource(
                f.start, f.end, f.sentence, f.reason, f.bare, f.explicit, f.attribution, later
            )
        )
    return out


def _reported_by_someone_else(text: str, a: Attribution, attributions: Sequence[Attribution]) -> bool:
    """The source sits inside what a named speaker or an institution said earlier in the sentence.

    Not when the unnamed source's own cue governs the sentence: in "…, a situation
    Obama will call unacceptable, a White House official said" the official's
    content starts before the named speaker's cue.
    """
    if a.content is not None and a.content.end <= a.source.start:
        return False  # the official's content comes first: the official is the sentence's speaker
    after_comma = text[max(0, a.source.start - 3) : a.source.start].rstrip().endswith(",")
    if after_comma and a.cue.start >= a.source.end:
        return False  # "…, an official said in an email."
    return any(
        b.sentence == a.sentence
        and b.informs
        and b.source is not None
        and b.source_kind in ("person", "pronoun", "institution", "outlet")
        and b.source.end <= b.cue.start
        and b.cue.end <= a.source.start
        for b in attributions
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
