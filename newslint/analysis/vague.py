"""Vague attribution: an opinion put in the mouth of an unnamed crowd.

"Many believe", "critics say", "experts say" (no expert named near it), "it is
believed", "is widely regarded as", "has been described as", "studies show"
(Wikipedia MOS:WEASEL). Words inside a quotation are the speaker's and are
left alone, and so is a crowd inside what a named speaker said.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newslint.analysis._scan import WORD_START, WordScanner, words
from newslint.analysis.attribution import Attribution
from newslint.analysis.segments import Sentence
from newslint.spans import Span

__all__ = ["VagueAttribution", "find_vague_attributions"]


@dataclass(frozen=True)
class VagueAttribution(Span):
    """A vague attribution: ``phrase`` is its words ("many believe", "it is thought")."""

    phrase: str


@dataclass
class _Context:
    sentences: Sequence[Sentence]
    attributions: Sequence[Attribution]
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sentences[i] if i >= 0 else None


def find_vague_attributions(
    text: str, sentences: Sequence[Sentence], quotes: Sequence[Span], attributions: Sequence[Attribution]
) -> list[VagueAttribution]:
    """Vague attributions of the article's own voice, in text order (``quotes``: the quotations' contents)."""
    ctx = _Context(sentences, attributions)
    found: list[VagueAttribution] = []
    for m in _WEASEL_SCANNER.finditer(text):
        if any(q.start <= m.start() < q.end for q in quotes):
            continue
        phrase = m.group(0)
        if _QUANTIFIER.match(phrase) and not _opens_clause(text, m.start()):
            continue  # "provided some suggested changes", "demand people view"
        if _OWNED_OR_COUNTED.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Baunach's research suggests", "our experts say", "97 percent of scientists agree"
        if _STAFF_OR_FINDINGS.match(phrase) and _POSSESSIVE.search(text, max(0, m.start() - 10), m.start()):
            continue  # "their evidence suggests"
        if _NAMEABLE.search(phrase) and _named_near(text, ctx, m.start(), m.end()):
            continue
        if (
            phrase[0].isupper()
            and not _opens_sentence(text, m.start())
            and _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
        ):
            continue  # "the Center for Immigration Studies show"
        if phrase.lower().endswith(("feel", "felt")) and _FEELING.match(text, m.end()):
            continue  # "some lawmakers feel their pain"
        if _WORRY_ABOUT.match(text, m.end()) and phrase.lower().endswith(_WORRY):
            continue  # "many worried about their jobs": a feeling, not a view
        if _ACTING.match(text, m.end()) and re.search(r"(?:insist|insisted|agree)$", phrase):
            continue  # "some have insisted on opening statements", "others agree to pay": acts
        if _NEEDS_QUANTIFIER.match(phrase) and _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Republican lawmakers have insisted she testify": a party acting in public
        if _QUANTIFIER.match(phrase) and _measured(text, ctx, m.start()):
            continue  # "most believe …, the survey found"
        if _said_by_someone(text, ctx, m.start()):
            continue  # "Ruiz said some critics argue …": the speaker's words, not the outlet's
        if phrase[:3].lower() == "it " and _BY_AGENT.match(text, m.end()):
            continue  # "it was claimed by President Trump": the passive names its agent
        if phrase.lower().endswith(" as") and _BY_NAME.match(text, m.end()):
            continue  # "has been described as reckless by Senator Ruiz"
        found.append(VagueAttribution(m.start(), m.end(), phrase))
    return found


# An opinion put in the mouth of an unnamed crowd (Wikipedia MOS:WEASEL).
_CROWD = (
    r"(?:(?:some|many|most|few|a\s+few|other|several)\s+)?"
    r"(?:critics|observers|experts|analysts|commentators|skeptics|sceptics|opponents|supporters|"
    r"people|scientists|historians|economists|pundits|scholars|insiders|lawmakers|legislators|advocates|"
    r"detractors|proponents)"
    r"|many|some|most|few|others"
)
_SAY = (
    r"(?:say|said|believe|believed|view|viewed|argue|argued|claim|claimed|think|thought|note|noted|"
    r"contend|contended|suggest|suggested|feel|felt|maintain|maintained|insist|insisted|consider|considered|"
    r"agree|regard|see|question|allege|alleged|warn|warns|warned|charge|charged|fear|feared|worry|worried)"
)
_WEASEL_SOURCE = (
    # Every alternative starts with one of these letters: checking it first halves the time.
    WORD_START + r"(?=[abcdefghilmoprsvw])(?:"
    rf"\b(?:{_CROWD})\s+(?:have\s+|had\s+|would\s+|might\s+|may\s+)?{_SAY}\b"
    r"|\bit\s+(?:is|was|has\s+been)\s+(?:widely\s+|commonly\s+|generally\s+|often\s+|long\s+|now\s+)?"
    r"(?:believed|thought|said|claimed|argued|rumou?red|understood|alleged|suggested|felt|known(?!\s+(?:as|for|by)\b)|"
    r"accepted|assumed)\b"
    r"|\b(?:is|are|was|were)\s+(?:widely|generally|commonly|often|largely|broadly)\s+"
    r"(?:regarded|considered|seen|viewed|believed|thought|acknowledged|accepted|described)\b"
    r"|\bwidely\s+(?:regarded|considered|seen|viewed|believed|thought)\b"
    r"|\b(?:generally|commonly)\s+(?:regarded|considered|seen|viewed|thought\s+of)\s+as\b"
    r"|\b(?:seen|viewed|regarded|considered|described)\s+by\s+(?:some|many|most|critics|observers|experts|analysts)\b"
    r"|\bby\s+(?:some|many)\s+accounts\b"
    r"|\b(?:has|have|had)\s+been\s+(?:described|called|characteri[sz]ed|labell?ed|branded|dubbed)\s+as\b"
    r"|\b(?:some|many|critics|experts|observers)\s+(?:have\s+)?(?:described|called|labell?ed)\b"
    r"|\b(?:studies|research|experts|evidence)\s+(?:show|shows|suggest|suggests|has\s+shown|have\s+shown)\b"
    r"|\baccording\s+to\s+(?:some|many|critics|experts|observers|analysts)\b(?!\s+(?:at|from|in|with|of)\b)"
    r")"
)
# The first word of every alternative above (each is followed by a space): a
# new alternative needs its first word here, or the scanner never tries it.
_WEASEL_FIRST_WORDS = words(
    """some many most few a other several others critics observers experts analysts commentators skeptics
    sceptics opponents supporters people scientists historians economists pundits scholars insiders lawmakers
    legislators advocates detractors proponents it is are was were widely generally commonly seen viewed
    regarded considered described by has have had studies research evidence according"""
)
_WEASEL_SCANNER = WordScanner(_WEASEL_SOURCE, _WEASEL_FIRST_WORDS)
WEASEL = _WEASEL_SCANNER.pattern
# "experts say" is fine when an expert is named near it.
_NAMEABLE = re.compile(
    r"critics|experts|analysts|observers|scientists|historians|economists|scholars|commentators", re.I
)
_EXPERT_TITLE = re.compile(
    r"\b(?:expert|analyst|scientist|historian|economist|scholar|commentator|professor|researcher|fellow|"
    r"strategist|consultant|specialist|director|author|lecturer|physician|doctor|dr|\w+olog(?:ist|er))s?\b",
    re.I,
)
_BY_AGENT = re.compile(r"\s+by\s+(?:the\s+)?[A-Z]")
_BY_NAME = re.compile(r"[^.]{0,80}?\bby\s+[A-Z]")
_OWNED_OR_COUNTED = re.compile(
    r"(?:[A-Z][\w-]*[’']s(?:\s+own)?|\bour|\b(?:his|her|their|its|my|your)\s+own"
    r"|\d[\d,.]*\s*(?:%|percent|per\s+cent)?\s+of(?:\s+the)?(?:\s+[A-Za-z]+)?)\s+$"
)
# "their evidence suggests", "his experts have said": the staff or the findings of someone named;
# "his supporters say" is still a crowd.
_POSSESSIVE = re.compile(r"\b(?:his|her|their|its|my|your)\s+(?:own\s+|top\s+|chief\s+|senior\s+)?$", re.I)
_STAFF_OR_FINDINGS = re.compile(
    r"(?:experts|scientists|economists|analysts|evidence|research|studies)\b", re.I
)
# "the Center for Policy Studies shows": a capitalised name, not "studies show".
_NAME_BEFORE = re.compile(r"[A-Z][\w&.-]*\s+$")
# A party's lawmakers taking a stand in public: "Republican lawmakers have insisted she testify".
_NEEDS_QUANTIFIER = re.compile(
    r"(?:lawmakers|legislators)\s+(?:have\s+|had\s+)?(?:insist|maintain|agree|consider)", re.I
)
_ACTING = re.compile(r"\s+(?:on|to)\s")
# A crowd measured by a poll or a survey is not vague: "most voters believe …, a Pew survey found".
_MEASURED = re.compile(r"\b(?:poll|polls|polling|pollster|survey|surveys|questionnaire|census)\b", re.I)
# "some lawmakers feel their pain": a feeling, not a view.
_WORRY = ("fear", "feared", "worry", "worried")
_WORRY_ABOUT = re.compile(r"\s+(?:about|for|over)\b", re.I)
_FEELING = re.compile(r"\s+(?:their|his|her|its|our|my|your)\b", re.I)
# "many", "some", "people" … make a crowd only as the subject of a clause.
_QUANTIFIER = re.compile(r"(?:many|some|most|few|others|people)\s", re.I)
_CLAUSE_OPENERS = words(
    "that which who while but and or as though although because if even when where yet so since after whom whereas nor"
)


def _opens_clause(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].rstrip()
    if not before or before[-1] in '.,;:!?—–(“"‘':
        return True
    return before.rsplit(None, 1)[-1].lower() in _CLAUSE_OPENERS


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip()
    return not before or before[-1] in '.!?\n“"—:'


def _measured(text: str, ctx: _Context, start: int) -> bool:
    """A poll or survey in the phrase's sentence or the one before ("81 percent approve, a poll found. Most believe …")."""
    sent = ctx.sentence_at(start)
    if sent is None:
        return False
    first = ctx.sentences[sent.index - 1] if sent.index else sent
    return _MEASURED.search(text, first.start, sent.end) is not None


# Where the outlet's own voice takes over from reported speech: "…, but many say", "— even though research has shown".
_OWN_VOICE = re.compile(
    r",\s+(?:and|but|though|yet)\b|[—;()]|--|\b(?:but|even\s+though|although|despite|while|whereas|because)\b"
    r"|[.!?]\s+[A-Z]"
)


def _said_by_someone(text: str, ctx: _Context, start: int) -> bool:
    """The phrase is inside what a named person, an institution or an outlet said ("Ruiz said studies show …")."""
    return any(
        a.informs
        and a.content is not None
        and a.cue.end <= start < a.content.end
        and a.content.start <= start
        and a.source_kind in ("person", "pronoun", "institution", "outlet")
        and start - a.cue.end < 200
        and not _OWN_VOICE.search(text, a.cue.end, start)
        for a in ctx.attributions
    )


def _named_near(text: str, ctx: _Context, offset: int, end: int) -> bool:
    sent = ctx.sentence_at(offset)
    if sent is None:
        return False
    # A person quoted after the phrase, in its sentence or the next ("Experts say … ," said Dr Lee);
    # for experts, one described as an expert ("…, said Ana Lee, an economist at the bank").
    expert = not text[offset : offset + 8].lower().startswith(("critic", "opponent", "observer"))
    for a in ctx.attributions:
        if not (
            a.source_kind == "person"
            and not a.broad
            and sent.index <= a.sentence <= sent.index + 1
            and a.cue.start > offset
        ):
            continue
        if not expert:
            return True
        around = text[max(end, a.start - 80) : min(len(text), a.end + 120)]
        if _EXPERT_TITLE.search(around):
            return True
    return False
