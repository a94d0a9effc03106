"""Calendars (.ics) and their links: every session, at the right time in Europe/Paris, stable UIDs."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

from icalendar import Calendar

from agenda.agenda import dtstamp, uid_domain
from event.model import plain_text
from event.settings import read_event_settings
from tests.conftest import REPO, parse
from tests.outside.conftest import SITEURL, front_matter

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
SESSIONS = {p.stem: front_matter(p) for p in sorted((REPO / "content/sessions").glob("*.md"))}


def expected_span(fields: dict[str, str]) -> tuple[dt.datetime, dt.datetime]:
    day = dt.date.fromisoformat(fields["day"])
    start = dt.datetime.combine(day, dt.time.fromisoformat(fields["start"]), tzinfo=PARIS)
    end = dt.datetime.combine(day, dt.time.fromisoformat(fields["end"]), tzinfo=PARIS)
    return start, end


def read_calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_event_calendar_holds_every_session_in_paris_time(published):
    calendar = read_calendar(published / "programme/seminaire.ics")
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    assert set(events) == set(SESSIONS)
    for slug, fields in SESSIONS.items():
        vevent = events[slug]
        start, end = expected_span(fields)
        assert vevent.decoded("DTSTART") == start and vevent.decoded("DTEND") == end
        assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
        assert vevent.decoded("DTSTART").utcoffset() == dt.timedelta(hours=1)  # 1 March: winter time
        assert str(vevent["SUMMARY"]) == fields["title"]
        assert fields["room"] in str(vevent["LOCATION"]) and "1 rue Chevreul" in str(vevent["LOCATION"])
        assert str(vevent["URL"]) == f"{SITEURL}/programme/#{slug}"
        assert str(vevent["UID"]) == f"{slug}@example.org/seminaire"
        assert str(vevent["DESCRIPTION"]).strip()
        assert "DTSTAMP" in vevent


def test_time_zone_is_defined(published):
    calendar = read_calendar(published / "programme/seminaire.ics")
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Paris"]
    assert {str(c["TZNAME"]) for c in zones[0].subcomponents} == {"CET", "CEST"}
    assert calendar.timezones and calendar.timezones[0].tz_name == "Europe/Paris"


def test_one_calendar_per_session_with_the_same_uid(published):
    whole = {str(e["UID"]) for e in read_calendar(published / "programme/seminaire.ics").walk("VEVENT")}
    for slug in SESSIONS:
        events = read_calendar(published / f"programme/{slug}.ics").walk("VEVENT")
        assert len(events) == 1
        assert str(events[0]["UID"]) == f"{slug}@example.org/seminaire" and str(events[0]["UID"]) in whole
        assert events[0].decoded("DTSTART") == expected_span(SESSIONS[slug])[0]


def test_add_to_calendar_links(published):
    programme = parse(published / "programme/index.html")
    whole = [a for a in programme.select(".programme-actions a") if a["href"].endswith(".ics")]
    assert len(whole) == 1 and whole[0]["href"] == f"{SITEURL}/programme/seminaire.ics"
    assert "à mon agenda" in whole[0].get_text()
    for session in programme.select("article.session"):
        link = session.select_one(".session__agenda a")
        assert link is not None, session["id"]
        assert link["href"] == f"{SITEURL}/programme/{session['id']}.ics"
        assert link.get("type") == "text/calendar"
        assert (published / f"programme/{session['id']}.ics").is_file()


def test_dtstamp_is_fixed_never_now(monkeypatch):
    event_settings = read_event_settings({"EVENT_START": dt.date(2018, 3, 1)})
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert dtstamp({}, event_settings) == dt.datetime(2018, 3, 1, tzinfo=dt.timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1519000000")
    assert dtstamp({}, event_settings) == dt.datetime.fromtimestamp(1519000000, tz=dt.timezone.utc)
    assert dtstamp({"AGENDA_DTSTAMP": "2018-02-01T10:00:00+01:00"}, event_settings) == dt.datetime(
        2018, 2, 1, 9, 0, tzinfo=dt.timezone.utc
    )


def test_uid_domain_falls_back_from_setting_to_siteurl_to_event_name():
    assert uid_domain({"AGENDA_UID_DOMAIN": "agenda.example"}) == "agenda.example"
    assert uid_domain({"SITEURL": "https://example.org/seminaire/"}) == "example.org/seminaire"
    assert uid_domain({"SITEURL": "", "EVENT_NAME": "Journée : l'État numérique"}) == "journee-l-etat-numerique"


def test_plain_text_keeps_paragraphs():
    assert plain_text("<p>Un &amp; deux</p><p>Trois <em>quatre</em></p>") == "Un & deux\nTrois quatre"
