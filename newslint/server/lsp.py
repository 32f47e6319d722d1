"""The language server protocol over stdio (pygls): diagnostics, hovers and code actions.

- Diagnostics for Markdown, HTML and plain-text articles on open, on change
  (after a pause in typing of :data:`DEBOUNCE` seconds) and on save, each with
  its code, severity, related places (the other spelling, the other article)
  and a code description: a page of the rule's documentation.
- Hover over a flagged span: the finding and the rule's explanation
  (what ``newslint --explain`` prints).
- Code actions: a finding's fix (an unsafe one, in a quotation, is offered
  but not preferred), a suppression comment with a reason to fill in
  (Markdown and HTML), and "fix all" (the safe fixes of the file).

Everything the server knows lives in a :class:`~newslint.server.session.Session`;
this module only speaks the protocol.
"""

from __future__ import annotations

import asyncio
import bisect
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from newslint.config.load import CONFIG_NAMES
from newslint.findings import Finding, Severity
from newslint.fixes import Edit, apply_fixes
from newslint.rule import Rule
from newslint.server.session import Session
from newslint.spans import Location
from newslint.version import __version__

__all__ = ["DEBOUNCE", "NewslintServer", "make_server"]

#: Seconds of quiet after a change before the buffer is linted again.
DEBOUNCE = 0.1
#: Suffixes of a document whose language the client names but whose URI has none it knows.
LANGUAGE_SUFFIX = {"markdown": ".md", "html": ".html", "plaintext": ".txt"}
#: Formats whose reader reads ``newslint-disable`` comments.
COMMENTED = ("markdown", "html")
_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Lines:
    """A text's line starts, to turn offsets and 1-based columns into LSP positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def line(self, number: int) -> str:
        """A 0-based line without its break ("" past the end)."""
        if not 0 <= number < len(self.starts):
            return ""
        end = self.starts[number + 1] if number + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[number] : end].rstrip("\r\n")

    def position(self, line: int, column: int, server: LanguageServer) -> lsp.Position:
        """The LSP position of a 0-based line and code-point column, in the client's units."""
        units = server.workspace.position_codec.client_num_units(self.line(line)[:column])
        return lsp.Position(line=max(line, 0), character=units)

    def offset_position(self, offset: int, server: LanguageServer) -> lsp.Position:
        line = bisect.bisect_right(self.starts, offset) - 1
        return self.position(line, offset - self.starts[line], server)

    def column(self, position: lsp.Position, server: LanguageServer) -> int:
        """The code-point column of an LSP position."""
        codec = server.workspace.position_codec
        return codec.position_from_client_units(
            [self.line(position.line)], lsp.Position(0, position.character)
        ).character


class NewslintServer(LanguageServer):
    """newslint as a language server."""

    def __init__(self) -> None:
        super().__init__(
            "newslint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental
        )
        self._session: Session | None = None
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._uris: dict[str, str] = {}  # path -> uri, of open buffers
        self._docs: Path | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- state ----------------------------------------------------------------

    @property
    def session(self) -> Session:
        if self._session is None:
            folders = [Path(p) for f in self.workspace.folders.values() if (p := to_fs_path(f.uri))]
            if not folders and self.workspace.root_path:
                folders = [Path(self.workspace.root_path)]
            self._session = Session(folders)
            self._session.on_index_ready = self._index_ready
        return self._session

    def path_of(self, uri: str, language: str | None = None) -> str | None:
        """The path a document is linted as, or None for a document newslint does not read."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        readers = self.session_readers()
        if path is not None and PurePath(path).suffix.lower() in readers:
            return path
        suffix = LANGUAGE_SUFFIX.get(language or "")
        if suffix is None:
            return None
        if path is not None:
            return path + suffix if PurePath(path).suffix == "" else path
        return "untitled-" + re.sub(r"[^A-Za-z0-9]+", "-", uri)[-40:] + suffix

    def session_readers(self) -> Iterable[str]:
        try:
            return self.session.configuration("").plugins.readers
        except Exception:
            return LANGUAGE_SUFFIX.values()

    # -- linting and publishing -----------------------------------------------

    def lint_and_publish(self, path: str) -> list[Finding]:
        buffer = self.session.buffers.get(path)
        uri = self._uris.get(path)
        if buffer is None or uri is None:
            return []
        findings = self.session.lint(path)
        lines = Lines(buffer.text)
        diagnostics = [self.diagnostic(f, lines) for f in findings if f.path == path]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=buffer.version)
        )
        return findings

    def relint_all(self) -> None:
        for path in list(self.session.buffers):
            self.lint_and_publish(path)

    def _index_ready(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.relint_all)

    def schedule(self, path: str) -> None:
        """Lint a buffer after a pause in typing (a newer change restarts the wait)."""
        previous = self._pending.pop(path, None)
        if previous is not None:
            previous.cancel()
        self._pending[path] = asyncio.get_running_loop().create_task(self._later(path))

    async def _later(self, path: str) -> None:
        await asyncio.sleep(DEBOUNCE)
        self._pending.pop(path, None)
        self.lint_and_publish(path)

    def diagnostic(self, f: Finding, lines: Lines) -> lsp.Diagnostic:
        related = [
            lsp.DiagnosticRelatedInformation(location=self.location(r.location), message=r.message)
            for r in f.related
        ]
        return lsp.Diagnostic(
            range=self.range(f.line, f.column, f.end_line, f.end_column, lines),
            severity=_SEVERITY[f.severity],
            code=f.code or None,
            code_description=self.code_description(f.path, f.code),
            source="newslint",
            message=f.message,
            related_information=related or None,
        )

    def range(self, line: int, column: int, end_line: int, end_column: int, lines: Lines) -> lsp.Range:
        return lsp.Range(
            start=lines.position(line - 1, column - 1, self),
            end=lines.position(end_line - 1, end_column - 1, self),
        )

    def location(self, where: Location) -> lsp.Location:
        """An LSP location of a place in another file (an open buffer, or the file on disk)."""
        path = where.path
        buffer = self.session.buffers.get(path)
        if buffer is not None:
            text = buffer.text
        else:
            try:
                text = Path(path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
        lines = Lines(text)
        uri = self._uris.get(path) or from_fs_path(str(Path(path).absolute())) or path
        return lsp.Location(
            uri=uri, range=self.range(where.line, where.column, where.end_line, where.end_column, lines)
        )

    def rule(self, path: str, code: str) -> type[Rule] | None:
        try:
            return self.session.configuration(path).plugins.rules.get(code)
        except Exception:
            return None

    def code_description(self, path: str, code: str) -> lsp.CodeDescription | None:
        """A link to the rule's documentation: its own link (a house rule's ``link:``), else a page
        written for this session from its docstring."""
        if not code:
            return None
        rule = self.rule(path, code)
        if rule is None:
            return None
        link = getattr(getattr(rule, "spec", None), "link", "")
        if link:
            return lsp.CodeDescription(href=link)
        if self._docs is None:
            self._docs = Path(tempfile.mkdtemp(prefix="newslint-rules-"))
        page = self._docs / f"{code}.md"
        if not page.exists():
            page.write_text(explanation(rule), encoding="utf-8")
        return lsp.CodeDescription(href=page.as_uri())

    def close_session(self) -> None:
        if self._docs is not None:
            shutil.rmtree(self._docs, ignore_errors=True)
            self._docs = None

    # -- code actions ---------------------------------------------------------

    def code_actions(
        self, uri: str, requested: lsp.Range, only: Sequence[str] | None
    ) -> list[lsp.CodeAction]:
        path = next((p for p, u in self._uris.items() if u == uri), None)
        buffer = self.session.buffers.get(path) if path else None
        if path is None or buffer is None:
            return []
        if buffer.linted != buffer.text:
            self.lint_and_publish(path)
        lines = Lines(buffer.text)
        first = (requested.start.line, lines.column(requested.start, self))
        last = (requested.end.line, lines.column(requested.end, self))
        actions: list[lsp.CodeAction] = []
        quick = not only or any(k.startswith(lsp.CodeActionKind.QuickFix) for k in only)
        fmt = self.format_of(path)
        for f in buffer.findings:
            if (
                f.path != path
                or (f.end_line - 1, f.end_column - 1) < first
                or (f.line - 1, f.column - 1) > last
            ):
                continue
            diagnostic = self.diagnostic(f, lines)
            if quick and f.fix is not None:
                title = f"{f.code}: {f.fix.message}" + ("" if f.fix.safe else " (changes a quotation)")
                actions.append(self.action(title, uri, lines, f.fix.edits, diagnostic, f.fix.safe))
            if quick and fmt in COMMENTED and f.code and not f.code.startswith("NL0"):
                actions.append(self.suppression(f, uri, lines, diagnostic, fmt))
        fix_all = not only or any(
            lsp.CodeActionKind.SourceFixAll.startswith(k) or k.startswith(lsp.CodeActionKind.SourceFixAll)
            for k in only
        )
        if fix_all:
            safe = [f.fix for f in buffer.findings if f.path == path and f.fix is not None and f.fix.safe]
            if safe:
                _, applied = apply_fixes(buffer.text, safe)
                edits = [e for i in applied for e in safe[i].edits]
                action = self.action("newslint: fix all safe fixes", uri, lines, edits, None, False)
                action.kind = lsp.CodeActionKind.SourceFixAll + ".newslint"
                actions.append(action)
        return actions

    def action(
        self,
        title: str,
        uri: str,
        lines: Lines,
        edits: Iterable[Edit],
        diagnostic: lsp.Diagnostic | None,
        preferred: bool,
    ) -> lsp.CodeAction:
        text_edits = [
            lsp.TextEdit(
                range=lsp.Range(
                    start=lines.offset_position(e.start, self), end=lines.offset_position(e.end, self)
                ),
                new_text=e.text,
            )
            for e in edits
        ]
        return lsp.CodeAction(
            title=title,
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[diagnostic] if diagnostic is not None else None,
            is_preferred=preferred or None,
            edit=lsp.WorkspaceEdit(changes={uri: text_edits}),
        )

    def suppression(
        self, f: Finding, uri: str, lines: Lines, diagnostic: lsp.Diagnostic, fmt: str
    ) -> lsp.CodeAction:
        """A ``newslint-disable-line`` comment on the finding's first line, with a reason to fill in.

        In Markdown it goes at the end of the line (a comment opening a line would
        start an HTML block); in HTML just before the flagged text, inside its element.
        """
        comment = f"<!-- newslint-disable-line {f.code} -- reason -->"
        line = f.line - 1
        if fmt == "markdown":
            text = lines.line(line)
            column = len(text.rstrip())
            comment = " " + comment
        else:
            column = f.column - 1
        at = lines.position(line, column, self)
        return lsp.CodeAction(
            title=f"Suppress {f.code} on this line (write the reason in the comment)",
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=lsp.WorkspaceEdit(
                changes={uri: [lsp.TextEdit(range=lsp.Range(start=at, end=at), new_text=comment)]}
            ),
        )

    def format_of(self, path: str) -> str:
        try:
            return self.session.configuration(path).linter.intake.reader_for(PurePath(path).suffix).name
        except Exception:
            return "text"

    # -- hover ----------------------------------------------------------------

    def hover(self, uri: str, position: lsp.Position) -> lsp.Hover | None:
        path = next((p for p, u in self._uris.items() if u == uri), None)
        buffer = self.session.buffers.get(path) if path else None
        if path is None or buffer is None:
            return None
        if buffer.linted != buffer.text:
            self.lint_and_publish(path)
        lines = Lines(buffer.text)
        here = (position.line, lines.column(position, self))
        for f in buffer.findings:
            if f.path == path and (f.line - 1, f.column - 1) <= here < (f.end_line - 1, f.end_column - 1):
                rule = self.rule(path, f.code)
                head = f"**{f.code}** {f.message}" if f.code else f.message
                body = explanation(rule) if rule is not None else ""
                return lsp.Hover(
                    contents=lsp.MarkupContent(
                        kind=lsp.MarkupKind.Markdown, value=f"{head}\n\n---\n\n{body}".strip()
                    ),
                    range=self.range(f.line, f.column, f.end_line, f.end_column, lines),
                )
        return None


def explanation(rule: type[Rule]) -> str:
    """A rule's documentation as Markdown (what ``newslint --explain`` prints)."""
    return f"# {rule.code} {rule.name} ({rule.severity.value})\n\n{rule.summary}\n\n{rule.documentation()}\n"


def make_server() -> NewslintServer:
    """A server with every feature registered."""
    server = NewslintServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: NewslintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls._loop = asyncio.get_running_loop()
        doc = params.text_document
        path = ls.path_of(doc.uri, doc.language_id)
        if path is None:
            return
        ls._uris[path] = doc.uri
        ls.session.open(path, doc.text, doc.version)
        ls.lint_and_publish(path)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: NewslintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = next((p for p, u in ls._uris.items() if u == uri), None)
        if path is None:
            return
        ls.session.change(path, ls.workspace.get_text_document(uri).source, params.text_document.version)
        ls.schedule(path)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=True))
    async def did_save(ls: NewslintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        fs_path = to_fs_path(uri) if uri.startswith("file:") else None
        if fs_path is not None and PurePath(fs_path).name in CONFIG_NAMES:
            ls.relint_all()  # the configuration is read again: its stamp changed
            return
        path = next((p for p, u in ls._uris.items() if u == uri), None)
        if path is None:
            return
        text = params.text if params.text is not None else ls.workspace.get_text_document(uri).source
        ls.session.change(
            path, text, ls.session.buffers[path].version if path in ls.session.buffers else None
        )
        ls.session.saved(path, text)
        ls.lint_and_publish(path)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = next((p for p, u in ls._uris.items() if u == uri), None)
        if path is None:
            return
        ls.session.close(path)
        ls._uris.pop(path, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def files_changed(ls: NewslintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.session.files_changed()
        ls.relint_all()

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: NewslintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return ls.hover(params.text_document.uri, params.position)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(
            code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll]
        ),
    )
    def code_action(ls: NewslintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params.text_document.uri, params.range, params.context.only)

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: NewslintServer, params: None) -> None:
        ls.close_session()

    return server
