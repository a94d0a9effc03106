"""The LEGAL_* settings (legal notice, accessibility statement): declared once, checked at start-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from eventsite.settingchecks import iso_date, one_of, optional, site_path, text, texts
from eventsite.settingskit import Setting, declare

# RGAA conformity levels → the wording the law asks for (French source strings, translated by gettext).
STATUSES: Mapping[str, str] = MappingProxyType(
    {
        "full": "totalement conforme",
        "partial": "partiellement conforme",
        "none": "non conforme",
    }
)

DECLARED = declare(
    "legal",
    Setting("LEGAL_PUBLISHER", "", "Éditeur du site (noms des organisations).", text),
    Setting("LEGAL_PUBLISHER_ADDRESS", "", "Adresse postale de l'éditeur.", text),
    Setting("LEGAL_DIRECTOR", "", "Directeur ou directrice de la publication (une personne et sa fonction).", text),
    Setting("LEGAL_HOST", "", "Hébergeur : nom et adresse postale.", text),
    Setting("LEGAL_CONTACT", "", "Adresse électronique pour les questions d'accessibilité et les questions juridiques.", text),
    Setting("LEGAL_A11Y_STATUS", "none", "Conformité RGAA : full (totale), partial (partielle) ou none (non conforme).",
            one_of(*STATUSES)),
    Setting("LEGAL_A11Y_STANDARD", "RGAA 4.1", "Référentiel d'accessibilité appliqué.", text),
    Setting("LEGAL_A11Y_RATE", "", "Taux de conformité mesuré par un audit (par ex. « 75 % des critères respectés »).", text),
    Setting("LEGAL_A11Y_CHECKS", (), "Vérifications faites et leurs résultats, une phrase chacune.", texts),
    Setting("LEGAL_A11Y_NON_ACCESSIBLE", (), "Contenus non accessibles, une phrase chacun.", texts),
    Setting("LEGAL_A11Y_DATE", None, "Date de la déclaration d'accessibilité (AAAA-MM-JJ).", optional(iso_date)),
    Setting("LEGAL_A11Y_PAGE", "accessibilite/", "Adresse de la déclaration d'accessibilité, sous l'accueil de chaque langue.",
            site_path),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


# LegalSettings attribute → the setting it comes from.
KEYS: Mapping[str, str] = MappingProxyType(
    {
        "publisher": "LEGAL_PUBLISHER",
        "publisher_address": "LEGAL_PUBLISHER_ADDRESS",
        "director": "LEGAL_DIRECTOR",
        "host": "LEGAL_HOST",
        "contact": "LEGAL_CONTACT",
        "status": "LEGAL_A11Y_STATUS",
        "standard": "LEGAL_A11Y_STANDARD",
        "rate": "LEGAL_A11Y_RATE",
        "checks": "LEGAL_A11Y_CHECKS",
        "non_accessible": "LEGAL_A11Y_NON_ACCESSIBLE",
        "date": "LEGAL_A11Y_DATE",
        "page": "LEGAL_A11Y_PAGE",
    }
)


def language_overrides(settings: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Language → the LEGAL_* settings EVENT_LANGUAGES translates for it (the legal texts of that edition)."""
    languages = settings.get("EVENT_LANGUAGES") or {}
    if not isinstance(languages, Mapping):
        return {}
    return {
        str(lang): {k: v for k, v in overrides.items() if str(k).startswith("LEGAL_")}
        for lang, overrides in languages.items()
        if isinstance(overrides, Mapping)
    }


@dataclass(frozen=True)
class LegalSettings:
    """What the legal notice and the accessibility statement say, defaults filled in."""

    publisher: str
    publisher_address: str
    director: str
    host: str
    contact: str
    status: str
    standard: str
    rate: str
    checks: tuple[str, ...]
    non_accessible: tuple[str, ...]
    date: dt.date | None
    page: str

    @property
    def conformity(self) -> str:
        """The conformity wording in French (« partiellement conforme »), to pass through gettext."""
        return STATUSES[self.status]


def _get(settings: Mapping[str, Any], key: str) -> Any:
    return DECLARED.value(settings, key)


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def read_legal_settings(settings: Mapping[str, Any]) -> LegalSettings:
    """Return the LEGAL_* settings of a Pelican settings mapping, defaults filled in."""
    return LegalSettings(
        publisher=str(_get(settings, "LEGAL_PUBLISHER")),
        publisher_address=str(_get(settings, "LEGAL_PUBLISHER_ADDRESS")),
        director=str(_get(settings, "LEGAL_DIRECTOR")),
        host=str(_get(settings, "LEGAL_HOST")),
        contact=str(_get(settings, "LEGAL_CONTACT")),
        status=str(_get(settings, "LEGAL_A11Y_STATUS")),
        standard=str(_get(settings, "LEGAL_A11Y_STANDARD")),
        rate=str(_get(settings, "LEGAL_A11Y_RATE")),
        checks=tuple(str(c) for c in _get(settings, "LEGAL_A11Y_CHECKS")),
        non_accessible=tuple(str(c) for c in _get(settings, "LEGAL_A11Y_NON_ACCESSIBLE")),
        date=_as_date(_get(settings, "LEGAL_A11Y_DATE")),
        page=str(_get(settings, "LEGAL_A11Y_PAGE")),
    )


PLACEHOLDER = "[à compléter"


def unfilled_settings(settings: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(setting, text) for each LEGAL_* setting or translation still holding a « [à compléter : …] » placeholder."""
    found = []
    translated = [(f"EVENT_LANGUAGES[{lang!r}][{key!r}]", value)
                  for lang, overrides in language_overrides(settings).items() for key, value in overrides.items()]
    for key, value in [*((key, _get(settings, key)) for key in DEFAULTS), *translated]:
        for sentence in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(sentence, str) and PLACEHOLDER in sentence.casefold():
                found.append((key, sentence))
                break
    return found
