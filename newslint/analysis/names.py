"""Person names: who is mentioned, with which title, and how each is spelled.

"Brigadier General Hamzeh Qalandari" is a first reference (title "Brigadier
General", given name "Hamzeh", surname "Qalandari"); "General Qalandari" and
"Qalandari" later are later references to the same surname. Possessives
("Assad’s"), particles ("al-Assad", "van der Berg") and middle initials are
handled. No language model: a run of capitalised words counts as a person
when a title precedes it, an age or an apposition follows it ("X, 25," "X,
Iran’s deputy minister"), a speech verb follows it, or its surname is used
alone later in the article (the way news copy refers back to people).

:func:`fold` is the transliteration-aware key that spelling rules compare:
h-final, q/k/gh, al-/el-, inner vowels and doubled letters fold together, so
"Hamze"/"Hamzeh" and "Qalandari"/"Ghalandari" have the same key while
"Maria"/"Mario" (a final vowel) do not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from newslint.analysis.segments import Sentence
from newslint.spans import Span


def _words(block: str) -> frozenset[str]:
    """A word list written as a block of text (data, kept readable)."""
    return frozenset(block.split())


_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
# One capitalised word ending in a lower-case letter (so "TEHRAN", "SANA",
# "U.S." are not names), optionally with an Arabic article ("al-Assad"),
# an apostrophe ("O’Brien") or a hyphen ("El-Amin").
_AFTER_CAPITAL = rf"[{_LOWER}{_UPPER}’'-]*[{_LOWER}](?:[’']s)?"  # the rest of a word after its capital
_WORD = rf"(?:(?:al|el|ad|ar|as|ash|at|az|an|ul)[-‐])?[{_UPPER}]{_AFTER_CAPITAL}"
_TITLE_ABBREVIATIONS = _words(
    "Gen Lt Col Maj Capt Sgt Det Dr Mr Mrs Ms Prof Rev Sen Rep Gov Cpl Pvt Adm Supt Insp Cmdr Sr Fr"
)
# (In any order: at most one title fits before the full stop.)
_ABBREVIATED_TITLE = rf"(?:{'|'.join(sorted(_TITLE_ABBREVIATIONS))})\."
_INITIAL = rf"[{_UPPER}]\."
_PARTICLE = r"(?:van|von|der|den|de|da|di|du|del|della|dos|das|la|le|bin|ibn|al|el|abu)"
_TOKEN = rf"(?:{_ABBREVIATED_TITLE}|{_WORD}|{_INITIAL})"


def _after_own_capital(words: frozenset[str]) -> str:
    """Alternatives for the letters of ``words`` after their capital, each behind its own capital."""
    by_capital: dict[str, list[str]] = {}
    for word in sorted(words):
        by_capital.setdefault(word[0], []).append(word[1:])
    return "|".join(f"(?<={capital})(?:{'|'.join(rests)})" for capital, rests in by_capital.items())


# A run of tokens, the first not preceded by a letter, digit, apostrophe or
# hyphen: ``(?<![\w’'-]){_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+){0,2}{_TOKEN})*``,
# written to open with its first capital so that the regex engine skips from
# one capital to the next without trying the positions between (40% less time
# for the scan). So the first token is its capital followed by, in order:
# - the rest of a word, when an Arabic article stands before the capital
#   ("al-Assad"): the match starts at the capital, and group 1 or 2 says that
#   the run starts 3 or 4 characters earlier;
# - where the capital itself opens the run, the rest of an abbreviated title
#   (at most one fits), of a word or of an initial, as in ``_TOKEN``.
_RUN = re.compile(
    rf"[{_UPPER}](?:"
    rf"(?<=(?<![\w’'-])(?:al|el|ad|ar|as|at|az|an|ul)[-‐].){_AFTER_CAPITAL}()"
    rf"|(?<=(?<![\w’'-])ash[-‐].){_AFTER_CAPITAL}()"
    rf"|(?<![\w’'-].)(?:(?:{_after_own_capital(_TITLE_ABBREVIATIONS)})\.|{_AFTER_CAPITAL}|\.))"
    rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_TOKEN})*"
)
_ARTICLE_LENGTH = (0, 3, 4)  # by the group that matched in _RUN's first token

# Words of a title; a title needs one of the core words.
_CORE_TITLES = frozenset(
    _words(
        """president minister general brigadier lieutenant lt gen col colonel major maj captain capt
    sergeant sgt officer detective det chief sheriff deputy mayor governor gov senator sen
    representative rep judge justice dr mr mrs ms miss prof professor rev reverend father pope
    king queen prince princess sheikh ayatollah imam commissioner superintendent supt corporal
    cpl pvt private admiral adm ambassador secretary chairman chairwoman chancellor trooper
    investigator attorney coroner pastor bishop cardinal speaker commander cmdr agent patrolman
    inspector insp spokesman spokeswoman spokesperson coach dean sr fr"""
    )
)
_TITLE_WORDS = _CORE_TITLES | frozenset(
    _words(
        """vice prime first staff master state foreign defense defence interior acting former police
    fire county executive assistant district general's deputy's for of the army air navy border
    national security affairs international finance health justice"""
    )
)
# Words that make a capitalised run a place, an organisation or an event.
_NOT_PERSON = frozenset(
    _words(
        """street st avenue ave road rd boulevard blvd drive lane way court place highway interstate
    county city town village township department dept ministry agency news university college
    school academy hospital church mosque temple council party army forces force airport center
    centre park heights republic day company inc corp group association office house senate
    congress committee organization organisation union bank times post press station bureau club
    hall mall square bridge river lake mountain mountains island islands state states nations
    kingdom administration services institute foundation museum library stadium arena hotel
    restaurant market valley beach gulf sea ocean east west north south middle awareness action
    international national federal commons attribution license licence network channel radio tv
    weekly daily journal tribune herald gazette review magazine television media online
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december christmas easter ramadan
    facebook twitter instagram youtube google apple microsoft amazon"""
    )
)
# Sentence openers and other capitalised words that never begin a name.
_LEADING_NOISE = frozenset(
    _words(
        """the a an in on at but and or when after before as if while though although since for of
    by to from with he she they it we his her their this that these those there here then also
    however meanwhile police officials authorities according"""
    )
)
_PERSON_AFTER = re.compile(
    rf"\s*,\s*(?:\d{{1,3}}\s*,|(?:a|an|the|who|whose|his|her|its)\b|[{_UPPER}][\w’']*[’']s\b|"
    r"(?!(?:and|or|but|nor|yet|so|for|to|with|by|as|then|which|where|including|according|not)\b)[a-z])"
    r"|\s+(?:said|says|told|added|stated|noted|explained|spoke|wrote|tweeted|testified|declined|died|"
    r"was\s+(?:shot|killed|arrested|charged|identified))\b"
)
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|stated|noted|explained|wrote|testified)\b")
# What makes a lone surname a person where it stands: a verb of speech or
# an auxiliary after it ("Preibus told", "Kavanagh has denied", "Sharp
# noted"), or a possessive ("Horowtiz's report"). "Latin products",
# "Baghdad security officials", "in Paris with" have none.
_PERSON_CUE_AFTER = re.compile(
    r"(?:[’']s?\b|[’'](?=\s))"
    r"|\s+(?:said|says|told|tells|added|adds|stated|noted|explained|wrote|writes|testified|tweeted|argued|"
    r"asked|answered|replied|insisted|warned|claimed|denied|declined|spoke|speaks|announced|acknowledged|"
    r"has|had|have|is|was|would|could|will|did|does|can|may|might|should|must|[a-z]{2,}ed)\b"
)
_POSSESSIVE = ("’s", "'s")
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ul)[-‐]", re.I)


@dataclass(frozen=True)
class NameMention(Span):
    """A person mentioned by name. ``start``/``end`` cover the name, not its title.

    ``given`` holds given names and initials as written ("Hamzeh", "George W.");
    ``surname`` the family name with its particles ("al-Assad", "van der Berg").
    ``first`` is True for the first mention of this surname in the document.
    """

    title: str
    given: tuple[str, ...]
    surname: str
    sentence: int
    first: bool
    #: This mention itself shows a person: a title, a given name with an
    #: age or apposition, or a speech verb, auxiliary or possessive after a
    #: lone surname. A spelling seen only without a cue may be an ordinary
    #: capitalised word ("Latin", "Paris"), not a person.
    cue: bool = True

    @property
    def full(self) -> bool:
        return bool(self.given)

    @property
    def given_name(self) -> str:
        """The first given name that is not an initial ("" when none)."""
        for g in self.given:
            if not g.endswith("."):
                return g
        return ""

    def spelling(self) -> str:
        return " ".join([*self.given, self.surname]) if self.given else self.surname


def find_names(text: str, sentences: list[Sentence]) -> list[NameMention]:
    """Person-name mentions in ``text``, in order."""
    # (start, end, title, given, surname, evidence, key) of each capitalised
    # run that reads as a name. The reading of a run depends on its words
    # alone, except for what follows it: memoised on the run (runs such as
    # "The" or "Donald Trump" recur across and within articles), then placed
    # in the text. (Methods are bound to local names: this loop sees every
    # capitalised word of the text.)
    candidates: list[tuple[int, int, str, tuple[str, ...], str, bool, str]] = []
    add = candidates.append
    parse = _parse_run_words
    person_after = _PERSON_AFTER.match
    for m in _RUN.finditer(text):
        run_start = m.start()
        if m.lastindex:  # the run opens with an Arabic article, behind the match
            run_start -= _ARTICLE_LENGTH[m.lastindex]
            parsed = parse(text[run_start : m.end()])
        else:
            parsed = parse(m.group())
        if parsed is None:
            continue
        start, end, title, given, surname, key = parsed
        end += run_start
        # A lone word needs a title ("General Qalandari") or an earlier full name.
        evidence = bool(title) or (bool(given) and person_after(text, end) is not None)
        add((run_start + start, end, title, given, surname, evidence, key))
    # A person is known by a title, an age or apposition, or a speech verb
    # (``evidence``); a surname used alone refers back to such a person.
    known = {c[6] for c in candidates if c[5]}
    # A lone word spelled like a known surname is a (misspelt) later reference.
    by_skeleton: dict[str, list[str]] = {}
    for k in known:
        by_skeleton.setdefault(skeleton(k), []).append(k)
    sentence_starts = {s.start for s in sentences}
    judged: set[str] = set()  # surname keys read once, however often the word recurs
    for c in candidates:
        k = c[6]
        if c[3] or k in known or k in judged:
            continue
        # an ordinary word ("More", "Read", "Trying") is no misspelt name:
        # not one opening a sentence unless a speech verb follows ("Preibus
        # said"), nor one the text also writes in lower case
        if c[0] in sentence_starts and not _SPEECH_AFTER.match(text, c[1]):
            continue
        judged.add(k)
        if by_skeleton and _misspelt(k, by_skeleton, text):
            known.add(k)
    mentions: list[NameMention] = []
    seen: set[str] = set()
    starts = [s.start for s in sentences]
    i, last = 0, len(starts) - 1  # the sentence of each mention (candidates come in text order)
    cue_after = _PERSON_CUE_AFTER.match
    for start, end, title, given, surname, evidence, key in candidates:
        if not evidence and key not in known:
            continue
        while i < last and starts[i + 1] <= start:
            i += 1
        cue = evidence or bool(given) or cue_after(text, end) is not None
        mentions.append(NameMention(start, end, title, given, surname, i, key not in seen, cue))
        seen.add(key)
    return mentions


def _misspelt(key: str, by_skeleton: dict[str, list[str]], text: str) -> bool:
    """``key`` is a variant of a known surname (listed by skeleton) and the text never writes it in lower case."""
    similar = by_skeleton.get(skeleton(key))
    if not similar or not any(surname_variants(key, o) for o in similar):
        return False
    return re.search(rf"(?<![\w’'-]){re.escape(key)}(?![\w’'-])", text) is None


_PARTICLE_RE = re.compile(_PARTICLE, re.I)


@lru_cache(maxsize=65536)
def _parse_run_words(run: str) -> tuple[int, int, str, tuple[str, ...], str, str] | None:
    """Title, given names, surname and surname key of a capitalised run; offsets relative to the run."""
    tokens = run.split()  # a run is words separated by spaces and tabs
    plain = [_plain(t) for t in tokens]
    # The title is everything up to the last title word that has a name after it.
    cut = 0
    if not _TITLE_WORDS.isdisjoint(plain[:-1]):
        for i, word in enumerate(plain[:-1]):
            if word in _TITLE_WORDS and (
                word in _CORE_TITLES or not _CORE_TITLES.isdisjoint(plain[i + 1 : -1])
            ):
                cut = i + 1
        if cut and _CORE_TITLES.isdisjoint(plain[:cut]):
            cut = 0
    first = cut
    if not cut:
        while first < len(plain) and plain[first] in _LEADING_NOISE:
            first += 1
    name = tokens[first:]
    if not name or len(name) > 4:
        return None
    if not (_NOT_PERSON.isdisjoint(plain[first:]) and _CORE_TITLES.isdisjoint(plain[first:])):
        return None
    last = name[-1]
    if last.endswith("."):
        return None  # ends in an initial or abbreviation: not a name
    # The run ends with its last word; its first name word follows the title or leading words.
    start = _offset(run, tokens, first) if first else 0
    end = len(run) - len(last)
    last = _unpossessive(last)
    end += len(last)
    words = name[:-1]
    # Particles ("van der", "bin") belong to the surname.
    surname_parts = [last]
    while words and _PARTICLE_RE.fullmatch(words[-1]):
        surname_parts.insert(0, words.pop())
    given = tuple(words)
    title = " ".join([_unpossessive(t) for t in tokens[:cut]]) if cut else ""
    surname = " ".join(surname_parts)
    return start, end, title, given, surname, _key(surname)


def _offset(run: str, tokens: list[str], i: int) -> int:
    """Where ``tokens[i]`` (of ``run.split()``) starts in ``run``."""
    pos = 0
    for token in tokens[:i]:
        pos = run.index(token, pos) + len(token)
    return run.index(tokens[i], pos)


@lru_cache(maxsize=65536)
def _plain(token: str) -> str:
    return _unpossessive(token).rstrip(".").lower()


def _unpossessive(word: str) -> str:
    """``word`` without a possessive "’s" ("Assad’s" -> "Assad")."""
    return word[:-2] if word.endswith(_POSSESSIVE) else word


@lru_cache(maxsize=65536)
def _key(surname: str) -> str:
    return strip_article(surname).lower()


@lru_cache(maxsize=65536)
def strip_article(word: str) -> str:
    """The Arabic article dropped ("al-Assad" -> "Assad"): the article is a style choice, not a spelling."""
    return " ".join(_ARTICLE.sub("", w) for w in word.split())


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A transliteration-aware key: spellings of one name share it.

    Folds accents, the Arabic article, gh/k/ck/c(a,o,u) to q, ph to f, ou/oo
    to u, ee/y to i, a final h after a vowel, doubled letters, and every inner
    vowel to "a" (the last letter is kept: "Maria" and "Mario" differ).
    """
    w = strip_article(word)
    if not w.isascii():  # (ASCII has no accents to fold)
        w = "".join(ch for ch in unicodedata.normalize("NFKD", w) if not unicodedata.combining(ch))
    w = w.lower()
    w = _NOT_LETTER.sub("", w)
    w = w.replace("ph", "f").replace("ck", "q").replace("gh", "q").replace("k", "q")
    w = _HARD_C.sub("q", w)
    w = w.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("y", "i").replace("dh", "d")
    w = _FINAL_H.sub("", w)
    w = _DOUBLED.sub(r"\1", w)
    if len(w) > 2:
        w = w[0] + _VOWEL.sub("a", w[1:-1]) + w[-1]
        w = _DOUBLED.sub(r"\1", w)
    return w


_NOT_LETTER = re.compile(r"[^a-z]")
_HARD_C = re.compile(r"c(?=[aou])")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_DOUBLED = re.compile(r"(.)\1+")
_VOWEL = re.compile(r"[aeiou]")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonants of :func:`fold` (the blocking key for spelling comparisons)."""
    f = fold(word)
    return f[0] + _VOWEL.sub("", f[1:]) if f else ""


#: Folded spellings at least this similar (rapidfuzz ratio, 0-100) are one name.
SIMILARITY = 85.0


@lru_cache(maxsize=65536)
def _letters(word: str) -> str:
    """Case and apostrophe style are typography, not spelling ("Za’nilah"/"Za'nilah")."""
    return word.replace("’", "'").replace("‘", "'").lower()


@lru_cache(maxsize=65536)
def surname_variants(a: str, b: str) -> bool:
    """Two written surnames that spell one name differently ("Priebus"/"Preibus").

    The Arabic article and letter case are not spelling ("al-Assad"/"Assad").
    Spellings that fold to one key are variants; so are long ones whose folded
    keys are nearly equal (a typo). Callers block by :func:`skeleton` first.
    """
    x, y = strip_article(a), strip_article(b)
    if _letters(x) == _letters(y):
        return False
    from rapidfuzz.fuzz import ratio

    # The written forms must stay alike too: folding alone makes "Kennedy"
    # and "Ghandi" close ("qanadi"/"qandi").
    written = ratio(_letters(x), _letters(y))
    fx, fy = fold(x), fold(y)
    if fx == fy:
        return written >= 60
    if min(len(fx), len(fy)) < 5:
        return False
    return ratio(fx, fy) >= SIMILARITY and written >= 70


@lru_cache(maxsize=65536)
def given_variants(a: str, b: str) -> bool:
    """Two given names that transliterate one name ("Hamze"/"Hamzeh").

    Stricter than surnames: only a shared folded key counts, since relatives
    share a surname and differ by given name ("Maria"/"Mario" stay apart).
    """
    if not a or not b or _letters(a) == _letters(b):
        return False
    return fold(a) == fold(b)


def given_compatible(a: str, b: str) -> bool:
    """Given names that can belong to one person: absent, equal, variants or an initial."""
    if not a or not b:
        return True
    if a.lower() == b.lower() or fold(a) == fold(b):
        return True
    if a.endswith(".") or b.endswith("."):
        return a[0].lower() == b[0].lower()
    return False
