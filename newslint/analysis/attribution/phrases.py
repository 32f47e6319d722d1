"""Noun-phrase readers: the source next to a cue, read word by word.

The subject before a cue (:func:`np_before`), the phrase after one
(:func:`np_after`: "according to X", "said X") and the subject that opens a
sentence (:func:`sentence_subject`). Each reads a bounded number of words, so
the cost stays linear in the text.
"""

from __future__ import annotations

import re

from newslint.analysis._scan import words
from newslint.analysis.attribution.classify import ANON_MARK, classify_source
from newslint.analysis.attribution.tokens import PERSONAL, PRONOUNS, np_word, tokens
from newslint.analysis.lexicon.cues import INFORM_WORDS, STANCE_WORDS
from newslint.analysis.segments import Sentence
from newslint.spans import Span

__all__ = [
    "BREAK_LEFT",
    "BREAK_RIGHT",
    "COORDINATORS",
    "MAX_NP",
    "SKIP_BEFORE_CUE",
    "np_after",
    "np_before",
    "sentence_subject",
    "sentence_subject_from",
]

# Between a subject and its verb: auxiliaries, adverbs, time words.
SKIP_BEFORE_CUE = words("""also has have had was were is are will would could may might must should shall can did does do
    later then further furthermore previously once again repeatedly recently earlier now still never not
    publicly privately simply just flatly firmly quickly often frequently always initially reportedly
    apparently subsequently separately yesterday today tonight first finally already even last yet
    monday tuesday wednesday thursday friday saturday sunday on since long week month year night morning
    hasn't haven't hadn't didn't doesn't don't won't wouldn't couldn't isn't aren't wasn't weren't can't
    hasn’t haven’t hadn’t didn’t doesn’t don’t won’t wouldn’t couldn’t isn’t aren’t wasn’t weren’t can’t
    cannot""")
# Words that end a subject noun phrase on its left.
BREAK_LEFT = words("""that which who whom whose and but or nor while because when whenever if as so than then after
    before since although though where whereas whether what unless until once yet however meanwhile
    is was were are be been being has have had will would could can may might must should do does did
    said says say told added not also even only just this these those there here it its their his her
    our my your we they he she i you him them us me""")
BREAK_RIGHT = words("""that which who whom whose and but or while because when if as so than after before since although
    though where whereas whether on in at during about over last this earlier later recently told said
    says added is was were are has have had will would could can may might to for via""")
MAX_NP = 12
COORDINATORS = words("and but or")
_LAST_WORD = re.compile(r"([A-Za-z’']+)[^A-Za-z’']*$")


def np_before(text: str, lo: int, cue_start: int, coordinate: bool = True) -> Span | None:
    """The subject noun phrase that ends just before a cue.

    Read first from the last 60 characters (most subjects are a few words); from the
    last 220 only when the phrase, a bracket, a dash or an apposition reaches further.
    """
    window_start = max(lo, cue_start - 220)
    if cue_start - window_start > _SHORT_WINDOW:
        # Start the short window at a space, never inside a word.
        short_start = text.find(" ", cue_start - _SHORT_WINDOW, cue_start)
        if short_start > window_start:
            found = _np_before(text, lo, cue_start, coordinate, tokens(text, short_start, cue_start), True)
            if found is not _FURTHER:
                return found
    return _np_before(text, lo, cue_start, coordinate, tokens(text, window_start, cue_start), False)


_SHORT_WINDOW = 60
_FURTHER_MARKS = (")", ",", "-", "—", "–")
#: Returned by a reading of the short window that needs the long one.
_FURTHER = Span(-1, -1)


def _np_before(
    text: str, lo: int, cue_start: int, coordinate: bool, toks: list[tuple[int, int, str]], short: bool
) -> Span | None:
    j = len(toks)
    # Skip auxiliaries, adverbs and time words between subject and verb.
    while j > 0:
        raw = toks[j - 1][2]
        w = raw.lower()
        # Lowercase only: "Kelly said", "Theresa May said" end in names, not adverbs.
        if (w in SKIP_BEFORE_CUE and (raw.islower() or w in _WEEKDAYS)) or (
            w.endswith("ly") and raw.isalpha() and raw.islower() and len(w) > 4 and w not in _LY_NOUNS
        ):
            if w in ("it", "who", "which", "that"):
                break
            j -= 1
            continue
        break
    if short and (j < 3 or toks[j - 1][2] in _FURTHER_MARKS):
        return _FURTHER  # the words before the cue run to the window's edge, or a bracket, dash or apposition
    # "Gov. Ann Moss (R-Ky.), said": the comma after a party tag closes nothing.
    if j > 1 and toks[j - 1][2] == "," and toks[j - 2][2] == ")":
        j -= 1
    # A party tag or an age in brackets: "Ann Moss (R-Ky.) told", "Tom Diaz (pictured) said".
    if j > 0 and toks[j - 1][2] == ")":
        k = j - 2
        while k >= 0 and j - k < 8 and toks[k][2] != "(":
            k -= 1
        if k >= 0 and toks[k][2] == "(":
            head = np_before(text, lo, toks[k][0])
            return None if head is None else Span(head.start, toks[j - 1][1])
    # "Democrats in Congress - which is in recess - say": the subject before the aside.
    if j > 0 and toks[j - 1][2] in _DASHES:
        k = j - 2
        while k >= 0 and j - k < 20 and toks[k][2] not in _DASHES:
            k -= 1
        if k > 0 and toks[k][2] == toks[j - 1][2]:
            head = np_before(text, lo, toks[k][0])
            return None if head is None else Span(head.start, toks[j - 1][1])
    if j == 0:
        return None
    last_start, last_end, last = toks[j - 1]
    low = last.lower()
    if low in PRONOUNS:
        return Span(last_start, last_end)
    if low in COORDINATORS:
        # "… called her “crazy” and said …": the subject of the first verb.
        return sentence_subject_from(text, lo, last_start)
    if last in ",":
        return _appositive_subject(toks, j, text)
    if not np_word(last) or low in _LEFT_TRIM:
        return None  # "deprive readers of plainly stated facts": no subject ends in a preposition
    k = j - 1
    while k > 0 and j - k < MAX_NP:
        w = toks[k - 1][2]
        lw = w.lower()
        if w == "-" and (text[toks[k - 1][0] - 1 : toks[k - 1][0]].isspace() or toks[k - 2][2] == "-"):
            break  # "the Party -- recently": a dash, not a hyphen
        if w in ("’s", "'s", "-", "&", ".") or (w in ("’", "'") and k >= 2 and toks[k - 2][2].endswith("s")):
            k -= 1  # "the mayor's aide", "the teachers' union"
            continue
        if w in ("“", "”", '"') and k >= 2 and toks[k - 2][2][:1].isalnum():
            k -= 1  # "clerks at “multiple” properties": a scare-quoted word inside the phrase
            continue
        if (
            lw == "and"
            and k >= 2
            and toks[k - 2][2][:1].isupper()
            and toks[k - 2][2].lower() not in PRONOUNS
            and toks[k][2][:1].isupper()
        ):
            k -= 1
            continue
        if lw in _DEMONSTRATIVES or lw in _POSSESSIVES:
            k -= 1  # "this official", "these people", "his aides"
            if k >= 2 and toks[k - 1][2].lower() in _INNER_PREPS:
                continue  # "most of these delegates", "a source close to her legal team"
            break
        if not np_word(w) or (lw in BREAK_LEFT and not w.isupper()):
            break
        if w.islower() and (
            lw in _FINITE
            or (
                lw.endswith("ed")
                and (toks[k][2].lower() in _DETERMINERS or toks[k][2][:1].isupper() or toks[k][2] == "by")
            )
        ):
            break  # "the contract went to [Tom Reyes]", "visited the [mayor]", "fueled [Boeing's sales]"
        if lw == "to" and not (k >= 2 and toks[k - 2][2].lower() in ("close", "next")):
            break  # "relationships with the customers to [the pilots]"; but "a source close to her"
        k -= 1
        if lw in _NP_START and not (k > 0 and toks[k - 1][2].lower() in _LEFT_TRIM):
            if (
                lw in ("few", "lot", "handful", "number", "majority")
                and k > 0
                and toks[k - 1][2].lower() == "a"
            ):
                k -= 1  # "a few critics", "a lot of people"
            break  # "is one reason [some sources] say": a determiner opens the phrase
    if short and k < 3:
        return _FURTHER  # the phrase may go on before the window
    # A noun phrase never starts with a preposition or a lowercase verb-like word.
    while k < j - 1 and toks[k][2].lower() in _LEFT_TRIM:
        k += 1
    if k >= 2 and toks[k - 1][2] in ("called", "named") and toks[k][2][:1].isupper():
        # "a group called the Center for Popular Democracy said": the phrase before the name
        named = np_before(text, lo, toks[k - 1][0], coordinate=False)
        if named is not None:
            return Span(named.start, last_end)
    if (
        k > 0
        and toks[k - 1][2].lower() in _APPROX
        and (toks[k][2][0].isdigit() or toks[k][2].lower() in _NP_START)
    ):
        k -= 1  # "about a third of voters", "nearly 40 percent"
    if coordinate and k >= 2 and toks[k - 1][2].lower() in ("and", "nor"):
        # "he and Brafman", "Mr. Xi and other leaders", "Neither Ortiz nor her aides".
        left = np_before(text, lo, toks[k - 1][0], coordinate=False)
        if (
            left is not None
            and _coordinable(text, left, lo)
            and classify_source(text[toks[k][0] : last_end]) not in ("anonymous", "crowd")
            and classify_source(text[left.start : left.end]) not in ("anonymous", "crowd")
        ):
            start = left.start
            opener = _LAST_WORD.search(text, max(lo, start - 9), start)
            if opener is not None and opener.group(1).lower() in ("neither", "both", "either"):
                start = opener.start(1)
            return Span(start, last_end)
    return Span(toks[k][0], last_end)


def _coordinable(text: str, left: Span, lo: int) -> bool:
    """A conjunct that can share a verb: a personal pronoun or a capitalised name."""
    phrase = text[left.start : left.end]
    if phrase.lower() in ("he", "she", "they", "i", "we"):
        return True
    names = [w for w in phrase.split() if w[0].isalpha()]
    return bool(names) and all(w[0].isupper() for w in names)


_APPROX = words("about nearly almost roughly around only just over under some")


_WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
_DEMONSTRATIVES = words("this these those")
_POSSESSIVES = words("his her their its our my your")
_DETERMINERS = words("the a an his her their its our my your")
_NP_START = words(
    "a an the some several many most few two three four five six seven eight nine ten dozens lot"
)


_LY_NOUNS = words("family ally assembly rally daily weekly monthly italy supply anomaly")
# Words a source's description goes on after: "briefed on", "familiar with", "close to".
_DESCRIBING = words("briefed familiar close knowledgeable")
# Prepositions inside a subject, before a determiner: "most of these", "close to her".
_INNER_PREPS = words("of to with")
_DASHES = ("-", "—", "–")
_LEFT_TRIM = words("of for with at in from on to by about against among")


def _appositive_subject(toks: list[tuple[int, int, str]], j: int, text: str) -> Span | None:
    """ "Smith, a spokesman for the ministry, said": the subject with its appositive.

    The appositive may hold commas and quotation marks of its own ("Ruiz, who
    calls the plan “a scandal,” said"): up to three comma-separated chunks are
    tried, nearest first, for a subject before them.
    """
    # toks[j-1] is the closing comma; walk back over the appositive's chunks.
    k = j - 2
    chunks = 0
    while k >= 0 and j - k < 45:
        w = toks[k][2]
        if w == ")":
            # "Ann Moss (D-Md.), chair of the committee, said": step over the tag.
            m = k - 1
            while m >= 0 and k - m < 8 and toks[m][2] != "(":
                m -= 1
            if m < 0 or toks[m][2] != "(":
                return None
            k = m - 1
            continue
        if w in (";", ":", "("):
            return None
        if w == "," and 0 < k < len(toks) - 1 and toks[k - 1][2].isdigit() and toks[k + 1][2].isdigit():
            k -= 1  # "a city of 36,000": a number, not a comma between chunks
            continue
        if w == ",":
            head = _np_before_tokens(toks, k)
            if head is not None:
                first = toks[k + 1][2].lower() if k + 1 < j - 1 else ""
                aside = first in _ASIDE and not ANON_MARK.search(text, toks[k][1], toks[j - 1][0])
                if aside or (first.isdigit() and k + 2 == j - 1):
                    return Span(head, toks[k - 1][1])  # "Ruiz, however, said", "Ruiz, 69, said"
                return Span(head, toks[j - 1][1])
            chunks += 1
            if chunks == 3:
                return None
        k -= 1
    return None


# An aside between a subject and its verb, not an appositive: "Ruiz, in turn, said".
_ASIDE = words("""for in however after before though although meanwhile too also then like unlike not at on
    during when while once speaking asked citing instead moreover indeed still""")


def _np_before_tokens(toks: list[tuple[int, int, str]], j: int) -> int | None:
    if j > 1 and toks[j - 1][2] == ")":  # "Ann Moss (D-Md.)": the name before the tag
        m = j - 2
        while m >= 0 and j - m < 8 and toks[m][2] != "(":
            m -= 1
        return _np_before_tokens(toks, m) if m > 0 and toks[m][2] == "(" else None
    if j == 0 or not np_word(toks[j - 1][2]):
        return None
    k = j - 1
    while k > 0 and j - k < MAX_NP:
        w = toks[k - 1][2]
        if w in ("’s", "'s", "-", "."):
            k -= 1
            continue
        if not np_word(w) or w.lower() in BREAK_LEFT:
            break
        k -= 1
    while k < j - 1 and toks[k][2].lower() in _LEFT_TRIM:
        k += 1
    first = toks[k][2]
    if not (first[0].isupper() or first.lower() in ("the", "a", "an")):
        return None
    return toks[k][0]


def np_after(
    text: str, start: int, end: int, inverted: bool = False, after_quote: bool = False
) -> Span | None:
    """The noun phrase that starts just after a cue ("according to X", "said X")."""
    toks = tokens(text, start, min(end, start + 160), MAX_NP)  # the loop below reads no further
    if not toks:
        return None
    first = toks[0][2]
    low = first.lower()
    if inverted:
        # A name, a pronoun or a determined noun phrase: "said Smith", "said the official";
        # after a quotation anything nominal ("…,” said state Rep. Tom Diaz).
        if low in PERSONAL:
            return Span(toks[0][0], toks[0][1])
        if not (
            first[0].isupper()
            or low in ("the", "a", "an", "one", "two", "three", "several")
            or (after_quote and first[0].isalpha() and low not in BREAK_RIGHT)
        ):
            return None
    elif not np_word(first):
        return None
    k = 0
    while k < len(toks) and k < MAX_NP:
        w = toks[k][2]
        lw = w.lower()
        if w in ("’s", "'s", "-", "&"):
            k += 1
            continue
        if not np_word(w):
            break
        if (
            k > 0
            and lw in BREAK_RIGHT
            and not (lw in ("with", "to", "for", "of") and not inverted)
            and toks[k - 1][2].lower() not in _DESCRIBING
        ):
            break  # but "people briefed on the talks", "a source close to the family"
        k += 1
    if k == 0:
        return None
    return Span(toks[0][0], toks[k - 1][1])


_FINITE = words("""is was were are has have had will would could can may might must should did does do
    made makes make took takes gave gives went goes came comes""")
_NP_PREPS = words("of for with to at in from")
# Words after which a sentence's subject has ended: a finite verb, a cue word,
# a clause or phrase opener other than a preposition inside a noun phrase.
# ("state" and "states" are nouns in subjects far more often: "state legislators".)
_ENDS_SUBJECT = frozenset(_FINITE | INFORM_WORDS | STANCE_WORDS | (BREAK_RIGHT - _NP_PREPS)) - {
    "state",
    "states",
}


def sentence_subject(text: str, sent: Sentence, limit: int) -> Span | None:
    """The noun phrase that opens a sentence (after an introductory phrase and its comma)."""
    return sentence_subject_from(text, sent.start, limit)


def sentence_subject_from(text: str, start: int, limit: int) -> Span | None:
    # Read below: an introductory phrase of up to 20 tokens, then at most MAX_NP.
    toks = tokens(text, start, limit, 20 + MAX_NP)
    # "And some lawmakers …": a coordinator opens the sentence, not an introductory phrase.
    while toks and toks[0][2].lower() in ("and", "but", "or", "so", "yet"):
        toks = toks[1:]
    # Skip an introductory phrase ("On Tuesday, …", "Asked about it, …", "Instead, …").
    if toks and _is_intro(toks[0][2], toks[1][2] if len(toks) > 1 else ""):
        for i, (_, _, w) in enumerate(toks[:20]):
            if w == ",":
                toks = toks[i + 1 :]
                break
    out: list[tuple[int, int, str]] = []
    for t in toks:
        w = t[2]
        lw = w.lower()
        if not np_word(w) and w not in ("’s", "'s", "-", "."):
            break
        if out and (lw in _ENDS_SUBJECT or (lw.endswith("ed") and w.islower() and len(lw) > 4)):
            break
        out.append(t)
        if lw in PRONOUNS:
            break
        if len(out) >= MAX_NP:
            return None
    while out and out[-1][2].lower() in _NP_PREPS:
        out.pop()
    if not out:
        return None
    return Span(out[0][0], out[-1][1])


_INTRO = words(
    """on in at after before during while when since as with by for from despite amid instead however
    meanwhile moreover still yet but and also then later earlier now today yesterday last so thus indeed
    asked speaking writing earlier separately afterward afterwards"""
)


def _is_intro(word: str, following: str) -> bool:
    """A word opening an introductory phrase: "On …", "Finally, …", "Speaking to reporters, …" (not
    a name that ends the same way: "Kelly said", "O'Reilly, a lawyer", "Manning told")."""
    low = word.lower()
    if low in _INTRO:
        return True
    if not (word[0].isupper() and low.isalpha() and len(low) > 4):
        return False
    if low.endswith("ly"):
        return following == ","
    return low.endswith("ing") and following[:1].islower() and following.lower() not in _ENDS_SUBJECT
