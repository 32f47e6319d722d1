"""Unnamed sources of information: "a senior official said", "sources told Reuters".

A first-version extractor anchored on the head nouns of unnamed-source
phrases ("source", "official", "aide", "people familiar with …"), kept only
when the phrase informs: a speech or reporting cue stands next to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.analysis.segments import Sentence
from newslint.document import Span

# Heads of a noun phrase that describe, rather than name, a source.
_HEADS = (
    r"sources?|officials?|aides?|advisers?|advisors?|diplomats?|insiders?|"
    r"people|persons?|individuals?|staffers?|spokes(?:man|woman|person)|"
    r"officers?|administrators?|executives?|lawmakers?|negotiators?|analysts?"
)
_DETERMINER = (
    r"(?:an?|one|two|three|four|five|several|some|other|multiple|numerous|"
    r"many|unnamed|anonymous)"
)
_MODIFIER = r"(?:[A-Za-z][\w’'-]*\s+){0,4}?"
UNNAMED_PHRASE = re.compile(
    rf"\b(?P<det>{_DETERMINER})\s+{_MODIFIER}(?P<head>{_HEADS})\b"
    rf"|\b(?P<bare>sources|officials|aides)\b(?=\s+(?:said|say|says|told|close|familiar|with|who|briefed|added))",
    re.I,
)
ANONYMITY_MARK = re.compile(
    r"\b(?:unnamed|anonymous|anonymity|unidentified|declined to be (?:named|identified)|"
    r"asked not to be (?:named|identified)|not authori[sz]ed to|familiar with|"
    r"briefed on|close to the|requested anonymity|speaking privately|on background)\b",
    re.I,
)
REASON = re.compile(
    r"\b(?:because|as|since)\s+(?:he|she|they|the \w+)\s+(?:was|were|is|are)\s+not\s+authori[sz]ed"
    r"|\bnot authori[sz]ed to (?:speak|discuss|comment)"
    r"|\bto (?:discuss|describe|speak about) (?:private|internal|confidential|sensitive)"
    r"|\bfor fear of\b|\bbecause of the sensitivity\b|\bbecause (?:the|of)\b[^.]{0,60}\b(?:sensitive|private|confidential|classified)\b",
    re.I,
)
CUE = re.compile(
    r"\b(?:said|says|say|saying|told|tells|added|adding|stated|noted|explained|confirmed|"
    r"revealed|disclosed|according to|quoted|claimed|reported|briefed|warned|insisted|"
    r"speaking on condition|spoke on condition|acknowledged|described|indicated|suggested)\b",
    re.I,
)
# A named person: a capitalised first and last name (with particles).
_NAMED = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:al-|bin |van |de |[A-Z]\.\s)?[A-Z][\w’'-]+)+")


@dataclass(frozen=True)
class AnonymousSource(Span):
    """A first mention of an unnamed source of information.

    ``reason`` is the span giving why anonymity was granted, if any;
    ``bare`` is True for a plain "a source"/"sources" with no description.
    """

    sentence: int
    reason: Span | None
    bare: bool
    explicit: bool  # marked anonymous ("unnamed", "who spoke on condition of anonymity")


def find_anonymous_sources(text: str, sentences: list[Sentence]) -> list[AnonymousSource]:
    found: list[AnonymousSource] = []
    for sent in sentences:
        body = text[sent.start : sent.end]
        for m in UNNAMED_PHRASE.finditer(body):
            start, end = sent.start + m.start(), sent.start + m.end()
            phrase = m.group(0)
            if not CUE.search(body):
                continue  # people who act rather than inform
            det = (m.group("det") or "").lower()
            head = (m.group("head") or m.group("bare") or "").lower()
            window = body[m.start() : m.end() + 120]
            explicit = bool(ANONYMITY_MARK.search(window)) or det in ("unnamed", "anonymous")
            if not explicit and _named_nearby(text, end):
                continue  # "a senior official, John Smith," or a lede named soon after
            reason = REASON.search(text, sent.start, min(len(text), sent.end + 200))
            bare = phrase.lower() in ("a source", "sources", "one source") or (
                head.startswith("source") and len(phrase.split()) <= 2
            )
            found.append(
                AnonymousSource(
                    start,
                    end,
                    sent.index,
                    Span(reason.start(), reason.end()) if reason else None,
                    bare,
                    explicit,
                )
            )
    return found


def _named_nearby(text: str, end: int) -> bool:
    """A named person follows within a short stretch (the same or next paragraphs)."""
    return bool(_NAMED.search(text, end, min(len(text), end + 600)))
