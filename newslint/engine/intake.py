"""Intake: a file's bytes, decoded, read into a Document by the reader of its suffix.

Whatever goes wrong on the way (a file too large, unreadable, binary, not
UTF-8, a reader that fails or hangs) becomes a notice (NL0xx) on that file,
never an exception: the run goes on with the other files.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from newslint.core_rules import BinaryFile, FileTooLarge, NotUtf8, StepTimedOut, UnreadableFile
from newslint.document import Document, SourceMap
from newslint.engine.deadline import StepTimeout, time_limit
from newslint.engine.decode import BinaryFileError, decode
from newslint.engine.discovery import Target
from newslint.engine.results import described, notice, suppression_ok
from newslint.findings import Finding
from newslint.readers import Reader

__all__ = ["MAX_FILE_BYTES", "READER_STEP", "Intake", "document_problem"]

#: Files up to this size are read whole; larger ones are reported and skipped.
MAX_FILE_BYTES = 10 * 1000 * 1000
#: The number of the reader's step (the per-document pass numbers its rules from 1).
READER_STEP = 0


@dataclass(frozen=True)
class Intake:
    """Reads files into documents.

    :param readers: suffix -> reader (``.txt`` reads any suffix no other reader claims).
    :param max_file_bytes: larger files are skipped with an NL008 notice (``--max-file-size``).
    :param timeout: seconds a reader may spend on one file (``--timeout``); None: no limit.
    """

    readers: Mapping[str, Reader]
    max_file_bytes: int = MAX_FILE_BYTES
    timeout: float | None = None

    def read_bytes(self, target: Target) -> bytes | Finding:
        """A file's bytes, or why they cannot be read."""
        display = target.display
        limit = self.max_file_bytes
        try:
            st = os.stat(target.path)
            if not stat.S_ISREG(st.st_mode):
                # (Folders named on the command line are walked: this one could not be.)
                what = "a folder that cannot be listed" if stat.S_ISDIR(st.st_mode) else "not a regular file"
                return notice(UnreadableFile, display, f"is {what}; skipped")
            if st.st_size > limit:
                return _too_large(display, st.st_size, limit)
            data = _read_upto(target.path, st.st_size, limit)
        except PermissionError:
            return notice(UnreadableFile, display, "permission denied")
        except OSError as exc:
            return notice(UnreadableFile, display, f"cannot be read: {exc.strerror or exc}")
        if len(data) > limit:
            return _too_large(display, len(data), limit)
        return data

    def read(
        self, target: Target, data: bytes | None = None, skip_reader: bool = False
    ) -> tuple[Document | None, list[Finding]]:
        """The Document (None if the file cannot be read) and the notices about reading it.

        ``data``: the file's bytes, when they have been read already.
        ``skip_reader``: the reader was stopped from outside on an earlier try
        (it ran past the time limit): report that, and do not run it again.
        """
        display = target.display
        if data is None:
            data_or_finding = self.read_bytes(target)
            if isinstance(data_or_finding, Finding):
                return None, [data_or_finding]
            data = data_or_finding
        try:
            decoded = decode(data)
        except BinaryFileError as exc:
            return None, [notice(BinaryFile, display, f"binary file skipped ({exc})")]
        except UnicodeDecodeError as exc:
            return None, [notice(UnreadableFile, display, f"cannot be decoded as text: {exc.reason}")]
        del data
        document, notices = self.read_text(display, target.path.suffix, decoded.text, skip_reader)
        if document is None or decoded.notice is None:
            return document, notices
        return document, [notice(NotUtf8, display, decoded.notice, *document.line_col(decoded.offset))]

    def reader_for(self, suffix: str) -> Reader:
        """The reader of a file suffix (``.txt`` reads any suffix no other reader claims)."""
        return self.readers.get(suffix.lower()) or self.readers[".txt"]

    def read_text(
        self, display: str, suffix: str, text: str, skip_reader: bool = False
    ) -> tuple[Document | None, list[Finding]]:
        """A decoded text (an editor's buffer, standard input) read by the reader of ``suffix``:
        the Document, or None and the notice saying why the reader could not read it (it
        raised, even ``sys.exit()``, ran out of time, or returned something that is not a
        Document of ``display``).

        ``skip_reader``: the reader was stopped from outside on an earlier try
        (it ran past the time limit): report that, and do not run it again.
        """
        reader = self.reader_for(suffix)
        timed_out = notice(
            StepTimedOut,
            display,
            f"reader {reader.name!r} did not finish {_within(self.timeout)}; file skipped",
        )
        if skip_reader:
            return None, [timed_out]
        try:
            with time_limit(self.timeout, READER_STEP):
                document = reader.read(display, text)
        except StepTimeout:
            return None, [timed_out]
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # sys.exit() in a reader is a failing reader, not the end of the run
            return None, [notice(UnreadableFile, display, f"reader {reader.name!r} failed: {described(exc)}")]
        problem = document_problem(document, display)
        if problem:
            message = f"reader {reader.name!r} returned {problem}; file skipped"
            return None, [notice(UnreadableFile, display, message)]
        return document, []


def document_problem(document: object, path: str) -> str:
    """What is wrong with what a reader returned ("" when it is a well-formed Document of ``path``)."""
    if not isinstance(document, Document):
        return (
            f"{type(document).__name__}, not a Document" if document is not None else "None, not a Document"
        )
    if document.path != path:
        return f"a Document of another path ({document.path!r})"
    for name in ("source", "text"):
        if not isinstance(getattr(document, name), str):
            return f"a Document whose {name} is {type(getattr(document, name)).__name__}, not a string"
    if not isinstance(document.source_map, SourceMap):
        return "a Document whose source_map is not a SourceMap"
    if not isinstance(document.metadata, Mapping) or not all(isinstance(k, str) for k in document.metadata):
        return "a Document whose metadata is not a mapping of strings to values"
    if not isinstance(document.suppressions, list) or not all(
        suppression_ok(s) for s in document.suppressions
    ):
        return "a Document whose suppressions are not Suppressions"
    if not isinstance(document.problems, list) or not all(
        isinstance(p, tuple) and len(p) == 2 and type(p[0]) is int and isinstance(p[1], str)
        for p in document.problems
    ):
        return "a Document whose problems are not (offset, message) tuples"
    return ""


def _within(seconds: float | None) -> str:
    return f"within {seconds:g} s" if seconds else "in time"


def _read_upto(path: Path, size: int, limit: int) -> bytes:
    """A file's bytes, up to ``limit + 1`` of them; ``size`` is what stat() said.

    Reads ``size + 1`` bytes, then on until the end of the file, which is
    normally found at once; a file that grew since stat() is read on up to
    the limit. (A buffered ``read(limit + 1)`` allocates the whole limit for
    every file: four times slower on an archive of short articles.)
    """
    parts: list[bytes] = []
    total = 0
    with path.open("rb", buffering=0) as fh:  # unbuffered: each read is one system call
        while total <= limit:
            part = fh.read(size + 1 - total if total <= size else min(limit + 1 - total, 1 << 20))
            if not part:
                break
            parts.append(part)
            total += len(part)
    return b"".join(parts)


def _too_large(path: str, size: int, limit: int) -> Finding:
    shown = f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size:,} bytes"
    message = f"file is {shown}, over the {limit / 1e6:g} MB limit (--max-file-size); skipped"
    return notice(FileTooLarge, path, message)
