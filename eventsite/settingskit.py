"""One declaration per setting (name, default, validator, French doc, owning plugin); every problem in one SettingsError.

A plugin declares its settings in plugins/NAME/settings.py as ``DECLARED = declare("NAME", Setting(...), ...)``
and reads them through ``DECLARED.value(settings, name)`` or ``DECLARED.values(settings)``. Its register()
connects ``check_at_startup`` to Pelican's ``initialized`` signal: however many plugins connect it, it runs
once and checks the settings of every plugin of the build together (plus the project's own, PROJECT_MODULES).
docs/reglages.md is written from the same declarations (``python -m eventsite settings-doc``).
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import re
import sys
import zoneinfo
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Any

SETTINGS_FILE_HINT = "pelicanconf.py (ou publishconf.py pour publier)"
# Modules of eventsite that declare settings read by the project itself (publication), checked with the plugins'.
PROJECT_MODULES = ("eventsite.allowances",)
LANG_RE = re.compile(r"^[a-z]{2,3}$")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Part:
    """A problem with one part of a value (an entry of a dictionary, an item of a list)."""

    where: str  # shown right after the setting's name, e.g. « ['accent'] »
    given: Any
    fix: str  # what to write, in French


Problem = str | Part  # a str tells what to write instead of the whole value
Validator = Callable[[Any], Sequence[Problem]]


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
    settings: tuple[Setting, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The declared names, in declaration order."""
        return tuple(s.name for s in self.settings)

    @property
    def defaults(self) -> Mapping[str, Any]:
        """Name → default."""
        return MappingProxyType({s.name: s.default for s in self.settings})

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def declared(self, name: str) -> Setting:
        """The declaration of NAME; KeyError (naming the plugin) when NAME is not declared."""
        for item in self.settings:
            if item.name == name:
                return item
        raise KeyError(f"{name} is not a setting declared by the {self.plugin} plugin")

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
    return Declarations(plugin, tuple(settings))


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


# --- validators: each returns what to write, in French, for a value that cannot be used ----------


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def text(value: Any) -> list[Problem]:
    """Any text, empty included."""
    return [] if isinstance(value, str) else ["écrivez un texte entre guillemets, par ex. \"…\""]


def filled_text(value: Any) -> list[Problem]:
    """Text that is not empty."""
    return [] if isinstance(value, str) and value.strip() else ["écrivez un texte non vide entre guillemets"]


def boolean(value: Any) -> list[Problem]:
    """True or False."""
    return [] if isinstance(value, bool) else ["écrivez True ou False"]


def integer(low: int, high: int | None = None) -> Validator:
    """A whole number from LOW to HIGH."""
    upper = f" à {high}" if high is not None else " ou plus"

    def check(value: Any) -> list[Problem]:
        if _is_int(value) and value >= low and (high is None or value <= high):
            return []
        return [f"écrivez un nombre entier de {low}{upper}, par ex. {low if high is None else (low + high) // 2}"]

    return check


def number(low: float) -> Validator:
    """A number (whole or decimal) of at least LOW."""

    def check(value: Any) -> list[Problem]:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= low
        return [] if ok else [f"écrivez un nombre d'au moins {low}, par ex. {low * 2}"]

    return check


def one_of(*choices: Any) -> Validator:
    """One of CHOICES."""

    def check(value: Any) -> list[Problem]:
        return [] if value in choices else [f"écrivez l'une des valeurs {', '.join(map(repr, choices))}"]

    return check


def optional(validator: Validator) -> Validator:
    """None, or a value VALIDATOR accepts."""

    def check(value: Any) -> list[Problem]:
        if value is None:
            return []
        return [p.replace("écrivez ", "écrivez None ou ", 1) if isinstance(p, str) else p for p in validator(value)]

    return check


def iso_date(value: Any) -> list[Problem]:
    """A date (datetime.date) or ISO text AAAA-MM-JJ."""
    if isinstance(value, dt.date):
        return []
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return ["écrivez une date AAAA-MM-JJ, par ex. \"2026-03-01\" ou datetime.date(2026, 3, 1)"]
    return []


def _relative_path(value: Any) -> bool:
    if not isinstance(value, str) or not value.strip("/") or value.startswith("/") or "\\" in value:
        return False
    return ".." not in PurePosixPath(value).parts


def folder(value: Any) -> list[Problem]:
    """A relative path of a folder, without « .. »."""
    ok = _relative_path(value)
    return [] if ok else ["écrivez un chemin relatif de dossier, sans « / » initial ni « .. », par ex. \"images/galeries\""]


def site_path(value: Any) -> list[Problem]:
    """A site-relative URL or file path (empty means the site's root), without « / » first nor « .. »."""
    if value == "" or _relative_path(value):
        return []
    return ["écrivez une adresse relative au site, sans « / » initial ni « .. », par ex. \"programme/\""]


def texts(value: Any) -> list[Problem]:
    """A list of texts (not one text)."""
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return []
    return ["écrivez une liste de textes entre parenthèses, par ex. (\"première phrase\", \"deuxième phrase\")"]


def dictionary(check_value: Validator = text, *, keys: Iterable[str] | None = None, filled: bool = False,
               example: str = "{\"clé\": \"valeur\"}") -> Validator:
    """A dictionary whose keys are texts (among KEYS when given) and whose values CHECK_VALUE accepts."""
    allowed = tuple(keys) if keys is not None else None

    def check(value: Any) -> list[Problem]:
        if not isinstance(value, Mapping) or (filled and not value):
            return [f"écrivez un dictionnaire{' non vide' if filled else ''}, par ex. {example}"]
        found: list[Problem] = []
        for key, item in value.items():
            if not isinstance(key, str) or (allowed is not None and key not in allowed):
                choice = f"l'une des clés {', '.join(map(repr, allowed))}" if allowed is not None else "une clé en texte"
                found.append(Part(f"[{key!r}]", key, f"écrivez {choice}"))
                continue
            found += [Part(f"[{key!r}]", item, p) if isinstance(p, str) else Part(f"[{key!r}]{p.where}", p.given, p.fix)
                      for p in check_value(item)]
        return found

    return check


def pairs(value: Any) -> list[Problem]:
    """A list of pairs (label, site-relative address)."""
    if isinstance(value, (list, tuple)) and all(
        isinstance(i, (tuple, list)) and len(i) == 2 and all(isinstance(t, str) for t in i) for i in value
    ):
        return []
    return ["écrivez une liste de paires (libellé, adresse), par ex. ((\"Accueil\", \"\"), (\"Programme\", \"programme/\"))"]


def positive_widths(value: Any) -> list[Problem]:
    """A non-empty list of widths in pixels (whole numbers ≥ 1)."""
    if isinstance(value, (list, tuple)) and value and all(_is_int(w) and w >= 1 for w in value):
        return []
    return ["écrivez une liste de largeurs en pixels, par ex. (480, 720, 1600)"]


def box(value: Any) -> list[Problem]:
    """A (width, height) pair of whole numbers ≥ 1."""
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(_is_int(v) and v >= 1 for v in value):
        return []
    return ["écrivez (largeur, hauteur) en pixels, par ex. (320, 160)"]


def lang_code(value: Any) -> list[Problem]:
    """A language code: two or three lower-case letters."""
    return [] if isinstance(value, str) and LANG_RE.match(value) else ["écrivez un code de langue en minuscules, par ex. \"fr\" ou \"en\""]


def lang_codes(value: Any) -> list[Problem]:
    """A list of language codes."""
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) and LANG_RE.match(v) for v in value):
        return []
    return ["écrivez une liste de codes de langue, par ex. (\"fr\",)"]


def hex_color(value: Any) -> list[Problem]:
    """A colour #rrggbb."""
    return [] if isinstance(value, str) and COLOR_RE.match(value) else ["écrivez une couleur #rrggbb, par ex. \"#0b6e4f\""]


def locale_name(value: Any) -> list[Problem]:
    """A locale Babel knows (fr_FR, en_GB…)."""
    from babel import Locale

    try:
        Locale.parse(str(value))
    except Exception:  # noqa: BLE001  # Babel raises several types for an unknown locale
        return ["écrivez une locale connue, par ex. \"fr_FR\" ou \"en_GB\""]
    return []


def time_zone(value: Any) -> list[Problem]:
    """A time zone of the IANA database (Europe/Paris…)."""
    try:
        zoneinfo.ZoneInfo(str(value))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return ["écrivez un fuseau horaire connu, par ex. \"Europe/Paris\""]
    return []


# --- docs/reglages.md --------------------------------------------------------------------------


def shown(value: Any) -> str:
    """A default as Python text, dictionaries without their read-only wrapper."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{shown(k)}: {shown(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):
        inner = ", ".join(shown(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return repr(value)


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def reference(declarations: Sequence[Declarations]) -> str:
    """The Markdown of docs/reglages.md: every declared setting by plugin (name, default, doc)."""
    lines = [
        "# Réglages du site",
        "",
        "<!-- Écrit par « python -m eventsite settings-doc » à partir des déclarations "
        "(plugins/*/settings.py, eventsite/allowances.py) : ne pas modifier à la main. -->",
        "",
        f"Chaque réglage se change dans {SETTINGS_FILE_HINT}, par ex. `GALLERY_EAGER_COUNT = 1`. "
        "Un réglage absent garde sa valeur par défaut. Au démarrage, tous les réglages sont vérifiés ensemble "
        "et chaque problème est signalé en français, avec ce qu'il faut écrire.",
        "",
    ]
    for d in sorted(declarations, key=lambda d: d.plugin):
        lines += [f"## {d.plugin}", "", "| Réglage | Par défaut | Rôle |", "| --- | --- | --- |"]
        for s in d.settings:
            default = s.shown_default if s.shown_default is not None else shown(s.default)
            lines.append(f"| `{s.name}` | `{_cell(default)}` | {_cell(s.doc)} |")
        lines.append("")
    return "\n".join(lines)


def plugin_names(plugins_dir: Path) -> list[str]:
    """The plugin packages of PLUGINS_DIR (each folder with an __init__.py), sorted."""
    return sorted(p.parent.name for p in plugins_dir.glob("*/__init__.py"))


def project_declarations(plugins_dir: Path) -> list[Declarations]:
    """Every declaration of the project: eventsite's and those of each plugin of PLUGINS_DIR (imported as Pelican does)."""
    if str(plugins_dir) not in sys.path:
        sys.path.insert(0, str(plugins_dir))  # as Pelican does with PLUGIN_PATHS
    return build_declarations(plugin_names(plugins_dir))
