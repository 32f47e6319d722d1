"""YAML read safely: bounded before anything is built.

Front matter and rules.yaml come from files anyone may commit. YAML aliases
and merge keys (``<<: [*a, *a]``) can make a few hundred bytes expand into
billions of values, and the expansion happens while objects are built, after
any check of the result could run. So the text is first *composed* (a graph
of nodes, linear in the text, aliases shared), the graph is measured as if
expanded (every alias and merge counted each time it is used) against a
budget, and only then built. Nesting deeper than Python's stack is an error
too, never a traceback.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

__all__ = ["YamlLimitError", "compose", "construct", "expands_past"]


class YamlLimitError(YAMLError):
    """The YAML is too large once expanded, or nested too deeply."""

    def __init__(self, problem: str, node: Node | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = node.start_mark if node is not None else None


#: Deeper than any real configuration or front matter; the YAML library
#: recurses once per level, so this is checked before it starts.
MAX_DEPTH = 100


def compose(yaml: YAML, text: str) -> Node | None:
    """The node graph of ``text`` (None when empty); nesting too deep is a YamlLimitError."""
    if nesting(text) > MAX_DEPTH:
        raise YamlLimitError(f"nested more than {MAX_DEPTH} levels deep")
    try:
        return yaml.compose(text)
    except RecursionError:
        raise YamlLimitError("nested too deeply") from None


def nesting(text: str) -> int:
    """An upper bound of how deeply ``text`` nests: open brackets and indentation levels.

    Brackets inside quoted strings count too: a bound, not a parse (a real file
    is nowhere near the limit either way).
    """
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}" and depth:
            depth -= 1
    indents: list[int] = []
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        width = len(line) - len(stripped)
        while indents and indents[-1] >= width:
            indents.pop()
        indents.append(width)
        deepest = max(deepest, len(indents) + depth)
    return deepest


def expands_past(node: Node, budget: int) -> Node | None:
    """The node at which walking ``node`` with every alias and merge expanded
    passes ``budget`` values, or None when it stays within it."""
    stack: list[Node] = [node]
    while stack:
        budget -= 1
        n = stack.pop()
        if budget < 0:
            return n
        if isinstance(n, MappingNode):
            for key, value in n.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(n, SequenceNode):
            stack.extend(n.value)
    return None


def construct(yaml: YAML, node: Node, budget: int) -> Any:
    """Build the data of a composed node, after checking it expands to at most ``budget`` values."""
    where = expands_past(node, budget)
    if where is not None:
        raise YamlLimitError(f"aliases expand to more than {budget:,} values (recursive or nested)", where)
    try:
        return yaml.constructor.construct_document(node)
    except RecursionError:
        raise YamlLimitError("nested too deeply", node) from None
