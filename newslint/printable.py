"""Text made safe to print: one finding, one line, whatever a file name or a message holds.

File names come from the file system as bytes; Python hands the bytes that are
not UTF-8 over as lone surrogates, which no UTF-8 output can carry, and a name
may hold a line break or a terminal escape. Messages quote article text, which
may span lines. Reporters that print one line per finding pass paths and
messages through here, so a name can neither break the output's encoding nor
forge a line (or a CI workflow command).
"""

from __future__ import annotations

import os
import re

__all__ = ["one_line", "path_bytes", "printable"]

# C0 and C1 controls, DEL, lone surrogates (undecodable file-name bytes), and the
# line and paragraph separators some terminals and editors break lines at.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x0b\x0c\x85]+\s*")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte the file system name held that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"


def printable(text: str) -> str:
    """``text`` with control characters and undecodable bytes shown as escapes (``\\n``, ``\\xe9``)."""
    return _UNPRINTABLE.sub(_escape, text) if _UNPRINTABLE.search(text) else text


def one_line(text: str) -> str:
    """A message on one line: line breaks (and the spaces around them) become one space,
    other control characters escapes."""
    return printable(_BREAKS.sub(" ", text))


def path_bytes(path: str) -> bytes:
    """The bytes of a file name as the file system holds them (for URIs and digests)."""
    return os.fsencode(path)
