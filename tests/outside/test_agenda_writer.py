"""Calendars written as text: the same bytes icalendar would write, one VTIMEZONE made per build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

from icalendar import Calendar, Event as VEvent, Timezone

from agenda.agenda import build_calendar, dtstamp, session_description, session_span, uid_domain, venue_text
from event.model import Session, Speaker
from event.settings import read_event_settings
from eventsite.build import build_site
from tests.conftest import SETTINGS, site_overrides

SETTINGS_MAP = {"SITEURL": "https://example.org/seminaire", "EVENT_START": dt.date(2018, 3, 1)}
TRICKY = "Atelier ; « données », chemins C:\\temp\\N et \\N, émojis 🎉🎉 — " + "é" * 40 + "\\"


def session(slug: str, title: str, body: str, kind_label: str = "Atelier") -> Session:
    """A session of the event model, as the agenda plugin reads it."""
    return Session(
        slug=slug, source_path=f"sessions/{slug}.md", source=SimpleNamespace(content=body), title=title, kind_label=kind_label,
        room="Salle ; 2, étage", day=dt.date(2018, 3, 1), start=dt.time(9, 15), end=dt.time(10, 0),
        url=f"programme/#{slug}", speakers=[Speaker(slug="anne", source_path="", name="Anne, Dupont", role="DSI; chef")],
    )


def icalendar_text(sessions: list[Session], name: str, event_settings) -> bytes:
    """What the plugin wrote before, with icalendar's objects: the reference."""
    calendar = Calendar()
    calendar.add("prodid", "-//eventsite//Pelican agenda plugin//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", event_settings.timezone)
    for item in sessions:
        start, end = session_span(item, event_settings.timezone)
        url = f"{SETTINGS_MAP['SITEURL']}/{item.url}"
        vevent = VEvent()
        vevent.add("uid", f"{item.slug}@{uid_domain(SETTINGS_MAP)}")
        vevent.add("dtstamp", dtstamp(SETTINGS_MAP, event_settings))
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
        vevent.add("sequence", 0)
        vevent.add("summary", item.title)
        vevent.add("location", ", ".join(filter(None, (item.room, venue_text(event_settings.venue)))))
        vevent.add("url", url)
        vevent.add("description", f"{session_description(item)}\n\n{url}")
        vevent.add("categories", [item.kind_label])
        vevent.add("status", "CONFIRMED")
        vevent.add("transp", "OPAQUE")
        calendar.add_component(vevent)
    calendar.add_missing_timezones(first_date=dt.date(2017, 1, 1), last_date=dt.date(2019, 12, 31))
    return calendar.to_ical()


def test_calendar_text_is_the_one_icalendar_writes_for_tricky_text():
    event_settings = read_event_settings(SETTINGS_MAP)
    sessions = [
        session("a", TRICKY, f"<p>{TRICKY}</p><p>Ligne\r\ndeux</p>"),
        session("b", "Court", "<p>" + "x" * 300 + "</p>", kind_label="Plénière, débat"),
    ]
    name = "Séminaire « numérique » " + "é" * 40
    written = build_calendar(sessions, name, SETTINGS_MAP, event_settings)
    assert written == icalendar_text(sessions, name, event_settings)
    lines = written.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line and len(line) <= 75 for line in lines)
    parsed = Calendar.from_ical(written)
    events = parsed.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [TRICKY.replace("\\N", "\n"), "Court"]
    assert str(parsed["X-WR-CALNAME"]) == name
    assert events[0].decoded("DTSTART") == session_span(sessions[0], event_settings.timezone)[0]
    assert [str(z["TZID"]) for z in parsed.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_calendar_name_is_escaped_as_text():
    # icalendar writes X-WR-CALNAME raw; RFC 5545 (3.8.8.2) makes an X- property TEXT by default,
    # and calendar applications unescape it: a « ; » or « , » in a session title must be escaped.
    name = "Atelier ; données, suite \\ fin"
    written = build_calendar([], name, SETTINGS_MAP, read_event_settings(SETTINGS_MAP))
    assert b"\r\nX-WR-CALNAME:Atelier \\; donn\xc3\xa9es\\, suite \\\\ fin\r\n" in written


def test_one_vtimezone_is_made_for_all_the_calendars_of_a_build(tmp_path: Path, site, monkeypatch):
    made = []
    original = Timezone.from_tzid.__func__

    def counting(cls, *args, **kwargs):
        made.append(args)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(Timezone, "from_tzid", classmethod(counting))
    build_site(SETTINGS, tmp_path / "output", strict=True, overrides=site_overrides(tmp_path, site(), SEARCH_PAGEFIND=False))
    calendars = list((tmp_path / "output/programme").glob("*.ics"))
    assert len(calendars) > 3
    assert len(made) == 1  # before: one per calendar, the main cost of 1,001 calendars
    for path in calendars:
        assert [str(z["TZID"]) for z in Calendar.from_ical(path.read_bytes()).walk("VTIMEZONE")] == ["Europe/Paris"]


def test_lines_are_folded_as_icalendar_folds_them_whatever_their_characters():
    # fold() cuts UTF-8 bytes at 74 octets without splitting a character or an escape: the same cuts as icalendar's.
    import random
    import warnings

    from agenda.ical import fold
    from icalendar.parser import foldline

    alphabets = ("ab \\^;,é€😀üàxyz" + "a" * 20, "ab\\^ ", "é😀\\")
    rnd = random.Random(14)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # foldline: the reference, deprecated in icalendar 8
        for _ in range(3000):
            line = "".join(rnd.choice(rnd.choice(alphabets)) for _ in range(rnd.randint(0, 400)))
            assert fold(line) == foldline(line), repr(line)
