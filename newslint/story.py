"""A story: the articles a corpus rule compares, as the reduce step sees them.

The per-document pass leaves small facts per document, named by kind
(``"names"``, ``"casualties"``); the engine groups documents into stories and
hands each corpus rule one :class:`Story` at a time. A story carries

- the facts of every document, by kind (:meth:`Story.facts`);
- what the engine knows of each document *now* (:class:`StoryDocument`: its
  path, outlet and date), given at reduce time and never cached, so a renamed
  or re-dated file is reported as it is today even when its facts come from
  the cache;
- indexes built on first use and shared by every rule of the run
  (:meth:`Story.index`): three rules asking for the same casualty index build
  it once.

A story never holds article text: facts are what scale to an archive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, TypeVar

__all__ = ["Story", "StoryDocument", "StoryGroup"]

T = TypeVar("T")


@dataclass(frozen=True)
class StoryDocument:
    """One article of a story, as the engine knows it at reduce time.

    :param path: the path as it is reported.
    :param outlet: the ``outlet`` of its metadata, else its file name.
    :param date: the ``date`` of its metadata (ISO text), else "".
    :param title: the ``title`` of its metadata, else "".
    """

    path: str
    outlet: str
    date: str = ""
    title: str = ""

    @classmethod
    def of(cls, path: str, metadata: Mapping[str, Any]) -> StoryDocument:
        """From a document's path and metadata (front matter, HTML meta)."""
        outlet = metadata.get("outlet") or PurePath(path).name
        return cls(path, str(outlet), str(metadata.get("date") or ""), str(metadata.get("title") or ""))


@dataclass(frozen=True, order=True)
class StoryGroup:
    """One story of a run as the engine grouped it: what ``--show-stories`` and
    reporters show, and what the corpus pass hands the rules.

    :param id: ``key:VALUE`` for a story its articles' metadata name; the
        folder (``story: folder``), the path (``story: file``), "" (``story: run``);
        else the first of its paths.
    :param paths: its files, sorted, as findings give them.
    :param names: what ties it, when it was found from the text: names two or
        more of its articles give, the most shared first.
    :param dates: dates (ISO) two or more of its articles give, and their publication days.
    """

    id: str
    paths: tuple[str, ...]
    names: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()


class Story:
    """The documents of one story with their facts by kind, and memoised indexes.

    :param id: a name for the story (its folder, key or group), for messages.
    :param documents: its documents, in any order (kept sorted by path).
    :param facts: kind -> path -> that document's facts of this kind.
    :param names: what ties it, when it was found from the text: names two or
        more of its documents give, the most shared first (for reporters).
    :param dates: dates (ISO) two or more of its documents give, and their publication days.
    """

    def __init__(
        self,
        id: str,
        documents: Sequence[StoryDocument],
        facts: Mapping[str, Mapping[str, Sequence[Any]]],
        names: Sequence[str] = (),
        dates: Sequence[str] = (),
    ) -> None:
        self.id = id
        self.names = tuple(names)
        self.dates = tuple(dates)
        self.documents = tuple(sorted(documents, key=lambda d: d.path))
        self._by_path = {d.path: d for d in self.documents}
        self._facts = facts
        self._indexes: dict[Any, Any] = {}

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[StoryDocument]:
        return iter(self.documents)

    def __repr__(self) -> str:
        return f"Story({self.id!r}, {len(self.documents)} documents)"

    @property
    def paths(self) -> list[str]:
        return [d.path for d in self.documents]

    def document(self, path: str) -> StoryDocument:
        """The document of a path (a fact's ``location.path``)."""
        return self._by_path[path]

    def facts(self, kind: str) -> dict[str, Sequence[Any]]:
        """Path -> facts of this kind, for every document of the story, in path order.

        A document whose collection failed, or that has no fact of this kind,
        maps to an empty list.
        """
        by_path = self._facts.get(kind, {})
        return {d.path: by_path.get(d.path, ()) for d in self.documents}

    def index(self, build: Callable[[Story], T]) -> T:
        """``build(self)``, computed once per story and shared by every rule that asks.

        ``build`` is the key: pass the same function (or class) from each rule
        that reads the index.
        """
        try:
            return self._indexes[build]
        except KeyError:
            made = self._indexes[build] = build(self)
            return made
