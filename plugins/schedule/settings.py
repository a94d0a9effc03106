"""The SCHEDULE_* settings (frab-compatible schedule.xml and schedule.json): declared once (default, check, doc)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from eventsite.settingchecks import filled_text
from eventsite.settingskit import Problem, Setting, declare

# The c3voc schema's acronym: lower-case letters, digits and « _ », at least four (« odd2019 »).
ACRONYM_RE = re.compile(r"^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$")
FILE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.(xml|json)$")

def _acronym(value: Any) -> list[Problem]:
    """"" (derived from EVENT_NAME) or the c3voc form: lower-case letters, digits and « _ », at least four."""
    if value == "" or (isinstance(value, str) and ACRONYM_RE.match(value)):
        return []
    return ["ne convient pas aux applications de programme ; écrivez au moins 4 lettres minuscules ou chiffres, "
            "sans espace ni tiret (ex. odd2019), ou \"\" pour le tirer de EVENT_NAME"]


def _file(suffix: str) -> Callable[[Any], list[Problem]]:
    """A safe site-relative lower-case path ending in SUFFIX."""

    def check(value: Any) -> list[Problem]:
        if isinstance(value, str) and FILE_RE.match(value) and value.endswith(suffix):
            return []
        return [f"n'est pas un chemin de fichier sûr ; écrivez un chemin relatif en minuscules se terminant par {suffix} "
                f"(ex. programme/schedule{suffix})"]

    check.__doc__ = f"A safe site-relative lower-case path ending in {suffix}."
    return check


DECLARED = declare(
    "schedule",
    Setting("SCHEDULE_XML_FILE", "programme/schedule.xml",
            "Programme au format frab (schedule.xml) pour les applications de conférence, sous le préfixe de chaque langue.",
            _file(".xml")),
    Setting("SCHEDULE_JSON_FILE", "programme/schedule.json",
            "Programme au format frab en JSON (schedule.json), sous le préfixe de chaque langue.", _file(".json")),
    Setting("SCHEDULE_ACRONYM", "",
            "Nom court de l'événement pour les applications de programme (ex. odd2019) ; vide : tiré de EVENT_NAME.",
            _acronym),
    Setting("SCHEDULE_VERSION", "1.0", "Version du programme, que les applications affichent pour signaler une mise à jour.",
            filled_text),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


@dataclass(frozen=True)
class ScheduleSettings:
    """The SCHEDULE_* settings of one build, defaults filled in."""

    xml_file: str
    json_file: str
    acronym: str
    version: str


def derived_acronym(name: str) -> str:
    """EVENT_NAME folded to the c3voc acronym form: « Open Data Days 2019 » → « opendatadays2019 »."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    letters = re.sub(r"[^a-z0-9]", "", plain)[:32]
    return letters if len(letters) >= 4 else f"event{letters}"


def _get(settings: Mapping[str, Any], key: str) -> Any:
    return settings.get(key, DEFAULTS[key])


def read_schedule_settings(settings: Mapping[str, Any]) -> ScheduleSettings:
    """The SCHEDULE_* settings of a Pelican settings mapping, defaults filled in."""
    acronym = str(_get(settings, "SCHEDULE_ACRONYM") or "") or derived_acronym(str(settings.get("EVENT_NAME") or ""))
    return ScheduleSettings(
        xml_file=str(_get(settings, "SCHEDULE_XML_FILE")),
        json_file=str(_get(settings, "SCHEDULE_JSON_FILE")),
        acronym=acronym,
        version=str(_get(settings, "SCHEDULE_VERSION")),
    )
