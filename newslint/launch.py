"""The ``newslint`` command's entry point.

It imports nothing heavy itself: the command line and the engine are loaded
inside the interrupt handler, so Ctrl-C at any moment of the start ends the
run with ``newslint: interrupted`` and status 130, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (:func:`newslint.cli.main`)."""
    try:
        from newslint.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("newslint: interrupted\n")
        return 130
    return cli_main(argv)
