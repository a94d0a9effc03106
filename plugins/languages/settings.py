"""The LANGUAGES_* settings: declared once (default, check, doc), read without changing Pelican's settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eventsite.settingchecks import dictionary, filled_text, optional
from eventsite.settingskit import Problem, Setting, declare


def _home(value: Any) -> list[Problem]:
    """The address of a language's home page, relative to the site's root."""
    if isinstance(value, str) and not value.startswith("/"):
        return []
    return ["écrivez une adresse relative, sans « / » initial, par ex. \"en/\""]


DECLARED = declare(
    "languages",
    # The site's languages are its keys; one language means no language switch.
    Setting("LANGUAGES_HOMES", None,
            "Langues du site : code → adresse de l'accueil dans cette langue, par ex. {\"fr\": \"\", \"en\": \"en/\"}.",
            optional(dictionary(_home, example="{\"fr\": \"\", \"en\": \"en/\"}"))),
    Setting("LANGUAGES_NAMES", MappingProxyType({"fr": "Français", "en": "English", "de": "Deutsch", "es": "Español"}),
            "Nom de chaque langue écrit dans cette langue, affiché dans le sélecteur de langue.", dictionary(filled_text)),
    Setting("LANGUAGES_CATALOGUES", None,
            "Dossier des catalogues gettext (<langue>/LC_MESSAGES/messages.po) ; None : THEME/translations.",
            optional(filled_text)),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


@dataclass(frozen=True)
class LanguageSettings:
    """The LANGUAGES_* settings of one build, with defaults filled in."""

    default: str
    homes: Mapping[str, str]
    names: Mapping[str, str]
    catalogues: Path


def read_language_settings(settings: Mapping[str, Any]) -> LanguageSettings:
    """Return the LANGUAGES_* settings of a Pelican settings mapping, defaults filled in."""
    default = str(settings.get("DEFAULT_LANG", "fr"))
    values = DECLARED.values(settings)
    homes = values["LANGUAGES_HOMES"] or {default: ""}
    folder = values["LANGUAGES_CATALOGUES"]
    catalogues = Path(folder) if folder else Path(str(settings.get("THEME", "theme"))) / "translations"
    return LanguageSettings(
        default=default,
        homes=MappingProxyType({default: "", **dict(homes)}),
        names=MappingProxyType({**DEFAULTS["LANGUAGES_NAMES"], **values["LANGUAGES_NAMES"]}),
        catalogues=catalogues,
    )
