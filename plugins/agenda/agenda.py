"""Pelican wiring of the agenda plugin: .ics calendars, programme.json and « add to calendar » links.

One set of files per edition, under its prefix (« programme/programme.ics », « en/programme/programme.ics »),
each in its edition's language: the edition's view of the event, its settings (name, venue, kinds)
and, for the few labels of a description, its ``gettext`` when the edition has one.

Context keys needed: ``editions`` (event plugin, plugins/event/editions.py). Template globals:
``agenda_url(session=None)`` and ``programme_json_url()``, in the edition of the page being written.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import unicodedata
import zoneinfo
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from blinker import signal
from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

from event.editions import Edition, editions_of, gettext_of, page_edition
from eventsite.settingskit import check_at_startup
from eventsite.safepaths import Inside

from . import ical
from .settings import setting

logger = logging.getLogger(__name__)

JSON_FORMAT_VERSION = 1


# --- addresses -------------------------------------------------------------------------------

def absolute_url(settings: Mapping[str, Any], path: str) -> str | None:
    """PATH (site-relative) as an absolute URL when SITEURL is absolute, else None."""
    siteurl = str(settings.get("SITEURL") or "")
    if not re.match(r"^https?://", siteurl):
        return None
    return siteurl.rstrip("/") + "/" + path.lstrip("/")


def uid_domain(settings: Mapping[str, Any]) -> str:
    """The right-hand side of every UID: AGENDA_UID_DOMAIN, else SITEURL's host and path, else the event's name."""
    configured = str(setting(settings, "AGENDA_UID_DOMAIN") or "")
    if configured:
        return configured
    parts = urlsplit(str(settings.get("SITEURL") or ""))
    if parts.netloc:
        return parts.netloc + parts.path.rstrip("/")
    name = str(settings.get("EVENT_NAME") or settings.get("SITENAME") or "evenement")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_name)
    slug = ""
    for word in words:
        if slug and len(slug) + len(word) + 1 > 48:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "evenement"


def session_file(settings: Mapping[str, Any], slug: str) -> str:
    """The site-relative path of one session's .ics file."""
    return str(setting(settings, "AGENDA_SESSION_FILE")).format(slug=slug)


# --- times -----------------------------------------------------------------------------------

def aware(day: dt.date, time: dt.time, timezone: str) -> dt.datetime:
    """DAY at TIME in the event's time zone."""
    return dt.datetime.combine(day, time, tzinfo=zoneinfo.ZoneInfo(timezone))


def session_span(session: Any, timezone: str) -> tuple[dt.datetime, dt.datetime]:
    """Start and end of SESSION as time-zone-aware datetimes."""
    return aware(session.day, session.start, timezone), aware(session.end_day, session.end, timezone)


def dtstamp(settings: Mapping[str, Any], event_settings: Any) -> dt.datetime:
    """The fixed DTSTAMP of this build: never « now », so that builds are reproducible."""
    value = setting(settings, "AGENDA_DTSTAMP")
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc) if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    start = event_settings.start or dt.date(2000, 1, 1)
    return dt.datetime.combine(start, dt.time(0, 0), tzinfo=dt.timezone.utc)


# --- text ------------------------------------------------------------------------------------

def venue_text(venue: Mapping[str, str]) -> str:
    """The venue on one line: name, street, postcode and city."""
    town = " ".join(filter(None, (venue.get("postcode", ""), venue.get("city", ""))))
    return ", ".join(filter(None, (venue.get("name", ""), venue.get("address", ""), town)))


Translate = Callable[[str], str]


def people_text(label: str, people: Iterable[Any], lang: str = "fr") -> str:
    """« Intervenants : A (rôle), B » (« Speakers: … » outside French) or an empty string."""
    names = [f"{p.name} ({p.role})" if p.role else p.name for p in people]
    colon = " :" if lang == "fr" else ":"
    return f"{label}{colon} {', '.join(names)}" if names else ""


def session_description(session: Any, translate: Translate = str, lang: str = "fr") -> str:
    """What a calendar shows under a session's title, its labels in LANG."""
    parts = [
        session.plain_body,
        people_text(translate("Intervenants"), session.speakers, lang),
        people_text(translate("Animation"), session.moderators, lang),
    ]
    return "\n\n".join(p for p in parts if p)


# --- calendars -------------------------------------------------------------------------------

# A session's Status as iCalendar says it (RFC 5545 3.8.1.11); moved and full sessions still take place.
ICAL_STATUS = MappingProxyType({"cancelled": "CANCELLED", "postponed": "TENTATIVE"})


def session_location(session: Any, venue: Mapping[str, str], translate: Translate = str) -> str:
    """Where a session takes place: its stream for an online session (never the venue's street), its own address, or room and venue."""
    if session.online:
        return session.stream or translate("En ligne")
    if session.location:
        return ", ".join(filter(None, (session.room, session.location)))
    return ", ".join(filter(None, (session.room, venue_text(venue))))


def session_vevent(
    session: Any, settings: Mapping[str, Any], event_settings: Any, stamp: dt.datetime,
    translate: Translate = str, lang: str = "fr",
) -> str:
    """One session as a VEVENT's text (properties in icalendar's order), its labels in LANG."""
    start, end = session_span(session, event_settings.timezone)
    text = ical.escape_text
    url = absolute_url(settings, session.url)
    description = session_description(session, translate, lang)
    if url:
        description = f"{description}\n\n{url}" if description else url
    if session.changed and session.status_note:
        description = f"{session.status_note}\n\n{description}" if description else session.status_note
    properties = [
        ("SUMMARY", text(session.title)),
        ical.datetime_property("DTSTART", start, event_settings.timezone),
        ical.datetime_property("DTEND", end, event_settings.timezone),
        ("DTSTAMP", ical.utc_stamp(stamp)),
        ("UID", text(f"{session.slug}@{uid_domain(settings)}")),
        # Both from the content's Modified date, never the clock: a change is seen, a rebuild changes nothing.
        ("SEQUENCE", str(session.sequence)),
    ]
    if session.kind_label:
        properties.append(("CATEGORIES", text(session.kind_label)))
    if description:
        properties.append(("DESCRIPTION", text(description)))
    if session.modified:
        modified = aware(session.modified.date(), session.modified.time(), event_settings.timezone)
        properties.append(("LAST-MODIFIED", ical.utc_stamp(modified)))
    properties.append(("LOCATION", text(session_location(session, event_settings.venue, translate))))
    properties += [("STATUS", ICAL_STATUS.get(session.status, "CONFIRMED")), ("TRANSP", "OPAQUE")]
    if url:
        properties.append(("URL", url))
    return ical.component("VEVENT", properties)


def build_calendar(
    sessions: Iterable[Any],
    name: str,
    settings: Mapping[str, Any],
    event_settings: Any,
    vtimezone: Callable[[str, int, int], str] | None = None,
    translate: Translate = str,
    lang: str = "fr",
    vevents: Sequence[str] | None = None,
) -> bytes:
    """The iCalendar text of a calendar holding SESSIONS, its time zone defined by a VTIMEZONE.

    VTIMEZONE (a function from ical.timezone_maker()) lets many calendars share one zone text;
    TRANSLATE and LANG give the descriptions' labels in the calendar's language; VEVENTS, the
    sessions' VEVENT texts when already made (session_vevent), so that each is made once a build.
    """
    sessions = list(sessions)
    vtimezone = vtimezone or ical.timezone_maker()
    text = ical.escape_text
    properties = [
        ("VERSION", "2.0"),
        ("PRODID", text(str(setting(settings, "AGENDA_PRODID")))),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", text(name)),
        ("X-WR-TIMEZONE", text(event_settings.timezone)),
    ]
    if vevents is None:
        stamp = dtstamp(settings, event_settings)
        vevents = [session_vevent(session, settings, event_settings, stamp, translate, lang) for session in sessions]
    zone = ""
    if sessions and not ical.is_utc(event_settings.timezone):
        years = [s.day.year for s in sessions]
        # Only the transitions around the event: a small, stable VTIMEZONE.
        zone = vtimezone(event_settings.timezone, min(years) - 1, max(years) + 1)
    return ical.calendar(properties, vevents, zone)


# --- programme.json --------------------------------------------------------------------------

def programme_data(event: Any, settings: Mapping[str, Any], event_settings: Any, prefix: str = "") -> dict[str, Any]:
    """The programme as plain data (see docs/programme-json.md); PREFIX is its edition's (« en/ »)."""
    tz = event_settings.timezone

    def link(path: str) -> str:
        return absolute_url(settings, path) or path

    def person_ids(people: Iterable[Any]) -> list[str]:
        return [p.slug for p in people]

    sessions = []
    for day in event.programme:
        for slot in day.slots:
            for session in slot.sessions:
                start, end = session_span(session, tz)
                sessions.append(
                    {
                        "id": session.slug,
                        "title": session.title,
                        "kind": session.kind,
                        "kind_label": session.kind_label,
                        "day": session.day.isoformat(),
                        "start": start.isoformat(),
                        "end": end.isoformat(),
                        "room": session.room,
                        "speakers": person_ids(session.speakers),
                        "moderators": person_ids(session.moderators),
                        "description": session.plain_body,
                        "url": link(session.url),
                        "calendar": link(prefix + session_file(settings, session.slug)),
                        "workshops": [
                            {
                                "id": w.slug,
                                "title": w.title,
                                "theme": w.theme.slug if w.theme else None,
                                "url": link(w.url),
                            }
                            for w in session.workshops
                        ],
                    }
                )
    speakers = list(event.speakers)
    rooms = sorted({s["room"] for s in sessions if s["room"]})
    return {
        "format": "eventsite-programme",
        "version": JSON_FORMAT_VERSION,
        "event": {
            "name": event_settings.name,
            "tagline": event_settings.tagline,
            "start": event_settings.start.isoformat() if event_settings.start else None,
            "end": event_settings.end.isoformat() if event_settings.end else None,
            "timezone": tz,
            "venue": dict(event_settings.venue),
            "url": link(prefix),
            "programme_url": link(event_settings.urls["programme"]),
            "calendar": link(prefix + str(setting(settings, "AGENDA_EVENT_FILE"))),
        },
        "rooms": rooms,
        "sessions": sessions,
        "speakers": [
            {
                "id": p.slug,
                "name": p.name,
                "role": p.role,
                "organisation": p.organisation,
                "url": link(p.url),
                "sessions": [s.slug for s in p.sessions],
            }
            for p in speakers
        ],
    }


def programme_json(event: Any, settings: Mapping[str, Any], event_settings: Any, prefix: str = "") -> str:
    """programme.json's text: stable key order, UTF-8, one trailing newline."""
    # Compact: json's C encoder (indent= falls back on its Python one, 3× slower) and a fifth fewer bytes to download.
    return json.dumps(programme_data(event, settings, event_settings, prefix), ensure_ascii=False, separators=(",", ":")) + "\n"


# --- Pelican ---------------------------------------------------------------------------------

class AgendaGenerator(Generator):
    """Writes, for each edition, the event's and each session's .ics file and programme.json."""

    def generate_context(self) -> None:
        """Nothing to read (the event plugin has read the sessions); report a session whose calendar would replace the event's."""
        event = self.context.get("event")
        whole = str(setting(self.settings, "AGENDA_EVENT_FILE"))
        for session in getattr(event, "sessions", ()):
            if session_file(self.settings, session.slug) == whole:
                signal("content_problem").send(
                    self, context=self.context, file=session.source_path, line=None, field="",
                    message=f"le calendrier de cette séquence ({whole}) prendrait la place de celui de tout l'événement",
                    fix="renommez le fichier de la séquence (son identifiant), ou changez le réglage AGENDA_EVENT_FILE",
                )

    def generate_output(self, writer: Any) -> None:
        """Write every edition's calendars and programme.json into the output folder."""
        editions = editions_of(self.context)
        if not editions:
            logger.debug("agenda: no edition in the context (is the event plugin listed before agenda?)")
            return
        vtimezone = ical.timezone_maker()  # one VTIMEZONE text for all the calendars of this build
        for edition in editions:
            self.write_edition(edition, vtimezone)

    def write_edition(self, edition: Edition, vtimezone: Callable[[str, int, int], str]) -> None:
        """Write one edition's calendars and programme.json under its prefix, in its language."""
        event, event_settings = edition.event, edition.settings
        translate, lang = gettext_of(edition), edition.lang
        output = Inside(self.output_path)  # the calendars' folder resolved once, not once per calendar
        sessions = [s for day in event.programme for slot in day.slots for s in slot.sessions]
        stamp = dtstamp(self.settings, event_settings)
        vevents = [session_vevent(s, self.settings, event_settings, stamp, translate, lang) for s in sessions]
        whole = build_calendar(sessions, event_settings.name, self.settings, event_settings, vtimezone, translate, lang, vevents)
        output.write(edition.url(str(setting(self.settings, "AGENDA_EVENT_FILE"))), whole)
        for session, vevent in zip(sessions, vevents):
            name = f"{session.title} · {event_settings.name}"
            calendar = build_calendar([session], name, self.settings, event_settings, vtimezone, translate, lang, [vevent])
            output.write(edition.url(session_file(self.settings, session.slug)), calendar)
        output.write(
            edition.url(str(setting(self.settings, "AGENDA_JSON_FILE"))),
            programme_json(event, self.settings, event_settings, edition.prefix).encode("utf-8"),
        )


def add_generator(pelican: Any) -> type[AgendaGenerator]:
    """Give Pelican the agenda generator."""
    return AgendaGenerator


def edition_prefix(context: Any) -> str:
    """The URL prefix of the page being written (« en/ »), empty in the default language."""
    edition = page_edition(context)
    return edition.prefix if edition is not None else ""


@pass_context
def agenda_url(context: Any, session: Any = None) -> str:
    """Jinja global: the site-relative path of SESSION's .ics file, or the whole event's, in the page's edition."""
    if session is None:
        return edition_prefix(context) + str(setting(context, "AGENDA_EVENT_FILE"))
    return edition_prefix(context) + session_file(context, session.slug)


@pass_context
def programme_json_url(context: Any) -> str:
    """Jinja global: the site-relative path of programme.json in the page's edition."""
    return edition_prefix(context) + str(setting(context, "AGENDA_JSON_FILE"))


def add_template_helpers(generator: Any) -> None:
    """Offer agenda_url() and programme_json_url() to every generator's templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals.update({"agenda_url": agenda_url, "programme_json_url": programme_json_url})


def register() -> None:
    """Connect the agenda plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_template_helpers)
