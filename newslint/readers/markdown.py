"""Markdown articles with optional YAML front matter.

The front matter (``---`` … ``---`` at the top) becomes ``Document.metadata``.
The body is reduced to prose: heading, list and quote markers, emphasis,
link targets, images, inline HTML and code blocks are left out, while every
kept character still maps to its place in the file.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from newslint.document import Document, TextBuilder, normalise_spaces
from newslint.markers import hookimpl
from newslint.suppressions import find_suppressions
from newslint.yamlio import YamlLimitError, compose, construct

__all__ = ["MarkdownReader", "newslint_readers", "parse_front_matter"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n|^)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_BLOCK_MARKER = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)?")
_RULE_LINE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
# Inline syntax that is not prose. Group "keep" is kept (link text, code).
# No class crosses an opening bracket, so a run of "[" or "<" costs linear
# time instead of a scan to the end of the line from each one.
_INLINE = re.compile(
    r"!\[[^\[\]]*\]\([^()]*\)"  # image
    r"|\[(?P<keep>[^\[\]]*)\]\([^()]*\)"  # link: keep its text
    r"|\[(?P<keepref>[^\[\]]+)\]\[[^\[\]]*\]"  # reference link
    r"|</?[A-Za-z][^<>]*>"  # inline HTML tag
    r"|\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+"  # emphasis and code marks
)
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
# Static-site template tags are markup, not prose: Hugo shortcodes ({{< x >}},
# {{% x %}}), Liquid and Jinja tags ({% x %}) and output ({{ page.title }}).
# No class crosses a brace, so a run of unclosed "{{" costs linear time.
_TEMPLATE_TAG = re.compile(r"\{\{<[^{}]*?>\}\}|\{\{%[^{}]*?%\}\}|\{%[^{}]*?%\}|\{\{[^{}]*\}\}")
# Paired tags whose content is code or a comment, not prose.
_CODE_PAIRS = re.compile(
    r"\{%-?\s*(?P<liquid>raw|comment|highlight)\b[^{}]*?%\}"
    r"|\{\{[<%]\s*(?P<hugo>highlight|code|raw)\b[^{}]*?[>%]\}\}"
)
_LINE_BREAK = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|\Z)")

_yaml = YAML(typ="safe", pure=True)


def parse_front_matter(source: str) -> tuple[dict[str, Any], int, list[tuple[int, str]]]:
    """Front matter as a dict, the offset where the body starts, and any problems."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, 0, []
    try:
        node = compose(_yaml, match.group(1))
        data = construct(_yaml, node, _MAX_VALUES) if node is not None else None
    except YAMLError as exc:
        offset = match.start(1)
        if isinstance(exc, MarkedYAMLError) and exc.problem_mark is not None:
            mark = exc.problem_mark
            offset = _offset_of(source, match.start(1), mark.line, mark.column)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        what = "is too large" if isinstance(exc, YamlLimitError) else "is not valid YAML"
        return {}, match.end(), [(offset, f"front matter {what}: {problem}")]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return {}, match.end(), [(match.start(1), "front matter is not a mapping of keys to values")]
    return {str(k): v for k, v in data.items()}, match.end(), []


#: More values than any article's front matter holds; aliases reach it by expansion only.
_MAX_VALUES = 10_000


def _offset_of(source: str, base: int, line: int, column: int) -> int:
    pos = base
    for _ in range(line):
        nl = source.find("\n", pos)
        if nl < 0:
            return len(source)
        pos = nl + 1
    return min(pos + column, len(source))


class MarkdownReader:
    name = "markdown"
    suffixes = (".md", ".markdown")

    def read(self, path: str, source: str) -> Document:
        metadata, body_start, problems = parse_front_matter(source)
        builder = TextBuilder()
        in_fence: str | None = None
        blank_pending = False
        # Comments (suppressions among them) are not prose; blanking them
        # keeps every offset where it was.
        # Only up to the last "-->": an unclosed "<!--" must not scan to the end.
        cut = source.rfind("-->") + 3
        masked = _COMMENT.sub(_blank, source[:cut]) + source[cut:] if cut > 2 else source
        if "{{" in masked or "{%" in masked:
            masked = _mask_templates(masked)
        for line_start, line in _lines(masked, body_start):
            fence = _FENCE.match(line)
            if in_fence is not None:
                if fence and fence.group(1)[0] == in_fence:
                    in_fence = None
                continue
            if fence:
                in_fence = fence.group(1)[0]
                blank_pending = True
                continue
            if not line.strip() or _RULE_LINE.match(line) or (_SETEXT.match(line) and len(builder)):
                blank_pending = blank_pending or bool(len(builder))
                continue
            if len(builder):
                builder.add_break("\n\n" if blank_pending else "\n", max(line_start - 1, 0))
            blank_pending = False
            marker = _BLOCK_MARKER.match(line)
            start = marker.end() if marker else 0
            if marker and marker.group(0).lstrip().startswith("#"):
                # A heading stands alone: it is its own paragraph.
                blank_pending = True
            self._add_inline(builder, line, start, line_start)
        text, source_map = builder.build()
        return Document(
            path=path,
            source=source,
            text=normalise_spaces(text),
            source_map=source_map,
            metadata=metadata,
            format=self.name,
            problems=problems,
            suppressions=find_suppressions(source, metadata, problems),
        )

    @staticmethod
    def _add_inline(builder: TextBuilder, line: str, start: int, line_start: int) -> None:
        end_of_line = len(line.rstrip())
        cursor = start
        for m in _INLINE.finditer(line, start, end_of_line):
            builder.add(line[cursor : m.start()], line_start + cursor)
            for group in ("keep", "keepref"):
                if m.group(group):
                    builder.add(m.group(group), line_start + m.start(group))
            cursor = m.end()
        builder.add(line[cursor:end_of_line], line_start + cursor)


def _lines(source: str, start: int):
    """(offset, line without its break) for each line from ``start``.

    A line ends at "\n", "\r\n" or a lone "\r" (old Mac and some CMS exports).
    """
    for m in _LINE_BREAK.finditer(source, start):
        if m.start() == m.end() == len(source):
            break
        yield m.start(), m.group(1)


def _mask_templates(source: str) -> str:
    """Blank template code blocks and tags (offsets kept), as comments are."""
    parts: list[str] = []
    cursor = 0
    for m in _CODE_PAIRS.finditer(source):
        if m.start() < cursor:
            continue  # inside a block already blanked
        if m.group("liquid"):
            close = re.compile(r"\{%-?\s*end" + m.group("liquid") + r"\s*-?%\}")
        else:
            close = re.compile(r"\{\{[<%]\s*/" + str(m.group("hugo")) + r"\s*[>%]\}\}")
        end = close.search(source, m.end())
        if end is None:
            continue  # an unclosed block: only its opening tag is blanked, below
        parts += [source[cursor : m.start()], _blank_text(source[m.start() : end.end()])]
        cursor = end.end()
    source = "".join(parts) + source[cursor:]
    return _TEMPLATE_TAG.sub(_blank, source)


def _blank_text(text: str) -> str:
    return re.sub(r"[^\r\n]", " ", text)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\r\n]", " ", match.group(0))


@hookimpl
def newslint_readers() -> list[MarkdownReader]:
    return [MarkdownReader()]
