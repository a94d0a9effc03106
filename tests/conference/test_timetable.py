"""The timetable's grid, computed in Python: rooms in one order over the event, rows of the day's time step."""

from __future__ import annotations

import datetime as dt

from event.linking import build_programme
from event.model import Session

DAY = dt.date(2027, 6, 10)


def session(slug: str, start: str, end: str, room: str, day: dt.date = DAY) -> Session:
    return Session(slug=slug, source_path=f"sessions/{slug}.md", title=slug, day=day, start=dt.time.fromisoformat(start),
                   end=dt.time.fromisoformat(end), room=room)


def test_a_long_session_spans_every_row_it_covers_and_rooms_keep_their_column():
    hackathon = session("hackathon", "11:00", "16:00", "Salle B")
    talk = session("talk", "11:00", "12:30", "Amphi")
    lunch = session("lunch", "12:30", "13:30", "Amphi")
    opening = session("opening", "09:00", "10:00", "Amphi")
    next_day = [session("b2", "09:00", "10:00", "Salle B", DAY + dt.timedelta(days=1)),
                session("a2", "09:00", "10:00", "Amphi", DAY + dt.timedelta(days=1))]
    first, second = build_programme([hackathon, talk, lunch, opening, *next_day])
    grid = first.grid
    assert (first.rooms, grid.step, grid.rows) == (("Amphi", "Salle B"), 30, 14)  # 9:00–16:00 in half hours
    assert grid.place(opening).style == "--row: 2 / 4; --column: 2"
    assert grid.place(hackathon).style == "--row: 6 / 16; --column: 3"  # 11:00–16:00: beside the talk and the lunch
    assert grid.place(lunch).style == "--row: 9 / 11; --column: 2"
    assert second.rooms == ("Amphi", "Salle B") and [s.slug for s in second.slots[0].sessions] == ["a2", "b2"]


def test_a_day_without_parallel_sessions_is_a_plain_list_and_past_midnight_adds_rows():
    [day] = build_programme([session("a", "19:00", "00:30", "Amphi"), session("b", "18:00", "19:00", "Salle B")])
    assert day.grid is None  # two rooms, one after the other: columns would only make a staircase
    [day] = build_programme([session("a", "19:00", "00:30", "Amphi"), session("b", "18:00", "19:30", "Salle B")])
    assert day.grid.place(day.slots[1].sessions[0]).style == "--row: 4 / 15; --column: 3"  # 19:00 → 00:30 the next day, Amphi second
