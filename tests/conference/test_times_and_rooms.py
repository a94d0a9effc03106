"""Sessions past midnight, a person booked twice at once, and rooms that differ only by case or spacing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from event.linking import build_programme
from event.model import Event, Session, Speaker
from event.rooms import room_key, unify_rooms
from event.settings import read_event_settings
from event.validation import validate_event

from tests.conference.site import build_conference
from tests.conftest import SETTINGS, site_overrides
from tests.site.test_validation import session as session_text, strict_problems

DAY = dt.date(2027, 6, 10)
SETTINGS_2027 = read_event_settings({"EVENT_START": "2027-06-10", "EVENT_END": "2027-06-11"})


def clock(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def write_session(content: Path, slug: str, start: str, end: str, room: str = "Salle Frioul", day: dt.date = DAY,
                  speakers: str = "", moderators: str = "") -> Session:
    """A session file under CONTENT (so that problems name its lines) and the Session read from it."""
    lines = [f"Title: {slug}", f"Day: {day}", f"Start: {start}", f"End: {end}", f"Room: {room}", "Kind: talk"]
    lines += [f"Speakers: {speakers}"] if speakers else []
    lines += [f"Moderators: {moderators}"] if moderators else []
    path = content / "sessions" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n\nTexte.\n", encoding="utf-8")
    return Session(slug=slug, source_path=f"sessions/{slug}.md", title=slug, day=day, start=clock(start), end=clock(end), room=room,
                   speaker_slugs=tuple(filter(None, speakers.split(", "))), moderator_slugs=tuple(filter(None, moderators.split(", "))))


def problems_of(tmp_path: Path, *sessions: Session) -> list[str]:
    speakers = [Speaker(slug=slug, source_path=f"speakers/{slug}.md", name=slug.replace("-", " ").title())
                for slug in dict.fromkeys(s for session in sessions for s in (*session.speaker_slugs, *session.moderator_slugs))]
    return [str(p) for p in validate_event(Event(speakers=speakers, sessions=list(sessions)), SETTINGS_2027, tmp_path)]


def test_an_end_before_the_start_is_the_next_day(tmp_path):
    evening = write_session(tmp_path, "soiree", "19:00", "00:30")
    assert evening.overnight and evening.end_day == DAY + dt.timedelta(days=1)
    assert evening.ends_at - evening.starts_at == dt.timedelta(hours=5, minutes=30)
    assert problems_of(tmp_path, evening) == []


@pytest.mark.parametrize(("start", "end", "reason"), [
    ("15:00", "14:00", "dure au plus 12 heures, celle-ci en durerait 23"),
    ("10:00", "10:00", "une séquence dure au moins une minute"),
])
def test_a_swapped_or_empty_session_is_refused_in_french(tmp_path, start, end, reason):
    [problem] = problems_of(tmp_path, write_session(tmp_path, "x", start, end))
    assert problem.startswith("sessions/x.md:4 [champ End] : ")
    assert reason in problem and "une Fin plus tôt que le Début veut dire le lendemain" in problem


def test_a_speaker_in_two_sessions_at_once_is_a_problem(tmp_path):
    first = write_session(tmp_path, "table-ronde", "09:30", "11:00", speakers="alice-martin")
    second = write_session(tmp_path, "atelier", "10:30", "11:30", room="Salle B", moderators="bob-durand, alice-martin")
    [problem] = problems_of(tmp_path, first, second)
    assert problem.startswith("sessions/atelier.md:7 [champ Moderators] : Alice Martin (alice-martin) est attendu·e à la fois")
    assert "« table-ronde » (sessions/table-ronde.md, le 2027-06-10 de 09:30 à 11:00)" in problem
    assert "→ retirez « alice-martin » de l'une des deux séquences" in problem


def test_back_to_back_sessions_and_other_days_are_no_double_booking(tmp_path):
    sessions = [
        write_session(tmp_path, "a", "09:00", "10:00", speakers="alice-martin"),
        write_session(tmp_path, "b", "10:00", "11:00", room="B", speakers="alice-martin"),
        write_session(tmp_path, "c", "09:00", "10:00", room="C", day=DAY + dt.timedelta(days=1), speakers="alice-martin"),
    ]
    assert problems_of(tmp_path, *sessions) == []


def test_a_double_booking_across_midnight_is_found(tmp_path):
    evening = write_session(tmp_path, "soiree", "23:00", "01:00", speakers="alice-martin")
    night = write_session(tmp_path, "nuit", "00:30", "01:30", room="B", day=DAY + dt.timedelta(days=1), speakers="alice-martin")
    [problem] = problems_of(tmp_path, evening, night)
    assert problem.startswith("sessions/nuit.md:7 [champ Speakers]") and "de 23:00 à 01:00 le 2027-06-11" in problem


def test_room_names_differing_by_case_or_spacing_are_one_room(tmp_path):
    first = write_session(tmp_path, "a", "09:00", "10:00", room="Salle Frioul")
    second = write_session(tmp_path, "b", "09:30", "10:30", room="salle  Frioul")
    third = write_session(tmp_path, "c", "11:00", "12:00", room="Salle Frioul")
    assert room_key("salle\u00a0 Frioul ") == room_key("SALLE FRIOUL")
    [problem] = problems_of(tmp_path, first, second, third)
    assert problem.startswith("sessions/b.md:3 [champ Start] : la salle « Salle Frioul » est déjà occupée de 09:00 à 10:00")
    unify_rooms([first, second, third])
    assert {s.room for s in (first, second, third)} == {"Salle Frioul"}
    assert build_programme([first, third])[0].rooms == ("Salle Frioul",)


def test_the_conference_builds_with_its_evening_past_midnight_and_one_online_room(tmp_path):
    out = build_conference(tmp_path, SITEURL="https://example.org/rnum")
    data = json.loads((out / "programme/schedule.json").read_text(encoding="utf-8"))
    conference = data["schedule"]["conference"]
    assert [r["name"] for r in conference["rooms"]] == ["Salle Frioul", "En ligne", "Terrasse du fort"]  # « en  ligne » is the same room; rooms in their files' Order
    evening = conference["days"][0]["rooms"]["Terrasse du fort"][-1]
    assert (evening["title"], evening["start"], evening["duration"]) == ("Soirée des rencontres", "19:00", "05:30")
    assert conference["days"][0]["day_end"] == "2027-06-11T00:30:00+02:00"


def test_a_double_booking_fails_a_strict_build_with_file_line_and_field(tmp_path, site):
    content = site({"sessions/x.md": session_text(start="10:00", end="10:30", room="Salle B", extra="Speakers: alice-martin\n")})
    problems = strict_problems(tmp_path, content)
    assert any(p.startswith("sessions/x.md:7 [champ Speakers] : Alice Martin (alice-martin) est attendu·e") for p in problems), problems


def test_the_evening_past_midnight_ends_the_next_day_in_calendars_and_json_ld(tmp_path):
    import icalendar

    out = build_conference(tmp_path)
    evening = icalendar.Calendar.from_ical((out / "programme/soiree.ics").read_bytes()).walk("VEVENT")[0]
    assert evening.decoded("DTSTART").isoformat() == "2027-06-10T19:00:00+02:00"
    assert evening.decoded("DTEND").isoformat() == "2027-06-11T00:30:00+02:00"
    page = (out / "programme/index.html").read_text(encoding="utf-8")
    assert '"endDate":"2027-06-11T00:30:00+02:00"' in page.replace(" ", "")


def test_a_cancelled_session_frees_its_room_and_people_and_a_change_must_be_dated(tmp_path, site):
    content = site({
        "sessions/x.md": session_text(start="09:30", end="10:30", room="Amphi", extra="Speakers: alice-martin\nStatut : annulée\nModifié : 2018-02-20\n"),
        "sessions/y.md": session_text(title="Y", start="14:00", end="15:00", extra="Status: moved\n"),
    })
    problems = strict_problems(tmp_path, content)
    assert not any(p.startswith("sessions/x.md") for p in problems), problems
    [undated] = [p for p in problems if p.startswith("sessions/y.md")]
    assert undated.startswith("sessions/y.md:7 [champ Status] : le statut « déplacée » n'est pas daté")
    assert "ajoutez une ligne « Modifié : AAAA-MM-JJ HH:MM »" in undated
