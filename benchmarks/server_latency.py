"""How fast an editor sees newslint's findings: re-lint in process, and change-to-diagnostics over stdio.

Two figures, each against its target:

1. In process: the language server's own re-lint of a 5 KB article
   (seeds/002, 5.1 KB) after one edit, the story pass over the other seed
   articles included, after the first lint (which loads the rules and reads
   the workspace). Target: <= 50 ms.
2. Over stdio: a real LSP client starts ``newslint server``, opens the
   article, then edits it; the time from sending each change to receiving
   the diagnostics of that version (the 0.1 s pause the server waits for
   typing to stop included). Target: <= 250 ms.

    python benchmarks/server_latency.py [--edits 50] [--changes 30]

Exit status 1 when a target is missed (median or 95th percentile).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "002_c5929a58af056e09.txt"
RELINT_TARGET_MS = 50.0
CHANGE_TARGET_MS = 250.0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(name: str, values: list[float], target: float) -> tuple[str, bool]:
    median, p95 = statistics.median(values), percentile(values, 95)
    ok = median <= target and p95 <= target
    line = (
        f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms, max {max(values):.1f} ms over {len(values)}"
        f" (target <= {target:g} ms: {'met' if ok else 'MISSED'})"
    )
    return line, ok


def edited(text: str, i: int) -> str:
    """The article with one word changed, differently each time (so nothing is reused)."""
    return text.replace("Tuesday", f"Tuesday {i % 7 + 1}", 1) if i % 2 else text


def in_process(workspace: Path, edits: int) -> tuple[float, list[float]]:
    from newslint.server.session import Session

    path = str(workspace / ARTICLE)
    text = (workspace / ARTICLE).read_text(encoding="utf-8")
    session = Session([workspace], index_in_background=False)
    started = time.perf_counter()
    session.open(path, text, 1)
    session.lint(path)
    first = (time.perf_counter() - started) * 1000
    times = []
    for i in range(edits):
        started = time.perf_counter()
        session.change(path, edited(text, i + 1), i + 2)
        session.lint(path)
        times.append((time.perf_counter() - started) * 1000)
    return first, times


async def over_stdio(workspace: Path, changes: int) -> tuple[float, list[float]]:
    from lsprotocol import types as lsp
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("latency-benchmark", "1")
    arrived: dict[int | None, float] = {}
    event = asyncio.Event()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(ls: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
        arrived.setdefault(params.version, time.perf_counter())
        event.set()

    await client.start_io(sys.executable, "-m", "newslint", "server")
    uri = (workspace / ARTICLE).as_uri()
    text = (workspace / ARTICLE).read_text(encoding="utf-8")
    await client.initialize_async(
        lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(),
            root_uri=workspace.as_uri(),
            workspace_folders=[lsp.WorkspaceFolder(uri=workspace.as_uri(), name="seeds")],
        )
    )
    client.initialized(lsp.InitializedParams())

    async def wait_for(version: int) -> float:
        while version not in arrived:
            event.clear()
            await asyncio.wait_for(event.wait(), 30)
        return arrived[version]

    started = time.perf_counter()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        )
    )
    first = (await wait_for(1) - started) * 1000
    await asyncio.sleep(1.0)  # the workspace index is read in the background
    times = []
    for i in range(changes):
        version = i + 2
        sent = time.perf_counter()
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=edited(text, version))],
            )
        )
        times.append((await wait_for(version) - sent) * 1000)
        await asyncio.sleep(0.3)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return first, times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=50, help="in-process re-lints to time")
    parser.add_argument("--changes", type=int, default=30, help="changes sent over stdio to time")
    args = parser.parse_args(argv)
    workspace = Path(tempfile.mkdtemp(prefix="newslint-latency-"))
    try:
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy(seed, workspace / seed.name)
        size = (workspace / ARTICLE).stat().st_size
        print(
            f"article: seeds/{ARTICLE} ({size / 1000:.1f} KB), story of {len(list(workspace.glob('*.txt')))}"
        )
        first, relints = in_process(workspace, args.edits)
        line, ok_relint = summary("in-process re-lint", relints, RELINT_TARGET_MS)
        print(f"in-process first lint (rules loaded, workspace read): {first:.0f} ms")
        print(line)
        opened, changes = asyncio.run(over_stdio(workspace, args.changes))
        line, ok_change = summary("change -> diagnostics over stdio", changes, CHANGE_TARGET_MS)
        print(f"open -> first diagnostics over stdio (server started before): {opened:.0f} ms")
        print(line)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    return 0 if ok_relint and ok_change else 1


if __name__ == "__main__":
    sys.exit(main())
