"""CPU of writing 1,001 calendars (1,000 sessions): icalendar objects + to_ical, as before, against the direct text writer.

Usage: python bench/site/calendars.py   (the reference is the one tests/outside/test_agenda_writer.py compares bytes with)
"""

import sys, time, datetime as dt
ROOT = __import__('pathlib').Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'plugins')); sys.path.insert(0, str(ROOT))
from tests.outside.test_agenda_writer import session, icalendar_text, SETTINGS_MAP
from agenda.agenda import build_calendar
from agenda import ical
from event.settings import read_event_settings
es = read_event_settings(SETTINGS_MAP)
sessions = [session(f"s{i}", f"Séquence {i}", "<p>" + "Texte, avec; virgules " * 10 + "</p>") for i in range(1000)]
t = time.process_time(); icalendar_text(sessions, "Séminaire", es); [icalendar_text([s], "S", es) for s in sessions]; old = time.process_time() - t
t = time.process_time(); mk = ical.timezone_maker(); build_calendar(sessions, "Séminaire", SETTINGS_MAP, es, mk); [build_calendar([s], "S", SETTINGS_MAP, es, mk) for s in sessions]; new = time.process_time() - t
print(f"1,001 calendars of 1,000 sessions: icalendar objects + to_ical {old:.2f} s CPU, direct text {new:.2f} s CPU, {old/new:.1f}x")
