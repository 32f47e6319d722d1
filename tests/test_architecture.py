"""The shape of the code: imports run one way, private names stay private, public modules say what is public.

Each check names the packages it reads, so a package joins a check by being
added to its list; a module a branch is still rewriting waits in a PENDING
set, which only ever shrinks.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: Import package name -> its folder in the repository.
PACKAGES = {"newslint": ROOT / "newslint", "newslint_plugins": ROOT / "plugins"}

#: Packages in which no import cycle may run (imports inside functions and
#: under TYPE_CHECKING count: they are dependencies too).
NO_CYCLES_IN = ["newslint"]

#: Packages none of whose modules may import a private name of another module.
NO_PRIVATE_IMPORTS_IN = ["newslint", "newslint_plugins"]
#: Modules still importing private names, until their rewrite lands.
PRIVATE_IMPORTS_PENDING: set[str] = set()

#: Packages every module of which lists its public names in ``__all__``.
ALL_LISTED_IN = ["newslint"]
#: Modules without ``__all__`` yet, until their rewrite lands; ``__main__`` is a script.
ALL_PENDING = {
    "newslint.__main__",
    "newslint.analysis.lexicon",
    "newslint.analysis.numbers",
    "newslint.analysis.segments",
}


def _modules() -> dict[str, Path]:
    """Every module of the packages, by dotted name (a package by its own name)."""
    found = {}
    for package, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = [package, *path.relative_to(folder).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _in(module: str, packages: list[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


@dataclass(frozen=True)
class Imported:
    """One name an import statement brings in: ``from base import name`` (name None: ``import base``)."""

    line: int
    base: str
    name: str | None
    alias: str

    @property
    def module(self) -> str | None:
        """The module of ours this import loads (a submodule if ``name`` is one), or None."""
        if self.name is not None and f"{self.base}.{self.name}" in MODULES:
            return f"{self.base}.{self.name}"
        return self.base if self.base in MODULES else None


def _imports(module: str) -> Iterator[Imported]:
    """Every import of a module, wherever it is written (functions, TYPE_CHECKING blocks)."""
    path = MODULES[module]
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield Imported(node.lineno, a.name, None, a.asname or a.name.partition(".")[0])
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolved against the module's package
                here = package[: len(package) - node.level + 1]
                base = ".".join([*here, base] if base else here)
            for a in node.names:
                yield Imported(node.lineno, base, a.name, a.asname or a.name)


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycle():
    """A package's own ``__init__`` run before its submodules is Python's doing, not an
    import written in the code, so only the modules an import names count."""
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        if _in(module, NO_CYCLES_IN):
            graph[module] = {
                target
                for imp in _imports(module)
                if (target := imp.module) is not None and target != module and _in(target, NO_CYCLES_IN)
            }
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def _private_imports(module: str) -> list[str]:
    """Where a module imports a private name of another module of ours, or reads one off it."""
    imports = list(_imports(module))
    found = [
        f"{module}:{imp.line}: from {imp.base} import {imp.name}"
        for imp in imports
        if imp.module is not None and imp.name is not None and _private(imp.name)
    ]
    # A module of ours bound to a name: none of its private attributes may be read.
    bound = {imp.alias for imp in imports if imp.module is not None and imp.module != imp.base}
    bound |= {imp.alias for imp in imports if imp.name is None and imp.base in MODULES}
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found += [
        f"{module}:{node.lineno}: {node.value.id}.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in bound
        and _private(node.attr)
    ]
    return found


def test_no_module_imports_a_private_name_of_another():
    checked = [m for m in MODULES if _in(m, NO_PRIVATE_IMPORTS_IN) and m not in PRIVATE_IMPORTS_PENDING]
    assert [problem for module in checked for problem in _private_imports(module)] == []


@pytest.mark.parametrize(
    "module", sorted(m for m in MODULES if _in(m, ALL_LISTED_IN) and m not in ALL_PENDING)
)
def test_every_module_lists_its_public_names(module):
    loaded = importlib.import_module(module)
    listed = getattr(loaded, "__all__", None)
    assert listed is not None, f"{module} has no __all__"
    assert [name for name in listed if not hasattr(loaded, name)] == []


def test_pending_modules_are_still_pending():
    """A module leaves its PENDING set in the commit that mends it."""
    assert set(MODULES) >= PRIVATE_IMPORTS_PENDING | ALL_PENDING
    mended = [m for m in sorted(PRIVATE_IMPORTS_PENDING) if not _private_imports(m)]
    mended += [m for m in sorted(ALL_PENDING - {"newslint.__main__"}) if "__all__" in MODULES[m].read_text()]
    assert mended == [], "remove these from their PENDING set"
