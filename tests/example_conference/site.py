"""The third example event of tests/example_conference/event: three days, four rooms (one online, the auditorium
hybrid), an off-site evening past midnight, bilingual; built strictly as it would be published."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent / "event"
SETTINGS = EXAMPLE / "settings.py"
CONTENT = EXAMPLE / "content"
# The address it is built for, as publishconf.py would set it (links stay relative: it is served locally too).
SITE_URL = "https://forum.example.net/2027"
DAYS = ("2027-10-13", "2027-10-14", "2027-10-15")
# Room names in their files' Order: the timetable's columns on the second and third days.
ROOMS = ("Auditorium", "Salle des Calanques", "Salle Joliette", "Salle virtuelle")
