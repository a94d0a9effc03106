"""The AGENDA_* settings (calendar files and programme.json): declared once (default, check, doc)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from eventsite.settingchecks import filled_text, site_path, text
from eventsite.settingskit import Problem, Setting, declare


def _session_file(value: Any) -> list[Problem]:
    """A site-relative file name holding {slug}, so that each session has its own file."""
    try:
        ok = not site_path(value) and "{slug}" in value and bool(value.format(slug="x"))
    except (KeyError, IndexError, ValueError):
        ok = False
    return [] if ok else ["écrivez un chemin relatif au site contenant {slug}, par ex. \"programme/{slug}.ics\""]


def _dtstamp(value: Any) -> list[Problem]:
    """None, a datetime, or ISO text."""
    if value is None or isinstance(value, dt.datetime):
        return []
    if isinstance(value, str):
        try:
            dt.datetime.fromisoformat(value)
            return []
        except ValueError:
            pass
    return ["écrivez None, ou une date et heure ISO, par ex. \"2026-03-01T00:00:00+00:00\""]


DECLARED = declare(
    "agenda",
    # Neutral: any kind of event (the seminar keeps « programme/seminaire.ics » in its pelicanconf.py).
    Setting("AGENDA_EVENT_FILE", "programme/programme.ics", "Calendrier de tout l'événement (.ics), dans le site.", site_path),
    Setting("AGENDA_SESSION_FILE", "programme/{slug}.ics", "Calendrier de chaque séance ({slug} : identifiant de la séance).",
            _session_file),
    Setting("AGENDA_JSON_FILE", "programme/programme.json", "Programme en JSON, dans le site.", site_path),
    # UIDs are « <session>@<domain> ».
    Setting("AGENDA_UID_DOMAIN", "", "Domaine des identifiants (UID) des calendriers ; vide : l'hôte de SITEURL.", text),
    # Never « now », so that two builds of the same content are identical.
    Setting("AGENDA_DTSTAMP", None,
            "Horodatage (DTSTAMP) des calendriers ; None : SOURCE_DATE_EPOCH, sinon minuit UTC le premier jour.", _dtstamp),
    Setting("AGENDA_PRODID", "-//eventsite//Pelican agenda plugin//FR", "Identifiant du logiciel (PRODID) des calendriers.",
            filled_text),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a declared AGENDA_* setting, falling back on its default."""
    return DECLARED.value(settings, name)
