"""Bytes to text: byte-order marks, UTF-8, and binary detection."""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class BinaryFileError(ValueError):
    """The bytes are not text (NUL bytes with no byte-order mark)."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes; returns (text, encoding name).

    A byte-order mark decides the encoding and is dropped. Otherwise the bytes
    must be UTF-8; NUL bytes mean a binary file. Raises BinaryFileError or
    UnicodeDecodeError.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding), encoding
    if b"\x00" in data[:8192]:
        raise BinaryFileError("it contains NUL bytes")
    return data.decode("utf-8"), "utf-8"
