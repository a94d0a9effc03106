"""The example event as published: pre-publish checks, calendars, open schedule formats, and every link from home."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from eventsite.checks import check_site
from tests.browser.crawl import crawl, page_paths
from tests.conftest import SharedBuild, parse
from tests.publish.sites import page, write_site
from tests.schedule.schemas import json_errors, xml_errors

from .site import DAYS, ROOMS, SITE_URL

PARIS = ZoneInfo("Europe/Paris")
EDITIONS = ("", "en/")


@pytest.fixture(scope="module")
def output(example_site: SharedBuild) -> Path:
    return example_site.output


def event_of(path: Path) -> icalendar.Event:
    """The one VEVENT of a session's calendar file."""
    [event] = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return event


def test_it_passes_the_pre_publish_checks_with_the_html_validator(output):
    report = check_site(output, site_url=SITE_URL, validate_html=True)
    assert list(report.problems) == []
    assert report.files_checked >= 90


def test_every_calendar_parses_and_the_whole_event_holds_every_session(output):
    files = sorted(output.rglob("*.ics"))
    assert len(files) >= 42
    for path in files:
        icalendar.Calendar.from_ical(path.read_bytes())
    whole = [f for f in files if len(icalendar.Calendar.from_ical(f.read_bytes()).walk("VEVENT")) > 1]
    assert whole and all(len(icalendar.Calendar.from_ical(f.read_bytes()).walk("VEVENT")) == 41 for f in whole)


def test_changed_sessions_carry_their_state_and_their_modified_date(output):
    cancelled = event_of(output / "programme/communs-region.ics")
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled["LAST-MODIFIED"].dt == dt.datetime(2027, 10, 8, 11, 15, tzinfo=PARIS)
    assert int(cancelled["SEQUENCE"]) > 0
    for slug in ("lecteurs-ecran", "visite-port", "atelier-demarches"):
        assert str(event_of(output / f"programme/{slug}.ics")["STATUS"]) == "CONFIRMED", slug  # moved or full: it still happens
    assert int(event_of(output / "programme/ouverture.ics")["SEQUENCE"]) == 0


def test_online_sessions_have_no_street_address_and_off_site_ones_their_own(output):
    for slug in ("webinaire-publier", "nordic-data", "green-procurement", "user-testing"):
        location = str(event_of(output / f"programme/{slug}.ics")["LOCATION"])
        assert "Esplanade" not in location and "13002" not in location and "Marseille" not in location, (slug, location)
        assert location.startswith("https://visio.example.org/"), (slug, location)
    evening = event_of(output / "programme/soiree.ics")
    assert "10 place de la Joliette" in str(evening["LOCATION"]) and "Esplanade" not in str(evening["LOCATION"])
    assert (evening["DTSTART"].dt, evening["DTEND"].dt) == (
        dt.datetime(2027, 10, 13, 19, 0, tzinfo=PARIS), dt.datetime(2027, 10, 14, 0, 30, tzinfo=PARIS))  # past midnight
    visit = str(event_of(output / "programme/visite-port.ics")["LOCATION"])
    assert "23 place de la Joliette" in visit and "Esplanade" not in visit
    hybrid = str(event_of(output / "programme/ouverture.ics")["LOCATION"])
    assert "Esplanade du J4" in hybrid


@pytest.mark.parametrize("prefix", EDITIONS)
def test_schedule_files_validate_against_the_c3voc_schemas(output, prefix):
    assert xml_errors(output / prefix / "programme/schedule.xml") == []
    data = json.loads((output / prefix / "programme/schedule.json").read_text(encoding="utf-8"))
    assert json_errors(data) == []
    conference = data["schedule"]["conference"]
    assert [day["date"] for day in conference["days"]] == list(DAYS)
    assert [room["name"] for room in conference["rooms"]][:4] == (list(ROOMS) if not prefix else
                                                                 ["Auditorium", "Calanques room", "Joliette room", "Virtual room"])
    events = [e for day in conference["days"] for room in day["rooms"].values() for e in room]
    assert len(events) == 41


def test_a_crawl_from_home_reaches_every_page_through_unbroken_links(output):
    found = crawl(output)
    assert found.broken == ()
    assert set(found.reached) == set(page_paths(output))


def test_the_crawl_finds_a_dead_link_a_dead_anchor_and_an_orphan(tmp_path):
    site = write_site(tmp_path, {
        "index.html": page("Accueil", body='<a href="programme/">P</a> <a href="orateurs/">x</a>'),
        "programme/index.html": page("Programme", depth=1, body='<h2 id="jour-1">Jour 1</h2><a href="../#nulle-part">x</a>'),
        "seule/index.html": page("Orpheline", depth=1),
    })
    found = crawl(site)
    assert set(found.broken) == {("index.html", "orateurs/"), ("programme/index.html", "../#nulle-part")}
    assert set(found.reached) == {"", "programme/"}


def test_speakers_with_particles_and_accents_are_sorted_where_a_reader_looks(output):
    names = [h.get_text(" ", strip=True) for h in parse(output / "intervenants/index.html").select("main h2, main h3")]
    assert len(names) == 30
    assert names[:4] == ["Chloé Achard", "Anne-Sophie d’Arcy", "Karim Ben Salah", "Samuel Benhamou"]  # « d'Arcy » under A
    assert names.index("Émilie Écuyer") == names.index("Céline Dupré") + 1  # É with E, not after Z
    assert names[names.index("Hélène Œuvrard"):names.index("Agnès Oudin") + 1] == [
        "Hélène Œuvrard", "Julie Ollivier", "Thibault d’Orgeval", "Sven Østergaard", "Agnès Oudin"]  # Œ and Ø under O
    # A family name of several words, given by Nom_de_famille, sorts under its first word: Ben Salah under B, not S.
    assert names.index("Karim Ben Salah") == names.index("Samuel Benhamou") - 1
    assert names.index("Lucia De Santis") < names.index("Céline Dupré") < names.index("Inès García López") < names.index("Zoé Mac Leod")
