"""Scanning text for words and phrases: the helpers every analysis layer shares.

- :func:`words`: a word list written as one spaced string (data, kept readable);
- :func:`trie_pattern`: a regex alternation factored by common prefixes;
- :func:`fold_lower`: lower-casing as ``re.IGNORECASE`` reads it, one character for one;
- :class:`WordScanner`: ``finditer`` for a case-insensitive whole-word pattern, twice as fast.

Written once here and used by the analysis layers and the declarative rules;
rules never scan the text themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

__all__ = ["WORD_START", "WordScanner", "fold_lower", "trie_pattern", "words"]


def words(spaced: str) -> frozenset[str]:
    """A word list written as one spaced string (data, kept readable)."""
    return frozenset(spaced.split())


def trie_pattern(alternatives: Iterable[str], token: Callable[[str], str] = re.escape) -> str:
    """A regex alternation of strings, factored by common prefixes (many times faster
    to match than a flat ``a|b|c`` in the ``re`` engine). Longest strings win.

    ``token`` renders one character (default: escaped as itself; a phrase
    list may render a space as ``\\s+``). Built without recursion, so a
    phrase of any length is fine.
    """
    trie: dict[str, dict] = {}
    for word in alternatives:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    rendered: dict[int, str] = {}
    # Post-order over the nodes with an explicit stack: (node, children done?).
    stack: list[tuple[dict[str, dict], bool]] = [(trie, False)]
    while stack:
        node, done = stack.pop()
        children = [(ch, child) for ch, child in sorted(node.items()) if ch]
        if not done:
            stack.append((node, True))
            stack.extend((child, False) for _, child in children)
            continue
        ends = "" in node
        branches = [token(ch) + rendered.pop(id(child)) for ch, child in children]
        if not branches:
            rendered[id(node)] = ""
            continue
        # One branch needs no group of its own: a long phrase stays a flat run
        # of characters, not thousands of nested groups.
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        rendered[id(node)] = f"(?:{body})?" if ends else body
    return rendered[id(trie)]


# Letters that IGNORECASE equates with an ASCII letter but str.lower() leaves
# alone ("ı" for i, "ſ" for s), and "İ", which str.lower() makes two characters.
_CASE_ODDITIES = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})


def fold_lower(text: str) -> str:
    """``text.lower()`` as IGNORECASE reads it, one character for one.

    Every code point lower-cases to one character once those three letters
    are folded, so offsets in the result are the text's; and a pattern
    written in lower case, matched case-sensitively in the result, tests each
    character as it would under IGNORECASE in ``text``.
    """
    if "ı" in text or "İ" in text or "ſ" in text:  # (translate() is slow on non-ASCII text)
        text = text.translate(_CASE_ODDITIES)
    return text.lower()


#: Where a match of a :class:`WordScanner` may start: not after a letter, a
#: digit, an apostrophe or a hyphen.
WORD_START = r"(?<![\w’'-])"


class WordScanner:
    """``pattern.finditer(text)``, about twice as fast, for a case-insensitive
    pattern whose matches start and end a word (its ``source`` opens with
    :data:`WORD_START` and every match ends in a letter).

    It scans the text lower-cased by :func:`fold_lower` with ``source``
    compiled without re.IGNORECASE (so ``source`` is written in lower case):
    each character then tests as it does under IGNORECASE. Two more changes
    leave the matches as they are: the scanner consumes the character before
    a match (the text is scanned with a space in front) instead of looking
    behind at every character, so the engine skips from one non-letter to the
    next in a tight loop; and, when ``first_words`` is given, a look-ahead for
    them (a trie, followed by no word character) drops most words before
    ``source``'s alternatives are tried. ``first_words`` must then hold the
    first word of every possible match. Each match is taken again on the text
    itself with ``pattern``, so callers get the same match objects.
    """

    def __init__(self, source: str, first_words: Iterable[str] = ()) -> None:
        if not source.startswith(WORD_START):
            raise ValueError("a WordScanner pattern starts with WORD_START")
        self.pattern = re.compile(source, re.I)
        ahead = rf"(?=(?:{trie_pattern(first_words)})(?![\w’'-]))" if first_words else ""
        # "[^a-z]" first: a character class the engine tests before trying a
        # match; the look-behind then checks the character it consumed.
        self._scanner = re.compile(r"[^a-z](?<=[^\w’'-])" + ahead + source[len(WORD_START) :])

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        lower = fold_lower(text)
        # With the space in front, a scanner match at i consumes text[i - 1]:
        # the word itself starts at i.
        for m in self._scanner.finditer(" " + lower):
            match = self.pattern.match(text, m.start())
            assert match is not None
            yield match
