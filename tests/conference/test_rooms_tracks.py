"""Rooms and tracks as content files (content/rooms/, content/tracks/): references, column order, places, pages, contrast."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import icalendar
import pytest
from event.contrast import contrast_ratio

from eventsite.build import BuildFailed, build_site
from tests.conference.site import CONFERENCE, build_conference
from tests.conftest import parse


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_conference(tmp_path_factory.mktemp("rooms"))


def changed_conference(tmp_path: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """A copy of the conference's content under TMP_PATH with, in each file, one line pattern replaced (regex → text)."""
    content = tmp_path / "content"
    shutil.copytree(CONFERENCE / "content", content)
    for relpath, (pattern, replacement) in edits.items():
        path = content / relpath
        text, count = re.subn(pattern, replacement, path.read_text(encoding="utf-8"), flags=re.MULTILINE)
        assert count == 1, relpath
        path.write_text(text, encoding="utf-8")
    return content


def build_changed(tmp_path: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """Build the edited copy strictly; return the output folder."""
    content = changed_conference(tmp_path, edits)
    overrides = {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}
    return build_site(CONFERENCE / "settings.py", tmp_path / "output", strict=True, overrides=overrides).output


def problems_of(tmp_path: Path, edits: dict[str, tuple[str, str]]) -> list[str]:
    with pytest.raises(BuildFailed) as failure:
        build_changed(tmp_path, edits)
    return [str(p) for p in failure.value.problems]


def vevent(output: Path, slug: str) -> icalendar.Event:
    return icalendar.Calendar.from_ical((output / f"programme/{slug}.ics").read_bytes()).walk("VEVENT")[0]


def sub_events(page: Path) -> dict[str, dict]:
    data = [json.loads(s.string) for s in parse(page).select('script[type="application/ld+json"]')]
    event = next(d for d in data if d.get("@type") == "Event")
    return {e["url"].rsplit("#", 1)[-1]: e for e in event["subEvent"]}


def column_rooms(output: Path, day: int = 0) -> list[str]:
    grids = parse(output / "programme/index.html").select(".timetable")
    return [p.get_text(strip=True) for p in grids[day].select(".timetable__room")]


def test_an_unknown_room_is_reported_with_the_closest_identifier(tmp_path):
    problems = problems_of(tmp_path, {"sessions/ouverture.md": (r"^Room: Salle Frioul$", "Room: frioull")})
    [problem] = [p for p in problems if "frioull" in p]
    assert problem.startswith("sessions/ouverture.md:5 [champ Room] : « frioull » ne correspond à aucun fichier de salle")
    assert "vouliez-vous écrire « frioul » ?" in problem


def test_an_unknown_track_is_reported_with_the_closest_identifier(tmp_path):
    problems = problems_of(tmp_path, {"sessions/communs.md": (r"^Track: donnees-ouvertes$", "Track: donnees-ouverte")})
    [problem] = [p for p in problems if "donnees-ouverte »" in p]
    assert problem.startswith("sessions/communs.md:11 [champ Track] : « donnees-ouverte » ne correspond à aucun fichier de parcours")
    assert "vouliez-vous écrire « donnees-ouvertes » ?" in problem


def test_a_room_named_by_identifier_or_by_a_case_variant_of_its_name_is_one_room(output):
    # Sessions write « Salle Frioul », « en  ligne » (recherche), « en-ligne » (webinaire) and « fort » (soirée).
    data = json.loads((output / "programme/schedule.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in data["schedule"]["conference"]["rooms"]] == ["Salle Frioul", "En ligne", "Terrasse du fort"]
    english = json.loads((output / "en/programme/schedule.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in english["schedule"]["conference"]["rooms"]] == ["Frioul room", "Online", "Fort terrace"]


def test_a_room_named_by_its_identifier_is_the_room_of_its_name_for_overlaps(tmp_path):
    # « frioul » (identifier) is « Salle Frioul » (name): the session at 9h30 clashes with the opening there (9h–10h).
    problems = problems_of(tmp_path, {"sessions/webinaire.md": (r"^Room: en-ligne$", "Room: frioul")})
    assert any(p.startswith("sessions/webinaire.md") and "est déjà occupée" in p for p in problems), problems


def test_the_rooms_order_gives_the_timetable_columns(output, tmp_path):
    assert column_rooms(output) == ["Salle Frioul", "En ligne", "Terrasse du fort"]
    swapped = build_changed(tmp_path, {"rooms/frioul.md": (r"^Ordre : 2$", "Ordre : 9")})
    assert column_rooms(swapped) == ["En ligne", "Terrasse du fort", "Salle Frioul"]


def test_an_off_site_room_gives_its_address_to_the_calendar_and_json_ld(output):
    # soiree.md has no address of its own: it comes from rooms/fort.md.
    assert str(vevent(output, "soiree")["LOCATION"]) == "Terrasse du fort, Fort Ganteaume, boulevard Charles Livon, 13007 Marseille"
    place = sub_events(output / "programme/index.html")["soiree"]["location"]
    assert place["address"] == "Fort Ganteaume, boulevard Charles Livon, 13007 Marseille"


def test_a_session_in_the_online_room_has_its_link_and_no_street_address(tmp_path):
    # recherche.md without its own Attendance and Stream: the online room's file makes it online, with its link.
    content_edits = {"sessions/recherche.md": (r"^Attendance: online\nStream: .*\n", "")}
    out = build_changed(tmp_path, content_edits)
    location = str(vevent(out, "recherche")["LOCATION"])
    assert location == "https://video.example.org/live/salle"
    assert "boulevard" not in location and "Pharo" not in location
    event = sub_events(out / "programme/index.html")["recherche"]
    assert event["location"] == {"@type": "VirtualLocation", "url": "https://video.example.org/live/salle"}
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_each_track_has_a_page_in_both_languages_listing_its_sessions(output):
    french = parse(output / "parcours/donnees-ouvertes/index.html")
    english = parse(output / "en/parcours/donnees-ouvertes/index.html")
    assert "Données ouvertes" in french.h1.get_text() and "Open data" in english.h1.get_text()
    assert english.html["lang"] == "en" and french.html["lang"] == "fr"
    assert [a["href"].rsplit("#", 1)[-1] for a in french.select(".track-sessions a")] == ["atelier-donnees", "communs"]
    assert [a.get_text() for a in english.select(".track-sessions a")] == ["Open data workshop", "Les communs numériques"]  # communs has no translation


def test_the_programme_names_the_track_and_uses_its_colour_only_as_a_border(output):
    page = parse(output / "programme/index.html")
    label = page.select_one("#communs .track-label")
    assert label.get_text(" ", strip=True).replace("\xa0", " ") == "Parcours : Données ouvertes"
    assert label["style"] == "--track: #1d4f91"
    assert label.a["href"].endswith("parcours/donnees-ouvertes/")
    css = (Path(__file__).resolve().parents[2] / "theme/static/css/main.css").read_text(encoding="utf-8")
    assert re.search(r"\.track-label \{ border-left: [^;]+ solid var\(--track", css)


def test_a_low_contrast_track_colour_is_reported_with_a_darker_one(tmp_path):
    problems = problems_of(tmp_path, {"tracks/accessibilite.md": (r"^Couleur : #8a3b12$", "Couleur : #f5c400")})
    [problem] = [p for p in problems if "tracks/accessibilite.md" in p]
    assert problem.startswith("tracks/accessibilite.md:2 [champ Couleur] : la couleur #f5c400 ne contraste qu'à")
    assert "il faut au moins 4,5:1" in problem
    suggested = re.search(r"ex\. (#[0-9a-f]{6})", problem)[1]
    assert contrast_ratio(suggested, "#f3f4f8") >= 4.5 > contrast_ratio("#f5c400", "#f3f4f8")
