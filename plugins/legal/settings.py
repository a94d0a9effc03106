"""Defaults of the LEGAL_* settings (legal notice, accessibility statement), checked once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

# RGAA conformity levels → the wording the law asks for (French source strings, translated by gettext).
STATUSES: Mapping[str, str] = MappingProxyType(
    {
        "full": "totalement conforme",
        "partial": "partiellement conforme",
        "none": "non conforme",
    }
)

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        "LEGAL_PUBLISHER": "",  # who publishes the site (organisation names)
        "LEGAL_PUBLISHER_ADDRESS": "",  # their postal address
        "LEGAL_DIRECTOR": "",  # the publication director (a person, and their role)
        "LEGAL_HOST": "",  # the host: name and postal address
        "LEGAL_CONTACT": "",  # e-mail address for accessibility and legal questions
        "LEGAL_A11Y_STATUS": "none",  # full, partial or none (RGAA wording)
        "LEGAL_A11Y_STANDARD": "RGAA 4.1",
        "LEGAL_A11Y_RATE": "",  # e.g. « 75 % des critères respectés », when an audit measured it
        "LEGAL_A11Y_CHECKS": (),  # the checks we run and their results, one sentence each
        "LEGAL_A11Y_NON_ACCESSIBLE": (),  # non-accessible contents, one sentence each
        "LEGAL_A11Y_DATE": None,  # date the statement was made (AAAA-MM-JJ)
        "LEGAL_A11Y_PAGE": "accessibilite/",  # URL of the statement, under each language's home
    }
)


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
    return settings.get(key, DEFAULTS[key])


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


def check_legal_settings(settings: Mapping[str, Any]) -> list[str]:
    """Return a message for each LEGAL_* setting that cannot be used, translations in EVENT_LANGUAGES included."""
    problems = check_values(settings)
    for lang, overrides in language_overrides(settings).items():
        unknown = sorted(k for k in overrides if k not in DEFAULTS)
        if unknown:
            problems.append(f"EVENT_LANGUAGES[{lang!r}] : réglages inconnus {', '.join(unknown)} (voir la liste des LEGAL_*).")
        problems += [f"EVENT_LANGUAGES[{lang!r}] → {p}" for p in check_values({**settings, **overrides})]
    return problems


def check_values(settings: Mapping[str, Any]) -> list[str]:
    """Return a message for each LEGAL_* value of SETTINGS that cannot be used."""
    problems = []
    if _get(settings, "LEGAL_A11Y_STATUS") not in STATUSES:
        problems.append(f"LEGAL_A11Y_STATUS : écrivez {', '.join(STATUSES)} (reçu {_get(settings, 'LEGAL_A11Y_STATUS')!r}).")
    for key in ("LEGAL_A11Y_CHECKS", "LEGAL_A11Y_NON_ACCESSIBLE"):
        if isinstance(_get(settings, key), str):
            problems.append(f"{key} : donnez une liste de phrases, pas une seule chaîne.")
    try:
        _as_date(_get(settings, "LEGAL_A11Y_DATE"))
    except ValueError:
        problems.append(f"LEGAL_A11Y_DATE : écrivez une date AAAA-MM-JJ (reçu {_get(settings, 'LEGAL_A11Y_DATE')!r}).")
    return problems


PLACEHOLDER = "[à compléter"


def unfilled_settings(settings: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(setting, text) for each LEGAL_* setting or translation still holding a « [à compléter : …] » placeholder."""
    found = []
    translated = [(f"EVENT_LANGUAGES[{lang!r}][{key!r}]", value)
                  for lang, overrides in language_overrides(settings).items() for key, value in overrides.items()]
    for key, value in [*((key, _get(settings, key)) for key in DEFAULTS), *translated]:
        for text in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(text, str) and PLACEHOLDER in text.casefold():
                found.append((key, text))
                break
    return found
