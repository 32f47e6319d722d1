"""Bytes to text: byte-order marks, UTF-8, legacy encodings and binary detection.

Files from old CMS exports are often Windows-1252 or Latin-1, sometimes
UTF-8 damaged by a bad copy. newslint never garbles them silently: a file
that is not clean UTF-8 (or UTF-16/32 with a byte-order mark) is decoded
with the most plausible encoding and ``Decoded.notice`` says what was done,
so the engine can report it.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

__all__ = ["BinaryFileError", "Decoded", "byte_order_mark", "decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF = 8192
#: Characters a Western text in Windows-1252 or Latin-1 is made of beyond ASCII.
_WESTERN = re.compile(
    r"[\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_LETTERS = re.compile(r"[^\W\d_]+")


# Characters that UTF-8 continuation bytes (0x80-0xbf) become in Windows-1252.
_CONTINUATION = "".join(bytes([b]).decode("cp1252", "replace") for b in range(0x80, 0xC0)).replace(
    "\ufffd", ""
)
#: UTF-8 read as Windows-1252 and saved again: "’" became "â€™", "é" became "Ã©".
_MOJIBAKE = re.compile(f"(?:[ÂÃ]|â€)[{re.escape(_CONTINUATION)}\x80-\x9f]")


class BinaryFileError(ValueError):
    """The bytes are not text (NUL bytes with no byte-order mark)."""


class Decoded(NamedTuple):
    text: str
    #: Python's name of the encoding used.
    encoding: str
    #: Why the file was not plain UTF-8 and what was done instead, or None.
    notice: str | None = None
    #: Offset in ``text`` of the first character the notice is about.
    offset: int = 0


def byte_order_mark(data: bytes) -> bytes:
    """The byte-order mark that starts ``data`` (b"" when none): a file written back keeps it."""
    return next((bom for bom, _ in _BOMS if data.startswith(bom)), b"")


def decode(data: bytes) -> Decoded:
    """Decode a file's bytes.

    A byte-order mark decides the encoding and is dropped. UTF-16 without a
    mark is recognised by its pattern of NUL bytes; other NUL bytes mean a
    binary file. Bytes that are not UTF-8 are decoded as damaged UTF-8 (when
    the rest is UTF-8), as Windows-1252 (when the text reads as a Western
    language), or with the encoding charset-normalizer detects, each time with
    a notice. Raises BinaryFileError, or UnicodeDecodeError when no encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8":
                data = data[len(bom) :]  # and on: damaged UTF-8 is handled below
                break
            body = data[len(bom) :]
            try:
                return Decoded(body.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                return Decoded(
                    body.decode(encoding, errors="replace"),
                    encoding,
                    f"invalid {encoding.upper()[:6]}: undecodable bytes replaced by U+FFFD; "
                    "repair the file and save it as UTF-8",
                    len(body[: exc.start].decode(encoding, errors="replace")),
                )
    head = data[:_SNIFF]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        if _binary(head):
            raise BinaryFileError("it contains NUL bytes")
    if b"\x00" in data:
        return _with_nuls(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _legacy(data, exc)
    return _double_encoded(text) or Decoded(text, "utf-8")


#: Bytes that are neither text nor a line or page break.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\x00") + b"\x7f"


def _binary(head: bytes) -> bool:
    """Binary data, not text with a stray NUL: NULs or other control bytes are common.

    (An image, a PDF or a word-processor file holds them by the hundred in its
    first kilobytes; an article damaged in transit holds a few NULs in prose.)
    """
    nuls = head.count(0)
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return nuls > max(2, len(head) // 100) or controls * 50 > len(head)


def _with_nuls(data: bytes) -> Decoded:
    """Text holding a few NUL bytes: each is read as a space (offsets stay), with a notice."""
    first = data.index(0)
    count = data.count(0)
    decoded = decode(data.replace(b"\x00", b" "))
    where = len(data[:first].decode(decoded.encoding, errors="replace"))
    note = (
        f"the text holds {count} NUL byte{'s' if count != 1 else ''} (damaged in transit or by an export), "
        "read as spaces; repair the file"
    )
    if decoded.notice is not None:  # an encoding notice too: one notice, at the earlier place
        return decoded._replace(notice=f"{decoded.notice}; {note}", offset=min(decoded.offset, where))
    return decoded._replace(notice=note, offset=where)


def _double_encoded(text: str) -> Decoded | None:
    """Valid UTF-8 holding mojibake: decoded right, but garbled before it was saved."""
    first = _MOJIBAKE.search(text)
    if first is None:
        return None
    count = sum(1 for _ in _MOJIBAKE.finditer(text))
    try:
        meant = f" for “{first.group(0).encode('cp1252').decode('utf-8')}”"
    except UnicodeError:
        meant = ""
    notice = (
        f"text looks double-encoded (UTF-8 read as Windows-1252 and saved again): “{first.group(0)}”{meant}, "
        f"{count} place{'s' if count != 1 else ''}; checked as it is: repair the text"
    )
    return Decoded(text, "utf-8", notice, first.start())


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text with no byte-order mark: most of every other byte is NUL.

    (Latin text has a NUL high byte; curly quotes and other scripts do not.)
    """
    head = data[: _SNIFF - _SNIFF % 2]
    half = len(head) // 2
    if half < 2:
        return None
    for encoding, nul_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        if head[nul_at::2].count(0) >= 0.7 * half and head[1 - nul_at :: 2].count(0) <= 0.05 * half:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for ch in text[:_SNIFF] if ord(ch) < 32 and ch not in "\t\n\r\f")
            return Decoded(text, encoding) if controls <= 0.01 * len(text[:_SNIFF]) else None
    return None


def _legacy(data: bytes, error: UnicodeDecodeError) -> Decoded:
    where = f"byte 0x{data[error.start]:02x} is not UTF-8"
    damaged = data.decode("utf-8", errors="replace")
    bad = damaged.count("\ufffd")
    good = sum(1 for ch in damaged if 127 < ord(ch) < 0xFFFD or 0x1F000 <= ord(ch) < 0x20000)
    if good > bad:
        # Real UTF-8 sequences outnumber the bad bytes: UTF-8 damaged in places.
        # Reading it as a single-byte encoding would garble every good one.
        return Decoded(
            damaged,
            "utf-8",
            f"invalid UTF-8: {bad} undecodable byte sequence{'s' if bad != 1 else ''} replaced by U+FFFD "
            f"(first: {where}); repair the file and save it as UTF-8",
            damaged.index("\ufffd"),
        )
    text = _western(data)
    encoding = "cp1252"
    if text is None:
        detected = _detect(data)
        if detected is None:
            raise error
        text, encoding = detected
    name = {"cp1252": "Windows-1252"}.get(encoding, encoding)
    offset = next((i for i, ch in enumerate(text) if ord(ch) > 127), 0)
    return Decoded(
        text,
        encoding,
        f"not UTF-8 ({where}): decoded as {name}; check its accented letters and quotation marks, "
        "then save it as UTF-8",
        offset,
    )


def _western(data: bytes) -> str | None:
    """The text as Windows-1252 if it reads like a Western language, else None.

    Latin-1 files decode the same (its C1 controls 0x80-0x9f never occur in
    prose). Cyrillic or Greek single-byte text also decodes, but as words made
    only of accented letters ("Ïðåçèäåíò"), which real Western words never are.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    if not all(_WESTERN.match(ch) for ch in high):
        return None
    words = [w for w in _LETTERS.findall(text) if not w.isascii()]
    foreign = sum(1 for w in words if len(w) >= 3 and not any(c.isascii() for c in w))
    return text if foreign <= 0.2 * len(words) else None


def _detect(data: bytes) -> tuple[str, str] | None:
    """Ask charset-normalizer (imported only now: UTF-8 files never pay for it)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # an optional helper: without it, the file is reported unreadable
        return None
    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return str(best), best.encoding
