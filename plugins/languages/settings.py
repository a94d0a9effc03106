"""Defaults of the LANGUAGES_* settings, read without changing Pelican's settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # Language code → URL of that language's home page, from the site root.
        # The site's languages are its keys; one language means no language switch.
        "LANGUAGES_HOMES": None,
        # Language code → its name written in that language, shown in the switch.
        "LANGUAGES_NAMES": MappingProxyType({"fr": "Français", "en": "English", "de": "Deutsch", "es": "Español"}),
        # Folder of the gettext catalogues (<lang>/LC_MESSAGES/messages.po); default: THEME/translations.
        "LANGUAGES_CATALOGUES": None,
    }
)


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
    homes = settings.get("LANGUAGES_HOMES", DEFAULTS["LANGUAGES_HOMES"]) or {default: ""}
    folder = settings.get("LANGUAGES_CATALOGUES", DEFAULTS["LANGUAGES_CATALOGUES"])
    catalogues = Path(folder) if folder else Path(str(settings.get("THEME", "theme"))) / "translations"
    return LanguageSettings(
        default=default,
        homes=MappingProxyType({default: "", **dict(homes)}),
        names=MappingProxyType({**DEFAULTS["LANGUAGES_NAMES"], **dict(settings.get("LANGUAGES_NAMES", {}))}),
        catalogues=catalogues,
    )


def check_language_settings(settings: Mapping[str, Any]) -> list[str]:
    """Return a message for each LANGUAGES_* setting that cannot be used."""
    problems = []
    homes = settings.get("LANGUAGES_HOMES", DEFAULTS["LANGUAGES_HOMES"])
    if homes is not None and not isinstance(homes, Mapping):
        problems.append("LANGUAGES_HOMES : donnez un dictionnaire langue → adresse de l'accueil (ex. {'en': 'en/'}).")
    elif homes:
        for lang, url in homes.items():
            if not isinstance(url, str) or url.startswith("/"):
                problems.append(f"LANGUAGES_HOMES[{lang!r}] : adresse relative attendue, sans « / » initial (reçu {url!r}).")
    return problems
