"""Words of a sentence as the attribution readers see them.

:data:`TOKEN` reads an abbreviation with its full stop ("Sen.", "Mr."), a word
with inner apostrophes, hyphens and full stops ("U.S", "al-Assad"), or one
mark; :func:`tokens` returns them with their offsets.
"""

from __future__ import annotations

import re
from itertools import islice

from newslint.analysis._scan import words

__all__ = ["PERSONAL", "PRONOUNS", "TOKEN", "np_word", "tokens"]

# "(?=[A-Z])": every abbreviation opens with a capital; the look-ahead lets the
# engine skip their alternatives at once before any other character.
TOKEN = re.compile(
    r"(?=[A-Z])(?:(?:[A-Z]\.){2,}|(?:Mrs|Mr|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|Gens?|Adm|Maj|[A-Z])\.)(?!\w)"
    r"|[A-Za-z\u00C0-\u024F0-9][\w’'.\-]*[\w]|[A-Za-z\u00C0-\u024F0-9]|[^\w\s]"
)
PRONOUNS = words("he she they it we i you who which that this")
PERSONAL = words("he she they we i you")


def tokens(text: str, start: int, end: int, count: int | None = None) -> list[tuple[int, int, str]]:
    """The tokens of ``text[start:end]`` as (start, end, word); only the first ``count``
    when given (the scan stops there: readers going left to right need a few)."""
    found = TOKEN.finditer(text, start, end)
    return [(t.start(), t.end(), t.group(0)) for t in (found if count is None else islice(found, count))]


def np_word(w: str) -> bool:
    """A word that may stand in a noun phrase (not a mark)."""
    return bool(w) and (w[0].isalnum() or w in ("’s", "'s"))
