"""Cue words: the verbs and phrases that attribute speech, a view or a stance.

Data only. Each verb is listed once, under its stem, in the forms news copy
uses; the attribution extractor compiles them into one scanner at import.

- ``INFORM_STEMS``: speech and reporting (said, told, warned …): the speaker is a
  source of information;
- ``STANCE_STEMS``: a stated view or stance (believes, wants, criticized …);
- ``BROAD_STEMS``: what annotation schemes such as PolNeAR also count as
  attribution (evaluations, endorsements, wishes), which rules do not read;
- ``AMBIGUOUS``: forms as often nouns or adjectives ("reports", "calls"), cues
  only before a clause; ``AMBIGUOUS_BROAD``: those read as broad cues without one;
- ``BEFORE_TO``: cues only before "to" ("eager to").
"""

from __future__ import annotations

from newslint.analysis._scan import words

__all__ = [
    "AMBIGUOUS",
    "AMBIGUOUS_BROAD",
    "BEFORE_TO",
    "BROAD_STEMS",
    "BROAD_WORDS",
    "INFORM_STEMS",
    "INFORM_WORDS",
    "STANCE_STEMS",
    "STANCE_WORDS",
    "NOT_VIEWS",
    "VIEWS_ONLY",
]

#: Verbs of speech and reporting, in every form a news sentence uses them.
INFORM_STEMS = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "add": "add adds added adding",
    "state": "stated stating state states",
    "note": "noted noting notes note",
    "explain": "explain explains explained explaining",
    "confirm": "confirmed confirms confirming confirm",
    "reveal": "revealed reveals revealing reveal",
    "disclose": "disclosed discloses",
    "announce": "announced announces announcing announce",
    "insist": "insisted insists insisting insist",
    "warn": "warned warns warn warning",
    "claim": "claimed claiming claim",
    "argue": "argue argues argued arguing",
    "assert": "asserted asserts asserting",
    "maintain": "maintained maintains maintaining",
    "report": "reported report",
    "write": "wrote writes writing",
    "read": "read reads",
    "tweet": "tweeted tweets tweeting",
    "post": "posted",
    "reply": "replied replies replying",
    "respond": "responded responds responding",
    "answer": "answered",
    "ask": "asked asks asking",
    "acknowledge": "acknowledged acknowledges acknowledging acknowledge",
    "admit": "admitted admits admitting",
    "concede": "conceded concedes concede",
    "stress": "stressed stresses stressing",
    "emphasize": "emphasized emphasised emphasizes emphasizing emphasize",
    "recall": "recalled recalls recalling",
    "predict": "predicted predicts predicting predict",
    "suggest": "suggested suggests suggesting suggest",
    "indicate": "indicated indicates indicate",
    "estimate": "estimated estimates",
    "allege": "alleged alleges alleging allege",
    "continue": "continued",
    "comment": "commented",
    "remark": "remarked remarking",
    "observe": "observed",
    "declare": "declared declares declaring declare",
    "testify": "testified testifies",
    "reiterate": "reiterated reiterates reiterating",
    "complain": "complained complains complaining complain",
    "describe": "described describes describing",
    "call": "called calls calling",
    "deny": "denied denies denying",
    "cite": "cited cites citing cite",
    "boast": "boasted boasts",
    "promise": "promised promises",
    "vow": "vowed vows vowing",
    "urge": "urged urges urging",
    "accuse": "accused accuses accusing accuse",
    "brief": "briefed",
    "inform": "informed",
    "quip": "quipped",
    "joke": "joked",
    "shout": "shouted",
    "yell": "yelled",
    "exclaim": "exclaimed",
    "concluded": "concluded",
    "point": "pointed points point",
    "speak": "spoke speaking",
    "highlight": "highlighted highlighting",
    "echo": "echoed echoes echoing",
    "assure": "assured assures assuring",
    "caution": "cautioned cautions cautioning",
    "email": "emailed",
    "retweet": "retweeted retweets retweeting",
    "recount": "recounted recounts recounting",
    "chant": "chanted chanting chants",
    "contend": "contended contends contending",
    "counter": "countered",
    "retort": "retorted",
    "clarify": "clarified clarifies",
    "lament": "lamented laments lamenting",
    "interject": "interjected",
    "speculate": "speculated speculates",
    "muse": "mused",
    "proclaim": "proclaimed proclaims",
    "repeat": "repeating",
    "conclude": "concludes",
    "rebut": "rebut rebutted",
    "articulate": "articulated",
}
#: Verbs that attribute a view or a stance without making anyone a source.
STANCE_STEMS = {
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
    "support": "supports supported support",
    "oppose": "opposes opposed",
    "object": "objected objects objecting",
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
    "wonder": "wondered wonders wondering wonder",
    "advise": "advised advises advising advise",
    "attack": "attacked attacks attacking",
    "mock": "mocked mocks mocking",
    "slam": "slammed slams slamming",
    "blast": "blasted blasts blasting",
    "condemn": "condemned condemns condemning",
    "demand": "demanded demands demanding",
    "push": "pushed",
    "grumble": "grumble grumbles grumbled grumbling",
    "extol": "extol extols extolled extolling",
}
#: Broad cues: beliefs, wishes, evaluations and endorsements that annotation
#: schemes count as attributions but a copy desk does not read as sourcing.
BROAD_STEMS = {
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
    "charge": "charged charging charge",
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
    "credit": "credited credit credits",
    "congratulate": "congratulated",
    "balk": "balked balk balks balking",
    "distance": "distanced",
    "brush": "brushed",
    "allude": "alluding alluded",
    "fear": "fearing",
    "consider": "considers",
    "order": "ordered",
    "promise": "promising",
    "point": "pointing",
    "express": "express",
    "expect": "expecting",
    "realize": "realized",
    "weigh": "weighed weighing",
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

#: Cues only before "to".
BEFORE_TO = words("eager")
#: Every form of each kind.
INFORM_WORDS = frozenset(w for forms in INFORM_STEMS.values() for w in forms.split())
STANCE_WORDS = frozenset(w for forms in STANCE_STEMS.values() for w in forms.split())
BROAD_WORDS = frozenset(w for forms in BROAD_STEMS.values() for w in forms.split())

_AMBIGUOUS_FORMS = {
    "estimates", "claims", "reports", "views", "calls", "cites", "promises", "shows",
    "found", "called", "calling", "described", "describing", "speaking", "spoke", "writing",
    "continued", "pointed", "informed", "see", "saw", "know", "knew", "view", "viewed",
    "posted", "estimated", "briefed", "highlighted", "highlighting", "expect", "expects",
    "want", "wanted", "support", "supports", "supported", "opposed", "opposes", "feel", "felt",
    "accused", "accuses", "accusing", "urge", "urges", "urged", "urging", "denied", "denies",
    "denying", "answered", "concluded", "pledged", "plans", "planned", "offers", "offering", "seeking",
    "attacks", "attacking", "questions", "pushed", "tweets", "doubts", "feels",
    "add", "tell", "knows", "report", "objects", "believed", "thought", "points", "responded", "responds",
}  # fmt: skip

#: Ambiguous forms read as broad cues, without a clause, when a person or a
#: body is their subject ("Ruiz described the plan as …", "the poll shows …").
AMBIGUOUS_BROAD = words("""called calling calls continued accused accuses accusing described describing responded
    urged urging urges pointed supported supports opposed opposes denied denies concluded speaking
    highlighted highlighting cites answered briefed writing knows expect expects shows found spoke posted
    pushed wanted want support insist warn declare reveal acknowledge predict suggest indicate announce cite
    complain emphasize rebut note claim charge feel feels felt know knew knows thought believed""")
#: Forms that are as often nouns or adjectives: cues only when they open a
#: clause (“that”, a colon, a quotation) or follow a pronoun. Present forms of
#: speech verbs speak only before a clause ("insist that"); else ("will not
#: insist on", "to announce") they are broad at most.
AMBIGUOUS = frozenset(
    _AMBIGUOUS_FORMS
    | words(
        """insist warn declare reveal acknowledge predict suggest indicate announce cite complain emphasize rebut
        point note claim charge"""
    )
)

#: Cue forms that report an act rather than a view: a crowd doing them is not a
#: vague attribution ("many declined to comment", "advocates unveiled a plan").
NOT_VIEWS = words("""plan plans planned planning seek seeks sought seeking decline declines declined declining refuse
    refuses refused refusing offer offers offered offering pledge pledges pledged pledging threaten threatens
    threatened threatening issue issued order ordered approve approves approved unveil unveiled outline outlined
    outlining detail detailing list listed lists identify identified thank thanked thanking discuss discussed
    discussing talk talks talked talking spar sparred remember remembers remembered realize realized reference
    referenced referencing designate designated designates designating congratulate congratulated distance
    distanced brush brushed invoke invoked invokes invoking signal signals signaled signalled signaling show shows
    showed find finds found read reads ask asks asked asking answer answered respond responds responded
    responding reply replies replied replying brief briefed inform informed email emailed propose proposes
    proposed proposing promise promises promised promising vow vows vowed vowing testify testified testifies
    recount recounts recounted recounting recall recalls recalled recalling chant chants chanted chanting shout
    shouted yell yelled speak spoke speaking post posted tweet tweets tweeted tweeting retweet retweets
    retweeted retweeting write writes wrote writing continue continued repeat repeating mention mentions
    mentioned mentioning remind reminds reminded reminding convince convinced eager want wants wanted revealed
    reveals disclosed announce announces announced announcing""")
#: The views a group of witnesses voices ("residents complained"); their plain
#: speech is testimony ("residents said they heard shots").
VIEWS_ONLY = words("""complain complains complained complaining believe believes believed think thinks thought feel
    feels felt fear fears feared worry worries worried doubt doubts doubted accuse accuses accused accusing blame
    blames blamed blaming criticize criticized criticised criticizes condemn condemned condemns denounce
    denounced denounces praise praised praises welcome welcomed welcomes hope hopes hoped question questioned
    demand demanded demands lament lamented grumble grumbled grumbling suspect suspected""")
