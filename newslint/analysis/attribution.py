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
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from newslint.analysis._scan import WORD_START, WordScanner, trie_pattern, words
from newslint.analysis.quotes import Quote
from newslint.analysis.segments import Sentence
from newslint.spans import Span

# --- cue lexicon ------------------------------------------------------------

#: Verbs of speech and reporting, in every form a news sentence uses them.
_INFORM_STEMS = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "add": "add adds added adding",
    "state": "stated stating state states",
    "note": "noted noting",
    "explain": "explain explains explained explaining",
    "confirm": "confirmed confirms confirming",
    "reveal": "revealed reveals revealing",
    "disclose": "disclosed discloses",
    "announce": "announced announces announcing",
    "insist": "insisted insists insisting",
    "warn": "warned warns",
    "claim": "claimed claiming",
    "argue": "argue argues argued arguing",
    "assert": "asserted asserts asserting",
    "maintain": "maintained maintains maintaining",
    "report": "reported",
    "write": "wrote writes writing",
    "read": "read reads",
    "tweet": "tweeted tweets tweeting",
    "post": "posted",
    "reply": "replied replies replying",
    "respond": "responded responds responding",
    "answer": "answered",
    "ask": "asked asks asking",
    "acknowledge": "acknowledged acknowledges acknowledging",
    "admit": "admitted admits admitting",
    "concede": "conceded concedes",
    "stress": "stressed stresses stressing",
    "emphasize": "emphasized emphasised emphasizes emphasizing",
    "recall": "recalled recalls recalling",
    "predict": "predicted predicts predicting",
    "suggest": "suggested suggests suggesting",
    "indicate": "indicated indicates",
    "estimate": "estimated estimates",
    "allege": "alleged alleges alleging",
    "continue": "continued",
    "comment": "commented",
    "remark": "remarked",
    "observe": "observed",
    "declare": "declared declares declaring",
    "testify": "testified testifies",
    "reiterate": "reiterated reiterates reiterating",
    "complain": "complained complains complaining",
    "describe": "described describes describing",
    "call": "called calls calling",
    "deny": "denied denies denying",
    "cite": "cited cites citing",
    "boast": "boasted boasts",
    "promise": "promised promises",
    "vow": "vowed vows",
    "urge": "urged urges urging",
    "accuse": "accused accuses accusing",
    "brief": "briefed",
    "inform": "informed",
    "quip": "quipped",
    "joke": "joked",
    "shout": "shouted",
    "yell": "yelled",
    "exclaim": "exclaimed",
    "concluded": "concluded",
    "point": "pointed points",
    "speak": "spoke speaking",
    "highlight": "highlighted highlighting",
    "note2": "notes",
    "insist2": "insist",
    "warn2": "warn warning",
    "echo": "echoed echoes echoing",
    "assure": "assured assures assuring",
    "caution": "cautioned cautions cautioning",
    "email": "emailed",
    "retweet": "retweeted retweets retweeting",
    "recount": "recounted recounts recounting",
    "chant": "chanted chanting",
    "contend": "contended contends contending",
    "counter": "countered",
    "retort": "retorted",
    "clarify": "clarified clarifies",
    "declare2": "declare",
    "reveal2": "reveal",
    "acknowledge2": "acknowledge",
    "predict2": "predict",
    "suggest2": "suggest",
    "indicate2": "indicate",
    "announce2": "announce",
    "remark2": "remarking",
    "vow2": "vowing",
    "lament": "lamented laments lamenting",
    "interject": "interjected",
    "speculate": "speculated speculates",
    "muse": "mused",
    "proclaim": "proclaimed proclaims",
    "repeat": "repeating",
    "chant2": "chants",
    "conclude2": "concludes",
    "cite2": "cite",
    "complain2": "complain",
    "emphasize2": "emphasize",
    "rebut": "rebut rebutted",
    "articulate": "articulated",
}
#: Verbs that attribute a view or a stance without making anyone a source.
_STANCE_STEMS = {
    "think": "think thinks thought",
    "believe": "believe believes believed",
    "feel": "feel feels felt",
    "fear": "fear fears feared",
    "hope": "hope hopes hoped",
    "want": "want wants wanted",
    "expect": "expect expects",
    "know": "know knows knew",
    "agree": "agreed agrees",
    "worry": "worry worries worried",
    "doubt": "doubt doubts doubted",
    "view": "view views viewed",
    "see": "see sees saw",
    "criticize": "criticized criticised criticizes",
    "praise": "praised praises",
    "support": "supports supported",
    "oppose": "opposes opposed",
    "show": "show shows showed",
    "find": "found finds",
    "endorse": "endorse endorses endorsed endorsing",
    "propose": "proposed proposes proposing",
    "seek": "sought seeks seeking",
    "decline": "declined declines declining",
    "refuse": "refused refuses refusing",
    "defend": "defended defends defending",
    "express": "expressed expresses expressing",
    "offer": "offered offers offering",
    "pledge": "pledged pledges pledging",
    "threaten": "threatened threatens threatening",
    "dismiss": "dismissed dismisses dismissing",
    "reject": "rejected rejects rejecting",
    "blame": "blamed blames blaming",
    "question": "questioned questions questioning",
    "welcome": "welcomed welcomes",
    "plan": "plans planned",
    "wonder": "wondered wonders wondering",
    "attack": "attacked attacks attacking",
    "mock": "mocked mocks mocking",
    "slam": "slammed slams slamming",
    "blast": "blasted blasts blasting",
    "condemn": "condemned condemns condemning",
    "demand": "demanded demands demanding",
    "push": "pushed",
}
#: Broad cues: beliefs, wishes, evaluations and endorsements that annotation
#: schemes count as attributions but a copy desk does not read as sourcing.
_BROAD_STEMS = {
    "hope": "hoping",
    "prefer": "prefer prefers preferred",
    "discuss": "discuss discussed discussing",
    "talk": "talked talks talking",
    "denounce": "denounce denounced denounces denouncing",
    "praise": "praising",
    "criticize": "criticizing criticising",
    "tout": "touted touts",
    "rail": "railed rails railing",
    "assail": "assailed assails",
    "applaud": "applauded applauds",
    "champion": "champions championing",
    "liken": "likened likens",
    "portray": "portray portrayed portrays portraying",
    "refer": "referred refers referring",
    "decry": "decried decrying",
    "bemoan": "bemoaned bemoans",
    "thank": "thanked thanking",
    "back": "backed backing backs",
    "side": "sided",
    "signal": "signaled signalled signals signaling",
    "invoke": "invoked invokes invoking",
    "list": "listed lists",
    "identify": "identified",
    "charge": "charged charging",
    "challenge": "challenged challenging",
    "recommend": "recommended recommends recommending",
    "forecast": "forecast forecasts",
    "project": "projected",
    "deem": "deemed deems",
    "approve": "approved approves",
    "voice": "voiced voices voicing",
    "remember": "remembered remembers",
    "issue": "issued",
    "favor": "favors favour favours",
    "convince": "convinced",
    "oppose": "oppose",
    "lash": "lashed",
    "lambaste": "lambasted lambastes",
    "rebuke": "rebuked rebukes",
    "deride": "derided derides",
    "hail": "hailed hails",
    "dub": "dubbed",
    "label": "labeled labelled",
    "designate": "designated designates designating",
    "brand": "branded brands branding",
    "reference": "referenced referencing",
    "credit": "credited",
    "congratulate": "congratulated",
    "balk": "balked",
    "distance": "distanced",
    "brush": "brushed",
    "allude": "alluding alluded",
    "fear2": "fearing",
    "consider": "considers",
    "order": "ordered",
    "promise2": "promising",
    "point2": "pointing",
    "express2": "express",
    "expect2": "expecting",
    "realize": "realized",
    "weigh": "weighed",
    "unveil": "unveiled",
    "outline": "outlined outlining",
    "detail": "detailing",
    "advocate": "advocates advocating",
    "spar": "sparred",
    "knock": "knocked",
    "disavow": "disavow disavowed",
    "recognize": "recognizing",
    "justify": "justify",
    "remind": "reminded reminds reminding",
    "mention": "mention mentions mentioned mentioning",
    "hint": "hinted hints hinting",
    "plead": "pleaded pleads",
    # Only before "to": "eager to". ("X is expected to win" names no one who
    # expects; "seemed to" and "appeared to" are the writer's view.)
    "eager": "eager",
}
_BEFORE_TO = words("eager")
_INFORM_WORDS = {w for forms in _INFORM_STEMS.values() for w in forms.split()}
_BROAD_WORDS = {w for forms in _BROAD_STEMS.values() for w in forms.split()}
_STANCE_WORDS = {w for forms in _STANCE_STEMS.values() for w in forms.split()}
_INFORM_OR_STANCE = frozenset(_INFORM_WORDS | _STANCE_WORDS)
# Forms that are as often nouns or adjectives: cues only when they open a
# clause (“that”, a colon, a quotation) or follow a pronoun.
_AMBIGUOUS = {
    "estimates", "claims", "reports", "views", "calls", "cites", "promises", "shows",
    "found", "called", "calling", "described", "describing", "speaking", "spoke", "writing",
    "continued", "pointed", "informed", "see", "saw", "know", "knew", "view", "viewed",
    "posted", "estimated", "briefed", "highlighted", "highlighting", "expect", "expects",
    "want", "wanted", "support", "supports", "supported", "opposed", "opposes", "feel", "felt",
    "accused", "accuses", "accusing", "urge", "urges", "urged", "urging", "denied", "denies",
    "denying", "answered", "concluded", "pledged", "plans", "planned", "offers", "offering", "seeking",
    "attacks", "attacking", "questions", "pushed", "tweets", "doubts", "feels",
    "add", "tell", "knows", "believed", "thought", "points", "responded", "responds",
}  # fmt: skip

# Ambiguous forms read as broad cues, without a clause, when a person or a
# body is their subject ("Ruiz described the plan as …", "the poll shows …").
_AMBIGUOUS_BROAD = words("""called calling calls continued accused accuses accusing described describing responded
    urged urging urges pointed supported supports opposed opposes denied denies concluded speaking
    highlighted highlighting cites answered briefed writing knows expect expects shows found spoke posted
    pushed wanted want support insist warn declare reveal acknowledge predict suggest indicate announce cite
    complain emphasize rebut""")
# Present forms of speech verbs speak only before a clause ("insist that"); else
# ("will not insist on", "to announce") they are broad at most.
_AMBIGUOUS |= words(
    "insist warn declare reveal acknowledge predict suggest indicate announce cite complain emphasize rebut"
)

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
    + trie_pattern(_INFORM_WORDS | _STANCE_WORDS | _BROAD_WORDS)
    + r"))(?![\w’'-])"
)
#: The first word of each of _PHRASE_CUES.
_PHRASE_FIRST_WORDS = words("according in quoted made poll polls survey surveys")
_CUE = WordScanner(_CUE_SOURCE, _INFORM_WORDS | _STANCE_WORDS | _BROAD_WORDS | _PHRASE_FIRST_WORDS)
_IN_POLL = re.compile(
    r"\b[Ii]n\s+(?P<src>(?:a|an|the|this|that|its|their|his|her)\s+(?:[\w/.&’'-]+\s+){0,6})$", re.I
)
_POLL_TAIL = re.compile(r"\s+(?:released|conducted|published|taken|out|by|of|from)\b[^,.;:“”\"]{0,60}")
_QUOTED_AS = re.compile(r"\s+(?P<src>[^,.;:“”\"]{2,120}?)\s+as\s+(?:saying|stating|telling)\b")
_OPENS_CLAUSE = re.compile(r",?\s*(?:[:“\"]|that\b|\S+\s+that\b|how\b|why\b|whether\b)")
# "called for a ban", "called on the president to", "called him a liar".
_CALL_OBJECT = re.compile(r"\s+(?:for|on|him|her|it|them)\s+(?:a|an|the|to|for)\b")
_CALL = words("call calls called calling")

# --- words ------------------------------------------------------------------

# "(?=[A-Z])": every abbreviation opens with a capital; the look-ahead lets the
# engine skip their alternatives at once before any other character.
_TOKEN = re.compile(
    r"(?=[A-Z])(?:Mrs|Mr|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|Gens?|Adm|Maj|[A-Z])\.(?!\w)"
    r"|[A-Za-z\u00C0-\u024F0-9][\w’'.\-]*[\w]|[A-Za-z\u00C0-\u024F0-9]|[^\w\s]"
)
PRONOUNS = words("he she they it we i you who which that this")
_PERSONAL = words("he she they we i you")
# Between a subject and its verb: auxiliaries, adverbs, time words.
_SKIP_BEFORE_CUE = words("""also has have had was were is are will would could may might must should shall can did does do
    later then further furthermore previously once again repeatedly recently earlier now still never not
    publicly privately simply just flatly firmly quickly often frequently always initially reportedly
    apparently subsequently separately yesterday today tonight first finally already even last
    monday tuesday wednesday thursday friday saturday sunday on since long week month year night morning
    hasn't haven't hadn't didn't doesn't don't won't wouldn't couldn't isn't aren't wasn't weren't can't
    hasn’t haven’t hadn’t didn’t doesn’t don’t won’t wouldn’t couldn’t isn’t aren’t wasn’t weren’t can’t
    cannot""")
# Words that end a subject noun phrase on its left.
_BREAK_LEFT = words("""that which who whom whose and but or nor while because when whenever if as so than then after
    before since although though where whereas whether what unless until once yet however meanwhile
    is was were are be been being has have had will would could can may might must should do does did
    said says say told added not also even only just this these those there here it its their his her
    our my your we they he she i you him them us me""")
_BREAK_RIGHT = words("""that which who whom whose and but or while because when if as so than after before since although
    though where whereas whether on in at during about over last this earlier later recently told said
    says added is was were are has have had will would could can may might to for via""")
_MAX_NP = 12


@dataclass(frozen=True)
class Attribution(Span):
    """One attribution. ``start``/``end`` cover source and cue together.

    :ivar cue: the cue words ("said", "according to", "quoted").
    :ivar source: the speaker's words, or ``None`` when none could be read.
    :ivar content: what is attributed: the quotation or the reported clause.
    :ivar sentence: index of the sentence holding the cue.
    :ivar informs: True for speech and reporting cues; False for stance cues
        (think, believe, want …) that attribute a view but make no one a source.
    :ivar source_kind: one of :data:`SOURCE_KINDS` (see :func:`classify_source`).
    """

    cue: Span
    source: Span | None
    content: Span | None
    sentence: int
    informs: bool
    source_kind: str
    #: For a pronoun source (he, she, they, who): the earlier source it stands
    #: for, the last one that fits ("Ana Ortiz … she added" → "Ana Ortiz").
    resolved: Span | None = None
    #: One of :data:`CUE_KINDS`: "speech" (``informs``), "stance", or "broad".
    kind: str = "speech"
    #: The relation sits inside what an earlier speech relation of the same
    #: sentence reports ("Ortiz said [she believes] …"): a view within speech.
    nested: bool = False

    @property
    def broad(self) -> bool:
        """A cue of the broad reading only: rules that need speech or a stated view skip it."""
        return self.kind == "broad"


#: person: a named person; pronoun: he, she, who …; institution: police, the
#: ministry; outlet: a news organisation; anonymous: an unnamed person or
#: people (a source, an official, people familiar with …); crowd: a vague
#: crowd (many, critics, experts); other: anything else (a poll, a document).
SOURCE_KINDS = ("person", "pronoun", "institution", "outlet", "anonymous", "crowd", "other")

#: speech: speech and reporting cues (said, told, according to), ``informs``
#: is True; stance: a stated view (believes, wants, criticized); broad: what
#: annotation schemes such as PolNeAR also count as attribution (beliefs,
#: wishes, endorsements, evaluations: "is expected to", "praised", "sided
#: with"), and ambiguous cue words read without the clause that would make
#: them speech ("called the plan …"). Broad relations serve extraction and
#: measurement; rules ignore them.
CUE_KINDS = ("speech", "stance", "broad")


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
            and m.group(0).lower() not in _AMBIGUOUS
            and found
            and found[-1].sentence == i
            and found[-1].informs
            and found[-1].source is not None
            and _SAME_SPEAKER_GAP.fullmatch(text, found[-1].end, start)
        ):
            # "…,” Ortiz said, adding …" / "Ortiz said Tuesday, noting …": the same speaker.
            low = m.group(0).lower()
            kind = "speech" if low in _INFORM_WORDS else "broad" if low in _BROAD_WORDS else "stance"
            cue = Span(m.start(), m.end())
            att = _make(text, sent, cue, found[-1].source, kind, Span(m.end(), sent.end))
        else:
            att = _read(text, sent, m)
        if att is None:
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
        taken_until = att.cue.end
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
    if att.source_kind == "pronoun":
        return text[att.source.start : att.source.end].lower() in ("he", "she", "they")
    return att.source_kind != "other" or bool(_COUNTED.search(text, att.source.start, att.source.end))


# "About a third of voters", "52 percent", "a majority of Republicans": counted people.
_COUNTED = re.compile(
    r"\b(?:\d[\d.,]*|percent|half|third|thirds|quarter|quarters|majority|minority|plurality)\b"
    r"|\b(?:voters|respondents|Americans|Republicans|Democrats|conservatives|liberals|independents)\b"
)


# Between "said" and ", adding": a few words of time or place, no quotation.
_SAME_SPEAKER_GAP = re.compile(r"[^“”\"\n.;:]{0,60},\s*")
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
        if a.broad:
            out.append(a)  # read by no rule: it neither resolves nor is a referent
            continue
        if src is not None and a.source_kind == "pronoun":
            word = text[src.start : src.end].lower()
            target: Span | None = None
            if word in _RELATIVE:
                end = src.start
                while end > 0 and text[end - 1] in " ,":
                    end -= 1
                target = _np_before(text, sentences[a.sentence].start, end)
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
_COORDINATORS = words("and but or")


def _read(text: str, sent: Sentence, m: re.Match[str]) -> Attribution | None:
    word = m.group(0)
    phrase = m.group("phrase")
    # A cue word is one word; a phrase's words may stand apart by any space.
    low = word.lower() if phrase is None else " ".join(word.lower().split())
    cue = Span(m.start(), m.end())
    source: Span | None = None
    if phrase is not None:
        if low.startswith("according"):
            source = _np_after(text, m.end(), sent.end)
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
        source = _np_before(text, sent.start, m.start())
        if source is None:
            return None
        if low.endswith("clear") and classify_source(text[source.start : source.end]) == "other":
            return None  # "the flood made clear …": no one speaks
        return _make(text, sent, cue, source, True, None)
    informs: str = "speech" if low in _INFORM_WORDS else "broad" if low in _BROAD_WORDS else "stance"
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
    after_quote = stripped.endswith(("”", '"', "'", "—", "–"))
    prev = "" if after_quote else _prev_word(before)  # a quotation's last word is not a subject
    if low.endswith("ing") and not after_quote:
        aux = _PROGRESSIVE.search(before[-40:])
        if aux is not None:
            # "Clinton is calling for …", "He’s not saying what …" (broad).
            source = _np_before(text, sent.start, m.start() - len(before[-40:]) + aux.start())
            if source is None:
                return None
            return _make(text, sent, cue, source, "broad", Span(m.end(), sent.end))
    # A passive with its agent: "as reported by the Gazette", "was criticized by
    # Ortiz" (broad: rules read the active voice only).
    if low.endswith("ed") and (prev in _PASSIVE or stripped.endswith(",")):
        by = _BY.match(text, m.end(), sent.end)
        if by is not None:
            source = _np_after(text, by.end(), sent.end, inverted=True)
            if source is not None:
                return _make(text, sent, cue, source, "broad", None)
    if low in _BEFORE_TO:
        if not _TO.match(text, m.end(), sent.end):
            return None
        source = _np_before(text, sent.start, m.start())
        if source is None:
            return None
        return _make(text, sent, cue, source, "broad", Span(m.end(), sent.end))
    # Passive, infinitive and nominal uses: "was told", "to say", "the calls"; but
    # "Ortiz was asked about …" makes Ortiz the one who answers.
    if prev in _NOT_BEFORE_VERB and not (low == "asked" and prev in ("was", "were")):
        return None
    if low == "asked" and prev in ("was", "were"):
        end = before.rstrip().rfind(" ")
        source = _np_before(text, sent.start, sent.start + max(0, end))
        return None if source is None else _make(text, sent, cue, source, True, Span(m.end(), sent.end))
    if low in _ONLY_AFTER_QUOTE and not (
        after_quote or (_QUOTE_THEN_SUBJECT.search(before[-80:]) and text[m.end() : m.end() + 1] in ".,;:")
    ):
        return None
    if (
        low in _AMBIGUOUS
        and prev not in _PERSONAL
        and not after_quote
        and not _OPENS_CLAUSE.match(text, m.end(), sent.end)
        and not (low in _CALL and _CALL_OBJECT.match(text, m.end(), sent.end))
    ):
        if low not in _AMBIGUOUS_BROAD:
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
        source = _sentence_subject(text, sent, m.start())
        if source is None:
            return None
        return _make(text, sent, cue, source, informs, Span(m.end(), sent.end))
    if after_quote or not stripped or (stripped.endswith(",") and _inverted_after_comma(text, sent, m)):
        # Inverted: "…,” said Smith" / ", says Jones, a lawyer" (but "Smith, a lawyer, said he …").
        source = _np_after(text, m.end(), sent.end, inverted=True, after_quote=after_quote)
        if source is not None and (after_quote or text[source.start : source.end].lower() not in _PERSONAL):
            if classify_source(text[source.start : source.end]) in ("person", "institution", "outlet"):
                source = _with_appositive(text, source, sent.end)
            return _make(text, sent, cue, source, informs, Span(sent.start, sent.start + len(stripped)))
    # "An official who spoke on condition of anonymity said": skip the relative clause.
    end = m.start()
    rel = _anon_clause(text, max(sent.start, end - 160), end)
    if rel is not None:
        end = rel.start()
    source = _np_before(text, sent.start, end)
    if source is None:
        return None
    return _make(text, sent, cue, source, informs, Span(m.end(), sent.end))


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
    before = _np_before(text, sent.start, m.start())
    if before is None:
        return True
    phrase = text[before.start : before.end]
    if phrase.endswith(",") and classify_source(phrase) == "person":
        return False  # "Dr. Ana Ruiz, a hydrologist, said the dam held."
    src = _np_after(text, m.end(), sent.end, inverted=True)
    if src is None or text[src.start : src.end].lower() in _PERSONAL:
        return False
    rest = text[src.end : sent.end].lstrip()
    return not rest or rest[0] in ",.;" or rest.startswith(("who ", "according "))


_TELL = words("tell tells told telling")
# A progressive before an -ing cue: "is calling", "’s not saying", "were quietly urging".
_PROGRESSIVE = re.compile(
    r"(?:\b(?:is|are|was|were|been|am)(?:\s+not|n[’']t)?|(?<=\w)[’'](?:s|re)(?:\s+not)?)(?:\s+[a-z]+ly)?\s+$"
)
# "with [about three in 10 voters] saying": up to eight words, no comma or quotation.
_WITH_SUBJECT = re.compile(r"\bwith\s+(?P<src>(?:[\w.’'%-]+\s+){0,7}[\w.’'%-]+)\s+$")
_PASSIVE = words("was were been being be is are as widely also hotly sharply roundly")
_TO = re.compile(r"\s+to\s+[a-z]")
_BY = re.compile(r"\s+by\s+(?=\S)")
_NOT_BEFORE_VERB = words("was were been being be is are am the a an to his her their its our my your so")
_ANON_CLAUSE = re.compile(
    r",?\s*(?:who|that)\s+(?:spoke|asked|requested|declined|insisted|was\s+not|were\s+not|is\s+not|are\s+not)"
    r"\b[^,;“”\"]{0,120}?,?\s*$"
    r"|,\s*(?:speaking|talking)\s+on\s+(?:the\s+)?condition\b[^,;“”\"]{0,120}?,\s*$"
)


def _anon_clause(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_ANON_CLAUSE.search(text, start, end)``; most windows lack the words it
    needs ("who", "that", "condition"), which a substring test sees far faster."""
    window = text[start:end]
    if "who" not in window and "that" not in window and "condition" not in window:
        return None
    return _ANON_CLAUSE.search(text, start, end)


_FINITE = words("""is was were are has have had will would could can may might must should did does do
    made makes make took takes gave gives went goes came comes""")
_NP_PREPS = words("of for with to at in from")
# Words after which a sentence's subject has ended: a finite verb, a cue word,
# a clause or phrase opener other than a preposition inside a noun phrase.
_ENDS_SUBJECT = frozenset(_FINITE | _INFORM_WORDS | _STANCE_WORDS | (_BREAK_RIGHT - _NP_PREPS))


def _sentence_subject(text: str, sent: Sentence, limit: int) -> Span | None:
    """The noun phrase that opens a sentence (after an introductory phrase and its comma)."""
    return _sentence_subject_from(text, sent.start, limit)


def _sentence_subject_from(text: str, start: int, limit: int) -> Span | None:
    # Read below: an introductory phrase of up to 20 tokens, then at most _MAX_NP.
    toks = _tokens(text, start, limit, 20 + _MAX_NP)
    # Skip an introductory phrase ("On Tuesday, …", "Asked about it, …", "Instead, …").
    if toks and _is_intro(toks[0][2]):
        for i, (_, _, w) in enumerate(toks[:20]):
            if w == ",":
                toks = toks[i + 1 :]
                break
    out: list[tuple[int, int, str]] = []
    for t in toks:
        w = t[2]
        lw = w.lower()
        if not _np_word(w) and w not in ("’s", "'s", "-", "."):
            break
        if out and (lw in _ENDS_SUBJECT or (lw.endswith("ed") and w.islower() and len(lw) > 4)):
            break
        out.append(t)
        if lw in PRONOUNS:
            break
        if len(out) >= _MAX_NP:
            return None
    while out and out[-1][2].lower() in _NP_PREPS:
        out.pop()
    if not out:
        return None
    return Span(out[0][0], out[-1][1])


_INTRO = words(
    """on in at after before during while when since as with by for from despite amid instead however
    meanwhile moreover still yet but and also then later earlier now today yesterday last so thus indeed
    asked speaking writing earlier separately afterward afterwards"""
)


def _is_intro(word: str) -> bool:
    low = word.lower()
    return low in _INTRO or (word[0].isupper() and low.endswith(("ly", "ing")) and len(low) > 4)


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


_LAST_WORD = re.compile(r"([A-Za-z’']+)[^A-Za-z’']*$")
_FIRST_WORD_REVERSED = re.compile(r"[^A-Za-z’']*([A-Za-z’']+)")


def _tokens(text: str, start: int, end: int, count: int | None = None) -> list[tuple[int, int, str]]:
    """The tokens of ``text[start:end]`` as (start, end, word); only the first ``count``
    when given (the scan stops there: readers going left to right need a few)."""
    found = _TOKEN.finditer(text, start, end)
    return [(t.start(), t.end(), t.group(0)) for t in (found if count is None else islice(found, count))]


def _np_before(text: str, lo: int, cue_start: int, coordinate: bool = True) -> Span | None:
    """The subject noun phrase that ends just before a cue."""
    window_start = max(lo, cue_start - 220)
    toks = _tokens(text, window_start, cue_start)
    j = len(toks)
    # Skip auxiliaries, adverbs and time words between subject and verb.
    while j > 0:
        raw = toks[j - 1][2]
        w = raw.lower()
        # Lowercase only: "Kelly said", "Theresa May said" end in names, not adverbs.
        if (w in _SKIP_BEFORE_CUE and (raw.islower() or w in _WEEKDAYS)) or (
            w.endswith("ly") and raw.isalpha() and raw.islower() and len(w) > 4 and w not in _LY_NOUNS
        ):
            if w in ("it", "who", "which", "that"):
                break
            j -= 1
            continue
        break
    # "Gov. Ann Moss (R-Ky.), said": the comma after a party tag closes nothing.
    if j > 1 and toks[j - 1][2] == "," and toks[j - 2][2] == ")":
        j -= 1
    # A party tag or an age in brackets: "Ann Moss (R-Ky.) told", "Tom Diaz (pictured) said".
    if j > 0 and toks[j - 1][2] == ")":
        k = j - 2
        while k >= 0 and j - k < 8 and toks[k][2] != "(":
            k -= 1
        if k >= 0 and toks[k][2] == "(":
            head = _np_before(text, lo, toks[k][0])
            return None if head is None else Span(head.start, toks[j - 1][1])
    if j == 0:
        return None
    last_start, last_end, last = toks[j - 1]
    low = last.lower()
    if low in PRONOUNS:
        return Span(last_start, last_end)
    if low in _COORDINATORS:
        # "… called her “crazy” and said …": the subject of the first verb.
        return _sentence_subject_from(text, lo, last_start)
    if last in ",":
        return _appositive_subject(toks, j, text)
    if not _np_word(last):
        return None
    k = j - 1
    while k > 0 and j - k < _MAX_NP:
        w = toks[k - 1][2]
        lw = w.lower()
        if w in ("’s", "'s", "-", "&", ".") or (w in ("’", "'") and k >= 2 and toks[k - 2][2].endswith("s")):
            k -= 1  # "the mayor's aide", "the teachers' union"
            continue
        if (
            lw == "and"
            and k >= 2
            and toks[k - 2][2][:1].isupper()
            and toks[k - 2][2].lower() not in PRONOUNS
            and toks[k][2][:1].isupper()
        ):
            k -= 1
            continue
        if lw in _DEMONSTRATIVES or lw in _POSSESSIVES:
            k -= 1  # "this official", "these people", "his aides"
            break
        if not _np_word(w) or (lw in _BREAK_LEFT and not w.isupper()):
            break
        if w.islower() and (lw in _FINITE or (lw.endswith("ed") and toks[k][2].lower() in _DETERMINERS)):
            break  # "the contract went to [Tom Reyes]", "visited the [mayor]"
        k -= 1
        if lw in _NP_START and not (k > 0 and toks[k - 1][2].lower() in _LEFT_TRIM):
            break  # "is one reason [some sources] say": a determiner opens the phrase
    # A noun phrase never starts with a preposition or a lowercase verb-like word.
    while k < j - 1 and toks[k][2].lower() in _LEFT_TRIM:
        k += 1
    if (
        k > 0
        and toks[k - 1][2].lower() in _APPROX
        and (toks[k][2][0].isdigit() or toks[k][2].lower() in _NP_START)
    ):
        k -= 1  # "about a third of voters", "nearly 40 percent"
    if coordinate and k >= 2 and toks[k - 1][2].lower() in ("and", "nor"):
        # "he and Brafman", "Mr. Xi and other leaders", "Neither Ortiz nor her aides".
        left = _np_before(text, lo, toks[k - 1][0], coordinate=False)
        if (
            left is not None
            and _coordinable(text, left, lo)
            and classify_source(text[toks[k][0] : last_end]) not in ("anonymous", "crowd")
            and classify_source(text[left.start : left.end]) not in ("anonymous", "crowd")
        ):
            start = left.start
            opener = _LAST_WORD.search(text, max(lo, start - 9), start)
            if opener is not None and opener.group(1).lower() in ("neither", "both", "either"):
                start = opener.start(1)
            return Span(start, last_end)
    return Span(toks[k][0], last_end)


def _coordinable(text: str, left: Span, lo: int) -> bool:
    """A conjunct that can share a verb: a personal pronoun or a capitalised name."""
    phrase = text[left.start : left.end]
    if phrase.lower() in ("he", "she", "they", "i", "we"):
        return True
    names = [w for w in phrase.split() if w[0].isalpha()]
    return bool(names) and all(w[0].isupper() for w in names)


_APPROX = words("about nearly almost roughly around only just over under some")


_WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
_DEMONSTRATIVES = words("this these those")
_POSSESSIVES = words("his her their its our my your")
_DETERMINERS = words("the a an his her their its our my your")
_NP_START = words("a an the some several many most few two three four five six seven eight nine ten dozens")


_LY_NOUNS = words("family ally assembly rally daily weekly monthly italy supply anomaly")
_LEFT_TRIM = words("of for with at in from on to by about against among")


def _np_word(w: str) -> bool:
    return bool(w) and (w[0].isalnum() or w in ("’s", "'s"))


def _appositive_subject(toks: list[tuple[int, int, str]], j: int, text: str) -> Span | None:
    """ "Smith, a spokesman for the ministry, said": the subject with its appositive.

    The appositive may hold commas and quotation marks of its own ("Ruiz, who
    calls the plan “a scandal,” said"): up to three comma-separated chunks are
    tried, nearest first, for a subject before them.
    """
    # toks[j-1] is the closing comma; walk back over the appositive's chunks.
    k = j - 2
    chunks = 0
    while k >= 0 and j - k < 45:
        w = toks[k][2]
        if w == ")":
            # "Ann Moss (D-Md.), chair of the committee, said": step over the tag.
            m = k - 1
            while m >= 0 and k - m < 8 and toks[m][2] != "(":
                m -= 1
            if m < 0 or toks[m][2] != "(":
                return None
            k = m - 1
            continue
        if w in (";", ":", "("):
            return None
        if w == ",":
            head = _np_before_tokens(toks, k)
            if head is not None:
                first = toks[k + 1][2].lower() if k + 1 < j - 1 else ""
                aside = first in _ASIDE and not _ANON_MARK.search(text, toks[k][1], toks[j - 1][0])
                if aside or (first.isdigit() and k + 2 == j - 1):
                    return Span(head, toks[k - 1][1])  # "Ruiz, however, said", "Ruiz, 69, said"
                return Span(head, toks[j - 1][1])
            chunks += 1
            if chunks == 3:
                return None
        k -= 1
    return None


# An aside between a subject and its verb, not an appositive: "Ruiz, in turn, said".
_ASIDE = words("""for in however after before though although meanwhile too also then like unlike not at on
    during when while once speaking asked citing instead moreover indeed still""")


def _np_before_tokens(toks: list[tuple[int, int, str]], j: int) -> int | None:
    if j > 1 and toks[j - 1][2] == ")":  # "Ann Moss (D-Md.)": the name before the tag
        m = j - 2
        while m >= 0 and j - m < 8 and toks[m][2] != "(":
            m -= 1
        return _np_before_tokens(toks, m) if m > 0 and toks[m][2] == "(" else None
    if j == 0 or not _np_word(toks[j - 1][2]):
        return None
    k = j - 1
    while k > 0 and j - k < _MAX_NP:
        w = toks[k - 1][2]
        if w in ("’s", "'s", "-", "."):
            k -= 1
            continue
        if not _np_word(w) or w.lower() in _BREAK_LEFT:
            break
        k -= 1
    while k < j - 1 and toks[k][2].lower() in _LEFT_TRIM:
        k += 1
    first = toks[k][2]
    if not (first[0].isupper() or first.lower() in ("the", "a", "an")):
        return None
    return toks[k][0]


def _np_after(
    text: str, start: int, end: int, inverted: bool = False, after_quote: bool = False
) -> Span | None:
    """The noun phrase that starts just after a cue ("according to X", "said X")."""
    toks = _tokens(text, start, min(end, start + 160), _MAX_NP)  # the loop below reads no further
    if not toks:
        return None
    first = toks[0][2]
    low = first.lower()
    if inverted:
        # A name, a pronoun or a determined noun phrase: "said Smith", "said the official";
        # after a quotation anything nominal ("…,” said state Rep. Tom Diaz).
        if low in _PERSONAL:
            return Span(toks[0][0], toks[0][1])
        if not (
            first[0].isupper()
            or low in ("the", "a", "an", "one", "two", "three", "several")
            or (after_quote and first[0].isalpha() and low not in _BREAK_RIGHT)
        ):
            return None
    elif not _np_word(first):
        return None
    k = 0
    while k < len(toks) and k < _MAX_NP:
        w = toks[k][2]
        lw = w.lower()
        if w in ("’s", "'s", "-", "&"):
            k += 1
            continue
        if not _np_word(w):
            break
        if k > 0 and lw in _BREAK_RIGHT and not (lw in ("with", "to", "for", "of") and not inverted):
            break
        k += 1
    if k == 0:
        return None
    return Span(toks[0][0], toks[k - 1][1])


# --- source classification --------------------------------------------------

_ANON_HEADS = words("""source sources official officials aide aides adviser advisers advisor advisors diplomat diplomats
    insider insiders staffer staffers person people individual individuals administrator administrators executive executives
    lawmaker lawmakers negotiator negotiators employee
    employees resident residents witness witnesses""")
_CROWD_HEADS = words("""many some most few critics observers experts analysts commentators skeptics sceptics opponents
    supporters others scientists historians economists pundits scholars""")
_OUTLET_WORDS = words("""agency news newspaper times post journal tribune herald guardian telegraph reuters ap afp bbc cnn
    msnbc fox npr nbc abc cbs politico axios bloomberg tass irna sana xinhua isna mehr tasnim fars
    broadcaster television tv radio magazine website outlet daily gazette press wire""")
_INSTITUTION_WORDS = words("""police ministry department government army military navy campaign company committee office council
    administration agency court commission board party authority authorities house senate congress
    parliament embassy white kremlin pentagon fbi cia un nato union bank organization organisation
    group foundation institute university hospital statement report poll polls survey study data
    spokesman's prosecutors prosecutor's ministry's regime forces""")
_ANON_MARK = re.compile(
    r"\b(?:unnamed|anonymous|unidentified|familiar\s+with|briefed\s+on|close\s+to|with\s+knowledge\s+of|"
    r"knowledgeable|who\s+(?:spoke|asked|requested|declined)|speaking\s+on)\b",
    re.I,
)
_TITLES = words("""mr mrs ms dr prof sen rep gov gen president minister secretary chairman chairwoman chief general
    brigadier colonel lieutenant major captain commissioner mayor judge senator representative governor
    ambassador director spokesman spokeswoman deputy vice prime king queen prince pope sheikh ayatollah""")


# A pure function of the phrase, asked again for the same sources across an
# article (and every "he", "officials", "the spokesman"): memoised.
@lru_cache(maxsize=65536)
def classify_source(phrase: str) -> str:
    """What kind of source a phrase names: one of :data:`SOURCE_KINDS`.

    With an appositive ("Tom Reyes, the mayor's spokesman,"), a name in any
    part makes a named person; otherwise the first part decides.
    """
    if "," in phrase:
        parts = [p for p in phrase.split(",") if p.strip()]
        kinds = [_classify_part(p) for p in parts]
        if "person" in kinds:
            return "person"
        return kinds[0] if kinds else "other"
    return _classify_part(phrase)


def _classify_part(phrase: str) -> str:
    toks = [w for w in _TOKEN.findall(phrase) if w[0].isalnum()]
    if not toks:
        return "other"
    lows = [w.lower().rstrip(".") for w in toks]
    if len(toks) == 1 and lows[0] in PRONOUNS:
        return "pronoun"
    # Only the head phrase decides (before "of", "for", "with", an appositive comma).
    head_words, head_lows = _head_part(toks, lows)
    head = head_lows[-1] if head_lows else lows[-1]
    if head in _ANON_HEADS and _ANON_MARK.search(phrase):
        return "anonymous"
    if (
        not _OUTLET_WORDS.isdisjoint(head_lows)
        and (head in _OUTLET_WORDS or any(w[0].isupper() for w in head_words))
        and head not in _ANON_HEADS
    ):
        return "outlet"
    if head in _CROWD_HEADS and (
        len(head_lows) == 1 or head_lows[0] in ("many", "some", "most", "few", "other", "the")
    ):
        return "crowd"
    names = [
        w
        for w, lw in zip(head_words, head_lows, strict=True)
        if w[0].isupper() and lw not in _TITLES and lw not in ("the", "a", "an")
    ]
    if head in _SPOKESPEOPLE:
        return "person" if names and any(w.endswith(("’s", "'s")) for w in head_words) else "institution"
    if head in _TITLES:
        return "person"  # an office holder: "the deputy minister", "the general"
    if head in _PLAIN_CROWDS and all(lw in _VAGUE_DETERMINERS for lw in head_lows[:-1]):
        return "crowd"  # "people say", "many people had asked": nobody in particular
    if head in _ANON_HEADS and len(head_lows) >= 2 and _POSSESSIVE.sub("", head_lows[-2]) in _LOCAL_SERVICES:
        return "institution"  # "police officials", "hospital officials": an institution's voice
    if head in _ANON_HEADS:
        # "Smith's spokesman", "Defense Minister Ali Smith's aide": tied to a named person.
        if names and head not in ("source", "sources", "people", "person", "officials", "official"):
            return "person" if any(w.endswith(("’s", "'s")) for w in head_words) else "anonymous"
        return "anonymous"
    if not _INSTITUTION_WORDS.isdisjoint(head_lows):
        return "institution"
    if names and head_words[-1][0].isupper():
        return "person"
    return "other"


_PLAIN_CROWDS = words("people individuals lawmakers legislators")
_VAGUE_DETERMINERS = words("many some most few other the these those such ordinary")
_LOCAL_SERVICES = words(
    """police sheriff hospital court fire emergency school campus county city airport prison jail coroner
    medical health transit nypd lapd fbi"""
)
_POSSESSIVE = re.compile(r"[’']s?$")
_SPOKESPEOPLE = words("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen")


def _head_part(words: list[str], lows: list[str]) -> tuple[list[str], list[str]]:
    for i, lw in enumerate(lows):
        if i and lw in ("of", "for", "with", "at", "in", "from", "on", "close", "familiar", "who", "briefed"):
            return words[:i], lows[:i]
    return words, lows


def attribution_covering(
    attributions: Sequence[Attribution], sentences: Sequence[Sentence], span: Span, scope: str = "sentence"
) -> Attribution | None:
    """The informing attribution nearest ``span`` within ``scope``, or None.

    :param scope: "sentence" (the sentence holding ``span``), "nearby" (that
        sentence and its neighbours in the same paragraph: robust when a whole
        article is one paragraph) or "paragraph".
    """
    if scope not in ("sentence", "nearby", "paragraph"):
        raise ValueError(f"scope must be 'sentence', 'nearby' or 'paragraph', not {scope!r}")
    starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, span.start) - 1
    if i < 0:
        return None
    sent = sentences[i]
    best: Attribution | None = None
    best_distance = 0
    for a in attributions:
        if not a.informs or a.source is None:
            continue
        if scope == "sentence" and a.sentence != sent.index:
            continue
        if scope == "nearby" and (
            abs(a.sentence - sent.index) > 1 or sentences[a.sentence].paragraph != sent.paragraph
        ):
            continue
        if scope == "paragraph" and sentences[a.sentence].paragraph != sent.paragraph:
            continue
        distance = 0 if a.overlaps(span) else min(abs(a.start - span.end), abs(span.start - a.end))
        if best is None or distance < best_distance:
            best, best_distance = a, distance
    return best
