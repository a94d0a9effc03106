"""A change shows everywhere: the programme's badge, the calendars (STATUS, SEQUENCE, LAST-MODIFIED) and JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import icalendar
import pytest

from tests.conference.site import CONFERENCE, build_conference
from tests.conftest import parse


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_conference(tmp_path_factory.mktemp("changes"), SITEURL="https://example.org/rnum")


def minutes_since_2000(moment: dt.datetime) -> int:
    """The SEQUENCE a Modified date gives: it only grows as the date moves forward."""
    return int((moment - dt.datetime(2000, 1, 1)).total_seconds() // 60)


def vevent(output: Path, slug: str) -> icalendar.Event:
    return icalendar.Calendar.from_ical((output / f"programme/{slug}.ics").read_bytes()).walk("VEVENT")[0]


def sub_events(page: Path) -> dict[str, dict]:
    soup = parse(page)
    data = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    event = next(d for d in data if d.get("@type") == "Event")
    return {e["url"].rsplit("#", 1)[-1]: e for e in event["subEvent"]}


def test_a_cancelled_session_is_cancelled_in_its_calendar_with_a_sequence_from_the_content(output):
    cancelled = vevent(output, "atelier-donnees")
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) == minutes_since_2000(dt.datetime(2027, 6, 1, 14, 30))
    assert cancelled.decoded("LAST-MODIFIED").isoformat() == "2027-06-01T12:30:00+00:00"  # 14:30 in Paris
    assert str(cancelled["DESCRIPTION"]).startswith("L'intervenant ne peut pas venir")
    moved = vevent(output, "communs")
    assert (str(moved["STATUS"]), int(moved["SEQUENCE"])) == ("CONFIRMED", minutes_since_2000(dt.datetime(2027, 6, 2, 9, 0)))
    assert moved.decoded("LAST-MODIFIED").isoformat() == "2027-06-02T07:00:00+00:00"
    unchanged = vevent(output, "ouverture")
    assert (str(unchanged["STATUS"]), int(unchanged["SEQUENCE"])) == ("CONFIRMED", 0) and "LAST-MODIFIED" not in unchanged


def test_moving_modified_forward_raises_the_sequence_and_a_rebuild_changes_nothing(tmp_path, output):
    again = build_conference(tmp_path / "again", SITEURL="https://example.org/rnum")
    assert (again / "programme/communs.ics").read_bytes() == (output / "programme/communs.ics").read_bytes()
    content = tmp_path / "content"
    shutil.copytree(CONFERENCE / "content", content)
    communs = content / "sessions/communs.md"
    communs.write_text(communs.read_text(encoding="utf-8").replace("Modified: 2027-06-02 09:00", "Modified: 2027-06-03 18:15"), encoding="utf-8")
    later = build_conference(tmp_path / "later", PATH=str(content))
    changed = icalendar.Calendar.from_ical((later / "programme/communs.ics").read_bytes()).walk("VEVENT")[0]
    assert int(changed["SEQUENCE"]) > int(vevent(output, "communs")["SEQUENCE"])
    assert changed.decoded("LAST-MODIFIED").isoformat() == "2027-06-03T16:15:00+00:00"


def test_online_sessions_have_no_street_address_and_an_off_site_one_its_own(output):
    assert str(vevent(output, "webinaire")["LOCATION"]) == "https://video.example.org/live/accessibilite"
    assert str(vevent(output, "recherche")["LOCATION"]) == "https://video.example.org/live/recherche"
    assert str(vevent(output, "soiree")["LOCATION"]) == "Terrasse du fort, Fort Ganteaume, boulevard Charles Livon, 13007 Marseille"  # its room file's address
    for slug in ("webinaire", "recherche", "soiree"):
        assert "58 boulevard" not in str(vevent(output, slug)["LOCATION"])


def test_json_ld_says_the_state_the_attendance_and_the_virtual_location(output):
    events = sub_events(output / "programme/index.html")
    assert events["atelier-donnees"]["eventStatus"] == "https://schema.org/EventCancelled"
    assert events["communs"]["eventStatus"] == "https://schema.org/EventRescheduled"
    assert events["ouverture"]["eventStatus"] == "https://schema.org/EventScheduled"
    webinar = events["webinaire"]
    assert webinar["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert webinar["location"] == {"@type": "VirtualLocation", "url": "https://video.example.org/live/accessibilite"}
    assert events["ouverture"]["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert events["soiree"]["location"]["address"] == "Fort Ganteaume, boulevard Charles Livon, 13007 Marseille"


@pytest.mark.parametrize(("page", "badge", "note"), [
    ("programme/index.html", "Annulée", "L’intervenant ne peut pas venir"),  # typeset: the French apostrophe
    ("en/programme/index.html", "Cancelled", "The speaker cannot come"),
])
def test_the_programme_says_the_change_in_words(output, page, badge, note):
    session = parse(output / page).select_one("#atelier-donnees")
    assert "session--cancelled" in session["class"]
    status = session.select_one(".session__status")
    assert status.select_one(".badge--status").get_text(strip=True) == badge  # words, not only a colour
    assert note in status.get_text()
    assert session.select_one(".session__title").find_next_sibling() is status  # read right after the title
    # A cancelled session offers no stream nor registration; its other links stay links (no player).
    assert not parse(output / page).select("#atelier-donnees iframe, #webinaire iframe, #webinaire video")


def test_the_programme_gives_attendance_place_and_links(output):
    soup = parse(output / "programme/index.html")
    webinar = soup.select_one("#webinaire")
    assert "En ligne" in webinar.select_one(".session__details").get_text()
    links = {a.get_text(" ", strip=True).split(" (")[0]: a["href"] for a in webinar.select(".session__links a")}
    assert links == {"Suivre en ligne": "https://video.example.org/live/accessibilite", "S’inscrire": "https://example.org/inscription/webinaire",
                     "Les supports": "https://example.org/supports/accessibilite.pdf", "La vidéo": "https://video.example.org/w/accessibilite"}
    assert all(a["rel"] == ["noopener", "noreferrer"] for a in webinar.select(".session__links a"))
    assert "Fort Ganteaume" in soup.select_one("#soiree .session__details").get_text()
    details = soup.select_one("#atelier-donnees .session__details").get_text(" ", strip=True)
    assert "Niveau débutant" in details and "30 places" in details and "données, publication" in details


def test_the_conference_passes_the_pre_publish_checks(output):
    from eventsite.checks import check_site

    report = check_site(output, site_url="https://example.org/rnum", validate_html=False)
    assert list(report.problems) == []
