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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newslint.analysis.lexicon.names import FORMAL_SPELLINGS, GIVEN_NAMES, NICKNAMES
from newslint.analysis.segments import Sentence
from newslint.spans import Span

__all__ = [
    "NameMention",
    "SpellingVariant",
    "blocking_keys",
    "find_names",
    "fold",
    "common_given",
    "given_compatible",
    "given_forms",
    "given_keys",
    "given_sides_meet",
    "shares_given",
    "given_variants",
    "hyphen_part",
    "lowered",
    "may_spell_alike",
    "near_miss",
    "one_slip",
    "skeleton",
    "slip",
    "spelling_variants",
    "strip_article",
    "surname_pair",
    "surname_variants",
    "variant_pairs",
    "written_form",
]


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
# Words of a name are parted by spaces, or by one line break where a name is
# wrapped ("Hamze\nQalandari"); a blank line ends it.
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_WRAPPED_LINE = 40  # a line at least this long before the break is wrapped prose


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
    rf"(?:{_GAP}(?:{_PARTICLE}{_GAP}){{0,2}}{_TOKEN})*"
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
    inspector insp spokesman spokeswoman spokesperson coach dean sr fr firefighter paramedic nurse
    councilman councilwoman councillor councilor alderman alderwoman assemblyman assemblywoman
    congressman congresswoman marshal constable warden chaplain rabbi doctor principal librarian
    treasurer secretary clerk"""
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
    streets avenues roads lanes course capitol
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
    facebook twitter instagram youtube google apple microsoft amazon
    northeast northwest southeast southwest downtown uptown midtown borough precinct police fire
    los las san santa fort mount port new
    muslim muslims islamic islamist sunni sunnis shia shiite shiites jewish catholic catholics"""
    )
)
# Sentence openers, page furniture ("Advertisement", "Share") and other capitalised
# words that never begin a name.
_LEADING_NOISE = frozenset(
    _words(
        """the a an in on at but and or when after before as if while though although since for of
    by to from with he she they it we his her their this that these those there here then also
    however meanwhile police officials authorities according later earlier now today yesterday tonight
    still instead afterward afterwards eventually finally next soon recently currently previously
    separately additionally
    advertisement video photo photos watch share caption close skip embed copy link click subscribe
    listen updated posted"""
    )
)
_PERSON_AFTER = re.compile(
    rf"\s*,\s*(?:\d{{1,3}}\s*(?:,|[.;](?!\d))|(?:a|an|the|who|whose|his|her|its)\b|[{_UPPER}][\w’']*[’']s\b|"
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
    r"(?:[’']s?\b|[’'](?=\s))|\s*,\s*(?:who|whose)\b"
    r"|\s+(?:said|says|told|tells|added|adds|stated|noted|explained|wrote|writes|testified|tweeted|argued|"
    r"asked|answered|replied|insisted|warned|claimed|denied|declined|spoke|speaks|announced|acknowledged|"
    r"has|had|have|is|was|would|could|will|did|does|can|may|might|should|must|[a-z]{2,}ed)\b"
)
# A lone surname in a list of people ("Gabby, Patete and Harris were
# charged") or after a verb acting on a person ("police found Kelly
# unresponsive"); "other Latin products" has neither.
_LIST_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+)?[A-Z]|\s+and\s+[A-Z])")
_ACTION_BEFORE = re.compile(
    r"\b(?:[a-z]{3,}ed|said|told|saw|found|met|shot|hit|struck|killed|charged|arrested|identified|named)\s+\Z"
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
    #: This mention marks a person on its own: a title, a common given name,
    #: an age or apposition, or a speech verb. Beside a marked spelling, a
    #: slip needs no cue of its own ("hitting Jacksno several times").
    marked: bool = False

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
    speech_after = _SPEECH_AFTER.match
    lower_after = _LOWER_AFTER.match
    # A lone word and the lower-case word after it ("Jamie clayton"): a
    # surname written in lower case when the text names "Jamie Clayton".
    lowered: list[tuple[int, int, str, str]] = []
    for m in _RUN.finditer(text):
        run_start = m.start()
        if m.lastindex:  # the run opens with an Arabic article, behind the match
            run_start -= _ARTICLE_LENGTH[m.lastindex]
            run = text[run_start : m.end()]
        else:
            run = m.group()
        if "\n" in run:
            # a wrapped line of prose goes on with the name; a short line (a
            # byline, a caption credit) ends where it ends
            nl = run.index("\n")
            if run_start + nl - (text.rfind("\n", 0, run_start) + 1) < _WRAPPED_LINE:
                run = run[:nl].rstrip()
        parsed = parse(run)
        if parsed is None:
            continue
        start, end, title, given, surname, key, common = parsed
        end += run_start
        # A lone word needs a title ("General Qalandari") or an earlier full name.
        # (or a lone word that speaks: "Castro said", "Díaz-Canel told")
        evidence = (
            bool(title)
            or common
            or (person_after(text, end) is not None if given else speech_after(text, end) is not None)
        )
        add((run_start + start, end, title, given, surname, evidence, key))
        if not given and not title and surname.lower() in GIVEN_NAMES:
            low = lower_after(text, end)
            if low is not None:
                lowered.append((run_start + start, low.end(), surname, low.group(1)))
    # A person is known by a title, a common given name, an age or apposition,
    # or a speech verb (``evidence``), or by a full name whose surname the
    # text also uses alone ("Kaemon Robinson ... Robinson wished"); a surname
    # used alone refers back to such a person.
    known = {c[6] for c in candidates if c[5]}
    lone = {c[6] for c in candidates if not c[3]}
    known.update(c[6] for c in candidates if c[3] and c[6] in lone)
    if lowered:
        # after a common given name, of a surname the text also writes
        # capitalised ("Kevin barbee" ... "Barbee, a sophomore")
        full = {(c[3][0].lower(), c[6]) for c in candidates if c[3] and c[5]}
        extra: list[tuple[int, int, str, tuple[str, ...], str, bool, str]] = [
            (start, end, "", (word,), low, True, low)
            for start, end, word, low in lowered
            if word.lower() in GIVEN_NAMES
            and ((word.lower(), low) in full or low in known or low in lone)
            and low not in _NOT_PERSON
            and _lower_count(text, low) == 1  # not a word the text writes in lower case elsewhere
        ]
        if extra:
            candidates = sorted(candidates + extra)
            known.update(c[6] for c in extra)
    # A lone word spelled like a known surname is a (misspelt) later reference.
    # Known surnames are looked up by their first sound and length (most
    # capitalised words have no known surname near them); a page crowded
    # with near-identical names is blocked by slips instead (linear time).
    by_initial: dict[str, list[str]] = {}
    for k in known:
        by_initial.setdefault(_initial(k), []).append(k)
    by_key: dict[str, list[str]] | None = None
    sentence_starts = {s.start for s in sentences}
    lower_words: frozenset[str] | None = None  # the text's lower-case words, read once if needed
    judged: set[str] = set()  # surname keys read once, however often the word recurs
    cue_after = _PERSON_CUE_AFTER.match
    for c in candidates:
        k = c[6]
        if k in known or k in judged:
            continue
        # an ordinary word ("More", "Read", "Trying") is no misspelt name:
        # not one opening a sentence unless a verb follows ("Preibus said",
        # "Muilenberg stepped down"), nor one the text also writes in lower case
        if not c[3] and c[0] in sentence_starts and not cue_after(text, c[1]):
            continue
        judged.add(k)
        near = by_initial.get(_initial(k))
        if not near:
            continue
        if len(near) > _CROWDED:
            if by_key is None:
                by_key = {}
                for o in known:
                    for block in blocking_keys(o):
                        by_key.setdefault(block, []).append(o)
            near = list({o for block in blocking_keys(k) for o in by_key.get(block, ())})
        n = len(k)
        if not any(abs(len(o) - n) <= 4 and (surname_variants(k, o) or near_miss(k, o)) for o in near):
            continue
        if lower_words is None:
            lower_words = _lower_words(text)
        if k not in lower_words:
            known.add(k)
    mentions: list[NameMention] = []
    seen: set[str] = set()
    starts = [s.start for s in sentences]
    i, last = 0, len(starts) - 1  # the sentence of each mention (candidates come in text order)
    for start, end, title, given, surname, evidence, key in candidates:
        if not evidence and key not in known:
            continue
        while i < last and starts[i + 1] <= start:
            i += 1
        cue = (
            evidence
            or bool(given)
            or cue_after(text, end) is not None
            or _LIST_AFTER.match(text, end) is not None
            or _ACTION_BEFORE.search(text, max(0, start - 24), start) is not None
        )
        mentions.append(NameMention(start, end, title, given, surname, i, key not in seen, cue, evidence))
        seen.add(key)
    return mentions


_CROWDED = 24  # known surnames sharing a first sound beyond which lookups are blocked by slips


@lru_cache(maxsize=65536)
def _initial(word: str) -> str:
    """The first sound of a name as :func:`fold` keeps it: c, k, q and gh are
    one ("Qalandari"/"Ghalandari", "Kareem"/"Careem"), ph is f."""
    w = _plain_letters(word)
    if w.startswith("ph"):
        return "f"
    if w[:1] in ("k", "q") or w.startswith("gh") or (w[:1] == "c" and w[1:2] in ("a", "o", "u", "k")):
        return "q"
    return w[:1]


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-zß-öø-ÿ][\w’'-]*")
_LOWER_AFTER = re.compile(r"[ \t]+([a-zß-öø-ÿ][a-zß-öø-ÿ’'-]{2,})(?![\w’'-])")


def _lower_count(text: str, word: str) -> int:
    """How often ``word`` (lower case) stands as a whole word in ``text``."""
    return sum(1 for _ in re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", text))


def _lower_words(text: str) -> frozenset[str]:
    """Every word the text writes in lower case (one pass, whatever the number of names)."""
    return frozenset(_LOWER_WORD.findall(text))


_PARTICLE_RE = re.compile(_PARTICLE, re.I)
_SUFFIXES = frozenset({"jr", "sr"})


@lru_cache(maxsize=65536)
def _parse_run_words(run: str) -> tuple[int, int, str, tuple[str, ...], str, str, bool] | None:
    """Title, given names, surname and surname key of a capitalised run, offsets relative to the
    run, and whether its first given name is a common one (:data:`GIVEN_NAMES`)."""
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
    if any(len(t) > 2 and t[1].isupper() for t in name):
        return None  # "RBallew", "EUendale": a handle or a scanning slip, not a name
    if not (_NOT_PERSON.isdisjoint(plain[first:]) and _CORE_TITLES.isdisjoint(plain[first:])):
        return None
    if len(name) > 1 and _plain(name[-1]) in _SUFFIXES:
        name = name[:-1]  # "Donald Trump Jr.": the surname is Trump
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
    common = any(g.lower() in GIVEN_NAMES for g in given[:1] if not g.endswith("."))
    return start, end, title, given, surname, _key(surname), common


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
    w = _letters_fold(word)
    if len(w) > 2:
        w = w[0] + _VOWEL.sub("a", w[1:-1]) + w[-1]
        w = _DOUBLED.sub(r"\1", w)
    return w


@lru_cache(maxsize=65536)
def _letters_fold(word: str) -> str:
    """:func:`fold` before its vowels are merged: the consonants' spelling
    folded ("Ghalandari" and "Qalandari" share it, "Mueller" and "Miller" do not)."""
    w = strip_article(word)
    if not w.isascii():  # (ASCII has no accents to fold)
        w = "".join(ch for ch in unicodedata.normalize("NFKD", w) if not unicodedata.combining(ch))
    w = w.lower()
    w = _NOT_LETTER.sub("", w)
    w = w.replace("ph", "f").replace("ck", "q").replace("gh", "q").replace("k", "q")
    w = _HARD_C.sub("q", w)
    if w.endswith("ey"):  # "Kelley"/"Kelly", "Bailey"/"Baily"
        w = w[:-2] + "y"
    w = w.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("y", "i").replace("dh", "d")
    w = _FINAL_H.sub("", w)
    return _DOUBLED.sub(r"\1", w)


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
def written_form(word: str) -> str:
    """A name as written, its apostrophes in one style ("O’Bryan" is "O'Bryan")."""
    return word.replace("’", "'").replace("‘", "'")


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


def given_compatible(a: str, b: str) -> bool:
    """Given names that can belong to one person: absent, equal, variants or an initial."""
    if not a or not b:
        return True
    if a.lower() == b.lower() or fold(a) == fold(b) or given_variants(a, b):
        return True
    if a.endswith(".") or b.endswith("."):
        return a[0].lower() == b[0].lower()
    return False


# --- spelling variants -----------------------------------------------------


@lru_cache(maxsize=65536)
def _plain_letters(word: str) -> str:
    """Lower-case letters only, accents and the Arabic article dropped."""
    w = strip_article(word)
    if not w.isascii():
        w = "".join(ch for ch in unicodedata.normalize("NFKD", w) if not unicodedata.combining(ch))
    return _NOT_LETTER.sub("", w.lower())


def _deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


@lru_cache(maxsize=65536)
def blocking_keys(form: str) -> frozenset[str]:
    """Keys that two spellings of one name share, even one slip apart.

    The folded key (:func:`fold`) and the letters as written, each with every
    one-letter deletion: a transposed pair ("Brzezinksi"), a dropped or
    doubled letter ("Thomson", "Gutierez") or a changed one ("Trockeck")
    leaves a deletion in common, where a consonant skeleton would part them.
    Short forms (under five letters) keep their exact keys only.
    """
    keys: set[str] = set()
    for w in (fold(form), _plain_letters(form)):
        keys |= _deletions(w) if len(w) >= 5 else {w}
    if "-" in form and form.split("-", 1)[1][:1].isupper():  # "Lopez-Garcia" meets "Lopez"
        keys.add(_plain_letters(form.split("-", 1)[0]))
    return frozenset(keys)


def variant_pairs(
    weights: Mapping[str, int], keys: Callable[[str], Iterable[str]] = blocking_keys, anchors: int = 4
) -> list[tuple[str, str]]:
    """Pairs of forms worth comparing, in a stable order.

    Forms are blocked by ``keys``; in each block every form is paired with
    the block's ``anchors`` most used forms (``weights``: mentions or
    articles) only, never all pairs: a misspelling sits beside a usual
    spelling, and a page of a thousand near-identical names costs a
    thousand comparisons per key, not a million.
    """
    blocks: dict[str, list[str]] = {}
    for form in weights:
        for key in keys(form):
            blocks.setdefault(key, []).append(form)
    pairs: set[tuple[str, str]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        top = (
            members if len(members) <= anchors else sorted(members, key=lambda f: (-weights[f], f))[:anchors]
        )
        for a in top:
            for b in members:
                if a != b:
                    pairs.add((a, b) if a < b else (b, a))
    return sorted(pairs)


@lru_cache(maxsize=65536)
def near_miss(a: str, b: str) -> bool:
    """One letter added, dropped or swapped with its neighbour in spellings of
    five letters or more, or changed in spellings of six or more, that open
    alike ("Borne"/"Boren", "Trocheck"/"Trockeck", "Portee"/"Porter"; not
    "Kailey"/"Bailey").

    Weaker than :func:`surname_variants`: callers also ask that one of the
    spellings is never given with a full name of its own.
    """
    from rapidfuzz.distance import OSA

    x, y = _plain_letters(a), _plain_letters(b)
    if x == y or x[0] != y[0] or OSA.distance(x, y) != 1:
        return False
    n = min(len(x), len(y))
    changed = len(x) == len(y) and sum(p != q for p, q in zip(x, y, strict=True)) == 1
    return n >= 6 or (n >= 5 and not changed)


@lru_cache(maxsize=65536)
def slip(a: str, b: str) -> bool:
    """A slip of the keyboard: accents, or one letter added, dropped or swapped
    ("Manfort"/"Manafort", "Kavanuagh"/"Kavanaugh"). A changed letter
    ("Burr"/"Barr") or more ("Hassan"/"Hussein") may be another person."""
    from rapidfuzz.distance import OSA

    x, y = _plain_letters(a), _plain_letters(b)
    if x == y:
        return True
    if OSA.distance(x, y) != 1:
        return False
    return len(x) != len(y) or sum(p != q for p, q in zip(x, y, strict=False)) != 1


@lru_cache(maxsize=65536)
def _given_key(given: str) -> str:
    """A given name's key: its formal name when it is a short form ("Bob" -> "robert"),
    in the spelling the short forms are listed under ("Laurence" -> "lawrence")."""
    g = given.lower()
    g = NICKNAMES.get(g, g)
    return FORMAL_SPELLINGS.get(g, g)


@lru_cache(maxsize=65536)
def given_keys(given: str) -> frozenset[str]:
    """Blocking keys of a given name: those of :func:`blocking_keys` (letters
    swapped or dropped: "Jaime"/"Jamie") and its formal name ("Bob": "robert")."""
    return blocking_keys(given) | {fold(_given_key(given))}


@lru_cache(maxsize=65536)
def given_forms(a: str, b: str) -> bool:
    """Two given names one article writes for one person: accents or a slip
    of the keyboard ("Raul"/"Raúl", "Jeffery"/"Jeffrey", "Sara"/"Sarah"), or
    a short form beside its formal name ("Bob"/"Robert").

    Stricter than :func:`given_variants`: in one article two names alike
    only once folded ("Tory"/"Terry") or two short forms of one name ("Ken",
    "Kenny": a father and his son) may be relatives.
    """
    if not a or not b or _letters(a) == _letters(b) or a.endswith(".") or b.endswith("."):
        return False
    if _derived(_plain_letters(a), _plain_letters(b)):
        return False  # "Ethiopia"/"Ethiopian" (Airlines)
    if min(len(a), len(b)) >= 4 and a[0].lower() == b[0].lower() and slip(a, b):
        return True
    x, y = _plain_letters(a), _plain_letters(b)
    if len(x) == len(y) >= 5:
        changed = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
        if len(changed) == 1 and 0 < changed[0] < len(x) - 1 and {x[changed[0]], y[changed[0]]} <= _VOWELS:
            return True  # an inner vowel ("Reshawna"/"Reshowna"); not a last letter ("Maria"/"Mario")
    ka, kb = _given_key(a), _given_key(b)
    # a short form beside a formal name it stands for ("Larry"/"Laurence"), or the
    # two spellings of a formal name; never two short forms ("Ken"/"Kenny")
    return ka == kb and (a.lower() not in NICKNAMES or b.lower() not in NICKNAMES)


_VOWELS = frozenset("aeiouy")


def lowered(a: str, b: str) -> bool:
    """One spelling is the other in lower case ("clayton"/"Clayton"): a slip
    of the shift key. Other differences of case are typography."""
    return a != b and (a.islower() != b.islower()) and a.lower() == b.lower()


@lru_cache(maxsize=65536)
def one_slip(a: str, b: str) -> bool:
    """Spellings one keystroke apart that open alike: accents, or one letter
    added, dropped, swapped with its neighbour or changed after the first
    ("Babree"/"Barbee", "Peterson"/"Petersen"; not "Tyler"/"Taylor"). Case,
    apostrophes and hyphens are typography ("DeVine"/"Devine").
    """
    from rapidfuzz.distance import OSA

    if _letters(a) == _letters(b):
        return False  # case and apostrophes are typography ("O'Sullivan"/"O’Sullivan")
    x, y = _plain_letters(a), _plain_letters(b)
    if x == y:
        return a.lower() != b.lower() and a.replace("-", " ").lower() != b.replace("-", " ").lower()
    return bool(x) and bool(y) and x[0] == y[0] and OSA.distance(x, y) == 1


@lru_cache(maxsize=65536)
def given_variants(a: str, b: str) -> bool:
    """Two given names of one person: transliterations ("Hamze"/"Hamzeh"),
    accents ("Raul"/"Raúl") or a short form and its formal name
    ("Bob"/"Robert", "Dave"/"David").

    Stricter than surnames: relatives share a surname and differ by given
    name, so "Maria"/"Mario" and "Edwin"/"Edward" stay apart; letters
    swapped or dropped ("Jaime"/"Jamie") are :func:`given_forms`.
    """
    if not a or not b or _letters(a) == _letters(b) or a.endswith(".") or b.endswith("."):
        return False
    if fold(a) == fold(b) or given_forms(a, b):
        return True
    ka, kb = _given_key(a), _given_key(b)
    return ka == kb or ka == b.lower() or kb == a.lower()


@dataclass(frozen=True)
class SpellingVariant:
    """One person's name written two ways in one article (:func:`spelling_variants`).

    ``odd`` are the mentions of the rarer spelling (on a tie, each side is
    the odd one of its own variant), ``usual`` those of the other; ``given``
    says the given names differ ("Bob"/"Robert Menendez"), not the surnames.
    """

    odd_form: str
    usual_form: str
    odd: tuple[NameMention, ...]
    usual: tuple[NameMention, ...]
    given: bool = False


def _surname_form(m: NameMention) -> str:
    return strip_article(m.surname)


def spelling_variants(mentions: Sequence[NameMention], text: str) -> list[SpellingVariant]:
    """Names spelled two ways in one article, each at its rarer spelling.

    Surnames are paired by :func:`variant_pairs` (blocks that survive one
    slip) and kept when they spell one name (:func:`surname_variants`, or a
    :func:`near_miss` for a surname the article never gives with a given
    name), belong to one person (no two different given names), both show a
    person, are not ordinary words the article also writes in lower case,
    and do not stand in one sentence unless one is a slip of the other.
    Given names are compared under one surname (:func:`given_forms`).
    """
    forms: dict[str, list[NameMention]] = {}
    for m in mentions:
        forms.setdefault(_surname_form(m), []).append(m)
    found: list[SpellingVariant] = []
    lower_words: frozenset[str] | None = None
    first_names = {m.given_name for m in mentions if m.given_name}
    for a, b in _surname_pairs(forms):
        ma, mb = forms[a], forms[b]
        if not may_spell_alike(a, b):
            continue
        full_a, full_b = any(m.given for m in ma), any(m.given for m in mb)
        same = shares_given({m.given_name for m in ma}, {m.given_name for m in mb})
        named = (any(common_given(m.given_name) for m in ma), any(common_given(m.given_name) for m in mb))
        if not surname_pair(a, b, full_a, full_b, same, named):
            continue
        near = not surname_variants(a, b)
        if not _same_person(ma, mb):
            continue
        if (not full_a and a in first_names) or (not full_b and b in first_names):
            continue  # "Bryan" alone is Bryan Smith, not a slip for "Bryant"
        close = one_slip(a, b) and not _derived(_plain_letters(a), _plain_letters(b))
        if not (_shows_person(ma, mb, close, text) and _shows_person(mb, ma, close, text)):
            continue  # "Latin products" beside "Voto Latino": one side is no person
        if {m.sentence for m in ma} & {m.sentence for m in mb} and not (slip(a, b) or same):
            # "King Hussein and Crown Prince Hassan": one sentence, two people (but
            # "Ana Pisciotti ... Ana Pisciotii" is one full name spelled two ways)
            continue
        if lower_words is None:
            lower_words = _lower_words(text)
        if not lowered(a, b) and (_ordinary(a, lower_words) or _ordinary(b, lower_words)):
            continue  # "Lock"/"Lack", "Read"/"Reed": words the article also uses
        found.extend(_sides(a, b, ma, mb, False, near))
    # Given names under one surname ("Bob Menendez", "Robert Menendez").
    by_given: dict[str, dict[str, list[NameMention]]] = {}
    for m in mentions:
        if m.given_name:
            by_given.setdefault(_surname_form(m).lower(), {}).setdefault(m.given_name, []).append(m)
    for givens in by_given.values():
        if len(givens) < 2:
            continue
        for ga, gb in variant_pairs({g: len(ms) for g, ms in givens.items()}, given_keys):
            if given_forms(ga, gb) and any(m.marked for m in (*givens[ga], *givens[gb])):
                found.extend(_sides(ga, gb, givens[ga], givens[gb], True))
    found.sort(key=lambda v: v.odd[0].start)
    return found


def _surname_pairs(forms: Mapping[str, Sequence[NameMention]]) -> list[tuple[str, str]]:
    """Pairs of an article's surname forms worth comparing: those with the same
    first sound and close lengths (an article has few forms), or, for a page
    crowded with names, those :func:`variant_pairs` blocks together."""
    if len(forms) > _CROWDED * 2:
        return variant_pairs({f: len(ms) for f, ms in forms.items()})
    by_initial: dict[str, list[str]] = {}
    for f in forms:
        by_initial.setdefault(_initial(f), []).append(f)
    pairs = []
    for group in by_initial.values():
        group.sort()
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if abs(len(a) - len(b)) <= 4 or hyphen_part(a, b):
                    pairs.append((a, b))
    return sorted(pairs)


def hyphen_part(a: str, b: str) -> bool:
    """One form is the first part of the other, hyphenated ("Lopez"/"Lopez-Garcia")."""
    if len(a) > len(b):
        a, b = b, a
    if "-" not in b or "-" in a:
        return False
    first, second = b.split("-", 1)
    # a second surname, not a compound ("Soros-run", "Trump-related")
    return first.lower() == a.lower() and second[:1].isupper() and second[1:2].islower()


def surname_pair(
    a: str,
    b: str,
    full_a: bool,
    full_b: bool,
    same_given: bool = False,
    named: tuple[bool, bool] | None = None,
) -> bool:
    """Two surname forms that spell one name, knowing whether each is ever
    given with a given name (``full_a``, ``full_b``), whether both are given
    with the same one (``same_given``) and whether each is given with a
    common given name (``named``; default: ``full_a``, ``full_b``).

    One form in lower case ("clayton"/"Clayton"); under the same given name,
    :func:`one_slip` or :func:`surname_variants` ("Joshua Chilsd" beside
    "Joshua Childs"); else a letter added, dropped or swapped
    ("Brzezinksi"), a letter changed only where one form is introduced in
    full and the other never is ("Rhythm Portee" then "Porter"; not
    "McConnell"/"McDonnell", two surnames each used alone), and neither a
    common given name used alone ("Bryan" beside "Bryant"); more than one
    slip only as a transliteration of the consonants ("Qalandari"/
    "Ghalandari"), not other vowels ("Mueller"/"Miller"). Never two words
    that only look alike: a plural ("the
    Trumps", "Democrats" beside "Democrat") unless the plural form is itself
    a marked person's full name ("James Jenkins" beside "Jenkin") and the
    singular is no given name ("Williams" beside "William"), a country and
    its people ("Russia"/"Russian", "Israel"/"Israeli", "Germany"/"German",
    "Honduras"/"Hondurans"), a doctrine ("Nazism"), or forms too short to
    tell ("Ben"/"Bean").
    """
    named_a, named_b = named if named is not None else (full_a, full_b)
    pa, pb = _plain_letters(a), _plain_letters(b)
    x, fx, y, ny = (pa, full_a, pb, named_b) if len(pa) <= len(pb) else (pb, full_b, pa, named_a)
    if len(x) < 4 or y.endswith(_DOCTRINE) or x.endswith(_DOCTRINE):
        return False
    if len(x) < 5 and len(x) == len(y) and x != y:
        return False  # a changed letter in a short name proves nothing ("Rose"/"Rise", "Will"/"Well")
    if _derived(x, y) and y not in (x + "s", x + "es"):
        return False
    if y in (x + "s", x + "es") and (not ny or x in GIVEN_NAMES):
        return False  # "Walter" (a first name used alone) beside "Walters"
    if lowered(a, b):
        return True
    if same_given:
        # under one given name: a slip, a transliteration, or a hyphenated
        # surname written without its second part ("Ana Lopez-Garcia", "Ana Lopez")
        return not _derived(x, y) and (
            one_slip(a, b)
            or (surname_variants(a, b) and _letters_fold(a) == _letters_fold(b))
            or hyphen_part(a, b)
        )
    lone = y if fx else x
    if one_slip(a, b):
        if len(x) == len(y) and sum(p != q for p, q in zip(x, y, strict=True)) == 1:
            # a changed letter: only beside a form introduced in full ("Portee"
            # then "Porter"), not two surnames each used alone ("McConnell"/"McDonnell")
            return (
                full_a != full_b
                and lone not in GIVEN_NAMES
                and (near_miss(a, b) or (len(x) >= 5 and surname_variants(a, b)))
            )
        return len(x) >= 5 or surname_variants(a, b)
    # more than one slip: a transliteration of the consonants ("Qalandari"/
    # "Ghalandari", "Hamze"/"Hamzeh"), not other vowels ("Mueller"/"Miller")
    return surname_variants(a, b) and _letters_fold(a) == _letters_fold(b)


_DOCTRINE = ("ism", "isms", "ist", "ists")


def _derived(x: str, y: str) -> bool:
    """One word made from the other (lower-case letters): a plural
    ("Republican"/"Republicans"), a people or a country ("Russia"/"Russian",
    "Israel"/"Israeli", "Germany"/"German"/"Germans", "Honduras"/"Hondurans")."""
    if len(x) > len(y):
        x, y = y, x
    return y in (
        x + "s",
        x + "es",
        x + "n",
        x + "an",
        x + "ian",
        x + "ns",
        x + "ans",
        x + "i",
        x + "is",
        x + "y",
    ) or (y == x[:-1] + "ns" or (x.endswith("y") and y == x[:-1] + "s"))


def common_given(name: str) -> bool:
    """Whether ``name`` is a common given name ("Kevin", "Maria"; :data:`~newslint.analysis.lexicon.names.GIVEN_NAMES`)."""
    return name.lower() in GIVEN_NAMES


def _sides(
    a: str, b: str, ma: Sequence[NameMention], mb: Sequence[NameMention], given: bool, near: bool = False
) -> list[SpellingVariant]:
    """The rarer spelling is the odd one; on a tie, each is flagged beside the
    other, except a changed letter in a surname never given in full (that one)."""
    if lowered(a, b):  # the lower-case spelling is the slip, however often
        return (
            [SpellingVariant(a, b, tuple(ma), tuple(mb))]
            if a.islower()
            else [SpellingVariant(b, a, tuple(mb), tuple(ma))]
        )
    if len(ma) == len(mb) and near:
        full_a, full_b = any(m.given for m in ma), any(m.given for m in mb)
        if full_a != full_b:
            return (
                [SpellingVariant(b, a, tuple(mb), tuple(ma))]
                if full_a
                else [SpellingVariant(a, b, tuple(ma), tuple(mb))]
            )
    if len(ma) < len(mb):
        return [SpellingVariant(a, b, tuple(ma), tuple(mb), given)]
    if len(mb) < len(ma):
        return [SpellingVariant(b, a, tuple(mb), tuple(ma), given)]
    return [
        SpellingVariant(a, b, tuple(ma), tuple(mb), given),
        SpellingVariant(b, a, tuple(mb), tuple(ma), given),
    ]


def _shows_person(these: Sequence[NameMention], other: Sequence[NameMention], close: bool, text: str) -> bool:
    """Whether a spelling's mentions show a person: one of them has a cue of
    its own, or this spelling is one slip (``close``) from a marked full name
    (a title, a common given name, an age, a speech verb) and stands where a
    person can ("Kevin Barbee, 15, ..." then "remembering Babree as"): not
    after a house number or "in", "at", "near" (a street, a town), nor
    before a noun it qualifies ("other Latin products").
    """
    if any(m.cue for m in these):
        return True
    if not close or len(these[0].surname) < 5 or not any(m.marked and m.given for m in other):
        return False  # ("Well," beside "George Will": a short word is too often a word)
    return any(
        _PLACE_BEFORE.search(text, max(0, m.start - 16), m.start) is None and _FREE_AFTER.match(text, m.end)
        for m in these
    )


# What may follow a name standing alone: a stop, or a word that starts a new
# phrase ("remembering Babree as", "hitting Jacksno several times"); not a
# noun it qualifies ("Latin products").
_FREE_AFTER = re.compile(
    r"[ \t]*(?:[.,;:!?)”\"’'—–]|\Z)|[ \t]+(?:and|or|as|at|in|on|to|for|with|from|during|after|before|while|"
    r"when|who|that|but|several|many|a|an|the|his|her|their|its|this|these|those|into|over|because|until|"
    r"since|if|once|twice|again|too|also)\b"
)
_PLACE_BEFORE = re.compile(
    r"(?:\d|\b(?:in|at|near|outside|inside|across|into|toward|towards|through|of\s+the))[ \t]+\Z", re.I
)


def _ordinary(form: str, lower_words: frozenset[str]) -> bool:
    """The form also occurs in lower case in the text: an English word, not only a name."""
    low = form.lower()
    return low != form and low in lower_words


def _same_person(a: Sequence[NameMention], b: Sequence[NameMention]) -> bool:
    """The spellings can name one person: a side gives no given name, or
    a given name of one fits one of the other ("Joshua" beside "Belinda
    and Joshua"); not only different ones (two relatives, "Edwin"/"Marcus")."""
    return given_sides_meet(
        {m.given_name for m in a if m.given_name}, {m.given_name for m in b if m.given_name}
    )


def may_spell_alike(a: str, b: str) -> bool:
    """The cheap half of :func:`surname_pair`: whether two forms are alike
    enough for it to be asked (one slip, a transliteration, a lower-case
    form); callers ask this before gathering given names."""
    return lowered(a, b) or one_slip(a, b) or surname_variants(a, b) or hyphen_part(a, b)


def shares_given(givens_a: Iterable[str], givens_b: Iterable[str]) -> bool:
    """Whether two spellings are given with one given name ("Joshua"/"Joshua",
    "Jeffery"/"Jeffrey"; initials do not count)."""
    by_initial: dict[str, list[str]] = {}
    words_b = set()
    for h in givens_b:
        if h and not h.endswith("."):
            words_b.add(h.lower())
            words_b.add(_given_key(h))  # a short form meets its formal name ("Bob", "Robert")
            by_initial.setdefault(h[0].lower(), []).append(h)
    if not words_b:
        return False
    for g in givens_a:
        if not g or g.endswith("."):
            continue
        if g.lower() in words_b or _given_key(g) in words_b:
            return True
        if any(given_forms(g, h) for h in by_initial.get(g[0].lower(), ())):
            return True
    return False


def given_sides_meet(givens_a: set[str], givens_b: set[str]) -> bool:
    """Whether two spellings' given names can belong to one person: one side
    has none, or some given name of one side fits one of the other."""
    if not givens_a or not givens_b:
        return True
    return any(given_compatible(x, y) for x in givens_a for y in givens_b)
