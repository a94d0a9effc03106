"""Defaults of the SCHEDULE_* settings (frab-compatible schedule.xml and schedule.json), checked once."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

# The c3voc schema's acronym: lower-case letters, digits and « _ », at least four (« odd2019 »).
ACRONYM_RE = re.compile(r"^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$")
FILE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.(xml|json)$")

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # Where each language's schedule goes, under that language's prefix (« en/programme/schedule.xml »).
        "SCHEDULE_XML_FILE": "programme/schedule.xml",
        "SCHEDULE_JSON_FILE": "programme/schedule.json",
        # The event's short name for conference apps (c3voc form: « odd2019 »); "" derives it from EVENT_NAME.
        "SCHEDULE_ACRONYM": "",
        # The schedule's version, which apps show to tell an update from the previous one.
        "SCHEDULE_VERSION": "1.0",
    }
)


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


def check_schedule_settings(settings: Mapping[str, Any]) -> list[str]:
    """A message in French for each SCHEDULE_* setting that cannot be used."""
    problems = []
    read = read_schedule_settings(settings)
    if not ACRONYM_RE.match(read.acronym):
        problems.append(
            f"SCHEDULE_ACRONYM : « {read.acronym} » ne convient pas aux applications de programme ; "
            "écrivez au moins 4 lettres minuscules ou chiffres, sans espace ni tiret (ex. odd2019)."
        )
    for key, value, suffix in (("SCHEDULE_XML_FILE", read.xml_file, ".xml"), ("SCHEDULE_JSON_FILE", read.json_file, ".json")):
        if not FILE_RE.match(value) or not value.endswith(suffix):
            problems.append(
                f"{key} : « {value} » n'est pas un chemin de fichier sûr ; écrivez un chemin relatif en minuscules "
                f"se terminant par {suffix} (ex. programme/schedule{suffix})."
            )
    if not str(read.version).strip():
        problems.append("SCHEDULE_VERSION : écrivez une version non vide (ex. 1.0).")
    return problems
