"""Casualty claims: explicit counts of people killed, injured, shot or missing.

"two civilians dead", "killed 14 people", "the death toll rose to 30", "one
person was injured", "A man was shot and killed" (a count of one), "Three
people were shot, one fatally", "killed several civilians as well as two
Iranian military advisers". Each claim has a count (``low``..``high``), a
condition (killed, injured, shot, missing, victims), a victim group as written
("Iranian military advisers") with a normalised key ("adviser"), and whether
its sentence or paragraph attributes it, with a normalised source key.

Speed: a cheap scan for condition words picks the sentences worth reading;
only those are matched against the claim patterns, which are bounded (no
open-ended repetition). Numbers that are not casualties (ages, dates, times,
model numbers, distances) fail these patterns because a count must sit next
to a person noun or a casualty word. The large patterns (those embedding the
count grammar) are compiled on first use, not at import.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from newslint.analysis._scan import fold_lower
from newslint.analysis.attribution import Attribution
from newslint.analysis.lexicon.casualties import (
    INSTITUTIONAL_SOURCES,
    MORE_PERSON_NOUNS,
    NO_SOURCE,
    SOURCE_PRONOUNS,
)
from newslint.analysis.numbers import COUNT, TENS, UNITS, LazyPattern, parse_count
from newslint.analysis.quotes import Quote
from newslint.analysis.segments import Paragraph, Sentence
from newslint.spans import Span

__all__ = [
    "COMPATIBLE",
    "GENERIC_GROUPS",
    "TOLL_CLASS",
    "CasualtyClaim",
    "Tally",
    "find_casualty_claims",
    "single_voice",
    "tally",
    "year_of",
]

# Person nouns that can head a victim group, with their normalised key.
# Generic ones ("people", "victims") match any group when corroborating.
_HEAD_KEYS = {
    "people": "people",
    "person": "people",
    "persons": "people",
    "individuals": "people",
    "individual": "people",
    "others": "people",
    "other": "people",
    "victims": "victim",
    "victim": "victim",
    "men": "man",
    "man": "man",
    "women": "woman",
    "woman": "woman",
    "children": "child",
    "child": "child",
    "kids": "child",
    "kid": "child",
    "boys": "boy",
    "boy": "boy",
    "girls": "girl",
    "girl": "girl",
    "babies": "baby",
    "baby": "baby",
    "infants": "baby",
    "infant": "baby",
    "toddlers": "toddler",
    "toddler": "toddler",
    "teens": "teen",
    "teen": "teen",
    "teenagers": "teen",
    "teenager": "teen",
    "adults": "adult",
    "adult": "adult",
    "students": "student",
    "student": "student",
    "civilians": "civilian",
    "civilian": "civilian",
    "soldiers": "soldier",
    "soldier": "soldier",
    "troops": "soldier",
    "officers": "officer",
    "officer": "officer",
    "deputies": "officer",
    "deputy": "officer",
    "firefighters": "firefighter",
    "firefighter": "firefighter",
    "advisers": "adviser",
    "adviser": "adviser",
    "advisors": "adviser",
    "advisor": "adviser",
    "militants": "militant",
    "militant": "militant",
    "fighters": "fighter",
    "fighter": "fighter",
    "workers": "worker",
    "worker": "worker",
    "employees": "worker",
    "employee": "worker",
    "passengers": "passenger",
    "passenger": "passenger",
    "residents": "resident",
    "resident": "resident",
    "bystanders": "bystander",
    "bystander": "bystander",
    "pedestrians": "pedestrian",
    "pedestrian": "pedestrian",
    "customers": "customer",
    "customer": "customer",
    "worshippers": "worshipper",
    "worshipers": "worshipper",
    "protesters": "protester",
    "protestors": "protester",
    "demonstrators": "protester",
    "members": "member",
    "member": "member",
    "relatives": "relative",
    "suspects": "suspect",
    "suspect": "suspect",
    "gunmen": "gunman",
    "gunman": "gunman",
    "patients": "patient",
    "journalists": "journalist",
    "journalist": "journalist",
    "pilgrims": "pilgrim",
    "migrants": "migrant",
    "refugees": "refugee",
    "palestinians": "palestinian",
    "israelis": "israeli",
    "syrians": "syrian",
    "iraqis": "iraqi",
    "afghans": "afghan",
    "americans": "american",
    "ukrainians": "ukrainian",
    "russians": "russian",
    "iranians": "iranian",
    "mother": "mother",
    "mothers": "mother",
    "father": "father",
    "fathers": "father",
    "son": "son",
    "sons": "son",
    "daughter": "daughter",
    "daughters": "daughter",
    "brother": "brother",
    "brothers": "brother",
    "sister": "sister",
    "sisters": "sister",
    "wife": "wife",
    "husband": "husband",
    "girlfriend": "girlfriend",
    "boyfriend": "boyfriend",
    "grandmother": "grandmother",
    "grandfather": "grandfather",
    "friend": "friend",
    "friends": "friend",
    "neighbor": "neighbor",
    "neighbors": "neighbor",
    "neighbour": "neighbor",
    "neighbours": "neighbor",
    "juvenile": "juvenile",
    "juveniles": "juvenile",
    "youth": "youth",
    "youths": "youth",
    "newborn": "baby",
    "driver": "driver",
    "drivers": "driver",
    "clerk": "clerk",
    "guard": "guard",
    "guards": "guard",
    "trooper": "officer",
    "troopers": "officer",
    "homeowner": "homeowner",
    "patrons": "patron",
    "patron": "patron",
    "clubgoers": "patron",
    "club-goers": "patron",
    "partygoers": "patron",
    "party-goers": "patron",
    "concertgoers": "patron",
    "attendees": "patron",
    "shoppers": "customer",
    "innocents": "people",
    "congregants": "worshipper",
    "parishioners": "worshipper",
    "churchgoers": "worshipper",
    "spectators": "bystander",
    "motorists": "driver",
    "inmates": "inmate",
    "prisoners": "inmate",
    "hostages": "hostage",
    "males": "man",
    "male": "man",
    "females": "woman",
    "female": "woman",
    "policemen": "officer",
    "policeman": "officer",
    "agents": "officer",
    "marines": "soldier",
    "servicemen": "soldier",
    "christians": "christian",
    "muslims": "muslim",
    "egyptians": "egyptian",
    "pakistanis": "pakistani",
    "kurds": "kurd",
    "yemenis": "yemeni",
    "nigerians": "nigerian",
    "mexicans": "mexican",
}
_HEAD_KEYS.update({w: k for w, k in MORE_PERSON_NOUNS.items() if w not in _HEAD_KEYS})
GENERIC_GROUPS = frozenset({"people", "victim"})
_SINGULAR_HEADS = frozenset(
    w
    for w in _HEAD_KEYS
    if not w.endswith("s") and w not in ("people", "children", "men", "women", "troops", "gunmen")
)
# An age standing for a person: "a 4-year-old", "two 17-year-olds".
_AGE = r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ](?:year|month|week|day)s?[- ]olds?"
_HEAD = (
    "|".join(sorted((h for h in _HEAD_KEYS if h != "other"), key=len, reverse=True))
    # "other" heads a group only alone: "nine other officers" are officers
    + "|other(?!\\s+(?:"
    + "|".join(sorted(_HEAD_KEYS, key=len, reverse=True))
    + ")\\b)|"
    + _AGE
)
_AGE_HEAD = re.compile(_AGE, re.I)

# Casualty words as written, and the condition they report.
_CONDITION_WORDS = {
    "killed": "killed",
    "dead": "killed",
    "died": "killed",
    "die": "killed",
    "slain": "killed",
    "murdered": "killed",
    "stabbed": "victim",
    "deaths": "killed",
    "fatalities": "killed",
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "injuries": "injured",
    "hospitalized": "injured",
    "hospitalised": "injured",
    "shot": "shot",
    "missing": "missing",
    "casualties": "casualties",
}
# A count: the shared number pattern, or an article standing for one.
_COUNT = rf"(?P<count>(?:{COUNT})|an?|another)"
# Up to three modifiers between a count and its head noun ("Iranian military").
_STOP = (
    r"(?:were|was|are|is|and|or|of|in|at|on|by|to|who|that|with|from|for|have|has|had|been|the|a|an|their|his|her|its|"
    r"than|as|after|before|during|near|outside|inside|into|over|under|about|among|between|through|against|"
    r"without|arrested|charged|accused|suspected|sought|held|old|yo|years?|months?|weeks?|days?)"
)
_MOD = rf"(?P<mod>(?:(?!{_STOP}\b)(?:[\w’'-]+|(?:[a-z]\.){{2,3}})\s+){{0,3}}?)"
_GROUP = rf"{_MOD}(?P<head>{_HEAD})\b"
_ADVERB = r"(?:found|confirmed|subsequently|accidentally|apparently|allegedly|fatally|critically|seriously|severely|mortally|gravely|badly|slightly|non-fatally|reportedly|also|later|all|both)"
_PASSIVE_COND = (
    r"(?P<cond>shot\s+(?:and\s+)?(?:killed|dead|to\s+death|wounded|injured|(?:later\s+)?died)|shot|killed|"
    r"(?:pronounced|declared)\s+dead|(?:found|discovered)\s+dead|dead|died|"
    r"injured|wounded|hurt|missing|hospitali[sz]ed|slain|murdered|stabbed|lost\s+their\s+lives|stabbed\s+to\s+death|"
    # struck or hit by gunfire, grazed: shot ("four people had been struck by gunfire")
    r"(?:struck|hit|grazed)\s+(?:by\s+(?:gunfire|(?:a\s+|stray\s+)?bullets?|rounds?|shotgun\s+pellets|(?:gun)?shots)|in\s+the\s+[a-z]+)|"
    # taken to a hospital: hurt ("two children were taken to Texas Children's Hospital")
    r"(?:taken|rushed|transported|airlifted|flown|sent)\s+to\s+(?:[\w’'.-]+\s+){0,4}?"
    r"(?:hospitals?|medical\s+cent(?:er|re)s?|trauma\s+cent(?:er|re)s?)|"
    r"(?:remain(?:s|ed)?\s+)?in\s+(?:critical|serious|grave)\s+condition|"
    r"(?:suffer(?:ing|ed|s)|sustain(?:ing|ed|s)|with|treated\s+for)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:gunshot\s+wounds?|bullet\s+wounds?|injuries|wounds))\b"
)
# "Four people were wounded", "A man was shot and killed", "two civilians dead",
# "Two men, ages 20 and 25, were shot", "a 2-year-old boy died".
_AUX = r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)"
_SUBJECT_FIRST = LazyPattern(
    rf"\b{_COUNT}\s+{_GROUP}"
    # an apposition, or a short relative or participle clause before the verb:
    # "Two men, ages 20 and 25, were shot"; "A man sitting in his car was shot"
    rf"(?:\s*,[^,.;:]{{1,60}},|\s+(?:--|[—–-])\s+[^.;:—–]{{1,60}}?\s+(?:--|[—–-])"
    rf"|(?:\s+(?!(?:and|or|but|would|could|might|may|should|not|never|if|after|before|when|while|because|since|until|following|as)\b)"
    rf"(?![\w’'-]*n[’']t\b)[\w’'-]+){{1,6}}?(?=\s+(?:{_AUX}|has|have|had)\s))?"
    rf"(?:\s+(?:who|that|were|was|are|is|have|has|had|been|being|got|{_ADVERB})){{0,4}}\s+{_PASSIVE_COND}",
    re.I,
)
# An age standing for one person, as headlines write it: "6-year-old girl
# injured", "13-month-old boy fatally shot" (with "the"/"his" before it, one
# referred-back victim).
_AGE_SUBJECT = LazyPattern(
    rf"(?P<count>{_AGE})(?:\s+(?P<head>{_HEAD}))?\b"
    rf"(?:\s+(?:who|that|was|is|has|had|been|{_ADVERB})){{0,3}}\s+{_PASSIVE_COND}",
    re.I,
)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|his|her|their|its|our|my|your)\s+\Z", re.I)
# Coordinated subjects: "two women and a baby are dead".
_NOUN_PHRASE = LazyPattern(rf"{_COUNT}\s+(?:of\s+(?:his|her|their|its|the)\s+)?{_GROUP}", re.I)
_AND = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)
_SUBJECT_TAIL = LazyPattern(
    rf"(?:\s+(?:who|that|were|was|are|is|have|has|had|been|being|got|{_ADVERB})){{0,4}}\s+{_PASSIVE_COND}",
    re.I,
)
# "killed 14 people", "left two civilians dead", "killing one person".
_VERB = (
    r"(?P<verb>claimed\s+the\s+lives\s+of|(?:fatal\s+)?shooting\s+deaths?\s+of|deaths\s+of|killings?\s+of|"
    r"executions?\s+of|massacre\s+of|stabbings?\s+of|(?:fatal\s+)?stabbing\s+deaths?\s+of|woundings?\s+of|"
    r"massacred|massacring|executed|executing|stabbed|stabbing|"
    r"murders?\s+of|slayings?\s+of|fatal\s+shootings?\s+of|shootings?\s+of|fatally\s+(?:shot|shooting|wounded|wounding)|shot\s+and\s+killed|"
    r"killed|killing|kills|wounded|wounding|wounds|injured|injuring|injures|hurt|hurting|"
    r"left|leaving|leaves|shot|shooting|shoots|sent|sending|sends|murdered|murdering|"
    r"received|receiving|treated|treating|admitted)"
)
_OBJECT_AFTER = LazyPattern(
    rf"\b{_VERB}\s+(?:(?:his|her|their|its)\s+|another\s+|an\s+additional\s+|a\s+total\s+of\s+)?{_COUNT}\s+"
    rf"(?:of\s+(?:his|her|their|its|the)\s+)?{_GROUP}"
    r"(?:\s+(?P<tail>dead|injured|wounded|hurt|to\s+(?:the\s+|a\s+|area\s+|local\s+)?hospitals?))?",
    re.I,
)
# "killed one and wounded two": a count with no noun, ended by a clause break.
_OBJECT_BARE = LazyPattern(rf"\b{_VERB}\s+(?P<bare>{COUNT})(?=\s*(?:[,.;](?!\d)|and\b|$))", re.I)
# "... as well as two Iranian military advisers": more objects of the same verb.
_MORE_OBJECTS = LazyPattern(
    rf"(?:\s*,\s*|\s+and\s+|\s+as\s+well\s+as\s+|\s+along\s+with\s+|\s+including\s+){_COUNT}\s+{_GROUP}"
    r"(?:\s+(?P<tail>dead|injured|wounded|hurt))?",
    re.I,
)
# "3 dead", "two injured", "14 deaths", "five shooting victims".
_BARE = LazyPattern(
    rf"\b(?P<count>{COUNT}|another)\s+(?:now\s+)?(?:(?P<shooting>shooting|gunshot)\s+)?"
    rf"(?P<cond>dead|killed|injured|wounded|hurt|hospitali[sz]ed|deaths|fatalities|injuries|casualties|victims|"
    r"shot(?:\s+and\s+killed|\s+dead|\s+to\s+death)?)\b",
    re.I,
)
# "115 coronavirus deaths", "two traffic fatalities": a kind of death between count and noun.
_KIND_DEATHS = LazyPattern(
    rf"\b(?P<count>{COUNT})\s+(?:(?!{_STOP}\b)[a-z][\w’'-]*\s+){{1,2}}?(?P<cond>deaths|fatalities)\b",
    re.I,
)
# "claimed 346 lives", "took the lives of", "four lives were lost".
_LIVES = LazyPattern(
    rf"\b(?:claimed|took|cost|costing|claiming|taking)\s+(?:the\s+)?(?P<count>{COUNT})\s+lives\b"
    rf"|\b(?P<count2>{COUNT})\s+lives\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:lost|claimed|taken)\b",
    re.I,
)
# The victims' care, with or without a noun: "Six remained in critical
# condition", "two of them are in serious condition", "seven are in stable
# condition", "the other four are stable", "another five were treated and
# released", "Seven more people were treated at the hospital", "two others
# continue to receive treatment", "one other person remained hospitalized".
_IN_CONDITION = LazyPattern(
    rf"\b(?P<count>{COUNT})\s+(?:(?:more|other|additional)\s+)?(?:(?:gunshot|shooting)\s+)?"
    r"(?:(?:people|persons?|victims?|patients?|others|of\s+(?:them|those|the\s+[a-z]+))\s+)?"
    r"(?:(?:remain(?:s|ed)?|were|are|was|is)\s+(?:still\s+)?(?:listed\s+)?"
    r"(?:in\s+(?:critical|serious|grave|stable|fair|good)(?:\s+but\s+stable)?\s+condition\b|stable\b(?!\s+(?:enough|but|and|economically|politically|financially|in\s+the\s+polls)\b))"
    r"|(?:were|was|have\s+been|had\s+been)\s+treated\s+(?:and\s+released|at|for|in)\b"
    r"|(?:remain(?:s|ed)?|were|was|are|is)\s+(?:still\s+)?hospitali[sz]ed\b"
    r"|continu(?:e|es|ed|ing)\s+to\s+(?:receive\s+(?:medical\s+)?(?:treatment|care)|be\s+(?:treated|hospitali[sz]ed)))",
    re.I,
)
# "the death toll rose to 30".
_TOLL = LazyPattern(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed))\b(?:\s+[\w’'-]+){0,4}?\s+"
    r"(?:rose|rises|risen|climbed|climbs|stands|stood|reached|reaches|is|was|hit|hits|jumped|increased|grew|now)"
    rf"\s+(?:to\s+|at\s+)?(?P<count>{COUNT})(?![\w-])",
    re.I,
)
# "bringing the death toll after the rampage to 5", "raised the toll to 30".
_TOLL_TO = LazyPattern(
    r"\b(?:bring(?:s|ing)?|brought|rais(?:e|es|ed|ing)|push(?:es|ed|ing)?|put(?:s|ting)?)\s+the\s+"
    r"(?:[\w’'-]+\s+){0,3}?(?:death\s+)?toll\b[^.;:!?]{0,80}?\s+to\s+"
    rf"(?P<count>{COUNT})(?![\w-])",
    re.I,
)
# A running total: "Total dead: Two.", "Total hit up to 17", "bringing the
# total injured by gunfire to 17", "the total number of victims rose to 9".
_TOTAL = LazyPattern(
    r"\btotal\s+(?:number\s+of\s+)?(?P<what>dead|deaths|killed|injured|wounded|hurt|hit|shot|victims|casualties)"
    r"(?:\s+by\s+(?:gunfire|bullets))?"
    r"(?:\s*:\s*|\s+(?:(?:now\s+)?(?:rose|rises|risen|climbed|climbs|stands|stood|reached|reaches|is|was|"
    r"jumped|jumps|increased|grew|went|goes|now|hit|hits)\s+)?(?:up\s+)?(?:to|at)\s+)"
    rf"(?P<count>{COUNT})(?![\w-])",
    re.I,
)
# A named victim and a count beside them: "Gunfire struck Milner and three
# others", "shooting Ana Ruiz, 21, and three members of her family".
_NAMED_AND_COUNT = LazyPattern(
    r"\b(?P<verb>struck|strikes|striking|shot|shoots|shooting|killed|kills|killing|"
    r"wounded|wounds|wounding|injured|injures|injuring|murdered|murdering)\s+"
    r"(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]+(?:\s*,\s*\d{1,3}\s*,)?\s+and\s+"
    rf"(?P<count>{COUNT})\s+"
    r"(?:others\b|other\s+(?:people|persons|victims|men|women|teens|children)\b"
    r"|(?:members|relatives)\s+of\s+(?:his|her|their|the)\s+family\b"
    r"|of\s+(?:his|her|their)\s+(?:children|relatives|friends|family\s+members|sons|daughters)\b)",
)
# "one of them died", "two of whom were killed", "one fatally" (after "were shot").
_SUBSET = LazyPattern(
    rf"\b(?P<count>{COUNT})\s+(?:of\s+(?:them|whom|those|the\s+victims)\s+)?"
    r"(?:(?:were|was|have|has|had|later)\s+){0,2}(?P<cond>died|killed|fatally)\b",
    re.I,
)
# A single victim named or referred back to ("Thompson was pronounced dead",
# "the victim died", "he was shot"): not a figure, but it counts in a tally.
_DEFINITE_COND = (
    r"(?P<cond>(?:pronounced|declared)\s+(?:brain[\s-])?dead|shot\s+and\s+killed|shot\s+to\s+death|shot\s+dead|"
    r"fatally\s+(?:shot|wounded|injured)|killed|found\s+dead|shot)\b"
)
# Passive ("was shot and killed") or intransitive ("died"), never active
# ("Airstrikes killed 14 people" is a count, read elsewhere).
_DEFINITE_TAIL = re.compile(
    rf"(?:{_AUX}\s+(?:later\s+|also\s+|reportedly\s+|found\s+)?{_DEFINITE_COND}"
    r"|(?:later\s+)?(?P<died>died|dies)\b)",
    re.I,
)
_DEFINITE_SUBJECT = LazyPattern(
    rf"(?:\b(?:[A-Z][a-z’'-]+\s*){{1,3}}|\b(?i:he|she)\s+"
    rf"|\b(?i:the|his|her|their)\s+(?:[\w’'-]+\s+){{0,2}}?(?i:{_HEAD})\s+)(?:,\s*\d{{1,3}}\s*,\s*)?\Z"
)
_NEGATION = re.compile(r"\b(?:no\s+one|nobody|none|no|neither)\s+\Z", re.I)
_DEFINITE_START = re.compile(r"\b(?:was|were|is|are|has|have|had|later|died|dies)\b")
_FATAL_EVENT = re.compile(r"\b(?:fatal(?:ly)?\s+shooting|shooting\s+death|murder-suicide)\b", re.I)
# One victim without a count: a headline's bare noun ("Man shot in knee",
# "Teen accidentally shot"), a pronoun object ("shot himself", "shot her"),
# a hospital condition ("is in critical condition", "with non-life-threatening
# injuries"). Tallies count them; the figure rules do not.
_HEADLINE_SUBJECT = LazyPattern(
    rf"(?P<head>{'|'.join(sorted((h.capitalize() for h in _SINGULAR_HEADS), key=len, reverse=True))})"
    rf"(?:\s+{_ADVERB}|\s+accidentally|\s+{_AUX})*\s+{_PASSIVE_COND}"
)
_ONE_VICTIM = re.compile(
    r"\b(?P<killed>fatally\s+)?(?:shot|shoots|shooting)\s+(?:himself|herself|him|her)\b"
    r"|\b(?P<injured>in\s+(?:critical|serious|stable|fair|good|grave)(?:\s+but\s+stable)?\s+condition"
    r"|with\s+(?:a\s+)?non-?\s?life[-\s]threatening\s+(?:injuries|injury|wounds?|gunshot\s+wounds?))",
    re.I,
)
# "shot and killed his friend", "kills 3-year-old brother", "killed himself".
_KILLED_SOMEONE = LazyPattern(
    r"(?:shot\s+and\s+killed|shoots\s+and\s+kills|fatally\s+(?:shot|shoots|shooting)|killed|kills|killing|"
    r"murdered|murdering)\s+"
    rf"(?P<object>(?:(?:his|her|their|the|a|an|its)\s+)?(?:[\w’'-]+\s+){{0,2}}?(?:{_HEAD}|himself|herself|him|her))\b",
    re.I,
)
# "shot his younger brother", "wounding a bystander".
_SHOT_SOMEONE = LazyPattern(
    r"(?:shot|shoots|shooting|wounded|wounding|injured|injuring)\s+"
    rf"(?P<object>(?:his|her|their|the|a|an|its)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_HEAD}))\b",
    re.I,
)
# "a quadruple shooting": a count of victims in one word.
_MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
_MULTIPLE_EVENT = re.compile(
    r"\b(?P<n>double|triple|quadruple|quintuple)[\s-]+(?P<what>shootings?|homicides?|murders?|fatal)\b", re.I
)
# Where a count can start (digits, number words, qualifiers, articles) and
# where a casualty verb stands: the only places the patterns above are tried.
# Both run on the lower-cased sentence.
_COUNT_START = re.compile(
    r"\b(?:\d|(?:a|an|another|at|more|over|no|fewer|less|up|as|nearly|almost|about|around|roughly|"
    r"approximately|some|between|several|few|couple|handful|dozens?|scores|hundreds|thousands|many|"
    rf"numerous|multiple|{'|'.join(UNITS)}|{'|'.join(TENS)})\b)",
)
_VERB_START = re.compile(
    r"\b(?:claimed|fatal|fatally|shooting|shootings|deaths|killings?|murders?|slayings?|killed|killing|kills|"
    r"wounded|wounding|wounds|injured|injuring|injures|hurt|hurting|left|leaving|leaves|shot|shoots|"
    r"executions?|massacre|massacred|massacring|executed|executing|stabbed|stabbing|stabbings|woundings?|"
    r"sent|sending|sends|murdered|murdering|received|receiving|treated|treating|admitted)\b",
)
# The cheap pre-scan (on the lower-cased text): a sentence without one of
# these at the start of a word holds no claim.
_CUE_STEMS = (
    "kill",
    "dead",
    "die",
    "slain",
    "murder",
    "death",
    "fatal",
    "injur",
    "wound",
    "hurt",
    "shot",
    "shoot",
    "missing",
    "hospitali",
    "casualt",
    "victim",
    "toll",
    "lives",
    "struck",
    "grazed",
    "gunfire",
    "bullet",
    "hospital",
    "execut",
    "massacr",
    "stab",
    "condition",
    # care: "the other four are stable", "five were treated and released",
    # "two others continue to receive treatment"
    "stable",
    "treated",
    "receive treatment",
    "receiving treatment",
)
# A running total ("Total dead: Two", "the total injured by gunfire"): "total"
# is a cue only before one of these (political copy says "total" often).
_TOTAL_WORDS = (
    "dead",
    "death",
    "kill",
    "injur",
    "wound",
    "hurt",
    "hit",
    "shot",
    "victim",
    "casualt",
    "number of dead",
    "number of death",
    "number of victim",
    "number of people",
    "number of injur",
)


def _cue_starts(lower: str) -> list[int]:
    """Where a cue stem starts a word in ``lower``, in order.

    The same places as ``\\b(?:kill|dead|...)`` finds, but a search per stem
    (str.find skips ahead by whole stems) is twice as fast as the regular
    expression, which tries its alternatives at every letter.
    """
    found = set()
    for stem in _CUE_STEMS:
        i = lower.find(stem)
        while i >= 0:
            if i == 0 or not (lower[i - 1].isalnum() or lower[i - 1] == "_"):  # \b before a letter
                found.add(i)
            i = lower.find(stem, i + 1)
    i = lower.find("total ")
    while i >= 0:
        if (i == 0 or not (lower[i - 1].isalnum() or lower[i - 1] == "_")) and lower.startswith(
            _TOTAL_WORDS, i + 6
        ):
            found.add(i)
        i = lower.find("total ", i + 1)
    return sorted(found)


# Casualty words that end a subject-first claim (on the lower-cased sentence).
_COND_WORD = re.compile(
    r"\b(?:kill|dead|die|slain|murder|death|fatal|injur|wound|hurt|shot|missing|hospitali|casualt|victim|"
    r"pronounced|lives|shoot|toll|struck|grazed|gunfire|bullet|hospital|execut|massacr|stab|condition|stable|"
    r"treat|total)"
)
# "no one was hurt", "none", "the mother of two died", "a father of three":
# the number is no count of victims.
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\b(?:no|not\s+a\s+single)\s+|\b(?:mother|father|mom|mum|dad|parent|grandmother|grandfather|"
    r"grandparent|grandma|grandpa)s?\s+of\s+"
    # a gallery's numbering: "Image 1 of / 10", "Photo 3 of 12"
    r"|\bof\s*/\s*|\b(?:image|photo|slide|picture|video)s?\s+\d+\s+of\s+)\Z",
    re.I,
)
_SHOTS_FIRED_BEFORE = re.compile(
    r"\b(?:fir(?:e|ed|es|ing)|heard|hear|let\s+off|squeezed\s+off|took|take|taking|getting\s+off|got\s+off)\s+"
    r"(?:off\s+)?(?:[\w-]+\s+){0,2}\Z",
    re.I,
)
_SHOTS_FIRED_AFTER = re.compile(
    r"\s+(?:(?:was|were|had\s+been|have\s+been)\s+(?:fired|heard|let\s+off)|struck|hit|rang|went|fired|into)\b",
    re.I,
)
_NUMBER_WORD = re.compile(rf"\d|\b(?:{'|'.join(UNITS)}|{'|'.join(TENS)}|hundred|thousand|dozen)\b", re.I)
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$",
    re.I,
)

# Attribution, until the shared attribution layer can answer "who says so?"
# for any span: speech and reporting cues, and institutions that are sources
# of casualty figures. TODO: read the shared attribution analysis once it
# covers figures, and drop this helper.
_ATTRIBUTION = re.compile(
    r"\b(?:(?P<according>according\s+to)|(?P<verb>"
    # not the agentless hedge: "one is said to be in critical condition"
    r"(?:said|reported|says|reports)(?!\s+to\s+(?:be|have)\b)|say|saying|told|tells|added|stated|"
    r"confirmed|confirms|announced|quoted|claimed(?!\s+(?:the\s+)?(?:[\w,]+\s+)?lives)|maintains|"
    r"indicated|indicates|revealed|reveals|estimated|estimates|counted|recorded|recalled|recounted|"
    # witnesses "described seeing", not a suspect "described as a man"
    r"described(?!\s+(?:\w+\s+)?as\b)|describes(?!\s+(?:\w+\s+)?as\b)))\b",
    re.I,
)
_WORDS_AFTER = re.compile(r"\s+((?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,3})")
_DETERMINERS = re.compile(
    r"^(?:the|a|an|an?\s+unnamed|an?\s+anonymous|unnamed|anonymous|local|that|this)\s+|[’']s?$", re.I
)
_TRAILING = frozenset({"and", "or", "the", "of", "a", "an", "also", "later", "had", "has", "have"})


@dataclass(frozen=True)
class CasualtyClaim(Span):
    """An explicit casualty figure. ``start``/``end`` cover the count and its group.

    ``low``..``high`` is the count (``high`` None: open above, "at least 30");
    ``exact`` is False for ranges and qualified counts, ``vague`` for
    "several", "dozens". ``condition`` is killed, injured, shot, missing,
    casualties or victim; ``group`` the victims as written ("Iranian military
    advisers", "" when unsaid) and ``group_key`` its normalised head noun
    ("adviser"; "people" when unsaid). ``source`` is the normalised source
    ("military source", "police") when the sentence or its paragraph
    attributes the figure, else "".
    """

    low: float
    high: float | None
    exact: bool
    vague: bool
    condition: str
    group: str
    group_key: str
    sentence: int
    source: str
    #: A single victim named or referred back to ("Thompson died"): not a
    #: count the reporter gives, so the figure rules skip it; tallies use it.
    definite: bool = False
    #: Background, not the story's own toll: a tally over many incidents
    #: ("20 people shot over the weekend in separate shootings", "344 killed
    #: last year") or an earlier incident ("In 2008, two were killed").
    background: bool = False
    #: Part of a toll given elsewhere: "three others were hurt", "including
    #: two children", "an additional six victims".
    partial: bool = False
    #: The count includes the attacker: "Seven people, including the gunman,
    #: were killed" (six victims).
    with_perpetrator: bool = False
    #: The count is written as a number ("one man", "2 dead"), not only
    #: implied by an article ("a man was shot", "a man and a woman were
    #: killed"): an explicit figure the reporter gives, which the figure
    #: rules check. Tallies count both.
    explicit: bool = True
    #: The count is every victim, of whom some are counted again: "one of
    #: the five people hospitalized has died" (five in all, one dead).
    of_total: bool = False

    @property
    def attributed(self) -> bool:
        return bool(self.source)

    def figure(self) -> str:
        """The count as a reader would say it: "2", "3–4", "at least 30"."""
        if self.high is None:
            return f"at least {_fmt(self.low)}"
        if self.low == self.high:
            return _fmt(self.low)
        return f"{_fmt(self.low)}–{_fmt(self.high)}"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def _condition(word: str, adverb: str = "") -> str:
    w = " ".join(fold_lower(word).split())
    if w.startswith("shot ") or w == "shot":
        if any(x in w for x in ("killed", "dead", "death", "died")):
            return "killed"
        if any(x in w for x in ("wounded", "injured")):
            return "injured"
        if fold_lower(adverb).startswith(("fatally", "mortally")):
            return "killed"
        return "shot"
    if fold_lower(adverb).startswith(("fatally", "mortally")) or w.startswith(("fatally", "mortally")):
        return "killed"
    if w in ("lost their lives", "stabbed to death", "found dead", "dies") or w.endswith("dead"):
        return "killed"
    if w.startswith(("struck", "hit ", "grazed")):
        return "shot"
    if w.startswith(("taken", "rushed", "transported", "airlifted", "flown", "sent", "remain", "in ")):
        return "injured"
    if w.endswith(("wound", "wounds", "injuries")):
        return "shot" if ("gunshot" in w or "bullet" in w) else "injured"
    return _CONDITION_WORDS.get(w, w)


def _verb_condition(verb: str, tail: str | None) -> str | None:
    v = " ".join(fold_lower(verb).split())
    if v.startswith(("left", "leav", "sen")):
        if not tail or (v.startswith("sen") and not fold_lower(tail).startswith("to")):
            return None
        return "killed" if fold_lower(tail) == "dead" else "injured"
    if v.startswith(("claimed", "fatal", "kill", "death", "murder", "slaying", "execut", "massacr")) or (
        v == "shot and killed"
    ):
        return "killed"
    if "death" in v:
        return "killed"
    if v.startswith(("wound", "injur", "hurt")):
        return "injured"
    if v.startswith("stab"):
        return "victim"
    if v.startswith(("receiv", "treat", "admit")):
        return "injured"  # "hospitals received nine patients"
    return "shot"


def _is_year_or_date(text: str, start: int, count: str) -> bool:
    c = count.strip()
    if c.isdigit() and len(c) == 4 and 1800 <= int(c) <= 2100:
        return True
    return bool(c[:1].isdigit() and _MONTH_BEFORE.search(text, max(0, start - 12), start))


def find_casualty_claims(
    text: str,
    sentences: Sequence[Sentence],
    paragraphs: Sequence[Paragraph],
    quotes: Sequence[Quote] = (),
    attributions: Sequence[Attribution] = (),
    reference_year: int | None = None,
) -> list[CasualtyClaim]:
    """Every explicit casualty figure in ``text``, in order.

    ``attributions`` (the shared attribution layer) attribute figures the
    local cues miss ("The investigation revealed ...", "Deputies: ...").
    ``reference_year`` is the article's year (default: the latest year the
    text mentions): a figure in a sentence naming an earlier year is
    background.
    """
    claims: list[CasualtyClaim] = []
    # The sentences holding a casualty word (most have none).
    cue_sentences: list[Sentence] = []
    lower = fold_lower(text)
    after = 0
    for pos in _cue_starts(lower):
        if pos < after:
            continue  # in the sentence just taken
        sent = _sentence_holding(sentences, pos)
        if sent is not None:
            cue_sentences.append(sent)
            after = sent.end
    # Read once, and only for an article with a claim (most have none): the
    # sentences of each paragraph and the latest year the text names.
    by_paragraph: dict[int, list[Sentence]] | None = None
    by_sentence: dict[int, list[Attribution]] = {}
    quote_starts: list[int] = []
    reference: int | None = None
    for sent in cue_sentences:
        found = list(_claims_in_sentence(text, sent))
        if not found:
            continue
        if by_paragraph is None:
            by_paragraph = {}
            for s in sentences:
                by_paragraph.setdefault(s.paragraph, []).append(s)
            reference = max((y for y in (reference_year, _latest_year(text)) if y is not None), default=None)
            for a in attributions:
                by_sentence.setdefault(a.sentence, []).append(a)
            quote_starts = [q.start for q in quotes]
        paragraph = by_paragraph.get(sent.paragraph, [sent])
        # Where a source is looked for: the sentence and its reach (the short
        # paragraph, or the sentences next to it), and the relations there, so
        # a whole article on one line costs no search of every sentence and
        # relation per figure. (Given as the paragraph, the reach reads the same.)
        if len(paragraph) <= 5:
            reach: Sequence[Sentence] = paragraph
        else:  # (a paragraph's sentences are consecutive)
            reach = sentences[
                max(sent.index - 1, paragraph[0].index) : min(sent.index + 2, paragraph[-1].index + 1)
            ]
        near = [a for s in reach for a in by_sentence.get(s.index, ())]
        sources: dict[tuple[int, int], str] = {}
        pieces = _Pieces(text, sent)
        background = _background(text[sent.start : sent.end], reference)
        for start, end, count, condition, group, head, definite, explicit in found:
            parsed = (
                parse_count(count)
                if fold_lower(count) not in ("a", "an", "another", "")
                else (1, 1, True, False)
            )
            if parsed is None:
                continue
            low, high, exact, vague = parsed
            if low <= 0 and high == 0:
                continue
            if low != int(low) or _RATE_AFTER.match(text, end):
                continue  # "19.3 deaths per 100,000 people": a rate, not a count of people
            i = bisect.bisect_right(quote_starts, start) - 1  # (quotations never overlap)
            in_quote = i >= 0 and end <= quotes[i].end
            source = sources.get((start, end))
            if source is None:
                source = _source(text, Span(start, end), sent, reach, near, sentences, pieces)
                sources[(start, end)] = source = "" if source in NO_SOURCE else source
            rest = text[end : sent.end]
            claims.append(
                CasualtyClaim(
                    start,
                    end,
                    float(low),
                    float(high) if high is not None else None,
                    exact,
                    vague,
                    condition,
                    group,
                    _HEAD_KEYS.get(fold_lower(head), "people") if head else "people",
                    sent.index,
                    "quotation" if in_quote and not source else source,
                    definite,
                    background,
                    _partial(claims, sent.index, start, condition, group, text, rest),
                    bool(_WITH_PERPETRATOR.match(text, start, sent.end)),
                    explicit,
                    _OF_TOTAL_BEFORE.search(text, max(0, start - 24), start) is not None,
                )
            )
    _mark_totals(claims, text)
    _mark_background_parts(claims)
    return claims


def _mark_background_parts(claims: list[CasualtyClaim]) -> None:
    """A remainder continues the toll just before it: "Fourteen people were
    shot over the weekend. Paramedics took the additional two victims to
    hospital" is background like the tally it adds to."""
    for i, c in enumerate(claims):
        if c.partial and not c.background and i > 0:
            before = claims[i - 1]
            if before.background and before.sentence >= c.sentence - 1:
                claims[i] = replace(c, background=True)


def _mark_totals(claims: list[CasualtyClaim], text: str) -> None:
    """ "The shooting sent five people to the hospital; one has died": the
    count before a part that died ("one has died", "one of them died",
    "one fatally") is everyone hit, dead and alive (``of_total``)."""
    for i, c in enumerate(claims):
        if c.condition != "killed" or not _SUBSET.match(text, c.start):
            continue
        for j in range(i - 1, max(-1, i - 4), -1):
            t = claims[j]
            if t.sentence < c.sentence - 1:
                break
            if (
                t.condition in ("injured", "shot", "victim")
                and t.explicit
                and not t.partial
                and t.low > c.low
            ):
                claims[j] = replace(t, of_total=True)
                break


_TOLLS = ("killed", "injured", "shot")


def _partial(
    earlier: Sequence[CasualtyClaim],
    sentence: int,
    start: int,
    condition: str,
    group: str,
    text: str,
    rest: str,
) -> bool:
    """Part of a toll given elsewhere: "three others were hurt", "including two children".

    "Others" beside a count of another condition just before ("One man was
    killed and four others were injured") are that condition's whole count.
    """
    if _SPLIT_AFTER.search(rest):
        return True
    before = _PARTIAL_BEFORE.search(text, max(0, start - 30), start)
    word = _PARTIAL_GROUP.search(group) or before
    if not word:
        return False
    if fold_lower(word.group().split()[0]) not in ("other", "others") or condition not in _TOLLS:
        return True
    killed = condition == "killed"
    return not any(
        c.sentence >= sentence - 1 and c.condition in _TOLLS and (c.condition == "killed") != killed
        for c in earlier[-4:]
    )


def _sentence_holding(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset:
        return sentences[lo]
    return None


_Found = tuple[int, int, str, str, str, str, bool, bool]


def _claims_in_sentence(text: str, sent: Sentence) -> Iterable[_Found]:
    """(start, end, count, condition, group, head, definite) of each claim, without overlaps."""
    body = text[sent.start : sent.end]
    base = sent.start
    out: list[_Found] = []

    def add(
        start: int,
        end: int,
        count: str,
        condition: str | None,
        mod: str,
        head: str,
        definite: bool = False,
        explicit: bool | None = None,
    ) -> None:
        if condition is None or _is_year_or_date(text, base + start, count):
            return
        if count[:1].isdigit() and base + start > 0 and text[base + start - 1] in ":.,/$#":
            return  # a time ("0:47"), a decimal or an amount, not a count
        if count and _NOT_A_COUNT_BEFORE.search(text, max(0, base + start - 40), base + start):
            return  # "no one was hurt", "the mother of two died"
        if (
            condition == "shot"
            and not head
            and (
                _SHOTS_FIRED_BEFORE.search(text, max(0, base + start - 25), base + start)
                or _SHOTS_FIRED_AFTER.match(text, base + end)
            )
        ):
            return  # "firing at least one shot", "one shot struck him": a shot fired, not a person shot
        if mod and _NUMBER_WORD.search(_AGE_HEAD.sub("", mod)):
            return  # two numbers in a row: "Image 3 of 33 Seven people", "911 call reporting two people"
        if fold_lower(count) in ("a", "an", "another") and head and not _singular(head):
            return
        start, end = base + start, base + end
        if any(start < e and s < end for s, e, *_ in out):
            return
        group = (mod + head).strip() if head else ""
        if explicit is None:
            explicit = fold_lower(count) not in ("a", "an", "another", "")
        out.append((start, end, count, condition, group, head, definite, explicit))

    # The patterns are tried only where a count or a casualty verb starts
    # (anchored matches), not at every character of the sentence.
    lower = fold_lower(body)
    # A case-insensitive pattern whose every match holds one of some words can
    # only match if ``lower`` holds one of them (``fold_lower`` folds the letters
    # that IGNORECASE matches with an ASCII letter but str.lower() keeps).
    # Whole-sentence scans are skipped on that test.

    def may_hold(*words: str) -> bool:
        return any(w in lower for w in words)

    # A count is only worth trying when a casualty word follows it closely.
    conds = [m.start() for m in _COND_WORD.finditer(lower)]
    if not conds:
        return out
    counts = [
        p
        for p in (m.start() for m in _COUNT_START.finditer(lower, 0, conds[-1]))
        if _near_after(conds, p, 130)
    ]
    verbs = [m.start() for m in _VERB_START.finditer(lower)]
    # Where a count and a victim group start: both patterns below begin with
    # that noun phrase, so they cannot match where it does not.
    phrases = [pos for pos in counts if _NOUN_PHRASE.match(body, pos)]
    starts = phrases
    if " and " in body:  # "the boy, his grandmother and a man were hit"
        starts = sorted(
            {
                *phrases,
                *(m.start() for m in _DETERMINER.finditer(lower) if _near_after(conds, m.start(), 130)),
            }
        )
    for pos in starts:
        coordinated = _coordinated_subject(body, pos)
        if coordinated:
            end, total, condition, numbered = coordinated
            add(pos, end, str(total), condition, "", "people", explicit=numbered)
    for pos in phrases:
        m = _SUBJECT_FIRST.match(body, pos)
        if (
            m
            and not _active_relative(body, m)
            and not _active_verb(body, m.end("head"), m.start("cond"), m.end())
        ):
            add(
                m.start("count"),
                m.end("cond"),
                m.group("count"),
                _condition(m.group("cond"), _adverb_before(body, m.start("cond"))),
                m.group("mod"),
                m.group("head"),
            )
    for pos in counts:
        m = _AGE_SUBJECT.match(body, pos)
        if m and not _active_verb(
            body, m.end("count") if m.group("head") is None else m.end("head"), m.start("cond"), m.end()
        ):
            definite = bool(_DEFINITE_BEFORE.search(body, max(0, pos - 8), pos))
            condition = _condition(m.group("cond"), _adverb_before(body, m.start("cond")))
            add(pos, m.end("cond"), "1", condition, "", m.group("head") or "", definite, explicit=False)
    for pos in verbs:
        m = _OBJECT_AFTER.match(body, pos)
        if not m:
            continue
        object_condition = _verb_condition(m.group("verb"), m.group("tail"))
        if (
            object_condition is not None
            and fold_lower(m.group("count")) in ("a", "an")
            and not m.group("tail")
        ):
            listed = _object_list(body, m.start("count"), m.end("head"))  # "killing a father and son"
            if listed is not None:
                end, total, numbered = listed
                add(m.start("count"), end, str(total), object_condition, "", "people", explicit=numbered)
                continue
        add(
            m.start("count"),
            m.end("head"),
            m.group("count"),
            object_condition,
            m.group("mod"),
            m.group("head"),
        )
        pos = m.end()
        while object_condition is not None:
            more = _MORE_OBJECTS.match(body, pos)
            if not more:
                break
            # "left one man dead and three others injured": each object its own tail
            tail = more.group("tail") or m.group("tail")
            add(
                more.start("count"),
                more.end("head"),
                more.group("count"),
                _verb_condition(m.group("verb"), tail),
                more.group("mod"),
                more.group("head"),
            )
            pos = more.end()
    for pos in verbs:
        m = _OBJECT_BARE.match(body, pos)
        if m:
            add(
                m.start("bare"),
                m.end("bare"),
                m.group("bare"),
                _verb_condition(m.group("verb"), "dead"),
                "",
                "",
            )
    if "toll" in body or "number of" in body:
        for m in _TOLL.finditer(body):
            add(m.start(), m.end(), m.group("count"), "killed", "", "")
        if "toll" in lower:
            for m in _TOLL_TO.finditer(body):
                add(m.start(), m.end(), m.group("count"), "killed", "", "")
    if "total" in lower:
        for m in _TOTAL.finditer(body):
            what = fold_lower(m.group("what"))
            condition = "victim" if what == "victims" else "shot" if what == "hit" else _condition(what)
            add(m.start(), m.end(), m.group("count"), condition, "", "")
    if " and " in body:
        for m in _NAMED_AND_COUNT.finditer(body):
            parsed = parse_count(m.group("count"))
            if parsed is None or not parsed[2]:
                continue
            verb = m.group("verb")
            condition = (
                "shot" if fold_lower(verb).startswith(("struck", "strik")) else _verb_condition(verb, "")
            )
            add(m.start() + len(verb) + 1, m.end(), str(int(parsed[0]) + 1), condition, "", "people")
    in_care = may_hold("condition", "stable", "treat", "hospitali")
    for pos in counts:
        m = _BARE.match(body, pos)
        if m:
            cond = fold_lower(m.group("cond"))
            condition = (
                ("shot" if m.group("shooting") else "victim") if cond == "victims" else _condition(cond)
            )
            add(m.start(), m.end(), m.group("count"), condition, "", "victims" if cond == "victims" else "")
            continue
        m = _KIND_DEATHS.match(body, pos)
        if m:
            add(m.start(), m.end(), m.group("count"), "killed", "", "")
            continue
        m = _IN_CONDITION.match(body, pos) if in_care else None
        if m:
            add(m.start(), m.end(), m.group("count"), "injured", "", "")
    if "lives" in lower:
        for m in _LIVES.finditer(body):
            count = m.group("count") or m.group("count2")
            add(m.start(), m.end(), count, "killed", "", "")
    for pos in counts:
        m = _SUBSET.match(body, pos)
        if m:
            add(m.start(), m.end(), m.group("count"), "killed", "", "")
    # A named or referred-back victim: anchored at the verb, subject looked up just before it.
    auxiliaries: set[int] = set()
    for c in conds:
        auxiliaries.update(m.start() for m in _DEFINITE_START.finditer(lower, max(0, c - 30), c + 5))
    for v_start in sorted(auxiliaries):
        v = _DEFINITE_START.match(lower, v_start)
        if v is None:
            continue
        m = _DEFINITE_TAIL.match(body, v.start())
        if (
            m
            and _DEFINITE_SUBJECT.search(body, max(0, v.start() - 40), v.start())
            and not _NEGATION.search(body, max(0, v.start() - 12), v.start())
        ):
            cond = m.group("cond") or m.group("died")
            add(
                m.start("cond") if m.group("cond") else m.start("died"),
                m.end(),
                "",
                _condition(cond),
                "",
                "",
                True,
            )
    if may_hold("shooting", "murder-suicide"):
        for m in _FATAL_EVENT.finditer(body):
            # a murder-suicide is at least two dead: the victim and the shooter
            two = fold_lower(m.group(0)).startswith("murder")
            add(m.start(), m.end(), "2" if two else "", "killed", "", "", True)
    for pos in verbs:
        m = _KILLED_SOMEONE.match(body, pos)
        if m:
            listed = _object_list(body, m.start("object"), m.end())
            if listed is not None:
                end, total, numbered = listed
                add(m.start("object"), end, str(total), "killed", "", "people", explicit=numbered)
            else:
                add(m.start(), m.end(), "", "killed", "", "", True)
            continue
        m = _SHOT_SOMEONE.match(body, pos)
        if m:
            listed = _object_list(body, m.start("object"), m.end())
            if listed is not None:  # "shooting his neighbour and three of her children"
                end, total, numbered = listed
                add(m.start("object"), end, str(total), "shot", "", "people", explicit=numbered)
            else:
                add(m.start(), m.end(), "", "shot", "", "", True)
    m = _HEADLINE_SUBJECT.match(body)
    if m and not _active_verb(body, m.end("head"), m.start("cond"), m.end()):
        condition = _condition(m.group("cond"), _adverb_before(body, m.start("cond")))
        add(0, m.end("cond"), "", condition, "", m.group("head"), True)
    if may_hold("shot", "shoot", "condition", "threatening"):
        for m in _ONE_VICTIM.finditer(body):
            condition = "injured" if m.group("injured") else "killed" if m.group("killed") else "shot"
            add(m.start(), m.end(), "", condition, "", "", True)
    if may_hold("all ", "the ", "both "):
        for m in _ELLIPTIC_SUBJECT.finditer(body):  # "All three were taken to the hospital"
            add(
                m.start("count"),
                m.end("cond"),
                m.group("count"),
                _condition(m.group("cond"), _adverb_before(body, m.start("cond"))),
                "",
                "",
            )
    if may_hold(*_ORDINALS):
        for m in _ORDINAL_VICTIM.finditer(body):
            n = str(_ORDINALS[fold_lower(m.group("n"))])
            add(m.start(), m.end(), n, "victim", "", "victim", explicit=False)
    if may_hold(*_MULTIPLE):
        for m in _MULTIPLE_EVENT.finditer(body):
            what = fold_lower(m.group("what"))
            condition = "shot" if what.startswith("shooting") else "killed"
            add(m.start(), m.end(), str(_MULTIPLE[fold_lower(m.group("n"))]), condition, "", "", True)
    out.sort()
    return out


def _near_after(positions: list[int], pos: int, distance: int) -> bool:
    """Whether a sorted position lies in (pos, pos + distance]."""
    i = bisect.bisect_right(positions, pos)
    return i < len(positions) and positions[i] <= pos + distance


# One person referred to with a determiner ("the boy", "his grandmother",
# "their father"): a part of a coordinated subject or object.
_ONE_PERSON = LazyPattern(
    rf"(?:the|his|her|their|its|our)\s+(?P<count>)(?:[\w-]+\s+)?(?P<head>{_HEAD})\b", re.I
)
_OF_WHOM = re.compile(r"\s+of\s+(?:a|the|his|her|their)\s+[\w-]+", re.I)
_DETERMINER = re.compile(r"\b(?:the|his|her|their)\s")


def _coordinated_subject(body: str, pos: int) -> tuple[int, int, str, bool] | None:
    """ "two women and a baby are dead", "the boy, his grandmother and a man were hit":
    (end, summed count, condition, a number written), or None."""
    total = 0
    parts = 0
    numbered = False  # a part with a number, not only "a man and a woman"
    end = pos
    while True:
        m = _NOUN_PHRASE.match(body, end) or _ONE_PERSON.match(body, end)
        if not m:
            return None
        count = m.group("count") or "a"  # "the boy", "his grandmother": one person each
        parsed = (1, 1, True, False) if fold_lower(count) in ("a", "an", "another") else parse_count(count)
        if parsed is None or not parsed[2] or (parsed[0] == 1 and not _singular(m.group("head"))):
            return None
        total += int(parsed[0])
        parts += 1
        numbered = numbered or fold_lower(count) not in ("a", "an", "another")
        end = m.end()
        of = _OF_WHOM.match(body, end)  # "three members of a family and a fourth man"
        if of:
            end = of.end()
        sep = _AND.match(body, end)
        if not sep:
            break
        end = sep.end()
    if parts < 2:
        return None
    tail = _SUBJECT_TAIL.match(body, end)
    if not tail:
        return None
    condition = _condition(tail.group("cond"), _adverb_before(body, tail.start("cond")))
    return tail.end(), total, condition, numbered


def _object_list(body: str, start: int, end: int) -> tuple[int, int, bool] | None:
    """More objects after one person ("killing his wife and two young children",
    "killing wife, 2 young children", "a father and son"): (end, people in
    all, a number written), or None when the object stands alone."""
    total, numbered, pos = 1, False, end
    while True:
        sep = _AND.match(body, pos)
        if not sep:
            break
        m = (
            _NOUN_PHRASE.match(body, sep.end())
            or _ONE_PERSON.match(body, sep.end())
            or _BARE_PERSON.match(body, sep.end())
        )
        if not m:
            break
        count = m.groupdict().get("count") or "a"
        parsed = (1, 1, True, False) if fold_lower(count) in ("a", "an", "another") else parse_count(count)
        if parsed is None or not parsed[2]:
            break
        total += int(parsed[0])
        numbered = numbered or fold_lower(count) not in ("a", "an", "another")
        pos = m.end()
    return (pos, total, numbered) if total > 1 else None


# A singular person noun with no determiner, as headlines and lists write it ("and son").
_BARE_PERSON = LazyPattern(
    rf"(?P<head>{'|'.join(sorted((h for h in _SINGULAR_HEADS), key=len, reverse=True))})\b", re.I
)


def _active_verb(body: str, subject_end: int, verb_start: int, verb_end: int) -> bool:
    """ "A gunman shot up a theater", "a man killed two people": the subject acts.

    A bare casualty verb with no "was"/"were" before it and an object after
    it ("up", a determiner, a pronoun, a number) makes its subject the one
    who shot or killed, not a victim. "Five people shot in ..." and "two
    civilians dead" stay claims.
    """
    between = fold_lower(body[subject_end:verb_start]).split()
    if any(w in _BE for w in between):
        return False
    verb = fold_lower(body[verb_start:verb_end])
    if not verb.startswith(_TRANSITIVE):
        return False
    if _AT_PLACE.match(body, verb_end) or (not verb.startswith("shot") and _AT.match(body, verb_end)):
        return False  # "Fifteen People, Including Children, Shot at Miami Nightclub", "hurt at the market": where
    return bool(_OBJECT_NEXT.match(body, verb_end))


_AT = re.compile(r"\s+at\b")
_AT_PLACE = re.compile(r"\s+at\s+(?!(?:Police|Officers?|Deputies|Deputy|Cops?|Troopers?|Agents?)\b)[A-Z]")
_BE = frozenset({"was", "were", "is", "are", "been", "being", "be", "got", "get", "gets"})
_TRANSITIVE = ("shot", "killed", "wounded", "injured", "hurt", "murdered", "slain", "stabbed")
_OBJECT_NEXT = re.compile(
    r"\s+(?:up|at|into|a|an|the|his|her|their|its|him|them|himself|herself|themselves|this|that|"
    rf"another|each|every|both|all|{'|'.join(UNITS)}|{'|'.join(TENS)})\b|\s+\d",
    re.I,
)


def _active_relative(body: str, m: re.Match[str]) -> bool:
    """ "a man who shot ...", "a man had shot ...": the subject is the shooter, not a victim."""
    between = fold_lower(body[m.end("head") : m.start("cond")]).split()
    if fold_lower(m.group("cond")).startswith(("died", "dead")):
        return False
    return bool(between) and (
        between == ["who"] or between == ["that"] or between[-1] in ("has", "have", "had")
    )


def _singular(head: str) -> bool:
    h = fold_lower(head)
    return h in _SINGULAR_HEADS or (bool(_AGE_HEAD.fullmatch(h)) and not h.endswith("s"))


def _adverb_before(body: str, pos: int) -> str:
    words = body[max(0, pos - 20) : pos].split()
    return words[-1] if words else ""


def _source(
    text: str,
    claim: Span,
    sent: Sentence,
    paragraph: Sequence[Sentence],
    attributions: Sequence[Attribution],
    sentences: Sequence[Sentence],
    pieces: _Pieces | None = None,
) -> str:
    """The normalised source of a figure in ``sent``, or "" when none is given.

    The shared attribution model answers first, in the sentence and then in
    its reach (the paragraph when it is short, up to five sentences, else the
    sentences just before and after: a one-paragraph article is not one
    attribution); a reporting verb or "according to" it did not read comes
    next. An institution that only acts ("police arrested a man") is no source.
    """
    found = _relation_for(text, claim, sent, attributions)
    if found is not None and found.source is not None:
        return _source_key(text[found.source.start : found.source.end]) or "attributed"
    # The model's word stands where it read the sentence: its own cue words
    # only fill in where it read no relation at all.
    if not any(a.sentence == sent.index and a.informs for a in attributions):
        if pieces is None:
            pieces = _Pieces(text, sent)
        piece_start, piece_end = pieces.around(claim)
        cue_at, own = pieces.own(piece_start, piece_end)
        # not a verb whose subject holds the figure ("a party where four people
        # were shot said Monday"): a figure and its source are parted by a comma
        if own and not (cue_at >= claim.end and not _CLAUSE_BREAK.search(text, claim.end, cue_at)):
            return own
    shared = _shared_source(text, sent, paragraph, attributions)
    if shared:
        return shared
    return _attribution(text, sent, paragraph)


class _Pieces:
    """The sentences run together inside one sentence ("teens.Eyewitness"),
    found once per sentence, and the reporting verb of each, read once."""

    def __init__(self, text: str, sent: Sentence) -> None:
        self.text = text
        self.bounds = [
            sent.start,
            *(m.start() + 2 for m in _GLUED.finditer(text, sent.start, sent.end)),
            sent.end,
        ]
        self._own: dict[tuple[int, int], tuple[int, str]] = {}

    def around(self, claim: Span) -> tuple[int, int]:
        i = bisect.bisect_right(self.bounds, claim.start) - 1
        j = bisect.bisect_left(self.bounds, claim.end, i)
        return self.bounds[max(i, 0)], self.bounds[min(j, len(self.bounds) - 1)]

    def own(self, start: int, end: int) -> tuple[int, str]:
        """Where the piece's reporting verb stands and the source it names ("" when none)."""
        found = self._own.get((start, end))
        if found is None:
            piece = self.text[start:end]
            cue = _ATTRIBUTION.search(piece)
            found = self._own[(start, end)] = (start + cue.start(), _source_in(piece)) if cue else (end, "")
        return found


def _relation_for(
    text: str, claim: Span, sent: Sentence, attributions: Sequence[Attribution]
) -> Attribution | None:
    """The nearest informing relation of the claim's sentence that speaks of the claim.

    Not one whose cue is the claim's own verb ("the crashes claimed 346
    lives"), nor one in a relative clause after the claim that reports
    something else ("115 deaths have been among residents, who health
    officials said tend to be younger").
    """
    best: Attribution | None = None
    best_distance = 0
    for a in attributions:
        if a.sentence != sent.index or not a.informs or a.source is None:
            continue
        if a.cue.overlaps(claim):
            continue
        if a.source.overlaps(claim) or a.source.end <= claim.start and claim.end <= a.cue.start:
            continue  # "a rapper who threw a party where four people were shot said ...": the speaker's own noun phrase
        if _OUTLET_CUE.match(text, a.cue.start) or _OUTLET_SOURCE.match(text, a.source.start, a.source.end):
            continue  # "we have learned", "the I-Team has learned": the outlet's own voice
        if _GLUED.search(text, min(a.cue.end, claim.end) - 1, max(a.cue.start, claim.start) + 1):
            continue  # "…a dozen teens.Eyewitness News reported…": another sentence run on
        content = a.content
        if (
            content is not None
            and not content.overlaps(claim)
            and content.start >= a.cue.end
            and claim.end <= a.source.start
            and _RELATIVE_BEFORE.search(text, max(0, a.source.start - 12), a.source.start)
        ):
            continue
        distance = 0 if a.overlaps(claim) else min(abs(a.start - claim.end), abs(claim.start - a.end))
        if best is None or distance < best_distance:
            best, best_distance = a, distance
    return best


_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|which|that)\s+\Z", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:”\"(—–]|\s-+\s")
_OUTLET_CUE = re.compile(r"learn|confirm(?:ed)?\s+(?:to|with)\s+(?:us|news)", re.I)
_OUTLET_SOURCE = re.compile(r"(?:we|us|our\s+\w+)\s*\Z", re.I)
# Two sentences run together where a page lost its spaces: "teens.Eyewitness"
_GLUED = re.compile(r"[a-z)\]”\"’][.!?][A-Z“\"]")


def _attribution(text: str, sent: Sentence, paragraph: Sequence[Sentence]) -> str:
    """The normalised source of a figure in ``sent``, or "" when none is given.

    Looks in the sentence, then the paragraph when it is short (up to five
    sentences), else the sentences just before and after (a one-paragraph
    article is not one attribution).
    """
    if len(paragraph) <= 5:
        around = [s for s in paragraph if s.index != sent.index]
    else:
        around = [s for s in paragraph if abs(s.index - sent.index) == 1]
    for s in sorted(around, key=lambda s: abs(s.index - sent.index)):
        found = _source_in(text[s.start : s.end])
        if found:
            return found
    return ""


def _shared_source(
    text: str,
    sent: Sentence,
    paragraph: Sequence[Sentence],
    attributions: Sequence[Attribution],
) -> str:
    """The source the shared attribution model finds near ``sent``, normalised, or "".

    Same reach as :func:`_attribution`: the other sentences of the paragraph
    when it is short, else the sentences just before and after.
    """
    if len(paragraph) <= 5:
        reach = {s.index for s in paragraph if s.index != sent.index}
    else:
        reach = {s.index for s in paragraph if abs(s.index - sent.index) == 1}
    best: Attribution | None = None
    for a in attributions:
        if a.sentence not in reach or not a.informs or a.source is None:
            continue
        if best is None or abs(a.sentence - sent.index) < abs(best.sentence - sent.index):
            best = a
    if best is None or best.source is None:
        return ""
    return _source_key(text[best.source.start : best.source.end]) or "attributed"


_PARTIAL_GROUP = re.compile(r"\b(?:others?|additional|more|remaining|further)\b", re.I)
_PARTIAL_BEFORE = re.compile(
    r"\b(?:including|includes|include|among\s+them|among\s+whom|plus|besides|in\s+addition\s+to|"
    r"additional|another|other)\s+\Z",
    re.I,
)
# The rest of the sentence splits the victims: "Two victims were airlifted
# ... and two others were taken to ...", "two to Stroger Hospital, one to ...".
_SPLIT_AFTER = re.compile(
    rf"\band\s+(?:the\s+)?(?:\d+|{'|'.join(UNITS)}|{'|'.join(TENS)})\s+(?:others?|more)\b"
    r"|,\s+one\s+(?:to|at|in)\b|\band\s+one\s+(?:on|to|at|in)\s+the\b",
    re.I,
)
_WITH_PERPETRATOR = re.compile(
    r"[^.;:]{0,80}?\b(?:including|among\s+them|counting)\s+(?:the\s+|a\s+)?(?:suspected\s+|alleged\s+)?"
    r"(?:shooter|gunman|gunmen|suspect|attacker|assailant|killer|perpetrator)\b",
    re.I,
)
# "One of the five people hospitalized has died": the count is everyone.
_OF_TOTAL_BEFORE = re.compile(
    rf"\b(?:one|two|three|four|{'|'.join(UNITS)}|\d+|some|most|none|several|all|each|both|any)\s+of\s+"
    r"(?:the\s+|those\s+|these\s+)?\Z",
    re.I,
)
_ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
# A count standing for people named just before: "All three were taken to the hospital".
_ELLIPTIC_SUBJECT = LazyPattern(
    rf"\b(?:all|the|both)\s+(?P<count>{COUNT})\s+(?:{_AUX}|were|was|are|had|have)\s+(?:{_ADVERB}\s+)?{_PASSIVE_COND}",
    re.I,
)
# "A fourth victim drove herself to a hospital": at least four victims.
_ORDINAL_VICTIM = re.compile(
    rf"\b(?:a|an|the)\s+(?P<n>{'|'.join(_ORDINALS)})\s+(?:(?!was\b|had\b)[\w-]+\s+)?"
    r"(?:(?P<head>victim)\b|(?:(?:person|man|woman|teen|teenager|boy|girl|child|male|female|juvenile)\s+)?"
    r"(?:who\s+)?(?:was|had\s+been)\s+(?:also\s+)?(?:shot|wounded|injured|hit|struck|grazed)\b)",
    re.I,
)
_RATE_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?per\s+(?:\d|capita|one|a\s+hundred|hundred|thousand|100)", re.I
)
# The same as (?<![\w,.$])(?:19[5-9]\d|20\d\d): the lookbehind is checked after
# the first digit, so that the pattern starts with a literal and the regex
# engine skips ahead to the next "1" or "2" (six times faster on whole articles).
_YEAR = re.compile(r"(?:1(?<![\w,.$]1)9[5-9]\d|2(?<![\w,.$]2)0\d\d)(?!\w|[,.]\d)")
# A tally over many incidents or over a period, not one incident's toll. Written
# in lower case and searched, case-sensitively, in the sentence lower-cased by
# fold_lower: twice as fast as under re.I, with the same matches.
_AGGREGATE = LazyPattern(
    r"\bseparate\s+(?:shootings|incidents|attacks|cases)\b"
    rf"|\b(?:\d+|{'|'.join(UNITS)}|{'|'.join(TENS)}|several|multiple|numerous)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:shootings|incidents|attacks|homicides)\b"
    r"|\b(?:this|last)\s+year\b|\blast\s+month\b|\bso\s+far\s+(?:this|in)\b"
    r"|\b(?:over|in|during|within)\s+(?:the\s+)?(?:past|last|previous|first)\s+(?:[\w-]+\s+)?"
    r"(?:days|weeks|months|years|week|month|year|decade)\b"
    r"|\bsince\s+(?:the\s+(?:start|beginning)\s+of|jan|feb|march|april|june|july|aug|sept|oct|nov|dec|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|last\s+(?:week|weekend|night))"
    r"|\b(?:in|over|within|during)\s+(?:a\s+|the\s+)?(?:(?:past|last)\s+)?"
    r"(?:24|36|48|72|96|twenty-four|forty-eight|seventy-two)[\s-]hours?\b"
    r"|\bin\s+(?:[\w-]+\s+){0,2}?shootings\b|\b(?:weekend|overnight|holiday)\s+(?:of\s+)?(?:violence|shootings)\b"
    r"|\b(?:across|around|throughout)\s+the\s+(?:city|country|nation|state)\b|\b(?:citywide|nationwide|statewide)\b"
    r"|\b(?:series|spate|string|rash|wave|span|stretch)\s+of\b|\b(?:\w+-hour|\w+-day)\s+(?:span|stretch|period)\b"
    r"|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+years?\s+(?:ago|earlier|before|after)\b"
    r"|\bdecades?\s+(?:ago|earlier)\b|\bin\s+gun\s+violence\b"
    r"|\bfrom\s+(?:early\s+|late\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^.;]{0,30}?"
    r"\b(?:to|through|until)\s+(?:early\s+|late\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
)


def year_of(date: object) -> int | None:
    """The year of a metadata date ("2016-07-08", a datetime, 2016), or None."""
    if date is None:
        return None
    year = getattr(date, "year", None)
    if isinstance(year, int):
        return year
    m = re.match(r"\s*((?:19|20)\d\d)\b", str(date))
    return int(m.group(1)) if m else None


def _latest_year(text: str) -> int | None:
    years = [int(m.group(0)) for m in _YEAR.finditer(text)]
    return max(years) if years else None


def _background(sentence: str, reference: int | None) -> bool:
    """A tally over many incidents, or a figure in a sentence about an earlier year."""
    if _AGGREGATE.search(fold_lower(sentence)):
        return True
    return reference is not None and any(int(m.group(0)) < reference for m in _YEAR.finditer(sentence))


# Asked again of the same neighbouring sentence for each figure of a sentence (a
# list of tolls, a page with no full stops): memoised.
@lru_cache(maxsize=256)
def _source_in(body: str) -> str:
    m = _ATTRIBUTION.search(body)
    if not m:
        return ""
    if m.group("according"):
        after = _WORDS_AFTER.match(body, m.end())
        return _source_key(re.split(r"[,;:.”\"]", after.group(1))[0]) if after else "according to"
    before = re.split(r"[,;:”\"“(]", body[max(0, m.start() - 60) : m.start()])[-1].split()
    return _source_key(" ".join(before[-3:])) or fold_lower(m.group("verb"))


def _source_key(phrase: str) -> str:
    """ "The military source" and "the military source" are one source: "military source"."""
    words = fold_lower(phrase).split()
    while words and words[-1] in _TRAILING:
        words.pop()
    p = " ".join(words)
    for _ in range(2):
        p = _DETERMINERS.sub("", p).strip()
    return p


#: Conditions that can describe the same victims when one article corroborates
#: another ("five people shot" and "five people injured"); conflicts compare
#: one toll class only.
COMPATIBLE = {
    "killed": ("killed", "shot", "victim"),
    "injured": ("injured", "shot", "victim"),
    "shot": ("shot", "killed", "injured", "victim"),
    "victim": ("victim", "killed", "injured", "shot"),
    "missing": ("missing",),
    "casualties": ("casualties", "killed", "injured", "victim"),
}
#: Conditions that count the same people when one article's toll is compared
#: with another's: the victims of a shooting are the people shot.
TOLL_CLASS = {
    "killed": "killed",
    "injured": "injured",
    "shot": "hit",
    "victim": "hit",
    "missing": "missing",
    "casualties": "casualties",
}


def single_voice(source: str) -> bool:
    """A source whose repetition across articles is one voice, not corroboration.

    A named or unnamed person ("the military source", "Mayor Dyer"); not an
    institution every outlet quotes (police, a ministry, officials: agreement
    resting on them is the normal state of a story), a pronoun, a bare verb or
    no source at all (nothing to call "the same source").
    """
    if not source or source in INSTITUTIONAL_SOURCES:
        return False
    last = source.split()[-1]
    return last not in SOURCE_PRONOUNS and not (" " not in source and source.endswith(("said", "says")))


class Tally(NamedTuple):
    """An article's figures: the largest exact count for each condition."""

    killed: int
    injured: int


def tally(claims: Iterable[CasualtyClaim]) -> Tally:
    """The article's killed and injured counts, read off its claims.

    The largest count of each condition stands for the article (sub-counts
    such as "one of them died" are smaller). A named victim counts as one. Shot victims who did
    not die count as injured: "Three people were shot, one fatally" is 1
    killed, 2 injured. Vague counts and background figures (other incidents,
    tallies over a period) are ignored; "at least N" counts as N and
    "as many as N" as N.
    """
    best: dict[str, float] = {}
    # An exact count of a condition outweighs a bound ("more than a dozen
    # victims" beside "one killed, 11 injured").
    exact = {c.condition for c in claims if c.exact and not (c.vague or c.background)}
    total = 0.0
    for c in claims:
        if c.vague or c.background or (not c.exact and c.condition in exact):
            continue
        value = c.high if (c.low == 0 and c.high is not None) else c.low
        best[c.condition] = max(best.get(c.condition, 0), value)
        if c.of_total:
            total = max(total, value)
    killed = best.get("killed", 0)
    injured = best.get("injured", 0)
    hit = max(best.get("shot", 0), best.get("victim", 0), total)
    if hit > killed + injured:
        injured = hit - killed
    if total and total >= killed:
        # "One of the five people hospitalized has died": five in all
        injured = min(injured, total - killed)
    return Tally(int(killed), int(injured))
