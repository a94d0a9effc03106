"""Pelican wiring of the search plugin: one search page per edition and a Pagefind index built when the build ends.

Pagefind makes one index per language, from each page's ``<html lang>``, in one bundle
(SEARCH_BUNDLE_DIR); the UI on « en/recherche/ » (lang="en") loads the English index only.
Context keys needed: ``editions`` (event plugin); ``memento_pages`` (memento plugin, optional),
``changes_pages`` (changes plugin, optional).
Context key provided: ``search_pages``, a read-only mapping language → site-relative URL of that
edition's search page, put in ``generate_context``.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from pelican import signals
from pelican.contents import Article
from pelican.generators import Generator

from event.editions import Edition, contents_of, edition_for, editions_of, gettext_of, menus_of
from event.signals import SITE_WRITTEN
from eventsite.settingskit import check_at_startup

from .settings import setting

logger = logging.getLogger(__name__)

SEARCH_KEY = "search_pages"


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


def announced_links(context: Any, key: str, lang: str) -> tuple[Link, ...]:
    """The page of LANG another plugin announced in context[KEY] (language → page with a title and a url), if any."""
    page = (context.get(key) or {}).get(lang)
    return (Link(str(page.title), str(page.url)),) if page is not None else ()


def site_sections(context: Any, edition: Edition | None = None) -> list[Section]:
    """Every page of EDITION (the default one when None), grouped, for readers without JavaScript."""
    edition = edition or edition_for(context, None)
    lang = edition.lang if edition is not None else str(context.get("DEFAULT_LANG") or "fr")
    prefix = edition.prefix if edition is not None else ""
    _ = gettext_of(edition) if edition is not None else str
    sections: list[Section] = []
    contents = contents_of(edition, context) if edition is not None else list(context.get("pages", []))
    pages = [item for item in contents if not isinstance(item, Article)]
    home = [Link(_("Accueil"), prefix)]
    others = sorted((Link(p.title, p.url) for p in pages if p.url not in ("", "index.html", prefix, prefix + "index.html")),
                    key=lambda l: l.title)
    sections.append(Section(_("Le site"), tuple(home + others)))
    event = edition.event if edition is not None else context.get("event")
    event_settings = edition.settings if edition is not None else context.get("event_settings")
    if event is not None and event_settings is not None:
        urls = event_settings.urls
        sections.append(
            Section(
                _("Programme et intervenants"),
                (Link(_("Programme"), urls["programme"]),)
                + announced_links(context, "changes_pages", lang)  # the changes plugin's page, when it is on
                + (Link(_("Intervenants"), urls["speakers"]),)
                + tuple(Link(s.name, s.url) for s in event.speakers),
            )
        )
        sections.append(
            Section(
                _("Propositions des ateliers"),
                (Link(_("Propositions des ateliers"), urls["outcomes"]),)
                + tuple(Link(t.title, t.url) for t in event.themes)
                + announced_links(context, "memento_pages", lang),
            )
        )
        sections.append(Section(_("Partenaires"), (Link(_("Organisateurs et partenaires"), urls["partners"]),)))
    articles = [item for item in contents if isinstance(item, Article)]
    index = str(context.get("INDEX_SAVE_AS", "")).removesuffix("index.html")
    news_url = prefix + index if index else ""  # each edition has its news index
    news = ([Link(_("Toutes les actualités"), news_url)] if news_url else []) + [Link(a.title, a.url) for a in articles]
    if news:
        sections.append(Section(_("Actualités"), tuple(news)))
    galleries = context.get("galleries") or {}
    photos = [Link(g.title, prefix + g.url) for g in (galleries.values() if isinstance(galleries, dict) else galleries)]
    if photos:
        sections.append(Section(_("Photos"), tuple(photos)))
    # Whatever else the menus lead to (a gallery index, a page another plugin writes) goes in too.
    listed = {link.url for section in sections for link in section.links}
    menus = list(menus_of(edition)) if edition is not None else []
    search_url = prefix + str(setting(context, "SEARCH_URL"))
    extra = [
        Link(label.split("{", 1)[0].rstrip(" :") or url, url)  # a label with a {placeholder} keeps its plain part
        for label, url in menus
        if url not in listed and url != search_url
    ]
    if extra:
        sections[0] = Section(sections[0].title, sections[0].links + tuple(dict.fromkeys(extra)))
    return sections


def search_pages(editions: Any, settings: Any) -> dict[str, str]:
    """Language → the site-relative URL of that edition's search page."""
    url = str(setting(settings, "SEARCH_URL"))
    return {edition.lang: edition.url(url) for edition in editions}


class SearchGenerator(Generator):
    """Writes one search page per edition; Pagefind indexes each language apart, from each page's <html lang>."""

    def generate_context(self) -> None:
        """Say where each edition's search page will be (context["search_pages"])."""
        self.context[SEARCH_KEY] = MappingProxyType(search_pages(editions_of(self.context), self.settings))

    def generate_output(self, writer: Any) -> None:
        """Write each edition's search page with its list of every page of that edition."""
        editions = editions_of(self.context)
        pages = dict(self.context[SEARCH_KEY])
        template = self.get_template(str(setting(self.settings, "SEARCH_TEMPLATE")))
        bundle = str(setting(self.settings, "SEARCH_BUNDLE_DIR")).strip("/")
        for edition in editions:
            url = pages[edition.lang]
            writer.write_file(
                url + "index.html" if url.endswith("/") or not url else url,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                page_url=url,
                edition=edition,
                lang=edition.lang,
                event=edition.event,
                event_settings=edition.settings,
                alternates=pages,
                site_sections=site_sections(self.context, edition),
                search_bundle=bundle,
            )


def add_generator(pelican: Any) -> type[SearchGenerator]:
    """Give Pelican the search page's generator."""
    return SearchGenerator


def pagefind_executable() -> list[str]:
    """The command that runs Pagefind: the binary ``python -m pagefind`` would run, found as pagefind finds it.

    pagefind's own lookup (PAGEFIND_BINARY_PATH, the extended binary, the one pagefind[bin] ships,
    then PATH), run directly: ``python -m pagefind`` only starts Python to exec it, 70 ms a build.
    Without a binary, ``python -m pagefind`` is left to say what is missing.
    """
    from pagefind.service import get_executable

    found = get_executable()
    return [str(found)] if found is not None else [sys.executable, "-m", "pagefind"]


def pagefind_command(site: str, settings: Any, bundle: str | None = None) -> list[str]:
    """The Pagefind command line that indexes SITE (the binary shipped by the pagefind[bin] package).

    The bundle goes to SITE's SEARCH_BUNDLE_DIR, or to the folder BUNDLE when given (the preview
    indexes the served site and swaps the new bundle in).
    """
    where = ["--output-path", bundle] if bundle else ["--output-subdir", str(setting(settings, "SEARCH_BUNDLE_DIR")).strip("/")]
    command = [*pagefind_executable(), "--site", site, *where, "--quiet"]
    language = setting(settings, "SEARCH_LANGUAGE")
    return command + ["--force-language", str(language)] if language else command


class PagefindRun:
    """Pagefind indexing a written site in a process of its own: waited for (its failure raised), or stopped."""

    def __init__(self, site: str, settings: Any) -> None:
        self.site, self.settings = site, settings
        self.started = time.perf_counter()
        self.deadline = self.started + float(setting(settings, "SEARCH_TIMEOUT"))
        try:  # what it prints (little: --quiet) is read once it ends, or as it goes if it ever filled the pipe
            self.process = subprocess.Popen(pagefind_command(site, settings), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        except OSError as error:
            raise PagefindFailed(f"Pagefind n'a pas pu indexer le site : {error}") from error
        self.replaces = index_site  # event.site_written: the finalized receiver whose work this is
        self.expired = False

    def _expire(self) -> None:
        """SEARCH_TIMEOUT is over: Pagefind is stopped."""
        self.expired = True
        self.process.kill()

    def wait(self) -> float:
        """Wait for the index (until SEARCH_TIMEOUT from the start); return the seconds it took, raise PagefindFailed if it failed.

        A blocking wait, the timeout kept by a timer: Popen.wait(timeout) polls, sleeping up to 50 ms between two looks.
        """
        timer = threading.Timer(max(0.0, self.deadline - time.perf_counter()), self._expire)
        timer.start()
        try:
            output, _ = self.process.communicate()  # no timeout given: reads to the end, then a blocking wait
        finally:
            timer.cancel()
        if self.expired:
            limit = float(setting(self.settings, "SEARCH_TIMEOUT"))
            raise PagefindFailed(f"Pagefind n'a pas pu indexer le site : pas fini après {limit:g} s (SEARCH_TIMEOUT)")
        printed, returncode = output.decode("utf-8", "replace").strip(), self.process.returncode
        if returncode != 0:
            raise PagefindFailed(f"Pagefind a échoué ({returncode}) : {printed}")
        normalise_entry(self.site, self.settings)
        seconds = time.perf_counter() - self.started
        logger.info("Recherche : index Pagefind construit en %.2f s", seconds)
        return seconds

    def cancel(self) -> None:
        """Stop Pagefind at once (a failed build): the staging folder it wrote in is not published."""
        if self.process.poll() is None:
            self.process.kill()
        if self.process.stdout is not None:
            self.process.stdout.close()  # closed already when it was waited for
        self.process.wait()


def run_pagefind(site: str, settings: Any) -> float:
    """Index SITE with Pagefind; return the seconds it took, raise PagefindFailed if it failed."""
    return PagefindRun(site, settings).wait()


def normalise_entry(site: str, settings: Any, bundle: str | None = None) -> None:
    """Sort pagefind-entry.json's keys (of SITE's bundle, or of the folder BUNDLE): Pagefind writes its languages in any order, and builds must be reproducible."""
    folder = bundle or os.path.join(site, str(setting(settings, "SEARCH_BUNDLE_DIR")).strip("/"))
    path = os.path.join(folder, "pagefind-entry.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as handle:
        entry = json.load(handle)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(entry, handle, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def index_site(pelican: Any) -> None:
    """finalized handler: index the site just written (a plain `pelican` run; eventsite's builds index from start_indexing)."""
    if setting(pelican.settings, "SEARCH_PAGEFIND"):
        run_pagefind(pelican.output_path, pelican.settings)


def start_indexing(pelican: Any, *, generators: Sequence[Any], **_: Any) -> PagefindRun | None:
    """event.site_written handler: Pagefind starts indexing the whole written site while the other finalized handlers run.

    The build waits for the run (it replaces index_site) before the site is published.
    """
    if setting(pelican.settings, "SEARCH_PAGEFIND") and any(isinstance(g, SearchGenerator) for g in generators):
        return PagefindRun(pelican.output_path, pelican.settings)
    return None


def register() -> None:
    """Connect the search plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.get_generators.connect(add_generator)
    signals.finalized.connect(index_site)
    SITE_WRITTEN.connect(start_indexing)
