"""The TYPOGRAPHY_* settings: declared once (default, check, doc), read once into a frozen object."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from eventsite.settingchecks import boolean, folder
from eventsite.settingskit import Problem, Setting, declare


def _langs(value: Any) -> list[Problem]:
    """A list of language codes, compared loosely (fr, fr-CA, fr_FR): not one text."""
    if isinstance(value, (tuple, list, frozenset, set)) and all(isinstance(code, str) and code.strip() for code in value):
        return []
    return ["écrivez une liste de codes de langue, par ex. (\"fr\",)"]


DECLARED = declare(
    "typography",
    Setting("TYPOGRAPHY_ENABLED", True,
            "Typographie française (espaces insécables, heures, ordinaux) sur le texte des pages ; False : aucune retouche.",
            boolean),
    Setting("TYPOGRAPHY_LANGS", ("fr",), "Langues dont le texte reçoit la typographie française (fr-CA compris), par ex. (\"fr\",).",
            _langs),
    Setting("TYPOGRAPHY_QUOTES", True, "Apostrophes (’) et guillemets « » à la place de ' et \"…\" tapés droits.", boolean),
    Setting("TYPOGRAPHY_CACHE", True,
            "Garde les pages composées d'une construction à l'autre (même page, mêmes réglages : rien à recomposer) ; False : tout recomposer.",
            boolean),
    Setting("TYPOGRAPHY_CACHE_DIR", "typography", "Dossier des pages composées gardées, dans CACHE_PATH.", folder),
    Setting("TYPOGRAPHY_ALONGSIDE", True,
            "Sur une machine à plusieurs cœurs, compose les pages écrites dans un processus à part pendant que la construction "
            "écrit les suivantes (les premières pages d'une construction restent dans son processus) ; False : toutes dans le "
            "processus de la construction.",
            boolean),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


@dataclass(frozen=True)
class TypographySettings:
    """The TYPOGRAPHY_* settings of one build, defaults filled in."""

    enabled: bool
    langs: frozenset[str]
    quotes: bool
    cache: str | None  # the folder of typeset pages kept across builds; None: no cache
    alongside: bool = False  # written pages typeset by a worker process while the build writes the next ones


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a declared TYPOGRAPHY_* setting, falling back on its default."""
    return DECLARED.value(settings, name)


def normal_lang(lang: str) -> str:
    """A language code compared loosely: lower case, « _ » read as « - » (fr_FR is fr-fr)."""
    return lang.strip().lower().replace("_", "-")


def read_typography_settings(settings: Mapping[str, Any]) -> TypographySettings:
    """Return the TYPOGRAPHY_* settings of a Pelican settings mapping, defaults filled in."""
    langs = setting(settings, "TYPOGRAPHY_LANGS")
    return TypographySettings(
        enabled=bool(setting(settings, "TYPOGRAPHY_ENABLED")),
        langs=frozenset(normal_lang(str(code)) for code in ([langs] if isinstance(langs, str) else langs)),
        quotes=bool(setting(settings, "TYPOGRAPHY_QUOTES")),
        cache=(os.path.join(str(settings.get("CACHE_PATH") or "cache"), str(setting(settings, "TYPOGRAPHY_CACHE_DIR")))
               if setting(settings, "TYPOGRAPHY_CACHE") else None),
        alongside=bool(setting(settings, "TYPOGRAPHY_ALONGSIDE")) and (os.cpu_count() or 1) > 1,
    )
