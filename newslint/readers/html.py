"""HTML articles: the text of the article, without scripts, styles or navigation.

When the page has an ``<article>`` (or failing that a ``<main>``) element only
its text is read; otherwise the whole body. ``<title>`` and the ``<meta>``
tags a CMS writes become metadata, as front matter does in Markdown: the
story (``name="story"``), the outlet (``og:site_name``), the date
(``article:published_time``), the title, the byline and the description
(:data:`META`). Entities are decoded, and each decoded character maps to the
entity it came from.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

from newslint.document import Document, TextBuilder, normalise_spaces
from newslint.markers import hookimpl
from newslint.suppressions import comment_suppressions

__all__ = ["HtmlReader", "newslint_readers"]

#: Elements whose text is never article prose.
SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "svg",
        "math",
        "iframe",
        "object",
        "figcaption",
        "head",
    ]
)
#: Elements that end a paragraph.
BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "blockquote",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tr",
        "td",
        "th",
        "pre",
        "figure",
        "hr",
        "br",
        "address",
    ]
)
#: ``<meta>`` names (or properties, or itemprops) read as metadata: for each
#: metadata key, the names that give it, the most telling first.
META = {
    "story": ("story", "newslint:story"),
    "outlet": ("og:site_name", "application-name", "publisher", "dc.publisher"),
    "date": (
        "article:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "dc.date.issued",
        "dc.date",
        "date",
    ),
    "title": ("og:title", "twitter:title", "dc.title"),
    "byline": ("author", "article:author", "dc.creator"),
    "description": ("description", "og:description"),
}
_META_RANK = {name: (key, rank) for key, names in META.items() for rank, name in enumerate(names)}
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        # HTMLParser.getpos() counts lines by "\n" alone, whatever the other breaks.
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.skip_depth = 0
        self.stack: list[str] = []
        # How many of each tag the stack holds: a page of 80,000 unclosed
        # inline tags asks "is it open?" per text node in constant time.
        self.open: Counter[str] = Counter()
        self.metadata: dict[str, str] = {}
        self._meta_rank: dict[str, int] = {}
        self._in_title = False
        self._title: list[str] = []
        # Text pieces: (text, source offset, depth-of-article-or-None).
        self.pieces: list[tuple[str, int, bool]] = []
        self.article_depth = 0
        self.has_article = False

    def _here(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag == "title":
            self._in_title = True
        if tag in _VOID:
            if tag in BLOCKS:
                self._break()
            return
        self.stack.append(tag)
        self.open[tag] += 1
        if tag in SKIPPED:
            self.skip_depth += 1
        if tag in ("article", "main"):
            self.article_depth += 1
            self.has_article = True
        if tag in BLOCKS:
            self._break()

    def _meta(self, values: dict[str, str | None]) -> None:
        name = (values.get("name") or values.get("property") or values.get("itemprop") or "").lower()
        content = " ".join((values.get("content") or "").split())
        found = _META_RANK.get(name.strip())
        if not content or found is None or content.startswith(("http://", "https://")):
            return
        key, rank = found
        if rank < self._meta_rank.get(key, len(META[key])):
            self._meta_rank[key] = rank
            self.metadata[key] = content

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":  # <meta ... />
            self._meta(dict(attrs))
        if tag in BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if not self.open[tag]:
            return  # a stray end tag: ignore it, as browsers do
        while self.stack:
            top = self.stack.pop()
            self.open[top] -= 1
            if top in SKIPPED:
                self.skip_depth -= 1
            if top in ("article", "main"):
                self.article_depth -= 1
            if top == tag:
                break
        if tag in BLOCKS:
            self._break()

    def _break(self) -> None:
        self.pieces.append(("\n\n", self._here(), self.article_depth > 0))

    def _text(self, text: str, offset: int) -> None:
        if self._in_title:
            self._title.append(text)
            return
        if self.skip_depth or self.open["head"]:
            return
        self.pieces.append((text, offset, self.article_depth > 0))

    def handle_data(self, data: str) -> None:
        self._text(data, self._here())

    def handle_entityref(self, name: str) -> None:
        self._text(html.unescape(f"&{name};"), self._here())

    def handle_charref(self, name: str) -> None:
        self._text(html.unescape(f"&#{name};"), self._here())


class HtmlReader:
    name = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def read(self, path: str, source: str) -> Document:
        parser = _Extractor(source)
        parser.feed(source)
        parser.close()
        pieces = parser.pieces
        if parser.has_article:
            pieces = [p for p in pieces if p[2]]
        builder = TextBuilder()
        pending_break = False
        for text, offset, _ in pieces:
            if text == "\n\n" or not text.strip():
                pending_break = pending_break or text == "\n\n"
                if text != "\n\n" and len(builder) and not pending_break:
                    builder.add(" ", offset)  # whitespace between inline elements
                continue
            if pending_break and len(builder):
                builder.add_break("\n\n", offset)
            pending_break = False
            builder.add(text, offset)
        text, source_map = builder.build()
        metadata = dict(parser.metadata)
        title = " ".join("".join(parser._title).split())
        if title:
            metadata.setdefault("title", title)
        return Document(
            path=path,
            source=source,
            text=normalise_spaces(text),
            source_map=source_map,
            metadata=metadata,
            format=self.name,
            suppressions=comment_suppressions(source, fenced=False),
        )


@hookimpl
def newslint_readers() -> list[HtmlReader]:
    return [HtmlReader()]
