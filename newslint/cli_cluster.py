"""The command line's cluster options: ``--scheduler`` and ``--ship-files``.

The per-article pass runs on a Dask cluster's workers; the cache, the story
grouping, the story pass and the output stay on this machine
(:mod:`newslint.engine.cluster`). docs/archive-scale.md tells how to run one.
"""

from __future__ import annotations

import argparse

from newslint.engine.cluster import CONNECT_TIMEOUT, ENV_SCHEDULER, DaskCluster, scheduler_address

__all__ = ["add_arguments", "cluster"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "cluster (the dask extra; see docs/archive-scale.md)",
        "The per-article pass runs on a Dask cluster's workers, in batches of files; the cache,\n"
        "the story grouping and the story pass run here, and the output is the same as a local\n"
        "run's. The workers need the same newslint and plugins installed. Not used by --fix,\n"
        "--diff or standard input.",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=f"the Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: ${ENV_SCHEDULER}; unset: "
        f"run here with --jobs); one that does not answer within {CONNECT_TIMEOUT:g} s stops the "
        "run with exit status 2",
    )
    group.add_argument(
        "--ship-files",
        action="store_true",
        help="send each file's bytes with its task, for workers that do not see this machine's "
        "files (default: workers read each file at its absolute path, on a shared file system)",
    )


def cluster(args: argparse.Namespace) -> DaskCluster | None:
    """The cluster the command line names (not yet connected), or None to run here."""
    address = scheduler_address(args.scheduler)
    if address is None:
        return None
    return DaskCluster(address, ship_files=args.ship_files)
