"""The LANGUAGES_* settings: declared once (default, check, doc), read without changing Pelican's settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from eventsite.settingchecks import dictionary, filled_text
from eventsite.settingskit import Setting, declare

DECLARED = declare(
    "languages",
    # The site's languages are DEFAULT_LANG and the keys of EVENT_LANGUAGES (one edition each).
    Setting("LANGUAGES_NAMES", MappingProxyType({"fr": "Français", "en": "English", "de": "Deutsch", "es": "Español"}),
            "Nom de chaque langue écrit dans cette langue, affiché dans le sélecteur de langue.", dictionary(filled_text)),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


@dataclass(frozen=True)
class LanguageSettings:
    """The LANGUAGES_* settings of one build, with defaults filled in."""

    names: Mapping[str, str]


def read_language_settings(settings: Mapping[str, Any]) -> LanguageSettings:
    """Return the LANGUAGES_* settings of a Pelican settings mapping, defaults filled in."""
    return LanguageSettings(
        names=MappingProxyType({**DEFAULTS["LANGUAGES_NAMES"], **DECLARED.value(settings, "LANGUAGES_NAMES")}),
    )
