"""The command line: ``newslint [PATH ...]``."""

from __future__ import annotations

import argparse
import contextlib
import errno
import math
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TextIO

from pluggy import PluginValidationError

from newslint import cli_cluster, cli_fixes, conventions, show_stories, workflow
from newslint.config import Config, ConfigError, ConfigFinder, find_config, load_config
from newslint.config.selection import RuleSet, build_rules
from newslint.engine.cache import Cache
from newslint.engine.cluster import ClusterError
from newslint.engine.deadline import DEFAULT_TIMEOUT, enforceable
from newslint.engine.discovery import not_excluded
from newslint.engine.intake import MAX_FILE_BYTES
from newslint.engine.projects import Options, Projects, load_project_plugins, run_projects
from newslint.engine.results import described
from newslint.engine.run import Linter
from newslint.plugins import PluginError, Plugins
from newslint.printable import printable
from newslint.reporters import Report, render
from newslint.rule import Rule

__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "build_parser",
    "explain",
    "explain_selector",
    "list_rules",
    "main",
    "version",
]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Findings that mean the run itself was incomplete: an unreadable file, a rule
#: that raised, a plugin that failed to load.
ERROR_CODES = ("NL001", "NL004", "NL005")

EPILOG = """\
examples:
  newslint seeds/                      lint every article under seeds/
  newslint story.md --format full      show each finding under its source line
  newslint --select NL2 archive/       only anonymous-source rules
  newslint --ignore NL401 archive/     everything but one rule
  newslint --explain NL201             what a rule checks, why, and how to fix it
  newslint --format json . > out.json  machine-readable findings

configuration:
  the nearest rules.yaml (or pyproject.toml's [tool.newslint]) from each file's
  folder upwards, or --config PATH, can select, ignore and tune rules;
  `newslint --list-rules` shows what there is.

exit status:
  0  no findings at or above --fail-on (default: warning)
  1  findings were reported at or above --fail-on
  2  usage or configuration error, a path that does not exist, an unreadable
     file, a rule that raised (NL004) or a plugin that failed to load (NL005)
"""


def _split(values: Sequence[str] | None) -> list[str]:
    out: list[str] = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


def _positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not (number > 0 and math.isfinite(number)):
        raise argparse.ArgumentTypeError(f"must be a positive number, not {value!r}")
    return number


def build_parser(formats: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint",
        description="Lint news articles for sourcing, attribution, name spellings and casualty figures.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders to lint (default: the current folder)"
    )
    sel = parser.add_argument_group("choosing rules")
    sel.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="run only these codes, prefixes or rule names (comma-separated); replaces rules.yaml's select",
    )
    sel.add_argument(
        "--extend-select", action="append", metavar="CODES", help="run these too, on top of the selection"
    )
    sel.add_argument(
        "--ignore", action="append", metavar="CODES", help="do not run these codes, prefixes or rule names"
    )
    sel.add_argument(
        "--config",
        metavar="PATH",
        help="use this rules.yaml (or pyproject.toml) for every file, instead of each file's nearest one "
        "(found from its folder upwards)",
    )
    sel.add_argument("--no-config", action="store_true", help="ignore any rules.yaml: defaults only")
    sel.add_argument(
        "--disable-plugin",
        action="append",
        metavar="NAME",
        default=[],
        help="do not load this plugin (see --version for names)",
    )
    out = parser.add_argument_group("output")
    out.add_argument(
        "--format", default="text", choices=list(formats), help="how to print findings (default: text)"
    )
    out.add_argument(
        "--output", "-o", metavar="FILE", help="write findings to FILE instead of standard output"
    )
    run_ = parser.add_argument_group("running")
    run_.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="processes for the per-article pass (default: the number of cores)",
    )
    workflow.add_arguments(parser)
    conventions.add_arguments(parser)
    cli_fixes.add_arguments(parser)
    cli_cluster.add_arguments(parser)
    limits = parser.add_argument_group("limits (for archives nobody cleaned)")
    limits.add_argument(
        "--max-file-size",
        type=_positive,
        default=MAX_FILE_BYTES / 1e6,
        metavar="MB",
        help=f"skip larger files with an NL008 notice (default: {MAX_FILE_BYTES / 1e6:g})",
    )
    limits.add_argument(
        "--timeout",
        type=_positive,
        metavar="SECONDS",
        help="stop a reader or rule that runs longer than this on one file (or a story rule on one "
        f"story), report it (NL006) and go on (default: {DEFAULT_TIMEOUT:g}; POSIX)",
    )
    cache = parser.add_argument_group("cache")
    cache.add_argument(
        "--no-cache", action="store_true", help="lint every file afresh, and neither read nor write the cache"
    )
    cache.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="where to keep per-file results (default: .newslint_cache beside rules.yaml, or here)",
    )
    info = parser.add_argument_group("information")
    info.add_argument(
        "--list-rules",
        action="store_true",
        help="list every rule: code, name, severity and on/off as configured (* where not the "
        "rule's default), plugin, summary",
    )
    info.add_argument("--explain", metavar="CODE", help="print a rule's documentation (code or name)")
    info.add_argument(
        "--version", action="store_true", help="print the version of newslint and of every plugin"
    )
    show_stories.add_arguments(info)
    return parser


def _timeout(given: float | str | None) -> float:
    """The ``--timeout`` in effect: the one given (when it is a number), else the default."""
    try:
        seconds = float(given) if given is not None else DEFAULT_TIMEOUT
    except ValueError:
        return DEFAULT_TIMEOUT  # (the full parser reports it)
    return seconds if seconds > 0 and math.isfinite(seconds) else DEFAULT_TIMEOUT


def _load_config(args: argparse.Namespace) -> Config:
    if args.no_config:
        return Config()
    if args.config:
        return load_config(args.config)
    found = find_config(cli_fixes.config_folder(args))
    return load_config(found) if found else Config()


def _options(args: argparse.Namespace, known: argparse.Namespace) -> Options:
    """What the command line sets for every project of the run."""
    return Options(
        select=_split(args.select) or None,
        ignore=_split(args.ignore),
        extend_select=_split(args.extend_select),
        disabled=_split(known.disable_plugin),
        cache=not args.no_cache,
        cache_dir=args.cache_dir,
        max_file_bytes=int(args.max_file_size * 1e6),
        timeout=_timeout(args.timeout),
        isolate=True,
        force_exclude=args.force_exclude,
        exclude=_split(args.exclude) if args.exclude else None,
        extend_exclude=_split(args.extend_exclude),
    )


def list_rules(
    plugins: Plugins,
    stream: TextIO,
    only: Mapping[str, type[Rule]] | None = None,
    ruleset: RuleSet | None = None,
) -> None:
    """One line per rule (of ``only``, or every rule): code, name, severity, plugin, summary.

    ``ruleset``: the rules as the configuration sets them (severity, on or off);
    a setting that differs from the rule's default is marked ``*``.
    """
    rules = plugins.rules if only is None else only
    rows = []
    for code, r in sorted(rules.items()):
        severity, on = r.severity, r.enabled_by_default
        if ruleset is not None:
            severity, on = ruleset.severity_of(code, r.severity), code in ruleset.enabled_codes
        changed = (severity, on) != (r.severity, r.enabled_by_default)
        cell = severity.value + ("" if on else " (off)") + ("*" if changed else "")
        rows.append((r.code, r.name, cell, plugins.plugin_of(code), r.summary))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        stream.write(
            "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4] + "\n"
        )
    if any(row[2].endswith("*") for row in rows):
        stream.write("* set by the configuration or the command line (the rule's default differs)\n")


def explain(rule: type[Rule], plugin: str, stream: TextIO) -> None:
    stream.write(f"{rule.code} {rule.name} ({rule.severity.value}, plugin {plugin})\n")
    stream.write(f"{rule.summary}\n\n{rule.documentation()}\n")
    if rule.options:
        stream.write("\nOptions (rules.yaml, under rules: " + rule.name + "):\n")
        for key, value in rule.options.items():
            stream.write(f"  {key}: {value!r}\n")


def explain_selector(wanted: str, plugins: Plugins, stream: TextIO) -> int:
    """``--explain``: a rule by code or name; a prefix (``NL2``) lists its rules."""
    for code, rule in plugins.rules.items():
        if wanted.upper() == code or wanted == rule.name:
            explain(rule, plugins.plugin_of(code), stream)
            return EXIT_OK
    prefixed = {c: r for c, r in plugins.rules.items() if c.startswith(wanted.upper())}
    if prefixed:
        count = f"{len(prefixed)} rule{'s' if len(prefixed) != 1 else ''}"
        stream.write(f"{wanted.upper()} is a prefix of {count}; `newslint --explain CODE` explains one:\n")
        list_rules(plugins, stream, only=prefixed)
        return EXIT_OK
    from newslint.config import suggest

    names = list(plugins.rules) + [r.name for r in plugins.rules.values()]
    sys.stderr.write(f"newslint: no rule {wanted!r}{suggest(wanted, names)}\n")
    return EXIT_ERROR


def version(plugins: Plugins, stream: TextIO) -> None:
    from newslint.version import __version__

    stream.write(f"newslint {__version__}\n")
    for name, info in sorted(plugins.info.items()):
        if info.builtin and name.startswith("newslint."):
            continue
        codes = sorted(c for c, p in plugins.rule_plugin.items() if p == name)
        what = f" ({', '.join(codes)})" if codes else ""
        stream.write(f"  {name} {info.version}{what}\n")
    for name, message in plugins.errors:
        stream.write(f"  {name}: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    # A console that cannot show a character (or a file name that is not
    # UTF-8) must not turn the findings into a traceback.
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    if sys.stderr is None:  # started with standard error closed: messages go nowhere
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (open for the rest of the process)
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "server":  # `newslint server`: the language server (./server lints a path)
        from newslint.server import main as serve

        return serve(argv[1:])
    try:
        return _main(argv)
    except KeyboardInterrupt:
        sys.stderr.write("newslint: interrupted\n")
        return 130
    except BrokenPipeError:
        # `newslint ... | head`: the reader went away; stop quietly.
        _silence_stdout()
        return EXIT_FINDINGS


def _silence_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered for
    it (the reader went away, the disk is full) is not written again at exit."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _report(write: Callable[[TextIO], None], reporter: object, output: str | None) -> str:
    """Render the findings to ``output`` (None: standard output); "" when they are
    written, else what went wrong (a full disk, a closed standard output, a
    reporter plugin that failed)."""
    where = output or "standard output"
    stream: TextIO
    if output:
        try:
            stream = open(output, "w", encoding="utf-8", errors="backslashreplace")  # noqa: SIM115
        except OSError as exc:
            return f"cannot write {output}: {exc.strerror or exc}"
    elif sys.stdout is None:
        return "cannot write the findings: standard output is closed"
    else:
        stream = sys.stdout
    try:
        try:
            write(stream)
            stream.flush()
        finally:
            if stream is not sys.stdout:
                stream.close()
    except BrokenPipeError:
        if output:
            return f"cannot write the findings to {where}: {os.strerror(errno.EPIPE)}"
        raise
    except OSError as exc:
        if stream is sys.stdout:
            _silence_stdout()
        return f"cannot write the findings to {where}: {exc.strerror or exc}"
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # a reporter plugin that raises, or calls sys.exit()
        return f"reporter {getattr(reporter, 'name', '?')!r} failed: {described(exc)}"
    return ""


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Config first: it may name local plugins, which may add formats.
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--config")
    pre.add_argument("--no-config", action="store_true")
    pre.add_argument("--disable-plugin", action="append", default=[])
    pre.add_argument("--init", action="store_true")
    pre.add_argument("--timeout")
    pre.add_argument("--stdin-filename")
    known, _ = pre.parse_known_args(argv)
    try:
        # --init writes a new file: whatever is (or is not) at --config is not read.
        config = Config() if known.init else _load_config(known)
    except ConfigError as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_ERROR
    try:
        # A plugin that prints while it loads (or checks) must not corrupt the findings.
        with contextlib.redirect_stdout(sys.stderr):
            plugins = load_project_plugins(config, _split(known.disable_plugin), _timeout(known.timeout))
    except ConfigError as exc:  # a bad custom rule
        sys.stderr.write(f"{exc}\n")
        return EXIT_ERROR
    except (PluginError, PluginValidationError) as exc:  # two rules with one code; a misspelt hook
        sys.stderr.write(f"newslint: {exc}\n")
        return EXIT_ERROR
    unknown = plugins.unknown(_split(known.disable_plugin))
    if unknown:
        sys.stderr.write("".join(f"newslint: {message}\n" for message in unknown))
        return EXIT_ERROR
    parser = build_parser(sorted(plugins.reporters))
    args = parser.parse_args(argv)

    if args.version:
        version(plugins, sys.stdout)
        return EXIT_OK
    if args.init:
        return workflow.init(args, plugins)
    if args.explain:
        return explain_selector(args.explain.strip(), plugins, sys.stdout)

    try:
        ruleset = build_rules(
            config,
            plugins.rules,
            _split(args.select) or None,
            _split(args.ignore),
            _split(args.extend_select),
        )
    except ConfigError as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_ERROR
    if args.list_rules:
        list_rules(plugins, sys.stdout, ruleset=ruleset)
        return EXIT_OK
    reporter = conventions.StatisticsReporter() if args.statistics else plugins.reporters[args.format]
    if args.statistics and args.format not in ("text", "full"):
        parser.error("--statistics prints a text table: it cannot be combined with --format " + args.format)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    if args.timeout and not enforceable():
        sys.stderr.write("newslint: --timeout is not enforced here: it needs SIGALRM (POSIX)\n")
    if cli_fixes.requested(args):
        # Standard input, --fix, --diff: one configuration (that of --stdin-filename's folder).
        cache = None if args.no_cache else Cache.open(plugins, ruleset, config, args.cache_dir)
        linter = Linter(
            plugins,
            ruleset,
            config,
            cache=cache,
            max_file_bytes=int(args.max_file_size * 1e6),
            timeout=_timeout(args.timeout),
            isolate=True,
        )
        paths = args.paths or ["."]
        if args.force_exclude:
            paths = not_excluded(paths, config.root, config.exclude)
        outcome = cli_fixes.run(args, linter, paths, jobs)
        if isinstance(outcome, int):  # a diff, or the fixed text of standard input: already written
            return outcome
        result = outcome
    else:
        # Each path's configuration from its folder upwards, unless one was chosen for all.
        finder = None if known.config or known.no_config else ConfigFinder()
        options = _options(args, known)
        options.cluster = cluster = cli_cluster.cluster(args)  # --scheduler: the pass on a Dask cluster
        projects = Projects(options, (config, plugins), finder)
        try:
            if cluster is not None and not args.show_settings:
                cluster.connect()
            if args.show_settings:
                conventions.show_settings(args.paths or ["."], projects, sys.stdout)
                return EXIT_OK
            # A plugin that prints while it loads or checks must not corrupt the findings.
            out = sys.stdout
            with contextlib.redirect_stdout(sys.stderr):
                planned = projects.plan(args.paths or ["."])
                if args.show_stories:
                    return show_stories.show_stories(args, planned, projects.options, jobs, out)
                if hasattr(reporter, "for_rules"):  # reporters that show rule help (sarif)
                    reporter = reporter.for_rules({c: r for p in planned for c, r in p.plugins.rules.items()})
                result = run_projects(
                    planned,
                    projects.options,
                    jobs,
                    keep_documents=reporter.needs_source,
                    corpus=args.corpus,
                    report_unused_suppressions=args.report_unused_suppressions,
                    keep_stories=getattr(reporter, "needs_stories", False),
                )
        except ConfigError as exc:  # a rules.yaml deeper down, or one a path named
            sys.stderr.write(f"{exc}\n")
            return EXIT_ERROR
        except (PluginError, PluginValidationError, ClusterError) as exc:
            sys.stderr.write(f"newslint: {exc}\n")
            return EXIT_ERROR
        finally:
            if cluster is not None:
                cluster.close()
    if not workflow.after_run(args, result):
        return EXIT_ERROR

    for path in result.missing:
        sys.stderr.write(f"newslint: {printable(path)}: no such file or directory\n")
    report = Report(
        cli_fixes.shown(args, result.findings),
        result.documents,
        result.stories,
        plugins.rules,
        result.files,
    )
    failure = _report(lambda stream: render(reporter, report, stream), reporter, args.output)
    if failure:
        sys.stderr.write(f"newslint: {failure}\n")
        return EXIT_ERROR
    if args.format in ("text", "full") and not args.write_baseline and not args.quiet:
        sys.stderr.write(workflow.summary(result.files, result.findings, len(result.suppressed)))
    if result.missing or any(f.code in ERROR_CODES for f in result.findings):
        return EXIT_ERROR
    failed = workflow.fails(result.findings, args.fail_on)
    return EXIT_FINDINGS if failed and not args.exit_zero else EXIT_OK
