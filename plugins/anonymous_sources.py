"""NL2: anonymous sources."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint import Analysis, Document, Related, Rule, Severity, Violation, hookimpl
from newslint.analysis.attribution import words
from newslint.analysis.sources import NAMED_WITHIN

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
_NAME = re.compile(r"\b(?:[A-Z][\w’'-]+\.?\s+){1,4}[A-Z][\w’'-]+")
_LEDE_GENERIC = words(
    """a an the one two three several some senior top former current unnamed anonymous official officials
    source sources person people government american us"""
)


class AnonymousSource(Rule):
    """What it checks: the first mention of a source of information whose identity
    is withheld ("a senior official said", "sources told", "an unnamed military
    source", "people familiar with the matter"). The message says whether the
    article gives a reason for the anonymity; a bare "a source" is the worst case.

    Why it matters: AP holds that quoting "a source", unmodified, is almost
    always prohibited and that the story must say why anonymity was granted;
    the NYT asks why the source is speaking and why confidentiality was demanded.
    Readers cannot weigh information whose origin they cannot see.

    Example: "An anonymous military source said the missiles were intercepted."

    How to fix: name the source; if that is impossible, describe how the source
    knows ("a commander who took part in the operation") and say why anonymity
    was granted ("because he was not authorized to speak publicly"). Later
    references to the same source ("the military source added") are not flagged.
    """

    code = "NL201"
    name = "anonymous-source"
    summary = "A source of information is not named"
    severity = Severity.WARNING

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        text = document.text
        for src in analysis.anonymous_sources:
            phrase = " ".join(text[src.start : src.end].split())
            if not src.explicit and not _informs(text, src):
                continue
            if not src.explicit and _named_after_lede(text, analysis, src, phrase):
                continue
            if src.bare:
                message = f"“{phrase}” is a bare unnamed source: say who they are and how they know"
                message += (
                    "; a reason for anonymity is given" if src.reason else ", and why anonymity was granted"
                )
            elif src.reason is not None:
                message = f"“{phrase}” is not named; a reason for anonymity is given"
            else:
                message = f"“{phrase}” is not named, and no reason for anonymity is given"
            related = [
                Related(document.locate(s.start, s.end), "later reference to the same source")
                for s in src.later
            ]
            yield self.violation(document, src.start, src.end, message, related)


def _informs(text: str, src) -> bool:
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
    verb = text[a.cue.start : a.cue.end].split()
    verb = verb[0] if verb else ""
    if _STANCE.match(verb) or _CALL_FOR.match(text, a.cue.start):
        return False
    if _PROPOSING.match(verb):
        return not _proposes(text, a.cue.start + len(verb))
    return True


def _named_after_lede(text: str, analysis, src, phrase: str) -> bool:
    """A lede's official whose capitalised title words come back with a name a few sentences on.

    "A top State Department official acknowledged …" then "Deputy Secretary of
    State William Burns, testifying …". Only in the story's first paragraph:
    later, "a White House official" next to a named press secretary is still
    unnamed.
    """
    sentences = analysis.sentences
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
        for m in _NAME.finditer(body):
            near = body[max(0, m.start() - 60) : m.end() + 80]
            if any(re.search(rf"\b{re.escape(w)}\b", near) for w in titles):
                return True
    return False


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [AnonymousSource]
