"""Defaults of the LANGUAGES_* settings, read without changing Pelican's settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # Language code → its name written in that language, shown in the switch.
        # The site's languages are DEFAULT_LANG and the keys of EVENT_LANGUAGES (one edition each).
        "LANGUAGES_NAMES": MappingProxyType({"fr": "Français", "en": "English", "de": "Deutsch", "es": "Español"}),
    }
)


@dataclass(frozen=True)
class LanguageSettings:
    """The LANGUAGES_* settings of one build, with defaults filled in."""

    names: Mapping[str, str]


def read_language_settings(settings: Mapping[str, Any]) -> LanguageSettings:
    """Return the LANGUAGES_* settings of a Pelican settings mapping, defaults filled in."""
    return LanguageSettings(
        names=MappingProxyType({**DEFAULTS["LANGUAGES_NAMES"], **dict(settings.get("LANGUAGES_NAMES", {}))}),
    )
