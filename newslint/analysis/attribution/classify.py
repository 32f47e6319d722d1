"""Source phrases read by their parts, and what kind of source they name.

:func:`read_source` splits a source noun phrase into its parts: a determiner
or a quantifier ("a", "the", "some", "many of", "two"), the modifiers before
the head ("senior", "State Department", "Trump"), the head noun ("official",
"critics", "Democrats"), what follows the head (a prepositional phrase "of the
plan", a relative clause "who spoke on condition of anonymity", a participle
"familiar with the talks") and an apposition after a comma ("Tom Reyes, the
mayor's spokesman"). From those parts it tells the source's kind
(:data:`~newslint.analysis.attribution.model.SOURCE_KINDS`) and, for people
known only by a description, which group the head names (:data:`GROUPS`).

:func:`classify_source` returns the kind alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from newslint.analysis._scan import words
from newslint.analysis.attribution.tokens import PRONOUNS, TOKEN
from newslint.analysis.lexicon.sources import (
    CROWD_BODIES,
    CROWD_ENDINGS,
    CROWD_NOUNS,
    DEMONYMS,
    INSIDER_NOUNS,
    INSTITUTION_WORDS,
    MEMBERS_OF,
    NOT_PEOPLE,
    OUTLET_WORDS,
    PARTY_NOUNS,
    PLAIN_CROWDS,
    PLAIN_PEOPLE,
    POLICE_NOUNS,
    QUANTIFIERS,
    RELATIVE_NOUNS,
    REPORT_MODIFIERS,
    REPORT_NOUNS,
    SPOKESPEOPLE,
    TITLES,
    VAGUE_QUANTIFIERS,
    WITNESS_NOUNS,
)

__all__ = ["ANON_MARK", "GROUPS", "SourcePhrase", "classify_source", "read_source"]

ANON_MARK = re.compile(
    r"\b(?:unnamed|anonymous|unidentified|familiar\s+with|briefed\s+on|close\s+to|with\s+knowledge\s+of|"
    r"knowledgeable|who\s+(?:spoke|asked|requested|declined)|speaking\s+on)\b",
    re.I,
)

#: insider: people who know by their position (officials, sources, aides,
#: prosecutors); crowd: people who hold views as a group (critics, experts,
#: Democrats, plain people); witness: people who saw something; relative: the
#: family and friends of someone in the story; report: reports relayed
#: without their outlet; "" for anything else.
GROUPS = ("insider", "crowd", "witness", "relative", "report", "")


class SourcePhrase(NamedTuple):
    """A source noun phrase by its parts (words as written, lower-cased where noted).

    :ivar kind: one of ``SOURCE_KINDS``.
    :ivar group: for a head naming people by a description, one of :data:`GROUPS`.
    :ivar determiner: "a", "the", "this", "his", a possessive ("Trump's") …, lower-cased, or "".
    :ivar quantifier: the words that count or measure the group ("some", "many of",
        "two", "a lot of"), lower-cased, or "".
    :ivar vague: the quantifier leaves the number open ("some", "many", "most",
        "a few", "others"), or the head is such a word itself.
    :ivar modifiers: the words between determiner or quantifier and head.
    :ivar head: the head noun, lower-cased ("officials", "critics", "he").
    :ivar plural: the head names more than one.
    :ivar post: what follows the head (a prepositional phrase, a relative
        clause, a participle), or "".
    :ivar apposition: the part after a comma ("the mayor's spokesman"), or "".
    :ivar names: capitalised words that name someone in the head phrase.
    :ivar marked: the description says it withholds a name ("unnamed",
        "familiar with", "who spoke on condition of anonymity").
    """

    kind: str
    group: str = ""
    determiner: str = ""
    quantifier: str = ""
    vague: bool = False
    modifiers: tuple[str, ...] = ()
    head: str = ""
    plural: bool = False
    post: str = ""
    apposition: str = ""
    names: tuple[str, ...] = ()
    marked: bool = False


# Both are pure functions of the phrase, asked again for the same sources across an
# article and an archive ("he", "officials", "the spokesman"): memoised. The kind, asked
# of every attribution, is kept for many phrases; the parts, asked by the layers that read
# crowds and unnamed sources, for the phrases of the last few articles (a cache of small
# strings costs the garbage collector nothing; one of tuples would).
@lru_cache(maxsize=65536)
def classify_source(phrase: str) -> str:
    """What kind of source a phrase names: one of :data:`SOURCE_KINDS`.

    With an appositive ("Tom Reyes, the mayor's spokesman,"), a name in any
    part makes a named person; otherwise the first part decides.
    """
    return read_source(phrase).kind


@lru_cache(maxsize=2048)
def read_source(phrase: str) -> SourcePhrase:
    """The parts of a source phrase and the kind of source it names."""
    if "," in phrase:
        parts = [p for p in phrase.split(",") if p.strip()]
        if not parts:
            return SourcePhrase("other")
        read = [_read_part(p) for p in parts]
        first = read[0]
        apposition = " ".join(", ".join(parts[1:]).split())
        # A name in any part ("the mayor's spokesman, Tom Reyes"); a lone capitalised word in a
        # later part is a place in a list more often ("in New York, California, and Minnesota").
        if first.kind == "person" or any(r.kind == "person" and len(r.names) > 1 for r in read[1:]):
            return SourcePhrase("person", "", first.determiner, first.quantifier, False, first.modifiers,
                                first.head, first.plural, first.post, apposition, first.names, first.marked)  # fmt: skip
        return _with_apposition(first, apposition)
    return _read_part(phrase)


def _with_apposition(p: SourcePhrase, apposition: str) -> SourcePhrase:
    return p._replace(apposition=apposition)


# A word of each alternative of ANON_MARK: most phrases have none, and one scan for them is fast.
_MARK_HINT = re.compile(r"unnamed|anonym|unidentified|familiar|briefed|close|knowledge|who|speaking", re.I)
_DETERMINERS = words("the a an this that these those his her their its our my your such every each")
# Words that open what follows a head noun: a prepositional phrase, a relative
# clause, a participle.
_POST = words("""of for with at in from on inside within among across close familiar briefed who whom whose that which
    tracking involved knowledgeable working based including aligned allied affiliated associated loyal monday tuesday wednesday thursday friday saturday sunday
    yesterday today tonight earlier later last""")
_TIME_WORDS = words(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight earlier last on"
)
# Heads that count a group: "a majority of Republicans", "half of voters".
_PARTS_OF = words("majority majorities minority plurality half third thirds quarter share percent")
# Parts of a group with no number: "strong majorities of Republicans".
_VAGUE_PARTS = words("majority majorities minority plurality")
_VAGUE_WORDS = VAGUE_QUANTIFIERS | _VAGUE_PARTS
# Quantifiers that stand alone as a crowd: "many believe", "others say".
_ALONE = words("many some most few several others")
_NUMBER = re.compile(r"^\d[\d,.]*%?$")
# Agent nouns that name people by what they do, read as a crowd after a vague quantifier.
_AGENT_ENDINGS = ("ers", "ors")
_APOSTROPHE_S = ("’s", "'s", "s’", "s'")


def _plural_forms(singulars: frozenset[str]) -> frozenset[str]:
    """Singular person nouns with their plurals ("official" + "officials", "spokesman" + "spokesmen")."""
    out = set(singulars)
    for w in singulars:
        if w.endswith("man"):
            out.add(w[:-3] + "men")
        elif w.endswith("person"):
            out.add(w[:-6] + "people")
        elif w.endswith("y") and w[-2:-1] not in "aeiou":
            out.add(w[:-1] + "ies")
        elif w.endswith(("s", "x", "ch", "sh")):
            out.add(w + "es")
        else:
            out.add(w + "s")
    return frozenset(out)


_INSIDERS = _plural_forms(INSIDER_NOUNS) | SPOKESPEOPLE
_POLICE = _plural_forms(POLICE_NOUNS) - POLICE_NOUNS
_CROWDS = _plural_forms(CROWD_NOUNS | PARTY_NOUNS)
_WITNESSES = _plural_forms(WITNESS_NOUNS)
_RELATIVES = _plural_forms(RELATIVE_NOUNS)
_TITLE_PLURALS = _plural_forms(TITLES) - TITLES
_PERSON_NOUNS = _INSIDERS | _CROWDS | _WITNESSES | _RELATIVES | _TITLE_PLURALS | PLAIN_CROWDS | PLAIN_PEOPLE
_SINGULARS = (
    INSIDER_NOUNS | CROWD_NOUNS | PARTY_NOUNS | WITNESS_NOUNS | RELATIVE_NOUNS | SPOKESPEOPLE | TITLES
)
_INDEFINITE = words("a an one another")
# Capitalised words that name no one: titles, person nouns, counts.
_NOT_NAMES = frozenset(TITLES | _PERSON_NOUNS | QUANTIFIERS)
# Titles and determiners frame a phrase without changing what its head names ("Sen. Ann
# Ruiz", "the plan"); every other word of these lists may ("officials", "the White House").
_FRAME = frozenset((TITLES | _DETERMINERS) - {"that", "this", "these", "those"})
_LEXICON = (
    frozenset(
        _PERSON_NOUNS
        | _SINGULARS
        | _TITLE_PLURALS
        | OUTLET_WORDS
        | INSTITUTION_WORDS
        | REPORT_NOUNS
        | CROWD_BODIES
        | QUANTIFIERS
        | _DETERMINERS
        | PRONOUNS
        | DEMONYMS
        | _POST
        | {"media", "those"}
    )
    - _FRAME
)


def _is_plural(head: str) -> bool:
    if head in _SINGULARS:
        return False
    return head in _PERSON_NOUNS or head in _ALONE or (head.endswith("s") and not head.endswith("ss"))


def _crowd_word(word: str, low: str) -> bool:
    """A group noun not listed, by its ending: "conservationists", "physicians", "Europeans"."""
    if low in NOT_PEOPLE or len(low) < 6:
        return False
    if low in DEMONYMS:
        return True
    # Lower case: "-ists", "-ians"; capitalised, a people ("Americans") rather than a surname ("Evans").
    return low.endswith(("ists", "ians") if word[0].islower() else CROWD_ENDINGS)


def _read_part(phrase: str) -> SourcePhrase:
    toks = [w for w in TOKEN.findall(phrase) if w[0].isalnum()]
    if not toks:
        return SourcePhrase("other")
    lows = [w.lower().rstrip(".") for w in toks]
    if len(toks) == 1 and lows[0] in PRONOUNS:
        return SourcePhrase("pronoun", head=lows[0])
    if _LEXICON.isdisjoint(lows) and not lows[-1].endswith(CROWD_ENDINGS) and lows[-1] not in _FRAME:
        capitals = sum(1 for w in toks if w[0].isupper())
        if capitals == len(toks) and lows[-1] not in TITLES:
            # A name and nothing else, the commonest source ("Ana Ortiz", "Sen. Marco Rubio"): no word
            # of it is in a lexicon, and no ending makes it a people ("Europeans").
            names = tuple(w for w, lw in zip(toks, lows, strict=True) if lw not in _FRAME)
            return SourcePhrase("person", "", "", "", False, tuple(toks[:-1]), lows[-1], False, "", "", names)
        if not capitals and not lows[-1].endswith(("ists", "ians")):
            # Common words none of which names a source: "the plan", "his remarks", "the new rules".
            return SourcePhrase("other", head=lows[-1])
    marked = _MARK_HINT.search(phrase) is not None and ANON_MARK.search(phrase) is not None
    cut = _post_start(lows, 1)
    phrase_words, low, post = toks[:cut], lows[:cut], toks[cut:]
    quantifier: list[str] = []
    # "some of the critics", "a majority of Republicans", "one of these people": the head follows "of".
    while (
        post
        and post[0].lower() == "of"
        and len(post) > 1
        and low
        and (
            all(w in QUANTIFIERS or _NUMBER.match(w) or w in _DETERMINERS for w in low)
            or low[-1] in _PARTS_OF
        )
    ):
        quantifier += low + ["of"]
        rest = post[1:]
        rest_low = [w.lower().rstrip(".") for w in rest]
        cut = _post_start(rest_low, 1)
        phrase_words, low, post = rest[:cut], rest_low[:cut], rest[cut:]
    if not low:
        return SourcePhrase("other", marked=marked)
    i = 0
    determiner = ""
    if len(low) > 1 and (low[0] in _DETERMINERS or phrase_words[0].endswith(_APOSTROPHE_S)):
        determiner, i = low[0], 1
    while i < len(low) - 1 and (low[i] in QUANTIFIERS or _NUMBER.match(low[i])):
        quantifier.append(low[i])
        i += 1
    head_word, head = phrase_words[-1], low[-1]
    modifiers = tuple(phrase_words[i:-1])
    if head in _ALONE and not quantifier and len(low) - i == 1:
        quantifier, modifiers = [head], ()  # "many", "others": the quantifier is the crowd
    quant = " ".join(quantifier)
    vague = bool(quantifier) and (
        not _VAGUE_WORDS.isdisjoint(quantifier) or quant.startswith(("a few", "a lot", "a handful"))
    )
    vague = vague and not any(_NUMBER.match(w) for w in quantifier)
    plural = _is_plural(head)
    names = tuple(
        w for w, lw in zip(phrase_words[i:], low[i:], strict=True) if w[0].isupper() and lw not in _NOT_NAMES
    )
    post_text = " ".join(post)

    def made(kind: str, group: str = "") -> SourcePhrase:
        return SourcePhrase(
            kind, group, determiner, quant, vague, modifiers, head, plural, post_text, "", names, marked
        )

    person_head = head in _PERSON_NOUNS or head in _SINGULARS
    if (
        not OUTLET_WORDS.isdisjoint(low)
        and (head in OUTLET_WORDS or any(w[0].isupper() for w in phrase_words))
        and not person_head
        and head not in REPORT_NOUNS
    ):
        return made("outlet")
    if head in _ALONE and quantifier == [head]:
        return made("crowd", "crowd")
    if head in REPORT_NOUNS:
        # "according to reports", "initial news reports", "reports Saturday night": no outlet is named.
        unnamed = all(w.lower() in REPORT_MODIFIERS for w in names)
        if plural and unnamed and (not post or post[0].lower() in _TIME_WORDS):
            return made("anonymous", "report")
        return made("other")
    if head in TITLES and not plural:
        if determiner in _INDEFINITE or (quantifier and not determiner):
            return made("anonymous", "insider")  # "a senior minister": an unnamed office holder
        return made("person")  # an office holder: "the deputy minister", "the general"
    if head in ("member", "members", "leader", "leaders"):
        group = next((MEMBERS_OF[m.lower()] for m in modifiers if m.lower() in MEMBERS_OF), "crowd")
        if group != "crowd" or not plural:
            return made("anonymous", group)  # "family members told", "union leaders said", "a staff member"
    if (
        not plural
        and len(post) >= 2
        and all(w[:1].isupper() and w.lower() not in _PERSON_NOUNS for w in post[-2:])
    ):
        return made("person")  # "candidate for the presidential nomination John Kasich": named at the end
    if head in _POLICE and plural and not quant and not marked:
        return made("institution")  # "deputies said", "investigators say": the force speaking
    if (
        head in _INSIDERS
        and not plural
        and head_word[0].isupper()
        and modifiers
        and modifiers[-1][:1].isupper()
    ):
        return made("person")  # "ATF Special Agent …": a title before a name
    if head in _INSIDERS:
        return made("anonymous", "insider")
    if head in _RELATIVES:
        return made("anonymous", "relative")
    if head in _WITNESSES:
        return made("anonymous", "witness")
    if head == "those" and not modifiers:
        return made("crowd", "crowd")._replace(vague=True)  # "those who oppose the bill"
    if head in CROWD_BODIES and (head_word.islower() or determiner or quant):
        return made("crowd", "crowd")  # "rights groups", "a vocal faction" (not Dave Camp)
    if (
        vague
        and plural
        and head_word.islower()
        and head.endswith(_AGENT_ENDINGS)
        and len(head) > 6
        and head not in NOT_PEOPLE
    ):
        return made("crowd", "crowd")  # "some insurers say", "many market watchers": people by what they do
    if head in _CROWDS or head in _TITLE_PLURALS or _crowd_word(head_word, head):
        if not plural:
            return made("anonymous", "crowd")  # "a critic said": one unnamed person
        return made("anonymous" if marked else "crowd", "crowd")
    if head == "media":
        # "the media loves to …": a crowd; "state media", "Cuban media": the outlets of a country.
        return made("outlet") if modifiers or names else made("crowd", "crowd")
    if head in PLAIN_PEOPLE:
        return made("anonymous", "insider")  # "a person familiar with …", "one person said"
    if head in PLAIN_CROWDS:
        return made("anonymous", "insider") if marked else made("crowd", "crowd")
    if marked and head in _PERSON_NOUNS:
        return made("anonymous", "insider")
    if not INSTITUTION_WORDS.isdisjoint(low):
        return made("institution")
    if names and head_word[0].isupper():
        return made("person")
    if len(post) >= 2 and all(w[:1].isupper() and w.lower() not in _PERSON_NOUNS for w in post[-2:]):
        return made("person")  # "candidate for the nomination John Kasich": the name at the end
    if names and head_word.endswith(_APOSTROPHE_S):
        return made("person")
    return made("other")


def _post_start(lows: list[str], start: int) -> int:
    """Where what follows the head begins: the first of :data:`_POST` after ``start`` ("who've" too)."""
    for i in range(start, len(lows)):
        w = lows[i]
        if w in _POST or (w[:3] == "who" and len(w) > 3 and w[3] in "’'"):
            return i
    return len(lows)
