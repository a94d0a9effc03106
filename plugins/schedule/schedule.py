"""Pelican wiring of the schedule plugin: a frab-compatible schedule.xml and schedule.json per edition."""

from __future__ import annotations

import os
from typing import Any

from pelican import signals
from pelican.generators import Generator

from eventsite.safepaths import resolve_inside

from .frab import schedule_data, schedule_json, schedule_xml
from .settings import check_schedule_settings, read_schedule_settings

# The event plugin's documented context key (plugins/event/editions.py): a tuple of editions, default first.
EDITIONS_KEY = "editions"


class ScheduleSettingsError(Exception):
    """Raised at start-up when SCHEDULE_* settings cannot be used."""


def check_settings(pelican: Any) -> None:
    """Check the SCHEDULE_* settings once, when Pelican starts."""
    problems = check_schedule_settings(pelican.settings)
    if problems:
        raise ScheduleSettingsError("Réglages incorrects :\n" + "\n".join(f"  - {p}" for p in problems))


def write_bytes(output_path: str, relpath: str, data: bytes) -> None:
    """Write DATA at OUTPUT_PATH/RELPATH (kept inside the output), creating folders."""
    target = resolve_inside(output_path, relpath)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as handle:
        handle.write(data)


class ScheduleGenerator(Generator):
    """Writes each edition's schedule.xml and schedule.json: the default language at the root, the others under their prefix."""

    def generate_context(self) -> None:
        """Nothing to read: the event plugin has read and linked the sessions."""

    def generate_output(self, writer: Any) -> None:
        """Write the two schedule files of every edition."""
        schedule = read_schedule_settings(self.settings)
        siteurl = str(self.settings.get("SITEURL") or "")
        for edition in self.context.get(EDITIONS_KEY, ()):
            data = schedule_data(edition.event, edition.settings, edition.lang, siteurl, schedule)
            write_bytes(self.output_path, edition.url(schedule.json_file), schedule_json(data))
            write_bytes(self.output_path, edition.url(schedule.xml_file), schedule_xml(data))


def add_generator(pelican: Any) -> type[ScheduleGenerator]:
    """Give Pelican the schedule generator."""
    return ScheduleGenerator


def register() -> None:
    """Connect the schedule plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
