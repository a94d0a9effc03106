"""Pelican entry point of the event plugin: connects module-level signal handlers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from pelican import signals

from eventsite.settingskit import check_at_startup

from . import dates
from .generator import EventGenerator
from .localize import colors_css, localized_event
from .navigation import footer_links, navigation
from .channel import CONTENT_PROBLEM, collect
from .pelican_content import report_unread_files
from .source_reader import use_event_reader

logger = logging.getLogger(__name__)


def add_generator(pelican: Any) -> type[EventGenerator]:
    """Give Pelican the event generator."""
    return EventGenerator


def in_page_locale(function: Callable[..., str]) -> Callable[..., str]:
    """A Jinja filter calling FUNCTION with the locale of the page's event settings."""

    @pass_context
    def localized(context: Any, *args: Any) -> str:
        return function(*args, locale=context["event_settings"].locale)

    localized.__doc__ = function.__doc__
    return localized


def add_template_helpers(generator: Any) -> None:
    """Give every generator's templates the date filters, the menus and the page's language."""
    generator.env.filters.update(
        {name: in_page_locale(getattr(dates, name)) for name in ("long_date", "short_date", "clock_time", "time_range", "date_span")}
    )
    generator.env.globals.update(
        {
            "navigation": navigation,
            "footer_links": footer_links,
            "localized_event": localized_event,
            "colors_css": colors_css,
        }
    )


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


def register() -> None:
    """Connect the event plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.readers_init.connect(use_event_reader)
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_template_helpers)
    signals.content_object_init.connect(parse_figures)
    CONTENT_PROBLEM.connect(collect)
    signals.article_generator_finalized.connect(report_unread_files)
    signals.page_generator_finalized.connect(report_unread_files)
