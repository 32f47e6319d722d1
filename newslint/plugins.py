"""The plugin manager: built-ins first, then the ``newslint`` entry points.

Built-in readers and reporters are registered here the same way any plugin
is; built-in *rules* come only through the entry-point group, exactly like a
third-party plugin's (the core never imports them). rules.yaml's
``custom-rules:`` are one more plugin, registered last. A plugin that fails
to import does not stop the others: it is recorded in ``Plugins.errors``.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import sys
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import pluggy

from newslint import hookspecs
from newslint.config import Config
from newslint.declarative import PLUGIN_NAME, CustomRules, build_custom_rules
from newslint.markers import PROJECT, hookimpl
from newslint.rule import CorpusRule, Rule

__all__ = ["BUILTINS", "PluginError", "PluginInfo", "Plugins", "hookimpl", "load_plugins"]

#: Core modules that are plugins: the readers, reporters and newslint's own codes.
BUILTINS = (
    "newslint.core_rules",
    "newslint.readers.text",
    "newslint.readers.markdown",
    "newslint.readers.html",
    "newslint.reporters.text",
    "newslint.reporters.json",
    "newslint.reporters.sarif",
    "newslint.reporters.github",
    "newslint.reporters.html",
    "newslint.suppressions",
)


class PluginError(Exception):
    """Plugins that cannot work together (e.g. two rules with one code)."""


@dataclass
class PluginInfo:
    name: str
    version: str
    module: str
    builtin: bool


@dataclass
class Plugins:
    """The loaded plugins and what they contribute."""

    manager: pluggy.PluginManager
    info: dict[str, PluginInfo] = field(default_factory=dict)
    #: (plugin name, message) for each plugin that failed to load or contribute.
    errors: list[tuple[str, str]] = field(default_factory=list)
    #: code -> rule class; rule_plugin: code -> plugin name.
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    rule_plugin: dict[str, str] = field(default_factory=dict)
    readers: dict[str, Any] = field(default_factory=dict)
    reporters: dict[str, Any] = field(default_factory=dict)
    #: Where each plugin is named, for the NL005 notice of one that fails: an entry point
    #: (its distribution's entry_points.txt) or a line of rules.yaml.
    named_at: dict[str, tuple[str, int, int] | metadata.EntryPoint | None] = field(default_factory=dict)
    #: Every plugin name ``--disable-plugin`` takes, loaded or disabled (the built-in
    #: readers and reporters are always loaded).
    names: set[str] = field(default_factory=set)

    def plugin_of(self, code: str) -> str:
        return self.rule_plugin.get(code, "?")

    def origin(self, name: str) -> tuple[str, int, int]:
        """(path, line, column) of the place that names plugin ``name``: the line of
        rules.yaml, or of the entry_points.txt of the package that declares it."""
        where = self.named_at.get(name)
        # An entry point by its shape, not its class: once the importlib_metadata backport
        # is imported (dask imports it), entry points found later are of its own class.
        if where is not None and hasattr(where, "load"):  # (a namedtuple before Python 3.11)
            where = self.named_at[name] = _entry_point_origin(cast(metadata.EntryPoint, where))
        return cast("tuple[str, int, int] | None", where) or ("<plugins>", 1, 1)

    def unknown(self, names: Iterable[str]) -> list[str]:
        """A message for each of ``names`` that names no plugin, with the nearest one."""
        messages = []
        for name in names:
            if name in self.names:
                continue
            close = difflib.get_close_matches(name, sorted(self.names), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            messages.append(
                f"--disable-plugin: no plugin is named {name!r}{hint}; `newslint --version` lists them"
            )
        return messages


def _version_of(module: ModuleType, dist: metadata.Distribution | None) -> str:
    if dist is not None:
        return dist.version
    return str(getattr(module, "__version__", "")) or _newslint_version()


def _newslint_version() -> str:
    try:
        return metadata.version("newslint")
    except metadata.PackageNotFoundError:
        from newslint.version import __version__

        return __version__


def _call(
    plugins: Plugins, hook_name: str, only: object | None = None, timeout: float | None = None
) -> Iterable[tuple[str, Any]]:
    """Call one hook plugin by plugin (or of the plugin ``only``), so each result is
    known by its plugin and a plugin that raises (or calls ``sys.exit()``, or
    hangs) is reported without losing the others."""
    from newslint.engine.deadline import StepTimeout, time_limit  # (the engine imports this module)
    from newslint.engine.results import described

    hook = getattr(plugins.manager.hook, hook_name)
    for impl in hook.get_hookimpls():  # registration order
        if only is not None and impl.plugin is not only:
            continue
        name = plugins.manager.get_name(impl.plugin) or "?"
        try:
            with time_limit(timeout):
                items = list(impl.function() or ())
        except StepTimeout:
            plugins.errors.append((name, f"{hook_name} did not finish within {timeout:g} s"))
            continue
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # a broken plugin must not take the others down
            plugins.errors.append((name, f"{hook_name} raised {described(exc)}"))
            continue
        for item in items:
            yield name, item


def load_plugins(
    disabled: Iterable[str] = (),
    local: Iterable[tuple[str, Path]] = (),
    entry_points: bool = True,
    config: Config | None = None,
    timeout: float | None = None,
) -> Plugins:
    """Build the plugin manager: built-ins, entry points, then local modules.

    A plugin that cannot be imported (it raises, calls ``sys.exit()``, or
    takes longer than ``timeout`` seconds), or whose hooks fail or contribute
    something malformed, is recorded in ``Plugins.errors`` (reported as NL005)
    and the others still load.

    :param disabled: plugin names not to load (``--disable-plugin``).
    :param local: (display name, path) of unpackaged plugin modules from rules.yaml.
    :param entry_points: load the ``newslint`` entry-point group (tests may turn it off).
    :param config: add its declarative ``custom-rules`` (raises ConfigError for a bad one).
    :param timeout: seconds a plugin may take to import, and each of its hooks; None: no limit.
    """
    from newslint.engine.deadline import StepTimeout, time_limit  # (the engine imports this module)
    from newslint.engine.results import described

    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    plugins = Plugins(manager=pm)
    disabled, local = set(disabled), list(local)
    plugins.names.update([PLUGIN_NAME, *(name for name, _ in local)])
    for dotted in BUILTINS:
        module = importlib.import_module(dotted)
        pm.register(module, name=dotted)
        plugins.info[dotted] = PluginInfo(dotted, _newslint_version(), dotted, True)
    if entry_points:
        for ep in sorted(metadata.entry_points(group=PROJECT), key=lambda e: e.name):
            plugins.names.add(ep.name)
            plugins.named_at.setdefault(ep.name, ep)  # read only if the plugin fails
            if ep.name in disabled or pm.get_plugin(ep.name) is not None:
                continue
            try:
                with time_limit(timeout):
                    module = ep.load()
                pm.register(module, name=ep.name)
            except StepTimeout:
                plugins.errors.append(
                    (ep.name, f"cannot be loaded: its import did not finish within {timeout:g} s")
                )
                continue
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # sys.exit() at import included
                plugins.errors.append((ep.name, f"cannot be loaded: {described(exc)}"))
                continue
            dist = getattr(ep, "dist", None)
            plugins.info[ep.name] = PluginInfo(
                ep.name, _version_of(module, dist), ep.value, ep.value.startswith("newslint_plugins")
            )
    for name, path in local:
        if config is not None and config.path and name in config.plugins:
            mark = config.mark("plugins", config.plugins.index(name))
            plugins.named_at[name] = (config.path, mark.line, mark.column)
        if name in disabled:
            continue
        try:
            with time_limit(timeout):
                module = _import_path(name, path)
            pm.register(module, name=name)
        except StepTimeout:
            plugins.errors.append((name, f"cannot be loaded: its import did not finish within {timeout:g} s"))
            continue
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # sys.exit() at import included
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip() or type(exc).__name__
            plugins.errors.append((name, f"cannot be loaded: {detail}"))
            continue
        plugins.info[name] = PluginInfo(name, "local", str(path), False)
    _drop_unknown_hooks(plugins)
    pm.check_pending()
    _collect(plugins, timeout=timeout)
    if config is not None and PLUGIN_NAME not in disabled:
        _add_custom_rules(plugins, config)
    return plugins


def _drop_unknown_hooks(plugins: Plugins) -> None:
    """Unregister each plugin that implements a hook newslint does not have (a
    misspelt ``newslint_rule``), naming it, so the others still run."""
    pm = plugins.manager
    known = sorted(n for n in dir(hookspecs) if n.startswith("newslint_"))
    for name, caller in sorted(vars(pm.hook).items()):
        if caller.spec is not None:
            continue
        for impl in caller.get_hookimpls():
            if pm.is_registered(impl.plugin):
                plugin = impl.plugin_name
                pm.unregister(impl.plugin)
                plugins.info.pop(plugin, None)
                close = difflib.get_close_matches(name, known, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                plugins.errors.append((plugin, f"implements an unknown hook {name!r}{hint}; not loaded"))


def _add_custom_rules(plugins: Plugins, config: Config) -> None:
    """Register rules.yaml's ``custom-rules:`` as one more plugin, last.

    Its rules may not reuse a code or name of the rules loaded before it: that
    is a mistake in rules.yaml, reported at its line and column.
    """
    taken: dict[str, str] = {}
    for code, rule in plugins.rules.items():
        owner = f"rule {code} ({rule.name}) of plugin {plugins.plugin_of(code)!r}"
        taken[code] = taken[rule.name] = owner
    rules = build_custom_rules(config, taken)
    if not rules:
        return
    plugin = CustomRules(rules)
    plugins.manager.register(plugin, name=PLUGIN_NAME)
    plugins.info[PLUGIN_NAME] = PluginInfo(PLUGIN_NAME, "local", config.path or "rules.yaml", False)
    _collect(plugins, only=plugin)


def _entry_point_origin(ep: metadata.EntryPoint) -> tuple[str, int, int] | None:
    """The line of its distribution's entry_points.txt that declares ``ep``."""
    path = _entry_points_file(getattr(ep, "dist", None))
    if path is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    section = ""
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped.strip("[]").strip()
        elif section == ep.group and stripped.partition("=")[0].strip() == ep.name:
            return (_shown(path), number, len(line) - len(line.lstrip()) + 1)
    return (_shown(path), 1, 1)


def _entry_points_file(dist: metadata.Distribution | None) -> Path | None:
    """Where a distribution's entry_points.txt is: listed in its RECORD, or beside its
    metadata under the names installers give the folder."""
    if dist is None:
        return None
    listed = [f for f in (dist.files or ()) if f.name == "entry_points.txt"]
    name, version = dist.metadata["Name"] or "", dist.version
    folders = [f"{n}-{version}.dist-info" for n in {name, name.replace("-", "_")}]
    folders += [f"{n}.egg-info" for n in {name, name.replace("-", "_")}]
    candidates = [Path(str(dist.locate_file(f))) for f in listed]
    candidates += [Path(str(dist.locate_file(f"{folder}/entry_points.txt"))) for folder in folders]
    return next((c for c in candidates if c.is_file()), None)


def _shown(path: Path) -> str:
    """A path relative to the working folder when it is inside it, else absolute."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _import_path(name: str, path: Path) -> ModuleType:
    module_name = "newslint_local_" + "".join(c if c.isalnum() else "_" for c in path.stem)
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path} is not a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def _fact_kind_clash(plugins: Plugins, rule: type[Rule]) -> str:
    """Why a corpus rule cannot share its kind of facts with a loaded rule ("" when it can).

    Rules naming one ``fact_kind`` share one collection per document, so they
    must collect it the same way: with one ``collect``, from a shared base class.
    """
    if not issubclass(rule, CorpusRule):
        return ""
    for other in plugins.rules.values():
        if (
            issubclass(other, CorpusRule)
            and other.kind() == rule.kind()
            and other.collect is not rule.collect
        ):
            return (
                f"rule {rule.code} collects facts of kind {rule.kind()!r} with its own collect(), "
                f"unlike rule {other.code}, which collects that kind too; share one collect() or name another kind"
            )
    return ""


def _collect(plugins: Plugins, only: object | None = None, timeout: float | None = None) -> None:
    """Take in the rules, readers and reporters the plugins (or the plugin ``only``) contribute;
    one that is malformed is reported (NL005) and left out."""
    for name, rule in _call(plugins, "newslint_rules", only, timeout):
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            plugins.errors.append(
                (name, f"newslint_rules returned {_value_shown(rule)}, which is not a Rule class")
            )
            continue
        try:
            problems = rule.metadata_problems()
            if not problems:
                rule()  # a rule the engine cannot make is no rule
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            problems = [f"it cannot be made: {type(exc).__name__}: {exc}"]
        if problems:
            plugins.errors.append((name, f"rule {rule.__name__}: " + "; ".join(problems)))
            continue
        clash = _fact_kind_clash(plugins, rule)
        if clash:
            plugins.errors.append((name, clash))
            continue
        if rule.code in plugins.rules:
            other = plugins.rule_plugin[rule.code]
            raise PluginError(
                f"rule code {rule.code} is defined twice: by plugin {other!r} "
                f"({plugins.rules[rule.code].__name__}) and by plugin {name!r} ({rule.__name__})"
            )
        plugins.rules[rule.code] = rule
        plugins.rule_plugin[rule.code] = name
    for name, reader in _call(plugins, "newslint_readers", only, timeout):
        problem = _reader_problem(reader)
        if problem:
            plugins.errors.append(
                (name, f"newslint_readers returned {_value_shown(reader)}: {problem}; not used")
            )
            continue
        for suffix in reader.suffixes:
            plugins.readers[suffix.lower()] = reader  # later plugins win
    for name, reporter in _call(plugins, "newslint_reporters", only, timeout):
        problem = _reporter_problem(reporter)
        if problem:
            plugins.errors.append(
                (name, f"newslint_reporters returned {_value_shown(reporter)}: {problem}; not used")
            )
            continue
        plugins.reporters[reporter.name] = reporter


def _reader_problem(reader: Any) -> str:
    """What keeps an object from being a reader ("" when nothing does)."""
    if not _is_name(getattr(reader, "name", None)):
        return "it has no name (a short string)"
    suffixes = getattr(reader, "suffixes", None)
    if (
        not isinstance(suffixes, (tuple, list))
        or not suffixes
        or not all(isinstance(x, str) and x.startswith(".") and len(x) > 1 for x in suffixes)
    ):
        return "its suffixes are not a tuple of file suffixes like ('.xml',)"
    if not callable(getattr(reader, "read", None)):
        return "it has no read(path, source) method"
    return ""


def _reporter_problem(reporter: Any) -> str:
    """What keeps an object from being a reporter ("" when nothing does)."""
    name = getattr(reporter, "name", None)
    if not isinstance(name, str) or not _is_name(name) or name.startswith("-"):
        return "it has no name (a short string, the --format value)"
    if not isinstance(getattr(reporter, "description", ""), str):
        return "its description is not a string"
    if not isinstance(getattr(reporter, "needs_source", None), bool):
        return "its needs_source is not True or False"
    if not callable(getattr(reporter, "render", None)):
        return "it has no render(findings, documents, stream) method"
    return ""


def _is_name(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 64 and value.isprintable() and not value.isspace()


def _value_shown(value: object) -> str:
    try:
        text = repr(value)
    except Exception:
        text = f"a {type(value).__name__}"
    return text if len(text) <= 80 else text[:77] + "..."
