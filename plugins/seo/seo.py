"""Pelican wiring of the seo plugin: social tags, JSON-LD and sitemap.xml."""

from __future__ import annotations

import logging
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from eventsite.settingskit import check_at_startup

from .jsonld import event_jsonld, news_jsonld, person_jsonld, to_script_json
from .settings import setting

logger = logging.getLogger(__name__)

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


# --- addresses -------------------------------------------------------------------------------

def is_absolute(url: str) -> bool:
    """Tell whether URL starts with http:// or https://."""
    return bool(re.match(r"^https?://", url or ""))


def page_path(output_file: str) -> str:
    """The site-relative URL a file is served at: « programme/index.html » → « programme/ »."""
    return re.sub(r"(^|/)index\.html$", r"\1", output_file)


def linker(context: Any):
    """A function turning a site-relative path into this page's best URL: absolute when SITEURL is."""
    configured = str(context.get("SEO_CONFIGURED_SITEURL") or context.get("SITEURL") or "")
    if is_absolute(configured):
        base = configured.rstrip("/")
    else:
        base = str(context.get("SITEURL") or "")

    def link(path: str) -> str:
        if is_absolute(path):
            return path
        return f"{base}/{path.lstrip('/')}"

    return link


def remember_siteurl(pelican: Any) -> None:
    """Keep the configured SITEURL: with RELATIVE_URLS, each page's context only has a relative one."""
    pelican.settings["SEO_CONFIGURED_SITEURL"] = pelican.settings.get("SITEURL", "")


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
    site_name: str
    twitter_site: str


def own_image(context: Any) -> str | None:
    """An image the page names itself (« Image: » in an article's or page's metadata)."""
    for key in ("article", "page"):
        item = context.get(key)
        if item is not None and getattr(item, "save_as", None) == context.get("output_file"):
            image = getattr(item, "image", None) or getattr(item, "og_image", None)
            if image:
                return str(image).lstrip("/")
    return None


def card_path(context: Any, title: str) -> str | None:
    """The page's own image, else the card drawn by the cards plugin, else None."""
    image = own_image(context)
    if image:
        return image
    social_card = context.get("social_card")
    return context.call(social_card, title) if callable(social_card) else None


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
    event_settings = context.get("event_settings")
    image = card_path(context, title)
    generated = image is not None and own_image(context) is None
    locale = setting(context, "SEO_LOCALE") or getattr(event_settings, "locale", None) or "fr_FR"
    site_name = getattr(event_settings, "name", "") or str(context.get("SITENAME") or "")
    return SocialMeta(
        title=str(title).strip(),
        description=" ".join(str(description).split()),
        url=link(page_path(str(context.get("output_file", "")))),
        type=page_type(context),
        image=link(image) if image else None,
        image_size=tuple(context.get("CARDS_SIZE") or (1200, 630)) if generated else None,
        image_alt=f"{title} · {site_name}" if title else site_name,
        locale=locale,
        site_name=site_name,
        twitter_site=str(setting(context, "SEO_TWITTER_SITE") or ""),
    )


# --- JSON-LD ---------------------------------------------------------------------------------

def event_pages(context: Any) -> tuple[str, ...]:
    """Output files that carry the whole event's JSON-LD."""
    pages = setting(context, "SEO_EVENT_PAGES")
    if pages is not None:
        return tuple(pages)
    event_settings = context.get("event_settings")
    programme = event_settings.urls["programme"] if event_settings else "programme/"
    return ("index.html", page_path(programme) + "index.html" if programme.endswith("/") else programme)


@pass_context
def structured_data(context: Any, title: str, description: str) -> list[Markup]:
    """Jinja global: the JSON-LD objects of the page being written, each ready for a <script> element."""
    output_file = str(context.get("output_file", ""))
    event = context.get("event")
    event_settings = context.get("event_settings")
    link = linker(context)
    image = card_path(context, title)
    image = link(image) if image else None
    description = " ".join(str(description).split())
    country = str(setting(context, "SEO_COUNTRY"))
    objects: list[dict[str, Any]] = []
    if event is not None and event_settings is not None and output_file in event_pages(context):
        objects.append(event_jsonld(event, event_settings, link, image, description, country))
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


# --- sitemap.xml -----------------------------------------------------------------------------

def site_pages(output_path: str, exclude: tuple[str, ...]) -> list[str]:
    """Every HTML file of the built site, as sorted paths relative to OUTPUT_PATH."""
    found = []
    for folder, dirs, files in os.walk(output_path):
        dirs.sort()
        for name in files:
            if not name.endswith(".html"):
                continue
            relpath = os.path.relpath(os.path.join(folder, name), output_path).replace(os.sep, "/")
            if not any(relpath.startswith(prefix) or relpath == prefix for prefix in exclude):
                found.append(relpath)
    return sorted(found, key=lambda p: (p != "index.html", p))


def build_sitemap(paths: list[str], siteurl: str) -> ET.ElementTree:
    """A sitemap listing PATHS under SITEURL."""
    ET.register_namespace("", SITEMAP_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    base = siteurl.rstrip("/")
    for path in paths:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = f"{base}/{page_path(path)}"
    ET.indent(urlset)
    return ET.ElementTree(urlset)


def write_sitemap(pelican: Any) -> None:
    """finalized handler: write sitemap.xml from every page actually written, whatever wrote it."""
    target = setting(pelican.settings, "SEO_SITEMAP")
    if not target:
        return
    siteurl = str(pelican.settings.get("SITEURL") or "")
    if not is_absolute(siteurl):
        logger.debug("sitemap: SITEURL n'est pas absolu, les adresses du plan du site sont relatives à la racine")
    paths = site_pages(pelican.output_path, tuple(setting(pelican.settings, "SEO_SITEMAP_EXCLUDE")))
    tree = build_sitemap(paths, siteurl)
    destination = os.path.join(pelican.output_path, str(target))
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    tree.write(destination, encoding="utf-8", xml_declaration=True)


def register() -> None:
    """Connect the seo plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.initialized.connect(remember_siteurl)
    signals.generator_init.connect(add_template_helpers)
    signals.finalized.connect(write_sitemap)
