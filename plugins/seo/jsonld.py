"""schema.org objects as plain dicts, and their safe serialisation inside a <script> element."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

from markupsafe import Markup

SCHEMA = "https://schema.org"
Link = Callable[[str], str]


def to_script_json(data: Mapping[str, Any]) -> Markup:
    """DATA as JSON that cannot close or comment out its <script> element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    text = text.replace("</", "<\\/").replace("<!--", "<\\u0021--")
    return Markup(text)


def aware(day: dt.date, time: dt.time, timezone: str) -> dt.datetime:
    """DAY at TIME in TIMEZONE."""
    return dt.datetime.combine(day, time, tzinfo=zoneinfo.ZoneInfo(timezone))


def iso(value: dt.datetime) -> str:
    """ISO 8601 with seconds and the time zone offset."""
    return value.isoformat(timespec="seconds")


def postal_address(venue: Mapping[str, str], country: str) -> dict[str, Any]:
    """A PostalAddress from EVENT_VENUE."""
    address = {
        "@type": "PostalAddress",
        "streetAddress": venue.get("address", ""),
        "postalCode": venue.get("postcode", ""),
        "addressLocality": venue.get("city", ""),
        "addressCountry": venue.get("country", country),
    }
    return {k: v for k, v in address.items() if v}


def place(venue: Mapping[str, str], country: str, room: str = "") -> dict[str, Any]:
    """A Place from EVENT_VENUE, optionally naming a room in it."""
    name = venue.get("name", "")
    return {"@type": "Place", "name": f"{room}, {name}" if room and name else (room or name), "address": postal_address(venue, country)}


def organization(partner: Any) -> dict[str, Any]:
    """An Organization from a partner."""
    data: dict[str, Any] = {"@type": "Organization", "name": partner.name}
    if getattr(partner, "website", ""):
        data["url"] = partner.website
    return data


def person(speaker: Any, link: Link, image: str | None = None, description: str = "") -> dict[str, Any]:
    """A Person from a speaker."""
    data: dict[str, Any] = {"@type": "Person", "name": speaker.name, "url": link(speaker.url)}
    if speaker.role:
        data["jobTitle"] = speaker.role
    if speaker.organisation:
        data["worksFor"] = {"@type": "Organization", "name": speaker.organisation}
    if image:
        data["image"] = image
    if description:
        data["description"] = description
    if speaker.links:
        data["sameAs"] = list(speaker.links)
    return data


def sessions_of(event: Any) -> list[Any]:
    """Every session in programme order."""
    return [s for day in event.programme for slot in day.slots for s in slot.sessions]


def event_jsonld(
    event: Any, event_settings: Any, link: Link, image: str | None, description: str, country: str = "FR", home: str = ""
) -> dict[str, Any]:
    """The whole event as a schema.org Event with its sessions as subEvent; HOME is its edition's home (« en/ »)."""
    tz = event_settings.timezone
    sessions = sessions_of(event)
    if sessions:
        start = min(aware(s.day, s.start, tz) for s in sessions)
        end = max(aware(s.end_day, s.end, tz) for s in sessions)
    else:
        start = aware(event_settings.start, dt.time(0, 0), tz)
        end = aware(event_settings.end or event_settings.start, dt.time(23, 59), tz)
    speakers = unique(p for s in sessions for p in (*s.speakers, *s.moderators))
    organisers = [p for p in event.partners if p.tier == "organiser"]
    sponsors = [p for p in event.partners if p.tier != "organiser"]
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event_settings.name,
        "description": description or event_settings.tagline,
        "startDate": iso(start),
        "endDate": iso(end),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "location": place(event_settings.venue, country),
        "url": link(home),
        "inLanguage": (event_settings.locale or "fr").split("_")[0],
    }
    if image:
        data["image"] = [image]
    if organisers:
        data["organizer"] = [organization(p) for p in organisers]
    if sponsors:
        data["sponsor"] = [organization(p) for p in sponsors]
    if speakers:
        data["performer"] = [person(p, link) for p in speakers]
    data["subEvent"] = [session_event(s, event_settings, link, image, country) for s in sessions]
    return data


# A session's Status and Attendance as schema.org says them (full and scheduled sessions take place).
EVENT_STATUSES = MappingProxyType({"cancelled": "EventCancelled", "postponed": "EventPostponed", "moved": "EventRescheduled"})
ATTENDANCE_MODES = MappingProxyType({"in-person": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode", "hybrid": "MixedEventAttendanceMode"})


def session_status(session: Any) -> str:
    """EventCancelled, EventPostponed, EventRescheduled, EventMovedOnline (moved and now online) or EventScheduled."""
    if session.status == "moved" and session.online:
        return "EventMovedOnline"
    return EVENT_STATUSES.get(session.status, "EventScheduled")


def session_location(session: Any, venue: Mapping[str, str], country: str, link: Link) -> Any:
    """A VirtualLocation online, a Place (its own address or the venue's) on site, both for a hybrid session."""
    virtual = {"@type": "VirtualLocation", "url": session.stream or link(session.url)}
    if session.online:
        return virtual
    here = {"@type": "Place", "name": session.room or session.location, "address": session.location} if session.location else place(venue, country, session.room)
    return [here, virtual] if session.attendance == "hybrid" else here


def session_event(session: Any, event_settings: Any, link: Link, image: str | None, country: str) -> dict[str, Any]:
    """One session as an Event."""
    tz = event_settings.timezone
    data: dict[str, Any] = {
        "@type": "Event",
        "name": session.title,
        "startDate": iso(aware(session.day, session.start, tz)),
        "endDate": iso(aware(session.end_day, session.end, tz)),
        "eventStatus": f"{SCHEMA}/{session_status(session)}",
        "eventAttendanceMode": f"{SCHEMA}/{ATTENDANCE_MODES.get(session.attendance, 'OfflineEventAttendanceMode')}",
        "location": session_location(session, event_settings.venue, country, link),
        "url": link(session.url),
    }
    people = [*session.speakers, *session.moderators]
    if people:
        data["performer"] = [person(p, link) for p in people]
    if image:
        data["image"] = [image]
    return data


def unique(items: Iterable[Any]) -> list[Any]:
    """ITEMS without repeats, first occurrence kept."""
    seen: list[Any] = []
    held: set[int] = set()  # ids of the items kept: identity, as ``is``, in one look-up (the items live until the return)
    for item in items:
        if id(item) not in held:
            held.add(id(item))
            seen.append(item)
    return seen


def person_jsonld(speaker: Any, link: Link, image: str | None, description: str = "") -> dict[str, Any]:
    """A speaker's page: a Person."""
    return {"@context": SCHEMA, **person(speaker, link, image, description)}


def news_jsonld(
    article: Any, link: Link, image: str | None, description: str, publishers: list[Any], site_name: str
) -> dict[str, Any]:
    """A news article: a NewsArticle."""
    author = getattr(article, "author", None)
    author_name = getattr(author, "name", "") or str(author or site_name)
    published = article.date
    modified = getattr(article, "modified", None) or published
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": Markup(article.title).striptags()[:110],
        "datePublished": iso(published),
        "dateModified": iso(modified),
        "author": [{"@type": "Organization", "name": author_name}],
        "mainEntityOfPage": link(article.url),
        "url": link(article.url),
        "inLanguage": getattr(article, "lang", "fr"),
    }
    if description:
        data["description"] = description
    if image:
        data["image"] = [image]
    if publishers:
        data["publisher"] = organization(publishers[0])
    return data
