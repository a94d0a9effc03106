"""Pelican entry point of the event plugin: connects module-level signal handlers."""

from __future__ import annotations

import functools
import logging
from typing import Any

from pelican import signals

from . import dates
from .generator import EventGenerator
from .navigation import footer_links, navigation
from .problems import ContentErrors
from .settings import check_settings, read_event_settings

logger = logging.getLogger(__name__)


class SettingsError(Exception):
    """Raised at start-up when EVENT_* settings cannot be used."""


def check_event_settings(pelican: Any) -> None:
    """Check the EVENT_* settings once, when Pelican starts."""
    problems = check_settings(pelican.settings)
    if problems:
        raise SettingsError("Réglages incorrects :\n" + "\n".join(f"  - {p}" for p in problems))


def add_generator(pelican: Any) -> type[EventGenerator]:
    """Give Pelican the event generator."""
    return EventGenerator


def add_template_helpers(generator: Any) -> None:
    """Give every generator's templates the date filters and the menus."""
    locale = read_event_settings(generator.settings).locale
    generator.env.filters.update(
        {
            "long_date": functools.partial(dates.long_date, locale=locale),
            "short_date": functools.partial(dates.short_date, locale=locale),
            "clock_time": functools.partial(dates.clock_time, locale=locale),
            "time_range": functools.partial(dates.time_range, locale=locale),
        }
    )
    generator.env.globals.update({"navigation": navigation, "footer_links": footer_links})


def parse_figures(content: Any) -> None:
    """Turn a page's « Figures: 100+ managers; 9 ateliers » into (value, label) pairs."""
    raw = getattr(content, "figures", None)
    if not isinstance(raw, str):
        return
    pairs = []
    for item in filter(None, (part.strip() for part in raw.split(";"))):
        value, _, label = item.partition(" ")
        pairs.append((value, label.strip()))
    content.headline_figures = pairs


def fail_if_strict(generators: list[Any]) -> None:
    """In a strict build, stop before anything is written if the content has problems."""
    for generator in generators:
        if isinstance(generator, EventGenerator) and generator.event_settings.strict and generator.problems:
            raise ContentErrors(generator.problems)


def register() -> None:
    """Connect the event plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_event_settings)
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_template_helpers)
    signals.content_object_init.connect(parse_figures)
    signals.all_generators_finalized.connect(fail_if_strict)
