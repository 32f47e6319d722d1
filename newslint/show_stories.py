"""``newslint --show-stories [PATH ...]``: the grouping the cross-article rules will use.

Text: one story a block, its files, and what ties them (the names and dates
its articles share). ``--format json``::

    {"version": 1, "stories": [{"id": "…", "files": ["path", …]}, …]}

with the paths as findings give them, and each story's ``names`` and ``dates``
when it was found from the text. ``--corpus DIR`` shows the stories of the
named files, archive files included, as a ``--corpus`` run compares them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from newslint.engine.projects import Options, Project, project_linter
from newslint.engine.run import find_stories
from newslint.story import StoryGroup

__all__ = ["FORMATS", "add_arguments", "render_json", "render_text", "show_stories"]

#: The --format values --show-stories prints.
FORMATS = ("text", "json")
#: Bumped when the JSON layout changes in a way a reader would notice.
JSON_VERSION = 1


def add_arguments(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--show-stories",
        action="store_true",
        help="print the stories the cross-article rules compare (each with its files and the names "
        "and dates that tie them; --format json for tools), and exit",
    )


def show_stories(
    args: argparse.Namespace, projects: Sequence[Project], options: Options, jobs: int, stream: TextIO
) -> int:
    """Print the stories of the planned projects' files (0), or say why not (2).

    Files under different configurations are never one story: each project's are grouped apart.
    """
    if args.format not in FORMATS:
        sys.stderr.write(
            f"newslint: --show-stories prints --format {' or '.join(FORMATS)}, not {args.format}\n"
        )
        return 2
    groups: list[StoryGroup] = []
    missing: list[str] = []
    files = 0
    for project in projects:
        found, gone = find_stories(
            project_linter(project, options), project.targets, project.missing, jobs, args.corpus
        )
        groups += found
        missing += gone
        files += len(project.targets)
    for path in missing:
        sys.stderr.write(f"newslint: {path}: no such file or directory\n")
    (render_json if args.format == "json" else render_text)(groups, stream)
    if args.format == "text":
        several = [g for g in groups if len(g.paths) > 1]
        grouped = sum(len(g.paths) for g in several)
        sys.stderr.write(
            f"newslint: {files} file{'s' if files != 1 else ''}; {len(several)} "
            f"stor{'ies' if len(several) != 1 else 'y'} of several articles ({grouped} articles), "
            f"{len(groups) - len(several)} standing alone\n"
        )
    return 2 if missing else 0


def render_text(groups: Sequence[StoryGroup], stream: TextIO) -> None:
    """One block a story: stories of several articles first, then those of one."""
    ordered = sorted(groups, key=lambda g: (len(g.paths) == 1, g.id))
    for i, group in enumerate(ordered):
        if i:
            stream.write("\n")
        count = len(group.paths)
        stream.write(f"story {group.id or '(the whole run)'}: {count} article{'s' if count != 1 else ''}\n")
        for path in group.paths:
            stream.write(f"  {path}\n")
        if group.names:
            stream.write(f"  names they share: {', '.join(group.names)}\n")
        if group.dates:
            stream.write(f"  dates: {', '.join(group.dates)}\n")


def render_json(groups: Sequence[StoryGroup], stream: TextIO) -> None:
    stories = []
    for group in groups:
        item: dict[str, object] = {"id": group.id, "files": list(group.paths)}
        if group.names:
            item["names"] = list(group.names)
        if group.dates:
            item["dates"] = list(group.dates)
        stories.append(item)
    json.dump({"version": JSON_VERSION, "stories": stories}, stream, ensure_ascii=False, indent=1)
    stream.write("\n")
