"""NL1: missing or vague attribution."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint import Analysis, Document, Rule, Severity, Violation, hookimpl
from newslint.analysis.attribution import WORD_START, WordScanner, words
from newslint.analysis.speakers import looks_like_title
from newslint.document import Span

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


def _measured(text: str, analysis, start: int) -> bool:
    """A poll or survey in the phrase's sentence or the one before ("81 percent approve, a poll found. Most believe …")."""
    sent = analysis.sentence_at(start)
    if sent is None:
        return False
    first = analysis.sentences[sent.index - 1] if sent.index else sent
    return _MEASURED.search(text, first.start, sent.end) is not None


# Where the outlet's own voice takes over from reported speech: "…, but many say", "— even though research has shown".
_OWN_VOICE = re.compile(
    r",\s+(?:and|but|though|yet)\b|[—;()]|--|\b(?:but|even\s+though|although|despite|while|whereas|because)\b"
    r"|[.!?]\s+[A-Z]"
)


def _said_by_someone(text: str, analysis, start: int) -> bool:
    """The phrase is inside what a named person, an institution or an outlet said ("Ruiz said studies show …")."""
    return any(
        a.informs
        and a.content is not None
        and a.cue.end <= start < a.content.end
        and a.content.start <= start
        and a.source_kind in ("person", "pronoun", "institution", "outlet")
        and start - a.cue.end < 200
        and not _OWN_VOICE.search(text, a.cue.end, start)
        for a in analysis.attributions
    )


class VagueAttribution(Rule):
    """What it checks: opinions attributed to an unnamed crowd: "many believe",
    "critics say", "experts say" (with no expert named in the sentence or the
    next), "it is believed", "is widely regarded as", "has been described as",
    "studies show". Words inside a quotation are the speaker's, and are not
    checked.

    Why it matters: Wikipedia's MOS:WEASEL and the AP both warn that such
    phrases lend an opinion the weight of a consensus nobody can check; the
    reader cannot tell who holds it, or how many.

    Example: "Israel stays quiet about the strikes, which many believe to be a
    reaction to Syria's gains."

    How to fix: name who holds the view ("Syrian officials say"), cite the poll
    or study, or state it as the outlet's analysis.
    """

    code = "NL102"
    name = "vague-attribution"
    summary = "An opinion is attributed to an unnamed crowd"
    severity = Severity.WARNING

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        text = document.text
        quotes = [q.content for q in analysis.quotes]
        for m in _WEASEL_SCANNER.finditer(text):
            if any(q.start <= m.start() < q.end for q in quotes):
                continue
            phrase = m.group(0)
            if _QUANTIFIER.match(phrase) and not _opens_clause(text, m.start()):
                continue  # "provided some suggested changes", "demand people view"
            if _OWNED_OR_COUNTED.search(text, max(0, m.start() - 40), m.start()):
                continue  # "Baunach's research suggests", "our experts say", "97 percent of scientists agree"
            if _STAFF_OR_FINDINGS.match(phrase) and _POSSESSIVE.search(
                text, max(0, m.start() - 10), m.start()
            ):
                continue  # "their evidence suggests"
            if _NAMEABLE.search(phrase) and self._named_near(document, analysis, m.start(), m.end()):
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
            if _NEEDS_QUANTIFIER.match(phrase) and _NAME_BEFORE.search(
                text, max(0, m.start() - 40), m.start()
            ):
                continue  # "Republican lawmakers have insisted she testify": a party acting in public
            if _QUANTIFIER.match(phrase) and _measured(text, analysis, m.start()):
                continue  # "most believe …, the survey found"
            if _said_by_someone(text, analysis, m.start()):
                continue  # "Ruiz said some critics argue …": the speaker's words, not the outlet's
            if phrase[:3].lower() == "it " and _BY_AGENT.match(text, m.end()):
                continue  # "it was claimed by President Trump": the passive names its agent
            if phrase.lower().endswith(" as") and _BY_NAME.match(text, m.end()):
                continue  # "has been described as reckless by Senator Ruiz"
            yield self.violation(
                document,
                m.start(),
                m.end(),
                f"“{phrase}”: who? The view is put in the mouth of an unnamed crowd",
            )

    @staticmethod
    def _named_near(document: Document, analysis: Analysis, offset: int, end: int) -> bool:
        sent = analysis.sentence_at(offset)
        if sent is None:
            return False
        # A person quoted after the phrase, in its sentence or the next ("Experts say … ," said Dr Lee);
        # for experts, one described as an expert ("…, said Ana Lee, an economist at the bank").
        text = document.text
        expert = not text[offset : offset + 8].lower().startswith(("critic", "opponent", "observer"))
        for a in analysis.attributions:
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


class UnattributedQuote(Rule):
    """What it checks: a direct quotation of four words or more whose speaker
    cannot be found in its sentence, the neighbouring sentences or its
    paragraph. Speakers are found in the layouts news copy uses: “…,” he
    added; a speaker named after the first sentence of a long quotation; a
    quotation continued across paragraphs; “…,” Ali joined in; a colon lead-in
    ("From Chairwoman Ruiz:"); a dash sign-off (“…” -Commissioner Ward); more
    quotations from the speaker of the one before. Quoted titles (books, films,
    laws, slogans), quotations of fewer than ``min_words`` words and partial
    quotations starting in lowercase inside a sentence, of fewer than
    ``fragment_words`` words, are not checked.

    Why it matters: the Reuters Handbook asks that every quotation be
    attributed and that quotes from different speakers never run together; a
    quotation with no speaker cannot be checked, and readers assume the
    outlet vouches for it.

    Example: "The minister left the hall. “We will not accept this deal under
    any circumstances.”"

    How to fix: say who said it, in the same or the next sentence
    (“…,” the minister said).
    """

    code = "NL101"
    name = "unattributed-quote"
    summary = "A quotation has no identifiable speaker"
    severity = Severity.WARNING
    options = {"min_words": 4, "fragment_words": 8}

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        text = document.text
        min_words = int(self.options["min_words"])
        previous = None
        for qs in analysis.quote_speakers:
            q = qs.quote
            before, previous = previous, qs
            if qs.attributed:
                continue
            n = q.words(text)
            if n < min_words or looks_like_title(text, q):
                continue
            if n < self.options["fragment_words"] and _is_fragment(text, analysis, q):
                continue  # a short partial quotation or scare quote inside a sentence
            if before is not None and before.attributed and _goes_on(analysis, before.quote, q):
                continue  # “…,” the court held. “…”: the speaker goes on
            if (
                _framed(text, analysis, q)
                or _signed(text, analysis, q)
                or _said_after(text, analysis, q)
                or _announced(text, analysis, q)
            ):
                continue
            end = q.end if len(q.paragraphs) == 1 else analysis.paragraphs[q.paragraph].end
            opening = " ".join(text[q.content.start : q.content.end].split()[:6])
            yield self.violation(
                document, q.start, end, f"the quotation “{opening}…” has no identifiable speaker"
            )


# Capitalised words that open a sentence without naming anyone.
_OPENERS = words(
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


def _framed(text: str, analysis, q) -> bool:
    """A quotation inside a sentence that says whose words they are.

    "Bloomberg reports that “…”", "Thatcher’s famous line, “…”", "as the old line
    goes, “…”", "Bentsen’s “…” putdown": the sentence introduces the quotation and
    names (or describes) its origin before it. A quotation that opens its
    sentence, or follows a lead-in with nobody in it ("Within five years, “…”"),
    is not framed.
    """
    sent = analysis.sentence_at(q.start)
    if sent is None:
        return False
    if sent.start >= q.start:
        return _LABEL_AFTER.match(text, q.end) is not None  # “…” is a question for the classroom
    lead = text[sent.start : q.start].rstrip()
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
        if m.start() > 0 or word.lower() not in _OPENERS:
            return True  # a name, or a capitalised title: Bloomberg, The Art of the Deal
    return False


def _goes_on(analysis, before, q) -> bool:
    """The speaker of the quotation before goes on: in the same paragraph, or in a paragraph of its own next."""
    if before.paragraphs[-1] == q.paragraph:
        return True
    para = analysis.paragraphs[q.paragraph]
    return before.paragraphs[-1] == q.paragraph - 1 and q.start == para.start


# The sentence before hands over to the quotation: "The captain’s reply stuck with me."
_HANDOVER = re.compile(
    r"(?:[’']s|\bhis|\bher|\btheir)\s+(?:\w+\s+)?(?:response|reply|answer|words|advice|message|order|"
    r"verdict|warning|question|comment|instructions?)\b",
    re.I,
)


def _announced(text: str, analysis, q) -> bool:
    """The sentence just before, in the same paragraph, names whose reply the quotation is."""
    sent = analysis.sentence_at(q.start)
    if sent is None or sent.index == 0 or sent.start < q.start and text[sent.start : q.start].strip():
        return False
    prev = analysis.sentences[sent.index - 1]
    if prev.paragraph != sent.paragraph:
        return False
    return _HANDOVER.search(text, prev.start, prev.end) is not None


def _signed(text: str, analysis, q) -> bool:
    """A quotation signed off after it: “…” AP News / “…” Ann Lee, The Cut / “…” @handle / “…” (May 3 on
    Twitter), or an item of a numbered list of quotations ("4. “…”"), whose heading names the speaker."""
    para = analysis.paragraph_at(q.start)
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


def _said_after(text: str, analysis, q) -> bool:
    """“…,” longtime activist Ann Lee, of the League, said: a speech verb after a quotation closed on a comma."""
    if not q.closed or text[q.content.end - 1 : q.content.end] not in (",", "?", "!", "—"):
        return False
    sent = analysis.sentence_at(q.end)
    end = sent.end if sent is not None and sent.end > q.end else q.end
    rest = text[q.end : min(end, q.end + 200)]
    if "“" in rest or '"' in rest:
        return False
    if _SPEECH.search(rest) is not None:
        return True
    # “…,” Fauci, the disease chief, pledged to the committee: a name right after the comma
    first = rest.split(None, 1)[0].strip(",") if rest.strip() else ""
    return bool(first) and first[0].isupper() and first.lower() not in _OPENERS


def _is_fragment(text: str, analysis, q) -> bool:
    """A quotation that starts in lowercase inside a sentence: “boots on the ground”."""
    sent = analysis.sentence_at(q.start)
    return text[q.content.start : q.content.start + 1].islower() and sent is not None and q.start > sent.start


# Statistics and record claims: what a reader most needs a source for.
CLAIM = re.compile(
    r"\b(?:rose|fell|jumped|climbed|soared|surged|dropped|declined|plunged|grew|increased|decreased|"
    r"(?<!make\s)(?<!makes\s)(?<!made\s)(?<!making\s)up|down)\s+(?:by\s+)?(?:more\s+than\s+|nearly\s+|almost\s+|about\s+)?\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b)"
    r"|\b(?:doubled|tripled|quadrupled|halved)\b(?!\s+down\b)"
    r"|(?<![\d,.])\b(?:one|two|three|four|five|\d{1,2})\s+(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b(?![\d,.])"
    r"|\bthe\s+(?:\w+est|most\s+\w+|worst|best|largest|biggest)\s+(?:(?!(?:he|she|they|we|i|you)\s)\w+\s+){0,3}?"
    r"(?:ever|in\s+(?:history|decades|a\s+generation)|on\s+record|since\s+records\s+began)\b",
    re.I,
)


class UnattributedClaim(Rule):
    """What it checks: a statistic ("rose 41 percent", "doubled", "one in five") or a
    record claim ("the deadliest attack in decades", "the largest ever") stated
    in the outlet's own voice, with no attribution in its sentence or its
    paragraph. Off by default: select it with ``--extend-select NL103``.

    Why it matters: the AP asks that any disputable fact the reporter did not
    witness or confirm be attributed in the same sentence; the Reuters
    Handbook asks that every statement that is not established fact be
    sourced. Figures and records are what readers repeat.

    Example: "Unemployment among young people has doubled since the war began."

    How to fix: say whose figure or finding it is ("according to the
    statistics office"), or link the study in the same sentence.
    """

    code = "NL103"
    name = "unattributed-claim"
    summary = "A statistic or record claim in the outlet's own voice has no source"
    severity = Severity.INFO
    enabled_by_default = False

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        text = document.text
        quotes = [q.content for q in analysis.quotes]
        for m in CLAIM.finditer(text):
            if any(q.start <= m.start() < q.end for q in quotes):
                continue  # a speaker's words are attributed with the quotation
            if analysis.attribution_for(Span(m.start(), m.end()), scope="paragraph") is not None:
                continue
            para = analysis.paragraph_at(m.start())
            if para is None or _CITED.search(text, para.start, para.end):
                continue
            if text[para.end - 1] not in '.!?”"':
                continue  # a headline, a caption or a list item, not prose
            yield self.violation(
                document,
                m.start(),
                m.end(),
                f"“{m.group(0)}”: whose figure or finding is this? Say who says so",
            )


# Sources that need no speech verb: "a survey by …", "data from …", "(Pew, 2019)".
_CITED = re.compile(
    r"\b(?:survey|poll|study|report|data|figures|statistics|census|analysis|estimates?|records?|research)\s+"
    r"(?:by|from|of|published|released|conducted)\b|\baccording\s+to\b|\bcited\b|\bshow(?:s|ed|n)?\b"
    r"|\bput(?:s|ting)?\s+(?:the\s+)?(?:figure|number|total|rate|share|count)\s+at\b"
    r"|\b(?:study|studies|report|survey|analysis|poll)\s+(?:\w+\s+)?(?:points?\s+out|found|finds|says|estimates?)\b",
    re.I,
)


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [UnattributedQuote, VagueAttribution, UnattributedClaim]
