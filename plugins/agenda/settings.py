"""Defaults of the AGENDA_* settings (calendar files and programme.json)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # The whole event's calendar, then one per session ({slug} is the session's identifier).
        "AGENDA_EVENT_FILE": "programme/seminaire.ics",
        "AGENDA_SESSION_FILE": "programme/{slug}.ics",
        "AGENDA_JSON_FILE": "programme/programme.json",
        # UIDs are « <session>@<domain> »: the host of SITEURL unless set here.
        "AGENDA_UID_DOMAIN": "",
        # DTSTAMP of every event (a datetime in UTC, or ISO text). None: SOURCE_DATE_EPOCH if set,
        # else midnight UTC on EVENT_START, so that two builds of the same content are identical.
        "AGENDA_DTSTAMP": None,
        "AGENDA_PRODID": "-//eventsite//Pelican agenda plugin//FR",
        "AGENDA_COUNTRY": "France",
    }
)


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read an AGENDA_* setting, falling back on its default."""
    return settings.get(name, DEFAULTS[name])
