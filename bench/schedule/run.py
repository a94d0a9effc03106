"""How the frab schedule's cost grows with the programme: time per session at 1×, 10× and 100× sessions.

    python bench/schedule/run.py [--items 300] [--runs 3]

Synthetic programmes (4 rooms, 8 sessions per room and day, 2 speakers each) go through
schedule_data, schedule_json and schedule_xml; a linear writer keeps the time per session flat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "plugins")]

from event.linking import build_programme  # noqa: E402
from event.model import Event, Session, Speaker  # noqa: E402
from event.settings import read_event_settings  # noqa: E402
from schedule.frab import schedule_data, schedule_json, schedule_xml  # noqa: E402
from schedule.settings import read_schedule_settings  # noqa: E402

ROOMS = 4
PER_ROOM_AND_DAY = 8


def programme(count: int) -> tuple[Event, object]:
    """An event of COUNT sessions, linked as the event plugin links it."""
    speakers = [Speaker(slug=f"p{i}", source_path="", name=f"Personne {i}") for i in range(count)]
    sessions = []
    for i in range(count):
        day, rest = divmod(i, ROOMS * PER_ROOM_AND_DAY)
        room, slot = divmod(rest, PER_ROOM_AND_DAY)
        start = dt.time(9 + slot, 0)
        session = Session(slug=f"s{i}", source_path="", source=SimpleNamespace(content="<p>Texte.</p>"), title=f"Séquence {i}",
                          day=dt.date(2027, 1, 1) + dt.timedelta(days=day), start=start, end=dt.time(9 + slot, 45),
                          room=f"Salle {room}", kind="talk", url=f"programme/#s{i}")
        session.speakers = [speakers[i], speakers[(i + 1) % count]]
        sessions.append(session)
    event = Event(speakers=speakers, sessions=sessions, programme=build_programme(sessions))
    days = len(event.programme)
    settings = read_event_settings({"EVENT_NAME": "Banc d'essai", "EVENT_START": "2027-01-01",
                                    "EVENT_END": (dt.date(2027, 1, 1) + dt.timedelta(days=days - 1)).isoformat()})
    return event, settings


def seconds(count: int, runs: int) -> float:
    """The median time to write both files for COUNT sessions."""
    event, settings = programme(count)
    schedule = read_schedule_settings({"EVENT_NAME": "Banc d'essai"})
    times = []
    for _ in range(runs):
        began = time.process_time()
        data = schedule_data(event, settings, "fr", "https://example.org", schedule)
        schedule_json(data)
        schedule_xml(data)
        times.append(time.process_time() - began)
    return statistics.median(times)


def main() -> None:
    """Print the CPU time per session at ITEMS, 10 × ITEMS and 100 × ITEMS sessions."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    base = None
    for count in (args.items, args.items * 10, args.items * 100):
        spent = seconds(count, args.runs)
        per = spent / count * 1e6
        base = base or per
        print(f"{count:>7} sessions: {spent:8.3f} s CPU, {per:7.1f} µs per session ({per / base:.2f}× the first)")


if __name__ == "__main__":
    main()
