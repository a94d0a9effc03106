"""Pelican wiring of the schedule plugin: a frab-compatible schedule.xml and schedule.json per edition."""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.generators import Generator

from event.editions import editions_of
from eventsite.safepaths import write_inside

from .frab import schedule_data, schedule_json, schedule_xml
from eventsite.settingskit import check_at_startup

from .settings import read_schedule_settings


class ScheduleGenerator(Generator):
    """Writes each edition's schedule.xml and schedule.json: the default language at the root, the others under their prefix."""

    def generate_context(self) -> None:
        """Nothing to read: the event plugin has read and linked the sessions."""

    def generate_output(self, writer: Any) -> None:
        """Write the two schedule files of every edition."""
        schedule = read_schedule_settings(self.settings)
        siteurl = str(self.settings.get("SITEURL") or "")
        for edition in editions_of(self.context):
            data = schedule_data(edition.event, edition.settings, edition.lang, siteurl, schedule, edition.gettext)
            write_inside(self.output_path, edition.url(schedule.json_file), schedule_json(data))
            write_inside(self.output_path, edition.url(schedule.xml_file), schedule_xml(data))


def add_generator(pelican: Any) -> type[ScheduleGenerator]:
    """Give Pelican the schedule generator."""
    return ScheduleGenerator


def register() -> None:
    """Connect the schedule plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)
    signals.get_generators.connect(add_generator)
