"""schedule.xml and schedule.json per edition, valid against the c3voc schemas (tests/schedule/schemas/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from eventsite.build import BuildFailed, build_site
from tests.conference.site import CONFERENCE, build_conference
from tests.schedule.schemas import json_errors, xml_errors

EDITIONS = ("", "en/")  # the default edition at the root, English under its prefix


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_conference(tmp_path_factory.mktemp("schedule"), SITEURL="https://example.org/rnum")


@pytest.mark.parametrize("prefix", EDITIONS)
def test_each_edition_validates_against_the_c3voc_schemas(output, prefix):
    assert xml_errors(output / prefix / "programme/schedule.xml") == []
    data = json.loads((output / prefix / "programme/schedule.json").read_text(encoding="utf-8"))
    assert json_errors(data) == []


def test_the_schemas_refuse_a_broken_schedule(output, tmp_path):
    """Each check can fail: a session without its guid, or with a duration in minutes, is refused."""
    tree = etree.parse(str(output / "programme/schedule.xml"))
    event = tree.find(".//event")
    del event.attrib["guid"]
    tree.find(".//event/duration").text = "90"
    broken = tmp_path / "schedule.xml"
    tree.write(str(broken))
    assert len(xml_errors(broken)) == 2
    data = json.loads((output / "programme/schedule.json").read_text(encoding="utf-8"))
    first_room = next(iter(data["schedule"]["conference"]["days"][0]["rooms"].values()))
    first_room[0]["guid"] = "not-a-uuid"
    first_room[0]["duration"] = "90"
    data["schedule"]["conference"]["acronym"] = "Rencontres 2027"
    assert len(json_errors(data)) == 3


def test_days_rooms_and_sessions_are_the_programme(output):
    data = json.loads((output / "programme/schedule.json").read_text(encoding="utf-8"))
    conference = data["schedule"]["conference"]
    assert (conference["acronym"], conference["start"], conference["end"], conference["daysCount"]) == ("rnum2027", "2027-06-10", "2027-06-11", 2)
    assert [r["name"] for r in conference["rooms"]] == ["Salle Frioul", "En ligne", "Terrasse du fort"]  # the room files' Order
    first, second = conference["days"]
    assert list(first["rooms"]) == ["Salle Frioul", "En ligne", "Terrasse du fort"]
    opening = first["rooms"]["Salle Frioul"][0]
    assert (opening["title"], opening["date"], opening["start"], opening["duration"]) == (
        "Ouverture des rencontres", "2027-06-10T09:00:00+02:00", "09:00", "01:00")
    assert opening["url"] == "https://example.org/rnum/programme/#ouverture"
    assert [p["name"] for p in opening["persons"]] == ["Anne-Sophie d'Arcy"]
    assert [e["slug"] for e in second["rooms"]["En ligne"]] == ["rnum2027-recherche"]
    ids = [e["id"] for day in conference["days"] for events in day["rooms"].values() for e in events]
    assert len(ids) == len(set(ids)) == 6


def test_english_edition_is_translated_and_shares_the_sessions_identities(output):
    french = etree.parse(str(output / "programme/schedule.xml"))
    english = etree.parse(str(output / "en/programme/schedule.xml"))
    assert english.findtext("conference/title") == "Digital Encounters 2027"
    assert english.findtext(".//event[slug='rnum2027-ouverture']/title") == "Opening of the encounters"
    assert english.findtext(".//event[slug='rnum2027-ouverture']/url") == "https://example.org/rnum/en/programme/#ouverture"
    assert english.findtext(".//event/language") == "en"

    def identities(tree):
        return sorted((e.get("id"), e.get("guid"), e.findtext("slug")) for e in tree.iter("event"))

    assert identities(french) == identities(english)


def test_same_content_same_files(output, tmp_path):
    again = build_conference(tmp_path, SITEURL="https://example.org/rnum")
    for name in ("programme/schedule.xml", "programme/schedule.json", "en/programme/schedule.json"):
        assert (again / name).read_bytes() == (output / name).read_bytes(), name


def test_an_unusable_acronym_is_refused_in_french(tmp_path):
    with pytest.raises(BuildFailed) as failure:
        build_site(CONFERENCE / "settings.py", tmp_path / "output", strict=True,
                   overrides={"CACHE_PATH": str(tmp_path / "cache"), "SCHEDULE_ACRONYM": "Rencontres 2027"})
    assert "SCHEDULE_ACRONYM" in str(failure.value) and "au moins 4 lettres" in str(failure.value)
    assert not (tmp_path / "output").exists()


def test_state_track_and_links_reach_the_apps(output):
    french = etree.parse(str(output / "programme/schedule.xml"))
    english = etree.parse(str(output / "en/programme/schedule.xml"))
    workshop = ".//event[slug='rnum2027-atelier-donnees']"
    assert french.findtext(f"{workshop}/subtitle") == "Annulée" and english.findtext(f"{workshop}/subtitle") == "Cancelled"
    assert english.findtext(f"{workshop}/abstract").startswith("The speaker cannot come")
    assert english.findtext(f"{workshop}/track") == "Open data"
    webinar = french.find(".//event[slug='rnum2027-webinaire']")
    # The same words as the programme page (plugins/event/labels.py), in each edition's language.
    assert [(link.get("href"), link.text) for link in webinar.iter("link")] == [
        ("https://video.example.org/live/accessibilite", "Suivre en ligne"),
        ("https://example.org/inscription/webinaire", "S'inscrire"),  # data files stay untypeset
        ("https://example.org/supports/accessibilite.pdf", "Les supports"),
        ("https://video.example.org/w/accessibilite", "La vidéo"),
    ]
    english_webinar = english.find(".//event[slug='rnum2027-webinaire']")
    assert [link.text for link in english_webinar.iter("link")] == ["Watch online", "Register", "Slides", "Video"]
    assert french.findtext(".//event[slug='rnum2027-ouverture']/subtitle") == ""
