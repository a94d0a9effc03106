"""Pelican entry point of the event plugin: connects module-level signal handlers."""

from __future__ import annotations

import logging
from typing import Any

from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

from eventsite.settingskit import check_at_startup

from . import dates
from .favicon import FAVICON_FILE, FaviconGenerator
from .generator import EventGenerator
from .pelican_editions import EditionPagesGenerator
from .localize import colors_css, in_edition_locale
from .markdown_ahead import lend_read_ahead, take_back_read_ahead
from .labels import attendance_label, level_label, link_labels, status_label
from .navigation import footer_links, navigation
from .sharedparts import SharedParts
from .summaries import Summaries
from .programme_views import filter_values
from .channel import CONTENT_PROBLEM, collect
from .pelican_addresses import fix_addresses
from .pelican_content import report_unread_files
from .pelican_translation import inherit_original
from .source_reader import use_event_reader
from .writer import edition_writer

logger = logging.getLogger(__name__)


def add_generator(pelican: Any) -> tuple[type[Generator], ...]:
    """Give Pelican the event generator, the writer of the editions' untranslated news and pages, and the favicon's."""
    return EventGenerator, EditionPagesGenerator, FaviconGenerator


def add_template_helpers(generator: Any) -> None:
    """Give every generator's templates the date filters and menus of the page's edition.

    Each build makes its generators, and so their Jinja environments, anew: a template loaded
    once in a build is not checked again on disk at each include (one stat per include per page).
    """
    generator.env.auto_reload = False
    generator.env.filters.update(
        {name: in_edition_locale(getattr(dates, name)) for name in ("long_date", "short_date", "clock_time", "time_range", "date_span")}
    )
    generator.env.globals.update(
        {
            "navigation": navigation,
            "shared_part": SharedParts().part,  # one per environment, so per build
            "summary_of": Summaries().summary_of,
            "footer_links": footer_links,
            "colors_css": colors_css,
            "session_status": session_status,
            "session_links": session_links,
            "session_attendance": session_attendance,
            "session_level": session_level,
            "session_filters": filter_values,
            "favicon_path": FAVICON_FILE,
        }
    )


@pass_context
def session_status(context: Any, session: Any) -> str:
    """Jinja global: a changed session's state in the page's language (labels.STATUS_MESSAGES), else ""."""
    return status_label(session.status, context["edition"].gettext)


@pass_context
def session_links(context: Any, session: Any) -> list[tuple[str, str]]:
    """Jinja global: (key, label) of each link the session shows, labels in the page's language."""
    return link_labels(session, context["edition"].gettext)


@pass_context
def session_attendance(context: Any, session: Any) -> str:
    """Jinja global: how a session not only in person is attended, in the page's language, else ""."""
    return attendance_label(session, context["edition"].gettext)


@pass_context
def session_level(context: Any, session: Any) -> str:
    """Jinja global: a session's level in the page's language, else ""."""
    return level_label(session, context["edition"].gettext)


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
    signals.get_writer.connect(edition_writer)
    signals.generator_init.connect(add_template_helpers)
    signals.content_object_init.connect(parse_figures)
    signals.article_generator_context.connect(inherit_original)
    signals.page_generator_context.connect(inherit_original)
    CONTENT_PROBLEM.connect(collect)
    signals.article_generator_finalized.connect(report_unread_files)
    signals.page_generator_finalized.connect(report_unread_files)
    signals.all_generators_finalized.connect(fix_addresses)
    signals.article_generator_preread.connect(lend_read_ahead)
    signals.page_generator_preread.connect(lend_read_ahead)
    signals.article_generator_finalized.connect(take_back_read_ahead)
    signals.page_generator_finalized.connect(take_back_read_ahead)
