"""One declaration per setting (name, default, validator, French doc, owning plugin); every problem in one SettingsError.

A plugin declares its settings in plugins/NAME/settings.py as ``DECLARED = declare("NAME", Setting(...), ...)``
and reads them through ``DECLARED.value(settings, name)`` or ``DECLARED.values(settings)``. Its register()
connects ``check_at_startup`` to Pelican's ``initialized`` signal: however many plugins connect it, it runs
once and checks the settings of every plugin of the build together (plus the project's own, PROJECT_MODULES).
Validators live in eventsite.settingchecks; docs/reglages.md is written from the same declarations by
eventsite.settingsdoc (``python -m eventsite settings-doc``).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

SETTINGS_FILE_HINT = "pelicanconf.py (ou publishconf.py pour publier)"
# Modules of eventsite that declare settings read by the project itself (publication), checked with the plugins'.
PROJECT_MODULES = ("eventsite.allowances",)


@dataclass(frozen=True)
class Part:
    """A problem with one part of a value (an entry of a dictionary, an item of a list)."""

    where: str  # shown right after the setting's name, e.g. « ['accent'] »
    given: Any
    fix: str  # what to write, in French


Problem = str | Part  # a str tells what to write instead of the whole value
Validator = Callable[[Any], Sequence[Problem]]


def within(where: str, given: Any, problems: Iterable[Problem]) -> list[Part]:
    """PROBLEMS of GIVEN, a part of a setting's value found at WHERE (« ['en'] »), as parts of the whole value."""
    return [Part(where, given, p) if isinstance(p, str) else Part(where + p.where, p.given, p.fix) for p in problems]


def anything(_value: Any) -> list[Problem]:
    """Accept any value."""
    return []


@dataclass(frozen=True)
class Setting:
    """One setting: its name, default, validator, one-line French doc (and how the doc shows its default)."""

    name: str
    default: Any
    doc: str
    validate: Validator = anything
    shown_default: str | None = None  # for a default that differs by machine (an absolute path)


class SettingsError(Exception):
    """Settings that cannot be used: every problem of every plugin, in French, one line each."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"Réglages incorrects dans {SETTINGS_FILE_HINT} ({len(self.problems)}) :\n{lines}")


def _frozen(value: Any) -> Any:
    """VALUE with dictionaries made read-only and lists made tuples, so that no build can change a default."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


@dataclass(frozen=True)
class Declarations:
    """The settings one plugin (or the project) declares."""

    plugin: str
    by_name: Mapping[str, Setting]  # in declaration order

    @property
    def settings(self) -> tuple[Setting, ...]:
        """The declarations, in order."""
        return tuple(self.by_name.values())

    @property
    def names(self) -> tuple[str, ...]:
        """The declared names, in declaration order."""
        return tuple(self.by_name)

    @property
    def defaults(self) -> Mapping[str, Any]:
        """Name → default."""
        return MappingProxyType({s.name: s.default for s in self.settings})

    def __contains__(self, name: object) -> bool:
        return name in self.by_name

    def declared(self, name: str) -> Setting:
        """The declaration of NAME; KeyError (naming the plugin) when NAME is not declared."""
        try:
            return self.by_name[name]
        except KeyError:
            raise KeyError(f"{name} is not a setting declared by the {self.plugin} plugin") from None

    def value(self, settings: Mapping[str, Any], name: str) -> Any:
        """The value of NAME in SETTINGS, else its default (NAME must be declared)."""
        return settings.get(name, self.declared(name).default)

    def values(self, settings: Mapping[str, Any]) -> Mapping[str, Any]:
        """Every declared setting's value, defaults filled in, as a read-only mapping."""
        return MappingProxyType({s.name: _frozen(settings.get(s.name, s.default)) for s in self.settings})

    def problems(self, settings: Mapping[str, Any]) -> list[str]:
        """One French line for each declared setting of SETTINGS that cannot be used."""
        found = []
        for item in self.settings:
            if item.name not in settings:
                continue
            value = settings[item.name]
            for problem in item.validate(value):
                found.append(describe(item.name, value, problem, self.plugin))
        return found

    def checked(self, settings: Mapping[str, Any]) -> Mapping[str, Any]:
        """values(SETTINGS), or SettingsError listing every problem of this plugin's settings."""
        problems = self.problems(settings)
        if problems:
            raise SettingsError(problems)
        return self.values(settings)


def describe(name: str, value: Any, problem: Problem, plugin: str) -> str:
    """One French line: the setting, what was given, what to write, and the plugin it belongs to."""
    if isinstance(problem, Part):
        return f"{name}{problem.where} vaut {problem.given!r} : {problem.fix} (section « {plugin} » de docs/reglages.md)"
    return f"{name} vaut {value!r} : {problem} (section « {plugin} » de docs/reglages.md)"


def declare(plugin: str, *settings: Setting) -> Declarations:
    """The declarations of PLUGIN; a name declared twice is a programming error."""
    names = [s.name for s in settings]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"{plugin}: settings declared twice: {', '.join(twice)}")
    return Declarations(plugin, MappingProxyType({s.name: s for s in settings}))


# --- every plugin at once ----------------------------------------------------------------------


def declarations_of(module_name: str) -> Declarations | None:
    """The DECLARED of MODULE_NAME's settings module (MODULE_NAME itself if it has DECLARED), or None."""
    module = importlib.import_module(module_name)
    found = getattr(module, "DECLARED", None)
    if isinstance(found, Declarations):
        return found
    if not hasattr(module, "__path__") or importlib.util.find_spec(f"{module_name}.settings") is None:
        return None
    found = getattr(importlib.import_module(f"{module_name}.settings"), "DECLARED", None)
    return found if isinstance(found, Declarations) else None


def declaration_of(name: str) -> Setting | None:
    """The declaration of NAME by the plugin its prefix names (LEGAL_HOST: the legal plugin's), or None if none declares it."""
    try:
        found = declarations_of(name.split("_", 1)[0].lower())
    except ImportError:  # no plugin of that name on the path
        return None
    return found.by_name.get(name) if found is not None else None


def build_declarations(plugin_names: Iterable[str]) -> list[Declarations]:
    """The declarations of the project and of each named plugin (those that declare settings)."""
    found = [declarations_of(name) for name in (*PROJECT_MODULES, *plugin_names)]
    return [d for d in found if d is not None]


def unknown_names(settings: Mapping[str, Any], declarations: Sequence[Declarations]) -> list[str]:
    """A line for each setting under a plugin's prefix (GALLERY_…) that no plugin declares: a typo, silently ignored otherwise."""
    from pelican.settings import DEFAULT_CONFIG

    declared = {name for d in declarations for name in d.names}
    lines = []
    for d in declarations:
        prefixes = {name.split("_", 1)[0] + "_" for name in d.names if "_" in name}
        for name in settings:
            if name.split("_", 1)[0] + "_" in prefixes and name not in declared and name not in DEFAULT_CONFIG:
                lines.append(f"{name} n'est pas un réglage connu : vérifiez son nom (section « {d.plugin} » de docs/reglages.md)")
    return lines


def all_problems(settings: Mapping[str, Any], declarations: Sequence[Declarations]) -> list[str]:
    """Every problem of every declared setting, then every unknown name under a declared prefix."""
    return [*(p for d in declarations for p in d.problems(settings)), *unknown_names(settings, declarations)]


def check_at_startup(pelican: Any) -> None:
    """initialized handler: check the settings of every plugin of the build together; one SettingsError for all."""
    names = [getattr(plugin, "__name__", "") for plugin in getattr(pelican, "plugins", ())]
    problems = all_problems(pelican.settings, build_declarations(n for n in names if n))
    if problems:
        raise SettingsError(problems)


def plugin_names(plugins_dir: Path) -> list[str]:
    """The plugin packages of PLUGINS_DIR (each folder with an __init__.py), sorted."""
    return sorted(p.parent.name for p in plugins_dir.glob("*/__init__.py"))


def project_declarations(plugins_dir: Path) -> list[Declarations]:
    """Every declaration of the project: eventsite's and those of each plugin of PLUGINS_DIR (imported as Pelican does)."""
    if str(plugins_dir) not in sys.path:
        sys.path.insert(0, str(plugins_dir))  # as Pelican does with PLUGIN_PATHS
    return build_declarations(plugin_names(plugins_dir))
