"""Plain-text articles: the prose is the file."""

from __future__ import annotations

from newslint.document import Document
from newslint.markers import hookimpl

__all__ = ["TextReader", "newslint_readers"]


class TextReader:
    name = "text"
    suffixes = (".txt", ".text")

    def read(self, path: str, source: str) -> Document:
        return Document.from_text(source, path=path, format=self.name)


@hookimpl
def newslint_readers() -> list[TextReader]:
    return [TextReader()]
