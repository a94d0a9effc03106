"""Pelican wiring of the changes plugin: each edition's « Changements » page and Atom feed.

Context keys: needs ``editions`` (event plugin); provides ``changes_pages``, a mapping language →
:class:`ChangesPage` (title, page URL, feed URL and how many changes), put in ``generate_context``
so that the cards plugin gives the page its card. Template global: ``changes_page()``, the
ChangesPage of the page's edition (a lookup, no side effect): the programme links the page when
there is a change, and advertises the feed with ``<link rel="alternate">``.

Every date comes from the content (a session's Modified field), never from the clock: two builds
of the same content write the same bytes, and an entry's id changes only when its Modified does.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import uuid
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

from event.dates import long_date, time_range
from event.editions import Edition, editions_of, gettext_of, page_edition
from event.labels import N_
from event.navigation import save_as_for
from eventsite.safepaths import write_inside
from eventsite.settingskit import check_at_startup

from .atom import Feed, FeedEntry, atom_document
from .entries import Change, changes_of
from .settings import setting

CHANGES_KEY = "changes_pages"
TITLE_MESSAGE = N_("Changements du programme")
# An entry's title: « Annulée : Atelier données ouvertes » (« Cancelled: … » in English).
ENTRY_TITLE = N_("%(state)s : %(title)s")


@dataclass(frozen=True)
class ChangesPage:
    """One edition's changes page: its title, site-relative URL, feed URL and number of changes."""

    title: str
    url: str
    feed: str
    count: int


def edition_changes(edition: Edition) -> tuple[Change, ...]:
    """The changes of EDITION's programme, labels in its language, newest first."""
    return changes_of(edition.event.sessions, gettext_of(edition))


def changes_pages(editions: Any, settings: Mapping[str, Any]) -> dict[str, ChangesPage]:
    """Language → the changes page of each edition (every edition has one, empty or not, so that a feed can be followed early)."""
    url, feed = str(setting(settings, "CHANGES_URL")), str(setting(settings, "CHANGES_FEED"))
    return {e.lang: ChangesPage(gettext_of(e)(TITLE_MESSAGE), e.url(url), e.url(feed), len(edition_changes(e))) for e in editions}


def pages_of(context: Mapping[str, Any]) -> Mapping[str, ChangesPage]:
    """The build's changes pages by language (empty when the plugin is off)."""
    return context.get(CHANGES_KEY) or {}


# --- the feed --------------------------------------------------------------------------------

def site_base(settings: Mapping[str, Any]) -> str:
    """SITEURL when it is absolute (a published build), else "" (links are then relative to the feed)."""
    siteurl = str(settings.get("SITEURL") or "")
    return siteurl.rstrip("/") if re.match(r"^https?://", siteurl) else ""


def link_from(feed_path: str, target: str, base: str) -> str:
    """TARGET (site-relative, « en/programme/#x ») as the feed writes it: absolute under BASE, else relative to the feed's folder."""
    if base:
        return f"{base}/{target}"
    path, hash_, fragment = target.partition("#")
    relative = posixpath.relpath(path or ".", posixpath.dirname(feed_path) or ".")
    if path.endswith("/") or not path:
        relative = relative.rstrip("/") + "/"
    return relative + hash_ + fragment


def stable_id(*parts: str) -> str:
    """An Atom id that depends only on PARTS: « urn:uuid:… » (a name-based UUID)."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '|'.join(parts))}"


def local(moment: dt.datetime, timezone: str) -> dt.datetime:
    """A naive date and time of the content, in the event's time zone."""
    return moment.replace(tzinfo=zoneinfo.ZoneInfo(timezone))


def where_and_when(session: Any, locale: str) -> str:
    """« jeudi 10 juin 2027, 14 h – 15 h 30, Salle Frioul »: the session as the programme shows it now."""
    return ", ".join(filter(None, (long_date(session.day, locale), time_range(session.start, session.end, locale), session.room)))


def feed_of(edition: Edition, page: ChangesPage, changes: tuple[Change, ...], settings: Mapping[str, Any]) -> bytes:
    """EDITION's Atom feed: one entry per change, its id from the session and its Modified date, its date from the content."""
    event_settings, _ = edition.settings, gettext_of(edition)
    tz, locale = event_settings.timezone, event_settings.locale
    base = site_base(settings)
    identity = base or str(settings.get("EVENT_NAME") or settings.get("SITENAME") or "")
    start = event_settings.start or dt.date(2000, 1, 1)
    undated = local(dt.datetime.combine(start, dt.time(0, 0)), tz)  # no date in the content: the event's first day
    entries = [
        FeedEntry(
            id=stable_id(identity, edition.lang, change.session.slug, change.when.isoformat() if change.when else "undated"),
            title=_(ENTRY_TITLE) % {"state": change.label, "title": change.session.title},
            updated=local(change.when, tz) if change.when else undated,
            link=link_from(page.feed, change.session.url, base),
            summary=" — ".join(filter(None, (change.note, where_and_when(change.session, locale)))),
        )
        for change in changes
    ]
    feed = Feed(
        id=stable_id(identity, edition.lang, "changes"),
        title=f"{page.title} · {event_settings.name}",
        lang=edition.lang,
        updated=max((e.updated for e in entries), default=undated),
        author=event_settings.name,
        self_link=link_from(page.feed, page.feed, base),
        page_link=link_from(page.feed, page.url, base),
    )
    return atom_document(feed, entries)


# --- Pelican ---------------------------------------------------------------------------------

class ChangesGenerator(Generator):
    """Writes each edition's changes page and feed, once the event plugin has made the editions."""

    def generate_context(self) -> None:
        """Say where each edition's changes page and feed will be (context["changes_pages"])."""
        self.context[CHANGES_KEY] = changes_pages(editions_of(self.context), self.settings)

    def generate_output(self, writer: Any) -> None:
        """Write every edition's page and feed."""
        pages = pages_of(self.context)
        alternates = {lang: page.url for lang, page in pages.items()}
        template = self.get_template(str(setting(self.settings, "CHANGES_TEMPLATE")))
        for edition in editions_of(self.context):
            page = pages.get(edition.lang)
            if page is None:
                continue
            changes = edition_changes(edition)
            writer.write_file(
                save_as_for(page.url), template, self.context, relative_urls=self.settings["RELATIVE_URLS"],
                page_url=page.url, edition=edition, lang=edition.lang, alternates=alternates,
                changes=changes, changes_title=page.title,
            )
            write_inside(self.output_path, page.feed, feed_of(edition, page, changes, self.settings))


def add_generator(pelican: Any) -> type[ChangesGenerator]:
    """Give Pelican the changes generator."""
    return ChangesGenerator


@pass_context
def changes_page(context: Any) -> ChangesPage | None:
    """Jinja global: the changes page (and feed) of the page's edition, or None."""
    edition = page_edition(context)
    return pages_of(context).get(edition.lang) if edition is not None else None


def add_template_helpers(generator: Any) -> None:
    """Offer changes_page() to every generator's templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["changes_page"] = changes_page


def register() -> None:
    """Connect the changes plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_template_helpers)
