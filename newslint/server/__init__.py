"""``newslint server``: a language server over stdio, for editors (docs/editors.md).

It needs the ``server`` extra (``pip install 'newslint[server]'``: pygls and
lsprotocol); the rest of newslint never imports them.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] = ()) -> int:
    parser = argparse.ArgumentParser(
        prog="newslint server",
        description="Run newslint as a language server over standard input and output.",
    )
    # Editors' LSP clients often pass --stdio; it is the only transport.
    parser.add_argument(
        "--stdio", action="store_true", help="talk over standard input and output (the default)"
    )
    parser.add_argument(
        "--log-file", metavar="FILE", help="write the server's log here (default: standard error)"
    )
    parser.add_argument("--verbose", action="store_true", help="log every message")
    args = parser.parse_args(list(argv))
    try:
        from newslint.server.lsp import make_server
    except ImportError as exc:
        sys.stderr.write(
            f"newslint server needs the server extra ({exc.name} is missing): pip install 'newslint[server]'\n"
        )
        return 2
    logging.basicConfig(
        filename=args.log_file,
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    make_server().start_io()
    return 0
