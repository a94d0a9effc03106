"""Pelican wiring of the seo plugin: social tags, JSON-LD and sitemap.xml, in each edition's language.

Context keys: provides ``configured_siteurl`` (the SITEURL of the settings, put by the seo generator's
``generate_context``: with RELATIVE_URLS each page's own SITEURL is relative, and social tags and
JSON-LD want absolute URLs); needs ``editions`` (event plugin) and ``social_cards`` (cards plugin,
optional: output file → Card). Nothing is written into pelican.settings.
The sitemap lists, for every page written in several languages, each version (hreflang, read from
the page's own ``<link rel="alternate" hreflang>``) and an ``x-default``: the DEFAULT_LANG version.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from event.editions import Edition, editions_of, page_edition
from eventsite.settingskit import check_at_startup

from .addresses import is_absolute, page_path
from .jsonld import event_jsonld, news_jsonld, person_jsonld, to_script_json
from .settings import setting
from .sitemap import build_sitemap, write_sitemap

__all__ = ["build_sitemap", "page_path", "register"]

SITEURL_KEY = "configured_siteurl"


# --- addresses -------------------------------------------------------------------------------

def linker(context: Any):
    """A function turning a site-relative path into this page's best URL: absolute when SITEURL is."""
    configured = str(context.get(SITEURL_KEY) or context.get("SITEURL") or "")
    if is_absolute(configured):
        base = configured.rstrip("/")
    else:
        base = str(context.get("SITEURL") or "")

    def link(path: str) -> str:
        if is_absolute(path):
            return path
        return f"{base}/{path.lstrip('/')}"

    return link


class SeoGenerator(Generator):
    """Shares the configured SITEURL with the templates (context["configured_siteurl"]); writes nothing itself."""

    def generate_context(self) -> None:
        """Keep the configured SITEURL: with RELATIVE_URLS, each page's context only has a relative one."""
        self.context[SITEURL_KEY] = str(self.settings.get("SITEURL") or "")


def add_generator(pelican: Any) -> type[SeoGenerator]:
    """Give Pelican the seo generator."""
    return SeoGenerator


# --- Open Graph and Twitter ------------------------------------------------------------------

@dataclass(frozen=True)
class SocialMeta:
    """The social tags of one page."""

    title: str
    description: str
    url: str
    type: str
    image: str | None
    image_size: tuple[int, int] | None
    image_alt: str
    locale: str
    locale_alternates: tuple[str, ...]
    site_name: str
    twitter_site: str


def own_image(context: Any) -> str | None:
    """An image the page names itself (« Image: » in an article's or page's metadata)."""
    item = own_content(context)
    image = getattr(item, "image", None) or getattr(item, "og_image", None)
    return str(image).lstrip("/") if image else None


def drawn_card(context: Any) -> Any:
    """The card the cards plugin drew for the page being written (context["social_cards"]), or None."""
    return (context.get("social_cards") or {}).get(str(context.get("output_file", "")))


def card_path(context: Any, image: str | None = None) -> str | None:
    """The page's own image (IMAGE when the caller already looked it up), else the card drawn by the cards plugin, else None."""
    image = image or own_image(context)
    if image:
        return image
    card = drawn_card(context)
    return card.path if card is not None else None


def edition_settings(context: Any) -> Any:
    """The event settings of the page's edition (its name, locale, venue), else the context's."""
    edition = page_edition(context)
    return edition.settings if edition is not None else context.get("event_settings")


def own_content(context: Any) -> Any:
    """The page or article the output file is made of, if any."""
    for key in ("article", "page"):
        item = context.get(key)
        if item is not None and getattr(item, "save_as", None) == context.get("output_file"):
            return item
    return None


def other_languages(context: Any) -> set[str]:
    """The languages this very page also exists in: the ``alternates`` it was given, else its content's translations."""
    given = context.get("alternates")
    if isinstance(given, Mapping):
        return set(given)
    content = own_content(context)
    return {str(t.lang) for t in getattr(content, "translations", ()) or ()}


def locale_alternates(context: Any, edition: Edition | None) -> tuple[str, ...]:
    """og:locale:alternate: the locales of the page's versions in the other editions."""
    editions = editions_of(context)
    if edition is None or len(editions) < 2:  # one edition: no version of the page elsewhere
        return ()
    langs = other_languages(context) - {edition.lang}
    return tuple(e.settings.locale for e in editions if e.lang in langs and e.settings.locale)


def page_type(context: Any) -> str:
    """og:type: « article » for a news article's own page, else « website »."""
    article = context.get("article")
    if article is not None and getattr(article, "save_as", None) == context.get("output_file"):
        return "article"
    return "website"


@pass_context
def social_meta(context: Any, title: str, description: str) -> SocialMeta:
    """Jinja global: the Open Graph and Twitter values of the page being written."""
    link = linker(context)
    edition = page_edition(context)
    event_settings = edition_settings(context)
    own = own_image(context)
    image = card_path(context, own)
    card = drawn_card(context) if image is not None and own is None else None
    configured = setting(context, "SEO_LOCALE") if edition is None or edition.default else None
    locale = configured or getattr(event_settings, "locale", None) or "fr_FR"
    site_name = getattr(event_settings, "name", "") or str(context.get("SITENAME") or "")
    return SocialMeta(
        title=str(title).strip(),
        description=" ".join(str(description).split()),
        url=link(page_path(str(context.get("output_file", "")))),
        type=page_type(context),
        image=link(image) if image else None,
        image_size=tuple(card.size) if card is not None else None,
        image_alt=f"{title} · {site_name}" if title else site_name,
        locale=locale,
        locale_alternates=locale_alternates(context, edition),
        site_name=site_name,
        twitter_site=str(setting(context, "SEO_TWITTER_SITE") or ""),
    )


# --- JSON-LD ---------------------------------------------------------------------------------

def event_pages(context: Any, edition: Edition | None = None) -> tuple[str, ...]:
    """Output files of EDITION that carry the whole event's JSON-LD: its home page and its programme.

    SEO_EVENT_PAGES names them for the default edition; the other editions have them under their prefix.
    """
    prefix = edition.prefix if edition is not None else ""
    pages = setting(context, "SEO_EVENT_PAGES")
    if pages is not None:
        return tuple(prefix + str(page) for page in pages)
    event_settings = edition.settings if edition is not None else context.get("event_settings")
    programme = event_settings.urls["programme"] if event_settings else "programme/"
    return (prefix + "index.html", page_path(programme) + "index.html" if programme.endswith("/") else programme)


@pass_context
def structured_data(context: Any, title: str, description: str) -> list[Markup]:
    """Jinja global: the JSON-LD objects of the page being written, each ready for a <script> element."""
    output_file = str(context.get("output_file", ""))
    edition = page_edition(context)
    event = edition.event if edition is not None else context.get("event")
    event_settings = edition.settings if edition is not None else context.get("event_settings")
    link = linker(context)
    image = card_path(context)
    image = link(image) if image else None
    description = " ".join(str(description).split())
    country = str(setting(context, "SEO_COUNTRY"))
    objects: list[dict[str, Any]] = []
    if event is not None and event_settings is not None and output_file in event_pages(context, edition):
        home = edition.prefix if edition is not None else ""
        objects.append(event_jsonld(event, event_settings, link, image, description, country, home))
    speaker = context.get("speaker")
    if speaker is not None and getattr(speaker, "url", None) and output_file == page_path(speaker.url) + "index.html":
        objects.append(person_jsonld(speaker, link, image, description))
    article = context.get("article")
    if article is not None and getattr(article, "save_as", None) == output_file:
        publishers = list(event.organisers) if event is not None else []
        objects.append(news_jsonld(article, link, image, description, publishers, str(context.get("SITENAME") or "")))
    return [to_script_json(obj) for obj in objects]


def add_template_helpers(generator: Any) -> None:
    """Offer social_meta() and structured_data() to every generator's templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals.update({"social_meta": social_meta, "structured_data": structured_data})


def register() -> None:
    """Connect the seo plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_template_helpers)
    signals.finalized.connect(write_sitemap)
