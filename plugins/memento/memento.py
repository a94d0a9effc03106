"""Pelican wiring of the memento plugin: one page per edition holding every theme, workshop and proposal.

Context keys: needs ``editions`` (event plugin); provides ``memento_pages``, a mapping language →
:class:`MementoPage` (its title and site-relative URL in that edition), put in ``generate_context``
when the event has themes, so that other plugins (search's list of pages) can link the memento.
Template global: ``memento_url()``, the memento of the page's edition (a lookup, no side effect).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

from event.editions import editions_of, gettext_of, page_edition
from eventsite.settingskit import check_at_startup

from .settings import setting

MEMENTO_KEY = "memento_pages"


@dataclass(frozen=True)
class MementoPage:
    """The memento of one edition: its title and site-relative URL."""

    title: str
    url: str


def save_as(url: str) -> str:
    """The file a site-relative URL is served from."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def memento_pages(editions: Any, settings: Mapping[str, Any]) -> dict[str, MementoPage]:
    """Language → the memento of each edition whose event has themes."""
    url, title = str(setting(settings, "MEMENTO_URL")), str(setting(settings, "MEMENTO_TITLE"))
    return {e.lang: MementoPage(gettext_of(e)(title), e.url(url)) for e in editions if e.event.themes}


def mementos_of(context: Mapping[str, Any]) -> Mapping[str, MementoPage]:
    """The build's mementos by language (empty when the memento plugin is off or nothing has themes)."""
    return context.get(MEMENTO_KEY) or {}


class MementoGenerator(Generator):
    """Writes each edition's memento once the event plugin has read and linked the outcomes."""

    def generate_context(self) -> None:
        """Say where each edition's memento will be (context["memento_pages"])."""
        self.context[MEMENTO_KEY] = memento_pages(editions_of(self.context), self.settings)

    def generate_output(self, writer: Any) -> None:
        """Write the memento of every edition whose event has themes."""
        pages = mementos_of(self.context)
        alternates = {lang: page.url for lang, page in pages.items()}
        template = self.get_template(str(setting(self.settings, "MEMENTO_TEMPLATE")))
        for edition in editions_of(self.context):
            page = pages.get(edition.lang)
            if page is None:
                continue
            writer.write_file(
                save_as(page.url),
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                page_url=page.url,
                edition=edition,
                lang=edition.lang,
                event=edition.event,
                event_settings=edition.settings,
                alternates=alternates,
                memento_title=page.title,
            )


def add_generator(pelican: Any) -> type[MementoGenerator]:
    """Give Pelican the memento's generator."""
    return MementoGenerator


@pass_context
def memento_url(context: Any) -> str:
    """Jinja global: the site-relative URL of the memento in the page's edition."""
    edition = page_edition(context)
    page = mementos_of(context).get(edition.lang) if edition is not None else None
    return page.url if page is not None else str(setting(context, "MEMENTO_URL"))


def add_template_helpers(generator: Any) -> None:
    """Offer memento_url() to every generator's templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["memento_url"] = memento_url


def register() -> None:
    """Connect the memento plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_template_helpers)
