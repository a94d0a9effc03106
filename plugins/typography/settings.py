"""The TYPOGRAPHY_* settings: defaults, French documentation, checks, read once into a frozen object."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # Typographie française sur tout le texte des pages HTML écrites (False : aucune retouche).
        "TYPOGRAPHY_ENABLED": True,
        # Langues dont le texte reçoit la typographie française (codes, ex. ('fr',) ; fr-CA compris).
        "TYPOGRAPHY_LANGS": ("fr",),
        # Apostrophes typographiques (’) et guillemets français « » pour ' et "…" tapés droits.
        "TYPOGRAPHY_QUOTES": True,
    }
)

DOCS: Mapping[str, str] = MappingProxyType(
    {
        "TYPOGRAPHY_ENABLED": "typographie française (espaces insécables, heures, ordinaux) sur le texte des pages",
        "TYPOGRAPHY_LANGS": "langues qui reçoivent la typographie française, ex. ('fr',)",
        "TYPOGRAPHY_QUOTES": "apostrophes (’) et guillemets « » à la place de ' et \"…\" droits",
    }
)


@dataclass(frozen=True)
class TypographySettings:
    """The TYPOGRAPHY_* settings of one build, defaults filled in."""

    enabled: bool
    langs: frozenset[str]
    quotes: bool


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a TYPOGRAPHY_* setting, falling back on the plugin's default."""
    return settings.get(name, DEFAULTS[name])


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
    )


def check_typography_settings(settings: Mapping[str, Any]) -> list[str]:
    """Return a message, in French, for each TYPOGRAPHY_* setting that cannot be used."""
    problems = []
    for name in ("TYPOGRAPHY_ENABLED", "TYPOGRAPHY_QUOTES"):
        if not isinstance(setting(settings, name), bool):
            problems.append(f"{name} : écrivez True ou False (reçu {setting(settings, name)!r}) ; {DOCS[name]}.")
    langs = setting(settings, "TYPOGRAPHY_LANGS")
    if isinstance(langs, str) or not isinstance(langs, (tuple, list, frozenset, set)) or not all(
        isinstance(code, str) and code.strip() for code in langs
    ):
        problems.append(
            f"TYPOGRAPHY_LANGS : donnez une liste de codes de langue, ex. ('fr',) (reçu {langs!r}) ; "
            f"{DOCS['TYPOGRAPHY_LANGS']}."
        )
    return problems
