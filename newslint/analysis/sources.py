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

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newslint.analysis._scan import words
from newslint.analysis.attribution import Attribution
from newslint.analysis.attribution.classify import classify_source, read_source
from newslint.analysis.attribution.phrases import np_after, np_before
from newslint.analysis.lexicon.cues import INFORM_WORDS, STANCE_WORDS
from newslint.analysis.segments import Sentence
from newslint.spans import Span

__all__ = ["ANONYMITY_MARK", "NAMED_WITHIN", "REASON", "AnonymousSource", "find_anonymous_sources"]

ANONYMITY_MARK = re.compile(
    r"\b(?:unnamed|anonymous|anonymity|unidentified|declined\s+to\s+be\s+(?:named|identified)|"
    r"asked\s+not\s+to\s+be\s+(?:named|identified)|not\s+authori[sz]ed\s+to|requested\s+anonymity|"
    r"speaking\s+privately|on\s+background|"
    r"(?:did|does|do)\s+not\s+want\s+to\s+be\s+(?:named|identified)|(?:didn|doesn|don)[’']t\s+want\s+to\s+be\s+"
    r"(?:named|identified)|wished\s+to\s+remain\s+anonymous|"
    # "who did not want to give his name", "declined to give their names"
    r"(?:(?:did|does|do)\s+not|(?:didn|doesn|don)[’']t|declined\s+to|refused\s+to|would\s+not)\s+(?:want\s+to\s+)?"
    r"(?:give|provide|share)\s+(?:his|her|their)\s+(?:full\s+|last\s+)?names?)\b",
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
    r"|\banonymity\s+(?:in\s+order\s+)?to\s+(?:discuss|describe|detail|speak|talk|share|reveal|disclose)\b"
    # "citing fear of retribution", "to protect their jobs", "for their safety"
    r"|\bciting\s+(?:(?:a|the|their|his|her)\s+)?(?:fears?\s+of|concerns?\s+(?:about|for|over)|the\s+sensitivity|"
    r"safety|security|privacy|retribution|reprisals?|retaliation)"
    r"|\bto\s+protect\s+(?:(?:his|her|their|the)\s+)?(?:identity|identities|privacy|safety|jobs?|job\s+security|family)\b"
    r"|\bfor\s+(?:his|her|their)\s+(?:own\s+)?(?:safety|protection|security)\b",
    re.I,
)
_BARE = re.compile(
    r"^(?:an?|one|two|three|several|some|multiple|other|the)?\s*(?:unnamed\s+|anonymous\s+|unidentified\s+)?"
    r"(?:sources?|person|people)$",
    re.I,
)
_RELATIVE = ("who", "which", "that")
# Stance cues that still pass on what a source knows: "officials believe", "questioned why".
_KNOWING = words("""believe believes believed think thinks thought expect expects expected fear fears feared know
    knows knew suspect suspects suspected doubt doubts doubted question questioned questions estimate estimates
    estimated predict predicts predicted indicate indicates indicated""")
#: How many sentences on a plain "officials said" is the same group as before.
_BACK_WITHIN = 3
# Relatives there is one of: "the victim's mother" is someone the story identifies.
_UNIQUE_RELATIVES = words(
    "mother father wife husband stepfather stepmother grandmother grandfather fiancee fiancée girlfriend boyfriend"
)
# A word of every alternative of ANONYMITY_MARK, lower-cased.
_MARK_WORDS = (
    "unnamed", "anonym", "unidentified", "be named", "be identified", "not authori", "speaking privately",
    "on background", "want to be", "his name", "her name", "their name",
)  # fmt: skip
# Source kinds that may name an unnamed source: itself, a relative pronoun for one, an institution's member.
_MAYBE_UNNAMED = ("anonymous", "pronoun", "institution")
# Cues that pass nothing on from a source: a question asked, a document cited.
_NOT_PASSING_ON = words("ask asks asked asking cite cites cited citing")
# Cues whose object is the source passed on: "which cited unnamed officials", "quoting two aides".
_RELAYING = words("cite cites cited citing quoting")
_PREDICATE_BEFORE = re.compile(r"\b(?:is|was|are|were|be|been|being|am)\s+\Z", re.I)
_CUE_WORDS = INFORM_WORDS | STANCE_WORDS
_PREPOSITIONS = words("of for to with at from by")
_QUESTION_BEFORE = re.compile(r"\b(?:what|whether|how|why|if)\s+$", re.I)
_NOT_BETWEEN = re.compile(r"\b(?:not|never|no\s+longer)\b|n[’']t\b", re.I)
_DEMONSTRATIVE = re.compile(r"^(?:this|these|those)\b", re.I)
# A definite reference back; not "the company's lawyers", a description of someone new.
_DEFINITE = re.compile(
    r"^(?:the|this|that|these|those|both|such)\b(?!\s+(?:[\w-]+\s+){0,3}[\w-]+[’']s\b)", re.I
)
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
    :ivar group: who the description names (see ``attribution.classify.GROUPS``):
        "insider" (an official, a source, an aide, a person familiar with …),
        "relative" (an uncle, family members), "crowd" (one unnamed member of a
        group: "a critic", "a state lawmaker") or "report" (reports relayed
        without their outlet: "according to news reports").
    """

    sentence: int
    reason: Span | None
    bare: bool
    explicit: bool
    attribution: Attribution | None = None
    later: tuple[Span, ...] = field(default=())
    informs: bool = True
    named_in_lede: bool = False
    group: str = "insider"


def find_anonymous_sources(
    text: str,
    sentences: Sequence[Sentence],
    attributions: Sequence[Attribution],
    quotes: Sequence[Span] = (),
    headline: Span | None = None,
) -> list[AnonymousSource]:
    """First mentions of unnamed sources of information, in text order.

    ``quotes``: the quotations' contents (a reason inside one is the speaker's);
    ``headline``: the headline, whose unnamed source the story names, or not, below it.
    """
    firsts: list[tuple[str, AnonymousSource]] = []  # (head key, source)
    links: dict[int, list[Span]] = {}
    seen: dict[int, list[Span]] = {}  # sources read, by sentence
    by_phrase: dict[str, int] = {}  # the same words again ("an official told Reuters", twice)
    by_sentence: dict[int, list[Attribution]] = {}
    for a in attributions:
        by_sentence.setdefault(a.sentence, []).append(a)
    given: list[tuple[int, re.Match[str]]] | None = None  # reasons further on, read once when needed
    for a in attributions:
        private = a.source_kind == "crowd" and a.informs and _privately(text, a)
        if a.source is None or (
            a.source_kind not in _MAYBE_UNNAMED
            and text[a.cue.start : a.cue.end].lower() not in _RELAYING
            and not private
        ):
            continue  # named people, outlets and crowds are never unnamed sources (but a crowd speaking privately)
        cue_word = text[a.cue.start : a.cue.end].lower()
        relayed = _relayed_source(text, a, sentences[a.sentence]) if cue_word in _RELAYING else None
        if relayed is not None:
            a = replace(
                a, source=relayed, source_kind="anonymous"
            )  # "the Post, which cited unnamed officials"
        elif (not a.informs and cue_word not in _KNOWING) or cue_word in _NOT_PASSING_ON:
            continue  # a stance ("officials agreed"), a question or a citation; but "officials predict"
        src = a.source
        if src is None:
            continue
        if (
            a.source_kind == "pronoun"
            and a.resolved is not None
            and text[src.start : src.end].lower() in _RELATIVE
        ):
            src = a.resolved  # "supervisors, who claim …": the phrase the relative pronoun stands for
        phrase = text[src.start : src.end]
        read = read_source(phrase)
        if read.kind != "anonymous" and not _unnamed_insider(text, sentences, a) and not private:
            continue
        if (
            read.group == "witness"
            and not ANONYMITY_MARK.search(text, sentences[a.sentence].start, sentences[a.sentence].end)
            and not (
                _TOLD_PRESS.match(text, a.cue.start)
                and (read.determiner or read.quantifier)
                and not _SAW.match(text, a.cue.end)
            )
        ):
            continue  # people who saw something, not sources who know something (unless kept unnamed on purpose,
            # or speaking to the press: "one neighbour told the Gazette")
        if (
            read.group == "relative"
            and read.head in _UNIQUE_RELATIVES
            and (read.determiner or any(w.endswith(("’s", "'s")) for w in read.modifiers))
        ):
            continue  # "the victim's mother", "Omar Mateen's wife": one person the story identifies
        if _QUESTION_BEFORE.search(text, max(0, src.start - 12), src.start):
            continue  # "what the officials knew": a question about them, not information from them
        if _PREDICATE_BEFORE.search(text, max(0, src.start - 12), src.start):
            continue  # "I would be a president who says …": what someone is, not who informs
        if _describes_a_name(text, sentences[a.sentence], src):
            continue  # "Alex Jones, a radio host who believes …": an apposition to a named person
        if headline is not None and headline.start <= src.start < headline.end:
            continue  # "Official: …", "…, source says": the story below names the source, or not
        if 0 <= a.cue.start - src.end < 25 and _NOT_BETWEEN.search(text, src.end, a.cue.start):
            continue  # "officers have not said whether …": nothing was passed on
        if any(src.overlaps(s) for s in seen.get(a.sentence, ())):
            continue  # "His aides say … but noted …": one phrase, read twice
        seen.setdefault(a.sentence, []).append(src)
        if _reported_by_someone_else(text, a, by_sentence):
            continue  # "McAuliffe said about 20 people have indicated …": the speaker's source
        if text[a.cue.start : a.cue.end] == ":":
            continue  # a headline's "Official: …" is named in the story, or not, below it
        same = " ".join(phrase.lower().split())
        bare_plural = read.plural and not read.determiner and not read.quantifier
        if same in by_phrase and (
            not bare_plural or a.sentence - firsts[by_phrase[same]][1].sentence <= _BACK_WITHIN
        ):
            # The same words again ("an official told Reuters", twice); a plain "officials" only
            # nearby: in a round-up, the officials of the next state are other people.
            links.setdefault(by_phrase[same], []).append(src)
            continue
        key = _head_key(phrase)
        sent = sentences[a.sentence]
        if _DEMONSTRATIVE.match(phrase):
            continue  # "this person", "these officials": a reference back, by definition
        if _DEFINITE.match(phrase):
            # The nearest earlier source it fits: "A senior official said … The official added".
            earlier = next(
                (
                    i
                    for i in range(len(firsts) - 1, -1, -1)
                    if _same_source(firsts[i][0], key) and firsts[i][1].start < src.start
                ),
                None,
            )
            if earlier is not None:
                links.setdefault(earlier, []).append(src)
                continue
        window_end = _reason_window(text, sentences, sent, read.head)
        # "…, the friend told Reuters. He requested anonymity …": marked in the sentence about the same person
        explicit = bool(ANONYMITY_MARK.search(text, sent.start, window_end))
        if _DEFINITE.match(phrase) and not explicit and not read.post:
            continue  # "the official said" refers back; "the manager of the bar said" describes someone new
        if not explicit and read.group != "report" and _named_soon_after(text, sentences, sent, phrase):
            continue
        reason = _reason(text, sent.start, window_end, quotes)
        if reason is None:
            # "… The official asked not to be named, citing fear of retribution.": further on.
            if given is None:
                given = _reasons_given(text, sentences, quotes)
            head = read.head.rstrip("s")
            reason = next(
                (
                    r
                    for i, r in given
                    if i > sent.index and head in text[sentences[i].start : sentences[i].end].lower()
                ),
                None,
            )  # in a sentence about the same people: "The officials asked not to be named …"
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
                    group=read.group or "insider",
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
                named_in_lede=_named_after_lede(text, sentences, f, phrase, headline),
            )
        )
    return out


def _reason_window(text: str, sentences: Sequence[Sentence], sent: Sentence, head: str) -> int:
    """Where a reason for anonymity may stand near its source: its sentence, and the next one when
    that speaks of the same people ("Two diplomats said … They spoke on condition of anonymity because …")."""
    if sent.index + 1 >= len(sentences):
        return sent.end
    nxt = sentences[sent.index + 1]
    words_of = text[nxt.start : min(nxt.end, nxt.start + 80)].lower().split()
    if words_of and (
        words_of[0] in ("he", "she", "they", "both", "each") or head.rstrip("s") in " ".join(words_of)
    ):
        return nxt.end
    return sent.end


def _relayed_source(text: str, a: Attribution, sent: Sentence) -> Span | None:
    """The unnamed people a named outlet or person cites: "the Post, which cited unnamed officials"."""
    phrase = np_after(text, a.cue.end, sent.end)
    if phrase is None:
        return None
    return phrase if classify_source(text[phrase.start : phrase.end]) == "anonymous" else None


def _describes_a_name(text: str, sent: Sentence, src: Span) -> bool:
    """The phrase is an apposition after a comma to a named person ("Alex Jones, a radio host who …")."""
    before = text[sent.start : src.start].rstrip()
    if _TITLE_OF_NAME.match(text, src.end) and text[src.start : src.start + 1].isupper():
        return True  # "said Agent in Charge Ana Ruiz", "Deputy Chief of Staff Tom Lee": a title before a name
    if not before.endswith(","):
        return False
    if (
        text[src.start : src.start + 1].islower()
        and before[-2:-1].isalpha()
        and before.rsplit(None, 1)[-1][:1].isupper()
        and not _DETERMINED.match(text, src.start)
    ):
        # "Ana Ruiz, district attorney, said": a bare role after a name is that person's
        name = np_before(text, sent.start, sent.start + len(before) - 1)
        full = text[name.start : name.end].split() if name is not None else []
        return (
            len(full) > 1  # a full name, not "However,"
            and all(w[:1].isupper() for w in full)  # "Ana Ruiz", not "the U.S." or "types of devices in …"
            and classify_source(" ".join(full)) == "person"
        )
    if text[src.start : src.start + 2].lower() not in ("a ", "an"):
        return False
    if not text[src.end : src.end + 8].lstrip(" ,").startswith(("who", "whom", "that")):
        return False  # "José, an unnamed official said so": the official speaks, José is addressed
    name = np_before(text, sent.start, sent.start + len(before) - 1)
    return name is not None and classify_source(text[name.start : name.end]) == "person"


# The rest of a title that ends in a name: " in Charge Ana Ruiz", " of Staff Tom Lee".
_TITLE_OF_NAME = re.compile(
    r"\s+(?:(?:in|of|for|at|and)\s+)?(?:[A-Z][a-z][\w’'-]*\s+){1,3}[A-Z][a-z][\w’'-]*\b"
)
_DETERMINED = re.compile(
    r"(?:an?|the|one|two|three|several|some|many|most|few|other|another|this|that|these|those|his|her|their|its)\b",
    re.I,
)


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
        and b.cue != a.cue
        and b.source is not None
        and b.source_kind in ("person", "pronoun", "institution", "outlet")
        and b.source.end <= b.cue.start
        and b.cue.end <= a.source.start
        for b in attributions.get(a.sentence, ())
    )


# An institution's unnamed member: "a police official", "one Homeland Security official", "two agency sources".
_INSIDER = re.compile(
    r"^(?:an?|one|two|three|several|some|another)\s+[\w\s.&’'-]{0,60}?\b(?:official|officials|source|sources|aide|aides|"
    r"employee|employees|staffer|staffers|investigator|investigators|officer|officers)$",
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


def _reasons_given(
    text: str, sentences: Sequence[Sentence], quotes: Sequence[Span]
) -> list[tuple[int, re.Match[str]]]:
    """The reasons for anonymity the article gives, in sentences that speak of it, by sentence index."""
    found: list[tuple[int, re.Match[str]]] = []
    lower = text.lower()
    if not any(word in lower for word in _MARK_WORDS):
        return found  # most articles: no word of anonymity at all (a substring test, far faster)
    starts = [s.start for s in sentences]
    last = -1
    for mark in ANONYMITY_MARK.finditer(text):
        i = bisect.bisect_right(starts, mark.start()) - 1
        if i <= last or i < 0:
            continue
        last = i
        reason = _reason(text, sentences[i].start, sentences[i].end, quotes)
        if reason is not None:
            found.append((i, reason))
    return found


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
    # A bare plural ("prosecutors said") is the office one of whom is named next ("Prosecutor Tim Reyes");
    # "several attorneys" are more people than the one named.
    head = re.split(r"\s(?:of|in|at|for|from|on)\s", phrase.strip(), maxsplit=1)[0].split()[-1:]
    if head and not _DETERMINED.match(phrase.lstrip()) and head[0].lower().endswith("s"):
        words = words | ({head[0].lower()[:-1]} - _GENERIC)  # "prosecutors" named as "Prosecutor Tim Reyes"
    last = min(len(sentences), sent.index + 1 + NAMED_WITHIN)
    for s in sentences[sent.index + 1 : last]:
        body = text[s.start : s.end]
        for m in _NAME.finditer(body):
            # The title before the name ("Deputy Defense Minister Ali …") or its apposition (", the deputy …").
            # The words just before the name, up to a verb: "deputy defense minister Ali …"
            title = " ".join(body[max(0, m.start() - 40) : m.start()].lower().split()[-3:])
            if _CUE_WORDS.intersection(title.split()) or title.rsplit(" ", 1)[-1] in _PREPOSITIONS:
                title = ""  # "another officer told [Fox News]", "uncle of [Anthony Frazier]": not a title
            after = body[m.end() : m.end() + 80]
            apposition = after.lower() if after.startswith(",") else ""
            # A title may open the name's own capitalised words: "Prosecutor Tim Reyes".
            found = set(_WORD.findall(title + " " + apposition + " " + m.group(0).lower()))
            if not words.isdisjoint(found):
                return True  # "prosecutors said" then "Prosecutor Tim Reyes said": one of them, named
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
    r"\b(?:official|minister|commander|spokes(?:man|woman|person)|officer|general|diplomat|secretary|envoy|member)\b",
    re.I,
)
_LEDE_GENERIC = words(
    """a an the one two three several some senior top former current unnamed anonymous official officials
    source sources person people government american us"""
)


# "said privately", "privately told": speech given on the condition of not being named.
_PRIVATELY = re.compile(r"\bprivately\b", re.I)


def _privately(text: str, a: Attribution) -> bool:
    return _PRIVATELY.search(text, max(0, a.cue.start - 12), a.cue.end + 12) is not None


# An unnamed person speaking to a news organisation or to reporters: "told the Gazette", "told reporters".
_TOLD_PRESS = re.compile(
    r"(?:tell|tells|told|telling)\s+(?:(?:the\s+)?(?!Police\b|Investigators\b|Detectives\b)[A-Z][\w.&’'-]*\b|"
    r"reporters\b|a\s+reporter\b|journalists\b)"
)
# What a witness saw or heard, told to the press: testimony ("told the Gazette they heard shots").
_SAW = re.compile(r"[^.;]{0,40}?\b(?:saw|heard|seen|watched|felt|smelled|noticed)\b")
# "have said little", "said nothing about the motive": speech that passes nothing on.
_NOTHING_SAID = re.compile(r"\s+(?:very\s+|so\s+)?(?:little|nothing|no\s+more)\b", re.I)
# Speech to someone inside the story, not to the reporter: an order ("told her to stay"), or testimony
# given to the police or a court ("told investigators", "told the judge"), which the story relays.
_TOLD_IN_STORY = re.compile(
    r"(?:tell|tells|told|telling)\s+(?:(?:him|her|them|me|us|the\s+\w+|his\s+\w+|her\s+\w+|their\s+\w+)\s+to\s+[a-z]"
    r"|(?:the\s+)?(?:police|investigators|detectives|officers|deputies|authorities|prosecutors|jurors|agents|"
    r"(?:the\s+|a\s+)?(?:judge|jury|court|dispatcher|operator))\b)",
    re.I,
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
    if _NOTHING_SAID.match(text, a.cue.end):
        return False  # "officials have said little about the case": nothing was passed on
    if _TOLD_IN_STORY.match(text, a.cue.start):
        return False  # "her advisers told her to hold back", "the boy told investigators": not the reporter's source
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


def _named_after_lede(
    text: str, sentences: Sequence[Sentence], src: AnonymousSource, phrase: str, headline: Span | None
) -> bool:
    """A lede's official whose capitalised title words come back with a name a few sentences on.

    "A top State Department official acknowledged …" then "Deputy Secretary of
    State William Burns, testifying …". Only in the story's first paragraph:
    later, "a White House official" next to a named press secretary is still
    unnamed.
    """
    sent = sentences[src.sentence]
    lede = sentences[0].paragraph + (1 if headline is not None else 0)
    if sent.paragraph > lede:
        return False  # past the headline and the first paragraph of the story
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
            if any(re.search(rf"\b{re.escape(w)}", near) for w in titles):
                return True  # "Commission" in "Commissioner Ana Ruiz"
    return False
