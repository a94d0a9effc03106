"""The programme in the frab schedule format (c3voc schemas): one plain-data tree, written as JSON or XML.

Every session is visited once and every output node is made once: the time is linear in the
number of sessions and people (see bench/ for none: nothing here is quadratic).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import uuid
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from xml.etree import ElementTree


from event.labels import link_labels, status_label

from .settings import ScheduleSettings

GENERATOR = {"name": "eventsite", "version": "1"}
JSON_SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
DEFAULT_TIMESLOT = 15  # minutes, when the programme has no session


def absolute(siteurl: str, path: str) -> str | None:
    """PATH (site-relative) as an absolute http(s) URL when SITEURL is one, else None."""
    if not re.match(r"^https?://", siteurl):
        return None
    return siteurl.rstrip("/") + "/" + path.lstrip("/")


def stable_uuid(acronym: str, kind: str, slug: str) -> str:
    """A UUID that stays the same from build to build for the same entity (uuid5 of its identity)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:eventsite:{acronym}:{kind}:{slug}"))


def stable_ids(slugs: Iterable[str]) -> dict[str, int]:
    """A positive integer per slug, stable while the slug exists (from its hash), unique in the programme."""
    ids: dict[str, int] = {}
    taken: set[int] = set()
    for slug in sorted(set(slugs)):
        number = int(uuid.uuid5(uuid.NAMESPACE_URL, slug).hex[:7], 16) + 1
        while number in taken:  # a collision moves to the next free number, in slug order
            number += 1
        taken.add(number)
        ids[slug] = number
    return ids


def hours_minutes(minutes: int) -> str:
    """A duration in minutes as « HH:MM »."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def span_minutes(start: dt.datetime, end: dt.datetime) -> int:
    """Whole minutes from START to END."""
    return int((end - start).total_seconds() // 60)


def timeslot(sessions: Iterable[Any]) -> int:
    """The programme's grid step in minutes: the largest that divides every start and duration (5 at least)."""
    step = 0
    for session in sessions:
        step = math.gcd(step, session.start.hour * 60 + session.start.minute, span_minutes(session.starts_at, session.ends_at))
    return max(step, 5) if step else DEFAULT_TIMESLOT


def session_data(session: Any, ids: Mapping[str, int], lang: str, tz: zoneinfo.ZoneInfo,
                 siteurl: str, schedule: ScheduleSettings, translate: Callable[[str], str]) -> dict[str, Any]:
    """One session as a frab event (c3voc schema.json's Event)."""
    start = session.starts_at.replace(tzinfo=tz)
    people = list(dict.fromkeys([*session.speakers, *session.moderators]))
    return {
        "id": ids[session.slug],
        "guid": stable_uuid(schedule.acronym, "session", session.slug),
        "date": start.isoformat(),
        "start": f"{session.start:%H:%M}",
        "duration": hours_minutes(span_minutes(session.starts_at, session.ends_at)),
        "room": session.room,
        "slug": f"{schedule.acronym}-{session.slug}",
        "url": absolute(siteurl, session.url) or session.url,
        "title": session.title,
        "subtitle": status_label(session.status, translate),
        "track": session.track_name or session.kind_label or session.kind,
        "type": session.kind,
        "language": lang,
        "abstract": session.status_note if session.changed else "",
        "description": session.plain_body,
        "persons": [
            {"name": person.name, "guid": stable_uuid(schedule.acronym, "person", person.slug)} for person in people
        ],
        "links": [{"url": getattr(session, key), "title": label} for key, label in link_labels(session, translate)],
    }


def schedule_data(event: Any, event_settings: Any, lang: str, siteurl: str, schedule: ScheduleSettings,
                  translate: Callable[[str], str] = str) -> dict[str, Any]:
    """The whole programme as a c3voc schedule.json tree (days → rooms → events)."""
    tz = zoneinfo.ZoneInfo(event_settings.timezone)
    sessions = [s for day in event.programme for slot in day.slots for s in slot.sessions]
    ids = stable_ids(s.slug for s in sessions)
    rooms: dict[str, None] = {}
    days = []
    for index, day in enumerate(event.programme, start=1):
        in_day = [s for slot in day.slots for s in slot.sessions]
        by_room: dict[str, list[dict[str, Any]]] = {room: [] for room in day.rooms}
        for session in in_day:
            by_room.setdefault(session.room, []).append(session_data(session, ids, lang, tz, siteurl, schedule, translate))
        rooms.update(dict.fromkeys(by_room))
        days.append(
            {
                "index": index,
                "date": day.day.isoformat(),
                "day_start": min(s.starts_at for s in in_day).replace(tzinfo=tz).isoformat(),
                "day_end": max(s.ends_at for s in in_day).replace(tzinfo=tz).isoformat(),
                "rooms": by_room,
            }
        )
    first = event_settings.start or (event.programme[0].day if event.programme else dt.date(2000, 1, 1))
    last = event_settings.end or (event.programme[-1].day if event.programme else first)
    conference: dict[str, Any] = {
        "acronym": schedule.acronym,
        "title": event_settings.name,
        "start": first.isoformat(),
        "end": last.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": hours_minutes(timeslot(sessions)),
        "time_zone_name": event_settings.timezone,
        "url": absolute(siteurl, event_settings.urls["programme"]) or event_settings.urls["programme"],
        "rooms": [{"name": room, "guid": stable_uuid(schedule.acronym, "room", room)} for room in rooms],
        "days": days,
    }
    data: dict[str, Any] = {"version": schedule.version, "conference": conference}
    if absolute(siteurl, ""):
        data["base_url"] = absolute(siteurl, "")
    return {"$schema": JSON_SCHEMA_URL, "generator": dict(GENERATOR), "schedule": data}


def schedule_json(data: Mapping[str, Any]) -> bytes:
    """schedule.json's bytes: UTF-8, stable key order, one trailing newline."""
    # Compact: json's C encoder (indent= falls back on its Python one, 5× slower) and a third fewer bytes.
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _child(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def event_element(parent: ElementTree.Element, event: Mapping[str, Any]) -> None:
    """One frab <event> under its <room>."""
    node = _child(parent, "event", id=str(event["id"]), guid=event["guid"])
    for tag in ("room", "title", "subtitle", "type", "date", "start", "duration", "abstract", "slug", "track", "language", "description"):
        _child(node, tag, event[tag])
    persons = _child(node, "persons")
    for person in event["persons"]:
        _child(persons, "person", person["name"])
    links = _child(node, "links")
    for link in event["links"]:
        _child(links, "link", link["title"], href=link["url"])
    if re.match(r"^https?://", event["url"]):
        _child(node, "url", event["url"])


def schedule_xml(data: Mapping[str, Any]) -> bytes:
    """schedule.xml's bytes from the schedule.json tree (c3voc schedule.xml.xsd), built with ElementTree."""
    schedule = data["schedule"]
    conference = schedule["conference"]
    root = ElementTree.Element("schedule")
    _child(root, "generator", **data["generator"])
    _child(root, "version", schedule["version"])
    head = _child(root, "conference")
    for tag, key in (("acronym", "acronym"), ("title", "title"), ("start", "start"), ("end", "end"),
                     ("days", "daysCount"), ("timeslot_duration", "timeslot_duration")):
        _child(head, tag, str(conference[key]))
    if "base_url" in schedule:
        _child(head, "base_url", schedule["base_url"])
    _child(head, "time_zone_name", conference["time_zone_name"])
    for day in conference["days"]:
        day_node = _child(root, "day", index=str(day["index"]), date=day["date"], start=day["day_start"], end=day["day_end"])
        for room, events in day["rooms"].items():
            room_node = _child(day_node, "room", name=room)
            for event in events:
                event_element(room_node, event)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
