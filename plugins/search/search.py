"""Pelican wiring of the search plugin: the search page and a Pagefind index built when the build ends."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Any

from pelican import signals
from pelican.generators import Generator

from eventsite.settingskit import check_at_startup

from .settings import setting

logger = logging.getLogger(__name__)


class PagefindFailed(Exception):
    """Pagefind could not index the site."""


@dataclass(frozen=True)
class Link:
    """A page of the site in the plain list: its title and site-relative URL."""

    title: str
    url: str


@dataclass(frozen=True)
class Section:
    """A group of pages in the plain list."""

    title: str
    links: tuple[Link, ...]


def memento_links(context: Any) -> tuple[Link, ...]:
    """The memento page, when the memento plugin is on (it publishes MEMENTO_URL in the settings)."""
    url = context.get("MEMENTO_URL")
    return (Link(str(context.get("MEMENTO_TITLE") or "Mémento"), str(url)),) if url else ()


def site_sections(context: Any) -> list[Section]:
    """Every page of the site, grouped, for readers without JavaScript."""
    sections: list[Section] = []
    pages = [p for p in context.get("pages", []) if getattr(p, "status", "published") == "published"]
    home = [Link("Accueil", "")]
    others = sorted((Link(p.title, p.url) for p in pages if p.url not in ("", "index.html")), key=lambda l: l.title)
    sections.append(Section("Le site", tuple(home + others)))
    event = context.get("event")
    event_settings = context.get("event_settings")
    if event is not None and event_settings is not None:
        urls = event_settings.urls
        sections.append(
            Section(
                "Programme et intervenants",
                (Link("Programme", urls["programme"]), Link("Intervenants", urls["speakers"]))
                + tuple(Link(s.name, s.url) for s in event.speakers),
            )
        )
        sections.append(
            Section(
                "Propositions des ateliers",
                (Link("Propositions des ateliers", urls["outcomes"]),)
                + tuple(Link(t.title, t.url) for t in event.themes)
                + memento_links(context),
            )
        )
        sections.append(Section("Partenaires", (Link("Organisateurs et partenaires", urls["partners"]),)))
    articles = context.get("articles", [])
    news_url = str(context.get("INDEX_SAVE_AS", "")).removesuffix("index.html")
    news = ([Link("Toutes les actualités", news_url)] if news_url else []) + [Link(a.title, a.url) for a in articles]
    if news:
        sections.append(Section("Actualités", tuple(news)))
    galleries = context.get("galleries") or {}
    photos = [Link(g.title, g.url) for g in (galleries.values() if isinstance(galleries, dict) else galleries)]
    if photos:
        sections.append(Section("Photos", tuple(photos)))
    # Whatever else the menus lead to (a gallery index, a page another plugin writes) goes in too.
    listed = {link.url for section in sections for link in section.links}
    menus = [*getattr(event_settings, "nav", ()), *getattr(event_settings, "footer_links", ())]
    extra = [
        Link(label.split("{", 1)[0].rstrip(" :") or url, url)  # a label with a {placeholder} keeps its plain part
        for label, url in menus
        if url not in listed and url != str(setting(context, "SEARCH_URL"))
    ]
    if extra:
        sections[0] = Section(sections[0].title, sections[0].links + tuple(dict.fromkeys(extra)))
    return sections


class SearchGenerator(Generator):
    """Writes the search page."""

    def generate_context(self) -> None:
        """Nothing to read."""

    def generate_output(self, writer: Any) -> None:
        """Write the search page with its list of every page."""
        url = str(setting(self.settings, "SEARCH_URL"))
        writer.write_file(
            url + "index.html" if url.endswith("/") or not url else url,
            self.get_template(str(setting(self.settings, "SEARCH_TEMPLATE"))),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_url=url,
            site_sections=site_sections(self.context),
            search_bundle=str(setting(self.settings, "SEARCH_BUNDLE_DIR")).strip("/"),
        )


def add_generator(pelican: Any) -> type[SearchGenerator]:
    """Give Pelican the search page's generator."""
    return SearchGenerator


def pagefind_command(site: str, settings: Any) -> list[str]:
    """The Pagefind command line that indexes SITE (the binary shipped by the pagefind[bin] package)."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        site,
        "--output-subdir",
        str(setting(settings, "SEARCH_BUNDLE_DIR")).strip("/"),
        "--quiet",
    ]
    language = setting(settings, "SEARCH_LANGUAGE")
    return command + ["--force-language", str(language)] if language else command


LAST_RUN: dict[str, float] = {}


def run_pagefind(site: str, settings: Any) -> float:
    """Index SITE with Pagefind; return the seconds it took, raise PagefindFailed if it failed."""
    started = time.perf_counter()
    try:
        result = subprocess.run(
            pagefind_command(site, settings),
            capture_output=True,
            text=True,
            timeout=float(setting(settings, "SEARCH_TIMEOUT")),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PagefindFailed(f"Pagefind n'a pas pu indexer le site : {error}") from error
    if result.returncode != 0:
        raise PagefindFailed(f"Pagefind a échoué ({result.returncode}) : {(result.stderr or result.stdout).strip()}")
    normalise_entry(site, settings)
    seconds = time.perf_counter() - started
    LAST_RUN["seconds"] = seconds
    return seconds


def normalise_entry(site: str, settings: Any) -> None:
    """Sort pagefind-entry.json's keys: Pagefind writes its languages in any order, and builds must be reproducible."""
    path = os.path.join(site, str(setting(settings, "SEARCH_BUNDLE_DIR")).strip("/"), "pagefind-entry.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as handle:
        entry = json.load(handle)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(entry, handle, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def index_site(pelican: Any) -> None:
    """finalized handler: index the site just written (still the build's staging folder when built by eventsite)."""
    if not setting(pelican.settings, "SEARCH_PAGEFIND"):
        return
    seconds = run_pagefind(pelican.output_path, pelican.settings)
    logger.info("Recherche : index Pagefind construit en %.2f s", seconds)


def register() -> None:
    """Connect the search plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.get_generators.connect(add_generator)
    signals.finalized.connect(index_site)
