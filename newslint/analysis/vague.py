"""Vague attribution: a view put in the mouth of no one in particular.

Wikipedia's MOS:WEASEL and the AP's attribution rules name the forms; each
:class:`VagueAttribution` has one of four kinds:

- ``crowd``: an unnamed crowd as the source of a view, read from the
  attribution relations whose source phrase is a crowd, whatever modifies it:
  a quantifier and a group ("some Democrats argue", "many health officials
  say"), a group with a phrase or a clause ("critics of the plan say", "those
  who oppose the bill warn", "some in the party feared"), a bare plural
  ("analysts warn"), a group described at length;
- ``passive``: a view with no agent: "is seen as", "was widely viewed as",
  "has been accused of", "is believed to be", "is considered one of", "has
  been described as", ", thought to be";
- ``hidden``: a crowd that is not the subject: "viewed as unrealistic by many
  lawmakers", "revered by some on the right", "the perception among some
  that", "for many, …", "what aid workers describe as", "in many tellings";
- ``impersonal``: "it is believed", "it is thought that", "studies show",
  "research suggests".

Left alone: the crowd named at once ("Two senators objected. Sen. Ortiz
said …"), a group the story named before ("the analysts"), a count ("two
senators", "97 percent of scientists") or a poll's figure, a participle with
no verb of being ("those considered at risk"), a crowd that acts ("many
people attended", "advocates unveiled a plan"), witnesses telling what they
saw ("residents said they heard shots"), and anything inside a quotation or
inside what a named speaker said ("Ortiz said some critics argue …").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newslint.analysis._scan import WORD_START, WordScanner, words
from newslint.analysis.attribution import Attribution
from newslint.analysis.attribution.classify import SourcePhrase, read_source
from newslint.analysis.lexicon.cues import NOT_VIEWS, VIEWS_ONLY
from newslint.analysis.lexicon.sources import PLAIN_CROWDS, QUANTIFIERS, VAGUE_QUANTIFIERS
from newslint.analysis.segments import Sentence
from newslint.spans import Span

__all__ = ["VAGUE_KINDS", "VagueAttribution", "find_vague_attributions"]

#: crowd, passive, hidden, impersonal: see the module's documentation.
VAGUE_KINDS = ("crowd", "passive", "hidden", "impersonal")


@dataclass(frozen=True)
class VagueAttribution(Span):
    """A vague attribution.

    :ivar phrase: its words ("many believe", "is widely seen as", "critics of the plan say").
    :ivar kind: one of :data:`VAGUE_KINDS`.
    :ivar attribution: for a crowd, the attribution relation it was read from.
    """

    phrase: str
    kind: str = "crowd"
    attribution: Attribution | None = None


@dataclass
class _Context:
    text: str
    sentences: Sequence[Sentence]
    attributions: Sequence[Attribution]
    quotes: Sequence[Span]
    starts: list[int] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)
    by_sentence: dict[int, list[Attribution]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.starts = [s.start for s in self.sentences]
        self.quote_starts = [q.start for q in self.quotes]
        for a in self.attributions:
            self.by_sentence.setdefault(a.sentence, []).append(a)

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sentences[i] if i >= 0 else None

    def quoted(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quotes[i].end


def find_vague_attributions(
    text: str,
    sentences: Sequence[Sentence],
    quotes: Sequence[Span],
    attributions: Sequence[Attribution],
    headline: Span | None = None,
) -> list[VagueAttribution]:
    """Vague attributions of the article's own voice, in text order.

    ``quotes``: the quotations' contents; ``headline``: the headline, whose
    shorthand ("…, allies say") the story spells out below it.
    """
    ctx = _Context(text, sentences, attributions, quotes)
    found = [v for a in attributions if (v := _crowd(ctx, a)) is not None]
    found += _scanned(ctx)
    if headline is not None:
        found = [v for v in found if not headline.start <= v.start < headline.end]
    found.sort(key=lambda v: (v.start, -v.end))
    out: list[VagueAttribution] = []
    for v in found:
        if out and v.start < out[-1].end:
            continue  # one finding for one phrase read two ways
        out.append(v)
    return out


# --- a crowd as the source of a view -----------------------------------------

_RELATIVE = ("who", "which", "that")
# Source kinds a crowd can hide in: itself, "some officials" (anonymous), a relative pronoun for one.
_MAYBE_CROWD = ("crowd", "anonymous", "pronoun")
_SOME = words("some many most few others")
_BACK = words("the this that these those")
# Possessed experts and findings are someone's staff and work: "his experts", "their research".
# A body's critics are not its staff: "its critics say" is as vague as "critics say".
_OPPOSING = words("critics opponents detractors skeptics sceptics foes")
_STAFF = words("experts scientists economists analysts researchers advisers advisors staff")


def _crowd(ctx: _Context, a: Attribution) -> VagueAttribution | None:
    text = ctx.text
    src = a.source
    if src is None or a.source_kind not in _MAYBE_CROWD:
        return None
    if a.source_kind == "pronoun":
        if text[src.start : src.end].lower() not in _RELATIVE or a.resolved is None:
            return None
        src = a.resolved  # "the pilots who have complained": the phrase "who" stands for
    read = read_source(text[src.start : src.end])
    cue = " ".join(text[a.cue.start : a.cue.end].lower().split())
    if not _is_crowd(read, cue):
        return None
    if read.head in ("most", "more") and _MOST_ADVERB.match(text, src.end):
        return None  # "who most recently advised": "most" modifies the adverb
    if read.group == "witness" and cue in _DESCRIBING and not _AS_SOON.match(text, a.cue.end):
        return None  # "residents described hearing shots": testimony
    if (
        cue in NOT_VIEWS and not (cue in _FINDING and read.head in _NAMEABLE and _THAT.match(text, a.cue.end))
    ) or (ctx.quoted(src.start)):
        return None  # "many declined to comment"; but "historians found that …" is their finding
    if cue in _NAMING_CUES and _NAMES_AFTER.match(text, a.cue.end):
        return None  # "a factory called American Roots", "some called shelter-in-place orders"
    if len(read.modifiers) > 4:
        return None  # a phrase read across a caption
    if _OPENS_QUESTION.search(text, max(0, src.start - 12), src.start) and not _DESPITE_WHAT.search(
        text, max(0, src.start - 30), src.start
    ):
        return None  # "if voters think", "what people think"; but "despite what critics say" is their view
    if src.end <= a.cue.start and not a.informs and _MAYBE.search(text, src.end, a.cue.start):
        return None  # "voters may see …": a possibility, not a view anyone holds; but "some may argue" speaks
    if src.end <= a.cue.start and not a.informs and _WOULD.search(text, src.end, a.cue.start):
        return None  # "how most Americans would feel": an imagined feeling; but "many would argue" speaks
    if _CAUSED_BEFORE.search(text, max(0, src.start - 16), src.start):
        return None  # "should have made voters think", "let people decide": the crowd is an object
    if (
        not a.informs
        and src.end < a.cue.start
        and _AND_BEFORE.search(text, max(0, a.cue.start - 6), a.cue.start)
    ):
        return None  # "… created shirts to honour her and support her family": a second act, not a view
    if not a.informs and (_COUNT_AFTER.match(text, a.cue.end) or _CONTESTED.match(text, a.cue.end)):
        return None  # "Republicans are defending eight seats": a count of things acted on, not a view
    start, end = min(src.start, a.cue.start), max(src.end, a.cue.end)
    if end - start > 160:
        return None  # a source read too far from its cue
    if _not_vague(ctx, read, a, src):
        return None
    return VagueAttribution(start, end, " ".join(text[start:end].split()), "crowd", a)


# "neighbours described him as a quiet man": a character sketch, a view (not "described hearing shots").
_DESCRIBING = words("described describe describes")


def _is_crowd(read: SourcePhrase, cue: str) -> bool:
    if read.kind == "crowd":
        return True
    if read.group == "insider" and read.plural and read.quantifier.split(" ")[0] in _SOME:
        return True  # "some officials credit", "some of his closest advisers have admitted"
    # Witnesses voicing a view: "residents have complained"; their testimony is not vague.
    return (
        read.group == "witness"
        and read.plural
        and (cue in VIEWS_ONLY or cue in _DESCRIBING)
        and (read.vague or not read.quantifier)
    )


def _not_vague(ctx: _Context, read: SourcePhrase, a: Attribution, src: Span) -> bool:
    """The crowd is counted, owned, named near, measured, acting, or inside someone else's words."""
    text = ctx.text
    if read.quantifier and not read.vague and read.quantifier not in ("other", "many of", "some of"):
        return True  # "two senators", "97 percent of scientists": counted
    if _COUNTED_BEFORE.search(text, max(0, src.start - 30), src.start) or any(
        w[:1].isdigit() or (w.lower() in _COUNTS) for w in read.modifiers
    ):
        return True  # "only 9% of Ruiz supporters", "half of the voters", "only 28 Republicans": counted
    if _INCLUDING_NAME.search(text, src.start, src.end):
        return True  # "top Republicans, including Sen. Ted Cruz,": named at once
    restricted = bool(read.post) or text[src.end : src.end + 6].lstrip().startswith(("who ", "who’", "who'"))
    if read.determiner in _BACK and not restricted and not read.vague:
        return True  # "the analysts said": a group named before; not "the pilots who complained"
    if read.head == "those" and not restricted:
        return True  # "those said": a reference back; "those who oppose the bill warn" is a crowd
    if restricted and _PREPOSITION_BEFORE.search(text, max(0, src.start - 12), src.start):
        return True  # "a hotline for those who believe …": a category the sentence speaks of, not a source
    if _AFFILIATED.match(read.post):
        return True  # "analysts at the Harbour Trust said": the crowd has an address
    if (read.determiner in ("our", "its") and read.head not in _OPPOSING) or (
        read.determiner
        and read.determiner not in _BACK
        and read.head in _STAFF | PLAIN_CROWDS
        and not read.vague
    ):
        return True  # "our experts say", "his experts have said", "his people": someone's own staff
    if read.determiner.endswith(("’s", "'s")) and read.determiner[:1].isalpha() and not read.vague:
        return True  # "Colorado's voters": all of them, a body that acts
    cue_word = text[a.cue.start : a.cue.end].lower()
    after = text[a.cue.end : a.cue.end + 40]
    if cue_word in ("feel", "felt", "feels") and _FEELING.match(after):
        return True  # "some lawmakers feel their pain"
    if cue_word in _WORRY and _WORRY_ABOUT.match(after):
        return True  # "many worried about their jobs": a feeling, not a view
    if cue_word.startswith(("insist", "agree")) and _ACTING.match(after):
        return True  # "some have insisted on reading it in full", "others agreed to pay"
    if _NEEDS_QUANTIFIER.match(read.head) and not read.quantifier and cue_word.startswith(_PUBLIC_ACTS):
        return True  # "Republican lawmakers have insisted she testify": a party acting in public
    if (read.vague or read.head in _VOTERS or read.quantifier) and _measured(ctx, src.start):
        return True  # "most believe …, the survey found"
    if _PARTS.search(read.quantifier) and _PERCENT.search(
        text, src.start, _next_sentence_end(ctx, src.start)
    ):
        return True  # "a majority of Republicans support …. An overwhelming share (94%) say …": measured
    if _said_by_someone(ctx, src.start):
        return True  # "Ruiz said some critics argue …": the speaker's words, not the outlet's
    return read.head in _NAMEABLE and _named_near(ctx, src.start, a.cue.end, read.head)


# Naming, not a view: "called X", "labeled X" before a name or a plain noun phrase.
_NAMING_CUES = words("called calls calling labeled labelled labels dubbed named termed")
_NAMES_AFTER = re.compile(
    r"\s+(?!(?:for|on|it|him|her|them|this|that|the\s+(?:plan|move|decision|idea))\b)[\w“\"‘'-]"
)
_MAYBE = re.compile(r"\b(?:may|might|could|can)\b")
_AS_SOON = re.compile(r"\s+(?:[\w’'-]+\s+){1,4}?as\b")
# A view set against the outlet's own: "despite what critics say", "no matter what those on the left say".
_DESPITE_WHAT = re.compile(
    r"\b(?:despite|no\s+matter|contrary\s+to|regardless\s+of|notwithstanding)\s+what\s+(?:[\w’'-]+\s+){0,1}\Z",
    re.I,
)
_FINDING = words("found finds find")
_THAT = re.compile(r"\s+that\b")
# What a party defends or contests in an election: an act, not a view ("defending open seats in Iowa").
_CONTESTED = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?(?:seats?|titles?|majority|majorities|incumbents?|turf)\b", re.I
)
# "who most recently advised": an adverb, not a crowd.
_MOST_ADVERB = re.compile(r"\s+[a-z]+ly\b")
_AND_BEFORE = re.compile(r"\band\s+\Z")
_WOULD = re.compile(r"\bwould\b")
# A verb that makes the crowd its object: "made voters think", "let people decide", "helps readers see".
_CAUSED_BEFORE = re.compile(
    r"\b(?:make|makes|made|making|let|lets|letting|help|helps|helped|helping)\s+\Z", re.I
)
# Numbers that count a crowd from inside its phrase: "just six people thought", "only a dozen voters".
_COUNTS = (
    QUANTIFIERS
    - VAGUE_QUANTIFIERS
    - words("a an other another all both each number majority majorities minority plurality")
)
_COUNT_AFTER = re.compile(
    r"\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds|thousands)\b)",
    re.I,
)
# A crowd in a question or a condition: "if voters think", "what people think".
_OPENS_QUESTION = re.compile(r"\b(?:if|unless|whether|what|why)\s+$", re.I)
_AFFILIATED = re.compile(r"(?:at|from|with)\s+(?:the\s+)?[A-Z]")
_PREPOSITION_BEFORE = re.compile(r"\b(?:from|for|to|among|with|of|by|about|against|on|in|at)\s+\Z", re.I)
_INCLUDING_NAME = re.compile(r"\b(?:including|such\s+as|led\s+by|among\s+them)\s+(?:[A-Z]|the\s+[A-Z])")
_COUNTED_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|percent|per\s+cent)?|\b(?:half|third|quarter|thirds|quarters))\s+of\s+(?:the\s+)?$",
    re.I,
)
_VOTERS = words("voters americans respondents people democrats republicans independents")
_FEELING = re.compile(r"\s+(?:their|his|her|its|our|my|your)\b", re.I)
_WORRY = ("fear", "feared", "fears", "worry", "worried", "worries")
_WORRY_ABOUT = re.compile(r"\s+(?:about|for|over)\b", re.I)
_ACTING = re.compile(r"\s+(?:on|to)\s")
_NEEDS_QUANTIFIER = re.compile(r"(?:lawmakers|legislators|senators)$")
_PUBLIC_ACTS = ("insist", "maintain", "agree", "consider")
# A crowd measured by a poll or a survey is not vague: "most voters believe …, a Pew survey found",
# "according to a new poll", "in the latest Gallup survey"; a mere "pollsters" is not a poll cited.
_MEASURED = re.compile(
    r"(?i:\b(?:poll|polls|polling|survey|surveys|questionnaire|census)\b(?=[^.;]{0,40}?\b(?:found|finds|shows?|"
    r"showed|suggests?|suggested|indicates?|indicated|released|conducted|published)\b)"
    r"|\b(?:according\s+to|in|by|from)\s+(?:a|an|the|this|that|its|their)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?:poll|polls|polling|survey|surveys|questionnaire|census)\b)"
    # a poll by its name: "a Gallup poll", "the Quinnipiac University survey"
    r"|\b[A-Z][\w’'-]*\s+(?:[A-Z][\w’'-]*\s+)?(?i:poll|polls|survey|surveys)\b"
)


_PARTS = re.compile(r"\b(?:majority|majorities|minority|plurality)\b")
_PERCENT = re.compile(r"\d\s*%|\bper\s*cent\b|\bpercent\b", re.I)


def _next_sentence_end(ctx: _Context, start: int) -> int:
    sent = ctx.sentence_at(start)
    if sent is None:
        return start
    return ctx.sentences[min(len(ctx.sentences) - 1, sent.index + 1)].end


def _measured(ctx: _Context, start: int) -> bool:
    """A poll or survey in the phrase's sentence or the one before ("81 percent approve, a poll found. Most believe …")."""
    sent = ctx.sentence_at(start)
    if sent is None:
        return False
    first = ctx.sentences[sent.index - 1] if sent.index else sent
    return _MEASURED.search(ctx.text, first.start, sent.end) is not None


# Where the outlet's own voice takes over from reported speech: "…, but many say", "— even though research has shown".
_OWN_VOICE = re.compile(
    r",\s+(?:and|but|though|yet|which|who|prompting|leading|sparking|drawing|triggering|causing|fueling|fuelling|"
    r"raising|provoking|angering)\b|[—;()]|--|\b(?:but|even\s+though|although|despite|while|whereas|because)\b"
    r"|[.!?]\s+[A-Z]"
)


def _said_by_someone(ctx: _Context, start: int) -> bool:
    """The phrase is inside what a named person, an institution or an outlet said ("Ruiz said studies show …")."""
    sent = ctx.sentence_at(start)
    if sent is None:
        return False
    return any(
        a.informs
        and a.content is not None
        and a.cue.end <= start < a.content.end
        and a.content.start <= start
        and a.source_kind != "crowd"
        and start - a.cue.end < 200
        and not _OWN_VOICE.search(ctx.text, a.cue.end, start)
        and not _NEGATED.search(ctx.text, a.source.end, a.cue.start)  # type: ignore[union-attr]
        and not _DOCUMENT.search(ctx.text, a.source.start, a.source.end)  # type: ignore[union-attr]
        for a in ctx.by_sentence.get(sent.index, ())
    )


# "He has not yet said how …": a speaker who says nothing reports nothing.
_NEGATED = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.I)
# A document or figures, not someone speaking: "data indicate that …".
_DOCUMENT = re.compile(
    r"\b(?:data|statement|report|reports|poll|polls|survey|surveys|study|studies|figures|records|research)$",
    re.I,
)


# Crowds an editor would accept once one of them is named and quoted at once.
_NAMEABLE = words("""critics experts analysts observers scientists historians economists scholars commentators
    opponents supporters advocates researchers doctors senators lawmakers legislators""")
_EXPERT_TITLE = re.compile(
    r"\b(?:expert|analyst|scientist|historian|economist|scholar|commentator|professor|researcher|fellow|"
    r"strategist|consultant|specialist|director|author|lecturer|physician|doctor|dr|\w+olog(?:ist|er))s?\b",
    re.I,
)
_PARTISAN_TAG = re.compile(
    r"\b(?:Sen|Rep|Senator|Representative|Gov)\b\.?|\b[DRI]-[A-Z]|\b(?:Democrat|Republican)\b"
)


def _named_near(ctx: _Context, offset: int, end: int, head: str) -> bool:
    """A member of the crowd is named and quoted in its sentence or the next.

    The named speaker is described as one of them: "Critics say … ," said Ana
    Lee, a critic of the plan"; for experts, by an expert's title ("…, said Ana
    Lee, an economist at the bank"); for lawmakers, by a title or a party tag
    ("Two senators objected. Sen. Ortiz said …").
    """
    sent = ctx.sentence_at(offset)
    if sent is None:
        return False
    text = ctx.text
    member = re.compile(
        rf"\b{re.escape(head.rstrip('s')[:-1] if head.endswith('ies') else head.rstrip('s'))}", re.I
    )
    for i in (sent.index, sent.index + 1):
        for a in ctx.by_sentence.get(i, ()):
            if a.source_kind != "person" or a.broad or a.cue.start <= offset:
                continue
            around = text[max(end, a.start - 80) : min(len(text), a.end + 120)]
            if member.search(around):
                return True  # "a critic", "an economist", "senator"
            if head in _LAWMAKERS and _PARTISAN_TAG.search(around):
                return True
            if head in _EXPERTS and _EXPERT_TITLE.search(around):
                return True
    return False


_LAWMAKERS = words("senators lawmakers legislators democrats republicans")
_EXPERTS = words("experts analysts scientists historians economists scholars researchers doctors")


# --- passive, hidden and impersonal forms ------------------------------------
#
# One scanner finds the distinctive word of each form (a participle, "studies",
# "speculation", "accounts" …) with what must follow it; what must come before
# it (a verb of being, "it is", "among", "what …") is then read backwards from
# there. Anchoring on rare words keeps the scan fast: "is", "to" and "for" are in
# every sentence.

_ADVERB_WORDS = (
    "widely generally commonly often largely broadly routinely frequently long now also still sometimes "
    "increasingly privately variously even already once"
)
_ADVERBS = r"(?:(?:" + "|".join(_ADVERB_WORDS.split()) + r")\s+){0,2}"
# The verb of being before a passive participle, read backwards from it.
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+" + _ADVERBS + r"\Z", re.I)
# Without a bare "be": "could be seen as" is the writer's own hedge.
_FINITE_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|being|been)\s+" + _ADVERBS + r"\Z", re.I)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+been\s+" + _ADVERBS + r"\Z", re.I)
_OFTEN_BEFORE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:widely|often|generally|frequently|long)\s+\Z|\b(?:has|have|had)\s+been\s+"
    + _ADVERBS
    + r"\Z",
    re.I,
)
_IT_BEFORE = re.compile(r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+" + _ADVERBS + r"\Z", re.I)
_COMMA_BEFORE = re.compile(r",\s+\Z")
_HIDDEN_BEFORE = {
    "accounts": re.compile(r"\b(?:by|in)\s+(?:some|many|most|one|other)\s+\Z", re.I),
    "speculation": re.compile(r"\b(?:much|widespread|growing|rampant|considerable)\s+\Z", re.I),
    "some": re.compile(r"\b(?:among|for|to)\s+\Z", re.I),
}
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?P<group>(?:[\w’'-]+\s+){1,3})\Z", re.I)

_VAGUE_SOURCE = (
    WORD_START + r"(?:"
    # a participle and an infinitive: "[is] said to be", "[are] thought to have", ", believed to be"
    r"(?P<to>(?:said|thought|believed|known|rumou?red|alleged|reputed|understood|reported)\s+to\s+(?:be|have)\b)"
    # a participle and "as": "[is] seen as", "[has been] described as", "[widely] regarded as"
    r"|(?P<rumoured>rumou?red(?!\s+to\b))"
    r"|(?P<as>(?:seen|viewed|regarded|perceived|characteri[sz]ed|portrayed|touted|hailed|billed|cast|painted|"
    r"labell?ed|branded|dubbed|described|known)\s+as\b)"
    r"|(?P<considered>(?:considered|deemed)\s+(?:to\s+be|one\s+of|among|an?|the|likely|unlikely|"
    r"(?:the\s+)?(?:most|least|best|worst))\b)"
    # an accusation or credit with no one behind it: "[has been] accused of"
    r"|(?P<charged>(?:accused\s+of|criticized\s+for|criticised\s+for|blamed\s+for|credited\s+with|praised\s+for|"
    r"faulted\s+for))"
    # an adverb before the participle, no verb of being: "widely regarded", "routinely described as"
    r"|(?P<adverb>(?:widely|generally|commonly|routinely|frequently|often|largely|broadly)\s+"
    r"(?:(?:regarded|seen|viewed|perceived|described)\s+as|considered|believed|thought|credited|blamed|acknowledged)\b)"
    # "it is widely believed", "it was said": anchored on "it", which fails at once before most words
    r"|(?P<impersonal>it\s+(?:is|was|has\s+been|had\s+been)\s+"
    + _ADVERBS
    + r"(?:believed|thought|said|claimed|"
    r"argued|rumou?red|understood|alleged|suggested|felt|known(?!\s+(?:as|for|by)\b)|accepted|assumed|reported)\b)"
    r"|(?P<studies>(?:studies|research|experts|evidence)\s+(?:[a-z]+ly\s+)?(?:show|shows|suggest|suggests|has\s+shown|have\s+shown)\b)"
    # hidden crowds: "[by some] accounts", "[much] speculation", "[among] some that"
    r"|(?P<accounts>(?:accounts?|tellings|quarters|circles|estimations?|estimates?)\b)"
    r"|(?P<speculation>speculation\b)"
    r"|(?P<some>(?:some|many|most|others)\b(?:\s+(?:observers|critics|experts|analysts|commentators|people|"
    r"voters|readers|viewers|fans|[a-z]+ists|[a-z]+ians))?(?=\s*(?:[,;:—–]|that\b|who\b|on\b|in\b|inside\b|within\b|"
    r"[a-z]+ed\b)))"
    r"|(?P<by>(?:seen|viewed|regarded|considered|described|perceived|revered|reviled|criticized|criticised|praised|"
    r"hailed|dismissed|despised|loved|hated|admired|blamed|accused|questioned|opposed|supported|favou?red|"
    r"backed|welcomed|condemned|mocked|ridiculed|derided|feared|distrusted|trusted|embraced|rejected)\s+"
    r"(?:[\w-]+\s+){0,3}?by\s+(?P<crowd>(?:some|many|most|few|others|everyone|everybody|critics|observers|experts|analysts|"
    r"opponents|detractors)\b(?:\s+(?!(?:as|to|for|because|and|but|that|with)\b)[\w-]+){0,3}))"
    r"|(?P<from>(?:warnings?|criticism|concerns?|complaints?|calls|fears|objections|claims|accusations|pushback|"
    r"opposition|skepticism|scepticism|doubts|praise)\s+(?:from|by|among)\s+"
    r"(?P<crowd2>(?:[\w’'-]+\s+){0,5}?(?:[\w’'-]+)(?=\s+(?:that|who|over|about|on|inside|within|in)\b|[,.;:—])))"
    r"|(?P<led>(?:led|leading|leads|lead|prompted|prompting|prompts|caused|causing|spurred|spurring|left|leaving)\s+"
    r"(?P<crowd3>(?:[\w’'-]+\s+){1,4}?)to\s+(?:conclude|accuse|believe|say|argue|question|wonder|worry|speculate|"
    r"suggest|criticize|criticise|claim|complain|warn|predict|dismiss|doubt|fear|call|charge|decry|denounce)\b)"
    r"|(?P<what>(?:describe|describes|call|calls|consider|considers|see|sees|view|views|term|terms|dub|dubs|label|"
    r"labels)\s+as\b)"
    r")(?![\w’'-])"
)
_VAGUE_SCANNER = WordScanner(
    _VAGUE_SOURCE,
    words(
        """it said thought believed known rumored rumoured alleged reputed understood reported seen viewed regarded
        perceived characterized characterised portrayed touted hailed billed cast painted labeled labelled branded
        dubbed described considered deemed accused criticized criticised blamed credited praised faulted widely
        generally commonly routinely frequently often largely broadly
        studies research experts evidence accounts account estimate estimates tellings quarters circles estimation estimations speculation some
        many most others revered reviled dismissed despised loved hated admired questioned opposed supported
        favored favoured backed welcomed condemned mocked ridiculed derided feared distrusted trusted embraced
        rejected warning warnings criticism concern concerns complaint complaints calls fears objections claims
        accusations pushback opposition skepticism scepticism doubts praise led leading leads lead prompted
        prompting prompts caused causing spurred spurring left leaving describe describes call consider considers
        see sees view views term terms dub dubs label labels"""
    ),
)
#: The pattern the scanner finds (for tests of the fast path).
VAGUE = _VAGUE_SCANNER.pattern
# "has been described as reckless by Senator Ruiz": the passive names its agent.
_BY_NAME = re.compile(r"[^.;,]{0,80}?\bby\s+(?:the\s+)?[A-Z]")
# "known as": a name, not a view ("is known as the Big Apple", "known as “Bud”").
_NAMING = re.compile(r"\s*(?:[“\"‘'A-Z]|the\s+[A-Z])")
# "the Center for Immigration Studies show": a capitalised name before "studies".
_NAME_BEFORE = re.compile(r"[A-Z][\w&.-]*\s+\Z")
# "their research suggests", "Baunach's research": someone's own findings.
_OWNED = re.compile(r"(?:[A-Z][\w-]*[’']s(?:\s+own)?|\b(?:our|his|her|their|its|my|your)(?:\s+own)?)\s+\Z")
_SUBJECT_BEFORE = re.compile(r"\b(?:i|we|you|he|she|they|who)\s+\Z", re.I)
_KIND = {
    "to": "passive",
    "rumoured": "passive",
    "as": "passive",
    "considered": "passive",
    "charged": "passive",
    "adverb": "passive",
    "impersonal": "impersonal",
    "studies": "impersonal",
    "accounts": "hidden",
    "speculation": "hidden",
    "some": "hidden",
    "by": "hidden",
    "from": "hidden",
    "led": "hidden",
    "what": "hidden",
}


def _scanned(ctx: _Context) -> list[VagueAttribution]:
    text = ctx.text
    found = []
    for m in _VAGUE_SCANNER.finditer(text):
        form = m.lastgroup or ""
        if form in ("crowd", "crowd2", "crowd3"):
            form = {"crowd": "by", "crowd2": "from", "crowd3": "led"}[form]
        start = _opening(text, m, form)
        if start is None:
            continue
        if start < 0:  # a passive cut short: left alone in a sentence someone is reported as saying
            start = -start - 1
            if _attributed_sentence(ctx, start):
                continue  # "gunmen believed to be from the group …, police said"
        end = m.end()
        if ctx.quoted(start) or _said_by_someone(ctx, start):
            continue
        if form in (
            "to",
            "rumoured",
            "as",
            "considered",
            "charged",
            "adverb",
            "impersonal",
        ) and _BY_NAME.match(text, end):
            continue  # "has been described as reckless by Senator Ruiz", "it was claimed by Ruiz"
        naming = form == "as" and m.group(0).lower().startswith(("known", "dubbed", "labeled", "labelled"))
        if naming and _NAMING.match(text, end):
            continue  # a name: "is known as the Big Apple"
        if form in ("by", "from", "led"):
            group = m.group({"by": "crowd", "from": "crowd2", "led": "crowd3"}[form]).strip()
            if not _names_a_crowd(group):
                continue
        found.append(VagueAttribution(start, end, " ".join(text[start:end].split()), _KIND[form]))
    return found


def _attributed_sentence(ctx: _Context, start: int) -> bool:
    """The sentence is told by someone: a person, an institution, an outlet or an unnamed source."""
    sent = ctx.sentence_at(start)
    return sent is not None and any(
        a.informs and a.source_kind in ("person", "institution", "outlet", "anonymous")
        for a in ctx.by_sentence.get(sent.index, ())
    )


def _opening(text: str, m: re.Match[str], form: str) -> int | None:
    """Where the form starts, read backwards from its distinctive word; None when what must come first is
    missing; ``-start - 1`` for a passive cut short after its noun ("a van believed to be …")."""
    start = m.start()
    before = max(0, start - 60)
    if form == "to":
        b = _BE_BEFORE.search(text, before, start) or _COMMA_BEFORE.search(text, before, start)
        if b is None and _REDUCED.match(m.group(0)) and _NOUN_BEFORE.search(text, before, start):
            return -start - 1  # "a car believed to be the gunman's": a passive cut short after its noun
        if b is None:
            return None
        return b.start() if b.group(0)[0] != "," else start  # ", believed to be": from the participle
    if form == "rumoured":
        b = _FINITE_BE_BEFORE.search(text, before, start) or _PERFECT_BEFORE.search(text, before, start)
        return None if b is None else b.start()  # "his return was rumored"
    if form in ("as", "considered", "adverb", "charged", "impersonal"):
        # "it is widely believed", "has been described as", "is widely regarded as", "widely seen as"
        if form == "impersonal":
            return start
        b = _IT_BEFORE.search(text, before, start)
        b = b or _PERFECT_BEFORE.search(text, before, start)
        if b is None and form == "charged":
            b = _OFTEN_BEFORE.search(text, before, start)
            return None if b is None else b.start()
        b = b or _FINITE_BE_BEFORE.search(text, before, start)
        if b is not None:
            return b.start()
        if form == "as":
            b = _ADVERB_BEFORE.search(text, before, start)  # "routinely described as", "widely seen as"
            if b is None or _ACTIVE_BEFORE.search(text, before, b.start()):
                return None  # "what he has often described as": the active voice, with its subject
            return b.start()
        if form == "adverb":
            return None if _ACTIVE_BEFORE.search(text, before, start) else start  # "they generally thought"
        return None
    if form == "studies":
        if _OWNED.search(text, max(0, start - 30), start) or (
            text[start].isupper() and _NAME_BEFORE.search(text, max(0, start - 40), start)
        ):
            return None  # "their evidence suggests", "the Center for Policy Studies shows"
        return start
    if form in ("accounts", "speculation", "some"):
        b = _HIDDEN_BEFORE[form].search(text, before, start)
        if b is None:
            return None
        opener = b.group(0).split()[0].lower()
        believing = _WHO_BELIEVED.match(text, m.end()) is not None
        if (
            form == "some"
            and len(m.group(0).split()) > 1
            and not (opener == "to" and text[m.end() : m.end() + 1] == ",")
        ):
            return None  # a crowd with its noun only as "To many observers, …"
        if (
            form == "some"
            and opener in ("for", "to")
            and not _opens_clause(text, b.start())
            and not believing
        ):
            return None  # "opened to some", "a gift for many": not a view; but "a hero to some who saw …"
        if form == "some" and opener == "among" and m.group(0).lower() == "others":
            return None  # "among others": other things too
        return b.start()
    if form == "what":
        b = _WHAT_BEFORE.search(text, before, start)
        if b is None or not _names_a_crowd(b.group("group").strip()):
            return None
        return b.start()
    if form == "by":
        b = _IT_BEFORE.search(text, before, start) or _PERFECT_BEFORE.search(text, before, start)
        b = b or _FINITE_BE_BEFORE.search(text, before, start)
        return start if b is None else b.start()  # "was seen by some as", "revered by some on the right"
    return start


# Participles that keep their passive sense after a noun: "a man thought to be", "a car believed to be".
_REDUCED = re.compile(r"(?:thought|believed|rumou?red|reputed)\s", re.I)
# A noun just before: a lower-case word that is no pronoun, auxiliary or conjunction ("what they believed to be").
_NOUN_BEFORE = re.compile(
    r"\b(?!(?:i|we|you|he|she|they|who|what|which|that|it|and|or|but|had|have|has|was|were|is|are|be|not|also|"
    r"never|once|long|still|widely|generally|commonly|first|then|and|as)\s)(?![a-z]+ly\s)[a-z][a-z’'-]+\s+\Z"
)
# "a hero to some who saw the unions as …": a crowd's belief (not "a deterrent to those who think …", a category).
_WHO_BELIEVED = re.compile(
    r"\s+who\s+(?:saw|see|sees|thought|think|thinks|believe|believed|believes|viewed|view|views|felt|feel|feels|"
    r"considered|consider|regarded|regard)\b",
    re.I,
)
_ACTIVE_BEFORE = re.compile(r"\b(?:has|have|had|i|we|you|he|she|they|who)\s+\Z", re.I)
_ADVERB_BEFORE = re.compile(
    r"\b(?:widely|generally|commonly|routinely|frequently|often|largely|broadly)\s+\Z", re.I
)


def _names_a_crowd(phrase: str) -> bool:
    """The phrase, or one of its conjuncts, is a crowd: "lawmakers and some inside the administration";
    words after the crowd do not count ("some as a demotion")."""
    for part in _CONJUNCTS.split(phrase):
        words_of = part.split()
        if words_of and words_of[0].lower() in ("everyone", "everybody"):
            return True  # "described by everyone as": all and no one
        if any(read_source(" ".join(words_of[:n])).kind == "crowd" for n in range(len(words_of), 0, -1)):
            return True
    return False


_CONJUNCTS = re.compile(r"\s+(?:and|or)\s+|,\s*")
_CLAUSE_OPENERS = words(
    "that which who while but and or as though although because if even when where yet so since after whom whereas nor"
)


def _opens_clause(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].rstrip()
    if not before or before[-1] in '.,;:!?—–(“"‘':
        return True
    return before.rsplit(None, 1)[-1].lower() in _CLAUSE_OPENERS
